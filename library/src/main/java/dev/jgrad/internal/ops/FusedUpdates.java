package dev.jgrad.internal.ops;

import dev.jgrad.internal.TensorInternals;
import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
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
