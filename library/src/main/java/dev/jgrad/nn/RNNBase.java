package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;
import dev.jgrad.nn.utils.PackedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * The recurrent layers RNN, LSTM and GRU: stacked layers, optionally bidirectional, over (L, N, H_in)
 * input ((N, L, H_in) with batchFirst, (L, H_in) unbatched). Computed as PyTorch computes them on the
 * CPU: each layer projects all time steps' inputs at once (x W_ih^T + b_ih), then steps its cell through
 * time; outputs are stacked, and the layers' final states too. Parameters are named, shaped, ordered
 * and initialised (uniform in +-1/sqrt(hidden_size), in registration order) as PyTorch's, so after
 * {@code manualSeed(s)} they are equal to PyTorch's ({@code torch.nn.RNNBase}).
 *
 * <p>Shape, with D = 2 if bidirectional else 1 and H_out = hidden_size: input (L, N, H_in), (N, L, H_in) with
 * batch_first, or unbatched (L, H_in); h0 (and c0) (D num_layers, N, H_out), or (D num_layers, H_out) unbatched,
 * null for zeros; output (L, N, D H_out) ((N, L, D H_out) with batch_first, (L, D H_out) unbatched), the last layer's
 * h at every step, both directions concatenated; h_n (and c_n) of h0's shape, every layer's final state. The input's
 * dtype must be the parameters' (float32 unless converted with {@link Module#to(dev.jgrad.DType)}).
 *
 * <p>Learnable parameters, for layer k (suffix "_reverse" for the backward direction), G = 1 (RNN), 4 (LSTM) or
 * 3 (GRU): weight_ih_lk (G hidden_size, H_in) for k = 0, else (G hidden_size, D hidden_size); weight_hh_lk
 * (G hidden_size, hidden_size); bias_ih_lk and bias_hh_lk (G hidden_size) when bias; all drawn from
 * U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)).
 *
 * <p>Errors on forward (IllegalArgumentException): an input of another rank ("LSTM: Expected input to be 2-D or 3-D
 * but received 4-D tensor"), another feature size ("input.size(-1) must be equal to input_size. Expected 3, got 5"),
 * a state of another shape ("Expected hidden size (1, 2, 4), got [1, 3, 4]").
 */
public abstract class RNNBase extends Module {
    /**
     * What a recurrent layer returns, PyTorch's {@code (output, h_n)} or {@code (output, (h_n, c_n))}.
     *
     * @param output the last layer's h at every step, (L, N, D H_out) (see the class comment for the other layouts)
     * @param h every layer's final h, h_n (D num_layers, N, H_out)
     * @param c every layer's final c for LSTM, c_n of h's shape; null for RNN and GRU
     */
    public record Output(Tensor output, Tensor h, Tensor c) {}

    /**
     * What a recurrent layer returns for packed input: the packed output, and each sequence's final h (and c) at its
     * own length, in the batch's original order.
     *
     * @param output the last layer's h at every step of every sequence, packed as the input was
     * @param h every layer's final h, (D num_layers, N, H_out)
     * @param c every layer's final c for LSTM, of h's shape; null for RNN and GRU
     */
    public record PackedOutput(PackedSequence output, Tensor h, Tensor c) {}

    /** {@code mode}: PyTorch's name of the cell, "RNN_TANH", "RNN_RELU", "LSTM" or "GRU". */
    public final String mode;
    /** {@code input_size}: the number of expected features in the input x. */
    public final int inputSize;
    /** {@code hidden_size}: the number of features in the hidden state h. */
    public final int hiddenSize;
    /** {@code num_layers}: the number of stacked layers. */
    public final int numLayers;
    /** {@code bias}: whether the layers have the biases b_ih and b_hh. */
    public final boolean bias;
    /** {@code batch_first}: whether inputs and outputs are (batch, seq, feature) instead of (seq, batch, feature). */
    public final boolean batchFirst;
    /** {@code bidirectional}: whether the layer is bidirectional. */
    public final boolean bidirectional;
    /** {@code dropout}: the dropout probability on the outputs of each layer but the last, in training mode. */
    public final double dropout;
    private final int gates;
    private final List<Parameter[]> cells = new ArrayList<>();  // per (layer, direction): w_ih, w_hh, b_ih, b_hh

    /**
     * The shared constructor of RNN, LSTM and GRU.
     *
     * @param mode "RNN_TANH", "RNN_RELU", "LSTM" or "GRU"
     * @param inputSize H_in, the number of features of the input
     * @param hiddenSize H_out, the number of features of the hidden state
     * @param numLayers the number of stacked layers
     * @param bias whether the layers have the biases b_ih and b_hh
     * @param batchFirst whether input and output are (N, L, H) instead of (L, N, H) (the states are not affected)
     * @param dropout the dropout probability on the outputs of each layer but the last, in training mode
     * @param bidirectional whether each layer also runs backward in time
     * @throws IllegalArgumentException if dropout is outside [0, 1] ("dropout should be a number in range [0, 1]
     *     representing the probability of an element being zeroed"), hiddenSize is not positive ("hidden_size must be
     *     greater than zero") or numLayers is not positive ("num_layers must be greater than zero")
     */
    protected RNNBase(String mode, int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout,
                      boolean bidirectional) {
        if (dropout < 0 || dropout > 1) {
            throw new IllegalArgumentException("dropout should be a number in range [0, 1] representing the probability of an element "
                    + "being zeroed");
        }
        if (hiddenSize <= 0) throw new IllegalArgumentException("hidden_size must be greater than zero");
        if (numLayers <= 0) throw new IllegalArgumentException("num_layers must be greater than zero");
        this.mode = mode;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.numLayers = numLayers;
        this.bias = bias;
        this.batchFirst = batchFirst;
        this.dropout = dropout;
        this.bidirectional = bidirectional;
        this.gates = switch (mode) {
            case "LSTM" -> 4;
            case "GRU" -> 3;
            default -> 1;
        };
        int directions = bidirectional ? 2 : 1;
        for (int layer = 0; layer < numLayers; layer++) {
            for (int dir = 0; dir < directions; dir++) {
                String suffix = "_l" + layer + (dir == 1 ? "_reverse" : "");
                int in = layer == 0 ? inputSize : hiddenSize * directions;
                Parameter[] p = new Parameter[4];
                p[0] = registerParameter("weight_ih" + suffix, new Parameter(Torch.empty(DType.FLOAT32, gates * (long) hiddenSize, in)));
                p[1] = registerParameter("weight_hh" + suffix, new Parameter(Torch.empty(DType.FLOAT32, gates * (long) hiddenSize, hiddenSize)));
                if (bias) {
                    p[2] = registerParameter("bias_ih" + suffix, new Parameter(Torch.empty(DType.FLOAT32, gates * (long) hiddenSize)));
                    p[3] = registerParameter("bias_hh" + suffix, new Parameter(Torch.empty(DType.FLOAT32, gates * (long) hiddenSize)));
                }
                cells.add(p);
            }
        }
        resetParameters();
    }

    /**
     * Re-draws every weight and bias from U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)), as PyTorch's
     * reset_parameters.
     */
    public void resetParameters() {
        double stdv = 1.0 / Math.sqrt(hiddenSize);
        for (Parameter p : parameters()) Init.uniform_(p, -stdv, stdv);
    }

    /**
     * The output only, from zero states (what a Sequential passes on).
     *
     * @param input (L, N, H_in), (N, L, H_in) with batch_first, or (L, H_in) unbatched
     * @return the last layer's h at every step (see the class comment)
     * @throws IllegalArgumentException if input's rank or feature size does not fit (see the class comment)
     */
    @Override public Tensor forward(Tensor input) { return run(input, null, null).output(); }

    /**
     * Packed input (see {@link dev.jgrad.nn.utils.Rnn#packSequence}) from zero states.
     *
     * @param input the packed sequences, data (sum of lengths, H_in)
     * @return the packed output and each sequence's final states
     * @throws IllegalArgumentException if the packed data is not 2-d ("input must have 2 dimensions, got 3") or its
     *     feature size is not input_size
     */
    public PackedOutput forward(PackedSequence input) { return runPacked(input, null, null); }

    /**
     * PyTorch's packed path: h0 (and c0) are given in the batch's original order and permuted by sortedIndices;
     * each step runs only the sequences still going, so a sequence's final state is the one at its last step.
     *
     * @param input the packed sequences, data (sum of lengths, H_in)
     * @param h0 the initial h (D num_layers, N, H_out) in the batch's original order, or null for zeros
     * @param c0 the initial c for LSTM, of h0's shape, or null (always null for RNN and GRU)
     * @return the packed output and each sequence's final states, in the batch's original order
     * @throws IllegalArgumentException if the packed data is not 2-d ("input must have 2 dimensions, got 3"), its
     *     feature size is not input_size, or a state has another shape ("Expected hidden size (1, 2, 4), got ...")
     */
    protected PackedOutput runPacked(PackedSequence input, Tensor h0, Tensor c0) {
        Tensor data = input.data();
        if (data.dim() != 2) throw new IllegalArgumentException("input must have 2 dimensions, got " + data.dim());
        if (data.size(-1) != inputSize) {
            throw new IllegalArgumentException("input.size(-1) must be equal to input_size. Expected " + inputSize + ", got " + data.size(-1));
        }
        long[] bs = input.batchSizes().toLongArray();
        int directions = bidirectional ? 2 : 1;
        long[] stateShape = {(long) numLayers * directions, bs[0], hiddenSize};
        Tensor h = state(permuted(h0, input.sortedIndices()), stateShape, true, data);
        Tensor c = mode.equals("LSTM") ? state(permuted(c0, input.sortedIndices()), stateShape, true, data) : null;
        List<Tensor> hs = new ArrayList<>(), cs = new ArrayList<>();
        Tensor layerInput = data;
        for (int layer = 0; layer < numLayers; layer++) {
            List<Tensor> outs = new ArrayList<>();
            for (int dir = 0; dir < directions; dir++) {
                int k = layer * directions + dir;
                Tensor[] fin = new Tensor[2];
                outs.add(packedDirection(layerInput, bs, cells.get(k), h.select(0, k), c == null ? null : c.select(0, k), dir == 1, fin));
                hs.add(fin[0]);
                if (c != null) cs.add(fin[1]);
            }
            layerInput = directions == 1 ? outs.get(0) : Torch.cat(outs, 1);
            if (dropout > 0 && isTraining() && layer < numLayers - 1) layerInput = F.dropout(layerInput, dropout, true);
        }
        Tensor hn = permuted(Torch.stack(hs, 0), input.unsortedIndices());
        Tensor cn = c == null ? null : permuted(Torch.stack(cs, 0), input.unsortedIndices());
        return new PackedOutput(input.withData(layerInput), hn, cn);
    }

    private static Tensor permuted(Tensor state, Tensor permutation) {
        return state == null || permutation == null ? state : state.indexSelect(1, permutation);
    }

    /**
     * One direction over packed steps, as PyTorch's PackedLayer / ReversedPackedLayer: forward, the rows of
     * finished sequences are set aside as the batch shrinks; backward, starting rows join as the batch grows.
     */
    private Tensor packedDirection(Tensor x, long[] bs, Parameter[] p, Tensor h, Tensor c, boolean reverse, Tensor[] fin) {
        Tensor projected = F.linear(x, p[0], p[2]);
        int steps = bs.length;
        long[] offsets = new long[steps];
        for (int t = 1; t < steps; t++) offsets[t] = offsets[t - 1] + bs[t - 1];
        Tensor[] outs = new Tensor[steps];
        if (!reverse) {
            List<Tensor> doneH = new ArrayList<>(), doneC = new ArrayList<>();
            long last = bs[0];
            for (int t = 0; t < steps; t++) {
                long b = bs[t];
                if (last > b) {
                    doneH.add(0, h.narrow(0, b, last - b));
                    h = h.narrow(0, 0, b);
                    if (c != null) {
                        doneC.add(0, c.narrow(0, b, last - b));
                        c = c.narrow(0, 0, b);
                    }
                }
                last = b;
                Tensor[] hc = cell(projected.narrow(0, offsets[t], b), h, c, p[1], p[3]);
                h = hc[0];
                c = hc[1];
                outs[t] = h;
            }
            doneH.add(0, h);
            fin[0] = Torch.cat(doneH, 0);
            if (c != null) {
                doneC.add(0, c);
                fin[1] = Torch.cat(doneC, 0);
            }
        } else {
            Tensor h0 = h, c0 = c;
            long last = bs[steps - 1];
            h = h0.narrow(0, 0, last);
            if (c0 != null) c = c0.narrow(0, 0, last);
            for (int t = steps - 1; t >= 0; t--) {
                long b = bs[t];
                if (b > last) {
                    h = Torch.cat(List.of(h, h0.narrow(0, last, b - last)), 0);
                    if (c0 != null) c = Torch.cat(List.of(c, c0.narrow(0, last, b - last)), 0);
                }
                last = b;
                Tensor[] hc = cell(projected.narrow(0, offsets[t], b), h, c, p[1], p[3]);
                h = hc[0];
                c = hc[1];
                outs[t] = h;
            }
            fin[0] = h;
            fin[1] = c;
        }
        return Torch.cat(List.of(outs), 0);
    }

    /**
     * Runs every layer over the whole sequence.
     *
     * @param input (L, N, H_in), (N, L, H_in) with batch_first, or (L, H_in) unbatched
     * @param h0 the initial h (D num_layers, N, H_out), or (D num_layers, H_out) unbatched; null for zeros
     * @param c0 the initial c for LSTM, of h0's shape, or null (always null for RNN and GRU)
     * @return the output and the final states
     * @throws IllegalArgumentException if input's rank or feature size, or a state's shape, does not fit (see the
     *     class comment)
     */
    protected Output run(Tensor input, Tensor h0, Tensor c0) {
        boolean batched = input.dim() == 3;
        if (input.dim() != 2 && input.dim() != 3) {
            throw new IllegalArgumentException(mode + ": Expected input to be 2-D or 3-D but received " + input.dim() + "-D tensor");
        }
        if (input.size(-1) != inputSize) {
            throw new IllegalArgumentException("input.size(-1) must be equal to input_size. Expected " + inputSize + ", got " + input.size(-1));
        }
        Tensor x = batched ? (batchFirst ? input.transpose(0, 1) : input) : input.unsqueeze(1);  // (L, N, H_in)
        int directions = bidirectional ? 2 : 1;
        long n = x.size(1);
        long[] stateShape = {(long) numLayers * directions, n, hiddenSize};
        Tensor h = state(h0, stateShape, batched, x);
        Tensor c = mode.equals("LSTM") ? state(c0, stateShape, batched, x) : null;
        List<Tensor> hs = new ArrayList<>(), cs = new ArrayList<>();
        Tensor layerInput = x;
        for (int layer = 0; layer < numLayers; layer++) {
            List<Tensor> outs = new ArrayList<>();
            for (int dir = 0; dir < directions; dir++) {
                int k = layer * directions + dir;
                Tensor[] fin = new Tensor[2];
                outs.add(direction(layerInput, cells.get(k), h.select(0, k), c == null ? null : c.select(0, k), dir == 1, fin));
                hs.add(fin[0]);
                if (c != null) cs.add(fin[1]);
            }
            layerInput = directions == 1 ? outs.get(0) : Torch.cat(outs, 2);
            if (dropout > 0 && isTraining() && layer < numLayers - 1) layerInput = F.dropout(layerInput, dropout, true);
        }
        Tensor output = layerInput, hn = Torch.stack(hs, 0), cn = c == null ? null : Torch.stack(cs, 0);
        if (!batched) {
            return new Output(output.squeeze(1), hn.squeeze(1), cn == null ? null : cn.squeeze(1));
        }
        if (!batchFirst) return new Output(output, hn, cn);
        // PyTorch's LSTM transposes in Python, its RNN and GRU in place in C++: the nodes differ, the values not
        Tensor first = mode.equals("LSTM") ? output.transpose(0, 1) : dev.jgrad.internal.ops.Views.transposeAsInPlace(output, 0, 1);
        return new Output(first, hn, cn);
    }

    private Tensor state(Tensor given, long[] shape, boolean batched, Tensor like) {
        if (given == null) return Torch.zeros(like.dtype(), like.device(), shape);
        Tensor s = batched ? given : given.unsqueeze(1);
        if (!java.util.Arrays.equals(s.shape(), shape)) {
            long[] expected = batched ? shape : new long[] {shape[0], shape[2]};
            throw new IllegalArgumentException("Expected hidden size " + Repr.tuple(expected) + ", got " + dev.jgrad.internal.core.Shapes.format(
                    given.shape()));
        }
        return s;
    }

    /** One direction of one layer over all steps of x (L, N, in): its outputs stacked (L, N, hidden); fin gets the final h (and c). */
    private Tensor direction(Tensor x, Parameter[] p, Tensor h, Tensor c, boolean reverse, Tensor[] fin) {
        Tensor projected = F.linear(x, p[0], p[2]);  // every step's input part at once, as PyTorch's CPU path
        List<Tensor> steps = projected.unbind(0);
        int len = steps.size();
        Tensor[] outs = new Tensor[len];
        for (int i = 0; i < len; i++) {
            int t = reverse ? len - 1 - i : i;
            Tensor[] hc = cell(steps.get(t), h, c, p[1], p[3]);
            h = hc[0];
            c = hc[1];
            outs[t] = h;
        }
        fin[0] = h;
        fin[1] = c;
        return len == 0 ? Torch.zeros(x.dtype(), x.device(), 0, x.size(1), hiddenSize) : Torch.stack(List.of(outs), 0);
    }

    /**
     * One step of the cell from the projected input.
     *
     * @param xw the step's input projected, x W_ih^T + b_ih, (N, G hidden_size)
     * @param h the previous h (N, hidden_size)
     * @param c the previous c (N, hidden_size) for LSTM, else null
     * @param wHh the layer's weight_hh (G hidden_size, hidden_size)
     * @param bHh the layer's bias_hh (G hidden_size), or null without bias
     * @return {new h, new c (null but for LSTM)}
     */
    protected abstract Tensor[] cell(Tensor xw, Tensor h, Tensor c, Tensor wHh, Tensor bHh);

    @Override protected String extraRepr() {
        StringBuilder s = new StringBuilder(inputSize + ", " + hiddenSize);
        if (numLayers != 1) s.append(", num_layers=").append(numLayers);
        if (!bias) s.append(", bias=False");
        if (batchFirst) s.append(", batch_first=True");
        if (dropout != 0) s.append(", dropout=").append(Repr.pyFloat(dropout));
        if (bidirectional) s.append(", bidirectional=True");
        return s.toString();
    }

    // ---------------------------------------------------------------- the cells, as PyTorch's CPU cells compute them

    /** h' = act(h W_hh^T + b_hh + xw). */
    static Tensor rnnStep(Tensor xw, Tensor h, Tensor wHh, Tensor bHh, boolean relu) {
        Tensor pre = F.linear(h, wHh, bHh).add(xw);
        return relu ? pre.relu() : pre.tanh();
    }

    /** gates i, f, g, o from h W_hh^T + b_hh + xw; c' = f c + i g; h' = o tanh(c'). */
    static Tensor[] lstmStep(Tensor xw, Tensor h, Tensor c, Tensor wHh, Tensor bHh) {
        List<Tensor> g = F.linear(h, wHh, bHh).add(xw).chunk(4, 1);
        Tensor in = g.get(0).sigmoid(), forget = g.get(1).sigmoid(), cell = g.get(2).tanh(), out = g.get(3).sigmoid();
        Tensor cy = forget.mul(c).add(in.mul(cell));
        return new Tensor[] {out.mul(cy.tanh()), cy};
    }

    /** r, z from the summed parts; n = tanh(xw_n + r (h W_hn^T + b_hn)); h' = (h - n) z + n. */
    static Tensor gruStep(Tensor xw, Tensor h, Tensor wHh, Tensor bHh) {
        List<Tensor> ig = xw.chunk(3, 1), hg = F.linear(h, wHh, bHh).chunk(3, 1);
        Tensor reset = hg.get(0).add(ig.get(0)).sigmoid();
        Tensor update = hg.get(1).add(ig.get(1)).sigmoid();
        Tensor candidate = ig.get(2).add(hg.get(2).mul(reset)).tanh();
        return h.sub(candidate).mul(update).add(candidate);
    }
}
