package dev.jgrad.backend.cpu;

import dev.jgrad.backend.BinaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API loops of {@link FloatBinaryKernels}, kept apart so that jgrad links without the
 * jdk.incubator.vector module: only calls behind {@link KernelConfig#VECTOR} reach this class.
 */
final class FloatBinaryVector {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private FloatBinaryVector() {}

    static void contiguous(BinaryOp op, float alpha, float[] a, int ao, float[] b, int bo,
                           float[] c, int co, int n) {
        int i = 0, bound = S.loopBound(n);
        switch (op) {
            case ADD -> {
                if (alpha == 1f) {
                    for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).add(FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i);
                } else {
                    FloatVector va = FloatVector.broadcast(S, alpha);
                    for (; i < bound; i += L) FloatVector.fromArray(S, b, bo + i).fma(va, FloatVector.fromArray(S, a, ao + i)).intoArray(c, co + i);
                }
            }
            case MUL -> { for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).mul(FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i); }
            case DIV -> { for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).div(FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i); }
            case MAXIMUM -> { for (; i < bound; i += L) max(FloatVector.fromArray(S, a, ao + i), FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i); }
            case MINIMUM -> { for (; i < bound; i += L) min(FloatVector.fromArray(S, a, ao + i), FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i); }
            default -> { }
        }
        FloatBinaryKernels.strided(op, alpha, a, ao + i, 1, b, bo + i, 1, c, co + i, 1, n - i);
    }

    static void scalarRight(BinaryOp op, float alpha, float[] a, int ao, float s, float[] c, int co, int n) {
        int i = 0, bound = S.loopBound(n);
        switch (op) {
            case ADD -> {
                if (alpha == 1f) {
                    FloatVector vs = FloatVector.broadcast(S, s);
                    for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).add(vs).intoArray(c, co + i);
                } else {
                    FloatVector vb = FloatVector.broadcast(S, s), va = FloatVector.broadcast(S, alpha);
                    for (; i < bound; i += L) vb.fma(va, FloatVector.fromArray(S, a, ao + i)).intoArray(c, co + i);
                }
            }
            case MUL -> { FloatVector vs = FloatVector.broadcast(S, s); for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).mul(vs).intoArray(c, co + i); }
            case DIV -> { FloatVector vs = FloatVector.broadcast(S, s); for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).div(vs).intoArray(c, co + i); }
            case MAXIMUM -> { FloatVector vs = FloatVector.broadcast(S, s); for (; i < bound; i += L) max(FloatVector.fromArray(S, a, ao + i), vs).intoArray(c, co + i); }
            case MINIMUM -> { FloatVector vs = FloatVector.broadcast(S, s); for (; i < bound; i += L) min(FloatVector.fromArray(S, a, ao + i), vs).intoArray(c, co + i); }
            default -> { }
        }
        float[] sb = {s};
        FloatBinaryKernels.strided(op, alpha, a, ao + i, 1, sb, 0, 0, c, co + i, 1, n - i);
    }

    static void scalarLeft(BinaryOp op, float alpha, float s, float[] b, int bo, float[] c, int co, int n) {
        int i = 0, bound = S.loopBound(n);
        FloatVector vs = FloatVector.broadcast(S, s);
        switch (op) {
            case ADD -> {
                if (alpha == 1f) {
                    for (; i < bound; i += L) vs.add(FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i);
                } else {
                    FloatVector va = FloatVector.broadcast(S, alpha);
                    for (; i < bound; i += L) FloatVector.fromArray(S, b, bo + i).fma(va, vs).intoArray(c, co + i);
                }
            }
            case MUL -> { for (; i < bound; i += L) vs.mul(FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i); }
            case DIV -> { for (; i < bound; i += L) vs.div(FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i); }
            default -> { }
        }
        float[] sa = {s};
        FloatBinaryKernels.strided(op, alpha, sa, 0, 0, b, bo + i, 1, c, co + i, 1, n - i);
    }

    // Lanewise FloatBinaryKernels.max/min: NaN wins, ties keep the first operand.
    private static FloatVector max(FloatVector a, FloatVector b) {
        return a.blend(b, a.lt(b)).blend(b, b.test(VectorOperators.IS_NAN));
    }

    private static FloatVector min(FloatVector a, FloatVector b) {
        return a.blend(b, b.lt(a)).blend(b, b.test(VectorOperators.IS_NAN));
    }
}
