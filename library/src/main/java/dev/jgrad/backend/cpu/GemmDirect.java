package dev.jgrad.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Unpacked GEMM loops for products too small or too thin to repay packing: one pass over each operand.
 * {@link Gemm} splits a big thin product into row or column ranges and calls these per thread.
 *
 * <p>Each vector-wide block of a C row is accumulated in registers over all of k, four rows at a time so
 * they share each B load. Column blocks that are ragged, or whose B columns are not contiguous, are first
 * staged into thread-local scratch (B: k x lanes, C: m x lanes). Products of a few dozen multiply-adds
 * (a 2x3 by 3x2) skip all that for plain scalar loops, and a matrix-vector product is a row of dot products.
 * Only reached behind {@link KernelConfig#VECTOR}: this class links only with the jdk.incubator.vector module.
 */
final class GemmDirect {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /** Up to this many multiply-adds, scalar loops beat any vector set-up. */
    private static final long SCALAR_MACS = 128;

    private static final ThreadLocal<float[][]> FLOAT_SCRATCH = ThreadLocal.withInitial(() -> new float[2][]);
    private static final ThreadLocal<double[][]> DOUBLE_SCRATCH = ThreadLocal.withInitial(() -> new double[2][]);

    private GemmDirect() {}

    // Each loop nest sits in its own small method: one big method defeats C1's register allocator, never
    // reaches C2, and then runs its vector code un-intrinsified, hundreds of times slower. Vectors are never
    // passed between methods, since one that crosses a call boundary that C2 does not inline gets boxed.

    static void sgemm(int m, int n, int k, float[] a, int aOff, int ars, int acs,
                      float[] b, int bOff, int brs, int bcs, float[] c, int cOff, int ldc, boolean accumulate) {
        if ((long) m * n * k <= SCALAR_MACS) {
            Gemm.sgemmScalar(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
        } else if (n == 1 && acs == 1 && brs == 1) {
            for (int i = 0; i < m; i++) {
                float dot = dot(k, a, aOff + i * ars, b, bOff);
                int ci = cOff + i * ldc;
                c[ci] = accumulate ? c[ci] + dot : dot;
            }
        } else {
            int vl = FS.length();
            float[][] scratch = FLOAT_SCRATCH.get();
            for (int j = 0; j < n; j += vl) {
                int w = Math.min(vl, n - j);
                if (w == vl && bcs == 1) {
                    rows(m, k, a, aOff, ars, acs, b, bOff + j, brs, c, cOff + j, ldc, accumulate);
                    continue;
                }
                // A ragged or non-contiguous column block is staged into zero-padded scratch, so every vector
                // access stays inside its array: a masked access running past an array's end is very slow.
                float[] bs = scratch[0] = grow(scratch[0], k * vl);
                float[] cs = scratch[1] = grow(scratch[1], m * vl);
                for (int p = 0; p < k; p++) {
                    int src = bOff + p * brs + j * bcs;
                    for (int jj = 0; jj < w; jj++) bs[p * vl + jj] = b[src + jj * bcs];
                    for (int jj = w; jj < vl; jj++) bs[p * vl + jj] = 0f;
                }
                rows(m, k, a, aOff, ars, acs, bs, 0, vl, cs, 0, vl, false);
                for (int i = 0; i < m; i++) {
                    int ci = cOff + i * ldc + j;
                    for (int jj = 0; jj < w; jj++) c[ci + jj] = accumulate ? c[ci + jj] + cs[i * vl + jj] : cs[i * vl + jj];
                }
            }
        }
    }

    /** C[0:m, 0:lanes] (+)= A[0:m, :] * B[:, 0:lanes] for one vector-wide column block. */
    private static void rows(int m, int k, float[] a, int aOff, int ars, int acs, float[] b, int bj, int brs,
                             float[] c, int cj, int ldc, boolean accumulate) {
        int i = 0;
        for (; i + 4 <= m; i += 4) rows4(k, a, aOff + i * ars, ars, acs, b, bj, brs, c, cj + i * ldc, ldc, accumulate);
        for (; i < m; i++) row(k, a, aOff + i * ars, acs, b, bj, brs, c, cj + i * ldc, accumulate);
    }

    /**
     * Four rows of one column block. Each row keeps two accumulators (even and odd k), so eight fma chains
     * are in flight: enough to hide fma latency on cores that issue two full-width fmas per cycle.
     */
    private static void rows4(int k, float[] a, int a0, int ars, int acs, float[] b, int bj, int brs,
                              float[] c, int c0, int ldc, boolean accumulate) {
        int a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        FloatVector s0 = FloatVector.zero(FS), s1 = FloatVector.zero(FS), s2 = FloatVector.zero(FS), s3 = FloatVector.zero(FS);
        FloatVector t0 = FloatVector.zero(FS), t1 = FloatVector.zero(FS), t2 = FloatVector.zero(FS), t3 = FloatVector.zero(FS);
        int p = 0;
        for (; p + 2 <= k; p += 2) {
            FloatVector b0 = FloatVector.fromArray(FS, b, bj + p * brs);
            FloatVector b1 = FloatVector.fromArray(FS, b, bj + (p + 1) * brs);
            int q = p * acs, r = q + acs;
            s0 = FloatVector.broadcast(FS, a[a0 + q]).fma(b0, s0);
            s1 = FloatVector.broadcast(FS, a[a1 + q]).fma(b0, s1);
            s2 = FloatVector.broadcast(FS, a[a2 + q]).fma(b0, s2);
            s3 = FloatVector.broadcast(FS, a[a3 + q]).fma(b0, s3);
            t0 = FloatVector.broadcast(FS, a[a0 + r]).fma(b1, t0);
            t1 = FloatVector.broadcast(FS, a[a1 + r]).fma(b1, t1);
            t2 = FloatVector.broadcast(FS, a[a2 + r]).fma(b1, t2);
            t3 = FloatVector.broadcast(FS, a[a3 + r]).fma(b1, t3);
        }
        if (p < k) {
            FloatVector b0 = FloatVector.fromArray(FS, b, bj + p * brs);
            int q = p * acs;
            s0 = FloatVector.broadcast(FS, a[a0 + q]).fma(b0, s0);
            s1 = FloatVector.broadcast(FS, a[a1 + q]).fma(b0, s1);
            s2 = FloatVector.broadcast(FS, a[a2 + q]).fma(b0, s2);
            s3 = FloatVector.broadcast(FS, a[a3 + q]).fma(b0, s3);
        }
        int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        s0 = s0.add(t0);
        s1 = s1.add(t1);
        s2 = s2.add(t2);
        s3 = s3.add(t3);
        if (accumulate) {
            s0 = s0.add(FloatVector.fromArray(FS, c, c0));
            s1 = s1.add(FloatVector.fromArray(FS, c, c1));
            s2 = s2.add(FloatVector.fromArray(FS, c, c2));
            s3 = s3.add(FloatVector.fromArray(FS, c, c3));
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c1);
        s2.intoArray(c, c2);
        s3.intoArray(c, c3);
    }

    private static void row(int k, float[] a, int ai, int acs, float[] b, int bj, int brs,
                            float[] c, int ci, boolean accumulate) {
        FloatVector s = FloatVector.zero(FS), t = FloatVector.zero(FS);
        int p = 0;
        for (; p + 2 <= k; p += 2) {
            s = FloatVector.broadcast(FS, a[ai + p * acs]).fma(FloatVector.fromArray(FS, b, bj + p * brs), s);
            t = FloatVector.broadcast(FS, a[ai + (p + 1) * acs]).fma(FloatVector.fromArray(FS, b, bj + (p + 1) * brs), t);
        }
        if (p < k) s = FloatVector.broadcast(FS, a[ai + p * acs]).fma(FloatVector.fromArray(FS, b, bj + p * brs), s);
        s = s.add(t);
        if (accumulate) s = s.add(FloatVector.fromArray(FS, c, ci));
        s.intoArray(c, ci);
    }

    /** Dot product of k contiguous elements of a and b. */
    private static float dot(int k, float[] a, int ai, float[] b, int bj) {
        FloatVector s = FloatVector.zero(FS);
        int p = 0;
        for (; p + FS.length() <= k; p += FS.length()) {
            s = FloatVector.fromArray(FS, a, ai + p).fma(FloatVector.fromArray(FS, b, bj + p), s);
        }
        float dot = LaneSums.sum(s);  // a fixed order: reduceLanes changes its bits once C2 compiles it
        for (; p < k; p++) dot = Math.fma(a[ai + p], b[bj + p], dot);
        return dot;
    }

    private static float[] grow(float[] x, int size) {
        return x != null && x.length >= size ? x : new float[size];
    }

    static void dgemm(int m, int n, int k, double[] a, int aOff, int ars, int acs,
                      double[] b, int bOff, int brs, int bcs, double[] c, int cOff, int ldc, boolean accumulate) {
        if ((long) m * n * k <= SCALAR_MACS) {
            Gemm.dgemmScalar(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
        } else if (n == 1 && acs == 1 && brs == 1) {
            for (int i = 0; i < m; i++) {
                double dot = dot(k, a, aOff + i * ars, b, bOff);
                int ci = cOff + i * ldc;
                c[ci] = accumulate ? c[ci] + dot : dot;
            }
        } else {
            int vl = DS.length();
            double[][] scratch = DOUBLE_SCRATCH.get();
            for (int j = 0; j < n; j += vl) {
                int w = Math.min(vl, n - j);
                if (w == vl && bcs == 1) {
                    rows(m, k, a, aOff, ars, acs, b, bOff + j, brs, c, cOff + j, ldc, accumulate);
                    continue;
                }
                // A ragged or non-contiguous column block is staged into zero-padded scratch, so every vector
                // access stays inside its array: a masked access running past an array's end is very slow.
                double[] bs = scratch[0] = grow(scratch[0], k * vl);
                double[] cs = scratch[1] = grow(scratch[1], m * vl);
                for (int p = 0; p < k; p++) {
                    int src = bOff + p * brs + j * bcs;
                    for (int jj = 0; jj < w; jj++) bs[p * vl + jj] = b[src + jj * bcs];
                    for (int jj = w; jj < vl; jj++) bs[p * vl + jj] = 0.0;
                }
                rows(m, k, a, aOff, ars, acs, bs, 0, vl, cs, 0, vl, false);
                for (int i = 0; i < m; i++) {
                    int ci = cOff + i * ldc + j;
                    for (int jj = 0; jj < w; jj++) c[ci + jj] = accumulate ? c[ci + jj] + cs[i * vl + jj] : cs[i * vl + jj];
                }
            }
        }
    }

    /** C[0:m, 0:lanes] (+)= A[0:m, :] * B[:, 0:lanes] for one vector-wide column block. */
    private static void rows(int m, int k, double[] a, int aOff, int ars, int acs, double[] b, int bj, int brs,
                             double[] c, int cj, int ldc, boolean accumulate) {
        int i = 0;
        for (; i + 4 <= m; i += 4) rows4(k, a, aOff + i * ars, ars, acs, b, bj, brs, c, cj + i * ldc, ldc, accumulate);
        for (; i < m; i++) row(k, a, aOff + i * ars, acs, b, bj, brs, c, cj + i * ldc, accumulate);
    }

    /**
     * Four rows of one column block. Each row keeps two accumulators (even and odd k), so eight fma chains
     * are in flight: enough to hide fma latency on cores that issue two full-width fmas per cycle.
     */
    private static void rows4(int k, double[] a, int a0, int ars, int acs, double[] b, int bj, int brs,
                              double[] c, int c0, int ldc, boolean accumulate) {
        int a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        DoubleVector s0 = DoubleVector.zero(DS), s1 = DoubleVector.zero(DS), s2 = DoubleVector.zero(DS), s3 = DoubleVector.zero(DS);
        DoubleVector t0 = DoubleVector.zero(DS), t1 = DoubleVector.zero(DS), t2 = DoubleVector.zero(DS), t3 = DoubleVector.zero(DS);
        int p = 0;
        for (; p + 2 <= k; p += 2) {
            DoubleVector b0 = DoubleVector.fromArray(DS, b, bj + p * brs);
            DoubleVector b1 = DoubleVector.fromArray(DS, b, bj + (p + 1) * brs);
            int q = p * acs, r = q + acs;
            s0 = DoubleVector.broadcast(DS, a[a0 + q]).fma(b0, s0);
            s1 = DoubleVector.broadcast(DS, a[a1 + q]).fma(b0, s1);
            s2 = DoubleVector.broadcast(DS, a[a2 + q]).fma(b0, s2);
            s3 = DoubleVector.broadcast(DS, a[a3 + q]).fma(b0, s3);
            t0 = DoubleVector.broadcast(DS, a[a0 + r]).fma(b1, t0);
            t1 = DoubleVector.broadcast(DS, a[a1 + r]).fma(b1, t1);
            t2 = DoubleVector.broadcast(DS, a[a2 + r]).fma(b1, t2);
            t3 = DoubleVector.broadcast(DS, a[a3 + r]).fma(b1, t3);
        }
        if (p < k) {
            DoubleVector b0 = DoubleVector.fromArray(DS, b, bj + p * brs);
            int q = p * acs;
            s0 = DoubleVector.broadcast(DS, a[a0 + q]).fma(b0, s0);
            s1 = DoubleVector.broadcast(DS, a[a1 + q]).fma(b0, s1);
            s2 = DoubleVector.broadcast(DS, a[a2 + q]).fma(b0, s2);
            s3 = DoubleVector.broadcast(DS, a[a3 + q]).fma(b0, s3);
        }
        int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        s0 = s0.add(t0);
        s1 = s1.add(t1);
        s2 = s2.add(t2);
        s3 = s3.add(t3);
        if (accumulate) {
            s0 = s0.add(DoubleVector.fromArray(DS, c, c0));
            s1 = s1.add(DoubleVector.fromArray(DS, c, c1));
            s2 = s2.add(DoubleVector.fromArray(DS, c, c2));
            s3 = s3.add(DoubleVector.fromArray(DS, c, c3));
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c1);
        s2.intoArray(c, c2);
        s3.intoArray(c, c3);
    }

    private static void row(int k, double[] a, int ai, int acs, double[] b, int bj, int brs,
                            double[] c, int ci, boolean accumulate) {
        DoubleVector s = DoubleVector.zero(DS), t = DoubleVector.zero(DS);
        int p = 0;
        for (; p + 2 <= k; p += 2) {
            s = DoubleVector.broadcast(DS, a[ai + p * acs]).fma(DoubleVector.fromArray(DS, b, bj + p * brs), s);
            t = DoubleVector.broadcast(DS, a[ai + (p + 1) * acs]).fma(DoubleVector.fromArray(DS, b, bj + (p + 1) * brs), t);
        }
        if (p < k) s = DoubleVector.broadcast(DS, a[ai + p * acs]).fma(DoubleVector.fromArray(DS, b, bj + p * brs), s);
        s = s.add(t);
        if (accumulate) s = s.add(DoubleVector.fromArray(DS, c, ci));
        s.intoArray(c, ci);
    }

    /** Dot product of k contiguous elements of a and b. */
    private static double dot(int k, double[] a, int ai, double[] b, int bj) {
        DoubleVector s = DoubleVector.zero(DS);
        int p = 0;
        for (; p + DS.length() <= k; p += DS.length()) {
            s = DoubleVector.fromArray(DS, a, ai + p).fma(DoubleVector.fromArray(DS, b, bj + p), s);
        }
        double dot = LaneSums.sum(s);
        for (; p < k; p++) dot = Math.fma(a[ai + p], b[bj + p], dot);
        return dot;
    }

    private static double[] grow(double[] x, int size) {
        return x != null && x.length >= size ? x : new double[size];
    }
}
