package dev.jgrad.internal.autograd;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.backend.ActivationOp;
import dev.jgrad.backend.UnaryOp;
import dev.jgrad.internal.TensorInternals;
import dev.jgrad.internal.autograd.FormulaNode.Formula;
import java.util.List;

/**
 * THE derivative table: every differentiable op's backward formula, in one place (PyTorch's
 * derivatives.yaml).
 *
 * <p>The contract of a row, as in derivatives.yaml: each op of a family in {@code internal.ops} computes its result
 * and passes it here with its inputs; the row records a node named as PyTorch names it, with one
 * formula per input. A formula is a closure made when the op runs: {@code g} is the gradient of the
 * result (even when it is really a grad-of-grad), the op's non-tensor arguments are captured as typed
 * locals, and a tensor the formula needs later (an input, or the result) is captured as the
 * {@link SavedTensor} handle that {@link Recorder.Row#save} returned, read with {@code unpack()} so that
 * in-place changes and freed graphs are caught. A formula never captures a saved tensor directly.
 * Formulas use only differentiable tensor ops, so {@code createGraph} gives higher-order gradients for
 * free. Broadcast gradients need no care here: the engine sums every gradient to its input's shape
 * (Note [Broadcast grads] in {@link Engine}). Longer formulas live in {@link DerivativeHelpers}.
 */
public final class Derivatives {
    private Derivatives() {}

    private static Tensor[] in(Tensor... t) { return t; }

    /** A one-input formula over one saved tensor (the input or the result). */
    @FunctionalInterface
    private interface SavedFormula {
        Tensor apply(Tensor grad, Tensor saved);
    }

    /** A one-input row whose formula reads the saved input. */
    private static Tensor onInput(String name, Tensor result, Tensor self, SavedFormula f) {
        Recorder.Row row = Recorder.start(name, result, self);
        SavedTensor x = row.save(self);
        return row.formulas(g -> f.apply(g, x.unpack()));
    }

    /** A one-input row whose formula reads the saved result. */
    private static Tensor onResult(String name, Tensor result, Tensor self, SavedFormula f) {
        Recorder.Row row = Recorder.start(name, result, self);
        SavedTensor y = row.save(result);
        return row.formulas(g -> f.apply(g, y.unpack()));
    }

    /** A piecewise-constant op: grad * 0. */
    private static Tensor zeroGrad(String name, Tensor result, Tensor self) {
        return Recorder.row(name, result, self, g -> Torch.zerosLike(g));
    }

    // ================================================================ arithmetic

    public static Tensor add(Tensor result, Tensor self, Tensor other, double alpha) {
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.row("AddBackward0", result, in(self, other),
                g -> g,                                          // self: grad
                g -> alpha == 1 ? g : g.mul(alpha));             // other: grad * alpha
    }

    public static Tensor sub(Tensor result, Tensor self, Tensor other, double alpha) {
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.row("SubBackward0", result, in(self, other),
                g -> g,                                          // self: grad
                g -> g.mul(-alpha));                             // other: -grad * alpha
    }

    /** rsub(self, other) = other - self; a Java number other is no input at all (RsubBackward1). */
    public static Tensor rsub(Tensor result, Tensor self, Tensor other, boolean otherIsNumber) {
        if (otherIsNumber) {
            if (!Recorder.shouldRecord(self)) return result;
            return Recorder.row("RsubBackward1", result, self, Tensor::neg);
        }
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.row("RsubBackward0", result, in(self, other),
                Tensor::neg,                                     // self: -grad
                g -> g);                                         // other: grad
    }

    public static Tensor mul(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start("MulBackward0", result, self, other);
        // each side is saved only for the other side's gradient
        SavedTensor s = row.save(other.requiresGrad() ? self : null), o = row.save(self.requiresGrad() ? other : null);
        return row.formulas(
                g -> mulOwned(g, o.unpack()),                    // self: grad * other
                g -> mulOwned(g, s.unpack()));                   // other: grad * self
    }

    /** grad * factor; written into grad when the engine hands it over as owned and nothing broadcasts (dropout's mask). */
    private static Tensor mulOwned(Tensor grad, Tensor factor) {
        if (Engine.mayOverwrite(grad) && grad.isContiguous() && grad.dtype() == factor.dtype() && grad.isFloatingPoint()
                && java.util.Arrays.equals(TensorInternals.shape(grad), TensorInternals.shape(factor))) {
            return grad.mul_(factor);
        }
        return grad.mul(factor);
    }

    public static Tensor div(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start("DivBackward0", result, self, other);
        SavedTensor s = row.save(other.requiresGrad() ? self : null), o = row.save(other);
        return row.formulas(
                g -> g.div(o.unpack()),                          // self: grad / other
                g -> {                                           // other: -grad * ((self / other) / other), in PyTorch's order
                    Tensor b = o.unpack();
                    return g.neg().mul(s.unpack().div(b).div(b));
                });
    }

    /** self ** exponent (a number): exponent * self^(exponent - 1), and 0 for exponent 0. */
    public static Tensor powScalar(Tensor result, Tensor self, double exponent) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("PowBackward0", result, self,
                (g, x) -> exponent == 0 ? Torch.zerosLike(g) : g.mul(x.pow(exponent - 1).mul(exponent)));
    }

    /**
     * An op whose derivative PyTorch marks not_implemented: the result requires grad (so the mistake is found),
     * and backward through it fails with PyTorch's message.
     */
    public static Tensor notImplemented(String node, String op, Tensor result, Tensor... inputs) {
        if (!Recorder.shouldRecord(inputs)) return result;
        Formula[] fs = new Formula[inputs.length];
        for (int i = 0; i < fs.length; i++) {
            fs[i] = g -> { throw new UnsupportedOperationException("the derivative for '" + op + "' is not implemented."); };
        }
        return Recorder.row(node, result, inputs, fs);
    }

    /** number ** exponent: grad * result * log(base); 0 where base is 0 and exponent >= 0. */
    public static Tensor powScalarBase(Tensor result, double base, Tensor exponent) {
        if (!Recorder.shouldRecord(exponent)) return result;
        Recorder.Row row = Recorder.start("PowBackward2", result, exponent);
        SavedTensor e = row.save(exponent), r = row.save(result);
        return row.formulas(g -> {
            Tensor d = g.mul(r.unpack().mul(Math.log(base)));
            return base == 0 ? Torch.where(e.unpack().ge(0.0), Torch.zerosLike(d), d) : d;
        });
    }

    public static Tensor pow(Tensor result, Tensor self, Tensor exponent) {
        if (!Recorder.shouldRecord(self, exponent)) return result;
        Recorder.Row row = Recorder.start("PowBackward1", result, self, exponent);
        SavedTensor s = row.save(self), e = row.save(exponent), r = row.save(result);
        return row.formulas(
                g -> {  // self: grad * other * self^(other - 1), 0 where other == 0
                    Tensor other = e.unpack();
                    Tensor d = g.mul(other).mul(s.unpack().pow(other.sub(1L)));
                    return Torch.where(other.eq(0.0), Torch.zerosLike(d), d);
                },
                g -> {  // other: grad * result * log(self), 0 where self == 0 and other >= 0
                    Tensor x = s.unpack();
                    Tensor d = g.mul(r.unpack()).mul(x.log());
                    return Torch.where(x.eq(0.0).logicalAnd(e.unpack().ge(0.0)), Torch.zerosLike(d), d);
                });
    }

    /** grad where a wins (a > b), half of it on ties. */
    private static Tensor selectGrad(Tensor g, Tensor a, Tensor b) {
        Tensor tie = Torch.where(a.eq(b), g.div(2L), g);
        return Torch.where(a.lt(b), Torch.zerosLike(tie), tie);
    }

    public static Tensor maximum(Tensor result, Tensor self, Tensor other, boolean max) {
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start(max ? "MaximumBackward0" : "MinimumBackward0", result, self, other);
        SavedTensor s = row.save(self), o = row.save(other);
        // maximum: where(self < other, 0, where(self == other, grad/2, grad)); minimum the same with the sides swapped
        return max
                ? row.formulas(g -> selectGrad(g, s.unpack(), o.unpack()), g -> selectGrad(g, o.unpack(), s.unpack()))
                : row.formulas(g -> selectGrad(g, o.unpack(), s.unpack()), g -> selectGrad(g, s.unpack(), o.unpack()));
    }

    public static Tensor atan2(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start("Atan2Backward0", result, self, other);
        SavedTensor s = row.save(self), o = row.save(other);
        return row.formulas(
                g -> g.mul(o.unpack()).div(s.unpack().square().add(o.unpack().square())),
                g -> g.neg().mul(s.unpack()).div(s.unpack().square().add(o.unpack().square())));
    }

    public static Tensor remainder(Tensor result, Tensor self, Tensor other, boolean otherIsNumber) {
        if (otherIsNumber) {
            if (!Recorder.shouldRecord(self)) return result;
            return Recorder.row("RemainderBackward0", result, self, g -> g);
        }
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start("RemainderBackward1", result, self, other);
        SavedTensor s = row.save(self), o = row.save(other);
        return row.formulas(
                g -> g,                                                       // self: grad
                g -> g.neg().mul(divFloor(s.unpack(), o.unpack())));          // other: -grad * self.div(other, rounding_mode="floor")
    }

    /**
     * self.div(other, rounding_mode="floor") as remainder's derivative uses it: floor_divide's values, but the
     * node of div with a rounding mode (DivBackward2, gradient zero), which unlike floor_divide's has a derivative.
     */
    private static Tensor divFloor(Tensor self, Tensor other) {
        Tensor result;
        try (var guard = GradMode.setEnabled(false)) {
            result = self.floorDivide(other);
        }
        if (!Recorder.shouldRecord(self, other) || !result.isFloatingPoint()) return result;
        return Recorder.row("DivBackward2", result, in(self, other), g -> g.mul(0L), g -> g.mul(0L));
    }

    /**
     * PyTorch 1.13 has no derivative for floor_divide (it is not in derivatives.yaml): the result's grad_fn
     * is a NotImplemented node, and backward through it fails with this message (not zeros).
     */
    public static Tensor floorDivide(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other) || !result.isFloatingPoint()) return result;
        Formula fail = g -> { throw new UnsupportedOperationException("derivative for aten::floor_divide is not implemented"); };
        return Recorder.row("NotImplemented", result, in(self, other), fail, fail);
    }

    /** min/max null: no bound on that side. */
    public static Tensor clamp(Tensor result, Tensor self, Double min, Double max) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("ClampBackward1", result, self, (g, x) -> {  // grad where min <= self <= max
            Tensor keep = Torch.onesLike(x).toBool();
            if (min != null) keep = keep.logicalAnd(x.ge(min));
            if (max != null) keep = keep.logicalAnd(x.le(max));
            return Torch.where(keep, g, Torch.zerosLike(g));
        });
    }

    public static Tensor where(Tensor result, Tensor condition, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start("WhereBackward0", result, self, other);
        SavedTensor c = row.save(condition);
        return row.formulas(
                g -> Torch.where(c.unpack(), g, Torch.zerosLike(g)),     // self: where(condition, grad, 0)
                g -> Torch.where(c.unpack(), Torch.zerosLike(g), g));    // other: where(condition, 0, grad)
    }

    /** clamp with tensor bounds (either may be null): min(max(self, min), max). */
    public static Tensor clamp(Tensor result, Tensor self, Tensor min, Tensor max) {
        Tensor[] inputs = in(self, min, max);
        if (!Recorder.shouldRecord(inputs)) return result;
        Recorder.Row row = Recorder.start("ClampBackward0", result, inputs);
        SavedTensor x = row.save(self), lo = row.save(min), hi = row.save(max);
        return row.formulas(
                g -> {                                           // self: grad where min <= self <= max
                    Tensor v = x.unpack(), keep = Torch.onesLike(v).toBool();
                    if (lo != null) keep = keep.logicalAnd(v.ge(lo.unpack()));
                    if (hi != null) keep = keep.logicalAnd(v.le(hi.unpack()));
                    return Torch.where(keep, g, Torch.zerosLike(g));
                },
                g -> {                                           // min: grad where self < min (and min < max)
                    Tensor take = x.unpack().lt(lo.unpack());
                    if (hi != null) take = take.logicalAnd(lo.unpack().lt(hi.unpack()));
                    return Torch.where(take, g, Torch.zerosLike(g));
                },
                g -> {                                           // max: grad where self > max (or max < min)
                    Tensor take = x.unpack().gt(hi.unpack());
                    if (lo != null) take = take.logicalOr(hi.unpack().lt(lo.unpack()));
                    return Torch.where(take, g, Torch.zerosLike(g));
                });
    }

    /** masked_fill with a Java number: the filled positions get no gradient. */
    public static Tensor maskedFill(Tensor result, Tensor self, Tensor mask) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start("MaskedFillBackward0", result, self);
        SavedTensor m = row.save(mask);
        return row.formulas(g -> g.maskedFill(m.unpack(), 0.0));          // self: grad.masked_fill(mask, 0)
    }

    /** masked_fill with a 0-dim tensor value, which gets the gradient of every position it filled. */
    public static Tensor maskedFill(Tensor result, Tensor self, Tensor mask, Tensor value) {
        if (!Recorder.shouldRecord(self, value)) return result;
        Recorder.Row row = Recorder.start("MaskedFillBackward1", result, self, value);
        SavedTensor m = row.save(mask);
        return row.formulas(
                g -> g.maskedFill(m.unpack(), 0.0),                     // self: grad.masked_fill(mask, 0)
                g -> Torch.where(m.unpack(), g, Torch.zerosLike(g)).sum());  // value: grad summed over the mask
    }

    /** tril/triu: the gradient keeps the same triangle. */
    public static Tensor triangle(Tensor result, Tensor self, long diagonal, boolean lower) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row(lower ? "TrilBackward0" : "TriuBackward0", result, self,
                g -> lower ? g.tril(diagonal) : g.triu(diagonal));
    }

    public static Tensor nanToNum(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("NanToNumBackward0", result, self, (g, x) -> g.mul(x.isfinite()));  // grad * isfinite(self)
    }

    // ================================================================ unary math

    /** Unary ops by PyTorch name; each row reads either the saved input (x) or the saved result (y). */
    public static Tensor unary(UnaryOp op, Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return switch (op) {  // exhaustive: javac rejects a UnaryOp without its row
            case NEG -> Recorder.row("NegBackward0", result, self, Tensor::neg);
            case ABS -> onInput("AbsBackward0", result, self, (g, x) -> g.mul(x.sign()));
            case EXP -> onResult("ExpBackward0", result, self, (g, y) -> g.mul(y));
            case LOG -> onInput("LogBackward0", result, self, (g, x) -> g.div(x));
            case SQRT -> onResult("SqrtBackward0", result, self, (g, y) -> g.div(y.mul(2L)));
            case RSQRT -> onResult("RsqrtBackward0", result, self, (g, y) -> g.mul(y.pow(3L)).mul(-0.5));
            case SIN -> onInput("SinBackward0", result, self, (g, x) -> g.mul(x.cos()));
            case COS -> onInput("CosBackward0", result, self, (g, x) -> g.mul(x.sin().neg()));
            case TAN -> onResult("TanBackward0", result, self, (g, y) -> g.mul(y.square().add(1L)));
            // tanh_backward and sigmoid_backward are fused kernels: 16-bit operands compute in float32 and round once
            case TANH -> onResult("TanhBackward0", result, self, inFloat32((g, y) -> g.mul(y.square().rsub(1L))));
            case SIGMOID -> onResult("SigmoidBackward0", result, self, inFloat32((g, y) -> g.mul(y.mul(y.rsub(1L)))));
            case RELU -> onResult("ReluBackward0", result, self, Derivatives::thresholdBackward);
            case LOG1P -> onInput("Log1PBackward0", result, self, (g, x) -> g.div(x.add(1L)));
            case EXPM1 -> onResult("Expm1Backward0", result, self, (g, y) -> g.mul(y.add(1L)));
            case RECIPROCAL -> onResult("ReciprocalBackward0", result, self, (g, y) -> g.neg().mul(y.square()));
            case FLOOR -> zeroGrad("FloorBackward0", result, self);
            case CEIL -> zeroGrad("CeilBackward0", result, self);
            case ROUND -> zeroGrad("RoundBackward0", result, self);
            case TRUNC -> zeroGrad("TruncBackward0", result, self);
            case SIGN -> zeroGrad("SignBackward0", result, self);
            case ASIN -> onInput("AsinBackward0", result, self, (g, x) -> g.div(x.square().rsub(1L).sqrt()));
            case ACOS -> onInput("AcosBackward0", result, self, (g, x) -> g.neg().div(x.square().rsub(1L).sqrt()));
            case ATAN -> onInput("AtanBackward0", result, self, (g, x) -> g.div(x.square().add(1L)));
            case SINH -> onInput("SinhBackward0", result, self, (g, x) -> g.mul(x.cosh()));
            case COSH -> onInput("CoshBackward0", result, self, (g, x) -> g.mul(x.sinh()));
            case LOG2 -> onInput("Log2Backward0", result, self, (g, x) -> g.div(x.mul(Math.log(2))));
            case LOG10 -> onInput("Log10Backward0", result, self, (g, x) -> g.div(x.mul(Math.log(10))));
            case ERF -> onInput("ErfBackward0", result, self, (g, x) -> g.mul(x.square().neg().exp().mul(2 / Math.sqrt(Math.PI))));
            case ASINH -> onInput("AsinhBackward0", result, self, (g, x) -> g.mul(x.square().add(1L).rsqrt()));       // grad / sqrt(x^2 + 1)
            case ACOSH -> onInput("AcoshBackward0", result, self, (g, x) -> g.mul(x.square().sub(1L).rsqrt()));       // grad / sqrt(x^2 - 1)
            case ATANH -> onInput("AtanhBackward0", result, self, (g, x) -> g.div(x.square().rsub(1L)));              // grad / (1 - x^2)
            case EXP2 -> onResult("Exp2Backward0", result, self, (g, y) -> g.mul(y.mul(Math.log(2))));               // grad * result * ln 2
            case ERFC -> onInput("ErfcBackward0", result, self, (g, x) -> g.mul(x.square().neg().exp().mul(-2 / Math.sqrt(Math.PI))));
            case FRAC -> Recorder.row("FracBackward0", result, self, g -> g);                                          // grad
            case ERFINV -> onResult("ErfinvBackward0", result, self,                                                 // grad * sqrt(pi)/2 * exp(erfinv(x)^2)
                    (g, y) -> g.mul(y.square().exp().mul(0.5 * Math.sqrt(Math.PI))));
            case LGAMMA -> onInput("LgammaBackward0", result, self, (g, x) -> g.mul(x.digamma()));                   // grad * digamma(x)
            case DIGAMMA -> onInput("DigammaBackward0", result, self, (g, x) -> g.mul(x.polygamma(1)));              // grad * polygamma(1, x)
            case TRIGAMMA -> onInput("PolygammaBackward0", result, self, (g, x) -> g.mul(x.polygamma(2)));           // grad * polygamma(2, x)
            case I0 -> onInput("I0Backward0", result, self, (g, x) -> g.mul(dev.jgrad.Special.i1(x)));                // grad * i1(x)
            case I0E -> {                                                                                               // grad * (i1e(x) - sgn(x) * result)
                Recorder.Row row = Recorder.start("SpecialI0EBackward0", result, self);
                SavedTensor x = row.save(self), y = row.save(result);
                yield row.formulas(g -> g.mul(dev.jgrad.Special.i1e(x.unpack()).sub(x.unpack().sign().mul(y.unpack()))));
            }
            case I1 -> besselBackward("SpecialI1Backward0", result, self, false);
            case I1E -> besselBackward("SpecialI1EBackward0", result, self, true);
            case ERFCX -> {                                                                                             // grad * (2 x result - 2 / sqrt(pi))
                Recorder.Row row = Recorder.start("SpecialErfcxBackward0", result, self);
                SavedTensor x = row.save(self), y = row.save(result);
                yield row.formulas(g -> g.mul(x.unpack().mul(y.unpack()).mul(2L).sub(2 / Math.sqrt(Math.PI))));
            }
            case FREXP_MANTISSA, FREXP_EXPONENT -> throw new IllegalStateException("frexp records FrexpBackward0 itself");
        };
    }

    /**
     * PyTorch's i1_backward / i1e_backward: grad * (i0(x) - result / x), or with the scaled forms
     * grad * (i0e(x) - result * (sgn(x) + 1 / x)); 0.5 where |x| <= eps, where the formula is 0/0.
     */
    private static Tensor besselBackward(String name, Tensor result, Tensor self, boolean scaled) {
        Recorder.Row row = Recorder.start(name, result, self);
        SavedTensor xs = row.save(self), ys = row.save(result);
        return row.formulas(g -> {
            Tensor x = xs.unpack(), y = ys.unpack();
            double eps = x.dtype() == DType.FLOAT32 ? Math.ulp(1f) : Math.ulp(1.0);
            Tensor notTiny = x.abs().gt(eps);
            Tensor safe = Torch.where(notTiny, x, Torch.fullLike(x, eps));
            Tensor dx = scaled ? dev.jgrad.Special.i0e(safe).sub(y.mul(safe.sign().add(safe.reciprocal())))
                    : dev.jgrad.Special.i0(safe).sub(y.mul(safe.reciprocal()));
            return g.mul(Torch.where(notTiny, dx, Torch.fullLike(dx, 0.5)));
        });
    }

    /** frexp: the mantissa's gradient is grad / 2^exponent; the int32 exponent takes none. */
    public static Tensor frexp(Tensor mantissa, Tensor exponent, Tensor self) {
        if (!Recorder.shouldRecord(self)) return mantissa;
        Recorder.Row row = Recorder.start("FrexpBackward0", mantissa, self);
        SavedTensor e = row.save(exponent);
        return row.formulas(g -> g.div(e.unpack().exp2()));
    }

    /** igamma / igammac: PyTorch differentiates only in x (other); the shape parameter's gradient is not implemented. */
    public static Tensor igamma(Tensor result, Tensor self, Tensor other, boolean upper) {
        if (!Recorder.shouldRecord(self, other)) return result;
        String op = upper ? "igammac" : "igamma";
        Recorder.Row row = Recorder.start(upper ? "IgammacBackward0" : "IgammaBackward0", result, in(self, other));
        SavedTensor a = row.save(self), x = row.save(other);
        return row.formulas(
                g -> { throw new IllegalArgumentException("the derivative for '" + op + ": input' is not implemented."); },
                g -> {  // +-grad * exp((a - 1) log x - x - lgamma(a))
                    Tensor av = a.unpack(), xv = x.unpack();
                    Tensor d = av.sub(1L).mul(xv.log()).sub(xv).sub(av.lgamma()).exp();
                    return upper ? g.neg().mul(d) : g.mul(d);
                });
    }

    /**
     * relu's backward, grad where result &gt; 0 else 0, as an op of its own (PyTorch's threshold_backward):
     * it takes result as an input so that its output requires grad whenever result does.
     */
    public static Tensor thresholdBackward(Tensor grad, Tensor result) { return thresholdBackward(grad, result, 0); }

    /** threshold_backward(grad, self, threshold): grad where self &gt; threshold, else 0 (also threshold's own backward). */
    public static Tensor thresholdBackward(Tensor grad, Tensor self, double threshold) {
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            // in a backward pass the engine may hand relu's formula a gradient nothing else reads: mask it in place
            r = Engine.mayOverwrite(grad) ? dev.jgrad.internal.ops.Activations.thresholdBackward_(grad, self, threshold)
                    : dev.jgrad.internal.ops.Activations.thresholdBackward(grad, self, threshold);
        }
        if (!Recorder.shouldRecord(grad, self)) return r;
        Recorder.Row row = Recorder.start("ThresholdBackwardBackward0", r, grad, self);
        SavedTensor y = row.save(self);
        return row.formulas(
                g -> thresholdBackward(g, y.unpack(), threshold),  // grad: the same mask
                g -> Torch.zerosLike(y.unpack()));                 // self: piecewise constant
    }

    // ================================================================ reductions

    private static long numel(int[] shape) {
        long r = 1;
        for (int s : shape) r *= s;
        return r;
    }

    public static Tensor sum(Tensor result, Tensor self, int[] dims, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        if (dims == null) return Recorder.row("SumBackward0", result, self, g -> g.expand(DerivativeHelpers.toLong(shape)));
        return Recorder.row("SumBackward1", result, self, g -> DerivativeHelpers.expandReduced(g, shape, dims, keepdim));
    }

    public static Tensor mean(Tensor result, Tensor self, int[] dims, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        if (dims == null) {
            double all = Math.max(1, numel(shape));
            return Recorder.row("MeanBackward0", result, self, g -> g.expand(DerivativeHelpers.toLong(shape)).div(all));
        }
        double c = numel(shape) / (double) Math.max(1, result.numel());
        if (result.numel() == 0 || numel(shape) == 0) {
            c = 1;
            for (int d : DerivativeHelpers.wrapped(dims, shape.length)) c *= shape.length == 0 ? 1 : shape[d];
        }
        double count = c;
        return Recorder.row("MeanBackward1", result, self, g -> DerivativeHelpers.expandReduced(g, shape, dims, keepdim).div(count));
    }

    public static Tensor prod(Tensor result, Tensor self, Integer dim, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start(dim == null ? "ProdBackward0" : "ProdBackward1", result, self);
        SavedTensor x = row.save(self), y = row.save(result);
        if (dim == null) return row.formulas(g -> DerivativeHelpers.prodBackward(g, x.unpack(), y.unpack(), null, false));
        int d = dim < 0 ? dim + Math.max(1, self.dim()) : dim;
        return row.formulas(g -> DerivativeHelpers.prodBackward(g, x.unpack(), y.unpack(), d, keepdim));
    }

    /** max()/min() over all elements (MaxBackward1). */
    public static Tensor extremeAll(Tensor result, Tensor self, boolean max) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start(max ? "MaxBackward1" : "MinBackward1", result, self);
        SavedTensor x = row.save(self), y = row.save(result);
        return row.formulas(g -> DerivativeHelpers.evenlyDistribute(g, x.unpack(), y.unpack()));
    }

    /** max(dim)/min(dim): the values output is differentiable, the indices are not (MaxBackward0). */
    public static Tensor extremeDim(Tensor values, Tensor indices, Tensor self, int dim, boolean keepdim, boolean max) {
        if (!Recorder.shouldRecord(self)) return values;
        int d = dim < 0 ? dim + Math.max(1, self.dim()) : dim;
        int[] shape = TensorInternals.shape(self);
        Recorder.Row row = Recorder.start(max ? "MaxBackward0" : "MinBackward0", values, self);
        SavedTensor idx = row.save(indices);
        return row.formulas(g -> DerivativeHelpers.valueSelectingBackward(g, d, idx.unpack(), shape, keepdim));
    }

    public static Tensor amax(Tensor result, Tensor self, int dim, boolean keepdim, boolean max) {
        if (!Recorder.shouldRecord(self)) return result;
        int d = dim < 0 ? dim + Math.max(1, self.dim()) : dim;
        Recorder.Row row = Recorder.start(max ? "AmaxBackward0" : "AminBackward0", result, self);
        SavedTensor x = row.save(self), y = row.save(result);
        return row.formulas(g -> DerivativeHelpers.evenlyDistributeDim(g, x.unpack(), y.unpack(), d, keepdim));
    }

    public static Tensor norm(Tensor result, Tensor self, double p, int[] dims, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start("NormBackward1", result, self);
        SavedTensor x = row.save(self), y = row.save(result);
        return row.formulas(g -> DerivativeHelpers.normBackward(g, x.unpack(), y.unpack(), p, dims, keepdim));
    }

    /** var over dims (all dims wrapped, non-empty) with Bessel's correction: 2 (self - mean) / (N - correction). */
    public static Tensor var(Tensor result, Tensor self, int[] dims, long correction, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("VarBackward0", result, self, (g, x) -> DerivativeHelpers.varBackward(g, x, dims, correction, keepdim));
    }

    /** std = sqrt(var): var's formula on grad / (2 std), and 0 where std is 0. */
    public static Tensor std(Tensor result, Tensor self, int[] dims, long correction, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start("StdBackward0", result, self);
        SavedTensor x = row.save(self), y = row.save(result);
        return row.formulas(g -> {
            Tensor std = y.unpack();
            Tensor gv = g.div(std.mul(2L)).maskedFill(std.eq(0L), 0.0);
            return DerivativeHelpers.varBackward(gv, x.unpack(), dims, correction, keepdim);
        });
    }

    /** cumsum: each input feeds every later output, so its gradient is the reversed running sum. */
    public static Tensor cumsum(Tensor result, Tensor self, int dim) {
        if (!Recorder.shouldRecord(self)) return result;
        DType dtype = self.dtype();
        return Recorder.row("CumsumBackward0", result, self, g -> {
            Tensor r = self.dim() == 0 ? g : DerivativeHelpers.reversedCumsum(g, dim);
            return r.dtype() == dtype ? r : r.to(dtype);
        });
    }

    public static Tensor cumprod(Tensor result, Tensor self, int dim) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start("CumprodBackward0", result, self);
        SavedTensor x = row.save(self), y = row.save(result);
        return row.formulas(g -> DerivativeHelpers.cumprodBackward(g, x.unpack(), y.unpack(), dim));
    }

    /** median of all elements: the gradient is shared evenly among the elements equal to the median. */
    public static Tensor median(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start("MedianBackward0", result, self);
        SavedTensor x = row.save(self), y = row.save(result);
        return row.formulas(g -> DerivativeHelpers.evenlyDistribute(g, x.unpack(), y.unpack()));
    }

    /** nanmedian of all elements: shared evenly by the elements equal to it (NaN ones when it is NaN). */
    public static Tensor nanmedian(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start("NanmedianBackward0", result, self);
        SavedTensor x = row.save(self), y = row.save(result);
        return row.formulas(g -> DerivativeHelpers.evenlyDistribute(g, x.unpack(), y.unpack()));
    }

    /** mode / nanmedian along dim (name says which): the gradient goes to the selected position. */
    public static Tensor selectingDim(String name, Tensor values, Tensor indices, Tensor self, int dim, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return values;
        int[] shape = TensorInternals.shape(self);
        Recorder.Row row = Recorder.start(name, values, self);
        SavedTensor idx = row.save(indices);
        return row.formulas(g -> DerivativeHelpers.valueSelectingBackward(g, dim, idx.unpack(), shape, keepdim));
    }

    /** median along dim: the gradient goes to the selected position. */
    public static Tensor medianDim(Tensor values, Tensor indices, Tensor self, int dim, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return values;
        int[] shape = TensorInternals.shape(self);
        Recorder.Row row = Recorder.start("MedianBackward1", values, self);
        SavedTensor idx = row.save(indices);
        return row.formulas(g -> DerivativeHelpers.valueSelectingBackward(g, dim, idx.unpack(), shape, keepdim));
    }

    /** sort/topk: the values output is differentiable (each value's gradient goes back to where it came from), the indices are not. */
    public static Tensor sortValues(String name, Tensor values, Tensor indices, Tensor self, int dim) {
        if (!Recorder.shouldRecord(self)) return values;
        int[] shape = TensorInternals.shape(self);
        Recorder.Row row = Recorder.start(name, values, self);
        SavedTensor idx = row.save(indices);
        return row.formulas(g -> DerivativeHelpers.valueSelectingBackward(g, dim, idx.unpack(), shape, true));
    }

    // ================================================================ linear algebra
    // Each operand is saved only when the other one needs a gradient: it appears only in the other's formula.

    public static Tensor mm(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        // PyTorch's mm_mat2_backward: for a column-major mat2 (a linear weight's .t()) the gradient is computed as
        // (grad^T @ self)^T, column-major too, so the weight's gradient comes out contiguous and the leaf adopts it
        boolean columnMajor = other.dim() == 2 && other.stride(0) == 1 && other.stride(1) == other.size(0);
        Recorder.Row row = Recorder.start("MmBackward0", result, self, other);
        SavedTensor s = row.save(other.requiresGrad() ? self : null), o = row.save(self.requiresGrad() ? other : null);
        return row.formulas(
                g -> DerivativeHelpers.mmReusing(g, o.unpack().t()),  // self: grad @ other^T
                g -> columnMajor ? DerivativeHelpers.mmReusing(g.t(), s.unpack()).t()
                        : DerivativeHelpers.mmReusing(s.unpack().t(), g));  // mat2: self^T @ grad
    }

    public static Tensor bmm(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start("BmmBackward0", result, self, other);
        SavedTensor s = row.save(other.requiresGrad() ? self : null), o = row.save(self.requiresGrad() ? other : null);
        return row.formulas(
                g -> g.bmm(o.unpack().transpose(1, 2)),
                g -> s.unpack().transpose(1, 2).bmm(g));
    }

    public static Tensor mv(Tensor result, Tensor self, Tensor vec) {
        if (!Recorder.shouldRecord(self, vec)) return result;
        Recorder.Row row = Recorder.start("MvBackward0", result, self, vec);
        SavedTensor s = row.save(vec.requiresGrad() ? self : null), v = row.save(self.requiresGrad() ? vec : null);
        return row.formulas(
                g -> g.unsqueeze(1).mul(v.unpack()),             // self: outer(grad, vec)
                g -> s.unpack().t().mv(g));                      // vec: self^T @ grad
    }

    public static Tensor dot(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start("DotBackward0", result, self, other);
        SavedTensor s = row.save(other.requiresGrad() ? self : null), o = row.save(self.requiresGrad() ? other : null);
        return row.formulas(g -> g.mul(o.unpack()), g -> g.mul(s.unpack()));
    }

    // ================================================================ views and shape

    /** The gradient takes the input's shape back. */
    private static Tensor reshapeBack(String name, Tensor result, Tensor self) {
        int[] shape = TensorInternals.shape(self);
        return Recorder.row(name, result, self, g -> g.reshape(DerivativeHelpers.toLong(shape)));
    }

    /** view, reshape (view path), flatten, squeeze(): the gradient takes the input's shape back. */
    public static Tensor view(Tensor result, Tensor self) { return viewLike("ViewBackward0", result, self); }

    public static Tensor squeeze(Tensor result, Tensor self) { return viewLike("SqueezeBackward0", result, self); }

    /** {@code x[...]}: a new tensor object over the same layout. */
    public static Tensor alias(Tensor result, Tensor self) { return viewLike("AliasBackward0", result, self); }

    private static Tensor viewLike(String name, Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return reshapeBack(name, result, self);
    }

    public static Tensor transpose(Tensor result, Tensor self, int dim0, int dim1) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("TransposeBackward0", result, self, g -> g.transpose(dim0, dim1));
    }

    /** What transpose_ records (TransposeBackward1): PyTorch's RNN and GRU return their batch-first output through it. */
    public static Tensor transposeInPlace(Tensor result, Tensor self, int dim0, int dim1) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("TransposeBackward1", result, self, g -> g.transpose(dim0, dim1));
    }

    /** t_: TBackward1, the gradient transposed back. */
    public static Tensor tInPlace(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("TBackward1", result, self, Tensor::t);
    }

    /** squeeze_ / unsqueeze_ (name says which): the gradient reshaped to the shape before. */
    public static Tensor reshapeBack(String name, Tensor result, Tensor self, long[] before) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row(name, result, self, g -> g.reshape(before));
    }

    /**
     * as_strided: the gradient summed into a zero buffer over the input's storage at the positions the result
     * reads (overlapping positions add up), then read back with the input's geometry (as_strided_backward
     * for inputs that do not overlap themselves).
     */
    public static Tensor asStrided(Tensor result, Tensor self, long[] size, long[] stride, long offset) {
        if (!Recorder.shouldRecord(self)) return result;
        int span = TensorInternals.storage(self).size();
        long[] inShape = self.shape(), inStride = self.stride();
        long inOffset = self.storageOffset();
        return Recorder.row("AsStridedBackward0", result, self, g -> {
            Tensor positions = Torch.arange(span).asStrided(size, stride, offset).reshape(-1);
            Tensor flat = g.newZeros(span).indexAdd(0, positions, g.reshape(-1));
            return flat.asStrided(inShape, inStride, inOffset);
        });
    }

    public static Tensor t(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("TBackward0", result, self, Tensor::t);
    }

    public static Tensor permute(Tensor result, Tensor self, int[] dims) {
        if (!Recorder.shouldRecord(self)) return result;
        int nd = dims.length;
        int[] inverse = new int[nd];
        for (int i = 0; i < nd; i++) inverse[dims[i] < 0 ? dims[i] + nd : dims[i]] = i;
        return Recorder.row("PermuteBackward0", result, self, g -> g.permute(inverse));
    }

    /** squeeze(dim): dim is -1 when nothing was squeezed. */
    public static Tensor squeezeDim(Tensor result, Tensor self, int squeezedDim) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("SqueezeBackward1", result, self, g -> squeezedDim < 0 ? g : g.unsqueeze(squeezedDim));
    }

    public static Tensor unsqueeze(Tensor result, Tensor self, int dim) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("UnsqueezeBackward0", result, self, g -> g.squeeze(dim));
    }

    public static Tensor expand(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("ExpandBackward0", result, self, g -> DerivativeHelpers.sumTo(g, shape));
    }

    public static Tensor select(Tensor result, Tensor self, int dim, long index) {
        if (!Recorder.shouldRecord(self)) return result;
        int d = dim < 0 ? dim + self.dim() : dim;
        long i = index < 0 ? index + self.size(d) : index;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("SelectBackward0", result, self, g -> DerivativeHelpers.selectBackward(g, shape, d, i));
    }

    public static Tensor selectBackwardRow(Tensor result, Tensor grad, int dim, long index) {
        if (!Recorder.shouldRecord(grad)) return result;
        return Recorder.row("SelectBackwardBackward0", result, grad, g -> g.select(dim, index));
    }

    public static Tensor slice(Tensor result, Tensor self, int dim, long start, long end, long step) {
        if (!Recorder.shouldRecord(self)) return result;
        int d = dim < 0 ? dim + self.dim() : dim;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("SliceBackward0", result, self, g -> DerivativeHelpers.sliceBackward(g, shape, d, start, end, step));
    }

    public static Tensor sliceBackwardRow(Tensor result, Tensor grad, int dim, long start, long end, long step) {
        if (!Recorder.shouldRecord(grad)) return result;
        return Recorder.row("SliceBackwardBackward0", result, grad, g -> g.slice(dim, start, end, step));
    }

    public static Tensor clone(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("CloneBackward0", result, self, g -> g);
    }

    /** reshape that had to copy: PyTorch records the copy's view as _unsafe_view. */
    public static Tensor unsafeView(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return reshapeBack("UnsafeViewBackward0", result, self);
    }

    public static Tensor toCopy(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self) || !result.isFloatingPoint()) return result;
        DType from = self.dtype();
        return Recorder.row("ToCopyBackward0", result, self, g -> g.to(from));
    }

    /** unfold: every window's gradient added back to the positions it viewed (windows may overlap). */
    public static Tensor unfold(Tensor result, Tensor self, int dim, long size, long step) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("UnfoldBackward0", result, self, g -> DerivativeHelpers.unfoldBackward(g, shape, dim, size, step));
    }

    public static Tensor flip(Tensor result, Tensor self, int[] dims) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("FlipBackward0", result, self, g -> g.flip(dims));
    }

    /** repeat: every tile's gradient sums back onto the input. */
    public static Tensor repeat(Tensor result, Tensor self, long[] repeats) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("RepeatBackward0", result, self, g -> DerivativeHelpers.repeatBackward(g, repeats, shape));
    }

    public static Tensor diagonal(Tensor result, Tensor self, long offset, int dim1, int dim2) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("DiagonalBackward0", result, self, g -> DerivativeHelpers.diagonalBackward(g, shape, offset, dim1, dim2));
    }

    public static Tensor diagonalBackwardRow(Tensor result, Tensor grad, long offset, int dim1, int dim2) {
        if (!Recorder.shouldRecord(grad)) return result;
        return Recorder.row("DiagonalBackwardBackward0", result, grad, g -> g.diagonal(offset, dim1, dim2));
    }

    /** trace: the gradient is grad on the main diagonal. */
    public static Tensor trace(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("TraceBackward0", result, self,
                g -> DerivativeHelpers.diagonalBackward(g.expand(Math.min(shape[0], shape[1])), shape, 0, 0, 1));
    }

    /** diag of a vector (a matrix with it on diagonal offset) or of a matrix (that diagonal, copied). */
    public static Tensor diag(Tensor result, Tensor self, long offset) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("DiagBackward0", result, self,
                g -> shape.length == 1 ? g.diagonal(offset, 0, 1) : DerivativeHelpers.diagonalBackward(g, shape, offset, 0, 1));
    }

    // ================================================================ joins and splits

    public static Tensor cat(Tensor result, List<Tensor> tensors, int dim) {
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        if (!Recorder.shouldRecord(inputs)) return result;
        int d = dim < 0 ? dim + result.dim() : dim;
        Formula[] f = new Formula[inputs.length];
        long start = 0;
        for (int i = 0; i < inputs.length; i++) {
            // a legacy empty (0,) input takes part in no dim, so it gets an empty gradient of its own shape
            boolean legacyEmpty = inputs[i].dim() == 1 && inputs[i].size(0) == 0;
            long size = legacyEmpty ? 0 : inputs[i].size(d);
            long from = start;
            f[i] = legacyEmpty ? g -> g.newZeros(0) : g -> g.narrow(d, from, size);
            start += size;
        }
        return Recorder.row("CatBackward0", result, inputs, f);
    }

    public static Tensor stack(Tensor result, List<Tensor> tensors, int dim) {
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        if (!Recorder.shouldRecord(inputs)) return result;
        int d = dim < 0 ? dim + result.dim() : dim;
        Formula[] f = new Formula[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            long at = i;
            f[i] = g -> g.select(d, at);
        }
        return Recorder.row("StackBackward0", result, inputs, f);
    }

    /** unbind/split/chunk: one node with several outputs; the input's gradient joins theirs (zeros where none came). */
    /** split and chunk: the parts are slices along dim. */
    public static List<Tensor> split(List<Tensor> parts, Tensor self, int dim) { return splitLike("SplitBackward0", parts, self, dim, false); }

    /** split with a list of sizes. */
    public static List<Tensor> splitWithSizes(List<Tensor> parts, Tensor self, int dim) {
        return splitLike("SplitWithSizesBackward0", parts, self, dim, false);
    }

    /** unbind: the parts are selects along dim (that dim removed). */
    public static List<Tensor> unbind(List<Tensor> parts, Tensor self, int dim) { return splitLike("UnbindBackward0", parts, self, dim, true); }

    private static List<Tensor> splitLike(String name, List<Tensor> parts, Tensor self, int dim, boolean unbind) {
        ViewTracking.markMultiOutput(parts);
        if (!Recorder.shouldRecord(self)) return parts;
        int d = dim < 0 ? dim + self.dim() : dim;
        Tensor[] results = parts.toArray(new Tensor[0]);
        Device device = self.device();
        // the parts' metadata, not the parts: the node must not keep its own outputs alive
        int[][] shapes = new int[results.length][];
        DType[] dtypes = new DType[results.length];
        for (int i = 0; i < results.length; i++) {
            shapes[i] = TensorInternals.shape(results[i]);
            dtypes[i] = results[i].dtype();
        }
        Recorder.startMulti(name, results, self).outputsFormulas(gs -> {
            List<Tensor> pieces = new java.util.ArrayList<>(gs.length);
            for (int i = 0; i < gs.length; i++) {
                pieces.add(gs[i] != null ? gs[i] : Torch.zeros(dtypes[i], device, DerivativeHelpers.toLong(shapes[i])));
            }
            return unbind ? Torch.stack(pieces, d) : Torch.cat(pieces, d);
        });
        return parts;
    }

    // ================================================================ indexing

    public static Tensor gather(Tensor result, Tensor self, int dim, Tensor index) {
        if (!Recorder.shouldRecord(self)) return result;
        int d = dim < 0 ? dim + Math.max(1, self.dim()) : dim;
        int[] shape = TensorInternals.shape(self);
        Recorder.Row row = Recorder.start("GatherBackward0", result, self);
        SavedTensor idx = row.save(index);
        return row.formulas(g -> g.newZeros(DerivativeHelpers.toLong(shape)).scatterAdd(d, idx.unpack(), g));
    }

    public static Tensor scatterAdd(Tensor result, Tensor self, int dim, Tensor index, Tensor src) {
        if (!Recorder.shouldRecord(self, src)) return result;
        int d = dim < 0 ? dim + Math.max(1, self.dim()) : dim;
        Recorder.Row row = Recorder.start("ScatterAddBackward0", result, self, src);
        SavedTensor idx = row.save(index);
        return row.formulas(
                g -> g,                                          // self: grad
                g -> g.gather(d, idx.unpack()));                 // src: grad.gather(dim, index)
    }

    /** Advanced indexing: the gradient is added back at the positions read (repeated positions add up). */
    public static Tensor index(Tensor result, Tensor self, Tensor[] positions) {
        if (!Recorder.shouldRecord(self)) return result;
        long[] shape = self.shape();
        Recorder.Row row = Recorder.start("IndexBackward0", result, self);
        SavedTensor[] idx = saveAll(row, positions);  // freed by a backward that doesn't retain the graph, as PyTorch's
        return row.formulas(g -> g.newZeros(shape).indexPut(unpackAll(idx), g, true));
    }

    private static SavedTensor[] saveAll(Recorder.Row row, Tensor[] ts) {
        SavedTensor[] r = new SavedTensor[ts.length];
        for (int i = 0; i < ts.length; i++) r[i] = row.save(ts[i]);
        return r;
    }

    private static Tensor[] unpackAll(SavedTensor[] saved) {
        Tensor[] r = new Tensor[saved.length];
        for (int i = 0; i < saved.length; i++) r[i] = saved[i] == null ? null : saved[i].unpack();
        return r;
    }

    /** masked_select: the gradient goes back to the selected positions of the broadcast input. */
    public static Tensor maskedSelect(Tensor result, Tensor self, Tensor broadcastMask) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start("MaskedSelectBackward0", result, self);
        SavedTensor m = row.save(broadcastMask);
        return row.formulas(g -> g.newZeros(m.unpack().shape()).indexPut(new Tensor[] {m.unpack()}, g, true));
    }

    /** index_put: self's gradient minus the overwritten positions (all of it when accumulating); values get what was put. */
    public static Tensor indexPut(Tensor result, Tensor self, Tensor values, Tensor[] positions, boolean accumulate) {
        if (!Recorder.shouldRecord(self, values)) return result;
        Recorder.Row row = Recorder.start("IndexPutBackward0", result, self, values);
        SavedTensor[] idx = saveAll(row, positions);
        return row.formulas(
                g -> accumulate ? g : g.indexPut(unpackAll(idx), g.newZeros(), false),
                g -> g.index(unpackAll(idx)));
    }

    public static Tensor indexAdd(Tensor result, Tensor self, int dim, Tensor index, Tensor source, double alpha) {
        if (!Recorder.shouldRecord(self, source)) return result;
        Recorder.Row row = Recorder.start("IndexAddBackward0", result, self, source);
        SavedTensor idx = row.save(index);
        int sourceDims = source.dim();
        return row.formulas(
                g -> g,                                                        // self: grad
                g -> {                                                         // source: grad.index_select(dim, index) * alpha
                    Tensor s = g.indexSelect(dim, idx.unpack());
                    if (sourceDims == 0) s = s.reshape();
                    return alpha == 1 ? s : s.mul(alpha);
                });
    }

    public static Tensor indexFill(Tensor result, Tensor self, int dim, Tensor index) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start("IndexFillBackward0", result, self);
        SavedTensor idx = row.save(index);
        return row.formulas(g -> g.indexFill(dim, idx.unpack(), 0.0));  // self: grad.index_fill(dim, index, 0)
    }

    public static Tensor indexCopy(Tensor result, Tensor self, int dim, Tensor index, Tensor source) {
        if (!Recorder.shouldRecord(self, source)) return result;
        Recorder.Row row = Recorder.start("IndexCopyBackward0", result, self, source);
        SavedTensor idx = row.save(index);
        return row.formulas(
                g -> g.indexFill(dim, idx.unpack(), 0.0),                      // self: grad.index_fill(dim, index, 0)
                g -> g.indexSelect(dim, idx.unpack()));                        // source: grad.index_select(dim, index)
    }

    /** addcmul: self gets grad, t1 grad * t2 * value, t2 grad * t1 * value; addcdiv: t1 grad * value / t2, t2 -grad * value * t1 / t2^2. */
    public static Tensor addc(Tensor result, Tensor self, Tensor t1, Tensor t2, double value, boolean mul) {
        Tensor[] inputs = in(self, t1, t2);
        if (!Recorder.shouldRecord(inputs)) return result;
        Recorder.Row row = Recorder.start(mul ? "AddcmulBackward0" : "AddcdivBackward0", result, inputs);
        SavedTensor a = row.save(t1), b = row.save(t2);
        if (mul) return row.formulas(
                g -> g,
                g -> g.mul(b.unpack().mul(value)),
                g -> g.mul(a.unpack().mul(value)));
        return row.formulas(
                g -> g,
                g -> g.mul(b.unpack().reciprocal().mul(value)),
                g -> g.neg().mul(value).mul(a.unpack()).div(b.unpack().mul(b.unpack())));
    }

    /** polygamma(n, x) for n >= 2: grad * polygamma(n + 1, x). */
    public static Tensor polygamma(Tensor result, Tensor self, int n) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("PolygammaBackward0", result, self, (g, x) -> g.mul(x.polygamma(n + 1)));
    }

    /** xlogy: self gets xlogy(grad, other), 0 where self is 0 and other <= 0; other gets grad * self / other. */
    public static Tensor xlogy(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start("XlogyBackward0", result, self, other);
        SavedTensor a = row.save(self), b = row.save(other);
        return row.formulas(
                g -> g.xlogy(b.unpack()).maskedFill(a.unpack().eq(0L).logicalAnd(b.unpack().le(0L)), 0.0),
                g -> g.mul(a.unpack()).div(b.unpack()));
    }

    // ---------------------------------------------------------------- composites with PyTorch's own nodes

    /** copysign: self gets grad * result / self (0 where self is 0); other, when a tensor, gets zeros. */
    public static Tensor copysign(Tensor result, Tensor self, Tensor other) {
        boolean tensorOther = other.dim() > 0 || other.requiresGrad();
        Tensor[] inputs = tensorOther ? in(self, other) : in(self);
        if (!Recorder.shouldRecord(inputs)) return result;
        Recorder.Row row = Recorder.start(tensorOther ? "CopysignBackward0" : "CopysignBackward1", result, inputs);
        SavedTensor x = row.save(self), y = row.save(result);
        Formula self_ = g -> {
            Tensor s = x.unpack();
            Tensor safe = Torch.where(s.eq(0L), Torch.onesLike(s), s);
            return g.mul(Torch.where(s.eq(0L), Torch.zerosLike(y.unpack()), y.unpack().div(safe)));
        };
        return tensorOther ? row.formulas(self_, g -> g.mul(0L)) : row.formulas(self_);
    }

    /** fmax/fmin: the gradient goes to the side chosen (self on ties and when other is NaN). */
    public static Tensor fminmax(Tensor result, Tensor self, Tensor other, boolean max) {
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start(max ? "FmaxBackward0" : "FminBackward0", result, self, other);
        SavedTensor a = row.save(self), b = row.save(other);
        return row.formulas(
                g -> g.maskedFill(chosen(a.unpack(), b.unpack(), max).logicalNot(), 0.0),
                g -> g.maskedFill(chosen(a.unpack(), b.unpack(), max), 0.0));
    }

    private static Tensor chosen(Tensor a, Tensor b, boolean max) { return (max ? a.ge(b) : a.le(b)).logicalOr(b.isnan()); }

    /** sinc: grad * (pi x cos(pi x) - sin(pi x)) / (pi x^2), 0 at x = 0. */
    public static Tensor sinc(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("SincBackward0", result, self, (g, x) -> {
            Tensor zero = x.eq(0L);
            Tensor xs = Torch.where(zero, Torch.onesLike(x), x), px = xs.mul(Math.PI);
            Tensor d = px.mul(px.cos()).sub(px.sin()).div(px.mul(xs));
            return g.mul(Torch.where(zero, Torch.zerosLike(d), d));
        });
    }

    /** logaddexp2: grad / (1 + 2^(other - self)) and grad / (1 + 2^(self - other)). */
    public static Tensor logaddexp2(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start("Logaddexp2Backward0", result, self, other);
        SavedTensor a = row.save(self), b = row.save(other);
        return row.formulas(
                g -> g.div(b.unpack().sub(a.unpack()).exp2().add(1L)),
                g -> g.div(a.unpack().sub(b.unpack()).exp2().add(1L)));
    }

    /** fmod: self gets grad; a tensor divisor gets -grad * trunc(self / other). */
    public static Tensor fmod(Tensor result, Tensor self, Tensor other) {
        boolean tensorOther = other.dim() > 0 || other.requiresGrad();
        Tensor[] inputs = tensorOther ? in(self, other) : in(self);
        if (!Recorder.shouldRecord(inputs)) return result;
        Recorder.Row row = Recorder.start(tensorOther ? "FmodBackward1" : "FmodBackward0", result, inputs);
        if (!tensorOther) return row.formulas(g -> g);
        SavedTensor a = row.save(self), b = row.save(other);
        return row.formulas(g -> g, g -> g.neg().mul(a.unpack().div(b.unpack()).trunc()));
    }

    /** rot90: the gradient rotated back. */
    public static Tensor rot90(Tensor result, Tensor self, long k, int[] dims) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] d = dims.clone();
        return Recorder.row("Rot90Backward0", result, self, g -> g.rot90(-k, d));
    }

    /** block_diag: each input gets its block of the gradient. */
    public static Tensor blockDiag(Tensor result, Tensor[] inputs, java.util.List<Tensor> matrices) {
        if (!Recorder.shouldRecord(inputs)) return result;
        Recorder.Row row = Recorder.start("BlockDiagBackward0", result, inputs);
        Formula[] formulas = new Formula[inputs.length];
        long r0 = 0, c0 = 0;
        for (int i = 0; i < inputs.length; i++) {
            long rr = r0, cc = c0, h = matrices.get(i).size(0), w = matrices.get(i).size(1);
            long[] shape = inputs[i].shape();
            formulas[i] = g -> g.narrow(0, rr, h).narrow(1, cc, w).reshape(shape);
            r0 += h;
            c0 += w;
        }
        return row.formulas(formulas);
    }

    /** diag_embed: the gradient's diagonal. */
    public static Tensor diagEmbed(Tensor result, Tensor self, long offset, int dim1, int dim2) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("DiagEmbedBackward0", result, self, g -> g.diagonal(offset, dim1, dim2));
    }

    /** take: the gradient accumulated back at the flat indices. */
    public static Tensor take(Tensor result, Tensor self, Tensor index) {
        if (!Recorder.shouldRecord(self)) return result;
        long n = self.numel();
        long[] shape = self.shape();
        Tensor idx = Torch.where(index.lt(0L), index.add(n), index).reshape(-1).detach();
        return Recorder.row("TakeBackward0", result, self,
                g -> Torch.zeros(g.dtype(), g.device(), n).indexPut(new Tensor[] {idx}, g.reshape(-1), true).reshape(shape));
    }

    /** nansum: grad where self is not NaN, 0 where it is. */
    public static Tensor nansum(Tensor result, Tensor self, int[] dims, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start("NansumBackward0", result, self);
        SavedTensor x = row.save(self);
        int[] shape = TensorInternals.shape(self);
        int[] d = dims == null ? DerivativeHelpers.wrapped(new int[0], shape.length) : DerivativeHelpers.wrapped(dims, shape.length);
        boolean keep = dims != null && keepdim;
        return row.formulas(g -> DerivativeHelpers.expandReduced(g, shape, d, keep).mul(x.unpack().isnan().logicalNot()));
    }

    /** kthvalue: the gradient goes to the selected element. */
    public static Tensor kthvalue(Tensor values, Tensor self, int dim, Tensor indices, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return values;
        Recorder.Row row = Recorder.start("KthvalueBackward0", values, self);
        SavedTensor idx = row.save(indices);
        int[] shape = TensorInternals.shape(self);
        return row.formulas(g -> DerivativeHelpers.valueSelectingBackward(g, dim, idx.unpack(), shape, keepdim));
    }

    /** cummax/cummin: each gradient added at the index where its running extreme was reached. */
    public static Tensor cumExtreme(Tensor values, Tensor self, int dim, Tensor indices, boolean max) {
        if (!Recorder.shouldRecord(self)) return values;
        Recorder.Row row = Recorder.start(max ? "CummaxBackward0" : "CumminBackward0", values, self);
        SavedTensor idx = row.save(indices);
        boolean scalar = self.dim() == 0;
        return row.formulas(g -> scalar ? g : Torch.zerosLike(g).scatterAdd(dim, idx.unpack(), g));
    }

    /** masked_scatter: self gets grad outside the mask; source gets the masked grads in order, zeros after them. */
    public static Tensor maskedScatter(Tensor result, Tensor self, Tensor mask, Tensor source) {
        if (!Recorder.shouldRecord(self, source)) return result;
        Recorder.Row row = Recorder.start("MaskedScatterBackward0", result, self, source);
        Tensor m = mask.detach();
        long n = source.numel();
        long[] sourceShape = source.shape();
        return row.formulas(
                g -> g.maskedFill(m, 0.0),
                g -> {
                    Tensor picked = g.maskedSelect(m);
                    long rest = n - picked.numel();
                    Tensor flat = rest == 0 ? picked : Torch.cat(List.of(picked, Torch.zeros(g.dtype(), g.device(), rest)), 0);
                    return flat.reshape(sourceShape);
                });
    }

    /** logit: grad / (x (1 - x)); outside [eps, 1 - eps] 0 when eps is given, NaN outside [0, 1] when not. */
    public static Tensor logit(Tensor result, Tensor self, Double eps) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("LogitBackward0", result, self, (g, x) -> {
            Tensor d = g.div(x.mul(x.rsub(1L)));
            Tensor outside = eps == null ? x.lt(0L).logicalOr(x.gt(1L)) : x.lt(eps).logicalOr(x.gt(1 - eps));
            return d.maskedFill(outside, eps == null ? Double.NaN : 0.0);
        });
    }

    /** lerp with a number weight: self gets (1 - weight) of the gradient, end weight of it. */
    public static Tensor lerp(Tensor result, Tensor self, Tensor end, double weight) {
        if (!Recorder.shouldRecord(self, end)) return result;
        return Recorder.row("LerpBackward0", result, in(self, end), g -> g.mul(1 - weight), g -> g.mul(weight));
    }

    /** lerp with a tensor weight, which gets grad * (end - self). */
    public static Tensor lerp(Tensor result, Tensor self, Tensor end, Tensor weight) {
        Tensor[] inputs = in(self, end, weight);
        if (!Recorder.shouldRecord(inputs)) return result;
        Recorder.Row row = Recorder.start("LerpBackward1", result, inputs);
        SavedTensor s = row.save(self), e = row.save(end), w = row.save(weight);
        return row.formulas(
                g -> g.mul(w.unpack().rsub(1L)),
                g -> g.mul(w.unpack()),
                g -> g.mul(e.unpack().sub(s.unpack())));
    }

    /** logaddexp: grad / (1 + exp(other - self)) and grad / (1 + exp(self - other)). */
    public static Tensor logaddexp(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start("LogaddexpBackward0", result, self, other);
        SavedTensor a = row.save(self), b = row.save(other);
        return row.formulas(
                g -> g.div(b.unpack().sub(a.unpack()).exp().add(1L)),
                g -> g.div(a.unpack().sub(b.unpack()).exp().add(1L)));
    }

    /** hypot: grad * self / result and grad * other / result. */
    public static Tensor hypot(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start("HypotBackward0", result, self, other);
        SavedTensor a = row.save(self), b = row.save(other), y = row.save(result);
        return row.formulas(
                g -> g.mul(a.unpack()).div(y.unpack()),
                g -> g.mul(b.unpack()).div(y.unpack()));
    }

    /** roll: the gradient rolled back. */
    public static Tensor roll(Tensor result, Tensor self, long[] shifts, int[] dims) {
        if (!Recorder.shouldRecord(self)) return result;
        long[] back = new long[shifts.length];
        for (int i = 0; i < shifts.length; i++) back[i] = -shifts[i];
        return Recorder.row("RollBackward0", result, self, g -> g.roll(back, dims));
    }

    /** scatter_reduce / index_reduce (name says which): both self and src get ScatterReduceBackward's share. */
    public static Tensor scatterReduce(String name, Tensor result, Tensor self, int dim, Tensor index, Tensor src, String reduce,
                                       boolean includeSelf) {
        if (!Recorder.shouldRecord(self, src)) return result;
        Recorder.Row row = Recorder.start(name, result, self, src);
        SavedTensor x = row.save(self), s = row.save(src), y = row.save(result), idx = row.save(index);
        return row.formulas(
                g -> ScatterReduceBackward.grads(name, g, x.unpack(), dim, idx.unpack(), s.unpack(), reduce, includeSelf, y.unpack())[0],
                g -> ScatterReduceBackward.grads(name, g, x.unpack(), dim, idx.unpack(), s.unpack(), reduce, includeSelf, y.unpack())[1]);
    }

    /** scatter of a tensor src: overwritten positions take no gradient from self; src gets the gradient where it went. */
    public static Tensor scatter(Tensor result, Tensor self, int dim, Tensor index, Tensor src) {
        if (!Recorder.shouldRecord(self, src)) return result;
        Recorder.Row row = Recorder.start("ScatterBackward0", result, self, src);
        SavedTensor idx = row.save(index);
        return row.formulas(
                g -> g.scatter(dim, idx.unpack(), 0.0),                 // self: grad.scatter(dim, index, 0)
                g -> g.gather(dim, idx.unpack()));                       // src: grad.gather(dim, index)
    }

    /** scatter of a number. */
    public static Tensor scatterValue(Tensor result, Tensor self, int dim, Tensor index) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start("ScatterBackward1", result, self);
        SavedTensor idx = row.save(index);
        return row.formulas(g -> g.scatter(dim, idx.unpack(), 0.0));
    }

    // ================================================================ in-place writes

    /** copy_ as a node over (old self, src): what in-place recording uses for copy_. */
    public static Tensor copy(Tensor result, Tensor oldSelf, Tensor src) {
        if (!Recorder.shouldRecord(oldSelf, src)) return result;
        return Recorder.row("CopyBackwards", result, in(oldSelf, src),
                g -> Torch.zerosLike(g),                         // self: overwritten
                g -> g);                                         // src: grad (reduced to src's shape by the engine)
    }

    // Overwrites: the new values do not depend on the old ones, so no gradient flows back to them.
    public static Tensor fill(Tensor result, Tensor oldSelf) { return overwrite("FillBackward0", result, oldSelf); }

    public static Tensor zero(Tensor result, Tensor oldSelf) { return overwrite("ZeroBackward0", result, oldSelf); }

    public static Tensor bernoulli(Tensor result, Tensor oldSelf) { return overwrite("BernoulliBackward2", result, oldSelf); }

    public static Tensor uniform(Tensor result, Tensor oldSelf) { return overwrite("UniformBackward0", result, oldSelf); }

    public static Tensor normal(Tensor result, Tensor oldSelf) { return overwrite("NormalBackward0", result, oldSelf); }

    public static Tensor exponential(Tensor result, Tensor oldSelf) { return overwrite("ExponentialBackward0", result, oldSelf); }

    /** torch.bernoulli(probs): a sample, constant in probs (BernoulliBackward0). */
    public static Tensor sampledFrom(String name, Tensor result, Tensor probs) {
        if (!Recorder.shouldRecord(probs)) return result;
        return zeroGrad(name, result, probs);
    }

    /** random_ with no bounds (RandomBackward0), a bound (RandomBackward1) or two (RandomBackward2): no gradient flows. */
    public static Tensor random(String name, Tensor result, Tensor oldSelf) { return overwrite(name, result, oldSelf); }

    private static Tensor overwrite(String name, Tensor result, Tensor oldSelf) {
        if (!Recorder.shouldRecord(oldSelf)) return result;
        return zeroGrad(name, result, oldSelf);
    }

    // ================================================================ nn ops
    // Rows for the nn primitives (Softmax, Activations, Gathering, Losses, Normalization, Convolution). Inputs
    // that an op takes as optional (weight, bias) are passed through none(), which gives the (None, 0) edge
    // PyTorch shows for an undefined tensor. Tensors that are no input of the row (indices, targets, loss
    // coefficients) are captured as they are, as PyTorch keeps them: nothing can write to them through the graph.

    private static final Tensor NONE = Torch.zeros(0);

    private static Tensor none(Tensor t) { return t == null ? NONE : t; }

    private static Tensor unpack(SavedTensor s) { return s == null ? null : s.unpack(); }

    public static Tensor softmax(Tensor result, Tensor self, int dim, boolean log) {
        if (!Recorder.shouldRecord(self)) return result;
        return onResult(log ? "LogSoftmaxBackward0" : "SoftmaxBackward0", result, self, (g, y) -> softmaxBackward(g, y, dim, log));
    }

    /**
     * log_softmax: grad - exp(result) * sum(grad, dim); softmax: result * (grad - sum(grad * result, dim)). For 16-bit
     * operands as 1.13's fused kernels compute them (checked for bfloat16): in float32, with the row sums kept in a
     * buffer of the 16-bit type (so rounded to it), and the result rounded once.
     */
    private static Tensor softmaxBackward(Tensor g, Tensor y, int dim, boolean log) {
        DType t = y.dtype();
        // one kernel pass (PyTorch's _softmax_backward_data) where no graph of the gradient is wanted
        if (!Recorder.shouldRecord(g, y) && !t.isReducedFloatingPoint() && g.dtype() == t
                && java.util.Arrays.equals(TensorInternals.shape(g), TensorInternals.shape(y))) {
            return dev.jgrad.internal.ops.Softmax.softmaxBackward(g, y, dim, log);
        }
        boolean reduced = t.isReducedFloatingPoint();
        Tensor gf = reduced ? g.to(DType.FLOAT32) : g, yf = reduced ? y.to(DType.FLOAT32) : y;
        Tensor sum = (log ? gf : gf.mul(yf)).sum(dim, true);
        if (reduced) sum = sum.to(t).to(DType.FLOAT32);
        Tensor r = log ? gf.sub(yf.exp().mul(sum)) : yf.mul(gf.sub(sum));
        return reduced ? r.to(t) : r;
    }

    /**
     * A formula that runs in float32 for float16/bfloat16 operands and rounds its result once, as PyTorch's fused
     * backward kernels do (composed of 16-bit ops, the cancellation in grad - sum would lose most bits).
     */
    private static SavedFormula inFloat32(SavedFormula f) {
        return (g, y) -> {
            if (!y.dtype().isReducedFloatingPoint()) return f.apply(g, y);
            return f.apply(g.to(DType.FLOAT32), y.to(DType.FLOAT32)).to(y.dtype());
        };
    }

    public static Tensor logsumexp(Tensor result, Tensor self, int[] dims, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start("LogsumexpBackward0", result, self);
        SavedTensor x = row.save(self), y = row.save(result);
        return row.formulas(g -> {  // grad * exp(self - result), both re-expanded over dims
            Tensor input = x.unpack();
            int[] shape = TensorInternals.shape(input);
            Tensor r = DerivativeHelpers.expandReduced(y.unpack(), shape, dims, keepdim);
            return DerivativeHelpers.expandReduced(g, shape, dims, keepdim).mul(input.sub(r).exp());
        });
    }

    /** gelu / gelu_tanh / silu / leaky_relu (param: the negative slope). */
    public static Tensor activation(ActivationOp op, Tensor result, Tensor self, double param) {
        if (!Recorder.shouldRecord(self)) return result;
        return switch (op) {  // exhaustive, as unary
            case GELU -> onInput("GeluBackward0", result, self, (g, x) -> NnDerivativeHelpers.geluBackward(g, x, false));
            case GELU_TANH -> onInput("GeluBackward0", result, self, (g, x) -> NnDerivativeHelpers.geluBackward(g, x, true));
            case SILU -> onInput("SiluBackward0", result, self, (g, x) -> {  // grad * s * (1 + x * (1 - s)), s = sigmoid(x)
                Tensor s = x.sigmoid();
                return g.mul(s.mul(x.mul(s.rsub(1L)).add(1L)));
            });
            case LEAKY_RELU -> onInput("LeakyReluBackward0", result, self, (g, x) -> Torch.where(x.gt(0L), g, g.mul(param)));
        };
    }

    /** elu/selu (EluBackward0) and celu: scale where x > 0, else scale * alpha * inputScale * exp(x * inputScale). */
    public static Tensor elu(Tensor result, Tensor self, double alpha, double scale, double inputScale, boolean celu) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput(celu ? "CeluBackward0" : "EluBackward0", result, self,
                (g, x) -> Torch.where(x.gt(0L), g.mul(scale), g.mul(x.mul(inputScale).exp().mul(alpha * scale * inputScale))));
    }

    /** softplus: grad * sigmoid(beta x), and grad itself where beta x > threshold. */
    public static Tensor softplus(Tensor result, Tensor self, double beta, double threshold) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("SoftplusBackward0", result, self,
                (g, x) -> Torch.where(x.mul(beta).gt(threshold), g, g.mul(x.mul(beta).sigmoid())));
    }

    /** hardtanh/relu6: grad strictly inside (min, max), 0 outside. */
    public static Tensor hardtanh(Tensor result, Tensor self, double min, double max) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("HardtanhBackward0", result, self,
                (g, x) -> Torch.where(x.gt(min).logicalAnd(x.lt(max)), g, Torch.zerosLike(g)));
    }

    /** hardswish: 0 below -3, grad * (x / 3 + 1/2) up to 3, grad above. */
    public static Tensor hardswish(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("HardswishBackward0", result, self, (g, x) -> Torch.where(x.lt(-3L), Torch.zerosLike(g),
                Torch.where(x.le(3L), g.mul(x.div(3L).add(0.5)), g)));
    }

    /** hardsigmoid: grad / 6 strictly inside (-3, 3), 0 outside (1/6 as a float constant, as PyTorch's kernel has it, also for float64). */
    public static Tensor hardsigmoid(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("HardsigmoidBackward0", result, self,
                (g, x) -> Torch.where(x.gt(-3L).logicalAnd(x.lt(3L)), g.mul((double) (1.0f / 6.0f)), Torch.zerosLike(g)));
    }

    /** mish: grad * (t + x * sigmoid(x) * (1 - t^2)), t = tanh(softplus(x)). */
    public static Tensor mish(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("MishBackward0", result, self, (g, x) -> {
            Tensor t = x.exp().log1p().tanh();
            return g.mul(t.add(x.mul(x.sigmoid()).mul(t.mul(t).rsub(1L))));
        });
    }

    /** log_sigmoid: grad * sigmoid(-x). */
    public static Tensor logsigmoid(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("LogSigmoidBackward0", result, self, (g, x) -> g.mul(x.neg().sigmoid()));
    }

    /** threshold: grad where x > threshold. */
    public static Tensor threshold(Tensor result, Tensor self, double threshold) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("ThresholdBackward0", result, self, (g, x) -> thresholdBackward(g, x, threshold));
    }

    /** hardshrink/softshrink: grad where |x| > lambd. */
    public static Tensor shrink(String name, Tensor result, Tensor self, double lambd) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput(name, result, self, (g, x) -> Torch.where(x.abs().gt(lambd), g, Torch.zerosLike(g)));
    }

    /** glu = a * sigmoid(b), a and b the halves along dim: (grad * s, grad * a * s * (1 - s)) joined along dim. */
    public static Tensor glu(Tensor result, Tensor self, int dim) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("GluBackward0", result, self, (g, x) -> {
            long half = x.size(dim) / 2;
            Tensor a = x.narrow(dim, 0, half), s = x.narrow(dim, half, half).sigmoid();
            return Torch.cat(List.of(g.mul(s), g.mul(a).mul(s).mul(s.rsub(1L))), dim);
        });
    }

    /** prelu: grad where x > 0, weight * grad elsewhere; the weight gets x * grad there, summed to its shape. */
    public static Tensor prelu(Tensor result, Tensor self, Tensor weight) {
        if (!Recorder.shouldRecord(self, weight)) return result;
        Recorder.Row row = Recorder.start("PreluBackward0", result, self, weight);
        SavedTensor x = row.save(self), w = row.save(weight);
        return row.formulas(
                g -> Torch.where(x.unpack().gt(0L), g, g.mul(DerivativeHelpers.preluWeight(w.unpack(), x.unpack()))),
                g -> {
                    Tensor contrib = Torch.where(x.unpack().gt(0L), Torch.zerosLike(g), g.mul(x.unpack()));
                    long[] ws = DerivativeHelpers.preluWeightShape(w.unpack(), x.unpack());
                    return DerivativeHelpers.sumTo(contrib, java.util.Arrays.stream(ws).mapToInt(Math::toIntExact).toArray())
                            .reshape(w.unpack().shape());
                });
    }

    /** Constant padding: the gradient is the same padding undone (negative pads crop). */
    public static Tensor constantPad(Tensor result, Tensor self, long[] pad) {
        if (!Recorder.shouldRecord(self)) return result;
        long[] undo = new long[pad.length];
        for (int i = 0; i < pad.length; i++) undo[i] = -pad[i];
        return Recorder.row("ConstantPadNdBackward0", result, self, g -> dev.jgrad.nn.functional.F.pad(g, undo));
    }

    /** Reflect/replicate/circular padding reads positions[i] along dims[i]: the gradient adds back along them, last dim first undone last. */
    public static Tensor indexedPad(String name, Tensor result, Tensor self, int[] dims, Tensor[] positions) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row(name, result, self, g -> {
            Tensor r = g;
            for (int i = dims.length - 1; i >= 0; i--) {
                int[] target = TensorInternals.shape(r).clone();
                target[dims[i]] = shape[dims[i]];
                r = NnDerivativeHelpers.indexAddInto(r, target, dims[i], positions[i]);
            }
            return r;
        });
    }

    public static Tensor indexSelect(Tensor result, Tensor self, int dim, Tensor index) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("IndexSelectBackward0", result, self, g -> NnDerivativeHelpers.indexAddInto(g, shape, dim, index));
    }

    public static Tensor embedding(Tensor result, Tensor weight, Tensor indices, long paddingIdx) {
        return embedding(result, weight, indices, paddingIdx, null);
    }

    /** freq: null, or per index the factor its gradient is scaled by (1 / its count, for scale_grad_by_freq). */
    public static Tensor embedding(Tensor result, Tensor weight, Tensor indices, long paddingIdx, Tensor freq) {
        if (!Recorder.shouldRecord(weight)) return result;
        int[] shape = TensorInternals.shape(weight);
        return Recorder.row("EmbeddingBackward0", result, weight, g -> NnDerivativeHelpers.embeddingBackward(g, shape, indices, paddingIdx, freq));
    }

    public static Tensor addmm(Tensor result, Tensor self, Tensor mat1, Tensor mat2) {
        if (!Recorder.shouldRecord(in(self, mat1, mat2))) return result;
        boolean mat2Transposed = mat2.stride(0) == 1 && mat2.size(1) > 1;
        Recorder.Row row = Recorder.start("AddmmBackward0", result, self, mat1, mat2);
        SavedTensor m1 = row.save(mat2.requiresGrad() ? mat1 : null), m2 = row.save(mat1.requiresGrad() ? mat2 : null);
        return row.formulas(
                g -> g,                                          // self: grad (summed to the bias's shape by the engine)
                g -> DerivativeHelpers.mmReusing(g, m2.unpack().t()),  // mat1: grad @ mat2^T
                // mat2: mat1^T @ grad; for a transposed mat2 (linear's weight.t()) computed as (grad^T @ mat1)^T,
                // so the weight's gradient comes out contiguous and accumulates without a strided copy
                g -> mat2Transposed ? DerivativeHelpers.mmReusing(g.t(), m1.unpack()).t()
                        : DerivativeHelpers.mmReusing(m1.unpack().t(), g));
    }

    /** nll_loss: coef holds d(loss)/d(input at the target class) per position (-weight, divided by the total weight for mean). */
    public static Tensor nllLoss(Tensor result, Tensor self, Tensor target, Tensor coef, int classDim) {
        if (!Recorder.shouldRecord(self)) return result;
        String name = self.dim() <= 2 ? "NllLossBackward0" : "NllLoss2DBackward0";
        int[] shape = TensorInternals.shape(self);
        return Recorder.row(name, result, self, g -> NnDerivativeHelpers.nllLossBackward(g, shape, classDim, target, coef));
    }

    /** reduction: 0 none, 1 mean, 2 sum. */
    public static Tensor mseLoss(Tensor result, Tensor self, Tensor target, int reduction) {
        if (!Recorder.shouldRecord(self, target)) return result;
        Recorder.Row row = Recorder.start("MseLossBackward0", result, self, target);
        SavedTensor x = row.save(self), t = row.save(target);
        return row.formulas(
                g -> NnDerivativeHelpers.mseBackward(g, x.unpack(), t.unpack(), reduction),
                g -> NnDerivativeHelpers.mseBackward(g, x.unpack(), t.unpack(), reduction).neg());
    }

    /** smooth_l1/huber: d / beta (d for huber) inside the quadratic zone, sign(d) (delta * sign(d)) outside; the target gets the negative. */
    public static Tensor smoothL1Loss(Tensor result, Tensor self, Tensor target, int reduction, double beta, boolean huber) {
        if (!Recorder.shouldRecord(self, target)) return result;
        Recorder.Row row = Recorder.start(huber ? "HuberLossBackward0" : "SmoothL1LossBackward0", result, self, target);
        SavedTensor x = row.save(self), t = row.save(target);
        return row.formulas(
                g -> NnDerivativeHelpers.smoothL1Backward(g, x.unpack(), t.unpack(), reduction, beta, huber),
                g -> NnDerivativeHelpers.smoothL1Backward(g, x.unpack(), t.unpack(), reduction, beta, huber).neg());
    }

    /** The target gets no gradient (PyTorch 1.13 has no target derivative for these losses). */
    public static Tensor binaryCrossEntropy(Tensor result, Tensor self, Tensor target, Tensor weight, int reduction) {
        if (!Recorder.shouldRecord(self)) return result;
        Tensor t = target.detach(), w = weight == null ? null : weight.detach();
        return onInput("BinaryCrossEntropyBackward0", result, self, (g, x) -> NnDerivativeHelpers.bceBackward(g, x, t, w, reduction));
    }

    public static Tensor binaryCrossEntropyWithLogits(Tensor result, Tensor self, Tensor target, Tensor weight, Tensor posWeight,
                                                      int reduction) {
        if (!Recorder.shouldRecord(self, target)) return result;
        Tensor w = weight == null ? null : weight.detach(), pw = posWeight == null ? null : posWeight.detach();
        Recorder.Row row = Recorder.start("BinaryCrossEntropyWithLogitsBackward0", result, self, target);
        SavedTensor x = row.save(self), t = row.save(target);
        return row.formulas(
                g -> NnDerivativeHelpers.bceLogitsBackward(g, x.unpack(), t.unpack(), w, pw, reduction),
                g -> NnDerivativeHelpers.bceLogitsTargetBackward(g, x.unpack(), w, pw, reduction));
    }

    public static Tensor layerNorm(Tensor result, Tensor input, Tensor weight, Tensor bias, int normDims, double eps) {
        if (!Recorder.shouldRecord(in(input, weight, bias))) return result;
        Recorder.Row row = Recorder.start("NativeLayerNormBackward0", result, input, none(weight), none(bias));
        SavedTensor x = row.save(input), w = row.save(weight);
        return row.formulas(
                g -> NnDerivativeHelpers.layerNormInputGrad(g, x.unpack(), unpack(w), normDims, eps),
                g -> g.mul(NnDerivativeHelpers.layerNormXhat(x.unpack(), normDims, eps)),  // summed to weight's shape
                g -> g);                                                                   // summed to bias's shape
    }

    /** evalMean/evalInvstd: the running statistics used in evaluation mode (null when training). */
    public static Tensor batchNorm(Tensor result, Tensor input, Tensor weight, Tensor bias, boolean training, Tensor evalMean,
                                   Tensor evalInvstd, double eps) {
        if (!Recorder.shouldRecord(in(input, weight, bias))) return result;
        Recorder.Row row = Recorder.start("NativeBatchNormBackward0", result, input, none(weight), none(bias));
        SavedTensor x = row.save(input), w = row.save(weight);
        return row.formulas(
                g -> NnDerivativeHelpers.batchNormInputGrad(g, x.unpack(), unpack(w), training, evalMean, evalInvstd, eps),
                g -> NnDerivativeHelpers.batchNormWeightGrad(g, x.unpack(), training, evalMean, evalInvstd, eps),
                g -> g.sum(NnDerivativeHelpers.nonChannelDims(g.dim()), false));
    }

    /** geometry: {kh, kw, sh, sw, ph, pw, dh, dw}. */
    public static Tensor convolution(Tensor result, Tensor input, Tensor weight, Tensor bias, int[] geometry, int groups) {
        if (!Recorder.shouldRecord(in(input, weight, bias))) return result;
        int[] inputShape = TensorInternals.shape(input), weightShape = TensorInternals.shape(weight);
        Recorder.Row row = Recorder.start("ConvolutionBackward0", result, input, weight, none(bias));
        SavedTensor x = row.save(weight.requiresGrad() ? input : null), w = row.save(input.requiresGrad() ? weight : null);
        return row.formulas(
                g -> NnDerivativeHelpers.convInputGrad(g, w.unpack(), inputShape, geometry, groups),
                g -> NnDerivativeHelpers.convWeightGrad(g, x.unpack(), weightShape, geometry, groups),
                g -> g.sum(new int[] {0, 2, 3}, false));
    }

    /** conv1d: the 2-d formulas on the tensors with a unit height dim put in (geometry is the 2-d one). */
    public static Tensor convolution1d(Tensor result, Tensor input, Tensor weight, Tensor bias, int[] geometry, int groups) {
        if (!Recorder.shouldRecord(in(input, weight, bias))) return result;
        int[] in2 = shape2d(TensorInternals.shape(input)), w2 = shape2d(TensorInternals.shape(weight));
        Recorder.Row row = Recorder.start("ConvolutionBackward0", result, input, weight, none(bias));
        SavedTensor x = row.save(weight.requiresGrad() ? input : null), w = row.save(input.requiresGrad() ? weight : null);
        return row.formulas(
                g -> NnDerivativeHelpers.convInputGrad(g.unsqueeze(2), w.unpack().unsqueeze(2), in2, geometry, groups).squeeze(2),
                g -> NnDerivativeHelpers.convWeightGrad(g.unsqueeze(2), x.unpack().unsqueeze(2), w2, geometry, groups).squeeze(2),
                g -> g.sum(new int[] {0, 2}, false));
    }

    private static int[] shape2d(int[] s) { return new int[] {s[0], s[1], 1, s[2]}; }

    /** conv_transpose2d: its input gradient is the convolution of grad by the same weight; its weight gradient conv2d's with the roles swapped. */
    public static Tensor convolutionTranspose(Tensor result, Tensor input, Tensor weight, Tensor bias, int[] geometry, int groups) {
        if (!Recorder.shouldRecord(in(input, weight, bias))) return result;
        int[] weightShape = TensorInternals.shape(weight);
        Recorder.Row row = Recorder.start("ConvolutionBackward0", result, input, weight, none(bias));
        SavedTensor x = row.save(weight.requiresGrad() ? input : null), w = row.save(input.requiresGrad() ? weight : null);
        int[] stride = {geometry[2], geometry[3]}, padding = {geometry[4], geometry[5]}, dilation = {geometry[6], geometry[7]};
        return row.formulas(
                g -> Torch.conv2d(g, w.unpack(), null, stride, padding, dilation, groups),
                g -> NnDerivativeHelpers.convWeightGrad(x.unpack(), g, weightShape, geometry, groups),
                g -> g.sum(new int[] {0, 2, 3}, false));
    }

    public static Tensor avgPool2d(Tensor result, Tensor self, int[] geo, int oh, int ow, int padBottom, int padRight, Tensor divisors) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("AvgPool2DBackward0", result, self,
                g -> NnDerivativeHelpers.avgPoolBackward(g, shape, geo, oh, ow, padBottom, padRight, divisors));
    }

    /** adaptive_avg_pool2d computed as rows @ x @ cols^T (averaging matrices): the gradient is rows^T @ grad @ cols. */
    public static Tensor adaptiveAvgPool2d(Tensor result, Tensor self, Tensor rows, Tensor cols) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("AdaptiveAvgPool2DBackward0", result, self, g -> rows.t().matmul(g).matmul(cols));
    }

    /**
     * An op composed of differentiable ops, presented under PyTorch's node name: the result is a fresh alias of
     * the composite whose node passes the gradient straight to it, so values and derivatives (of every
     * order) are the composite's and grad_fn reads as PyTorch's.
     */
    public static Tensor renamed(String name, Tensor composite) {
        if (!Recorder.shouldRecord(composite)) return composite;
        return Recorder.row(name, composite.detach(), composite, g -> g);
    }

    /** {@link #renamed}, with one more input whose gradient is zero (grid_sample's grid in nearest mode: PyTorch returns zeros, not None). */
    public static Tensor renamed(String name, Tensor composite, Tensor zeroGradInput) {
        if (!Recorder.shouldRecord(composite, zeroGradInput)) return composite;
        int[] shape = TensorInternals.shape(zeroGradInput);
        return Recorder.row(name, composite.detach(), new Tensor[] {composite, zeroGradInput}, g -> g,
                g -> dev.jgrad.Torch.zeros(g.dtype(), dev.jgrad.internal.core.Shapes.toLong(shape)).to(g.device()));
    }

    /** pixel_shuffle and pixel_unshuffle undo each other. */
    public static Tensor pixelShuffle(Tensor result, Tensor self, int r, boolean toSpace) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row(toSpace ? "PixelShuffleBackward0" : "PixelUnshuffleBackward0", result, self,
                g -> NnDerivativeHelpers.pixelShuffleRecorded(g, r, !toSpace));
    }

    /** group_norm: the normalisation's gradient per (sample, group); weight and bias as per-channel affine parameters. */
    public static Tensor groupNorm(Tensor result, Tensor input, Tensor weight, Tensor bias, int groups, double eps) {
        if (!Recorder.shouldRecord(in(input, weight, bias))) return result;
        Recorder.Row row = Recorder.start("NativeGroupNormBackward0", result, input, none(weight), none(bias));
        SavedTensor x = row.save(input), w = row.save(weight);
        int[] reduce = NnDerivativeHelpers.nonChannelDims(input.dim());
        return row.formulas(
                g -> NnDerivativeHelpers.groupNormInputGrad(g, x.unpack(), w == null ? null : w.unpack(), groups, eps),
                g -> g.mul(NnDerivativeHelpers.groupNormXhat(x.unpack(), groups, eps)).sum(reduce, false),
                g -> g.sum(reduce, false));
    }

    /** conv_transpose1d: the 2-d transposed formulas on the tensors with a unit height dim put in. */
    public static Tensor convolutionTranspose1d(Tensor result, Tensor input, Tensor weight, Tensor bias, int[] geometry, int groups) {
        if (!Recorder.shouldRecord(in(input, weight, bias))) return result;
        int[] w2 = shape2d(TensorInternals.shape(weight));
        Recorder.Row row = Recorder.start("ConvolutionBackward0", result, input, weight, none(bias));
        SavedTensor x = row.save(weight.requiresGrad() ? input : null), w = row.save(input.requiresGrad() ? weight : null);
        int[] stride = {geometry[2], geometry[3]}, padding = {geometry[4], geometry[5]}, dilation = {geometry[6], geometry[7]};
        return row.formulas(
                g -> Torch.conv2d(g.unsqueeze(2), w.unpack().unsqueeze(2), null, stride, padding, dilation, groups).squeeze(2),
                g -> NnDerivativeHelpers.convWeightGrad(x.unpack().unsqueeze(2), g.unsqueeze(2), w2, geometry, groups).squeeze(2),
                g -> g.sum(new int[] {0, 2}, false));
    }

    public static Tensor im2col(Tensor result, Tensor self, int[] inputSize, int[] geometry) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("Im2ColBackward0", result, self, g -> NnDerivativeHelpers.col2im(g, inputSize, geometry));
    }

    public static Tensor col2im(Tensor result, Tensor self, int[] outputSize, int[] geometry) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("Col2ImBackward0", result, self, g -> NnDerivativeHelpers.im2col(g, geometry));
    }

    /** max_pool2d_with_indices: the values are differentiable, the indices are not. */
    public static Tensor maxPool2d(Tensor values, Tensor indices, Tensor self) {
        if (!Recorder.shouldRecord(self)) return values;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("MaxPool2DWithIndicesBackward0", values, self, g -> NnDerivativeHelpers.maxPoolBackward(g, indices, shape));
    }

    // ================================================================ nn breadth: clamp_min, margin losses, adaptive max pooling

    /** clamp_min(self, min): grad where self >= min (PyTorch records ClampMinBackward0, not clamp's node). */
    public static Tensor clampMin(Tensor result, Tensor self, double min) {
        if (!Recorder.shouldRecord(self)) return result;
        return onInput("ClampMinBackward0", result, self, (g, x) -> Torch.where(x.ge(min), g, Torch.zerosLike(g)));
    }

    /** soft_margin_loss: the target takes no gradient (PyTorch refuses one that requires grad). */
    public static Tensor softMarginLoss(Tensor result, Tensor self, Tensor target, int reduction) {
        if (!Recorder.shouldRecord(self)) return result;
        Tensor t = target.detach();
        return onInput("SoftMarginLossBackward0", result, self, (g, x) -> NnDerivativeHelpers.softMarginBackward(g, x, t, reduction));
    }

    /** multi_margin_loss: only the input is differentiable (target holds class indices, weight is refused when it requires grad). */
    public static Tensor multiMarginLoss(Tensor result, Tensor self, Tensor target, int p, double margin, Tensor weight, int reduction) {
        if (!Recorder.shouldRecord(self)) return result;
        Tensor t = target.detach(), w = weight == null ? null : weight.detach();
        return onInput("MultiMarginLossBackward0", result, self,
                (g, x) -> NnDerivativeHelpers.multiMarginBackward(g, x, t, p, margin, w, reduction));
    }

    /** adaptive_max_pool2d: each gradient goes back to where its window's maximum was; indices are not differentiable. */
    public static Tensor adaptiveMaxPool2d(Tensor values, Tensor indices, Tensor self) {
        if (!Recorder.shouldRecord(self)) return values;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("AdaptiveMaxPool2DBackward0", values, self, g -> NnDerivativeHelpers.maxPoolBackward(g, indices, shape));
    }

    // ================================================================ 3-d convolution and pooling, max unpooling

    /** conv3d: grad_input is conv_transpose3d of grad (output padding back to the input's size), grad_weight a convolution of input by grad. */
    public static Tensor convolution3d(Tensor result, Tensor input, Tensor weight, Tensor bias, int[] s, int[] p, int[] d, int groups) {
        if (!Recorder.shouldRecord(in(input, weight, bias))) return result;
        int[] inputShape = TensorInternals.shape(input), weightShape = TensorInternals.shape(weight);
        int[] op = dev.jgrad.internal.ops.Convolution3d.outputPaddingFor(inputShape, TensorInternals.shape(result), weightShape, s, p, d);
        Recorder.Row row = Recorder.start("ConvolutionBackward0", result, input, weight, none(bias));
        SavedTensor x = row.save(weight.requiresGrad() ? input : null), w = row.save(input.requiresGrad() ? weight : null);
        return row.formulas(
                g -> dev.jgrad.internal.ops.Convolution3d.convTranspose3d(g, w.unpack(), null, s, p, op, groups, d),
                g -> dev.jgrad.internal.ops.Convolution3d.weightGrad(x.unpack(), g, weightShape, s, p, d, groups),
                g -> g.sum(new int[] {0, 2, 3, 4}, false));
    }

    /** conv_transpose3d: grad_input is conv3d of grad by the same weight; grad_weight conv3d's weight gradient with the roles swapped. */
    public static Tensor convolutionTranspose3d(Tensor result, Tensor input, Tensor weight, Tensor bias, int[] s, int[] p, int[] d,
                                                int groups) {
        if (!Recorder.shouldRecord(in(input, weight, bias))) return result;
        int[] weightShape = TensorInternals.shape(weight);
        Recorder.Row row = Recorder.start("ConvolutionBackward0", result, input, weight, none(bias));
        SavedTensor x = row.save(weight.requiresGrad() ? input : null), w = row.save(input.requiresGrad() ? weight : null);
        return row.formulas(
                g -> dev.jgrad.internal.ops.Convolution3d.conv3d(g, w.unpack(), null, s, p, d, groups),
                g -> dev.jgrad.internal.ops.Convolution3d.weightGrad(g, x.unpack(), weightShape, s, p, d, groups),
                g -> g.sum(new int[] {0, 2, 3, 4}, false));
    }

    /** max_pool3d_with_indices: the values are differentiable, the indices (flat over D, H, W) are not. */
    public static Tensor maxPool3d(Tensor values, Tensor indices, Tensor self) {
        if (!Recorder.shouldRecord(self)) return values;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("MaxPool3DWithIndicesBackward0", values, self, g -> dev.jgrad.internal.ops.Pooling3d.scatterBack(g, indices, shape));
    }

    public static Tensor avgPool3d(Tensor result, Tensor self, dev.jgrad.internal.ops.Pooling3d.AvgPlan plan) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("AvgPool3DBackward0", result, self, g -> dev.jgrad.internal.ops.Pooling3d.avgPool3dBackward(g, shape, plan));
    }

    /** adaptive_avg_pool3d as averaging matrices {depth, rows, cols} applied per dim: the gradient applies their transposes. */
    public static Tensor adaptiveAvgPool3d(Tensor result, Tensor self, Tensor[] m) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("AdaptiveAvgPool3DBackward0", result, self,
                g -> dev.jgrad.internal.ops.Pooling3d.applyAveraging(g, m[0].t(), m[1].t(), m[2].t()));
    }

    public static Tensor adaptiveMaxPool3d(Tensor values, Tensor indices, Tensor self) {
        if (!Recorder.shouldRecord(self)) return values;
        int[] shape = TensorInternals.shape(self);
        return Recorder.row("AdaptiveMaxPool3DBackward0", values, self, g -> dev.jgrad.internal.ops.Pooling3d.scatterBack(g, indices, shape));
    }

    /** max_unpool2d: each input's gradient is read back from where it was put; indices take none. */
    public static Tensor maxUnpool2d(Tensor result, Tensor self, Tensor indices) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        Tensor idx = indices.detach();
        return Recorder.row("MaxUnpool2DBackward0", result, self, g -> dev.jgrad.internal.ops.Unpooling.maxUnpool2dBackward(g, idx, shape));
    }

    // ================================================================ linear algebra: factorisations (ops in Decompositions)

    /** linalg.inv: -A^-H grad A^-H, from the saved inverse. */
    public static Tensor linalgInv(Tensor result, Tensor a) {
        if (!Recorder.shouldRecord(a)) return result;
        return onResult("LinalgInvExBackward0", result, a, (g, inv) -> inv.mT().matmul(g.matmul(inv.mT())).neg());
    }

    /** linalg.det: grad det A^-H (a solve), or from the SVD when some matrix is singular. */
    public static Tensor linalgDet(Tensor result, Tensor a) {
        if (!Recorder.shouldRecord(a)) return result;
        Recorder.Row row = Recorder.start("LinalgDetBackward0", result, a);
        SavedTensor x = row.save(a), d = row.save(result);
        return row.formulas(g -> LinalgDerivativeHelpers.detBackward(g, d.unpack(), x.unpack()));
    }

    /** linalg.slogdet (logabsdet; sign has no derivative): grad A^-H. */
    public static Tensor linalgSlogdet(Tensor logabsdet, Tensor a) {
        if (!Recorder.shouldRecord(a)) return logabsdet;
        return onInput("LinalgSlogdetBackward0", logabsdet, a, (g, x) -> LinalgDerivativeHelpers.scaledInverseTransposed(g, x));
    }

    /** linalg.solve: gB = A^-H gX, gA = -gB X^H (vectors as one-column matrices). */
    public static Tensor linalgSolve(Tensor result, Tensor a, Tensor b, boolean vector) {
        if (!Recorder.shouldRecord(a, b)) return result;
        Recorder.Row row = Recorder.start("LinalgSolveExBackward0", result, a, b);
        SavedTensor x = row.save(a), r = row.save(result);
        return row.formulas(
                g -> {
                    Tensor gb = LinalgDerivativeHelpers.solveTransposed(x.unpack(), g, vector);
                    Tensor xm = vector ? r.unpack().unsqueeze(-1) : r.unpack();
                    return gb.matmul(xm.mT()).neg();
                },
                g -> {
                    Tensor gb = LinalgDerivativeHelpers.solveTransposed(x.unpack(), g, vector);
                    return vector ? gb.squeeze(-1) : gb;
                });
    }

    /** linalg.cholesky and torch.cholesky (Murray 2016): L^-H tril*(L^H gL) L^-1, symmetrised. */
    public static Tensor linalgCholesky(Tensor result, Tensor a, boolean upper, String name) {
        if (!Recorder.shouldRecord(a)) return result;
        return onResult(name, result, a, (g, l) -> LinalgDerivativeHelpers.choleskyBackward(g, l, upper));
    }

    /** linalg.eigh ([values, vectors]) and eigvalsh (values; the vectors are computed for the derivative). */
    public static Tensor[] linalgEigh(Tensor values, Tensor vectors, Tensor a, boolean both) {
        if (!Recorder.shouldRecord(a)) return both ? new Tensor[] {values, vectors} : new Tensor[] {values};
        // eigvalsh too records both outputs (as PyTorch's linalg_eigh does), so that the saved vectors carry their derivative
        Tensor[] out = {values, vectors};
        Recorder.Row row = Recorder.startMulti("LinalgEighBackward0", out, a);
        SavedTensor w = row.save(values), v = row.save(vectors);
        row.outputsFormulas(gs -> LinalgDerivativeHelpers.eighBackward(gs[0], gs[1], w.unpack(), v.unpack()));
        return both ? out : new Tensor[] {values};
    }

    /** linalg.svd ([U, S, Vh]) and svdvals (S; U and Vh are computed for the derivative). */
    public static Tensor[] linalgSvd(Tensor u, Tensor s, Tensor vh, Tensor a, boolean full, boolean uv) {
        if (!Recorder.shouldRecord(a)) return uv ? new Tensor[] {u, s, vh} : new Tensor[] {s};
        // svdvals too records all three outputs (as PyTorch's _linalg_svd does), so that the saved U and Vh carry their derivative
        Tensor[] out = {u, s, vh};
        Recorder.Row row = Recorder.startMulti("LinalgSvdBackward0", out, a);
        SavedTensor su = row.save(u), ss = row.save(s), sv = row.save(vh);
        row.outputsFormulas(gs -> LinalgDerivativeHelpers.svdBackward(gs[0], gs[1], gs[2], su.unpack(), ss.unpack(), sv.unpack(), full));
        return uv ? out : new Tensor[] {s};
    }

    /** linalg.qr (reduced): [Q, R]. */
    public static Tensor[] linalgQr(Tensor q, Tensor r, Tensor a) {
        Tensor[] out = {q, r};
        if (!Recorder.shouldRecord(a)) return out;
        Recorder.Row row = Recorder.startMulti("LinalgQrBackward0", out, a);
        SavedTensor sq = row.save(q), sr = row.save(r);
        row.outputsFormulas(gs -> LinalgDerivativeHelpers.qrBackward(gs[0], gs[1], sq.unpack(), sr.unpack()));
        return out;
    }

    // ================================================================ linear algebra: norms and composites (ops in MatrixFunctions)

    /** linalg.vector_norm: norm_backward, as torch.norm's. */
    public static Tensor linalgVectorNorm(Tensor result, Tensor self, double ord, int[] dims, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        Recorder.Row row = Recorder.start("LinalgVectorNormBackward0", result, self);
        SavedTensor x = row.save(self), y = row.save(result);
        return row.formulas(g -> DerivativeHelpers.normBackward(g, x.unpack(), y.unpack(), ord, dims, keepdim));
    }

    /** linalg.pinv: pinv_backward, grouped to keep the smallest intermediate matrices. */
    public static Tensor linalgPinv(Tensor result, Tensor a) {
        if (!Recorder.shouldRecord(a)) return result;
        Recorder.Row row = Recorder.start("LinalgPinvBackward0", result, a);
        SavedTensor x = row.save(a), p = row.save(result);
        return row.formulas(g -> LinalgDerivativeHelpers.pinvBackward(g, p.unpack(), x.unpack()));
    }

    /** linalg.cross: self gets cross(other, grad), other gets cross(grad, self). */
    public static Tensor linalgCross(Tensor result, Tensor self, Tensor other, int dim) {
        if (!Recorder.shouldRecord(self, other)) return result;
        Recorder.Row row = Recorder.start("LinalgCrossBackward0", result, self, other);
        SavedTensor s = row.save(other.requiresGrad() ? self : null), o = row.save(self.requiresGrad() ? other : null);
        return row.formulas(
                g -> dev.jgrad.internal.ops.MatrixFunctions.cross(o.unpack(), g, dim),
                g -> dev.jgrad.internal.ops.MatrixFunctions.cross(g, s.unpack(), dim));
    }

    // ================================================================ rnn-utils losses (ops in SequenceLosses)

    /** _ctc_loss: grad (T, N, C) holds PyTorch's d nll_b / d log_probs per sample, scaled by the upstream gradient of each sample. */
    public static Tensor ctcLoss(Tensor result, Tensor logProbs, Tensor grad) {
        if (!Recorder.shouldRecord(logProbs)) return result;
        long n = grad.size(1);
        return Recorder.row("CtcLossBackward0", result, logProbs, g -> grad.mul(g.reshape(1, n, 1)));
    }

    /** multilabel_margin_loss: coef holds d(loss)/d(input) for an upstream gradient of one (per sample when unreduced). */
    public static Tensor multilabelMarginLoss(Tensor result, Tensor self, Tensor coef, int reduction, boolean vector) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("MultilabelMarginLossBackward0", result, self,
                g -> reduction == 0 && !vector ? coef.mul(g.unsqueeze(1)) : coef.mul(g));
    }

    /** rrelu_with_noise: the gradient is scaled by the slope each element used (1 where it was positive). */
    public static Tensor rreluWithNoise(Tensor result, Tensor self, Tensor noise) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.row("RreluWithNoiseBackward0", result, self, g -> g.mul(noise));
    }
}
