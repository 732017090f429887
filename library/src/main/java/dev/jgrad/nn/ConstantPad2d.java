package dev.jgrad.nn;

/**
 * {@code torch.nn.ConstantPad2d}: pads the last 2 dims with value ({@code F.pad} in "constant" mode).
 *
 * <p>Shape: input (N, C, H_in, W_in) or (C, H_in, W_in); output (N, C, H_out, W_out) or (C, H_out, W_out), with H_out =
 * H_in + top + bottom and W_out = W_in + left + right. padding is one value for every side or (left, right, top,
 * bottom); negative values crop.
 */
public class ConstantPad2d extends ConstantPadNd {
    /**
     * {@code nn.ConstantPad2d(padding, value)}.
     *
     * @param padding one value for every side, or (left, right, top, bottom)
     * @param value the fill value
     * @throws IllegalArgumentException if padding has neither 1 nor 4 values ("padding must be one value or 4 values")
     */
    public ConstantPad2d(long[] padding, double value) { super(2, padding, value); }

    /**
     * {@code nn.ConstantPad2d(padding, value)} with one padding for every side.
     *
     * @param padding the padding of every side
     * @param value the fill value
     */
    public ConstantPad2d(long padding, double value) { super(2, new long[] {padding}, value); }
}
