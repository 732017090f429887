package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.Storage;
import dev.jgrad.backend.View;

/**
 * A CPU buffer: a float[], double[], long[], int[] or boolean[] for float32, float64, int64, int32 and bool,
 * and a short[] of bit patterns for float16 and bfloat16 (2 bytes an element, as in PyTorch).
 */
public final class ArrayStorage extends Storage {
    final Object data;

    ArrayStorage(DType dtype, Object data, int size) {
        super(dtype, Device.CPU, size);
        this.data = data;
    }

    /** Below this a failed allocation means the heap is exhausted by other data, and OutOfMemoryError is the honest answer. */
    private static final long LARGE = 1L << 24;

    static ArrayStorage allocate(DType dtype, int n) {
        long bytes = (long) n * dtype.itemSize();
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > LARGE && bytes > heap) {
            // PyTorch would ask the OS for the memory; here it can only come from the Java heap
            throw new IllegalArgumentException(notEnoughMemory(dtype, n, bytes) + "; jgrad's CPU storage lives on the Java heap, "
                    + "which holds at most " + heap + " bytes (raise it with -Xmx)");
        }
        try {
            Object data = switch (dtype) {
                case FLOAT32 -> new float[n];
                case FLOAT64 -> new double[n];
                case INT64 -> new long[n];
                case INT32 -> new int[n];
                case BOOL -> new boolean[n];
                case FLOAT16, BFLOAT16 -> new short[n];
            };
            return new ArrayStorage(dtype, data, n);
        } catch (OutOfMemoryError e) {
            if (bytes <= LARGE) throw e;
            // one large array that did not fit: nothing else failed, so the caller can recover as from PyTorch's error
            throw new IllegalStateException(notEnoughMemory(dtype, n, bytes) + "; the Java heap (at most " + heap
                    + " bytes, -Xmx) has no room for it now", e);
        }
    }

    private static String notEnoughMemory(DType dtype, int n, long bytes) {
        return "DefaultCPUAllocator: can't allocate memory: you tried to allocate " + bytes + " bytes (a " + dtype.shortName()
                + " tensor of " + n + " elements)";
    }

    /** A storage over an array of 16-bit patterns of type t (FLOAT16 or BFLOAT16), shared. */
    static ArrayStorage wrapBits(short[] bits, DType t) { return new ArrayStorage(t, bits, bits.length); }

    static ArrayStorage wrap(Object array) {
        return switch (array) {
            case float[] a -> new ArrayStorage(DType.FLOAT32, a, a.length);
            case double[] a -> new ArrayStorage(DType.FLOAT64, a, a.length);
            case long[] a -> new ArrayStorage(DType.INT64, a, a.length);
            case int[] a -> new ArrayStorage(DType.INT32, a, a.length);
            case boolean[] a -> new ArrayStorage(DType.BOOL, a, a.length);
            default -> throw new IllegalArgumentException("not a float[], double[], long[], int[] or boolean[]: " + array.getClass());
        };
    }

    @Override public Backend backend() { return ReducedFloatBackend.INSTANCE; }

    /** The array behind a view's storage. */
    static Object data(View v) { return ((ArrayStorage) v.storage()).data; }

    double getDouble(int i) {
        return switch (dtype()) {
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case INT32 -> ((int[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
            case FLOAT16, BFLOAT16 -> ReducedFloats.toFloat(dtype(), ((short[]) data)[i]);
        };
    }

    long getLong(int i) {
        return switch (dtype()) {
            case FLOAT32 -> (long) ((float[]) data)[i];
            case FLOAT64 -> (long) ((double[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case INT32 -> ((int[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
            case FLOAT16, BFLOAT16 -> (long) ReducedFloats.toFloat(dtype(), ((short[]) data)[i]);
        };
    }
}
