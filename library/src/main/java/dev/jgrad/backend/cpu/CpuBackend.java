package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Generator;
import dev.jgrad.backend.ActivationOp;
import dev.jgrad.backend.AdadeltaStep;
import dev.jgrad.backend.AdamStep;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.BinaryOp;
import dev.jgrad.backend.CompareOp;
import dev.jgrad.backend.RandomOp;
import dev.jgrad.backend.ReduceOp;
import dev.jgrad.backend.SgdStep;
import dev.jgrad.backend.Storage;
import dev.jgrad.backend.UnaryOp;
import dev.jgrad.backend.View;
import java.util.Arrays;

/**
 * The CPU backend: Java arrays, the row kernels ({@code Float*}/{@code Double*}/{@code Long*Kernels} over
 * {@link StridedIter} rows, Vector API on long contiguous rows), {@link Gemm}, and {@link Parallel} for
 * large work. Elementwise math, copies and creation live here; reductions, products and the nn kernels
 * in {@link CpuReductions}, {@link CpuMatmul} and {@link CpuNn}.
 *
 * <p>Compute dtypes: float32 and float64 compute as themselves; int64, int32 and bool compute as int64
 * (int32 and bool math is rare enough not to need its own kernels).
 */
public final class CpuBackend implements Backend {
    public static final CpuBackend INSTANCE = new CpuBackend();

    private CpuBackend() {}

    @Override public String deviceType() { return "cpu"; }

    @Override public Storage allocate(DType dtype, int numel, Device device) { return ArrayStorage.allocate(dtype, numel); }

    @Override public DType computeType(DType t) { return t.isFloatingPoint() ? t : DType.INT64; }

    // ---------------------------------------------------------------- moving data

    @Override public void copy(View src, View dst) {
        int n = dst.numel();
        if (n == 0) return;
        Object s = ArrayStorage.data(src), d = ArrayStorage.data(dst);
        DType st = src.dtype(), dt = dst.dtype();
        if (src.isContiguous() && dst.isContiguous() && Arrays.equals(src.shape(), dst.shape())) {
            int so = src.offset(), doff = dst.offset();
            if (n < Parallel.ELEMENTWISE_GRAIN || st == dt) {
                CastKernels.row(s, st, so, 1, d, dt, doff, 1, n);
            } else {
                Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN, (from, to) ->
                        CastKernels.row(s, st, so + from, 1, d, dt, doff + from, 1, to - from));
            }
            return;
        }
        int[] ss = broadcastStrides(src, dst.shape());
        StridedIter it = new StridedIter(dst.shape(), ss, dst.strides());
        if (st == dt && StridedCopy.copy(s, src.offset(), d, dst.offset(), it, st)) return;
        int sIn = it.innerStride(0), dIn = it.innerStride(1);
        it.forAllRows(new int[] {src.offset(), dst.offset()}, (offs, len) -> CastKernels.row(s, st, offs[0], sIn, d, dt, offs[1], dIn, len));
    }

    @Override public void fill(View t, double v, long lv) {
        Object data = ArrayStorage.data(t);
        if (t.isContiguous()) {
            CastKernels.fill(data, t.dtype(), t.offset(), 1, t.numel(), v, lv);
        } else {
            StridedIter it = new StridedIter(t.shape(), t.strides());
            int in = it.innerStride(0);
            it.forRows(0, it.rows, new int[] {t.offset()}, (offs, len) -> CastKernels.fill(data, t.dtype(), offs[0], in, len, v, lv));
        }
    }

    @Override public Object toHost(View src, DType as) {
        View d = dense(src, as);
        Object data = ArrayStorage.data(d);
        if (d != src) return data;  // already a private copy
        int n = src.numel();
        return switch (as) {
            case FLOAT32 -> Arrays.copyOf((float[]) data, n);
            case FLOAT64 -> Arrays.copyOf((double[]) data, n);
            case INT64 -> Arrays.copyOf((long[]) data, n);
            case INT32 -> Arrays.copyOf((int[]) data, n);
            case BOOL -> Arrays.copyOf((boolean[]) data, n);
            case FLOAT16, BFLOAT16 -> Arrays.copyOf((short[]) data, n);
        };
    }

    @Override public Storage fromHost(Object array, Device device) { return ArrayStorage.wrap(array); }

    @Override public Object sharedArray(Storage storage) { return ((ArrayStorage) storage).data; }

    @Override public double readDouble(Storage storage, int index) { return ((ArrayStorage) storage).getDouble(index); }

    @Override public long readLong(Storage storage, int index) { return ((ArrayStorage) storage).getLong(index); }

    /** v itself when contiguous from offset 0 in dtype t, else such a copy (what whole-array kernels read). */
    static View dense(View v, DType t) {
        if (v.dtype() == t && v.offset() == 0 && v.isContiguous()) return v;
        View out = contiguous(ArrayStorage.allocate(t, v.numel()), v.shape());
        INSTANCE.copy(v, out);
        return out;
    }

    static View contiguous(Storage s, int[] shape) {
        int[] strides = new int[shape.length];
        int acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = acc;
            acc *= shape[d];
        }
        return new View(s, shape, strides, 0);
    }

    /** The elements as a fresh row-major double[] (exact for float32). */
    static double[] doubles(View v) { return v == null ? null : (double[]) INSTANCE.toHost(v, DType.FLOAT64); }

    /** Writes row-major doubles into out, rounding once to out's dtype. */
    static void write(double[] values, View out) {
        INSTANCE.copy(contiguous(ArrayStorage.wrap(values), out.shape()), out);
    }

    /** src's strides seen from shape (stride 0 on dims src broadcasts along). */
    static int[] broadcastStrides(View src, int[] shape) {
        int[] s = src.shape(), st = src.strides();
        int[] r = new int[shape.length];
        int off = shape.length - s.length;
        for (int d = 0; d < s.length; d++) r[off + d] = s[d] == 1 && shape[off + d] != 1 ? 0 : st[d];
        return r;
    }

    // ---------------------------------------------------------------- elementwise

    @Override public void binary(BinaryOp op, double alpha, View a, View b, View out) {
        int n = out.numel();
        if (n == 0) return;
        DType ct = out.dtype();
        Object ad = ArrayStorage.data(a), bd = ArrayStorage.data(b), od = ArrayStorage.data(out);
        int[] shape = out.shape();
        boolean aScalar = a.dim() == 0 || a.numel() == 1;
        boolean bScalar = b.dim() == 0 || b.numel() == 1;
        boolean aFlat = aScalar || (a.isContiguous() && Arrays.equals(a.shape(), shape));
        boolean bFlat = bScalar || (b.isContiguous() && Arrays.equals(b.shape(), shape));
        if (aFlat && bFlat && out.isContiguous()) {
            int as = aScalar ? 0 : 1, bs = bScalar ? 0 : 1;
            int ao = a.offset(), bo = b.offset(), oo = out.offset();
            if (n < Parallel.ELEMENTWISE_GRAIN) {
                binaryRow(op, ct, alpha, ad, ao, as, bd, bo, bs, od, oo, 1, n);
            } else {
                Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN, (from, to) ->
                        binaryRow(op, ct, alpha, ad, ao + from * as, as, bd, bo + from * bs, bs, od, oo + from, 1, to - from));
            }
            return;
        }
        StridedIter it = new StridedIter(shape, broadcastStrides(a, shape), broadcastStrides(b, shape), out.strides());
        int ia = it.innerStride(0), ib = it.innerStride(1), io = it.innerStride(2);
        it.forAllRows(new int[] {a.offset(), b.offset(), out.offset()},
                (offs, len) -> binaryRow(op, ct, alpha, ad, offs[0], ia, bd, offs[1], ib, od, offs[2], io, len));
    }

    private static void binaryRow(BinaryOp op, DType ct, double alpha, Object a, int ao, int as, Object b, int bo, int bs,
                                  Object c, int co, int cs, int n) {
        switch (ct) {
            case FLOAT32 -> FloatBinaryKernels.row(op, (float) alpha, (float[]) a, ao, as, (float[]) b, bo, bs, (float[]) c, co, cs, n);
            case FLOAT64 -> DoubleBinaryKernels.row(op, alpha, (double[]) a, ao, as, (double[]) b, bo, bs, (double[]) c, co, cs, n);
            default -> LongBinaryKernels.row(op, (long) alpha, (long[]) a, ao, as, (long[]) b, bo, bs, (long[]) c, co, cs, n);
        }
    }

    @Override public void unary(UnaryOp op, View in, View out) {
        int n = out.numel();
        if (n == 0) return;
        DType ct = out.dtype();
        Object id = ArrayStorage.data(in), od = ArrayStorage.data(out);
        if (in.isContiguous() && out.isContiguous()) {
            int io = in.offset(), oo = out.offset();
            int grain = op == UnaryOp.NEG || op == UnaryOp.ABS || op == UnaryOp.RELU
                    ? Parallel.ELEMENTWISE_GRAIN : Parallel.ELEMENTWISE_GRAIN / 8;  // transcendentals pay off sooner
            if (n < grain) unaryRow(op, ct, id, io, 1, od, oo, 1, n);
            else Parallel.forRange(n, grain, (from, to) -> unaryRow(op, ct, id, io + from, 1, od, oo + from, 1, to - from));
            return;
        }
        StridedIter it = new StridedIter(out.shape(), in.strides(), out.strides());
        int ii = it.innerStride(0), io = it.innerStride(1);
        it.forAllRows(new int[] {in.offset(), out.offset()}, (offs, len) -> unaryRow(op, ct, id, offs[0], ii, od, offs[1], io, len));
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

    @Override public void compare(CompareOp op, View a, View b, View out) {
        if (out.numel() == 0) return;
        int[] shape = out.shape();
        DType ct = a.dtype();
        StridedIter it = new StridedIter(shape, broadcastStrides(a, shape), broadcastStrides(b, shape), out.strides());
        int ia = it.innerStride(0), ib = it.innerStride(1), io = it.innerStride(2);
        Object ad = ArrayStorage.data(a), bd = ArrayStorage.data(b);
        boolean[] od = (boolean[]) ArrayStorage.data(out);
        it.forAllRows(new int[] {a.offset(), b.offset(), out.offset()}, (offs, len) -> {
            switch (ct) {
                case FLOAT32 -> CompareKernels.row(op, (float[]) ad, offs[0], ia, (float[]) bd, offs[1], ib, od, offs[2], io, len);
                case FLOAT64 -> CompareKernels.row(op, (double[]) ad, offs[0], ia, (double[]) bd, offs[1], ib, od, offs[2], io, len);
                default -> CompareKernels.row(op, (long[]) ad, offs[0], ia, (long[]) bd, offs[1], ib, od, offs[2], io, len);
            }
        });
    }

    @Override public void where(View cond, View x, View y, View out) {
        if (out.numel() == 0) return;
        int[] shape = out.shape();
        StridedIter it = new StridedIter(shape, broadcastStrides(cond, shape), broadcastStrides(x, shape), broadcastStrides(y, shape),
                out.strides());
        int ic = it.innerStride(0), ix = it.innerStride(1), iy = it.innerStride(2), io = it.innerStride(3);
        boolean[] cd = (boolean[]) ArrayStorage.data(cond);
        Object xd = ArrayStorage.data(x), yd = ArrayStorage.data(y), od = ArrayStorage.data(out);
        DType t = out.dtype();
        it.forAllRows(new int[] {cond.offset(), x.offset(), y.offset(), out.offset()}, (offs, len) ->
                whereRow(t, cd, offs[0], ic, xd, offs[1], ix, yd, offs[2], iy, od, offs[3], io, len));
    }

    private static void whereRow(DType t, boolean[] c, int co, int cs, Object x, int xo, int xs, Object y, int yo, int ys,
                                 Object out, int oo, int os, int n) {
        switch (t) {
            case FLOAT32 -> { float[] a = (float[]) x, b = (float[]) y, o = (float[]) out;
                int i = 0;
                if (KernelConfig.VECTOR && cs == 1 && ys == 1 && os == 1 && (xs == 0 || xs == 1)) {  // masked_fill's rows
                    i = NnVector.whereFloatRow(c, co, a, xo, xs, b, yo, o, oo, n);
                }
                for (; i < n; i++) o[oo + i * os] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys]; }
            case FLOAT64 -> { double[] a = (double[]) x, b = (double[]) y, o = (double[]) out;
                for (int i = 0; i < n; i++) o[oo + i * os] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys]; }
            case INT64 -> { long[] a = (long[]) x, b = (long[]) y, o = (long[]) out;
                for (int i = 0; i < n; i++) o[oo + i * os] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys]; }
            case INT32 -> { int[] a = (int[]) x, b = (int[]) y, o = (int[]) out;
                for (int i = 0; i < n; i++) o[oo + i * os] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys]; }
            case BOOL -> { boolean[] a = (boolean[]) x, b = (boolean[]) y, o = (boolean[]) out;
                for (int i = 0; i < n; i++) o[oo + i * os] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys]; }
            case FLOAT16, BFLOAT16 -> { short[] a = (short[]) x, b = (short[]) y, o = (short[]) out;
                for (int i = 0; i < n; i++) o[oo + i * os] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys]; }
        }
    }

    @Override public void activation(ActivationOp op, double param, View x, View out) { CpuNn.activation(op, param, x, out); }

    @Override public void fusedUpdate(boolean mul, double value, View t1, View t2, View self) { CpuNn.fusedUpdate(mul, value, t1, t2, self); }

    @Override public void thresholdBackward(double threshold, View grad, View self, View out) {
        CpuNn.thresholdBackward(threshold, grad, self, out);
    }

    @Override public void geluBackward(View grad, View self, View out) { CpuNn.geluBackward(grad, self, out); }

    @Override public void adamStep(AdamStep step, View param, View grad, View expAvg, View expAvgSq, View maxExpAvgSq) {
        OptimizerKernels.adam(step, param, grad, expAvg, expAvgSq, maxExpAvgSq);
    }

    @Override public void sgdStep(SgdStep step, View param, View grad, View momentumBuffer) {
        OptimizerKernels.sgd(step, param, grad, momentumBuffer);
    }

    @Override public void adadeltaStep(AdadeltaStep step, View param, View grad, View squareAvg, View accDelta) {
        OptimizerKernels.adadelta(step, param, grad, squareAvg, accDelta);
    }

    @Override public void binaryCrossEntropy(View p, View y, View out) { CpuNn.binaryCrossEntropy(p, y, out); }

    // ---------------------------------------------------------------- reductions, products, indexing, nn

    @Override public void reduce(ReduceOp op, View x, int dim, View out, View indices) { CpuReductions.reduce(op, x, dim, out, indices); }

    @Override public void sum(View x, boolean[] reduced, View out) { CpuReductions.sum(x, reduced, out); }

    @Override public void norm(View x, double p, boolean[] reduced, View out) { CpuReductions.norm(x, p, reduced, out); }

    @Override public void logsumexp(View x, boolean[] reduced, View out) { CpuReductions.logsumexp(x, reduced, out); }

    @Override public void softmax(View x, int dim, boolean log, View out) { CpuReductions.softmax(x, dim, log, out); }

    @Override public void softmaxBackward(View grad, View y, int dim, boolean log, View out) {
        CpuReductions.softmaxBackward(grad, y, dim, log, out);
    }

    @Override public void scan(boolean prod, View x, int dim, View out) { CpuScans.scan(prod, x, dim, out); }

    @Override public void sort(View x, int dim, boolean descending, boolean stable, View values, View indices) {
        CpuSorting.sort(x, dim, descending, values, indices);
    }

    @Override public void qr(View a, View q, View r) { CpuLinalg.qr(a, q, r); }

    @Override public void luFactor(View a, View lu, View pivots, View info) { CpuLu.lu(a, lu, pivots, info); }

    @Override public void luSolve(View lu, View pivots, View b, View x) { CpuLu.luSolve(lu, pivots, b, x); }

    @Override public void cholesky(View a, boolean upper, View out, View info) { CpuLu.cholesky(a, upper, out, info); }

    @Override public void eigh(View a, boolean upper, View values, View vectors) { CpuEigen.eigh(a, upper, values, vectors); }

    @Override public void svd(View a, View u, View s, View vh) { CpuEigen.svd(a, u, s, vh); }

    @Override public void matmul(View a, View b, View out, boolean accumulate) { CpuMatmul.matmul(a, b, out, accumulate); }

    @Override public void gather(View self, int dim, View index, View out) { CpuNn.gather(self, dim, index, out); }

    @Override public void scatterAdd(View out, int dim, View index, View src) { CpuNn.scatterAdd(out, dim, index, src); }

    @Override public void scatter(View out, int dim, View index, View src) { CpuNn.scatter(out, dim, index, src); }

    @Override public void scatterReduce(ReduceOp op, View out, int dim, View index, View src) { CpuNn.scatterReduce(op, out, dim, index, src); }

    @Override public void mode(View x, int dim, View values, View indices) { CpuMode.mode(x, dim, values, indices); }

    @Override public void nanmedian(View x, int dim, View values, View indices) { CpuMode.nanmedian(x, dim, values, indices); }

    @Override public void indexSelect(View self, int dim, View index, View out) { CpuNn.indexSelect(self, dim, index, out); }

    @Override public void embedding(View weight, View indices, View out) { CpuNn.embedding(weight, indices, out); }

    @Override public void layerNormBackward(View grad, View x, View w, int rowLength, double eps, View out) {
        CpuNn.layerNormBackward(grad, x, w, rowLength, eps, out);
    }

    @Override public void layerNorm(View x, View w, View b, int rowLength, double eps, View out) {
        CpuNn.layerNorm(x, w, b, rowLength, eps, out);
    }

    @Override public void batchNorm(View x, View runningMean, View runningVar, View w, View b, boolean training, double momentum,
                                    double eps, View out, View evalMean, View evalInvstd) {
        CpuNn.batchNorm(x, runningMean, runningVar, w, b, training, momentum, eps, out, evalMean, evalInvstd);
    }

    @Override public void nllLoss(View input, View target, View weight, long ignoreIndex, int reduction, View out, View coef,
                                  View safeTarget) {
        CpuNn.nllLoss(input, target, weight, ignoreIndex, reduction, out, coef, safeTarget);
    }

    @Override public void im2col(View x, int[] geometry, View cols) {
        ConvKernels.im2col(dense(x, x.dtype()), ConvKernels.Window.of(geometry), cols);
    }

    @Override public void col2im(View cols, int[] geometry, View x) {
        ConvKernels.col2im(dense(cols, cols.dtype()), ConvKernels.Window.of(geometry), x);
    }

    @Override public void conv2d(View x, View w, View b, int[] geometry, int groups, View out) {
        ConvKernels.conv2d(dense(x, x.dtype()), dense(w, w.dtype()), b == null ? null : dense(b, b.dtype()),
                ConvKernels.Window.of(geometry), groups, out);
    }

    @Override public void conv2dInputGrad(View grad, View w, int[] geometry, int groups, View gradInput) {
        ConvKernels.conv2dInputGrad(dense(grad, grad.dtype()), dense(w, w.dtype()), ConvKernels.Window.of(geometry), groups, gradInput);
    }

    @Override public void conv2dWeightGrad(View grad, View x, int[] geometry, int groups, View gradWeight) {
        ConvKernels.conv2dWeightGrad(dense(grad, grad.dtype()), dense(x, x.dtype()), ConvKernels.Window.of(geometry), groups, gradWeight);
    }

    @Override public void maxPoolBackward(View grad, View indices, View gradInput) {
        int[] s = gradInput.shape();
        int nd = s.length, inPerPlane = s[nd - 2] * s[nd - 1];
        int outPerPlane = grad.shape()[nd - 2] * grad.shape()[nd - 1];
        int planes = inPerPlane == 0 ? 0 : gradInput.numel() / inPerPlane;
        ConvKernels.maxPoolBackward(dense(grad, grad.dtype()), dense(indices, DType.INT64), planes, outPerPlane, inPerPlane, gradInput);
    }

    @Override public void maxPool2d(View x, int[] geometry, View out, View indices) {
        int[] s = x.shape();
        int nd = s.length, h = s[nd - 2], w = s[nd - 1], planes = x.numel() / Math.max(1, h * w);
        int oh = out.shape()[nd - 2], ow = out.shape()[nd - 1];
        if (h * w == 0) planes = 0;
        ConvKernels.maxPool2d(dense(x, x.dtype()), planes, h, w, ConvKernels.Window.of(geometry), oh, ow, out, indices);
    }

    // ---------------------------------------------------------------- creation and random

    @Override public void arange(View out, double start, double step) {
        int n = out.numel();
        Object data = ArrayStorage.data(out);
        switch (out.dtype()) {
            case FLOAT32 -> { float[] d = (float[]) data; for (int i = 0; i < n; i++) d[i] = (float) (start + i * step); }
            case FLOAT64 -> { double[] d = (double[]) data; for (int i = 0; i < n; i++) d[i] = start + i * step; }
            // integral dtypes: the values come from start and step cast first
            case INT64 -> { long[] d = (long[]) data; long s0 = (long) start, st = (long) step; for (int i = 0; i < n; i++) d[i] = s0 + i * st; }
            case INT32 -> { int[] d = (int[]) data; int s0 = (int) start, st = (int) step; for (int i = 0; i < n; i++) d[i] = s0 + i * st; }
            case BOOL -> throw new IllegalArgumentException("\"arange_cpu\" not implemented for 'Bool'");
            case FLOAT16, BFLOAT16 -> throw new IllegalStateException("16-bit floats are computed in float32 by ReducedFloatBackend");
        }
    }

    @Override public void linspace(View out, double start, double end) {
        int n = out.numel(), half = n / 2;
        if (out.dtype() == DType.FLOAT32) {  // PyTorch's kernel compiles these to fused multiply-adds
            float s = (float) start, e = (float) end, step = (e - s) / (n - 1);
            float[] d = (float[]) ArrayStorage.data(out);
            for (int i = 0; i < n; i++) d[i] = i < half ? Math.fma(step, (float) i, s) : Math.fma(-step, (float) (n - i - 1), e);
        } else {
            double step = (end - start) / (n - 1);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = i < half ? start + step * i : end - step * (n - i - 1);
            write(d, out);
        }
    }

    @Override public void random(RandomOp op, Generator g, double a, double b, View out) {
        View t = out.isContiguous() ? out : dense(out, out.dtype());
        Object data = ArrayStorage.data(t);
        int off = t.offset(), n = out.numel();
        switch (op) {
            case UNIFORM -> {
                if (data instanceof float[] f) g.uniform(f, off, n, a, b);
                else g.uniform((double[]) data, off, n, a, b);
            }
            case NORMAL -> {
                if (data instanceof float[] f) g.normal(f, off, n, a, b);
                else g.normal((double[]) data, off, n, a, b);
            }
            case RANDINT -> {
                long low = (long) a, high = (long) b;
                switch (data) {
                    case long[] d -> g.randint(d, off, n, low, high);
                    case int[] d -> g.randint(d, off, n, low, high);
                    case float[] d -> g.randint(d, off, n, low, high);
                    case double[] d -> g.randint(d, off, n, low, high);
                    default -> throw new IllegalArgumentException("\"random_from_to\" not implemented for 'Bool'");
                }
            }
            case EXPONENTIAL -> {
                double[] v = new double[n];
                synchronized (g) {
                    for (int i = 0; i < n; i++) v[i] = -1.0 / a * Math.log(1.0 - g.nextUniformDouble());  // glibc's log, as Libm explains
                }
                write(v, t);
            }
            case CAUCHY, LOG_NORMAL, GEOMETRIC -> write(RandomDraws.draw(op, g, a, b, n), t);
            case BERNOULLI -> {
                // dropout's mask: drawn straight into the tensor under one lock, no staging array
                if (data instanceof float[] f) { g.bernoulli(f, off, n, a); break; }
                if (data instanceof double[] d) { g.bernoulli(d, off, n, a); break; }
                double[] v = new double[n];
                synchronized (g) {  // one lock for the whole fill; each draw re-enters it cheaply
                    for (int i = 0; i < n; i++) v[i] = g.nextUniformDouble() < a ? 1 : 0;
                }
                write(v, t);
            }
        }
        if (t != out) copy(t, out);
    }

    @Override public void bernoulli(Generator g, View p, View out) {
        View t = out.isContiguous() ? out : dense(out, out.dtype());
        View pb = new View(p.storage(), out.shape(), broadcastStrides(p, out.shape()), p.offset());
        write(RandomDraws.bernoulli(g, doubles(pb), p.dtype() == DType.FLOAT64), t);
        if (t != out) copy(t, out);
    }
}
