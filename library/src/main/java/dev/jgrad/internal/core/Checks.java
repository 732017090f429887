package dev.jgrad.internal.core;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Argument checks whose messages follow PyTorch's. */
public final class Checks {
    private Checks() {}

    /** PyTorch's text for a missing tensor argument, e.g. {@code add(): argument 'other' (position 1) must be Tensor, not null}. */
    public static Tensor tensor(Tensor t, String op, String arg, int position) {
        if (t == null) {
            throw new IllegalArgumentException(op + "(): argument '" + arg + "' (position " + position
                    + ") must be Tensor, not null");
        }
        return t;
    }

    public static void sameDevice(Tensor a, Tensor b) {
        if (!isWrappedNumber(a) && !isWrappedNumber(b) && !a.device().equals(b.device())) {
            throw new IllegalArgumentException("Expected all tensors to be on the same device, but found at least two devices, "
                    + a.device() + " and " + b.device() + "!");
        }
    }

    public static void cpuOnly(Tensor t) {
        if (!t.device().isCpu()) {
            throw new UnsupportedOperationException("jgrad has no kernels for device " + t.device() + " yet");
        }
    }

    /** A double as C++'s {@code operator<<} prints it by default ({@code %g}, 6 significant digits). */
    public static String cppDouble(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String exp = String.format("%02d", Math.abs(exponent));
            return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /**
     * PyTorch 1.13's "not implemented for 'Half'" error of a CPU kernel it has for float32 but not for float16 (nor,
     * with bfloat16Too, for bfloat16). Ops whose backend kernel is the missing one are checked in the CPU backend
     * (backend.cpu.ReducedFloatSupport); this serves ops jgrad composes from other kernels.
     */
    public static void requireHalfKernel(Tensor t, String kernel, boolean bfloat16Too) {
        DType d = t.dtype();
        if (t.device().isCpu() && (d == DType.FLOAT16 || (bfloat16Too && d == DType.BFLOAT16))) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + d.scalarTypeName() + "'");
        }
    }

    /** PyTorch's "not implemented for" error of a kernel that takes floating-point inputs only. */
    public static void requireFloat(Tensor t, String kernel) {
        if (!t.isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + t.dtype().scalarTypeName() + "'");
        }
    }

    /** A dtype as C++'s TypeMeta names it in messages that print {@code tensor.dtype()} ("float", "long int"). */
    public static String cppTypeName(DType t) {
        return switch (t) {
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case INT64 -> "long int";
            case INT32 -> "int";
            case BOOL -> "bool";
            case FLOAT16 -> "c10::Half";
            case BFLOAT16 -> "c10::BFloat16";
        };
    }
}
