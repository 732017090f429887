package dev.jgrad.nn;

/** {@code nn.ReflectionPad2d}: padding one value for every side, or (left, right, top, bottom). */
public class ReflectionPad2d extends ReflectionPadNd {
    /** {@code nn.ReflectionPad2d(padding)}. */
    public ReflectionPad2d(long... padding) { super(2, padding); }
}
