package dev.jgrad.nn;

/**
 * {@code torch.nn.ReplicationPad1d}: pads the last 1 dim with copies of the edge values ({@code F.pad} in "replicate"
 * mode).
 *
 * <p>Shape: input (N, C, W_in) or (C, W_in); output (N, C, W_out) or (C, W_out), with W_out = W_in + left + right.
 * padding is one value for every side or (left, right). Another rank raises IllegalArgumentException ("Only 2D, 3D, 4D,
 * 5D padding with non-constant padding are supported for now").
 */
public class ReplicationPad1d extends ReplicationPadNd {
    /**
     * {@code nn.ReplicationPad1d(padding)}.
     *
     * @param padding one value for every side, or (left, right)
     * @throws IllegalArgumentException if padding has neither 1 nor 2 values ("padding must be one value or 2 values")
     */
    public ReplicationPad1d(long... padding) { super(1, padding); }
}
