package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;

/** A lookup table of numEmbeddings rows of size embeddingDim, initialised N(0, 1) as in PyTorch. */
public class Embedding extends Module {
    public final int numEmbeddings, embeddingDim;
    /** The row that stays zero and gets no gradient, or null. */
    public final Long paddingIdx;
    public final Parameter weight;

    public Embedding(int numEmbeddings, int embeddingDim) { this(numEmbeddings, embeddingDim, null); }

    public Embedding(int numEmbeddings, int embeddingDim, Long paddingIdx) {
        if (paddingIdx != null && (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings)) {
            throw new IllegalArgumentException(paddingIdx >= 0 ? "Padding_idx must be within num_embeddings"
                    : "Padding_idx must be within num_embeddings");
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == null ? null : paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        weight = registerParameter("weight", new Parameter(Torch.empty(numEmbeddings, embeddingDim)));
        Init.normal_(weight, 0, 1);
        if (this.paddingIdx != null) {
            try (var g = Torch.noGrad()) {
                weight.get(this.paddingIdx).fill_(0.0);
            }
        }
    }

    @Override public Tensor forward(Tensor input) {
        return paddingIdx == null ? F.embedding(input, weight) : F.embedding(input, weight, paddingIdx);
    }

    @Override protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
