package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgrad.backend.cpu.GemmTest.Impl;
import dev.jgrad.backend.cpu.GemmTest.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The optional OpenBLAS path ({@link OpenBlas}) through GemmTest's comparisons, when the library is on this
 * machine (the tests are skipped where it is not, or under -Djgrad.blas=false / -Djgrad.fastpaths=false);
 * and the silent fallback when it is missing.
 */
class OpenBlasTest {
    /** cblas_sgemm/cblas_dgemm called directly, whatever size Gemm would hand them. */
    private static final Impl BLAS = new Impl() {
        @Override
        public void sgemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                          float[] c, int cOff, int ldc, boolean accumulate) {
            OpenBlas.sgemm(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
        }

        @Override
        public void dgemm(int m, int n, int k, double[] a, int aOff, int ars, int acs, double[] b, int bOff, int brs, int bcs,
                          double[] c, int cOff, int ldc, boolean accumulate) {
            OpenBlas.dgemm(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
        }
    };

    /** The layouts BLAS can be handed in place; a gapped operand always stays in Java. */
    private static final Layout[] DESCRIBABLE = {Layout.ROW, Layout.COL};

    @Test
    void edgeShapesThroughOpenBlas() {
        assumeTrue(OpenBlas.AVAILABLE, "OpenBLAS not available");
        long seed = 1000;
        for (int m : GemmTest.EDGE_SIZES) {
            for (int n : GemmTest.EDGE_SIZES) {
                for (int k : GemmTest.EDGE_SIZES) {
                    Layout la = DESCRIBABLE[(int) (seed % 2)], lb = DESCRIBABLE[(int) (seed / 2 % 2)];
                    // without accumulate, C starts as NaN: beta = 0 must overwrite it, never scale it
                    GemmTest.check(BLAS, m, n, k, la, lb, seed % 3 == 0, seed);
                    seed++;
                }
            }
        }
    }

    @Test
    void bigShapesAndEmptyDepthThroughOpenBlas() {
        assumeTrue(OpenBlas.AVAILABLE, "OpenBLAS not available");
        long seed = 2000;
        for (int s : GemmTest.BIG_SIZES) {
            for (Layout la : DESCRIBABLE) {
                for (Layout lb : DESCRIBABLE) {
                    GemmTest.check(BLAS, s, s + 3, s - 1, la, lb, seed % 2 == 0, seed++);
                }
            }
        }
        GemmTest.check(BLAS, 40, 40, 0, Layout.ROW, Layout.COL, true, seed++);
        GemmTest.check(BLAS, 40, 40, 0, Layout.COL, Layout.ROW, false, seed++);
        // the MLP benchmark's shapes: x @ W^T, and the weight gradient g^T @ x
        GemmTest.check(BLAS, 128, 512, 784, Layout.ROW, Layout.COL, false, seed++);
        GemmTest.check(BLAS, 512, 784, 128, Layout.COL, Layout.ROW, true, seed++);
    }

    @Test
    void largeProductsRunOverNativeCopies() {
        assumeTrue(OpenBlas.AVAILABLE, "OpenBLAS not available");
        // above COPY_MACS the operands are copied to native memory; padded C rows and offsets must survive
        int s = (int) Math.cbrt(OpenBlas.COPY_MACS) + 9;
        long seed = 2500;
        for (Layout la : DESCRIBABLE) {
            for (Layout lb : DESCRIBABLE) {
                GemmTest.check(BLAS, s, s + 5, s + 1, la, lb, seed % 2 == 0, seed++);
            }
        }
    }

    @Test
    void garbageCollectionRunsDuringALongProduct() throws Exception {
        assumeTrue(OpenBlas.AVAILABLE, "OpenBLAS not available");
        // A critical downcall would hold every GC off until it returns; the copied path must not. One thread
        // runs a product of about half a second; once it is inside, this one asks for a full GC and notes when
        // that returned. Retried bigger when the product ended too soon after the GC to tell.
        for (int n = 3000; n <= 6000; n += 1500) {
            float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
            java.util.Arrays.fill(a, 1f);
            java.util.Arrays.fill(b, 0.5f);
            int size = n;
            long[] productEnd = new long[1];
            Thread worker = new Thread(() -> {
                OpenBlas.sgemm(size, size, size, a, 0, size, 1, b, 0, size, 1, c, 0, size, false);
                productEnd[0] = System.nanoTime();
            });
            worker.start();
            Thread.sleep(100);  // the copies take about 30 ms; then it is in the native call
            boolean inside = worker.isAlive();
            System.gc();
            long gcEnd = System.nanoTime();
            worker.join();
            assertTrue(c[0] == 0.5f * size && c[c.length - 1] == 0.5f * size, "wrong product");
            if (!inside) continue;
            long margin = productEnd[0] - gcEnd;
            // the GC came back while the product was still running, well before it ended
            if (margin > 50_000_000L) return;
            // the GC came back only as the product ended: held off by it (a GC takes far less than this)
            if (margin <= 0) throw new AssertionError("System.gc() waited " + -margin / 1000 + " us past the product's end");
        }
        org.junit.jupiter.api.Assumptions.abort("products too fast to tell on this machine");
    }

    @Test
    void gemmOnBothSidesOfItsOpenBlasLimits() {
        assumeTrue(OpenBlas.AVAILABLE, "OpenBLAS not available");
        // through the public entry point, which picks OpenBLAS or Java by shape (Gemm.useBlas)
        int d = GemmPlan.SHALLOW_DEPTH;
        long seed = 3000;
        int[][] shapes = {{8, 8, 8}, {64, 64, d - 1}, {300, 200, d - 1}, {300, 200, d}, {200, 300, 100}, {512, 512, 512},
                {512, 512, 513}};
        for (int[] s : shapes) {
            GemmTest.check(GemmTest.GEMM, s[0], s[1], s[2], Layout.ROW, Layout.COL, false, seed++);
            GemmTest.check(GemmTest.GEMM, s[0], s[1], s[2], Layout.COL, Layout.ROW, true, seed++);
            GemmTest.check(GemmTest.GEMM, s[0], s[1], s[2], Layout.GAPPED, Layout.ROW, true, seed++);
        }
    }

    @Test
    void vectorsAndSingleRowsWithAnyUnusedStride() {
        assumeTrue(OpenBlas.AVAILABLE, "OpenBLAS not available");
        // matmul's views of vectors have strides that BLAS never steps along (a [3] unsqueezed to [3, 1] has
        // strides (1, 1)): every describable combination must give Java's result
        java.util.Random rnd = new java.util.Random(5);
        int[] sizes = {1, 2, 3};
        for (int m : sizes) {
            for (int n : sizes) {
                for (int k : sizes) {
                    for (int[] sa : strideChoices(m, k)) {
                        for (int[] sb : strideChoices(k, n)) {
                            if (!OpenBlas.describable(m, k, sa[0], sa[1]) || !OpenBlas.describable(k, n, sb[0], sb[1])) continue;
                            double[] a = random(rnd, 1 + (m - 1) * sa[0] + (k - 1) * sa[1]);
                            double[] b = random(rnd, 1 + (k - 1) * sb[0] + (n - 1) * sb[1]);
                            double[] want = new double[m * n], got = new double[m * n];
                            Gemm.dgemmScalar(m, n, k, a, 0, sa[0], sa[1], b, 0, sb[0], sb[1], want, 0, n, false);
                            OpenBlas.dgemm(m, n, k, a, 0, sa[0], sa[1], b, 0, sb[0], sb[1], got, 0, n, false);
                            String what = m + "x" + n + "x" + k + " A strides " + sa[0] + "," + sa[1] + " B strides " + sb[0] + "," + sb[1];
                            for (int i = 0; i < m * n; i++) {
                                if (Math.abs(want[i] - got[i]) > 1e-12) throw new AssertionError(what + ": C[" + i + "] = " + got[i] + ", want " + want[i]);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Row and column strides worth trying for a rows x cols operand: packed, padded, transposed, unit. */
    private static int[][] strideChoices(int rows, int cols) {
        return new int[][] {{cols, 1}, {cols + 2, 1}, {1, rows}, {1, rows + 1}, {1, 1}, {0, 1}, {1, 0}, {2, 2}};
    }

    private static double[] random(java.util.Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rnd.nextDouble() - 0.5;
        return v;
    }

    @Test
    void describesOnlyRowAndColumnMajorOperands() {
        assertTrue(OpenBlas.describable(3, 4, 4, 1));   // row-major
        assertTrue(OpenBlas.describable(3, 4, 7, 1));   // row-major, padded rows
        assertTrue(OpenBlas.describable(3, 4, 1, 3));   // column-major (a transposed view)
        assertFalse(OpenBlas.describable(3, 4, 8, 2));  // gapped
        assertFalse(OpenBlas.describable(3, 4, 2, 1));  // rows overlap: no valid leading dimension
        assertFalse(OpenBlas.describable(3, 4, 0, 1));  // rows expanded (stride 0)
        assertTrue(OpenBlas.describable(1, 4, 1, 1));   // one row: its row stride is never used
        assertTrue(OpenBlas.describable(4, 1, 1, 1));   // one column: likewise its column stride
    }

    @Test
    void missingLibraryMeansPureJava() {
        assertNull(OpenBlas.bind("/nonexistent/libopenblas.so.0"));
        assertNull(OpenBlas.bind(System.getProperty("java.home") + "/release"));  // a file, but no library
        Path libm = Path.of("/lib/x86_64-linux-gnu/libm.so.6");
        if (Files.exists(libm)) assertNull(OpenBlas.bind(libm.toString()));  // a library, but no cblas_sgemm
    }
}
