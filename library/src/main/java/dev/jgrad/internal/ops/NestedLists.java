package dev.jgrad.internal.ops;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import java.util.ArrayList;
import java.util.List;

/** {@code tensor.tolist()}: the values, read once through the array bridge, as nested lists in row-major order. */
public final class NestedLists {
    private NestedLists() {}

    public static Object of(Tensor t) {
        long[] shape = t.shape();
        Object[] flat = boxed(t);
        if (shape.length == 0) return flat[0];
        int[] next = {0};
        return build(shape, 0, flat, next);
    }

    private static Object[] boxed(Tensor t) {
        DType dt = t.dtype();
        int n = Math.toIntExact(t.numel());
        Object[] out = new Object[n];
        if (dt == DType.BOOL) {
            boolean[] v = t.toBooleanArray();
            for (int i = 0; i < n; i++) out[i] = v[i];
        } else if (dt.isFloatingPoint()) {
            double[] v = t.toDoubleArray();
            for (int i = 0; i < n; i++) out[i] = v[i];
        } else {
            long[] v = t.toLongArray();
            for (int i = 0; i < n; i++) out[i] = v[i];
        }
        return out;
    }

    private static List<Object> build(long[] shape, int dim, Object[] flat, int[] next) {
        List<Object> list = new ArrayList<>((int) shape[dim]);
        for (long i = 0; i < shape[dim]; i++) {
            list.add(dim == shape.length - 1 ? flat[next[0]++] : build(shape, dim + 1, flat, next));
        }
        return list;
    }
}
