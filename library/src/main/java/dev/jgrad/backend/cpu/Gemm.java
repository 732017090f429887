package dev.jgrad.backend.cpu;

/**
 * Dense matrix multiply for float and double: the engine behind matmul, linear layers and their gradients.
 *
 * <p>Tiny products and vector-matrix shapes run as direct loops ({@link GemmDirect}), because packing and
 * a thread hand-off would cost more than the arithmetic. Everything else goes to the packed,
 * register-blocked kernels ({@link SgemmKernel}, {@link DgemmKernel}), split over {@link Parallel}
 * threads by column or row panels once the product is big enough to repay the hand-off.
 *
 * <p>Where OpenBLAS is installed, the size classes it measured faster on this machine go to it instead
 * ({@link OpenBlas}, {@link GemmPlan}: measured once per machine and JDK, cached, fixed for a JVM's life);
 * the Java kernels are always there and are what runs without it. Under {@code -Djgrad.fastpaths=false}, and without the jdk.incubator.vector module (which the
 * other GEMM kernels need), every product is one plain dot product per element of C.
 */
public final class Gemm {
    /** At or below this many multiply-adds, packing costs more than it saves (about 1 us of work). */
    static final long DIRECT_MACS = Long.getLong("jgrad.gemm.direct", 32L * 32 * 24);
    /**
     * Multiply-adds each thread must get before splitting pays: about 20 us of one core's work. A hand-off
     * through {@link Parallel} costs about 1 us to a thread that is still spinning and 10-30 us to one that
     * parked (ParallelSpeed, 2-core VM), so smaller chunks would spend more on waking than they save.
     */
    static final long MACS_PER_THREAD = Long.getLong("jgrad.gemm.grain", 1_000_000L);

    private Gemm() {}

    /** C[m x n] = A[m x k] * B[k x n], or C += A*B when accumulate. A and B are read through arbitrary element strides
     *  (so transposed or non-contiguous operands need no copy by the caller); C is row-major with row stride ldc, column stride 1. */
    public static void sgemm(int m, int n, int k,
                             float[] a, int aOff, int aRowStride, int aColStride,
                             float[] b, int bOff, int bRowStride, int bColStride,
                             float[] c, int cOff, int ldc, boolean accumulate) {
        checkSizes(m, n, k);
        if (m == 0 || n == 0) return;
        if (!KernelConfig.VECTOR) {
            sgemmScalar(m, n, k, a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride, c, cOff, ldc, accumulate);
            return;
        }
        if (useBlas(m, n, k, aRowStride, aColStride, bRowStride, bColStride, ldc)) {
            OpenBlas.sgemm(m, n, k, a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride, c, cOff, ldc, accumulate);
            return;
        }
        sgemmJava(m, n, k, a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride, c, cOff, ldc, accumulate);
    }

    /** {@link #sgemm} on the Java kernels alone, m and n positive. */
    static void sgemmJava(int m, int n, int k,
                          float[] a, int aOff, int aRowStride, int aColStride,
                          float[] b, int bOff, int bRowStride, int bColStride,
                          float[] c, int cOff, int ldc, boolean accumulate) {
        long macs = (long) m * n * k;
        int threads = Parallel.numThreads();
        boolean split = threads > 1 && macs >= 2 * MACS_PER_THREAD && !Parallel.inWorker();
        if (direct(m, n, k, macs, aColStride, bRowStride, bColStride, SgemmKernel.VL)) {
            if (!split) {
                GemmDirect.sgemm(m, n, k, a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride, c, cOff, ldc, accumulate);
            } else if (m >= n) {
                Parallel.forRange(m, grain((long) n * k), (from, to) -> GemmDirect.sgemm(to - from, n, k,
                        a, aOff + from * aRowStride, aRowStride, aColStride, b, bOff, bRowStride, bColStride,
                        c, cOff + from * ldc, ldc, accumulate));
            } else {
                // Column chunks in whole vectors, so only the last chunk has a ragged (masked) end.
                int vl = SgemmKernel.VL;
                Parallel.forRange((n + vl - 1) / vl, grain((long) m * k * vl), (from, to) -> {
                    int j0 = from * vl, j1 = Math.min(n, to * vl);
                    GemmDirect.sgemm(m, j1 - j0, k, a, aOff, aRowStride, aColStride,
                            b, bOff + j0 * bColStride, bRowStride, bColStride, c, cOff + j0, ldc, accumulate);
                });
            }
            return;
        }
        if (!split) {
            SgemmKernel.block(0, m, 0, n, k, a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride,
                    c, cOff, ldc, accumulate);
        } else if (splitRows(m, n, k, aColStride, bColStride, threads)) {
            int mr = SgemmKernel.MR;
            Parallel.forRange((m + mr - 1) / mr, grain((long) n * k * mr), (from, to) ->
                    SgemmKernel.block(from * mr, Math.min(m, to * mr), 0, n, k, a, aOff, aRowStride, aColStride,
                            b, bOff, bRowStride, bColStride, c, cOff, ldc, accumulate));
        } else {
            int nr = SgemmKernel.NR;
            Parallel.forRange((n + nr - 1) / nr, grain((long) m * k * nr), (from, to) ->
                    SgemmKernel.block(0, m, from * nr, Math.min(n, to * nr), k, a, aOff, aRowStride, aColStride,
                            b, bOff, bRowStride, bColStride, c, cOff, ldc, accumulate));
        }
    }

    /** C[m x n] = A[m x k] * B[k x n], or C += A*B when accumulate; strides as for {@link #sgemm}. */
    public static void dgemm(int m, int n, int k,
                             double[] a, int aOff, int aRowStride, int aColStride,
                             double[] b, int bOff, int bRowStride, int bColStride,
                             double[] c, int cOff, int ldc, boolean accumulate) {
        checkSizes(m, n, k);
        if (m == 0 || n == 0) return;
        if (!KernelConfig.VECTOR) {
            dgemmScalar(m, n, k, a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride, c, cOff, ldc, accumulate);
            return;
        }
        if (useBlas(m, n, k, aRowStride, aColStride, bRowStride, bColStride, ldc)) {
            OpenBlas.dgemm(m, n, k, a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride, c, cOff, ldc, accumulate);
            return;
        }
        dgemmJava(m, n, k, a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride, c, cOff, ldc, accumulate);
    }

    /** {@link #dgemm} on the Java kernels alone, m and n positive. */
    static void dgemmJava(int m, int n, int k,
                          double[] a, int aOff, int aRowStride, int aColStride,
                          double[] b, int bOff, int bRowStride, int bColStride,
                          double[] c, int cOff, int ldc, boolean accumulate) {
        long macs = (long) m * n * k;
        int threads = Parallel.numThreads();
        boolean split = threads > 1 && macs >= 2 * MACS_PER_THREAD && !Parallel.inWorker();
        if (direct(m, n, k, macs, aColStride, bRowStride, bColStride, DgemmKernel.VL)) {
            if (!split) {
                GemmDirect.dgemm(m, n, k, a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride, c, cOff, ldc, accumulate);
            } else if (m >= n) {
                Parallel.forRange(m, grain((long) n * k), (from, to) -> GemmDirect.dgemm(to - from, n, k,
                        a, aOff + from * aRowStride, aRowStride, aColStride, b, bOff, bRowStride, bColStride,
                        c, cOff + from * ldc, ldc, accumulate));
            } else {
                // Column chunks in whole vectors, so only the last chunk has a ragged (masked) end.
                int vl = DgemmKernel.VL;
                Parallel.forRange((n + vl - 1) / vl, grain((long) m * k * vl), (from, to) -> {
                    int j0 = from * vl, j1 = Math.min(n, to * vl);
                    GemmDirect.dgemm(m, j1 - j0, k, a, aOff, aRowStride, aColStride,
                            b, bOff + j0 * bColStride, bRowStride, bColStride, c, cOff + j0, ldc, accumulate);
                });
            }
            return;
        }
        if (!split) {
            DgemmKernel.block(0, m, 0, n, k, a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride,
                    c, cOff, ldc, accumulate);
        } else if (splitRows(m, n, k, aColStride, bColStride, threads)) {
            int mr = DgemmKernel.MR;
            Parallel.forRange((m + mr - 1) / mr, grain((long) n * k * mr), (from, to) ->
                    DgemmKernel.block(from * mr, Math.min(m, to * mr), 0, n, k, a, aOff, aRowStride, aColStride,
                            b, bOff, bRowStride, bColStride, c, cOff, ldc, accumulate));
        } else {
            int nr = DgemmKernel.NR;
            Parallel.forRange((n + nr - 1) / nr, grain((long) m * k * nr), (from, to) ->
                    DgemmKernel.block(0, m, from * nr, Math.min(n, to * nr), k, a, aOff, aRowStride, aColStride,
                            b, bOff, bRowStride, bColStride, c, cOff, ldc, accumulate));
        }
    }

    /** One strided scalar dot product per element of C: the reference loop (and the fastest for tiny products). */
    static void sgemmScalar(int m, int n, int k, float[] a, int aOff, int ars, int acs,
                            float[] b, int bOff, int brs, int bcs, float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float dot = dot(k, a, aOff + i * ars, acs, b, bOff + j * bcs, brs);
                int ci = cOff + i * ldc + j;
                c[ci] = accumulate ? c[ci] + dot : dot;
            }
        }
    }

    /** One strided scalar dot product per element of C: the reference loop (and the fastest for tiny products). */
    static void dgemmScalar(int m, int n, int k, double[] a, int aOff, int ars, int acs,
                            double[] b, int bOff, int brs, int bcs, double[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double dot = dot(k, a, aOff + i * ars, acs, b, bOff + j * bcs, brs);
                int ci = cOff + i * ldc + j;
                c[ci] = accumulate ? c[ci] + dot : dot;
            }
        }
    }

    /** Scalar dot product of k strided elements. */
    private static float dot(int k, float[] a, int ai, int as, float[] b, int bj, int bs) {
        float dot = 0f;
        for (int p = 0; p < k; p++) dot = Math.fma(a[ai + p * as], b[bj + p * bs], dot);
        return dot;
    }

    /** Scalar dot product of k strided elements. */
    private static double dot(int k, double[] a, int ai, int as, double[] b, int bj, int bs) {
        double dot = 0.0;
        for (int p = 0; p < k; p++) dot = Math.fma(a[ai + p * as], b[bj + p * bs], dot);
        return dot;
    }

    /**
     * OpenBLAS (when present) for the size classes this machine's {@link GemmPlan} gives it, when it can read
     * both operands in place (row- or column-major), and not from inside a pool worker, where OpenBLAS's
     * own threads would oversubscribe the cores.
     */
    private static boolean useBlas(int m, int n, int k, int ars, int acs, int brs, int bcs, int ldc) {
        return OpenBlas.AVAILABLE && OpenBlas.describable(m, k, ars, acs) && OpenBlas.describable(k, n, brs, bcs)
                && ldc >= n && !Parallel.inWorker() && GemmPlan.current().useBlas(m, n, k);
    }

    private static void checkSizes(int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) throw new IllegalArgumentException("negative gemm size " + m + "x" + n + "x" + k);
    }

    /**
     * Direct loops win for tiny products; for one-row or one-column results whose operand is contiguous
     * (memory-bound: packing would read the big operand twice); and for C no wider than one vector, where
     * the packed kernel would spend half its fmas on padding.
     */
    private static boolean direct(int m, int n, int k, long macs, int aColStride, int bRowStride, int bColStride,
                                  int lanes) {
        return k == 0 || macs <= DIRECT_MACS || (m == 1 && bColStride == 1) || n <= lanes
                || (n == 1 && aColStride == 1 && bRowStride == 1);
    }

    /**
     * Whether threads should take row panels (each packs all of B) rather than column panels (each packs
     * all of A). Picks the split with less packing per thread: a row-major A costs nothing (the kernel reads
     * it in place), a row-major B packs with vector copies, anything else is a scalar gather.
     */
    static boolean splitRows(int m, int n, int k, int aColStride, int bColStride, int threads) {
        double aCost = aColStride == 1 ? 0 : (double) m * k;
        double bCost = (bColStride == 1 ? 0.25 : 1) * (double) k * n;
        return aCost / threads + bCost < aCost + bCost / threads;
    }

    /** Tiles per chunk so that no thread gets less than {@link #MACS_PER_THREAD}. */
    private static int grain(long macsPerTile) {
        return (int) Math.max(1, (MACS_PER_THREAD + macsPerTile - 1) / macsPerTile);
    }
}
