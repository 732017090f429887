package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;
import java.util.Arrays;
import java.util.Map;

/**
 * The Dirichlet distribution over the simplex of concentration's last dim, as PyTorch's: rsample draws
 * torch._sample_dirichlet's numbers (per-element gamma draws of PyTorch's sampler, normalised) and is
 * differentiable in the concentration through ATen's _dirichlet_grad approximation.
 */
public final class Dirichlet extends Distribution {
    /** independent(positive, 1): every entry of the last dim positive. */
    static final Constraint POSITIVE_VECTOR = new Constraint("IndependentConstraint(GreaterThan(lower_bound=0.0), 1)", v -> v.gt(0.0).all(-1));

    private final Tensor concentration;

    /**
     * {@code torch.distributions.Dirichlet(concentration)}: over the simplex of the last dim, which is the event shape;
     * the leading dims are the batch shape.
     *
     * @param concentration  (*batch, k), every entry positive
     * @throws IllegalArgumentException "`concentration` parameter must be at least one-dimensional." for a 0-d tensor, or when
     *     an entry is not positive: PyTorch's "Expected parameter concentration (Tensor of shape (2,)) of distribution
     *     Dirichlet(...) to satisfy the constraint IndependentConstraint(GreaterThan(lower_bound=0.0), 1), but found
     *     invalid values: ..."
     */
    public Dirichlet(Tensor concentration) {
        super(leading(concentration), new long[] {concentration.size(-1)});
        this.concentration = concentration;
        checkParam("concentration", concentration, POSITIVE_VECTOR);
    }

    /** The batch shape (all but the last dim), refusing a 0-d concentration with PyTorch's message. */
    private static long[] leading(Tensor concentration) {
        if (concentration.dim() < 1) throw new IllegalArgumentException("`concentration` parameter must be at least one-dimensional.");
        return Arrays.copyOf(concentration.shape(), concentration.dim() - 1);
    }

    /**
     * {@code concentration}: the positive parameters, one per category.
     *
     * @return the tensor given, (*batch, k)
     */
    public Tensor concentration() { return concentration; }

    @Override public boolean hasRsample() { return true; }

    @Override public Tensor rsample(long... sampleShape) { return DirichletSampler.sample(concentration.expand(extendedShape(sampleShape))); }

    /** sum(log(value) (c - 1)) + lgamma(sum c) - sum lgamma(c). */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.SIMPLEX);
        return value.log().mul(concentration.sub(1.0)).sum(-1).add(concentration.sum(-1).lgamma()).sub(concentration.lgamma().sum(-1));
    }

    /** c / sum c. */
    @Override public Tensor mean() { return concentration.div(concentration.sum(-1, true)); }

    /** (c - 1)^+ normalised; one-hot at the largest entry where every c &lt; 1. */
    @Override public Tensor mode() {
        Tensor cm1 = concentration.sub(1L).clampMin(0.0);
        Tensor mode = cm1.div(cm1.sum(-1, true));
        Tensor mask = concentration.lt(1L).all(-1);
        Tensor rows = mode;
        if (mask.dim() == 0) {  // a 0-d bool index, written as the one-row case
            rows = mode.unsqueeze(0);
            mask = mask.unsqueeze(0);
        }
        rows.indexPut_(new Tensor[] {mask}, F.oneHot(rows.index(mask).argmax(-1), (int) cm1.size(-1)).to(mode.dtype()));
        return mode;
    }

    /** c (c0 - c) / (c0^2 (c0 + 1)) with c0 = sum c. */
    @Override public Tensor variance() {
        Tensor con0 = concentration.sum(-1, true);
        return concentration.mul(con0.sub(concentration)).div(con0.pow(2L).mul(con0.add(1L)));
    }

    /** sum lgamma(c) - lgamma(a0) - (k - a0) digamma(a0) - sum (c - 1) digamma(c), a0 = sum c. */
    @Override public Tensor entropy() {
        long k = concentration.size(-1);
        Tensor a0 = concentration.sum(-1);
        return concentration.lgamma().sum(-1).sub(a0.lgamma()).sub(a0.rsub(k).mul(a0.digamma()))
                .sub(concentration.sub(1.0).mul(concentration.digamma()).sum(-1));
    }

    @Override protected Map<String, Tensor> reprParams() { return params("concentration", concentration); }
}
