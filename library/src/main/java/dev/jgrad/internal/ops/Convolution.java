package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/** conv2d, im2col/col2im and max_pool2d: checks, output shapes, the backend's kernels, derivative rows (the pattern every op family follows). */
public final class Convolution {
    private Convolution() {}

    /** Geometry of one sliding window over an (h, w) image; the backend receives it as {@link #geometry}. */
    public record Window(int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw) {
        int outH(int h) { return (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1; }

        int outW(int w) { return (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1; }
    }

    /** PyTorch's pooling_output_shape, ceil mode included (a last window must start inside the input or left padding). */
    public static int poolOutSize(int in, int k, int pad, int stride, int dil, boolean ceil) {
        int numerator = in + 2 * pad - dil * (k - 1) - 1 + (ceil ? stride - 1 : 0);
        int out = Math.floorDiv(numerator, stride) + 1;
        if (ceil && (out - 1) * stride >= in + pad) out--;
        return out;
    }

    // ---------------------------------------------------------------- convolution and pooling

    public static int[] pair(int[] v, String name) {
        if (v.length == 1) return new int[] {v[0], v[0]};
        if (v.length != 2) throw new IllegalArgumentException(name + " must have 1 or 2 elements, got " + v.length);
        return v;
    }

    public static Window window(int[] kernel, int[] stride, int[] padding, int[] dilation) {
        int[] k = pair(kernel, "kernel_size"), s = pair(stride, "stride"), p = pair(padding, "padding"), d = pair(dilation, "dilation");
        for (int i = 0; i < 2; i++) {
            if (s[i] <= 0) throw new IllegalArgumentException("non-positive stride is not supported");
            if (p[i] < 0) throw new IllegalArgumentException("negative padding is not supported");
            if (d[i] <= 0) throw new IllegalArgumentException("dilation should be greater than zero, but got dilationH: " + d[0]
                    + " dilationW: " + d[1]);
            if (k[i] <= 0) throw new IllegalArgumentException("kernel size should be greater than zero, but got kH: " + k[0] + " kW: " + k[1]);
        }
        return new Window(k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1]);
    }

    public static int[] geometry(Window w) {
        return new int[] {w.kh(), w.kw(), w.sh(), w.sw(), w.ph(), w.pw(), w.dh(), w.dw()};
    }

    public static Window window(int[] g) {
        return new Window(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]);
    }

    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::convolution", input, weight, bias) : null) {
            if (input.dim() == 3) {  // unbatched (c, h, w)
                return conv2d(input.unsqueeze(0), weight, bias, stride, padding, dilation, groups).squeeze(0);
            }
            if (input.dim() != 4) {
                throw new IllegalArgumentException("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: "
                        + Shapes.format(shape(input)));
            }
            if (weight.dim() != 4) {
                throw new IllegalArgumentException("weight should have at least three dimensions");
            }
            if (groups <= 0) throw new IllegalArgumentException("non-positive groups is not supported");
            Checks.requireFloat(input, "slow_conv2d_cpu");
            if (weight.dtype() != input.dtype() || (bias != null && bias.dtype() != input.dtype())) {
                throw new IllegalArgumentException("expected scalar type " + input.dtype().scalarTypeName() + " but found "
                        + (weight.dtype() != input.dtype() ? weight.dtype() : bias.dtype()).scalarTypeName());
            }
            int cin = shape(input)[1], cout = shape(weight)[0];
            if (cout % groups != 0) throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be divisible by "
                    + groups + " at dimension 0, but got weight of size " + Shapes.format(shape(weight)) + " instead");
            if (shape(weight)[1] * groups != cin) {
                throw new IllegalArgumentException("Given groups=" + groups + ", weight of size " + Shapes.format(shape(weight))
                        + ", expected input" + Shapes.format(shape(input)) + " to have " + shape(weight)[1] * groups + " channels, but got "
                        + cin + " channels instead");
            }
            if (bias != null && (bias.dim() != 1 || shape(bias)[0] != cout)) {
                throw new IllegalArgumentException("Given weight of size " + Shapes.format(shape(weight)) + ", expected bias to be 1-dimensional with "
                        + cout + " elements, but got bias of size " + Shapes.format(shape(bias)) + " instead");
            }
            Window w = window(new int[] {shape(weight)[2], shape(weight)[3]}, stride, padding, dilation);
            int padH = shape(input)[2] + 2 * w.ph(), padW = shape(input)[3] + 2 * w.pw();
            int effH = w.dh() * (w.kh() - 1) + 1, effW = w.dw() * (w.kw() - 1) + 1;
            if (padH < effH || padW < effW) {
                throw new IllegalArgumentException("Calculated padded input size per channel: (" + padH + " x " + padW + "). Kernel size: ("
                        + effH + " x " + effW + "). Kernel size can't be greater than actual input size");
            }
            Tensor out = Dispatch.empty(input, new int[] {shape(input)[0], cout, w.outH(shape(input)[2]), w.outW(shape(input)[3])},
                    input.dtype());
            Dispatch.backend(input, weight, bias).conv2d(Dispatch.view(input), Dispatch.view(weight), Dispatch.view(bias), geometry(w),
                    groups, Dispatch.view(out));
            return Derivatives.convolution(out, input, weight, bias, geometry(w), groups);
        }
    }

    /**
     * conv1d over (N, C, L) or unbatched (C, L): the 2-d convolution of (N, C, 1, L) by (Cout, Cin/groups, 1, k),
     * recorded as one ConvolutionBackward0 over the 1-d tensors, as PyTorch records it.
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        if (input.dim() == 2) return conv1d(input.unsqueeze(0), weight, bias, stride, padding, dilation, groups).squeeze(0);
        if (input.dim() != 3) {
            throw new IllegalArgumentException("Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: "
                    + Shapes.format(shape(input)));
        }
        if (weight.dim() != 3) throw new IllegalArgumentException("weight should have at least three dimensions");
        int[] geo2 = {1, shape(weight)[2], 1, stride, 0, padding, 1, dilation};
        Tensor out;
        try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
            out = conv2d(input.unsqueeze(2), weight.unsqueeze(2), bias, new int[] {1, stride}, new int[] {0, padding},
                    new int[] {1, dilation}, groups).squeeze(2);
        }
        return Derivatives.convolution1d(out, input, weight, bias, geo2, groups);
    }

    /**
     * conv_transpose2d: the adjoint of conv2d, x (N, Cin, H, W) by weight (Cin, Cout/groups, kh, kw) into
     * (N, Cout, (H - 1) s - 2 p + d (k - 1) + outputPadding + 1, ...): the column product scattered back by col2im.
     */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] outputPadding,
                                         int groups, int[] dilation) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::convolution", input, weight, bias) : null) {
            if (input.dim() == 3) {
                return convTranspose2d(input.unsqueeze(0), weight, bias, stride, padding, outputPadding, groups, dilation).squeeze(0);
            }
            if (input.dim() != 4) {
                throw new IllegalArgumentException("Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got input of size: "
                        + Shapes.format(shape(input)));
            }
            if (weight.dim() != 4) throw new IllegalArgumentException("weight should have at least three dimensions");
            Checks.requireFloat(input, "slow_conv_transpose2d_cpu");
            int cin = shape(input)[1];
            if (shape(weight)[0] != cin) {
                throw new IllegalArgumentException("Given transposed=1, weight of size " + Shapes.format(shape(weight)) + ", expected input"
                        + Shapes.format(shape(input)) + " to have " + shape(weight)[0] + " channels, but got " + cin + " channels instead");
            }
            int cout = shape(weight)[1] * groups;
            Window w = window(new int[] {shape(weight)[2], shape(weight)[3]}, stride, padding, dilation);
            int[] op = pair(outputPadding, "output_padding");
            if ((op[0] >= w.sh() && op[0] >= w.dh()) || (op[1] >= w.sw() && op[1] >= w.dw())) {
                throw new IllegalArgumentException("output padding must be smaller than either stride or dilation, but got output_padding_height: "
                        + op[0] + " output_padding_width: " + op[1] + " stride_height: " + w.sh() + " stride_width: " + w.sw()
                        + " dilation_height: " + w.dh() + " dilation_width: " + w.dw());
            }
            int oh = (shape(input)[2] - 1) * w.sh() - 2 * w.ph() + w.dh() * (w.kh() - 1) + op[0] + 1;
            int ow = (shape(input)[3] - 1) * w.sw() - 2 * w.pw() + w.dw() * (w.kw() - 1) + op[1] + 1;
            int[] outShape = {shape(input)[0], cout, oh, ow};
            Tensor out;
            try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
                out = dev.jgrad.internal.autograd.NnDerivativeHelpers.convInputGrad(input, weight, outShape, geometry(w), groups);
                if (bias != null) out = out.add(bias.reshape(1, cout, 1, 1));
            }
            return Derivatives.convolutionTranspose(out, input, weight, bias, geometry(w), groups);
        }
    }

    /** conv_transpose1d: the 2-d one over a unit height, recorded as one ConvolutionBackward0 over the 1-d tensors. */
    public static Tensor convTranspose1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int outputPadding, int groups,
                                         int dilation) {
        if (input.dim() == 2) {
            return convTranspose1d(input.unsqueeze(0), weight, bias, stride, padding, outputPadding, groups, dilation).squeeze(0);
        }
        if (input.dim() != 3) {
            throw new IllegalArgumentException("Expected 2D (unbatched) or 3D (batched) input to conv_transpose1d, but got input of size: "
                    + Shapes.format(shape(input)));
        }
        if (weight.dim() != 3) throw new IllegalArgumentException("weight should have at least three dimensions");
        int[] geo2 = {1, shape(weight)[2], 1, stride, 0, padding, 1, dilation};
        Tensor out;
        try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
            out = convTranspose2d(input.unsqueeze(2), weight.unsqueeze(2), bias, new int[] {1, stride}, new int[] {0, padding},
                    new int[] {0, outputPadding}, groups, new int[] {1, dilation}).squeeze(2);
        }
        return Derivatives.convolutionTranspose1d(out, input, weight, bias, geo2, groups);
    }

    public static Tensor im2col(Tensor input, int[] kernel, int[] dilation, int[] padding, int[] stride) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::im2col", input) : null) {
            int nd = input.dim();
            if ((nd != 3 && nd != 4) || input.size(nd - 1) == 0 || input.size(nd - 2) == 0 || input.size(nd - 3) == 0) {
                throw new IllegalArgumentException("Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero "
                        + "dimensions for input, but got: " + Shapes.format(shape(input)));
            }
            Checks.requireFloat(input, "im2col_out_cpu");
            Window w = window(kernel, stride, padding, dilation);
            if (nd == 3) {  // one unbatched image (C, H, W), as PyTorch 1.13 accepts it
                Tensor out;
                try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
                    out = im2col(input.unsqueeze(0), kernel, dilation, padding, stride).squeeze(0);
                }
                return Derivatives.im2col(out, input, new int[] {shape(input)[1], shape(input)[2]}, geometry(w));
            }
            if (w.outH(shape(input)[2]) < 1 || w.outW(shape(input)[3]) < 1) {
                throw new IllegalArgumentException("Given input with spatial size (" + shape(input)[2] + ", " + shape(input)[3]
                        + "), kernel_size=(" + w.kh() + ", " + w.kw() + "), dilation=(" + w.dh() + ", " + w.dw() + "), padding=(" + w.ph()
                        + ", " + w.pw() + "), calculated shape of the array of sliding blocks as (" + w.outH(shape(input)[2]) + ", "
                        + w.outW(shape(input)[3]) + "), but its components must be at least one.");
            }
            int[] s = shape(input);
            Tensor out = Dispatch.empty(input, new int[] {s[0], s[1] * w.kh() * w.kw(), w.outH(s[2]) * w.outW(s[3])}, input.dtype());
            Dispatch.backend(input).im2col(Dispatch.view(input), geometry(w), Dispatch.view(out));
            return Derivatives.im2col(out, input, new int[] {shape(input)[2], shape(input)[3]}, geometry(w));
        }
    }

    public static Tensor col2im(Tensor cols, int[] outputSize, int[] kernel, int[] dilation, int[] padding, int[] stride) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::col2im", cols) : null) {
            int nd = cols.dim();
            if ((nd != 2 && nd != 3) || cols.size(nd - 1) == 0 || cols.size(nd - 2) == 0) {
                throw new IllegalArgumentException("Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero "
                        + "dimensions for input, but got: " + Shapes.format(shape(cols)));
            }
            Checks.requireFloat(cols, "col2im_out_cpu");
            Window w = window(kernel, stride, padding, dilation);
            int[] size = pair(outputSize, "output_size");
            if (nd == 2) {  // one unbatched set of columns (C * kh * kw, L), as PyTorch 1.13 accepts it
                Tensor out;
                try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
                    out = col2im(cols.unsqueeze(0), outputSize, kernel, dilation, padding, stride).squeeze(0);
                }
                return Derivatives.col2im(out, cols, size, geometry(w));
            }
            int kk = w.kh() * w.kw();
            if (shape(cols)[1] % kk != 0) {
                throw new IllegalArgumentException("Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got "
                        + "input.size(1)=" + shape(cols)[1] + " and kernel_size=(" + w.kh() + ", " + w.kw() + ")");
            }
            int blocks = w.outH(size[0]) * w.outW(size[1]);
            if (shape(cols)[2] != blocks) {
                throw new IllegalArgumentException("Given output_size=(" + size[0] + ", " + size[1] + "), kernel_size=(" + w.kh() + ", " + w.kw()
                        + "), dilation=(" + w.dh() + ", " + w.dw() + "), padding=(" + w.ph() + ", " + w.pw() + "), stride=(" + w.sh() + ", "
                        + w.sw() + "), expected size of input's dimension 2 to match the calculated number of sliding blocks "
                        + w.outH(size[0]) + " * " + w.outW(size[1]) + " = " + blocks + ", but got input.size(2)=" + shape(cols)[2] + ".");
            }
            Tensor out = Dispatch.empty(cols, new int[] {shape(cols)[0], shape(cols)[1] / kk, size[0], size[1]}, cols.dtype());
            Dispatch.backend(cols).col2im(Dispatch.view(cols), geometry(w), Dispatch.view(out));
            return Derivatives.col2im(out, cols, size, geometry(w));
        }
    }

    public static ValuesIndices maxPool2d(Tensor input, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::max_pool2d_with_indices", input) : null) {
            int nd = input.dim();
            if (nd != 3 && nd != 4) {
                throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
            }
            Checks.requireFloat(input, "max_pool2d");
            Window w = window(kernel, stride == null || stride.length == 0 ? kernel : stride, padding, dilation);
            if (w.ph() > w.kh() / 2 || w.pw() > w.kw() / 2) {
                boolean h = w.ph() > w.kh() / 2;
                throw new IllegalArgumentException("pad should be at most half of kernel size, but got pad=" + (h ? w.ph() : w.pw())
                        + " and kernel_size=" + (h ? w.kh() : w.kw()));
            }
            int h = shape(input)[nd - 2], wd = shape(input)[nd - 1];
            int oh = poolOutSize(h, w.kh(), w.ph(), w.sh(), w.dh(), ceilMode);
            int ow = poolOutSize(wd, w.kw(), w.pw(), w.sw(), w.dw(), ceilMode);
            if (oh < 1 || ow < 1) {
                int c = shape(input)[nd - 3];
                throw new IllegalArgumentException("Given input size: (" + c + "x" + h + "x" + wd + "). Calculated output size: (" + c + "x"
                        + oh + "x" + ow + "). Output size is too small");
            }
            int[] outShape = shape(input).clone();
            outShape[nd - 2] = oh;
            outShape[nd - 1] = ow;
            Tensor out = Dispatch.empty(input, outShape, input.dtype()), indices = Dispatch.empty(input, outShape.clone(), DType.INT64);
            Dispatch.backend(input).maxPool2d(Dispatch.view(input), geometry(w), Dispatch.view(out), Dispatch.view(indices));
            Derivatives.maxPool2d(out, indices, input);
            return new ValuesIndices("max_pool2d_with_indices", out, indices);
        }
    }

    // ---------------------------------------------------------------- backward kernels (outside autograd)

    /*
     * The backward formulas' fast paths: one backend kernel each instead of a chain of differentiable ops.
     * They record nothing, so NnDerivativeHelpers calls them only when no graph of the backward is wanted.
     */

    /**
     * conv2d's input gradient: grad (n, cout, oh, ow) by weight (cout, cin/groups, kh, kw) into a (n, cin, h, w): into
     * when given (a contiguous tensor of inputShape and grad's dtype on grad's device, whose every element the kernel
     * overwrites: a recycled gradient storage, {@code GradientPool}), else a new one.
     */
    public static Tensor conv2dInputGrad(Tensor grad, Tensor weight, int[] inputShape, int[] geometry, int groups, Tensor into) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::convolution_backward", grad, weight) : null) {
            Tensor out = into != null ? into : Dispatch.empty(grad, inputShape.clone(), grad.dtype());
            Dispatch.backend(grad, weight).conv2dInputGrad(Dispatch.view(grad), Dispatch.view(weight), geometry, groups, Dispatch.view(out));
            return out;
        }
    }

    /** conv2d's weight gradient: grad (n, cout, oh, ow) against input (n, cin, h, w) into a new (cout, cin/groups, kh, kw). */
    public static Tensor conv2dWeightGrad(Tensor grad, Tensor input, int[] weightShape, int[] geometry, int groups) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::convolution_backward", grad, input) : null) {
            Tensor out = Dispatch.empty(grad, weightShape.clone(), grad.dtype());
            Dispatch.backend(grad, input).conv2dWeightGrad(Dispatch.view(grad), Dispatch.view(input), geometry, groups, Dispatch.view(out));
            return out;
        }
    }

    /**
     * Max pooling's backward: each gradient of grad (.., oh, ow) added at the position indices names in a (.., h, w) of
     * inputShape, into when given (as for {@link #conv2dInputGrad}), else a new one.
     */
    public static Tensor maxPoolBackward(Tensor grad, Tensor indices, int[] inputShape, Tensor into) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::max_pool2d_with_indices_backward", grad, indices) : null) {
            Tensor out = into != null ? into : Dispatch.empty(grad, inputShape.clone(), grad.dtype());
            Dispatch.backend(grad).maxPoolBackward(Dispatch.view(grad), Dispatch.view(indices), Dispatch.view(out));
            return out;
        }
    }
}
