package dev.jgrad;

import dev.jgrad.autograd.AccumulateGrad;
import java.util.List;
import java.util.function.Function;

/**
 * The autograd engine's access to a tensor's history record (grad_fn, output number, leaf
 * accumulator, hooks). Not for user code: users go through {@link Tensor}'s PyTorch-named methods.
 */
public final class TensorAccess {
    private TensorAccess() {}

    /** Makes fn (output outputNr) the tensor's history: it stops being a leaf. */
    public static void setHistory(Tensor t, Node fn, int outputNr) {
        t.gradFn = fn;
        t.outputNr = outputNr;
        t.requiresGrad = fn != null;
    }

    /** Where gradient for t flows: its grad_fn, its leaf accumulator, or nowhere ({@code (None, 0)}). */
    public static Edge gradientEdge(Tensor t) {
        if (t.gradFn != null) return new Edge(t.gradFn, t.outputNr);
        if (t.requiresGrad) return new Edge(gradAccumulator(t), 0);
        return NONE;
    }

    private static final Edge NONE = new Edge(null, 0);

    /** The leaf's AccumulateGrad node, made on first use and kept (so next_functions show the same object). */
    public static Node gradAccumulator(Tensor leaf) {
        Node acc = leaf.gradAccumulator;
        if (acc == null) {
            acc = new AccumulateGrad(leaf);
            leaf.gradAccumulator = acc;
        }
        return acc;
    }

    public static void setGrad(Tensor t, Tensor grad) { t.grad = grad; }

    public static boolean retainsGrad(Tensor t) { return t.retainsGrad; }

    /** Hooks registered on t, in registration order (never null). */
    public static List<Function<Tensor, Tensor>> hooks(Tensor t) {
        return t.hooks == null ? List.of() : t.hooks;
    }

    public static int[] shape(Tensor t) { return t.shape; }

    public static int outputNr(Tensor t) { return t.outputNr; }

    public static boolean isInference(Tensor t) { return t.inference; }

    /** The tensor this one is a view of (the root base), or null. */
    public static Tensor viewBase(Tensor t) { return t.viewBase; }

    /** A new tensor object over a private copy of t's data that carries t's history: saves the pre-op value for in-place ops. */
    public static Tensor cloneWithHistory(Tensor t) {
        Tensor c = Copying.clone(t);
        c.gradFn = t.gradFn;
        c.outputNr = t.outputNr;
        c.requiresGrad = t.requiresGrad;
        c.gradAccumulator = t.gradAccumulator;
        return c;
    }

    /** Copies src's elements into t's storage without recording (the data half of an in-place op). */
    public static void copyData(Tensor t, Tensor src) {
        Copying.copyElements(t, src);
        t.storage.bumpVersion();
    }

    /** A tensor viewing t's storage with another layout (as_strided); offset is absolute. */
    public static Tensor asStrided(Tensor t, int[] shape, int[] stride, int offset) {
        return Views.make(t, shape, stride, offset);
    }

    public static int[] strides(Tensor t) { return t.stride; }

    public static int offset(Tensor t) { return t.offset; }
}
