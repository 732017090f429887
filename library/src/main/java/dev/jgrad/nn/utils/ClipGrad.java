package dev.jgrad.nn.utils;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.ArrayList;
import java.util.List;

/** {@code torch.nn.utils.clip_grad_norm_} / {@code clip_grad_value_}. */
public final class ClipGrad {
    private ClipGrad() {}

    /**
     * {@code torch.nn.utils.clip_grad_norm_(parameters, max_norm)}: scales all gradients in place so their total
     * 2-norm is at most maxNorm.
     *
     * @param parameters the parameters whose gradients are clipped (those without a gradient are skipped)
     * @param maxNorm the largest total norm
     * @return the total norm of the gradients before clipping, a 0-dim tensor (0 when no parameter has a gradient)
     */
    public static Tensor clipGradNorm_(Iterable<? extends Tensor> parameters, double maxNorm) {
        return clipGradNorm_(parameters, maxNorm, 2.0, false);
    }

    /**
     * {@code torch.nn.utils.clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite)}: scales all
     * gradients together, in place, so their combined normType-norm (the norm of the per-gradient norms) is at most
     * maxNorm. The scale is {@code min(1, maxNorm / (norm + 1e-6))}, computed as PyTorch computes it.
     *
     * @param parameters the parameters whose gradients are clipped (those without a gradient are skipped)
     * @param maxNorm the largest total norm
     * @param normType the order of the norm ({@code Double.POSITIVE_INFINITY} for the largest absolute element)
     * @param errorIfNonfinite whether a NaN or infinite total norm is an error rather than scaling by it
     * @return the total norm of the gradients before clipping, a 0-dim tensor in the gradients' dtype (0 when no
     *     parameter has a gradient)
     * @throws IllegalStateException if errorIfNonfinite is set and the total norm is not finite ("The total norm of
     *     order 2.0 for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and
     *     scale the gradients by the non-finite norm anyway, set `error_if_nonfinite=False`")
     */
    public static Tensor clipGradNorm_(Iterable<? extends Tensor> parameters, double maxNorm, double normType, boolean errorIfNonfinite) {
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : parameters) if (p.grad() != null) grads.add(p.grad());
        if (grads.isEmpty()) return Torch.scalarTensor(0.0);
        try (var g = Torch.noGrad()) {
            List<Tensor> norms = new ArrayList<>();
            Tensor total;
            if (Double.isInfinite(normType)) {
                for (Tensor gr : grads) norms.add(gr.detach().abs().max());
                total = norms.size() == 1 ? norms.get(0) : Torch.stack(norms, 0).max();
            } else {
                for (Tensor gr : grads) norms.add(gr.detach().norm(normType));
                total = Torch.stack(norms, 0).norm(normType);
            }
            double t = total.item();
            if (errorIfNonfinite && !Double.isFinite(t)) {
                throw new IllegalStateException("The total norm of order " + dev.jgrad.nn.Repr.pyFloat(normType) + " for gradients from "
                        + "`parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the "
                        + "non-finite norm anyway, set `error_if_nonfinite=False`");
            }
            Tensor coef = total.add(1e-6).reciprocal().mul(maxNorm).clampMax(1.0);  // max_norm / (norm + eps), as Tensor.__rtruediv__
            for (Tensor gr : grads) gr.detach().mul_(coef);
            return total;
        }
    }

    /**
     * {@code torch.nn.utils.clip_grad_value_(parameters, clip_value)}: clamps every gradient element into
     * [-clipValue, clipValue], in place.
     *
     * @param parameters the parameters whose gradients are clipped (those without a gradient are skipped)
     * @param clipValue the largest absolute value a gradient element keeps
     */
    public static void clipGradValue_(Iterable<? extends Tensor> parameters, double clipValue) {
        try (var g = Torch.noGrad()) {
            for (Tensor p : parameters) if (p.grad() != null) p.grad().copy_(p.grad().clamp(-clipValue, clipValue));
        }
    }
}
