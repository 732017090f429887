package dev.jgrad.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API loops of {@link NnKernels}, kept apart so that jgrad links without the
 * jdk.incubator.vector module: only calls behind {@link KernelConfig#VECTOR} reach this class.
 */
final class NnVector {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;

    private NnVector() {}

    /** The whole vectors of {@link NnKernels#thresholdBackwardFloat}; returns how many leading elements it did. */
    static int thresholdBackwardFloat(float t, float[] g, int go, float[] x, int xo, float[] o, int oo, int n) {
        int i = 0, bound = FS.loopBound(n);
        FloatVector zero = FloatVector.zero(FS);
        for (; i < bound; i += FS.length()) {
            var off = FloatVector.fromArray(FS, x, xo + i).compare(VectorOperators.LE, t);
            FloatVector.fromArray(FS, g, go + i).blend(zero, off).intoArray(o, oo + i);
        }
        return i;
    }

    /**
     * One float32 row of where with unit strides for cond, y and out: o = c ? x : y, x one value (xs == 0, masked_fill's
     * fill) or a unit-stride row; returns how many leading elements it did. A blend picks bits, so the scalar tail agrees.
     */
    static int whereFloatRow(boolean[] c, int co, float[] x, int xo, int xs, float[] y, int yo, float[] o, int oo, int n) {
        int i = 0, bound = FS.loopBound(n);
        FloatVector fill = FloatVector.broadcast(FS, x[xo]);
        for (; i < bound; i += FS.length()) {
            var m = jdk.incubator.vector.VectorMask.fromArray(FS, c, co + i);
            FloatVector a = xs == 0 ? fill : FloatVector.fromArray(FS, x, xo + i);
            FloatVector.fromArray(FS, y, yo + i).blend(a, m).intoArray(o, oo + i);
        }
        return i;
    }

    /** The whole vectors of {@link NnKernels#addcFloat}; returns how many leading elements it did. */
    static int addcFloat(float[] self, int so, float[] a, int ao, float[] b, int bo, int n, float value, boolean mul) {
        int i = 0, bound = FS.loopBound(n);
        FloatVector v = FloatVector.broadcast(FS, value);
        if (mul) {
            for (; i < bound; i += FS.length()) {
                FloatVector prod = FloatVector.fromArray(FS, a, ao + i).mul(v);
                prod.fma(FloatVector.fromArray(FS, b, bo + i), FloatVector.fromArray(FS, self, so + i)).intoArray(self, so + i);
            }
        } else {
            for (; i < bound; i += FS.length()) {
                FloatVector q = FloatVector.fromArray(FS, a, ao + i).mul(v).div(FloatVector.fromArray(FS, b, bo + i));
                FloatVector.fromArray(FS, self, so + i).add(q).intoArray(self, so + i);
            }
        }
        return i;
    }
}
