package dev.jgrad.nn;

/** {@code nn.ConstantPad2d}: padding one value for every side, or (left, right, top, bottom), filled with value. */
public class ConstantPad2d extends ConstantPadNd {
    /** {@code nn.ConstantPad2d(padding, value)}. */
    public ConstantPad2d(long[] padding, double value) { super(2, padding, value); }

    /** {@code nn.ConstantPad2d(padding, value)}. */
    public ConstantPad2d(long padding, double value) { super(2, new long[] {padding}, value); }
}
