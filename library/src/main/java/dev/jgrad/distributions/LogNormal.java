package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import java.util.Map;

/**
 * exp(X) for X ~ Normal(loc, scale), as PyTorch's LogNormal (a TransformedDistribution of Normal by
 * ExpTransform): samples are exp of the normal's (the same draws), logProb is the normal's at log(value)
 * minus log(value) (the log-Jacobian).
 */
public final class LogNormal extends Distribution {
    private final Normal base;

    /**
     * {@code torch.distributions.LogNormal(loc, scale)}: exp(X) for X ~ N(loc, scale^2), batch shape the broadcast of both.
     *
     * @param loc    the mean of log(X), any real
     * @param scale  the standard deviation of log(X), positive, broadcastable with loc
     * @throws IllegalArgumentException when a parameter breaks its constraint (loc real, scale positive; the message names the underlying Normal, as PyTorch's): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     * @throws IllegalArgumentException when the parameters do not broadcast ("The size of tensor a (2) must match the size of
     *     tensor b (3) at non-singleton dimension 0")
     */
    public LogNormal(Tensor loc, Tensor scale) { this(new Normal(loc, scale)); }

    /**
     * {@code LogNormal(loc, scale)} with float32 scalar parameters (batch shape ()).
     *
     * @param loc    the mean of log(X)
     * @param scale  the standard deviation of log(X), positive
     * @throws IllegalArgumentException when a parameter breaks its constraint (loc real, scale positive): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     */
    public LogNormal(double loc, double scale) { this(new Normal(loc, scale)); }

    private LogNormal(Normal base) {
        super(base.batchShape().toLongArray(), new long[0]);
        this.base = base;
    }

    /**
     * The underlying Normal (PyTorch's {@code base_dist}).
     *
     * @return the Normal(loc, scale) whose draws are exponentiated
     */
    public Normal baseDist() { return base; }

    /**
     * {@code loc}: the mean of the underlying normal.
     *
     * @return loc, expanded to the batch shape
     */
    public Tensor loc() { return base.loc(); }

    /**
     * {@code scale}: the standard deviation of the underlying normal.
     *
     * @return scale, expanded to the batch shape
     */
    public Tensor scale() { return base.scale(); }

    @Override public boolean hasRsample() { return true; }

    /** exp(loc + scale^2 / 2). */
    @Override public Tensor mean() { return loc().add(scale().pow(2L).div(2L)).exp(); }

    /** (exp(scale^2) - 1) exp(2 loc + scale^2). */
    @Override public Tensor variance() {
        return scale().pow(2L).exp().sub(1L).mul(loc().mul(2L).add(scale().pow(2L)).exp());
    }

    @Override public Tensor sample(long... sampleShape) { return base.sample(sampleShape).exp(); }

    @Override public Tensor rsample(long... sampleShape) { return base.rsample(sampleShape).exp(); }

    /** normal.logProb(log value) - log value. */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.POSITIVE);
        Tensor x = value.log();
        return x.rsub(0.0).add(base.logProb(x));
    }

    /** The normal's cdf at log(value) (only the normal checks the value, as in PyTorch). */
    @Override public Tensor cdf(Tensor value) { return base.cdf(value.log()); }

    /** exp of the normal's icdf (PyTorch's TransformedDistribution icdf; no support check, as there). */
    @Override public Tensor icdf(Tensor value) { return base.icdf(value).exp(); }

    /** exp(loc - scale^2). */
    @Override public Tensor mode() { return loc().sub(scale().square()).exp(); }

    /** normal entropy + loc. */
    @Override public Tensor entropy() { return base.entropy().add(loc()); }

    /** None: PyTorch's repr of a LogNormal lists nothing (loc and scale live on its base). */
    @Override protected Map<String, Tensor> reprParams() { return params(); }
}
