package dev.jgrad.backend.cpu;

import dev.jgrad.backend.View;

/** Batched matrix products on the CPU: one {@link Gemm} call per batch entry, batches split across threads. */
final class CpuMatmul {
    private CpuMatmul() {}

    static void matmul(View a, View b, View out, boolean accumulate) {
        int[] os = out.shape();
        int nd = os.length, bd = nd - 2;
        int n = os[nd - 2], m = os[nd - 1], k = a.shape()[nd - 1];
        if (out.numel() == 0) return;
        int[] batch = java.util.Arrays.copyOf(os, bd);
        int batches = 1;
        for (int s : batch) batches *= s;
        int[] sa = a.strides(), sb = b.strides(), so = out.strides();
        if (batches == 1) {
            gemm(a, a.offset(), b, b.offset(), out, out.offset(), n, m, k, accumulate);
            return;
        }
        long flopsPerBatch = (long) n * m * Math.max(k, 1);
        int grain = (int) Math.max(1, Math.min(batches, (1 << 18) / flopsPerBatch));
        Parallel.forRange(batches, grain, (from, to) -> {
            for (int i = from; i < to; i++) {
                int offA = a.offset(), offB = b.offset(), offO = out.offset(), rem = i;
                for (int d = bd - 1; d >= 0; d--) {
                    int idx = rem % batch[d];
                    rem /= batch[d];
                    offA += idx * sa[d];
                    offB += idx * sb[d];
                    offO += idx * so[d];
                }
                gemm(a, offA, b, offB, out, offO, n, m, k, accumulate);
            }
        });
    }

    /** out (row-major n x m at outOff, rows m apart) = or += the last two dims of a (at offA) times those of b (at offB). */
    private static void gemm(View a, int offA, View b, int offB, View out, int outOff, int n, int m, int k, boolean acc) {
        int na = a.dim(), nb = b.dim();
        int ars = a.strides()[na - 2], acs = a.strides()[na - 1], brs = b.strides()[nb - 2], bcs = b.strides()[nb - 1];
        Object ad = ArrayStorage.data(a), bd = ArrayStorage.data(b), od = ArrayStorage.data(out);
        switch (out.dtype()) {
            case FLOAT32 -> Gemm.sgemm(n, m, k, (float[]) ad, offA, ars, acs, (float[]) bd, offB, brs, bcs, (float[]) od, outOff, m, acc);
            case FLOAT64 -> Gemm.dgemm(n, m, k, (double[]) ad, offA, ars, acs, (double[]) bd, offB, brs, bcs, (double[]) od, outOff, m, acc);
            default -> longGemm(n, m, k, (long[]) ad, offA, ars, acs, (long[]) bd, offB, brs, bcs, (long[]) od, outOff, acc);
        }
    }

    private static void longGemm(int n, int m, int k, long[] a, int ao, int ars, int acs, long[] b, int bo, int brs, int bcs,
                                 long[] c, int co, boolean acc) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                long s = acc ? c[co + i * m + j] : 0;
                for (int p = 0; p < k; p++) s += a[ao + i * ars + p * acs] * b[bo + p * brs + j * bcs];
                c[co + i * m + j] = s;
            }
        }
    }
}
