package dev.jgrad.internal.ops;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.backend.BinaryOp;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Promotion;

/**
 * Floating-point functions composed from existing kernels (copysign, fmax/fmin, sinc, logaddexp2, ldexp,
 * float_power, heaviside, signbit) plus fmod, which has a kernel because C's fmod is exact and a composite is not.
 */
public final class FloatingFunctions {
    private FloatingFunctions() {}

    private static final double LN2 = Math.log(2);

    /** True where the sign bit is set, -0.0 included. */
    public static Tensor signbit(Tensor self) {
        if (!self.isFloatingPoint()) return self.lt(0L);
        try (var guard = GradMode.setEnabled(false)) {
            return self.lt(0L).logicalOr(self.eq(0L).logicalAnd(self.reciprocal().lt(0L)));
        }
    }

    /** |self| with other's sign (-0.0 counts as negative); CopysignBackward0/1. */
    public static Tensor copysign(Tensor self, Tensor other) {
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            DType dt = Promotion.resultType(self, other);
            if (!dt.isFloatingPoint()) dt = Promotion.DEFAULT_FLOAT;
            Tensor a = self.to(dt).abs();
            r = Torch.where(signbit(other), a.neg(), a);
        }
        return Derivatives.copysign(r, self, other);
    }

    /** The larger of the two, ignoring a NaN on one side (NaN only when both are). */
    public static Tensor fmax(Tensor self, Tensor other) { return fminmax(self, other, true); }

    public static Tensor fmin(Tensor self, Tensor other) { return fminmax(self, other, false); }

    private static Tensor fminmax(Tensor self, Tensor other, boolean max) {
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            Tensor m = max ? self.maximum(other) : self.minimum(other);
            if (m.isFloatingPoint()) {
                m = Torch.where(self.isnan(), other.to(m.dtype()).expand(m.shape()), m);
                m = Torch.where(other.isnan(), self.to(m.dtype()).expand(m.shape()), m);
            }
            r = m;
        }
        return Derivatives.fminmax(r, self, other, max);
    }

    /** sin(pi x) / (pi x), 1 at 0. */
    public static Tensor sinc(Tensor self) {
        Checks.requireHalfKernel(self, "sinc_cpu", false);
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            Tensor x = self.isFloatingPoint() ? self : self.to(Promotion.DEFAULT_FLOAT);
            Tensor px = x.mul(Math.PI);
            r = Torch.where(x.eq(0L), Torch.onesLike(x), px.sin().div(px));
        }
        return Derivatives.sinc(r, self);
    }

    /** log2(2^a + 2^b) without overflow: max + log1p(2^-|a - b|) / ln 2, and the infinity itself for equal infinities. */
    public static Tensor logaddexp2(Tensor self, Tensor other) {
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            Tensor m = self.maximum(other);
            Tensor v = m.add(self.sub(other).abs().neg().exp2().log1p().div(LN2));
            r = Torch.where(self.isinf().logicalAnd(self.eq(other)), self.to(v.dtype()).expand(v.shape()), v);
        }
        return Derivatives.logaddexp2(r, self, other);
    }

    /** log(x / (1 - x)), of x clamped to [eps, 1 - eps] when eps is given; one LogitBackward0 node. */
    public static Tensor logit(Tensor self, Double eps) {
        Checks.requireHalfKernel(self, "logit_cpu", false);
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            // bool and integer inputs are computed in the default float dtype, as PyTorch's logit promotes them
            Tensor in = self.isFloatingPoint() ? self : self.to(Promotion.DEFAULT_FLOAT);
            Tensor x = eps == null ? in : in.clamp(eps.doubleValue(), 1 - eps);
            r = x.div(x.rsub(1L)).log();
        }
        return Derivatives.logit(r, self, eps);
    }

    /** self * 2^other. */
    public static Tensor ldexp(Tensor self, Tensor other) { return self.mul(other.exp2()); }

    /** self^exponent in float64 (PyTorch's float_power). */
    public static Tensor floatPower(Tensor self, Tensor exponent) { return self.to(DType.FLOAT64).pow(exponent.to(DType.FLOAT64)); }

    public static Tensor floatPower(Tensor self, double exponent) { return self.to(DType.FLOAT64).pow(exponent); }

    /** 0 below zero, 1 above, values at zero; not differentiable (PyTorch has no derivative either). */
    public static Tensor heaviside(Tensor self, Tensor values) {
        Checks.tensor(values, "heaviside", "values", 1);
        if (self.dtype() != values.dtype()) throw new IllegalArgumentException("heaviside is not yet implemented for tensors with different dtypes.");
        if (self.requiresGrad() || values.requiresGrad()) {
            if (GradMode.isEnabled()) throw new IllegalArgumentException("the derivative for 'heaviside' is not implemented.");
        }
        try (var guard = GradMode.setEnabled(false)) {
            return Torch.where(self.eq(0L), values.expand(Torch.broadcastShapes(self.shape(), values.shape())), self.gt(0L).to(self.dtype()));
        }
    }

    /** C's fmod: the remainder with the dividend's sign (exact, unlike a - trunc(a / b) b); integer division by zero fails. */
    public static Tensor fmod(Tensor self, Tensor other) {
        Checks.tensor(other, "fmod", "other", 1);
        if (!Promotion.resultType(self, other).isFloatingPoint()) {
            try (var guard = GradMode.setEnabled(false)) {
                if (other.eq(0L).any().itemBool()) throw new IllegalArgumentException("ZeroDivisionError");
            }
        }
        Tensor r = Elementwise.binary("fmod", BinaryOp.FMOD, self, other, 1);
        return Derivatives.fmod(r, self, other);
    }
}
