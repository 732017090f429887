package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;

/**
 * One step of a recurrent layer (RNNCell, LSTMCell, GRUCell; PyTorch's {@code torch.nn.RNNCellBase}). The input
 * projection is computed per call, as in PyTorch's cells.
 *
 * <p>Shape: input (N, input_size) or unbatched (input_size); each state (N, hidden_size) or unbatched
 * (hidden_size), null for zeros; the new state has the state's shape.
 *
 * <p>Learnable parameters, G = 1 (RNNCell), 4 (LSTMCell) or 3 (GRUCell): weight_ih (G hidden_size, input_size),
 * weight_hh (G hidden_size, hidden_size), bias_ih and bias_hh (G hidden_size) when bias; all drawn from
 * U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)) as PyTorch draws them.
 *
 * <p>Errors on forward (IllegalArgumentException, PyTorch's texts): an input of another rank ("RNNCell: Expected
 * input to be 1-D or 2-D but received 3-D tensor") or feature size ("input has inconsistent input_size: got 5
 * expected 3"), a state of another batch size ("Input batch size 2 doesn't match hidden0 batch size 1") or width
 * ("hidden0 has inconsistent hidden_size: got 5, expected 4").
 */
public abstract class RNNCellBase extends Module {
    /** {@code input_size}: the number of expected features in the input x. */
    public final int inputSize;
    /** {@code hidden_size}: the number of features in the hidden state h. */
    public final int hiddenSize;
    /** {@code bias}: whether the cell has the biases bias_ih and bias_hh. */
    public final boolean bias;
    /** {@code weight_ih}: the learnable input-hidden weights (G hidden_size, input_size). */
    public final Parameter weightIh;
    /** {@code weight_hh}: the learnable hidden-hidden weights (G hidden_size, hidden_size). */
    public final Parameter weightHh;
    /** {@code bias_ih}: the learnable input-hidden bias (G hidden_size) (null without bias). */
    public final Parameter biasIh;
    /** {@code bias_hh}: the learnable hidden-hidden bias (G hidden_size) (null without bias). */
    public final Parameter biasHh;

    /**
     * The shared constructor of the cells.
     *
     * @param inputSize the number of features of the input
     * @param hiddenSize the number of features of the hidden state
     * @param bias whether the cell has the biases bias_ih and bias_hh
     * @param gates G, the blocks of hiddenSize rows in each weight (1 for RNNCell, 4 for LSTMCell, 3 for GRUCell)
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

    /**
     * The input as a batch, checked.
     *
     * @param input (N, input_size) or unbatched (input_size)
     * @return input as (N, input_size), a batch of one when unbatched
     * @throws IllegalArgumentException if input's rank or feature size does not fit ("RNNCell: Expected input to be
     *     1-D or 2-D but received 3-D tensor", "input has inconsistent input_size: got 5 expected 3")
     */
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

    /**
     * A state for the batch: the given one (unsqueezed when unbatched), checked as PyTorch checks it, or zeros.
     *
     * @param state the given state (N, hidden_size), or (hidden_size) when unbatched; null for zeros
     * @param batch the input as a batch (N, input_size)
     * @param unbatched whether the caller's input was unbatched
     * @return the state as (N, hidden_size)
     * @throws IllegalArgumentException if the state's batch size or width does not fit ("Input batch size 2 doesn't
     *     match hidden0 batch size 1", "hidden0 has inconsistent hidden_size: got 5, expected 4")
     */
    protected Tensor stateFor(Tensor state, Tensor batch, boolean unbatched) {
        if (state == null) return Torch.zeros(batch.dtype(), batch.device(), batch.size(0), hiddenSize);
        Tensor s = unbatched ? state.unsqueeze(0) : state;
        // PyTorch 1.13's check_rnn_cell_forward_hidden, which labels every state (LSTM's c too) "hidden0"
        if (s.size(0) != batch.size(0)) {
            throw new IllegalArgumentException("Input batch size " + batch.size(0) + " doesn't match hidden0 batch size " + s.size(0));
        }
        if (s.size(1) != hiddenSize) {
            throw new IllegalArgumentException("hidden0 has inconsistent hidden_size: got " + s.size(1) + ", expected " + hiddenSize);
        }
        return s;
    }

    /**
     * The input projection of a batch.
     *
     * @param batch the input (N, input_size)
     * @return x W_ih^T + b_ih, (N, G hidden_size)
     */
    protected Tensor project(Tensor batch) { return F.linear(batch, weightIh, biasIh); }

    @Override protected String extraRepr() {
        return inputSize + ", " + hiddenSize + (bias ? "" : ", bias=False") + nonlinearityRepr();
    }

    /**
     * The nonlinearity part of the repr.
     *
     * @return ", nonlinearity=relu" for a relu RNNCell; empty by default
     */
    protected String nonlinearityRepr() { return ""; }
}
