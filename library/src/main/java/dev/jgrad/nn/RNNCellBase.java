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
    public final int inputSize, hiddenSize;
    public final boolean bias;
    public final Parameter weightIh, weightHh, biasIh, biasHh;

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

    protected Tensor project(Tensor batch) { return F.linear(batch, weightIh, biasIh); }

    @Override protected String extraRepr() {
        return inputSize + ", " + hiddenSize + (bias ? "" : ", bias=False") + nonlinearityRepr();
    }

    protected String nonlinearityRepr() { return ""; }
}
