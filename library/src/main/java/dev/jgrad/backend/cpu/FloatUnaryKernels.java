package dev.jgrad.backend.cpu;

import dev.jgrad.backend.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 unary kernels over one strided row: c[i] = op(a[i]).
 *
 * <p>Long stride-1 rows use the Vector API, whose transcendental operators are vectorised math-library
 * routines on x86 (SVML; TranscendentalAccuracyTest holds their measured error bounds); short or strided
 * rows use {@link Math} in double and round once, which is what a correctly rounded float32 result needs.
 */
public final class FloatUnaryKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Below this many elements the scalar loop is as fast and exactly rounded. */
    private static final int VECTOR_MIN = 64;

    private FloatUnaryKernels() {}

    public static void row(UnaryOp op, float[] a, int ao, int as, float[] c, int co, int cs, int n) {
        int done = 0;
        if (KernelConfig.FAST_PATHS && as == 1 && cs == 1 && n >= VECTOR_MIN) done = vector(op, a, ao, c, co, n);
        if (done < n) scalar(op, a, ao + done * as, as, c, co + done * cs, cs, n - done);
    }

    /** Returns how many leading elements it handled (0 for ops without a vector form). */
    private static int vector(UnaryOp op, float[] a, int ao, float[] c, int co, int n) {
        int i = 0, bound = S.loopBound(n);
        switch (op) {
            case NEG -> { for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).neg().intoArray(c, co + i); }
            case ABS -> { for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).abs().intoArray(c, co + i); }
            case SQRT -> { for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).sqrt().intoArray(c, co + i); }
            case RELU -> {  // x < 0 ? 0 : x keeps -0. and NaN, as PyTorch's relu does
                FloatVector zero = FloatVector.zero(S);
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, a, ao + i);
                    v.blend(zero, v.lt(zero)).intoArray(c, co + i);
                }
            }
            case RECIPROCAL -> {
                FloatVector one = FloatVector.broadcast(S, 1f);
                for (; i < bound; i += L) one.div(FloatVector.fromArray(S, a, ao + i)).intoArray(c, co + i);
            }
            case RSQRT -> {
                FloatVector one = FloatVector.broadcast(S, 1f);
                for (; i < bound; i += L) one.div(FloatVector.fromArray(S, a, ao + i).sqrt()).intoArray(c, co + i);
            }
            case EXP -> i = mathRowExp(a, ao, c, co, bound);
            case LOG -> i = mathRowLog(a, ao, c, co, bound);
            case SIN -> i = mathRowSin(a, ao, c, co, bound);
            case COS -> i = mathRowCos(a, ao, c, co, bound);
            case TANH -> i = mathRowTanh(a, ao, c, co, bound);
            case SIGMOID -> i = mathRowSigmoid(a, ao, c, co, bound);
            default -> { }
        }
        return i;
    }

    // Each math-library operator loop sits in its own small method. In one big method, C2 stops inlining
    // lanewise() after the first two or three of them have been used (the inlining budget runs out), and
    // the rest fall back to the operator's per-lane Java code: measured 20-40x slower (9-12 ns instead of
    // 0.3-0.6 ns per float) for the third transcendental a program uses.

    private static int mathRowExp(float[] a, int ao, float[] c, int co, int bound) {
        int i = 0;
        for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.EXP).intoArray(c, co + i);
        return i;
    }

    private static int mathRowLog(float[] a, int ao, float[] c, int co, int bound) {
        int i = 0;
        for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.LOG).intoArray(c, co + i);
        return i;
    }

    private static int mathRowSin(float[] a, int ao, float[] c, int co, int bound) {
        int i = 0;
        for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.SIN).intoArray(c, co + i);
        return i;
    }

    private static int mathRowCos(float[] a, int ao, float[] c, int co, int bound) {
        int i = 0;
        for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.COS).intoArray(c, co + i);
        return i;
    }

    private static int mathRowTanh(float[] a, int ao, float[] c, int co, int bound) {
        int i = 0;
        for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.TANH).intoArray(c, co + i);
        return i;
    }

    /** PyTorch's formula, 1 / (1 + exp(-x)), so results follow PyTorch's (0 where exp(-x) overflows, as in PyTorch). */
    private static int mathRowSigmoid(float[] a, int ao, float[] c, int co, int bound) {
        int i = 0;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i < bound; i += L) {
            FloatVector e = FloatVector.fromArray(S, a, ao + i).neg().lanewise(VectorOperators.EXP);
            one.div(one.add(e)).intoArray(c, co + i);
        }
        return i;
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
            case ERF -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) SpecialFunctions.erf(a[ao + i * as]); }
        }
    }
}
