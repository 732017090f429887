package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.init.Init;

/**
 * {@code torch.nn.Transformer} as PyTorch 1.13 builds it: an encoder stack and a decoder stack, each ending in a
 * LayerNorm unless a custom one is given. As in PyTorch, every parameter with more than one dim (custom pieces' too)
 * is drawn again with xavier_uniform_ after construction, in parameters() order, so seeded weights equal PyTorch's.
 *
 * <p>Shape, with S the source length, T the target length, N the batch, E = d_model: src (S, N, E), (N, S, E) with
 * batch_first, or unbatched (S, E); tgt (T, N, E), (N, T, E) or (T, E); src_mask (S, S) or (N nhead, S, S);
 * tgt_mask (T, T) or (N nhead, T, T); memory_mask (T, S) or (N nhead, T, S); src_key_padding_mask and
 * memory_key_padding_mask (N, S) or (S); tgt_key_padding_mask (N, T) or (T); output tgt's shape.
 *
 * <p>Learnable parameters: the encoder's (encoder.layers.k..., encoder.norm) and the decoder's (decoder.layers.k...,
 * decoder.norm); see {@link TransformerEncoderLayer} and {@link TransformerDecoderLayer}.
 */
public class Transformer extends Module {
    /** {@code d_model}: the number of expected features in the input. */
    public final int dModel;
    /** {@code nhead}: the number of attention heads. */
    public final int nhead;
    /** {@code batch_first}: whether inputs and outputs are (batch, seq, feature) instead of (seq, batch, feature). */
    public final boolean batchFirst;
    /** {@code encoder}: the encoder stack. */
    public final TransformerEncoder encoder;
    /** {@code decoder}: the decoder stack. */
    public final TransformerDecoder decoder;

    /**
     * {@code nn.Transformer()}: d_model 512, nhead 8, 6 encoder and 6 decoder layers, dim_feedforward 2048, dropout
     * 0.1, relu, eps 1e-5, sequence first, norm after.
     */
    public Transformer() { this(512, 8, 6, 6, 2048, 0.1); }

    /**
     * {@code nn.Transformer(d_model, nhead, num_encoder_layers, num_decoder_layers, dim_feedforward, dropout)}: relu,
     * eps 1e-5, sequence first, norm after.
     *
     * @param dModel E, the number of features of the inputs
     * @param nhead the number of attention heads, dividing dModel
     * @param numEncoderLayers the number of encoder layers
     * @param numDecoderLayers the number of decoder layers
     * @param dimFeedforward the width of each layer's feed-forward block
     * @param dropout the probability of every dropout
     * @throws IllegalArgumentException if nhead does not divide dModel ("embed_dim must be divisible by num_heads")
     */
    public Transformer(int dModel, int nhead, int numEncoderLayers, int numDecoderLayers, int dimFeedforward, double dropout) {
        this(dModel, nhead, numEncoderLayers, numDecoderLayers, dimFeedforward, dropout, "relu", null, null, 1e-5, false, false);
    }

    /**
     * PyTorch's full constructor {@code nn.Transformer(d_model, nhead, num_encoder_layers, num_decoder_layers,
     * dim_feedforward, dropout, activation, custom_encoder, custom_decoder, layer_norm_eps, batch_first, norm_first)}.
     *
     * @param dModel E, the number of features of the inputs
     * @param nhead the number of attention heads, dividing dModel
     * @param numEncoderLayers the number of encoder layers (unused with a custom encoder)
     * @param numDecoderLayers the number of decoder layers (unused with a custom decoder)
     * @param dimFeedforward the width of each layer's feed-forward block
     * @param dropout the probability of every dropout
     * @param activation the feed-forward blocks' activation, "relu" or "gelu"
     * @param customEncoder an encoder used as it is, or null
     * @param customDecoder a decoder used as it is, or null
     * @param layerNormEps the eps of the layer norms
     * @param batchFirst whether src, tgt and output are (N, L, E) instead of (L, N, E)
     * @param normFirst whether layer norm comes before each block (pre-norm) instead of after
     * @throws IllegalArgumentException if activation is neither relu nor gelu ("activation should be relu/gelu, not
     *     tanh") or nhead does not divide dModel ("embed_dim must be divisible by num_heads")
     */
    public Transformer(int dModel, int nhead, int numEncoderLayers, int numDecoderLayers, int dimFeedforward, double dropout,
                       String activation, TransformerEncoder customEncoder, TransformerDecoder customDecoder, double layerNormEps,
                       boolean batchFirst, boolean normFirst) {
        if (customEncoder != null) {
            encoder = register("encoder", customEncoder);
        } else {
            var layer = new TransformerEncoderLayer(dModel, nhead, dimFeedforward, dropout, activation, layerNormEps, batchFirst, normFirst);
            var norm = new LayerNorm(new long[] {dModel}, layerNormEps, true);
            encoder = register("encoder", new TransformerEncoder(layer, numEncoderLayers, norm));
        }
        if (customDecoder != null) {
            decoder = register("decoder", customDecoder);
        } else {
            var layer = new TransformerDecoderLayer(dModel, nhead, dimFeedforward, dropout, activation, layerNormEps, batchFirst, normFirst);
            var norm = new LayerNorm(new long[] {dModel}, layerNormEps, true);
            decoder = register("decoder", new TransformerDecoder(layer, numDecoderLayers, norm));
        }
        resetParameters();
        this.dModel = dModel;
        this.nhead = nhead;
        this.batchFirst = batchFirst;
    }

    /** PyTorch's _reset_parameters: xavier_uniform_ on every parameter of dim > 1 (biases and norms keep theirs). */
    private void resetParameters() {
        for (Parameter p : parameters()) if (p.dim() > 1) Init.xavierUniform_(p);
    }

    /**
     * {@code Transformer.generate_square_subsequent_mask(sz)}: the float mask that keeps position i from attending to
     * later positions.
     *
     * @param sz the sequence length
     * @return (sz, sz) float32, 0 on and below the diagonal, -inf above it
     */
    public static Tensor generateSquareSubsequentMask(int sz) {
        return Torch.full(new long[] {sz, sz}, Double.NEGATIVE_INFINITY).triu(1);
    }

    /**
     * A transformer needs the target too: PyTorch's TypeError for a call without it.
     *
     * @param src not used
     * @return never
     * @throws IllegalArgumentException always ("forward() missing 1 required positional argument: 'tgt'")
     */
    @Override public Tensor forward(Tensor src) {
        throw new IllegalArgumentException("forward() missing 1 required positional argument: 'tgt'");
    }

    /**
     * {@code transformer(src, tgt)}: no masks.
     *
     * @param src (S, N, E), (N, S, E) with batch_first, or (S, E)
     * @param tgt (T, N, E), (N, T, E) with batch_first, or (T, E)
     * @return the decoder's output, tgt's shape
     * @throws IllegalArgumentException if the batch sizes differ ("the batch number of src and tgt must be equal"),
     *     a feature size is not d_model ("the feature number of src and tgt must be equal to d_model") or other shapes
     *     do not fit (MultiheadAttention's errors)
     */
    public Tensor forward(Tensor src, Tensor tgt) { return forward(src, tgt, null, null, null, null, null, null); }

    /**
     * {@code transformer(src, tgt, src_mask, tgt_mask, memory_mask)}.
     *
     * @param src (S, N, E), (N, S, E) with batch_first, or (S, E)
     * @param tgt (T, N, E), (N, T, E) with batch_first, or (T, E)
     * @param srcMask (S, S) or (N nhead, S, S), bool (true = not allowed) or float (added); or null
     * @param tgtMask (T, T) or (N nhead, T, T), e.g. {@link #generateSquareSubsequentMask}; or null
     * @param memoryMask (T, S) or (N nhead, T, S); or null
     * @return the decoder's output, tgt's shape
     * @throws IllegalArgumentException if the batch sizes differ ("the batch number of src and tgt must be equal"),
     *     a feature size is not d_model ("the feature number of src and tgt must be equal to d_model") or other shapes
     *     do not fit (MultiheadAttention's errors)
     */
    public Tensor forward(Tensor src, Tensor tgt, Tensor srcMask, Tensor tgtMask, Tensor memoryMask) {
        return forward(src, tgt, srcMask, tgtMask, memoryMask, null, null, null);
    }

    /**
     * {@code transformer(src, tgt, src_mask, tgt_mask, memory_mask, src_key_padding_mask, tgt_key_padding_mask,
     * memory_key_padding_mask)}; any mask may be null.
     *
     * @param src (S, N, E), (N, S, E) with batch_first, or (S, E)
     * @param tgt (T, N, E), (N, T, E) with batch_first, or (T, E)
     * @param srcMask (S, S) or (N nhead, S, S), bool (true = not allowed) or float (added)
     * @param tgtMask (T, T) or (N nhead, T, T)
     * @param memoryMask (T, S) or (N nhead, T, S)
     * @param srcKeyPaddingMask (N, S) or (S), true where a source position is padding
     * @param tgtKeyPaddingMask (N, T) or (T), true where a target position is padding
     * @param memoryKeyPaddingMask (N, S) or (S), true where a memory position is padding
     * @return the decoder's output, tgt's shape
     * @throws IllegalArgumentException if the batch sizes differ ("the batch number of src and tgt must be equal"),
     *     a feature size is not d_model ("the feature number of src and tgt must be equal to d_model") or other shapes
     *     do not fit (MultiheadAttention's errors)
     */
    public Tensor forward(Tensor src, Tensor tgt, Tensor srcMask, Tensor tgtMask, Tensor memoryMask, Tensor srcKeyPaddingMask,
                          Tensor tgtKeyPaddingMask, Tensor memoryKeyPaddingMask) {
        boolean batched = src.dim() == 3;
        int batchDim = batchFirst ? 0 : 1;
        if (batched && src.size(batchDim) != tgt.size(batchDim)) {
            throw new IllegalArgumentException("the batch number of src and tgt must be equal");
        }
        if (src.size(-1) != dModel || tgt.size(-1) != dModel) {
            throw new IllegalArgumentException("the feature number of src and tgt must be equal to d_model");
        }
        Tensor memory = encoder.forward(src, srcMask, srcKeyPaddingMask);
        return decoder.forward(tgt, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
    }
}
