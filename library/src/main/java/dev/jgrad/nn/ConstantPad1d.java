package dev.jgrad.nn;

/**
 * {@code torch.nn.ConstantPad1d}: pads the last 1 dim with value ({@code F.pad} in "constant" mode).
 *
 * <p>Shape: input (N, C, W_in) or (C, W_in); output (N, C, W_out) or (C, W_out), with W_out = W_in + left + right.
 * padding is one value for every side or (left, right); negative values crop.
 */
public class ConstantPad1d extends ConstantPadNd {
    /**
     * {@code nn.ConstantPad1d(padding, value)}.
     *
     * @param padding one value for every side, or (left, right)
     * @param value the fill value
     * @throws IllegalArgumentException if padding has neither 1 nor 2 values ("padding must be one value or 2 values")
     */
    public ConstantPad1d(long[] padding, double value) { super(1, padding, value); }

    /**
     * {@code nn.ConstantPad1d(padding, value)} with one padding for every side.
     *
     * @param padding the padding of every side
     * @param value the fill value
     */
    public ConstantPad1d(long padding, double value) { super(1, new long[] {padding}, value); }
}
