package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.GRUCell}: one GRU step, gates in PyTorch's order (reset, update, new); returns the new h. Shapes,
 * parameters (G = 3) and errors: see {@link RNNCellBase}.
 */
public class GRUCell extends RNNCellBase {
    /**
     * {@code nn.GRUCell(input_size, hidden_size)}: with bias.
     *
     * @param inputSize the number of features of the input
     * @param hiddenSize the number of features of the hidden state
     */
    public GRUCell(int inputSize, int hiddenSize) { this(inputSize, hiddenSize, true); }

    /**
     * {@code nn.GRUCell(input_size, hidden_size, bias)}.
     *
     * @param inputSize the number of features of the input
     * @param hiddenSize the number of features of the hidden state
     * @param bias whether the cell has the biases bias_ih and bias_hh
     */
    public GRUCell(int inputSize, int hiddenSize, boolean bias) { super(inputSize, hiddenSize, bias, 3); }

    @Override public Tensor forward(Tensor input) { return forward(input, null); }

    /**
     * {@code cell(input, hx)}: one step.
     *
     * @param input (N, input_size) or unbatched (input_size)
     * @param h the previous h (N, hidden_size) or (hidden_size), or null for zeros
     * @return the new h, of h's shape
     * @throws IllegalArgumentException if input or h does not fit (see {@link RNNCellBase})
     */
    public Tensor forward(Tensor input, Tensor h) {
        Tensor x = batch(input);
        Tensor hy = RNNBase.gruStep(project(x), stateFor(h, x, input.dim() == 1), weightHh, biasHh);
        return input.dim() == 1 ? hy.squeeze(0) : hy;
    }
}
