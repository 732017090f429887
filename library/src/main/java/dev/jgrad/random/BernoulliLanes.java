package dev.jgrad.random;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CpuRng#bernoulli}'s comparison on long lanes, element for element the scalar one: each element's two engine
 * words (high word first) read as one long lane, rotated into place, masked to 53 bits and compared with the limit.
 * A dropout mask of mnist's first layer (589824 elements) spent about 0.45 ms in the scalar loop, which C2 does not
 * vectorise (two ints into a long). Only reached behind {@link dev.jgrad.backend.cpu.KernelConfig#VECTOR}.
 */
final class BernoulliLanes {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, L.vectorShape());
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class, L.vectorShape());
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(L.vectorBitSize() / 2));
    private static final int VL = L.length();
    private static final long LOW_53_BITS = (1L << 53) - 1;

    private BernoulliLanes() {}

    /**
     * The draws of elements e below m whose words are words[2 e], words[2 e + 1]: whether each is below limit. Lane
     * k of the ints reinterpreted as longs is (words[2 k + 1] &lt;&lt; 32) | words[2 k] (the lanes' little-endian
     * order), so a rotation by 32 puts the high word on top.
     */
    private static VectorMask<Long> below(int[] words, int e, long limit) {
        LongVector bits = IntVector.fromArray(I, words, 2 * e).reinterpretAsLongs();
        return bits.lanewise(VectorOperators.ROL, 32).and(LOW_53_BITS).compare(VectorOperators.LT, limit);
    }

    /** dst[off + e] = 1 when draw e is below limit, else 0, for whole vectors of e below m; returns how many it did. */
    static int below(int[] words, int m, long limit, float[] dst, int off) {
        int e = 0;
        for (; e + VL <= m; e += VL) FloatVector.zero(F).blend(1f, below(words, e, limit).cast(F)).intoArray(dst, off + e);
        return e;
    }

    /** {@link #below(int[], int, long, float[], int)} into a float64 array. */
    static int below(int[] words, int m, long limit, double[] dst, int off) {
        int e = 0;
        for (; e + VL <= m; e += VL) DoubleVector.zero(D).blend(1.0, below(words, e, limit).cast(D)).intoArray(dst, off + e);
        return e;
    }
}
