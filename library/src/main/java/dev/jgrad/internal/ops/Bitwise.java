package dev.jgrad.internal.ops;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.backend.BinaryOp;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Promotion;

/** Bitwise and, or, xor, not and the shifts on integer and bool tensors (bool ones are the logical ops). */
public final class Bitwise {
    private Bitwise() {}

    public static Tensor and(Tensor a, Tensor b) { return binary("bitwise_and", BinaryOp.BITWISE_AND, a, b); }

    public static Tensor or(Tensor a, Tensor b) { return binary("bitwise_or", BinaryOp.BITWISE_OR, a, b); }

    public static Tensor xor(Tensor a, Tensor b) { return binary("bitwise_xor", BinaryOp.BITWISE_XOR, a, b); }

    /** a << b; shifts of 64 or more (or negative) give 0. */
    public static Tensor leftShift(Tensor a, Tensor b) { return binary("lshift", BinaryOp.LEFT_SHIFT, a, b); }

    /** a >> b, arithmetic; shifts of 64 or more give the sign. */
    public static Tensor rightShift(Tensor a, Tensor b) { return binary("rshift", BinaryOp.RIGHT_SHIFT, a, b); }

    /** ~a: -a - 1 for integers, logical not for bool. */
    public static Tensor not(Tensor a) {
        if (a.dtype() == DType.BOOL) return a.logicalNot();
        requireIntegral("bitwise_not", a.dtype());
        return a.neg().sub(1L);
    }

    private static Tensor binary(String name, BinaryOp op, Tensor a, Tensor b) {
        Checks.tensor(b, name, "other", 1);
        DType t = Promotion.resultType(a, b);
        if (t == DType.BOOL) {
            return switch (op) {
                case BITWISE_AND -> a.logicalAnd(b);
                case BITWISE_OR -> a.logicalOr(b);
                case BITWISE_XOR -> a.logicalXor(b);
                default -> Elementwise.binary(name, op, a.to(DType.INT64), b.to(DType.INT64), 1).to(DType.BOOL);
            };
        }
        requireIntegral(name, t);
        return Elementwise.binary(name, op, a, b, 1);
    }

    private static void requireIntegral(String name, DType t) {
        if (t.isFloatingPoint()) throw new IllegalArgumentException("\"" + name + "_cpu\" not implemented for '" + t.scalarTypeName() + "'");
    }
}
