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

    /**
     * {@code torch.distributions.OneHotCategorical(probs=probs)}: one-hot vectors over the last dim (event shape (k)),
     * drawn as {@link Categorical#ofProbs} draws; batch shape the leading dims.
     *
     * @param probs  (*batch, k) non-negative weights
     * @return the distribution
     * @throws IllegalArgumentException "`probs` parameter must be at least one-dimensional." for a 0-d tensor, or when the
     *     normalised rows are not a simplex (a negative weight, a zero row): PyTorch's "Expected parameter probs (Tensor of
     *     shape (2,)) of distribution Categorical(probs: torch.Size([2])) to satisfy the constraint Simplex(), but found
     *     invalid values: ..."
     */
    public static OneHotCategorical ofProbs(Tensor probs) { return new OneHotCategorical(Categorical.ofProbs(probs)); }

    /**
     * {@code torch.distributions.OneHotCategorical(logits=logits)}: one-hot vectors over the last dim, drawn with
     * probabilities softmax(logits).
     *
     * @param logits  (*batch, k) unnormalised log-probabilities
     * @return the distribution
     * @throws IllegalArgumentException "`logits` parameter must be at least one-dimensional." for a 0-d tensor, or for a NaN
     *     (constraint IndependentConstraint(Real(), 1), PyTorch's "Expected parameter logits ..." text)
     */
    public static OneHotCategorical ofLogits(Tensor logits) { return new OneHotCategorical(Categorical.ofLogits(logits)); }

    /**
     * {@code probs}: the category probabilities, normalised along the last dim.
     *
     * @return (*batch, k)
     */
    public Tensor probs() { return categorical.probs(); }

    /**
     * {@code logits}: the normalised log-probabilities.
     *
     * @return (*batch, k)
     */
    public Tensor logits() { return categorical.logits(); }

    /** The wrapped Categorical (what KL divergence works on). */
    Categorical categorical() { return categorical; }

    @Override public Tensor mean() { return probs(); }

    /** The one-hot vector of the most probable category, in the probs' dtype. */
    @Override public Tensor mode() { return F.oneHot(probs().argmax(-1), (int) categorical.numEvents()).to(probs().dtype()); }

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
