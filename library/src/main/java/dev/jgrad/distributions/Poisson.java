package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * The Poisson distribution with the given rate, as PyTorch's: sample is torch.poisson of the expanded rate
 * (ATen's CPU sampler, the same draws for the same seed); logProb is differentiable in the rate.
 */
public final class Poisson extends Distribution {
    private final Tensor rate;

    /**
     * {@code torch.distributions.Poisson(rate)}: counts with mean rate, batch shape rate's. It has no entropy, cdf or
     * icdf (UnsupportedOperationException, as PyTorch's NotImplementedError).
     *
     * @param rate  the mean, at least 0
     * @throws IllegalArgumentException when rate breaks its constraint: PyTorch's "Expected parameter rate (Tensor of shape ()) of
     *     distribution ... to satisfy the constraint GreaterThanEq(lower_bound=0.0), but found invalid values: ..."
     */
    public Poisson(Tensor rate) {
        super(rate.shape(), new long[0]);
        this.rate = rate;
        checkParam("rate", rate, Constraint.NONNEGATIVE);
    }

    /**
     * {@code Poisson(rate)} with a float32 scalar rate (batch shape ()).
     *
     * @param rate  the mean, at least 0
     * @throws IllegalArgumentException when rate breaks its constraint: PyTorch's "Expected parameter rate (Tensor of shape ()) of
     *     distribution ... to satisfy the constraint GreaterThanEq(lower_bound=0.0), but found invalid values: ..."
     */
    public Poisson(double rate) { this(Torch.scalarTensor(rate)); }

    /**
     * {@code rate}: the mean (and variance).
     *
     * @return the rate tensor given
     */
    public Tensor rate() { return rate; }

    @Override public Tensor mean() { return rate; }

    @Override public Tensor mode() { return rate.floor(); }

    @Override public Tensor variance() { return rate; }

    @Override public Tensor sample(long... sampleShape) {
        try (var g = Torch.noGrad()) {
            return CountSampler.poisson(rate.expand(extendedShape(sampleShape)));
        }
    }

    /** xlogy(value, rate) - rate - lgamma(value + 1). */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.NONNEGATIVE_INTEGER);
        long[] shape = Torch.broadcastShapes(rate.shape(), value.shape());
        Tensor r = expandTo(rate, shape), v = expandTo(value, shape);
        return v.xlogy(r).sub(r).sub(v.add(1L).lgamma());
    }

    @Override protected Map<String, Tensor> reprParams() { return params("rate", rate); }
}
