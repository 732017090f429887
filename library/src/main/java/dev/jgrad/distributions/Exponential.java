package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * The exponential distribution with the given rate, as PyTorch's: rsample fills a new tensor with
 * {@code exponential_()} and divides by rate (PyTorch's draws for the same seed, differentiable in rate).
 */
public final class Exponential extends Distribution {
    private final Tensor rate;

    /**
     * {@code torch.distributions.Exponential(rate)}: density rate * exp(-rate * x) on x &gt;= 0, batch shape rate's.
     *
     * @param rate  the rate, positive
     * @throws IllegalArgumentException when rate breaks its constraint: PyTorch's "Expected parameter rate (Tensor of shape ()) of
     *     distribution ... to satisfy the constraint GreaterThan(lower_bound=0.0), but found invalid values: ..."
     */
    public Exponential(Tensor rate) {
        super(rate.shape(), new long[0]);
        this.rate = rate;
        checkParam("rate", rate, Constraint.POSITIVE);
    }

    /**
     * {@code Exponential(rate)} with a float32 scalar rate (batch shape ()).
     *
     * @param rate  the rate, positive
     * @throws IllegalArgumentException when rate breaks its constraint: PyTorch's "Expected parameter rate (Tensor of shape ()) of
     *     distribution ... to satisfy the constraint GreaterThan(lower_bound=0.0), but found invalid values: ..."
     */
    public Exponential(double rate) { this(Torch.scalarTensor(rate)); }

    /**
     * {@code rate}: the inverse of the mean.
     *
     * @return the rate tensor given
     */
    public Tensor rate() { return rate; }

    @Override public boolean hasRsample() { return true; }

    @Override public Tensor mean() { return rate.reciprocal(); }

    /** 0 everywhere. */
    @Override public Tensor mode() { return Torch.zerosLike(rate); }

    @Override public Tensor stddev() { return rate.reciprocal(); }

    @Override public Tensor variance() { return rate.pow(-2L); }

    @Override public Tensor rsample(long... sampleShape) {
        Tensor e;
        try (var g = Torch.noGrad()) {
            e = Torch.empty(rate.dtype(), rate.device(), extendedShape(sampleShape)).exponential_();
        }
        return e.div(rate);
    }

    /** log(rate) - rate * value. */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.NONNEGATIVE);
        return rate.log().sub(rate.mul(value));
    }

    /** 1 - exp(-rate * value). */
    @Override public Tensor cdf(Tensor value) {
        validateSample(value, Constraint.NONNEGATIVE);
        return rate.neg().mul(value).exp().rsub(1L);
    }

    /** -log(1 - value) / rate. */
    @Override public Tensor icdf(Tensor value) { return value.rsub(1L).log().neg().div(rate); }

    /** 1 - log(rate). */
    @Override public Tensor entropy() { return rate.log().rsub(1.0); }

    @Override protected Map<String, Tensor> reprParams() { return params("rate", rate); }
}
