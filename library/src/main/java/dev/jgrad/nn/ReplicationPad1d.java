package dev.jgrad.nn;

/** {@code nn.ReplicationPad1d}: padding one value for every side, or (left, right). */
public class ReplicationPad1d extends ReplicationPadNd {
    /** {@code nn.ReplicationPad1d(padding)}. */
    public ReplicationPad1d(long... padding) { super(1, padding); }
}
