package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.utils.Summary;
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
        Summary s = Summary.summary(new ModelSummary.TinyModel(), 8, 1000);
        List<long[]> shapes = s.outputShapes();
        assertEquals(4, shapes.size());
        assertArrayEquals(new long[] {8, 10}, shapes.get(0));
        assertArrayEquals(new long[] {8, 100}, shapes.get(1));
        assertArrayEquals(new long[] {8, 100}, shapes.get(2));
        assertArrayEquals(new long[] {8, 10}, shapes.get(3));
        assertEquals(linearParams(1000, 100, 10), s.totalParams());
        assertTrue(s.toString().contains("├─Linear: 1-1                            [8, 100]                  100,100"), s.toString());
    }

    @Test
    void billionParameterMlpIsSummarizedWithoutAllocating() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        var mlp = ModelSummary.billionParameterMlp();
        Summary s = Summary.summary(mlp, 512, 4096);
        long after = rt.totalMemory() - rt.freeMemory();
        assertEquals(linearParams(4096, 16384, 16384, 16384, 16384, 8192, 1000), s.totalParams());
        assertTrue(s.totalParams() > 1_000_000_000L, "params " + s.totalParams());
        assertEquals(12, s.outputShapes().size());
        assertArrayEquals(new long[] {512, 1000}, s.outputShapes().get(11));
        assertEquals(4 * s.totalParams(), s.paramBytes());
        // 4 GiB of float32 weights could not hide in a delta this small.
        assertTrue(after - before < 256L << 20, "heap grew by " + (after - before) + " bytes");
    }
}
