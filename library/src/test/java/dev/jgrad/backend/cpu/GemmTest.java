package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks sgemm/dgemm against a double-precision reference. Unused slots of every operand array hold NaN,
 * so reading outside the logical matrix shows up as a NaN result, and the padding around C must be left alone.
 */
class GemmTest {
    /** How an operand sits in its array. */
    enum Layout {
        ROW, // row-major with padded rows
        COL, // column-major: what a transposed view looks like
        GAPPED // neither stride is 1
    }

    static final int[] EDGE_SIZES = {1, 2, 3, 5, 15, 16, 17, 31, 33, 63, 64, 65};
    static final int[] BIG_SIZES = {127, 129, 255, 257};

    /** A logical rows x cols matrix stored at an offset inside a NaN-filled array. */
    private record Operand(double[] values, int rows, int cols, float[] f, double[] d, int off, int rs, int cs) {
        static Operand of(Random rnd, int rows, int cols, Layout layout, int off) {
            double[] v = new double[rows * cols];
            for (int i = 0; i < v.length; i++) v[i] = (float) (rnd.nextDouble() * 2 - 1);
            int rs, cs;
            switch (layout) {
                case ROW -> { rs = cols + 3; cs = 1; }
                case COL -> { rs = 1; cs = rows + 2; }
                default -> { rs = 2 * cols + 1; cs = 2; }
            }
            int size = off + (rows - 1) * rs + (cols - 1) * cs + 1 + 5;
            if (rows == 0 || cols == 0) size = off + 5;
            float[] f = new float[size];
            double[] d = new double[size];
            Arrays.fill(f, Float.NaN);
            Arrays.fill(d, Double.NaN);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    f[off + i * rs + j * cs] = (float) v[i * cols + j];
                    d[off + i * rs + j * cs] = v[i * cols + j];
                }
            }
            return new Operand(v, rows, cols, f, d, off, rs, cs);
        }
    }

    /** The product under test: the library's entry point, or one path behind it (see OpenBlasTest). */
    interface Impl {
        void sgemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                   float[] c, int cOff, int ldc, boolean accumulate);

        void dgemm(int m, int n, int k, double[] a, int aOff, int ars, int acs, double[] b, int bOff, int brs, int bcs,
                   double[] c, int cOff, int ldc, boolean accumulate);
    }

    static final Impl GEMM = new Impl() {
        @Override
        public void sgemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                          float[] c, int cOff, int ldc, boolean accumulate) {
            Gemm.sgemm(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
        }

        @Override
        public void dgemm(int m, int n, int k, double[] a, int aOff, int ars, int acs, double[] b, int bOff, int brs, int bcs,
                          double[] c, int cOff, int ldc, boolean accumulate) {
            Gemm.dgemm(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
        }
    };

    private static void check(int m, int n, int k, Layout la, Layout lb, boolean accumulate, long seed) {
        check(GEMM, m, n, k, la, lb, accumulate, seed);
    }

    /** Runs one case in both precisions through impl and compares with the reference. */
    static void check(Impl impl, int m, int n, int k, Layout la, Layout lb, boolean accumulate, long seed) {
        Random rnd = new Random(seed);
        Operand a = Operand.of(rnd, m, k, la, 7);
        Operand b = Operand.of(rnd, k, n, lb, 3);
        int ldc = n + 5, cOff = 11;
        int cSize = cOff + m * ldc + 4;
        float[] cf = new float[cSize];
        double[] cd = new double[cSize];
        double[] c0 = new double[m * n];
        Arrays.fill(cf, Float.NaN);
        Arrays.fill(cd, Double.NaN);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                // Without accumulate, C starts as NaN: it must be overwritten, never read.
                c0[i * n + j] = accumulate ? (float) (rnd.nextDouble() * 2 - 1) : 0;
                cf[cOff + i * ldc + j] = accumulate ? (float) c0[i * n + j] : Float.NaN;
                cd[cOff + i * ldc + j] = accumulate ? c0[i * n + j] : Double.NaN;
            }
        }
        impl.sgemm(m, n, k, a.f, a.off, a.rs, a.cs, b.f, b.off, b.rs, b.cs, cf, cOff, ldc, accumulate);
        impl.dgemm(m, n, k, a.d, a.off, a.rs, a.cs, b.d, b.off, b.rs, b.cs, cd, cOff, ldc, accumulate);
        String what = m + "x" + n + "x" + k + " A=" + la + " B=" + lb + (accumulate ? " acc" : "");
        verify(what, m, n, k, a.values, b.values, c0, cOff, ldc, cf, cd);
    }

    private static void verify(String what, int m, int n, int k, double[] a, double[] b, double[] c0,
                               int cOff, int ldc, float[] cf, double[] cd) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double ref = c0[i * n + j], mag = Math.abs(ref);
                for (int p = 0; p < k; p++) {
                    ref += a[i * k + p] * b[p * n + j];
                    mag += Math.abs(a[i * k + p] * b[p * n + j]);
                }
                // Worst-case rounding of a length-k sum is about k ulps of the magnitude sum, in any order.
                double tolF = 1.2e-7 * (k + 2) * mag + 1e-30, tolD = 2.3e-16 * (k + 2) * mag + 1e-300;
                double gotF = cf[cOff + i * ldc + j], gotD = cd[cOff + i * ldc + j];
                if (!(Math.abs(gotF - ref) <= tolF)) fail(what + " sgemm C[" + i + "," + j + "] = " + gotF + ", want " + ref);
                if (!(Math.abs(gotD - ref) <= tolD)) fail(what + " dgemm C[" + i + "," + j + "] = " + gotD + ", want " + ref);
            }
        }
        // Everything outside C's m x n window must still be the NaN it started as.
        for (int x = 0; x < cf.length; x++) {
            int r = x - cOff, i = Math.floorDiv(r, ldc), j = r - i * ldc;
            boolean inside = r >= 0 && i < m && j < n;
            if (!inside && (!Float.isNaN(cf[x]) || !Double.isNaN(cd[x]))) fail(what + ": wrote outside C at " + x);
        }
    }

    @Test
    void tinyProductIsExact() {
        float[] a = {1, 2, 3, 4, 5, 6}; // 2x3
        float[] b = {7, 8, 9, 10, 11, 12}; // 3x2
        float[] c = new float[4];
        Gemm.sgemm(2, 2, 3, a, 0, 3, 1, b, 0, 2, 1, c, 0, 2, false);
        assertArrayEquals(new float[] {58, 64, 139, 154}, c);
        Gemm.sgemm(2, 2, 3, a, 0, 3, 1, b, 0, 2, 1, c, 0, 2, true);
        assertArrayEquals(new float[] {116, 128, 278, 308}, c);
        double[] cd = new double[4];
        Gemm.dgemm(2, 2, 3, new double[] {1, 2, 3, 4, 5, 6}, 0, 3, 1, new double[] {7, 8, 9, 10, 11, 12}, 0, 2, 1,
                cd, 0, 2, false);
        assertArrayEquals(new double[] {58, 64, 139, 154}, cd);
    }

    @Test
    void allEdgeShapes() {
        Layout[] layouts = Layout.values();
        long seed = 0;
        for (int m : EDGE_SIZES) {
            for (int n : EDGE_SIZES) {
                for (int k : EDGE_SIZES) {
                    // Cycle layouts and accumulate across shapes so every combination meets many shapes.
                    Layout la = layouts[(int) (seed % 3)];
                    Layout lb = layouts[(int) (seed / 3 % 3)];
                    check(m, n, k, la, lb, seed % 2 == 1, seed);
                    seed++;
                }
            }
        }
    }

    @Test
    void bigSizesAroundBlockEdges() {
        long seed = 100;
        for (int s : BIG_SIZES) {
            check(s, s, s, Layout.ROW, Layout.ROW, false, seed++);
            for (int t : new int[] {1, 17, 65}) {
                check(s, t, s, Layout.ROW, Layout.COL, true, seed++);
                check(t, s, s, Layout.COL, Layout.ROW, false, seed++);
                check(s, s, t, Layout.GAPPED, Layout.ROW, true, seed++);
            }
        }
        // Deeper than one k block, wider than one n block.
        check(129, 1030, 520, Layout.ROW, Layout.ROW, true, seed++);
        check(70, 300, 600, Layout.COL, Layout.COL, false, seed++);
    }

    @Test
    void everyLayoutAndAccumulateOnBlockedSizes() {
        long seed = 200;
        for (Layout la : Layout.values()) {
            for (Layout lb : Layout.values()) {
                check(67, 97, 129, la, lb, false, seed++);
                check(67, 97, 129, la, lb, true, seed++);
            }
        }
    }

    @Test
    void oddShapes() {
        long seed = 300;
        int[][] shapes = {{1, 1000, 1}, {1000, 1, 7}, {7, 3, 1000}, {1, 1, 5000}, {1, 777, 300}, {600, 1, 301},
                {2, 500, 64}, {500, 2, 64}, {4, 4, 4096}, {3000, 5, 2}};
        for (int[] s : shapes) {
            for (Layout la : Layout.values()) {
                for (Layout lb : Layout.values()) {
                    check(s[0], s[1], s[2], la, lb, seed % 2 == 0, seed++);
                }
            }
        }
    }

    @Test
    void multiThreadedSizes() {
        check(300, 500, 400, Layout.ROW, Layout.ROW, false, 400);
        check(500, 300, 400, Layout.ROW, Layout.COL, true, 401);
        check(301, 499, 257, Layout.COL, Layout.GAPPED, false, 402);
    }

    @Test
    void multiThreadedThinShapes() {
        // Big enough to split, but served by the unpacked loops: narrow C, one row, one column.
        check(20000, 10, 64, Layout.ROW, Layout.ROW, true, 410);
        check(1, 40000, 300, Layout.ROW, Layout.ROW, false, 411);
        check(30000, 1, 400, Layout.ROW, Layout.COL, true, 412);
        check(6000, 3, 700, Layout.COL, Layout.GAPPED, false, 413);
    }

    @Test
    void unevenThreadCounts() {
        int before = Parallel.numThreads();
        try {
            Parallel.setNumThreads(3);
            check(211, 389, 150, Layout.ROW, Layout.ROW, true, 500);
            check(389, 211, 150, Layout.COL, Layout.ROW, false, 501);
        } finally {
            Parallel.setNumThreads(before);
        }
    }

    @Test
    void kernelPathOnSmallShapes() {
        // Shapes small enough for the direct loop also run through the blocked kernel here.
        Random rnd = new Random(600);
        for (int[] s : new int[][] {{1, 1, 1}, {5, 3, 2}, {6, 32, 1}, {7, 33, 3}, {13, 1, 9}}) {
            int m = s[0], n = s[1], k = s[2];
            Operand a = Operand.of(rnd, m, k, Layout.ROW, 1);
            Operand b = Operand.of(rnd, k, n, Layout.COL, 2);
            int ldc = n + 1;
            float[] cf = new float[m * ldc];
            double[] cd = new double[m * ldc];
            Arrays.fill(cf, Float.NaN);
            Arrays.fill(cd, Double.NaN);
            SgemmKernel.block(0, m, 0, n, k, a.f, a.off, a.rs, a.cs, b.f, b.off, b.rs, b.cs, cf, 0, ldc, false);
            DgemmKernel.block(0, m, 0, n, k, a.d, a.off, a.rs, a.cs, b.d, b.off, b.rs, b.cs, cd, 0, ldc, false);
            verify("kernel " + m + "x" + n + "x" + k, m, n, k, a.values, b.values, new double[m * n], 0, ldc, cf, cd);
        }
    }

    @Test
    void zeroDimensions() {
        float[] c = {1, 2, 3, 4};
        double[] cd = {1, 2, 3, 4};
        float[] empty = new float[0];
        double[] emptyD = new double[0];
        // k == 0: the product is zeros, or C is left as is when accumulating.
        Gemm.sgemm(2, 2, 0, empty, 0, 0, 1, empty, 0, 2, 1, c, 0, 2, true);
        assertArrayEquals(new float[] {1, 2, 3, 4}, c);
        Gemm.sgemm(2, 2, 0, empty, 0, 0, 1, empty, 0, 2, 1, c, 0, 2, false);
        assertArrayEquals(new float[4], c);
        Gemm.dgemm(2, 2, 0, emptyD, 0, 0, 1, emptyD, 0, 2, 1, cd, 0, 2, true);
        assertArrayEquals(new double[] {1, 2, 3, 4}, cd);
        Gemm.dgemm(2, 2, 0, emptyD, 0, 0, 1, emptyD, 0, 2, 1, cd, 0, 2, false);
        assertArrayEquals(new double[4], cd);
        // m or n == 0: nothing to write.
        float[] untouched = {9};
        Gemm.sgemm(0, 5, 5, empty, 0, 5, 1, new float[25], 0, 5, 1, untouched, 0, 5, false);
        Gemm.sgemm(5, 0, 5, new float[25], 0, 5, 1, empty, 0, 0, 1, untouched, 0, 0, false);
        assertEquals(9f, untouched[0]);
        check(0, 40, 40, Layout.ROW, Layout.ROW, false, 700);
        check(40, 0, 40, Layout.ROW, Layout.ROW, true, 701);
        check(40, 40, 0, Layout.COL, Layout.ROW, true, 702);
        check(40, 40, 0, Layout.ROW, Layout.ROW, false, 703);
        assertThrows(IllegalArgumentException.class, () -> Gemm.sgemm(-1, 1, 1, c, 0, 1, 1, c, 0, 1, 1, c, 0, 1, false));
    }
}
