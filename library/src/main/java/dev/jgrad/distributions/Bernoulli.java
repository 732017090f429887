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

    /** The probability of 1 per batch element. */
    public static Bernoulli ofProbs(Tensor probs) { return new Bernoulli(probs, null, probs.shape()); }

    /** A scalar probability (a 0-d float32 parameter, batch shape ()). */
    public static Bernoulli ofProbs(double probs) { return ofProbs(Torch.scalarTensor(probs)); }

    /** The log-odds of 1 per batch element. */
    public static Bernoulli ofLogits(Tensor logits) { return new Bernoulli(null, logits, logits.shape()); }

    /** {@code Bernoulli(logits=logits)} for a scalar logit. */
    public static Bernoulli ofLogits(double logits) { return ofLogits(Torch.scalarTensor(logits)); }

    /** sigmoid(logits) when made from logits. */
    public Tensor probs() {
        if (probs == null) {
            try (var g = Torch.enableGrad()) {
                probs = logits.sigmoid();
            }
        }
        return probs;
    }

    /** log(p) - log1p(-p) with p clamped into [eps, 1 - eps] when made from probs. */
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
