package dev.jgrad.io;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.internal.ops.Copying;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A tensor's elements in row-major order as little-endian bytes (bool as one 0/1 byte), the layout every
 * format here stores, produced in chunks: a tensor of 2^31 elements or more bytes than an int counts
 * never needs one byte array that large.
 */
final class TensorBytes {
    private static final int CHUNK = 1 << 20;

    private TensorBytes() {}

    /** The byte count, in long: numel * itemSize passes 2^31 well before a tensor is too large to hold. */
    static long size(Tensor t) {
        return Math.multiplyExact(t.numel(), (long) t.dtype().itemSize());
    }

    static void write(Tensor t, OutputStream out) throws IOException {
        for (byte[] b : chunks(t)) out.write(b);
    }

    /** The values are copied out once, here, so a tensor that cannot give them fails before any chunk is produced. */
    static Iterable<byte[]> chunks(Tensor t) {
        DType dtype = t.dtype();
        Object values = switch (dtype) {
            case FLOAT32 -> t.toFloatArray();
            case FLOAT64 -> t.toDoubleArray();
            case INT64 -> t.toLongArray();
            case INT32 -> t.toIntArray();
            case BOOL -> t.toBooleanArray();
            case FLOAT16, BFLOAT16 -> Copying.toArray(t, dtype);  // the 16-bit patterns, as a short[]
        };
        int n = java.lang.reflect.Array.getLength(values);
        int per = CHUNK / dtype.itemSize();
        return () -> new Iterator<>() {
            int from = 0;

            @Override public boolean hasNext() { return from < n; }

            @Override public byte[] next() {
                if (from >= n) throw new NoSuchElementException();
                int to = (int) Math.min(n, (long) from + per);
                ByteBuffer b = ByteBuffer.allocate((to - from) * dtype.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
                switch (values) {
                    case float[] a -> b.asFloatBuffer().put(a, from, to - from);
                    case double[] a -> b.asDoubleBuffer().put(a, from, to - from);
                    case long[] a -> b.asLongBuffer().put(a, from, to - from);
                    case int[] a -> b.asIntBuffer().put(a, from, to - from);
                    case short[] a -> b.asShortBuffer().put(a, from, to - from);
                    case boolean[] a -> { for (int i = from; i < to; i++) b.put((byte) (a[i] ? 1 : 0)); }
                    default -> throw new IllegalStateException();
                }
                from = to;
                return b.array();
            }
        };
    }

    /**
     * Fills a fresh contiguous tensor with its elements read from in (bool: any non-zero byte is true), chunk
     * by chunk straight into its storage; false if in ends first.
     */
    static boolean readInto(Tensor t, InputStream in, ByteOrder order) throws IOException {
        int n = (int) t.numel();
        if (n == 0) return true;
        Object data = switch (t.dtype()) {
            case FLOAT32 -> t.asFloatArray();
            case FLOAT64 -> t.asDoubleArray();
            case INT64 -> t.asLongArray();
            case INT32 -> t.asIntArray();
            case BOOL -> t.asBooleanArray();
            case FLOAT16, BFLOAT16 -> Copying.backingArray(t, t.dtype());
        };
        int size = t.dtype().itemSize();
        byte[] buf = new byte[(int) Math.min(CHUNK, (long) n * size)];
        int at = 0;
        while (at < n) {
            int m = Math.min(n - at, buf.length / size);
            if (in.readNBytes(buf, 0, m * size) < m * size) return false;
            ByteBuffer b = ByteBuffer.wrap(buf, 0, m * size).order(order);
            switch (data) {
                case float[] a -> b.asFloatBuffer().get(a, at, m);
                case double[] a -> b.asDoubleBuffer().get(a, at, m);
                case long[] a -> b.asLongBuffer().get(a, at, m);
                case int[] a -> b.asIntBuffer().get(a, at, m);
                case short[] a -> b.asShortBuffer().get(a, at, m);
                case boolean[] a -> { for (int k = 0; k < m; k++) a[at + k] = buf[k] != 0; }
                default -> throw new IllegalStateException();
            }
            at += m;
        }
        return true;
    }
}
