package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.TransformerEncoderLayer}: self-attention and a feed-forward block
 * (linear2(dropout(activation(linear1(x))))), each with dropout and a residual connection, LayerNorm after each (or
 * before, with norm_first). Sub-modules are made in PyTorch's order, so after {@code manualSeed(s)} the weights equal
 * PyTorch's; dropouts draw in its order.
 *
 * <p>Shape, with S the sequence length, N the batch, E = d_model: src (S, N, E), (N, S, E) with batch_first, or
 * unbatched (S, E); src_mask (S, S) or (N nhead, S, S); src_key_padding_mask (N, S) or (S); output src's shape.
 * Masks as {@link MultiheadAttention} takes them: bool (true = not allowed, or padding) or float (added to the
 * scores). Shapes that do not fit raise MultiheadAttention's errors (IllegalArgumentException, e.g. "was expecting
 * embedding dimension of 8, but got 6").
 *
 * <p>Learnable parameters: those of self_attn (a MultiheadAttention(E, nhead)), linear1 (dim_feedforward, E),
 * linear2 (E, dim_feedforward), norm1 and norm2 (LayerNorms of E).
 */
public class TransformerEncoderLayer extends Module {
    /** {@code d_model}: the number of expected features in the input. */
    public final int dModel;
    /** {@code nhead}: the number of attention heads. */
    public final int nhead;
    /** {@code dim_feedforward}: the dimension of the feedforward network model. */
    public final int dimFeedforward;
    /** The dropout probability of every dropout of the layer, the attention weights' included (PyTorch's dropout argument). */
    public final double dropoutP;
    /** {@code layer_norm_eps}: the eps of the layer norms. */
    public final double layerNormEps;
    /** {@code activation}: the activation of the feedforward block, "relu" or "gelu". */
    public final String activation;
    /** {@code batch_first}: whether inputs and outputs are (batch, seq, feature) instead of (seq, batch, feature). */
    public final boolean batchFirst;
    /** {@code norm_first}: whether layer norm comes before attention and feedforward (pre-norm) instead of after. */
    public final boolean normFirst;
    /** {@code self_attn}: the self-attention block. */
    public final MultiheadAttention selfAttn;
    /** {@code linear1}: the first linear layer of the feedforward block. */
    public final Linear linear1;
    /** {@code linear2}: the second linear layer of the feedforward block. */
    public final Linear linear2;
    /** {@code dropout}: the dropout inside the feed-forward block. */
    public final Dropout dropout;
    /** {@code dropout1}: the dropout after the first block. */
    public final Dropout dropout1;
    /** {@code dropout2}: the dropout after the second block. */
    public final Dropout dropout2;
    /** {@code norm1}: the first layer norm. */
    public final LayerNorm norm1;
    /** {@code norm2}: the second layer norm. */
    public final LayerNorm norm2;

    /**
     * {@code nn.TransformerEncoderLayer(d_model, nhead)}: dim_feedforward 2048, dropout 0.1, relu, eps 1e-5,
     * sequence first, norm after.
     *
     * @param dModel E, the number of features of the input
     * @param nhead the number of attention heads, dividing dModel
     * @throws IllegalArgumentException if nhead does not divide dModel ("embed_dim must be divisible by num_heads")
     */
    public TransformerEncoderLayer(int dModel, int nhead) { this(dModel, nhead, 2048, 0.1, "relu", 1e-5, false, false); }

    /**
     * {@code nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps,
     * batch_first, norm_first)}.
     *
     * @param dModel E, the number of features of the input
     * @param nhead the number of attention heads, dividing dModel
     * @param dimFeedforward the width of the feed-forward block
     * @param dropout the probability of every dropout of the layer
     * @param activation the feed-forward block's activation, "relu" or "gelu"
     * @param layerNormEps the eps of the layer norms
     * @param batchFirst whether src and output are (N, S, E) instead of (S, N, E)
     * @param normFirst whether layer norm comes before attention and feed-forward (pre-norm) instead of after
     * @throws IllegalArgumentException if activation is neither ("activation should be relu/gelu, not tanh") or nhead
     *     does not divide dModel ("embed_dim must be divisible by num_heads")
     */
    public TransformerEncoderLayer(int dModel, int nhead, int dimFeedforward, double dropout, String activation, double layerNormEps,
                                   boolean batchFirst, boolean normFirst) {
        if (!activation.equals("relu") && !activation.equals("gelu")) {
            throw new IllegalArgumentException("activation should be relu/gelu, not " + activation);
        }
        this.dModel = dModel;
        this.nhead = nhead;
        this.dimFeedforward = dimFeedforward;
        this.dropoutP = dropout;
        this.activation = activation;
        this.layerNormEps = layerNormEps;
        this.batchFirst = batchFirst;
        this.normFirst = normFirst;
        selfAttn = register("self_attn", new MultiheadAttention(dModel, nhead, dropout, true, batchFirst));
        linear1 = register("linear1", new Linear(dModel, dimFeedforward));
        this.dropout = register("dropout", new Dropout(dropout));
        linear2 = register("linear2", new Linear(dimFeedforward, dModel));
        norm1 = register("norm1", new LayerNorm(new long[] {dModel}, layerNormEps, true));
        norm2 = register("norm2", new LayerNorm(new long[] {dModel}, layerNormEps, true));
        dropout1 = register("dropout1", new Dropout(dropout));
        dropout2 = register("dropout2", new Dropout(dropout));
    }

    /**
     * A layer with the same configuration, dtype, weights and mode (what PyTorch's deepcopy of a layer gives), drawing
     * no random numbers: the generator's state is put back after the throw-away initialisation.
     *
     * @return the new, independent layer
     */
    public TransformerEncoderLayer copy() {
        var g = dev.jgrad.Generator.defaultGenerator();
        byte[] state = g.getState();
        TransformerEncoderLayer c = new TransformerEncoderLayer(dModel, nhead, dimFeedforward, dropoutP, activation, layerNormEps, batchFirst,
                normFirst);
        g.setState(state);
        dev.jgrad.DType dtype = linear1.weight.dtype();
        if (dtype != dev.jgrad.DType.FLOAT32) c.to(dtype);  // so the copy keeps a double layer's values exactly
        c.loadStateDict(stateDict());
        c.train(isTraining());
        return c;
    }

    @Override public Tensor forward(Tensor src) { return forward(src, null, null); }

    /**
     * {@code layer(src, src_mask, src_key_padding_mask)}.
     *
     * @param src (S, N, E), (N, S, E) with batch_first, or (S, E)
     * @param srcMask (S, S) or (N nhead, S, S), bool (true = not allowed) or float (added); or null
     * @param srcKeyPaddingMask (N, S) or (S), true where a position is padding; or null
     * @return the layer's output, src's shape
     * @throws IllegalArgumentException if the shapes do not fit (MultiheadAttention's errors)
     */
    public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
        Tensor x = src;
        if (normFirst) {
            x = x.add(selfAttentionBlock(norm1.forward(x), srcMask, srcKeyPaddingMask));
            x = x.add(feedForwardBlock(norm2.forward(x)));
        } else {
            x = norm1.forward(x.add(selfAttentionBlock(x, srcMask, srcKeyPaddingMask)));
            x = norm2.forward(x.add(feedForwardBlock(x)));
        }
        return x;
    }

    private Tensor selfAttentionBlock(Tensor x, Tensor mask, Tensor keyPaddingMask) {
        return dropout1.forward(selfAttn.forward(x, x, x, keyPaddingMask, false, mask, true).output());
    }

    private Tensor feedForwardBlock(Tensor x) {
        Tensor h = linear1.forward(x);
        h = activation.equals("relu") ? F.relu(h) : F.gelu(h);
        return dropout2.forward(linear2.forward(dropout.forward(h)));
    }
}
