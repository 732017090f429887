package dev.jgrad;

import dev.jgrad.profiler.Profiler;
import dev.jgrad.autograd.Derivatives;
import java.util.Arrays;

/** layer_norm and batch_norm: checks, kernels, derivative rows (see {@link NnOps}). */
final class NnNorms {
    private NnNorms() {}

    // ---------------------------------------------------------------- normalisation

    static Tensor layerNorm(Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::native_layer_norm", input, weight, bias) : null) {
            int k = normalizedShape.length, nd = input.dim();
            boolean ok = k >= 1 && nd >= k;
            for (int i = 0; ok && i < k; i++) ok = input.shape[nd - k + i] == normalizedShape[i];
            if (!ok) {
                StringBuilder expect = new StringBuilder("[*");
                for (long s : normalizedShape) expect.append(", ").append(s);
                throw new IllegalArgumentException("Given normalized_shape=" + Shapes.format(normalizedShape) + ", expected input with shape "
                        + expect + "], but got input of size" + Shapes.format(input.shape));
            }
            if (weight != null && !Arrays.equals(weight.shape(), normalizedShape)) {
                throw new IllegalArgumentException("Expected weight to be of same shape as normalized_shape, but got weight of shape "
                        + Shapes.format(weight.shape) + " and normalized_shape = " + Shapes.format(normalizedShape));
            }
            NnOps.requireFloat(input, "LayerNormKernelImpl");
            int n = NnOps.product(input.shape, nd - k, nd), rows = n == 0 ? 0 : input.numel() == 0 ? 0 : (int) (input.numel() / n);
            double[] x = input.toDoubleArray();
            double[][] m = NnKernels.rowMoments(x, rows, n, eps);
            NnKernels.normalizeRows(x, rows, n, m[0], m[1], NnOps.doubles(weight), NnOps.doubles(bias));
            return Derivatives.layerNorm(NnOps.fromDoubles(x, input.shape, input.dtype()), input, weight, bias, k, eps);
        }
    }

    /**
     * batch_norm over dim 1. Training normalises with the batch statistics and moves the running ones
     * (when given) towards them: {@code running = (1 - momentum) * running + momentum * batch}, the
     * variance unbiased there. Evaluation normalises with the running statistics.
     */
    static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias, boolean training,
                            double momentum, double eps) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::native_batch_norm", input, runningMean, runningVar, weight, bias) : null) {
            if (input.dim() < 2) {
                throw new IllegalArgumentException("batch_norm(): expected input with at least 2 dims (got " + input.dim() + "D input)");
            }
            NnOps.requireFloat(input, "batch_norm_cpu");
            int n = input.shape[0], c = input.shape[1], inner = NnOps.product(input.shape, 2, input.dim());
            for (Tensor t : new Tensor[] {runningMean, runningVar, weight, bias}) {
                if (t != null && t.numel() != c) {
                    throw new IllegalArgumentException("running_mean should contain " + c + " elements not " + t.numel());
                }
            }
            if (!training && (runningMean == null || runningVar == null)) {
                throw new IllegalArgumentException("running_mean and running_var must be defined in evaluation mode");
            }
            double[] x = input.toDoubleArray(), mean, invstd;
            if (training) {
                if ((long) n * inner <= 1) {
                    throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size " + input.size());
                }
                double[][] mv = NnKernels.channelMoments(x, n, c, inner);
                mean = mv[0];
                invstd = new double[c];
                for (int i = 0; i < c; i++) invstd[i] = 1 / Math.sqrt(mv[1][i] + eps);
                if (runningMean != null) updateRunning(runningMean, mean, momentum, 1);
                if (runningVar != null) updateRunning(runningVar, mv[1], momentum, (double) n * inner / ((double) n * inner - 1));
            } else {
                mean = runningMean.toDoubleArray();
                double[] var = runningVar.toDoubleArray();
                invstd = new double[c];
                for (int i = 0; i < c; i++) invstd[i] = 1 / Math.sqrt(var[i] + eps);
            }
            NnKernels.normalizeChannels(x, n, c, inner, mean, invstd, NnOps.doubles(weight), NnOps.doubles(bias));
            Tensor result = NnOps.fromDoubles(x, input.shape, input.dtype());
            Tensor evalMean = training ? null : NnOps.fromDoubles(mean, new int[] {c}, input.dtype());
            Tensor evalInvstd = training ? null : NnOps.fromDoubles(invstd, new int[] {c}, input.dtype());
            return Derivatives.batchNorm(result, input, weight, bias, training, evalMean, evalInvstd, eps);
        }
    }

    private static void updateRunning(Tensor running, double[] batch, double momentum, double correction) {
        double[] r = running.toDoubleArray();
        for (int i = 0; i < r.length; i++) r[i] = momentum * batch[i] * correction + (1 - momentum) * r[i];
        try (var g = Torch.noGrad()) {
            running.copy_(NnOps.fromDoubles(r, running.shape, running.dtype()));
        }
    }
}
