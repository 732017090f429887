package dev.jgrad.internal.ops;

import dev.jgrad.internal.TensorInternals;
import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;

/** layer_norm and batch_norm: checks, kernels, derivative rows (the pattern every op family follows). */
public final class Normalization {
    private Normalization() {}

    // ---------------------------------------------------------------- normalisation

    public static Tensor layerNorm(Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::native_layer_norm", input, weight, bias) : null) {
            int k = normalizedShape.length, nd = input.dim();
            boolean ok = k >= 1 && nd >= k;
            for (int i = 0; ok && i < k; i++) ok = shape(input)[nd - k + i] == normalizedShape[i];
            if (!ok) {
                StringBuilder expect = new StringBuilder("[*");
                for (long s : normalizedShape) expect.append(", ").append(s);
                throw new IllegalArgumentException("Given normalized_shape=" + Shapes.format(normalizedShape) + ", expected input with shape "
                        + expect + "], but got input of size" + Shapes.format(shape(input)));
            }
            if (weight != null && !Arrays.equals(weight.shape(), normalizedShape)) {
                throw new IllegalArgumentException("Expected weight to be of same shape as normalized_shape, but got weight of shape "
                        + Shapes.format(shape(weight)) + " and normalized_shape = " + Shapes.format(normalizedShape));
            }
            Checks.requireFloat(input, "LayerNormKernelImpl");
            int n = Shapes.product(shape(input), nd - k, nd);
            Tensor out = Dispatch.empty(input, shape(input), input.dtype());
            Dispatch.backend(input, weight, bias).layerNorm(Dispatch.view(input), Dispatch.view(weight), Dispatch.view(bias), n, eps,
                    Dispatch.view(out));
            return Derivatives.layerNorm(out, input, weight, bias, k, eps);
        }
    }

    /** (x - mean) / sqrt(var + eps) over the last normDims dims, no recording (layer_norm's backward reads it). */
    public static Tensor layerNormPlain(Tensor x, int normDims, double eps) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::native_layer_norm", x) : null) {
            int n = Shapes.product(shape(x), x.dim() - normDims, x.dim());
            Tensor out = Dispatch.empty(x, shape(x), x.dtype());
            Dispatch.backend(x).layerNorm(Dispatch.view(x), null, null, n, eps, Dispatch.view(out));
            return out;
        }
    }

    /** layer_norm's input gradient (native_layer_norm_backward's first output), no recording; weight may be null. */
    public static Tensor layerNormInputGrad(Tensor g, Tensor x, Tensor weight, int normDims, double eps) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::native_layer_norm_backward", g, x, weight) : null) {
            int n = Shapes.product(shape(x), x.dim() - normDims, x.dim());
            Tensor out = Dispatch.empty(x, shape(x), x.dtype());
            Dispatch.backend(g, x, weight).layerNormBackward(Dispatch.view(g), Dispatch.view(x), Dispatch.view(weight), n, eps,
                    Dispatch.view(out));
            return out;
        }
    }

    /** batch_norm's per-channel arguments, in the order PyTorch checks their sizes. */
    private static final String[] PER_CHANNEL_NAMES = {"running_mean", "running_var", "weight", "bias"};

    /**
     * batch_norm over dim 1. Training normalises with the batch statistics and moves the running ones
     * (when given) towards them: {@code running = (1 - momentum) * running + momentum * batch}, the
     * variance unbiased there. Evaluation normalises with the running statistics.
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias, boolean training,
                            double momentum, double eps) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::native_batch_norm", input, runningMean, runningVar, weight, bias) : null) {
            if (input.dim() < 2) {
                throw new IllegalArgumentException("batch_norm(): expected input with at least 2 dims (got " + input.dim() + "D input)");
            }
            Checks.requireFloat(input, "batch_norm_cpu");
            int n = shape(input)[0], c = shape(input)[1], inner = Shapes.product(shape(input), 2, input.dim());
            Tensor[] perChannel = {runningMean, runningVar, weight, bias};
            for (int i = 0; i < perChannel.length; i++) {
                if (perChannel[i] != null && perChannel[i].numel() != c) {
                    throw new IllegalArgumentException(PER_CHANNEL_NAMES[i] + " should contain " + c + " elements not " + perChannel[i].numel());
                }
            }
            if (!training && (runningMean == null || runningVar == null)) {
                throw new IllegalArgumentException("running_mean and running_var must be defined in evaluation mode");
            }
            if (training && (long) n * inner <= 1) {
                throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size " + input.size());
            }
            Tensor result = Dispatch.empty(input, shape(input), input.dtype());
            Tensor evalMean = training ? null : Dispatch.empty(input, new int[] {c}, input.dtype());
            Tensor evalInvstd = training ? null : Dispatch.empty(input, new int[] {c}, input.dtype());
            Dispatch.backend(input, runningMean, runningVar, weight, bias).batchNorm(Dispatch.view(input), Dispatch.view(runningMean),
                    Dispatch.view(runningVar), Dispatch.view(weight), Dispatch.view(bias), training, momentum, eps, Dispatch.view(result),
                    Dispatch.view(evalMean), Dispatch.view(evalInvstd));
            if (training) {  // the running statistics moved in place
                if (runningMean != null) TensorInternals.bumpVersion(runningMean);
                if (runningVar != null) TensorInternals.bumpVersion(runningVar);
            }
            return Derivatives.batchNorm(result, input, weight, bias, training, evalMean, evalInvstd, eps);
        }
    }

    /** group_norm over (N, C, ...): each sample's channels in groups of C / groups, normalised together, then weight and bias per channel. */
    public static Tensor groupNorm(Tensor input, int groups, Tensor weight, Tensor bias, double eps) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::group_norm", input, weight, bias) : null) {
            if (input.dim() < 2) throw new IllegalArgumentException("Expected at least 2 dimensions for input tensor but received " + input.dim());
            long c = input.size(1);
            if (groups <= 0 || c % groups != 0) {
                throw new IllegalArgumentException("Expected number of channels in input to be divisible by num_groups, but got input of shape "
                        + input.size() + " and num_groups=" + groups);
            }
            dev.jgrad.internal.core.Checks.requireHalfKernel(input, "GroupNormKernelImpl", false);
            for (Tensor p : new Tensor[] {weight, bias}) {
                if (p != null && (p.dim() != 1 || p.numel() != c)) {
                    throw new IllegalArgumentException("Expected " + (p == weight ? "weight" : "bias") + " to be a vector of size equal to the number "
                            + "of channels in input, but got " + (p == weight ? "weight" : "bias") + " of shape " + p.size() + " and input of shape "
                            + input.size());
                }
            }
            Checks.requireFloat(input, "native_group_norm");
            Tensor out;
            try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
                Tensor x = Copying.convert(input, DType.FLOAT64);
                Tensor y = dev.jgrad.internal.autograd.NnDerivativeHelpers.groupNormXhat(x, groups, eps);
                long[] channel = new long[input.dim()];
                java.util.Arrays.fill(channel, 1);
                channel[1] = c;
                if (weight != null) y = y.mul(weight.reshape(channel));
                if (bias != null) y = y.add(bias.reshape(channel));
                out = Copying.convert(y, input.dtype());
            }
            return Derivatives.groupNorm(out, input, weight, bias, groups, eps);
        }
    }
}
