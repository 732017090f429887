package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.LogSoftmax}: log(softmax(x)) along a fixed dim, computed as x - logsumexp(x).
 *
 * <p>Shape: input (*), any shape; output (*), the same shape, each slice along dim holding log-probabilities. A dim
 * out of range raises IllegalArgumentException ("Dimension out of range (expected to be in range of [-2, 1], but
 * got 2)").
 */
public class LogSoftmax extends Module {
    /** {@code dim}: the dimension the layer works along. */
    public final int dim;

    /**
     * {@code nn.LogSoftmax(dim)}.
     *
     * @param dim the dim along which the values sum to 1 after exp (negative counts from the end)
     */
    public LogSoftmax(int dim) { this.dim = dim; }

    @Override public Tensor forward(Tensor input) { return input.logSoftmax(dim); }

    @Override protected String extraRepr() { return "dim=" + dim; }
}
