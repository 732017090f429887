package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;

/**
 * {@code torch.nn.EmbeddingBag}: sums, means or maxes of bags of embedding rows, without materialising the per-entry
 * rows' sequence.
 *
 * <p>Shape: input (B, N) of int64 indices, B bags of N each, with offsets null; or input (L) with offsets (B), the
 * start of each bag (B + 1 entries, the last L, with include_last_offset); output (B, embedding_dim).
 * per_sample_weights has input's shape. Errors on forward (IllegalArgumentException): a 1-d input without offsets
 * ("offsets has to be a 1D Tensor but got None"), a 2-d input with offsets ("if input is 2D, then offsets has to be
 * None, ..."), offsets not starting at 0 ("offsets[0] has to be 0, ..."), per_sample_weights outside "sum" mode
 * ("embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for mode='sum' ..."), an
 * unknown mode ("mode has to be one of sum, mean or max"), an index out of range.
 *
 * <p>Learnable parameter: weight (num_embeddings, embedding_dim), drawn from N(0, 1) as PyTorch draws it, with the
 * padding_idx row then zeroed.
 */
public class EmbeddingBag extends Module {
    /** {@code num_embeddings}: the size of the dictionary of embeddings. */
    public final int numEmbeddings;
    /** {@code embedding_dim}: the size of each embedding vector. */
    public final int embeddingDim;
    /** {@code max_norm}: rows looked up with a larger norm_type-norm are renormalised in place to it; null for none. */
    public final Double maxNorm;
    /** {@code norm_type}: the degree p of the norm. */
    public final double normType;
    /**
     * {@code scale_grad_by_freq}: whether gradients are scaled by the inverse frequency of the words in the
     * mini-batch.
     */
    public final boolean scaleGradByFreq;
    /** {@code mode}: how a bag's rows are reduced, "sum", "mean" or "max". */
    public final String mode;
    /** {@code sparse}: whether gradients would be sparse (only false is supported). */
    public final boolean sparse;
    /** {@code include_last_offset}: whether offsets has one more element than there are bags. */
    public final boolean includeLastOffset;
    /** {@code padding_idx}: entries equal to it leave their bag (made non-negative); null for none. */
    public final Long paddingIdx;
    /** {@code weight}: the learnable table (num_embeddings, embedding_dim), N(0, 1) at first. */
    public final Parameter weight;

    /**
     * {@code nn.EmbeddingBag(num_embeddings, embedding_dim)}: mode "mean", no padding row, no max norm.
     *
     * @param numEmbeddings the number of rows (the dictionary's size)
     * @param embeddingDim the size of each row
     */
    public EmbeddingBag(int numEmbeddings, int embeddingDim) { this(numEmbeddings, embeddingDim, "mean"); }

    /**
     * {@code nn.EmbeddingBag(num_embeddings, embedding_dim, mode=...)}.
     *
     * @param numEmbeddings the number of rows (the dictionary's size)
     * @param embeddingDim the size of each row
     * @param mode "sum", "mean" or "max" (checked on forward)
     */
    public EmbeddingBag(int numEmbeddings, int embeddingDim, String mode) {
        this(numEmbeddings, embeddingDim, null, 2.0, false, mode, false, false, null);
    }

    /**
     * PyTorch's constructor {@code nn.EmbeddingBag(num_embeddings, embedding_dim, max_norm, norm_type,
     * scale_grad_by_freq, mode, sparse, _weight, include_last_offset, padding_idx)}, in its order, without _weight.
     *
     * @param numEmbeddings the number of rows (the dictionary's size)
     * @param embeddingDim the size of each row
     * @param maxNorm rows looked up with a larger norm are renormalised in place to it, or null for none
     * @param normType the degree p of that norm (PyTorch's default 2)
     * @param scaleGradByFreq whether each index's gradient is divided by how often it occurs in the batch
     * @param mode "sum", "mean" or "max" (checked on forward)
     * @param sparse must be false for forward to run
     * @param includeLastOffset whether offsets has one more element than there are bags (the end of the last one)
     * @param paddingIdx entries equal to it leave their bag (negative counts from the end), or null
     * @throws IllegalArgumentException if paddingIdx is outside [-numEmbeddings, numEmbeddings) ("padding_idx must be
     *     within num_embeddings")
     */
    public EmbeddingBag(int numEmbeddings, int embeddingDim, Double maxNorm, double normType, boolean scaleGradByFreq, String mode, boolean sparse,
                        boolean includeLastOffset, Long paddingIdx) {
        if (paddingIdx != null && (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings)) {
            throw new IllegalArgumentException("padding_idx must be within num_embeddings");
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.maxNorm = maxNorm;
        this.normType = normType;
        this.scaleGradByFreq = scaleGradByFreq;
        this.mode = mode;
        this.sparse = sparse;
        this.includeLastOffset = includeLastOffset;
        this.paddingIdx = paddingIdx == null ? null : paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        weight = registerParameter("weight", new Parameter(Torch.empty(numEmbeddings, embeddingDim)));
        Init.normal_(weight, 0, 1);
        if (this.paddingIdx != null) {
            try (var g = Torch.noGrad()) {
                weight.get(this.paddingIdx).fill_(0.0);
            }
        }
    }

    /**
     * {@code bag(input)} for 2-d input: one bag per row.
     *
     * @param input the int64 indices (B, N)
     * @return the reduced bags (B, embedding_dim)
     * @throws IllegalArgumentException if input is 1-d ("offsets has to be a 1D Tensor but got None") or an index is
     *     out of range
     */
    @Override public Tensor forward(Tensor input) { return forward(input, null, null); }

    /**
     * {@code bag(input, offsets)}: with offsets, input is 1-d and offsets (B) start each bag; without (null), input
     * (B, N) is B bags of N.
     *
     * @param input the int64 indices, (L) with offsets or (B, N) without
     * @param offsets the int64 start of each bag (B), first 0, or null
     * @return the reduced bags (B, embedding_dim); an empty bag gives zeros
     * @throws IllegalArgumentException if input and offsets do not fit together (see the class comment) or an index
     *     is out of range
     */
    public Tensor forward(Tensor input, Tensor offsets) { return forward(input, offsets, null); }

    /**
     * {@code bag(input, offsets, per_sample_weights)}: the bags with each entry's row scaled by its weight ("sum"
     * mode only).
     *
     * @param input the int64 indices, (L) with offsets or (B, N) without
     * @param offsets the int64 start of each bag (B), first 0, or null
     * @param perSampleWeights a weight per entry, input's shape, or null
     * @return the reduced bags (B, embedding_dim)
     * @throws IllegalArgumentException if input and offsets do not fit together, perSampleWeights is given outside
     *     "sum" mode, or an index is out of range (see the class comment)
     */
    public Tensor forward(Tensor input, Tensor offsets, Tensor perSampleWeights) {
        return F.embeddingBag(input, weight, offsets, maxNorm, normType, scaleGradByFreq, mode, sparse, perSampleWeights, includeLastOffset, paddingIdx);
    }

    @Override protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (maxNorm == null ? "" : ", max_norm=" + Repr.pyFloat(maxNorm))
                + (normType == 2.0 ? "" : ", norm_type=" + Repr.pyFloat(normType)) + (scaleGradByFreq ? ", scale_grad_by_freq=True" : "")
                + ", mode=" + mode + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
