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
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU backend as the library sees it: {@link CpuBackend} plus float16 and bfloat16. Those two types
 * are stored as short[] bit patterns and copied, filled and read by CpuBackend directly; every computing
 * method instead widens its 16-bit operands to float32, runs CpuBackend's float32 kernel, and rounds the
 * outputs back to 16 bits. That is how PyTorch's CPU kernels treat them (each op computes in float, and
 * reductions and matrix products accumulate in float, rounding once at the end), so every float32 kernel
 * serves both types without a line of its own.
 *
 * <p>PyTorch 1.13 has no CPU kernel for many ops on float16 (and for a few on bfloat16); here they raise
 * its error ({@code "sin_vml_cpu" not implemented for 'Half'}), see {@link ReducedFloatSupport}.
 */
public final class ReducedFloatBackend implements Backend {
    public static final ReducedFloatBackend INSTANCE = new ReducedFloatBackend();

    private static final CpuBackend CPU = CpuBackend.INSTANCE;

    private ReducedFloatBackend() {}

    /**
     * The float32 copies of one call's 16-bit views. Inputs are widened; outputs are widened too (so
     * in-place and accumulating kernels see their starting values) and rounded back by {@link #narrow}.
     */
    private static final class Widening {
        private final List<View[]> outputs = new ArrayList<>(2);

        View in(View v) {
            return v == null || !v.dtype().isReducedFloatingPoint() ? v : CpuBackend.dense(v, DType.FLOAT32);
        }

        View out(View v) {
            if (v == null || !v.dtype().isReducedFloatingPoint()) return v;
            View f = CpuBackend.contiguous(ArrayStorage.allocate(DType.FLOAT32, v.numel()), v.shape());
            CPU.copy(v, f);
            outputs.add(new View[] {f, v});
            return f;
        }

        void narrow() {
            for (View[] p : outputs) CPU.copy(p[0], p[1]);
        }
    }

    private static boolean reduced(View v) { return v != null && v.dtype().isReducedFloatingPoint(); }

    // ---------------------------------------------------------------- storage and moving data: CpuBackend handles 16-bit types

    @Override public String deviceType() { return CPU.deviceType(); }

    @Override public Storage allocate(DType dtype, int numel, Device device) { return CPU.allocate(dtype, numel, device); }

    @Override public DType computeType(DType result) { return CPU.computeType(result); }

    @Override public void copy(View src, View dst) { CPU.copy(src, dst); }

    @Override public void fill(View dst, double value, long exact) { CPU.fill(dst, value, exact); }

    @Override public Object toHost(View src, DType as) { return CPU.toHost(src, as); }

    @Override public Storage fromHost(Object array, Device device) { return CPU.fromHost(array, device); }

    @Override public Object sharedArray(Storage storage) { return CPU.sharedArray(storage); }

    @Override public double readDouble(Storage storage, int index) { return CPU.readDouble(storage, index); }

    @Override public long readLong(Storage storage, int index) { return CPU.readLong(storage, index); }

    @Override public void where(View cond, View a, View b, View out) { CPU.where(cond, a, b, out); }

    // ---------------------------------------------------------------- computing methods: widen, compute in float32, narrow

    @Override public void unary(UnaryOp op, View a, View out) {
        if (!reduced(a) && !reduced(out)) { CPU.unary(op, a, out); return; }
        ReducedFloatSupport.check(ReducedFloatSupport.unary(op), a, out);
        Widening w = new Widening();
        CPU.unary(op, w.in(a), w.out(out));
        w.narrow();
    }

    @Override public void binary(BinaryOp op, double alpha, View a, View b, View out) {
        if (!reduced(a) && !reduced(b) && !reduced(out)) { CPU.binary(op, alpha, a, b, out); return; }
        ReducedFloatSupport.check(ReducedFloatSupport.binary(op), a, out);
        Widening w = new Widening();
        View fb = w.in(b);
        if ((op == BinaryOp.ADD || op == BinaryOp.SUB) && alpha != 1 && reduced(out)) {
            // c10's 16-bit arithmetic: alpha is rounded to the 16-bit type, and so is alpha * b before the sum
            fb = roundedProduct(out.dtype(), ReducedFloats.toFloat(out.dtype(), ReducedFloats.fromDouble(out.dtype(), alpha)), fb);
            alpha = 1;
        }
        CPU.binary(op, alpha, w.in(a), fb, w.out(out));
        w.narrow();
    }

    /** A dense float32 copy of b times s, each product rounded to the 16-bit type t. */
    private static View roundedProduct(DType t, float s, View b) {
        View d = CpuBackend.contiguous(ArrayStorage.allocate(DType.FLOAT32, b.numel()), b.shape());
        CPU.copy(b, d);
        float[] f = (float[]) ArrayStorage.data(d);
        for (int i = 0; i < f.length; i++) f[i] = ReducedFloats.toFloat(t, ReducedFloats.fromFloat(t, f[i] * s));
        return d;
    }

    @Override public void compare(CompareOp op, View a, View b, View out) {
        if (!reduced(a) && !reduced(b)) { CPU.compare(op, a, b, out); return; }
        Widening w = new Widening();
        CPU.compare(op, w.in(a), w.in(b), out);
    }

    @Override public void activation(ActivationOp op, double param, View x, View out) {
        if (!reduced(x)) { CPU.activation(op, param, x, out); return; }
        ReducedFloatSupport.check(ReducedFloatSupport.activation(op), x, out);
        Widening w = new Widening();
        CPU.activation(op, param, w.in(x), w.out(out));
        w.narrow();
    }

    @Override public void thresholdBackward(double threshold, View grad, View self, View out) {
        if (!reduced(out)) { CPU.thresholdBackward(threshold, grad, self, out); return; }
        // the threshold in self's 16-bit type, as PyTorch compares; widening and narrowing the values are exact
        double t = ReducedFloats.toFloat(self.dtype(), ReducedFloats.fromDouble(self.dtype(), threshold));
        Widening w = new Widening();
        CPU.thresholdBackward(t, w.in(grad), w.in(self), w.out(out));
        w.narrow();
    }

    @Override public void geluBackward(View grad, View self, View out) {
        if (!reduced(out)) { CPU.geluBackward(grad, self, out); return; }
        // in float32, rounded once to the 16-bit type, as PyTorch's reduced-float gelu_backward computes
        Widening w = new Widening();
        CPU.geluBackward(w.in(grad), w.in(self), w.out(out));
        w.narrow();
    }

    // the fused optimizer updates take float32 and float64 only (FusedUpdates sends 16-bit tensors op by op)
    @Override public void adamStep(AdamStep step, View param, View grad, View expAvg, View expAvgSq, View maxExpAvgSq) {
        CPU.adamStep(step, param, grad, expAvg, expAvgSq, maxExpAvgSq);
    }

    @Override public void sgdStep(SgdStep step, View param, View grad, View momentumBuffer) {
        CPU.sgdStep(step, param, grad, momentumBuffer);
    }

    @Override public void adadeltaStep(AdadeltaStep step, View param, View grad, View squareAvg, View accDelta) {
        CPU.adadeltaStep(step, param, grad, squareAvg, accDelta);
    }

    @Override public void fusedUpdate(boolean mul, double value, View t1, View t2, View self) {
        if (!reduced(self)) { CPU.fusedUpdate(mul, value, t1, t2, self); return; }
        ReducedFloatSupport.check(mul ? "addcmul_cpu_out" : "addcdiv_cpu_out", self, null);
        Widening w = new Widening();
        CPU.fusedUpdate(mul, value, w.in(t1), w.in(t2), w.out(self));
        w.narrow();
    }

    @Override public void binaryCrossEntropy(View p, View y, View out) {
        if (!reduced(p)) { CPU.binaryCrossEntropy(p, y, out); return; }
        ReducedFloatSupport.check("binary_cross_entropy", p, null);
        Widening w = new Widening();
        CPU.binaryCrossEntropy(w.in(p), w.in(y), w.out(out));
        w.narrow();
    }

    @Override public void reduce(ReduceOp op, View x, int dim, View out, View indices) {
        if (!reduced(x) && !reduced(out)) { CPU.reduce(op, x, dim, out, indices); return; }
        if (op == ReduceOp.PROD) ReducedFloatSupport.check("prod_cpu", x, null);
        Widening w = new Widening();
        CPU.reduce(op, w.in(x), dim, w.out(out), indices);
        w.narrow();
    }

    @Override public void sum(View x, boolean[] reduced, View out) {
        if (!reduced(x) && !reduced(out)) { CPU.sum(x, reduced, out); return; }
        Widening w = new Widening();
        CPU.sum(w.in(x), reduced, w.out(out));
        w.narrow();
    }

    @Override public void norm(View x, double p, boolean[] reduced, View out) {
        if (!reduced(x) && !reduced(out)) { CPU.norm(x, p, reduced, out); return; }
        Widening w = new Widening();
        CPU.norm(w.in(x), p, reduced, w.out(out));
        w.narrow();
    }

    @Override public void logsumexp(View x, boolean[] reduced, View out) {
        if (!reduced(x) && !reduced(out)) { CPU.logsumexp(x, reduced, out); return; }
        ReducedFloatSupport.check("exp_vml_cpu", x, null);
        Widening w = new Widening();
        CPU.logsumexp(w.in(x), reduced, w.out(out));
        w.narrow();
    }

    @Override public void softmaxBackward(View grad, View y, int dim, boolean log, View out) {
        if (!reduced(out)) { CPU.softmaxBackward(grad, y, dim, log, out); return; }
        Widening w = new Widening();
        CPU.softmaxBackward(w.in(grad), w.in(y), dim, log, w.out(out));
        w.narrow();
    }

    @Override public void softmax(View x, int dim, boolean log, View out) {
        if (!reduced(x)) { CPU.softmax(x, dim, log, out); return; }
        boolean last = dim == x.dim() - 1 || x.dim() == 0;
        ReducedFloatSupport.check((log ? "log_" : "") + (last ? "softmax_lastdim_kernel_impl" : "softmax_kernel_impl"), x, null);
        Widening w = new Widening();
        CPU.softmax(w.in(x), dim, log, w.out(out));
        w.narrow();
    }

    @Override public void scan(boolean prod, View x, int dim, View out) {
        if (!reduced(x)) { CPU.scan(prod, x, dim, out); return; }
        ReducedFloatSupport.check(prod ? "cumprod_out_cpu" : "cumsum_out_cpu", x, null);
        Widening w = new Widening();
        CPU.scan(prod, w.in(x), dim, w.out(out));
        w.narrow();
    }

    @Override public void sort(View x, int dim, boolean descending, boolean stable, View values, View indices) {
        if (!reduced(x)) { CPU.sort(x, dim, descending, stable, values, indices); return; }
        Widening w = new Widening();  // widening is exact and keeps the order, so the sort is the float32 one
        CPU.sort(w.in(x), dim, descending, stable, w.out(values), indices);
        w.narrow();
    }

    @Override public void matmul(View a, View b, View out, boolean accumulate) {
        if (!reduced(a) && !reduced(b) && !reduced(out)) { CPU.matmul(a, b, out, accumulate); return; }
        ReducedFloatSupport.check(a.dim() > 2 ? "bmm" : "addmm_impl_cpu_", a, null);
        Widening w = new Widening();
        View fa = w.in(a), fb = w.in(b), fo = w.out(out);
        if (out.dtype() == DType.BFLOAT16 && SmallBFloat16Gemm.applies(a, b)) SmallBFloat16Gemm.matmul(fa, fb, fo, accumulate);
        else CPU.matmul(fa, fb, fo, accumulate);
        w.narrow();
    }

    @Override public void qr(View a, View q, View r) {
        if (!reduced(a)) { CPU.qr(a, q, r); return; }
        throw ReducedFloatSupport.notImplemented("geqrf_cpu", a.dtype());
    }

    @Override public void luFactor(View a, View lu, View pivots, View info) {
        if (!reduced(a)) { CPU.luFactor(a, lu, pivots, info); return; }
        throw ReducedFloatSupport.notImplemented("lu_cpu", a.dtype());
    }

    @Override public void luSolve(View lu, View pivots, View b, View x) {
        if (!reduced(lu) && !reduced(b)) { CPU.luSolve(lu, pivots, b, x); return; }
        throw ReducedFloatSupport.notImplemented("lu_solve_cpu", (reduced(lu) ? lu : b).dtype());
    }

    @Override public void cholesky(View a, boolean upper, View out, View info) {
        if (!reduced(a)) { CPU.cholesky(a, upper, out, info); return; }
        throw ReducedFloatSupport.notImplemented("cholesky_cpu", a.dtype());
    }

    @Override public void eigh(View a, boolean upper, View values, View vectors) {
        if (!reduced(a)) { CPU.eigh(a, upper, values, vectors); return; }
        throw ReducedFloatSupport.notImplemented("linalg_eigh_cpu", a.dtype());
    }

    @Override public void svd(View a, View u, View s, View vh) {
        if (!reduced(a)) { CPU.svd(a, u, s, vh); return; }
        throw ReducedFloatSupport.notImplemented("linalg_svd_cpu", a.dtype());
    }

    // ---------------------------------------------------------------- indexing: element moves, so exact in float32

    @Override public void gather(View self, int dim, View index, View out) {
        if (!reduced(self)) { CPU.gather(self, dim, index, out); return; }
        Widening w = new Widening();
        CPU.gather(w.in(self), dim, index, w.out(out));
        w.narrow();
    }

    @Override public void scatterAdd(View out, int dim, View index, View src) {
        if (!reduced(out)) { CPU.scatterAdd(out, dim, index, src); return; }
        Widening w = new Widening();
        CPU.scatterAdd(w.out(out), dim, index, w.in(src));
        w.narrow();
    }

    @Override public void scatter(View out, int dim, View index, View src) {
        if (!reduced(out)) { CPU.scatter(out, dim, index, src); return; }
        Widening w = new Widening();
        CPU.scatter(w.out(out), dim, index, w.in(src));
        w.narrow();
    }

    @Override public void scatterReduce(ReduceOp op, View out, int dim, View index, View src) {
        if (!reduced(out)) { CPU.scatterReduce(op, out, dim, index, src); return; }
        Widening w = new Widening();
        CPU.scatterReduce(op, w.out(out), dim, index, w.in(src));
        w.narrow();
    }

    @Override public void mode(View x, int dim, View values, View indices) {
        if (!reduced(x)) { CPU.mode(x, dim, values, indices); return; }
        Widening w = new Widening();
        CPU.mode(w.in(x), dim, w.out(values), indices);
        w.narrow();
    }

    @Override public void nanmedian(View x, int dim, View values, View indices) {
        if (!reduced(x)) { CPU.nanmedian(x, dim, values, indices); return; }
        ReducedFloatSupport.check("median_out", x, null);
        Widening w = new Widening();
        CPU.nanmedian(w.in(x), dim, w.out(values), indices);
        w.narrow();
    }

    @Override public void indexSelect(View self, int dim, View index, View out) {
        if (!reduced(self)) { CPU.indexSelect(self, dim, index, out); return; }
        Widening w = new Widening();
        CPU.indexSelect(w.in(self), dim, index, w.out(out));
        w.narrow();
    }

    @Override public void embedding(View weight, View indices, View out) {
        if (!reduced(weight)) { CPU.embedding(weight, indices, out); return; }
        Widening w = new Widening();
        CPU.embedding(w.in(weight), indices, w.out(out));
        w.narrow();
    }

    // ---------------------------------------------------------------- nn

    @Override public void layerNormBackward(View grad, View x, View wt, int rowLength, double eps, View out) {
        if (!reduced(x)) { CPU.layerNormBackward(grad, x, wt, rowLength, eps, out); return; }
        Widening w = new Widening();
        CPU.layerNormBackward(w.in(grad), w.in(x), w.in(wt), rowLength, eps, w.out(out));
        w.narrow();
    }

    @Override public void layerNorm(View x, View wt, View b, int rowLength, double eps, View out) {
        if (!reduced(x)) { CPU.layerNorm(x, wt, b, rowLength, eps, out); return; }
        ReducedFloatSupport.check("LayerNormKernelImpl", x, null);
        Widening w = new Widening();
        CPU.layerNorm(w.in(x), w.in(wt), w.in(b), rowLength, eps, w.out(out));
        w.narrow();
    }

    @Override public void batchNorm(View x, View runningMean, View runningVar, View wt, View b, boolean training, double momentum,
                                    double eps, View out, View evalMean, View evalInvstd) {
        if (!reduced(x)) { CPU.batchNorm(x, runningMean, runningVar, wt, b, training, momentum, eps, out, evalMean, evalInvstd); return; }
        ReducedFloatSupport.check("batch_norm", x, null);
        Widening w = new Widening();
        CPU.batchNorm(w.in(x), w.out(runningMean), w.out(runningVar), w.in(wt), w.in(b), training, momentum, eps, w.out(out),
                w.out(evalMean), w.out(evalInvstd));
        w.narrow();
    }

    @Override public void nllLoss(View input, View target, View weight, long ignoreIndex, int reduction, View out, View coef,
                                  View safeTarget) {
        if (!reduced(input)) { CPU.nllLoss(input, target, weight, ignoreIndex, reduction, out, coef, safeTarget); return; }
        ReducedFloatSupport.check("nll_loss_out_frame", input, null);
        Widening w = new Widening();
        CPU.nllLoss(w.in(input), target, w.in(weight), ignoreIndex, reduction, w.out(out), w.out(coef), safeTarget);
        w.narrow();
    }

    @Override public void im2col(View x, int[] geometry, View cols) {
        if (!reduced(x)) { CPU.im2col(x, geometry, cols); return; }
        Widening w = new Widening();
        CPU.im2col(w.in(x), geometry, w.out(cols));
        w.narrow();
    }

    @Override public void col2im(View cols, int[] geometry, View x) {
        if (!reduced(cols)) { CPU.col2im(cols, geometry, x); return; }
        Widening w = new Widening();
        CPU.col2im(w.in(cols), geometry, w.out(x));
        w.narrow();
    }

    @Override public void conv2d(View x, View wt, View b, int[] geometry, int groups, View out) {
        if (!reduced(x)) { CPU.conv2d(x, wt, b, geometry, groups, out); return; }
        ReducedFloatSupport.check("slow_conv2d_cpu", x, null);
        Widening w = new Widening();
        CPU.conv2d(w.in(x), w.in(wt), w.in(b), geometry, groups, w.out(out));
        w.narrow();
    }

    @Override public void conv2dInputGrad(View grad, View wt, int[] geometry, int groups, View gradInput) {
        if (!reduced(grad)) { CPU.conv2dInputGrad(grad, wt, geometry, groups, gradInput); return; }
        Widening w = new Widening();
        CPU.conv2dInputGrad(w.in(grad), w.in(wt), geometry, groups, w.out(gradInput));
        w.narrow();
    }

    @Override public void conv2dWeightGrad(View grad, View x, int[] geometry, int groups, View gradWeight) {
        if (!reduced(grad)) { CPU.conv2dWeightGrad(grad, x, geometry, groups, gradWeight); return; }
        Widening w = new Widening();
        CPU.conv2dWeightGrad(w.in(grad), w.in(x), geometry, groups, w.out(gradWeight));
        w.narrow();
    }

    @Override public void maxPoolBackward(View grad, View indices, View gradInput) {
        if (!reduced(grad)) { CPU.maxPoolBackward(grad, indices, gradInput); return; }
        Widening w = new Widening();
        CPU.maxPoolBackward(w.in(grad), indices, w.out(gradInput));
        w.narrow();
    }

    @Override public void maxPool2d(View x, int[] geometry, View out, View indices) {
        if (!reduced(x)) { CPU.maxPool2d(x, geometry, out, indices); return; }
        ReducedFloatSupport.check("max_pool2d", x, null);
        Widening w = new Widening();
        CPU.maxPool2d(w.in(x), geometry, w.out(out), indices);
        w.narrow();
    }

    // ---------------------------------------------------------------- creation and random

    @Override public void arange(View out, double start, double step) {
        if (!reduced(out)) { CPU.arange(out, start, step); return; }
        Widening w = new Widening();
        CPU.arange(w.out(out), start, step);
        w.narrow();
    }

    /** 1.13's linspace kernel in the 16-bit type's own arithmetic: start, end, step and each product and sum rounded to it. */
    @Override public void linspace(View out, double start, double end) {
        if (!reduced(out)) { CPU.linspace(out, start, end); return; }
        DType t = out.dtype();
        int n = out.numel(), half = n / 2;
        float s = round(t, start), e = round(t, end), step = round(t, round(t, e - s) / (n - 1));
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i < half ? round(t, s + round(t, step * i)) : round(t, e - round(t, step * (n - i - 1)));
        CPU.copy(CpuBackend.contiguous(ArrayStorage.wrap(v), out.shape()), out);
    }

    private static float round(DType t, double v) { return ReducedFloats.toFloat(t, ReducedFloats.fromDouble(t, v)); }

    @Override public void random(RandomOp op, Generator g, double a, double b, View out) {
        if (!reduced(out)) { CPU.random(op, g, a, b, out); return; }
        if (op == RandomOp.BERNOULLI) ReducedFloatSupport.check("bernoulli_scalar_cpu_", out, null);
        if (op == RandomOp.UNIFORM || op == RandomOp.NORMAL) {
            float[] v = op == RandomOp.UNIFORM ? ReducedFloatRandom.uniform(g, out.dtype(), out.numel(), a, b)
                    : ReducedFloatRandom.normal(g, out.dtype(), out.numel(), a, b, out.isContiguous());
            CPU.copy(CpuBackend.contiguous(ArrayStorage.wrap(v), out.shape()), out);
            return;
        }
        Widening w = new Widening();
        CPU.random(op, g, a, b, w.out(out));
        w.narrow();
    }

    @Override public void bernoulli(Generator g, View p, View out) {
        if (!reduced(p) && !reduced(out)) { CPU.bernoulli(g, p, out); return; }
        ReducedFloatSupport.check("bernoulli_tensor_cpu_self_", out, null);
        Widening w = new Widening();
        CPU.bernoulli(g, w.in(p), w.out(out));
        w.narrow();
    }
}
