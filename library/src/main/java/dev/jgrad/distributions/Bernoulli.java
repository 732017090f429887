package dev.jgrad.distributions;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * The Bernoulli distribution over {0, 1}, from probs or logits (log-odds), as PyTorch's: sample compares
 * {@code rand} of the probs' dtype with probs (the draws of {@code torch.bernoulli}, so the samples equal
 * PyTorch's for the same seed); logProb and entropy go through binary_cross_entropy_with_logits.
 */
public final class Bernoulli extends Distribution {
    private final boolean fromProbs;
    private Tensor probs, logits;  // the one not given is computed on first use (PyTorch's lazy_property)

    private Bernoulli(Tensor probs, Tensor logits, long[] batchShape) {
        super(batchShape, new long[0]);
        this.fromProbs = probs != null;
        this.probs = probs;
        this.logits = logits;
        if (fromProbs) checkParam("probs", probs, Constraint.UNIT_INTERVAL);
        else checkParam("logits", logits, Constraint.REAL);
    }

    /**
     * {@code torch.distributions.Bernoulli(probs=probs)}: 1 with probability probs, batch shape probs'.
     *
     * @param probs  the probabilities of 1, in [0, 1]
     * @return the distribution
     * @throws IllegalArgumentException when a probability is outside [0, 1]: PyTorch's "Expected parameter probs (Tensor of
     *     shape ()) of distribution Bernoulli(probs: 1.5) to satisfy the constraint Interval(lower_bound=0.0,
     *     upper_bound=1.0), but found invalid values: ..."
     */
    public static Bernoulli ofProbs(Tensor probs) { return new Bernoulli(probs, null, probs.shape()); }

    /**
     * {@code Bernoulli(probs=p)} with a float32 scalar probability (batch shape ()).
     *
     * @param probs  the probability of 1, in [0, 1]
     * @return the distribution
     * @throws IllegalArgumentException when a probability is outside [0, 1]: PyTorch's "Expected parameter probs (Tensor of
     *     shape ()) of distribution Bernoulli(probs: 1.5) to satisfy the constraint Interval(lower_bound=0.0,
     *     upper_bound=1.0), but found invalid values: ..."
     */
    public static Bernoulli ofProbs(double probs) { return ofProbs(Torch.scalarTensor(probs)); }

    /**
     * {@code torch.distributions.Bernoulli(logits=logits)}: 1 with probability sigmoid(logits), batch shape logits'.
     *
     * @param logits  the log-odds of 1
     * @return the distribution
     * @throws IllegalArgumentException for a NaN logit (constraint Real(), PyTorch's "Expected parameter logits ..." text)
     */
    public static Bernoulli ofLogits(Tensor logits) { return new Bernoulli(null, logits, logits.shape()); }

    /**
     * {@code Bernoulli(logits=logit)} with a float32 scalar logit (batch shape ()).
     *
     * @param logits  the log-odds of 1
     * @return the distribution
     * @throws IllegalArgumentException for a NaN logit (constraint Real(), PyTorch's "Expected parameter logits ..." text)
     */
    public static Bernoulli ofLogits(double logits) { return ofLogits(Torch.scalarTensor(logits)); }

    /**
     * {@code probs}: the probability of 1.
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
     * {@code logits}: the log-odds of 1.
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

    @Override public Tensor mean() { return probs(); }

    /** 1 where probs &gt; 0.5, 0 where below, nan at exactly 0.5 (in the probs' dtype). */
    @Override public Tensor mode() {
        Tensor p = probs();
        return p.ge(0.5).to(p.dtype()).maskedFill(p.eq(0.5), Double.NaN);
    }

    /** p (1 - p). */
    @Override public Tensor variance() { return probs().mul(probs().rsub(1L)); }

    /** rand(shape) &lt; probs, as 0/1 in the probs' dtype. */
    @Override public Tensor sample(long... sampleShape) {
        long[] shape = extendedShape(sampleShape);
        try (var g = Torch.noGrad()) {
            Tensor p = probs().expand(shape);
            DType dt = p.dtype();
            return Torch.rand(dt, p.device(), shape).lt(p).to(dt);
        }
    }

    /** -BCEWithLogits(logits, value) elementwise: log p where value is 1, log(1 - p) where 0. */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.BOOLEAN);
        long[] shape = Torch.broadcastShapes(logits().shape(), value.shape());
        return F.binaryCrossEntropyWithLogits(expandTo(logits(), shape), expandTo(value, shape), null, null, "none").neg();
    }

    /** BCEWithLogits(logits, probs): -p log p - (1 - p) log(1 - p). */
    @Override public Tensor entropy() { return F.binaryCrossEntropyWithLogits(logits(), probs(), null, null, "none"); }

    /** probs and logits, each once it exists (as PyTorch's __dict__ holds them). */
    @Override protected Map<String, Tensor> reprParams() {
        Map<String, Tensor> m = params();
        if (probs != null) m.put("probs", probs);
        if (logits != null) m.put("logits", logits);
        return m;
    }
}
