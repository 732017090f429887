package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * A stack of numLayers copies of one decoder layer (same starting weights, as PyTorch's deepcopy gives),
 * each attending to the same memory, optionally followed by a norm.
 */
public class TransformerDecoder extends Module {
    /** {@code layers}: the stacked layers. */
    public final ModuleList layers;
    /** {@code num_layers}: the number of stacked layers. */
    public final int numLayers;
    /** Null when none. */
    public final Module norm;

    /** {@code nn.TransformerDecoder(decoder_layer, num_layers)}. */
    public TransformerDecoder(TransformerDecoderLayer decoderLayer, int numLayers) { this(decoderLayer, numLayers, null); }

    /** The layer itself is not part of the stack: only its copies are (PyTorch's _get_clones). */
    public TransformerDecoder(TransformerDecoderLayer decoderLayer, int numLayers, Module norm) {
        this.numLayers = numLayers;
        ModuleList list = new ModuleList();
        for (int i = 0; i < numLayers; i++) list.append(decoderLayer.copy());
        layers = register("layers", list);
        this.norm = norm == null ? null : register("norm", norm);
    }

    /** A decoder needs the memory too: PyTorch's TypeError for a call without it. */
    @Override public Tensor forward(Tensor tgt) {
        throw new IllegalArgumentException("forward() missing 1 required positional argument: 'memory'");
    }

    /** The decoder stack's output for target tgt attending to memory, without masks. */
    public Tensor forward(Tensor tgt, Tensor memory) { return forward(tgt, memory, null, null, null, null); }

    /** The decoder stack's output with tgtMask (T, T) and memoryMask (T, S) (null: none). */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask) {
        return forward(tgt, memory, tgtMask, memoryMask, null, null);
    }

    /** The masks go to every layer unchanged (see {@link TransformerDecoderLayer#forward(Tensor, Tensor, Tensor, Tensor, Tensor, Tensor)}). */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask,
                          Tensor memoryKeyPaddingMask) {
        Tensor out = tgt;
        for (Module m : layers) {
            out = ((TransformerDecoderLayer) m).forward(out, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
        }
        return norm == null ? out : norm.forward(out);
    }
}
