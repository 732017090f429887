package dev.jgrad.backend.meta;

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

/**
 * PyTorch's meta device: tensors with shapes, dtypes and strides but no data. Every op's semantics
 * (checks, promotion, output shape, errors, autograd recording) run above the backend, so with kernels
 * that do nothing an op on meta tensors computes exactly what its result would look like, at no memory
 * cost: a model's parameter count and layer shapes for a size that could never be allocated. Reading
 * values fails with PyTorch's messages.
 */
public final class MetaBackend implements Backend {
    public static final MetaBackend INSTANCE = new MetaBackend();

    private MetaBackend() {}

    private static UnsupportedOperationException noData() {
        return new UnsupportedOperationException("Cannot copy out of meta tensor; no data!");
    }

    @Override public String deviceType() { return "meta"; }

    @Override public Storage allocate(DType dtype, int numel, Device device) { return new MetaStorage(dtype, numel); }

    @Override public DType computeType(DType result) { return result.isFloatingPoint() ? result : DType.INT64; }

    @Override public void copy(View src, View dst) {
        if (src.storage().device().isMeta() != dst.storage().device().isMeta() && src.storage().device().isMeta()) throw noData();
    }

    @Override public void fill(View dst, double value, long exact) {}

    @Override public Object toHost(View src, DType as) { throw noData(); }

    @Override public Storage fromHost(Object array, Device device) { return new MetaStorage(hostType(array), java.lang.reflect.Array.getLength(array)); }

    private static DType hostType(Object array) {
        return switch (array) {
            case float[] a -> DType.FLOAT32;
            case double[] a -> DType.FLOAT64;
            case long[] a -> DType.INT64;
            case int[] a -> DType.INT32;
            case boolean[] a -> DType.BOOL;
            default -> throw new IllegalArgumentException("not a float[], double[], long[], int[] or boolean[]: " + array.getClass());
        };
    }

    @Override public Object sharedArray(Storage storage) {
        throw new IllegalStateException("can't convert meta device type tensor to a Java array. "
                + "Use Tensor.cpu() to copy the tensor to host memory first.");
    }

    @Override public double readDouble(Storage storage, int index) { throw localScalarDense(); }

    @Override public long readLong(Storage storage, int index) { throw localScalarDense(); }

    private static UnsupportedOperationException localScalarDense() {
        return new UnsupportedOperationException("Could not run 'aten::_local_scalar_dense' with arguments from the 'Meta' backend. "
                + "This could be because the operator doesn't exist for this backend, or was omitted during the selective/custom build process (if using custom build).");
    }

    @Override public void unary(UnaryOp op, View a, View out) {}

    @Override public void binary(BinaryOp op, double alpha, View a, View b, View out) {}

    @Override public void compare(CompareOp op, View a, View b, View out) {}

    @Override public void where(View cond, View a, View b, View out) {}

    @Override public void activation(ActivationOp op, double param, View x, View out) {}

    @Override public void fusedUpdate(boolean mul, double value, View t1, View t2, View self) {}

    @Override public void thresholdBackward(double threshold, View grad, View self, View out) {}

    @Override public void geluBackward(View grad, View self, View out) {}

    @Override public void adamStep(AdamStep step, View param, View grad, View expAvg, View expAvgSq, View maxExpAvgSq) {}

    @Override public void sgdStep(SgdStep step, View param, View grad, View momentumBuffer) {}

    @Override public void adadeltaStep(AdadeltaStep step, View param, View grad, View squareAvg, View accDelta) {}

    @Override public void binaryCrossEntropy(View p, View y, View out) {}

    @Override public void reduce(ReduceOp op, View x, int dim, View out, View indices) {}

    @Override public void sum(View x, boolean[] reduced, View out) {}

    @Override public void norm(View x, double p, boolean[] reduced, View out) {}

    @Override public void logsumexp(View x, boolean[] reduced, View out) {}

    @Override public void softmax(View x, int dim, boolean log, View out) {}

    @Override public void softmaxBackward(View grad, View y, int dim, boolean log, View out) {}

    @Override public void matmul(View a, View b, View out, boolean accumulate) {}

    @Override public void scan(boolean prod, View x, int dim, View out) {}

    @Override public void qr(View a, View q, View r) {}

    @Override public void luFactor(View a, View lu, View pivots, View info) {}

    @Override public void luSolve(View lu, View pivots, View b, View x) {}

    @Override public void cholesky(View a, boolean upper, View out, View info) {}

    @Override public void eigh(View a, boolean upper, View values, View vectors) {}

    @Override public void svd(View a, View u, View s, View vh) {}

    @Override public void sort(View x, int dim, boolean descending, boolean stable, View values, View indices) {}

    @Override public void gather(View self, int dim, View index, View out) {}

    @Override public void scatter(View out, int dim, View index, View src) {}

    @Override public void scatterAdd(View out, int dim, View index, View src) {}

    @Override public void scatterReduce(dev.jgrad.backend.ReduceOp op, View out, int dim, View index, View src) {}

    @Override public void mode(View x, int dim, View values, View indices) {}

    @Override public void nanmedian(View x, int dim, View values, View indices) {}

    @Override public void indexSelect(View self, int dim, View index, View out) {}

    @Override public void embedding(View weight, View indices, View out) {}

    @Override public void layerNorm(View x, View w, View b, int rowLength, double eps, View out) {}

    @Override public void layerNormBackward(View grad, View x, View w, int rowLength, double eps, View out) {}

    @Override public void batchNorm(View x, View runningMean, View runningVar, View w, View b, boolean training, double momentum,
                                    double eps, View out, View evalMean, View evalInvstd) {}

    @Override public void nllLoss(View input, View target, View weight, long ignoreIndex, int reduction, View out, View coef,
                                  View safeTarget) {}

    @Override public void im2col(View x, int[] geometry, View cols) {}

    @Override public void col2im(View cols, int[] geometry, View x) {}

    @Override public void conv2d(View x, View w, View b, int[] geometry, int groups, View out) {}

    @Override public void maxPool2d(View x, int[] geometry, View out, View indices) {}

    @Override public void conv2dInputGrad(View grad, View w, int[] geometry, int groups, View gradInput) {}

    @Override public void conv2dWeightGrad(View grad, View x, int[] geometry, int groups, View gradWeight) {}

    @Override public void maxPoolBackward(View grad, View indices, View gradInput) {}

    @Override public void arange(View out, double start, double step) {}

    @Override public void linspace(View out, double start, double end) {}

    @Override public void random(RandomOp op, Generator g, double a, double b, View out) {}

    @Override public void bernoulli(Generator g, View p, View out) {}
}
