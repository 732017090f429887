package dev.jgrad.backend.cpu;

import dev.jgrad.backend.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API loops of {@link FloatUnaryKernels}, kept apart so that jgrad links without the
 * jdk.incubator.vector module: only calls behind {@link KernelConfig#VECTOR} reach this class.
 */
final class FloatUnaryVector {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private FloatUnaryVector() {}

    /** Returns how many leading elements it handled (0 for ops without a vector form). */
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
}
