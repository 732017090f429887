package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
import dev.jgrad.internal.autograd.InPlace;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Overlap;
import dev.jgrad.profiler.Profiler;

/** addcmul and addcdiv: one fused backend pass for the optimizers' update arithmetic. */
public final class FusedUpdates {
    private FusedUpdates() {}

    /** self + value * t1 * t2 (mul) or self + value * t1 / t2; under autograd, composed from recorded ops. */
    public static Tensor addc(Tensor self, Tensor t1, Tensor t2, double value, boolean mul) {
        if (InPlace.recording(self, t1) || t2.requiresGrad()) return self.add(term(t1, t2, value, mul));
        return addcNoGrad_(Copying.cloneNoGrad(self), t1, t2, value, mul);
    }

    /** The in-place form (what optimizers use), rounded as PyTorch rounds it. */
    public static Tensor addc_(Tensor self, Tensor t1, Tensor t2, double value, boolean mul) {
        if (InPlace.recording(self, t1) || t2.requiresGrad()) return InPlace.apply(self, old -> old.add(term(t1, t2, value, mul)));
        return addcNoGrad_(self, t1, t2, value, mul);
    }

    private static Tensor term(Tensor t1, Tensor t2, double value, boolean mul) {
        return (mul ? t1.mul(t2) : t1.div(t2)).mul(value);
    }

    /** self += value * t1 * t2 (or / t2), computed in self's dtype in PyTorch's order. */
    private static Tensor addcNoGrad_(Tensor self, Tensor t1, Tensor t2, double value, boolean mul) {
        try (var ev = Profiler.isActive() ? Profiler.enter(mul ? "aten::addcmul_" : "aten::addcdiv_", self, t1, t2) : null) {
            Checks.requireFloat(self, mul ? "addcmul_cpu_out" : "addcdiv_cpu_out");
            Overlap.checkWritable(self);
            long[] shape = self.shape();
            Tensor a = Views.expandNoGrad(Copying.convert(t1, self.dtype()), shape);
            Tensor b = Views.expandNoGrad(Copying.convert(t2, self.dtype()), shape);
            Dispatch.backend(self, a, b).fusedUpdate(mul, value, Dispatch.view(a), Dispatch.view(b), Dispatch.view(self));
            storage(self).bumpVersion();
            return self;
        }
    }
}
