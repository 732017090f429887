package dev.jgrad.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python literals a {@code .npy} header is written in, read the way numpy reads them
 * ({@code ast.literal_eval}, after dropping Python 2's {@code L} suffix in format 1.0 and 2.0 headers):
 * dicts (a repeated key keeps its last value, as in Python), tuples, lists, strings (quotes, {@code u}
 * prefix, escapes, adjacent strings joined), ints of any base and size (with one sign), True, False and
 * None, with Python's spaces, comments and line continuations between them.
 *
 * <p>Values become LinkedHashMap, {@link Tuple}, ArrayList, String, BigInteger, Boolean and {@link #NONE}.
 * Anything else numpy's literal_eval would also take (floats, sets, bytes, arithmetic) cannot appear in a
 * header numpy accepts, so it is refused as a syntax error; so is nesting deeper than {@link #MAX_DEPTH}.
 */
final class PyLiteral {
    /** A Python tuple (a record, so tuples compare by value as dict keys). */
    record Tuple(List<Object> items) {
        @Override public String toString() {
            String inner = items.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
            return "(" + inner + (items.size() == 1 ? ",)" : ")");
        }
    }

    /** Python's None. */
    static final Object NONE = new Object() {
        @Override public String toString() { return "None"; }
    };

    static final int MAX_DEPTH = 100;

    /** A syntax error, with the position; the reader turns it into its own message. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) { super(message, null, false, false); }
    }

    private final String s;
    private final boolean python2Longs;
    private int i;

    private PyLiteral(String s, boolean python2Longs) {
        this.s = s;
        this.python2Longs = python2Longs;
    }

    /** python2Longs: accept {@code 3L} (numpy filters it out of format 1.0 and 2.0 headers only). */
    static Object parse(String text, boolean python2Longs) throws SyntaxError {
        if (text.indexOf('\0') >= 0) throw new SyntaxError("NUL byte in the header");
        PyLiteral p = new PyLiteral(text, python2Longs);
        p.space();
        Object v = p.value(0);
        p.space();
        if (p.i != text.length()) throw p.error("unexpected '" + text.charAt(p.i) + "'");
        return v;
    }

    private SyntaxError error(String what) {
        return new SyntaxError(what + " at character " + i);
    }

    private boolean more() { return i < s.length(); }

    private char peek() { return s.charAt(i); }

    /** Spaces, tabs, form feeds, newlines, comments and backslash-newline continuations. */
    private void space() {
        while (more()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
                i++;
            } else if (c == '#') {
                while (more() && peek() != '\n' && peek() != '\r') i++;
            } else if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '\n' || s.charAt(i + 1) == '\r')) {
                i += 2;
                if (s.charAt(i - 1) == '\r' && more() && peek() == '\n') i++;
            } else {
                return;
            }
        }
    }

    private void expect(char c) throws SyntaxError {
        space();
        if (!more() || peek() != c) throw error("expected '" + c + "'");
        i++;
    }

    private Object value(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH);
        space();
        if (!more()) throw error("unexpected end");
        char c = peek();
        switch (c) {
            case '{': return dict(depth);
            case '(': return parenthesised(depth);
            case '[': {
                i++;
                return sequence(']', depth, new ArrayList<>());
            }
            case '\'', '"': return strings();
            case '+', '-': return signed();
            default:
                break;
        }
        if (c >= '0' && c <= '9') return integer(false);
        if (isNameStart(c)) {
            String name = name();
            if (more() && (peek() == '\'' || peek() == '"') && (name.equals("u") || name.equals("U"))) return strings();
            return switch (name) {
                case "True" -> Boolean.TRUE;
                case "False" -> Boolean.FALSE;
                case "None" -> NONE;
                default -> throw error("name '" + name + "' is not a literal");
            };
        }
        throw error("unexpected '" + c + "'");
    }

    private static boolean isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

    private static boolean isNamePart(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }

    private String name() {
        int start = i;
        while (more() && isNamePart(peek())) i++;
        return s.substring(start, i);
    }

    private Map<Object, Object> dict(int depth) throws SyntaxError {
        i++;
        Map<Object, Object> m = new LinkedHashMap<>();
        while (true) {
            space();
            if (more() && peek() == '}') {
                i++;
                return m;
            }
            Object key = value(depth + 1);
            if (key instanceof Map<?, ?> || key instanceof List<?>) throw error("unhashable dict key");
            expect(':');
            Object v = value(depth + 1);
            m.remove(key);  // Python keeps a repeated key's first position but its last value; position does not matter here
            m.put(key, v);
            space();
            if (more() && peek() == ',') {
                i++;
            } else if (!more() || peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
    }

    /** {@code (x)} is x itself; a comma makes a tuple: {@code ()}, {@code (x,)}, {@code (x, y)}. */
    private Object parenthesised(int depth) throws SyntaxError {
        i++;
        space();
        if (more() && peek() == ')') {
            i++;
            return new Tuple(List.of());
        }
        Object first = value(depth + 1);
        space();
        if (more() && peek() == ')') {
            i++;
            return first;
        }
        expect(',');
        List<Object> items = new ArrayList<>();
        items.add(first);
        return new Tuple(sequence(')', depth, items));
    }

    /** The rest of a tuple or list after its opening (and any items already read): items, an optional trailing comma, close. */
    private List<Object> sequence(char close, int depth, List<Object> items) throws SyntaxError {
        while (true) {
            space();
            if (more() && peek() == close) {
                i++;
                return items;
            }
            items.add(value(depth + 1));
            space();
            if (more() && peek() == ',') {
                i++;
            } else if (!more() || peek() != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    /** One sign, then an int (spaces may separate them, as Python's tokens may be). */
    private BigInteger signed() throws SyntaxError {
        boolean negative = peek() == '-';
        i++;
        space();
        if (!more() || peek() < '0' || peek() > '9') throw error("a sign must be followed by a number");
        return integer(negative);
    }

    private BigInteger integer(boolean negative) throws SyntaxError {
        int radix = 10;
        if (peek() == '0' && i + 1 < s.length()) {
            char p = Character.toLowerCase(s.charAt(i + 1));
            radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
            if (radix != 10) i += 2;
        }
        StringBuilder digits = new StringBuilder();
        boolean underscoreOk = radix != 10;  // 0x_1f is Python; 1__0 and 1_ are not
        while (more()) {
            char c = peek();
            if (c == '_' && underscoreOk && i + 1 < s.length() && Character.digit(s.charAt(i + 1), radix) >= 0
                    && s.charAt(i + 1) < 0x80) {
                i++;
                underscoreOk = false;
                continue;
            }
            if (c >= 0x80 || Character.digit(c, radix) < 0) break;
            digits.append(c);
            underscoreOk = true;
            i++;
        }
        if (digits.isEmpty()) throw error("invalid number");
        if (more() && (peek() == '.' || peek() == 'e' || peek() == 'E' || peek() == 'j' || peek() == 'J') && radix == 10) {
            throw error("only integers are allowed");
        }
        if (radix == 10 && digits.length() > 1 && digits.charAt(0) == '0' && !digits.chars().allMatch(ch -> ch == '0')) {
            throw error("leading zeros in a decimal integer");
        }
        BigInteger v = new BigInteger(digits.toString(), radix);
        if (python2Longs) {
            int save = i;
            while (more() && (peek() == ' ' || peek() == '\t')) i++;
            if (more() && peek() == 'L' && (i + 1 == s.length() || !isNamePart(s.charAt(i + 1)))) {
                i++;
            } else {
                i = save;
            }
        }
        if (more() && isNamePart(peek())) throw error("invalid number");
        return negative ? v.negate() : v;
    }

    /** Adjacent string literals, joined as Python joins them. */
    private String strings() throws SyntaxError {
        StringBuilder b = new StringBuilder();
        do {
            if (peek() == 'u' || peek() == 'U') i++;
            string(b);
            space();
        } while (more() && (peek() == '\'' || peek() == '"'
                || ((peek() == 'u' || peek() == 'U') && i + 1 < s.length() && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"'))));
        return b.toString();
    }

    private void string(StringBuilder b) throws SyntaxError {
        char q = peek();
        boolean triple = s.startsWith(String.valueOf(q).repeat(3), i);
        i += triple ? 3 : 1;
        while (true) {
            if (!more()) throw error("unterminated string");
            char c = s.charAt(i++);
            if (c == q && (!triple || s.startsWith(String.valueOf(q).repeat(2), i))) {
                if (triple) i += 2;
                return;
            }
            if ((c == '\n' || c == '\r') && !triple) throw error("newline in a string");
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (!more()) throw error("unterminated string");
            char e = s.charAt(i++);
            switch (e) {
                case '\n' -> { }
                case '\r' -> { if (more() && peek() == '\n') i++; }
                case '\\', '\'', '"' -> b.append(e);
                case 'a' -> b.append('\u0007');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'v' -> b.append('\u000b');
                case 'x' -> b.appendCodePoint((int) hex(2));
                case 'u' -> b.appendCodePoint((int) hex(4));
                case 'U' -> {
                    long cp = hex(8);
                    if (cp > Character.MAX_CODE_POINT) throw error("escape outside the Unicode range");
                    b.appendCodePoint((int) cp);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0; k < 2 && more() && peek() >= '0' && peek() <= '7'; k++) v = v * 8 + (s.charAt(i++) - '0');
                        b.append((char) v);
                    } else if (e == 'N') {
                        throw error("\\N{...} escapes are not supported");
                    } else {
                        b.append('\\').append(e);  // Python keeps an unknown escape as written
                    }
                }
            }
        }
    }

    private long hex(int n) throws SyntaxError {
        if (i + n > s.length()) throw error("truncated escape");
        long v = 0;
        for (int k = 0; k < n; k++) {
            int d = Character.digit(s.charAt(i + k), 16);
            if (d < 0 || s.charAt(i + k) >= 0x80) throw error("bad escape");
            v = v * 16 + d;
        }
        i += n;
        return v;
    }
}
