package dev.jgrad.nn;

/**
 * {@code torch.nn.ZeroPad2d}: pads the last 2 dims with zeros.
 *
 * <p>Shape: input (N, C, H_in, W_in) or (C, H_in, W_in); output (N, C, H_out, W_out) or (C, H_out, W_out), with
 * H_out = H_in + top + bottom and W_out = W_in + left + right; negative values crop.
 */
public class ZeroPad2d extends ConstantPadNd {
    /**
     * {@code nn.ZeroPad2d(padding)}.
     *
     * @param padding one value for every side, or (left, right, top, bottom)
     * @throws IllegalArgumentException if padding has neither 1 nor 4 values ("padding must be one value or 4 values")
     */
    public ZeroPad2d(long... padding) { super(2, padding, 0.0); }

    @Override protected String extraRepr() { return Repr.tuple(padding); }
}
