package dev.jgrad.utils.tensorboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of the protocol buffers wire format to write TensorBoard's messages by hand: varints,
 * 64- and 32-bit fixed values, length-delimited bytes, strings and nested messages, packed doubles.
 * Fields are written in field-number order by the callers, and proto3 defaults are left out except
 * where a field sits in a oneof (its presence is the information), as protobuf's own encoders do.
 */
final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private static final int VARINT = 0, FIXED64 = 1, LEN = 2, FIXED32 = 5;

    private void tag(int field, int wireType) { varint(((long) field << 3) | wireType); }

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void fixed64(long v) {
        for (int i = 0; i < 8; i++) out.write((int) (v >>> (8 * i)));
    }

    private void fixed32(int v) {
        for (int i = 0; i < 4; i++) out.write(v >>> (8 * i));
    }

    /** An int32/int64/enum field; left out when 0. */
    Proto int64(int field, long v) {
        if (v != 0) int64Always(field, v);
        return this;
    }

    /** An integer field written even when 0 (a oneof member). */
    Proto int64Always(int field, long v) {
        tag(field, VARINT);
        varint(v);  // negative int32/int64 take ten bytes, as protobuf writes them
        return this;
    }

    /** A bool field written even when false (a oneof member). */
    Proto boolAlways(int field, boolean v) { return int64Always(field, v ? 1 : 0); }

    /** A double field; left out when 0 (+0.0). */
    Proto double64(int field, double v) {
        if (Double.doubleToRawLongBits(v) != 0) double64Always(field, v);
        return this;
    }

    /** A double field written even when 0 (a oneof member). */
    Proto double64Always(int field, double v) {
        tag(field, FIXED64);
        fixed64(Double.doubleToRawLongBits(v));
        return this;
    }

    /** A float field written even when 0 (a oneof member, as Summary.Value's simple_value). */
    Proto float32Always(int field, float v) {
        tag(field, FIXED32);
        fixed32(Float.floatToRawIntBits(v));
        return this;
    }

    /** A bytes field; left out when empty. */
    Proto bytes(int field, byte[] v) {
        if (v.length > 0) bytesAlways(field, v);
        return this;
    }

    /** A bytes or string field written even when empty (a oneof member, a map entry). */
    Proto bytesAlways(int field, byte[] v) {
        tag(field, LEN);
        varint(v.length);
        out.writeBytes(v);
        return this;
    }

    /** A string field; left out when empty. */
    Proto string(int field, String v) { return bytes(field, v.getBytes(StandardCharsets.UTF_8)); }

    /** A string field written even when empty. */
    Proto stringAlways(int field, String v) { return bytesAlways(field, v.getBytes(StandardCharsets.UTF_8)); }

    /** A nested message that is set (written even when it has no fields, as protobuf writes a set submessage). */
    Proto message(int field, Proto m) { return bytesAlways(field, m.toByteArray()); }

    /** A packed repeated double field; left out when empty. */
    Proto packedDoubles(int field, double[] vs) {
        if (vs.length == 0) return this;
        tag(field, LEN);
        varint(8L * vs.length);
        for (double v : vs) fixed64(Double.doubleToRawLongBits(v));
        return this;
    }

    byte[] toByteArray() { return out.toByteArray(); }
}
