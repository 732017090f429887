package dev.jgrad.nn;

/** {@code nn.ReflectionPad3d}: padding one value for every side, or (left, right, top, bottom). */
public class ReflectionPad3d extends ReflectionPadNd {
    /** {@code nn.ReflectionPad3d(padding)}. */
    public ReflectionPad3d(long... padding) { super(3, padding); }
}
