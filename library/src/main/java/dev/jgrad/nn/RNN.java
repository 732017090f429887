package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.utils.PackedSequence;

/**
 * {@code torch.nn.RNN}: the Elman RNN, h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh) (or relu), stacked and optionally
 * bidirectional. Shapes, parameters and errors: see {@link RNNBase}.
 */
public class RNN extends RNNBase {
    /** {@code nonlinearity}: the nonlinearity, "tanh" or "relu". */
    public final String nonlinearity;

    /**
     * {@code nn.RNN(input_size, hidden_size)}: one tanh layer with bias, (L, N, H) layout, no dropout, one direction.
     *
     * @param inputSize H_in, the number of features of the input
     * @param hiddenSize H_out, the number of features of the hidden state
     * @throws IllegalArgumentException if hiddenSize is not positive ("hidden_size must be greater than zero")
     */
    public RNN(int inputSize, int hiddenSize) { this(inputSize, hiddenSize, 1); }

    /**
     * {@code nn.RNN(input_size, hidden_size, num_layers)}: tanh, with bias, (L, N, H) layout, no dropout, one
     * direction.
     *
     * @param inputSize H_in, the number of features of the input
     * @param hiddenSize H_out, the number of features of the hidden state
     * @param numLayers the number of stacked layers
     * @throws IllegalArgumentException if hiddenSize or numLayers is not positive ("hidden_size must be greater than
     *     zero", "num_layers must be greater than zero")
     */
    public RNN(int inputSize, int hiddenSize, int numLayers) { this(inputSize, hiddenSize, numLayers, "tanh", true, false, 0, false); }

    /**
     * A tanh RNN with the options LSTM and GRU take: {@code nn.RNN(input_size, hidden_size, num_layers, bias=...,
     * batch_first=..., dropout=..., bidirectional=...)}.
     *
     * @param inputSize H_in, the number of features of the input
     * @param hiddenSize H_out, the number of features of the hidden state
     * @param numLayers the number of stacked layers
     * @param bias whether the layers have the biases b_ih and b_hh
     * @param batchFirst whether input and output are (N, L, H) instead of (L, N, H) (the states are not affected)
     * @param dropout the dropout probability on the outputs of each layer but the last, in training mode
     * @param bidirectional whether each layer also runs backward in time
     * @throws IllegalArgumentException if dropout is outside [0, 1], or hiddenSize or numLayers is not positive (the
     *     messages of {@link RNNBase#RNNBase})
     */
    public RNN(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout, boolean bidirectional) {
        this(inputSize, hiddenSize, numLayers, "tanh", bias, batchFirst, dropout, bidirectional);
    }

    /**
     * PyTorch's full constructor {@code nn.RNN(input_size, hidden_size, num_layers, nonlinearity, bias, batch_first,
     * dropout, bidirectional)}.
     *
     * @param inputSize H_in, the number of features of the input
     * @param hiddenSize H_out, the number of features of the hidden state
     * @param numLayers the number of stacked layers
     * @param nonlinearity "tanh" or "relu"
     * @param bias whether the layers have the biases b_ih and b_hh
     * @param batchFirst whether input and output are (N, L, H) instead of (L, N, H) (the states are not affected)
     * @param dropout the dropout probability on the outputs of each layer but the last, in training mode
     * @param bidirectional whether each layer also runs backward in time
     * @throws IllegalArgumentException if nonlinearity is neither ("Unknown nonlinearity 'sig'. Select from 'tanh' or
     *     'relu'."), dropout is outside [0, 1], or hiddenSize or numLayers is not positive (the messages of
     *     {@link RNNBase#RNNBase})
     */
    public RNN(int inputSize, int hiddenSize, int numLayers, String nonlinearity, boolean bias, boolean batchFirst, double dropout,
               boolean bidirectional) {
        super(checked(nonlinearity), inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
        this.nonlinearity = nonlinearity;
    }

    private static String checked(String nonlinearity) {
        return switch (nonlinearity) {
            case "tanh" -> "RNN_TANH";
            case "relu" -> "RNN_RELU";
            default -> throw new IllegalArgumentException("Unknown nonlinearity '" + nonlinearity + "'. Select from 'tanh' or 'relu'.");
        };
    }

    /**
     * {@code rnn(input, h0)}.
     *
     * @param input (L, N, H_in), (N, L, H_in) with batch_first, or (L, H_in) unbatched
     * @param h0 the initial h (D num_layers, N, H_out), or (D num_layers, H_out) unbatched; null for zeros
     * @return the output (L, N, D H_out) and the final h of every layer (c is null)
     * @throws IllegalArgumentException if input's rank or feature size, or h0's shape, does not fit (see
     *     {@link RNNBase})
     */
    public Output forward(Tensor input, Tensor h0) { return run(input, h0, null); }

    /**
     * {@code rnn(packed, h0)}: packed input (see {@link dev.jgrad.nn.utils.Rnn#packSequence}).
     *
     * @param input the packed sequences, data (sum of lengths, H_in)
     * @param h0 the initial h (D num_layers, N, H_out) in the batch's original order, or null for zeros
     * @return a packed output and the final h of each sequence at its own length
     * @throws IllegalArgumentException if the packed data or h0 does not fit (see {@link RNNBase})
     */
    public PackedOutput forward(PackedSequence input, Tensor h0) {
        return runPacked(input, h0, null);
    }

    @Override protected Tensor[] cell(Tensor xw, Tensor h, Tensor c, Tensor wHh, Tensor bHh) {
        return new Tensor[] {rnnStep(xw, h, wHh, bHh, nonlinearity.equals("relu")), null};
    }
}
