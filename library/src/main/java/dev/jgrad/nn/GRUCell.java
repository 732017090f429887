package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** One GRU step: gates (reset, update, new); returns the new h. */
public class GRUCell extends RNNCellBase {
    /** {@code nn.GRUCell(input_size, hidden_size)}; the other arguments take PyTorch's defaults. */
    public GRUCell(int inputSize, int hiddenSize) { this(inputSize, hiddenSize, true); }

    /** {@code nn.GRUCell(input_size, hidden_size, bias)}. */
    public GRUCell(int inputSize, int hiddenSize, boolean bias) { super(inputSize, hiddenSize, bias, 3); }

    @Override public Tensor forward(Tensor input) { return forward(input, null); }

    /** h null starts from zeros. */
    public Tensor forward(Tensor input, Tensor h) {
        Tensor x = batch(input);
        Tensor hy = RNNBase.gruStep(project(x), stateFor(h, x, input.dim() == 1), weightHh, biasHh);
        return input.dim() == 1 ? hy.squeeze(0) : hy;
    }
}
