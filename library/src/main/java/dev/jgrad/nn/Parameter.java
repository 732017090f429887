package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * A tensor that is a module's learnable weight ({@code torch.nn.Parameter}): it shares the given
 * tensor's memory, is a leaf, and requires grad unless told otherwise. Modules find their parameters
 * through {@link Module#registerParameter}.
 */
public class Parameter extends Tensor {
    /**
     * {@code nn.Parameter(data)}: a leaf that requires grad.
     *
     * @param data the values; the parameter shares its memory (data's autograd history is dropped)
     */
    public Parameter(Tensor data) { this(data, true); }

    /**
     * {@code nn.Parameter(data, requires_grad)}.
     *
     * @param data the values; the parameter shares its memory (data's autograd history is dropped)
     * @param requiresGrad whether the parameter requires grad (a frozen parameter still moves with the module)
     */
    public Parameter(Tensor data, boolean requiresGrad) {
        super(data.detach());
        if (requiresGrad) requiresGrad_(true);
    }

    /** {@code Parameter containing:} followed by the tensor, as PyTorch prints it. */
    @Override public String toString() { return "Parameter containing:\n" + super.toString(); }
}
