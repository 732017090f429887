package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.backend.ActivationOp;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.profiler.Profiler;
import java.util.function.UnaryOperator;

/**
 * The pointwise activations. gelu, silu and leaky_relu have their own kernels; the rest (elu, softplus,
 * hardtanh, mish, ...) are evaluated in float64 over existing ops and rounded once ({@link #viaFloat64}),
 * which keeps them within an ulp of PyTorch's float kernels. relu and sigmoid are unary ops in
 * {@link Elementwise}.
 */
public final class Activations {
    private Activations() {}

    public static Tensor gelu(Tensor x, String approximate) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::gelu", x) : null) {
            boolean tanh = switch (approximate) {
                case "none" -> false;
                case "tanh" -> true;
                default -> throw new IllegalArgumentException("approximate argument must be either none or tanh.");
            };
            Checks.requireFloat(x, "GeluKernelImpl");
            ActivationOp op = tanh ? ActivationOp.GELU_TANH : ActivationOp.GELU;
            return Derivatives.activation(op, activation(op, x, 0), x, 0);
        }
    }

    public static Tensor silu(Tensor x) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::silu", x) : null) {
            Checks.requireFloat(x, "silu_cpu");
            return Derivatives.activation(ActivationOp.SILU, activation(ActivationOp.SILU, x, 0), x, 0);
        }
    }

    public static Tensor leakyRelu(Tensor x, double slope) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::leaky_relu", x) : null) {
            Checks.requireFloat(x, "leaky_relu_cpu");
            return Derivatives.activation(ActivationOp.LEAKY_RELU, activation(ActivationOp.LEAKY_RELU, x, slope), x, slope);
        }
    }

    /**
     * gelu_backward(grad, self) for the exact gelu, no recording: grad (Phi(self) + self phi(self)) in one kernel pass.
     * grad and self have one shape and one floating dtype.
     */
    public static Tensor geluBackward(Tensor grad, Tensor self) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::gelu_backward", grad, self) : null) {
            var be = Dispatch.backend(grad, self);
            Tensor out = Dispatch.empty(be, shape(grad), grad.dtype(), grad.device());
            be.geluBackward(Dispatch.view(grad), Dispatch.view(self), Dispatch.view(out));
            return out;
        }
    }

    /** {@link #geluBackward} written into a contiguous grad the autograd engine owns; grad is returned. */
    public static Tensor geluBackward_(Tensor grad, Tensor self) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::gelu_backward", grad, self) : null) {
            Dispatch.backend(grad, self).geluBackward(Dispatch.view(grad), Dispatch.view(self), Dispatch.view(grad));
            return grad;
        }
    }

    /**
     * threshold_backward(grad, self, threshold), no recording: grad where self &gt; threshold, else 0 (grad where self
     * is NaN, as PyTorch's kernel). Same-shape, same-dtype floating operands (relu's and threshold's backward) take
     * one kernel pass and one allocation; anything else goes through where.
     */
    public static Tensor thresholdBackward(Tensor grad, Tensor self, double threshold) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::threshold_backward", grad, self) : null) {
            if (grad.dtype() != self.dtype() || !grad.isFloatingPoint() || !java.util.Arrays.equals(shape(grad), shape(self))) {
                return Torch.where(self.le(threshold).logicalNot(), grad, Torch.zerosLike(grad));
            }
            var be = Dispatch.backend(grad, self);
            Tensor out = Dispatch.empty(be, shape(grad), grad.dtype(), grad.device());
            be.thresholdBackward(threshold, Dispatch.view(grad), Dispatch.view(self), Dispatch.view(out));
            return out;
        }
    }

    /** {@link #thresholdBackward} written into grad (for a gradient the autograd engine owns); grad is returned. */
    public static Tensor thresholdBackward_(Tensor grad, Tensor self, double threshold) {
        // a contiguous grad has no two elements in one place (an expanded gradient does)
        if (grad.dtype() != self.dtype() || !grad.isFloatingPoint() || !java.util.Arrays.equals(shape(grad), shape(self))
                || !grad.isContiguous()) {
            return thresholdBackward(grad, self, threshold);
        }
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::threshold_backward", grad, self) : null) {
            Dispatch.backend(grad, self).thresholdBackward(threshold, Dispatch.view(grad), Dispatch.view(self), Dispatch.view(grad));
            return grad;
        }
    }

    private static Tensor activation(ActivationOp op, Tensor x, double param) {
        Tensor out = Dispatch.empty(x, shape(x), x.dtype());
        Dispatch.backend(x).activation(op, param, Dispatch.view(x), Dispatch.view(out));
        return out;
    }

    // ---------------------------------------------------------------- activations without a kernel of their own

    /** A pointwise formula run without recording, in float64, and rounded once to x's dtype. */
    private static Tensor viaFloat64(Tensor x, String kernel, UnaryOperator<Tensor> f) {
        Checks.requireFloat(x, kernel);
        String cpuKernel = HALF_KERNELS.get(kernel);  // 1.13 has none of these CPU kernels for float16 (mish not for bfloat16 either)
        if (cpuKernel != null) Checks.requireHalfKernel(x, cpuKernel, kernel.equals("mish"));
        try (var guard = GradMode.setEnabled(false)) {
            return Copying.convert(f.apply(Copying.convert(x, DType.FLOAT64)), x.dtype());
        }
    }

    /** The CPU kernel names in 1.13's "not implemented for 'Half'" errors, by the name viaFloat64 is given. */
    private static final java.util.Map<String, String> HALF_KERNELS = java.util.Map.of("elu", "elu_cpu", "softplus", "softplus_cpu",
            "hardtanh", "clamp_scalar_cpu", "hardswish", "hardswish_cpu", "hardsigmoid", "hardsigmoid_cpu", "mish", "mish_cpu",
            "log_sigmoid", "log_sigmoid_cpu", "hardshrink", "hardshrink_cpu", "softshrink", "softshrink_cpu");

    /** scale * (x if x > 0 else alpha * (exp(x * inputScale) - 1)): elu, selu and celu. */
    public static Tensor elu(Tensor x, double alpha, double scale, double inputScale, boolean celu) {
        try (var ev = Profiler.isActive() ? Profiler.enter(celu ? "aten::celu" : "aten::elu", x) : null) {
            Tensor r = viaFloat64(x, "elu", v -> Torch.where(v.gt(0L), v.mul(scale), v.mul(inputScale).exp().sub(1L).mul(alpha * scale)));
            return Derivatives.elu(r, x, alpha, scale, inputScale, celu);
        }
    }

    /** log(1 + exp(beta x)) / beta, and x itself where beta x > threshold. */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::softplus", x) : null) {
            Tensor r = viaFloat64(x, "softplus", v -> Torch.where(v.mul(beta).gt(threshold), v, v.mul(beta).exp().log1p().div(beta)));
            return Derivatives.softplus(r, x, beta, threshold);
        }
    }

    /** x clamped into [min, max] (relu6 is hardtanh(0, 6)). */
    public static Tensor hardtanh(Tensor x, double min, double max) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::hardtanh", x) : null) {
            if (!x.isFloatingPoint() && x.dtype() != DType.BOOL) {  // integral stays integral, bounds truncated
                Tensor lo = Elementwise.binary("hardtanh", dev.jgrad.backend.BinaryOp.MAXIMUM, x, Masking.valueOf(min, x.dtype()), 1);
                return Elementwise.binary("hardtanh", dev.jgrad.backend.BinaryOp.MINIMUM, lo, Masking.valueOf(max, x.dtype()), 1);
            }
            return Derivatives.hardtanh(viaFloat64(x, "hardtanh", v -> v.clamp(min, max)), x, min, max);
        }
    }

    /** x * relu6(x + 3) / 6. */
    public static Tensor hardswish(Tensor x) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::hardswish", x) : null) {
            return Derivatives.hardswish(viaFloat64(x, "hardswish", v -> v.mul(v.add(3L).clamp(0.0, 6.0)).div(6L)), x);
        }
    }

    /** relu6(x + 3) / 6. */
    public static Tensor hardsigmoid(Tensor x) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::hardsigmoid", x) : null) {
            return Derivatives.hardsigmoid(viaFloat64(x, "hardsigmoid", v -> v.add(3L).clamp(0.0, 6.0).div(6L)), x);
        }
    }

    /** x * tanh(softplus(x)). */
    public static Tensor mish(Tensor x) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::mish", x) : null) {
            return Derivatives.mish(viaFloat64(x, "mish", v -> v.mul(softplusOf(v).tanh())), x);
        }
    }

    /** log(sigmoid(x)) = -softplus(-x). */
    public static Tensor logsigmoid(Tensor x) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::log_sigmoid", x) : null) {
            return Derivatives.logsigmoid(viaFloat64(x, "log_sigmoid", v -> softplusOf(v.neg()).neg()), x);
        }
    }

    /** log(1 + exp(v)) without overflow: max(v, 0) + log1p(exp(-|v|)). */
    private static Tensor softplusOf(Tensor v) { return v.clampMin(0.0).add(v.abs().neg().exp().log1p()); }

    /** value where x <= threshold, else x. */
    public static Tensor threshold(Tensor x, double threshold, double value) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::threshold", x) : null) {
            Checks.requireHalfKernel(x, "threshold_cpu", false);
            Tensor r;
            try (var guard = GradMode.setEnabled(false)) {
                r = Elementwise.whereNoGrad(x.gt(threshold), x, Masking.valueOf(value, x.dtype()));
            }
            return Derivatives.threshold(r, x, threshold);
        }
    }

    /** x where |x| > lambd, else 0. */
    public static Tensor hardshrink(Tensor x, double lambd) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::hardshrink", x) : null) {
            Tensor r = viaFloat64(x, "hardshrink", v -> Torch.where(v.abs().gt(lambd), v, Torch.zerosLike(v)));
            return Derivatives.shrink("HardshrinkBackward0", r, x, lambd);
        }
    }

    /** x - lambd above lambd, x + lambd below -lambd, 0 between. */
    public static Tensor softshrink(Tensor x, double lambd) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::softshrink", x) : null) {
            if (lambd < 0) {
                throw new IllegalArgumentException("lambda must be greater or equal to 0, but found to be " + Checks.cppDouble(lambd) + ".");
            }
            Tensor r = viaFloat64(x, "softshrink", v -> Torch.where(v.gt(lambd), v.sub(lambd), Torch.where(v.lt(-lambd), v.add(lambd),
                    Torch.zerosLike(v))));
            return Derivatives.shrink("SoftshrinkBackward0", r, x, lambd);
        }
    }

    /** The first half along dim times the sigmoid of the second half. */
    public static Tensor glu(Tensor x, int dim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::glu", x) : null) {
            if (x.dim() == 0) throw new IllegalArgumentException("glu does not support scalars because halving size must be even");
            int d = dev.jgrad.internal.core.Shapes.wrapDim(dim, x.dim());
            long n = x.size(d);
            if (n % 2 != 0) {
                throw new IllegalArgumentException("Halving dimension must be even, but dimension " + d + " is size " + n);
            }
            Tensor r = viaFloat64(x, "glu", v -> v.narrow(d, 0, n / 2).mul(v.narrow(d, n / 2, n / 2).sigmoid()));
            return Derivatives.glu(r, x, d);
        }
    }

    /** x where x > 0, weight * x elsewhere; weight has 1 or C (= dim 1 of x) elements. */
    public static Tensor prelu(Tensor x, Tensor weight) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::prelu", x, weight) : null) {
            long channels = x.dim() >= 2 ? x.size(1) : 1;
            long n = weight.numel();
            if (n != 1 && n != channels) {
                throw new IllegalArgumentException("Mismatch of parameter numbers and input channel size. Found parameter numbers = " + n
                        + " and channel size = " + channels + ".");
            }
            if (weight.dim() > 1) throw new IllegalArgumentException("prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = "
                    + weight.dim());
            Tensor w = dev.jgrad.internal.autograd.DerivativeHelpers.preluWeight(weight.detach(), x);
            Tensor r;
            try (var guard = GradMode.setEnabled(false)) {
                r = Elementwise.whereNoGrad(x.gt(0L), x, Elementwise.binary("mul", dev.jgrad.backend.BinaryOp.MUL, x, w, 1));
            }
            return Derivatives.prelu(r, x, weight);
        }
    }
}
