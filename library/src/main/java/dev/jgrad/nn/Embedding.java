package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;

/** A lookup table of numEmbeddings rows of size embeddingDim, initialised N(0, 1) as in PyTorch. */
public class Embedding extends Module {
    /** {@code num_embeddings}: the size of the dictionary of embeddings. */
    public final int numEmbeddings;
    /** {@code embedding_dim}: the size of each embedding vector. */
    public final int embeddingDim;
    /** The row that stays zero and gets no gradient, or null. */
    public final Long paddingIdx;
    /** Rows looked up with a larger normType-norm are renormalised in place to this norm; null for none. */
    public final Double maxNorm;
    /** {@code norm_type}: the degree p of the norm. */
    public final double normType;
    /** Each index's gradient divided by how often it occurs in the batch. */
    public final boolean scaleGradByFreq;
    /** {@code sparse}: whether gradients would be sparse (only false is supported). */
    public final boolean sparse;
    /** {@code weight}: the learnable weight. */
    public final Parameter weight;

    /** {@code nn.Embedding(num_embeddings, embedding_dim)}; the other arguments take PyTorch's defaults. */
    public Embedding(int numEmbeddings, int embeddingDim) { this(numEmbeddings, embeddingDim, null); }

    /** {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx)}. */
    public Embedding(int numEmbeddings, int embeddingDim, Long paddingIdx) { this(numEmbeddings, embeddingDim, paddingIdx, null, 2.0, false, false); }

    /** PyTorch's full constructor (sparse gradients are not supported: sparse true fails at forward). */
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
