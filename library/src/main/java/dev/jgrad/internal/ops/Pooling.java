package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/**
 * Average pooling, adaptive average pooling and pixel shuffle over the
 * last two dims of (N, C, H, W) or (C, H, W). Built from existing kernels (im2col, index_select, matmul)
 * with PyTorch's window, scale and index arithmetic; each records PyTorch's node with its adjoint.
 */
public final class Pooling {
    private Pooling() {}

    // ---------------------------------------------------------------- avg_pool2d

    /** avg_pool2d: windows summed (im2col over the padded input) and divided as PyTorch divides (count_include_pad, ceil_mode, divisor_override). */
    public static Tensor avgPool2d(Tensor input, int[] kernel, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad,
                                   Integer divisorOverride) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::avg_pool2d", input) : null) {
            int nd = input.dim();
            if (nd != 3 && nd != 4) throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
            Checks.requireFloat(input, "avg_pool2d");
            Checks.requireHalfKernel(input, "avg_pool2d", false);
            Convolution.Window w = Convolution.window(kernel, stride == null || stride.length == 0 ? kernel : stride, padding, new int[] {1});
            if (w.ph() > w.kh() / 2 || w.pw() > w.kw() / 2) {
                throw new IllegalArgumentException("pad should be at most half of kernel size, but got pad=" + (w.ph() > w.kh() / 2 ? w.ph() : w.pw())
                        + " and kernel_size=" + (w.ph() > w.kh() / 2 ? w.kh() : w.kw()));
            }
            if (divisorOverride != null && divisorOverride == 0) throw new IllegalArgumentException("divisor must be not zero");
            int h = shape(input)[nd - 2], wd = shape(input)[nd - 1];
            int oh = Convolution.poolOutSize(h, w.kh(), w.ph(), w.sh(), 1, ceilMode), ow = Convolution.poolOutSize(wd, w.kw(), w.pw(), w.sw(), 1, ceilMode);
            if (oh < 1 || ow < 1) {
                throw new IllegalArgumentException("Given input size: (" + shape(input)[nd - 3] + "x" + h + "x" + wd + "). Calculated output size: ("
                        + shape(input)[nd - 3] + "x" + oh + "x" + ow + "). Output size is too small");
            }
            AvgPlan plan = new AvgPlan(shape(input), w, oh, ow, divisors(h, wd, w, oh, ow, countIncludePad, divisorOverride, input));
            Tensor out;
            try (var guard = GradMode.setEnabled(false)) {
                out = avgForward(input, plan);
            }
            Convolution.Window k = w;
            int[] geo = {k.kh(), k.kw(), k.sh(), k.sw(), k.ph(), k.pw()};
            return Derivatives.avgPool2d(out, input, geo, oh, ow, plan.rightPad(h, true), plan.rightPad(wd, false), plan.divisors());
        }
    }

    /** What avg_pool2d's backward needs: the input shape, the window, the output size and each output's divisor (oh, ow). */
    public record AvgPlan(int[] inputShape, Convolution.Window window, int oh, int ow, Tensor divisors) {
        int rightPad(int in, boolean rows) {
            int out = rows ? oh : ow, k = rows ? window.kh() : window.kw(), s = rows ? window.sh() : window.sw(), p = rows ? window.ph() : window.pw();
            return Math.max(0, (out - 1) * s + k - in - p);
        }
    }

    private static Tensor divisors(int h, int wd, Convolution.Window w, int oh, int ow, boolean countIncludePad, Integer override, Tensor like) {
        double[] d = new double[oh * ow];
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                int hs = i * w.sh() - w.ph(), ws = j * w.sw() - w.pw();
                int he = Math.min(hs + w.kh(), h + w.ph()), we = Math.min(ws + w.kw(), wd + w.pw());
                int poolSize = (he - hs) * (we - ws);
                hs = Math.max(hs, 0);
                ws = Math.max(ws, 0);
                he = Math.min(he, h);
                we = Math.min(we, wd);
                d[i * ow + j] = override != null ? override : countIncludePad ? poolSize : (he - hs) * (we - ws);
            }
        }
        return Torch.tensor(d, like.dtype()).reshape(oh, ow).to(like.device());
    }

    /** The flattened planes (N*C, 1, H, W) zero-padded so that every window of the output lies inside. */
    private static Tensor padded(Tensor x, AvgPlan p) {
        int nd = x.dim();
        int h = shape(x)[nd - 2], wd = shape(x)[nd - 1];
        Tensor planes = x.reshape(-1, 1, h, wd);
        Convolution.Window w = p.window();
        return dev.jgrad.nn.functional.F.pad(planes, w.pw(), p.rightPad(wd, false), w.ph(), p.rightPad(h, true));
    }

    private static Tensor avgForward(Tensor x, AvgPlan p) {
        Convolution.Window w = p.window();
        Tensor cols = Torch.im2col(padded(x, p), new int[] {w.kh(), w.kw()}, new int[] {1, 1}, new int[] {0, 0}, new int[] {w.sh(), w.sw()});
        Tensor sums = cols.sum(1).reshape(-1, p.oh(), p.ow());
        int[] s = p.inputShape().clone();
        s[s.length - 2] = p.oh();
        s[s.length - 1] = p.ow();
        return sums.div(p.divisors()).reshape(Shapes.toLong(s));
    }

    // ---------------------------------------------------------------- adaptive_avg_pool2d

    /** Output cell i averages input rows floor(i H / oh) to ceil((i + 1) H / oh); a 1x1 output is the mean, as in PyTorch. */
    public static Tensor adaptiveAvgPool2d(Tensor input, int oh, int ow) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::adaptive_avg_pool2d", input) : null) {
            Checks.requireHalfKernel(input, "adaptive_avg_pool2d", false);
            int nd = input.dim();
            if (nd != 3 && nd != 4) {
                throw new IllegalArgumentException("adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got " + Shapes.format(shape(input)));
            }
            if (oh == 1 && ow == 1) return input.mean(new int[] {-1, -2}, true);
            Tensor rows = averaging(shape(input)[nd - 2], oh, input), cols = averaging(shape(input)[nd - 1], ow, input);
            Tensor out;
            try (var guard = GradMode.setEnabled(false)) {
                if (input.dtype().isReducedFloatingPoint()) {  // PyTorch averages 16-bit windows in float32, rounding once
                    Tensor f = input.to(DType.FLOAT32), r = averaging(shape(input)[nd - 2], oh, f), c = averaging(shape(input)[nd - 1], ow, f);
                    out = r.matmul(f).matmul(c.t()).to(input.dtype());
                } else {
                    out = rows.matmul(input).matmul(cols.t());
                }
            }
            return Derivatives.adaptiveAvgPool2d(out, input, rows, cols);
        }
    }

    /** (out, in): row i averages PyTorch's adaptive window i. */
    private static Tensor averaging(int in, int out, Tensor like) {
        double[] a = new double[out * in];
        for (int i = 0; i < out; i++) {
            int start = Math.floorDiv(i * in, out), end = -Math.floorDiv(-(i + 1) * in, out);
            for (int k = start; k < end; k++) a[i * in + k] = 1.0 / (end - start);
        }
        return Torch.tensor(a, DType.FLOAT64).reshape(out, in).to(like.device(), like.dtype());
    }

    // ---------------------------------------------------------------- pixel shuffle

    /** (N, C r^2, H, W) to (N, C, H r, W r). */
    public static Tensor pixelShuffle(Tensor input, int r) {
        int nd = input.dim();
        if (nd < 3) throw new IllegalArgumentException("pixel_shuffle expects input to have at least 3 dimensions, but got input with "
                + nd + " dimension(s)");
        long c = input.size(-3), h = input.size(-2), w = input.size(-1);
        if (c % ((long) r * r) != 0) {
            throw new IllegalArgumentException("pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, "
                    + "but input.size(-3)=" + c + " is not divisible by " + (long) r * r);
        }
        Tensor out;
        try (var guard = GradMode.setEnabled(false)) {
            out = dev.jgrad.internal.autograd.NnDerivativeHelpers.pixelShuffle(input, r, true);
        }
        return Derivatives.pixelShuffle(out, input, r, true);
    }

    /** (N, C, H r, W r) to (N, C r^2, H, W). */
    public static Tensor pixelUnshuffle(Tensor input, int r) {
        int nd = input.dim();
        if (nd < 3) throw new IllegalArgumentException("pixel_unshuffle expects input to have at least 3 dimensions, but got input with "
                + nd + " dimension(s)");
        if (input.size(-2) % r != 0 || input.size(-1) % r != 0) {
            throw new IllegalArgumentException("pixel_unshuffle expects height and width to be divisible by downscale_factor, but input.size(-2)="
                    + input.size(-2) + " and input.size(-1)=" + input.size(-1));
        }
        Tensor out;
        try (var guard = GradMode.setEnabled(false)) {
            out = dev.jgrad.internal.autograd.NnDerivativeHelpers.pixelShuffle(input, r, false);
        }
        return Derivatives.pixelShuffle(out, input, r, false);
    }
}
