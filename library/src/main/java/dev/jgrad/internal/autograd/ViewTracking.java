package dev.jgrad.internal.autograd;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Node;
import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.TensorInternals;

/**
 * Views and in-place ops, as PyTorch tracks them (Note [View + Inplace detection]).
 *
 * <p>A view remembers how it was made (its creation meta) and the version at which its grad_fn was
 * derived. When the base, or another view of it, is later written in place, the view's grad_fn is stale:
 * it is regenerated on next use as {@code AsStridedBackward0} from the base's new history, so gradients
 * see the write. Views whose history cannot be rewritten safely refuse in-place writes with PyTorch's
 * messages: views made under no_grad or inference mode, outputs of multi-output view ops (unbind, split)
 * and views returned by a custom Function.
 */
public final class ViewTracking {
    public static final byte DEFAULT = 0, NO_GRAD_MODE = 1, MULTI_OUTPUT_NODE = 2, IN_CUSTOM_FUNCTION = 3, INFERENCE_MODE = 4;

    private ViewTracking() {}

    /** Called for every new view v of source: it shares source's version counter and records the grad mode it was made in. */
    public static void onViewCreated(Tensor v, Tensor source) {
        shareVersionCounter(v, source);
        setAttrVersion(v, TensorInternals.version(v));
        byte made = GradMode.isEnabled() ? DEFAULT : GradMode.isInferenceMode() ? INFERENCE_MODE : NO_GRAD_MODE;
        // a view of a restricted view keeps the restriction (PyTorch's propagate_creation_meta)
        byte prev = viewBase(source) != null ? creationMeta(source) : DEFAULT;
        byte meta = made == DEFAULT ? prev : prev == INFERENCE_MODE ? prev : made;
        if (meta != DEFAULT) setCreationMeta(v, meta);
    }

    /** The outputs of a multi-output view op (made with grad mode on) may not be written in place. */
    public static void markMultiOutput(Iterable<Tensor> views) {
        if (!GradMode.isEnabled()) return;
        for (Tensor v : views) if (viewBase(v) != null) setCreationMeta(v, MULTI_OUTPUT_NODE);
    }

    /** A differentiable view (of a floating-point base) requires grad when its base does, even without a grad_fn of its own. */
    public static boolean baseRequiresGrad(Tensor view) {
        Tensor base = viewBase(view);
        return view.isFloatingPoint() && base.requiresGrad();
    }

    /** The view's grad_fn, regenerated from its base when the version moved since it was derived. */
    public static Node gradFn(Tensor view) {
        Node raw = rawGradFn(view);
        Tensor base = viewBase(view);
        if (!view.isFloatingPoint() || raw == null && !base.requiresGrad()) return raw;
        int current = TensorInternals.version(view);
        if (attrVersion(view) == current) return raw;
        handleViewOnRebase(view, true);
        Node fn = new InPlace.AsStridedBackward(base, view);
        TensorInternals.setHistory(view, fn, 0);
        InPlace.moveRetainedGrad(view, raw, fn, 0);
        setAttrVersion(view, current);
        return fn;
    }

    /**
     * PyTorch's check for in-place writes to inference tensors: outside inference mode they are refused (the tensor
     * has no version counter to keep saved values honest). Called by every in-place path before it writes.
     */
    public static void checkInferenceInplace(Tensor self) {
        if (TensorInternals.isInference(self) && !GradMode.isInferenceMode()) {
            throw new IllegalStateException("Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone "
                    + "to get a normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details.");
        }
    }

    /** After an in-place op on a view gave its base a CopySlices node: the view's own grad_fn is derived anew on next use. */
    public static void invalidate(Tensor view) { setAttrVersion(view, -1); }

    /**
     * PyTorch's check_inplace, for an in-place op that records (some input requires grad, grad mode on):
     * refuses views that forbid it, then views of leaves and leaves that require grad.
     */
    public static void checkInplace(Tensor self) {
        Tensor base = viewBase(self);
        if (base != null && self.isFloatingPoint()) {
            handleViewOnRebase(self, false);
            if (self.requiresGrad() && base.isLeaf() && base.requiresGrad()) {
                throw new IllegalStateException("a view of a leaf Variable that requires grad is being used in an in-place operation.");
            }
        }
        if (self.requiresGrad() && self.isLeaf()) {
            throw new IllegalStateException("a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    /** Throws PyTorch's message when a view whose creation forbids it is (directly or through its base) written in place. */
    public static void handleViewOnRebase(Tensor view, boolean indirect) {
        byte meta = creationMeta(view);
        if (meta == DEFAULT) return;
        Node fn = rawGradFn(view);
        String modified = indirect ? "its base or another view of its base has been" : "is being";
        String msg;
        if (fn != null) {
            msg = "Output " + outputNr(view) + " of " + fn.name() + " is a view and " + modified + " modified inplace.";
        } else if (meta == INFERENCE_MODE) {
            msg = "A view was created in inference mode and " + modified + " modified inplace in normal mode.";
        } else {
            msg = "A view was created in no_grad mode and " + modified + " modified inplace with grad mode enabled.";
        }
        msg += switch (meta) {
            case MULTI_OUTPUT_NODE -> " This view is the output of a function that returns multiple views. Such functions do not allow the "
                    + "output views to be modified inplace. You should replace the inplace operation by an out-of-place one.";
            case NO_GRAD_MODE -> " Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by "
                    + "moving both the view and the inplace either both inside the no_grad block (if you don't want the inplace to be "
                    + "tracked) or both outside (if you want the inplace to be tracked).";
            case INFERENCE_MODE -> " Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by "
                    + "moving both the view and the inplace either both inside the inference_mode block (if you don't want the inplace "
                    + "to be tracked) or both outside (if you want the inplace to be tracked).";
            default -> " This view was created inside a custom Function (or because an input was returned as-is) and the autograd logic "
                    + "to handle view+inplace would override the custom backward associated with the custom Function, leading to "
                    + "incorrect gradients. This behavior is forbidden. You can fix this by cloning the output of the custom Function.";
        };
        throw new IllegalStateException(msg);
    }
}
