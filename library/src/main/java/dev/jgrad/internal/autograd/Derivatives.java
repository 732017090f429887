package dev.jgrad.internal.autograd;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.TensorInternals;
import dev.jgrad.internal.autograd.FormulaNode.Formula;
import java.util.List;

/**
 * THE derivative table: every differentiable op's backward formula, in one place (PyTorch's
 * derivatives.yaml).
 *
 * <p>The contract of a row, as in derivatives.yaml: each op method in {@link Tensor} computes its result
 * and passes it here with its inputs; the row records a node named as PyTorch names it, with one
 * formula per input. In a formula, {@code g} is the gradient of the result (even when it is really a
 * grad-of-grad), {@code n.saved(i)} a tensor the row saved (the inputs, or the result), and
 * {@code n.xxxAttr(i)} a non-tensor argument. Formulas use only differentiable tensor ops, so
 * {@code createGraph} gives higher-order gradients for free. Broadcast gradients need no care here:
 * the engine sums every gradient to its input's shape (Note [Broadcast grads] in {@link Engine}).
 * Longer formulas live in {@link DerivativeHelpers}.
 */
public final class Derivatives {
    private Derivatives() {}

    private static Tensor[] in(Tensor... t) { return t; }

    // ================================================================ arithmetic

    private static final Formula[] ADD = {
        (g, n) -> g,                                             // self: grad
        (g, n) -> n.doubleAttr(0) == 1 ? g : g.mul(n.doubleAttr(0)),  // other: grad * alpha
    };

    public static Tensor add(Tensor result, Tensor self, Tensor other, double alpha) {
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.record("AddBackward0", result, in(self, other), ADD, null, alpha);
    }

    private static final Formula[] SUB = {
        (g, n) -> g,                                             // self: grad
        (g, n) -> g.mul(-n.doubleAttr(0)),                       // other: -grad * alpha
    };

    public static Tensor sub(Tensor result, Tensor self, Tensor other, double alpha) {
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.record("SubBackward0", result, in(self, other), SUB, null, alpha);
    }

    /** rsub(self, other) = other - self; a Java number other is no input at all (RsubBackward1). */
    public static Tensor rsub(Tensor result, Tensor self, Tensor other, boolean otherIsNumber) {
        if (otherIsNumber) {
            if (!Recorder.shouldRecord(self)) return result;
            return Recorder.record("RsubBackward1", result, in(self), RSUB_SCALAR, null);
        }
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.record("RsubBackward0", result, in(self, other), RSUB, null);
    }

    private static final Formula[] RSUB = {
        (g, n) -> g.neg(),                                       // self: -grad
        (g, n) -> g,                                             // other: grad
    };
    private static final Formula[] RSUB_SCALAR = {(g, n) -> g.neg()};

    private static final Formula[] MUL = {
        (g, n) -> g.mul(n.saved(1)),                             // self: grad * other
        (g, n) -> g.mul(n.saved(0)),                             // other: grad * self
    };

    public static Tensor mul(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.record("MulBackward0", result, in(self, other), MUL,
                in(other.requiresGrad() ? self : null, self.requiresGrad() ? other : null));
    }

    private static final Formula[] DIV = {
        (g, n) -> g.div(n.saved(1)),                                          // self: grad / other
        (g, n) -> g.neg().mul(n.saved(0)).div(n.saved(1).mul(n.saved(1))),    // other: -grad * self / other^2
    };

    public static Tensor div(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.record("DivBackward0", result, in(self, other), DIV,
                in(other.requiresGrad() ? self : null, other));
    }

    private static final Formula[] NEG = {(g, n) -> g.neg()};

    public static Tensor neg(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("NegBackward0", result, in(self), NEG, null);
    }

    /** self ** exponent (a number): exponent * self^(exponent - 1), and 0 for exponent 0. */
    private static final Formula[] POW_SCALAR = {(g, n) -> {
        double e = n.doubleAttr(0);
        if (e == 0) return Torch.zerosLike(g);
        return g.mul(n.saved(0).pow(e - 1).mul(e));
    }};

    public static Tensor powScalar(Tensor result, Tensor self, double exponent) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("PowBackward0", result, in(self), POW_SCALAR, in(self), exponent);
    }

    private static final Formula[] POW = {
        (g, n) -> {  // self: grad * other * self^(other - 1), 0 where other == 0
            Tensor self = n.saved(0), other = n.saved(1);
            Tensor d = g.mul(other).mul(self.pow(other.sub(1L)));
            return Torch.where(other.eq(0.0), Torch.zerosLike(d), d);
        },
        (g, n) -> {  // other: grad * result * log(self), 0 where self == 0 and other >= 0
            Tensor self = n.saved(0), other = n.saved(1);
            Tensor d = g.mul(n.saved(2)).mul(self.log());
            return Torch.where(self.eq(0.0).logicalAnd(other.ge(0.0)), Torch.zerosLike(d), d);
        },
    };

    public static Tensor pow(Tensor result, Tensor self, Tensor exponent) {
        if (!Recorder.shouldRecord(self, exponent)) return result;
        return Recorder.record("PowBackward1", result, in(self, exponent), POW, in(self, exponent, result));
    }

    private static final Formula[] MAXIMUM = {
        (g, n) -> selectGrad(g, n.saved(0), n.saved(1)),   // where(self < other, 0, where(self == other, grad/2, grad))
        (g, n) -> selectGrad(g, n.saved(1), n.saved(0)),
    };
    private static final Formula[] MINIMUM = {
        (g, n) -> selectGrad(g, n.saved(1), n.saved(0)),
        (g, n) -> selectGrad(g, n.saved(0), n.saved(1)),
    };

    /** grad where a wins (a > b), half of it on ties. */
    private static Tensor selectGrad(Tensor g, Tensor a, Tensor b) {
        Tensor tie = Torch.where(a.eq(b), g.div(2L), g);
        return Torch.where(a.lt(b), Torch.zerosLike(tie), tie);
    }

    public static Tensor maximum(Tensor result, Tensor self, Tensor other, boolean max) {
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.record(max ? "MaximumBackward0" : "MinimumBackward0", result, in(self, other), max ? MAXIMUM : MINIMUM,
                in(self, other));
    }

    private static final Formula[] ATAN2 = {
        (g, n) -> g.mul(n.saved(1)).div(n.saved(0).square().add(n.saved(1).square())),
        (g, n) -> g.neg().mul(n.saved(0)).div(n.saved(0).square().add(n.saved(1).square())),
    };

    public static Tensor atan2(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.record("Atan2Backward0", result, in(self, other), ATAN2, in(self, other));
    }

    private static final Formula[] REMAINDER = {
        (g, n) -> g,                                                          // self: grad
        (g, n) -> g.neg().mul(n.saved(0).floorDivide(n.saved(1))),            // other: -grad * floor_divide(self, other)
    };
    private static final Formula[] REMAINDER_SCALAR = {(g, n) -> g};

    public static Tensor remainder(Tensor result, Tensor self, Tensor other, boolean otherIsNumber) {
        if (otherIsNumber) {
            if (!Recorder.shouldRecord(self)) return result;
            return Recorder.record("RemainderBackward0", result, in(self), REMAINDER_SCALAR, null);
        }
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.record("RemainderBackward1", result, in(self, other), REMAINDER, in(self, other));
    }

    private static final Formula[] FLOOR_DIVIDE = {(g, n) -> g.mul(0L), (g, n) -> g.mul(0L)};  // piecewise constant: grad * 0

    public static Tensor floorDivide(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other) || !result.isFloatingPoint()) return result;
        return Recorder.record("DivBackward2", result, in(self, other), FLOOR_DIVIDE, null);
    }

    private static final Formula[] CLAMP = {(g, n) -> {  // grad where min <= self <= max
        Tensor self = n.saved(0);
        Tensor keep = Torch.onesLike(self).toBool();
        if (n.attr(0) != null) keep = keep.logicalAnd(self.ge((Double) n.attr(0)));
        if (n.attr(1) != null) keep = keep.logicalAnd(self.le((Double) n.attr(1)));
        return Torch.where(keep, g, Torch.zerosLike(g));
    }};

    public static Tensor clamp(Tensor result, Tensor self, Double min, Double max) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("ClampBackward1", result, in(self), CLAMP, in(self), min, max);
    }

    private static final Formula[] WHERE = {
        (g, n) -> Torch.where(n.saved(0), g, Torch.zerosLike(g)),   // self: where(condition, grad, 0)
        (g, n) -> Torch.where(n.saved(0), Torch.zerosLike(g), g),   // other: where(condition, 0, grad)
    };

    public static Tensor where(Tensor result, Tensor condition, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.record("WhereBackward0", result, in(self, other), WHERE, in(condition));
    }

    // ================================================================ unary math

    private static final Formula[] ABS = {(g, n) -> g.mul(n.saved(0).sign())};
    private static final Formula[] EXP = {(g, n) -> g.mul(n.saved(0))};                        // grad * result
    private static final Formula[] LOG = {(g, n) -> g.div(n.saved(0))};
    private static final Formula[] SQRT = {(g, n) -> g.div(n.saved(0).mul(2L))};               // grad / (2 * result)
    private static final Formula[] RSQRT = {(g, n) -> g.mul(n.saved(0).pow(3L)).mul(-0.5)};    // -0.5 * grad * result^3
    private static final Formula[] SIN = {(g, n) -> g.mul(n.saved(0).cos())};
    private static final Formula[] COS = {(g, n) -> g.mul(n.saved(0).sin().neg())};
    private static final Formula[] TAN = {(g, n) -> g.mul(n.saved(0).square().add(1L))};      // grad * (1 + result^2)
    private static final Formula[] TANH = {(g, n) -> g.mul(n.saved(0).square().rsub(1L))};    // grad * (1 - result^2)
    private static final Formula[] SIGMOID = {(g, n) -> g.mul(n.saved(0).mul(n.saved(0).rsub(1L)))};
    private static final Formula[] RELU = {(g, n) -> thresholdBackward(g, n.saved(0))};
    private static final Formula[] LOG1P = {(g, n) -> g.div(n.saved(0).add(1L))};
    private static final Formula[] EXPM1 = {(g, n) -> g.mul(n.saved(0).add(1L))};
    private static final Formula[] RECIPROCAL = {(g, n) -> g.neg().mul(n.saved(0).square())};
    private static final Formula[] ZERO = {(g, n) -> Torch.zerosLike(g)};
    private static final Formula[] ASIN = {(g, n) -> g.div(n.saved(0).square().rsub(1L).sqrt())};
    private static final Formula[] ACOS = {(g, n) -> g.neg().div(n.saved(0).square().rsub(1L).sqrt())};
    private static final Formula[] ATAN = {(g, n) -> g.div(n.saved(0).square().add(1L))};
    private static final Formula[] SINH = {(g, n) -> g.mul(n.saved(0).cosh())};
    private static final Formula[] COSH = {(g, n) -> g.mul(n.saved(0).sinh())};
    private static final Formula[] LOG2 = {(g, n) -> g.div(n.saved(0).mul(Math.log(2)))};
    private static final Formula[] LOG10 = {(g, n) -> g.div(n.saved(0).mul(Math.log(10)))};
    private static final Formula[] ERF = {(g, n) -> g.mul(n.saved(0).square().neg().exp().mul(2 / Math.sqrt(Math.PI)))};

    /** Unary ops by PyTorch name; saveResult says whether the formula reads the result or the input. */
    public static Tensor unary(String op, Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return switch (op) {
            case "abs" -> Recorder.record("AbsBackward0", result, in(self), ABS, in(self));
            case "exp" -> Recorder.record("ExpBackward0", result, in(self), EXP, in(result));
            case "log" -> Recorder.record("LogBackward0", result, in(self), LOG, in(self));
            case "sqrt" -> Recorder.record("SqrtBackward0", result, in(self), SQRT, in(result));
            case "rsqrt" -> Recorder.record("RsqrtBackward0", result, in(self), RSQRT, in(result));
            case "sin" -> Recorder.record("SinBackward0", result, in(self), SIN, in(self));
            case "cos" -> Recorder.record("CosBackward0", result, in(self), COS, in(self));
            case "tan" -> Recorder.record("TanBackward0", result, in(self), TAN, in(result));
            case "tanh" -> Recorder.record("TanhBackward0", result, in(self), TANH, in(result));
            case "sigmoid" -> Recorder.record("SigmoidBackward0", result, in(self), SIGMOID, in(result));
            case "relu" -> Recorder.record("ReluBackward0", result, in(self), RELU, in(result));
            case "log1p" -> Recorder.record("Log1PBackward0", result, in(self), LOG1P, in(self));
            case "expm1" -> Recorder.record("Expm1Backward0", result, in(self), EXPM1, in(result));
            case "reciprocal" -> Recorder.record("ReciprocalBackward0", result, in(self), RECIPROCAL, in(result));
            case "floor" -> Recorder.record("FloorBackward0", result, in(self), ZERO, null);
            case "ceil" -> Recorder.record("CeilBackward0", result, in(self), ZERO, null);
            case "round" -> Recorder.record("RoundBackward0", result, in(self), ZERO, null);
            case "trunc" -> Recorder.record("TruncBackward0", result, in(self), ZERO, null);
            case "sign" -> Recorder.record("SignBackward0", result, in(self), ZERO, null);
            case "asin" -> Recorder.record("AsinBackward0", result, in(self), ASIN, in(self));
            case "acos" -> Recorder.record("AcosBackward0", result, in(self), ACOS, in(self));
            case "atan" -> Recorder.record("AtanBackward0", result, in(self), ATAN, in(self));
            case "sinh" -> Recorder.record("SinhBackward0", result, in(self), SINH, in(self));
            case "cosh" -> Recorder.record("CoshBackward0", result, in(self), COSH, in(self));
            case "log2" -> Recorder.record("Log2Backward0", result, in(self), LOG2, in(self));
            case "log10" -> Recorder.record("Log10Backward0", result, in(self), LOG10, in(self));
            case "erf" -> Recorder.record("ErfBackward0", result, in(self), ERF, in(self));
            default -> throw new IllegalStateException("no derivative row for unary op " + op);
        };
    }

    private static final Formula[] THRESHOLD_BACKWARD = {
        (g, n) -> thresholdBackward(g, n.saved(0)),                // grad: the same mask
        (g, n) -> Torch.zerosLike(n.saved(0)),                     // result: piecewise constant
    };

    /**
     * relu's backward, grad where result &gt; 0 else 0, as an op of its own (PyTorch's threshold_backward):
     * it takes result as an input so that its output requires grad whenever result does.
     */
    public static Tensor thresholdBackward(Tensor grad, Tensor result) {
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            r = Torch.where(result.gt(0L), grad, Torch.zerosLike(grad));
        }
        if (!Recorder.shouldRecord(grad, result)) return r;
        return Recorder.record("ThresholdBackwardBackward0", r, in(grad, result), THRESHOLD_BACKWARD, in(result));
    }

    // ================================================================ reductions

    private static final Formula[] SUM_ALL = {(g, n) -> g.expand(DerivativeHelpers.toLong(n.shapeAttr(0)))};
    private static final Formula[] SUM_DIMS = {(g, n) ->
            DerivativeHelpers.expandReduced(g, n.shapeAttr(0), n.shapeAttr(1), (Boolean) n.attr(2))};
    private static final Formula[] MEAN_ALL = {(g, n) ->
            g.expand(DerivativeHelpers.toLong(n.shapeAttr(0))).div((double) Math.max(1, numel(n.shapeAttr(0))))};
    private static final Formula[] MEAN_DIMS = {(g, n) ->
            DerivativeHelpers.expandReduced(g, n.shapeAttr(0), n.shapeAttr(1), (Boolean) n.attr(2)).div(n.doubleAttr(3))};

    private static long numel(int[] shape) {
        long r = 1;
        for (int s : shape) r *= s;
        return r;
    }

    public static Tensor sum(Tensor result, Tensor self, int[] dims, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        if (dims == null) return Recorder.record("SumBackward0", result, in(self), SUM_ALL, null, (Object) shape);
        return Recorder.record("SumBackward1", result, in(self), SUM_DIMS, null, shape, dims, keepdim);
    }

    public static Tensor mean(Tensor result, Tensor self, int[] dims, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        int[] shape = TensorInternals.shape(self);
        if (dims == null) return Recorder.record("MeanBackward0", result, in(self), MEAN_ALL, null, (Object) shape);
        double count = numel(shape) / (double) Math.max(1, result.numel());
        if (result.numel() == 0 || numel(shape) == 0) {
            count = 1;
            for (int d : DerivativeHelpers.wrapped(dims, shape.length)) count *= shape.length == 0 ? 1 : shape[d];
        }
        return Recorder.record("MeanBackward1", result, in(self), MEAN_DIMS, null, shape, dims, keepdim, count);
    }

    private static final Formula[] PROD_ALL = {(g, n) -> DerivativeHelpers.prodBackward(g, n.saved(0), n.saved(1), null, false)};
    private static final Formula[] PROD_DIM = {(g, n) ->
            DerivativeHelpers.prodBackward(g, n.saved(0), n.saved(1), n.intAttr(0), (Boolean) n.attr(1))};

    public static Tensor prod(Tensor result, Tensor self, Integer dim, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        if (dim == null) return Recorder.record("ProdBackward0", result, in(self), PROD_ALL, in(self, result));
        int d = dim < 0 ? dim + Math.max(1, self.dim()) : dim;
        return Recorder.record("ProdBackward1", result, in(self), PROD_DIM, in(self, result), d, keepdim);
    }

    private static final Formula[] EXTREME_ALL = {(g, n) -> DerivativeHelpers.evenlyDistribute(g, n.saved(0), n.saved(1))};
    private static final Formula[] EXTREME_DIM = {(g, n) ->
            DerivativeHelpers.valueSelectingBackward(g, n.intAttr(0), n.saved(0), n.shapeAttr(2), (Boolean) n.attr(1))};
    private static final Formula[] AMAX = {(g, n) ->
            DerivativeHelpers.evenlyDistributeDim(g, n.saved(0), n.saved(1), n.intAttr(0), (Boolean) n.attr(1))};

    /** max()/min() over all elements (MaxBackward1). */
    public static Tensor extremeAll(Tensor result, Tensor self, boolean max) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record(max ? "MaxBackward1" : "MinBackward1", result, in(self), EXTREME_ALL, in(self, result));
    }

    /** max(dim)/min(dim): the values output is differentiable, the indices are not (MaxBackward0). */
    public static Tensor extremeDim(Tensor values, Tensor indices, Tensor self, int dim, boolean keepdim, boolean max) {
        if (!Recorder.shouldRecord(self)) return values;
        int d = dim < 0 ? dim + Math.max(1, self.dim()) : dim;
        return Recorder.record(max ? "MaxBackward0" : "MinBackward0", values, in(self), EXTREME_DIM, in(indices), d, keepdim,
                TensorInternals.shape(self));
    }

    public static Tensor amax(Tensor result, Tensor self, int dim, boolean keepdim, boolean max) {
        if (!Recorder.shouldRecord(self)) return result;
        int d = dim < 0 ? dim + Math.max(1, self.dim()) : dim;
        return Recorder.record(max ? "AmaxBackward0" : "AminBackward0", result, in(self), AMAX, in(self, result), d, keepdim);
    }

    private static final Formula[] NORM = {(g, n) ->
            DerivativeHelpers.normBackward(g, n.saved(0), n.saved(1), n.doubleAttr(0), (int[]) n.attr(1), (Boolean) n.attr(2))};

    public static Tensor norm(Tensor result, Tensor self, double p, int[] dims, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("NormBackward1", result, in(self), NORM, in(self, result), p, dims, keepdim);
    }

    // ================================================================ linear algebra

    private static final Formula[] MM = {
        (g, n) -> g.mm(n.saved(1).t()),                          // self: grad @ other^T
        (g, n) -> n.saved(0).t().mm(g),                          // mat2: self^T @ grad
    };

    public static Tensor mm(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.record("MmBackward0", result, in(self, other), MM,
                in(other.requiresGrad() ? self : null, self.requiresGrad() ? other : null));
    }

    private static final Formula[] BMM = {
        (g, n) -> g.bmm(n.saved(1).transpose(1, 2)),
        (g, n) -> n.saved(0).transpose(1, 2).bmm(g),
    };

    public static Tensor bmm(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.record("BmmBackward0", result, in(self, other), BMM,
                in(other.requiresGrad() ? self : null, self.requiresGrad() ? other : null));
    }

    private static final Formula[] MV = {
        (g, n) -> g.unsqueeze(1).mul(n.saved(1)),                // self: outer(grad, vec)
        (g, n) -> n.saved(0).t().mv(g),                          // vec: self^T @ grad
    };

    public static Tensor mv(Tensor result, Tensor self, Tensor vec) {
        if (!Recorder.shouldRecord(self, vec)) return result;
        return Recorder.record("MvBackward0", result, in(self, vec), MV,
                in(vec.requiresGrad() ? self : null, self.requiresGrad() ? vec : null));
    }

    private static final Formula[] DOT = {
        (g, n) -> g.mul(n.saved(1)),
        (g, n) -> g.mul(n.saved(0)),
    };

    public static Tensor dot(Tensor result, Tensor self, Tensor other) {
        if (!Recorder.shouldRecord(self, other)) return result;
        return Recorder.record("DotBackward0", result, in(self, other), DOT,
                in(other.requiresGrad() ? self : null, self.requiresGrad() ? other : null));
    }

    // ================================================================ views and shape

    private static final Formula[] RESHAPE = {(g, n) -> g.reshape(DerivativeHelpers.toLong(n.shapeAttr(0)))};

    /** view, reshape (view path), flatten, squeeze(): the gradient takes the input's shape back. */
    public static Tensor view(String name, Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record(name, result, in(self), RESHAPE, null, (Object) TensorInternals.shape(self));
    }

    private static final Formula[] TRANSPOSE = {(g, n) -> g.transpose(n.intAttr(0), n.intAttr(1))};
    private static final Formula[] T = {(g, n) -> g.t()};

    public static Tensor transpose(Tensor result, Tensor self, int dim0, int dim1) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("TransposeBackward0", result, in(self), TRANSPOSE, null, dim0, dim1);
    }

    public static Tensor t(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("TBackward0", result, in(self), T, null);
    }

    private static final Formula[] PERMUTE = {(g, n) -> g.permute(n.shapeAttr(0))};

    public static Tensor permute(Tensor result, Tensor self, int[] dims) {
        if (!Recorder.shouldRecord(self)) return result;
        int nd = dims.length;
        int[] inverse = new int[nd];
        for (int i = 0; i < nd; i++) inverse[dims[i] < 0 ? dims[i] + nd : dims[i]] = i;
        return Recorder.record("PermuteBackward0", result, in(self), PERMUTE, null, (Object) inverse);
    }

    private static final Formula[] SQUEEZE_DIM = {(g, n) -> n.intAttr(0) < 0 ? g : g.unsqueeze(n.intAttr(0))};
    private static final Formula[] UNSQUEEZE = {(g, n) -> g.squeeze(n.intAttr(0))};

    /** squeeze(dim): dim is -1 when nothing was squeezed. */
    public static Tensor squeezeDim(Tensor result, Tensor self, int squeezedDim) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("SqueezeBackward1", result, in(self), SQUEEZE_DIM, null, squeezedDim);
    }

    public static Tensor unsqueeze(Tensor result, Tensor self, int dim) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("UnsqueezeBackward0", result, in(self), UNSQUEEZE, null, dim);
    }

    private static final Formula[] EXPAND = {(g, n) -> DerivativeHelpers.sumTo(g, n.shapeAttr(0))};

    public static Tensor expand(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("ExpandBackward0", result, in(self), EXPAND, null, (Object) TensorInternals.shape(self));
    }

    private static final Formula[] SELECT = {(g, n) ->
            DerivativeHelpers.selectBackward(g, n.shapeAttr(0), n.intAttr(1), ((Number) n.attr(2)).longValue())};
    private static final Formula[] SELECT_BACKWARD = {(g, n) -> g.select(n.intAttr(0), ((Number) n.attr(1)).longValue())};

    public static Tensor select(Tensor result, Tensor self, int dim, long index) {
        if (!Recorder.shouldRecord(self)) return result;
        int d = dim < 0 ? dim + self.dim() : dim;
        long i = index < 0 ? index + self.size(d) : index;
        return Recorder.record("SelectBackward0", result, in(self), SELECT, null, TensorInternals.shape(self), d, i);
    }

    public static Tensor selectBackwardRow(Tensor result, Tensor grad, int dim, long index) {
        if (!Recorder.shouldRecord(grad)) return result;
        return Recorder.record("SelectBackwardBackward0", result, in(grad), SELECT_BACKWARD, null, dim, index);
    }

    private static final Formula[] SLICE = {(g, n) -> DerivativeHelpers.sliceBackward(g, n.shapeAttr(0), n.intAttr(1),
            ((Number) n.attr(2)).longValue(), ((Number) n.attr(3)).longValue(), ((Number) n.attr(4)).longValue())};
    private static final Formula[] SLICE_BACKWARD = {(g, n) -> g.slice(n.intAttr(0), ((Number) n.attr(1)).longValue(),
            ((Number) n.attr(2)).longValue(), ((Number) n.attr(3)).longValue())};

    public static Tensor slice(Tensor result, Tensor self, int dim, long start, long end, long step) {
        if (!Recorder.shouldRecord(self)) return result;
        int d = dim < 0 ? dim + self.dim() : dim;
        return Recorder.record("SliceBackward0", result, in(self), SLICE, null, TensorInternals.shape(self), d, start, end, step);
    }

    public static Tensor sliceBackwardRow(Tensor result, Tensor grad, int dim, long start, long end, long step) {
        if (!Recorder.shouldRecord(grad)) return result;
        return Recorder.record("SliceBackwardBackward0", result, in(grad), SLICE_BACKWARD, null, dim, start, end, step);
    }

    private static final Formula[] IDENTITY = {(g, n) -> g};

    public static Tensor clone(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("CloneBackward0", result, in(self), IDENTITY, null);
    }

    /** reshape that had to copy: PyTorch records the copy's view as _unsafe_view. */
    public static Tensor unsafeView(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("UnsafeViewBackward0", result, in(self), RESHAPE, null, (Object) TensorInternals.shape(self));
    }

    private static final Formula[] TO_COPY = {(g, n) -> g.to((dev.jgrad.DType) n.attr(0))};

    public static Tensor toCopy(Tensor result, Tensor self) {
        if (!Recorder.shouldRecord(self) || !result.isFloatingPoint()) return result;
        return Recorder.record("ToCopyBackward0", result, in(self), TO_COPY, null, self.dtype());
    }

    // ================================================================ joins and splits

    private static final Formula[] STACK_PART = new Formula[0];

    public static Tensor cat(Tensor result, List<Tensor> tensors, int dim) {
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        if (!Recorder.shouldRecord(inputs)) return result;
        int d = dim < 0 ? dim + result.dim() : dim;
        Formula[] f = new Formula[inputs.length];
        long start = 0;
        for (int i = 0; i < inputs.length; i++) {
            boolean legacyEmpty = inputs[i].dim() == 1 && inputs[i].size(0) == 0;
            long size = legacyEmpty ? 0 : inputs[i].size(d);
            long from = start;
            f[i] = legacyEmpty ? (g, n) -> g.newZeros(0) : (g, n) -> g.narrow(n.intAttr(0), from, size);
            start += size;
        }
        return Recorder.record("CatBackward0", result, inputs, f, null, d);
    }

    public static Tensor stack(Tensor result, List<Tensor> tensors, int dim) {
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        if (!Recorder.shouldRecord(inputs)) return result;
        int d = dim < 0 ? dim + result.dim() : dim;
        Formula[] f = new Formula[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            long at = i;
            f[i] = (g, n) -> g.select(n.intAttr(0), at);
        }
        return Recorder.record("StackBackward0", result, inputs, f, null, d);
    }

    /** unbind/split/chunk: one node with several outputs; the input's gradient joins theirs (zeros where none came). */
    public static List<Tensor> split(String name, List<Tensor> parts, Tensor self, int dim, boolean unbind) {
        if (!Recorder.shouldRecord(self)) return parts;
        int d = dim < 0 ? dim + self.dim() : dim;
        Tensor[] results = parts.toArray(new Tensor[0]);
        dev.jgrad.Device device = self.device();
        Formula join = (g, n) -> {
            Tensor[] gs = n.gradOutputs();
            java.util.List<Tensor> pieces = new java.util.ArrayList<>(gs.length);
            for (int i = 0; i < gs.length; i++) {
                int[] shape = n.outputShape(i);
                pieces.add(gs[i] != null ? gs[i] : Torch.zeros(n.outputDtype(i), device, DerivativeHelpers.toLong(shape)));
            }
            return unbind ? Torch.stack(pieces, n.intAttr(0)) : Torch.cat(pieces, n.intAttr(0));
        };
        Recorder.recordMulti(name, results, in(self), new Formula[] {join}, null, d);
        return parts;
    }

    // ================================================================ indexing

    private static final Formula[] GATHER = {(g, n) ->
            g.newZeros(DerivativeHelpers.toLong(n.shapeAttr(1))).scatterAdd(n.intAttr(0), n.saved(0), g)};

    public static Tensor gather(Tensor result, Tensor self, int dim, Tensor index) {
        if (!Recorder.shouldRecord(self)) return result;
        int d = dim < 0 ? dim + Math.max(1, self.dim()) : dim;
        return Recorder.record("GatherBackward0", result, in(self), GATHER, in(index), d, TensorInternals.shape(self));
    }

    private static final Formula[] SCATTER_ADD = {
        (g, n) -> g,                                             // self: grad
        (g, n) -> g.gather(n.intAttr(0), n.saved(0)),            // src: grad.gather(dim, index)
    };

    public static Tensor scatterAdd(Tensor result, Tensor self, int dim, Tensor index, Tensor src) {
        if (!Recorder.shouldRecord(self, src)) return result;
        int d = dim < 0 ? dim + Math.max(1, self.dim()) : dim;
        return Recorder.record("ScatterAddBackward0", result, in(self, src), SCATTER_ADD, in(index), d);
    }

    // ================================================================ in-place writes

    private static final Formula[] COPY = {
        (g, n) -> Torch.zerosLike(g),                            // self: overwritten
        (g, n) -> g,                                             // src: grad (reduced to src's shape by the engine)
    };

    /** copy_ as a node over (old self, src): what in-place recording uses for copy_. */
    public static Tensor copy(Tensor result, Tensor oldSelf, Tensor src) {
        if (!Recorder.shouldRecord(oldSelf, src)) return result;
        return Recorder.record("CopyBackwards", result, in(oldSelf, src), COPY, null);
    }

    public static Tensor fill(Tensor result, Tensor oldSelf, String name) {
        if (!Recorder.shouldRecord(oldSelf)) return result;
        return Recorder.record(name, result, in(oldSelf), ZERO, null);
    }

    // ================================================================ nn ops
    // Rows for the nn primitives (Softmax, Activations, Gathering, Losses, Normalization, Convolution). Inputs that an op takes as optional (weight, bias) are passed
    // through none(), which gives the (None, 0) edge PyTorch shows for an undefined tensor.

    private static final Tensor NONE = Torch.zeros(0);

    private static Tensor none(Tensor t) { return t == null ? NONE : t; }

    /** Saved tensor 1 (an optional weight), or null when the attr at hasWeightAttr says there was none. */
    private static Tensor savedWeight(FormulaNode n, int hasWeightAttr) { return (Boolean) n.attr(hasWeightAttr) ? n.saved(1) : null; }

    private static final Formula[] SOFTMAX = {(g, n) -> {    // result * (grad - sum(grad * result, dim))
        Tensor y = n.saved(0);
        return y.mul(g.sub(g.mul(y).sum(n.intAttr(0), true)));
    }};
    private static final Formula[] LOG_SOFTMAX = {(g, n) ->  // grad - exp(result) * sum(grad, dim)
            g.sub(n.saved(0).exp().mul(g.sum(n.intAttr(0), true)))};

    public static Tensor softmax(Tensor result, Tensor self, int dim, boolean log) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record(log ? "LogSoftmaxBackward0" : "SoftmaxBackward0", result, in(self), log ? LOG_SOFTMAX : SOFTMAX,
                in(result), dim);
    }

    private static final Formula[] LOGSUMEXP = {(g, n) -> {  // grad * exp(self - result), both re-expanded over dims
        int[] shape = TensorInternals.shape(n.saved(0)), dims = n.shapeAttr(0);
        boolean keep = (Boolean) n.attr(1);
        Tensor r = DerivativeHelpers.expandReduced(n.saved(1), shape, dims, keep);
        return DerivativeHelpers.expandReduced(g, shape, dims, keep).mul(n.saved(0).sub(r).exp());
    }};

    public static Tensor logsumexp(Tensor result, Tensor self, int[] dims, boolean keepdim) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("LogsumexpBackward0", result, in(self), LOGSUMEXP, in(self, result), dims, keepdim);
    }

    private static final Formula[] GELU = {(g, n) -> NnDerivativeHelpers.geluBackward(g, n.saved(0), false)};
    private static final Formula[] GELU_TANH = {(g, n) -> NnDerivativeHelpers.geluBackward(g, n.saved(0), true)};
    private static final Formula[] SILU = {(g, n) -> {      // grad * s * (1 + x * (1 - s)), s = sigmoid(x)
        Tensor x = n.saved(0), s = x.sigmoid();
        return g.mul(s.mul(x.mul(s.rsub(1L)).add(1L)));
    }};
    private static final Formula[] LEAKY_RELU = {(g, n) -> Torch.where(n.saved(0).gt(0L), g, g.mul(n.doubleAttr(0)))};

    /** gelu / gelu_tanh / silu / leaky_relu (param: the negative slope). */
    public static Tensor activation(String op, Tensor result, Tensor self, double param) {
        if (!Recorder.shouldRecord(self)) return result;
        return switch (op) {
            case "gelu" -> Recorder.record("GeluBackward0", result, in(self), GELU, in(self));
            case "gelu_tanh" -> Recorder.record("GeluBackward0", result, in(self), GELU_TANH, in(self));
            case "silu" -> Recorder.record("SiluBackward0", result, in(self), SILU, in(self));
            case "leaky_relu" -> Recorder.record("LeakyReluBackward0", result, in(self), LEAKY_RELU, in(self), param);
            default -> throw new IllegalStateException("no derivative row for activation " + op);
        };
    }

    private static final Formula[] INDEX_SELECT = {(g, n) ->
            NnDerivativeHelpers.indexAddInto(g, n.shapeAttr(1), n.intAttr(0), (Tensor) n.attr(2))};

    public static Tensor indexSelect(Tensor result, Tensor self, int dim, Tensor index) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("IndexSelectBackward0", result, in(self), INDEX_SELECT, null, dim, TensorInternals.shape(self), index);
    }

    private static final Formula[] EMBEDDING = {(g, n) ->
            NnDerivativeHelpers.embeddingBackward(g, n.shapeAttr(0), (Tensor) n.attr(1), ((Number) n.attr(2)).longValue())};

    public static Tensor embedding(Tensor result, Tensor weight, Tensor indices, long paddingIdx) {
        if (!Recorder.shouldRecord(weight)) return result;
        return Recorder.record("EmbeddingBackward0", result, in(weight), EMBEDDING, null, TensorInternals.shape(weight), indices, paddingIdx);
    }

    private static final Formula[] ADDMM = {
        (g, n) -> g,                                             // self: grad (summed to the bias's shape by the engine)
        (g, n) -> g.mm(n.saved(1).t()),                          // mat1: grad @ mat2^T
        // mat2: mat1^T @ grad; for a transposed mat2 (linear's weight.t()) computed as (grad^T @ mat1)^T,
        // so the weight's gradient comes out contiguous and accumulates without a strided copy
        (g, n) -> (Boolean) n.attr(0) ? g.t().mm(n.saved(0)).t() : n.saved(0).t().mm(g),
    };

    public static Tensor addmm(Tensor result, Tensor self, Tensor mat1, Tensor mat2) {
        if (!Recorder.shouldRecord(in(self, mat1, mat2))) return result;
        boolean mat2Transposed = mat2.stride(0) == 1 && mat2.size(1) > 1;
        return Recorder.record("AddmmBackward0", result, in(self, mat1, mat2), ADDMM,
                in(mat2.requiresGrad() ? mat1 : null, mat1.requiresGrad() ? mat2 : null), mat2Transposed);
    }

    private static final Formula[] NLL_LOSS = {(g, n) ->
            NnDerivativeHelpers.nllLossBackward(g, n.shapeAttr(0), n.intAttr(1), (Tensor) n.attr(2), (Tensor) n.attr(3))};

    /** nll_loss: coef holds d(loss)/d(input at the target class) per position (-weight, divided by the total weight for mean). */
    public static Tensor nllLoss(Tensor result, Tensor self, Tensor target, Tensor coef, int classDim, String name) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record(name, result, in(self), NLL_LOSS, null, TensorInternals.shape(self), classDim, target, coef);
    }

    private static final Formula[] MSE_LOSS = {
        (g, n) -> NnDerivativeHelpers.mseBackward(g, n.saved(0), n.saved(1), n.intAttr(0)),
        (g, n) -> NnDerivativeHelpers.mseBackward(g, n.saved(0), n.saved(1), n.intAttr(0)).neg(),
    };

    /** reduction: 0 none, 1 mean, 2 sum. */
    public static Tensor mseLoss(Tensor result, Tensor self, Tensor target, int reduction) {
        if (!Recorder.shouldRecord(self, target)) return result;
        return Recorder.record("MseLossBackward0", result, in(self, target), MSE_LOSS, in(self, target), reduction);
    }

    private static final Formula[] BCE = {(g, n) ->
            NnDerivativeHelpers.bceBackward(g, n.saved(0), (Tensor) n.attr(0), (Tensor) n.attr(1), n.intAttr(2))};
    private static final Formula[] BCE_LOGITS = {(g, n) ->
            NnDerivativeHelpers.bceLogitsBackward(g, n.saved(0), (Tensor) n.attr(0), (Tensor) n.attr(1), (Tensor) n.attr(2), n.intAttr(3))};

    /** The target gets no gradient (PyTorch 1.13 has no target derivative for these losses). */
    public static Tensor binaryCrossEntropy(Tensor result, Tensor self, Tensor target, Tensor weight, int reduction) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("BinaryCrossEntropyBackward0", result, in(self), BCE, in(self), target.detach(),
                weight == null ? null : weight.detach(), reduction);
    }

    public static Tensor binaryCrossEntropyWithLogits(Tensor result, Tensor self, Tensor target, Tensor weight, Tensor posWeight,
                                                      int reduction) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("BinaryCrossEntropyWithLogitsBackward0", result, in(self), BCE_LOGITS, in(self), target.detach(),
                weight == null ? null : weight.detach(), posWeight == null ? null : posWeight.detach(), reduction);
    }

    private static final Formula[] LAYER_NORM = {
        (g, n) -> NnDerivativeHelpers.layerNormInputGrad(g, n.saved(0), savedWeight(n, 2), n.intAttr(0), n.doubleAttr(1)),
        (g, n) -> g.mul(NnDerivativeHelpers.layerNormXhat(n.saved(0), n.intAttr(0), n.doubleAttr(1))),  // summed to weight's shape
        (g, n) -> g,                                                                                    // summed to bias's shape
    };

    public static Tensor layerNorm(Tensor result, Tensor input, Tensor weight, Tensor bias, int normDims, double eps) {
        if (!Recorder.shouldRecord(in(input, weight, bias))) return result;
        return Recorder.record("NativeLayerNormBackward0", result, in(input, none(weight), none(bias)), LAYER_NORM, in(input, weight),
                normDims, eps, weight != null);
    }

    private static final Formula[] BATCH_NORM = {
        (g, n) -> NnDerivativeHelpers.batchNormInputGrad(g, n.saved(0), savedWeight(n, 4), (Boolean) n.attr(0), (Tensor) n.attr(1),
                (Tensor) n.attr(2), n.doubleAttr(3)),
        (g, n) -> NnDerivativeHelpers.batchNormWeightGrad(g, n.saved(0), (Boolean) n.attr(0), (Tensor) n.attr(1), (Tensor) n.attr(2),
                n.doubleAttr(3)),
        (g, n) -> g.sum(NnDerivativeHelpers.nonChannelDims(g.dim()), false),
    };

    /** evalMean/evalInvstd: the running statistics used in evaluation mode (null when training). */
    public static Tensor batchNorm(Tensor result, Tensor input, Tensor weight, Tensor bias, boolean training, Tensor evalMean,
                                   Tensor evalInvstd, double eps) {
        if (!Recorder.shouldRecord(in(input, weight, bias))) return result;
        return Recorder.record("NativeBatchNormBackward0", result, in(input, none(weight), none(bias)), BATCH_NORM, in(input, weight),
                training, evalMean, evalInvstd, eps, weight != null);
    }

    private static final Formula[] CONVOLUTION = {
        (g, n) -> NnDerivativeHelpers.convInputGrad(g, n.saved(1), n.shapeAttr(0), n.shapeAttr(1), n.intAttr(2)),
        (g, n) -> NnDerivativeHelpers.convWeightGrad(g, n.saved(0), n.shapeAttr(3), n.shapeAttr(1), n.intAttr(2)),
        (g, n) -> g.sum(new int[] {0, 2, 3}, false),
    };

    /** geometry: {kh, kw, sh, sw, ph, pw, dh, dw}. */
    public static Tensor convolution(Tensor result, Tensor input, Tensor weight, Tensor bias, int[] geometry, int groups) {
        if (!Recorder.shouldRecord(in(input, weight, bias))) return result;
        return Recorder.record("ConvolutionBackward0", result, in(input, weight, none(bias)), CONVOLUTION,
                in(weight.requiresGrad() ? input : null, input.requiresGrad() ? weight : null),
                TensorInternals.shape(input), geometry, groups, TensorInternals.shape(weight));
    }

    private static final Formula[] IM2COL = {(g, n) -> NnDerivativeHelpers.col2im(g, n.shapeAttr(0), n.shapeAttr(1))};
    private static final Formula[] COL2IM = {(g, n) -> NnDerivativeHelpers.im2col(g, n.shapeAttr(0))};

    public static Tensor im2col(Tensor result, Tensor self, int[] inputSize, int[] geometry) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("Im2ColBackward0", result, in(self), IM2COL, null, inputSize, geometry);
    }

    public static Tensor col2im(Tensor result, Tensor self, int[] outputSize, int[] geometry) {
        if (!Recorder.shouldRecord(self)) return result;
        return Recorder.record("Col2ImBackward0", result, in(self), COL2IM, null, geometry);
    }

    private static final Formula[] MAX_POOL2D = {(g, n) -> NnDerivativeHelpers.maxPoolBackward(g, (Tensor) n.attr(0), n.shapeAttr(1))};

    /** max_pool2d_with_indices: the values are differentiable, the indices are not. */
    public static Tensor maxPool2d(Tensor values, Tensor indices, Tensor self) {
        if (!Recorder.shouldRecord(self)) return values;
        return Recorder.record("MaxPool2DWithIndicesBackward0", values, in(self), MAX_POOL2D, null, indices, TensorInternals.shape(self));
    }
}
