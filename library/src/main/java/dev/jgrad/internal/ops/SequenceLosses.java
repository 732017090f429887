package dev.jgrad.internal.ops;

import dev.jgrad.DType;
import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import java.util.List;

/**
 * The losses and activation of the rnn-utils work: CTC (alpha-beta recursion in log space), multilabel margin
 * and randomized leaky ReLU. Forwards are composed of ops under no_grad; each records one node with PyTorch's
 * name whose backward is composed of ops too.
 */
public final class SequenceLosses {
    private SequenceLosses() {}

    // ---------------------------------------------------------------- multilabel margin

    /**
     * sum over targets j (the prefix of target before the first -1) and non-targets i of max(0, 1 - (x[y_j] - x[i])),
     * divided by the number of classes, per sample.
     */
    public static Tensor multilabelMargin(Tensor input, Tensor target, String reduction) {
        int red = Losses.reductionCode(reduction);
        int nd = input.dim();
        if (!((nd == 2 && input.size(1) != 0) || (nd == 1 && input.size(0) != 0) || nd == 0)) {
            throw new IllegalArgumentException("Expected non-empty vector or matrix with optional 0-dim batch size, but got: "
                    + Shapes.format(input.shape()));
        }
        long frames = nd <= 1 ? 1 : input.size(0), classes = nd == 0 ? 1 : input.size(nd - 1);
        boolean sameShape = nd <= 1 ? target.dim() <= 1 && target.numel() == classes : java.util.Arrays.equals(target.shape(), input.shape());
        if (!sameShape) throw new IllegalArgumentException("inconsistent size " + Shapes.format(target.shape()) + " for argument #2 'target'");
        if (target.dtype() != DType.INT64) throw new IllegalArgumentException("expected scalar type Long but found " + target.dtype().scalarTypeName());
        long[] t = target.toLongArray();
        for (int f = 0; f < frames; f++) {
            for (int j = 0; j < classes; j++) {
                long v = t[(int) (f * classes + j)];
                if (v < 0) break;
                if (v >= classes) throw new IllegalArgumentException("argument #2 'target' is out of range");
            }
        }
        Tensor loss, coef;
        try (var g = GradMode.setEnabled(false)) {
            Tensor x = input.reshape(frames, classes), y = target.reshape(frames, classes);
            Tensor valid = y.lt(0L).cumsum(1).eq(0L);
            Tensor idx = y.maskedFill(valid.logicalNot(), 0L);
            Tensor isTarget = Torch.zeros(x.dtype(), x.device(), frames, classes).scatterAdd(1, idx, valid.to(x.dtype())).gt(0L);
            Tensor z = x.gather(1, idx).unsqueeze(2).rsub(1.0).add(x.unsqueeze(1));  // (N, j, i)
            Tensor active = z.gt(0L).logicalAnd(valid.unsqueeze(2)).logicalAnd(isTarget.logicalNot().unsqueeze(1)).to(x.dtype());
            Tensor perSample = z.mul(active).sum(new int[] {1, 2}, false).div((double) classes);
            coef = active.sum(1).sub(Torch.zeros(x.dtype(), x.device(), frames, classes).scatterAdd(1, idx, active.sum(2))).div((double) classes);
            loss = switch (red) {
                case 0 -> nd <= 1 ? perSample.reshape() : perSample;
                case 1 -> perSample.mean();
                default -> perSample.sum();
            };
            if (red == 1) coef = coef.div((double) frames);
        }
        return Derivatives.multilabelMarginLoss(loss, input, coef.reshape(input.shape()), red, nd <= 1);
    }

    // ---------------------------------------------------------------- rrelu

    /**
     * Training: every element <= 0 is scaled by its own uniform draw in [lower, upper), drawn in element order as
     * PyTorch draws them (one double per element, the draws of a float64 uniform_ of that many elements);
     * evaluation: by (lower + upper) / 2.
     */
    public static Tensor rrelu(Tensor input, double lower, double upper, boolean training, Generator generator) {
        Tensor noise;
        try (var g = GradMode.setEnabled(false)) {
            Tensor nonPositive = input.le(0L);
            if (training) {
                long k = nonPositive.sum().itemLong();
                if (input.dtype() == DType.FLOAT32) {  // PyTorch's kernel holds the bounds in the input's type
                    lower = (float) lower;
                    upper = (float) upper;
                }
                // uniform_real_distribution<double>(lower, upper): x * (upper - lower) + lower from a draw x in [0, 1)
                Tensor draws = Torch.empty(DType.FLOAT64, input.device(), k).uniform_(0, 1, generator).mul(upper - lower).add(lower).to(input.dtype());
                noise = Torch.onesLike(input).maskedScatter(nonPositive, draws);
            } else {
                noise = Torch.onesLike(input).maskedFill(nonPositive, (lower + upper) / 2);
            }
        }
        Tensor out;
        try (var g = GradMode.setEnabled(false)) {
            out = input.mul(noise);
        }
        return Derivatives.rreluWithNoise(out, input, noise);
    }

    // ---------------------------------------------------------------- ctc

    /** The concatenated or padded targets of sample b. */
    private static Tensor targetsOf(Tensor targets, int b, long[] targetLengths, long[] offsets) {
        return targets.dim() == 1 ? targets.narrow(0, offsets[b], targetLengths[b]) : targets.select(0, b).narrow(0, 0, targetLengths[b]);
    }

    /**
     * {@code torch.ctc_loss}: the negative log-likelihood of each target under log_probs (T, N, C) ((T, C)
     * unbatched), reduced as PyTorch reduces it (mean: each divided by its target length, then averaged).
     */
    public static Tensor ctc(Tensor logProbs, Tensor targets, long[] inputLengths, long[] targetLengths, int blank, String reduction,
                             boolean zeroInfinity) {
        int red = Losses.reductionCode(reduction);
        boolean batched = logProbs.dim() == 3;
        Tensor lp = batched ? logProbs : logProbs.unsqueeze(1);
        Tensor nll = ctcUnreduced(lp, batched ? targets : targets.unsqueeze(0), inputLengths, targetLengths, blank, zeroInfinity);
        if (zeroInfinity) nll = nll.where(nll.eq(Double.POSITIVE_INFINITY).logicalNot(), Torch.zeros(nll.dtype(), nll.device()));
        if (red == 1) return nll.div(Torch.tensor(targetLengths).to(nll.dtype()).clampMin(1)).mean();
        if (red == 2) return nll.sum();
        return batched ? nll : nll.squeeze(0);
    }

    private static Tensor ctcUnreduced(Tensor lp, Tensor targets, long[] inputLengths, long[] targetLengths, int blank, boolean zeroInfinity) {
        long steps = lp.size(0), batch = lp.size(1), classes = lp.size(2);
        if (blank < 0 || blank >= classes) throw new IllegalArgumentException("blank must be in label range");
        if (inputLengths.length != batch) {
            throw new IllegalArgumentException("input_lengths must be of size batch_size");
        }
        if (targetLengths.length != batch) throw new IllegalArgumentException("target_lengths must be of size batch_size");
        long[] offsets = new long[(int) batch];
        for (int b = 1; b < batch; b++) offsets[b] = offsets[b - 1] + targetLengths[b - 1];
        for (int b = 0; b < batch; b++) {
            if (inputLengths[b] > steps) {
                throw new IllegalArgumentException("Expected input_lengths to have value at most " + steps + ", but got value " + inputLengths[b]
                        + " (while checking arguments for ctc_loss_cpu)");
            }
        }
        Tensor nll, grad;
        try (var g = GradMode.setEnabled(false)) {
            Tensor[] losses = new Tensor[(int) batch], grads = new Tensor[(int) batch];
            for (int b = 0; b < batch; b++) {
                Tensor[] r = ctcOne(lp.select(1, b), targetsOf(targets, b, targetLengths, offsets), (int) inputLengths[b], blank, zeroInfinity);
                losses[b] = r[0];
                grads[b] = r[1];
            }
            nll = Torch.stack(List.of(losses), 0);
            grad = Torch.stack(List.of(grads), 1);
        }
        return Derivatives.ctcLoss(nll, lp, grad);
    }

    /** One sample: {nll (0-d), d nll / d log_probs (T, C) as PyTorch's ctc_loss_backward computes it}. */
    private static Tensor[] ctcOne(Tensor lp, Tensor target, int length, int blank, boolean zeroInfinity) {
        long labels = target.size(0), ext = 2 * labels + 1;
        Tensor extended = Torch.full(new long[] {ext}, (long) blank);
        if (labels > 0) extended = extended.sliceScatter(target.to(DType.INT64), 0, 1, ext, 2);
        Tensor s = Torch.arange(ext);
        Tensor skip = s.ge(2L).logicalAnd(extended.ne((long) blank));
        if (ext > 2) {
            Tensor differs = extended.narrow(0, 2, ext - 2).ne(extended.narrow(0, 0, ext - 2));
            skip = skip.logicalAnd(Torch.cat(List.of(Torch.ones(DType.BOOL, lp.device(), 2), differs), 0));
        }
        Tensor lpe = lp.indexSelect(1, extended);  // (T, ext)
        double ninf = Double.NEGATIVE_INFINITY;
        Tensor[] alpha = new Tensor[length], beta = new Tensor[length];
        Tensor nll;
        if (length == 0) {
            nll = labels == 0 ? Torch.zeros(lp.dtype(), lp.device()) : Torch.full(new long[0], Double.POSITIVE_INFINITY, lp.dtype(), lp.device());
            return new Tensor[] {nll, Torch.zerosLike(lp)};
        }
        alpha[0] = lpe.select(0, 0).where(s.lt(2L), ninf);
        for (int t = 1; t < length; t++) {
            Tensor a = alpha[t - 1];
            Tensor a1 = shift(a, 1), a2 = shift(a, 2).where(skip, ninf);
            alpha[t] = logSumExp3(a, a1, a2).add(lpe.select(0, t));
        }
        Tensor last = alpha[length - 1];
        Tensor ends = ext > 1 ? last.narrow(0, ext - 2, 2) : last;
        nll = logSumExp(ends.unsqueeze(1)).squeeze(0).neg();
        Tensor skipNext = ext > 2 ? Torch.cat(List.of(skip.narrow(0, 2, ext - 2), Torch.zeros(DType.BOOL, lp.device(), 2)), 0)
                : Torch.zeros(DType.BOOL, lp.device(), ext);
        beta[length - 1] = lpe.select(0, length - 1).where(s.ge(ext - 2), ninf);
        for (int t = length - 2; t >= 0; t--) {
            Tensor b = beta[t + 1];
            Tensor b1 = shift(b, -1), b2 = shift(b, -2).where(skipNext, ninf);
            beta[t] = logSumExp3(b, b1, b2).add(lpe.select(0, t));
        }
        Tensor lcab = Torch.stack(List.of(alpha), 0).add(Torch.stack(List.of(beta), 0));  // (length, ext)
        Tensor m = lcab.amax(1, true);
        Tensor mSafe = m.maskedFill(m.eq(ninf), 0.0);
        long classes = lp.size(1);
        Tensor perClass = Torch.zeros(lp.dtype(), lp.device(), length, classes)
                .scatterAdd(1, extended.unsqueeze(0).expand(length, ext), lcab.sub(mSafe).exp()).log().add(mSafe);
        Tensor lpHead = lp.narrow(0, 0, length);
        Tensor grad = lpHead.exp().sub(perClass.add(nll).sub(lpHead).exp());
        if (length < lp.size(0)) grad = Torch.cat(List.of(grad, Torch.zeros(lp.dtype(), lp.device(), lp.size(0) - length, classes)), 0);
        if (zeroInfinity && nll.item() == Double.POSITIVE_INFINITY) grad = Torch.zerosLike(lp);
        return new Tensor[] {nll, grad};
    }

    /** v moved by k places (right for k > 0), -inf shifted in. */
    private static Tensor shift(Tensor v, int k) {
        long n = v.size(0), a = Math.abs(k);
        Tensor pad = Torch.full(new long[] {Math.min(a, n)}, Double.NEGATIVE_INFINITY, v.dtype(), v.device());
        if (a >= n) return pad;
        return k > 0 ? Torch.cat(List.of(pad, v.narrow(0, 0, n - a)), 0) : Torch.cat(List.of(v.narrow(0, a, n - a), pad), 0);
    }

    private static Tensor logSumExp3(Tensor a, Tensor b, Tensor c) { return logSumExp(Torch.stack(List.of(a, b, c), 0)); }

    /** log(sum(exp(x))) over dim 0, -inf (not nan) when every term is -inf. */
    private static Tensor logSumExp(Tensor x) {
        Tensor m = x.amax(0, true);
        Tensor mSafe = m.maskedFill(m.eq(Double.NEGATIVE_INFINITY), 0.0);
        return x.sub(mSafe).exp().sum(0).log().add(mSafe.squeeze(0));
    }
}
