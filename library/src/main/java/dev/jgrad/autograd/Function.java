package dev.jgrad.autograd;

import dev.jgrad.Edge;
import dev.jgrad.Node;
import dev.jgrad.Tensor;
import dev.jgrad.internal.TensorInternals;
import dev.jgrad.internal.autograd.DerivativeHelpers;
import dev.jgrad.internal.autograd.InPlace;
import dev.jgrad.internal.autograd.SavedTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A custom differentiable op, as {@code torch.autograd.Function}: subclass it, implement
 * {@link #forward} and {@link #backward}, and call {@link #apply}.
 *
 * <pre>{@code
 * class Exp extends Function {
 *     protected Tensor forward(Context ctx, Tensor... in) { Tensor r = in[0].exp(); ctx.saveForBackward(r); return r; }
 *     protected Tensor[] backward(Context ctx, Tensor... grad) { return new Tensor[] {grad[0].mul(ctx.savedTensors().get(0))}; }
 * }
 * Tensor y = new Exp().apply(x);   // y.gradFn() prints <ExpBackward>
 * }</pre>
 *
 * <p>forward runs with grad disabled; backward runs with grad enabled only under createGraph, and
 * must return one gradient (or null) per input.
 */
public abstract class Function {
    /** What forward leaves for backward: saved tensors, flags, and any named values. */
    public static final class Context {
        private SavedTensor[] saved = new SavedTensor[0];
        private boolean[] needsInputGrad = new boolean[0];
        private final List<Tensor> dirty = new ArrayList<>();
        private final List<Tensor> nonDifferentiable = new ArrayList<>();
        private final Map<String, Object> values = new HashMap<>();
        private boolean materializeGrads = true;

        /** Saves tensors for backward; they are checked against later in-place changes. */
        public void saveForBackward(Tensor... tensors) {
            saved = new SavedTensor[tensors.length];
            for (int i = 0; i < tensors.length; i++) saved[i] = tensors[i] == null ? null : new SavedTensor(tensors[i], null);
        }

        /** The tensors saved in forward, in order (null where null was saved). */
        public List<Tensor> savedTensors() {
            List<Tensor> r = new ArrayList<>(saved.length);
            for (SavedTensor s : saved) r.add(s == null ? null : s.unpack());
            return r;
        }

        /** Whether input i needs a gradient. */
        public boolean needsInputGrad(int i) { return i < needsInputGrad.length && needsInputGrad[i]; }

        /** Declares inputs that forward modified in place (and returns). */
        public void markDirty(Tensor... tensors) { dirty.addAll(Arrays.asList(tensors)); }

        /** Declares outputs that are not differentiable (they get no history). */
        public void markNonDifferentiable(Tensor... tensors) { nonDifferentiable.addAll(Arrays.asList(tensors)); }

        /** With false, missing output gradients reach backward as null instead of zeros. */
        public void setMaterializeGrads(boolean value) { materializeGrads = value; }

        public void put(String key, Object value) { values.put(key, value); }

        @SuppressWarnings("unchecked")
        public <T> T get(String key) { return (T) values.get(key); }

        void release() { for (SavedTensor s : saved) if (s != null) s.release(); }
    }

    protected abstract Tensor forward(Context ctx, Tensor... inputs);

    /** One gradient per forward input (null where there is none). */
    protected abstract Tensor[] backward(Context ctx, Tensor... gradOutputs);

    /** Runs forward and, when any input requires grad, records a {@code <ClassName>Backward} node. */
    public final Tensor apply(Tensor... inputs) {
        Context ctx = new Context();
        boolean record = GradMode.isEnabled() && Arrays.stream(inputs).anyMatch(t -> t != null && t.requiresGrad());
        ctx.needsInputGrad = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) ctx.needsInputGrad[i] = inputs[i] != null && inputs[i].requiresGrad();
        Tensor out;
        try (var g = GradMode.setEnabled(false)) {
            out = forward(ctx, inputs);
        }
        if (!record || out == null || ctx.nonDifferentiable.contains(out) || !out.isFloatingPoint()) return out;
        Tensor forwardOut = out;
        boolean isInput = Arrays.stream(inputs).anyMatch(t -> t == forwardOut);
        if (ctx.dirty.contains(out)) InPlace.checkLeaf(out);
        else if (isInput) out = out.detach();  // an input returned as-is becomes a new tensor sharing its memory
        Node node = new FunctionNode(getClass().getSimpleName() + "Backward", this, ctx);
        Edge[] edges = new Edge[inputs.length];
        for (int i = 0; i < inputs.length; i++) edges[i] = inputs[i] == null ? new Edge(null, 0) : TensorInternals.gradientEdge(inputs[i]);
        node.setEdges(edges);
        node.setOutputs(out);
        TensorInternals.setHistory(out, node, 0);
        return out;
    }

    /** Runs the user's backward with PyTorch's checks on what it returns. */
    private static final class FunctionNode extends Node {
        private final String name;
        private final Function fn;
        private final Context ctx;

        FunctionNode(String name, Function fn, Context ctx) {
            this.name = name;
            this.fn = fn;
            this.ctx = ctx;
        }

        @Override public String name() { return name; }

        @Override public Tensor[] apply(Tensor[] grads) {
            Tensor[] g = grads.clone();
            if (ctx.materializeGrads) {
                for (int i = 0; i < g.length; i++) {
                    if (g[i] == null) g[i] = dev.jgrad.Torch.zeros(outputDtypes[i], outputDevice, DerivativeHelpers.toLong(outputShapes[i]));
                }
            }
            Tensor[] r = fn.backward(ctx, g);
            if (r == null) r = new Tensor[0];
            if (r.length != numInputs()) {
                // PyTorch allows extra trailing nulls
                boolean extraNulls = r.length > numInputs() && Arrays.stream(r, numInputs(), r.length).allMatch(t -> t == null);
                if (!extraNulls) {
                    throw new IllegalStateException("function " + name + " returned an incorrect number of gradients (expected "
                            + numInputs() + ", got " + r.length + ")");
                }
                r = Arrays.copyOf(r, numInputs());
            }
            for (int i = 0; i < r.length; i++) if (next[i].node() == null) r[i] = null;
            return r;
        }

        @Override public void releaseVariables() { ctx.release(); }
    }
}
