package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.TransformerEncoder}: a stack of num_layers copies of one encoder layer (same starting weights, as
 * PyTorch's deepcopy gives), optionally followed by a norm.
 *
 * <p>Shape: as {@link TransformerEncoderLayer}'s: src (S, N, E), (N, S, E) with batch_first, or (S, E); output src's
 * shape. Learnable parameters: each copy's, as layers.0, layers.1, ..., then the norm's.
 */
public class TransformerEncoder extends Module {
    /** {@code layers}: the stacked layers. */
    public final ModuleList layers;
    /** {@code num_layers}: the number of stacked layers. */
    public final int numLayers;
    /** {@code norm}: the module applied to the stack's output (a LayerNorm usually), or null when none. */
    public final Module norm;

    /**
     * {@code nn.TransformerEncoder(encoder_layer, num_layers)}: no final norm.
     *
     * @param encoderLayer the layer copied (itself not part of the stack)
     * @param numLayers the number of copies
     */
    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers) { this(encoderLayer, numLayers, null); }

    /**
     * {@code nn.TransformerEncoder(encoder_layer, num_layers, norm)}.
     *
     * @param encoderLayer the layer copied (itself not part of the stack: only its copies are, PyTorch's _get_clones)
     * @param numLayers the number of copies
     * @param norm the module applied to the stack's output, or null
     */
    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers, Module norm) {
        this.numLayers = numLayers;
        ModuleList list = new ModuleList();
        for (int i = 0; i < numLayers; i++) list.append(encoderLayer.copy());
        layers = register("layers", list);
        this.norm = norm == null ? null : register("norm", norm);
    }

    @Override public Tensor forward(Tensor src) { return forward(src, null, null); }

    /**
     * {@code encoder(src, mask, src_key_padding_mask)}: the stack's output, then the final norm if any; the masks go
     * to every layer unchanged.
     *
     * @param src (S, N, E), (N, S, E) with batch_first, or (S, E)
     * @param mask (S, S) or (N nhead, S, S), bool (true = not allowed) or float (added); or null
     * @param srcKeyPaddingMask (N, S) or (S), true where a position is padding; or null
     * @return the output, src's shape
     * @throws IllegalArgumentException if the shapes do not fit (MultiheadAttention's errors)
     */
    public Tensor forward(Tensor src, Tensor mask, Tensor srcKeyPaddingMask) {
        Tensor out = src;
        for (Module m : layers) out = ((TransformerEncoderLayer) m).forward(out, mask, srcKeyPaddingMask);
        return norm == null ? out : norm.forward(out);
    }
}
