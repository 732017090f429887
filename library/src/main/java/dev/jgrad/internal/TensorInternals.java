package dev.jgrad.internal;

import dev.jgrad.Edge;
import dev.jgrad.Node;
import dev.jgrad.Tensor;
import dev.jgrad.backend.Storage;
import dev.jgrad.backend.View;
import dev.jgrad.internal.autograd.AccumulateGrad;
import dev.jgrad.internal.ops.Copying;
import dev.jgrad.internal.ops.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The library's own access to a tensor's layout and autograd record, which {@link Tensor} keeps out of its
 * public API. This is the JDK's "SharedSecrets" pattern: {@code Tensor}'s static initializer installs an
 * {@link Access}, and this package is not exported by the module, so only jgrad's internals can reach it.
 */
public final class TensorInternals {
    private TensorInternals() {}

    /** What Tensor exposes to the internals; implemented once, by a private class inside Tensor. */
    public interface Access {
        Tensor newTensor(Storage storage, int[] shape, int[] stride, int offset);
        void setLayout(Tensor t, Storage storage, int[] shape, int[] stride, int offset);
        Storage storage(Tensor t);
        View view(Tensor t);
        int[] shape(Tensor t);
        int[] strides(Tensor t);
        int offset(Tensor t);
        int numel(Tensor t);
        boolean isWrappedNumber(Tensor t);
        void markWrappedNumber(Tensor t);
        boolean requiresGradFlag(Tensor t);
        void setRequiresGradFlag(Tensor t, boolean flag);
        Node gradFn(Tensor t);
        int outputNr(Tensor t);
        void setHistory(Tensor t, Node fn, int outputNr);
        Tensor gradField(Tensor t);
        void setGradField(Tensor t, Tensor grad);
        boolean retainsGrad(Tensor t);
        void setRetainsGrad(Tensor t);
        List<Function<Tensor, Tensor>> hooks(Tensor t);
        void setHooks(Tensor t, List<Function<Tensor, Tensor>> hooks);
        Node gradAccumulatorField(Tensor t);
        void setGradAccumulator(Tensor t, Node acc);
        boolean isInference(Tensor t);
        void setInference(Tensor t, boolean inference);
        Tensor viewBase(Tensor t);
        void setViewBase(Tensor t, Tensor base);
        Node rawGradFn(Tensor t);
        dev.jgrad.internal.autograd.VersionCounter versionCounter(Tensor t);
        void shareVersionCounter(Tensor t, Tensor from);
        void newVersionCounter(Tensor t);
        byte creationMeta(Tensor t);
        void setCreationMeta(Tensor t, byte meta);
        int attrVersion(Tensor t);
        void setAttrVersion(Tensor t, int version);
    }

    private static Access pending;

    /** Called once, by Tensor's static initializer. */
    public static void install(Access access) {
        if (pending != null) throw new IllegalStateException("TensorInternals already installed");
        pending = access;
    }

    /** A holder so the hot paths read a static final (constant-folded by the JIT) after Tensor is initialized. */
    private static final class Holder {
        static final Access A = load();

        private static Access load() {
            try {
                Class.forName(Tensor.class.getName(), true, Tensor.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            return pending;
        }
    }

    public static Tensor newTensor(Storage storage, int[] shape, int[] stride, int offset) { return Holder.A.newTensor(storage, shape, stride, offset); }

    public static Tensor contiguousOf(Storage storage, int[] shape) {
        return Holder.A.newTensor(storage, shape, dev.jgrad.internal.core.Shapes.contiguousStrides(shape), 0);
    }

    public static void setLayout(Tensor t, Storage storage, int[] shape, int[] stride, int offset) { Holder.A.setLayout(t, storage, shape, stride, offset); }
    public static Storage storage(Tensor t) { return Holder.A.storage(t); }
    /** t's layout as kernels see it; cached in the tensor until its layout changes. */
    public static View view(Tensor t) { return Holder.A.view(t); }
    public static int[] shape(Tensor t) { return Holder.A.shape(t); }
    public static int[] strides(Tensor t) { return Holder.A.strides(t); }
    public static int offset(Tensor t) { return Holder.A.offset(t); }
    public static int numel(Tensor t) { return Holder.A.numel(t); }
    public static boolean isWrappedNumber(Tensor t) { return Holder.A.isWrappedNumber(t); }
    public static void markWrappedNumber(Tensor t) { Holder.A.markWrappedNumber(t); }
    /** The raw flag (a leaf's requires_grad; true for every tensor with a grad_fn). */
    public static boolean requiresGradFlag(Tensor t) { return Holder.A.requiresGradFlag(t); }
    public static void setRequiresGradFlag(Tensor t, boolean flag) { Holder.A.setRequiresGradFlag(t, flag); }
    public static Node gradFn(Tensor t) { return Holder.A.gradFn(t); }
    public static int outputNr(Tensor t) { return Holder.A.outputNr(t); }
    public static boolean retainsGrad(Tensor t) { return Holder.A.retainsGrad(t); }
    public static void setRetainsGrad(Tensor t) { Holder.A.setRetainsGrad(t); }
    public static boolean isInference(Tensor t) { return Holder.A.isInference(t); }
    /** Marks t as an inference tensor or not (views take their source's kind, not the mode they are made in). */
    public static void setInference(Tensor t, boolean inference) { Holder.A.setInference(t, inference); }
    /** t's version, also for inference tensors (whose public version() refuses, as PyTorch's _version does). */
    public static int version(Tensor t) { return Holder.A.versionCounter(t).get(); }
    /** The tensor this one is a view of (the root base), or null. */
    public static Tensor viewBase(Tensor t) { return Holder.A.viewBase(t); }
    public static void setViewBase(Tensor t, Tensor base) { Holder.A.setViewBase(t, base); }

    /** grad_fn as recorded, without regenerating a stale view's (ViewTracking does that). */
    public static Node rawGradFn(Tensor t) { return Holder.A.rawGradFn(t); }

    public static void shareVersionCounter(Tensor t, Tensor from) { Holder.A.shareVersionCounter(t, from); }

    /** Gives t a counter of its own, at 0: for a tensor object reused to stand for a new tensor. */
    public static void newVersionCounter(Tensor t) { Holder.A.newVersionCounter(t); }

    /** Records one in-place write to t (and so to every tensor sharing its version counter). */
    public static void bumpVersion(Tensor t) { Holder.A.versionCounter(t).bump(); }

    /** Factories fill fresh tensors in place; PyTorch reports them at version 0. */
    public static void resetVersion(Tensor t) { Holder.A.versionCounter(t).reset(); }

    public static byte creationMeta(Tensor t) { return Holder.A.creationMeta(t); }

    public static void setCreationMeta(Tensor t, byte meta) { Holder.A.setCreationMeta(t, meta); }

    public static int attrVersion(Tensor t) { return Holder.A.attrVersion(t); }

    public static void setAttrVersion(Tensor t, int version) { Holder.A.setAttrVersion(t, version); }
    /** The .grad field as stored (no non-leaf warning). */
    public static Tensor gradField(Tensor t) { return Holder.A.gradField(t); }
    public static void setGrad(Tensor t, Tensor grad) { Holder.A.setGradField(t, grad); }
    public static Node gradAccumulatorField(Tensor t) { return Holder.A.gradAccumulatorField(t); }

    /** Makes fn (output outputNr) the tensor's history: it stops being a leaf. */
    public static void setHistory(Tensor t, Node fn, int outputNr) { Holder.A.setHistory(t, fn, outputNr); }

    /** Hooks registered on a leaf, in registration order (never null). */
    public static List<Function<Tensor, Tensor>> hooks(Tensor t) {
        List<Function<Tensor, Tensor>> h = Holder.A.hooks(t);
        return h == null ? List.of() : h;
    }

    /** The leaf's hook list, made on first use. */
    public static List<Function<Tensor, Tensor>> mutableHooks(Tensor t) {
        List<Function<Tensor, Tensor>> h = Holder.A.hooks(t);
        if (h == null) {
            h = new ArrayList<>(2);
            Holder.A.setHooks(t, h);
        }
        return h;
    }

    private static final Edge NONE = new Edge(null, 0);

    /** Where gradient for t flows: its grad_fn, its leaf accumulator, or nowhere ({@code (None, 0)}). */
    public static Edge gradientEdge(Tensor t) {
        if (t == null) return NONE;  // an optional operand that was not given (clamp's bounds)
        Node fn = gradFn(t);
        if (fn != null) return new Edge(fn, outputNr(t));
        if (requiresGradFlag(t)) return new Edge(gradAccumulator(t), 0);
        return NONE;
    }

    /** The leaf's AccumulateGrad node, made on first use and kept (so next_functions show the same object). */
    public static Node gradAccumulator(Tensor leaf) {
        Node acc = Holder.A.gradAccumulatorField(leaf);
        if (acc == null) {
            acc = new AccumulateGrad(leaf);
            Holder.A.setGradAccumulator(leaf, acc);
        }
        return acc;
    }

    /** A new tensor object over a private copy of t's data that carries t's history: saves the pre-op value for in-place ops. */
    public static Tensor cloneWithHistory(Tensor t) {
        Tensor c = Copying.cloneNoGrad(t);
        Holder.A.setHistory(c, gradFn(t), outputNr(t));
        Holder.A.setRequiresGradFlag(c, requiresGradFlag(t));
        Holder.A.setGradAccumulator(c, gradAccumulatorField(t));
        return c;
    }

    /** Copies src's elements into t's storage without recording (the data half of an in-place op). */
    public static void copyData(Tensor t, Tensor src) {
        Copying.copyElements(t, src);
        TensorInternals.bumpVersion(t);
    }

    /** A tensor viewing t's storage with another layout (as_strided); offset is absolute. */
    public static Tensor asStrided(Tensor t, int[] shape, int[] stride, int offset) {
        return Views.make(t, shape, stride, offset);
    }
}
