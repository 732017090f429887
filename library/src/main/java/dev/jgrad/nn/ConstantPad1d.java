package dev.jgrad.nn;

/** {@code nn.ConstantPad1d}: padding one value for every side, or (left, right), filled with value. */
public class ConstantPad1d extends ConstantPadNd {
    /** {@code nn.ConstantPad1d(padding, value)}. */
    public ConstantPad1d(long[] padding, double value) { super(1, padding, value); }

    /** {@code nn.ConstantPad1d(padding, value)}. */
    public ConstantPad1d(long padding, double value) { super(1, new long[] {padding}, value); }
}
