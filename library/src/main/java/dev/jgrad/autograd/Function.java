package dev.jgrad.autograd;

import dev.jgrad.Edge;
import dev.jgrad.Node;
import dev.jgrad.Tensor;
import dev.jgrad.internal.TensorInternals;
import dev.jgrad.internal.autograd.DerivativeHelpers;
import dev.jgrad.internal.autograd.InPlace;
import dev.jgrad.internal.autograd.SavedTensor;
import dev.jgrad.internal.autograd.ViewTracking;
import dev.jgrad.internal.ops.Views;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A custom differentiable op, as {@code torch.autograd.Function}: subclass it, implement
 * {@link #forward} (or {@link #forwardTuple} for several outputs) and {@link #backward}, and call
 * {@link #apply} (or {@link #applyTuple}). Non-tensor arguments of PyTorch's {@code forward} become
 * constructor arguments of the subclass.
 *
 * <pre>{@code
 * class Exp extends Function {
 *     protected Tensor forward(Context ctx, Tensor... in) { Tensor r = in[0].exp(); ctx.saveForBackward(r); return r; }
 *     protected Tensor[] backward(Context ctx, Tensor... grad) { return new Tensor[] {grad[0].mul(ctx.savedTensors().get(0))}; }
 * }
 * Tensor y = new Exp().apply(x);   // y.gradFn() prints <ExpBackward>
 * }</pre>
 *
 * <p>forward runs with grad disabled; backward runs with grad enabled only under createGraph, gets one
 * gradient per output, and must return one gradient (or null) per input. Annotate backward with
 * {@link OnceDifferentiable} when it is not itself differentiable. Outputs are wrapped as PyTorch's
 * {@code _wrap_outputs} does: an input returned as-is comes back as a new view of it, an input marked
 * dirty takes the node as its new history (through its base when it is a view), and views returned
 * by a custom Function may not be modified in place.
 */
public abstract class Function {
    /** For subclasses: a Function holds its non-tensor arguments as fields set by its own constructor. */
    protected Function() {}

    /** What forward leaves for backward: saved tensors, flags, and any named values. */
    public static final class Context {
        private SavedTensor[] saved = new SavedTensor[0];
        private boolean[] needsInputGrad = new boolean[0];
        private final List<Tensor> dirty = new ArrayList<>();
        private final List<Tensor> nonDifferentiable = new ArrayList<>();
        private final Map<String, Object> values = new HashMap<>();

        /** One per call of {@link Function#apply}, which makes it. */
        Context() {}
        private boolean materializeGrads = true;

        /**
         * Saves tensors for backward; they are checked against later in-place changes.
         *
         * <p>PyTorch: {@code ctx.save_for_backward}.
         *
         * @param tensors the inputs or outputs backward needs (null entries allowed)
         */
        public void saveForBackward(Tensor... tensors) {
            saved = new SavedTensor[tensors.length];
            for (int i = 0; i < tensors.length; i++) saved[i] = tensors[i] == null ? null : new SavedTensor(tensors[i], null);
        }

        /**
         * The tensors saved in forward, in order (null where null was saved).
         *
         * <p>PyTorch: {@code ctx.saved_tensors}.
         *
         * @return the saved tensors, in the order saved
         * @throws IllegalStateException if a saved tensor was modified in place since it was saved (PyTorch's "one of
         *     the variables needed for gradient computation has been modified by an inplace operation" message) or the
         *     graph was freed by a previous backward
         */
        public List<Tensor> savedTensors() {
            List<Tensor> r = new ArrayList<>(saved.length);
            for (SavedTensor s : saved) r.add(s == null ? null : s.unpack());
            return r;
        }

        /** The saved tensors without version checks, nulls and freed ones left out: for drawing the graph. */
        List<Tensor> peekSaved() {
            List<Tensor> r = new ArrayList<>(saved.length);
            for (SavedTensor s : saved) if (s != null && s.peek() != null) r.add(s.peek());
            return r;
        }

        /**
         * Whether input i needs a gradient.
         *
         * <p>PyTorch: {@code ctx.needs_input_grad}.
         *
         * @param i the index of the input
         * @return whether forward input i requires grad (false past the last input)
         */
        public boolean needsInputGrad(int i) { return i < needsInputGrad.length && needsInputGrad[i]; }

        /**
         * Declares inputs that forward modified in place (and returns).
         *
         * <p>PyTorch: {@code ctx.mark_dirty}.
         *
         * @param tensors the inputs forward modified in place; each must be returned as an output
         */
        public void markDirty(Tensor... tensors) { dirty.addAll(List.of(tensors)); }

        /**
         * Declares outputs that are not differentiable (they get no history).
         *
         * <p>PyTorch: {@code ctx.mark_non_differentiable}.
         *
         * @param tensors the outputs that get no history
         */
        public void markNonDifferentiable(Tensor... tensors) { nonDifferentiable.addAll(List.of(tensors)); }

        /**
         * With false, missing output gradients reach backward as null instead of zeros.
         *
         * <p>PyTorch: {@code ctx.set_materialize_grads}.
         *
         * @param value false to pass missing output gradients as null, true (the default) for zeros
         */
        public void setMaterializeGrads(boolean value) { materializeGrads = value; }

        /**
         * Keeps a non-tensor value for backward, as attributes set on {@code ctx} in PyTorch (tensors go through
         * saveForBackward).
         *
         * <p>PyTorch: {@code setattr(ctx, key, value)}.
         *
         * @param key the name of the value
         * @param value the value (any object)
         */
        public void put(String key, Object value) { values.put(key, value); }

        /**
         * Reads a value stored by {@link #put} (null when none), cast to the caller's type.
         *
         * <p>PyTorch: {@code getattr(ctx, key)}.
         *
         * @param <T> the type of the value
         * @param key the name of the value
         * @return the value stored under key, or null
         */
        @SuppressWarnings("unchecked")
        public <T> T get(String key) { return (T) values.get(key); }

        void release() { for (SavedTensor s : saved) if (s != null) s.release(); }
    }

    /**
     * The single output of a one-output Function; override this or {@link #forwardTuple}.
     *
     * <p>PyTorch: {@code Function.forward}.
     *
     * @param ctx the context shared between forward and backward
     * @param inputs the tensors passed to apply
     * @return the output
     * @throws UnsupportedOperationException if neither forward nor forwardTuple is overridden ("You must implement the
     *     forward function for custom autograd.Function.")
     */
    protected Tensor forward(Context ctx, Tensor... inputs) {
        throw new UnsupportedOperationException("You must implement the forward function for custom autograd.Function. ("
                + getClass().getName() + " overrides neither forward nor forwardTuple)");
    }

    /**
     * The outputs of a Function with several (null entries are outputs that are not tensors).
     *
     * <p>PyTorch: {@code Function.forward}.
     *
     * @param ctx the context shared between forward and backward
     * @param inputs the tensors passed to applyTuple
     * @return the outputs (null entries for outputs that are not tensors)
     */
    protected Tensor[] forwardTuple(Context ctx, Tensor... inputs) { return new Tensor[] {forward(ctx, inputs)}; }

    /**
     * One gradient per forward input (null where there is none), from one gradient per output.
     *
     * <p>PyTorch: {@code torch.autograd.backward}.
     *
     * @param ctx the context shared between forward and backward
     * @param gradOutputs one gradient per output, of its shape (null or zeros where none)
     * @return one gradient per forward input, of its shape, or null where it has none
     */
    protected abstract Tensor[] backward(Context ctx, Tensor... gradOutputs);

    /**
     * Runs a one-output Function; when any input requires grad, records a {@code <ClassName>Backward} node.
     *
     * <p>PyTorch: {@code Function.apply}.
     *
     * @param inputs the inputs to forward
     * @return the output (with a grad_fn when an input requires grad)
     * @throws IllegalStateException if forward gives several outputs (call applyTuple), backward returns the wrong
     *     number of gradients ("function XBackward returned an incorrect number of gradients (expected n, got m)"), or a
     *     marked-dirty input is a leaf that requires grad
     */
    public final Tensor apply(Tensor... inputs) {
        Tensor[] outs = applyTuple(inputs);
        if (outs.length != 1) {
            throw new IllegalStateException(getClass().getSimpleName() + " returns " + outs.length + " outputs; call applyTuple");
        }
        return outs[0];
    }

    /**
     * Runs the Function and returns all its outputs, wrapped as PyTorch wraps them.
     *
     * <p>PyTorch: {@code Function.apply}.
     *
     * @param inputs the inputs to forward
     * @return the outputs (with a grad_fn when an input requires grad)
     * @throws IllegalStateException if backward returns the wrong number of gradients, or an input marked dirty was not
     *     returned or is a leaf that requires grad
     */
    public final Tensor[] applyTuple(Tensor... inputs) {
        Context ctx = new Context();
        boolean anyRequiresGrad = false;
        ctx.needsInputGrad = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            ctx.needsInputGrad[i] = inputs[i] != null && inputs[i].requiresGrad();
            anyRequiresGrad |= ctx.needsInputGrad[i];
        }
        boolean executable = anyRequiresGrad && GradMode.isEnabled();
        Tensor[] outs;
        try (var g = GradMode.setEnabled(false)) {
            outs = forwardTuple(ctx, inputs);
        }
        if (outs == null) outs = new Tensor[] {null};
        outs = outs.clone();
        for (Tensor d : ctx.dirty) {
            if (!contains(outs, d)) {
                throw new IllegalStateException("Some elements marked as dirty during the forward method were not returned as output. The "
                        + "inputs that are modified inplace must all be outputs of the Function.");
            }
        }
        FunctionNode node = null;
        if (executable) {
            node = new FunctionNode(getClass().getSimpleName() + "Backward", this, ctx, onceDifferentiable(getClass()));
            Edge[] edges = new Edge[inputs.length];
            for (int i = 0; i < inputs.length; i++) edges[i] = TensorInternals.gradientEdge(inputs[i]);
            node.setEdges(edges);
            node.setOutputsAllowingNulls(outs);
        }
        int differentiableOutputs = 0;
        for (int i = 0; i < outs.length; i++) {
            Tensor out = outs[i];
            if (out == null) continue;
            boolean isInput = contains(inputs, out), isModified = contains(ctx.dirty, out);
            boolean differentiable = node != null && !contains(ctx.nonDifferentiable, out) && out.isFloatingPoint();
            outs[i] = wrapOutput(out, node, i, outs.length, isInput, isModified, differentiable);
            if (!(isInput && isModified) && outs[i].isView()) TensorInternals.setCreationMeta(outs[i], ViewTracking.IN_CUSTOM_FUNCTION);
            if (differentiable) differentiableOutputs++;
        }
        if (differentiableOutputs > 1) {
            for (Tensor out : outs) if (out != null && out.isView()) TensorInternals.setCreationMeta(out, ViewTracking.MULTI_OUTPUT_NODE);
        }
        return outs;
    }

    /** PyTorch's set_history for one output of a custom Function. */
    private static Tensor wrapOutput(Tensor out, FunctionNode node, int index, int numOutputs, boolean isInput, boolean isModified,
                                     boolean differentiable) {
        if (!differentiable) {
            if (!out.requiresGrad()) return isInput && !isModified ? viewOfSelfWithoutGrad(out) : out;
            // detached aliases of inputs rather than changing their requires_grad
            if (isInput) return out.detach();
            if (!out.isView()) out.detach_();
            return out;
        }
        if (isModified) {
            if (out.isLeaf() && out.requiresGrad()) {
                throw new IllegalStateException("a leaf Variable that requires grad has been used in an in-place operation.");
            }
            if (out.isView() && numOutputs > 1) {
                throw new IllegalStateException("If your Function modifies inplace an input that is a view of another Tensor, your Function "
                        + "cannot return more than one Tensor. This is not supported by the current autograd engine. You should either make "
                        + "sure the input is not a view (using .clone() for example) or make your Function only return one Tensor "
                        + "(potentially splitting it into two Functions: one doing the inplace that returns a single Tensor and a second "
                        + "one that does the other operations). You can ask on the forum https://discuss.pytorch.org/ if you need help to "
                        + "do this change.");
            }
            TensorInternals.setGrad(out, null);
            InPlace.rebase(out, node, index);
            return out;
        }
        Tensor r = isInput ? viewOfSelfWithoutGrad(out) : out;  // a new tensor, so the input keeps its own history
        TensorInternals.setHistory(r, node, index);
        return r;
    }

    /** {@code view_as(self)} under no_grad: a new tensor object viewing the same memory. */
    private static Tensor viewOfSelfWithoutGrad(Tensor t) {
        try (var g = GradMode.setEnabled(false)) {
            return Views.make(t, TensorInternals.shape(t), TensorInternals.strides(t), TensorInternals.offset(t));
        }
    }

    private static boolean contains(Tensor[] ts, Tensor t) {
        for (Tensor x : ts) if (x == t) return true;
        return false;
    }

    private static boolean contains(List<Tensor> ts, Tensor t) {
        for (Tensor x : ts) if (x == t) return true;
        return false;
    }

    private static final ClassValue<Boolean> ONCE_DIFFERENTIABLE = new ClassValue<>() {
        @Override protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Function.class; c = c.getSuperclass()) {
                try {
                    return c.getDeclaredMethod("backward", Context.class, Tensor[].class).isAnnotationPresent(OnceDifferentiable.class);
                } catch (NoSuchMethodException e) {
                    // declared further up
                }
            }
            return false;
        }
    };

    private static boolean onceDifferentiable(Class<?> type) { return ONCE_DIFFERENTIABLE.get(type); }

    /** Runs the user's backward with PyTorch's checks on what it returns. */
    private static final class FunctionNode extends Node implements dev.jgrad.internal.autograd.InspectableNode {
        private final String name;
        private final Function fn;
        private final Context ctx;
        private final boolean once;

        FunctionNode(String name, Function fn, Context ctx, boolean once) {
            this.name = name;
            this.fn = fn;
            this.ctx = ctx;
            this.once = once;
        }

        @Override public List<Tensor> savedTensors() { return ctx.peekSaved(); }

        @Override public boolean isCustomFunction() { return true; }

        /** Outputs that are not tensors get a placeholder slot: their gradient stays null. */
        void setOutputsAllowingNulls(Tensor[] outs) {
            List<Tensor> present = new ArrayList<>();
            for (Tensor t : outs) if (t != null) present.add(t);
            setOutputs(present.toArray(new Tensor[0]));
            int[][] shapes = new int[outs.length][];
            dev.jgrad.DType[] dtypes = new dev.jgrad.DType[outs.length];
            for (int i = 0, k = 0; i < outs.length; i++) {
                if (outs[i] == null) continue;
                shapes[i] = outputShapes[k];
                dtypes[i] = outputDtypes[k++];
            }
            outputShapes = shapes;
            outputDtypes = dtypes;
        }

        @Override public int[] outputShape(int i) { return outputShapes[i] == null ? new int[0] : outputShapes[i]; }

        @Override public String name() { return name; }

        @Override protected Tensor[] compute(Tensor[] grads) {
            Tensor[] g = grads.clone();
            if (ctx.materializeGrads) {
                for (int i = 0; i < g.length; i++) {
                    if (g[i] == null && outputShapes[i] != null) {
                        g[i] = dev.jgrad.Torch.zeros(outputDtypes[i], outputDevice, DerivativeHelpers.toLong(outputShapes[i]));
                    }
                }
            }
            Tensor[] r;
            if (once) {
                try (var noGrad = GradMode.setEnabled(false)) {
                    r = fn.backward(ctx, g);
                }
                r = delayErrorIfDifferentiated(r, g);
            } else {
                r = fn.backward(ctx, g);
            }
            if (r == null) r = new Tensor[numInputs()];  // Python's "return None": no gradient for any input
            if (r.length != numInputs()) {
                // PyTorch allows extra trailing nulls
                boolean extraNulls = r.length > numInputs() && java.util.Arrays.stream(r, numInputs(), r.length).allMatch(t -> t == null);
                if (!extraNulls) {
                    throw new IllegalStateException("function " + name + " returned an incorrect number of gradients (expected "
                            + numInputs() + ", got " + r.length + ")");
                }
                r = java.util.Arrays.copyOf(r, numInputs());
            }
            for (int i = 0; i < r.length; i++) if (next[i].node() == null) r[i] = null;
            return r;
        }

        /**
         * once_differentiable under createGraph: the results get a node that throws if anyone differentiates
         * through them, so a second derivative fails loudly instead of silently being zero.
         */
        private static Tensor[] delayErrorIfDifferentiated(Tensor[] results, Tensor[] gradOutputs) {
            if (results == null || !GradMode.isEnabled()) return results;
            boolean anyRequiresGrad = false;
            for (Tensor t : gradOutputs) anyRequiresGrad |= t != null && t.requiresGrad();
            if (!anyRequiresGrad) return results;
            // one node over all results, as PyTorch's DelayedError(*outputs): an edge to an alias of each result
            Tensor[] out = results.clone();
            Edge[] edges = new Edge[out.length];
            for (int i = 0; i < out.length; i++) {
                edges[i] = out[i] == null ? new Edge(null, 0) : TensorInternals.gradientEdge(out[i].detach().requiresGrad_(true));
            }
            DelayedError err = new DelayedError(out);
            err.setEdges(edges);
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) continue;
                out[i] = out[i].detach();
                TensorInternals.setHistory(out[i], err, i);
            }
            return out;
        }

        @Override public void releaseVariables() { ctx.release(); }
    }

    /** The node behind a once_differentiable backward's results: differentiating through it is an error. */
    private static final class DelayedError extends Node {
        DelayedError(Tensor[] outputs) {
            outputShapes = new int[outputs.length][];
            outputDtypes = new dev.jgrad.DType[outputs.length];
            for (int i = 0; i < outputs.length; i++) {
                outputShapes[i] = outputs[i] == null ? new int[0] : TensorInternals.shape(outputs[i]);
                outputDtypes[i] = outputs[i] == null ? dev.jgrad.DType.FLOAT32 : outputs[i].dtype();
            }
        }

        @Override public String name() { return "Error"; }  // PyTorch prints <Error>

        @Override protected Tensor[] compute(Tensor[] grads) {
            throw new IllegalStateException("trying to differentiate twice a function that was marked with @once_differentiable");
        }
    }
}
