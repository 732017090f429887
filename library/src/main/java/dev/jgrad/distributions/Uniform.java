package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * The uniform distribution on [low, high), low and high broadcast together, as PyTorch's: rsample is
 * low + rand(shape) * (high - low), the draws of {@code torch.rand} in low's dtype, so the samples equal
 * PyTorch's for the same seed and stay differentiable in low and high.
 */
public final class Uniform extends Distribution {
    private final Tensor low, high;

    /**
     * {@code torch.distributions.Uniform(low, high)}: U[low, high), batch shape the broadcast of both.
     *
     * @param low   the lower bounds (included)
     * @param high  the upper bounds (excluded), each above its low
     * @throws IllegalArgumentException "Uniform is not defined when low&gt;= high" where low &gt;= high (as PyTorch 1.13 says it)
     * @throws IllegalArgumentException when the parameters do not broadcast ("The size of tensor a (2) must match the size of
     *     tensor b (3) at non-singleton dimension 0")
     */
    public Uniform(Tensor low, Tensor high) { this(low, high, Torch.broadcastShapes(low.shape(), high.shape())); }

    /**
     * {@code Uniform(low, high)} with float32 scalar bounds (batch shape ()).
     *
     * @param low   the lower bound (included)
     * @param high  the upper bound (excluded), above low
     * @throws IllegalArgumentException "Uniform is not defined when low&gt;= high" when low &gt;= high
     */
    public Uniform(double low, double high) { this(Torch.scalarTensor(low), Torch.scalarTensor(high)); }

    private Uniform(Tensor low, Tensor high, long[] shape) {
        super(shape, new long[0]);
        this.low = expandTo(low, shape);
        this.high = expandTo(high, shape);
        if (!this.low.detach().lt(this.high.detach()).all().itemBool()) throw new IllegalArgumentException("Uniform is not defined when low>= high");
    }

    /**
     * {@code low}: the lower bound (included).
     *
     * @return low, expanded to the batch shape
     */
    public Tensor low() { return low; }

    /**
     * {@code high}: the upper bound (excluded).
     *
     * @return high, expanded to the batch shape
     */
    public Tensor high() { return high; }

    @Override public boolean hasRsample() { return true; }

    /**
     * {@code support}: [low, high] as PyTorch checks it (closed at both ends), what logProb and cdf validate against.
     *
     * @return an interval constraint
     */
    public Constraint support() { return Constraint.interval(low, high); }

    @Override public Tensor mean() { return high.add(low).div(2L); }

    /** nan: every value of the support is as likely (PyTorch's {@code nan * high}). */
    @Override public Tensor mode() { return high.mul(Double.NaN); }

    @Override public Tensor stddev() { return high.sub(low).div(Math.sqrt(12)); }

    @Override public Tensor variance() { return high.sub(low).pow(2L).div(12L); }

    @Override public Tensor rsample(long... sampleShape) {
        long[] shape = extendedShape(sampleShape);
        Tensor u = Torch.rand(low.dtype(), low.device(), shape);
        return low.add(u.mul(high.sub(low)));
    }

    /** log(1[low &lt;= value &lt; high]) - log(high - low). */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, support());
        Tensor lb = low.le(value).to(low.dtype()), ub = high.gt(value).to(low.dtype());
        return lb.mul(ub).log().sub(high.sub(low).log());
    }

    /** (value - low) / (high - low) clamped into [0, 1]. */
    @Override public Tensor cdf(Tensor value) {
        validateSample(value, support());
        return value.sub(low).div(high.sub(low)).clamp(0.0, 1.0);
    }

    @Override public Tensor icdf(Tensor value) { return value.mul(high.sub(low)).add(low); }

    @Override public Tensor entropy() { return high.sub(low).log(); }

    @Override protected Map<String, Tensor> reprParams() { return params("low", low, "high", high); }
}
