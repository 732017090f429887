package dev.jgrad.internal.ops;

import dev.jgrad.internal.TensorInternals;
import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.backend.RandomOp;
import dev.jgrad.internal.core.Promotion;
import dev.jgrad.internal.core.Scalar;
import dev.jgrad.internal.core.Shapes;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** Factories: tensors from Java data (with PyTorch's dtype inference), constant fills, ranges, random fills. */
public final class Creation {
    private Creation() {}

    public static Tensor empty(long[] size, DType dtype) { return empty(size, dtype, Device.CPU); }

    public static Tensor empty(long[] size, DType dtype, Device device) {
        int[] shape = Shapes.checkedShape(size);
        return Dispatch.empty(device, shape, dtype);
    }

    public static Tensor full(long[] size, Tensor value, DType dtype) { return full(size, value, dtype, Device.CPU); }

    public static Tensor full(long[] size, Tensor value, DType dtype, Device device) {
        if (dtype == null) dtype = value.dtype().isFloatingPoint() ? Promotion.DEFAULT_FLOAT : value.dtype();
        Tensor t = empty(size, dtype, device);
        if (value.item() != 0 || value.itemLong() != 0) Copying.fill(t, value);  // storage starts zeroed
        TensorInternals.resetVersion(t);
        return t;
    }

    // ---------------------------------------------------------------- from Java data

    private enum Kind { BOOL, INTEGRAL, FLOATING }

    /** Nested Java arrays or Lists of numbers or booleans; dtype null infers as PyTorch does. */
    public static Tensor tensor(Object data, DType dtype) {
        if (data == null) throw new IllegalArgumentException("tensor(): data must not be null");
        if (data instanceof Tensor t) {
            Tensor copy = Copying.cloneNoGrad(t);
            return dtype == null ? copy : Copying.convert(copy, dtype);
        }
        List<Integer> dims = new ArrayList<>();
        Object cur = data;
        while (isSequence(cur)) {
            int len = length(cur);
            dims.add(len);
            if (len == 0) break;
            cur = element(cur, 0);
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        int n = Shapes.numel(shape);
        Object leaves = newLeafBuffer(data, n);
        int[] pos = {0};
        fill(data, 0, shape, leaves, pos);
        Kind k = leafKind(data);
        DType inferred = switch (k) {
            case BOOL -> DType.BOOL;
            case INTEGRAL -> DType.INT64;
            case FLOATING -> Promotion.DEFAULT_FLOAT;
        };
        Tensor t = contiguousOf(Dispatch.host(leaves), shape);
        return Copying.convert(t, dtype == null ? inferred : dtype);
    }

    private static boolean isSequence(Object o) {
        return o instanceof List<?> || (o != null && o.getClass().isArray());
    }

    private static int length(Object o) {
        return o instanceof List<?> l ? l.size() : Array.getLength(o);
    }

    private static Object element(Object o, int i) {
        return o instanceof List<?> l ? l.get(i) : Array.get(o, i);
    }

    /** Leaves are gathered as double, long or boolean, whichever keeps them exact. */
    private static Object newLeafBuffer(Object data, int n) {
        return switch (leafKind(data)) {
            case BOOL -> new boolean[n];
            case INTEGRAL -> new long[n];
            case FLOATING -> new double[n];
        };
    }

    /** The kind of the innermost array type (for Lists, of the first leaf). */
    private static Kind leafKind(Object data) {
        Object cur = data;
        while (true) {
            if (cur instanceof List<?> l) {
                if (l.isEmpty()) return Kind.FLOATING;
                boolean anyFloat = false;
                for (Object o : l) if (o instanceof Double || o instanceof Float) anyFloat = true;
                if (anyFloat) return Kind.FLOATING;
                cur = l.get(0);
                continue;
            }
            Class<?> c = cur.getClass();
            while (c.isArray()) c = c.getComponentType();
            if (c == double.class || c == float.class || c == Double.class || c == Float.class) return Kind.FLOATING;
            if (c == boolean.class || c == Boolean.class) return Kind.BOOL;
            if (c == long.class || c == int.class || c == short.class || c == byte.class
                    || c == Long.class || c == Integer.class || c == Short.class || c == Byte.class) return Kind.INTEGRAL;
            if (c == Object.class && cur.getClass().isArray() && Array.getLength(cur) > 0) {
                cur = Array.get(cur, 0);
                continue;
            }
            if (cur instanceof Number || cur instanceof Boolean) {
                return cur instanceof Boolean ? Kind.BOOL : cur instanceof Double || cur instanceof Float ? Kind.FLOATING : Kind.INTEGRAL;
            }
            if (c == Object.class) return Kind.FLOATING;
            throw new IllegalArgumentException("Could not infer dtype of " + c.getSimpleName());
        }
    }

    private static void fill(Object node, int depth, int[] shape, Object out, int[] pos) {
        if (depth == shape.length) {
            store(node, out, pos[0]++);
            return;
        }
        if (!isSequence(node)) {
            throw new IllegalArgumentException("expected sequence of length " + shape[depth] + " at dim " + depth
                    + " (got a scalar)");
        }
        int len = length(node);
        if (len != shape[depth]) {
            throw new IllegalArgumentException("expected sequence of length " + shape[depth] + " at dim " + depth + " (got " + len + ")");
        }
        if (depth == shape.length - 1 && node.getClass().isArray() && node.getClass().getComponentType().isPrimitive()) {
            storePrimitiveRow(node, out, pos[0], len);
            pos[0] += len;
            return;
        }
        for (int i = 0; i < len; i++) fill(element(node, i), depth + 1, shape, out, pos);
    }

    private static void storePrimitiveRow(Object row, Object out, int at, int len) {
        if (row instanceof double[] d && out instanceof double[] o) System.arraycopy(d, 0, o, at, len);
        else if (row instanceof long[] l && out instanceof long[] o) System.arraycopy(l, 0, o, at, len);
        else if (row instanceof boolean[] b && out instanceof boolean[] o) System.arraycopy(b, 0, o, at, len);
        else for (int i = 0; i < len; i++) store(Array.get(row, i), out, at + i);
    }

    private static void store(Object leaf, Object out, int at) {
        if (isSequence(leaf)) throw new IllegalArgumentException("expected a number at the innermost dim, got a sequence");
        if (leaf == null) throw new IllegalArgumentException("tensor(): data must not contain null");
        switch (out) {
            case double[] d -> d[at] = leaf instanceof Boolean b ? (b ? 1 : 0) : ((Number) leaf).doubleValue();
            case long[] l -> {
                if (leaf instanceof Double || leaf instanceof Float) throw new IllegalArgumentException("mixed integer and floating leaves in a List: pass floating values only, or arrays");
                l[at] = leaf instanceof Boolean b ? (b ? 1 : 0) : ((Number) leaf).longValue();
            }
            case boolean[] b -> {
                if (!(leaf instanceof Boolean v)) throw new IllegalArgumentException("mixed bool and number leaves");
                b[at] = v;
            }
            default -> throw new IllegalStateException();
        }
    }

    // ---------------------------------------------------------------- ranges

    public static Tensor arange(double start, double end, double step, DType dtype) { return arange(start, end, step, dtype, Device.CPU); }

    public static Tensor arange(double start, double end, double step, DType dtype, Device device) {
        if (step == 0) throw new IllegalArgumentException("step must be nonzero");
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("unsupported range: " + start + " -> " + end);
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        double count = Math.ceil((end - start) / step);
        if (count > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("arange: too many elements: " + count);
        int n = (int) count;
        if (dtype == DType.BOOL) throw new IllegalArgumentException("\"arange_cpu\" not implemented for 'Bool'");
        Tensor t = empty(new long[] {n}, dtype, device);
        // integral dtypes: the count comes from the double range, the values from start and step cast first
        Dispatch.backend(t).arange(Dispatch.view(t), start, step);
        return t;
    }

    public static Tensor arange(long start, long end, long step) {
        if (step == 0) throw new IllegalArgumentException("step must be nonzero");
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        long n = step > 0 ? (end - start + step - 1) / step : (start - end - step - 1) / -step;
        Tensor t = empty(new long[] {n}, DType.INT64);
        if (Math.abs(start) < (1L << 53) && Math.abs(start + (n - 1) * step) < (1L << 53)) {
            Dispatch.backend(t).arange(Dispatch.view(t), start, step);  // exact in double arithmetic
        } else {
            long[] d = new long[(int) n];
            for (int i = 0; i < n; i++) d[i] = start + i * step;
            Copying.copyElements(t, contiguousOf(Dispatch.host(d), new int[] {(int) n}));
        }
        return t;
    }

    /** Evenly spaced values; the second half counts back from end, as PyTorch does, so end is exact. */
    public static Tensor linspace(double start, double end, long steps, DType dtype) {
        if (steps < 0) throw new IllegalArgumentException("number of steps must be non-negative");
        Tensor t = empty(new long[] {steps}, dtype);
        int n = (int) steps;
        if (n == 0) return t;
        if (n == 1) {
            Copying.fill(t, Scalar.of(start));
            TensorInternals.resetVersion(t);
            return t;
        }
        Dispatch.backend(t).linspace(Dispatch.view(t), start, end);
        return t;
    }

    public static Tensor eye(long n, long m, DType dtype) {
        if (n < 0) throw new IllegalArgumentException("n must be greater or equal to 0, got " + n);
        if (m < 0) throw new IllegalArgumentException("m must be greater or equal to 0, got " + m);
        if (dtype == DType.BFLOAT16) throw new IllegalArgumentException("\"eye\" not implemented for 'BFloat16'");  // 1.13's CPU kernel list
        Tensor t = empty(new long[] {n, m}, dtype);
        Tensor diag = storage(t).size() == 0 ? t : Views.make(t, new int[] {(int) Math.min(n, m)}, new int[] {(int) m + 1}, 0);
        Copying.fill(diag, Scalar.of(1L));
        TensorInternals.resetVersion(t);
        return t;
    }

    // ---------------------------------------------------------------- random

    public static Tensor rand(long[] size, DType dtype, Generator g, Device device) {
        Tensor t = empty(size, checkFloat("check_uniform_bounds", dtype), device);
        Dispatch.backend(t).random(RandomOp.UNIFORM, g, 0, 1, Dispatch.view(t));
        return t;
    }

    public static Tensor randn(long[] size, DType dtype, Generator g, Device device) {
        Tensor t = empty(size, checkFloat("normal_kernel_cpu", dtype), device);
        Dispatch.backend(t).random(RandomOp.NORMAL, g, 0, 1, Dispatch.view(t));
        return t;
    }

    public static Tensor randint(long low, long high, long[] size, DType dtype, Generator g, Device device) {
        if (low >= high) {
            throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from=" + low + " >= to=" + high);
        }
        if (dtype == DType.BOOL) throw new IllegalArgumentException("\"random_from_to\" not implemented for 'Bool'");
        Tensor t = empty(size, dtype, device);
        Dispatch.backend(t).random(RandomOp.RANDINT, g, low, high, Dispatch.view(t));
        return t;
    }

    private static DType checkFloat(String kernel, DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + dtype.scalarTypeName() + "'");
        }
        return dtype;
    }
}
