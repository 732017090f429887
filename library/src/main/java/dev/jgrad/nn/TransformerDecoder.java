package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.TransformerDecoder}: a stack of num_layers copies of one decoder layer (same starting weights, as
 * PyTorch's deepcopy gives), each attending to the same memory, optionally followed by a norm.
 *
 * <p>Shape: as {@link TransformerDecoderLayer}'s: tgt (T, N, E), memory (S, N, E) (batch first or unbatched
 * likewise); output tgt's shape. Learnable parameters: each copy's, as layers.0, layers.1, ..., then the norm's.
 */
public class TransformerDecoder extends Module {
    /** {@code layers}: the stacked layers. */
    public final ModuleList layers;
    /** {@code num_layers}: the number of stacked layers. */
    public final int numLayers;
    /** {@code norm}: the module applied to the stack's output (a LayerNorm usually), or null when none. */
    public final Module norm;

    /**
     * {@code nn.TransformerDecoder(decoder_layer, num_layers)}: no final norm.
     *
     * @param decoderLayer the layer copied (itself not part of the stack)
     * @param numLayers the number of copies
     */
    public TransformerDecoder(TransformerDecoderLayer decoderLayer, int numLayers) { this(decoderLayer, numLayers, null); }

    /**
     * {@code nn.TransformerDecoder(decoder_layer, num_layers, norm)}. The layer itself is not part of the stack: only
     * its copies are (PyTorch's _get_clones).
     *
     * @param decoderLayer the layer copied
     * @param numLayers the number of copies
     * @param norm the module applied to the stack's output, or null
     */
    public TransformerDecoder(TransformerDecoderLayer decoderLayer, int numLayers, Module norm) {
        this.numLayers = numLayers;
        ModuleList list = new ModuleList();
        for (int i = 0; i < numLayers; i++) list.append(decoderLayer.copy());
        layers = register("layers", list);
        this.norm = norm == null ? null : register("norm", norm);
    }

    /**
     * A decoder needs the memory too: PyTorch's TypeError for a call without it.
     *
     * @param tgt not used
     * @return never
     * @throws IllegalArgumentException always ("forward() missing 1 required positional argument: 'memory'")
     */
    @Override public Tensor forward(Tensor tgt) {
        throw new IllegalArgumentException("forward() missing 1 required positional argument: 'memory'");
    }

    /**
     * {@code decoder(tgt, memory)}: without masks.
     *
     * @param tgt (T, N, E), (N, T, E) with batch_first, or (T, E)
     * @param memory the encoder's output (S, N, E), (N, S, E) or (S, E)
     * @return the output, tgt's shape
     * @throws IllegalArgumentException if the shapes do not fit (MultiheadAttention's errors)
     */
    public Tensor forward(Tensor tgt, Tensor memory) { return forward(tgt, memory, null, null, null, null); }

    /**
     * {@code decoder(tgt, memory, tgt_mask, memory_mask)}.
     *
     * @param tgt (T, N, E), (N, T, E) with batch_first, or (T, E)
     * @param memory the encoder's output (S, N, E), (N, S, E) or (S, E)
     * @param tgtMask (T, T) or (N nhead, T, T), bool (true = not allowed) or float (added); or null
     * @param memoryMask (T, S) or (N nhead, T, S); or null
     * @return the output, tgt's shape
     * @throws IllegalArgumentException if the shapes do not fit (MultiheadAttention's errors)
     */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask) {
        return forward(tgt, memory, tgtMask, memoryMask, null, null);
    }

    /**
     * {@code decoder(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask)}: the masks go
     * to every layer unchanged (see {@link TransformerDecoderLayer#forward(Tensor, Tensor, Tensor, Tensor, Tensor,
     * Tensor)}).
     *
     * @param tgt (T, N, E), (N, T, E) with batch_first, or (T, E)
     * @param memory the encoder's output (S, N, E), (N, S, E) or (S, E)
     * @param tgtMask (T, T) or (N nhead, T, T); or null
     * @param memoryMask (T, S) or (N nhead, T, S); or null
     * @param tgtKeyPaddingMask (N, T) or (T), true where a target position is padding; or null
     * @param memoryKeyPaddingMask (N, S) or (S), true where a memory position is padding; or null
     * @return the output, tgt's shape
     * @throws IllegalArgumentException if the shapes do not fit (MultiheadAttention's errors)
     */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask,
                          Tensor memoryKeyPaddingMask) {
        Tensor out = tgt;
        for (Module m : layers) {
            out = ((TransformerDecoderLayer) m).forward(out, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
        }
        return norm == null ? out : norm.forward(out);
    }
}
