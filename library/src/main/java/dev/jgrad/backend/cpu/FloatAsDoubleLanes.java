package dev.jgrad.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 rows computed in double lanes, for the row kernels that sum in double without copying the tensor
 * ({@link LayerNormRows}, {@link SoftmaxRows}): half a preferred float vector widened to double fills one
 * preferred double vector. Sums add their lanes in lane order, never with reduceLanes(ADD), whose order C2 may
 * change. Only reached behind {@link KernelConfig#VECTOR}.
 */
final class FloatAsDoubleLanes {
    /** Half a preferred float vector: widened to double it fills one preferred double vector. */
    static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
            VectorShape.forBitSize(FloatVector.SPECIES_PREFERRED.vectorBitSize() / 2));
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final int L = F.length();

    private FloatAsDoubleLanes() {}

    /** The L floats at a[i..] as doubles. */
    static DoubleVector widen(float[] a, int i) {
        return (DoubleVector) FloatVector.fromArray(F, a, i).convertShape(VectorOperators.F2D, D, 0);
    }

    /** v's lanes rounded to float into c[i..]. */
    static void narrow(DoubleVector v, float[] c, int i) {
        ((FloatVector) v.convertShape(VectorOperators.D2F, F, 0)).intoArray(c, i);
    }

    /** The sum of v's lanes, added from lane 0 up. */
    static double lanesInOrder(DoubleVector v) {
        double s = 0;
        for (double lane : v.toArray()) s += lane;
        return s;
    }
}
