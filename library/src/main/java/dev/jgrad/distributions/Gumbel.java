package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * The Gumbel distribution, as PyTorch's (a Uniform(tiny, 1 - eps) pushed through -log(-log u) and the affine
 * map loc - scale x): rsample draws that uniform with {@code rand} and applies the same transforms in the
 * same order, so the draws equal PyTorch's and stay differentiable in loc and scale.
 */
public final class Gumbel extends Distribution {
    static final double EULER_GAMMA = 0.57721566490153286060;

    private final Tensor loc, scale;

    /**
     * {@code torch.distributions.Gumbel(loc, scale)}: batch shape the broadcast of both.
     *
     * @param loc    the mode, any real (not NaN)
     * @param scale  the spread, positive, broadcastable with loc
     * @throws IllegalArgumentException when a parameter breaks its constraint (loc real, scale positive): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     * @throws IllegalArgumentException when the parameters do not broadcast ("The size of tensor a (2) must match the size of
     *     tensor b (3) at non-singleton dimension 0")
     */
    public Gumbel(Tensor loc, Tensor scale) { this(loc, scale, Torch.broadcastShapes(loc.shape(), scale.shape())); }

    /**
     * {@code Gumbel(loc, scale)} with float32 scalar parameters (batch shape ()).
     *
     * @param loc    the mode
     * @param scale  the spread, positive
     * @throws IllegalArgumentException when a parameter breaks its constraint (loc real, scale positive): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     */
    public Gumbel(double loc, double scale) { this(Torch.scalarTensor(loc), Torch.scalarTensor(scale)); }

    private Gumbel(Tensor loc, Tensor scale, long[] shape) {
        super(shape, new long[0]);
        this.loc = expandTo(loc, shape);
        this.scale = expandTo(scale, shape);
        checkParam("loc", this.loc, Constraint.REAL);
        checkParam("scale", this.scale, Constraint.POSITIVE);
    }

    /**
     * {@code loc}: the mode.
     *
     * @return loc, expanded to the batch shape
     */
    public Tensor loc() { return loc; }

    /**
     * {@code scale}: the spread (the standard deviation is pi / sqrt(6) scale).
     *
     * @return scale, expanded to the batch shape
     */
    public Tensor scale() { return scale; }

    @Override public boolean hasRsample() { return true; }

    /** loc - scale log(-log u) for u = tiny + rand (1 - eps - tiny), as PyTorch's transforms compute it. */
    @Override public Tensor rsample(long... sampleShape) {
        var fi = Torch.finfo(loc.dtype());
        Tensor x;
        try (var g = Torch.noGrad()) {
            Tensor low = Torch.fullLike(loc, fi.tiny()), high = Torch.fullLike(loc, 1 - fi.eps());
            Tensor u = low.add(Torch.rand(loc.dtype(), loc.device(), extendedShape(sampleShape)).mul(high.sub(low)));
            x = u.log().neg().log();
        }
        return loc.add(scale.neg().mul(x));
    }

    /**
     * PyTorch's cdf of a TransformedDistribution: the transforms inverted (u = exp(-exp(-(value - loc) / scale))), the
     * base Uniform(tiny, 1 - eps)'s cdf at u, and the result monotonized ({@code sign (c - 0.5) + 0.5}), each step as
     * PyTorch rounds it. The base validates u, so a value far enough in the upper tail that u rounds to 1 fails with
     * the Uniform's support message, as in PyTorch.
     */
    @Override public Tensor cdf(Tensor value) {
        Tensor u = value.sub(loc).div(scale.neg()).exp().div(Torch.onesLike(scale).neg()).exp();
        return monotonize(base().cdf(u));
    }

    /**
     * PyTorch's icdf of a TransformedDistribution: the probability monotonized, the base Uniform's icdf, then the
     * transforms applied in order: loc - scale log(-log u).
     */
    @Override public Tensor icdf(Tensor value) {
        Tensor y = base().icdf(monotonize(value)).log();
        y = Torch.onesLike(scale).neg().mul(y).log();
        return loc.add(scale.neg().mul(y));
    }

    /** The Uniform(tiny, 1 - eps) PyTorch's Gumbel transforms (its base_dist), of loc's dtype and shape. */
    private Uniform base() {
        var fi = Torch.finfo(loc.dtype());
        return new Uniform(Torch.fullLike(loc, fi.tiny()), Torch.fullLike(loc, 1 - fi.eps()));
    }

    /** TransformedDistribution._monotonize_cdf: the transforms' signs multiply to a tensor (of ones), so sign (c - 0.5) + 0.5. */
    private Tensor monotonize(Tensor c) {
        Tensor sign = Torch.onesLike(scale).neg().sign().mul(scale.neg().sign());
        return sign.mul(c.sub(0.5)).add(0.5);
    }

    /** y - exp(y) - log(scale) with y = (loc - value) / scale. */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.REAL);
        Tensor y = loc.sub(value).div(scale);
        return y.sub(y.exp()).sub(scale.log());
    }

    /** loc + scale * Euler's constant. */
    @Override public Tensor mean() { return loc.add(scale.mul(EULER_GAMMA)); }

    @Override public Tensor mode() { return loc; }

    /** pi / sqrt(6) * scale. */
    @Override public Tensor stddev() { return scale.mul(Math.PI / Math.sqrt(6)); }

    @Override public Tensor variance() { return stddev().pow(2L); }

    /** log(scale) + 1 + Euler's constant. */
    @Override public Tensor entropy() { return scale.log().add(1 + EULER_GAMMA); }

    @Override protected Map<String, Tensor> reprParams() { return params("loc", loc, "scale", scale); }
}
