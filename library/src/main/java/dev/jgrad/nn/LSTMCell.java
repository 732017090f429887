package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** One LSTM step: gates (input, forget, cell, output); returns the new (h, c). */
public class LSTMCell extends RNNCellBase {
    /** The state an LSTM cell passes on. */
    public record State(Tensor h, Tensor c) {}

    /** {@code nn.LSTMCell(input_size, hidden_size)}; the other arguments take PyTorch's defaults. */
    public LSTMCell(int inputSize, int hiddenSize) { this(inputSize, hiddenSize, true); }

    /** {@code nn.LSTMCell(input_size, hidden_size, bias)}. */
    public LSTMCell(int inputSize, int hiddenSize, boolean bias) { super(inputSize, hiddenSize, bias, 4); }

    /** The new h only. */
    @Override public Tensor forward(Tensor input) { return forward(input, null, null).h(); }

    /** h and c null start from zeros (both or neither). */
    public State forward(Tensor input, Tensor h, Tensor c) {
        if ((h == null) != (c == null)) throw new IllegalArgumentException("LSTMCell: give both h and c, or neither");
        Tensor x = batch(input);
        boolean unbatched = input.dim() == 1;
        Tensor[] hc = RNNBase.lstmStep(project(x), stateFor(h, x, unbatched), stateFor(c, x, unbatched), weightHh, biasHh);
        return unbatched ? new State(hc[0].squeeze(0), hc[1].squeeze(0)) : new State(hc[0], hc[1]);
    }

    /** One step from a previous state (null: zeros); returns the new (h, c). */
    public State forward(Tensor input, State state) { return state == null ? forward(input, null, null) : forward(input, state.h(), state.c()); }
}
