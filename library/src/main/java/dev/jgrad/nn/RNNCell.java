package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh) (or relu), one step. */
public class RNNCell extends RNNCellBase {
    /** {@code nonlinearity}: the nonlinearity, "tanh" or "relu". */
    public final String nonlinearity;

    /** {@code nn.RNNCell(input_size, hidden_size)}; the other arguments take PyTorch's defaults. */
    public RNNCell(int inputSize, int hiddenSize) { this(inputSize, hiddenSize, true, "tanh"); }

    /** {@code nn.RNNCell(input_size, hidden_size, bias, nonlinearity)}. */
    public RNNCell(int inputSize, int hiddenSize, boolean bias, String nonlinearity) {
        super(inputSize, hiddenSize, bias, 1);
        if (!nonlinearity.equals("tanh") && !nonlinearity.equals("relu")) {
            throw new IllegalArgumentException("Unknown nonlinearity: " + nonlinearity);
        }
        this.nonlinearity = nonlinearity;
    }

    @Override public Tensor forward(Tensor input) { return forward(input, null); }

    /** h null starts from zeros. */
    public Tensor forward(Tensor input, Tensor h) {
        Tensor x = batch(input);
        Tensor hy = RNNBase.rnnStep(project(x), stateFor(h, x, input.dim() == 1), weightHh, biasHh, nonlinearity.equals("relu"));
        return input.dim() == 1 ? hy.squeeze(0) : hy;
    }

    @Override protected String nonlinearityRepr() { return nonlinearity.equals("tanh") ? "" : ", nonlinearity=" + nonlinearity; }
}
