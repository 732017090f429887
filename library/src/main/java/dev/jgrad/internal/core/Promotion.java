package dev.jgrad.internal.core;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;

/**
 * PyTorch's type promotion: the result dtype of an op over tensors and Java numbers.
 *
 * <p>Operands fall in three tiers: tensors with dims, 0-dim tensors, and wrapped numbers. A lower tier
 * only matters when it raises the category (bool &lt; integral &lt; floating); then it brings its own
 * dtype (a wrapped number brings the default dtype of its category).
 */
public final class Promotion {
    public static final DType DEFAULT_FLOAT = DType.FLOAT32;

    private Promotion() {}

    /** The wider of two dtypes (for the dtypes jgrad has, the later in this order; float16 with bfloat16 gives float32). */
    public static DType promote(DType a, DType b) {
        if (a == null) return b;
        if (b == null) return a;
        if (a != b && a.isReducedFloatingPoint() && b.isReducedFloatingPoint()) return DType.FLOAT32;  // neither holds the other
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(DType t) {
        return switch (t) {
            case BOOL -> 0;
            case INT32 -> 1;
            case INT64 -> 2;
            case FLOAT16, BFLOAT16 -> 3;
            case FLOAT32 -> 4;
            case FLOAT64 -> 5;
        };
    }

    public static DType resultType(Tensor... operands) {
        DType dim = null, zero = null, wrapped = null;
        for (Tensor t : operands) {
            DType d = t.dtype();
            if (isWrappedNumber(t)) {
                if (d.isFloatingPoint()) d = DEFAULT_FLOAT;
                else if (d == DType.INT32) d = DType.INT64;
                wrapped = promote(wrapped, d);
            } else if (t.dim() == 0) {
                zero = promote(zero, d);
            } else {
                dim = promote(dim, d);
            }
        }
        return combine(dim, combine(zero, wrapped));
    }

    public static DType resultType(Tensor a, Tensor b) {
        if (!isWrappedNumber(a) && !isWrappedNumber(b) && shape(a).length > 0 && shape(b).length > 0) {
            return promote(a.dtype(), b.dtype());  // the common case, without the tiers
        }
        return resultType(new Tensor[] {a, b});
    }

    /** A lower tier wins only if it is of a higher category. */
    private static DType combine(DType higher, DType lower) {
        if (higher == null) return lower;
        if (lower == null) return higher;
        if (higher.isFloatingPoint()) return higher;
        if (higher == DType.BOOL || lower.isFloatingPoint()) return promote(higher, lower);
        return higher;
    }

    /** Whether a result of type from may be written into a tensor of type to (no category drop). */
    public static boolean canCast(DType from, DType to) {
        return from.category().ordinal() <= to.category().ordinal();
    }

    public static void checkCanCast(DType from, DType to) {
        if (!canCast(from, to)) {
            throw new IllegalArgumentException("result type " + from.scalarTypeName()
                    + " can't be cast to the desired output type " + to.scalarTypeName());
        }
    }
}
