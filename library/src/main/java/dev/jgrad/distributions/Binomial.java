package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * The number of successes in totalCount Bernoulli(probs) trials, from probs or logits, as PyTorch's:
 * sample is torch.binomial (ATen's BTRS/inversion sampler, the same draws for the same seed); logProb,
 * entropy (by enumerating the support, for a common totalCount) and moments are differentiable.
 */
public final class Binomial extends Distribution {
    private final Tensor totalCount;
    private Tensor probs, logits;  // the one not given is computed on first use (PyTorch's lazy_property)

    private Binomial(Tensor totalCount, Tensor probs, Tensor logits) {
        super(Torch.broadcastShapes(totalCount.shape(), (probs != null ? probs : logits).shape()), new long[0]);
        long[] shape = batchShape().toLongArray();
        Tensor param = probs != null ? probs : logits;
        this.totalCount = expandTo(totalCount, shape).typeAs(param);
        this.probs = probs == null ? null : expandTo(probs, shape);
        this.logits = logits == null ? null : expandTo(logits, shape);
        checkParam("total_count", this.totalCount, Constraint.NONNEGATIVE_INTEGER);
        if (probs != null) checkParam("probs", this.probs, Constraint.UNIT_INTERVAL);
        else checkParam("logits", this.logits, Constraint.REAL);
    }

    /**
     * {@code torch.distributions.Binomial(total_count, probs=probs)}: the successes in totalCount trials, each a success
     * with probability probs; batch shape the broadcast of both.
     *
     * @param totalCount  the number of trials, whole numbers &gt;= 0 (converted to probs' dtype)
     * @param probs       the success probabilities, in [0, 1]
     * @return the distribution
     * @throws IllegalArgumentException when total_count is not a whole number &gt;= 0 (PyTorch's "Expected parameter
     *     total_count (Tensor of shape ()) of distribution Binomial(...) to satisfy the constraint
     *     IntegerGreaterThan(lower_bound=0), but found invalid values: ...")
     * @throws IllegalArgumentException when a probability is outside [0, 1]: PyTorch's "Expected parameter probs (Tensor of
     *     shape ()) of distribution Binomial(probs: 1.5) to satisfy the constraint Interval(lower_bound=0.0,
     *     upper_bound=1.0), but found invalid values: ..."
     * @throws IllegalArgumentException when the parameters do not broadcast ("The size of tensor a (2) must match the size of
     *     tensor b (3) at non-singleton dimension 0")
     */
    public static Binomial ofProbs(Tensor totalCount, Tensor probs) { return new Binomial(totalCount, probs, null); }

    /**
     * {@code Binomial(total_count=n, probs=probs)} with one number of trials for every batch element.
     *
     * @param totalCount  the number of trials, a whole number &gt;= 0
     * @param probs       the success probabilities, in [0, 1]
     * @return the distribution
     * @throws IllegalArgumentException when total_count is not a whole number &gt;= 0 (PyTorch's "Expected parameter
     *     total_count (Tensor of shape ()) of distribution Binomial(...) to satisfy the constraint
     *     IntegerGreaterThan(lower_bound=0), but found invalid values: ...")
     * @throws IllegalArgumentException when a probability is outside [0, 1]: PyTorch's "Expected parameter probs (Tensor of
     *     shape ()) of distribution Binomial(probs: 1.5) to satisfy the constraint Interval(lower_bound=0.0,
     *     upper_bound=1.0), but found invalid values: ..."
     */
    public static Binomial ofProbs(double totalCount, Tensor probs) { return ofProbs(Torch.scalarTensor(totalCount, probs.dtype()), probs); }

    /**
     * {@code Binomial(n, probs=p)} with float32 scalar parameters (batch shape ()).
     *
     * @param totalCount  the number of trials, a whole number &gt;= 0
     * @param probs       the success probability, in [0, 1]
     * @return the distribution
     * @throws IllegalArgumentException when total_count is not a whole number &gt;= 0 (PyTorch's "Expected parameter
     *     total_count (Tensor of shape ()) of distribution Binomial(...) to satisfy the constraint
     *     IntegerGreaterThan(lower_bound=0), but found invalid values: ...")
     * @throws IllegalArgumentException when a probability is outside [0, 1]: PyTorch's "Expected parameter probs (Tensor of
     *     shape ()) of distribution Binomial(probs: 1.5) to satisfy the constraint Interval(lower_bound=0.0,
     *     upper_bound=1.0), but found invalid values: ..."
     */
    public static Binomial ofProbs(double totalCount, double probs) { return ofProbs(totalCount, Torch.scalarTensor(probs)); }

    /**
     * {@code torch.distributions.Binomial(total_count, logits=logits)}: success probabilities given as log-odds; batch shape
     * the broadcast of both.
     *
     * @param totalCount  the number of trials, whole numbers &gt;= 0
     * @param logits      the log-odds of success
     * @return the distribution
     * @throws IllegalArgumentException when total_count is not a whole number &gt;= 0 (PyTorch's "Expected parameter
     *     total_count (Tensor of shape ()) of distribution Binomial(...) to satisfy the constraint
     *     IntegerGreaterThan(lower_bound=0), but found invalid values: ...")
     * @throws IllegalArgumentException for a NaN logit (constraint Real(), PyTorch's "Expected parameter logits ..." text)
     * @throws IllegalArgumentException when the parameters do not broadcast ("The size of tensor a (2) must match the size of
     *     tensor b (3) at non-singleton dimension 0")
     */
    public static Binomial ofLogits(Tensor totalCount, Tensor logits) { return new Binomial(totalCount, null, logits); }

    /**
     * {@code Binomial(total_count=n, logits=logits)} with one number of trials for every batch element.
     *
     * @param totalCount  the number of trials, a whole number &gt;= 0
     * @param logits      the log-odds of success
     * @return the distribution
     * @throws IllegalArgumentException when total_count is not a whole number &gt;= 0 (PyTorch's "Expected parameter
     *     total_count (Tensor of shape ()) of distribution Binomial(...) to satisfy the constraint
     *     IntegerGreaterThan(lower_bound=0), but found invalid values: ...")
     * @throws IllegalArgumentException for a NaN logit (constraint Real(), PyTorch's "Expected parameter logits ..." text)
     */
    public static Binomial ofLogits(double totalCount, Tensor logits) { return ofLogits(Torch.scalarTensor(totalCount, logits.dtype()), logits); }

    /**
     * {@code total_count}: the number of trials.
     *
     * @return the counts, of the batch shape and the parameters' dtype
     */
    public Tensor totalCount() { return totalCount; }

    /**
     * {@code probs}: the success probability per trial.
     *
     * @return probs as given, or sigmoid(logits) computed on first use (and kept, with its graph to logits)
     */
    public Tensor probs() {
        if (probs == null) {
            try (var g = Torch.enableGrad()) {
                probs = logits.sigmoid();
            }
        }
        return probs;
    }

    /**
     * {@code logits}: the log-odds of success.
     *
     * @return logits as given, or log(p) - log1p(-p) of probs clamped into [eps, 1 - eps] (eps of the dtype), computed on first use
     */
    public Tensor logits() {
        if (logits == null) {
            try (var g = Torch.enableGrad()) {
                double eps = Torch.finfo(probs.dtype()).eps();
                Tensor p = probs.clamp(eps, 1 - eps);
                logits = p.log().sub(p.neg().log1p());
            }
        }
        return logits;
    }

    /**
     * {@code support}: the whole numbers 0, ..., totalCount, as PyTorch checks them (what logProb validates against).
     *
     * @return an integer-interval constraint
     */
    public Constraint support() { return Constraint.integerInterval(0, totalCount); }

    /** n p. */
    @Override public Tensor mean() { return totalCount.mul(probs()); }

    /** floor((n + 1) p), at most n. */
    @Override public Tensor mode() { return totalCount.add(1L).mul(probs()).floor().minimum(totalCount); }

    /** n p (1 - p). */
    @Override public Tensor variance() { return totalCount.mul(probs()).mul(probs().rsub(1L)); }

    @Override public Tensor sample(long... sampleShape) {
        long[] shape = extendedShape(sampleShape);
        try (var g = Torch.noGrad()) {
            return CountSampler.binomial(totalCount.expand(shape), probs().expand(shape));
        }
    }

    /** value logits - lgamma(value + 1) - lgamma(n - value + 1) - (n max(logits, 0) + n log1p(exp(-|logits|)) - lgamma(n + 1)). */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, support());
        Tensor l = logits();
        Tensor logFactorialN = totalCount.add(1L).lgamma(), logFactorialK = value.add(1L).lgamma();
        Tensor logFactorialNmk = totalCount.sub(value).add(1L).lgamma();
        Tensor clampByZero = l.clampMin(0.0).add(l).sub(l.clampMax(0.0)).div(2L);
        Tensor normalize = totalCount.mul(clampByZero).add(totalCount.mul(l.abs().neg().exp().log1p())).sub(logFactorialN);
        return value.mul(l).sub(logFactorialK).sub(logFactorialNmk).sub(normalize);
    }

    /** -sum p log p over {0, ..., n}; only for one totalCount across the batch (PyTorch's NotImplementedError otherwise). */
    @Override public Tensor entropy() {
        long n = (long) totalCount.max().item();
        if (totalCount.min().item() != n) throw new UnsupportedOperationException("Inhomogeneous total count not supported by `entropy`.");
        long[] view = new long[batchShape().size() + 1];
        java.util.Arrays.fill(view, 1);
        view[0] = -1;
        Tensor values = Torch.arange(0, n + 1, 1, probs != null ? probs.dtype() : logits.dtype()).view(view);
        Tensor logProb = logProb(values);
        return logProb.exp().mul(logProb).sum(0).neg();
    }

    /** total_count and probs or logits, each once it exists. */
    @Override protected Map<String, Tensor> reprParams() {
        Map<String, Tensor> m = params("total_count", totalCount);
        if (probs != null) m.put("probs", probs);
        if (logits != null) m.put("logits", logits);
        return m;
    }
}
