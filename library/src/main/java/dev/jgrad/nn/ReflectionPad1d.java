package dev.jgrad.nn;

/** {@code nn.ReflectionPad1d}: padding one value for every side, or (left, right). */
public class ReflectionPad1d extends ReflectionPadNd {
    /** {@code nn.ReflectionPad1d(padding)}. */
    public ReflectionPad1d(long... padding) { super(1, padding); }
}
