package dev.jgrad.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict RFC 8259 JSON reader for test fixtures.
 *
 * <p>Values map to {@link LinkedHashMap} (key order kept; duplicate keys rejected), {@link ArrayList},
 * {@link String}, {@link Boolean}, {@code null} and {@link Num}. Numbers keep their source text, so
 * int64 values beyond 2^53 and the sign of {@code -0.0} survive; read them with {@link #asLong} and
 * {@link #asDouble}. Fixtures spell non-finite floats as the strings "nan", "inf" and "-inf", which
 * {@link #asDouble} understands.
 */
public final class Json {

    /** A JSON number, kept as written. */
    public static final class Num extends Number {
        private static final long serialVersionUID = 1L;
        private final String text;

        Num(String text) { this.text = text; }

        /** Nearest double, correctly rounded; "-0.0" stays negative zero. */
        @Override public double doubleValue() { return Double.parseDouble(text); }

        @Override public float floatValue() { return Float.parseFloat(text); }

        /** Exact; throws ArithmeticException unless the number is an integer within long range. */
        @Override public long longValue() {
            if (isPlainInteger()) return Long.parseLong(text);
            return bigDecimal().longValueExact();
        }

        @Override public int intValue() { return Math.toIntExact(longValue()); }

        public BigDecimal bigDecimal() { return new BigDecimal(text); }

        /** The number exactly as it appeared in the source. */
        public String text() { return text; }

        private boolean isPlainInteger() {
            return text.length() < 19 && text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        }

        @Override public boolean equals(Object o) { return o instanceof Num n && n.text.equals(text); }

        @Override public int hashCode() { return text.hashCode(); }

        @Override public String toString() { return text; }
    }

    // Depth is bounded so that a malformed file fails with a message instead of a StackOverflowError.
    private static final int MAX_DEPTH = 512;

    private final String src;
    private int pos;

    private Json(String src) { this.src = src; }

    public static Object parse(String text) {
        Json p = new Json(text);
        p.skipWhitespace();
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) throw p.error("unexpected trailing content");
        return value;
    }

    public static Object parseFile(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a resource from the test classpath, e.g. {@code "fixtures/printing.json"}. */
    public static Object resource(String classpathName) {
        String name = classpathName.startsWith("/") ? classpathName.substring(1) : classpathName;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no such test resource: " + classpathName);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number, or one of the strings "nan", "inf", "-inf" (also "NaN", "Infinity", "-Infinity"). */
    public static double asDouble(Object value) {
        if (value instanceof Number n) return n.doubleValue();
        if (value instanceof String s) {
            switch (s) {
                case "nan", "NaN" -> { return Double.NaN; }
                case "inf", "Infinity", "+inf" -> { return Double.POSITIVE_INFINITY; }
                case "-inf", "-Infinity" -> { return Double.NEGATIVE_INFINITY; }
                default -> { }
            }
        }
        throw new IllegalArgumentException("not a JSON number: " + describe(value));
    }

    /** An integral number, exactly; booleans read as 0 and 1. */
    public static long asLong(Object value) {
        if (value instanceof Num n) return n.longValue();
        if (value instanceof Boolean b) return b ? 1 : 0;
        if (value instanceof Long || value instanceof Integer) return ((Number) value).longValue();
        throw new IllegalArgumentException("not a JSON integer: " + describe(value));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        if (value instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw new IllegalArgumentException("not a JSON object: " + describe(value));
    }

    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object value) {
        if (value instanceof List<?> l) return (List<Object>) l;
        throw new IllegalArgumentException("not a JSON array: " + describe(value));
    }

    /** A JSON array of integers as long[] (shapes, index lists). */
    public static long[] asLongArray(Object value) {
        List<Object> list = asList(value);
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = asLong(list.get(i));
        return out;
    }

    /** A JSON array of numbers (or non-finite strings) as double[]. */
    public static double[] asDoubleArray(Object value) {
        List<Object> list = asList(value);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = asDouble(list.get(i));
        return out;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
        if (pos >= src.length()) throw error("unexpected end of input");
        char c = src.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw error("expected a string key");
            int keyAt = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value(depth + 1);
            if (map.containsKey(key)) {
                pos = keyAt;
                throw error("duplicate key \"" + key + "\"");
            }
            map.put(key, v);
            skipWhitespace();
            char c = next();
            if (c == '}') return map;
            if (c != ',') throw error("expected ',' or '}'", pos - 1);
        }
    }

    private List<Object> array(int depth) {
        List<Object> list = new ArrayList<>();
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == ']') return list;
            if (c != ',') throw error("expected ',' or ']'", pos - 1);
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= src.length()) throw error("unterminated string");
            char c = src.charAt(pos);
            if (c == '"') {
                String tail = src.substring(start, pos++);
                return sb == null ? tail : sb.append(tail).toString();
            }
            if (c < 0x20) throw error("unescaped control character in string");
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) sb = new StringBuilder();
            sb.append(src, start, pos);
            pos++;
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(hex4());
                default -> throw error("invalid escape '\\" + e + "'", pos - 1);
            }
            start = pos;
        }
    }

    private char hex4() {
        if (pos + 4 > src.length()) throw error("truncated \\u escape");
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(src.charAt(pos + i), 16);
            if (d < 0) throw error("invalid \\u escape", pos + i);
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Num number() {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw error("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) throw error("expected digits after '.'");
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!digits()) throw error("expected exponent digits");
        }
        return new Num(src.substring(start, pos));
    }

    private boolean digits() {
        int start = pos;
        while (pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') pos++;
        return pos > start;
    }

    private Object literal(String word, Object value) {
        if (!src.startsWith(word, pos)) throw error("invalid literal");
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    /** The next character, or 0 at the end (never valid where a real character is expected). */
    private char peek() { return pos < src.length() ? src.charAt(pos) : 0; }

    private char next() {
        if (pos >= src.length()) throw error("unexpected end of input");
        return src.charAt(pos++);
    }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    private IllegalArgumentException error(String message) { return error(message, pos); }

    private IllegalArgumentException error(String message, int at) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < at && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new IllegalArgumentException("JSON: " + message + " at line " + line + ", column " + col);
    }
}
