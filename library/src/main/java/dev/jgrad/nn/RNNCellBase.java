package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;

/**
 * One step of a recurrent layer (RNNCell, LSTMCell, GRUCell) over input (N, input_size) or unbatched
 * (input_size); parameters as PyTorch's (weight_ih, weight_hh, bias_ih, bias_hh, uniform in
 * +-1/sqrt(hidden_size)). The input projection is computed per call, as in PyTorch's cells.
 */
public abstract class RNNCellBase extends Module {
    /** {@code input_size}: the number of expected features in the input x. */
    public final int inputSize;
    /** {@code hidden_size}: the number of features in the hidden state h. */
    public final int hiddenSize;
    /** {@code bias}: the learnable bias (null without one). */
    public final boolean bias;
    /** {@code weight_ih}: the learnable input-hidden weights. */
    public final Parameter weightIh;
    /** {@code weight_hh}: the learnable hidden-hidden weights. */
    public final Parameter weightHh;
    /** {@code bias_ih}: the learnable input-hidden bias (null without bias). */
    public final Parameter biasIh;
    /** {@code bias_hh}: the learnable hidden-hidden bias (null without bias). */
    public final Parameter biasHh;

    /**
     * The shared constructor of the cells: gates blocks of hiddenSize rows in each weight (1 for RNNCell, 4 for
     * LSTMCell, 3 for GRUCell).
     */
    protected RNNCellBase(int inputSize, int hiddenSize, boolean bias, int gates) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.bias = bias;
        weightIh = registerParameter("weight_ih", new Parameter(Torch.empty(DType.FLOAT32, (long) gates * hiddenSize, inputSize)));
        weightHh = registerParameter("weight_hh", new Parameter(Torch.empty(DType.FLOAT32, (long) gates * hiddenSize, hiddenSize)));
        biasIh = registerParameter("bias_ih", bias ? new Parameter(Torch.empty(DType.FLOAT32, (long) gates * hiddenSize)) : null);
        biasHh = registerParameter("bias_hh", bias ? new Parameter(Torch.empty(DType.FLOAT32, (long) gates * hiddenSize)) : null);
        double stdv = 1.0 / Math.sqrt(hiddenSize);
        for (Parameter p : parameters()) Init.uniform_(p, -stdv, stdv);
    }

    /** The input as a batch (N, input_size), checked. */
    protected Tensor batch(Tensor input) {
        if (input.dim() != 1 && input.dim() != 2) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": Expected input to be 1-D or 2-D but received " + input.dim()
                    + "-D tensor");
        }
        if (input.size(-1) != inputSize) {
            throw new IllegalArgumentException("input has inconsistent input_size: got " + input.size(-1) + " expected " + inputSize);
        }
        return input.dim() == 1 ? input.unsqueeze(0) : input;
    }

    /** A state for the batch: the given one (unsqueezed when unbatched) or zeros. */
    protected Tensor stateFor(Tensor state, Tensor batch, boolean unbatched) {
        if (state == null) return Torch.zeros(batch.dtype(), batch.device(), batch.size(0), hiddenSize);
        return unbatched ? state.unsqueeze(0) : state;
    }

    /** The input projection x W_ih^T + b_ih of a batch. */
    protected Tensor project(Tensor batch) { return F.linear(batch, weightIh, biasIh); }

    @Override protected String extraRepr() {
        return inputSize + ", " + hiddenSize + (bias ? "" : ", bias=False") + nonlinearityRepr();
    }

    /** The nonlinearity part of the repr (", nonlinearity=relu"; empty by default). */
    protected String nonlinearityRepr() { return ""; }
}
