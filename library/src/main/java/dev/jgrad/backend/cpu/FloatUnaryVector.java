package dev.jgrad.backend.cpu;

import dev.jgrad.backend.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API loops of {@link FloatUnaryKernels}, kept apart so that jgrad links without the
 * jdk.incubator.vector module: only calls behind {@link KernelConfig#VECTOR} reach this class.
 */
final class FloatUnaryVector {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private FloatUnaryVector() {}

    /**
     * Returns how many leading elements it handled (0 for ops without a vector form).
     *
     * <p>exp, log, tanh, sigmoid, sin and cos use {@link FloatVectorMath}, built from exact lanewise
     * arithmetic: the Vector API's own math operators are the x86 SVML routines once C2 compiles a loop but
     * Math per lane before, so their results changed in the last bit after a few thousand identical calls
     * (DeterminismTest holds every path to one answer per input).
     */
    static int row(UnaryOp op, float[] a, int ao, float[] c, int co, int n) {
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
            case EXP -> i = FloatVectorMath.exp(a, ao, c, co, n - n % FloatVectorMath.L);
            case LOG -> i = FloatVectorMath.log(a, ao, c, co, n - n % FloatVectorMath.L);
            case TANH -> i = FloatVectorMath.tanh(a, ao, c, co, n - n % FloatVectorMath.L);
            case SIGMOID -> i = FloatVectorMath.sigmoid(a, ao, c, co, n - n % FloatVectorMath.L);
            case SIN -> i = FloatVectorMath.sinCos(a, ao, c, co, n - n % FloatVectorMath.L, false);
            case COS -> i = FloatVectorMath.sinCos(a, ao, c, co, n - n % FloatVectorMath.L, true);
            case ERF -> i = FloatVectorMath.erf(a, ao, c, co, n - n % FloatVectorMath.L);
            default -> { }
        }
        return i;
    }
}
