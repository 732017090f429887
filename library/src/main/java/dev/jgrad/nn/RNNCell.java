package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.RNNCell}: one Elman step, h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh) (or relu). Shapes,
 * parameters (G = 1) and errors: see {@link RNNCellBase}.
 */
public class RNNCell extends RNNCellBase {
    /** {@code nonlinearity}: the nonlinearity, "tanh" or "relu". */
    public final String nonlinearity;

    /**
     * {@code nn.RNNCell(input_size, hidden_size)}: with bias, tanh.
     *
     * @param inputSize the number of features of the input
     * @param hiddenSize the number of features of the hidden state
     */
    public RNNCell(int inputSize, int hiddenSize) { this(inputSize, hiddenSize, true, "tanh"); }

    /**
     * {@code nn.RNNCell(input_size, hidden_size, bias, nonlinearity)}.
     *
     * @param inputSize the number of features of the input
     * @param hiddenSize the number of features of the hidden state
     * @param bias whether the cell has the biases bias_ih and bias_hh
     * @param nonlinearity "tanh" or "relu"
     * @throws IllegalArgumentException if nonlinearity is neither ("Unknown nonlinearity: sig")
     */
    public RNNCell(int inputSize, int hiddenSize, boolean bias, String nonlinearity) {
        super(inputSize, hiddenSize, bias, 1);
        if (!nonlinearity.equals("tanh") && !nonlinearity.equals("relu")) {
            throw new IllegalArgumentException("Unknown nonlinearity: " + nonlinearity);
        }
        this.nonlinearity = nonlinearity;
    }

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
        Tensor hy = RNNBase.rnnStep(project(x), stateFor(h, x, input.dim() == 1), weightHh, biasHh, nonlinearity.equals("relu"));
        return input.dim() == 1 ? hy.squeeze(0) : hy;
    }

    @Override protected String nonlinearityRepr() { return nonlinearity.equals("tanh") ? "" : ", nonlinearity=" + nonlinearity; }
}
