package dev.jgrad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgrad.testutil.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shapes whose element count overflows, against PyTorch's decisions and messages
 * (tools/fixtures/gen_io_hostile.py), and tensors too large for the Java heap.
 */
class ShapeOverflowTest {
    @Test
    void reshapeChecksTheElementCountAsPytorchDoes() {
        Map<String, Object> fixture = Json.asMap(Json.resource("fixtures/io_hostile.json"));
        int cases = 0;
        for (Object o : Json.asList(fixture.get("reshape"))) {
            Map<String, Object> c = Json.asMap(o);
            long[] shape = Json.asLongArray(c.get("shape"));
            Tensor t = Torch.zeros(Json.asLong(c.get("numel")));
            String where = Json.asLong(c.get("numel")) + " -> " + java.util.Arrays.toString(shape);
            if (c.get("error") == null) {
                assertArrayEquals(shape, t.reshape(shape).shape(), where);
                assertArrayEquals(shape, t.view(shape).shape(), where);
            } else {
                var e = assertThrows(IllegalArgumentException.class, () -> t.reshape(shape), where);
                assertEquals(c.get("error"), e.getMessage(), where);
                e = assertThrows(IllegalArgumentException.class, () -> t.view(shape), where);
                assertEquals(c.get("error"), e.getMessage(), where);
            }
            cases++;
        }
        assertEquals(12, cases);
    }

    @Test
    void aBroadcastBeyondOneJavaArrayIsRefusedNotWrapped() {
        // 65536 * 65536 = 2^32 elements: as an int count this wraps to 0
        var e = assertThrows(IllegalArgumentException.class, () -> Torch.zeros(65536, 1).add(Torch.zeros(1, 65536)));
        assertTrue(e.getMessage().contains("[65536, 65536] is too large"), e.getMessage());
    }

    @Test
    void anExpandBeyondTheElementLimitIsRefusedNotWrapped() {
        // 3e9 as an int is -1294967296: the size must be checked before it is narrowed
        var e = assertThrows(IllegalArgumentException.class, () -> Torch.zeros(1).expand(3_000_000_000L));
        assertEquals("jgrad CPU tensors hold at most 2^31 - 17 elements; size [3000000000] is too large", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Torch.zeros(2, 1).expand(2, 1_500_000_000L));
        assertEquals("jgrad CPU tensors hold at most 2^31 - 17 elements; size [2, 1500000000] is too large", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Torch.zeros(2).repeat(1_500_000_000L));
        assertTrue(e.getMessage().startsWith("jgrad CPU tensors hold at most 2^31 - 17 elements"), e.getMessage());
        assertArrayEquals(new long[] {1_000_000_000L, 2}, Torch.zeros(2).expand(1_000_000_000L, 2).shape());
    }

    @Test
    void aTensorLargerThanTheHeapIsAClearErrorNotOutOfMemory() {
        long max = Runtime.getRuntime().maxMemory();
        long n = Integer.MAX_VALUE - 18;  // within jgrad's element limit, 8 GB of float32
        assumeTrue(n * 4 > max, "this JVM's heap could hold it");
        var e = assertThrows(IllegalArgumentException.class, () -> Torch.zeros(n));
        assertEquals("DefaultCPUAllocator: can't allocate memory: you tried to allocate " + n * 4 + " bytes (a float32 tensor of " + n
                + " elements); jgrad's CPU storage lives on the Java heap, which holds at most " + max + " bytes (raise it with -Xmx)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Torch.empty(DType.FLOAT64, n));
    }
}
