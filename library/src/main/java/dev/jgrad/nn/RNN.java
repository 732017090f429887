package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.utils.PackedSequence;

/** Elman RNN: h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh) (or relu), stacked and optionally bidirectional; see {@link RNNBase}. */
public class RNN extends RNNBase {
    /** {@code nonlinearity}: the nonlinearity, "tanh" or "relu". */
    public final String nonlinearity;

    /** {@code nn.RNN(input_size, hidden_size)}; the other arguments take PyTorch's defaults. */
    public RNN(int inputSize, int hiddenSize) { this(inputSize, hiddenSize, 1); }

    /** {@code nn.RNN(input_size, hidden_size, num_layers)}. */
    public RNN(int inputSize, int hiddenSize, int numLayers) { this(inputSize, hiddenSize, numLayers, "tanh", true, false, 0, false); }

    /** A tanh RNN with the options LSTM and GRU take. */
    public RNN(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout, boolean bidirectional) {
        this(inputSize, hiddenSize, numLayers, "tanh", bias, batchFirst, dropout, bidirectional);
    }

    /** nonlinearity: "tanh" or "relu". */
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

    /** output (L, N, H) and the final h of every layer; h0 null starts from zeros. */
    public Output forward(Tensor input, Tensor h0) { return run(input, h0, null); }

    /** Packed input (see {@link dev.jgrad.nn.utils.Rnn#packSequence}): a packed output and the final states at each sequence's length. */
    public PackedOutput forward(PackedSequence input, Tensor h0) {
        return runPacked(input, h0, null);
    }

    @Override protected Tensor[] cell(Tensor xw, Tensor h, Tensor c, Tensor wHh, Tensor bHh) {
        return new Tensor[] {rnnStep(xw, h, wHh, bHh, nonlinearity.equals("relu")), null};
    }
}
