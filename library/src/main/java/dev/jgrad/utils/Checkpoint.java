package dev.jgrad.utils;

import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.autograd.Autograd;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code torch.utils.checkpoint.checkpoint} (the reentrant form, PyTorch 1.13's default): runs a segment of
 * the model without keeping its intermediate tensors, and runs it again during backward to get them. Memory
 * for time. The default generator's state is saved before the forward and restored for the recomputation,
 * so dropout draws the same masks both times.
 */
public final class Checkpoint {
    private static final System.Logger LOG = System.getLogger("dev.jgrad.utils");

    private Checkpoint() {}

    /**
     * {@code checkpoint(fn, input)} for a segment of one tensor in and one out.
     *
     * @param fn     the segment, run now without keeping its intermediates and again during backward
     * @param input  its input (when it does not require grad, PyTorch's warning "None of the inputs have
     *               requires_grad=True. Gradients will be None" is logged)
     * @return fn's output, whose backward recomputes fn (its node prints as {@code CheckpointFunctionBackward})
     * @throws IllegalStateException during backward, with PyTorch's texts: when the graph is differentiated with
     *         {@code Autograd.grad} or {@code backward(inputs=...)} ("Checkpointing is not compatible with .grad() or when
     *         an `inputs` parameter is passed to .backward(). ..."), or when no output of the recomputation requires
     *         grad ("none of output has requires_grad=True, this checkpoint() is not necessary")
     */
    public static Tensor checkpoint(UnaryOperator<Tensor> fn, Tensor input) {
        return checkpoint(in -> List.of(fn.apply(in.get(0))), List.of(input)).get(0);
    }

    /**
     * {@code checkpoint(fn, *inputs)} for a segment of several tensors in and out, the default generator's state
     * preserved for the recomputation.
     *
     * @param fn      the segment: the inputs' list in, a list of outputs out
     * @param inputs  its inputs (null elements allowed)
     * @return fn's outputs, as it returned them
     * @throws IllegalStateException during backward, with PyTorch's texts: when the graph is differentiated with
     *         {@code Autograd.grad} or {@code backward(inputs=...)} ("Checkpointing is not compatible with .grad() or when
     *         an `inputs` parameter is passed to .backward(). ..."), or when no output of the recomputation requires
     *         grad ("none of output has requires_grad=True, this checkpoint() is not necessary")
     */
    public static List<Tensor> checkpoint(Function<List<Tensor>, List<Tensor>> fn, List<Tensor> inputs) {
        return checkpoint(fn, inputs, true);
    }

    /**
     * {@code checkpoint(fn, *inputs, preserve_rng_state=...)}.
     *
     * @param fn                the segment: the inputs' list in, a list of outputs out
     * @param inputs            its inputs
     * @param preserveRngState  true: the recomputation draws the forward's random numbers again (dropout masks
     *                          match); false: fresh ones (faster, for segments with no randomness)
     * @return fn's outputs
     * @throws IllegalStateException during backward, with PyTorch's texts: when the graph is differentiated with
     *         {@code Autograd.grad} or {@code backward(inputs=...)} ("Checkpointing is not compatible with .grad() or when
     *         an `inputs` parameter is passed to .backward(). ..."), or when no output of the recomputation requires
     *         grad ("none of output has requires_grad=True, this checkpoint() is not necessary")
     */
    public static List<Tensor> checkpoint(Function<List<Tensor>, List<Tensor>> fn, List<Tensor> inputs, boolean preserveRngState) {
        return java.util.Arrays.asList(new CheckpointFunction(fn, preserveRngState).applyTuple(inputs.toArray(new Tensor[0])));
    }

    /** The recorded node prints as {@code CheckpointFunctionBackward}, as in PyTorch. */
    private static final class CheckpointFunction extends dev.jgrad.autograd.Function {
        private final Function<List<Tensor>, List<Tensor>> fn;
        private final boolean preserveRngState;
        private byte[] rngState;

        CheckpointFunction(Function<List<Tensor>, List<Tensor>> fn, boolean preserveRngState) {
            this.fn = fn;
            this.preserveRngState = preserveRngState;
        }

        @Override protected Tensor[] forwardTuple(Context ctx, Tensor... inputs) {
            boolean any = false;
            for (Tensor t : inputs) any |= t != null && t.requiresGrad();
            if (!any) LOG.log(System.Logger.Level.WARNING, "None of the inputs have requires_grad=True. Gradients will be None");
            if (preserveRngState) rngState = Generator.defaultGenerator().getState();
            ctx.saveForBackward(inputs);
            List<Tensor> outs = fn.apply(List.of(inputs));
            return outs.toArray(new Tensor[0]);
        }

        @Override protected Tensor[] backward(Context ctx, Tensor... gradOutputs) {
            if (!Engine.checkpointValid()) {
                throw new IllegalStateException("Checkpointing is not compatible with .grad() or when an `inputs` parameter is passed to "
                        + ".backward(). Please use .backward() and do not pass its `inputs` argument.");
            }
            List<Tensor> saved = ctx.savedTensors();
            List<Tensor> detached = new ArrayList<>(saved.size());
            for (Tensor t : saved) detached.add(t == null ? null : t.detach().requiresGrad_(t.requiresGrad()));
            List<Tensor> outs;
            Generator gen = Generator.defaultGenerator();
            byte[] now = preserveRngState ? gen.getState() : null;
            try (var g = GradMode.setEnabled(true)) {
                if (preserveRngState) gen.setState(rngState);
                outs = fn.apply(detached);
            } finally {
                if (preserveRngState) gen.setState(now);
            }
            List<Tensor> roots = new ArrayList<>(), grads = new ArrayList<>();
            for (int i = 0; i < outs.size(); i++) {
                Tensor o = outs.get(i);
                if (o != null && o.requiresGrad() && gradOutputs[i] != null) {
                    roots.add(o);
                    grads.add(gradOutputs[i]);
                }
            }
            if (roots.isEmpty()) {
                throw new IllegalStateException("none of output has requires_grad=True, this checkpoint() is not necessary");
            }
            Autograd.backward(roots, grads, false, false, null);
            Tensor[] r = new Tensor[detached.size()];
            for (int i = 0; i < r.length; i++) r[i] = detached.get(i) == null ? null : detached.get(i).grad();
            return r;
        }
    }
}
