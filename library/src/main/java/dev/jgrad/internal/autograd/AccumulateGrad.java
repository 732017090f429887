package dev.jgrad.internal.autograd;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Node;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.TensorInternals;
import java.util.function.Function;

/**
 * The sink for a leaf that requires grad: runs the leaf's hooks, then adds the gradient into
 * {@code gradField(leaf)} (in place normally, out of place under createGraph, as PyTorch does).
 */
public final class AccumulateGrad extends Node {
    private final Tensor variable;

    public AccumulateGrad(Tensor variable) {
        this.variable = variable;
        setOutputs(variable);
    }

    @Override public String name() { return "torch::autograd::AccumulateGrad"; }

    /** The leaf this node accumulates into ({@code .variable}). */
    public Tensor variable() { return variable; }

    /** Runs the leaf's hooks on grads[0]; the engine accumulates the result when the pass succeeds. */
    @Override protected Tensor[] compute(Tensor[] grads) {
        Tensor g = grads[0];
        // a snapshot: a hook may remove itself while running
        for (Function<Tensor, Tensor> hook : java.util.List.copyOf(TensorInternals.hooks(variable))) {
            Tensor r = hook.apply(g);
            if (r != null) g = r;
        }
        return new Tensor[] {g};
    }

    /**
     * Adds g into gradField(t); the first gradient is copied so .grad never aliases another tensor. Backward passes
     * running on several threads into one leaf take turns here (PyTorch's AccumulateGrad holds a mutex), so no
     * update to .grad is lost.
     */
    public static void accumulate(Tensor t, Tensor g, boolean createGraph) { accumulate(t, g, createGraph, false); }

    /**
     * As {@link #accumulate(Tensor, Tensor, boolean)}; owned: nothing but the caller references g's storage (the
     * engine's Note [Owned gradients]), so a first gradient that is dense with t's strides becomes .grad as it is,
     * as PyTorch's AccumulateGrad steals a gradient whose use count is 1.
     */
    public static void accumulate(Tensor t, Tensor g, boolean createGraph, boolean owned) {
        synchronized (t) {
            accumulateLocked(t, g, createGraph, owned);
        }
    }

    private static void accumulateLocked(Tensor t, Tensor g, boolean createGraph, boolean owned) {
        Tensor old = t.grad();
        if (old == null && owned && !createGraph && adoptable(t, g)) {
            TensorInternals.setGrad(t, g.requiresGrad() ? g.detach() : g);
        } else if (old == null) {
            TensorInternals.setGrad(t, createGraph ? dev.jgrad.Torch.zerosLike(g).copy_(g) : g.detach().clone());
        } else if (createGraph) {
            TensorInternals.setGrad(t, old.add(g));
        } else {
            try (var guard = GradMode.setEnabled(false)) {
                old.add_(g);
            }
        }
    }

    /** A gradient that may be .grad as it is: t's dtype, device and strides, dense over the whole of its own storage. */
    private static boolean adoptable(Tensor t, Tensor g) {
        return g.dtype() == t.dtype() && g.device().equals(t.device()) && g.isContiguous() && TensorInternals.offset(g) == 0
                && java.util.Arrays.equals(TensorInternals.shape(g), TensorInternals.shape(t))
                && java.util.Arrays.equals(TensorInternals.strides(g), TensorInternals.strides(t))
                && TensorInternals.numel(g) == TensorInternals.storage(g).size() && g.gradFn() == null;
    }
}
