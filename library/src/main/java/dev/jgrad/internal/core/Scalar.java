package dev.jgrad.internal.core;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
import dev.jgrad.internal.ops.Dispatch;

/**
 * A Java number standing where PyTorch takes a Python number. It joins type promotion as a "wrapped
 * number": it brings only its category (a double counts as the default float dtype, a long as int64),
 * never a wider dtype of the same category.
 */
public final class Scalar {
    private Scalar() {}

    public static Tensor of(double v) {
        Tensor t = newTensor(Dispatch.host(new double[] {v}), Shapes.SCALAR, Shapes.SCALAR, 0);
        markWrappedNumber(t);
        return t;
    }

    public static Tensor of(long v) {
        Tensor t = newTensor(Dispatch.host(new long[] {v}), Shapes.SCALAR, Shapes.SCALAR, 0);
        markWrappedNumber(t);
        return t;
    }

    public static Tensor of(boolean v) {
        Tensor t = newTensor(Dispatch.host(new boolean[] {v}), Shapes.SCALAR, Shapes.SCALAR, 0);
        markWrappedNumber(t);
        return t;
    }
}
