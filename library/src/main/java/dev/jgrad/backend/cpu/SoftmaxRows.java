package dev.jgrad.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 softmax and log_softmax over the last dim of a dense tensor, rows split over threads: the same
 * arithmetic as the general kernel ({@link NnKernels#softmax}: the row's max, a double sum of exp(x - max),
 * the result formed in double and rounded once), with exp from {@link FloatVectorMath#exp(DoubleVector)}
 * a vector of lanes at a time and no copy of the tensor to doubles. The sum keeps one partial per lane,
 * added in lane order at the end (never reduceLanes(ADD)), and the row's tail runs through the same vector
 * exp, so every call gives the same bits. Only reached behind {@link KernelConfig#VECTOR}.
 */
final class SoftmaxRows {
    /** Half a preferred float vector: widened to double it fills one preferred double vector. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
            VectorShape.forBitSize(FloatVector.SPECIES_PREFERRED.vectorBitSize() / 2));
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int L = F.length();

    private SoftmaxRows() {}

    /** Rows of length size from x[0..] into out[0..], each row independent of the others. */
    static void softmax(float[] x, float[] out, int rows, int size, boolean log) {
        Parallel.forRange(rows, Math.max(1, Parallel.ELEMENTWISE_GRAIN / 8 / Math.max(1, size)), (from, to) -> {
            double[] tail = new double[L];
            for (int r = from; r < to; r++) row(x, out, r * size, size, log, tail);
        });
    }

    private static DoubleVector widen(float[] a, int i) {
        return (DoubleVector) FloatVector.fromArray(F, a, i).convertShape(VectorOperators.F2D, D, 0);
    }

    private static void row(float[] x, float[] out, int at, int size, boolean log, double[] tail) {
        int bound = size - size % L;
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < size; k++) max = Math.max(max, x[at + k]);  // NaN propagates, as in the general kernel
        double shift = max;
        DoubleVector acc = DoubleVector.zero(D);
        for (int k = 0; k < bound; k += L) acc = acc.add(FloatVectorMath.exp(widen(x, at + k).sub(shift)));
        double[] lanes = acc.toArray();
        double sum = 0;
        for (double lane : lanes) sum += lane;
        int rest = size - bound;
        if (rest > 0) {
            java.util.Arrays.fill(tail, Double.NEGATIVE_INFINITY);
            for (int k = 0; k < rest; k++) tail[k] = (double) x[at + bound + k] - shift;
            double[] e = FloatVectorMath.exp(DoubleVector.fromArray(D, tail, 0)).toArray();
            for (int k = 0; k < rest; k++) sum += e[k];
        }
        if (log) {
            double logSum = Math.log(sum);
            for (int k = 0; k < size; k++) out[at + k] = (float) ((double) x[at + k] - shift - logSum);
        } else {
            for (int k = 0; k < bound; k += L) {
                DoubleVector v = FloatVectorMath.exp(widen(x, at + k).sub(shift)).div(sum);
                ((FloatVector) v.convertShape(VectorOperators.D2F, F, 0)).intoArray(out, at + k);
            }
            if (rest > 0) {
                for (int k = 0; k < rest; k++) tail[k] = (double) x[at + bound + k] - shift;
                double[] e = FloatVectorMath.exp(DoubleVector.fromArray(D, tail, 0)).toArray();
                for (int k = 0; k < rest; k++) out[at + bound + k] = (float) (e[k] / sum);
            }
        }
    }
}
