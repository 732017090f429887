package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.backend.View;

/**
 * sort along a dim: a stable merge sort of each line's positions, so equal values keep their order
 * whether or not the caller asked for stability (PyTorch's CPU sort is stable too). NaN ranks above
 * every number, so it comes last ascending and first descending, as in PyTorch.
 */
final class CpuSorting {
    private CpuSorting() {}

    static void sort(View x, int dim, boolean descending, View values, View indices) {
        int[] shape = x.shape();
        int n = shape.length == 0 ? 1 : shape[dim];
        int inner = Math.max(1, product(shape, dim + 1));
        int outer = n * inner == 0 ? 0 : x.numel() / (n * inner);
        boolean integral = !x.dtype().isFloatingPoint();
        // int64 keys compare as longs (doubles would merge values above 2^53); everything else as doubles
        long[] lkeys = integral ? (long[]) CpuBackend.INSTANCE.toHost(x, DType.INT64) : null;
        double[] dkeys = integral ? null : CpuBackend.doubles(x);
        long[] order = new long[x.numel()];
        int[] line = new int[n], scratch = new int[n];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                for (int k = 0; k < n; k++) line[k] = k;
                Order cmp = integral ? (a, b) -> Long.compare(lkeys[base + a * inner], lkeys[base + b * inner])
                        : (a, b) -> compareNanLast(dkeys[base + a * inner], dkeys[base + b * inner]);
                mergeSort(line, scratch, 0, n, descending ? (a, b) -> cmp.compare(b, a) : cmp);
                for (int k = 0; k < n; k++) order[base + k * inner] = line[k];
            }
        }
        View idx = CpuBackend.contiguous(ArrayStorage.wrap(order), shape);
        CpuBackend.INSTANCE.copy(idx, indices);
        CpuNn.gather(CpuBackend.dense(x, x.dtype()), dim, idx, values);
    }

    private static int product(int[] shape, int from) {
        int p = 1;
        for (int d = from; d < shape.length; d++) p *= shape[d];
        return p;
    }

    @FunctionalInterface
    private interface Order { int compare(int a, int b); }

    private static int compareNanLast(double a, double b) {
        boolean na = Double.isNaN(a), nb = Double.isNaN(b);
        if (na || nb) return na == nb ? 0 : na ? 1 : -1;
        return Double.compare(a == 0 ? 0.0 : a, b == 0 ? 0.0 : b);  // -0.0 and 0.0 are equal, as in C++
    }

    /** Stable: of two equal keys, the earlier position stays first. */
    private static void mergeSort(int[] a, int[] tmp, int lo, int hi, Order cmp) {
        if (hi - lo < 2) return;
        if (hi - lo <= 16) {
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i], j = i - 1;
                while (j >= lo && cmp.compare(a[j], v) > 0) a[j + 1] = a[j--];
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, cmp);
        mergeSort(a, tmp, mid, hi, cmp);
        if (cmp.compare(a[mid - 1], a[mid]) <= 0) return;
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) a[k++] = cmp.compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
        while (i < mid) a[k++] = tmp[i++];
        while (j < hi) a[k++] = tmp[j++];
    }
}
