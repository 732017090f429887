package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {
    /** in*out weights plus out biases, summed over consecutive widths: the arithmetic oracle. */
    private static long linearParams(int... widths) {
        long n = 0;
        for (int i = 0; i + 1 < widths.length; i++) n += (long) widths[i] * widths[i + 1] + widths[i + 1];
        return n;
    }

    @Test
    void tinyModelRowsMatchTheTutorial() {
        List<ModelSummary.Row> rows = ModelSummary.summarize(new ModelSummary.TinyModel(), 8, 1000);
        assertEquals(3, rows.size());
        assertArrayEquals(new long[] {8, 100}, rows.get(0).outputShape());
        assertArrayEquals(new long[] {8, 100}, rows.get(1).outputShape());
        assertArrayEquals(new long[] {8, 10}, rows.get(2).outputShape());
        assertEquals(1000 * 100 + 100, rows.get(0).params());
        assertEquals(0, rows.get(1).params());
        assertEquals(linearParams(1000, 100, 10), ModelSummary.countParams(new ModelSummary.TinyModel()));
    }

    @Test
    void billionParameterMlpIsSummarizedWithoutAllocating() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        var mlp = ModelSummary.billionParameterMlp();
        List<ModelSummary.Row> rows = ModelSummary.summarize(mlp, 512, 4096);
        long after = rt.totalMemory() - rt.freeMemory();
        long params = ModelSummary.countParams(mlp);
        assertEquals(linearParams(4096, 16384, 16384, 16384, 16384, 8192, 1000), params);
        assertTrue(params > 1_000_000_000L, "params " + params);
        assertEquals(11, rows.size());
        assertArrayEquals(new long[] {512, 1000}, rows.get(10).outputShape());
        // 4 GiB of float32 weights could not hide in a delta this small.
        assertTrue(after - before < 256L << 20, "heap grew by " + (after - before) + " bytes");
    }
}
