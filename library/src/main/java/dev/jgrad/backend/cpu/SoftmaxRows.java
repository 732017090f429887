package dev.jgrad.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import static dev.jgrad.backend.cpu.FloatAsDoubleLanes.D;
import static dev.jgrad.backend.cpu.FloatAsDoubleLanes.F;
import static dev.jgrad.backend.cpu.FloatAsDoubleLanes.L;
import static dev.jgrad.backend.cpu.FloatAsDoubleLanes.lanesInOrder;
import static dev.jgrad.backend.cpu.FloatAsDoubleLanes.narrow;
import static dev.jgrad.backend.cpu.FloatAsDoubleLanes.widen;

/**
 * float32 softmax and log_softmax over the last dim of a dense tensor, rows split over threads: the same
 * arithmetic as the general kernel ({@link NnKernels#softmax}: the row's max, a double sum of exp(x - max),
 * the result formed in double and rounded once), with exp from {@link FloatVectorMath#exp(DoubleVector)}
 * a vector of lanes at a time and no copy of the tensor to doubles. The sum keeps one partial per lane,
 * added in lane order at the end (never reduceLanes(ADD)), and the row's tail runs through the same vector
 * exp, so every call gives the same bits. Only reached behind {@link KernelConfig#VECTOR}.
 */
final class SoftmaxRows {

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final int FL = FS.length();

    private SoftmaxRows() {}

    /** Rows of length size from x[0..] into out[0..], each row independent of the others. */
    static void softmax(float[] x, float[] out, int rows, int size, boolean log) {
        Parallel.forRange(rows, Math.max(1, Parallel.ELEMENTWISE_GRAIN / 8 / Math.max(1, size)), (from, to) -> {
            double[] tail = new double[L], e = new double[size - size % L];
            for (int r = from; r < to; r++) row(x, out, r * size, size, log, tail, e);
        });
    }

    /** e holds the row's exp(x - max) between the sum and the division, so each exp is computed once. */
    private static void row(float[] x, float[] out, int at, int size, boolean log, double[] tail, double[] e) {
        int bound = size - size % L;
        double shift = rowMax(x, at, size);
        DoubleVector acc = DoubleVector.zero(D);
        for (int k = 0; k < bound; k += L) {
            DoubleVector v = FloatVectorMath.exp(widen(x, at + k).sub(shift));
            if (!log) v.intoArray(e, k);
            acc = acc.add(v);
        }
        double sum = lanesInOrder(acc);
        int rest = size - bound;
        double[] et = null;
        if (rest > 0) {
            java.util.Arrays.fill(tail, Double.NEGATIVE_INFINITY);
            for (int k = 0; k < rest; k++) tail[k] = (double) x[at + bound + k] - shift;
            et = FloatVectorMath.exp(DoubleVector.fromArray(D, tail, 0)).toArray();
            for (int k = 0; k < rest; k++) sum += et[k];
        }
        if (log) {
            double logSum = Math.log(sum);
            for (int k = 0; k < size; k++) out[at + k] = (float) ((double) x[at + k] - shift - logSum);
        } else {
            for (int k = 0; k < bound; k += L) narrow(DoubleVector.fromArray(D, e, k).div(sum), out, at + k);
            for (int k = 0; k < rest; k++) out[at + bound + k] = (float) (et[k] / sum);
        }
    }

    /** The row's max: exact in any order, and NaN when any element is (Math.max's rule, lanes and tail alike). */
    private static float rowMax(float[] x, int at, int size) {
        int bound = size - size % FL;
        float max = Float.NEGATIVE_INFINITY;
        if (bound > 0) {
            FloatVector m = FloatVector.fromArray(FS, x, at);
            for (int k = FL; k < bound; k += FL) m = m.max(FloatVector.fromArray(FS, x, at + k));
            max = m.reduceLanes(VectorOperators.MAX);
        }
        for (int k = bound; k < size; k++) max = Math.max(max, x[at + k]);
        return max;
    }

    // two loops rather than one with a choice of vector expressions inside: a merge of two vector values can keep
    // C2 from unboxing them

    private static double rowSum(float[] g, int gt, int bound) {
        DoubleVector acc = DoubleVector.zero(D);
        for (int k = 0; k < bound; k += L) acc = acc.add(widen(g, gt + k));
        return lanesInOrder(acc);
    }

    private static double rowDot(float[] g, int gt, float[] y, int yt, int bound) {
        DoubleVector acc = DoubleVector.zero(D);
        for (int k = 0; k < bound; k += L) acc = widen(g, gt + k).fma(widen(y, yt + k), acc);
        return lanesInOrder(acc);
    }

    /**
     * softmax's backward over rows of length size, y the forward's result: out = y (g - sum(g y)), or for
     * log_softmax out = g - exp(y) sum(g). Products and sums in double (lane partials added in lane order, then the
     * tail), the result rounded once; a row's bits depend only on the row.
     */
    static void backward(float[] g, int go, float[] y, int yo, float[] out, int oo, int rows, int size, boolean log) {
        Parallel.forRange(rows, Math.max(1, Parallel.ELEMENTWISE_GRAIN / 8 / Math.max(1, size)), (from, to) -> {
            double[] tail = new double[L];
            for (int r = from; r < to; r++) {
                int gt = go + r * size, yt = yo + r * size, ot = oo + r * size;
                if (log) logRowBackward(g, gt, y, yt, out, ot, size, tail);
                else rowBackward(g, gt, y, yt, out, ot, size);
            }
        });
    }

    // One row per call, in methods of their own: with both kinds of row in the lambda, C2 did not inline the widening
    // conversions there and ran them boxed (in a GPT step's profile, the Vector API's fallback convert0).

    private static void rowBackward(float[] g, int gt, float[] y, int yt, float[] out, int ot, int size) {
        int bound = size - size % L;
        double sum = rowDot(g, gt, y, yt, bound);
        for (int k = bound; k < size; k++) sum = Math.fma(g[gt + k], (double) y[yt + k], sum);
        for (int k = 0; k < bound; k += L) narrow(widen(y, yt + k).mul(widen(g, gt + k).sub(sum)), out, ot + k);
        for (int k = bound; k < size; k++) out[ot + k] = (float) ((double) y[yt + k] * (g[gt + k] - sum));
    }

    private static void logRowBackward(float[] g, int gt, float[] y, int yt, float[] out, int ot, int size, double[] tail) {
        int bound = size - size % L;
        double sum = rowSum(g, gt, bound);
        for (int k = bound; k < size; k++) sum = sum + g[gt + k];
        for (int k = 0; k < bound; k += L) {
            narrow(widen(g, gt + k).sub(FloatVectorMath.exp(widen(y, yt + k)).mul(sum)), out, ot + k);
        }
        if (bound < size) {
            java.util.Arrays.fill(tail, 0);
            for (int k = bound; k < size; k++) tail[k - bound] = y[yt + k];
            double[] e = FloatVectorMath.exp(DoubleVector.fromArray(D, tail, 0)).toArray();
            for (int k = bound; k < size; k++) out[ot + k] = (float) (g[gt + k] - e[k - bound] * sum);
        }
    }
}
