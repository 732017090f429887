package dev.jgrad.nn;

/**
 * {@code torch.nn.ConstantPad3d}: pads the last 3 dims with value ({@code F.pad} in "constant" mode).
 *
 * <p>Shape: input (N, C, D_in, H_in, W_in) or (C, D_in, H_in, W_in); output (N, C, D_out, H_out, W_out) or unbatched,
 * with D_out = D_in + front + back, H_out = H_in + top + bottom and W_out = W_in + left + right. padding is one value
 * for every side or (left, right, top, bottom, front, back); negative values crop.
 */
public class ConstantPad3d extends ConstantPadNd {
    /**
     * {@code nn.ConstantPad3d(padding, value)}.
     *
     * @param padding one value for every side, or (left, right, top, bottom, front, back)
     * @param value the fill value
     * @throws IllegalArgumentException if padding has neither 1 nor 6 values ("padding must be one value or 6 values")
     */
    public ConstantPad3d(long[] padding, double value) { super(3, padding, value); }

    /**
     * {@code nn.ConstantPad3d(padding, value)} with one padding for every side.
     *
     * @param padding the padding of every side
     * @param value the fill value
     */
    public ConstantPad3d(long padding, double value) { super(3, new long[] {padding}, value); }
}
