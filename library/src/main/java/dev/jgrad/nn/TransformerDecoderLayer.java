package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.TransformerDecoderLayer}: self-attention over the target, attention over the encoder's memory
 * and a feed-forward block, each with dropout and a residual connection, LayerNorm after each (or before,
 * with norm_first). Sub-modules are made in PyTorch's order, so after {@code manualSeed(s)} the weights
 * equal PyTorch's; dropouts draw in its order (self-attention, dropout1, cross-attention, dropout2,
 * feed-forward dropout, dropout3).
 *
 * <p>Shape, with T the target length, S the memory length, N the batch, E = d_model: tgt (T, N, E), (N, T, E) with
 * batch_first, or unbatched (T, E); memory (S, N, E), (N, S, E) or (S, E); tgt_mask (T, T) or (N nhead, T, T);
 * memory_mask (T, S) or (N nhead, T, S); tgt_key_padding_mask (N, T) or (T); memory_key_padding_mask (N, S) or (S);
 * output tgt's shape. Masks as {@link MultiheadAttention} takes them; shapes that do not fit raise its errors
 * (IllegalArgumentException).
 *
 * <p>Learnable parameters: those of self_attn and multihead_attn (MultiheadAttention(E, nhead)), linear1
 * (dim_feedforward, E), linear2 (E, dim_feedforward), norm1, norm2 and norm3 (LayerNorms of E).
 */
public class TransformerDecoderLayer extends Module {
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
    /** {@code multihead_attn}: the encoder-decoder attention block. */
    public final MultiheadAttention multiheadAttn;
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
    /** {@code dropout3}: the dropout after the third block. */
    public final Dropout dropout3;
    /** {@code norm1}: the first layer norm. */
    public final LayerNorm norm1;
    /** {@code norm2}: the second layer norm. */
    public final LayerNorm norm2;
    /** {@code norm3}: the third layer norm. */
    public final LayerNorm norm3;

    /**
     * {@code nn.TransformerDecoderLayer(d_model, nhead)}: dim_feedforward 2048, dropout 0.1, relu, eps 1e-5,
     * sequence first, norm after.
     *
     * @param dModel E, the number of features of the input
     * @param nhead the number of attention heads, dividing dModel
     * @throws IllegalArgumentException if nhead does not divide dModel ("embed_dim must be divisible by num_heads")
     */
    public TransformerDecoderLayer(int dModel, int nhead) { this(dModel, nhead, 2048, 0.1, "relu", 1e-5, false, false); }

    /**
     * {@code nn.TransformerDecoderLayer(d_model, nhead, dim_feedforward, dropout)}: relu, eps 1e-5, sequence first,
     * norm after.
     *
     * @param dModel E, the number of features of the input
     * @param nhead the number of attention heads, dividing dModel
     * @param dimFeedforward the width of the feed-forward block
     * @param dropout the probability of every dropout of the layer
     * @throws IllegalArgumentException if nhead does not divide dModel ("embed_dim must be divisible by num_heads")
     */
    public TransformerDecoderLayer(int dModel, int nhead, int dimFeedforward, double dropout) {
        this(dModel, nhead, dimFeedforward, dropout, "relu", 1e-5, false, false);
    }

    /**
     * {@code nn.TransformerDecoderLayer(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps,
     * batch_first, norm_first)}.
     *
     * @param dModel E, the number of features of the input
     * @param nhead the number of attention heads, dividing dModel
     * @param dimFeedforward the width of the feed-forward block
     * @param dropout the probability of every dropout of the layer
     * @param activation the feed-forward block's activation, "relu" or "gelu"
     * @param layerNormEps the eps of the layer norms
     * @param batchFirst whether tgt, memory and output are (N, L, E) instead of (L, N, E)
     * @param normFirst whether layer norm comes before each block (pre-norm) instead of after
     * @throws IllegalArgumentException if activation is neither ("activation should be relu/gelu, not tanh") or nhead
     *     does not divide dModel ("embed_dim must be divisible by num_heads")
     */
    public TransformerDecoderLayer(int dModel, int nhead, int dimFeedforward, double dropout, String activation, double layerNormEps,
                                   boolean batchFirst, boolean normFirst) {
        if (!"relu".equals(activation) && !"gelu".equals(activation)) {
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
        multiheadAttn = register("multihead_attn", new MultiheadAttention(dModel, nhead, dropout, true, batchFirst));
        linear1 = register("linear1", new Linear(dModel, dimFeedforward));
        this.dropout = register("dropout", new Dropout(dropout));
        linear2 = register("linear2", new Linear(dimFeedforward, dModel));
        norm1 = register("norm1", new LayerNorm(new long[] {dModel}, layerNormEps, true));
        norm2 = register("norm2", new LayerNorm(new long[] {dModel}, layerNormEps, true));
        norm3 = register("norm3", new LayerNorm(new long[] {dModel}, layerNormEps, true));
        dropout1 = register("dropout1", new Dropout(dropout));
        dropout2 = register("dropout2", new Dropout(dropout));
        dropout3 = register("dropout3", new Dropout(dropout));
    }

    /**
     * A layer with the same configuration, dtype, weights and mode (what PyTorch's deepcopy gives), drawing no
     * random numbers: the generator's state is put back after the throw-away initialisation.
     *
     * @return the new, independent layer
     */
    public TransformerDecoderLayer copy() {
        var g = dev.jgrad.Generator.defaultGenerator();
        byte[] state = g.getState();
        TransformerDecoderLayer c = new TransformerDecoderLayer(dModel, nhead, dimFeedforward, dropoutP, activation, layerNormEps, batchFirst,
                normFirst);
        g.setState(state);
        DType dtype = linear1.weight.dtype();
        if (dtype != DType.FLOAT32) c.to(dtype);
        c.loadStateDict(stateDict());
        c.train(isTraining());
        return c;
    }

    /**
     * A decoder layer needs the memory too: PyTorch's TypeError for a call without it.
     *
     * @param tgt not used
     * @return never
     * @throws IllegalArgumentException always ("forward() missing 1 required positional argument: 'memory'")
     */
    @Override public Tensor forward(Tensor tgt) {
        throw new IllegalArgumentException("forward() missing 1 required positional argument: 'memory'");
    }

    /**
     * {@code layer(tgt, memory)}: without masks.
     *
     * @param tgt (T, N, E), (N, T, E) with batch_first, or (T, E)
     * @param memory the encoder's output (S, N, E), (N, S, E) or (S, E)
     * @return the layer's output, tgt's shape
     * @throws IllegalArgumentException if the shapes do not fit (MultiheadAttention's errors)
     */
    public Tensor forward(Tensor tgt, Tensor memory) { return forward(tgt, memory, null, null, null, null); }

    /**
     * {@code layer(tgt, memory, tgt_mask, memory_mask)}.
     *
     * @param tgt (T, N, E), (N, T, E) with batch_first, or (T, E)
     * @param memory the encoder's output (S, N, E), (N, S, E) or (S, E)
     * @param tgtMask (T, T) or (N nhead, T, T), bool (true = not allowed) or float (added); or null
     * @param memoryMask (T, S) or (N nhead, T, S); or null
     * @return the layer's output, tgt's shape
     * @throws IllegalArgumentException if the shapes do not fit (MultiheadAttention's errors)
     */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask) {
        return forward(tgt, memory, tgtMask, memoryMask, null, null);
    }

    /**
     * {@code layer(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask)}; any mask may
     * be null.
     *
     * @param tgt (T, N, E), (N, T, E) with batch_first, or (T, E)
     * @param memory the encoder's output (S, N, E), (N, S, E) or (S, E)
     * @param tgtMask (T, T) or (N nhead, T, T), bool (true = not allowed) or float (added to the scores)
     * @param memoryMask (T, S) or (N nhead, T, S)
     * @param tgtKeyPaddingMask (N, T) or (T), true where a target position is padding
     * @param memoryKeyPaddingMask (N, S) or (S), true where a memory position is padding
     * @return the layer's output, tgt's shape
     * @throws IllegalArgumentException if the shapes do not fit (MultiheadAttention's errors)
     */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask,
                          Tensor memoryKeyPaddingMask) {
        Tensor x = tgt;
        if (normFirst) {
            x = x.add(selfAttentionBlock(norm1.forward(x), tgtMask, tgtKeyPaddingMask));
            x = x.add(crossAttentionBlock(norm2.forward(x), memory, memoryMask, memoryKeyPaddingMask));
            x = x.add(feedForwardBlock(norm3.forward(x)));
        } else {
            x = norm1.forward(x.add(selfAttentionBlock(x, tgtMask, tgtKeyPaddingMask)));
            x = norm2.forward(x.add(crossAttentionBlock(x, memory, memoryMask, memoryKeyPaddingMask)));
            x = norm3.forward(x.add(feedForwardBlock(x)));
        }
        return x;
    }

    private Tensor selfAttentionBlock(Tensor x, Tensor mask, Tensor keyPaddingMask) {
        return dropout1.forward(selfAttn.forward(x, x, x, keyPaddingMask, false, mask, true).output());
    }

    private Tensor crossAttentionBlock(Tensor x, Tensor memory, Tensor mask, Tensor keyPaddingMask) {
        return dropout2.forward(multiheadAttn.forward(x, memory, memory, keyPaddingMask, false, mask, true).output());
    }

    private Tensor feedForwardBlock(Tensor x) {
        Tensor h = linear1.forward(x);
        h = activation.equals("relu") ? F.relu(h) : F.gelu(h);
        return dropout3.forward(linear2.forward(dropout.forward(h)));
    }
}
