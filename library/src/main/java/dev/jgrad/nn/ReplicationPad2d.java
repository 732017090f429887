package dev.jgrad.nn;

/**
 * {@code torch.nn.ReplicationPad2d}: pads the last 2 dims with copies of the edge values ({@code F.pad} in "replicate"
 * mode).
 *
 * <p>Shape: input (N, C, H_in, W_in) or (C, H_in, W_in); output (N, C, H_out, W_out) or (C, H_out, W_out), with H_out =
 * H_in + top + bottom and W_out = W_in + left + right. padding is one value for every side or (left, right, top,
 * bottom). Another rank raises IllegalArgumentException ("Only 2D, 3D, 4D, 5D padding with non- constant padding are
 * supported for now").
 */
public class ReplicationPad2d extends ReplicationPadNd {
    /**
     * {@code nn.ReplicationPad2d(padding)}.
     *
     * @param padding one value for every side, or (left, right, top, bottom)
     * @throws IllegalArgumentException if padding has neither 1 nor 4 values ("padding must be one value or 4 values")
     */
    public ReplicationPad2d(long... padding) { super(2, padding); }
}
