package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;
import java.util.Map;

/**
 * A categorical distribution whose samples are one-hot vectors over the last dim, as PyTorch's: it wraps a
 * Categorical (the same draws for the same seed) and one-hot encodes them in the probs' dtype.
 */
public final class OneHotCategorical extends Distribution {
    private final Categorical categorical;

    private OneHotCategorical(Categorical categorical) {
        super(categorical.batchShape().toLongArray(), new long[] {categorical.numEvents()});
        this.categorical = categorical;
    }

    /** {@code OneHotCategorical(probs=probs)}: draws one-hot vectors over the last dim. */
    public static OneHotCategorical ofProbs(Tensor probs) { return new OneHotCategorical(Categorical.ofProbs(probs)); }

    /** {@code OneHotCategorical(logits=logits)}: draws one-hot vectors over the last dim. */
    public static OneHotCategorical ofLogits(Tensor logits) { return new OneHotCategorical(Categorical.ofLogits(logits)); }

    /** {@code probs}: the category probabilities, normalised along the last dim. */
    public Tensor probs() { return categorical.probs(); }

    /** {@code logits}: the normalised log-probabilities. */
    public Tensor logits() { return categorical.logits(); }

    /** The wrapped Categorical (what KL divergence works on). */
    Categorical categorical() { return categorical; }

    @Override public Tensor mean() { return probs(); }

    /** p (1 - p). */
    @Override public Tensor variance() { return probs().mul(probs().rsub(1L)); }

    /** One-hot vectors of the Categorical's draws: sampleShape + batch shape + (numEvents). */
    @Override public Tensor sample(long... sampleShape) {
        Tensor indices = categorical.sample(sampleShape);
        return F.oneHot(indices, (int) categorical.numEvents()).to(probs().dtype());
    }

    /** The Categorical's logProb at the argmax of each one-hot value. */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.ONE_HOT);
        return categorical.logProb(value.max(-1).indices());
    }

    @Override public Tensor entropy() { return categorical.entropy(); }

    /** None: PyTorch's repr of a OneHotCategorical lists nothing (probs and logits live on its Categorical). */
    @Override protected Map<String, Tensor> reprParams() { return params(); }
}
