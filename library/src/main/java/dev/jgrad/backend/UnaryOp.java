package dev.jgrad.backend;

/** The elementwise unary primitives. */
public enum UnaryOp {
    NEG, ABS, EXP, LOG, SQRT, RSQRT, SIN, COS, TAN, TANH, SIGMOID, RELU, LOG1P, EXPM1, RECIPROCAL,
    FLOOR, CEIL, ROUND, TRUNC, SIGN, ASIN, ACOS, ATAN, SINH, COSH, LOG2, LOG10, ERF,
    ASINH, ACOSH, ATANH, EXP2, ERFC, FRAC, ERFINV, LGAMMA, DIGAMMA, TRIGAMMA,
    /** Modified Bessel functions of the first kind (and their exp(-|x|)-scaled forms), the scaled erfc. */
    I0, I0E, I1, I1E, ERFCX,
    /** frexp's two outputs, the exponent as a floating value (the op converts it to int32). */
    FREXP_MANTISSA, FREXP_EXPONENT;

    /** Ops that keep integral inputs integral; every other op computes integral inputs in floating point. */
    public boolean keepsIntegral() {
        return switch (this) {
            case NEG, ABS, SIGN, FLOOR, CEIL, ROUND, TRUNC, RELU -> true;
            default -> false;
        };
    }
}
