package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.Storage;
import dev.jgrad.backend.View;

/** A CPU buffer: a float[], double[], long[], int[] or boolean[] for float32, float64, int64, int32 and bool. */
public final class ArrayStorage extends Storage {
    final Object data;

    ArrayStorage(DType dtype, Object data, int size) {
        super(dtype, Device.CPU, size);
        this.data = data;
    }

    static ArrayStorage allocate(DType dtype, int n) {
        Object data = switch (dtype) {
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case INT64 -> new long[n];
            case INT32 -> new int[n];
            case BOOL -> new boolean[n];
        };
        return new ArrayStorage(dtype, data, n);
    }

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

    @Override public Backend backend() { return CpuBackend.INSTANCE; }

    /** The array behind a view's storage. */
    static Object data(View v) { return ((ArrayStorage) v.storage()).data; }

    double getDouble(int i) {
        return switch (dtype()) {
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case INT32 -> ((int[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
        };
    }

    long getLong(int i) {
        return switch (dtype()) {
            case FLOAT32 -> (long) ((float[]) data)[i];
            case FLOAT64 -> (long) ((double[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case INT32 -> ((int[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
        };
    }
}
