package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.backend.ActivationOp;
import dev.jgrad.backend.BinaryOp;
import dev.jgrad.backend.UnaryOp;
import dev.jgrad.backend.View;
import java.util.Set;

/**
 * Which CPU kernels PyTorch 1.13 lacks for float16 and bfloat16, by the kernel name its error shows:
 * {@code "sin_vml_cpu" not implemented for 'Half'}. Float16 has few CPU kernels in 1.13 (arithmetic,
 * comparisons, sums, sorting, copies), bfloat16 nearly all; the table comes from running each op on
 * 1.13 (tools/fixtures/gen_half.py records the errors, and HalfPrecisionTest checks them against it).
 */
final class ReducedFloatSupport {
    private ReducedFloatSupport() {}

    /** The kernels that bfloat16 lacks too (float16 lacks every kernel this class names). */
    private static final Set<String> BFLOAT16_MISSING = Set.of("i1_cpu", "i1e_cpu", "erfcx_cpu", "zeta_cpu", "prod_cpu",
            "binary_cross_entropy");

    /** The kernel name of a unary op on float16, or null where 1.13 has one. */
    static String unary(UnaryOp op) {
        return switch (op) {
            case NEG, ABS, RECIPROCAL, SIGN, FRAC, EXP2, FREXP_MANTISSA, FREXP_EXPONENT -> null;
            case RSQRT -> "rsqrt_cpu";
            case SIGMOID -> "sigmoid_cpu";
            case RELU -> "clamp_min_cpu";
            case SINH, COSH, ASINH, ACOSH, ATANH, I0E, I1, I1E, ERFCX -> op.name().toLowerCase() + "_cpu";
            case DIGAMMA, TRIGAMMA -> op.name().toLowerCase();
            default -> op.name().toLowerCase() + "_vml_cpu";  // EXP, LOG, SIN, ..., FLOOR, ERFINV, LGAMMA, I0
        };
    }

    /** The kernel name of a binary op on float16, or null where 1.13 has one. */
    static String binary(BinaryOp op) {
        return switch (op) {
            case ATAN2, ZETA, NEXTAFTER -> op.name().toLowerCase() + "_cpu";
            default -> null;
        };
    }

    /** The kernel name of an activation on float16 (1.13 has none of them). */
    static String activation(ActivationOp op) {
        return switch (op) {
            case GELU, GELU_TANH -> "GeluKernelImpl";
            case SILU -> "silu_cpu";
            case LEAKY_RELU -> "leaky_relu_cpu";
        };
    }

    /** Raises PyTorch's error when kernel (null: one that exists) is missing for the 16-bit dtype of a (or else of b). */
    static void check(String kernel, View a, View b) {
        if (kernel == null) return;
        DType t = a != null && a.dtype().isReducedFloatingPoint() ? a.dtype() : b.dtype();
        if (t == DType.FLOAT16 || (t == DType.BFLOAT16 && BFLOAT16_MISSING.contains(kernel))) throw notImplemented(kernel, t);
    }

    static IllegalArgumentException notImplemented(String kernel, DType t) {
        return new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + t.scalarTypeName() + "'");
    }
}
