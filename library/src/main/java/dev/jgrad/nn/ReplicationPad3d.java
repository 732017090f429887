package dev.jgrad.nn;

/** {@code nn.ReplicationPad3d}: padding one value for every side, or (left, right, top, bottom). */
public class ReplicationPad3d extends ReplicationPadNd {
    /** {@code nn.ReplicationPad3d(padding)}. */
    public ReplicationPad3d(long... padding) { super(3, padding); }
}
