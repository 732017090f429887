package dev.jgrad.internal.ops;

import dev.jgrad.internal.TensorInternals;
import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.backend.AdadeltaStep;
import dev.jgrad.backend.AdamStep;
import dev.jgrad.backend.SgdStep;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Promotion;
import dev.jgrad.internal.autograd.InPlace;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Overlap;
import dev.jgrad.profiler.Profiler;

/** addcmul and addcdiv: one fused backend pass for the optimizers' update arithmetic. */
public final class FusedUpdates {
    private FusedUpdates() {}

    /**
     * self + value * t1 * t2 (mul) or self + value * t1 / t2, in the broadcast shape and promoted dtype, rounded
     * once per element as PyTorch's kernel does; under autograd one AddcmulBackward0 / AddcdivBackward0 node.
     */
    public static Tensor addc(Tensor self, Tensor t1, Tensor t2, double value, boolean mul) {
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            long[] shape = Torch.broadcastShapes(self.shape(), t1.shape(), t2.shape());
            Tensor base = Copying.convert(self, Promotion.resultType(self, t1, t2)).expand(shape).contiguous();
            if (base == self || base.sharesStorageWith(self)) base = Copying.cloneNoGrad(base);
            r = addcNoGrad_(base, t1, t2, value, mul, mul ? "aten::addcmul" : "aten::addcdiv");
        }
        return Derivatives.addc(r, self, t1, t2, value, mul);
    }

    /** The in-place form (what optimizers use), rounded as PyTorch rounds it. */
    public static Tensor addc_(Tensor self, Tensor t1, Tensor t2, double value, boolean mul) {
        if (InPlace.recording(self, t1) || t2.requiresGrad()) return InPlace.apply(self, old -> addc(old, t1, t2, value, mul));
        return addcNoGrad_(self, t1, t2, value, mul, mul ? "aten::addcmul_" : "aten::addcdiv_");
    }

    /**
     * One Adam/AdamW update of param in place, fused (no temporaries), when every tensor is a dense float32 or float64
     * tensor of param's shape and dtype on one device and none shares storage with another (maxExpAvgSq is null
     * without amsgrad); returns false, touching nothing, otherwise, and the optimizer updates op by op. Either way
     * the bits are the same.
     */
    public static boolean adamStep(AdamStep step, Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq) {
        if (!fusable(param, grad, expAvg, expAvgSq, maxExpAvgSq)) return false;
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::_fused_adam_", param, grad, expAvg, expAvgSq) : null) {
            Dispatch.backend(param, grad, expAvg, expAvgSq).adamStep(step, Dispatch.view(param), Dispatch.view(grad), Dispatch.view(expAvg),
                    Dispatch.view(expAvgSq), Dispatch.view(maxExpAvgSq));
        }
        TensorInternals.bumpVersion(param);
        TensorInternals.bumpVersion(expAvg);
        TensorInternals.bumpVersion(expAvgSq);
        if (maxExpAvgSq != null) TensorInternals.bumpVersion(maxExpAvgSq);
        return true;
    }

    /**
     * One SGD update of param (and of momentumBuffer, null without momentum) in place, fused, under the conditions of
     * {@link #adamStep}; returns false, touching nothing, when they do not hold.
     */
    public static boolean sgdStep(SgdStep step, Tensor param, Tensor grad, Tensor momentumBuffer) {
        if (!fusable(param, grad, momentumBuffer)) return false;
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::_fused_sgd_", param, grad) : null) {
            Dispatch.backend(param, grad).sgdStep(step, Dispatch.view(param), Dispatch.view(grad), Dispatch.view(momentumBuffer));
        }
        TensorInternals.bumpVersion(param);
        if (momentumBuffer != null) TensorInternals.bumpVersion(momentumBuffer);
        return true;
    }

    /**
     * One Adadelta update of param, squareAvg and accDelta in place, fused, under the conditions of {@link #adamStep};
     * returns false, touching nothing, when they do not hold.
     */
    public static boolean adadeltaStep(AdadeltaStep step, Tensor param, Tensor grad, Tensor squareAvg, Tensor accDelta) {
        if (!fusable(param, grad, squareAvg, accDelta)) return false;
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::_fused_adadelta_", param, grad) : null) {
            Dispatch.backend(param, grad, squareAvg, accDelta).adadeltaStep(step, Dispatch.view(param), Dispatch.view(grad),
                    Dispatch.view(squareAvg), Dispatch.view(accDelta));
        }
        TensorInternals.bumpVersion(param);
        TensorInternals.bumpVersion(squareAvg);
        TensorInternals.bumpVersion(accDelta);
        return true;
    }

    /** The fused updates' preconditions; null tensors (absent state) are skipped. */
    private static boolean fusable(Tensor param, Tensor... others) {
        DType t = param.dtype();
        if ((t != DType.FLOAT32 && t != DType.FLOAT64) || !param.isContiguous() || InPlace.recording(param)) return false;
        int[] shape = TensorInternals.shape(param);
        for (int i = 0; i < others.length; i++) {
            Tensor o = others[i];
            if (o == null) continue;
            if (o.dtype() != t || !o.isContiguous() || !o.device().equals(param.device()) || !java.util.Arrays.equals(TensorInternals.shape(o), shape)
                    || o.sharesStorageWith(param) || o.requiresGrad()) {
                return false;
            }
            for (int j = 0; j < i; j++) if (others[j] != null && o.sharesStorageWith(others[j])) return false;
        }
        return true;
    }

    /** self += value * t1 * t2 (or / t2), computed in self's dtype in PyTorch's order. */
    private static Tensor addcNoGrad_(Tensor self, Tensor t1, Tensor t2, double value, boolean mul, String event) {
        try (var ev = Profiler.isActive() ? Profiler.enter(event, self, t1, t2) : null) {
            Checks.requireFloat(self, mul ? "addcmul_cpu_out" : "addcdiv_cpu_out");
            Overlap.checkWritable(self);
            long[] shape = self.shape();
            Tensor a = Views.expandNoGrad(Copying.convert(t1, self.dtype()), shape);
            Tensor b = Views.expandNoGrad(Copying.convert(t2, self.dtype()), shape);
            Dispatch.backend(self, a, b).fusedUpdate(mul, value, Dispatch.view(a), Dispatch.view(b), Dispatch.view(self));
            TensorInternals.bumpVersion(self);
            return self;
        }
    }
}
