package dev.jgrad.internal.ops;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.backend.BinaryOp;
import dev.jgrad.backend.UnaryOp;
import dev.jgrad.internal.autograd.Derivatives;
import java.util.List;

/** frexp, nextafter and the incomplete gamma functions: floating-only elementwise ops with PyTorch's dtype errors. */
public final class FloatDecomposition {
    private FloatDecomposition() {}

    /** x = mantissa * 2^exponent, the mantissa in [0.5, 1) (x's dtype), the exponent int32. */
    public static List<Tensor> frexp(Tensor self) {
        if (!self.isFloatingPoint()) throw new IllegalArgumentException("torch.frexp() only supports floating-point dtypes");
        Tensor mantissa = Elementwise.unaryNoGrad(UnaryOp.FREXP_MANTISSA, self);
        Tensor exponent = Copying.convert(Elementwise.unaryNoGrad(UnaryOp.FREXP_EXPONENT, self), DType.INT32);
        return List.of(Derivatives.frexp(mantissa, exponent, self), exponent);
    }

    /** The next representable value after self towards other; its derivative is not implemented, in PyTorch as here. */
    public static Tensor nextafter(Tensor self, Tensor other) {
        requireFloat("nextafter_cpu", self, other);
        return Derivatives.notImplemented("NextafterBackward0", "nextafter",
                Elementwise.binary("nextafter", BinaryOp.NEXTAFTER, self, other, 1), self, other);
    }

    /** The regularized lower incomplete gamma function P(self, other). */
    public static Tensor igamma(Tensor self, Tensor other) {
        requireFloat("igamma_cpu", self, other);
        return Derivatives.igamma(Elementwise.binary("igamma", BinaryOp.IGAMMA, self, other, 1), self, other, false);
    }

    /** The regularized upper incomplete gamma function Q(self, other) = 1 - P(self, other). */
    public static Tensor igammac(Tensor self, Tensor other) {
        requireFloat("igammac_cpu", self, other);
        return Derivatives.igamma(Elementwise.binary("igammac", BinaryOp.IGAMMAC, self, other, 1), self, other, true);
    }

    private static void requireFloat(String kernel, Tensor a, Tensor b) {
        DType t = dev.jgrad.internal.core.Promotion.resultType(a, b);
        if (!t.isFloatingPoint()) throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + t.scalarTypeName() + "'");
    }
}
