package dev.jgrad;

import dev.jgrad.backend.BinaryOp;
import dev.jgrad.backend.cpu.CompareKernels;
import dev.jgrad.backend.CompareOp;
import dev.jgrad.backend.cpu.DoubleBinaryKernels;
import dev.jgrad.backend.cpu.DoubleUnaryKernels;
import dev.jgrad.backend.cpu.FloatBinaryKernels;
import dev.jgrad.backend.cpu.FloatUnaryKernels;
import dev.jgrad.backend.cpu.LongBinaryKernels;
import dev.jgrad.backend.cpu.Parallel;
import dev.jgrad.backend.cpu.StridedIter;
import dev.jgrad.backend.UnaryOp;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;

/**
 * Elementwise ops: picks the result dtype (type promotion), broadcasts, converts operands to the dtype
 * the kernels compute in, and hands rows to the per-dtype kernels.
 *
 * <p>Compute dtypes: float32 and float64 compute as themselves; int64, int32 and bool compute as int64
 * and are narrowed afterwards (int32 and bool math is rare enough not to need its own kernels).
 */
final class Elementwise {
    private Elementwise() {}

    static DType computeType(DType t) {
        return t.isFloatingPoint() ? t : DType.INT64;
    }

    // ---------------------------------------------------------------- binary

    static DType binaryResultType(String name, BinaryOp op, Tensor a, Tensor b, double alpha) {
        DType t = Promotion.resultType(a, b);
        if (t == DType.BOOL && op == BinaryOp.SUB) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.");
        }
        if (op == BinaryOp.SUB && (a.dtype() == DType.BOOL || b.dtype() == DType.BOOL)) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with a bool tensor is not supported. "
                    + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        if (!t.isFloatingPoint() && (op == BinaryOp.DIV || op == BinaryOp.ATAN2)) return Promotion.DEFAULT_FLOAT;
        if (!t.isFloatingPoint() && alpha != Math.rint(alpha)) {
            throw new IllegalArgumentException("For integral input tensors, argument alpha must not be a floating point number.");
        }
        return t;
    }

    static Tensor binary(String name, BinaryOp op, Tensor a, Tensor b, double alpha) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::" + name, a, b) : null) {
            Checks.tensor(b, name, "other", 1);
            Checks.sameDevice(a, b);
            DType result = binaryResultType(name, op, a, b, alpha);
            DType ct = computeType(result);
            int[] shape = Shapes.broadcast(a.shape, b.shape);
            Tensor out = Tensor.contiguousOf(Storage.allocate(ct, Shapes.numel(shape)), shape);
            apply(op, alpha, Copying.convert(a, ct), Copying.convert(b, ct), out);
            return result == ct ? out : Copying.convert(out, result);
        }
    }

    /** {@code torch.op(a, b, out=out)}: out is resized when its shape differs. */
    static Tensor binaryOut(String name, BinaryOp op, Tensor a, Tensor b, double alpha, Tensor out) {
        Checks.tensor(out, name, "out", 2);
        Checks.tensor(b, name, "other", 1);
        checkOutNotDifferentiable(name, a, b, out);
        Tensor r = binary(name, op, a, b, alpha);
        return Copying.writeOut(r, out);
    }

    static Tensor binaryInPlace(String name, BinaryOp op, Tensor self, Tensor b, double alpha) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::" + name + "_", self, b) : null) {
            Checks.tensor(b, name + "_", "other", 1);
            Checks.sameDevice(self, b);
            DType result = binaryResultType(name, op, self, b, alpha);
            Promotion.checkCanCast(result, self.dtype());
            int[] shape = Shapes.broadcast(self.shape, b.shape);
            if (!Arrays.equals(shape, self.shape)) {
                throw new IllegalArgumentException("output with shape " + Shapes.format(self.shape)
                        + " doesn't match the broadcast shape " + Shapes.format(shape));
            }
            DType ct = computeType(result);
            Overlap.checkWritable(self);
            Overlap.checkNoPartialOverlap(self, b);
            if (self.dtype() == ct) {
                apply(op, alpha, self, Copying.convert(b, ct), self);
            } else {
                Tensor r = Tensor.contiguousOf(Storage.allocate(ct, Shapes.numel(shape)), shape);
                apply(op, alpha, Copying.convert(self, ct), Copying.convert(b, ct), r);
                Copying.copyElements(self, r);
            }
            self.storage.version++;
            return self;
        }
    }

    /** x ** scalar, with PyTorch's shortcuts for the common exponents (they are also faster). */
    static Tensor powScalar(Tensor a, Tensor exponent) {
        double e = exponent.storage.getDouble(0);
        DType result = binaryResultType("pow", BinaryOp.POW, a, exponent, 1);
        if (!result.isFloatingPoint() && e < 0) {
            throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
        }
        if (result == a.dtype() && result.isFloatingPoint()) {
            if (e == 1) return Copying.clone(a);
            if (e == 2) return binary("pow", BinaryOp.MUL, a, a, 1);
            if (e == 0.5) return unary(UnaryOp.SQRT, a);
            if (e == -1) return unary(UnaryOp.RECIPROCAL, a);
        }
        return binary("pow", BinaryOp.POW, a, exponent, 1);
    }

    /** Runs op over operands already in out's compute dtype; a and b broadcast to out's shape. */
    static void apply(BinaryOp op, double alpha, Tensor a, Tensor b, Tensor out) {
        int n = out.numel;
        if (n == 0) return;
        DType ct = out.dtype();
        Object ad = a.storage.data, bd = b.storage.data, od = out.storage.data;
        boolean aScalar = a.shape.length == 0 || a.numel == 1;
        boolean bScalar = b.shape.length == 0 || b.numel == 1;
        boolean aFlat = aScalar || (a.isContiguous() && Arrays.equals(a.shape, out.shape));
        boolean bFlat = bScalar || (b.isContiguous() && Arrays.equals(b.shape, out.shape));
        if (aFlat && bFlat && out.isContiguous()) {
            int as = aScalar ? 0 : 1, bs = bScalar ? 0 : 1;
            int ao = a.offset, bo = b.offset, oo = out.offset;
            if (n < Parallel.ELEMENTWISE_GRAIN) {
                row(op, ct, alpha, ad, ao, as, bd, bo, bs, od, oo, 1, n);
            } else {
                Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN, (from, to) ->
                        row(op, ct, alpha, ad, ao + from * as, as, bd, bo + from * bs, bs, od, oo + from, 1, to - from));
            }
            return;
        }
        int[] sa = Shapes.broadcastStrides(a.shape, a.stride, out.shape);
        int[] sb = Shapes.broadcastStrides(b.shape, b.stride, out.shape);
        StridedIter it = new StridedIter(out.shape, sa, sb, out.stride);
        int ia = it.innerStride(0), ib = it.innerStride(1), io = it.innerStride(2);
        it.forAllRows(new int[] {a.offset, b.offset, out.offset},
                (offs, len) -> row(op, ct, alpha, ad, offs[0], ia, bd, offs[1], ib, od, offs[2], io, len));
    }

    private static void row(BinaryOp op, DType ct, double alpha, Object a, int ao, int as, Object b, int bo, int bs,
                            Object c, int co, int cs, int n) {
        switch (ct) {
            case FLOAT32 -> FloatBinaryKernels.row(op, (float) alpha, (float[]) a, ao, as, (float[]) b, bo, bs, (float[]) c, co, cs, n);
            case FLOAT64 -> DoubleBinaryKernels.row(op, alpha, (double[]) a, ao, as, (double[]) b, bo, bs, (double[]) c, co, cs, n);
            default -> LongBinaryKernels.row(op, (long) alpha, (long[]) a, ao, as, (long[]) b, bo, bs, (long[]) c, co, cs, n);
        }
    }

    /** PyTorch refuses out= when autograd would have to see through it. */
    static void checkOutNotDifferentiable(String name, Tensor... args) {
        if (!dev.jgrad.autograd.GradMode.isEnabled()) return;
        for (Tensor t : args) {
            if (t.requiresGrad()) {
                throw new IllegalArgumentException(name + "(): functions with out=... arguments don't support automatic differentiation, "
                        + "but one of the arguments requires grad.");
            }
        }
    }

    static Tensor unaryOut(String name, UnaryOp op, Tensor a, Tensor out) {
        Checks.tensor(out, name, "out", 1);
        checkOutNotDifferentiable(name, a, out);
        return Copying.writeOut(unary(op, a), out);
    }

    // ---------------------------------------------------------------- comparisons

    static Tensor compare(String name, CompareOp op, Tensor a, Tensor b) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::" + name, a, b) : null) {
            Checks.tensor(b, name, "other", 1);
            Checks.sameDevice(a, b);
            DType ct = computeType(Promotion.resultType(a, b));
            Tensor ac = Copying.convert(a, ct), bc = Copying.convert(b, ct);
            int[] shape = Shapes.broadcast(a.shape, b.shape);
            Tensor out = Tensor.contiguousOf(Storage.allocate(DType.BOOL, Shapes.numel(shape)), shape);
            if (out.numel() == 0) return out;
            int[] sa = Shapes.broadcastStrides(ac.shape, ac.stride, shape);
            int[] sb = Shapes.broadcastStrides(bc.shape, bc.stride, shape);
            StridedIter it = new StridedIter(shape, sa, sb, out.stride);
            int ia = it.innerStride(0), ib = it.innerStride(1), io = it.innerStride(2);
            Object ad = ac.storage.data, bd = bc.storage.data;
            boolean[] od = (boolean[]) out.storage.data;
            it.forAllRows(new int[] {ac.offset, bc.offset, 0}, (offs, len) -> {
                switch (ct) {
                    case FLOAT32 -> CompareKernels.row(op, (float[]) ad, offs[0], ia, (float[]) bd, offs[1], ib, od, offs[2], io, len);
                    case FLOAT64 -> CompareKernels.row(op, (double[]) ad, offs[0], ia, (double[]) bd, offs[1], ib, od, offs[2], io, len);
                    default -> CompareKernels.row(op, (long[]) ad, offs[0], ia, (long[]) bd, offs[1], ib, od, offs[2], io, len);
                }
            });
            return out;
        }
    }

    static boolean equal(Tensor a, Tensor b) {
        Checks.tensor(b, "equal", "other", 1);
        if (!Arrays.equals(a.shape, b.shape)) return false;
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("Expected object of scalar type " + a.dtype().scalarTypeName()
                    + " but got scalar type " + b.dtype().scalarTypeName() + " for argument 'other'");
        }
        return Reductions.logicalAll(compare("equal", CompareOp.EQ, a, b), true).itemBool();
    }

    static boolean allclose(Tensor a, Tensor b, double rtol, double atol) {
        Checks.tensor(b, "allclose", "other", 1);
        double[] x = a.expand(Shapes.toLong(Shapes.broadcast(a.shape, b.shape))).toDoubleArray();
        double[] y = b.expand(Shapes.toLong(Shapes.broadcast(a.shape, b.shape))).toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) continue;  // covers equal infinities
            if (!(Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]))) return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- unary

    static DType unaryResultType(UnaryOp op, Tensor a) {
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
        if (t.isFloatingPoint() || op.keepsIntegral()) return t;
        return Promotion.DEFAULT_FLOAT;
    }

    static Tensor unary(UnaryOp op, Tensor a) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::" + op.name().toLowerCase(java.util.Locale.ROOT), a) : null) {
            DType result = unaryResultType(op, a);
            DType ct = computeType(result);
            Tensor in = Copying.convert(a, ct);
            Tensor out = Tensor.contiguousOf(Storage.allocate(ct, a.numel), a.shape);
            applyUnary(op, in, out);
            return result == ct ? out : Copying.convert(out, result);
        }
    }

    static Tensor unaryInPlace(UnaryOp op, Tensor self) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::" + op.name().toLowerCase(java.util.Locale.ROOT) + "_", self) : null) {
            DType result = unaryResultType(op, self);
            Promotion.checkCanCast(result, self.dtype());
            Overlap.checkWritable(self);
            DType ct = computeType(result);
            if (self.dtype() == ct) {
                applyUnary(op, self, self);
            } else {
                Tensor r = Tensor.contiguousOf(Storage.allocate(ct, self.numel), self.shape);
                applyUnary(op, Copying.convert(self, ct), r);
                Copying.copyElements(self, r);
            }
            self.storage.version++;
            return self;
        }
    }

    private static void applyUnary(UnaryOp op, Tensor in, Tensor out) {
        int n = out.numel;
        if (n == 0) return;
        DType ct = out.dtype();
        Object id = in.storage.data, od = out.storage.data;
        if (in.isContiguous() && out.isContiguous()) {
            int io = in.offset, oo = out.offset;
            int grain = op == UnaryOp.NEG || op == UnaryOp.ABS || op == UnaryOp.RELU
                    ? Parallel.ELEMENTWISE_GRAIN : Parallel.ELEMENTWISE_GRAIN / 8;  // transcendentals pay off sooner
            if (n < grain) unaryRow(op, ct, id, io, 1, od, oo, 1, n);
            else Parallel.forRange(n, grain, (from, to) -> unaryRow(op, ct, id, io + from, 1, od, oo + from, 1, to - from));
            return;
        }
        StridedIter it = new StridedIter(out.shape, in.stride, out.stride);
        int ii = it.innerStride(0), io = it.innerStride(1);
        it.forAllRows(new int[] {in.offset, out.offset}, (offs, len) -> unaryRow(op, ct, id, offs[0], ii, od, offs[1], io, len));
    }

    private static void unaryRow(UnaryOp op, DType ct, Object a, int ao, int as, Object c, int co, int cs, int n) {
        switch (ct) {
            case FLOAT32 -> FloatUnaryKernels.row(op, (float[]) a, ao, as, (float[]) c, co, cs, n);
            case FLOAT64 -> DoubleUnaryKernels.row(op, (double[]) a, ao, as, (double[]) c, co, cs, n);
            default -> longUnaryRow(op, (long[]) a, ao, as, (long[]) c, co, cs, n);
        }
    }

    private static void longUnaryRow(UnaryOp op, long[] a, int ao, int as, long[] c, int co, int cs, int n) {
        for (int i = 0; i < n; i++) {
            long x = a[ao + i * as];
            c[co + i * cs] = switch (op) {
                case NEG -> -x;
                case ABS -> Math.abs(x);
                case SIGN -> Long.signum(x);
                case RELU -> Math.max(x, 0);
                case FLOOR, CEIL, ROUND, TRUNC -> x;
                default -> throw new IllegalStateException(op + " computes integral inputs in floating point");
            };
        }
    }

    // ---------------------------------------------------------------- selection

    static Tensor where(Tensor cond, Tensor x, Tensor y) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::where", cond, x, y) : null) {
            Checks.tensor(cond, "where", "condition", 0);
            Checks.tensor(y, "where", "other", 2);
            if (cond.dtype() != DType.BOOL) {
                throw new IllegalArgumentException("where expected condition to be a boolean tensor, but got a tensor with dtype "
                        + cond.dtype().scalarTypeName());
            }
            DType result = Promotion.resultType(x, y);
            int[] shape = Shapes.broadcast(Shapes.broadcast(cond.shape, x.shape), y.shape);
            Tensor xc = Copying.convert(x, result), yc = Copying.convert(y, result);
            Tensor out = Tensor.contiguousOf(Storage.allocate(result, Shapes.numel(shape)), shape);
            if (out.numel() == 0) return out;
            StridedIter it = new StridedIter(shape, Shapes.broadcastStrides(cond.shape, cond.stride, shape),
                    Shapes.broadcastStrides(xc.shape, xc.stride, shape), Shapes.broadcastStrides(yc.shape, yc.stride, shape), out.stride);
            int ic = it.innerStride(0), ix = it.innerStride(1), iy = it.innerStride(2), io = it.innerStride(3);
            boolean[] cd = (boolean[]) cond.storage.data;
            Object xd = xc.storage.data, yd = yc.storage.data, od = out.storage.data;
            it.forAllRows(new int[] {cond.offset, xc.offset, yc.offset, 0}, (offs, len) ->
                    whereRow(result, cd, offs[0], ic, xd, offs[1], ix, yd, offs[2], iy, od, offs[3], io, len));
            return out;
        }
    }

    private static void whereRow(DType t, boolean[] c, int co, int cs, Object x, int xo, int xs, Object y, int yo, int ys,
                                 Object out, int oo, int os, int n) {
        switch (t) {
            case FLOAT32 -> { float[] a = (float[]) x, b = (float[]) y, o = (float[]) out;
                for (int i = 0; i < n; i++) o[oo + i * os] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys]; }
            case FLOAT64 -> { double[] a = (double[]) x, b = (double[]) y, o = (double[]) out;
                for (int i = 0; i < n; i++) o[oo + i * os] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys]; }
            case INT64 -> { long[] a = (long[]) x, b = (long[]) y, o = (long[]) out;
                for (int i = 0; i < n; i++) o[oo + i * os] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys]; }
            case INT32 -> { int[] a = (int[]) x, b = (int[]) y, o = (int[]) out;
                for (int i = 0; i < n; i++) o[oo + i * os] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys]; }
            case BOOL -> { boolean[] a = (boolean[]) x, b = (boolean[]) y, o = (boolean[]) out;
                for (int i = 0; i < n; i++) o[oo + i * os] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys]; }
        }
    }

    static Tensor clamp(Tensor a, Double min, Double max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        Tensor r = a;
        if (min != null) r = binary("clamp", BinaryOp.MAXIMUM, r, Scalar.of(min), 1);
        if (max != null) r = binary("clamp", BinaryOp.MINIMUM, r, Scalar.of(max), 1);
        return r;
    }
}
