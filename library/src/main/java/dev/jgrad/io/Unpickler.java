package dev.jgrad.io;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle reader that builds only plain data (as {@code torch.load(weights_only=True)} does), so a file can
 * never make it run code: every GLOBAL goes through {@link Hooks#global}, which allows or refuses it, and
 * REDUCE, BUILD and BINPERSID go to the hooks too. Every length and index read from the input is checked
 * before use, and errors are IllegalArgumentExceptions that say what is wrong and where.
 *
 * <p>Python values become: int → Long, float → Double, str → String, bool → Boolean, None → null,
 * list → ArrayList, tuple → Object[], dict → LinkedHashMap.
 */
final class Unpickler {
    /** A {@code module.name} a GLOBAL named, after the hooks allowed it. */
    record Global(String module, String name) {
        @Override public String toString() { return module + "." + name; }
    }

    /** What the caller allows and builds: the only way a file's globals can have an effect. */
    interface Hooks {
        /** Returns the value GLOBAL pushes, or throws for a global that is not allowed. */
        Object global(String module, String name);

        /** The value of {@code func(*args)} for a func that {@link #global} returned. */
        Object reduce(Object func, Object[] args);

        /** The value a persistent id stands for (a storage in PyTorch files). */
        Object persistentLoad(Object pid);

        /** Applies BUILD's state to an object (PyTorch uses it only for an OrderedDict's attributes). */
        void build(Object target, Object state);
    }

    private static final int MAX_LINE = 1024;

    private final ByteBuffer in;
    private final Hooks hooks;
    private ArrayList<Object> stack = new ArrayList<>();
    private final ArrayList<ArrayList<Object>> metastack = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    Unpickler(byte[] data, Hooks hooks) {
        this.in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        this.hooks = hooks;
    }

    /** Runs the pickle to its STOP and returns the value it left. */
    Object load() {
        while (true) {
            int at = in.position();
            int op = u8();
            switch (op) {
                case 0x80 -> { // PROTO
                    int v = u8();
                    if (v > 5) throw bad(at, "unsupported pickle protocol " + v);
                }
                case '.' -> { // STOP
                    Object result = pop(at);
                    if (!stack.isEmpty() || !metastack.isEmpty()) throw bad(at, "STOP with values left on the stack");
                    return result;
                }
                case '(' -> { metastack.add(stack); stack = new ArrayList<>(); } // MARK
                case '}' -> stack.add(new LinkedHashMap<>()); // EMPTY_DICT
                case ']' -> stack.add(new ArrayList<>()); // EMPTY_LIST
                case ')' -> stack.add(new Object[0]); // EMPTY_TUPLE
                case 't' -> { Object[] items = popMark(at).toArray(); stack.add(items); } // TUPLE (pop first: it replaces the stack)
                case 0x85 -> stack.add(new Object[] {pop(at)}); // TUPLE1
                case 0x86 -> { Object b = pop(at), a = pop(at); stack.add(new Object[] {a, b}); } // TUPLE2
                case 0x87 -> { Object c = pop(at), b = pop(at), a = pop(at); stack.add(new Object[] {a, b, c}); } // TUPLE3
                case 'N' -> stack.add(null); // NONE
                case 0x88 -> stack.add(Boolean.TRUE); // NEWTRUE
                case 0x89 -> stack.add(Boolean.FALSE); // NEWFALSE
                case 'K' -> stack.add((long) u8()); // BININT1
                case 'M' -> { need(at, 2); stack.add((long) (in.getShort() & 0xffff)); } // BININT2
                case 'J' -> { need(at, 4); stack.add((long) in.getInt()); } // BININT
                case 0x8a -> stack.add(long1(at)); // LONG1
                case 'G' -> { need(at, 8); stack.add(Double.longBitsToDouble(Long.reverseBytes(in.getLong()))); } // BINFLOAT (big-endian)
                case 'X' -> { need(at, 4); stack.add(utf8(at, Integer.toUnsignedLong(in.getInt()))); } // BINUNICODE
                case 0x8c -> stack.add(utf8(at, u8())); // SHORT_BINUNICODE
                case 'a' -> { Object v = pop(at); list(at, top(at)).add(v); } // APPEND
                case 'e' -> { List<Object> items = popMark(at); list(at, top(at)).addAll(items); } // APPENDS
                case 's' -> { Object v = pop(at), k = pop(at); put(at, top(at), k, v); } // SETITEM
                case 'u' -> { // SETITEMS
                    List<Object> items = popMark(at);
                    if (items.size() % 2 != 0) throw bad(at, "SETITEMS with an odd number of items");
                    Object d = top(at);
                    for (int i = 0; i < items.size(); i += 2) put(at, d, items.get(i), items.get(i + 1));
                }
                case 'q' -> memo.put((long) u8(), top(at)); // BINPUT
                case 'r' -> { need(at, 4); memo.put(Integer.toUnsignedLong(in.getInt()), top(at)); } // LONG_BINPUT
                case 'h' -> stack.add(memoGet(at, u8())); // BINGET
                case 'j' -> { need(at, 4); stack.add(memoGet(at, Integer.toUnsignedLong(in.getInt()))); } // LONG_BINGET
                case 'c' -> { String module = line(at), name = line(at); stack.add(hooks.global(module, name)); } // GLOBAL
                case 'R' -> { // REDUCE
                    Object args = pop(at), func = pop(at);
                    if (!(args instanceof Object[] a)) throw bad(at, "REDUCE arguments are not a tuple");
                    stack.add(hooks.reduce(func, a));
                }
                case 'b' -> { Object state = pop(at); hooks.build(top(at), state); } // BUILD
                case 'Q' -> stack.add(hooks.persistentLoad(pop(at))); // BINPERSID
                default -> throw bad(at, String.format("unsupported pickle opcode 0x%02x", op));
            }
        }
    }

    private static IllegalArgumentException bad(int at, String what) {
        return new IllegalArgumentException("invalid pickle at byte " + at + ": " + what);
    }

    private void need(int at, long n) {
        if (n > in.remaining()) throw bad(at, "truncated (needs " + n + " more bytes, " + in.remaining() + " left)");
    }

    private int u8() {
        need(in.position(), 1);
        return in.get() & 0xff;
    }

    private Object pop(int at) {
        if (stack.isEmpty()) throw bad(at, "stack underflow");
        return stack.removeLast();
    }

    private Object top(int at) {
        if (stack.isEmpty()) throw bad(at, "stack underflow");
        return stack.getLast();
    }

    private List<Object> popMark(int at) {
        if (metastack.isEmpty()) throw bad(at, "no MARK to pop to");
        List<Object> items = stack;
        stack = metastack.removeLast();
        return items;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(int at, Object target) {
        if (!(target instanceof ArrayList<?> l)) throw bad(at, "append to a " + typeName(target) + ", not a list");
        return (List<Object>) l;
    }

    @SuppressWarnings("unchecked")
    private static void put(int at, Object target, Object key, Object value) {
        if (!(target instanceof LinkedHashMap<?, ?> m)) throw bad(at, "set an item of a " + typeName(target) + ", not a dict");
        if (key instanceof List<?> || key instanceof Map<?, ?>) throw bad(at, "unhashable dict key (" + typeName(key) + ")");
        ((Map<Object, Object>) m).put(key, value);
    }

    private Object memoGet(int at, long index) {
        if (!memo.containsKey(index)) throw bad(at, "memo index " + index + " was never stored");
        return memo.get(index);
    }

    private long long1(int at) {
        int n = u8();
        need(at, n);
        if (n == 0) return 0L;
        byte[] le = new byte[n];
        in.get(le);
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) be[i] = le[n - 1 - i];
        BigInteger v = new BigInteger(be);
        if (v.bitLength() > 63) throw bad(at, "integer " + (n > 40 ? "of " + n + " bytes" : v) + " does not fit in 64 bits");
        return v.longValue();
    }

    private String utf8(int at, long length) {
        need(at, length);
        byte[] b = new byte[(int) length];
        in.get(b);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw bad(at, "string is not valid UTF-8");
        }
    }

    /** A newline-terminated ASCII line (GLOBAL's module and name). */
    private String line(int at) {
        int start = in.position();
        for (int i = start; i < in.limit() && i - start <= MAX_LINE; i++) {
            if (in.get(i) == '\n') {
                byte[] b = new byte[i - start];
                in.get(b);
                in.get();
                for (byte c : b) if (c < 0x20 || c > 0x7e) throw bad(at, "GLOBAL name is not printable ASCII");
                return new String(b, StandardCharsets.US_ASCII);
            }
        }
        throw bad(at, "GLOBAL name without a terminating newline");
    }

    static String typeName(Object o) {
        return switch (o) {
            case null -> "None";
            case Object[] a -> "tuple";
            case List<?> l -> "list";
            case Map<?, ?> m -> "dict";
            case Global g -> g.toString();
            default -> o.getClass().getSimpleName();
        };
    }
}
