package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Strided same-dtype copies ({@link StridedCopy}) against the definition, element by element through the index
 * arithmetic: permutes of up to four dims (the contiguous-rows loop and the tiled transpose), shapes that end
 * mid-tile, views with offsets and steps, broadcast sources, every element type, and the thread counts 1, 2, 3.
 */
class StridedCopyTest {

    /** dst[index] = src[index] by the strides, one element at a time: the definition. */
    private static float[] reference(float[] src, int so, int[] ss, int[] shape, int n) {
        float[] out = new float[n];
        int[] idx = new int[shape.length];
        for (int i = 0; i < n; i++) {
            int off = so;
            for (int d = 0; d < shape.length; d++) off += idx[d] * ss[d];
            out[i] = src[off];
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        return out;
    }

    /** StridedCopy.copy for a source and destination given by their strides over one shape. */
    private static boolean copy(Object src, int so, int[] ss, Object dst, int doff, int[] ds, int[] shape, DType t) {
        return StridedCopy.copy(src, so, dst, doff, new StridedIter(shape, ss, ds), t);
    }

    private static int[] contiguousStrides(int[] shape) {
        int[] st = new int[shape.length];
        for (int d = shape.length - 1, s = 1; d >= 0; s *= shape[d], d--) st[d] = s;
        return st;
    }

    @Test
    void permutedFloatsMatchTheDefinitionOnAnyThreadCount() {
        Random r = new Random(11);
        int before = Parallel.numThreads();
        try {
            for (int trial = 0; trial < 300; trial++) {
                int nd = 2 + r.nextInt(3);
                int[] base = new int[nd];
                for (int d = 0; d < nd; d++) base[d] = 1 + r.nextInt(trial % 3 == 0 ? 70 : 20);
                int n = 1;
                for (int s : base) n *= s;
                int pad = r.nextInt(5);
                float[] src = new float[n + pad];
                for (int i = 0; i < src.length; i++) src[i] = r.nextFloat();
                int[] bs = contiguousStrides(base);
                int[] perm = permutation(nd, r);
                int[] shape = new int[nd], ss = new int[nd];
                for (int d = 0; d < nd; d++) { shape[d] = base[perm[d]]; ss[d] = bs[perm[d]]; }
                float[] expect = reference(src, pad, ss, shape, n);
                for (int threads : new int[] {1, 2, 3}) {
                    Parallel.setNumThreads(threads);
                    float[] dst = new float[n + 3];
                    boolean done = copy(src, pad, ss, dst, 3, contiguousStrides(shape), shape, DType.FLOAT32);
                    if (!done) continue;  // neither loop applies (the general walk copies it)
                    assertArrayEquals(expect, java.util.Arrays.copyOfRange(dst, 3, n + 3),
                            "shape " + java.util.Arrays.toString(shape) + " strides " + java.util.Arrays.toString(ss) + ", " + threads + " threads");
                }
            }
        } finally {
            Parallel.setNumThreads(before);
        }
    }

    @Test
    void theTransposedLoopTakesTheLastTwoDimsSwappedAndAttentionsHeadSplit() {
        float[] src = new float[16 * 64 * 4 * 32];
        for (int i = 0; i < src.length; i++) src[i] = i;
        // k.transpose(1, 2).transpose(-2, -1) of a [16, 64, 4, 32] tensor, and a matrix's t() that ends mid-tile
        int[][] shapes = {{16, 4, 32, 64}, {37, 50}};
        int[][] strides = {{8192, 32, 1, 128}, {1, 37}};
        for (int c = 0; c < shapes.length; c++) {
            int n = 1;
            for (int s : shapes[c]) n *= s;
            float[] dst = new float[n];
            assertTrue(copy(src, 0, strides[c], dst, 0, contiguousStrides(shapes[c]), shapes[c], DType.FLOAT32));
            assertArrayEquals(reference(src, 0, strides[c], shapes[c], n), dst);
        }
    }

    @Test
    void leavesBroadcastInnerDimsAndOneArrayToTheGeneralWalk() {
        float[] a = new float[64];
        assertFalse(copy(a, 0, new int[] {1, 0}, new float[64], 0, new int[] {8, 1}, new int[] {8, 8}, DType.FLOAT32));
        assertFalse(copy(a, 0, new int[] {1, 8}, a, 0, new int[] {8, 1}, new int[] {8, 8}, DType.FLOAT32));
    }

    @Test
    void throughThePublicApiEveryTypeAndLayout() {
        Torch.manualSeed(3);
        Tensor x = Torch.randn(5, 6, 7, 9);
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.INT32, DType.BOOL, DType.FLOAT16, DType.BFLOAT16}) {
            Tensor v = x.mul(3).to(t);
            Tensor[] views = {v.permute(0, 2, 1, 3), v.transpose(-2, -1), v.permute(3, 1, 0, 2), v.slice(3, 1, 8, 2).transpose(0, 1),
                v.select(0, 2).select(0, 1).t(), v.narrow(1, 1, 4).permute(2, 3, 0, 1), v.select(3, 0).unsqueeze(3).expand(5, 6, 7, 4)};
            for (Tensor view : views) {
                Tensor got = view.contiguous();
                assertTrue(got.isContiguous());
                assertEquals(view.dtype(), got.dtype());
                double[] expect = byIndex(view);
                assertArrayEquals(expect, got.to(DType.FLOAT64).toDoubleArray(), t + " " + view.shape());
                Tensor into = Torch.zeros(view.shape()).to(t);
                into.copy_(view);
                assertArrayEquals(expect, into.to(DType.FLOAT64).toDoubleArray(), t + " copy_ " + view.shape());
            }
        }
    }

    /** The view's elements in row-major order, each read on its own through item() (no copy kernel involved). */
    private static double[] byIndex(Tensor view) {
        long[] shape = view.shape();
        int n = (int) view.numel();
        double[] out = new double[n];
        long[] idx = new long[shape.length];
        for (int i = 0; i < n; i++) {
            Tensor e = view;
            for (long k : idx) e = e.get(k);
            out[i] = e.item();
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        return out;
    }

    private static int[] permutation(int n, Random r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1), t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
