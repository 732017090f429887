package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
import dev.jgrad.backend.ActivationOp;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.profiler.Profiler;

/** The pointwise activations with their own kernels (gelu, silu, leaky_relu); relu and sigmoid are unary ops in {@link Elementwise}. */
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

    private static Tensor activation(ActivationOp op, Tensor x, double param) {
        Tensor out = Dispatch.empty(x, shape(x), x.dtype());
        Dispatch.backend(x).activation(op, param, Dispatch.view(x), Dispatch.view(out));
        return out;
    }

}
