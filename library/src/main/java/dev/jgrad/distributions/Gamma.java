package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * The gamma distribution with shape concentration and inverse scale rate, broadcast together, as PyTorch's:
 * rsample is _standard_gamma(concentration) / rate, drawn with PyTorch's sampler from the same generator
 * stream, and differentiable in both (the concentration's gradient by PyTorch's approximation).
 */
public final class Gamma extends Distribution {
    private final Tensor concentration, rate;

    /**
     * {@code torch.distributions.Gamma(concentration, rate)}: density proportional to x^(alpha - 1) exp(-beta x), batch
     * shape the broadcast of both.
     *
     * @param concentration  the shape alpha, positive
     * @param rate           the inverse scale beta, positive, broadcastable with concentration
     * @throws IllegalArgumentException when a parameter breaks its constraint (both positive): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     * @throws IllegalArgumentException when the parameters do not broadcast ("The size of tensor a (2) must match the size of
     *     tensor b (3) at non-singleton dimension 0")
     */
    public Gamma(Tensor concentration, Tensor rate) { this(concentration, rate, Torch.broadcastShapes(concentration.shape(), rate.shape())); }

    /**
     * {@code Gamma(concentration, rate)} with float32 scalar parameters (batch shape ()).
     *
     * @param concentration  the shape alpha, positive
     * @param rate           the inverse scale beta, positive
     * @throws IllegalArgumentException when a parameter breaks its constraint (both positive): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     */
    public Gamma(double concentration, double rate) { this(Torch.scalarTensor(concentration), Torch.scalarTensor(rate)); }

    private Gamma(Tensor concentration, Tensor rate, long[] shape) {
        super(shape, new long[0]);
        this.concentration = expandTo(concentration, shape);
        this.rate = expandTo(rate, shape);
        checkParam("concentration", this.concentration, Constraint.POSITIVE);
        checkParam("rate", this.rate, Constraint.POSITIVE);
    }

    /**
     * {@code concentration}: the shape parameter alpha.
     *
     * @return concentration, expanded to the batch shape
     */
    public Tensor concentration() { return concentration; }

    /**
     * {@code rate}: the inverse scale beta.
     *
     * @return rate, expanded to the batch shape
     */
    public Tensor rate() { return rate; }

    @Override public boolean hasRsample() { return true; }

    @Override public Tensor mean() { return concentration.div(rate); }

    /** (concentration - 1) / rate, at least 0. */
    @Override public Tensor mode() { return concentration.sub(1L).div(rate).clampMin(0.0); }

    @Override public Tensor variance() { return concentration.div(rate.pow(2L)); }

    /** Standard gamma draws over rate, floored at the dtype's smallest normal (outside the graph, as PyTorch). */
    @Override public Tensor rsample(long... sampleShape) {
        long[] shape = extendedShape(sampleShape);
        Tensor value = Special.standardGamma(concentration.expand(shape)).div(rate.expand(shape));
        try (var g = Torch.noGrad()) {
            value.detach().clampMin_(Torch.finfo(value.dtype()).tiny());
        }
        return value;
    }

    /** xlogy(c, rate) + xlogy(c - 1, value) - rate value - lgamma(c). */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.NONNEGATIVE);
        return concentration.xlogy(rate).add(concentration.sub(1L).xlogy(value)).sub(rate.mul(value)).sub(concentration.lgamma());
    }

    /** c - log(rate) + lgamma(c) + (1 - c) digamma(c). */
    @Override public Tensor entropy() {
        return concentration.sub(rate.log()).add(concentration.lgamma()).add(concentration.rsub(1.0).mul(concentration.digamma()));
    }

    @Override protected Map<String, Tensor> reprParams() { return params("concentration", concentration, "rate", rate); }
}
