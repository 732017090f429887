package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;

/** Sums, means or maxes of bags of embeddings without materialising the per-entry rows' sequence, as PyTorch's EmbeddingBag. */
public class EmbeddingBag extends Module {
    /** {@code num_embeddings}: the size of the dictionary of embeddings. */
    public final int numEmbeddings;
    /** {@code embedding_dim}: the size of each embedding vector. */
    public final int embeddingDim;
    /** Null for none. */
    public final Double maxNorm;
    /** {@code norm_type}: the degree p of the norm. */
    public final double normType;
    /**
     * {@code scale_grad_by_freq}: whether gradients are scaled by the inverse frequency of the words in the
     * mini-batch.
     */
    public final boolean scaleGradByFreq;
    /** "sum", "mean" or "max". */
    public final String mode;
    /** {@code sparse}: whether gradients would be sparse (only false is supported). */
    public final boolean sparse;
    /** {@code include_last_offset}: whether offsets has one more element than there are bags. */
    public final boolean includeLastOffset;
    /** Entries equal to it leave their bag; null for none. */
    public final Long paddingIdx;
    /** {@code weight}: the learnable weight. */
    public final Parameter weight;

    /** {@code nn.EmbeddingBag(num_embeddings, embedding_dim)}; the other arguments take PyTorch's defaults. */
    public EmbeddingBag(int numEmbeddings, int embeddingDim) { this(numEmbeddings, embeddingDim, "mean"); }

    /** {@code nn.EmbeddingBag(num_embeddings, embedding_dim, mode)}. */
    public EmbeddingBag(int numEmbeddings, int embeddingDim, String mode) {
        this(numEmbeddings, embeddingDim, null, 2.0, false, mode, false, false, null);
    }

    /** PyTorch's constructor, in its order (without _weight). */
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

    /** 2-d input: one bag per row. */
    @Override public Tensor forward(Tensor input) { return forward(input, null, null); }

    /**
     * The bags of input: with offsets, input is 1-d and offsets (B) start each bag; without (null), input (B, N) is B
     * bags of N.
     */
    public Tensor forward(Tensor input, Tensor offsets) { return forward(input, offsets, null); }

    /** The bags of input weighted per sample (perSampleWeights of input's shape, "sum" mode only). */
    public Tensor forward(Tensor input, Tensor offsets, Tensor perSampleWeights) {
        return F.embeddingBag(input, weight, offsets, maxNorm, normType, scaleGradByFreq, mode, sparse, perSampleWeights, includeLastOffset, paddingIdx);
    }

    @Override protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (maxNorm == null ? "" : ", max_norm=" + Repr.pyFloat(maxNorm))
                + (normType == 2.0 ? "" : ", norm_type=" + Repr.pyFloat(normType)) + (scaleGradByFreq ? ", scale_grad_by_freq=True" : "")
                + ", mode=" + mode + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
