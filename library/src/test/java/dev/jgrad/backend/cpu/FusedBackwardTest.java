package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.Autograd;
import dev.jgrad.autograd.Gradcheck;
import dev.jgrad.nn.functional.F;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The one-pass backward kernels (softmax, log_softmax, layer_norm, gelu) against finite differences in float64
 * (gradcheck, whose analytical gradient is the kernel's float64 path) and, in float32 (the vector rows, with row
 * lengths that leave a tail), against the float64 gradient of the same inputs; and with createGraph, where the
 * differentiable formulas run instead, the two routes agree.
 */
class FusedBackwardTest {
    private static final List<Function<Tensor, Tensor>> OPS = List.of(
            x -> x.softmax(-1),
            x -> x.logSoftmax(-1),
            x -> x.softmax(0),
            x -> F.layerNorm(x, new long[] {x.size(-1)}, null, null, 1e-5),
            Tensor::gelu);

    @Test
    void float64GradientsMatchFiniteDifferences() {
        Torch.manualSeed(1);
        for (Function<Tensor, Tensor> op : OPS) {
            Tensor x = Torch.randn(DType.FLOAT64, 3, 7).requiresGrad_();
            assertTrue(Gradcheck.gradcheck(in -> op.apply(in), x));
        }
        Tensor x = Torch.randn(DType.FLOAT64, 4, 5).requiresGrad_(), w = Torch.randn(DType.FLOAT64, 5).requiresGrad_();
        assertTrue(Gradcheck.gradcheck(in -> List.of(F.layerNorm(in.get(0), new long[] {5}, in.get(1), null, 1e-5)), List.of(x, w)));
    }

    @Test
    void float32GradientsAreTheFloat64OnesRounded() {
        Torch.manualSeed(2);
        for (int n : new int[] {64, 37, 5}) {
            for (Function<Tensor, Tensor> op : OPS) {
                Tensor x64 = Torch.randn(DType.FLOAT64, 6, n).mul(2), g64 = Torch.randn(DType.FLOAT64, 6, n);
                Tensor x32 = x64.to(DType.FLOAT32).requiresGrad_();
                x64 = x32.detach().to(DType.FLOAT64).requiresGrad_();
                Tensor want = Autograd.grad(List.of(op.apply(x64)), List.of(x64), List.of(g64), false, false, false).get(0);
                Tensor got = Autograd.grad(List.of(op.apply(x32)), List.of(x32), List.of(g64.to(DType.FLOAT32)), false, false, false).get(0);
                assertTrue(got.to(DType.FLOAT64).allclose(want, 1e-5, 1e-6), "n=" + n + ": " + got.sub(want.to(DType.FLOAT32)).abs().max());
                // with createGraph the composite formulas run: the same gradient to float32's precision
                Tensor again = Autograd.grad(List.of(op.apply(x32)), List.of(x32), List.of(g64.to(DType.FLOAT32)), true, true, false).get(0);
                assertTrue(again.detach().allclose(got, 1e-4, 1e-5), "createGraph route, n=" + n);
            }
        }
    }
}
