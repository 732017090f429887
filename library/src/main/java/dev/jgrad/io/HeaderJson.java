package dev.jgrad.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON subset a safetensors header uses (objects, arrays, strings, integers, booleans, null),
 * parsed strictly: anything else is a corrupt header. Reading writes nothing back, so key order is kept
 * only for error messages and metadata.
 */
final class HeaderJson {
    private final String s;
    private int i;

    private HeaderJson(String s) { this.s = s; }

    static Object parse(String text) {
        HeaderJson p = new HeaderJson(text);
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.i != text.length()) throw p.error("trailing characters");
        return v;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid safetensors header: " + what + " at character " + i);
    }

    private void skipSpace() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\r' || s.charAt(i) == '\t')) i++;
    }

    private Object value(int depth) {
        if (depth > 64) throw error("nesting too deep");
        if (i >= s.length()) throw error("unexpected end");
        char c = s.charAt(i);
        switch (c) {
            case '{' -> { return object(depth); }
            case '[' -> { return array(depth); }
            case '"' -> { return string(); }
            case 't' -> { return literal("true", Boolean.TRUE); }
            case 'f' -> { return literal("false", Boolean.FALSE); }
            case 'n' -> { return literal("null", null); }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected '" + c + "'");
            }
        }
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, i)) throw error("unexpected token");
        i += word.length();
        return v;
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        skipSpace();
        if (i < s.length() && s.charAt(i) == '}') { i++; return m; }
        while (true) {
            skipSpace();
            if (i >= s.length() || s.charAt(i) != '"') throw error("expected a key");
            String key = string();
            skipSpace();
            if (i >= s.length() || s.charAt(i) != ':') throw error("expected ':'");
            i++;
            skipSpace();
            if (m.containsKey(key)) throw error("duplicate key \"" + key + "\"");
            m.put(key, value(depth + 1));
            skipSpace();
            if (i >= s.length()) throw error("unexpected end");
            if (s.charAt(i) == ',') { i++; continue; }
            if (s.charAt(i) == '}') { i++; return m; }
            throw error("expected ',' or '}'");
        }
    }

    private List<Object> array(int depth) {
        List<Object> a = new ArrayList<>();
        i++;
        skipSpace();
        if (i < s.length() && s.charAt(i) == ']') { i++; return a; }
        while (true) {
            skipSpace();
            a.add(value(depth + 1));
            skipSpace();
            if (i >= s.length()) throw error("unexpected end");
            if (s.charAt(i) == ',') { i++; continue; }
            if (s.charAt(i) == ']') { i++; return a; }
            throw error("expected ',' or ']'");
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) throw error("unterminated string");
            char c = s.charAt(i++);
            if (c == '"') return b.toString();
            if (c < 0x20) throw error("control character in string");
            if (c != '\\') { b.append(c); continue; }
            if (i >= s.length()) throw error("unterminated escape");
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) throw error("bad \\u escape");
                    try {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    i += 4;
                }
                default -> throw error("bad escape");
            }
        }
    }

    private Long number() {
        int start = i;
        if (s.charAt(i) == '-') i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E')) throw error("expected an integer");
        try {
            return Long.parseLong(s.substring(start, i));
        } catch (NumberFormatException ex) {
            throw error("bad integer");
        }
    }

    /** JSON text of a string, for the writer. */
    static String quote(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
