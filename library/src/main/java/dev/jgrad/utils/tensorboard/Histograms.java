package dev.jgrad.utils.tensorboard;

import java.util.Arrays;

/**
 * PyTorch's make_histogram: numpy.histogram of the values over the bucket edges, trimmed to the
 * buckets that hold values plus one empty bucket on the left (TensorBoard keeps right edges only),
 * with min, max, count, sum and sum of squares.
 */
final class Histograms {
    private Histograms() {}

    /** HistogramProto's fields. */
    record Histogram(double min, double max, double num, double sum, double sumSquares, double[] bucketLimit, double[] bucket) {
        Proto toProto() {
            return new Proto().double64(1, min).double64(2, max).double64(3, num).double64(4, sum).double64(5, sumSquares)
                    .packedDoubles(6, bucketLimit).packedDoubles(7, bucket);
        }
    }

    static Proto make(double[] values, double[] edges) { return compute(values, edges).toProto(); }

    static Histogram compute(double[] values, double[] edges) {
        if (values.length == 0) throw new IllegalArgumentException("The input has no element.");
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int nb = edges.length - 1;
        long[] counts = new long[nb];
        // numpy: bucket i holds edges[i] <= x < edges[i+1]; the last one also holds its right edge
        long prev = lowerBound(sorted, edges[0]);
        for (int i = 0; i < nb; i++) {
            long cum = i + 1 < nb ? lowerBound(sorted, edges[i + 1]) : upperBound(sorted, edges[nb]);
            counts[i] = cum - prev;
            prev = cum;
        }
        int first = -1, last = -1;
        for (int i = 0; i < nb; i++) {
            if (counts[i] > 0) {
                if (first < 0) first = i;
                last = i;
            }
        }
        if (first < 0) {  // nothing inside the edges: numpy's searchsorted gives start 0, end 1
            first = 0;
            last = 0;
        }
        double[] bucket, limits;
        if (first > 0) {
            bucket = new double[last - first + 2];
            for (int i = first - 1; i <= last; i++) bucket[i - first + 1] = counts[i];
        } else {
            bucket = new double[last + 2];
            for (int i = 0; i <= last; i++) bucket[i + 1] = counts[i];
        }
        limits = Arrays.copyOfRange(edges, first, last + 2);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sumSq = 0;
        boolean nan = false;
        for (double v : values) {
            if (Double.isNaN(v)) nan = true;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sumSq += v * v;
        }
        if (nan) min = max = Double.NaN;
        return new Histogram(min, max, values.length, pairwiseSum(values, 0, values.length), sumSq, limits, bucket);
    }

    /** The number of sorted values below x (searchsorted side='left'). */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** The number of sorted values at most x (searchsorted side='right'). */
    private static int upperBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** numpy's pairwise summation (values.sum() of a contiguous float64 array), so the sum has numpy's rounding. */
    static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;  // numpy starts from -0.0 only for empty sums; 0.0 + x is x for every x but -0.0
            for (int i = 0; i < n; i++) res += a[from + i];
            return n == 0 ? 0.0 : res;
        }
        if (n <= 128) {
            double[] r = new double[8];
            for (int j = 0; j < 8; j++) r[j] = a[from + j];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) r[j] += a[from + i + j];
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) res += a[from + i];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
    }
}
