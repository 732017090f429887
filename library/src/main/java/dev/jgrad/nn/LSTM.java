package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.utils.PackedSequence;

/** Long short-term memory, gates in PyTorch's order (input, forget, cell, output); see {@link RNNBase}. */
public class LSTM extends RNNBase {
    /** {@code nn.LSTM(input_size, hidden_size)}; the other arguments take PyTorch's defaults. */
    public LSTM(int inputSize, int hiddenSize) { this(inputSize, hiddenSize, 1); }

    /** {@code nn.LSTM(input_size, hidden_size, num_layers)}; the other arguments take PyTorch's defaults. */
    public LSTM(int inputSize, int hiddenSize, int numLayers) { this(inputSize, hiddenSize, numLayers, true, false, 0, false); }

    /** {@code nn.LSTM(input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional)}. */
    public LSTM(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout, boolean bidirectional) {
        super("LSTM", inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
    }

    /** output and the final (h, c) of every layer; h0 and c0 null start from zeros (both or neither). */
    public Output forward(Tensor input, Tensor h0, Tensor c0) {
        if ((h0 == null) != (c0 == null)) throw new IllegalArgumentException("LSTM: give both h0 and c0, or neither");
        return run(input, h0, c0);
    }

    /** Packed input (see {@link dev.jgrad.nn.utils.Rnn#packSequence}): a packed output and the final states at each sequence's length. */
    public PackedOutput forward(PackedSequence input, Tensor h0, Tensor c0) {
        if ((h0 == null) != (c0 == null)) throw new IllegalArgumentException("LSTM: give both h0 and c0, or neither");
        return runPacked(input, h0, c0);
    }

    @Override protected Tensor[] cell(Tensor xw, Tensor h, Tensor c, Tensor wHh, Tensor bHh) { return lstmStep(xw, h, c, wHh, bHh); }
}
