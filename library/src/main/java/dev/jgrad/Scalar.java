package dev.jgrad;

/**
 * A Java number standing where PyTorch takes a Python number. It joins type promotion as a "wrapped
 * number": it brings only its category (a double counts as the default float dtype, a long as int64),
 * never a wider dtype of the same category.
 */
final class Scalar {
    private Scalar() {}

    static Tensor of(double v) {
        Tensor t = new Tensor(Dispatch.host(new double[] {v}), Shapes.SCALAR, Shapes.SCALAR, 0);
        t.wrappedNumber = true;
        return t;
    }

    static Tensor of(long v) {
        Tensor t = new Tensor(Dispatch.host(new long[] {v}), Shapes.SCALAR, Shapes.SCALAR, 0);
        t.wrappedNumber = true;
        return t;
    }

    static Tensor of(boolean v) {
        Tensor t = new Tensor(Dispatch.host(new boolean[] {v}), Shapes.SCALAR, Shapes.SCALAR, 0);
        t.wrappedNumber = true;
        return t;
    }
}
