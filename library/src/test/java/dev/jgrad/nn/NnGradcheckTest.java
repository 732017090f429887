package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.Gradcheck;
import dev.jgrad.nn.functional.F;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * gradcheck and gradgradcheck (float64, central differences) of every nn primitive and composed loss:
 * the derivative rows are right, and so are their own derivatives (the rows use differentiable ops).
 */
class NnGradcheckTest {
    @BeforeEach
    void seed() { Torch.manualSeed(0); }

    private static Tensor leaf(long... shape) { return Torch.randn(DType.FLOAT64, shape).requiresGrad_(true); }

    private static Tensor constant(long... shape) { return Torch.randn(DType.FLOAT64, shape); }

    /** Values in (lo, hi), away from kinks and domain edges. */
    private static Tensor leafIn(double lo, double hi, long... shape) {
        return Torch.rand(DType.FLOAT64, shape).mul(hi - lo).add(lo).requiresGrad_(true);
    }

    private static void check(Function<List<Tensor>, Tensor> f, Tensor... inputs) {
        Function<List<Tensor>, List<Tensor>> g = in -> List.of(f.apply(in));
        assertTrue(Gradcheck.gradcheck(g, List.of(inputs)));
        assertTrue(Gradcheck.gradgradcheck(g, List.of(inputs)));
    }

    @Test
    void softmaxFamily() {
        Tensor x = leaf(3, 4);
        check(in -> in.get(0).softmax(1), x);
        check(in -> in.get(0).softmax(0), x);
        check(in -> in.get(0).logSoftmax(1), x);
        check(in -> in.get(0).logSoftmax(-2), x);
        check(in -> in.get(0).logsumexp(1, false), x);
        check(in -> in.get(0).logsumexp(new int[] {0, 1}, true), x);
    }

    @Test
    void activations() {
        Tensor x = leaf(3, 4);
        check(in -> in.get(0).gelu(), x);
        check(in -> in.get(0).gelu("tanh"), x);
        check(in -> in.get(0).silu(), x);
        Tensor away = leafIn(0.2, 2, 3, 4).mul(Torch.tensor(new double[] {1, -1, 1, -1}, DType.FLOAT64)).detach().requiresGrad_(true);
        check(in -> in.get(0).leakyRelu(0.1), away);
    }

    @Test
    void gatheringAndLinear() {
        check(in -> in.get(0).indexSelect(0, Torch.tensor(1L, 3L, 1L)), leaf(5, 3));
        check(in -> in.get(0).indexSelect(1, Torch.tensor(2L, 0L)), leaf(2, 3));
        // not with padding_idx: the padding row is read but, by definition, gets no gradient
        check(in -> F.embedding(Torch.tensor(new long[][] {{0, 2}, {5, 0}}), in.get(0)), leaf(6, 3));
        check(in -> in.get(0).addmm(in.get(1), in.get(2)), leaf(3), leaf(2, 4), leaf(4, 3));
        check(in -> F.linear(in.get(0), in.get(1), in.get(2)), leaf(2, 3, 4), leaf(5, 4), leaf(5));
    }

    @Test
    void classificationLosses() {
        Tensor logits = leaf(4, 3);
        Tensor target = Torch.tensor(0L, 2L, -100L, 1L);
        Tensor weight = Torch.tensor(new double[] {0.5, 2.0, 1.5}, DType.FLOAT64);
        for (String red : List.of("mean", "sum", "none")) {
            check(in -> F.nllLoss(in.get(0), target, weight, -100, red), logits);
            check(in -> F.crossEntropy(in.get(0), target, null, -100, red, 0.0), logits);
            check(in -> F.crossEntropy(in.get(0), target, weight, -100, red, 0.2), logits);
        }
        Tensor probs = constant(4, 3).softmax(1);
        check(in -> F.crossEntropy(in.get(0), probs, weight, -100, "mean", 0.1), logits);
        check(in -> F.crossEntropy(in.get(0), Torch.tensor(new long[][] {{0, 2}, {1, 1}}), null, -100, "mean", 0), leaf(2, 3, 2));
    }

    @Test
    void regressionAndBinaryLosses() {
        for (String red : List.of("mean", "sum", "none")) {
            check(in -> F.mseLoss(in.get(0), in.get(1), red), leaf(3, 4), leaf(3, 4));
            check(in -> F.binaryCrossEntropy(in.get(0), Torch.rand(DType.FLOAT64, 3, 4).mul(0).add(0.3), null, red), leafIn(0.1, 0.9, 3, 4));
            Tensor t = Torch.tensor(new double[] {0, 1, 0.25, 1}, DType.FLOAT64).expand(3, 4);
            Tensor pos = Torch.tensor(new double[] {1.5, 0.5, 2, 1}, DType.FLOAT64);
            check(in -> F.binaryCrossEntropyWithLogits(in.get(0), t, null, pos, red), leaf(3, 4));
        }
        check(in -> F.l1Loss(in.get(0), in.get(1)), leaf(3, 4), constant(3, 4).requiresGrad_(true));
    }

    @Test
    void normalization() {
        check(in -> F.layerNorm(in.get(0), new long[] {4}, in.get(1), in.get(2), 1e-5), leaf(3, 4), leaf(4), leaf(4));
        check(in -> F.layerNorm(in.get(0), new long[] {3, 4}), leaf(2, 3, 4));
        check(in -> F.batchNorm(in.get(0), null, null, in.get(1), in.get(2), true, 0.1, 1e-5), leaf(5, 3), leaf(3), leaf(3));
        check(in -> F.batchNorm(in.get(0), null, null, null, null, true, 0.1, 1e-5), leaf(2, 3, 2, 2));
        Tensor rm = constant(3), rv = Torch.rand(DType.FLOAT64, 3).add(0.5);
        check(in -> F.batchNorm(in.get(0), rm, rv, in.get(1), in.get(2), false, 0.1, 1e-5), leaf(4, 3), leaf(3), leaf(3));
    }

    @Test
    void convolutionAndPooling() {
        check(in -> F.conv2d(in.get(0), in.get(1), in.get(2), new int[] {2, 1}, new int[] {1, 1}, new int[] {1, 1}, 1),
                leaf(2, 2, 5, 4), leaf(3, 2, 3, 3), leaf(3));
        check(in -> F.conv2d(in.get(0), in.get(1), null, new int[] {1}, new int[] {2}, new int[] {2}, 2),
                leaf(1, 4, 4, 4), leaf(2, 2, 2, 2));
        check(in -> F.unfold(in.get(0), new int[] {2, 2}, new int[] {1}, new int[] {1}, new int[] {2}), leaf(1, 2, 4, 3));
        check(in -> F.fold(in.get(0), new int[] {3, 3}, new int[] {2, 2}, new int[] {1}, new int[] {0}, new int[] {1}), leaf(2, 4, 4));
        check(in -> F.maxPool2d(in.get(0), new int[] {2}, new int[] {1}, new int[] {1}, new int[] {1}, false), leaf(2, 2, 4, 4));
        check(in -> F.maxPool2d(in.get(0), 3, 2), leaf(1, 5, 5));
    }

    @Test
    void dropoutWithAFixedMask() {
        check(in -> F.dropout(in.get(0), 0.3, true, new Generator(5)), leaf(4, 5));
    }
}
