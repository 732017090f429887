package dev.jgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.internal.core.TensorPrinter;
import dev.jgrad.testutil.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Checks TensorPrinter against what real PyTorch 1.13 printed (tools/fixtures/gen_printing.py). */
class TensorPrinterTest {

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        List<Object> cases = Json.asList(Json.resource("fixtures/printing.json"));
        assertTrue(cases.size() >= 80, "fixture has " + cases.size() + " cases");
        return cases.stream().map(Json::asMap).map(c -> DynamicTest.dynamicTest(
                (String) c.get("name"), () -> assertEquals(c.get("repr"), print(c))));
    }

    private static String print(Map<String, Object> c) {
        DType dtype = switch ((String) c.get("dtype")) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            case "int64" -> DType.INT64;
            case "int32" -> DType.INT32;
            case "bool" -> DType.BOOL;
            default -> throw new IllegalArgumentException("dtype " + c.get("dtype"));
        };
        long[] shape = Json.asLongArray(c.get("shape"));
        List<Object> values = Json.asList(c.get("values"));
        TensorPrinter.ElementReader reader;
        if (dtype.isFloatingPoint()) {
            double[] v = Json.asDoubleArray(values);
            if (dtype == DType.FLOAT32) {
                for (double x : v) assertEquals(x, (double) (float) x, "float32 fixture value " + x);
            }
            reader = new ArrayReader(v, null);
        } else {
            reader = new ArrayReader(null, Json.asLongArray(values));
        }
        Device device = c.containsKey("device") ? Device.of((String) c.get("device")) : Device.CPU;
        return TensorPrinter.format(shape, dtype, reader, device, (String) c.get("suffix"));
    }

    private record ArrayReader(double[] doubles, long[] longs) implements TensorPrinter.ElementReader {
        @Override public double getDouble(long index) { return doubles[Math.toIntExact(index)]; }

        @Override public long getLong(long index) { return longs[Math.toIntExact(index)]; }
    }

    @Test
    void hugeTensorReadsOnlyPrintedElements() {
        long[] shape = {1000, 10, 1000};
        AtomicLong reads = new AtomicLong();
        TensorPrinter.ElementReader reader = new TensorPrinter.ElementReader() {
            @Override public double getDouble(long index) {
                reads.incrementAndGet();
                return index;
            }

            @Override public long getLong(long index) { throw new AssertionError("float tensor"); }
        };
        String s = TensorPrinter.format(shape, DType.FLOAT32, reader, Device.CPU, null);
        assertEquals(6 * 6 * 6, reads.get());
        // as printed by torch.arange(1e7, dtype=torch.float32).reshape(1000, 10, 1000)
        assertTrue(s.startsWith("""
                tensor([[[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 9.9700e+02,
                          9.9800e+02, 9.9900e+02],
                         [1.0000e+03,"""), s);
        assertTrue(s.endsWith("""
                1.0000e+07,
                          1.0000e+07, 1.0000e+07]]])"""), s);
    }

    @Test
    void pythonRoundingNotJavaFormatter() {
        // Java's String.format gives 0.13, 3 and 0.0038 for these; Python rounds the exact binary value.
        assertEquals("0.12", TensorPrinter.fixed(0.125, 2));
        assertEquals("2", TensorPrinter.fixed(2.5, 0));
        assertEquals("0.0037", TensorPrinter.fixed(0.00375, 4));
        assertEquals("1.0001", TensorPrinter.fixed(1.00005, 4));
        assertEquals("-0", TensorPrinter.fixed(-0.0, 0));
        assertEquals("1.0000e-05", TensorPrinter.scientific(1e-5));
        assertEquals("1.0000e+10", TensorPrinter.scientific(1e10));
        assertEquals("-1.2346e+100", TensorPrinter.scientific(-1.23456e100));
        assertEquals("4.9407e-324", TensorPrinter.scientific(Double.MIN_VALUE));
        assertEquals("1.0000e+01", TensorPrinter.scientific(9.99995000001));
        assertEquals("-0.0000e+00", TensorPrinter.scientific(-0.0));
    }
}
