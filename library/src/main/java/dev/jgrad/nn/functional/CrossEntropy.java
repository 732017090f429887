package dev.jgrad.nn.functional;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;

/** The two composed paths of cross_entropy, written as PyTorch's LossNLL.cpp writes them. */
final class CrossEntropy {
    private CrossEntropy() {}

    private static Tensor classView(Tensor weight, int ndim, int classDim) {
        long[] shape = new long[ndim];
        java.util.Arrays.fill(shape, 1);
        shape[classDim] = weight.numel();
        return weight.view(shape);
    }

    /** Class-probability targets: -sum(log_softmax(input) * target [* weight]) over the class dim. */
    static Tensor probabilities(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction, double smoothing,
                                int classDim) {
        if (!target.isFloatingPoint()) {
            throw new IllegalArgumentException("Expected floating point type for target with class probabilities, got "
                    + target.dtype().scalarTypeName());
        }
        if (ignoreIndex >= 0) throw new IllegalArgumentException("ignore_index is not supported for floating point target");
        long classes = input.size(classDim);
        Tensor logp = input.logSoftmax(classDim);
        Tensor t = smoothing > 0 ? target.mul(1 - smoothing).add(smoothing / classes) : target;
        Tensor prod = logp.mul(t);
        if (weight != null) prod = prod.mul(classView(weight, input.dim(), classDim));
        return switch (reduction) {
            case "mean" -> input.numel() == 0 ? prod.sum().neg().mul(Double.NaN) : prod.sum().neg().div(input.numel() / classes);
            case "sum" -> prod.sum().neg();
            case "none" -> prod.sum(classDim, false).neg();
            default -> throw new IllegalArgumentException(reduction + " is not a valid value for reduction");
        };
    }

    /** Class indices with label smoothing: (1 - e) * nll_loss + e / C * (the mean of -sum(log_softmax) over kept positions). */
    static Tensor smoothed(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction, double smoothing,
                           int classDim) {
        Tensor logp = input.logSoftmax(classDim);
        Tensor nll = Torch.nllLoss(logp, target, weight, reduction, ignoreIndex);
        long classes = input.size(classDim);
        Tensor smooth = (weight == null ? logp : logp.mul(classView(weight, input.dim(), classDim))).sum(classDim, false).neg();
        Tensor ignored = target.eq(ignoreIndex);
        smooth = Torch.where(ignored, Torch.zerosLike(smooth), smooth);
        Tensor ret = switch (reduction) {
            case "mean" -> smooth.sum().div(weight == null ? ignored.logicalNot().sum().to(input.dtype()) : keptWeightSum(weight, target, ignoreIndex));
            case "sum" -> smooth.sum();
            case "none" -> smooth;
            default -> throw new IllegalArgumentException(reduction + " is not a valid value for reduction");
        };
        return nll.mul(1 - smoothing).add(ret.mul(smoothing / classes));
    }

    private static Tensor keptWeightSum(Tensor weight, Tensor target, long ignoreIndex) {
        long[] t = target.toLongArray();
        int kept = 0;
        for (long v : t) if (v != ignoreIndex) kept++;
        long[] idx = new long[kept];
        for (int i = 0, j = 0; i < t.length; i++) if (t[i] != ignoreIndex) idx[j++] = t[i];
        return weight.indexSelect(0, Torch.fromArray(idx, kept)).sum();
    }
}
