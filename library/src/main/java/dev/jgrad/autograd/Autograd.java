package dev.jgrad.autograd;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.internal.autograd.AnomalyMode;
import dev.jgrad.internal.autograd.Engine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code torch.autograd}: {@link #backward} accumulates gradients into leaves' {@code .grad};
 * {@link #grad} returns them instead.
 */
public final class Autograd {
    private static final System.Logger LOG = System.getLogger("dev.jgrad.autograd");

    private Autograd() {}

    /**
     * {@code torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph, inputs)}.
     *
     * @param gradTensors null, or one gradient (or null for one-element outputs) per tensor
     * @param inputs      null to accumulate into every leaf, else only into these tensors
     *
     * @param tensors the outputs to differentiate (each requiring grad)
     * @param retainGraph whether the graph is kept for another backward pass (else its buffers are freed)
     * @param createGraph whether the derivative's own graph is built (for higher-order derivatives)
     * @throws IllegalStateException if an output does not require grad ("element 0 of tensors does not require grad and
     *     does not have a grad_fn") or needs an explicit gradient ("grad can be implicitly created only for scalar
     *     outputs")
     * @throws IllegalArgumentException if a gradient's shape differs from its output's ("Mismatch in shape:
     *     grad_output[0] has a shape of ... and output[0] has a shape of ...."), the gradient count differs, or inputs is
     *     empty or holds a tensor that does not require grad
     */
    public static void backward(List<Tensor> tensors, List<Tensor> gradTensors, boolean retainGraph, boolean createGraph,
                                List<Tensor> inputs) {
        if (inputs != null && inputs.isEmpty()) throw new IllegalArgumentException("'inputs' argument to backward() cannot be empty.");
        List<Tensor> grads = makeGrads(tensors, gradTensors, false);
        if (inputs != null) {
            for (Tensor in : inputs) {
                if (!in.requiresGrad()) throw new IllegalArgumentException("One of the differentiated Tensors does not require grad");
            }
            // a non-leaf named in inputs keeps its gradient, now and in later passes, as in PyTorch
            for (Tensor in : inputs) if (!in.isLeaf()) in.retainGrad();
        }
        Engine.run(tensors, grads, retainGraph, createGraph, inputs, true);
    }

    /**
     * {@code torch.autograd.detect_anomaly()}: until the guard closes, nodes remember the forward call that
     * made them and backward fails on the first NaN a node returns ("Function 'XBackward0' returned nan values
     * in its 0th output."), with the forward call's stack attached as a suppressed exception. Slow: for debugging.
     *
     * @return a guard that restores the previous anomaly mode when closed
     */
    public static AnomalyGuard detectAnomaly() { return detectAnomaly(true); }

    /**
     * detect_anomaly(check_nan): with checkNan false, only the forward traces are kept.
     *
     * <p>PyTorch: {@code torch.autograd.detect_anomaly}.
     *
     * @param checkNan whether backward fails on the first NaN a node returns
     * @return a guard that restores the previous anomaly mode when closed
     */
    public static AnomalyGuard detectAnomaly(boolean checkNan) {
        LOG.log(System.Logger.Level.WARNING, "Anomaly Detection has been enabled. This mode will increase the runtime and should only be "
                + "enabled for debugging.");
        return new AnomalyGuard(AnomalyMode.set(true, checkNan));
    }

    /**
     * {@code torch.autograd.set_detect_anomaly(mode)}: turns anomaly mode on or off until the guard closes.
     *
     * @param mode true to turn anomaly mode on, false to turn it off
     * @return a guard that restores the previous anomaly mode when closed
     */
    public static AnomalyGuard setDetectAnomaly(boolean mode) { return new AnomalyGuard(AnomalyMode.set(mode, true)); }

    /**
     * {@code torch.is_anomaly_enabled()}.
     *
     * @return whether anomaly mode is on
     */
    public static boolean isAnomalyEnabled() { return AnomalyMode.isEnabled(); }

    /** Restores the anomaly mode found when it was made. */
    public static final class AnomalyGuard implements AutoCloseable {
        private final boolean[] previous;

        private AnomalyGuard(boolean[] previous) { this.previous = previous; }

        @Override public void close() { AnomalyMode.set(previous[0], previous[1]); }
    }

    /**
     * {@code torch.autograd.grad(outputs, inputs)} with defaults.
     *
     * @param output the one-element output to differentiate
     * @param input the tensor to differentiate with respect to (requiring grad)
     * @return a one-element list: the gradient of output with respect to input, of input's shape, detached
     * @throws IllegalArgumentException if input does not require grad ("One of the differentiated Tensors does not
     *     require grad") or output does not depend on it ("One of the differentiated Tensors appears to not have been used
     *     in the graph. Set allow_unused=True if this is the desired behavior.")
     * @throws IllegalStateException if output does not require grad or has more than one element ("grad can be
     *     implicitly created only for scalar outputs")
     */
    public static List<Tensor> grad(Tensor output, Tensor input) {
        return grad(List.of(output), List.of(input), null, false, false, false);
    }

    /**
     * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused)}:
     * one gradient per input (null for unused inputs when allowUnused). Never touches {@code .grad}.
     *
     * @param outputs the outputs to differentiate
     * @param inputs the tensors to differentiate with respect to (non-empty, each requiring grad)
     * @param gradOutputs null, or one gradient per output, of its shape (null allowed for one-element outputs)
     * @param retainGraph whether the graph is kept for another backward pass (else its buffers are freed)
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param allowUnused whether an input the outputs do not depend on gets null (else it is an error)
     * @return one gradient per input, of its shape (null for an unused input when allowUnused); detached unless
     *     createGraph
     * @throws IllegalArgumentException if an input does not require grad ("One of the differentiated Tensors does not
     *     require grad"), is unused while allowUnused is false ("One of the differentiated Tensors appears to not have been
     *     used in the graph. Set allow_unused=True if this is the desired behavior."), or a gradient's shape differs from
     *     its output's
     * @throws IllegalStateException if an output does not require grad or needs an explicit gradient ("grad can be
     *     implicitly created only for scalar outputs")
     */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs,
                                    boolean retainGraph, boolean createGraph, boolean allowUnused) {
        return grad(outputs, inputs, gradOutputs, retainGraph, createGraph, allowUnused, false);
    }

    /**
     * As above; materializeGrads turns unused inputs' null into zeros.
     *
     * <p>PyTorch: {@code torch.autograd.grad}.
     *
     * @param outputs the outputs to differentiate
     * @param inputs the tensors to differentiate with respect to (non-empty, each requiring grad)
     * @param gradOutputs null, or one gradient per output, of its shape (null allowed for one-element outputs)
     * @param retainGraph whether the graph is kept for another backward pass (else its buffers are freed)
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param allowUnused whether an input the outputs do not depend on gets null (else it is an error)
     * @param materializeGrads whether an unused input gets zeros instead of null
     * @return one gradient per input, of its shape (for an unused input: zeros under materializeGrads, else null when
     *     allowUnused); detached unless createGraph
     * @throws IllegalArgumentException if an input does not require grad ("One of the differentiated Tensors does not
     *     require grad"), is unused while allowUnused is false ("One of the differentiated Tensors appears to not have been
     *     used in the graph. Set allow_unused=True if this is the desired behavior."), or a gradient's shape differs from
     *     its output's
     * @throws IllegalStateException if an output does not require grad or needs an explicit gradient ("grad can be
     *     implicitly created only for scalar outputs")
     */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs,
                                    boolean retainGraph, boolean createGraph, boolean allowUnused, boolean materializeGrads) {
        if (inputs == null || inputs.isEmpty()) throw new IllegalArgumentException("grad requires non-empty inputs.");
        for (Tensor in : inputs) {
            if (in == null) throw new IllegalArgumentException("grad(): inputs must not contain null");
            if (!in.requiresGrad()) throw new IllegalArgumentException("One of the differentiated Tensors does not require grad");
        }
        List<Tensor> grads = makeGrads(outputs, gradOutputs, true);
        Tensor[] result = Engine.run(outputs, grads, retainGraph || createGraph, createGraph, inputs, false);
        List<Tensor> out = new ArrayList<>(result.length);
        for (int i = 0; i < result.length; i++) {
            Tensor g = result[i];
            if (g == null) {
                if (materializeGrads) g = Torch.zerosLike(inputs.get(i));
                else if (!allowUnused) {
                    throw new IllegalArgumentException("One of the differentiated Tensors appears to not have been used in the graph. "
                            + "Set allow_unused=True if this is the desired behavior.");
                }
            } else if (!createGraph) {
                g = g.detach();
            }
            out.add(g);
        }
        return out;
    }

    /** Checks outputs and builds their gradients: implicit ones for one-element outputs, explicit ones checked by shape. */
    private static List<Tensor> makeGrads(List<Tensor> outputs, List<Tensor> given, boolean isGradCall) {
        if (outputs == null || outputs.isEmpty()) throw new IllegalArgumentException("backward(): no tensors to differentiate");
        if (given != null && given.size() != outputs.size()) {
            throw new IllegalArgumentException("grad_tensors should have the same length as tensors: got " + given.size()
                    + " and " + outputs.size());
        }
        List<Tensor> grads = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            Tensor out = outputs.get(i);
            if (out == null) throw new IllegalArgumentException("backward(): tensors must not contain null");
            if (!out.requiresGrad()) {
                throw new IllegalStateException("element " + i + " of tensors does not require grad and does not have a grad_fn");
            }
            Tensor g = given == null ? null : given.get(i);
            if (g == null) {
                if (out.numel() != 1) throw new IllegalStateException("grad can be implicitly created only for scalar outputs");
                grads.add(Torch.onesLike(out));
            } else {
                if (!Arrays.equals(out.shape(), g.shape())) {
                    throw new IllegalArgumentException("Mismatch in shape: grad_output[" + i + "] has a shape of " + g.size()
                            + " and output[" + i + "] has a shape of " + out.size() + ".");
                }
                if (g.dtype() != out.dtype()) {
                    if (!g.dtype().isFloatingPoint()) {
                        throw new IllegalArgumentException("For output " + i + ", grad must be a floating point tensor, got "
                                + g.dtype());
                    }
                    g = g.to(out.dtype());
                }
                grads.add(g);
            }
        }
        return grads;
    }
}
