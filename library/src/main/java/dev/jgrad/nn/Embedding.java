package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;

/**
 * {@code torch.nn.Embedding}: a lookup table of num_embeddings rows of size embedding_dim; forward returns the rows
 * the indices name.
 *
 * <p>Shape: input (*), int64 or int32 indices in [0, num_embeddings); output (*, embedding_dim). Errors on forward
 * (IllegalArgumentException): an index out of range ("index out of range in self", PyTorch's IndexError), floating
 * indices ("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got
 * torch.FloatTensor instead (while checking arguments for embedding)"), sparse true ("jgrad: sparse embedding
 * gradients are not supported").
 *
 * <p>Learnable parameter: weight (num_embeddings, embedding_dim), drawn from N(0, 1) as PyTorch draws it, with the
 * padding_idx row then zeroed.
 */
public class Embedding extends Module {
    /** {@code num_embeddings}: the size of the dictionary of embeddings. */
    public final int numEmbeddings;
    /** {@code embedding_dim}: the size of each embedding vector. */
    public final int embeddingDim;
    /** {@code padding_idx}: the row that starts at zero and gets no gradient (made non-negative), or null. */
    public final Long paddingIdx;
    /** {@code max_norm}: rows looked up with a larger norm_type-norm are renormalised in place to it; null for none. */
    public final Double maxNorm;
    /** {@code norm_type}: the degree p of the norm. */
    public final double normType;
    /** {@code scale_grad_by_freq}: whether each index's gradient is divided by how often it occurs in the batch. */
    public final boolean scaleGradByFreq;
    /** {@code sparse}: whether gradients would be sparse (only false is supported). */
    public final boolean sparse;
    /** {@code weight}: the learnable table (num_embeddings, embedding_dim), N(0, 1) at first. */
    public final Parameter weight;

    /**
     * {@code nn.Embedding(num_embeddings, embedding_dim)}: no padding row, no max norm, dense gradients.
     *
     * @param numEmbeddings the number of rows (the dictionary's size)
     * @param embeddingDim the size of each row
     */
    public Embedding(int numEmbeddings, int embeddingDim) { this(numEmbeddings, embeddingDim, null); }

    /**
     * {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx)}.
     *
     * @param numEmbeddings the number of rows (the dictionary's size)
     * @param embeddingDim the size of each row
     * @param paddingIdx the row that starts at zero and gets no gradient (negative counts from the end), or null
     * @throws IllegalArgumentException if paddingIdx is outside [-numEmbeddings, numEmbeddings) ("Padding_idx must be
     *     within num_embeddings")
     */
    public Embedding(int numEmbeddings, int embeddingDim, Long paddingIdx) { this(numEmbeddings, embeddingDim, paddingIdx, null, 2.0, false, false); }

    /**
     * PyTorch's full constructor {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx, max_norm, norm_type,
     * scale_grad_by_freq, sparse)} (sparse gradients are not supported: sparse true fails at forward).
     *
     * @param numEmbeddings the number of rows (the dictionary's size)
     * @param embeddingDim the size of each row
     * @param paddingIdx the row that starts at zero and gets no gradient (negative counts from the end), or null
     * @param maxNorm rows looked up with a larger norm are renormalised in place to it, or null for none
     * @param normType the degree p of that norm (PyTorch's default 2)
     * @param scaleGradByFreq whether each index's gradient is divided by how often it occurs in the batch
     * @param sparse must be false for forward to run
     * @throws IllegalArgumentException if paddingIdx is outside [-numEmbeddings, numEmbeddings) ("Padding_idx must be
     *     within num_embeddings")
     */
    public Embedding(int numEmbeddings, int embeddingDim, Long paddingIdx, Double maxNorm, double normType, boolean scaleGradByFreq, boolean sparse) {
        if (paddingIdx != null && (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings)) {
            throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == null ? null : paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        this.maxNorm = maxNorm;
        this.normType = normType;
        this.scaleGradByFreq = scaleGradByFreq;
        this.sparse = sparse;
        weight = registerParameter("weight", new Parameter(Torch.empty(numEmbeddings, embeddingDim)));
        Init.normal_(weight, 0, 1);
        if (this.paddingIdx != null) {
            try (var g = Torch.noGrad()) {
                weight.get(this.paddingIdx).fill_(0.0);
            }
        }
    }

    @Override public Tensor forward(Tensor input) {
        return F.embedding(input, weight, paddingIdx, maxNorm, normType, scaleGradByFreq, sparse);
    }

    @Override protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx)
                + (maxNorm == null ? "" : ", max_norm=" + Repr.pyFloat(maxNorm)) + (normType == 2.0 ? "" : ", norm_type=" + Repr.pyFloat(normType))
                + (scaleGradByFreq ? ", scale_grad_by_freq=True" : "") + (sparse ? ", sparse=True" : "");
    }
}
