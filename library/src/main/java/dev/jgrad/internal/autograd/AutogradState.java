package dev.jgrad.internal.autograd;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.RemovableHandle;
import dev.jgrad.Tensor;
import dev.jgrad.internal.TensorInternals;
import java.util.List;
import java.util.function.Function;

/** The rules for a tensor's own autograd flags: requires_grad, .grad assignment, retain_grad, hooks, detach_. */
public final class AutogradState {
    private static volatile boolean warnedNonLeafGrad;
    private static final System.Logger LOG = System.getLogger("dev.jgrad.autograd");

    private AutogradState() {}

    public static Tensor requiresGrad_(Tensor t, boolean flag) {
        if (flag && !t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point dtype can require gradients");
        }
        if (gradFn(t) != null) {
            if (!flag) {
                throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you want to "
                        + "use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
            }
            return t;  // already requires grad
        }
        setRequiresGradFlag(t, flag);
        return t;
    }

    public static void setGrad(Tensor t, Tensor g) {
        if (g == t) throw new IllegalStateException("can't assign Variable as its own grad");
        if (g != null) {
            if (!java.util.Arrays.equals(shape(g), shape(t))) throw new IllegalArgumentException("assigned grad has data of a different size");
            if (g.dtype() != t.dtype()) throw new IllegalArgumentException("assigned grad has data of a different type");
            if (!g.device().equals(t.device())) throw new IllegalArgumentException("assigned grad has data located on a different device");
        }
        TensorInternals.setGrad(t, g);
    }

    public static Tensor retainGrad(Tensor t) {
        if (!requiresGradFlag(t)) throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
        if (gradFn(t) == null || retainsGrad(t)) return t;
        setRetainsGrad(t);
        gradFn(t).addRetainGrad(outputNr(t), t);
        return t;
    }

    public static Tensor detach_(Tensor t) {
        if (viewBase(t) != null && requiresGradFlag(viewBase(t))) {
            throw new IllegalStateException("Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel "
                    + "(DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence "
                    + "detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() "
                    + "function in torch/optim/optimizer.py as the solution.");
        }
        setHistory(t, null, 0);
        return t;
    }

    public static RemovableHandle registerHook(Tensor t, Function<Tensor, Tensor> hook) {
        if (hook == null) throw new IllegalArgumentException("register_hook(): hook must not be null");
        if (!requiresGradFlag(t)) throw new IllegalStateException("cannot register a hook on a tensor that doesn't require gradient");
        if (gradFn(t) != null) return gradFn(t).addPreHook(outputNr(t), hook);  // runs on the gradient flowing into grad_fn
        List<Function<Tensor, Tensor>> hooks = mutableHooks(t);
        hooks.add(hook);
        return () -> hooks.remove(hook);
    }

    public static void warnNonLeafGrad() {
        if (warnedNonLeafGrad) return;
        warnedNonLeafGrad = true;
        LOG.log(System.Logger.Level.WARNING, "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad "
                + "attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a "
                + "non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure "
                + "you access the leaf Tensor instead.");
    }
}
