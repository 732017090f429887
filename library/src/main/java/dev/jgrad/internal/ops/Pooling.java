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
 * Average pooling, adaptive average pooling, nearest and bilinear upsampling and pixel shuffle over the
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
            int nd = input.dim();
            if (nd != 3 && nd != 4) {
                throw new IllegalArgumentException("adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got " + Shapes.format(shape(input)));
            }
            if (oh == 1 && ow == 1) return input.mean(new int[] {-1, -2}, true);
            Tensor rows = averaging(shape(input)[nd - 2], oh, input), cols = averaging(shape(input)[nd - 1], ow, input);
            Tensor out;
            try (var guard = GradMode.setEnabled(false)) {
                out = rows.matmul(input).matmul(cols.t());
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

    // ---------------------------------------------------------------- upsampling

    /**
     * F.interpolate over the last two dims: mode "nearest" or "bilinear" (alignCorners applies to bilinear);
     * size (oh, ow), or scales when size is null (the output is floor(in * scale)).
     */
    public static Tensor interpolate(Tensor input, int[] size, double[] scales, String mode, boolean alignCorners) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::upsample_" + mode + "2d", input) : null) {
            if (input.dim() != 4) {
                throw new IllegalArgumentException("jgrad: interpolate supports 4-D (N, C, H, W) input, got " + input.dim() + "-D");
            }
            int h = shape(input)[2], w = shape(input)[3];
            if ((size == null) == (scales == null)) throw new IllegalArgumentException("only one of size or scale_factor should be defined");
            Double sh = scales == null ? null : scales[0], sw = scales == null ? null : scales[scales.length - 1];
            int oh = size != null ? size[0] : (int) Math.floor(h * sh), ow = size != null ? size[size.length - 1] : (int) Math.floor(w * sw);
            switch (mode) {
                case "nearest" -> {
                    Tensor ri = nearest(h, oh, sh, input), ci = nearest(w, ow, sw, input);
                    Tensor out;
                    try (var guard = GradMode.setEnabled(false)) {
                        out = Gathering.indexSelectNoGrad(Gathering.indexSelectNoGrad(input, 2, ri), 3, ci);
                    }
                    return Derivatives.upsampleNearest(out, input, ri, ci);
                }
                case "bilinear" -> {
                    Tensor[] r = linear(h, oh, sh, alignCorners, input), c = linear(w, ow, sw, alignCorners, input);
                    Tensor out;
                    try (var guard = GradMode.setEnabled(false)) {
                        out = bilinear(input, r, c);
                    }
                    return Derivatives.upsampleBilinear(out, input, r, c);
                }
                default -> throw new IllegalArgumentException("jgrad: interpolate mode '" + mode + "' is not implemented (nearest, bilinear)");
            }
        }
    }

    /** PyTorch's nearest_idx: exact halving for 2x, else floor(dst * scale) in float arithmetic. */
    private static Tensor nearest(int in, int out, Double scale, Tensor like) {
        long[] idx = new long[out];
        float s = scale != null && scale > 0 ? (float) (1.0 / scale) : (float) in / out;
        for (int i = 0; i < out; i++) {
            idx[i] = out == in ? i : out == 2 * in ? i >> 1 : Math.min((long) Math.floor(i * s), in - 1);
        }
        return Torch.tensor(idx).to(like.device());
    }

    /** The two source positions (i0, i0 + p) of each output along a dim and their weights (l0, l1), as PyTorch's linear kernels compute them. */
    private static Tensor[] linear(int in, int out, Double scale, boolean alignCorners, Tensor like) {
        float s = alignCorners ? (out > 1 ? (float) (in - 1) / (out - 1) : 0f)
                : scale != null && scale > 0 ? (float) (1.0 / scale) : (float) in / out;
        long[] i0 = new long[out], i1 = new long[out];
        double[] l0 = new double[out], l1 = new double[out];
        for (int i = 0; i < out; i++) {
            float src = alignCorners ? s * i : Math.max(s * (i + 0.5f) - 0.5f, 0f);
            int lo = (int) src;
            int step = lo < in - 1 ? 1 : 0;
            float lambda1 = src - lo, lambda0 = 1f - lambda1;
            i0[i] = lo;
            i1[i] = lo + step;
            l0[i] = lambda0;
            l1[i] = lambda1;
        }
        return new Tensor[] {Torch.tensor(i0).to(like.device()), Torch.tensor(i1).to(like.device()),
            Torch.tensor(l0, DType.FLOAT64).to(like.device(), like.dtype()), Torch.tensor(l1, DType.FLOAT64).to(like.device(), like.dtype())};
    }

    /** h0 (w0 x[h1][w1] + w1 x[h1][w1p]) + h1 (w0 x[h1p][w1] + w1 x[h1p][w1p]), PyTorch's order of operations. */
    private static Tensor bilinear(Tensor x, Tensor[] r, Tensor[] c) {
        Tensor top = Gathering.indexSelectNoGrad(x, 2, r[0]), bottom = Gathering.indexSelectNoGrad(x, 2, r[1]);
        Tensor wl = c[2], wr = c[3], hl = r[2].reshape(-1, 1), hr = r[3].reshape(-1, 1);
        Tensor t = Gathering.indexSelectNoGrad(top, 3, c[0]).mul(wl).add(Gathering.indexSelectNoGrad(top, 3, c[1]).mul(wr));
        Tensor b = Gathering.indexSelectNoGrad(bottom, 3, c[0]).mul(wl).add(Gathering.indexSelectNoGrad(bottom, 3, c[1]).mul(wr));
        return t.mul(hl).add(b.mul(hr));
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
