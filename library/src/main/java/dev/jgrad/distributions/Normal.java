package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * The normal distribution N(loc, scale^2), loc and scale broadcast together, as PyTorch's: sample draws
 * {@code normal_(0, 1)} and scales (so the draws equal PyTorch's), rsample keeps the gradient to loc and
 * scale (the reparameterisation trick), logProb and entropy are differentiable.
 */
public final class Normal extends Distribution {
    private final Tensor loc, scale;

    /**
     * {@code torch.distributions.Normal(loc, scale)}: batch shape the broadcast of both.
     *
     * @param loc    the mean, any real (not NaN)
     * @param scale  the standard deviation, positive, broadcastable with loc
     * @throws IllegalArgumentException when a parameter breaks its constraint (loc real, scale positive): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     */
    public Normal(Tensor loc, Tensor scale) { this(loc, scale, Torch.broadcastShapes(loc.shape(), scale.shape())); }

    /**
     * {@code Normal(loc, scale)} with float32 scalar parameters (batch shape ()).
     *
     * @param loc    the mean
     * @param scale  the standard deviation, positive
     * @throws IllegalArgumentException when a parameter breaks its constraint (loc real, scale positive): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     */
    public Normal(double loc, double scale) { this(Torch.scalarTensor(loc), Torch.scalarTensor(scale)); }

    private Normal(Tensor loc, Tensor scale, long[] shape) {
        this(loc, scale, shape, true);
    }

    private Normal(Tensor loc, Tensor scale, long[] shape, boolean validate) {
        super(shape, new long[0]);
        this.loc = expandTo(loc, shape);
        this.scale = expandTo(scale, shape);
        if (validate) {
            checkParam("loc", this.loc, Constraint.REAL);
            checkParam("scale", this.scale, Constraint.POSITIVE);
        }
    }

    /** Without argument validation (PyTorch's validate_args=False), for a distribution built on it that validates itself. */
    static Normal unchecked(Tensor loc, Tensor scale) { return new Normal(loc, scale, Torch.broadcastShapes(loc.shape(), scale.shape()), false); }

    /**
     * {@code loc}: the mean.
     *
     * @return loc, expanded to the batch shape
     */
    public Tensor loc() { return loc; }

    /**
     * {@code scale}: the standard deviation.
     *
     * @return scale, expanded to the batch shape
     */
    public Tensor scale() { return scale; }

    @Override public boolean hasRsample() { return true; }

    @Override public Tensor mean() { return loc; }

    @Override public Tensor mode() { return loc; }

    @Override public Tensor stddev() { return scale; }

    @Override public Tensor variance() { return scale.pow(2L); }

    /** loc + eps * scale with eps ~ N(0, 1): differentiable in loc and scale. */
    @Override public Tensor rsample(long... sampleShape) {
        Tensor eps;
        try (var g = Torch.noGrad()) {
            eps = Torch.empty(loc.dtype(), loc.device(), extendedShape(sampleShape)).normal_(0, 1);
        }
        return loc.add(eps.mul(scale));
    }

    /** -(value - loc)^2 / (2 scale^2) - log(scale) - log(sqrt(2 pi)). */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.REAL);
        Tensor var = scale.pow(2L);
        return value.sub(loc).pow(2L).neg().div(var.mul(2L)).sub(scale.log()).sub(Math.log(Math.sqrt(2 * Math.PI)));
    }

    /** 0.5 (1 + erf((value - loc) / (scale sqrt 2))). */
    @Override public Tensor cdf(Tensor value) {
        validateSample(value, Constraint.REAL);
        return value.sub(loc).mul(scale.reciprocal()).div(Math.sqrt(2)).erf().add(1L).mul(0.5);
    }

    /** loc + scale erfinv(2 value - 1) sqrt(2): the quantile (no support check, as PyTorch). */
    @Override public Tensor icdf(Tensor value) { return loc.add(scale.mul(value.mul(2L).sub(1L).erfinv()).mul(Math.sqrt(2))); }

    /** 0.5 + 0.5 log(2 pi) + log(scale). */
    @Override public Tensor entropy() { return scale.log().add(0.5 + 0.5 * Math.log(2 * Math.PI)); }

    @Override protected Map<String, Tensor> reprParams() { return params("loc", loc, "scale", scale); }
}
