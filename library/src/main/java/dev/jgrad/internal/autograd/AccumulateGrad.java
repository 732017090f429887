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
    public static void accumulate(Tensor t, Tensor g, boolean createGraph) {
        synchronized (t) {
            accumulateLocked(t, g, createGraph);
        }
    }

    private static void accumulateLocked(Tensor t, Tensor g, boolean createGraph) {
        Tensor old = t.grad();
        if (old == null) {
            TensorInternals.setGrad(t, createGraph ? dev.jgrad.Torch.zerosLike(g).copy_(g) : g.detach().clone());
        } else if (createGraph) {
            TensorInternals.setGrad(t, old.add(g));
        } else {
            try (var guard = GradMode.setEnabled(false)) {
                old.add_(g);
            }
        }
    }
}
