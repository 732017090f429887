package dev.jgrad.internal.ops;

import dev.jgrad.internal.TensorInternals;
import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.BinaryOp;
import dev.jgrad.backend.CompareOp;
import dev.jgrad.backend.UnaryOp;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.autograd.InPlace;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Overlap;
import dev.jgrad.internal.core.Promotion;
import dev.jgrad.internal.core.Scalar;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;
import java.util.Locale;

/**
 * Elementwise ops: picks the result dtype (type promotion), broadcasts, converts operands to the dtype
 * the backend computes in ({@link Backend#computeType}), and hands them to the backend's kernels; the
 * result is narrowed back to the result dtype when the two differ.
 */
public final class Elementwise {
    private Elementwise() {}

    public static DType computeType(DType t) {
        return t.isFloatingPoint() ? t : DType.INT64;
    }

    // ---------------------------------------------------------------- the recorded ops (what Tensor calls)

    public static Tensor add(Tensor self, Tensor other, double alpha) {
        return Derivatives.add(binary("add", BinaryOp.ADD, self, other, alpha), self, other, alpha);
    }

    public static Tensor sub(Tensor self, Tensor other, double alpha) {
        return Derivatives.sub(binary("sub", BinaryOp.SUB, self, other, alpha), self, other, alpha);
    }

    /** {@code other - self}, as {@code torch.rsub}. */
    public static Tensor rsub(Tensor self, Tensor other) {
        Checks.tensor(other, "rsub", "other", 1);
        return Derivatives.rsub(binary("rsub", BinaryOp.SUB, other, self, 1), self, other, isWrappedNumber(other));
    }

    public static Tensor mul(Tensor self, Tensor other) { return Derivatives.mul(binary("mul", BinaryOp.MUL, self, other, 1), self, other); }

    public static Tensor div(Tensor self, Tensor other) { return Derivatives.div(binary("div", BinaryOp.DIV, self, other, 1), self, other); }

    public static Tensor pow(Tensor self, Tensor exponent) {
        return Derivatives.pow(binary("pow", BinaryOp.POW, self, exponent, 1), self, exponent);
    }

    /** base ** exponent for a number base ({@code torch.pow(2, x)}, Python's {@code 2 ** x}). */
    public static Tensor pow(double base, Tensor exponent) {
        return Derivatives.powScalarBase(binary("pow", BinaryOp.POW, Scalar.of(base), exponent, 1), base, exponent);
    }

    /** An integral number base: an integral exponent tensor keeps its dtype ({@code torch.pow(2, x)}). */
    public static Tensor pow(long base, Tensor exponent) {
        return Derivatives.powScalarBase(binary("pow", BinaryOp.POW, Scalar.of(base), exponent, 1), base, exponent);
    }

    public static Tensor pow(Tensor self, double exponent) {
        return Derivatives.powScalar(powScalar(self, Scalar.of(exponent)), self, exponent);
    }

    public static Tensor pow(Tensor self, long exponent) {
        return Derivatives.powScalar(powScalar(self, Scalar.of(exponent)), self, exponent);
    }

    public static Tensor remainder(Tensor self, Tensor other) {
        Checks.tensor(other, "remainder", "other", 1);
        return Derivatives.remainder(binary("remainder", BinaryOp.REMAINDER, self, other, 1), self, other, isWrappedNumber(other));
    }

    public static Tensor floorDivide(Tensor self, Tensor other) {
        return Derivatives.floorDivide(binary("floor_divide", BinaryOp.FLOOR_DIVIDE, self, other, 1), self, other);
    }

    public static Tensor maximum(Tensor self, Tensor other) {
        return Derivatives.maximum(binary("maximum", BinaryOp.MAXIMUM, self, other, 1), self, other, true);
    }

    public static Tensor minimum(Tensor self, Tensor other) {
        return Derivatives.maximum(binary("minimum", BinaryOp.MINIMUM, self, other, 1), self, other, false);
    }

    public static Tensor atan2(Tensor self, Tensor other) {
        return Derivatives.atan2(binary("atan2", BinaryOp.ATAN2, self, other, 1), self, other);
    }

    /** self op= other for add_, sub_, mul_, div_ and pow_; under autograd, the out-of-place op on the old value. */
    public static Tensor binary_(BinaryOp op, Tensor self, Tensor other, double alpha) {
        if (InPlace.recording(self, other)) {
            return InPlace.apply(self, old -> switch (op) {
                case ADD -> add(old, other, alpha);
                case SUB -> sub(old, other, alpha);
                case MUL -> mul(old, other);
                case DIV -> div(old, other);
                case POW -> pow(old, other);
                default -> throw new IllegalArgumentException("no in-place form for " + op);
            });
        }
        return binaryInPlace(op.name().toLowerCase(Locale.ROOT), op, self, other, alpha);
    }

    /** Clamps into [min, max]; either bound may be null for "no bound". */
    public static Tensor clamp(Tensor self, Double min, Double max) {
        Checks.requireHalfKernel(self, "clamp_scalar_cpu", false);
        return Derivatives.clamp(clampNoGrad(self, min, max), self, min, max);
    }

    /** Clamps into [min, max] given as tensors (either may be null): min(max(self, min), max), broadcasting all three. */
    public static Tensor clamp(Tensor self, Tensor min, Tensor max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        Tensor r = self;
        if (min != null) r = binary("clamp", BinaryOp.MAXIMUM, r, min, 1);
        if (max != null) r = binary("clamp", BinaryOp.MINIMUM, r, max, 1);
        return Derivatives.clamp(r, self, min, max);
    }

    /** self + weight (end - self), as PyTorch's kernel: from end's side when |weight| >= 0.5 (better rounding there). */
    public static Tensor lerp(Tensor self, Tensor end, double weight) {
        Checks.requireHalfKernel(self, "lerp_kernel_scalar", false);
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            if (self.dtype().isReducedFloatingPoint()) {  // PyTorch's kernel computes 16-bit lerp in float32, rounding once
                return Derivatives.lerp(lerp(self.to(DType.FLOAT32), end.to(DType.FLOAT32), weight).to(self.dtype()), self, end, weight);
            }
            Tensor diff = end.sub(self);
            r = Math.abs(weight) < 0.5 ? self.add(diff.mul(weight)) : end.sub(diff.mul(1 - weight));
        }
        return Derivatives.lerp(r, self, end, weight);
    }

    public static Tensor lerp(Tensor self, Tensor end, Tensor weight) {
        Checks.requireHalfKernel(self, "lerp_kernel_tensor", false);
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            if (self.dtype().isReducedFloatingPoint()) {
                Tensor f = lerp(self.to(DType.FLOAT32), end.to(DType.FLOAT32), weight.to(DType.FLOAT32)).to(self.dtype());
                return Derivatives.lerp(f, self, end, weight);
            }
            Tensor diff = end.sub(self);
            Tensor small = self.add(weight.mul(diff)), large = end.sub(diff.mul(weight.rsub(1L)));
            r = whereNoGrad(weight.abs().lt(0.5), small, large);
        }
        return Derivatives.lerp(r, self, end, weight);
    }

    /** log(exp(self) + exp(other)) without overflow: max + log1p(exp(-|self - other|)), and the infinity itself for equal infinities. */
    public static Tensor logaddexp(Tensor self, Tensor other) {
        Checks.requireHalfKernel(self, "logaddexp_cpu", false);
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            Tensor m = self.maximum(other);
            Tensor v = m.add(self.sub(other).abs().neg().exp().log1p());
            r = whereNoGrad(self.isinf().logicalAnd(self.eq(other)), self, v);
        }
        return Derivatives.logaddexp(r, self, other);
    }

    /** sqrt(self^2 + other^2), computed in float64 and rounded once (as accurate as the C library's hypot). */
    public static Tensor hypot(Tensor self, Tensor other) {
        Checks.requireFloat(self, "hypot_cpu");
        Checks.requireHalfKernel(self, "hypot_cpu", false);
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            DType t = Promotion.resultType(self, other);
            Tensor a = Copying.convert(self, DType.FLOAT64), b = Copying.convert(other, DType.FLOAT64);
            r = Copying.convert(a.mul(a).add(b.mul(b)).sqrt(), t);
        }
        return Derivatives.hypot(r, self, other);
    }

    // ---------------------------------------------------------------- floating-point classification

    public static Tensor isnan(Tensor self) { return self.ne(self); }

    public static Tensor isinf(Tensor self) {
        return self.isFloatingPoint() ? self.abs().eq(Double.POSITIVE_INFINITY) : Torch.zerosLike(self, DType.BOOL);
    }

    public static Tensor isposinf(Tensor self) {
        return self.isFloatingPoint() ? self.eq(Double.POSITIVE_INFINITY) : Torch.zerosLike(self, DType.BOOL);
    }

    public static Tensor isneginf(Tensor self) {
        return self.isFloatingPoint() ? self.eq(Double.NEGATIVE_INFINITY) : Torch.zerosLike(self, DType.BOOL);
    }

    /** Not NaN and not infinite (NaN compares false with everything). */
    public static Tensor isfinite(Tensor self) {
        return self.isFloatingPoint() ? self.abs().lt(Double.POSITIVE_INFINITY) : Torch.onesLike(self, DType.BOOL);
    }

    /** NaN, +inf and -inf replaced (null: 0, the dtype's largest and its lowest finite value). */
    public static Tensor nanToNum(Tensor self, Double nan, Double posinf, Double neginf) {
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            if (!self.isFloatingPoint()) {
                r = Copying.cloneNoGrad(self);
            } else {
                double big = self.dtype() == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
                r = whereNoGrad(isnan(self), Scalar.of(nan == null ? 0.0 : nan), self);
                r = whereNoGrad(isposinf(self), Scalar.of(posinf == null ? big : posinf), r);
                r = whereNoGrad(isneginf(self), Scalar.of(neginf == null ? -big : neginf), r);
            }
        }
        return Derivatives.nanToNum(r, self);
    }

    public static Tensor unary(UnaryOp op, Tensor self) {
        return Derivatives.unary(op, unaryNoGrad(op, self), self);
    }

    /** sin_(), exp_() and the other unary in-place ops; under autograd, the out-of-place op on the old value. */
    public static Tensor unary_(UnaryOp op, Tensor self) {
        if (InPlace.recording(self)) return InPlace.apply(self, old -> unary(op, old));
        return unaryInPlace(op, self);
    }

    /**
     * polygamma(n, x): digamma for n = 0, the trigamma kernel for n = 1, and above that PyTorch's
     * (-1)^(n+1) n! zeta(n + 1, x) with the Hurwitz zeta kernel.
     */
    public static Tensor polygamma(int n, Tensor x) {
        if (n < 0) throw new IllegalArgumentException("polygamma(n, x) does not support negative n.");
        if (n == 0) return unary(UnaryOp.DIGAMMA, x);
        if (n == 1) return unary(UnaryOp.TRIGAMMA, x);
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            DType dt = unaryResultType(UnaryOp.TRIGAMMA, x);
            Tensor order = Creation.full(x.shape(), Scalar.of(n + 1.0), dt, x.device());
            double factorial = 1;
            for (int k = 2; k <= n; k++) factorial *= k;
            // PyTorch scales by exp(lgamma(n + 1)), which is n! up to the rounding of the log and exp
            double factor = (n % 2 == 1 ? 1.0 : -1.0) * Math.exp(Math.log(factorial));
            r = binary("polygamma", BinaryOp.ZETA, order, x.to(dt), 1).mul(factor);
        }
        return Derivatives.polygamma(r, x, n);
    }

    /** The Hurwitz zeta function; PyTorch gives it no derivative, so inputs that require grad are refused. */
    public static Tensor zeta(Tensor x, Tensor q) {
        if (GradMode.isEnabled() && (x.requiresGrad() || q.requiresGrad())) {
            throw new IllegalArgumentException("the derivative for 'special_zeta' is not implemented.");
        }
        return binary("special_zeta", BinaryOp.ZETA, x, q, 1);
    }

    /** xlogy: x log(y), 0 where x is 0 and y is not NaN; one XlogyBackward0 node. */
    public static Tensor xlogy(Tensor self, Tensor other) {
        Checks.tensor(other, "xlogy", "other", 1);
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            Tensor v = self.mul(other.log());
            r = whereNoGrad(self.eq(0L).logicalAnd(other.isnan().logicalNot()), Torch.zerosLike(v), v);
        }
        return Derivatives.xlogy(r, self, other);
    }

    /** {@code torch.where(condition, self, other)}. */
    public static Tensor where(Tensor condition, Tensor self, Tensor other) {
        Checks.tensor(other, "where", "other", 2);
        return Derivatives.where(whereNoGrad(condition, self, other), condition, self, other);
    }

    // ---------------------------------------------------------------- binary

    public static DType binaryResultType(String name, BinaryOp op, Tensor a, Tensor b, double alpha) {
        DType t = Promotion.resultType(a, b);
        if (t == DType.BOOL && op == BinaryOp.SUB) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.");
        }
        if (op == BinaryOp.SUB && (a.dtype() == DType.BOOL || b.dtype() == DType.BOOL)) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with a bool tensor is not supported. "
                    + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        if (!t.isFloatingPoint() && (op == BinaryOp.DIV || op == BinaryOp.ATAN2 || op == BinaryOp.ZETA)) return Promotion.DEFAULT_FLOAT;
        if (!t.isFloatingPoint() && alpha != Math.rint(alpha)) {
            throw new IllegalArgumentException("For integral input tensors, argument alpha must not be a floating point number.");
        }
        return t;
    }

    public static Tensor binary(String name, BinaryOp op, Tensor a, Tensor b, double alpha) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::" + name, a, b) : null) {
            Checks.tensor(b, name, "other", 1);
            Backend be = Dispatch.backend(a, b);
            DType result = binaryResultType(name, op, a, b, alpha);
            DType ct = be.computeType(result);
            int[] shape = Shapes.broadcast(shape(a), shape(b));
            Tensor out = Dispatch.empty(be, shape, ct, deviceOf(a, b));
            be.binary(op, alpha, Dispatch.view(Copying.convert(a, ct)), Dispatch.view(Copying.convert(b, ct)), Dispatch.view(out));
            return result == ct ? out : Copying.convert(out, result);
        }
    }

    /** {@code torch.op(a, b, out=out)}: out is resized when its shape differs. */
    public static Tensor binaryOut(String name, BinaryOp op, Tensor a, Tensor b, double alpha, Tensor out) {
        Checks.tensor(out, name, "out", 2);
        Checks.tensor(b, name, "other", 1);
        checkOutNotDifferentiable(name, a, b, out);
        Tensor r = binary(name, op, a, b, alpha);
        return Copying.writeOut(r, out);
    }

    public static Tensor binaryInPlace(String name, BinaryOp op, Tensor self, Tensor b, double alpha) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::" + name + "_", self, b) : null) {
            Checks.tensor(b, name + "_", "other", 1);
            Backend be = Dispatch.backend(self, b);
            DType result = binaryResultType(name, op, self, b, alpha);
            Promotion.checkCanCast(result, self.dtype());
            int[] shape = Shapes.broadcast(shape(self), shape(b));
            if (!Arrays.equals(shape, shape(self))) {
                throw new IllegalArgumentException("output with shape " + Shapes.format(shape(self))
                        + " doesn't match the broadcast shape " + Shapes.format(shape));
            }
            DType ct = be.computeType(result);
            Overlap.checkWritable(self);
            Overlap.checkNoPartialOverlap(self, b);
            if (self.dtype() == ct) {
                be.binary(op, alpha, Dispatch.view(self), Dispatch.view(Copying.convert(b, ct)), Dispatch.view(self));
            } else {
                Tensor r = Dispatch.empty(self, shape, ct);
                be.binary(op, alpha, Dispatch.view(Copying.convert(self, ct)), Dispatch.view(Copying.convert(b, ct)), Dispatch.view(r));
                Copying.copyElements(self, r);
            }
            TensorInternals.bumpVersion(self);
            return self;
        }
    }

    /** x ** scalar, with PyTorch's shortcuts for the common exponents (they are also faster). */
    public static Tensor powScalar(Tensor a, Tensor exponent) {
        double e = exponent.item();
        DType result = binaryResultType("pow", BinaryOp.POW, a, exponent, 1);
        if (!result.isFloatingPoint() && e < 0) {
            throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
        }
        if (result == a.dtype() && result.isFloatingPoint()) {
            if (e == 1) return Copying.cloneNoGrad(a);
            if (e == 2) return binary("pow", BinaryOp.MUL, a, a, 1);
            if (e == 0.5) return unaryNoGrad(UnaryOp.SQRT, a);
            if (e == -1) return unaryNoGrad(UnaryOp.RECIPROCAL, a);
        }
        return binary("pow", BinaryOp.POW, a, exponent, 1);
    }

    /** The device of an op's result: that of its tensor operands, a Java number's only when both are numbers. */
    public static Device deviceOf(Tensor a, Tensor b) {
        return isWrappedNumber(a) && !isWrappedNumber(b) ? b.device() : a.device();
    }

    /** PyTorch refuses out= when autograd would have to see through it. */
    public static void checkOutNotDifferentiable(String name, Tensor... args) {
        if (!dev.jgrad.autograd.GradMode.isEnabled()) return;
        for (Tensor t : args) {
            if (t.requiresGrad()) {
                throw new IllegalArgumentException(name + "(): functions with out=... arguments don't support automatic differentiation, "
                        + "but one of the arguments requires grad.");
            }
        }
    }

    public static Tensor unaryOut(String name, UnaryOp op, Tensor a, Tensor out) {
        Checks.tensor(out, name, "out", 1);
        checkOutNotDifferentiable(name, a, out);
        return Copying.writeOut(unaryNoGrad(op, a), out);
    }

    // ---------------------------------------------------------------- comparisons

    public static Tensor compare(String name, CompareOp op, Tensor a, Tensor b) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::" + name, a, b) : null) {
            Checks.tensor(b, name, "other", 1);
            Backend be = Dispatch.backend(a, b);
            DType ct = be.computeType(Promotion.resultType(a, b));
            Tensor ac = Copying.convert(a, ct), bc = Copying.convert(b, ct);
            int[] shape = Shapes.broadcast(shape(a), shape(b));
            Tensor out = Dispatch.empty(be, shape, DType.BOOL, deviceOf(a, b));
            if (out.numel() == 0) return out;
            be.compare(op, Dispatch.view(ac), Dispatch.view(bc), Dispatch.view(out));
            return out;
        }
    }

    public static boolean equal(Tensor a, Tensor b) {
        Checks.tensor(b, "equal", "other", 1);
        if (!Arrays.equals(shape(a), shape(b))) return false;
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("Expected object of scalar type " + a.dtype().scalarTypeName()
                    + " but got scalar type " + b.dtype().scalarTypeName() + " for argument 'other'");
        }
        return Reductions.logicalAll(compare("equal", CompareOp.EQ, a, b), true).itemBool();
    }

    public static boolean allclose(Tensor a, Tensor b, double rtol, double atol) {
        Checks.tensor(b, "allclose", "other", 1);
        double[] x = a.expand(Shapes.toLong(Shapes.broadcast(shape(a), shape(b)))).toDoubleArray();
        double[] y = b.expand(Shapes.toLong(Shapes.broadcast(shape(a), shape(b)))).toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) continue;  // covers equal infinities
            if (!(Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]))) return false;
        }
        return true;
    }

    /**
     * {@code torch.isclose}, as PyTorch composes it: equal, or (with equalNan) both NaN, or a finite |a - b| within
     * atol + |rtol * b|; integer inputs are compared in the default float dtype.
     */
    public static Tensor isclose(Tensor a, Tensor b, double rtol, double atol, boolean equalNan) {
        Checks.tensor(b, "isclose", "other", 1);
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(a.dtype().scalarTypeName() + " did not match " + b.dtype().scalarTypeName());
        }
        if (!(rtol >= 0)) throw new IllegalArgumentException("rtol must be greater than or equal to zero, but got " + Checks.cppDouble(rtol));
        if (!(atol >= 0)) throw new IllegalArgumentException("atol must be greater than or equal to zero, but got " + Checks.cppDouble(atol));
        try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
            Tensor close = a.eq(b);
            if (equalNan && a.isFloatingPoint()) close = close.logicalOr(a.isnan().logicalAnd(b.isnan()));
            if (rtol == 0 && atol == 0) return close;
            Tensor x = a.isFloatingPoint() ? a : a.to(DType.FLOAT32), y = b.isFloatingPoint() ? b : b.to(DType.FLOAT32);
            Tensor allowed = y.mul(rtol).abs().add(atol);
            Tensor actual = x.sub(y).abs();
            return close.logicalOr(actual.isfinite().logicalAnd(actual.le(allowed)));
        }
    }

    // ---------------------------------------------------------------- unary

    public static DType unaryResultType(UnaryOp op, Tensor a) {
        DType t = a.dtype();
        if (t == DType.BOOL) {
            String kernel = switch (op) {
                case ABS -> "abs_cpu";
                case CEIL -> "ceil_vml_cpu";
                case FLOOR -> "floor_vml_cpu";
                case ROUND -> "round_vml_cpu";
                case TRUNC -> "trunc_vml_cpu";
                default -> null;
            };
            if (kernel != null) throw new IllegalArgumentException("\"" + kernel + "\" not implemented for 'Bool'");
            if (op == UnaryOp.RELU) throw new IllegalArgumentException("Boolean inputs not supported for relu");
        }
        if (op == UnaryOp.NEG && t == DType.BOOL) {
            throw new IllegalArgumentException("Negation, the `-` operator, on a bool tensor is not supported. "
                    + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        if (op == UnaryOp.FRAC && !t.isFloatingPoint()) {
            // PyTorch has no integral frac kernel; promoting would quietly return zeros
            throw new IllegalArgumentException("\"frac_cpu\" not implemented for '" + t.scalarTypeName() + "'");
        }
        if (t.isFloatingPoint() || op.keepsIntegral()) return t;
        return Promotion.DEFAULT_FLOAT;
    }

    public static Tensor unaryNoGrad(UnaryOp op, Tensor a) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::" + op.name().toLowerCase(java.util.Locale.ROOT), a) : null) {
            DType result = unaryResultType(op, a);
            Backend be = Dispatch.backend(a);
            DType ct = be.computeType(result);
            Tensor in = Copying.convert(a, ct);
            Tensor out = Dispatch.empty(a, shape(a), ct);
            be.unary(op, Dispatch.view(in), Dispatch.view(out));
            return result == ct ? out : Copying.convert(out, result);
        }
    }

    public static Tensor unaryInPlace(UnaryOp op, Tensor self) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::" + op.name().toLowerCase(java.util.Locale.ROOT) + "_", self) : null) {
            DType result = unaryResultType(op, self);
            Promotion.checkCanCast(result, self.dtype());
            Overlap.checkWritable(self);
            Backend be = Dispatch.backend(self);
            DType ct = be.computeType(result);
            if (self.dtype() == ct) {
                be.unary(op, Dispatch.view(self), Dispatch.view(self));
            } else {
                Tensor r = Dispatch.empty(self, shape(self), ct);
                be.unary(op, Dispatch.view(Copying.convert(self, ct)), Dispatch.view(r));
                Copying.copyElements(self, r);
            }
            TensorInternals.bumpVersion(self);
            return self;
        }
    }

    // ---------------------------------------------------------------- selection

    public static Tensor whereNoGrad(Tensor cond, Tensor x, Tensor y) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::where", cond, x, y) : null) {
            Checks.tensor(cond, "where", "condition", 0);
            Checks.tensor(y, "where", "other", 2);
            if (cond.dtype() != DType.BOOL) {
                throw new IllegalArgumentException("where expected condition to be a boolean tensor, but got a tensor with dtype "
                        + cond.dtype().scalarTypeName());
            }
            Backend be = Dispatch.backend(cond, x, y);
            DType result = Promotion.resultType(x, y);
            int[] shape = Shapes.broadcast(Shapes.broadcast(shape(cond), shape(x)), shape(y));
            Tensor xc = Copying.convert(x, result), yc = Copying.convert(y, result);
            Device device = !isWrappedNumber(cond) ? cond.device() : deviceOf(x, y);
            Tensor out = Dispatch.empty(be, shape, result, device);
            if (out.numel() == 0) return out;
            be.where(Dispatch.view(cond), Dispatch.view(xc), Dispatch.view(yc), Dispatch.view(out));
            return out;
        }
    }

    public static Tensor clampNoGrad(Tensor a, Double min, Double max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        Tensor r = a;
        if (min != null) r = binary("clamp", BinaryOp.MAXIMUM, r, Scalar.of(min), 1);
        if (max != null) r = binary("clamp", BinaryOp.MINIMUM, r, Scalar.of(max), 1);
        return r;
    }
}
