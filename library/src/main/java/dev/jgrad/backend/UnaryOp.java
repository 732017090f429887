package dev.jgrad.backend;

/** The elementwise unary primitives. */
public enum UnaryOp {
    /** {@code torch.neg}: -x. */
    NEG,
    /** {@code torch.abs}. */
    ABS,
    /** {@code torch.exp}. */
    EXP,
    /** {@code torch.log}: the natural logarithm. */
    LOG,
    /** {@code torch.sqrt}. */
    SQRT,
    /** {@code torch.rsqrt}: 1 / sqrt(x). */
    RSQRT,
    /** {@code torch.sin}. */
    SIN,
    /** {@code torch.cos}. */
    COS,
    /** {@code torch.tan}. */
    TAN,
    /** {@code torch.tanh}. */
    TANH,
    /** {@code torch.sigmoid}. */
    SIGMOID,
    /** {@code torch.relu}: max(x, 0). */
    RELU,
    /** {@code torch.log1p}: log(1 + x). */
    LOG1P,
    /** {@code torch.expm1}: exp(x) - 1. */
    EXPM1,
    /** {@code torch.reciprocal}: 1 / x. */
    RECIPROCAL,
    /** {@code torch.floor}. */
    FLOOR,
    /** {@code torch.ceil}. */
    CEIL,
    /** {@code torch.round}: half to even. */
    ROUND,
    /** {@code torch.trunc}: towards zero. */
    TRUNC,
    /** {@code torch.sign}: -1, 0 or 1. */
    SIGN,
    /** {@code torch.asin}. */
    ASIN,
    /** {@code torch.acos}. */
    ACOS,
    /** {@code torch.atan}. */
    ATAN,
    /** {@code torch.sinh}. */
    SINH,
    /** {@code torch.cosh}. */
    COSH,
    /** {@code torch.log2}. */
    LOG2,
    /** {@code torch.log10}. */
    LOG10,
    /** {@code torch.erf}. */
    ERF,
    /** {@code torch.asinh}. */
    ASINH,
    /** {@code torch.acosh}. */
    ACOSH,
    /** {@code torch.atanh}. */
    ATANH,
    /** {@code torch.exp2}: 2^x. */
    EXP2,
    /** {@code torch.erfc}: 1 - erf(x). */
    ERFC,
    /** {@code torch.frac}: x - trunc(x). */
    FRAC,
    /** {@code torch.erfinv}. */
    ERFINV,
    /** {@code torch.lgamma}: log |Gamma(x)|. */
    LGAMMA,
    /** {@code torch.digamma}. */
    DIGAMMA,
    /** The trigamma function, {@code torch.polygamma(1, x)}. */
    TRIGAMMA,
    /** {@code torch.i0}: the modified Bessel function of the first kind, order 0. */
    I0,
    /** {@code torch.special.i0e}: i0(x) exp(-|x|). */
    I0E,
    /** {@code torch.special.i1}: the modified Bessel function of the first kind, order 1. */
    I1,
    /** {@code torch.special.i1e}: i1(x) exp(-|x|). */
    I1E,
    /** {@code torch.special.erfcx}: the scaled complementary error function exp(x^2) erfc(x). */
    ERFCX,
    /** The mantissa output of {@code torch.frexp}, in [0.5, 1) in magnitude. */
    FREXP_MANTISSA,
    /** The exponent output of {@code torch.frexp}, as a floating value (the op converts it to int32). */
    FREXP_EXPONENT;

    /**
     * Whether the op keeps an integral input integral (neg, abs, sign, floor, ceil, round, trunc, relu: PyTorch's
     * {@code torch.abs(int_tensor)} is int); every other op computes integral and bool inputs in the default float
     * dtype, as {@code torch.exp(int_tensor)} gives float32.
     *
     * @return true for the ops whose result dtype is an integral input's own
     */
    public boolean keepsIntegral() {
        return switch (this) {
            case NEG, ABS, SIGN, FLOOR, CEIL, ROUND, TRUNC, RELU -> true;
            default -> false;
        };
    }
}
