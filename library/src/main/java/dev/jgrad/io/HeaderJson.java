package dev.jgrad.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A strict JSON reader over the UTF-8 bytes of a safetensors header, read token by token so the caller
 * builds only what it keeps (a header of a million tensors must not become a million generic maps).
 * Numbers the caller reads are JSON integers in ASCII digits without leading zeros; values it skips may be
 * any JSON. Text outside strings must be ASCII, and strings must be valid UTF-8 (lone surrogate escapes
 * are refused, as the reference reader, serde_json, refuses them). Errors are IllegalArgumentExceptions.
 */
final class HeaderJson {
    private static final int MAX_DEPTH = 128;

    private final byte[] b;
    private int i;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    HeaderJson(byte[] utf8) { this.b = utf8; }

    IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid safetensors header: " + what + " at byte " + i);
    }

    void space() {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) i++;
    }

    boolean atEnd() {
        space();
        return i >= b.length;
    }

    /** The next non-space character, or -1 at the end (not consumed). */
    int peek() {
        space();
        return i < b.length ? b[i] & 0xff : -1;
    }

    void expect(char c) {
        if (peek() != c) throw error(i < b.length ? "expected '" + c + "'" : "unexpected end, expected '" + c + "'");
        i++;
    }

    /** Consumes c if it comes next. */
    boolean consume(char c) {
        if (peek() != c) return false;
        i++;
        return true;
    }

    boolean consumeLiteral(String word) {
        space();
        for (int k = 0; k < word.length(); k++) if (i + k >= b.length || b[i + k] != word.charAt(k)) return false;
        i += word.length();
        return true;
    }

    /** After '{' or '[' and each member: true while another member follows (consuming the separating comma). */
    boolean more(char close) {
        int c = peek();
        if (c == close) {
            i++;
            return false;
        }
        return true;
    }

    void separator(char close) {
        int c = peek();
        if (c == ',') {
            i++;
            if (peek() == close) throw error("trailing comma");
        } else if (c != close) {
            throw error("expected ',' or '" + close + "'");
        }
    }

    String string() {
        if (peek() != '"') throw error("expected a string");
        i++;
        StringBuilder out = null;
        int start = i;
        while (true) {
            if (i >= b.length) throw error("unterminated string");
            int c = b[i] & 0xff;
            if (c == '"') {
                String tail = decode(start, i);
                i++;
                return out == null ? tail : out.append(tail).toString();
            }
            if (c < 0x20) throw error("control character in a string");
            if (c != '\\') {
                i++;
                continue;
            }
            if (out == null) out = new StringBuilder();
            out.append(decode(start, i));
            i++;
            if (i >= b.length) throw error("unterminated string");
            char e = (char) b[i++];
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    char u = hex4();
                    if (Character.isHighSurrogate(u)) {
                        if (i + 1 < b.length && b[i] == '\\' && b[i + 1] == 'u') {
                            i += 2;
                            char low = hex4();
                            if (!Character.isLowSurrogate(low)) throw error("unpaired surrogate in a \\u escape");
                            out.append(u).append(low);
                        } else {
                            throw error("unpaired surrogate in a \\u escape");
                        }
                    } else if (Character.isLowSurrogate(u)) {
                        throw error("unpaired surrogate in a \\u escape");
                    } else {
                        out.append(u);
                    }
                }
                default -> throw error("invalid escape");
            }
            start = i;
        }
    }

    private char hex4() {
        if (i + 4 > b.length) throw error("truncated \\u escape");
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit((char) b[i + k], 16);
            if (d < 0 || b[i + k] < 0) throw error("invalid \\u escape");
            v = v * 16 + d;
        }
        i += 4;
        return (char) v;
    }

    private String decode(int from, int to) {
        if (from == to) return "";
        try {
            CharBuffer cb = utf8.reset().decode(ByteBuffer.wrap(b, from, to - from));
            return cb.toString();
        } catch (CharacterCodingException e) {
            throw error("string is not valid UTF-8");
        }
    }

    /**
     * A non-negative JSON integer that fits a long (safetensors' sizes and offsets are usize). Anything
     * else is refused: fractions and exponents, leading zeros, a minus sign (even -0, which serde_json
     * reads as a float), digits outside ASCII.
     */
    long natural() {
        int c = peek();
        if (c == '-') throw error("expected a non-negative integer, got a negative number");
        if (c < '0' || c > '9') throw error("expected an integer");
        int start = i;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') i++;
        if (i < b.length && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) throw error("expected an integer");
        if (i - start > 1 && b[start] == '0') throw error("leading zero in a number");
        if (i - start > 19) throw error("integer too large");
        long v = 0;
        for (int k = start; k < i; k++) {
            v = v * 10 + (b[k] - '0');
            if (v < 0) throw error("integer too large");
        }
        return v;
    }

    /** Checks and skips any JSON value (a field the reader does not use). */
    void skipValue() { skipValue(0); }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH);
        int c = peek();
        switch (c) {
            case '{' -> {
                i++;
                while (more('}')) {
                    string();
                    expect(':');
                    skipValue(depth + 1);
                    separator('}');
                }
            }
            case '[' -> {
                i++;
                while (more(']')) {
                    skipValue(depth + 1);
                    separator(']');
                }
            }
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) number();
                else throw error(c < 0 ? "unexpected end" : "unexpected character");
            }
        }
    }

    private void literal(String word) {
        if (!consumeLiteral(word)) throw error("unexpected token");
    }

    /** JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? in ASCII digits. */
    private void number() {
        if (b[i] == '-') i++;
        int start = i;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') i++;
        if (i == start || (i - start > 1 && b[start] == '0')) throw error("invalid number");
        if (i < b.length && b[i] == '.') {
            i++;
            if (!digits()) throw error("invalid number");
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < b.length && (b[i] == '+' || b[i] == '-')) i++;
            if (!digits()) throw error("invalid number");
        }
    }

    private boolean digits() {
        int start = i;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') i++;
        return i > start;
    }

    /** JSON text of a string as the reference writer (serde_json) escapes it: UTF-8 kept, control characters escaped. */
    static String quote(String v) {
        StringBuilder out = new StringBuilder("\"");
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
