package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.utils.PackedSequence;

/**
 * {@code torch.nn.LSTM}: long short-term memory, gates in PyTorch's order (input, forget, cell, output):
 * i, f, o = sigmoid(...), g = tanh(...) of x W_ih^T + b_ih + h W_hh^T + b_hh; c' = f c + i g; h' = o tanh(c').
 * Shapes, parameters (G = 4) and errors: see {@link RNNBase}; no proj_size.
 */
public class LSTM extends RNNBase {
    /**
     * {@code nn.LSTM(input_size, hidden_size)}: one layer with bias, (L, N, H) layout, no dropout, one direction.
     *
     * @param inputSize H_in, the number of features of the input
     * @param hiddenSize H_out, the number of features of the hidden and cell states
     * @throws IllegalArgumentException if hiddenSize is not positive ("hidden_size must be greater than zero")
     */
    public LSTM(int inputSize, int hiddenSize) { this(inputSize, hiddenSize, 1); }

    /**
     * {@code nn.LSTM(input_size, hidden_size, num_layers)}: with bias, (L, N, H) layout, no dropout, one direction.
     *
     * @param inputSize H_in, the number of features of the input
     * @param hiddenSize H_out, the number of features of the hidden and cell states
     * @param numLayers the number of stacked layers
     * @throws IllegalArgumentException if hiddenSize or numLayers is not positive ("hidden_size must be greater than
     *     zero", "num_layers must be greater than zero")
     */
    public LSTM(int inputSize, int hiddenSize, int numLayers) { this(inputSize, hiddenSize, numLayers, true, false, 0, false); }

    /**
     * {@code nn.LSTM(input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional)}.
     *
     * @param inputSize H_in, the number of features of the input
     * @param hiddenSize H_out, the number of features of the hidden and cell states
     * @param numLayers the number of stacked layers
     * @param bias whether the layers have the biases b_ih and b_hh
     * @param batchFirst whether input and output are (N, L, H) instead of (L, N, H) (the states are not affected)
     * @param dropout the dropout probability on the outputs of each layer but the last, in training mode
     * @param bidirectional whether each layer also runs backward in time
     * @throws IllegalArgumentException if dropout is outside [0, 1], or hiddenSize or numLayers is not positive (the
     *     messages of {@link RNNBase#RNNBase})
     */
    public LSTM(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout, boolean bidirectional) {
        super("LSTM", inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
    }

    /**
     * {@code lstm(input, (h0, c0))}; h0 and c0 null start from zeros (both or neither).
     *
     * @param input (L, N, H_in), (N, L, H_in) with batch_first, or (L, H_in) unbatched
     * @param h0 the initial h (D num_layers, N, H_out), or (D num_layers, H_out) unbatched; or null
     * @param c0 the initial c, of h0's shape; or null
     * @return the output (L, N, D H_out) and the final h and c of every layer
     * @throws IllegalArgumentException if only one of h0 and c0 is null ("LSTM: give both h0 and c0, or neither"), or
     *     input's rank or feature size, or a state's shape, does not fit (see {@link RNNBase})
     */
    public Output forward(Tensor input, Tensor h0, Tensor c0) {
        if ((h0 == null) != (c0 == null)) throw new IllegalArgumentException("LSTM: give both h0 and c0, or neither");
        return run(input, h0, c0);
    }

    /**
     * {@code lstm(packed, (h0, c0))}: packed input (see {@link dev.jgrad.nn.utils.Rnn#packSequence}).
     *
     * @param input the packed sequences, data (sum of lengths, H_in)
     * @param h0 the initial h (D num_layers, N, H_out) in the batch's original order, or null for zeros
     * @param c0 the initial c, of h0's shape, or null for zeros (both or neither)
     * @return a packed output and the final h and c of each sequence at its own length
     * @throws IllegalArgumentException if only one of h0 and c0 is null ("LSTM: give both h0 and c0, or neither"), or
     *     the packed data or a state does not fit (see {@link RNNBase})
     */
    public PackedOutput forward(PackedSequence input, Tensor h0, Tensor c0) {
        if ((h0 == null) != (c0 == null)) throw new IllegalArgumentException("LSTM: give both h0 and c0, or neither");
        return runPacked(input, h0, c0);
    }

    @Override protected Tensor[] cell(Tensor xw, Tensor h, Tensor c, Tensor wHh, Tensor bHh) { return lstmStep(xw, h, c, wHh, bHh); }
}
