package dev.jgrad.internal.core;

import static dev.jgrad.internal.TensorInternals.*;

import java.util.Arrays;

/** Shape and stride arithmetic shared by every op: numel, contiguous strides, broadcasting, dim wrapping. */
public final class Shapes {
    public static final int[] SCALAR = new int[0];

    private Shapes() {}

    /** "[2, 3]", as PyTorch prints sizes inside messages. */
    public static String format(long[] dims) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(dims[i]);
        }
        return sb.append(']').toString();
    }

    public static String format(int[] dims) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(dims[i]);
        }
        return sb.append(']').toString();
    }

    public static long[] toLong(int[] dims) {
        long[] r = new long[dims.length];
        for (int i = 0; i < dims.length; i++) r[i] = dims[i];
        return r;
    }

    /** The element count of a shape; one that does not fit a Java array (a broadcast of two large shapes) is refused. */
    public static int numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;  // each d < 2^31 and n stays below 2^31, so this cannot wrap
            if (n > Integer.MAX_VALUE) throw tooBig(toLong(shape));
        }
        return (int) n;
    }

    /** Checks a user-given shape: no negative sizes, and the element count fits a Java array. */
    public static int[] checkedShape(long[] dims) {
        if (dims == null) throw new IllegalArgumentException("size must not be null");
        int[] r = new int[dims.length];
        long n = 1;
        for (int i = 0; i < dims.length; i++) {
            long d = dims[i];
            if (d < 0) {
                throw new IllegalArgumentException(
                        "Trying to create tensor with negative dimension " + d + ": " + format(dims));
            }
            if (d > Integer.MAX_VALUE) throw tooBig(dims);
            r[i] = (int) d;
            n *= d;
            if (n > Integer.MAX_VALUE - 16) throw tooBig(dims);
        }
        return r;
    }

    private static IllegalArgumentException tooBig(long[] dims) {
        return new IllegalArgumentException("jgrad CPU tensors hold at most 2^31 - 17 elements; size "
                + format(dims) + " is too large");
    }

    private record StridesMemo(int[] shape, int[] strides) {}

    /** Outputs usually reuse their input's shape array, so the last answer is very often the next one. */
    private static StridesMemo lastStrides = new StridesMemo(SCALAR, SCALAR);

    public static int[] contiguousStrides(int[] shape) {
        StridesMemo m = lastStrides;
        if (m.shape == shape) return m.strides;
        int[] s = computeContiguousStrides(shape);
        lastStrides = new StridesMemo(shape, s);
        return s;
    }

    private static int[] computeContiguousStrides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= Math.max(shape[i], 1);
        }
        return s;
    }

    /** Wraps a possibly negative dim into [0, ndim), with PyTorch's message. 0-dim tensors accept -1 and 0. */
    public static int wrapDim(int dim, int ndim) {
        int n = Math.max(ndim, 1);
        if (dim < -n || dim >= n) {
            throw new IllegalArgumentException("Dimension out of range (expected to be in range of ["
                    + (-n) + ", " + (n - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + n : dim;
    }

    /** Broadcasts two shapes (right-aligned; equal or 1), with PyTorch's message. */
    public static int[] broadcast(int[] a, int[] b) {
        if (Arrays.equals(a, b)) return a;
        int n = Math.max(a.length, b.length);
        int[] r = new int[n];
        // from the last dim, as PyTorch's infer_size: the first mismatch it reports is the rightmost one
        for (int i = n - 1; i >= 0; i--) {
            int ia = a.length - n + i, ib = b.length - n + i;
            int da = ia >= 0 ? a[ia] : 1, db = ib >= 0 ? b[ib] : 1;
            if (da == db || db == 1) r[i] = da;
            else if (da == 1) r[i] = db;
            else {
                throw new IllegalArgumentException("The size of tensor a (" + da + ") must match the size of tensor b ("
                        + db + ") at non-singleton dimension " + i);
            }
        }
        return r;
    }

    /** The broadcast of two shapes, or null where they do not broadcast. */
    public static int[] broadcastOrNull(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            int ia = a.length - n + i, ib = b.length - n + i;
            int da = ia >= 0 ? a[ia] : 1, db = ib >= 0 ? b[ib] : 1;
            if (da != db && da != 1 && db != 1) return null;
            r[i] = da == 1 ? db : da;
        }
        return r;
    }

    /** Strides that read a tensor of (shape, stride) as if expanded to target (stride 0 on broadcast dims). */
    public static int[] broadcastStrides(int[] shape, int[] stride, int[] target) {
        int[] r = new int[target.length];
        int lead = target.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            r[lead + i] = shape[i] == 1 && target[lead + i] != 1 ? 0 : stride[i];
        }
        return r;
    }

    /** Infers one -1 entry of a requested view shape, with PyTorch's messages. */
    public static int[] inferSize(long[] requested, int numel) {
        int[] r = new int[requested.length];
        int infer = -1;
        long known = 1;
        for (int i = 0; i < requested.length; i++) {
            long d = requested[i];
            if (d == -1) {
                if (infer >= 0) throw new IllegalArgumentException("only one dimension can be inferred");
                infer = i;
            } else if (d < 0) {
                throw new IllegalArgumentException("invalid shape dimension " + d);
            } else {
                if (d > Integer.MAX_VALUE) throw invalidShape(requested, numel);
                r[i] = (int) d;
                known *= d;
            }
        }
        if (infer >= 0) {
            if (known == 0 && numel == 0) {
                throw new IllegalArgumentException("cannot reshape tensor of " + numel
                        + " elements into shape " + format(requested)
                        + " because the unspecified dimension size -1 can be any value and is ambiguous");
            }
            if (known == 0 || numel % known != 0) throw invalidShape(requested, numel);
            r[infer] = (int) (numel / known);
        } else if (known != numel) {
            throw invalidShape(requested, numel);
        }
        // known is PyTorch's unchecked product (it decides the messages above); a shape whose true product
        // wraps past 2^63 can still match numel, so the result is checked as PyTorch's safe_compute_numel does
        checkedNumel(r);
        return r;
    }

    /** The exact product of dims, or PyTorch's "numel: integer multiplication overflow" (even when a later dim is 0). */
    public static long checkedNumel(int[] dims) {
        long n = 1;
        boolean overflow = false;
        for (int d : dims) {
            long hi = Math.multiplyHigh(n, d);
            long lo = n * d;
            if (hi != 0 || lo < 0) overflow = true;
            n = lo;
        }
        if (overflow) throw new IllegalArgumentException("numel: integer multiplication overflow");
        return n;
    }

    private static IllegalArgumentException invalidShape(long[] requested, int numel) {
        return new IllegalArgumentException("shape '" + format(requested) + "' is invalid for input of size " + numel);
    }

    /**
     * Strides for viewing (oldShape, oldStride) as newShape without copying, or null when the memory
     * layout does not allow it (PyTorch's computeStride).
     */
    public static int[] viewStrides(int[] oldShape, int[] oldStride, int[] newShape) {
        int[] newStride = new int[newShape.length];
        if (numel(oldShape) == 0 || oldShape.length == 0) {
            return contiguousStrides(newShape);
        }
        int viewD = newShape.length - 1;
        long chunkBaseStride = oldStride.length > 0 ? oldStride[oldStride.length - 1] : 1;
        long tensorNumel = 1, viewNumel = 1;
        for (int tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= oldShape[tensorD];
            if (tensorD == 0 || (oldShape[tensorD - 1] != 1
                    && oldStride[tensorD - 1] != tensorNumel * chunkBaseStride)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStride[viewD] = (int) (viewNumel * chunkBaseStride);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (tensorD > 0) {
                    chunkBaseStride = oldStride[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        if (viewD != -1) return null;
        return newStride;
    }

    /** The product of shape[from..to). */
    public static int product(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= shape[i];
        return p;
    }
}
