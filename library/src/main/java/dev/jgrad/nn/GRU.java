package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.utils.PackedSequence;

/** Gated recurrent unit, gates in PyTorch's order (reset, update, new); see {@link RNNBase}. */
public class GRU extends RNNBase {
    /** {@code nn.GRU(input_size, hidden_size)}; the other arguments take PyTorch's defaults. */
    public GRU(int inputSize, int hiddenSize) { this(inputSize, hiddenSize, 1); }

    /** {@code nn.GRU(input_size, hidden_size, num_layers)}; the other arguments take PyTorch's defaults. */
    public GRU(int inputSize, int hiddenSize, int numLayers) { this(inputSize, hiddenSize, numLayers, true, false, 0, false); }

    /** {@code nn.GRU(input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional)}. */
    public GRU(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout, boolean bidirectional) {
        super("GRU", inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
    }

    /** output and the final h of every layer; h0 null starts from zeros. */
    public Output forward(Tensor input, Tensor h0) { return run(input, h0, null); }

    /** Packed input (see {@link dev.jgrad.nn.utils.Rnn#packSequence}): a packed output and the final states at each sequence's length. */
    public PackedOutput forward(PackedSequence input, Tensor h0) {
        return runPacked(input, h0, null);
    }

    @Override protected Tensor[] cell(Tensor xw, Tensor h, Tensor c, Tensor wHh, Tensor bHh) { return new Tensor[] {gruStep(xw, h, wHh, bHh), null}; }
}
