package dev.jgrad.distributions;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * The Cauchy (Lorentz) distribution, loc and scale broadcast together, as PyTorch's: rsample is
 * loc + eps * scale with eps what {@code cauchy_()} draws (tan(pi (u - 1/2)) of a double uniform, then cast),
 * so the draws equal PyTorch's for the same seed.
 */
public final class Cauchy extends Distribution {
    private final Tensor loc, scale;

    /**
     * {@code torch.distributions.Cauchy(loc, scale)}: batch shape the broadcast of both.
     *
     * @param loc    the median (and mode), any real (not NaN)
     * @param scale  the half width at half maximum, positive, broadcastable with loc
     * @throws IllegalArgumentException when a parameter breaks its constraint (loc real, scale positive): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     * @throws IllegalArgumentException when the parameters do not broadcast ("The size of tensor a (2) must match the size of
     *     tensor b (3) at non-singleton dimension 0")
     */
    public Cauchy(Tensor loc, Tensor scale) { this(loc, scale, Torch.broadcastShapes(loc.shape(), scale.shape())); }

    /**
     * {@code Cauchy(loc, scale)} with float32 scalar parameters (batch shape ()).
     *
     * @param loc    the median (and mode)
     * @param scale  the half width at half maximum, positive
     * @throws IllegalArgumentException when a parameter breaks its constraint (loc real, scale positive): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     */
    public Cauchy(double loc, double scale) { this(Torch.scalarTensor(loc), Torch.scalarTensor(scale)); }

    private Cauchy(Tensor loc, Tensor scale, long[] shape) {
        super(shape, new long[0]);
        this.loc = expandTo(loc, shape);
        this.scale = expandTo(scale, shape);
        checkParam("loc", this.loc, Constraint.REAL);
        checkParam("scale", this.scale, Constraint.POSITIVE);
    }

    /**
     * {@code loc}: the median.
     *
     * @return loc, expanded to the batch shape
     */
    public Tensor loc() { return loc; }

    /**
     * {@code scale}: the half width at half maximum.
     *
     * @return scale, expanded to the batch shape
     */
    public Tensor scale() { return scale; }

    @Override public boolean hasRsample() { return true; }

    /** nan: the Cauchy has no mean. */
    @Override public Tensor mean() { return Torch.full(extendedShape(new long[0]), Double.NaN, loc.dtype(), loc.device()); }

    @Override public Tensor mode() { return loc; }

    /** inf. */
    @Override public Tensor variance() { return Torch.full(extendedShape(new long[0]), Double.POSITIVE_INFINITY, loc.dtype(), loc.device()); }

    @Override public Tensor rsample(long... sampleShape) {
        Tensor eps;
        try (var g = Torch.noGrad()) {
            eps = Torch.rand(DType.FLOAT64, loc.device(), extendedShape(sampleShape)).sub(0.5).mul(Math.PI).tan().to(loc.dtype());
        }
        return loc.add(eps.mul(scale));
    }

    /** -log(pi) - log(scale) - log(1 + ((value - loc) / scale)^2). */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.REAL);
        return scale.log().rsub(-Math.log(Math.PI)).sub(value.sub(loc).div(scale).pow(2L).add(1L).log());
    }

    /** atan((value - loc) / scale) / pi + 1/2. */
    @Override public Tensor cdf(Tensor value) {
        validateSample(value, Constraint.REAL);
        return value.sub(loc).div(scale).atan().div(Math.PI).add(0.5);
    }

    /** tan(pi (value - 1/2)) scale + loc. */
    @Override public Tensor icdf(Tensor value) { return value.sub(0.5).mul(Math.PI).tan().mul(scale).add(loc); }

    /** log(4 pi) + log(scale). */
    @Override public Tensor entropy() { return scale.log().add(Math.log(4 * Math.PI)); }

    @Override protected Map<String, Tensor> reprParams() { return params("loc", loc, "scale", scale); }
}
