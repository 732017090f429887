package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * |X| for X ~ Normal(0, scale), as PyTorch's HalfNormal (a TransformedDistribution of Normal by AbsTransform):
 * samples are the absolute values of the normal's (the same draws), logProb is the normal's plus log 2.
 */
public final class HalfNormal extends Distribution {
    private static final double LOG_2 = Math.log(2);

    private final Normal base;

    /**
     * {@code torch.distributions.HalfNormal(scale)}: |X| for X ~ N(0, scale^2), batch shape scale's.
     *
     * @param scale  the scale of the underlying normal, positive
     * @throws IllegalArgumentException when scale breaks its constraint: PyTorch's "Expected parameter scale (Tensor of shape ()) of
     *     distribution ... to satisfy the constraint GreaterThan(lower_bound=0.0), but found invalid values: ..."
     */
    public HalfNormal(Tensor scale) { this(Normal.unchecked(Torch.scalarTensor(0.0, scale.dtype()), scale)); }

    /**
     * {@code HalfNormal(scale)} with a float32 scalar scale (batch shape ()).
     *
     * @param scale  the scale of the underlying normal, positive
     * @throws IllegalArgumentException when scale breaks its constraint: PyTorch's "Expected parameter scale (Tensor of shape ()) of
     *     distribution ... to satisfy the constraint GreaterThan(lower_bound=0.0), but found invalid values: ..."
     */
    public HalfNormal(double scale) { this(Normal.unchecked(Torch.scalarTensor(0.0), Torch.scalarTensor(scale))); }

    private HalfNormal(Normal base) {
        super(base.batchShape().toLongArray(), new long[0]);
        this.base = base;
        checkParam("scale", base.scale(), Constraint.POSITIVE);
    }

    /**
     * The underlying Normal(0, scale) (PyTorch's {@code base_dist}).
     *
     * @return the Normal whose draws' absolute values are this distribution's
     */
    public Normal baseDist() { return base; }

    /**
     * {@code scale}: the scale of the underlying normal.
     *
     * @return scale
     */
    public Tensor scale() { return base.scale(); }

    @Override public boolean hasRsample() { return true; }

    /** scale sqrt(2 / pi). */
    @Override public Tensor mean() { return scale().mul(Math.sqrt(2 / Math.PI)); }

    @Override public Tensor mode() { return Torch.zerosLike(scale()); }

    /** scale^2 (1 - 2 / pi). */
    @Override public Tensor variance() { return scale().pow(2L).mul(1 - 2 / Math.PI); }

    @Override public Tensor sample(long... sampleShape) { return base.sample(sampleShape).abs(); }

    @Override public Tensor rsample(long... sampleShape) { return base.rsample(sampleShape).abs(); }

    /** normal.logProb(value) + log 2 (and -inf below 0, which validation already refuses). */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.NONNEGATIVE);
        return base.logProb(value).add(LOG_2).where(value.ge(0L), Double.NEGATIVE_INFINITY);
    }

    /** 2 normal.cdf(value) - 1. */
    @Override public Tensor cdf(Tensor value) {
        validateSample(value, Constraint.NONNEGATIVE);
        return base.cdf(value).mul(2L).sub(1L);
    }

    /** normal.icdf((prob + 1) / 2). */
    @Override public Tensor icdf(Tensor prob) { return base.icdf(prob.add(1L).div(2L)); }

    /** normal entropy - log 2. */
    @Override public Tensor entropy() { return base.entropy().sub(LOG_2); }

    /** None: PyTorch's repr of a HalfNormal lists nothing (scale lives on its base). */
    @Override protected Map<String, Tensor> reprParams() { return params(); }
}
