package dev.jgrad.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void parsesNestedStructuresInOrder() {
        Object v = Json.parse(" {\"b\": [1, 2.5, true, false, null], \"a\": {\"x\": \"y\"}, \"c\": []} ");
        Map<String, Object> m = Json.asMap(v);
        assertEquals(List.of("b", "a", "c"), List.copyOf(m.keySet()));
        List<Object> b = Json.asList(m.get("b"));
        assertEquals(5, b.size());
        assertEquals(1, Json.asLong(b.get(0)));
        assertEquals(2.5, Json.asDouble(b.get(1)));
        assertEquals(Boolean.TRUE, b.get(2));
        assertEquals(Boolean.FALSE, b.get(3));
        assertNull(b.get(4));
        assertEquals(Map.of("x", "y"), m.get("a"));
        assertEquals(List.of(), m.get("c"));
        assertEquals(Map.of(), Json.parse("{}"));
        assertEquals("s", Json.parse("\"s\""));
        assertNull(Json.parse("null"));
    }

    @Test
    void numbersKeepTheirExactValue() {
        assertEquals(9007199254740993L, Json.asLong(Json.parse("9007199254740993")));
        assertEquals(Long.MAX_VALUE, Json.asLong(Json.parse("9223372036854775807")));
        assertEquals(Long.MIN_VALUE, Json.asLong(Json.parse("-9223372036854775808")));
        assertEquals(300, Json.asLong(Json.parse("3e2")));
        assertEquals(7, Json.asLong(Json.parse("7.0")));
        assertThrows(ArithmeticException.class, () -> Json.asLong(Json.parse("9223372036854775808")));
        assertThrows(ArithmeticException.class, () -> Json.asLong(Json.parse("1.5")));

        Json.Num n = assertInstanceOf(Json.Num.class, Json.parse("-0.0"));
        assertEquals("-0.0", n.text());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Json.asDouble(n)));
        assertEquals(0.1, Json.asDouble(Json.parse("0.1")));
        assertEquals(1.0000500000000001, Json.asDouble(Json.parse("1.0000500000000001")));
        assertEquals(4.9e-324, Json.asDouble(Json.parse("4.9e-324")));
        assertEquals(1e300, Json.asDouble(Json.parse("1E+300")));
        assertEquals(new BigDecimal("12345678901234567890.5"),
                ((Json.Num) Json.parse("12345678901234567890.5")).bigDecimal());
        assertEquals(Json.parse("1.50"), Json.parse("1.50"));
    }

    @Test
    void nonFiniteSpellings() {
        assertTrue(Double.isNaN(Json.asDouble("nan")));
        assertEquals(Double.POSITIVE_INFINITY, Json.asDouble("inf"));
        assertEquals(Double.NEGATIVE_INFINITY, Json.asDouble("-inf"));
        assertEquals(Double.NEGATIVE_INFINITY, Json.asDouble("-Infinity"));
        assertThrows(IllegalArgumentException.class, () -> Json.asDouble("1.5"));
        assertThrows(IllegalArgumentException.class, () -> Json.asDouble(null));
        assertThrows(IllegalArgumentException.class, () -> Json.asLong("3"));
    }

    @Test
    void arrayHelpers() {
        assertEquals(List.of(2L, 0L), toList(Json.asLongArray(Json.parse("[2, 0]"))));
        double[] d = Json.asDoubleArray(Json.parse("[1.5, \"nan\", \"-inf\", -0.0]"));
        assertEquals(1.5, d[0]);
        assertTrue(Double.isNaN(d[1]));
        assertEquals(Double.NEGATIVE_INFINITY, d[2]);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(d[3]));
        assertEquals(List.of(1L, 0L), toList(Json.asLongArray(Json.parse("[true, false]"))));
        assertThrows(IllegalArgumentException.class, () -> Json.asList(Json.parse("{}")));
        assertThrows(IllegalArgumentException.class, () -> Json.asMap(Json.parse("[]")));
    }

    private static List<Long> toList(long[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    @Test
    void stringEscapes() {
        assertEquals("a\"b\\c/d\b\f\n\r\t", Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\""));
        assertEquals("\u00e9\u20ac", Json.parse("\"\\u00e9\\u20AC\""));
        assertEquals("\uD83D\uDE00", Json.parse("\"\\ud83d\\ude00\""));
        assertEquals("tensor([[1., 1.],\n        [1., 1.]])",
                Json.parse("\"tensor([[1., 1.],\\n        [1., 1.]])\""));
        assertEquals("caf\u00e9", Json.parse("\"caf\u00e9\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "[", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "{a:1}", "{\"a\":1}}", "01", "-", "1.",
        ".5", "1e", "+1", "NaN", "Infinity", "nan", "tru", "nul", "'x'", "\"abc", "\"a\\x\"", "\"\\u12\"",
        "\"tab\there\"", "[1] [2]", "{\"a\":1,\"a\":2}", "[\"a\" \"b\"]", "\u00a0[]"
    })
    void rejectsInvalidInput(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
        assertTrue(e.getMessage().startsWith("JSON: "), e.getMessage());
    }

    @Test
    void errorsSayWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.parse("{\n  \"a\": [1,\n  ]\n}"));
        assertEquals("JSON: unexpected character ']' at line 3, column 3", e.getMessage());
    }

    @Test
    void deepNestingFailsCleanly() {
        String deep = "[".repeat(100_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nesting"), e.getMessage());
        Object ok = Json.parse("[".repeat(200) + "]".repeat(200));
        assertFalse(Json.asList(ok).isEmpty());
    }

    @Test
    void readsFilesAndResources(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.json");
        Files.writeString(f, "{\"k\": [\"\u00e9\"]}");
        assertEquals(Map.of("k", List.of("\u00e9")), Json.parseFile(f));
        assertInstanceOf(List.class, Json.resource("fixtures/printing.json"));
        assertInstanceOf(List.class, Json.resource("/fixtures/printing.json"));
        assertThrows(IllegalArgumentException.class, () -> Json.resource("fixtures/missing.json"));
    }
}
