package dev.jgrad.distributions;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Arrays;
import java.util.Map;

/**
 * A categorical distribution over the last dim of probs (normalised to sum to 1) or of logits (normalised
 * with logsumexp), as PyTorch's: sampling draws through {@code multinomial} with replacement, so the
 * samples equal PyTorch's for the same seed; logProb and entropy are differentiable.
 */
public final class Categorical extends Distribution {
    private final Tensor probs, logits;
    private final boolean fromProbs;
    private final long numEvents;

    private Categorical(Tensor probs, Tensor logits, boolean fromProbs) {
        super(Arrays.copyOf(probs.shape(), probs.dim() - 1), new long[0]);
        this.probs = probs;
        this.logits = logits;
        this.fromProbs = fromProbs;
        this.numEvents = probs.size(-1);
        if (fromProbs) checkParam("probs", probs, Constraint.SIMPLEX);
        else checkParam("logits", logits, Constraint.REAL_VECTOR);
    }

    /**
     * {@code torch.distributions.Categorical(probs=probs)}: category indices 0..k-1 drawn with the weights of the last
     * dim, normalised to sum to 1; batch shape the leading dims.
     *
     * @param probs  (*batch, k) non-negative weights
     * @return the distribution
     * @throws IllegalArgumentException "`probs` parameter must be at least one-dimensional." for a 0-d tensor, or when the
     *     normalised rows are not a simplex (a negative weight, a zero row): PyTorch's "Expected parameter probs (Tensor of
     *     shape (2,)) of distribution Categorical(probs: torch.Size([2])) to satisfy the constraint Simplex(), but found
     *     invalid values: ..."
     */
    public static Categorical ofProbs(Tensor probs) {
        if (probs.dim() < 1) throw new IllegalArgumentException("`probs` parameter must be at least one-dimensional.");
        Tensor p = probs.div(probs.sum(new int[] {-1}, true));
        return new Categorical(p, probsToLogits(p), true);
    }

    /**
     * {@code torch.distributions.Categorical(logits=logits)}: category indices drawn with probabilities softmax(logits)
     * over the last dim; batch shape the leading dims.
     *
     * @param logits  (*batch, k) unnormalised log-probabilities
     * @return the distribution
     * @throws IllegalArgumentException "`logits` parameter must be at least one-dimensional." for a 0-d tensor, or for a NaN
     *     (constraint IndependentConstraint(Real(), 1), PyTorch's "Expected parameter logits ..." text)
     */
    public static Categorical ofLogits(Tensor logits) {
        if (logits.dim() < 1) throw new IllegalArgumentException("`logits` parameter must be at least one-dimensional.");
        Tensor l = logits.sub(logits.logsumexp(-1, true));
        return new Categorical(l.softmax(-1), l, false);
    }

    /** log of the probabilities clamped into [eps, 1 - eps] (PyTorch's probs_to_logits). */
    private static Tensor probsToLogits(Tensor p) {
        double eps = p.dtype() == DType.FLOAT64 ? Math.ulp(1.0) : Math.ulp(1.0f);
        return p.clamp(eps, 1 - eps).log();
    }

    /**
     * {@code probs}: the category probabilities, normalised along the last dim.
     *
     * @return (*batch, k)
     */
    public Tensor probs() { return probs; }

    /**
     * {@code logits}: the log-probabilities, normalised (log-sum-exp 0) along the last dim.
     *
     * @return (*batch, k)
     */
    public Tensor logits() { return logits; }

    /**
     * {@code _num_events}: the number of categories.
     *
     * @return k, the size of the last dim
     */
    public long numEvents() { return numEvents; }

    @Override public Tensor mean() { return Torch.full(extendedShape(new long[0]), Double.NaN, probs.dtype(), probs.device()); }

    @Override public Tensor variance() { return mean(); }

    /** The most probable category (the first of equals), int64 of the batch shape. */
    @Override public Tensor mode() { return probs.argmax(-1); }

    /** sampleShape + batch shape indices (int64), drawn as PyTorch draws them. */
    @Override public Tensor sample(long... sampleShape) {
        long n = 1;
        for (long s : sampleShape) n *= s;
        long[] shape = extendedShape(sampleShape);
        try (var g = Torch.noGrad()) {
            Tensor probs2d = probs.reshape(-1, numEvents);
            Tensor samples2d = probs2d.multinomial(n, true).t();
            return samples2d.reshape(shape);
        }
    }

    /** log p(value) for int64 category indices broadcast against the batch shape. */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.integerInterval(0, numEvents - 1));
        Tensor v = value.toLong().unsqueeze(-1);
        long[] shape = broadcast(v.shape(), logits.shape());
        Tensor logPmf = logits.expand(shape);
        long[] vshape = shape.clone();
        vshape[vshape.length - 1] = 1;
        return logPmf.gather(-1, v.expand(vshape)).squeeze(-1);
    }

    /** -sum p log p over the last dim (logits clamped at the dtype's lowest value, as PyTorch). */
    @Override public Tensor entropy() {
        double minReal = logits.dtype() == DType.FLOAT64 ? -Double.MAX_VALUE : -Float.MAX_VALUE;
        Tensor pLogP = logits.clampMin(minReal).mul(probs);
        return pLogP.sum(new int[] {-1}, false).neg();
    }

    private static long[] broadcast(long[] a, long[] b) {
        int n = Math.max(a.length, b.length);
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            long x = i - n + a.length >= 0 ? a[i - n + a.length] : 1, y = i - n + b.length >= 0 ? b[i - n + b.length] : 1;
            if (x != y && x != 1 && y != 1) throw new IllegalArgumentException("shape mismatch: objects cannot be broadcast to a single shape");
            r[i] = x == 1 ? y : x;
        }
        return r;
    }

    /** The parameter it was made from (PyTorch's repr lists only that one until the other is used). */
    @Override protected Map<String, Tensor> reprParams() { return fromProbs ? params("probs", probs) : params("logits", logits); }
}
