package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.init.Init;

/**
 * PyTorch 1.13's Transformer: an encoder stack and a decoder stack, each ending in a LayerNorm unless a
 * custom one is given. As in PyTorch, every parameter with more than one dim (custom pieces' too) is
 * drawn again with xavier_uniform_ after construction, in parameters() order, so seeded weights equal
 * PyTorch's.
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

    /** PyTorch's defaults: d_model=512, nhead=8, 6 encoder and 6 decoder layers, dim_feedforward=2048, dropout=0.1. */
    public Transformer() { this(512, 8, 6, 6, 2048, 0.1); }

    /** {@code nn.Transformer(d_model, nhead, num_encoder_layers, num_decoder_layers, dim_feedforward, dropout)}. */
    public Transformer(int dModel, int nhead, int numEncoderLayers, int numDecoderLayers, int dimFeedforward, double dropout) {
        this(dModel, nhead, numEncoderLayers, numDecoderLayers, dimFeedforward, dropout, "relu", null, null, 1e-5, false, false);
    }

    /** customEncoder / customDecoder: used as they are when not null (numEncoderLayers / numDecoderLayers then unused). */
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
     * The float mask that keeps position i from attending to later positions: 0 on and below the diagonal,
     * -inf above it, (sz, sz) float32.
     */
    public static Tensor generateSquareSubsequentMask(int sz) {
        return Torch.full(new long[] {sz, sz}, Double.NEGATIVE_INFINITY).triu(1);
    }

    /** A transformer needs the target too: PyTorch's TypeError for a call without it. */
    @Override public Tensor forward(Tensor src) {
        throw new IllegalArgumentException("forward() missing 1 required positional argument: 'tgt'");
    }

    /**
     * The model's output for source src and target tgt, (S, N, E) and (T, N, E) ((N, S, E), (N, T, E) when
     * batch_first), with no masks.
     */
    public Tensor forward(Tensor src, Tensor tgt) { return forward(src, tgt, null, null, null, null, null, null); }

    /** The output with attention masks (null: none): srcMask (S, S), tgtMask (T, T), memoryMask (T, S). */
    public Tensor forward(Tensor src, Tensor tgt, Tensor srcMask, Tensor tgtMask, Tensor memoryMask) {
        return forward(src, tgt, srcMask, tgtMask, memoryMask, null, null, null);
    }

    /**
     * src: (S, N, E) ((N, S, E) with batchFirst, (S, E) unbatched); tgt likewise with T. srcMask (S, S), tgtMask
     * (T, T), memoryMask (T, S); key padding masks (N, S), (N, T), (N, S), true where padding. Any mask may be null.
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
