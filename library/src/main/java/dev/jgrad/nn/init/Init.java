package dev.jgrad.nn.init;

import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;

/**
 * {@code torch.nn.init}: in-place initialisers that run under no_grad and return the tensor. Bounds and
 * standard deviations are computed with PyTorch's formulas in the same double arithmetic, and the
 * values drawn with the same generator calls, so {@code manualSeed(s)} then an initialiser gives
 * PyTorch's exact numbers.
 */
public final class Init {
    private Init() {}

    /**
     * {@code calculate_gain}: the recommended scale for a nonlinearity ("relu", "tanh", "leaky_relu", ...).
     *
     * @param nonlinearity "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
     *     "conv_transpose3d", "sigmoid", "tanh", "relu", "leaky_relu" or "selu"
     * @return the gain: 1 for linear, conv and sigmoid, 5/3 for tanh, sqrt(2) for relu, sqrt(2 / (1 + slope^2)) for
     *     leaky_relu, 3/4 for selu
     * @throws IllegalArgumentException for another nonlinearity ("Unsupported nonlinearity name")
     */
    public static double calculateGain(String nonlinearity) { return calculateGain(nonlinearity, null); }

    /**
     * {@code calculate_gain(nonlinearity, param)}: param is leaky_relu's negative slope (null: 0.01); an unknown name
     * raises PyTorch's "Unsupported nonlinearity" (IllegalArgumentException).
     *
     * @param nonlinearity "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
     *     "conv_transpose3d", "sigmoid", "tanh", "relu", "leaky_relu" or "selu"
     * @param param leaky_relu's negative slope (null: 0.01)
     * @return the gain: 1 for linear, conv and sigmoid, 5/3 for tanh, sqrt(2) for relu, sqrt(2 / (1 + slope^2)) for
     *     leaky_relu, 3/4 for selu
     * @throws IllegalArgumentException for another nonlinearity ("Unsupported nonlinearity name")
     */
    public static double calculateGain(String nonlinearity, Double param) {
        return switch (nonlinearity) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid" -> 1;
            case "tanh" -> 5.0 / 3;
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> {
                double slope = param == null ? 0.01 : param;
                yield Math.sqrt(2.0 / (1 + slope * slope));
            }
            case "selu" -> 3.0 / 4;
            default -> throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
        };
    }

    /**
     * {fan_in, fan_out}: size(1) and size(0), each times the receptive field (the product of the remaining dims).
     *
     * <p>PyTorch: {@code torch.nn.init._calculate_fan_in_and_fan_out} (private there).
     *
     * @param t a weight of at least 2 dims (out, in, *kernel)
     * @return {fan_in, fan_out}
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     */
    public static long[] calculateFanInAndFanOut(Tensor t) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        }
        long receptive = 1;
        for (int d = 2; d < t.dim(); d++) receptive *= t.size(d);
        return new long[] {t.size(1) * receptive, t.size(0) * receptive};
    }

    private static long fan(Tensor t, String mode) {
        long[] f = calculateFanInAndFanOut(t);
        return switch (mode) {
            case "fan_in" -> f[0];
            case "fan_out" -> f[1];
            default -> throw new IllegalArgumentException("Mode " + mode + " not supported, please use one of fan_in, fan_out");
        };
    }

    /**
     * {@code uniform_(t, a, b)}: fills t in place from U(a, b) with the default generator; returns t.
     *
     * @param t the tensor to fill in place (any shape unless stated)
     * @param a the lower bound
     * @param b the upper bound
     * @return t itself, filled
     */
    public static Tensor uniform_(Tensor t, double a, double b) { return uniform_(t, a, b, Generator.defaultGenerator()); }

    /**
     * {@code uniform_(t, a, b, generator)}: fills t in place from U(a, b); returns t.
     *
     * @param t the tensor to fill in place (any shape unless stated)
     * @param a the lower bound
     * @param b the upper bound
     * @param generator the random generator to draw from
     * @return t itself, filled
     */
    public static Tensor uniform_(Tensor t, double a, double b, Generator generator) {
        try (var g = Torch.noGrad()) {
            return t.uniform_(a, b, generator);
        }
    }

    /**
     * {@code normal_(t, mean, std)}: fills t in place from N(mean, std^2) with the default generator; returns t.
     *
     * @param t the tensor to fill in place (any shape unless stated)
     * @param mean the mean of the normal distribution
     * @param std the standard deviation of the normal distribution
     * @return t itself, filled
     */
    public static Tensor normal_(Tensor t, double mean, double std) { return normal_(t, mean, std, Generator.defaultGenerator()); }

    /**
     * {@code normal_(t, mean, std, generator)}: fills t in place from N(mean, std^2); returns t.
     *
     * @param t the tensor to fill in place (any shape unless stated)
     * @param mean the mean of the normal distribution
     * @param std the standard deviation of the normal distribution
     * @param generator the random generator to draw from
     * @return t itself, filled
     */
    public static Tensor normal_(Tensor t, double mean, double std, Generator generator) {
        try (var g = Torch.noGrad()) {
            return t.normal_(mean, std, generator);
        }
    }

    /**
     * {@code constant_(t, value)}: fills t with value in place; returns t.
     *
     * @param t the tensor to fill in place (any shape unless stated)
     * @param value the fill value
     * @return t itself, filled
     */
    public static Tensor constant_(Tensor t, double value) {
        try (var g = Torch.noGrad()) {
            return t.fill_(value);
        }
    }

    /**
     * {@code ones_(t)}: fills t with 1 in place; returns t.
     *
     * @param t the tensor to fill in place (any shape unless stated)
     * @return t itself, filled
     */
    public static Tensor ones_(Tensor t) { return constant_(t, 1); }

    /**
     * {@code zeros_(t)}: fills t with 0 in place; returns t.
     *
     * @param t the tensor to fill in place (any shape unless stated)
     * @return t itself, filled
     */
    public static Tensor zeros_(Tensor t) {
        try (var g = Torch.noGrad()) {
            return t.zero_();
        }
    }

    /**
     * Uniform in +-gain * sqrt(6 / (fan_in + fan_out)).
     *
     * <p>PyTorch: {@code torch.nn.init.xavier_uniform_}.
     *
     * @param t the weight to fill in place, at least 2 dims
     * @return t itself, filled
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     */
    public static Tensor xavierUniform_(Tensor t) { return xavierUniform_(t, 1.0); }

    /**
     * {@code xavier_uniform_(t, gain)}: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)); t needs at least 2
     * dims.
     *
     * @param t the weight to fill in place, at least 2 dims
     * @param gain the scale factor
     * @return t itself, filled
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     */
    public static Tensor xavierUniform_(Tensor t, double gain) {
        long[] f = calculateFanInAndFanOut(t);
        double std = gain * Math.sqrt(2.0 / (double) (f[0] + f[1]));
        double a = Math.sqrt(3.0) * std;
        return uniform_(t, -a, a);
    }

    /**
     * A (semi-)orthogonal matrix from the QR factorisation of a normal sample, as PyTorch draws and builds it:
     * N(0, 1) of (rows, numel / rows), transposed when wider than tall, Q's columns signed by R's diagonal, times gain.
     *
     * <p>PyTorch: {@code torch.nn.init.orthogonal_}.
     *
     * @param t the weight to fill in place, at least 2 dims (dims after the first are flattened)
     * @param gain the scale factor
     * @return t itself, filled
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Only tensors with 2 or more dimensions are
     *     supported")
     */
    public static Tensor orthogonal_(Tensor t, double gain) {
        if (t.dim() < 2) throw new IllegalArgumentException("Only tensors with 2 or more dimensions are supported");
        if (t.numel() == 0) return t;
        long rows = t.size(0), cols = t.numel() / rows;
        try (var g = Torch.noGrad()) {
            Tensor flattened = Torch.empty(t.dtype(), t.device(), rows, cols).normal_(0, 1);
            if (rows < cols) flattened = flattened.t();
            var qr = Torch.qr(flattened);
            Tensor q = qr.get(0).mul(Torch.diag(qr.get(1), 0).sign());
            if (rows < cols) q = q.t();
            t.viewAs(q).copy_(q);
            t.mul_(gain);
        }
        return t;
    }

    /**
     * {@code orthogonal_(t)}: a (semi-)orthogonal matrix from the QR of a normal draw, gain 1.
     *
     * @param t the weight to fill in place, at least 2 dims (dims after the first are flattened)
     * @return t itself, filled
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Only tensors with 2 or more dimensions are
     *     supported")
     */
    public static Tensor orthogonal_(Tensor t) { return orthogonal_(t, 1.0); }

    /**
     * {@code xavier_normal_(t)} with gain 1.
     *
     * @param t the weight to fill in place, at least 2 dims
     * @return t itself, filled
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     */
    public static Tensor xavierNormal_(Tensor t) { return xavierNormal_(t, 1.0); }

    /**
     * {@code xavier_normal_(t, gain)}: N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out)); t needs at least 2
     * dims.
     *
     * @param t the weight to fill in place, at least 2 dims
     * @param gain the scale factor
     * @return t itself, filled
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     */
    public static Tensor xavierNormal_(Tensor t, double gain) {
        long[] f = calculateFanInAndFanOut(t);
        double std = gain * Math.sqrt(2.0 / (double) (f[0] + f[1]));
        return normal_(t, 0, std);
    }

    /**
     * PyTorch's defaults: a = 0, mode "fan_in", nonlinearity "leaky_relu".
     *
     * <p>PyTorch: {@code torch.nn.init.kaiming_uniform_}.
     *
     * @param t the weight to fill in place, at least 2 dims
     * @return t itself, filled
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     */
    public static Tensor kaimingUniform_(Tensor t) { return kaimingUniform_(t, 0, "fan_in", "leaky_relu"); }

    /**
     * {@code kaiming_uniform_(t, a)}: fan_in mode, leaky_relu with negative slope a.
     *
     * @param t the weight to fill in place, at least 2 dims
     * @param a the negative slope of the rectifier used after this layer (0 for ReLU)
     * @return t itself, filled
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     */
    public static Tensor kaimingUniform_(Tensor t, double a) { return kaimingUniform_(t, a, "fan_in", "leaky_relu"); }

    /**
     * Uniform in +-sqrt(3) * gain / sqrt(fan); Linear and Conv2d use a = sqrt(5).
     *
     * <p>PyTorch: {@code torch.nn.init.kaiming_uniform_}.
     *
     * @param t the weight to fill in place, at least 2 dims
     * @param a the negative slope of the rectifier used after this layer (0 for ReLU)
     * @param mode "fan_in" (keeps the forward pass's variance) or "fan_out" (keeps the backward pass's)
     * @param nonlinearity the nonlinearity after this layer, as for calculateGain ("relu" or "leaky_relu" advised)
     * @return t itself, filled
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     * @throws IllegalArgumentException for another mode ("Mode m not supported, please use one of fan_in, fan_out") or
     *     an unknown nonlinearity ("Unsupported nonlinearity name")
     */
    public static Tensor kaimingUniform_(Tensor t, double a, String mode, String nonlinearity) {
        if (t.numel() == 0) return t;  // PyTorch warns and leaves zero-element tensors alone
        double gain = calculateGain(nonlinearity, a);
        double std = gain / Math.sqrt((double) fan(t, mode));
        double bound = Math.sqrt(3.0) * std;
        return uniform_(t, -bound, bound);
    }

    /**
     * {@code kaiming_normal_(t)}: fan_in mode, leaky_relu gain with slope 0.
     *
     * @param t the weight to fill in place, at least 2 dims
     * @return t itself, filled
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     */
    public static Tensor kaimingNormal_(Tensor t) { return kaimingNormal_(t, 0, "fan_in", "leaky_relu"); }

    /**
     * {@code kaiming_normal_(t, a, mode, nonlinearity)}: N(0, std^2) with std = gain / sqrt(fan), fan by mode
     * ("fan_in" or "fan_out").
     *
     * @param t the weight to fill in place, at least 2 dims
     * @param a the negative slope of the rectifier used after this layer (0 for ReLU)
     * @param mode "fan_in" (keeps the forward pass's variance) or "fan_out" (keeps the backward pass's)
     * @param nonlinearity the nonlinearity after this layer, as for calculateGain ("relu" or "leaky_relu" advised)
     * @return t itself, filled
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     * @throws IllegalArgumentException for another mode ("Mode m not supported, please use one of fan_in, fan_out") or
     *     an unknown nonlinearity ("Unsupported nonlinearity name")
     */
    public static Tensor kaimingNormal_(Tensor t, double a, String mode, String nonlinearity) {
        if (t.numel() == 0) return t;
        double gain = calculateGain(nonlinearity, a);
        double std = gain / Math.sqrt((double) fan(t, mode));
        return normal_(t, 0, std);
    }

    /**
     * Normal(mean, std) truncated to [a, b], drawn as PyTorch draws it: uniform between the bounds' CDF values
     * mapped to (-1, 1), then erfinv, scaled by std * sqrt(2), shifted by mean and clamped to [a, b].
     *
     * <p>PyTorch: {@code torch.nn.init.trunc_normal_}.
     *
     * @param t the tensor to fill in place (any shape unless stated)
     * @param mean the mean of the normal distribution
     * @param std the standard deviation of the normal distribution
     * @param a the lower cut-off
     * @param b the upper cut-off
     * @return t itself, filled
     */
    public static Tensor truncNormal_(Tensor t, double mean, double std, double a, double b) {
        return truncNormal_(t, mean, std, a, b, Generator.defaultGenerator());
    }

    /**
     * {@code trunc_normal_(t)}: N(0, 1) truncated to [-2, 2].
     *
     * @param t the tensor to fill in place (any shape unless stated)
     * @return t itself, filled
     */
    public static Tensor truncNormal_(Tensor t) { return truncNormal_(t, 0, 1, -2, 2); }

    /**
     * {@code trunc_normal_(t, mean, std, a, b, generator)}: N(mean, std^2) truncated to [a, b], drawn by PyTorch's
     * inverse-CDF method.
     *
     * @param t the tensor to fill in place (any shape unless stated)
     * @param mean the mean of the normal distribution
     * @param std the standard deviation of the normal distribution
     * @param a the lower cut-off
     * @param b the upper cut-off
     * @param generator the random generator to draw from
     * @return t itself, filled
     */
    public static Tensor truncNormal_(Tensor t, double mean, double std, double a, double b, Generator generator) {
        try (var g = Torch.noGrad()) {
            double l = normCdf((a - mean) / std), u = normCdf((b - mean) / std);
            t.uniform_(2 * l - 1, 2 * u - 1, generator);
            t.erfinv_();
            t.mul_(std * Math.sqrt(2.));
            t.add_(mean);
            t.clamp_(a, b);
            return t;
        }
    }

    /** The standard normal CDF, with erf evaluated by the library's own float64 kernel. */
    private static double normCdf(double x) {
        return (1. + Torch.scalarTensor(x / Math.sqrt(2.), dev.jgrad.DType.FLOAT64).erf().item()) / 2.;
    }

    /**
     * The identity matrix in a 2-d tensor (rectangular ones get ones on the main diagonal).
     *
     * <p>PyTorch: {@code torch.nn.init.eye_}.
     *
     * @param t the 2-d tensor to fill in place
     * @return t itself, filled
     * @throws IllegalArgumentException if t is not 2-d ("Only tensors with 2 dimensions are supported")
     */
    public static Tensor eye_(Tensor t) {
        if (t.dim() != 2) throw new IllegalArgumentException("Only tensors with 2 dimensions are supported");
        try (var g = Torch.noGrad()) {
            t.zero_();
            t.diagonal(0, 0, 1).fill_(1.0);
            return t;
        }
    }

    /**
     * The Dirac delta for 3-, 4- and 5-d convolution weights: each output channel passes its input channel through.
     *
     * <p>PyTorch: {@code torch.nn.init.dirac_}.
     *
     * @param t the convolution weight to fill in place, 3-, 4- or 5-d (out, in, *kernel)
     * @return t itself, filled
     * @throws IllegalArgumentException if t is not 3-, 4- or 5-d ("Only tensors with 3, 4, or 5 dimensions are
     *     supported")
     */
    public static Tensor dirac_(Tensor t) { return dirac_(t, 1); }

    /**
     * {@code dirac_(t, groups)}: a 3-, 4- or 5-dim convolution weight that passes each of groups' input channels
     * through unchanged.
     *
     * @param t the convolution weight to fill in place, 3-, 4- or 5-d (out, in, *kernel)
     * @param groups the number of groups (dim 0 divisible by it)
     * @return t itself, filled
     * @throws IllegalArgumentException if t is not 3-, 4- or 5-d ("Only tensors with 3, 4, or 5 dimensions are
     *     supported") or dim 0 is not divisible by groups ("dim 0 must be divisible by groups")
     */
    public static Tensor dirac_(Tensor t, int groups) {
        int d = t.dim();
        if (d < 3 || d > 5) throw new IllegalArgumentException("Only tensors with 3, 4, or 5 dimensions are supported");
        long[] shape = t.shape();
        if (shape[0] % groups != 0) throw new IllegalArgumentException("dim 0 must be divisible by groups");
        long outPerGroup = shape[0] / groups, minDim = Math.min(outPerGroup, shape[1]);
        try (var g = Torch.noGrad()) {
            t.zero_();
            for (long grp = 0; grp < groups; grp++) {
                for (long k = 0; k < minDim; k++) {
                    Tensor cell = t.select(0, grp * outPerGroup + k).select(0, k);
                    for (int dim = 2; dim < d; dim++) cell = cell.select(0, shape[dim] / 2);
                    cell.fill_(1.0);
                }
            }
            return t;
        }
    }

    /**
     * A sparse 2-d initialisation: N(0, std) values, then in each column the rows at the first ceil(sparsity * rows)
     * positions of a fresh random permutation set to zero (PyTorch's draws: the normal fill, then one randperm per column).
     *
     * <p>PyTorch: {@code torch.nn.init.sparse_}.
     *
     * @param t the 2-d tensor to fill in place
     * @param sparsity the fraction of each column set to zero
     * @param std the standard deviation of the normal distribution
     * @return t itself, filled
     * @throws IllegalArgumentException if t is not 2-d ("Only tensors with 2 dimensions are supported")
     */
    public static Tensor sparse_(Tensor t, double sparsity, double std) {
        if (t.dim() != 2) throw new IllegalArgumentException("Only tensors with 2 dimensions are supported");
        long rows = t.size(0), cols = t.size(1);
        int zeros = (int) Math.ceil(sparsity * rows);
        try (var g = Torch.noGrad()) {
            t.normal_(0, std);
            for (long c = 0; c < cols; c++) {
                Tensor rowIndices = Torch.randperm((int) rows);
                Tensor zeroIndices = rowIndices.narrow(0, 0, zeros);
                t.select(1, c).indexFill_(0, zeroIndices, 0.0);
            }
            return t;
        }
    }

    /**
     * {@code sparse_(t, sparsity)} with std 0.01.
     *
     * @param t the 2-d tensor to fill in place
     * @param sparsity the fraction of each column set to zero
     * @return t itself, filled
     * @throws IllegalArgumentException if t is not 2-d ("Only tensors with 2 dimensions are supported")
     */
    public static Tensor sparse_(Tensor t, double sparsity) { return sparse_(t, sparsity, 0.01); }

    // The deprecated names without the trailing underscore (PyTorch warns, then calls the in-place form).

    /**
     * {@code init.uniform}, PyTorch's deprecated name for {@link #uniform_(Tensor, double, double)}.
     *
     * @param t the tensor to fill in place (any shape unless stated)
     * @param a the lower bound
     * @param b the upper bound
     * @return t itself, filled
     * @deprecated PyTorch deprecates it too: use {@link #uniform_(Tensor, double, double)}
     */
    @Deprecated public static Tensor uniform(Tensor t, double a, double b) { return uniform_(t, a, b); }

    /**
     * {@code init.normal}, PyTorch's deprecated name for {@link #normal_(Tensor, double, double)}.
     *
     * @param t the tensor to fill in place (any shape unless stated)
     * @param mean the mean of the normal distribution
     * @param std the standard deviation of the normal distribution
     * @return t itself, filled
     * @deprecated PyTorch deprecates it too: use {@link #normal_(Tensor, double, double)}
     */
    @Deprecated public static Tensor normal(Tensor t, double mean, double std) { return normal_(t, mean, std); }

    /**
     * {@code init.constant}, PyTorch's deprecated name for {@link #constant_}.
     *
     * @param t the tensor to fill in place (any shape unless stated)
     * @param value the fill value
     * @return t itself, filled
     * @deprecated PyTorch deprecates it too: use {@link #constant_(Tensor, double)}
     */
    @Deprecated public static Tensor constant(Tensor t, double value) { return constant_(t, value); }

    /**
     * {@code init.eye}, PyTorch's deprecated name for {@link #eye_}.
     *
     * @param t the 2-d tensor to fill in place
     * @return t itself, filled
     * @deprecated PyTorch deprecates it too: use {@link #eye_(Tensor)}
     * @throws IllegalArgumentException if t is not 2-d ("Only tensors with 2 dimensions are supported")
     */
    @Deprecated public static Tensor eye(Tensor t) { return eye_(t); }

    /**
     * {@code init.dirac}, PyTorch's deprecated name for {@link #dirac_(Tensor)}.
     *
     * @param t the convolution weight to fill in place, 3-, 4- or 5-d (out, in, *kernel)
     * @return t itself, filled
     * @deprecated PyTorch deprecates it too: use {@link #dirac_(Tensor)}
     * @throws IllegalArgumentException if t is not 3-, 4- or 5-d ("Only tensors with 3, 4, or 5 dimensions are
     *     supported")
     */
    @Deprecated public static Tensor dirac(Tensor t) { return dirac_(t); }

    /**
     * {@code init.xavier_uniform}, PyTorch's deprecated name for {@link #xavierUniform_(Tensor, double)}.
     *
     * @param t the weight to fill in place, at least 2 dims
     * @param gain the scale factor
     * @return t itself, filled
     * @deprecated PyTorch deprecates it too: use {@link #xavierUniform_(Tensor, double)}
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     */
    @Deprecated public static Tensor xavierUniform(Tensor t, double gain) { return xavierUniform_(t, gain); }

    /**
     * {@code init.xavier_normal}, PyTorch's deprecated name for {@link #xavierNormal_(Tensor, double)}.
     *
     * @param t the weight to fill in place, at least 2 dims
     * @param gain the scale factor
     * @return t itself, filled
     * @deprecated PyTorch deprecates it too: use {@link #xavierNormal_(Tensor, double)}
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     */
    @Deprecated public static Tensor xavierNormal(Tensor t, double gain) { return xavierNormal_(t, gain); }

    /**
     * {@code init.kaiming_uniform}, PyTorch's deprecated name for {@link #kaimingUniform_(Tensor, double, String,
     * String)}.
     *
     * @param t the weight to fill in place, at least 2 dims
     * @param a the negative slope of the rectifier used after this layer (0 for ReLU)
     * @param mode "fan_in" (keeps the forward pass's variance) or "fan_out" (keeps the backward pass's)
     * @param nonlinearity the nonlinearity after this layer, as for calculateGain ("relu" or "leaky_relu" advised)
     * @return t itself, filled
     * @deprecated PyTorch deprecates it too: use {@link #kaimingUniform_(Tensor, double, String, String)}
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     * @throws IllegalArgumentException for another mode ("Mode m not supported, please use one of fan_in, fan_out") or
     *     an unknown nonlinearity ("Unsupported nonlinearity name")
     */
    @Deprecated public static Tensor kaimingUniform(Tensor t, double a, String mode, String nonlinearity) { return kaimingUniform_(t, a, mode, nonlinearity); }

    /**
     * {@code init.kaiming_normal}, PyTorch's deprecated name for {@link #kaimingNormal_(Tensor, double, String,
     * String)}.
     *
     * @param t the weight to fill in place, at least 2 dims
     * @param a the negative slope of the rectifier used after this layer (0 for ReLU)
     * @param mode "fan_in" (keeps the forward pass's variance) or "fan_out" (keeps the backward pass's)
     * @param nonlinearity the nonlinearity after this layer, as for calculateGain ("relu" or "leaky_relu" advised)
     * @return t itself, filled
     * @deprecated PyTorch deprecates it too: use {@link #kaimingNormal_(Tensor, double, String, String)}
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Fan in and fan out can not be computed for tensor
     *     with fewer than 2 dimensions")
     * @throws IllegalArgumentException for another mode ("Mode m not supported, please use one of fan_in, fan_out") or
     *     an unknown nonlinearity ("Unsupported nonlinearity name")
     */
    @Deprecated public static Tensor kaimingNormal(Tensor t, double a, String mode, String nonlinearity) { return kaimingNormal_(t, a, mode, nonlinearity); }

    /**
     * {@code init.orthogonal}, PyTorch's deprecated name for {@link #orthogonal_(Tensor, double)}.
     *
     * @param t the weight to fill in place, at least 2 dims (dims after the first are flattened)
     * @param gain the scale factor
     * @return t itself, filled
     * @deprecated PyTorch deprecates it too: use {@link #orthogonal_(Tensor, double)}
     * @throws IllegalArgumentException if t has fewer than 2 dims ("Only tensors with 2 or more dimensions are
     *     supported")
     */
    @Deprecated public static Tensor orthogonal(Tensor t, double gain) { return orthogonal_(t, gain); }

    /**
     * {@code init.sparse}, PyTorch's deprecated name for {@link #sparse_(Tensor, double, double)}.
     *
     * @param t the 2-d tensor to fill in place
     * @param sparsity the fraction of each column set to zero
     * @param std the standard deviation of the normal distribution
     * @return t itself, filled
     * @deprecated PyTorch deprecates it too: use {@link #sparse_(Tensor, double, double)}
     * @throws IllegalArgumentException if t is not 2-d ("Only tensors with 2 dimensions are supported")
     */
    @Deprecated public static Tensor sparse(Tensor t, double sparsity, double std) { return sparse_(t, sparsity, std); }
}
