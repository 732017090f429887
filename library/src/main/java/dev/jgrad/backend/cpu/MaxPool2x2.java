package dev.jgrad.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 2x2, stride-2 float32 max pool without padding (CNNs' usual pool) on float lanes, a row of outputs at a time:
 * two vectors of each input row of the pair hold 2 VL consecutive inputs, and two-vector permutes split them into the
 * windows' left and right columns. The four candidates are compared in the window's order, (0,0), (0,1), (1,0), (1,1),
 * as {@link ConvKernels}' scalar loop does (the first maximum wins; a NaN wins, the last one), so results and indices
 * are the same bits. An earlier form gathered each candidate through an offsets table: four gathers per vector of
 * outputs, 3 ms for mnist's [64, 64, 24, 24] on one thread. Only reached behind {@link KernelConfig#VECTOR}.
 */
final class MaxPool2x2 {
    private MaxPool2x2() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, S.vectorShape());
    /** Longs of the same count as half the floats: an int vector converts into two of these. */
    private static final VectorSpecies<Long> LONGS = VectorSpecies.of(long.class, S.vectorShape());
    private static final int LL = LONGS.length();
    /** Lane indexes for selectFrom(v1, v2), whose lanes are numbered 0..2 VL - 1: even lanes, odd lanes. */
    private static final FloatVector EVEN = lanes(0), ODD = lanes(1);
    /** 0, 2, 4, ...: each output lane's offset from the row's first window. */
    private static final IntVector TWICE_IOTA = IntVector.zero(INTS).addIndex(2);

    private static FloatVector lanes(int first) {
        float[] f = new float[VL];
        for (int i = 0; i < VL; i++) f[i] = first + 2 * i;
        return FloatVector.fromArray(S, f, 0);
    }

    /**
     * Planes [from, to) of src (dense planes of h x w) into dst and ind (dense planes of oh x ow), with
     * 2 oh &lt;= h and 2 ow &lt;= w; indices are positions within the input plane.
     */
    static void pool(float[] src, int h, int w, int oh, int ow, int from, int to, float[] dst, long[] ind) {
        for (int p = from; p < to; p++) {
            for (int y = 0; y < oh; y++) row(src, p * h * w, 2 * y * w, w, ow, dst, ind, (p * oh + y) * ow);
        }
    }

    /** The ow outputs whose windows start at row offset at (within the plane at in) into dst[o..], ind[o..]. */
    private static void row(float[] src, int in, int at, int w, int ow, float[] dst, long[] ind, int o) {
        for (int x = 0; x < ow; x += VL) {
            int top = in + at + 2 * x, bottom = top + w, n = Math.min(VL, ow - x);
            if (bottom + 2 * VL > src.length) {  // the array's last row: its vectors would read past the end
                for (int k = x; k < ow; k++) ConvKernels.max2x2(src, in, at + 2 * k, w, dst, ind, o + k);
                return;
            }
            FloatVector t0 = FloatVector.fromArray(S, src, top), t1 = FloatVector.fromArray(S, src, top + VL);
            FloatVector b0 = FloatVector.fromArray(S, src, bottom), b1 = FloatVector.fromArray(S, src, bottom + VL);
            FloatVector v0 = EVEN.selectFrom(t0, t1), v1 = ODD.selectFrom(t0, t1);
            FloatVector v2 = EVEN.selectFrom(b0, b1), v3 = ODD.selectFrom(b0, b1);
            IntVector corner = TWICE_IOTA.add(at + 2 * x);
            VectorMask<Float> m1 = v1.compare(VectorOperators.GT, v0).or(v1.test(VectorOperators.IS_NAN));
            FloatVector best = v0.blend(v1, m1);
            IntVector bestAt = corner.blend(corner.add(1), m1.cast(INTS));
            VectorMask<Float> m2 = v2.compare(VectorOperators.GT, best).or(v2.test(VectorOperators.IS_NAN));
            best = best.blend(v2, m2);
            bestAt = bestAt.blend(corner.add(w), m2.cast(INTS));
            VectorMask<Float> m3 = v3.compare(VectorOperators.GT, best).or(v3.test(VectorOperators.IS_NAN));
            best = best.blend(v3, m3);
            bestAt = bestAt.blend(corner.add(w + 1), m3.cast(INTS));
            if (n == VL) best.intoArray(dst, o + x);
            else best.intoArray(dst, o + x, S.indexInRange(0, n));
            for (int part = 0; part * LL < n; part++) {
                LongVector at64 = (LongVector) bestAt.convertShape(VectorOperators.I2L, LONGS, part);
                int count = n - part * LL;
                if (count >= LL) at64.intoArray(ind, o + x + part * LL);
                else at64.intoArray(ind, o + x + part * LL, LONGS.indexInRange(0, count));
            }
        }
    }
}
