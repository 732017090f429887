package dev.jgrad.nn;

/** {@code nn.ConstantPad3d}: padding one value for every side, or (left, right, top, bottom), filled with value. */
public class ConstantPad3d extends ConstantPadNd {
    /** {@code nn.ConstantPad3d(padding, value)}. */
    public ConstantPad3d(long[] padding, double value) { super(3, padding, value); }

    /** {@code nn.ConstantPad3d(padding, value)}. */
    public ConstantPad3d(long padding, double value) { super(3, new long[] {padding}, value); }
}
