package dev.jgrad.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Emits pickle protocol 2 opcodes, only those PyTorch 1.13's {@code weights_only} unpickler understands
 * (plus BINFLOAT, which plain {@code torch.load} needs for Python floats). No memo: nothing is shared
 * by reference, so readers never need BINGET.
 */
final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleWriter() {
        out.write(0x80); // PROTO 2
        out.write(2);
    }

    byte[] finish() {
        out.write('.'); // STOP
        return out.toByteArray();
    }

    void op(int opcode) { out.write(opcode); }

    void mark() { op('('); }
    void none() { op('N'); }
    void bool(boolean v) { op(v ? 0x88 : 0x89); }
    void emptyDict() { op('}'); }
    void emptyList() { op(']'); }
    void appends() { op('e'); }
    void setItems() { op('u'); }
    void reduce() { op('R'); }
    void persistentId() { op('Q'); }

    /** Closes a tuple of n items already written (after a {@link #mark} when n &gt; 3), as pickle does. */
    void tuple(int n) {
        switch (n) {
            case 0 -> op(')');
            case 1 -> op(0x85);
            case 2 -> op(0x86);
            case 3 -> op(0x87);
            default -> op('t');
        }
    }

    /** The smallest of BININT1, BININT2, BININT and LONG1 that holds v, as Python's pickler chooses. */
    void integer(long v) {
        if (v >= 0 && v <= 0xff) {
            op('K');
            out.write((int) v);
        } else if (v >= 0 && v <= 0xffff) {
            op('M');
            out.write((int) v & 0xff);
            out.write((int) (v >>> 8) & 0xff);
        } else if (v == (int) v) {
            op('J');
            le((int) v, 4);
        } else {
            int n = 8;
            while (n > 1 && (v >> (8 * (n - 1) - 1)) == (v >> 63)) n--; // drop redundant sign bytes
            op(0x8a);
            out.write(n);
            le(v, n);
        }
    }

    void real(double v) {
        op('G');
        long bits = Double.doubleToRawLongBits(v);
        for (int i = 7; i >= 0; i--) out.write((int) (bits >>> (8 * i)) & 0xff);
    }

    void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        le(b.length, 4);
        out.writeBytes(b);
    }

    void global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void le(long v, int bytes) {
        for (int i = 0; i < bytes; i++) out.write((int) (v >>> (8 * i)) & 0xff);
    }
}
