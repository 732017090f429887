package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.LSTMCell}: one LSTM step, gates in PyTorch's order (input, forget, cell, output); returns the new
 * (h, c). Shapes, parameters (G = 4) and errors: see {@link RNNCellBase}.
 */
public class LSTMCell extends RNNCellBase {
    /**
     * The state an LSTM cell passes on, PyTorch's {@code (h_1, c_1)}.
     *
     * @param h the hidden state (N, hidden_size) or (hidden_size)
     * @param c the cell state, h's shape
     */
    public record State(Tensor h, Tensor c) {}

    /**
     * {@code nn.LSTMCell(input_size, hidden_size)}: with bias.
     *
     * @param inputSize the number of features of the input
     * @param hiddenSize the number of features of the hidden and cell states
     */
    public LSTMCell(int inputSize, int hiddenSize) { this(inputSize, hiddenSize, true); }

    /**
     * {@code nn.LSTMCell(input_size, hidden_size, bias)}.
     *
     * @param inputSize the number of features of the input
     * @param hiddenSize the number of features of the hidden and cell states
     * @param bias whether the cell has the biases bias_ih and bias_hh
     */
    public LSTMCell(int inputSize, int hiddenSize, boolean bias) { super(inputSize, hiddenSize, bias, 4); }

    /**
     * The new h only, from zero states.
     *
     * @param input (N, input_size) or unbatched (input_size)
     * @return the new h (N, hidden_size) or (hidden_size)
     * @throws IllegalArgumentException if input does not fit (see {@link RNNCellBase})
     */
    @Override public Tensor forward(Tensor input) { return forward(input, null, null).h(); }

    /**
     * {@code cell(input, (h, c))}: one step; h and c null start from zeros (both or neither).
     *
     * @param input (N, input_size) or unbatched (input_size)
     * @param h the previous h (N, hidden_size) or (hidden_size), or null
     * @param c the previous c, h's shape, or null
     * @return the new h and c
     * @throws IllegalArgumentException if only one of h and c is null ("LSTMCell: give both h and c, or neither"), or
     *     input or a state does not fit (see {@link RNNCellBase})
     */
    public State forward(Tensor input, Tensor h, Tensor c) {
        if ((h == null) != (c == null)) throw new IllegalArgumentException("LSTMCell: give both h and c, or neither");
        Tensor x = batch(input);
        boolean unbatched = input.dim() == 1;
        Tensor[] hc = RNNBase.lstmStep(project(x), stateFor(h, x, unbatched), stateFor(c, x, unbatched), weightHh, biasHh);
        return unbatched ? new State(hc[0].squeeze(0), hc[1].squeeze(0)) : new State(hc[0], hc[1]);
    }

    /**
     * One step from a previous state.
     *
     * @param input (N, input_size) or unbatched (input_size)
     * @param state the previous (h, c), or null for zeros
     * @return the new h and c
     * @throws IllegalArgumentException if input or a state does not fit (see {@link RNNCellBase})
     */
    public State forward(Tensor input, State state) { return state == null ? forward(input, null, null) : forward(input, state.h(), state.c()); }
}
