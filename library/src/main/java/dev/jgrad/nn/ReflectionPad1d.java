package dev.jgrad.nn;

/**
 * {@code torch.nn.ReflectionPad1d}: pads the last 1 dim with their reflection ({@code F.pad} in "reflect" mode).
 *
 * <p>Shape: input (N, C, W_in) or (C, W_in); output (N, C, W_out) or (C, W_out), with W_out = W_in + left + right.
 * padding is one value for every side or (left, right). Each pad must be smaller than its dim, else
 * IllegalArgumentException ("Argument #4: Padding size should be less than the corresponding input dimension, but got:
 * padding (3, 3) at dimension 2 of input [1, 2, 3]"). Another rank raises IllegalArgumentException ("Only 2D, 3D, 4D,
 * 5D padding with non-constant padding are supported for now").
 */
public class ReflectionPad1d extends ReflectionPadNd {
    /**
     * {@code nn.ReflectionPad1d(padding)}.
     *
     * @param padding one value for every side, or (left, right)
     * @throws IllegalArgumentException if padding has neither 1 nor 2 values ("padding must be one value or 2 values")
     */
    public ReflectionPad1d(long... padding) { super(1, padding); }
}
