package dev.jgrad.nn;

/**
 * {@code torch.nn.ReflectionPad2d}: pads the last 2 dims with their reflection ({@code F.pad} in "reflect" mode).
 *
 * <p>Shape: input (N, C, H_in, W_in) or (C, H_in, W_in); output (N, C, H_out, W_out) or (C, H_out, W_out), with H_out =
 * H_in + top + bottom and W_out = W_in + left + right. padding is one value for every side or (left, right, top,
 * bottom). Each pad must be smaller than its dim, else IllegalArgumentException ("Argument #4: Padding size should be
 * less than the corresponding input dimension, but got: padding (3, 3) at dimension 2 of input [1, 2, 3]"). Another
 * rank raises IllegalArgumentException ("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now").
 */
public class ReflectionPad2d extends ReflectionPadNd {
    /**
     * {@code nn.ReflectionPad2d(padding)}.
     *
     * @param padding one value for every side, or (left, right, top, bottom)
     * @throws IllegalArgumentException if padding has neither 1 nor 4 values ("padding must be one value or 4 values")
     */
    public ReflectionPad2d(long... padding) { super(2, padding); }
}
