package dev.jgrad.internal.compile;

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
import dev.jgrad.internal.compile.Call.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The backend of one trace. Every op above the backend runs as usual (checks, promotion, broadcasting, autograd
 * recording), so the kernel calls that reach this backend are exactly the calls eager mode would make for these
 * inputs; each is recorded as a {@link Call} instead of computed. What a program cannot replay throws a
 * {@link CaptureException}: reading values (item(), printing, toList: the function's control flow could depend on
 * them), writing into an input, and the kernels listed as not captured.
 */
final class TraceBackend implements Backend {
    private final List<Step> steps = new ArrayList<>();
    private final List<TraceStorage> storages = new ArrayList<>();
    private final Set<Integer> inputs = new HashSet<>();
    private final Set<Integer> written = new HashSet<>();

    /** A storage standing for an input of the function (its size and dtype are the real input's). */
    synchronized TraceStorage inputStorage(DType dtype, int size) {
        TraceStorage s = newStorage(dtype, size);
        inputs.add(s.slot);
        return s;
    }

    private TraceStorage newStorage(DType dtype, int size) {
        TraceStorage s = new TraceStorage(this, storages.size(), dtype, size);
        storages.add(s);
        return s;
    }

    int slotCount() { return storages.size(); }

    boolean isInput(int slot) { return inputs.contains(slot); }

    /** The steps recorded so far; {@link #startPhase} moves on to a new list. */
    synchronized List<Step> takeSteps() {
        List<Step> out = new ArrayList<>(steps);
        steps.clear();
        return out;
    }

    /** From now on the inputs of the function and everything recorded so far are read-only (the backward phase). */
    synchronized void startPhase() {
        for (TraceStorage s : storages) inputs.add(s.slot);
    }

    private synchronized void record(String name, Kind kind, Enum<?> op, double param, View[] reads, View[] writes,
                                     Call.Replay replay) {
        for (View w : writes) {
            if (w == null) continue;
            if (!(w.storage() instanceof TraceStorage ts) || ts.backend() != this) {
                throw new CaptureException(name + " writes into a tensor that is not computed inside the function");
            }
            if (inputs.contains(ts.slot)) {
                throw new CaptureException(name + " writes into an input of the function (in-place mutation of inputs is not captured)");
            }
            written.add(ts.slot);
        }
        for (View r : reads) {
            if (r != null && r.storage() instanceof TraceStorage ts && ts.backend() != this) {
                throw new CaptureException(name + " reads a tensor of another trace");
            }
        }
        steps.add(new Call(name, kind, op, param, reads, writes, replay));
    }

    private static View[] v(View... views) { return views; }

    private static CaptureException notCaptured(String what) {
        return new CaptureException(what + " is not captured by Torch.compile");
    }

    private static CaptureException readsValues() {
        return new CaptureException("the function reads tensor values (item(), tolist(), printing, conversion to arrays): "
                + "its result could depend on them, so it cannot be traced once for all inputs");
    }

    @Override public String deviceType() { return "meta"; }

    @Override public synchronized Storage allocate(DType dtype, int numel, Device device) {
        TraceStorage s = newStorage(dtype, numel);
        steps.add(new Alloc(s.slot, dtype, numel));
        return s;
    }

    @Override public DType computeType(DType result) { return Call.CPU.computeType(result); }

    // ---------------------------------------------------------------- moving data

    @Override public void copy(View src, View dst) {
        if (!(src.storage() instanceof TraceStorage) && src.storage().device().isMeta()) throw readsValues();
        record("copy", Kind.COPY, null, 0, v(src), v(dst), (be, e) -> be.copy(e.real(src), e.real(dst)));
    }

    @Override public void fill(View dst, double value, long exact) {
        record("fill", Kind.OTHER, null, value, v(), v(dst), (be, e) -> be.fill(e.real(dst), value, exact));
    }

    @Override public Object toHost(View src, DType as) { throw readsValues(); }

    @Override public Storage fromHost(Object array, Device device) { throw notCaptured("creating a tensor from a Java array"); }

    @Override public Object sharedArray(Storage storage) { throw readsValues(); }

    @Override public double readDouble(Storage storage, int index) { throw readsValues(); }

    @Override public long readLong(Storage storage, int index) { throw readsValues(); }

    // ---------------------------------------------------------------- elementwise

    @Override public void unary(UnaryOp op, View a, View out) {
        record("unary", Kind.UNARY, op, 0, v(a), v(out), (be, e) -> be.unary(op, e.real(a), e.real(out)));
    }

    @Override public void binary(BinaryOp op, double alpha, View a, View b, View out) {
        record("binary", Kind.BINARY, op, alpha, v(a, b), v(out), (be, e) -> be.binary(op, alpha, e.real(a), e.real(b), e.real(out)));
    }

    @Override public void compare(CompareOp op, View a, View b, View out) {
        record("compare", Kind.OTHER, op, 0, v(a, b), v(out), (be, e) -> be.compare(op, e.real(a), e.real(b), e.real(out)));
    }

    @Override public void where(View cond, View a, View b, View out) {
        record("where", Kind.OTHER, null, 0, v(cond, a, b), v(out), (be, e) -> be.where(e.real(cond), e.real(a), e.real(b), e.real(out)));
    }

    @Override public void activation(ActivationOp op, double param, View x, View out) {
        record("activation", Kind.ACTIVATION, op, param, v(x), v(out), (be, e) -> be.activation(op, param, e.real(x), e.real(out)));
    }

    @Override public void fusedUpdate(boolean mul, double value, View t1, View t2, View self) {
        record(mul ? "addcmul_" : "addcdiv_", Kind.OTHER, null, value, v(t1, t2, self), v(self),
                (be, e) -> be.fusedUpdate(mul, value, e.real(t1), e.real(t2), e.real(self)));
    }

    @Override public void thresholdBackward(double threshold, View grad, View self, View out) {
        record("threshold_backward", Kind.THRESHOLD_BACKWARD, null, threshold, v(grad, self), v(out),
                (be, e) -> be.thresholdBackward(threshold, e.real(grad), e.real(self), e.real(out)));
    }

    @Override public void geluBackward(View grad, View self, View out) {
        record("gelu_backward", Kind.OTHER, null, 0, v(grad, self), v(out),
                (be, e) -> be.geluBackward(e.real(grad), e.real(self), e.real(out)));
    }

    @Override public void adamStep(AdamStep step, View param, View grad, View expAvg, View expAvgSq, View maxExpAvgSq) {
        throw notCaptured("an optimizer step (it updates parameters and state in place)");
    }

    @Override public void sgdStep(SgdStep step, View param, View grad, View momentumBuffer) {
        throw notCaptured("an optimizer step (it updates parameters and state in place)");
    }

    @Override public void adadeltaStep(AdadeltaStep step, View param, View grad, View squareAvg, View accDelta) {
        throw notCaptured("an optimizer step (it updates parameters and state in place)");
    }

    @Override public void binaryCrossEntropy(View p, View y, View out) {
        record("binary_cross_entropy", Kind.OTHER, null, 0, v(p, y), v(out), (be, e) -> be.binaryCrossEntropy(e.real(p), e.real(y), e.real(out)));
    }

    // ---------------------------------------------------------------- reductions

    @Override public void reduce(ReduceOp op, View x, int dim, View out, View indices) {
        record("reduce", Kind.OTHER, op, dim, v(x), v(out, indices), (be, e) -> be.reduce(op, e.real(x), dim, e.real(out), e.real(indices)));
    }

    @Override public void sum(View x, boolean[] reduced, View out) {
        boolean[] r = reduced.clone();
        boolean all = true;
        for (boolean b : r) all &= b;
        record("sum", all ? Kind.SUM : Kind.OTHER, null, 0, v(x), v(out), (be, e) -> be.sum(e.real(x), r, e.real(out)));
    }

    @Override public void norm(View x, double p, boolean[] reduced, View out) {
        boolean[] r = reduced.clone();
        record("norm", Kind.OTHER, null, p, v(x), v(out), (be, e) -> be.norm(e.real(x), p, r, e.real(out)));
    }

    @Override public void logsumexp(View x, boolean[] reduced, View out) {
        boolean[] r = reduced.clone();
        record("logsumexp", Kind.OTHER, null, 0, v(x), v(out), (be, e) -> be.logsumexp(e.real(x), r, e.real(out)));
    }

    @Override public void softmaxBackward(View grad, View y, int dim, boolean log, View out) {
        record(log ? "log_softmax_backward" : "softmax_backward", Kind.OTHER, null, dim, v(grad, y), v(out),
                (be, e) -> be.softmaxBackward(e.real(grad), e.real(y), dim, log, e.real(out)));
    }

    @Override public void softmax(View x, int dim, boolean log, View out) {
        record(log ? "log_softmax" : "softmax", Kind.OTHER, null, dim, v(x), v(out), (be, e) -> be.softmax(e.real(x), dim, log, e.real(out)));
    }

    @Override public void scan(boolean prod, View x, int dim, View out) {
        record(prod ? "cumprod" : "cumsum", Kind.OTHER, null, dim, v(x), v(out), (be, e) -> be.scan(prod, e.real(x), dim, e.real(out)));
    }

    @Override public void sort(View x, int dim, boolean descending, boolean stable, View values, View indices) {
        record("sort", Kind.OTHER, null, dim, v(x), v(values, indices),
                (be, e) -> be.sort(e.real(x), dim, descending, stable, e.real(values), e.real(indices)));
    }

    // ---------------------------------------------------------------- linear algebra

    @Override public void matmul(View a, View b, View out, boolean accumulate) {
        View[] reads = accumulate ? v(a, b, out) : v(a, b);
        record("matmul", Kind.OTHER, null, 0, reads, v(out), (be, e) -> be.matmul(e.real(a), e.real(b), e.real(out), accumulate));
    }

    @Override public void qr(View a, View q, View r) { throw notCaptured("qr"); }

    @Override public void luFactor(View a, View lu, View pivots, View info) { throw notCaptured("lu_factor"); }

    @Override public void luSolve(View lu, View pivots, View b, View x) { throw notCaptured("lu_solve"); }

    @Override public void cholesky(View a, boolean upper, View out, View info) { throw notCaptured("cholesky"); }

    @Override public void eigh(View a, boolean upper, View values, View vectors) { throw notCaptured("eigh"); }

    @Override public void svd(View a, View u, View s, View vh) { throw notCaptured("svd"); }

    // ---------------------------------------------------------------- indexing

    @Override public void gather(View self, int dim, View index, View out) {
        record("gather", Kind.OTHER, null, dim, v(self, index), v(out), (be, e) -> be.gather(e.real(self), dim, e.real(index), e.real(out)));
    }

    @Override public void scatterAdd(View out, int dim, View index, View src) {
        record("scatter_add", Kind.OTHER, null, dim, v(out, index, src), v(out), (be, e) -> be.scatterAdd(e.real(out), dim, e.real(index), e.real(src)));
    }

    @Override public void scatter(View out, int dim, View index, View src) {
        record("scatter", Kind.OTHER, null, dim, v(out, index, src), v(out), (be, e) -> be.scatter(e.real(out), dim, e.real(index), e.real(src)));
    }

    @Override public void scatterReduce(ReduceOp op, View out, int dim, View index, View src) { throw notCaptured("scatter_reduce"); }

    @Override public void mode(View x, int dim, View values, View indices) { throw notCaptured("mode"); }

    @Override public void nanmedian(View x, int dim, View values, View indices) { throw notCaptured("nanmedian"); }

    // index checks happen in the kernel: replaying them is as eager would do
    @Override public void indexSelect(View self, int dim, View index, View out) {
        record("index_select", Kind.OTHER, null, dim, v(self, index), v(out), (be, e) -> be.indexSelect(e.real(self), dim, e.real(index), e.real(out)));
    }

    @Override public void embedding(View weight, View indices, View out) {
        record("embedding", Kind.OTHER, null, 0, v(weight, indices), v(out), (be, e) -> be.embedding(e.real(weight), e.real(indices), e.real(out)));
    }

    // ---------------------------------------------------------------- nn

    @Override public void layerNormBackward(View grad, View x, View w, int rowLength, double eps, View out) {
        record("native_layer_norm_backward", Kind.OTHER, null, eps, v(grad, x, w), v(out),
                (be, e) -> be.layerNormBackward(e.real(grad), e.real(x), e.real(w), rowLength, eps, e.real(out)));
    }

    @Override public void layerNorm(View x, View w, View b, int rowLength, double eps, View out) {
        record("layer_norm", Kind.OTHER, null, eps, v(x, w, b), v(out), (be, e) -> be.layerNorm(e.real(x), e.real(w), e.real(b), rowLength, eps, e.real(out)));
    }

    @Override public void batchNorm(View x, View runningMean, View runningVar, View w, View b, boolean training, double momentum,
                                    double eps, View out, View evalMean, View evalInvstd) {
        throw notCaptured("batch_norm (it updates running statistics)");
    }

    @Override public void nllLoss(View input, View target, View weight, long ignoreIndex, int reduction, View out, View coef,
                                  View safeTarget) {
        record("nll_loss", Kind.OTHER, null, reduction, v(input, target, weight), v(out, coef, safeTarget),
                (be, e) -> be.nllLoss(e.real(input), e.real(target), e.real(weight), ignoreIndex, reduction, e.real(out),
                        e.real(coef), e.real(safeTarget)));
    }

    @Override public void im2col(View x, int[] geometry, View cols) {
        int[] g = geometry.clone();
        record("im2col", Kind.OTHER, null, 0, v(x), v(cols), (be, e) -> be.im2col(e.real(x), g, e.real(cols)));
    }

    @Override public void col2im(View cols, int[] geometry, View x) {
        int[] g = geometry.clone();
        record("col2im", Kind.OTHER, null, 0, v(cols, x), v(x), (be, e) -> be.col2im(e.real(cols), g, e.real(x)));
    }

    @Override public void conv2d(View x, View w, View b, int[] geometry, int groups, View out) {
        int[] g = geometry.clone();
        record("conv2d", Kind.OTHER, null, groups, v(x, w, b), v(out), (be, e) -> be.conv2d(e.real(x), e.real(w), e.real(b), g, groups, e.real(out)));
    }

    @Override public void conv2dInputGrad(View grad, View w, int[] geometry, int groups, View gradInput) {
        int[] g = geometry.clone();
        record("conv2d_input_grad", Kind.OTHER, null, groups, v(grad, w), v(gradInput),
                (be, e) -> be.conv2dInputGrad(e.real(grad), e.real(w), g, groups, e.real(gradInput)));
    }

    @Override public void conv2dWeightGrad(View grad, View x, int[] geometry, int groups, View gradWeight) {
        int[] g = geometry.clone();
        record("conv2d_weight_grad", Kind.OTHER, null, groups, v(grad, x), v(gradWeight),
                (be, e) -> be.conv2dWeightGrad(e.real(grad), e.real(x), g, groups, e.real(gradWeight)));
    }

    @Override public void maxPoolBackward(View grad, View indices, View gradInput) {
        record("max_pool_backward", Kind.OTHER, null, 0, v(grad, indices), v(gradInput),
                (be, e) -> be.maxPoolBackward(e.real(grad), e.real(indices), e.real(gradInput)));
    }

    @Override public void maxPool2d(View x, int[] geometry, View out, View indices) {
        int[] g = geometry.clone();
        record("max_pool2d", Kind.OTHER, null, 0, v(x), v(out, indices), (be, e) -> be.maxPool2d(e.real(x), g, e.real(out), e.real(indices)));
    }

    // ---------------------------------------------------------------- creation and random

    @Override public void arange(View out, double start, double step) {
        record("arange", Kind.OTHER, null, start, v(), v(out), (be, e) -> be.arange(e.real(out), start, step));
    }

    @Override public void linspace(View out, double start, double end) {
        record("linspace", Kind.OTHER, null, start, v(), v(out), (be, e) -> be.linspace(e.real(out), start, end));
    }

    @Override public void random(RandomOp op, Generator g, double a, double b, View out) {
        throw notCaptured("random sampling (its generator state would be baked into the trace)");
    }

    @Override public void bernoulli(Generator g, View p, View out) {
        throw notCaptured("random sampling (bernoulli, dropout)");
    }
}
