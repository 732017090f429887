package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * A stack of numLayers copies of one encoder layer (same starting weights, as PyTorch's deepcopy gives),
 * optionally followed by a norm.
 */
public class TransformerEncoder extends Module {
    public final ModuleList layers;
    public final int numLayers;
    /** Null when none. */
    public final Module norm;

    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers) { this(encoderLayer, numLayers, null); }

    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers, Module norm) {
        this.numLayers = numLayers;
        ModuleList list = new ModuleList();
        for (int i = 0; i < numLayers; i++) list.append(encoderLayer.copy());
        layers = register("layers", list);
        this.norm = norm == null ? null : register("norm", norm);
    }

    @Override public Tensor forward(Tensor src) { return forward(src, null, null); }

    public Tensor forward(Tensor src, Tensor mask, Tensor srcKeyPaddingMask) {
        Tensor out = src;
        for (Module m : layers) out = ((TransformerEncoderLayer) m).forward(out, mask, srcKeyPaddingMask);
        return norm == null ? out : norm.forward(out);
    }
}
