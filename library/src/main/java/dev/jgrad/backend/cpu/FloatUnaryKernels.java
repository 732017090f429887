package dev.jgrad.backend.cpu;

import dev.jgrad.internal.math.SpecialFunctions;
import dev.jgrad.backend.UnaryOp;

/**
 * float32 unary kernels over one strided row: c[i] = op(a[i]).
 *
 * <p>Long stride-1 rows use the Vector API ({@link FloatUnaryVector}, when {@link KernelConfig#VECTOR}) for
 * the simple ops (neg, abs, sqrt, relu, ...), and for exp, log, tanh, sigmoid, sin, cos and erf
 * {@link FloatVectorMath}, deterministic vector forms built from exact lanewise arithmetic. The Vector API's
 * own transcendental operators are never used: they are SVML once C2 compiles a loop and Math before it,
 * which changed results as the JVM warmed up (DeterminismTest). Short or strided rows, and the other
 * functions, use {@link Math} (in double, rounded once to the element type); erf's scalar loop is
 * {@link ErfMath}, the vector loop's own arithmetic, so every element of erf gets the same bits on either path.
 */
public final class FloatUnaryKernels {
    /** Below this many elements the scalar loop is as fast and exactly rounded. */
    private static final int VECTOR_MIN = 64;

    private FloatUnaryKernels() {}

    public static void row(UnaryOp op, float[] a, int ao, int as, float[] c, int co, int cs, int n) {
        int done = 0;
        if (KernelConfig.VECTOR && as == 1 && cs == 1 && n >= VECTOR_MIN) done = FloatUnaryVector.row(op, a, ao, c, co, n);
        if (done < n) scalar(op, a, ao + done * as, as, c, co + done * cs, cs, n - done);
    }

    private static void scalar(UnaryOp op, float[] a, int ao, int as, float[] c, int co, int cs, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) c[co + i * cs] = -a[ao + i * as]; }
            case ABS -> { for (int i = 0; i < n; i++) c[co + i * cs] = Math.abs(a[ao + i * as]); }
            case EXP -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.exp(a[ao + i * as]); }
            case LOG -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.log(a[ao + i * as]); }
            case SQRT -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.sqrt(a[ao + i * as]); }
            case RSQRT -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) (1.0 / Math.sqrt(a[ao + i * as])); }
            case SIN -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.sin(a[ao + i * as]); }
            case COS -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.cos(a[ao + i * as]); }
            case TAN -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.tan(a[ao + i * as]); }
            case TANH -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.tanh(a[ao + i * as]); }
            case SIGMOID -> { for (int i = 0; i < n; i++) c[co + i * cs] = 1 / (1 + (float) Math.exp(-a[ao + i * as])); }
            case RELU -> { for (int i = 0; i < n; i++) { float x = a[ao + i * as]; c[co + i * cs] = x < 0 ? 0 : x; } }
            case LOG1P -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.log1p(a[ao + i * as]); }
            case EXPM1 -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.expm1(a[ao + i * as]); }
            case RECIPROCAL -> { for (int i = 0; i < n; i++) c[co + i * cs] = 1 / a[ao + i * as]; }
            case FLOOR -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.floor(a[ao + i * as]); }
            case CEIL -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.ceil(a[ao + i * as]); }
            case ROUND -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.rint(a[ao + i * as]); }
            case TRUNC -> { for (int i = 0; i < n; i++) { double x = a[ao + i * as]; c[co + i * cs] = (float) (x < 0 ? Math.ceil(x) : Math.floor(x)); } }
            case SIGN -> { for (int i = 0; i < n; i++) { double x = a[ao + i * as]; c[co + i * cs] = (float) (x > 0 ? 1 : x < 0 ? -1 : 0); } }
            case ASIN -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.asin(a[ao + i * as]); }
            case ACOS -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.acos(a[ao + i * as]); }
            case ATAN -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.atan(a[ao + i * as]); }
            case SINH -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.sinh(a[ao + i * as]); }
            case COSH -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.cosh(a[ao + i * as]); }
            case LOG2 -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) (Math.log(a[ao + i * as]) / Math.log(2)); }
            case LOG10 -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.log10(a[ao + i * as]); }
            case ERF -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) ErfMath.erf(a[ao + i * as]); }  // the vector loop's bits
            case ASINH -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) SpecialFunctions.asinh(a[ao + i * as]); }
            case ACOSH -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) SpecialFunctions.acosh(a[ao + i * as]); }
            case ATANH -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) SpecialFunctions.atanh(a[ao + i * as]); }
            case EXP2 -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.pow(2, a[ao + i * as]); }
            case ERFC -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) SpecialFunctions.erfc(a[ao + i * as]); }
            case FRAC -> { for (int i = 0; i < n; i++) { float x = a[ao + i * as]; c[co + i * cs] = x - (float) (x < 0 ? Math.ceil(x) : Math.floor(x)); } }
            case ERFINV -> { for (int i = 0; i < n; i++) c[co + i * cs] = SpecialFunctions.erfinv(a[ao + i * as]); }
            case LGAMMA -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) SpecialFunctions.lgamma(a[ao + i * as]); }
            case DIGAMMA -> { for (int i = 0; i < n; i++) c[co + i * cs] = SpecialFunctions.digamma(a[ao + i * as]); }
            case TRIGAMMA -> { for (int i = 0; i < n; i++) c[co + i * cs] = SpecialFunctions.trigamma(a[ao + i * as]); }
            case I0 -> { for (int i = 0; i < n; i++) c[co + i * cs] = Bessel.i0(a[ao + i * as]); }
            case I0E -> { for (int i = 0; i < n; i++) c[co + i * cs] = Bessel.i0e(a[ao + i * as]); }
            case I1 -> { for (int i = 0; i < n; i++) c[co + i * cs] = Bessel.i1(a[ao + i * as]); }
            case I1E -> { for (int i = 0; i < n; i++) c[co + i * cs] = Bessel.i1e(a[ao + i * as]); }
            case ERFCX -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) IncompleteGamma.erfcx(a[ao + i * as]); }
            case FREXP_MANTISSA -> { for (int i = 0; i < n; i++) c[co + i * cs] = IncompleteGamma.frexpMantissa(a[ao + i * as]); }
            case FREXP_EXPONENT -> { for (int i = 0; i < n; i++) c[co + i * cs] = IncompleteGamma.frexpExponent(a[ao + i * as]); }
        }
    }
}
