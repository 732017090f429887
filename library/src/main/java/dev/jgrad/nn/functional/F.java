package dev.jgrad.nn.functional;

import dev.jgrad.DType;
import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.internal.ops.Activations;
import dev.jgrad.internal.ops.Convolution;
import dev.jgrad.internal.ops.Normalization;
import dev.jgrad.internal.ops.Padding;
import dev.jgrad.internal.ops.Pooling;
import dev.jgrad.internal.ops.Interpolation;

/**
 * {@code torch.nn.functional}: stateless layers and losses. Where Python has keyword arguments, the
 * short overloads take PyTorch's defaults and the long ones take every argument in PyTorch's order.
 * Reductions are the strings "mean" (default), "sum" and "none".
 *
 * <p>Ops PyTorch computes with one kernel are primitives here too (same grad_fn names:
 * NllLossBackward0, ConvolutionBackward0, ...); ops PyTorch composes (cross_entropy, l1_loss, dropout)
 * are composed the same way, so their grad_fn is the last op of the composition, as in PyTorch.
 */
public final class F {
    private F() {}

    // ---------------------------------------------------------------- activations

    /**
     * {@code F.relu(x)}: max(x, 0) elementwise.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor relu(Tensor x) { return x.relu(); }

    /**
     * {@code F.leaky_relu(x)}: x where x &gt; 0, else 0.01 x.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor leakyRelu(Tensor x) { return x.leakyRelu(0.01); }

    /**
     * {@code F.leaky_relu(x, negative_slope)}: x where x &gt; 0, else negativeSlope * x.
     *
     * @param x the input tensor (any shape, floating)
     * @param negativeSlope the slope for negative inputs
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) { return x.leakyRelu(negativeSlope); }

    /**
     * {@code F.gelu(x)}: x * Phi(x) with the exact (erf) form.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor gelu(Tensor x) { return x.gelu(); }

    /**
     * approximate: "none" or "tanh".
     *
     * <p>PyTorch: {@code torch.nn.functional.gelu}.
     *
     * @param x the input tensor (any shape, floating)
     * @param approximate "none" for the exact erf form or "tanh" for the tanh approximation
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if approximate is neither "none" nor "tanh" ("approximate argument must be
     *     either none or tanh.")
     */
    public static Tensor gelu(Tensor x, String approximate) { return x.gelu(approximate); }

    /**
     * {@code F.silu(x)}: x * sigmoid(x).
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor silu(Tensor x) { return x.silu(); }

    /**
     * {@code F.elu(x)} with alpha 1.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor elu(Tensor x) { return elu(x, 1.0); }

    /**
     * x where x > 0, alpha * (exp(x) - 1) elsewhere.
     *
     * <p>PyTorch: {@code torch.nn.functional.elu}.
     *
     * @param x the input tensor (any shape, floating)
     * @param alpha the alpha value of the formula
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor elu(Tensor x, double alpha) { return Activations.elu(x, alpha, 1.0, 1.0, false); }

    /**
     * elu scaled by PyTorch's SELU constants (scale 1.0507..., alpha 1.6732...).
     *
     * <p>PyTorch: {@code torch.nn.functional.selu}.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor selu(Tensor x) { return Activations.elu(x, 1.6732632423543772848170429916717, 1.0507009873554804934193349852946, 1.0, false); }

    /**
     * {@code F.celu(x)} with alpha 1.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor celu(Tensor x) { return celu(x, 1.0); }

    /**
     * max(0, x) + min(0, alpha * (exp(x / alpha) - 1)).
     *
     * <p>PyTorch: {@code torch.nn.functional.celu}.
     *
     * @param x the input tensor (any shape, floating)
     * @param alpha the alpha value of the formula
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if alpha is 0 ("ZeroDivisionError: alpha cannot be 0 for CELU")
     */
    public static Tensor celu(Tensor x, double alpha) {
        if (alpha == 0) throw new IllegalArgumentException("ZeroDivisionError: alpha cannot be 0 for CELU");
        return Activations.elu(x, alpha, 1.0, 1.0 / alpha, true);
    }

    /**
     * {@code F.softplus(x)}: log(1 + exp(x)), with beta 1 and the linear branch above x = 20.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor softplus(Tensor x) { return softplus(x, 1.0, 20.0); }

    /**
     * log(1 + exp(beta x)) / beta, linear where beta x > threshold.
     *
     * <p>PyTorch: {@code torch.nn.functional.softplus}.
     *
     * @param x the input tensor (any shape, floating)
     * @param beta the beta of the formula
     * @param threshold above this value of beta * x the result is x itself
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor softplus(Tensor x, double beta, double threshold) { return Activations.softplus(x, beta, threshold); }

    /**
     * {@code F.hardtanh(x)}: x clamped to [-1, 1].
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor hardtanh(Tensor x) { return hardtanh(x, -1.0, 1.0); }

    /**
     * x clamped into [minVal, maxVal].
     *
     * <p>PyTorch: {@code torch.nn.functional.hardtanh}.
     *
     * @param x the input tensor (any shape, floating)
     * @param minVal the lower bound
     * @param maxVal the upper bound (at least minVal)
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if minVal &gt; maxVal ("min_val cannot be greater than max_val")
     */
    public static Tensor hardtanh(Tensor x, double minVal, double maxVal) {
        if (minVal > maxVal) throw new IllegalArgumentException("min_val cannot be greater than max_val");
        return Activations.hardtanh(x, minVal, maxVal);
    }

    /**
     * min(max(0, x), 6).
     *
     * <p>PyTorch: {@code torch.nn.functional.relu6}.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor relu6(Tensor x) { return Activations.hardtanh(x, 0.0, 6.0); }

    /**
     * {@code F.hardswish(x)}: x * relu6(x + 3) / 6.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor hardswish(Tensor x) { return Activations.hardswish(x); }

    /**
     * {@code F.hardsigmoid(x)}: relu6(x + 3) / 6.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor hardsigmoid(Tensor x) { return Activations.hardsigmoid(x); }

    /**
     * {@code F.mish(x)}: x * tanh(softplus(x)).
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor mish(Tensor x) { return Activations.mish(x); }

    /**
     * {@code F.logsigmoid(x)}: log(sigmoid(x)), computed stably.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor logsigmoid(Tensor x) { return Activations.logsigmoid(x); }

    /**
     * x / (1 + |x|), composed as PyTorch composes it.
     *
     * <p>PyTorch: {@code torch.nn.functional.softsign}.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor softsign(Tensor x) { return x.div(x.abs().add(1L)); }

    /**
     * x - tanh(x), composed as PyTorch composes it.
     *
     * <p>PyTorch: {@code torch.nn.functional.tanhshrink}.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor tanhshrink(Tensor x) { return x.sub(x.tanh()); }

    /**
     * value where x &lt;= threshold, else x.
     *
     * <p>PyTorch: {@code torch.nn.functional.threshold}.
     *
     * @param x the input tensor (any shape, floating)
     * @param threshold elements at or below it are replaced
     * @param value the replacement value
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor threshold(Tensor x, double threshold, double value) { return Activations.threshold(x, threshold, value); }

    /**
     * {@code F.hardshrink(x)} with lambd 0.5.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor hardshrink(Tensor x) { return hardshrink(x, 0.5); }

    /**
     * {@code F.hardshrink(x, lambd)}: x where |x| &gt; lambd, else 0.
     *
     * @param x the input tensor (any shape, floating)
     * @param lambd the lambda value of the formula (at least 0)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor hardshrink(Tensor x, double lambd) { return Activations.hardshrink(x, lambd); }

    /**
     * {@code F.softshrink(x)} with lambd 0.5.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor softshrink(Tensor x) { return softshrink(x, 0.5); }

    /**
     * {@code F.softshrink(x, lambd)}: x - lambd above lambd, x + lambd below -lambd, else 0.
     *
     * @param x the input tensor (any shape, floating)
     * @param lambd the lambda value of the formula (at least 0)
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if lambd is negative ("lambda must be greater or equal to 0, but found to be
     *     ...")
     */
    public static Tensor softshrink(Tensor x, double lambd) { return Activations.softshrink(x, lambd); }

    /**
     * {@code F.glu(x)}: the gated linear unit over the last dim (its size must be even).
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape with dim halved
     * @throws IllegalArgumentException if x is 0-dim or its last dim has an odd size ("Halving dimension must be even,
     *     but dimension d is size n")
     */
    public static Tensor glu(Tensor x) { return glu(x, -1); }

    /**
     * The first half along dim gated by the sigmoid of the second.
     *
     * <p>PyTorch: {@code torch.nn.functional.glu}.
     *
     * @param x the input tensor (any shape, floating)
     * @param dim the dimension to split in half (negative counts from the end); its size must be even
     * @return a new tensor of x's shape with dim halved
     * @throws IllegalArgumentException if x is 0-dim or the size along dim is odd ("Halving dimension must be even, but
     *     dimension d is size n")
     */
    public static Tensor glu(Tensor x, int dim) { return Activations.glu(x, dim); }

    /**
     * x where x > 0, weight * x elsewhere (weight: 1 or dim-1-many elements).
     *
     * <p>PyTorch: {@code torch.nn.functional.prelu}.
     *
     * @param x the input tensor; dim 1 holds the channels when weight has more than one element
     * @param weight the slopes: one element, or one per channel (x.size(1))
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if weight is not 0-d or 1-d, or its size matches neither 1 nor the channels
     *     ("Mismatch of parameter numbers and input channel size. ...")
     */
    public static Tensor prelu(Tensor x, Tensor weight) { return Activations.prelu(x, weight); }

    /**
     * softmax(-x).
     *
     * <p>PyTorch: {@code torch.nn.functional.softmin}.
     *
     * @param x the input tensor (any shape, floating)
     * @param dim the dimension the values are normalised over (negative counts from the end)
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if dim is out of range ("Dimension out of range (expected to be in range of [-n,
     *     n-1], but got d)")
     */
    public static Tensor softmin(Tensor x, int dim) { return x.neg().softmax(dim); }

    /**
     * {@code F.normalize(x)}: each vector along dim 1 divided by max(its 2-norm, 1e-12).
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor normalize(Tensor x) { return normalize(x, 2.0, 1, 1e-12); }

    /**
     * x divided by its p-norm along dim, the norm clamped below at eps (composed as PyTorch composes it).
     *
     * <p>PyTorch: {@code torch.nn.functional.normalize}.
     *
     * @param x the input tensor (any shape, floating)
     * @param p the exponent of the norm
     * @param dim the dimension the norm is taken over (negative counts from the end)
     * @param eps the lower bound of the norm (avoids division by zero)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor normalize(Tensor x, double p, int dim, double eps) {
        return x.div(x.norm(p, dim, true).clampMin(eps).expandAs(x));
    }

    // ---------------------------------------------------------------- padding

    /**
     * Constant zero padding; pad = (left, right) of the last dim, then (top, bottom) of the one before, ...
     *
     * <p>PyTorch: {@code torch.nn.functional.pad}.
     *
     * @param x the input tensor
     * @param pad the pads (before, after) of the last dim, then of the one before, ... (an even count, at most 2
     *     x.dim())
     * @return a new tensor, x's shape with each padded dim grown by its two pads (negative pads crop)
     * @throws IllegalArgumentException if pad has an odd length ("Padding length must be divisible by 2") or is too
     *     long ("Padding length too large")
     */
    public static Tensor pad(Tensor x, long... pad) { return Padding.pad(x, pad, "constant", 0.0); }

    /**
     * mode: "constant" (with value), "reflect", "replicate" or "circular".
     *
     * <p>PyTorch: {@code torch.nn.functional.pad}.
     *
     * @param x the input tensor
     * @param pad the pads (before, after) of the last dim, then of the one before, ... (an even count, at most 2
     *     x.dim())
     * @param mode "constant", "reflect", "replicate" or "circular"
     * @param value the fill value of "constant" mode
     * @return a new tensor, x's shape with each padded dim grown by its two pads (negative pads crop)
     * @throws IllegalArgumentException if pad has an odd length ("Padding length must be divisible by 2"), is too long
     *     ("Padding length too large"), names an unknown mode, or pads more than a non-constant mode allows
     */
    public static Tensor pad(Tensor x, long[] pad, String mode, double value) { return Padding.pad(x, pad, mode, value); }

    /**
     * {@code F.sigmoid(x)}: 1 / (1 + exp(-x)).
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor sigmoid(Tensor x) { return x.sigmoid(); }

    /**
     * {@code F.tanh(x)}.
     *
     * @param x the input tensor (any shape, floating)
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor tanh(Tensor x) { return x.tanh(); }

    /**
     * {@code F.softmax(x, dim)}: exp(x) normalised to sum 1 along dim.
     *
     * @param x the input tensor (any shape, floating)
     * @param dim the dimension the values are normalised over (negative counts from the end)
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if dim is out of range ("Dimension out of range (expected to be in range of [-n,
     *     n-1], but got d)")
     */
    public static Tensor softmax(Tensor x, int dim) { return x.softmax(dim); }

    /**
     * {@code F.log_softmax(x, dim)}: log(softmax(x, dim)), computed stably.
     *
     * @param x the input tensor (any shape, floating)
     * @param dim the dimension the values are normalised over (negative counts from the end)
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if dim is out of range ("Dimension out of range (expected to be in range of [-n,
     *     n-1], but got d)")
     */
    public static Tensor logSoftmax(Tensor x, int dim) { return x.logSoftmax(dim); }

    /**
     * {@code F.dropout(x, p)}: training is on by default, as in PyTorch's functional form.
     *
     * @param x the input tensor (any shape, floating)
     * @param p the probability of an element being zeroed, in [0, 1]
     * @return x itself when not training or p is 0, else a new tensor of x's shape
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but got
     *     p")
     */
    public static Tensor dropout(Tensor x, double p) { return dropout(x, p, true); }

    /**
     * Zeroes each element with probability p and scales the rest by 1 / (1 - p), with PyTorch's mask
     * stream: the mask is {@code bernoulli_(1 - p)} drawn from the default generator.
     *
     * <p>PyTorch: {@code torch.nn.functional.dropout}.
     *
     * @param x the input tensor (any shape, floating)
     * @param p the probability of an element being zeroed, in [0, 1]
     * @param training whether to apply it (false returns input unchanged)
     * @return x itself when not training or p is 0, else a new tensor of x's shape
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but got
     *     p")
     */
    public static Tensor dropout(Tensor x, double p, boolean training) { return dropout(x, p, training, Generator.defaultGenerator()); }

    /**
     * {@code F.dropout(x, p, training)} with the mask drawn from generator; p outside [0, 1] raises PyTorch's
     * "dropout probability has to be between 0 and 1" (IllegalArgumentException).
     *
     * @param x the input tensor (any shape, floating)
     * @param p the probability of an element being zeroed, in [0, 1]
     * @param training whether to apply it (false returns input unchanged)
     * @param generator the random generator the mask is drawn from
     * @return x itself when not training or p is 0, else a new tensor of x's shape
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but got
     *     p")
     */
    public static Tensor dropout(Tensor x, double p, boolean training, Generator generator) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        if (p == 0 || !training || x.numel() == 0) return x;
        if (p == 1) return x.mul(Torch.zerosLike(x));
        Tensor noise;
        try (var g = Torch.noGrad()) {
            noise = Torch.emptyLike(x).bernoulli_(1 - p, generator).div_(1 - p);
        }
        return x.mul(noise);
    }

    /**
     * Channel dropout (dropout1d/2d/3d): whole channels (dim 1) zeroed with probability p, the rest scaled
     * by 1 / (1 - p); the noise has shape (N, C, 1, ...), drawn as PyTorch draws it. A 2-d input to dropout1d
     * is one unbatched sample (C, L).
     *
     * <p>PyTorch: {@code torch.nn.functional.dropout1d}.
     *
     * @param x the input, (N, C, L) or unbatched (C, L)
     * @param p the probability of an element being zeroed, in [0, 1]
     * @param training whether to apply it (false returns input unchanged)
     * @return x itself when not training or p is 0, else a new tensor of x's shape
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but got
     *     p") or x is not 2-d or 3-d ("dropout1d: Expected 2D or 3D input, ...")
     */
    public static Tensor dropout1d(Tensor x, double p, boolean training) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new IllegalArgumentException("dropout1d: Expected 2D or 3D input, but received a " + x.dim() + "D input. Note that dropout1d "
                    + "exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch "
                    + "dimension (i.e. 2D or 3D inputs).");
        }
        return x.dim() == 2 ? featureDropout(x.unsqueeze(0), p, training).squeeze(0) : featureDropout(x, p, training);
    }

    /**
     * {@code F.dropout2d(x, p, training)}: zeroes whole channels (dim 1) with probability p, scaling the rest by 1 / (1 -
     * p). A 3-d input is taken as (N, C, L), as PyTorch 1.13 does (it warns there), not as an unbatched (C, H, W).
     *
     * @param x the input, (N, C, H, W) (or any shape of at least 2 dims: dim 1 is the channel)
     * @param p the probability of an element being zeroed, in [0, 1]
     * @param training whether to apply it (false returns input unchanged)
     * @return x itself when not training or p is 0, else a new tensor of x's shape
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but got
     *     p") or x has fewer than 2 dims ("Feature dropout requires at least 2 dimensions in the input")
     */
    public static Tensor dropout2d(Tensor x, double p, boolean training) { return featureDropout(x, p, training); }

    /**
     * {@code F.dropout3d(x, p, training)}: zeroes whole channels of (N, C, D, H, W) input with probability p, scaling
     * the rest by 1 / (1 - p).
     *
     * @param x the input, (N, C, D, H, W) (dim 1 is the channel)
     * @param p the probability of an element being zeroed, in [0, 1]
     * @param training whether to apply it (false returns input unchanged)
     * @return x itself when not training or p is 0, else a new tensor of x's shape
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but got
     *     p") or x has fewer than 2 dims ("Feature dropout requires at least 2 dimensions in the input")
     */
    public static Tensor dropout3d(Tensor x, double p, boolean training) { return featureDropout(x, p, training); }

    private static Tensor featureDropout(Tensor x, double p, boolean training) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        if (x.dim() < 2) {
            throw new IllegalArgumentException("Feature dropout requires at least 2 dimensions in the input");
        }
        if (p == 0 || !training || x.numel() == 0) return x;
        if (p == 1) return x.mul(Torch.zeros(x.dtype(), x.device()));
        long[] noiseShape = new long[x.dim()];
        java.util.Arrays.fill(noiseShape, 1);
        noiseShape[0] = x.size(0);
        noiseShape[1] = x.size(1);
        Tensor noise;
        try (var g = Torch.noGrad()) {
            noise = Torch.empty(x.dtype(), x.device(), noiseShape).bernoulli_(1 - p).div_(1 - p);
        }
        return x.mul(noise);
    }

    // ---------------------------------------------------------------- linear and convolution

    /**
     * {@code F.linear(x, weight)}: x W^T, weight of shape (out, in).
     *
     * @param x the input (*, in): any number of leading dims
     * @param weight the weight (out, in)
     * @return a new tensor (*, out): x's shape with the last dim replaced by weight.size(0)
     * @throws IllegalArgumentException if x's last dim differs from weight.size(1) (PyTorch's "mat1 and mat2 shapes
     *     cannot be multiplied (...)")
     */
    public static Tensor linear(Tensor x, Tensor weight) { return linear(x, weight, null); }

    /**
     * x @ weight^T + bias; 2-d inputs (and contiguous batches of rows) take one addmm, as in PyTorch.
     *
     * <p>PyTorch: {@code torch.nn.functional.linear}.
     *
     * @param x the input (*, in): any number of leading dims
     * @param weight the weight (out, in)
     * @param bias the bias (out), or null for none
     * @return a new tensor (*, out): x's shape with the last dim replaced by weight.size(0)
     * @throws IllegalArgumentException if x's last dim differs from weight.size(1) (PyTorch's "mat1 and mat2 shapes
     *     cannot be multiplied (...)")
     */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        try (var ev = dev.jgrad.profiler.Profiler.isActive() ? dev.jgrad.profiler.Profiler.enter("aten::linear", x, weight, bias) : null) {
            return linearOps(x, weight, bias);
        }
    }

    private static Tensor linearOps(Tensor x, Tensor weight, Tensor bias) {
        if (bias == null) return x.matmul(weight.t());
        if (x.dim() == 2) return bias.addmm(x, weight.t());
        if (x.dim() >= 3 && x.isContiguous()) {
            long[] shape = x.shape();
            Tensor out = bias.addmm(x.reshape(-1, shape[shape.length - 1]), weight.t());
            shape[shape.length - 1] = weight.size(0);
            return out.view(shape);
        }
        return x.matmul(weight.t()).add(bias);
    }

    /**
     * {@code F.conv2d(x, weight)}: no bias, stride 1, no padding; x (N, C_in, H, W) or (C_in, H, W), weight (C_out,
     * C_in / groups, kH, kW).
     *
     * @param x the input (N, C_in, H, W) or unbatched (C_in, H, W)
     * @param weight the filters (C_out, C_in / groups, kH, kW)
     * @return the output (N, C_out, H_out, W_out), or (C_out, H_out, W_out) for unbatched x; H_out = (H + 2 padding -
     *     dilation (kH - 1) - 1) / stride + 1, and likewise W_out
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead")
     */
    public static Tensor conv2d(Tensor x, Tensor weight) { return conv2d(x, weight, null, 1, 0, 1, 1); }

    /**
     * {@code F.conv2d(x, weight, bias)}: stride 1, no padding.
     *
     * @param x the input (N, C_in, H, W) or unbatched (C_in, H, W)
     * @param weight the filters (C_out, C_in / groups, kH, kW)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @return the output (N, C_out, H_out, W_out), or (C_out, H_out, W_out) for unbatched x; H_out = (H + 2 padding -
     *     dilation (kH - 1) - 1) / stride + 1, and likewise W_out
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead")
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias) { return conv2d(x, weight, bias, 1, 0, 1, 1); }

    /**
     * {@code F.conv2d(x, weight, bias, stride, padding)}: the same stride and zero padding along both spatial dims.
     *
     * @param x the input (N, C_in, H, W) or unbatched (C_in, H, W)
     * @param weight the filters (C_out, C_in / groups, kH, kW)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @param stride the stride (one value, or (sH, sW)), at least 1
     * @param padding the zero padding of each side (one value, or (pH, pW))
     * @return the output (N, C_out, H_out, W_out), or (C_out, H_out, W_out) for unbatched x; H_out = (H + 2 padding -
     *     dilation (kH - 1) - 1) / stride + 1, and likewise W_out
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead"), or stride, padding, dilation
     *     or groups are out of range ("non-positive stride is not supported", ...)
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding) {
        return conv2d(x, weight, bias, stride, padding, 1, 1);
    }

    /**
     * {@code F.conv2d(x, weight, bias, stride, padding, dilation, groups)}; shapes that do not fit raise PyTorch's
     * messages (IllegalArgumentException).
     *
     * @param x the input (N, C_in, H, W) or unbatched (C_in, H, W)
     * @param weight the filters (C_out, C_in / groups, kH, kW)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @param stride the stride (one value, or (sH, sW)), at least 1
     * @param padding the zero padding of each side (one value, or (pH, pW))
     * @param dilation the spacing between kernel elements (one value, or (dH, dW)), at least 1
     * @param groups the number of blocked connections from input to output channels (C_in and C_out divisible by it)
     * @return the output (N, C_out, H_out, W_out), or (C_out, H_out, W_out) for unbatched x; H_out = (H + 2 padding -
     *     dilation (kH - 1) - 1) / stride + 1, and likewise W_out
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead"), or stride, padding, dilation
     *     or groups are out of range ("non-positive stride is not supported", ...)
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return Torch.conv2d(x, weight, bias, new int[] {stride}, new int[] {padding}, new int[] {dilation}, groups);
    }

    /**
     * stride, padding and dilation as (h, w) pairs.
     *
     * <p>PyTorch: {@code torch.nn.functional.conv2d}.
     *
     * @param x the input (N, C_in, H, W) or unbatched (C_in, H, W)
     * @param weight the filters (C_out, C_in / groups, kH, kW)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @param stride the stride (one value, or (sH, sW)), at least 1
     * @param padding the zero padding of each side (one value, or (pH, pW))
     * @param dilation the spacing between kernel elements (one value, or (dH, dW)), at least 1
     * @param groups the number of blocked connections from input to output channels (C_in and C_out divisible by it)
     * @return the output (N, C_out, H_out, W_out), or (C_out, H_out, W_out) for unbatched x; H_out = (H + 2 padding -
     *     dilation (kH - 1) - 1) / stride + 1, and likewise W_out
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead"), or stride, padding, dilation
     *     or groups are out of range ("non-positive stride is not supported", ...)
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        return Torch.conv2d(x, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * 1-d convolution over (N, C, L) or (C, L) by weight (Cout, Cin / groups, k).
     *
     * <p>PyTorch: {@code torch.nn.functional.conv1d}.
     *
     * @param x the input (N, C_in, L) or unbatched (C_in, L)
     * @param weight the filters (C_out, C_in / groups, k)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @param stride the stride of the window
     * @param padding the implicit zero padding on both sides
     * @param dilation the spacing between kernel elements
     * @param groups the number of blocked connections from input to output channels (C_in and C_out divisible by it)
     * @return the output (N, C_out, L_out), or (C_out, L_out) for unbatched x; L_out = (L + 2 padding - dilation (k -
     *     1) - 1) / stride + 1
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead"), or stride, padding, dilation
     *     or groups are out of range ("non-positive stride is not supported", ...)
     */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return Convolution.conv1d(x, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * {@code F.conv1d(x, weight, bias)}: stride 1, no padding; x (N, C_in, L) or (C_in, L), weight (C_out, C_in, k).
     *
     * @param x the input (N, C_in, L) or unbatched (C_in, L)
     * @param weight the filters (C_out, C_in / groups, k)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @return the output (N, C_out, L_out), or (C_out, L_out) for unbatched x; L_out = (L + 2 padding - dilation (k -
     *     1) - 1) / stride + 1
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead")
     */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias) { return conv1d(x, weight, bias, 1, 0, 1, 1); }

    /**
     * The transposed 2-d convolution: x (N, Cin, H, W) by weight (Cin, Cout / groups, kh, kw); pairs may have one
     * element.
     *
     * <p>PyTorch: {@code torch.nn.functional.conv_transpose2d}.
     *
     * @param x the input (N, C_in, H, W) or unbatched (C_in, H, W)
     * @param weight the filters (C_in, C_out / groups, kH, kW)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @param stride the stride (one value, or (sH, sW))
     * @param padding dilation (k - 1) - padding zeros are added to each side (one value, or a pair)
     * @param outputPadding extra size added to one side of each output dim (smaller than stride or dilation)
     * @param groups the number of blocked connections from input to output channels (C_in and C_out divisible by it)
     * @param dilation the spacing between kernel elements (one value, or a pair)
     * @return the output (N, C_out, H_out, W_out), or unbatched; H_out = (H - 1) stride - 2 padding + dilation (kH - 1)
     *     + outputPadding + 1, and likewise W_out
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead"), or stride, padding, dilation
     *     or groups are out of range ("non-positive stride is not supported", ...)
     */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] outputPadding, int groups,
                                         int[] dilation) {
        return Convolution.convTranspose2d(x, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    /**
     * {@code F.conv_transpose2d(x, weight, bias, stride, padding)}: weight (C_in, C_out, kH, kW), no output padding,
     * one group.
     *
     * @param x the input (N, C_in, H, W) or unbatched (C_in, H, W)
     * @param weight the filters (C_in, C_out / groups, kH, kW)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @param stride the stride (one value, or (sH, sW))
     * @param padding dilation (k - 1) - padding zeros are added to each side (one value, or a pair)
     * @return the output (N, C_out, H_out, W_out), or unbatched; H_out = (H - 1) stride - 2 padding + dilation (kH - 1)
     *     + outputPadding + 1, and likewise W_out
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead"), or stride, padding, dilation
     *     or groups are out of range ("non-positive stride is not supported", ...)
     */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding) {
        return convTranspose2d(x, weight, bias, new int[] {stride}, new int[] {padding}, new int[] {0}, 1, new int[] {1});
    }

    /**
     * The transposed 1-d convolution, as the 2-d one over a unit height.
     *
     * <p>PyTorch: {@code torch.nn.functional.conv_transpose1d}.
     *
     * @param x the input (N, C_in, L) or unbatched (C_in, L)
     * @param weight the filters (C_in, C_out / groups, k)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @param stride the stride of the window
     * @param padding the implicit zero padding on both sides
     * @param outputPadding extra size added to one side of each output dim
     * @param groups the number of blocked connections from input to output channels (C_in and C_out divisible by it)
     * @param dilation the spacing between kernel elements
     * @return the output (N, C_out, L_out), or unbatched; L_out = (L - 1) stride - 2 padding + dilation (k - 1) +
     *     outputPadding + 1
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead"), or stride, padding, dilation
     *     or groups are out of range ("non-positive stride is not supported", ...)
     */
    public static Tensor convTranspose1d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int outputPadding, int groups,
                                         int dilation) {
        return Convolution.convTranspose1d(x, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    /**
     * Average of each window (PyTorch's avg_pool2d arguments; stride null: the kernel size).
     *
     * <p>PyTorch: {@code torch.nn.functional.avg_pool2d}.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param kernelSize the window (one value for both dims, or (kH, kW))
     * @param stride the step (one value, or (sH, sW)); null or empty means the kernel size
     * @param padding the implicit padding of each side (one value, or (pH, pW)), at most half the kernel
     * @param ceilMode whether the output size rounds up instead of down
     * @param countIncludePad whether the zero padding counts in the divisor
     * @param divisorOverride a divisor used instead of the window size, or null
     * @return the pooled tensor (N, C, H_out, W_out), or (C, H_out, W_out) for unbatched input
     * @throws IllegalArgumentException for input of the wrong rank, padding over half the kernel ("pad should be at
     *     most half of kernel size, ...") or an empty output ("Given input size: (...). Calculated output size: (...).
     *     Output size is too small")
     */
    public static Tensor avgPool2d(Tensor x, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad,
                                   Integer divisorOverride) {
        return Pooling.avgPool2d(x, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /**
     * {@code F.avg_pool2d(x, kernel_size)}: stride equal to the kernel, no padding.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param kernelSize the side of the square window (also the stride)
     * @return the pooled tensor (N, C, H_out, W_out), or (C, H_out, W_out) for unbatched input
     * @throws IllegalArgumentException for input of the wrong rank or an empty output ("Given input size: (...).
     *     Calculated output size: (...). Output size is too small")
     */
    public static Tensor avgPool2d(Tensor x, int kernelSize) { return avgPool2d(x, kernelSize, kernelSize, 0); }

    /**
     * {@code F.avg_pool2d(x, kernel_size, stride, padding)}: square windows, padding counted in the average.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param kernelSize the side of the square window
     * @param stride the step along both dims
     * @param padding the zero padding of each side
     * @return the pooled tensor (N, C, H_out, W_out), or (C, H_out, W_out) for unbatched input
     * @throws IllegalArgumentException for input of the wrong rank, padding over half the kernel ("pad should be at
     *     most half of kernel size, ...") or an empty output ("Given input size: (...). Calculated output size: (...).
     *     Output size is too small")
     */
    public static Tensor avgPool2d(Tensor x, int kernelSize, int stride, int padding) {
        return avgPool2d(x, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, false, true, null);
    }

    /**
     * avg_pool1d over (N, C, L), as the 2-d pooling of a unit height (so its node is the squeeze, as in PyTorch).
     *
     * <p>PyTorch: {@code torch.nn.functional.avg_pool1d}.
     *
     * @param x the input (N, C, L) or (C, L)
     * @param kernelSize the window length
     * @param stride the step
     * @param padding the padding of each side, at most half the kernel
     * @param ceilMode whether the output size rounds up instead of down
     * @param countIncludePad whether the zero padding counts in the divisor
     * @return the pooled tensor (N, C, L_out), or (C, L_out) for 2-d input
     * @throws IllegalArgumentException if x is not 2-d or 3-d ("avg_pool1d() Expected 2D or 3D input tensor, ..." /
     *     "max_pool1d() ..."), or the window does not fit
     */
    public static Tensor avgPool1d(Tensor x, int kernelSize, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new IllegalArgumentException("avg_pool1d() Expected 2D or 3D input tensor, but got " + x.size());
        }
        return avgPool2d(x.unsqueeze(-2), new int[] {1, kernelSize}, new int[] {1, stride}, new int[] {0, padding}, ceilMode,
                countIncludePad, null).squeeze(-2);
    }

    /**
     * {@code F.avg_pool1d(x, kernel_size)}: stride equal to the kernel, no padding.
     *
     * @param x the input (N, C, L) or (C, L)
     * @param kernelSize the window length (also the stride)
     * @return the pooled tensor (N, C, L_out), or (C, L_out) for 2-d input
     * @throws IllegalArgumentException if x is not 2-d or 3-d ("avg_pool1d() Expected 2D or 3D input tensor, ..." /
     *     "max_pool1d() ..."), or the window does not fit
     */
    public static Tensor avgPool1d(Tensor x, int kernelSize) { return avgPool1d(x, kernelSize, kernelSize, 0, false, true); }

    /**
     * max_pool1d over (N, C, L), as the 2-d pooling of a unit height.
     *
     * <p>PyTorch: {@code torch.nn.functional.max_pool1d}.
     *
     * @param x the input (N, C, L) or (C, L)
     * @param kernelSize the window length
     * @param stride the step
     * @param padding the padding of each side, at most half the kernel
     * @param dilation the spacing between window elements
     * @param ceilMode whether the output size rounds up instead of down
     * @return the pooled tensor (N, C, L_out), or (C, L_out) for 2-d input
     * @throws IllegalArgumentException if x is not 2-d or 3-d ("avg_pool1d() Expected 2D or 3D input tensor, ..." /
     *     "max_pool1d() ..."), or the window does not fit
     */
    public static Tensor maxPool1d(Tensor x, int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new IllegalArgumentException("max_pool1d() Expected 2D or 3D input tensor, but got " + x.size());
        }
        return maxPool2d(x.unsqueeze(-2), new int[] {1, kernelSize}, new int[] {1, stride}, new int[] {0, padding}, new int[] {1, dilation},
                ceilMode).squeeze(-2);
    }

    /**
     * {@code F.max_pool1d(x, kernel_size)}: stride equal to the kernel, no padding.
     *
     * @param x the input (N, C, L) or (C, L)
     * @param kernelSize the window length (also the stride)
     * @return the pooled tensor (N, C, L_out), or (C, L_out) for 2-d input
     * @throws IllegalArgumentException if x is not 2-d or 3-d ("avg_pool1d() Expected 2D or 3D input tensor, ..." /
     *     "max_pool1d() ..."), or the window does not fit
     */
    public static Tensor maxPool1d(Tensor x, int kernelSize) { return maxPool1d(x, kernelSize, kernelSize, 0, 1, false); }

    /**
     * Each output cell averages its adaptive window of the input (outputSize: (oh, ow), or one value for both).
     *
     * <p>PyTorch: {@code torch.nn.functional.adaptive_avg_pool2d}.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param outputSize (oh, ow), or one value for both
     * @return the pooled tensor (N, C, oh, ow), or (C, oh, ow)
     * @throws IllegalArgumentException if x is not 3-d or 4-d (e.g. "adaptive_avg_pool2d(): Expected 3D or 4D tensor,
     *     but got [...]")
     */
    public static Tensor adaptiveAvgPool2d(Tensor x, int... outputSize) {
        int oh = outputSize[0], ow = outputSize.length > 1 ? outputSize[1] : outputSize[0];
        return Pooling.adaptiveAvgPool2d(x, oh, ow);
    }

    /**
     * {@code F.adaptive_avg_pool1d(x, output_size)}: averages over the windows that split the last dim into
     * outputSize parts.
     *
     * @param x the input (N, C, L) or (C, L)
     * @param outputSize the output length
     * @return the pooled tensor (N, C, outputSize), or (C, outputSize)
     * @throws IllegalArgumentException if x is not 2-d or 3-d
     */
    public static Tensor adaptiveAvgPool1d(Tensor x, int outputSize) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new IllegalArgumentException("adaptive_avg_pool1d() argument 'input' should be 2D or 3D, got " + x.dim() + "D");
        }
        return adaptiveAvgPool2d(x.unsqueeze(-2), 1, outputSize).squeeze(-2);
    }

    /**
     * PyTorch's F.interpolate over the spatial dims of 3-d, 4-d or 5-d input: exactly one of size (one value for
     * every dim, or one per dim) and scaleFactor; mode nearest, linear, bilinear, bicubic, trilinear, area or
     * nearest-exact; alignCorners null is None (only the linear family and bicubic take it); with a scale factor
     * the source index uses 1 / scale unless recomputeScaleFactor is true.
     *
     * @param x the input (N, C, L), (N, C, H, W) or (N, C, D, H, W)
     * @param size the output spatial size: one value for every spatial dim, or one per dim (null when scaleFactor is
     *     given)
     * @param scaleFactor the multipliers of the spatial sizes: one for every dim, or one per dim (null when size is
     *     given)
     * @param mode "nearest", "linear", "bilinear", "bicubic", "trilinear", "area" or "nearest-exact" (the mode must fit
     *     the input's rank)
     * @param alignCorners whether corner pixels are aligned (null: PyTorch's None; only the linear modes and bicubic
     *     accept true)
     * @param recomputeScaleFactor whether the output size is used to recompute the scale (null: None)
     * @return the resized tensor: (N, C, *out) with the spatial sizes from size, or floor(in * scale)
     * @throws IllegalArgumentException if both or neither of size and scaleFactor are given, the counts do not match
     *     the spatial dims, the mode does not fit the rank ("Got 4D input, but linear mode needs 3D input"), or
     *     alignCorners is set in a nearest or area mode
     */
    public static Tensor interpolate(Tensor x, int[] size, double[] scaleFactor, String mode, Boolean alignCorners, Boolean recomputeScaleFactor) {
        return Interpolation.interpolate(x, size, scaleFactor, mode, alignCorners, recomputeScaleFactor);
    }

    /**
     * To size (one value for every spatial dim, or one per dim); alignCorners false stands for None in the nearest and
     * area modes.
     *
     * <p>PyTorch: {@code torch.nn.functional.interpolate}.
     *
     * @param x the input (N, C, L), (N, C, H, W) or (N, C, D, H, W)
     * @param size the output spatial size: one value for every spatial dim, or one per dim
     * @param mode "nearest", "linear", "bilinear", "bicubic", "trilinear", "area" or "nearest-exact" (the mode must fit
     *     the input's rank)
     * @param alignCorners whether corner pixels are aligned (only the linear modes and bicubic accept true; false
     *     stands for None in the nearest and area modes)
     * @return the resized tensor: (N, C, *out) with the spatial sizes from size, or floor(in * scale)
     * @throws IllegalArgumentException if the sizes or factors do not match the spatial dims, the mode does not fit the
     *     rank ("Got 4D input, but linear mode needs 3D input"), or alignCorners is true in a nearest or area mode
     *     ("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear")
     */
    public static Tensor interpolate(Tensor x, int[] size, String mode, boolean alignCorners) {
        return interpolate(x, size, null, mode, noneForNearest(mode, alignCorners), null);
    }

    /**
     * {@code F.interpolate(x, size, mode=mode)} with align_corners left at None.
     *
     * @param x the input (N, C, L), (N, C, H, W) or (N, C, D, H, W)
     * @param size the output spatial size: one value for every spatial dim, or one per dim
     * @param mode "nearest", "linear", "bilinear", "bicubic", "trilinear", "area" or "nearest-exact" (the mode must fit
     *     the input's rank)
     * @return the resized tensor: (N, C, *out) with the spatial sizes from size, or floor(in * scale)
     * @throws IllegalArgumentException if the sizes or factors do not match the spatial dims or the mode does not fit
     *     the rank ("Got 4D input, but linear mode needs 3D input")
     */
    public static Tensor interpolate(Tensor x, int[] size, String mode) { return interpolate(x, size, mode, false); }

    /**
     * By scale factors (one for every spatial dim, or one per dim); the output is floor(in * scale).
     *
     * <p>PyTorch: {@code torch.nn.functional.interpolate}.
     *
     * @param x the input (N, C, L), (N, C, H, W) or (N, C, D, H, W)
     * @param scaleFactor the multipliers of the spatial sizes: one for every dim, or one per dim
     * @param mode "nearest", "linear", "bilinear", "bicubic", "trilinear", "area" or "nearest-exact" (the mode must fit
     *     the input's rank)
     * @param alignCorners whether corner pixels are aligned (only the linear modes and bicubic accept true; false
     *     stands for None in the nearest and area modes)
     * @return the resized tensor: (N, C, *out) with the spatial sizes from size, or floor(in * scale)
     * @throws IllegalArgumentException if the sizes or factors do not match the spatial dims, the mode does not fit the
     *     rank ("Got 4D input, but linear mode needs 3D input"), or alignCorners is true in a nearest or area mode
     *     ("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear")
     */
    public static Tensor interpolate(Tensor x, double[] scaleFactor, String mode, boolean alignCorners) {
        return interpolate(x, null, scaleFactor, mode, noneForNearest(mode, alignCorners), null);
    }

    /**
     * {@code F.interpolate(x, scale_factor=scaleFactor, mode=mode, align_corners=alignCorners)} with one factor for
     * every spatial dim.
     *
     * @param x the input (N, C, L), (N, C, H, W) or (N, C, D, H, W)
     * @param scaleFactor the multiplier of every spatial size
     * @param mode "nearest", "linear", "bilinear", "bicubic", "trilinear", "area" or "nearest-exact" (the mode must fit
     *     the input's rank)
     * @param alignCorners whether corner pixels are aligned (only the linear modes and bicubic accept true; false
     *     stands for None in the nearest and area modes)
     * @return the resized tensor: (N, C, *out) with the spatial sizes from size, or floor(in * scale)
     * @throws IllegalArgumentException if the sizes or factors do not match the spatial dims, the mode does not fit the
     *     rank ("Got 4D input, but linear mode needs 3D input"), or alignCorners is true in a nearest or area mode
     *     ("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear")
     */
    public static Tensor interpolate(Tensor x, double scaleFactor, String mode, boolean alignCorners) {
        return interpolate(x, new double[] {scaleFactor}, mode, alignCorners);
    }

    /**
     * {@code F.interpolate(x, scale_factor=scaleFactor, mode=mode)} with one factor for every spatial dim.
     *
     * @param x the input (N, C, L), (N, C, H, W) or (N, C, D, H, W)
     * @param scaleFactor the multiplier of every spatial size
     * @param mode "nearest", "linear", "bilinear", "bicubic", "trilinear", "area" or "nearest-exact" (the mode must fit
     *     the input's rank)
     * @return the resized tensor: (N, C, *out) with the spatial sizes from size, or floor(in * scale)
     * @throws IllegalArgumentException if the sizes or factors do not match the spatial dims or the mode does not fit
     *     the rank ("Got 4D input, but linear mode needs 3D input")
     */
    public static Tensor interpolate(Tensor x, double scaleFactor, String mode) {
        return interpolate(x, new double[] {scaleFactor}, mode, false);
    }

    /**
     * Sampling grid (N, H, W, 2) (or (N, D, H, W, 3)) of the affine maps theta (N, 2, 3) (or (N, 3, 4)) for an output
     * of size (N, C, H, W) (or (N, C, D, H, W)).
     *
     * <p>PyTorch: {@code torch.nn.functional.affine_grid}.
     *
     * @param theta the affine matrices (N, 2, 3), or (N, 3, 4) for 3-d, floating
     * @param size the output size (N, C, H, W) or (N, C, D, H, W)
     * @param alignCorners whether the corner pixels of input and output are aligned (sample at the pixel centres when
     *     false)
     * @return the sampling grid (N, H, W, 2) for 4-d size, or (N, D, H, W, 3) for 5-d size, of normalised coordinates
     *     in [-1, 1]
     * @throws IllegalArgumentException if theta is not floating, its shape does not fit size ("Expected a batch of 2D
     *     affine matrices of shape Nx2x3 for size ..."), or size is not 4-d or 5-d
     */
    public static Tensor affineGrid(Tensor theta, int[] size, boolean alignCorners) {
        return dev.jgrad.internal.ops.GridSampling.affineGrid(theta, size, alignCorners);
    }

    /**
     * Samples 4-d input (N, C, H, W) at grid (N, Ho, Wo, 2) of normalised (x, y), or 5-d input at (N, Do, Ho, Wo, 3) of
     * (x, y, z): mode "bilinear" (trilinear for 5-d), "nearest" or "bicubic" (4-d only),
     * paddingMode "zeros", "border" or "reflection"; differentiable in input and grid.
     *
     * <p>PyTorch: {@code torch.nn.functional.grid_sample}.
     *
     * @param input the input (N, C, H, W) or (N, C, D, H, W)
     * @param grid the sampling locations (N, Ho, Wo, 2), or (N, Do, Ho, Wo, 3), normalised to [-1, 1], input's dtype
     * @param mode "bilinear" (trilinear for 5-d), "nearest" or "bicubic" (4-d only)
     * @param paddingMode where samples outside the input come from: "zeros", "border" or "reflection"
     * @param alignCorners whether the corner pixels of input and output are aligned (sample at the pixel centres when
     *     false)
     * @return the samples (N, C, Ho, Wo), or (N, C, Do, Ho, Wo) for 5-d input
     * @throws IllegalArgumentException for an unknown mode or paddingMode, mismatched ranks, batch sizes or grid's last
     *     dim ("grid_sampler(): expected grid and input to have same batch size, ..."), or differing dtypes
     */
    public static Tensor gridSample(Tensor input, Tensor grid, String mode, String paddingMode, boolean alignCorners) {
        return dev.jgrad.internal.ops.GridSampling.gridSample(input, grid, mode, paddingMode, alignCorners);
    }

    /**
     * Bilinear, zero padding, align_corners false (PyTorch's defaults).
     *
     * <p>PyTorch: {@code torch.nn.functional.grid_sample}.
     *
     * @param input the input (N, C, H, W) or (N, C, D, H, W)
     * @param grid the sampling locations (N, Ho, Wo, 2), or (N, Do, Ho, Wo, 3), normalised to [-1, 1], input's dtype
     * @return the samples (N, C, Ho, Wo), or (N, C, Do, Ho, Wo) for 5-d input
     * @throws IllegalArgumentException for an unknown mode or paddingMode, mismatched ranks, batch sizes or grid's last
     *     dim ("grid_sampler(): expected grid and input to have same batch size, ..."), or differing dtypes
     */
    public static Tensor gridSample(Tensor input, Tensor grid) { return gridSample(input, grid, "bilinear", "zeros", false); }

    /** Java's boolean has no None: false passes as None where PyTorch rejects any align_corners. */
    private static Boolean noneForNearest(String mode, boolean alignCorners) {
        boolean nearestLike = mode.equals("nearest") || mode.equals("area") || mode.equals("nearest-exact");
        return nearestLike && !alignCorners ? null : alignCorners;
    }

    /**
     * (.., C r^2, H, W) to (.., C, H r, W r).
     *
     * <p>PyTorch: {@code torch.nn.functional.pixel_shuffle}.
     *
     * @param x the input (*, C r^2, H, W)
     * @param upscaleFactor the factor r to grow H and W by
     * @return a new tensor (*, C, H r, W r)
     * @throws IllegalArgumentException if x has fewer than 3 dims or its channels are not divisible by upscaleFactor^2
     *     (PyTorch's "pixel_shuffle expects ..." messages)
     */
    public static Tensor pixelShuffle(Tensor x, int upscaleFactor) { return Pooling.pixelShuffle(x, upscaleFactor); }

    /**
     * (.., C, H r, W r) to (.., C r^2, H, W).
     *
     * <p>PyTorch: {@code torch.nn.functional.pixel_unshuffle}.
     *
     * @param x the input (*, C, H r, W r)
     * @param downscaleFactor the factor r to shrink H and W by
     * @return a new tensor (*, C r^2, H, W)
     * @throws IllegalArgumentException if x has fewer than 3 dims or H and W are not divisible by downscaleFactor
     *     (PyTorch's "pixel_unshuffle expects ..." messages)
     */
    public static Tensor pixelUnshuffle(Tensor x, int downscaleFactor) { return Pooling.pixelUnshuffle(x, downscaleFactor); }

    /**
     * Normalises each sample's channels in numGroups groups, then weight and bias (may be null) per channel.
     *
     * <p>PyTorch: {@code torch.nn.functional.group_norm}.
     *
     * @param x the input (N, C, *)
     * @param numGroups the number of channel groups (C divisible by it)
     * @param weight the per-channel scale (C), or null
     * @param bias the per-channel shift (C), or null
     * @param eps a small value added for numerical stability
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if x has fewer than 2 dims, C is not divisible by numGroups, or weight or bias
     *     is not of size C
     */
    public static Tensor groupNorm(Tensor x, int numGroups, Tensor weight, Tensor bias, double eps) {
        return Normalization.groupNorm(x, numGroups, weight, bias, eps);
    }

    /**
     * Normalises each (sample, channel) plane over its spatial dims, as PyTorch: batch_norm of the input seen as
     * one sample of N*C channels (weight and bias repeated per sample), viewed back; running statistics, when
     * given, are updated with the per-channel average over samples.
     *
     * <p>PyTorch: {@code torch.nn.functional.instance_norm}.
     *
     * @param x the input (N, C, *)
     * @param runningMean the running mean (C), updated in place when useInputStats; may be null
     * @param runningVar the running variance (C), updated in place when useInputStats; may be null
     * @param weight the per-channel scale (C), or null
     * @param bias the per-channel shift (C), or null
     * @param useInputStats whether to normalise with each plane's own statistics (else the running ones)
     * @param momentum the factor of the running statistics update
     * @param eps a small value added for numerical stability
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if the running statistics are needed but null, or they, weight or bias have the
     *     wrong size (batch_norm's messages over the N*C planes: "weight should contain 12 elements not 16"), or x has
     *     one spatial element while useInputStats ("Expected more than 1 spatial element when training, got input
     *     size torch.Size([2, 3, 1])")
     */
    public static Tensor instanceNorm(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias, boolean useInputStats,
                                      double momentum, double eps) {
        long n = x.size(0), c = x.size(1);
        long[] shape = x.shape();
        long spatial = 1;
        for (int d = 2; d < shape.length; d++) spatial *= shape[d];
        if (useInputStats && spatial <= 1) {
            throw new IllegalArgumentException("Expected more than 1 spatial element when training, got input size " + x.size());
        }
        long[] flat = shape.clone();
        flat[0] = 1;
        flat[1] = n * c;
        Tensor w = weight == null ? null : weight.repeat(n), b = bias == null ? null : bias.repeat(n);
        Tensor rm = runningMean == null ? null : runningMean.repeat(n), rv = runningVar == null ? null : runningVar.repeat(n);
        Tensor out = batchNorm(x.contiguous().view(flat), rm, rv, w, b, useInputStats, momentum, eps);
        try (var g = Torch.noGrad()) {
            if (runningMean != null) runningMean.copy_(rm.view(n, c).mean(0));
            if (runningVar != null) runningVar.copy_(rv.view(n, c).mean(0));
        }
        return out.view(shape);
    }

    /**
     * {@code F.max_pool2d(x, kernel_size)}: stride equal to the kernel, no padding.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param kernelSize the side of the square window (also the stride)
     * @return the pooled tensor (N, C, H_out, W_out), or (C, H_out, W_out) for unbatched input
     * @throws IllegalArgumentException for input of the wrong rank or an empty output ("Given input size: (...).
     *     Calculated output size: (...). Output size is too small")
     */
    public static Tensor maxPool2d(Tensor x, int kernelSize) { return maxPool2d(x, kernelSize, kernelSize); }

    /**
     * {@code F.max_pool2d(x, kernel_size, stride)}: no padding.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param kernelSize the side of the square window
     * @param stride the step along both dims
     * @return the pooled tensor (N, C, H_out, W_out), or (C, H_out, W_out) for unbatched input
     * @throws IllegalArgumentException for input of the wrong rank or an empty output ("Given input size: (...).
     *     Calculated output size: (...). Output size is too small")
     */
    public static Tensor maxPool2d(Tensor x, int kernelSize, int stride) { return maxPool2d(x, kernelSize, stride, 0, 1, false); }

    /**
     * {@code F.max_pool2d(x, kernel_size, stride, padding, dilation, ceil_mode)} with square windows.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param kernelSize the side of the square window
     * @param stride the step along both dims
     * @param padding the -inf padding of each side
     * @param dilation the spacing between window elements
     * @param ceilMode whether the output size rounds up instead of down
     * @return the pooled tensor (N, C, H_out, W_out), or (C, H_out, W_out) for unbatched input
     * @throws IllegalArgumentException for input of the wrong rank, padding over half the kernel ("pad should be at
     *     most half of kernel size, ...") or an empty output ("Given input size: (...). Calculated output size: (...).
     *     Output size is too small")
     */
    public static Tensor maxPool2d(Tensor x, int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        return maxPool2d(x, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {dilation}, ceilMode);
    }

    /**
     * {@code F.max_pool2d} with (height, width) pairs (a single value is used for both); padding is -inf.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param kernelSize the window (one value for both dims, or (kH, kW))
     * @param stride the step (one value, or (sH, sW)); null or empty means the kernel size
     * @param padding the implicit padding of each side (one value, or (pH, pW)), at most half the kernel
     * @param dilation the spacing between window elements (one value, or (dH, dW))
     * @param ceilMode whether the output size rounds up instead of down
     * @return the pooled tensor (N, C, H_out, W_out), or (C, H_out, W_out) for unbatched input
     * @throws IllegalArgumentException for input of the wrong rank, padding over half the kernel ("pad should be at
     *     most half of kernel size, ...") or an empty output ("Given input size: (...). Calculated output size: (...).
     *     Output size is too small")
     */
    public static Tensor maxPool2d(Tensor x, int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return Torch.maxPool2dWithIndices(x, kernelSize, stride, padding, dilation, ceilMode).values();
    }

    /**
     * {@code F.unfold}: sliding windows as columns (n, c * kh * kw, blocks).
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param kernelSize the window: one value for both dims, or (kH, kW)
     * @param dilation the spacing: one value, or a pair
     * @param padding the zero padding: one value, or a pair
     * @param stride the step: one value, or a pair
     * @return the blocks as columns (N, C kH kW, L), L the number of window positions
     * @throws IllegalArgumentException for input of the wrong rank ("Expected 3D or 4D (batch mode) tensor with
     *     possibly 0 batch size and other non-zero dimensions for input, but got: [2]") or a window that does not fit
     */
    public static Tensor unfold(Tensor x, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        return Torch.im2col(x, kernelSize, dilation, padding, stride);
    }

    /**
     * {@code F.fold}: the adjoint of unfold.
     *
     * @param x the columns (N, C kH kW, L) or (C kH kW, L)
     * @param outputSize the output (H, W)
     * @param kernelSize the window: one value, or (kH, kW)
     * @param dilation the spacing: one value, or a pair
     * @param padding the zero padding: one value, or a pair
     * @param stride the step: one value, or a pair
     * @return the summed blocks (N, C, outputSize[0], outputSize[1]), or (C, ...) for 2-d x
     * @throws IllegalArgumentException if x's dim 1 is not divisible by the window size or L does not match the number
     *     of blocks (PyTorch's col2im messages)
     */
    public static Tensor fold(Tensor x, int[] outputSize, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        return Torch.col2im(x, outputSize, kernelSize, dilation, padding, stride);
    }

    // ---------------------------------------------------------------- normalisation and embedding

    /**
     * {@code F.layer_norm(x, normalized_shape)}: normalised over the trailing dims, no affine transform, eps 1e-5.
     *
     * @param x the input (*, normalizedShape)
     * @param normalizedShape the trailing shape normalised over
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if x does not end in normalizedShape ("Given normalized_shape=[...], expected
     *     input with shape [*, ...], but got input of size[...]")
     */
    public static Tensor layerNorm(Tensor x, long[] normalizedShape) { return Torch.layerNorm(x, normalizedShape, null, null, 1e-5); }

    /**
     * {@code F.layer_norm(x, normalized_shape, weight, bias, eps)}; weight and bias may be null.
     *
     * @param x the input (*, normalizedShape)
     * @param normalizedShape the trailing shape normalised over
     * @param weight the elementwise scale of shape normalizedShape, or null
     * @param bias the elementwise shift of shape normalizedShape, or null
     * @param eps a small value added for numerical stability
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if x does not end in normalizedShape ("Given normalized_shape=[...], expected
     *     input with shape [*, ...], but got input of size[...]") or weight or bias has another shape
     */
    public static Tensor layerNorm(Tensor x, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return Torch.layerNorm(x, normalizedShape, weight, bias, eps);
    }

    /**
     * {@code F.batch_norm(x, running_mean, running_var, weight, bias, training, momentum, eps)}: in training, batch
     * statistics (and running statistics updated in place by momentum); else the running ones.
     *
     * @param x the input (N, C, *)
     * @param runningMean the running mean per channel (C), updated in place in training; may be null
     * @param runningVar the running variance per channel (C), updated in place in training; may be null
     * @param weight the per-channel scale (C), or null
     * @param bias the per-channel shift (C), or null
     * @param training whether to use the batch statistics (and update the running ones)
     * @param momentum the factor of the running statistics update
     * @param eps a small value added for numerical stability
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if x has fewer than 2 dims, the running statistics are not of size C
     *     ("running_mean should contain C elements not n", then running_var, weight, bias), are null in evaluation,
     *     or a channel has one value in training ("Expected more than 1 value per channel when training, ...")
     */
    public static Tensor batchNorm(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias, boolean training,
                                   double momentum, double eps) {
        return Torch.batchNorm(x, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    /**
     * {@code F.embedding(indices, weight)}: the rows of weight at the integer indices, shape indices.shape +
     * (embedding_dim,).
     *
     * @param indices the int64 row indices, any shape
     * @param weight the embedding matrix (num_embeddings, embedding_dim)
     * @return the looked-up rows: indices' shape + (embedding_dim)
     * @throws IllegalArgumentException if an index is out of range ("index out of range in self")
     */
    public static Tensor embedding(Tensor indices, Tensor weight) { return Torch.embedding(weight, indices, -1); }

    /**
     * paddingIdx may be negative (counted from the end), as in PyTorch.
     *
     * <p>PyTorch: {@code torch.nn.functional.embedding}.
     *
     * @param indices the int64 row indices, any shape
     * @param weight the embedding matrix (num_embeddings, embedding_dim)
     * @param paddingIdx the row whose gradient stays zero (negative counts from the end; null: none)
     * @return the looked-up rows: indices' shape + (embedding_dim)
     * @throws IllegalArgumentException if paddingIdx is outside [-num_embeddings, num_embeddings) ("Padding_idx must be
     *     within num_embeddings") or an index is out of range
     */
    public static Tensor embedding(Tensor indices, Tensor weight, long paddingIdx) {
        long rows = weight.size(0);
        if (paddingIdx >= rows || paddingIdx < -rows) throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
        return Torch.embedding(weight, indices, paddingIdx < 0 ? paddingIdx + rows : paddingIdx);
    }

    /**
     * PyTorch's full F.embedding: paddingIdx (null: none; negative counts from the end), maxNorm (null: none) renormalises
     * the looked-up rows of weight in place first, scaleGradByFreq divides each index's gradient by its count.
     *
     * <p>PyTorch: {@code torch.nn.functional.embedding}.
     *
     * @param input the int64 row indices, any shape
     * @param weight the embedding matrix (num_embeddings, embedding_dim)
     * @param paddingIdx the row whose gradient stays zero (negative counts from the end; null: none)
     * @param maxNorm rows whose norm exceeds it are renormalised in place to it, or null for none
     * @param normType the p of the p-norm
     * @param scaleGradByFreq whether each index's gradient is divided by its frequency in the mini-batch
     * @param sparse whether the gradient would be sparse (jgrad supports false only)
     * @return the looked-up rows: indices' shape + (embedding_dim)
     * @throws IllegalArgumentException if paddingIdx is outside [-num_embeddings, num_embeddings) ("Padding_idx must be
     *     within num_embeddings") or an index is out of range
     */
    public static Tensor embedding(Tensor input, Tensor weight, Long paddingIdx, Double maxNorm, double normType, boolean scaleGradByFreq,
                                   boolean sparse) {
        return dev.jgrad.internal.ops.Embeddings.embedding(input, weight, paddingIdx, maxNorm, normType, scaleGradByFreq, sparse);
    }

    /**
     * Sums, means or maxes of bags of embeddings: input 2-d (one bag per row, offsets null) or 1-d with offsets (the start
     * of each bag; with includeLastOffset the last one ends the last bag); perSampleWeights (input's shape) only with sum;
     * entries equal to paddingIdx leave their bag; an empty bag gives zeros.
     *
     * <p>PyTorch: {@code torch.nn.functional.embedding_bag}.
     *
     * @param input the int64 indices: 2-d (B, bag length) or 1-d with offsets
     * @param weight the embedding matrix (num_embeddings, embedding_dim)
     * @param offsets the start of each bag in 1-d input (null for 2-d input)
     * @param maxNorm rows whose norm exceeds it are renormalised in place to it, or null for none
     * @param normType the p of the p-norm
     * @param scaleGradByFreq whether each index's gradient is divided by its frequency in the mini-batch
     * @param mode "sum", "mean" or "max"
     * @param sparse whether the gradient would be sparse (jgrad supports false only)
     * @param perSampleWeights a weight per index (input's shape, "sum" mode only), or null
     * @param includeLastOffset whether the last offset ends the last bag
     * @param paddingIdx the index left out of its bag (null: none)
     * @return one reduced row per bag: (B, embedding_dim)
     * @throws IllegalArgumentException for an unknown mode, offsets not fitting input ("offsets has to be a 1D Tensor",
     *     "offsets[0] has to be 0, ..."), perSampleWeights outside "sum" mode, or an index out of range
     */
    public static Tensor embeddingBag(Tensor input, Tensor weight, Tensor offsets, Double maxNorm, double normType, boolean scaleGradByFreq,
                                      String mode, boolean sparse, Tensor perSampleWeights, boolean includeLastOffset, Long paddingIdx) {
        return dev.jgrad.internal.ops.Embeddings.embeddingBag(input, weight, offsets, maxNorm, normType, scaleGradByFreq, mode, sparse,
                perSampleWeights, includeLastOffset, paddingIdx);
    }

    /**
     * {@code F.embedding_bag(input, weight, offsets, mode=mode)}: bags reduced by "sum", "mean" or "max".
     *
     * @param input the int64 indices: 2-d (B, bag length) or 1-d with offsets
     * @param weight the embedding matrix (num_embeddings, embedding_dim)
     * @param offsets the start of each bag in 1-d input (null for 2-d input)
     * @param mode "sum", "mean" or "max"
     * @return one reduced row per bag: (B, embedding_dim)
     * @throws IllegalArgumentException for an unknown mode ("mode has to be one of sum, mean or max"), offsets not
     *     fitting input ("offsets has to be a 1D Tensor", "offsets[0] has to be 0, ..."), or an index out of range
     */
    public static Tensor embeddingBag(Tensor input, Tensor weight, Tensor offsets, String mode) {
        return embeddingBag(input, weight, offsets, null, 2.0, false, mode, false, null, false, null);
    }

    /**
     * mean mode, PyTorch's default.
     *
     * <p>PyTorch: {@code torch.nn.functional.embedding_bag}.
     *
     * @param input the int64 indices: 2-d (B, bag length) or 1-d with offsets
     * @param weight the embedding matrix (num_embeddings, embedding_dim)
     * @param offsets the start of each bag in 1-d input (null for 2-d input)
     * @return one reduced row per bag: (B, embedding_dim)
     * @throws IllegalArgumentException for offsets not fitting input ("offsets has to be a 1D Tensor", "offsets[0] has
     *     to be 0, ...") or an index out of range
     */
    public static Tensor embeddingBag(Tensor input, Tensor weight, Tensor offsets) { return embeddingBag(input, weight, offsets, "mean"); }

    // ---------------------------------------------------------------- losses

    /**
     * {@code F.mse_loss(input, target)}: the mean of squared differences (shapes broadcast, with PyTorch's warning
     * when they differ).
     *
     * @param input the prediction, any shape
     * @param target the target, broadcastable with input (PyTorch warns when the shapes differ)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     */
    public static Tensor mseLoss(Tensor input, Tensor target) { return Torch.mseLoss(input, target, "mean"); }

    /**
     * {@code F.mse_loss(input, target, reduction)}: reduction "mean", "sum" or "none".
     *
     * @param input the prediction, any shape
     * @param target the target, broadcastable with input (PyTorch warns when the shapes differ)
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not a valid value for
     *     reduction")
     */
    public static Tensor mseLoss(Tensor input, Tensor target, String reduction) { return Torch.mseLoss(input, target, reduction); }

    /**
     * {@code F.smooth_l1_loss(input, target)}: mean reduction, beta 1.
     *
     * @param input the prediction, any shape
     * @param target the target, broadcastable with input (PyTorch warns when the shapes differ)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) { return smoothL1Loss(input, target, "mean", 1.0); }

    /**
     * 0.5 d^2 / beta where |d| &lt; beta, |d| - beta / 2 elsewhere.
     *
     * <p>PyTorch: {@code torch.nn.functional.smooth_l1_loss}.
     *
     * @param input the prediction, any shape
     * @param target the target, broadcastable with input (PyTorch warns when the shapes differ)
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @param beta where the loss turns from quadratic to linear (at least 0)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not a valid value for
     *     reduction")
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, String reduction, double beta) {
        return dev.jgrad.internal.ops.Losses.smoothL1Loss(input, target, reduction, beta, false);
    }

    /**
     * {@code F.huber_loss(input, target)}: mean reduction, delta 1.
     *
     * @param input the prediction, any shape
     * @param target the target, broadcastable with input (PyTorch warns when the shapes differ)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     */
    public static Tensor huberLoss(Tensor input, Tensor target) { return huberLoss(input, target, "mean", 1.0); }

    /**
     * 0.5 d^2 where |d| &lt; delta, delta (|d| - delta / 2) elsewhere.
     *
     * <p>PyTorch: {@code torch.nn.functional.huber_loss}.
     *
     * @param input the prediction, any shape
     * @param target the target, broadcastable with input (PyTorch warns when the shapes differ)
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @param delta where the loss turns from quadratic to linear (at least 0)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not a valid value for
     *     reduction")
     * @throws IllegalArgumentException if delta is negative ("huber_loss does not support negative values for delta.")
     */
    public static Tensor huberLoss(Tensor input, Tensor target, String reduction, double delta) {
        return dev.jgrad.internal.ops.Losses.smoothL1Loss(input, target, reduction, delta, true);
    }

    /**
     * {@code F.l1_loss(input, target)}: the mean absolute difference.
     *
     * @param input the prediction, any shape
     * @param target the target, broadcastable with input (PyTorch warns when the shapes differ)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     */
    public static Tensor l1Loss(Tensor input, Tensor target) { return l1Loss(input, target, "mean"); }

    /**
     * |input - target| reduced: PyTorch composes it, so its grad_fn is MeanBackward0, SumBackward0 or AbsBackward0.
     *
     * <p>PyTorch: {@code torch.nn.functional.l1_loss}.
     *
     * @param input the prediction, any shape
     * @param target the target, broadcastable with input (PyTorch warns when the shapes differ)
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not a valid value for
     *     reduction")
     */
    public static Tensor l1Loss(Tensor input, Tensor target, String reduction) { return reduce(input.sub(target).abs(), reduction); }

    private static Tensor reduce(Tensor loss, String reduction) {
        return switch (reduction) {
            case "none" -> loss;
            case "mean" -> loss.mean();
            case "sum" -> loss.sum();
            default -> throw new IllegalArgumentException(reduction + " is not a valid value for reduction");
        };
    }

    /**
     * {@code F.nll_loss(input, target)}: input (N, C) log-probabilities, target (N) class indices, mean over targets
     * not equal to -100.
     *
     * @param input the log-probabilities (N, C), (C) or (N, C, d1, ...)
     * @param target the int64 class indices (N), () or (N, d1, ...), in [0, C) or ignoreIndex
     * @return the loss: 0-dim for "mean" (weighted mean over targets not equal to ignoreIndex) and "sum", (N, d1, ...)
     *     for "none"
     * @throws IllegalArgumentException if target is not int64 ("expected scalar type Long but found ..."), the batch
     *     sizes differ ("Expected input batch_size (N) to match target batch_size (M).") or a class index is out of range
     *     ("Target t is out of bounds.")
     */
    public static Tensor nllLoss(Tensor input, Tensor target) { return Torch.nllLoss(input, target, null, "mean", -100); }

    /**
     * reduction: "mean", "sum" or "none".
     *
     * <p>PyTorch: {@code torch.nn.functional.nll_loss}.
     *
     * @param input the log-probabilities (N, C), (C) or (N, C, d1, ...)
     * @param target the int64 class indices (N), () or (N, d1, ...), in [0, C) or ignoreIndex
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: 0-dim for "mean" (weighted mean over targets not equal to ignoreIndex) and "sum", (N, d1, ...)
     *     for "none"
     * @throws IllegalArgumentException if target is not int64 ("expected scalar type Long but found ..."), the batch
     *     sizes differ ("Expected input batch_size (N) to match target batch_size (M).") or a class index is out of range
     *     ("Target t is out of bounds.")
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not a valid value for
     *     reduction")
     */
    public static Tensor nllLoss(Tensor input, Tensor target, String reduction) { return Torch.nllLoss(input, target, null, reduction, -100); }

    /**
     * {@code F.nll_loss(input, target, weight, ignore_index, reduction)}; a target out of range raises PyTorch's
     * "Target N is out of bounds" (IllegalArgumentException).
     *
     * @param input the log-probabilities (N, C), (C) or (N, C, d1, ...)
     * @param target the int64 class indices (N), () or (N, d1, ...), in [0, C) or ignoreIndex
     * @param weight a weight per class (C), or null
     * @param ignoreIndex a target value that contributes nothing (PyTorch's default -100)
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: 0-dim for "mean" (weighted mean over targets not equal to ignoreIndex) and "sum", (N, d1, ...)
     *     for "none"
     * @throws IllegalArgumentException if target is not int64 ("expected scalar type Long but found ..."), the batch
     *     sizes differ ("Expected input batch_size (N) to match target batch_size (M).") or a class index is out of range
     *     ("Target t is out of bounds.")
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not a valid value for
     *     reduction")
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction) {
        return Torch.nllLoss(input, target, weight, reduction, ignoreIndex);
    }

    /**
     * {@code F.cross_entropy(input, target)}: log_softmax then nll_loss, input (N, C) logits and target (N) class
     * indices (or class probabilities of input's shape).
     *
     * @param input the logits (N, C), (C) or (N, C, d1, ...)
     * @param target the int64 class indices (N), () or (N, d1, ...), or class probabilities of input's shape
     * @return the loss: 0-dim for "mean" and "sum", one loss per sample for "none"
     * @throws IllegalArgumentException if target is not int64 ("expected scalar type Long but found ..."), the batch
     *     sizes differ ("Expected input batch_size (N) to match target batch_size (M).") or a class index is out of range
     *     ("Target t is out of bounds.")
     */
    public static Tensor crossEntropy(Tensor input, Tensor target) { return crossEntropy(input, target, null, -100, "mean", 0); }

    /**
     * {@code F.cross_entropy(input, target, reduction)}.
     *
     * @param input the logits (N, C), (C) or (N, C, d1, ...)
     * @param target the int64 class indices (N), () or (N, d1, ...), or class probabilities of input's shape
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: 0-dim for "mean" and "sum", one loss per sample for "none"
     * @throws IllegalArgumentException if target is not int64 ("expected scalar type Long but found ..."), the batch
     *     sizes differ ("Expected input batch_size (N) to match target batch_size (M).") or a class index is out of range
     *     ("Target t is out of bounds.")
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not a valid value for
     *     reduction")
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, String reduction) {
        return crossEntropy(input, target, null, -100, reduction, 0);
    }

    /**
     * Cross entropy of logits (class dim 1, or 0 for 1-d input) against class indices or, when target
     * has input's shape, class probabilities. Follows PyTorch's three paths: nll_loss of log_softmax;
     * label smoothing as {@code (1 - e) * nll + e / C * smooth}; probabilities as {@code -sum(logp * target)}.
     *
     * <p>PyTorch: {@code torch.nn.functional.cross_entropy}.
     *
     * @param input the logits (N, C), (C) or (N, C, d1, ...)
     * @param target the int64 class indices (N), () or (N, d1, ...), or class probabilities of input's shape
     * @param weight a weight per class (C), or null
     * @param ignoreIndex a target index that contributes nothing (PyTorch's default -100)
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @param labelSmoothing the smoothing in [0, 1] (0: none)
     * @return the loss: 0-dim for "mean" and "sum", one loss per sample for "none"
     * @throws IllegalArgumentException if target is not int64 ("expected scalar type Long but found ..."), the batch
     *     sizes differ ("Expected input batch_size (N) to match target batch_size (M).") or a class index is out of range
     *     ("Target t is out of bounds.")
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not a valid value for
     *     reduction")
     * @throws IllegalArgumentException if labelSmoothing is outside [0, 1] ("label_smoothing must be between 0.0 and
     *     1.0. Got: ...")
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction,
                                      double labelSmoothing) {
        int classDim = input.dim() == 1 ? 0 : 1;
        if (labelSmoothing < 0 || labelSmoothing > 1) {
            throw new IllegalArgumentException("label_smoothing must be between 0.0 and 1.0. Got: " + labelSmoothing);
        }
        if (java.util.Arrays.equals(input.shape(), target.shape())) {
            return CrossEntropy.probabilities(input, target, weight, ignoreIndex, reduction, labelSmoothing, classDim);
        }
        if (labelSmoothing > 0) return CrossEntropy.smoothed(input, target, weight, ignoreIndex, reduction, labelSmoothing, classDim);
        return Torch.nllLoss(input.logSoftmax(classDim), target, weight, reduction, ignoreIndex);
    }

    /**
     * {@code F.binary_cross_entropy(input, target)}: input probabilities in [0, 1], log terms clamped at -100 as in
     * PyTorch.
     *
     * @param input the probabilities in [0, 1], any shape
     * @param target the targets in [0, 1], input's shape
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if target's shape differs from input's ("Using a target size (...) that is
     *     different to the input size (...) is deprecated. Please ensure they have the same size.")
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) { return binaryCrossEntropy(input, target, null, "mean"); }

    /**
     * {@code F.binary_cross_entropy(input, target, weight, reduction)}; weight may be null.
     *
     * @param input the probabilities in [0, 1], any shape
     * @param target the targets in [0, 1], input's shape
     * @param weight a rescaling weight broadcastable to input's shape, or null
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if target's shape differs from input's ("Using a target size (...) that is
     *     different to the input size (...) is deprecated. Please ensure they have the same size.")
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not a valid value for
     *     reduction")
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, String reduction) {
        if (!java.util.Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException("Using a target size (" + target.size() + ") that is different to the input size ("
                    + input.size() + ") is deprecated. Please ensure they have the same size.");
        }
        Tensor w = weight == null ? null : weight.expand(target.shape());
        return Torch.binaryCrossEntropy(input, target, w, reduction);
    }

    /**
     * {@code F.binary_cross_entropy_with_logits(input, target)}: sigmoid and binary cross entropy in one stable
     * formula.
     *
     * @param input the logits, any shape
     * @param target the targets in [0, 1], input's shape
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if target's shape differs from input's ("Target size (...) must be the same as
     *     input size (...)")
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, null, "mean");
    }

    /**
     * {@code F.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)}; weight and posWeight
     * may be null.
     *
     * @param input the logits, any shape
     * @param target the targets in [0, 1], input's shape
     * @param weight a rescaling weight broadcastable to input's shape, or null
     * @param posWeight a weight of the positive term per class (broadcast along the last dim), or null
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if target's shape differs from input's ("Target size (...) must be the same as
     *     input size (...)")
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not a valid value for
     *     reduction")
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight, String reduction) {
        if (!java.util.Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException("Target size (" + target.size() + ") must be the same as input size (" + input.size() + ")");
        }
        return Torch.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }

    /**
     * One-hot encoding of int64 class indices (numClasses -1 infers it from the largest index).
     *
     * <p>PyTorch: {@code torch.nn.functional.one_hot}.
     *
     * @param indices the int64 class indices, any shape, non-negative
     * @param numClasses the number of classes, or -1 for the largest index + 1
     * @return an int64 tensor indices.shape + (numClasses) with a 1 at each index
     * @throws IllegalArgumentException if indices is not int64 ("one_hot is only applicable to index tensor."), holds a
     *     negative index ("Class values must be non-negative.") or one not below numClasses ("Class values must be smaller
     *     than num_classes.")
     */
    public static Tensor oneHot(Tensor indices, int numClasses) {
        if (indices.dtype() != DType.INT64) throw new IllegalArgumentException("one_hot is only applicable to index tensor.");
        long[] idx = indices.toLongArray();
        long max = -1;
        for (long i : idx) max = Math.max(max, i);
        int c = numClasses < 0 ? (int) max + 1 : numClasses;
        long[] shape = java.util.Arrays.copyOf(indices.shape(), indices.dim() + 1);
        shape[indices.dim()] = c;
        long[] out = new long[idx.length * c];
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0) throw new IllegalArgumentException("Class values must be non-negative.");
            if (idx[i] >= c) throw new IllegalArgumentException("Class values must be smaller than num_classes.");
            out[i * c + (int) idx[i]] = 1;
        }
        return Torch.fromArray(out, shape);
    }

    // ---------------------------------------------------------------- nn breadth: distances, adaptive max pooling, more losses, fold

    /**
     * {@code F.kl_div(input, target)}: input log-probabilities, target probabilities, mean over elements (PyTorch's
     * default, which it warns about).
     *
     * @param input the log-probabilities, any shape
     * @param target the probabilities (log-probabilities with logTarget), input's shape
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if input or target is not floating ("kl_div: Integral inputs not supported.")
     */
    public static Tensor klDiv(Tensor input, Tensor target) { return klDiv(input, target, "mean", false); }

    /**
     * KL divergence of input (log-probabilities) from target (probabilities, or log-probabilities with logTarget):
     * target (log target - input) pointwise; reduction "none", "sum", "mean" (over elements) or "batchmean" (sum over the batch size).
     *
     * <p>PyTorch: {@code torch.nn.functional.kl_div}.
     *
     * @param input the log-probabilities, any shape
     * @param target the probabilities (log-probabilities with logTarget), input's shape
     * @param reduction "mean" (over elements, the default), "batchmean" (sum over the batch size), "sum" or "none"
     * @param logTarget whether target holds log-probabilities
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if input or target is not floating ("kl_div: Integral inputs not supported.") or
     *     reduction is unknown
     */
    public static Tensor klDiv(Tensor input, Tensor target, String reduction, boolean logTarget) {
        return dev.jgrad.internal.ops.MarginLosses.klDiv(input, target, reduction, logTarget);
    }

    /**
     * {@code F.cosine_similarity(x1, x2)}: along dim 1, eps 1e-8.
     *
     * @param x1 the first input
     * @param x2 the second input, broadcastable with x1
     * @return the cosine similarities: the broadcast shape of x1 and x2 without dim
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d") or their common dtype is not floating ("expected common dtype to be
     *     floating point, yet common dtype is Long")
     */
    public static Tensor cosineSimilarity(Tensor x1, Tensor x2) { return cosineSimilarity(x1, x2, 1, 1e-8); }

    /**
     * The cosine of the angle between x1 and x2 along dim, with PyTorch 1.13's arithmetic: each squared norm is
     * clamped below at eps^2 (outside autograd), and the result is the sum of x1 / ||x1|| times x2 / ||x2||.
     *
     * <p>PyTorch: {@code torch.nn.functional.cosine_similarity}.
     *
     * @param x1 the first input
     * @param x2 the second input, broadcastable with x1
     * @param dim the dimension the vectors lie along
     * @param eps the lower bound of each norm
     * @return the cosine similarities: the broadcast shape of x1 and x2 without dim
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d") or their common dtype is not floating ("expected common dtype to be
     *     floating point, yet common dtype is Long")
     */
    public static Tensor cosineSimilarity(Tensor x1, Tensor x2, int dim, double eps) {
        DType common = dev.jgrad.internal.core.Promotion.resultType(x1, x2);
        if (!common.isFloatingPoint()) {
            throw new IllegalArgumentException("expected common dtype to be floating point, yet common dtype is " + common.scalarTypeName());
        }
        long[] size = broadcastShape(x1.shape(), x2.shape());
        Tensor a = x1.to(common).expand(size), b = x2.to(common).expand(size);
        Tensor sq1 = a.pow(2L).sum(new int[] {dim}, true), sq2 = b.pow(2L).sum(new int[] {dim}, true);
        try (var g = Torch.noGrad()) {
            sq1.clampMin_(eps * eps);
            sq2.clampMin_(eps * eps);
        }
        return a.div(sq1.sqrt()).mul(b.div(sq2.sqrt())).sum(dim);
    }

    private static long[] broadcastShape(long[] a, long[] b) {
        int n = Math.max(a.length, b.length);
        long[] r = new long[n];
        for (int i = n - 1; i >= 0; i--) {
            long x = i < n - a.length ? 1 : a[i - (n - a.length)], y = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException("The size of tensor a (" + x + ") must match the size of tensor b (" + y
                        + ") at non-singleton dimension " + i);
            }
            r[i] = x == 1 ? y : x;
        }
        return r;
    }

    /**
     * {@code F.pairwise_distance(x1, x2)}: the 2-norm of x1 - x2 + 1e-6 along the last dim.
     *
     * @param x1 the first input (N, D) or (D)
     * @param x2 the second input, broadcastable with x1
     * @return the distances: the broadcast shape without the last dim (kept with size 1 under keepdim)
     */
    public static Tensor pairwiseDistance(Tensor x1, Tensor x2) { return pairwiseDistance(x1, x2, 2.0, 1e-6, false); }

    /**
     * The p-norm of x1 - x2 + eps over the last dim (eps keeps the norm differentiable where x1 = x2).
     *
     * <p>PyTorch: {@code torch.nn.functional.pairwise_distance}.
     *
     * @param x1 the first input (N, D) or (D)
     * @param x2 the second input, broadcastable with x1
     * @param p the norm degree
     * @param eps added to the difference to avoid a zero norm
     * @param keepdim whether the reduced last dim is kept with size 1
     * @return the distances: the broadcast shape without the last dim (kept with size 1 under keepdim)
     */
    public static Tensor pairwiseDistance(Tensor x1, Tensor x2, double p, double eps, boolean keepdim) {
        return dev.jgrad.internal.ops.MarginLosses.pairwiseDistance(x1, x2, p, eps, keepdim);
    }

    /**
     * The maximum of each adaptive window of (N, C, L) or (C, L), as the 2-d pooling of a unit height.
     *
     * <p>PyTorch: {@code torch.nn.functional.adaptive_max_pool1d}.
     *
     * @param x the input (N, C, L) or (C, L)
     * @param outputSize the output length
     * @return the pooled tensor (N, C, outputSize), or (C, outputSize)
     * @throws IllegalArgumentException if x is not 2-d or 3-d
     */
    public static Tensor adaptiveMaxPool1d(Tensor x, int outputSize) { return adaptiveMaxPool1dWithIndices(x, outputSize).values(); }

    /**
     * adaptive_max_pool1d with return_indices: the values and the position of each maximum along L.
     *
     * <p>PyTorch: {@code torch.nn.functional.adaptive_max_pool1d} with {@code return_indices=True}.
     *
     * @param x the input (N, C, L) or (C, L)
     * @param outputSize the output length
     * @return the values (N, C, outputSize) and the int64 position of each maximum along L
     * @throws IllegalArgumentException if x is not 2-d or 3-d
     */
    public static dev.jgrad.ValuesIndices adaptiveMaxPool1dWithIndices(Tensor x, int outputSize) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new IllegalArgumentException("Expected 2 to 3 dimensions, but got " + x.dim()
                    + "-dimensional tensor for argument #1 'self' (while checking arguments for adaptive_max_pool1d)");
        }
        dev.jgrad.ValuesIndices r = dev.jgrad.internal.ops.AdaptiveMaxPooling.adaptiveMaxPool2d(x.unsqueeze(-2), 1, outputSize);
        return new dev.jgrad.ValuesIndices("adaptive_max_pool1d", r.values().squeeze(-2), r.indices().squeeze(-2));
    }

    /**
     * The maximum of each adaptive window (outputSize: (oh, ow), or one value for both).
     *
     * <p>PyTorch: {@code torch.nn.functional.adaptive_max_pool2d}.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param outputSize (oh, ow), or one value for both
     * @return the pooled tensor (N, C, oh, ow), or (C, oh, ow)
     * @throws IllegalArgumentException if x is not 3-d or 4-d (e.g. "adaptive_avg_pool2d(): Expected 3D or 4D tensor,
     *     but got [...]")
     */
    public static Tensor adaptiveMaxPool2d(Tensor x, int... outputSize) { return adaptiveMaxPool2dWithIndices(x, outputSize).values(); }

    /**
     * A null size keeps the input's size along that dim (PyTorch's None).
     *
     * <p>PyTorch: {@code torch.nn.functional.adaptive_max_pool2d}.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param oh the output height, or null to keep the input height
     * @param ow the output width, or null to keep the input width
     * @return the pooled tensor (N, C, oh, ow), or (C, oh, ow)
     * @throws IllegalArgumentException if x is not 3-d or 4-d (e.g. "adaptive_avg_pool2d(): Expected 3D or 4D tensor,
     *     but got [...]")
     */
    public static Tensor adaptiveMaxPool2d(Tensor x, Integer oh, Integer ow) { return adaptiveMaxPool2dWithIndices(x, oh, ow).values(); }

    /**
     * adaptive_max_pool2d with return_indices: the values and the flat index (h * W + w) of each maximum in its plane.
     *
     * <p>PyTorch: {@code torch.nn.functional.adaptive_max_pool2d} with {@code return_indices=True}.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param outputSize (oh, ow), or one value for both
     * @return the values (N, C, oh, ow) and the int64 flat index h W + w of each maximum in its plane
     * @throws IllegalArgumentException if x is not 3-d or 4-d
     */
    public static dev.jgrad.ValuesIndices adaptiveMaxPool2dWithIndices(Tensor x, int... outputSize) {
        return adaptiveMaxPool2dWithIndices(x, outputSize[0], outputSize.length > 1 ? outputSize[1] : outputSize[0]);
    }

    /**
     * {@code F.adaptive_max_pool2d(x, (oh, ow), return_indices=True)}: null keeps that input size.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param oh the output height, or null to keep the input height
     * @param ow the output width, or null to keep the input width
     * @return the values (N, C, oh, ow) and the int64 flat index h W + w of each maximum in its plane
     * @throws IllegalArgumentException if x is not 3-d or 4-d
     */
    public static dev.jgrad.ValuesIndices adaptiveMaxPool2dWithIndices(Tensor x, Integer oh, Integer ow) {
        int h = oh != null ? oh : (int) x.size(-2), w = ow != null ? ow : (int) x.size(-1);
        return dev.jgrad.internal.ops.AdaptiveMaxPooling.adaptiveMaxPool2d(x, h, w);
    }

    /**
     * {@code F.margin_ranking_loss(x1, x2, target)}: mean of max(0, -target * (x1 - x2)).
     *
     * @param x1 the first scores, any shape
     * @param x2 the second scores, x1's shape
     * @param target 1 or -1 per element, x1's shape
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if the three inputs differ in dimension ("margin_ranking_loss : All input
     *     tensors should have same dimension but got sizes: ...")
     */
    public static Tensor marginRankingLoss(Tensor x1, Tensor x2, Tensor target) { return marginRankingLoss(x1, x2, target, 0.0, "mean"); }

    /**
     * max(0, -target (x1 - x2) + margin): target 1 asks for x1 ranked above x2, -1 below.
     *
     * <p>PyTorch: {@code torch.nn.functional.margin_ranking_loss}.
     *
     * @param x1 the first scores, any shape
     * @param x2 the second scores, x1's shape
     * @param target 1 or -1 per element, x1's shape
     * @param margin the margin
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if the three inputs differ in dimension ("margin_ranking_loss : All input
     *     tensors should have same dimension but got sizes: ...")
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not valid")
     */
    public static Tensor marginRankingLoss(Tensor x1, Tensor x2, Tensor target, double margin, String reduction) {
        return dev.jgrad.internal.ops.MarginLosses.marginRanking(x1, x2, target, margin, reduction);
    }

    /**
     * {@code F.hinge_embedding_loss(input, target)}: margin 1, mean reduction.
     *
     * @param input the distances, any shape
     * @param target 1 or -1 per element, input's shape
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     */
    public static Tensor hingeEmbeddingLoss(Tensor input, Tensor target) { return hingeEmbeddingLoss(input, target, 1.0, "mean"); }

    /**
     * input where target is 1, max(0, margin - input) where it is -1.
     *
     * <p>PyTorch: {@code torch.nn.functional.hinge_embedding_loss}.
     *
     * @param input the distances, any shape
     * @param target 1 or -1 per element, input's shape
     * @param margin the margin
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not valid")
     */
    public static Tensor hingeEmbeddingLoss(Tensor input, Tensor target, double margin, String reduction) {
        return dev.jgrad.internal.ops.MarginLosses.hingeEmbedding(input, target, margin, reduction);
    }

    /**
     * {@code F.soft_margin_loss(input, target)}: mean of log(1 + exp(-target * input)).
     *
     * @param input the scores, any shape
     * @param target 1 or -1 per element, input's shape
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     */
    public static Tensor softMarginLoss(Tensor input, Tensor target) { return softMarginLoss(input, target, "mean"); }

    /**
     * log(1 + exp(-target * input)), the two-class logistic loss for targets +-1.
     *
     * <p>PyTorch: {@code torch.nn.functional.soft_margin_loss}.
     *
     * @param input the scores, any shape
     * @param target 1 or -1 per element, input's shape
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not valid")
     */
    public static Tensor softMarginLoss(Tensor input, Tensor target, String reduction) { return dev.jgrad.internal.ops.MarginLosses.softMargin(input, target, reduction); }

    /**
     * {@code F.cosine_embedding_loss(x1, x2, target)}: margin 0, mean reduction.
     *
     * @param x1 the first inputs (N, D) or (D)
     * @param x2 the second inputs, x1's shape
     * @param target 1 or -1 per pair: (N), or 0-dim for 1-d inputs
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if target is not 0-d or 1-d or does not fit the inputs ("1D target tensor
     *     expects 2D input tensors, but found inputs with sizes ...")
     */
    public static Tensor cosineEmbeddingLoss(Tensor x1, Tensor x2, Tensor target) { return cosineEmbeddingLoss(x1, x2, target, 0.0, "mean"); }

    /**
     * 1 - cos(x1, x2) where target is 1, max(0, cos(x1, x2) - margin) where it is -1 (rows of 2-d inputs, or two
     * vectors).
     *
     * <p>PyTorch: {@code torch.nn.functional.cosine_embedding_loss}.
     *
     * @param x1 the first inputs (N, D) or (D)
     * @param x2 the second inputs, x1's shape
     * @param target 1 or -1 per pair: (N), or 0-dim for 1-d inputs
     * @param margin the margin
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if target is not 0-d or 1-d or does not fit the inputs ("1D target tensor
     *     expects 2D input tensors, but found inputs with sizes ...")
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not valid")
     */
    public static Tensor cosineEmbeddingLoss(Tensor x1, Tensor x2, Tensor target, double margin, String reduction) {
        return dev.jgrad.internal.ops.MarginLosses.cosineEmbedding(x1, x2, target, margin, reduction);
    }

    /**
     * {@code F.triplet_margin_loss(anchor, positive, negative)}: margin 1, p 2, eps 1e-6, no swap, mean reduction.
     *
     * @param anchor the anchor samples, (N, D) or (D)
     * @param positive the positive samples, anchor's shape
     * @param negative the negative samples, anchor's shape
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if the inputs differ in dimension ("All inputs should have same dimension but
     *     got ...")
     */
    public static Tensor tripletMarginLoss(Tensor anchor, Tensor positive, Tensor negative) {
        return tripletMarginLoss(anchor, positive, negative, 1.0, 2.0, 1e-6, false, "mean");
    }

    /**
     * max(0, margin + d(anchor, positive) - d(anchor, negative)) with pairwise_distance's p-norm; swap uses d(positive,
     * negative) when smaller.
     *
     * <p>PyTorch: {@code torch.nn.functional.triplet_margin_loss}.
     *
     * @param anchor the anchor samples, (N, D) or (D)
     * @param positive the positive samples, anchor's shape
     * @param negative the negative samples, anchor's shape
     * @param margin the margin
     * @param p the norm degree of the distance
     * @param eps added to the differences to avoid a zero norm
     * @param swap whether to use d(positive, negative) when it is smaller than d(anchor, negative)
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if the inputs differ in dimension ("All inputs should have same dimension but
     *     got ...")
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not valid")
     */
    public static Tensor tripletMarginLoss(Tensor anchor, Tensor positive, Tensor negative, double margin, double p, double eps, boolean swap,
                                           String reduction) {
        return dev.jgrad.internal.ops.MarginLosses.tripletMargin(anchor, positive, negative, margin, p, eps, swap, reduction);
    }

    /**
     * {@code F.poisson_nll_loss(input, target)}: input is the log rate, no Stirling term, mean reduction.
     *
     * @param input the log rates (the rates without logInput), any shape
     * @param target the counts, input's shape
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     */
    public static Tensor poissonNllLoss(Tensor input, Tensor target) { return poissonNllLoss(input, target, true, false, 1e-8, "mean"); }

    /**
     * exp(input) - target * input (logInput), or input - target * log(input + eps); full adds Stirling's approximation
     * of log(target!).
     *
     * <p>PyTorch: {@code torch.nn.functional.poisson_nll_loss}.
     *
     * @param input the log rates (the rates without logInput), any shape
     * @param target the counts, input's shape
     * @param logInput whether input is the log of the rate
     * @param full whether to add Stirling's term for targets above 1
     * @param eps added to input inside the log when logInput is false
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not valid")
     */
    public static Tensor poissonNllLoss(Tensor input, Tensor target, boolean logInput, boolean full, double eps, String reduction) {
        return dev.jgrad.internal.ops.MarginLosses.poissonNll(input, target, logInput, full, eps, reduction);
    }

    /**
     * {@code F.gaussian_nll_loss(input, target, var)}: eps 1e-6, no constant term, mean reduction.
     *
     * @param input the means (N, *) or (*)
     * @param target the targets, input's shape
     * @param var the variances (input's shape, or input's shape without or with 1 as the last dim)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if var has an incompatible size ("var is of incorrect size") or a negative entry
     *     ("var has negative entry/entries")
     */
    public static Tensor gaussianNllLoss(Tensor input, Tensor target, Tensor var) { return gaussianNllLoss(input, target, var, false, 1e-6, "mean"); }

    /**
     * 0.5 (log var + (input - target)^2 / var), var clamped at eps; var may lack input's last dim or have it as 1 (one
     * variance per sample).
     *
     * <p>PyTorch: {@code torch.nn.functional.gaussian_nll_loss}.
     *
     * @param input the means (N, *) or (*)
     * @param target the targets, input's shape
     * @param var the variances (input's shape, or input's shape without or with 1 as the last dim)
     * @param full whether to add the constant term
     * @param eps the lower bound var is clamped to
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if var has an incompatible size ("var is of incorrect size") or a negative entry
     *     ("var has negative entry/entries")
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not valid")
     */
    public static Tensor gaussianNllLoss(Tensor input, Tensor target, Tensor var, boolean full, double eps, String reduction) {
        return dev.jgrad.internal.ops.MarginLosses.gaussianNll(input, target, var, full, eps, reduction);
    }

    /**
     * {@code F.multilabel_soft_margin_loss(input, target)}: no class weights, mean reduction.
     *
     * @param input the scores (N, C) or (C)
     * @param target the 0/1 labels, input's shape
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     */
    public static Tensor multilabelSoftMarginLoss(Tensor input, Tensor target) { return multilabelSoftMarginLoss(input, target, null, "mean"); }

    /**
     * The per-class logistic losses averaged over the classes (last dim), optionally weighted per class.
     *
     * <p>PyTorch: {@code torch.nn.functional.multilabel_soft_margin_loss}.
     *
     * @param input the scores (N, C) or (C)
     * @param target the 0/1 labels, input's shape
     * @param weight a weight per class (C), or null
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not valid")
     */
    public static Tensor multilabelSoftMarginLoss(Tensor input, Tensor target, Tensor weight, String reduction) {
        return dev.jgrad.internal.ops.MarginLosses.multilabelSoftMargin(input, target, weight, reduction);
    }

    /**
     * {@code F.multi_margin_loss(input, target)}: p 1, margin 1, no weights, mean reduction.
     *
     * @param input the scores (N, C) or (C)
     * @param target the int64 class indices (N), or 0-dim
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if target does not fit input
     */
    public static Tensor multiMarginLoss(Tensor input, Tensor target) { return multiMarginLoss(input, target, 1, 1.0, null, "mean"); }

    /**
     * The multi-class hinge loss: sum over classes j != y of max(0, margin - x[y] + x[j])^p (p 1 or 2), over the number
     * of classes.
     *
     * <p>PyTorch: {@code torch.nn.functional.multi_margin_loss}.
     *
     * @param input the scores (N, C) or (C)
     * @param target the int64 class indices (N), or 0-dim
     * @param p 1 or 2
     * @param margin the margin
     * @param weight a weight per class (C), or null
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if p is not 1 or 2 ("only p == 1 and p == 2 supported"), target does not fit
     *     input, or reduction is unknown
     */
    public static Tensor multiMarginLoss(Tensor input, Tensor target, int p, double margin, Tensor weight, String reduction) {
        return dev.jgrad.internal.ops.MarginLosses.multiMargin(input, target, p, margin, weight, reduction);
    }

    /**
     * {@code F.unfold(x, kernel_size)}: dilation 1, padding 0, stride 1; one value is used for both dims.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param kernelSize the window: one value for both dims, or (kH, kW)
     * @return the blocks as columns (N, C kH kW, L), L the number of window positions
     * @throws IllegalArgumentException for input of the wrong rank ("Expected 3D or 4D (batch mode) tensor with
     *     possibly 0 batch size and other non-zero dimensions for input, but got: [2]") or a window that does not fit
     */
    public static Tensor unfold(Tensor x, int... kernelSize) { return unfold(x, kernelSize, new int[] {1}, new int[] {0}, new int[] {1}); }

    /**
     * {@code F.fold(x, output_size, kernel_size)}: dilation 1, padding 0, stride 1.
     *
     * @param x the columns (N, C kH kW, L) or (C kH kW, L)
     * @param outputSize the output (H, W)
     * @param kernelSize the window: one value, or (kH, kW)
     * @return the summed blocks (N, C, outputSize[0], outputSize[1]), or (C, ...) for 2-d x
     * @throws IllegalArgumentException if x's dim 1 is not divisible by the window size or L does not match the number
     *     of blocks (PyTorch's col2im messages)
     */
    public static Tensor fold(Tensor x, int[] outputSize, int[] kernelSize) {
        return fold(x, outputSize, kernelSize, new int[] {1}, new int[] {0}, new int[] {1});
    }

    /**
     * {@code F.bilinear(x1, x2, weight)}: x1^T A x2 per output feature, without bias.
     *
     * @param x1 the first input (*, in1)
     * @param x2 the second input (*, in2), same leading dims
     * @param weight the weight (out, in1, in2)
     * @return the output (*, out): x1's leading shape with out = weight.size(0) features
     * @throws IllegalArgumentException if the feature sizes do not match weight or the leading dims differ
     */
    public static Tensor bilinear(Tensor x1, Tensor x2, Tensor weight) { return bilinear(x1, x2, weight, null); }

    /**
     * out[..., o] = x1[..., i] weight[o, i, j] x2[..., j] + bias[o].
     *
     * <p>PyTorch: {@code torch.nn.functional.bilinear}.
     *
     * @param x1 the first input (*, in1)
     * @param x2 the second input (*, in2), same leading dims
     * @param weight the weight (out, in1, in2)
     * @param bias the bias (out), or null
     * @return the output (*, out): x1's leading shape with out = weight.size(0) features
     * @throws IllegalArgumentException if the feature sizes do not match weight or the leading dims differ
     */
    public static Tensor bilinear(Tensor x1, Tensor x2, Tensor weight, Tensor bias) {
        int nd = x1.dim();
        if (nd != x2.dim()) throw new IllegalArgumentException("bilinear(): input dimensions do not match: got " + nd + " and " + x2.dim());
        for (int i = 0; i < nd - 1; i++) {
            if (x1.size(i) != x2.size(i)) {
                throw new IllegalArgumentException("bilinear(): input batch dimensions do not match at dim " + i + ": got " + x1.size(i) + " and " + x2.size(i));
            }
        }
        if (x1.size(nd - 1) != weight.size(1)) {
            throw new IllegalArgumentException("bilinear(): input1 size does not match weight size: got " + x1.size(nd - 1) + " but expected "
                    + weight.size(1));
        }
        if (x2.size(nd - 1) != weight.size(2)) {
            throw new IllegalArgumentException("bilinear(): input2 size does not match weight size: got " + x2.size(nd - 1) + " but expected "
                    + weight.size(2));
        }
        if (bias != null && bias.size(0) != weight.size(0)) {
            throw new IllegalArgumentException("bilinear(): bias size does not match weight size: got " + bias.size(0) + " but expected "
                    + weight.size(0));
        }
        long[] outShape = x1.shape();
        outShape[nd - 1] = weight.size(0);
        Tensor out = Torch.einsum("bi,oij,bj->bo", x1.reshape(-1, x1.size(-1)), weight, x2.reshape(-1, x2.size(-1))).reshape(outShape);
        return bias == null ? out : out.add(bias);
    }

    /**
     * {@code F.local_response_norm(x, size)}: alpha 1e-4, beta 0.75, k 1.
     *
     * @param x the input (N, C, *), at least 3-d
     * @param size the number of neighbouring channels summed over
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if x has fewer than 3 dims ("Expected 3D or higher dimensionality input (got n
     *     dimensions)")
     */
    public static Tensor localResponseNorm(Tensor x, int size) { return localResponseNorm(x, size, 1e-4, 0.75, 1.0); }

    /**
     * Each element over (k + alpha * mean of the squares of its size neighbouring channels)^beta, composed as PyTorch
     * composes it (avg_pool over the channel dim of the zero-padded squares; the spatial dims flattened for 4-d and up).
     *
     * <p>PyTorch: {@code torch.nn.functional.local_response_norm}.
     *
     * @param x the input (N, C, *), at least 3-d
     * @param size the number of neighbouring channels summed over
     * @param alpha the multiplier of the mean of squares
     * @param beta the exponent
     * @param k the additive constant
     * @return a new tensor of x's shape and dtype
     * @throws IllegalArgumentException if x has fewer than 3 dims ("Expected 3D or higher dimensionality input (got n
     *     dimensions)")
     */
    public static Tensor localResponseNorm(Tensor x, int size, double alpha, double beta, double k) {
        int dim = x.dim();
        if (dim < 3) {
            throw new IllegalArgumentException("Expected 3D or higher dimensionality                          input (got " + dim + " dimensions)");
        }
        if (x.numel() == 0) return x;
        Tensor div = x.mul(x).unsqueeze(1);
        if (dim == 3) {
            div = pad(div, 0, 0, size / 2, (size - 1) / 2);
            div = avgPool2d(div, new int[] {size, 1}, new int[] {1}, new int[] {0}, false, true, null).squeeze(1);
        } else {
            long[] sizes = x.shape();
            div = div.reshape(sizes[0], 1, sizes[1], -1);
            div = pad(div, 0, 0, size / 2, (size - 1) / 2);
            div = avgPool2d(div, new int[] {size, 1}, new int[] {1}, new int[] {0}, false, true, null).squeeze(1).view(sizes);
        }
        return x.div(div.mul(alpha).add(k).pow(beta));
    }

    // ---------------------------------------------------------------- in-place activations, sampling and pooling extras

    /**
     * {@code F.relu_(input)}: relu in place; returns input.
     *
     * @param input the tensor to update (floating)
     * @return input itself, after the in-place update
     */
    public static Tensor relu_(Tensor input) { return input.relu_(); }

    /**
     * {@code F.elu_(input, alpha)}: elu in place; returns input.
     *
     * @param input the tensor to update (floating)
     * @param alpha the alpha value of the formula
     * @return input itself, after the in-place update
     */
    public static Tensor elu_(Tensor input, double alpha) { return inPlace(input, x -> elu(x, alpha)); }

    /**
     * {@code F.elu_(input)} with alpha 1.
     *
     * @param input the tensor to update (floating)
     * @return input itself, after the in-place update
     */
    public static Tensor elu_(Tensor input) { return elu_(input, 1.0); }

    /**
     * {@code F.selu_(input)}: selu in place; returns input.
     *
     * @param input the tensor to update (floating)
     * @return input itself, after the in-place update
     */
    public static Tensor selu_(Tensor input) { return inPlace(input, F::selu); }

    /**
     * {@code F.celu_(input, alpha)}: celu in place; returns input.
     *
     * @param input the tensor to update (floating)
     * @param alpha the alpha value of the formula
     * @return input itself, after the in-place update
     * @throws IllegalArgumentException if alpha is 0 ("ZeroDivisionError: alpha cannot be 0 for CELU")
     */
    public static Tensor celu_(Tensor input, double alpha) { return inPlace(input, x -> celu(x, alpha)); }

    /**
     * {@code F.celu_(input)} with alpha 1.
     *
     * @param input the tensor to update (floating)
     * @return input itself, after the in-place update
     */
    public static Tensor celu_(Tensor input) { return celu_(input, 1.0); }

    /**
     * {@code F.leaky_relu_(input, negative_slope)}: leaky relu in place; returns input.
     *
     * @param input the tensor to update (floating)
     * @param negativeSlope the slope for negative inputs
     * @return input itself, after the in-place update
     */
    public static Tensor leakyRelu_(Tensor input, double negativeSlope) { return inPlace(input, x -> leakyRelu(x, negativeSlope)); }

    /**
     * {@code F.leaky_relu_(input)} with slope 0.01.
     *
     * @param input the tensor to update (floating)
     * @return input itself, after the in-place update
     */
    public static Tensor leakyRelu_(Tensor input) { return leakyRelu_(input, 0.01); }

    /**
     * {@code F.hardtanh_(input, min_val, max_val)}: clamps in place; returns input.
     *
     * @param input the tensor to update (floating)
     * @param minVal the lower bound
     * @param maxVal the upper bound (at least minVal)
     * @return input itself, after the in-place update
     * @throws IllegalArgumentException if minVal &gt; maxVal ("min_val cannot be greater than max_val")
     */
    public static Tensor hardtanh_(Tensor input, double minVal, double maxVal) { return inPlace(input, x -> hardtanh(x, minVal, maxVal)); }

    /**
     * {@code F.hardtanh_(input)}: clamps to [-1, 1] in place.
     *
     * @param input the tensor to update (floating)
     * @return input itself, after the in-place update
     */
    public static Tensor hardtanh_(Tensor input) { return hardtanh_(input, -1, 1); }

    /**
     * {@code F.threshold_(input, threshold, value)}: replaces elements not above threshold by value, in place.
     *
     * @param input the tensor to update (floating)
     * @param threshold elements at or below it are replaced
     * @param value the replacement value
     * @return input itself, after the in-place update
     */
    public static Tensor threshold_(Tensor input, double threshold, double value) { return inPlace(input, x -> threshold(x, threshold, value)); }

    private static Tensor inPlace(Tensor input, java.util.function.UnaryOperator<Tensor> op) {
        return dev.jgrad.internal.ops.Copying.writeBack(input, op);
    }

    /**
     * Samples from the Gumbel-softmax distribution: softmax((logits + g) / tau) with g = -log(Exponential(1)) drawn
     * as PyTorch draws it; hard gives the one-hot of the argmax with the soft sample's gradient (straight through).
     *
     * <p>PyTorch: {@code torch.nn.functional.gumbel_softmax}.
     *
     * @param logits the unnormalised log-probabilities, any shape
     * @param tau the temperature (above 0)
     * @param hard whether to return one-hot samples (with the soft sample's gradient)
     * @param dim the dimension of the categories
     * @return samples of logits' shape: probabilities along dim, or one-hot vectors when hard
     */
    public static Tensor gumbelSoftmax(Tensor logits, double tau, boolean hard, int dim) {
        Tensor gumbels = Torch.emptyLike(logits).exponential_().log().neg();
        Tensor ySoft = logits.add(gumbels).div(tau).softmax(dim);
        if (!hard) return ySoft;
        Tensor index = ySoft.max(dim, true).indices();
        Tensor yHard = Torch.zerosLike(logits).scatter(dim, index, 1.0);
        return yHard.sub(ySoft.detach()).add(ySoft);
    }

    /**
     * {@code F.gumbel_softmax(logits)}: tau 1, soft samples, over the last dim.
     *
     * @param logits the unnormalised log-probabilities, any shape
     * @return samples of logits' shape: probabilities along dim, or one-hot vectors when hard
     */
    public static Tensor gumbelSoftmax(Tensor logits) { return gumbelSoftmax(logits, 1, false, -1); }

    /**
     * The p-norm distances between every pair of rows i &lt; j of a matrix, in that order.
     *
     * <p>PyTorch: {@code torch.nn.functional.pdist}.
     *
     * @param input the rows (N, M)
     * @param p the norm degree, at least 0
     * @return the N (N - 1) / 2 distances as a 1-d tensor, row pairs (i, j) with i &lt; j in order
     * @throws IllegalArgumentException if input is not 2-d ("pdist only supports 2D tensors, got: nD") or p is negative
     */
    public static Tensor pdist(Tensor input, double p) {
        if (input.dim() != 2) throw new IllegalArgumentException("pdist only supports 2D tensors, got: " + input.dim() + "D");
        if (!(p >= 0)) throw new IllegalArgumentException("pdist only supports non-negative p values");
        long n = input.size(0);
        Tensor pairs = Torch.triuIndices(n, n, 1);
        Tensor diff = input.index(pairs.select(0, 0)).sub(input.index(pairs.select(0, 1))).abs();
        if (p == 0) return diff.ne(0L).to(input.dtype()).sum(-1);
        if (Double.isInfinite(p)) return diff.numel() == 0 ? diff.sum(-1) : diff.amax(-1, false);
        if (p == 1) return diff.sum(-1);
        if (p == 2) return diff.pow(2L).sum(-1).sqrt();
        return diff.pow(p).sum(-1).pow(1 / p);
    }

    /**
     * {@code F.pdist(input)}: the 2-norm distances between all pairs of rows.
     *
     * @param input the rows (N, M)
     * @return the N (N - 1) / 2 distances as a 1-d tensor, row pairs (i, j) with i &lt; j in order
     * @throws IllegalArgumentException if input is not 2-d ("pdist only supports 2D tensors, got: nD")
     */
    public static Tensor pdist(Tensor input) { return pdist(input, 2); }

    /**
     * Channels split into groups and interleaved: (N, g, C/g, ...) transposed to (N, C/g, g, ...).
     *
     * <p>PyTorch: {@code torch.nn.functional.channel_shuffle}.
     *
     * @param input the input (N, C, *), C divisible by groups
     * @param groups the number of groups
     * @return a new tensor of input's shape with the channels interleaved
     * @throws IllegalArgumentException if groups is not positive, input has fewer than 3 dims ("channel_shuffle expects
     *     input to have at least 3 dimensions, ...") or C is not divisible by groups ("Number of channels must be divisible
     *     by groups. Got c channels and g groups.")
     */
    public static Tensor channelShuffle(Tensor input, int groups) {
        if (groups <= 0) throw new IllegalArgumentException("Number of groups to divide channels in must be positive. Value of groups:" + groups);
        if (input.dim() < 3) {
            throw new IllegalArgumentException("channel_shuffle expects input to have at least 3 dimensions, but got input with sizes "
                    + java.util.Arrays.toString(input.shape()));
        }
        long c = input.size(1);
        if (c % groups != 0) {
            throw new IllegalArgumentException("Number of channels must be divisible by groups. Got " + c + " channels and " + groups + " groups.");
        }
        long[] shape = input.shape();
        long[] split = new long[shape.length + 1];
        split[0] = shape[0];
        split[1] = groups;
        split[2] = c / groups;
        System.arraycopy(shape, 2, split, 3, shape.length - 2);
        return input.reshape(split).transpose(1, 2).contiguous().reshape(shape);
    }

    /**
     * Alpha dropout (for SELU networks): dropped elements go to SELU's negative saturation and the result is
     * rescaled to keep mean and variance; one bernoulli(1 - p) draw per element (per channel for the feature form).
     *
     * <p>PyTorch: {@code torch.nn.functional.alpha_dropout}.
     *
     * @param input the input tensor (any shape, floating)
     * @param p the probability of an element being zeroed, in [0, 1]
     * @param training whether to apply it (false returns input unchanged)
     * @return input itself when not training or p is 0, else a new tensor of input's shape
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but got
     *     p")
     */
    public static Tensor alphaDropout(Tensor input, double p, boolean training) { return alphaDropout(input, p, training, false); }

    /**
     * {@code F.alpha_dropout(input, p)}: training off by default, as in PyTorch's functional form, so it returns
     * input.
     *
     * @param input the input tensor (any shape, floating)
     * @param p the probability of an element being zeroed, in [0, 1]
     * @return input itself when not training or p is 0, else a new tensor of input's shape
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but got
     *     p")
     */
    public static Tensor alphaDropout(Tensor input, double p) { return alphaDropout(input, p, false); }

    /**
     * {@code F.feature_alpha_dropout(input, p, training)}: alpha dropout of whole channels.
     *
     * @param input the input tensor (any shape, floating)
     * @param p the probability of an element being zeroed, in [0, 1]
     * @param training whether to apply it (false returns input unchanged)
     * @return input itself when not training or p is 0, else a new tensor of input's shape
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but got
     *     p")
     */
    public static Tensor featureAlphaDropout(Tensor input, double p, boolean training) { return alphaDropout(input, p, training, true); }

    private static Tensor alphaDropout(Tensor input, double p, boolean training, boolean feature) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + dev.jgrad.nn.Repr.pyFloat(p));
        if (p == 0 || !training || input.numel() == 0) return input;
        if (p == 1) return input.mul(Torch.zeros(input.dtype(), input.device()));
        Tensor noise;
        if (feature) {
            long[] shape = new long[input.dim()];
            java.util.Arrays.fill(shape, 1);
            shape[0] = input.size(0);
            if (input.dim() > 1) shape[1] = input.size(1);
            noise = Torch.empty(input.dtype(), input.device(), shape);
        } else {
            noise = Torch.emptyLike(input);
        }
        noise.bernoulli_(1 - p);
        double alpha = 1.7580993408473766;
        double a = 1. / Math.sqrt((alpha * alpha * p + 1) * (1 - p));
        Tensor b = noise.add(-1L).mul_(alpha * a).add_(alpha * a * p);
        noise.mul_(a);
        return input.mul(noise).add(b);
    }

    /**
     * Power-average pooling: (sum over each window of x^p)^(1/p), from avg_pool times the window size, as PyTorch.
     *
     * <p>PyTorch: {@code torch.nn.functional.lp_pool2d}.
     *
     * @param input the input (N, C, H, W) or (C, H, W); (N, C, L) or (C, L) for lp_pool1d
     * @param normType the power p of the power average
     * @param kernelSize the window
     * @param stride the step (null: the kernel size)
     * @param ceilMode whether the output size rounds up instead of down
     * @return the pooled tensor, with the spatial sizes of avg_pool with the same window
     */
    public static Tensor lpPool2d(Tensor input, double normType, int[] kernelSize, int[] stride, boolean ceilMode) {
        int kh = kernelSize[0], kw = kernelSize.length > 1 ? kernelSize[1] : kernelSize[0];
        Tensor out = avgPool2d(input.pow(normType), new int[] {kh, kw}, stride == null ? new int[] {kh, kw} : stride, new int[] {0}, ceilMode, true, null);
        return out.sign().mul(relu(out.abs())).mul((long) kw * kh).pow(1.0 / normType);
    }

    /**
     * {@code F.lp_pool1d(input, norm_type, kernel_size, stride, ceil_mode)}: the normType-norm of each window; stride
     * null is the kernel size.
     *
     * @param input the input (N, C, H, W) or (C, H, W); (N, C, L) or (C, L) for lp_pool1d
     * @param normType the power p of the power average
     * @param kernelSize the window
     * @param stride the step (null: the kernel size)
     * @param ceilMode whether the output size rounds up instead of down
     * @return the pooled tensor, with the spatial sizes of avg_pool with the same window
     */
    public static Tensor lpPool1d(Tensor input, double normType, int kernelSize, Integer stride, boolean ceilMode) {
        Tensor out = avgPool1d(input.pow(normType), kernelSize, stride == null ? kernelSize : stride, 0, ceilMode, true);
        return out.sign().mul(relu(out.abs())).mul((long) kernelSize).pow(1.0 / normType);
    }

    // ---------------------------------------------------------------- 3-d convolution and pooling, pooling indices, max unpooling

    /**
     * 3-d convolution over (N, C, D, H, W) or (C, D, H, W) by weight (Cout, Cin / groups, kd, kh, kw); arrays of 1 or 3
     * elements.
     *
     * <p>PyTorch: {@code torch.nn.functional.conv3d}.
     *
     * @param x the input (N, C_in, D, H, W) or unbatched (C_in, D, H, W)
     * @param weight the filters (C_out, C_in / groups, kD, kH, kW)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @param stride the stride: one value for all dims, or one per dim
     * @param padding the zero padding of each side: one value, or one per dim
     * @param dilation the spacing between kernel elements: one value, or one per dim
     * @param groups the number of blocked connections from input to output channels (C_in and C_out divisible by it)
     * @return the output (N, C_out, D_out, H_out, W_out), or unbatched (C_out, D_out, H_out, W_out); each size (in + 2
     *     padding - dilation (k - 1) - 1) / stride + 1
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead"), or stride, padding, dilation
     *     or groups are out of range ("non-positive stride is not supported", ...)
     */
    public static Tensor conv3d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        return dev.jgrad.internal.ops.Convolution3d.conv3d(x, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * {@code F.conv3d(x, weight, bias)}: stride 1, no padding; x (N, C_in, D, H, W) or unbatched.
     *
     * @param x the input (N, C_in, D, H, W) or unbatched (C_in, D, H, W)
     * @param weight the filters (C_out, C_in / groups, kD, kH, kW)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @return the output (N, C_out, D_out, H_out, W_out), or unbatched (C_out, D_out, H_out, W_out); each size (in + 2
     *     padding - dilation (k - 1) - 1) / stride + 1
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead")
     */
    public static Tensor conv3d(Tensor x, Tensor weight, Tensor bias) { return conv3d(x, weight, bias, 1, 0, 1, 1); }

    /**
     * {@code F.conv3d(x, weight, bias, stride, padding, dilation, groups)} with the same value along every spatial
     * dim.
     *
     * @param x the input (N, C_in, D, H, W) or unbatched (C_in, D, H, W)
     * @param weight the filters (C_out, C_in / groups, kD, kH, kW)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @param stride the stride: one value for all dims, or one per dim
     * @param padding the zero padding of each side: one value, or one per dim
     * @param dilation the spacing between kernel elements: one value, or one per dim
     * @param groups the number of blocked connections from input to output channels (C_in and C_out divisible by it)
     * @return the output (N, C_out, D_out, H_out, W_out), or unbatched (C_out, D_out, H_out, W_out); each size (in + 2
     *     padding - dilation (k - 1) - 1) / stride + 1
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead"), or stride, padding, dilation
     *     or groups are out of range ("non-positive stride is not supported", ...)
     */
    public static Tensor conv3d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return conv3d(x, weight, bias, new int[] {stride}, new int[] {padding}, new int[] {dilation}, groups);
    }

    /**
     * The transposed 3-d convolution: x (N, Cin, D, H, W) by weight (Cin, Cout / groups, kd, kh, kw).
     *
     * <p>PyTorch: {@code torch.nn.functional.conv_transpose3d}.
     *
     * @param x the input (N, C_in, D, H, W) or unbatched
     * @param weight the filters (C_in, C_out / groups, kD, kH, kW)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @param stride the stride: one value, or one per dim
     * @param padding the padding: one value, or one per dim
     * @param outputPadding extra size added to one side of each output dim: one value, or one per dim
     * @param groups the number of blocked connections from input to output channels (C_in and C_out divisible by it)
     * @param dilation the dilation: one value, or one per dim
     * @return the output (N, C_out, D_out, H_out, W_out); each size (in - 1) stride - 2 padding + dilation (k - 1) +
     *     outputPadding + 1
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead"), or stride, padding, dilation
     *     or groups are out of range ("non-positive stride is not supported", ...)
     */
    public static Tensor convTranspose3d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] outputPadding, int groups,
                                         int[] dilation) {
        return dev.jgrad.internal.ops.Convolution3d.convTranspose3d(x, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    /**
     * {@code F.conv_transpose3d(x, weight, bias, stride, padding)}: no output padding, one group.
     *
     * @param x the input (N, C_in, D, H, W) or unbatched
     * @param weight the filters (C_in, C_out / groups, kD, kH, kW)
     * @param bias the bias tensor of shape (C_out), or null for none
     * @param stride the stride: one value, or one per dim
     * @param padding the padding: one value, or one per dim
     * @return the output (N, C_out, D_out, H_out, W_out); each size (in - 1) stride - 2 padding + dilation (k - 1) +
     *     outputPadding + 1
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's message (e.g. "Given groups=1, weight
     *     of size [...], expected input[...] to have C channels, but got c channels instead"), or stride, padding, dilation
     *     or groups are out of range ("non-positive stride is not supported", ...)
     */
    public static Tensor convTranspose3d(Tensor x, Tensor weight, Tensor bias, int stride, int padding) {
        return convTranspose3d(x, weight, bias, new int[] {stride}, new int[] {padding}, new int[] {0}, 1, new int[] {1});
    }

    /**
     * The maximum of each (kd, kh, kw) window; stride null or empty: the kernel size.
     *
     * <p>PyTorch: {@code torch.nn.functional.max_pool3d}.
     *
     * @param x the input (N, C, D, H, W) or (C, D, H, W)
     * @param kernelSize the window: one value for all dims, or (kD, kH, kW)
     * @param stride the step: one value, or one per dim; null or empty means the kernel size
     * @param padding the padding of each side: one value, or one per dim
     * @param dilation the spacing: one value, or one per dim
     * @param ceilMode whether the output size rounds up instead of down
     * @return the pooled tensor (N, C, D_out, H_out, W_out), or (C, D_out, H_out, W_out)
     * @throws IllegalArgumentException for input of the wrong rank, padding over half the kernel ("pad should be at
     *     most half of kernel size, ...") or an empty output ("Given input size: (...). Calculated output size: (...).
     *     Output size is too small")
     */
    public static Tensor maxPool3d(Tensor x, int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return maxPool3dWithIndices(x, kernelSize, stride, padding, dilation, ceilMode).values();
    }

    /**
     * {@code F.max_pool3d(x, kernel_size)}: stride equal to the kernel, no padding.
     *
     * @param x the input (N, C, D, H, W) or (C, D, H, W)
     * @param kernelSize the side of the cubic window (also the stride)
     * @return the pooled tensor (N, C, D_out, H_out, W_out), or (C, D_out, H_out, W_out)
     * @throws IllegalArgumentException for input of the wrong rank or an empty output ("Given input size: (...).
     *     Calculated output size: (...). Output size is too small")
     */
    public static Tensor maxPool3d(Tensor x, int kernelSize) { return maxPool3d(x, new int[] {kernelSize}, null, new int[] {0}, new int[] {1}, false); }

    /**
     * max_pool3d with return_indices: each maximum's flat index d H W + h W + w in its (D, H, W) volume.
     *
     * <p>PyTorch: {@code torch.nn.functional.max_pool3d} with {@code return_indices=True}.
     *
     * @param x the input (N, C, D, H, W) or (C, D, H, W)
     * @param kernelSize the window: one value, or (kD, kH, kW)
     * @param stride the step: one value, or one per dim; null or empty means the kernel size
     * @param padding the -inf padding: one value, or one per dim
     * @param dilation the spacing: one value, or one per dim
     * @param ceilMode whether the output size rounds up instead of down
     * @return the values (N, C, D_out, H_out, W_out) and the int64 flat index d H W + h W + w of each maximum in its
     *     volume
     * @throws IllegalArgumentException for input of the wrong rank, padding over half the kernel ("pad should be at
     *     most half of kernel size, ...") or an empty output ("Given input size: (...). Calculated output size: (...).
     *     Output size is too small")
     */
    public static dev.jgrad.ValuesIndices maxPool3dWithIndices(Tensor x, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                                                              boolean ceilMode) {
        return dev.jgrad.internal.ops.Pooling3d.maxPool3d(x, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * Average of each (kd, kh, kw) window, PyTorch's avg_pool3d arguments (stride null: the kernel size).
     *
     * <p>PyTorch: {@code torch.nn.functional.avg_pool3d}.
     *
     * @param x the input (N, C, D, H, W) or (C, D, H, W)
     * @param kernelSize the window: one value for all dims, or (kD, kH, kW)
     * @param stride the step: one value, or one per dim; null or empty means the kernel size
     * @param padding the padding of each side: one value, or one per dim
     * @param ceilMode whether the output size rounds up instead of down
     * @param countIncludePad whether the zero padding counts in the divisor
     * @param divisorOverride a divisor used instead of the window size, or null
     * @return the pooled tensor (N, C, D_out, H_out, W_out), or (C, D_out, H_out, W_out)
     * @throws IllegalArgumentException for input of the wrong rank, padding over half the kernel ("pad should be at
     *     most half of kernel size, ...") or an empty output ("Given input size: (...). Calculated output size: (...).
     *     Output size is too small")
     */
    public static Tensor avgPool3d(Tensor x, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad,
                                   Integer divisorOverride) {
        return dev.jgrad.internal.ops.Pooling3d.avgPool3d(x, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /**
     * {@code F.avg_pool3d(x, kernel_size)}: stride equal to the kernel, no padding.
     *
     * @param x the input (N, C, D, H, W) or (C, D, H, W)
     * @param kernelSize the side of the cubic window (also the stride)
     * @return the pooled tensor (N, C, D_out, H_out, W_out), or (C, D_out, H_out, W_out)
     * @throws IllegalArgumentException for input of the wrong rank or an empty output ("Given input size: (...).
     *     Calculated output size: (...). Output size is too small")
     */
    public static Tensor avgPool3d(Tensor x, int kernelSize) { return avgPool3d(x, new int[] {kernelSize}, null, new int[] {0}, false, true, null); }

    /**
     * One size for all three dims, or (od, oh, ow).
     *
     * <p>PyTorch: {@code torch.nn.functional.adaptive_avg_pool3d}.
     *
     * @param x the input (N, C, D, H, W) or (C, D, H, W)
     * @param outputSize (od, oh, ow), or one value for all three
     * @return the pooled tensor (N, C, od, oh, ow), or (C, od, oh, ow)
     * @throws IllegalArgumentException if x is not 4-d or 5-d
     */
    public static Tensor adaptiveAvgPool3d(Tensor x, int... outputSize) { return adaptiveAvgPool3d(x, boxed3(outputSize)); }

    /**
     * (od, oh, ow), a null keeping the input's size.
     *
     * <p>PyTorch: {@code torch.nn.functional.adaptive_avg_pool3d}.
     *
     * @param x the input (N, C, D, H, W) or (C, D, H, W)
     * @param od the output depth, or null to keep the input depth
     * @param oh the output height, or null to keep the input height
     * @param ow the output width, or null to keep the input width
     * @return the pooled tensor (N, C, od, oh, ow), or (C, od, oh, ow)
     * @throws IllegalArgumentException if x is not 4-d or 5-d
     */
    public static Tensor adaptiveAvgPool3d(Tensor x, Integer od, Integer oh, Integer ow) {
        return adaptiveAvgPool3d(x, new Integer[] {od, oh, ow});
    }

    private static Tensor adaptiveAvgPool3d(Tensor x, Integer[] size) { return dev.jgrad.internal.ops.Pooling3d.adaptiveAvgPool3d(x, size); }

    /**
     * {@code F.adaptive_max_pool3d(x, output_size)}: one size for all three dims, or one per dim.
     *
     * @param x the input (N, C, D, H, W) or (C, D, H, W)
     * @param outputSize (od, oh, ow), or one value for all three
     * @return the pooled tensor (N, C, od, oh, ow), or (C, od, oh, ow)
     * @throws IllegalArgumentException if x is not 4-d or 5-d
     */
    public static Tensor adaptiveMaxPool3d(Tensor x, int... outputSize) { return adaptiveMaxPool3dWithIndices(x, outputSize).values(); }

    /**
     * {@code F.adaptive_max_pool3d(x, (od, oh, ow))}: null keeps that input size.
     *
     * @param x the input (N, C, D, H, W) or (C, D, H, W)
     * @param od the output depth, or null to keep the input depth
     * @param oh the output height, or null to keep the input height
     * @param ow the output width, or null to keep the input width
     * @return the pooled tensor (N, C, od, oh, ow), or (C, od, oh, ow)
     * @throws IllegalArgumentException if x is not 4-d or 5-d
     */
    public static Tensor adaptiveMaxPool3d(Tensor x, Integer od, Integer oh, Integer ow) {
        return adaptiveMaxPool3dWithIndices(x, od, oh, ow).values();
    }

    /**
     * adaptive_max_pool3d with return_indices: the flat index d H W + h W + w of each maximum in its volume.
     *
     * <p>PyTorch: {@code torch.nn.functional.adaptive_max_pool3d} with {@code return_indices=True}.
     *
     * @param x the input (N, C, D, H, W) or (C, D, H, W)
     * @param outputSize (od, oh, ow), or one value for all three
     * @return the values (N, C, od, oh, ow) and the int64 flat index d H W + h W + w of each maximum in its volume
     * @throws IllegalArgumentException if x is not 4-d or 5-d
     */
    public static dev.jgrad.ValuesIndices adaptiveMaxPool3dWithIndices(Tensor x, int... outputSize) {
        return dev.jgrad.internal.ops.Pooling3d.adaptiveMaxPool3d(x, boxed3(outputSize));
    }

    /**
     * {@code F.adaptive_max_pool3d(x, (od, oh, ow), return_indices=True)}: null keeps that input size.
     *
     * @param x the input (N, C, D, H, W) or (C, D, H, W)
     * @param od the output depth, or null to keep the input depth
     * @param oh the output height, or null to keep the input height
     * @param ow the output width, or null to keep the input width
     * @return the values (N, C, od, oh, ow) and the int64 flat index d H W + h W + w of each maximum in its volume
     * @throws IllegalArgumentException if x is not 4-d or 5-d
     */
    public static dev.jgrad.ValuesIndices adaptiveMaxPool3dWithIndices(Tensor x, Integer od, Integer oh, Integer ow) {
        return dev.jgrad.internal.ops.Pooling3d.adaptiveMaxPool3d(x, new Integer[] {od, oh, ow});
    }

    private static Integer[] boxed3(int[] v) {
        if (v.length != 1 && v.length != 3) throw new IllegalArgumentException("output_size must have 1 or 3 elements, got " + v.length);
        return new Integer[] {v[0], v[v.length / 2], v[v.length - 1]};
    }

    /**
     * max_pool1d with return_indices: each maximum's position along L (the 2-d pooling of a unit height, squeezed).
     *
     * <p>PyTorch: {@code torch.nn.functional.max_pool1d} with {@code return_indices=True}.
     *
     * @param x the input (N, C, L) or (C, L)
     * @param kernelSize the window length
     * @param stride the step
     * @param padding the -inf padding of each side
     * @param dilation the spacing between window elements
     * @param ceilMode whether the output size rounds up instead of down
     * @return the values (N, C, L_out) and the int64 position of each maximum along L
     * @throws IllegalArgumentException for input of the wrong rank, padding over half the kernel ("pad should be at
     *     most half of kernel size, ...") or an empty output ("Given input size: (...). Calculated output size: (...).
     *     Output size is too small")
     */
    public static dev.jgrad.ValuesIndices maxPool1dWithIndices(Tensor x, int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new IllegalArgumentException("max_pool1d() Expected 2D or 3D input tensor, but got " + x.size());
        }
        dev.jgrad.ValuesIndices r = Torch.maxPool2dWithIndices(x.unsqueeze(-2), new int[] {1, kernelSize}, new int[] {1, stride},
                new int[] {0, padding}, new int[] {1, dilation}, ceilMode);
        return new dev.jgrad.ValuesIndices("max_pool1d_with_indices", r.values().squeeze(-2), r.indices().squeeze(-2));
    }

    /**
     * max_pool2d with return_indices: each maximum's flat index h W + w in its plane.
     *
     * <p>PyTorch: {@code torch.nn.functional.max_pool2d} with {@code return_indices=True}.
     *
     * @param x the input (N, C, H, W) or (C, H, W)
     * @param kernelSize the window: one value, or (kH, kW)
     * @param stride the step: one value, or a pair; null or empty means the kernel size
     * @param padding the -inf padding: one value, or a pair
     * @param dilation the spacing: one value, or a pair
     * @param ceilMode whether the output size rounds up instead of down
     * @return the values (N, C, H_out, W_out) and the int64 flat index h W + w of each maximum in its input plane
     * @throws IllegalArgumentException for input of the wrong rank, padding over half the kernel ("pad should be at
     *     most half of kernel size, ...") or an empty output ("Given input size: (...). Calculated output size: (...).
     *     Output size is too small")
     */
    public static dev.jgrad.ValuesIndices maxPool2dWithIndices(Tensor x, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                                                              boolean ceilMode) {
        return Torch.maxPool2dWithIndices(x, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * max_unpool2d: values put back at their max_pool2d indices of a zero (oh, ow) plane; outputSize null gives
     * (in - 1) stride + kernel - 2 padding, else (oh, ow) or (n, c, oh, ow) within a stride of that.
     *
     * <p>PyTorch: {@code torch.nn.functional.max_unpool2d}.
     *
     * @param x the pooled values (N, C, H, W) or (C, H, W)
     * @param indices max_pool2d's int64 indices, x's shape
     * @param kernelSize the pooling window: one value, or (kH, kW)
     * @param stride the pooling step: one value, or a pair; null means the kernel size
     * @param padding the pooling padding: one value, or a pair
     * @param outputSize (oh, ow) or (N, C, oh, ow), or null for the default size
     * @return the unpooled tensor (N, C, oh, ow), zeros except at the indices
     * @throws IllegalArgumentException if indices' shape differs from x's ("Expected shape of indices to be same as
     *     that of the input tensor (...) but got indices tensor with shape: ..."), an index is out of range, or outputSize
     *     is not within a stride of the default
     */
    public static Tensor maxUnpool2d(Tensor x, Tensor indices, int[] kernelSize, int[] stride, int[] padding, int[] outputSize) {
        int[] k = dev.jgrad.internal.ops.Convolution.pair(kernelSize, "kernel_size");
        int[] s = stride == null ? k : dev.jgrad.internal.ops.Convolution.pair(stride, "stride");
        int[] p = dev.jgrad.internal.ops.Convolution.pair(padding, "padding");
        return dev.jgrad.internal.ops.Unpooling.maxUnpool2d(x, indices, unpoolOutputSize(x, k, s, p, outputSize));
    }

    /**
     * {@code F.max_unpool2d(x, indices, kernel_size)}: stride equal to the kernel, no padding, the default output
     * size.
     *
     * @param x the pooled values (N, C, H, W) or (C, H, W)
     * @param indices max_pool2d's int64 indices, x's shape
     * @param kernelSize the side of the square pooling window (also the stride)
     * @return the unpooled tensor (N, C, oh, ow), zeros except at the indices
     * @throws IllegalArgumentException if indices' shape differs from x's ("Expected shape of indices to be same as
     *     that of the input tensor (...) but got indices tensor with shape: ...") or an index is out of range
     */
    public static Tensor maxUnpool2d(Tensor x, Tensor indices, int kernelSize) {
        return maxUnpool2d(x, indices, new int[] {kernelSize}, null, new int[] {0}, null);
    }

    /**
     * max_unpool1d: the 2-d unpooling of a unit width, squeezed (as PyTorch's functional form does it).
     *
     * <p>PyTorch: {@code torch.nn.functional.max_unpool1d}.
     *
     * @param x the pooled values (N, C, L) or (C, L)
     * @param indices max_pool1d's int64 indices, x's shape
     * @param kernelSize the pooling window
     * @param stride the pooling step (null: the kernel size)
     * @param padding the pooling padding
     * @param outputSize the requested size (its last entry is L_out), or null for the default
     * @return the unpooled tensor (N, C, L_out), zeros except at the indices
     * @throws IllegalArgumentException if indices' shape differs from x's ("Expected shape of indices to be same as
     *     that of the input tensor (...) but got indices tensor with shape: ..."), an index is out of range, or outputSize
     *     is not within a stride of the default
     */
    public static Tensor maxUnpool1d(Tensor x, Tensor indices, int kernelSize, Integer stride, int padding, int[] outputSize) {
        int[] k = {kernelSize}, s = {stride == null ? kernelSize : stride}, p = {padding};
        int[] size = unpoolOutputSize(x, k, s, p, outputSize);
        return dev.jgrad.internal.ops.Unpooling.maxUnpool2d(x.unsqueeze(-1), indices.unsqueeze(-1), new int[] {size[0], 1}).squeeze(-1);
    }

    /**
     * {@code F.max_unpool1d(x, indices, kernel_size)}: stride equal to the kernel, no padding, the default output
     * size.
     *
     * @param x the pooled values (N, C, L) or (C, L)
     * @param indices max_pool1d's int64 indices, x's shape
     * @param kernelSize the pooling window
     * @return the unpooled tensor (N, C, L_out), zeros except at the indices
     * @throws IllegalArgumentException if indices' shape differs from x's ("Expected shape of indices to be same as
     *     that of the input tensor (...) but got indices tensor with shape: ...") or an index is out of range
     */
    public static Tensor maxUnpool1d(Tensor x, Tensor indices, int kernelSize) { return maxUnpool1d(x, indices, kernelSize, null, 0, null); }

    /** PyTorch's _unpool_output_size: the default size, or the requested one (its last dims) if within a stride of it. */
    private static int[] unpoolOutputSize(Tensor x, int[] k, int[] s, int[] p, int[] outputSize) {
        int n = k.length;
        int[] def = new int[n];
        for (int d = 0; d < n; d++) def[d] = (int) (x.size(x.dim() - n + d) - 1) * s[d] + k[d] - 2 * p[d];
        if (outputSize == null) return def;
        int[] size = outputSize.length == n + 2 ? java.util.Arrays.copyOfRange(outputSize, 2, n + 2) : outputSize;
        if (size.length != n) {
            throw new IllegalArgumentException("output_size should be a sequence containing " + n + " or " + (n + 2)
                    + " elements, but it has a length of '" + size.length + "'");
        }
        for (int d = 0; d < n; d++) {
            int min = def[d] - s[d], max = def[d] + s[d];
            if (!(min < size[d] && size[d] < max)) {
                throw new IllegalArgumentException("invalid output_size \"" + dev.jgrad.nn.Repr.tuple(size) + "\" (dim " + d
                        + " must be between " + min + " and " + max + ")");
            }
        }
        return size;
    }

    // ---------------------------------------------------------------- rnn-utils work: CTC, multilabel margin, triplet with distance, rrelu

    /**
     * {@code F.ctc_loss(log_probs, targets, input_lengths, target_lengths)}: blank 0, mean reduction, infinite losses
     * kept.
     *
     * @param logProbs the log-probabilities (T, N, C), or (T, C) unbatched
     * @param targets the int64 targets, padded (N, S) or concatenated (sum of targetLengths)
     * @param inputLengths the input length of each sample (N), at most T
     * @param targetLengths the target length of each sample (N)
     * @return the loss: 0-dim for "mean" (each loss divided by its target length, then averaged) and "sum", (N) for
     *     "none"
     * @throws IllegalArgumentException if the lengths do not fit the inputs (e.g. "Expected input_lengths to have value
     *     at most 5, but got value 6 (while checking arguments for ctc_loss_cpu)")
     */
    public static Tensor ctcLoss(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths) {
        return ctcLoss(logProbs, targets, inputLengths, targetLengths, 0, "mean", false);
    }

    /**
     * Lengths as tensors (read as int64 values, as PyTorch's CPU kernel reads them).
     *
     * <p>PyTorch: {@code torch.nn.functional.ctc_loss}.
     *
     * @param logProbs the log-probabilities (T, N, C), or (T, C) unbatched
     * @param targets the int64 targets, padded (N, S) or concatenated (sum of targetLengths)
     * @param inputLengths the input length of each sample (N), at most T
     * @param targetLengths the target length of each sample (N)
     * @param blank the blank label
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @param zeroInfinity whether infinite losses (impossible alignments) and their gradients become zero
     * @return the loss: 0-dim for "mean" (each loss divided by its target length, then averaged) and "sum", (N) for
     *     "none"
     * @throws IllegalArgumentException if the lengths do not fit the inputs (e.g. "Expected input_lengths to have value
     *     at most 5, but got value 6 (while checking arguments for ctc_loss_cpu)") or blank is outside [0, C)
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not a valid value for
     *     reduction")
     */
    public static Tensor ctcLoss(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths, int blank, String reduction,
                                 boolean zeroInfinity) {
        return ctcLoss(logProbs, targets, inputLengths.toLongArray(), targetLengths.toLongArray(), blank, reduction, zeroInfinity);
    }

    /**
     * Connectionist temporal classification: log_probs (T, N, C) (log_softmax output), targets padded (N, S) or
     * concatenated (sum of targetLengths); the gradient w.r.t. log_probs is PyTorch's (it assumes normalised
     * log-probabilities, exact through a log_softmax).
     *
     * <p>PyTorch: {@code torch.nn.functional.ctc_loss}.
     *
     * @param logProbs the log-probabilities (T, N, C), or (T, C) unbatched
     * @param targets the int64 targets, padded (N, S) or concatenated (sum of targetLengths)
     * @param inputLengths the input length of each sample (N), at most T
     * @param targetLengths the target length of each sample (N)
     * @param blank the blank label
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @param zeroInfinity whether infinite losses (impossible alignments) and their gradients become zero
     * @return the loss: 0-dim for "mean" (each loss divided by its target length, then averaged) and "sum", (N) for
     *     "none"
     * @throws IllegalArgumentException if the lengths do not fit the inputs (e.g. "Expected input_lengths to have value
     *     at most 5, but got value 6 (while checking arguments for ctc_loss_cpu)") or blank is outside [0, C)
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not a valid value for
     *     reduction")
     */
    public static Tensor ctcLoss(Tensor logProbs, Tensor targets, long[] inputLengths, long[] targetLengths, int blank, String reduction,
                                 boolean zeroInfinity) {
        return dev.jgrad.internal.ops.SequenceLosses.ctc(logProbs, targets, inputLengths, targetLengths, blank, reduction, zeroInfinity);
    }

    /**
     * {@code F.multilabel_margin_loss(input, target)}: mean reduction.
     *
     * @param input the scores (N, C) or (C)
     * @param target int64 class indices, input's shape, ended by the first -1
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if target's shape differs from input's ("inconsistent size [2, 2] for argument
     *     #2 'target'")
     */
    public static Tensor multilabelMarginLoss(Tensor input, Tensor target) { return multilabelMarginLoss(input, target, "mean"); }

    /**
     * Multi-class multi-label hinge loss: target holds class indices, ended by the first -1.
     *
     * <p>PyTorch: {@code torch.nn.functional.multilabel_margin_loss}.
     *
     * @param input the scores (N, C) or (C)
     * @param target int64 class indices, input's shape, ended by the first -1
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if target's shape differs from input's ("inconsistent size [2, 2] for argument
     *     #2 'target'")
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not a valid value for
     *     reduction")
     */
    public static Tensor multilabelMarginLoss(Tensor input, Tensor target, String reduction) {
        return dev.jgrad.internal.ops.SequenceLosses.multilabelMargin(input, target, reduction);
    }

    /**
     * {@code F.triplet_margin_with_distance_loss(anchor, positive, negative)}: pairwise distance, margin 1, no swap,
     * mean reduction.
     *
     * @param anchor the anchor samples, (N, D) or (D)
     * @param positive the positive samples, anchor's shape
     * @param negative the negative samples, anchor's shape
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if the inputs differ in dimension ("All inputs should have same dimension but
     *     got ...")
     */
    public static Tensor tripletMarginWithDistanceLoss(Tensor anchor, Tensor positive, Tensor negative) {
        return tripletMarginWithDistanceLoss(anchor, positive, negative, null, 1.0, false, "mean");
    }

    /**
     * max(d(a, p) - d(a, n) + margin, 0) with any distance (null: pairwise_distance); swap uses min(d(a, n), d(p, n)).
     *
     * <p>PyTorch: {@code torch.nn.functional.triplet_margin_with_distance_loss}.
     *
     * @param anchor the anchor samples, (N, D) or (D)
     * @param positive the positive samples, anchor's shape
     * @param negative the negative samples, anchor's shape
     * @param distanceFunction the distance of two batches of samples, or null for pairwise_distance
     * @param margin the margin
     * @param swap whether to use d(positive, negative) when it is smaller than d(anchor, negative)
     * @param reduction how the losses are reduced: "mean" (the default), "sum" or "none" (no reduction; see the return
     *     value for the shape)
     * @return the loss: a 0-dim tensor for "mean" and "sum", the unreduced losses for "none"
     * @throws IllegalArgumentException if the inputs differ in dimension ("All inputs should have same dimension but
     *     got ...")
     * @throws IllegalArgumentException if reduction is not "mean", "sum" or "none" ("... is not valid")
     */
    public static Tensor tripletMarginWithDistanceLoss(Tensor anchor, Tensor positive, Tensor negative,
                                                       java.util.function.BinaryOperator<Tensor> distanceFunction, double margin, boolean swap,
                                                       String reduction) {
        java.util.function.BinaryOperator<Tensor> d = distanceFunction != null ? distanceFunction : F::pairwiseDistance;
        Tensor positiveDist = d.apply(anchor, positive), negativeDist = d.apply(anchor, negative);
        if (swap) negativeDist = Torch.minimum(negativeDist, d.apply(positive, negative));
        return reduce(positiveDist.sub(negativeDist).add(margin).clampMin(0.0), reduction);
    }

    /**
     * {@code F.rrelu(input)}: lower 1/8, upper 1/3, training off (the fixed slope (lower + upper) / 2).
     *
     * @param input the input tensor (floating)
     * @return a new tensor of input's shape
     */
    public static Tensor rrelu(Tensor input) { return rrelu(input, 1.0 / 8, 1.0 / 3, false); }

    /**
     * Randomized leaky ReLU: training scales each element &lt;= 0 by a uniform draw in [lower, upper); eval by their
     * mean.
     *
     * <p>PyTorch: {@code torch.nn.functional.rrelu}.
     *
     * @param input the input tensor (floating)
     * @param lower the lower bound of the random slope
     * @param upper the upper bound of the random slope
     * @param training whether to draw a random slope per element (else use the mean slope)
     * @return a new tensor of input's shape
     */
    public static Tensor rrelu(Tensor input, double lower, double upper, boolean training) {
        return dev.jgrad.internal.ops.SequenceLosses.rrelu(input, lower, upper, training, Generator.defaultGenerator());
    }

    /**
     * {@code F.rrelu_(input, lower, upper, training)}: rrelu in place; returns input.
     *
     * @param input the tensor to update (floating)
     * @param lower the lower bound of the random slope
     * @param upper the upper bound of the random slope
     * @param training whether to apply it (false returns input unchanged)
     * @return input itself, after the in-place update
     */
    public static Tensor rrelu_(Tensor input, double lower, double upper, boolean training) { return inPlace(input, x -> rrelu(x, lower, upper, training)); }
}
