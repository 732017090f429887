package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * A stack of numLayers copies of one encoder layer (same starting weights, as PyTorch's deepcopy gives),
 * optionally followed by a norm.
 */
public class TransformerEncoder extends Module {
    /** {@code layers}: the stacked layers. */
    public final ModuleList layers;
    /** {@code num_layers}: the number of stacked layers. */
    public final int numLayers;
    /** Null when none. */
    public final Module norm;

    /** {@code nn.TransformerEncoder(encoder_layer, num_layers)}; the other arguments take PyTorch's defaults. */
    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers) { this(encoderLayer, numLayers, null); }

    /** {@code nn.TransformerEncoder(encoder_layer, num_layers, norm)}. */
    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers, Module norm) {
        this.numLayers = numLayers;
        ModuleList list = new ModuleList();
        for (int i = 0; i < numLayers; i++) list.append(encoderLayer.copy());
        layers = register("layers", list);
        this.norm = norm == null ? null : register("norm", norm);
    }

    @Override public Tensor forward(Tensor src) { return forward(src, null, null); }

    /**
     * The stack's output with an attention mask (S, S) and a key padding mask (N, S) (null: none), then the final
     * norm if any.
     */
    public Tensor forward(Tensor src, Tensor mask, Tensor srcKeyPaddingMask) {
        Tensor out = src;
        for (Module m : layers) out = ((TransformerEncoderLayer) m).forward(out, mask, srcKeyPaddingMask);
        return norm == null ? out : norm.forward(out);
    }
}
