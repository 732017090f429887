package dev.jgrad;

import java.util.ArrayList;
import java.util.function.Function;

/** The rules for a tensor's own autograd flags: requires_grad, .grad assignment, retain_grad, hooks, detach_. */
final class AutogradState {
    private static volatile boolean warnedNonLeafGrad;
    private static final System.Logger LOG = System.getLogger("dev.jgrad.autograd");

    private AutogradState() {}

    static Tensor requiresGrad_(Tensor t, boolean flag) {
        if (flag && !t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point dtype can require gradients");
        }
        if (t.gradFn != null) {
            if (!flag) {
                throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you want to "
                        + "use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
            }
            return t;  // already requires grad
        }
        t.requiresGrad = flag;
        return t;
    }

    static void setGrad(Tensor t, Tensor g) {
        if (g != null) {
            if (!java.util.Arrays.equals(g.shape, t.shape)) throw new IllegalArgumentException("assigned grad has data of a different size");
            if (g.dtype() != t.dtype()) throw new IllegalArgumentException("assigned grad has data of a different type");
            if (!g.device().equals(t.device())) throw new IllegalArgumentException("assigned grad has data located on a different device");
        }
        t.grad = g;
    }

    static Tensor retainGrad(Tensor t) {
        if (!t.requiresGrad) throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
        if (t.gradFn == null || t.retainsGrad) return t;
        t.retainsGrad = true;
        t.gradFn.addRetainGrad(t.outputNr, t);
        return t;
    }

    static Tensor detach_(Tensor t) {
        if (t.viewBase != null && t.viewBase.requiresGrad) {
            throw new IllegalStateException("Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel "
                    + "(DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence "
                    + "detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() "
                    + "function in torch/optim/optimizer.py as the solution.");
        }
        t.gradFn = null;
        t.outputNr = 0;
        t.requiresGrad = false;
        return t;
    }

    static RemovableHandle registerHook(Tensor t, Function<Tensor, Tensor> hook) {
        if (hook == null) throw new IllegalArgumentException("register_hook(): hook must not be null");
        if (!t.requiresGrad) throw new IllegalStateException("cannot register a hook on a tensor that doesn't require gradient");
        if (t.gradFn != null) return t.gradFn.addPreHook(t.outputNr, hook);  // runs on the gradient flowing into grad_fn
        if (t.hooks == null) t.hooks = new ArrayList<>(2);
        t.hooks.add(hook);
        return () -> t.hooks.remove(hook);
    }

    static void warnNonLeafGrad() {
        if (warnedNonLeafGrad) return;
        warnedNonLeafGrad = true;
        LOG.log(System.Logger.Level.WARNING, "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad "
                + "attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a "
                + "non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure "
                + "you access the leaf Tensor instead.");
    }
}
