package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * A base distribution with its rightmost reinterpretedBatchNdims batch dims taken as event dims, as
 * PyTorch's Independent: the same draws and moments, with logProb and entropy summed over those dims.
 */
public final class Independent extends Distribution {
    private final Distribution base;
    private final int reinterpretedBatchNdims;

    /**
     * {@code torch.distributions.Independent(base_distribution, reinterpreted_batch_ndims)}: the base's rightmost
     * reinterpretedBatchNdims batch dims become event dims, so logProb and entropy sum over them (a diagonal
     * multivariate normal is {@code new Independent(new Normal(mu, sigma), 1)}).
     *
     * @param base                     the distribution reinterpreted
     * @param reinterpretedBatchNdims  how many batch dims move into the event, 0..len(base.batchShape())
     * @throws IllegalArgumentException for more than the base's batch dims: PyTorch's "Expected reinterpreted_batch_ndims &lt;=
     *     len(base_distribution.batch_shape), actual 1 vs 0"
     */
    public Independent(Distribution base, int reinterpretedBatchNdims) {
        super(split(base, reinterpretedBatchNdims, true), split(base, reinterpretedBatchNdims, false));
        this.base = base;
        this.reinterpretedBatchNdims = reinterpretedBatchNdims;
    }

    /** The leading (batch) or trailing (event) part of the base's batch + event shape. */
    private static long[] split(Distribution base, int n, boolean batch) {
        long[] b = base.batchShape().toLongArray(), e = base.eventShape().toLongArray();
        if (n > b.length) {
            throw new IllegalArgumentException("Expected reinterpreted_batch_ndims <= len(base_distribution.batch_shape), actual " + n + " vs " + b.length);
        }
        long[] shape = Arrays.copyOf(b, b.length + e.length);
        System.arraycopy(e, 0, shape, b.length, e.length);
        int cut = shape.length - n - e.length;
        return batch ? Arrays.copyOfRange(shape, 0, cut) : Arrays.copyOfRange(shape, cut, shape.length);
    }

    /**
     * The wrapped distribution (PyTorch's {@code base_dist}).
     *
     * @return the base given
     */
    public Distribution baseDist() { return base; }

    /**
     * {@code reinterpreted_batch_ndims}: how many batch dims were moved into the event.
     *
     * @return the count given
     */
    public int reinterpretedBatchNdims() { return reinterpretedBatchNdims; }

    @Override public boolean hasRsample() { return base.hasRsample(); }

    @Override public Tensor mean() { return base.mean(); }

    @Override public Tensor mode() { return base.mode(); }

    @Override public Tensor variance() { return base.variance(); }

    @Override public Tensor sample(long... sampleShape) { return base.sample(sampleShape); }

    @Override public Tensor rsample(long... sampleShape) { return base.rsample(sampleShape); }

    @Override public Tensor logProb(Tensor value) { return sumRightmost(base.logProb(value), reinterpretedBatchNdims); }

    @Override public Tensor entropy() { return sumRightmost(base.entropy(), reinterpretedBatchNdims); }

    /** Sums out the dim rightmost dims (PyTorch's _sum_rightmost). */
    static Tensor sumRightmost(Tensor value, int dim) {
        if (dim == 0) return value;
        long[] shape = Arrays.copyOf(value.shape(), value.dim() - dim + 1);
        shape[shape.length - 1] = -1;
        return value.reshape(shape).sum(-1);
    }

    @Override protected Map<String, Tensor> reprParams() { return params(); }

    /** Independent(base repr, ndims), as PyTorch's __repr__. */
    @Override public String toString() { return "Independent(" + base + ", " + reinterpretedBatchNdims + ")"; }
}
