package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import org.junit.jupiter.api.Test;

/**
 * float32 softmax and log_softmax over the last dim against the definition in double (Math.exp, one
 * rounding), for row lengths around the vector width, a 10000-wide row as language models have, masked
 * (-inf) entries and the infinite and NaN rows; and the same bits for any thread count.
 */
class SoftmaxRowsTest {

    /** softmax or log_softmax of one row, in double from the float inputs, rounded once. */
    static float[] reference(float[] row, boolean log) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) max = Math.max(max, v);
        double sum = 0;
        for (float v : row) sum += Math.exp(v - max);
        float[] out = new float[row.length];
        for (int k = 0; k < row.length; k++) out[k] = (float) (log ? row[k] - max - Math.log(sum) : Math.exp(row[k] - max) / sum);
        return out;
    }

    @Test
    void matchesTheDefinitionToARoundingOfFloat() {
        Torch.manualSeed(5);
        for (int size : new int[] {1, 3, 7, 8, 9, 16, 37, 100, 10000}) {
            Tensor x = Torch.randn(6, size).mul(4);
            if (size > 3) x.select(0, 2).narrow(0, 1, 2).fill_(Double.NEGATIVE_INFINITY);  // masked, as causal attention does
            float[] xs = x.toFloatArray();
            for (boolean log : new boolean[] {false, true}) {
                float[] got = (log ? x.logSoftmax(1) : x.softmax(1)).toFloatArray();
                for (int r = 0; r < 6; r++) {
                    float[] expect = reference(java.util.Arrays.copyOfRange(xs, r * size, (r + 1) * size), log);
                    for (int k = 0; k < size; k++) {
                        float e = expect[k], g = got[r * size + k];
                        String what = (log ? "log_softmax" : "softmax") + " size " + size + " row " + r + " [" + k + "]";
                        if (Float.isInfinite(e)) assertEquals(e, g, what);
                        else assertTrue(Math.abs(g - e) <= Math.ulp(e), what + ": " + g + " vs " + e);
                    }
                }
            }
        }
    }

    @Test
    void infiniteAndNanRowsAsPyTorch() {
        Tensor x = Torch.tensor(new double[] {Double.POSITIVE_INFINITY, 0, 1, Double.NaN, 2, 3,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}).toFloat().reshape(3, 3);
        for (float v : x.softmax(1).toFloatArray()) assertTrue(Float.isNaN(v));
        for (float v : x.logSoftmax(1).toFloatArray()) assertTrue(Float.isNaN(v));
    }

    @Test
    void sameBitsForAnyThreadCount() {
        Torch.manualSeed(9);
        Tensor x = Torch.randn(DType.FLOAT32, 300, 1000).mul(3);
        int before = Parallel.numThreads();
        try {
            Parallel.setNumThreads(1);
            float[] one = x.logSoftmax(1).toFloatArray(), oneSoft = x.softmax(1).toFloatArray();
            for (int t : new int[] {2, 5}) {
                Parallel.setNumThreads(t);
                assertArrayEquals(one, x.logSoftmax(1).toFloatArray(), t + " threads");
                assertArrayEquals(oneSoft, x.softmax(1).toFloatArray(), t + " threads");
            }
        } finally {
            Parallel.setNumThreads(before);
        }
    }
}
