package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/**
 * conv3d and conv_transpose3d over (N, C, D, H, W): a sum over the kernel's depth of the 2-d kernels run on
 * the depth slices each kernel plane meets (the slices folded into the batch), so no new backend kernel is
 * needed. Each records one ConvolutionBackward0 whose formulas are themselves 3-d convolutions, which makes
 * double backward work.
 */
public final class Convolution3d {
    private Convolution3d() {}

    /** One value for all three dims, or (d, h, w). */
    public static int[] triple(int[] v, String name) {
        if (v.length == 1) return new int[] {v[0], v[0], v[0]};
        if (v.length != 3) {
            throw new IllegalArgumentException("expected " + name + " to be a single integer value or a list of 3 values to match the "
                    + "convolution dimensions, but got " + name + "=" + java.util.Arrays.toString(v));
        }
        return v.clone();
    }

    private static void checkWeightDims(Tensor weight, int[] stride) {
        if (weight.dim() != 5) {
            throw new IllegalArgumentException("expected stride to be a single integer value or a list of " + (weight.dim() - 2)
                    + " values to match the convolution dimensions, but got stride=" + java.util.Arrays.toString(triple(stride, "stride")));
        }
    }

    private static void checkGeometry(int[] s, int[] p, int[] d) {
        for (int i = 0; i < 3; i++) {
            if (s[i] <= 0) throw new IllegalArgumentException("non-positive stride is not supported");
            if (p[i] < 0) throw new IllegalArgumentException("negative padding is not supported");
            if (d[i] <= 0) throw new IllegalArgumentException("dilation should be greater than zero");
        }
    }

    public static Tensor conv3d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::convolution", input, weight, bias) : null) {
            if (input.dim() == 4) return conv3d(input.unsqueeze(0), weight, bias, stride, padding, dilation, groups).squeeze(0);
            if (input.dim() != 5) {
                throw new IllegalArgumentException("Expected 4D (unbatched) or 5D (batched) input to conv3d, but got input of size: "
                        + Shapes.format(shape(input)));
            }
            checkWeightDims(weight, stride);
            int[] s = triple(stride, "stride"), p = triple(padding, "padding"), d = triple(dilation, "dilation");
            checkGeometry(s, p, d);
            if (groups <= 0) throw new IllegalArgumentException("non-positive groups is not supported");
            Checks.requireFloat(input, "slow_conv3d_cpu");
            if (weight.dtype() != input.dtype() || (bias != null && bias.dtype() != input.dtype())) {
                throw new IllegalArgumentException("expected scalar type " + input.dtype().scalarTypeName() + " but found "
                        + (weight.dtype() != input.dtype() ? weight.dtype() : bias.dtype()).scalarTypeName());
            }
            int[] xs = shape(input), ws = shape(weight);
            int cin = xs[1], cout = ws[0];
            if (cout % groups != 0) {
                throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be divisible by " + groups
                        + " at dimension 0, but got weight of size [" + Shapes.format(ws) + "] instead");
            }
            if (ws[1] * groups != cin) {
                throw new IllegalArgumentException("Given groups=" + groups + ", weight of size " + Shapes.format(ws) + ", expected input"
                        + Shapes.format(xs) + " to have " + ws[1] * groups + " channels, but got " + cin + " channels instead");
            }
            if (bias != null && (bias.dim() != 1 || shape(bias)[0] != cout)) {
                throw new IllegalArgumentException("Given weight of size " + Shapes.format(ws) + ", expected bias to be 1-dimensional with "
                        + cout + " elements, but got bias of size " + Shapes.format(shape(bias)) + " instead");
            }
            int[] padded = new int[3], eff = new int[3], out = new int[3];
            for (int i = 0; i < 3; i++) {
                padded[i] = xs[i + 2] + 2 * p[i];
                eff[i] = d[i] * (ws[i + 2] - 1) + 1;
                out[i] = (padded[i] - eff[i]) / s[i] + 1;
            }
            if (padded[0] < eff[0] || padded[1] < eff[1] || padded[2] < eff[2]) {
                throw new IllegalArgumentException("Calculated padded input size per channel: (" + padded[0] + " x " + padded[1] + " x "
                        + padded[2] + "). Kernel size: (" + eff[0] + " x " + eff[1] + " x " + eff[2]
                        + "). Kernel size can't be greater than actual input size");
            }
            Tensor result;
            try (var guard = GradMode.setEnabled(false)) {
                result = forward(input, weight, bias, s, p, d, groups, out);
            }
            return Derivatives.convolution3d(result, input, weight, bias, s, p, d, groups);
        }
    }

    /** Output depth o meets input depth o s - p + kd dil for kernel plane kd: those slices convolved by the plane, summed over kd in order. */
    private static Tensor forward(Tensor x, Tensor w, Tensor bias, int[] s, int[] p, int[] d, int groups, int[] out) {
        long n = x.size(0), c = x.size(1), cout = w.size(0);
        int depth = (int) x.size(2);
        Tensor acc = x.newZeros(n, out[0], cout, out[1], out[2]);
        int[] s2 = {s[1], s[2]}, p2 = {p[1], p[2]}, d2 = {d[1], d[2]};
        for (int kd = 0; kd < w.size(2); kd++) {
            long[][] pos = depthPairs(out[0], depth, s[0], p[0], d[0], kd, true);
            if (pos[0].length == 0) continue;
            int v = pos[0].length;
            Tensor slices = x.indexSelect(2, index(pos[1], x)).transpose(1, 2).reshape(n * v, c, x.size(3), x.size(4));
            Tensor y = Convolution.conv2d(slices, w.select(2, kd), null, s2, p2, d2, groups);
            acc = acc.indexAdd(1, index(pos[0], x), y.reshape(n, v, cout, out[1], out[2]));
        }
        Tensor r = acc.transpose(1, 2).contiguous();
        return bias == null ? r : r.add(bias.reshape(1, cout, 1, 1, 1));
    }

    /**
     * The (output position, input position) pairs along depth where input = output s - p + kd dil lies in
     * [0, inputs) (conv) or output = input s - p + kd dil lies in [0, outputs) (transposed).
     */
    static long[][] depthPairs(int outputs, int inputs, int s, int p, int dil, int kd, boolean conv) {
        int count = 0;
        long[] o = new long[conv ? outputs : inputs], in = new long[o.length];
        if (conv) {
            for (int i = 0; i < outputs; i++) {
                int t = i * s - p + kd * dil;
                if (t >= 0 && t < inputs) {
                    o[count] = i;
                    in[count++] = t;
                }
            }
        } else {
            for (int i = 0; i < inputs; i++) {
                int t = i * s - p + kd * dil;
                if (t >= 0 && t < outputs) {
                    o[count] = t;
                    in[count++] = i;
                }
            }
        }
        return new long[][] {java.util.Arrays.copyOf(o, count), java.util.Arrays.copyOf(in, count)};
    }

    static Tensor index(long[] v, Tensor like) { return Torch.fromArray(v, v.length).to(like.device()); }

    /**
     * conv_transpose3d: x (N, Cin, D, H, W) by weight (Cin, Cout / groups, kd, kh, kw) into
     * (N, Cout, (D - 1) s - 2 p + dil (k - 1) + outputPadding + 1, ...), the adjoint of conv3d.
     */
    public static Tensor convTranspose3d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] outputPadding,
                                         int groups, int[] dilation) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::convolution", input, weight, bias) : null) {
            if (input.dim() == 4) {
                return convTranspose3d(input.unsqueeze(0), weight, bias, stride, padding, outputPadding, groups, dilation).squeeze(0);
            }
            if (input.dim() != 5) {
                throw new IllegalArgumentException("Expected 4D (unbatched) or 5D (batched) input to conv_transpose3d, but got input of size: "
                        + Shapes.format(shape(input)));
            }
            checkWeightDims(weight, stride);
            int[] s = triple(stride, "stride"), p = triple(padding, "padding"), d = triple(dilation, "dilation");
            int[] op = triple(outputPadding, "output_padding");
            checkGeometry(s, p, d);
            if (groups <= 0) throw new IllegalArgumentException("non-positive groups is not supported");
            Checks.requireFloat(input, "slow_conv_transpose3d_cpu");
            int[] xs = shape(input), ws = shape(weight);
            if (ws[0] != xs[1]) {
                throw new IllegalArgumentException("Given transposed=1, weight of size " + Shapes.format(ws) + ", expected input"
                        + Shapes.format(xs) + " to have " + ws[0] + " channels, but got " + xs[1] + " channels instead");
            }
            if (ws[0] % groups != 0) {
                throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be divisible by " + groups
                        + " at dimension 0, but got weight of size [" + Shapes.format(ws) + "] instead");
            }
            for (int i = 0; i < 3; i++) {
                if (op[i] >= s[i] && op[i] >= d[i]) {
                    throw new IllegalArgumentException("output padding must be smaller than either stride or dilation, but got "
                            + "output_padding_depth: " + op[0] + " output_padding_height: " + op[1] + " output_padding_width: " + op[2]
                            + " stride_depth: " + s[0] + " stride_height: " + s[1] + " stride_width: " + s[2] + " dilation_depth: " + d[0]
                            + " dilation_height: " + d[1] + " dilation_width: " + d[2]);
                }
            }
            int cout = ws[1] * groups;
            if (bias != null && (bias.dim() != 1 || shape(bias)[0] != cout)) {
                throw new IllegalArgumentException("Given transposed=1, weight of size " + Shapes.format(ws)
                        + ", expected bias to be 1-dimensional with " + cout + " elements, but got bias of size "
                        + Shapes.format(shape(bias)) + " instead");
            }
            int[] out = new int[3];
            for (int i = 0; i < 3; i++) out[i] = (xs[i + 2] - 1) * s[i] - 2 * p[i] + d[i] * (ws[i + 2] - 1) + op[i] + 1;
            if (out[0] < 1 || out[1] < 1 || out[2] < 1) {
                throw new IllegalArgumentException("Given input size per channel: (" + xs[2] + " x " + xs[3] + " x " + xs[4]
                        + "). Calculated output size per channel: (" + out[0] + " x " + out[1] + " x " + out[2] + "). Output size is too small");
            }
            Tensor result;
            try (var guard = GradMode.setEnabled(false)) {
                result = transposedForward(input, weight, bias, s, p, op, d, groups, out);
            }
            return Derivatives.convolutionTranspose3d(result, input, weight, bias, s, p, d, groups);
        }
    }

    /** Input depth i scatters into output depth i s - p + kd dil through kernel plane kd: the 2-d transposed kernel per plane, added there. */
    private static Tensor transposedForward(Tensor x, Tensor w, Tensor bias, int[] s, int[] p, int[] op, int[] d, int groups, int[] out) {
        long n = x.size(0), c = x.size(1), cout = w.size(1) * groups;
        int depth = (int) x.size(2);
        Tensor acc = x.newZeros(n, out[0], cout, out[1], out[2]);
        int[] s2 = {s[1], s[2]}, p2 = {p[1], p[2]}, op2 = {op[1], op[2]}, d2 = {d[1], d[2]};
        for (int kd = 0; kd < w.size(2); kd++) {
            long[][] pos = depthPairs(out[0], depth, s[0], p[0], d[0], kd, false);
            if (pos[0].length == 0) continue;
            int v = pos[0].length;
            Tensor slices = x.indexSelect(2, index(pos[1], x)).transpose(1, 2).reshape(n * v, c, x.size(3), x.size(4));
            Tensor y = Convolution.convTranspose2d(slices, w.select(2, kd), null, s2, p2, op2, groups, d2);
            acc = acc.indexAdd(1, index(pos[0], x), y.reshape(n, v, cout, out[1], out[2]));
        }
        Tensor r = acc.transpose(1, 2).contiguous();
        return bias == null ? r : r.add(bias.reshape(1, cout, 1, 1, 1));
    }

    /**
     * The weight gradient of conv3d(input, w) = gradOut: per group, the convolution of the input's channels
     * (as a batch) by gradOut's (as the kernel), stride and dilation swapped, cropped to the kernel size.
     */
    public static Tensor weightGrad(Tensor input, Tensor gradOut, int[] weightShape, int[] s, int[] p, int[] d, int groups) {
        long cinG = input.size(1) / groups, coutG = gradOut.size(1) / groups;
        Tensor[] parts = new Tensor[groups];
        for (int gi = 0; gi < groups; gi++) {
            Tensor xg = input.narrow(1, gi * cinG, cinG).transpose(0, 1), gg = gradOut.narrow(1, gi * coutG, coutG).transpose(0, 1);
            Tensor r = conv3d(xg, gg, null, d, p, s, 1);
            for (int i = 0; i < 3; i++) r = r.narrow(i + 2, 0, weightShape[i + 2]);
            parts[gi] = r.transpose(0, 1);
        }
        return groups == 1 ? parts[0] : Torch.cat(java.util.List.of(parts), 0);
    }

    /** The output padding that makes conv_transpose3d of conv3d's output come back to the input's size. */
    public static int[] outputPaddingFor(int[] inputShape, int[] outShape, int[] weightShape, int[] s, int[] p, int[] d) {
        int[] op = new int[3];
        for (int i = 0; i < 3; i++) {
            op[i] = inputShape[i + 2] - ((outShape[i + 2] - 1) * s[i] - 2 * p[i] + d[i] * (weightShape[i + 2] - 1) + 1);
        }
        return op;
    }
}
