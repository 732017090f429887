package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * The Laplace distribution with location loc and scale, broadcast together, as PyTorch's: rsample draws u
 * with {@code uniform_(eps - 1, 1)} (so never -1) and returns loc - scale sign(u) log1p(-|u|), PyTorch's
 * draws for the same seed, differentiable in loc and scale.
 */
public final class Laplace extends Distribution {
    private final Tensor loc, scale;

    /**
     * {@code torch.distributions.Laplace(loc, scale)}: batch shape the broadcast of both.
     *
     * @param loc    the mean and median, any real (not NaN)
     * @param scale  the spread b (variance 2 b^2), positive, broadcastable with loc
     * @throws IllegalArgumentException when a parameter breaks its constraint (loc real, scale positive): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     * @throws IllegalArgumentException when the parameters do not broadcast ("The size of tensor a (2) must match the size of
     *     tensor b (3) at non-singleton dimension 0")
     */
    public Laplace(Tensor loc, Tensor scale) { this(loc, scale, Torch.broadcastShapes(loc.shape(), scale.shape())); }

    /**
     * {@code Laplace(loc, scale)} with float32 scalar parameters (batch shape ()).
     *
     * @param loc    the mean and median
     * @param scale  the spread b (variance 2 b^2), positive
     * @throws IllegalArgumentException when a parameter breaks its constraint (loc real, scale positive): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     */
    public Laplace(double loc, double scale) { this(Torch.scalarTensor(loc), Torch.scalarTensor(scale)); }

    private Laplace(Tensor loc, Tensor scale, long[] shape) {
        super(shape, new long[0]);
        this.loc = expandTo(loc, shape);
        this.scale = expandTo(scale, shape);
        checkParam("loc", this.loc, Constraint.REAL);
        checkParam("scale", this.scale, Constraint.POSITIVE);
    }

    /**
     * {@code loc}: the mean and median.
     *
     * @return loc, expanded to the batch shape
     */
    public Tensor loc() { return loc; }

    /**
     * {@code scale}: the spread b (variance 2 b^2).
     *
     * @return scale, expanded to the batch shape
     */
    public Tensor scale() { return scale; }

    @Override public boolean hasRsample() { return true; }

    @Override public Tensor mean() { return loc; }

    @Override public Tensor mode() { return loc; }

    /** 2 scale^2. */
    @Override public Tensor variance() { return scale.pow(2L).mul(2L); }

    /** sqrt(2) scale. */
    @Override public Tensor stddev() { return scale.mul(Math.sqrt(2)); }

    @Override public Tensor rsample(long... sampleShape) {
        Tensor u;
        try (var g = Torch.noGrad()) {
            double eps = Torch.finfo(loc.dtype()).eps();
            u = Torch.empty(loc.dtype(), loc.device(), extendedShape(sampleShape)).uniform_(eps - 1, 1);
        }
        return loc.sub(scale.mul(u.sign()).mul(u.abs().neg().log1p()));
    }

    /** -log(2 scale) - |value - loc| / scale. */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.REAL);
        return scale.mul(2L).log().neg().sub(value.sub(loc).abs().div(scale));
    }

    /** 0.5 - 0.5 sign(value - loc) expm1(-|value - loc| / scale). */
    @Override public Tensor cdf(Tensor value) {
        validateSample(value, Constraint.REAL);
        Tensor d = value.sub(loc);
        return d.sign().mul(0.5).mul(d.abs().neg().div(scale).expm1()).rsub(0.5);
    }

    /** loc - scale sign(value - 0.5) log1p(-2 |value - 0.5|). */
    @Override public Tensor icdf(Tensor value) {
        Tensor term = value.sub(0.5);
        return loc.sub(scale.mul(term.sign()).mul(term.abs().mul(-2L).log1p()));
    }

    /** 1 + log(2 scale). */
    @Override public Tensor entropy() { return scale.mul(2L).log().add(1L); }

    @Override protected Map<String, Tensor> reprParams() { return params("loc", loc, "scale", scale); }
}
