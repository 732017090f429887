package dev.jgrad.nn;

/** {@code nn.ReplicationPad2d}: padding one value for every side, or (left, right, top, bottom). */
public class ReplicationPad2d extends ReplicationPadNd {
    /** {@code nn.ReplicationPad2d(padding)}. */
    public ReplicationPad2d(long... padding) { super(2, padding); }
}
