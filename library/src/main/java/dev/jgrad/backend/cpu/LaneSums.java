package dev.jgrad.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum of a vector's lanes in one fixed order, the same in every JVM state.
 *
 * <p>{@code reduceLanes(ADD)} leaves its order of additions unspecified, and it really differs: the Java
 * code that runs before C2 compiles a loop adds lanes 0, 1, 2, ... in turn, C2's intrinsic adds them as
 * a tree. A float sum then changes its last bits after a few thousand identical calls. Here the order is
 * written out as lanewise additions of the vector and its lanes shifted by half, a quarter, ... of its
 * width (a pairwise tree whose lane 0 ends up holding the sum). Each step is an exact IEEE addition per
 * lane, so the interpreter, C1 and C2 all produce the same bits, at about the cost of reduceLanes.
 */
final class LaneSums {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /** FLOAT_FOLDS[j] moves lane i + (FS.length() >> (j + 1)) to lane i. */
    private static final VectorShuffle<Float>[] FLOAT_FOLDS = folds(FS);
    private static final VectorShuffle<Double>[] DOUBLE_FOLDS = folds(DS);

    private LaneSums() {}

    @SuppressWarnings("unchecked")
    private static <E> VectorShuffle<E>[] folds(VectorSpecies<E> species) {
        int n = species.length();
        int steps = Integer.numberOfTrailingZeros(n);
        VectorShuffle<E>[] folds = new VectorShuffle[steps];
        for (int j = 0, half = n / 2; j < steps; j++, half /= 2) {
            int[] from = new int[n];
            for (int i = 0; i < n; i++) from[i] = (i + half) % n;
            folds[j] = VectorShuffle.fromValues(species, from);
        }
        return folds;
    }

    /** Sum of the lanes of a FloatVector.SPECIES_PREFERRED vector: lane 0 of the pairwise tree. */
    static float sum(FloatVector v) {
        for (VectorShuffle<Float> fold : FLOAT_FOLDS) v = v.add(v.rearrange(fold));
        return v.lane(0);
    }

    /** Sum of the lanes of a DoubleVector.SPECIES_PREFERRED vector: lane 0 of the pairwise tree. */
    static double sum(DoubleVector v) {
        for (VectorShuffle<Double> fold : DOUBLE_FOLDS) v = v.add(v.rearrange(fold));
        return v.lane(0);
    }
}
