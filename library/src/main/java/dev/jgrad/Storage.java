package dev.jgrad;

/**
 * A flat buffer of one dtype on one device, shared by a tensor and all its views.
 *
 * <p>On the CPU {@code data} is a primitive array: float[] (float32), double[] (float64), long[] (int64),
 * int[] (int32) or boolean[] (bool). Other devices put their own buffer handle there; kernels are chosen
 * by (device, dtype), so nothing else needs to change when a device is added.
 *
 * <p>The version counter lives here because PyTorch shares it between a tensor, its views and
 * {@code detach()} results, which are exactly the tensors sharing a storage.
 */
final class Storage {
    final DType dtype;
    final Device device;
    final Object data;
    final int size;
    int version;

    Storage(DType dtype, Device device, Object data, int size) {
        this.dtype = dtype;
        this.device = device;
        this.data = data;
        this.size = size;
    }

    static Storage allocate(DType dtype, int n) {
        if (dev.jgrad.profiler.Profiler.isActive()) dev.jgrad.profiler.Profiler.allocated((long) n * dtype.itemSize());
        Object data = switch (dtype) {
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case INT64 -> new long[n];
            case INT32 -> new int[n];
            case BOOL -> new boolean[n];
        };
        return new Storage(dtype, Device.CPU, data, n);
    }

    static Storage wrap(float[] a) { return new Storage(DType.FLOAT32, Device.CPU, a, a.length); }

    static Storage wrap(double[] a) { return new Storage(DType.FLOAT64, Device.CPU, a, a.length); }

    static Storage wrap(long[] a) { return new Storage(DType.INT64, Device.CPU, a, a.length); }

    static Storage wrap(int[] a) { return new Storage(DType.INT32, Device.CPU, a, a.length); }

    static Storage wrap(boolean[] a) { return new Storage(DType.BOOL, Device.CPU, a, a.length); }

    /** Slow-path read of one element as a double (printing, item(), tiny loops). */
    double getDouble(int i) {
        return switch (dtype) {
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case INT32 -> ((int[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
        };
    }

    /** Slow-path read of one element as a long (exact for the integral dtypes). */
    long getLong(int i) {
        return switch (dtype) {
            case FLOAT32 -> (long) ((float[]) data)[i];
            case FLOAT64 -> (long) ((double[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case INT32 -> ((int[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
        };
    }
}
