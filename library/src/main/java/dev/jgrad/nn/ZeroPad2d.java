package dev.jgrad.nn;

/** {@code nn.ZeroPad2d}: zero padding, one value for every side or (left, right, top, bottom). */
public class ZeroPad2d extends ConstantPadNd {
    /** {@code nn.ZeroPad2d(padding)}. */
    public ZeroPad2d(long... padding) { super(2, padding, 0.0); }

    @Override protected String extraRepr() { return Repr.tuple(padding); }
}
