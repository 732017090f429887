package dev.jgrad.nn;

/**
 * {@code torch.nn.ReplicationPad3d}: pads the last 3 dims with copies of the edge values ({@code F.pad} in "replicate"
 * mode).
 *
 * <p>Shape: input (N, C, D_in, H_in, W_in) or (C, D_in, H_in, W_in); output (N, C, D_out, H_out, W_out) or unbatched,
 * with D_out = D_in + front + back, H_out = H_in + top + bottom and W_out = W_in + left + right. padding is one value
 * for every side or (left, right, top, bottom, front, back). Another rank raises IllegalArgumentException ("Only 2D,
 * 3D, 4D, 5D padding with non-constant padding are supported for now").
 */
public class ReplicationPad3d extends ReplicationPadNd {
    /**
     * {@code nn.ReplicationPad3d(padding)}.
     *
     * @param padding one value for every side, or (left, right, top, bottom, front, back)
     * @throws IllegalArgumentException if padding has neither 1 nor 6 values ("padding must be one value or 6 values")
     */
    public ReplicationPad3d(long... padding) { super(3, padding); }
}
