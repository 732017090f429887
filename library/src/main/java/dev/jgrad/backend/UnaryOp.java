package dev.jgrad.backend;

/** The elementwise unary primitives. */
public enum UnaryOp {
    NEG, ABS, EXP, LOG, SQRT, RSQRT, SIN, COS, TAN, TANH, SIGMOID, RELU, LOG1P, EXPM1, RECIPROCAL,
    FLOOR, CEIL, ROUND, TRUNC, SIGN, ASIN, ACOS, ATAN, SINH, COSH, LOG2, LOG10, ERF,
    ASINH, ACOSH, ATANH, EXP2, ERFC, FRAC, ERFINV, LGAMMA, DIGAMMA, TRIGAMMA;

    /** Ops that keep integral inputs integral; every other op computes integral inputs in floating point. */
    public boolean keepsIntegral() {
        return switch (this) {
            case NEG, ABS, SIGN, FLOOR, CEIL, ROUND, TRUNC, RELU -> true;
            default -> false;
        };
    }
}
