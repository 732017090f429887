package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.Softmax2d}: softmax over the channels (dim -3) at every spatial position.
 *
 * <p>Shape: input (N, C, H, W) or (C, H, W); output the same shape. Other ranks raise IllegalArgumentException
 * ("Softmax2d requires a 3D or 4D tensor as input", PyTorch's AssertionError).
 */
public class Softmax2d extends Module {
    /** {@code nn.Softmax2d()}: softmax over the channel dim of (N, C, H, W) or (C, H, W) input. */
    public Softmax2d() {}

    @Override public Tensor forward(Tensor input) {
        if (input.dim() != 3 && input.dim() != 4) throw new IllegalArgumentException("Softmax2d requires a 3D or 4D tensor as input");
        return input.softmax(-3);
    }
}
