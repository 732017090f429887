package dev.jgrad.backend;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Generator;

/**
 * The kernels of one device type. Everything device-independent (argument checks, type promotion,
 * broadcasting, output shapes and dtypes, error texts, autograd) happens above this interface, in the op
 * families; a backend only moves and computes elements. Output views are freshly allocated by the
 * caller unless a method says it writes in place. Each method switches on dtype once.
 *
 * <p>Contract shared by the math methods: operands arrive in the dtype the op computes in
 * ({@link #computeType}), broadcast to the output's shape with stride 0 on expanded dims; any strides
 * and offsets are allowed. Implementations: {@code backend.cpu.CpuBackend} (Java arrays) and
 * {@code backend.meta.MetaBackend} (no data: every kernel is a no-op, so ops compute only shapes,
 * dtypes and errors).
 */
public interface Backend {

    /** The {@link Device#type()} this backend serves. */
    String deviceType();

    /** A zero-filled buffer of numel elements. */
    Storage allocate(DType dtype, int numel, Device device);

    /** The dtype kernels compute a result dtype in (the CPU computes int32 and bool math as int64). */
    DType computeType(DType result);

    // ---------------------------------------------------------------- moving data

    /** dst = src converted to dst's dtype; src is broadcast to dst's shape. */
    void copy(View src, View dst);

    /** Every element of dst set to value; {@code exact} is the same value as a long, for int64 beyond 2^53. */
    void fill(View dst, double value, long exact);

    /** A fresh row-major Java array of the elements converted to {@code as} (float[], double[], long[], int[] or boolean[]). */
    Object toHost(View src, DType as);

    /** A storage over a Java array; on the CPU it shares the array (the array bridge), other backends copy it in. */
    Storage fromHost(Object array, Device device);

    /** The Java array a storage shares with user code ({@code .numpy()}); backends without one throw. */
    Object sharedArray(Storage storage);

    /** One element as a double ({@code item()}). */
    double readDouble(Storage storage, int index);

    /** One element as a long, exact for int64. */
    long readLong(Storage storage, int index);

    // ---------------------------------------------------------------- elementwise

    /** out = op(a) elementwise; a and out have the same shape (out already allocated, of the result dtype). */
    void unary(UnaryOp op, View a, View out);

    /** out = a op b; alpha scales b for ADD and SUB. */
    void binary(BinaryOp op, double alpha, View a, View b, View out);

    /** out (bool) = a op b. */
    void compare(CompareOp op, View a, View b, View out);

    /** out = cond ? a : b, all in out's dtype except the bool cond. */
    void where(View cond, View a, View b, View out);

    /** Float activations (GELU, SILU, LEAKY_RELU with param as its slope). */
    void activation(ActivationOp op, double param, View x, View out);

    /** In place: self += value * t1 * t2 (mul) or value * t1 / t2; t1 and t2 in self's dtype and shape. */
    void fusedUpdate(boolean mul, double value, View t1, View t2, View self);

    /**
     * relu's and threshold's backward in one pass (PyTorch's threshold_backward): out = self &lt;= threshold ? 0 : grad,
     * with threshold rounded to self's dtype first; grad, self and out have one shape and one floating dtype.
     */
    void thresholdBackward(double threshold, View grad, View self, View out);

    /**
     * gelu's backward (the exact, erf form) in one pass, PyTorch's gelu_backward: out = grad (Phi(self) + self phi(self)),
     * Phi and phi the standard normal CDF and density; grad, self and out have one shape and one floating dtype.
     */
    void geluBackward(View grad, View self, View out);

    /**
     * One Adam or AdamW update in place, in one pass over param, expAvg, expAvgSq (and maxExpAvgSq with amsgrad,
     * else null) reading grad: the arithmetic of the op-by-op update, rounded identically (see {@link AdamStep}).
     * All views are contiguous, of one shape and one dtype (float32 or float64), and share no storage.
     */
    void adamStep(AdamStep step, View param, View grad, View expAvg, View expAvgSq, View maxExpAvgSq);

    /**
     * One SGD update in place over param (and momentumBuffer when step has a momentum, else null) reading grad,
     * rounded as the op-by-op update (see {@link SgdStep}); the views as for {@link #adamStep}.
     */
    void sgdStep(SgdStep step, View param, View grad, View momentumBuffer);

    /** The elementwise binary cross entropy of probabilities p against targets y (rejects p outside [0, 1]). */
    void binaryCrossEntropy(View p, View y, View out);

    // ---------------------------------------------------------------- reductions

    /** Reduces dim of x (in out's dtype) into out; indices (int64, may be null) get the arg positions for MAX/MIN. */
    void reduce(ReduceOp op, View x, int dim, View out, View indices);

    /** Floating sum over the dims marked in reduced, in PyTorch's summation order; out is contiguous. */
    void sum(View x, boolean[] reduced, View out);

    /** Floating p-norm over the dims marked in reduced, as PyTorch's linalg.vector_norm; out is contiguous. */
    void norm(View x, double p, boolean[] reduced, View out);

    /** log(sum(exp(x))) over the dims marked in reduced; out is contiguous. */
    void logsumexp(View x, boolean[] reduced, View out);

    /** softmax or log_softmax along dim. */
    void softmax(View x, int dim, boolean log, View out);

    /**
     * softmax's backward along dim from its result y: out = y (grad - sum(grad y, dim)); for log_softmax
     * out = grad - exp(y) sum(grad, dim). grad, y and out share one shape and floating dtype.
     */
    void softmaxBackward(View grad, View y, int dim, boolean log, View out);

    /**
     * Running sums (or products) along dim: out[..i..] = x[..0..] + ... + x[..i..]. x arrives in out's
     * dtype; floating scans accumulate in float64, as PyTorch's CPU kernel does.
     */
    void scan(boolean prod, View x, int dim, View out);

    /**
     * Sorts each line of x along dim into values, and writes each value's position in its line to indices
     * (int64). NaN sorts above every number; equal values keep their order when stable.
     */
    void sort(View x, int dim, boolean descending, boolean stable, View values, View indices);

    // ---------------------------------------------------------------- linear algebra

    /**
     * Batched matrix product: a (..., n, k) times b (..., k, m) into out (..., n, m), batch dims already
     * broadcast; with accumulate, out holds a starting value (addmm's bias) that the product adds to.
     */
    void matmul(View a, View b, View out, boolean accumulate);

    /**
     * The reduced QR factorisation of each matrix of a (..., m, n): q (..., m, k) with orthonormal columns and
     * upper-triangular r (..., k, n), k = min(m, n).
     */
    void qr(View a, View q, View r);

    /**
     * LU with partial pivoting of each square matrix of a (..., n, n), as LAPACK's getrf: lu gets L (unit
     * diagonal, not stored) and U packed, pivots (..., n) the 1-based row swapped with each row, info (...) 0 or
     * the 1-based index of the first zero diagonal element of U.
     */
    void luFactor(View a, View lu, View pivots, View info);

    /** x (..., n, k) = A^-1 b for A given by luFactor's lu and pivots; all operands have x's batch dims. */
    void luSolve(View lu, View pivots, View b, View x);

    /**
     * The Cholesky factor of each matrix of a (..., n, n), read from its lower triangle into lower-triangular
     * out, or with upper from its upper triangle into upper-triangular out; info (...) gets 0 or the order of
     * the first leading minor that is not positive-definite.
     */
    void cholesky(View a, boolean upper, View out, View info);

    /**
     * Eigenvalues (..., n), ascending, and eigenvectors as the columns of vectors (..., n, n; null: not wanted)
     * of each symmetric matrix of a, read from its lower (or upper) triangle.
     */
    void eigh(View a, boolean upper, View values, View vectors);

    /**
     * The singular values s (..., k), descending, of each matrix of a (..., m, n), k = min(m, n), and unless
     * null the singular vectors u (..., m, k or m) and vh (..., k or n, n), orthonormal.
     */
    void svd(View a, View u, View s, View vh);

    // ---------------------------------------------------------------- indexing

    /** out[..i..] = self[..index[..i..]..] along dim (index is int64, out has its shape). */
    void gather(View self, int dim, View index, View out);

    /** In place: out[..index[..i..]..] += src[..i..] along dim. */
    void scatterAdd(View out, int dim, View index, View src);

    /** In place: out[..index[..i..]..] = src[..i..] along dim (of repeated positions, the last write stays). */
    void scatter(View out, int dim, View index, View src);

    /**
     * In place: out[..index[..i..]..] = out op src[..i..] along dim for PROD, MAX and MIN (a NaN wins), visiting index
     * row-major as PyTorch's scatter_reduce kernel does.
     */
    void scatterReduce(ReduceOp op, View out, int dim, View index, View src);

    /**
     * The most frequent value of each line of x along dim (the smallest on ties) into values, and into indices (int64)
     * the position PyTorch's CPU kernel reports: the last of its run after std::sort of (value, position) pairs by value.
     */
    void mode(View x, int dim, View values, View indices);

    /**
     * The lower median of the non-NaN values of each line of floating x along dim, and its position as PyTorch's CPU
     * kernel picks it (std::nth_element with NaN last; an all-NaN line gives a NaN). Shapes as for {@link #mode}.
     */
    void nanmedian(View x, int dim, View values, View indices);

    /** out = self's slices along dim at the positions in index (1-d int64); rejects positions out of range. */
    void indexSelect(View self, int dim, View index, View out);

    /** out = the rows of 2-d weight at the positions in indices (any shape); rejects positions outside [0, rows). */
    void embedding(View weight, View indices, View out);

    // ---------------------------------------------------------------- nn

    /** Normalises each contiguous row of rowLength elements, then scales by w and shifts by b (either may be null). */
    void layerNorm(View x, View w, View b, int rowLength, double eps, View out);

    /**
     * layer_norm's input gradient over rows of rowLength: rstd (gh - mean(gh) - xhat mean(gh xhat)) with gh = grad w and
     * the row statistics recomputed from x; w (of rowLength) may be null. grad, x and out share one shape and dtype.
     */
    void layerNormBackward(View grad, View x, View w, int rowLength, double eps, View out);

    /**
     * batch_norm over dim 1 of x. Training: batch statistics, and the running ones (when not null) move
     * towards them in place. Evaluation: the running statistics, whose mean and 1/sqrt(var + eps) go to
     * evalMean and evalInvstd.
     */
    void batchNorm(View x, View runningMean, View runningVar, View w, View b, boolean training, double momentum, double eps,
                   View out, View evalMean, View evalInvstd);

    /**
     * nll_loss of input (n, c, inner...) against int64 target: out is the per-position losses
     * (reduction 0) or their weighted mean (1) or sum (2); coef gets each position's d(out)/d(input at its
     * class), safeTarget the target with ignored positions set to 0. Rejects targets out of range.
     */
    void nllLoss(View input, View target, View weight, long ignoreIndex, int reduction, View out, View coef, View safeTarget);

    /** geometry = {kh, kw, sh, sw, ph, pw, dh, dw}: x (n, c, h, w) to columns (n, c*kh*kw, oh*ow). */
    void im2col(View x, int[] geometry, View cols);

    /** The adjoint of im2col: columns summed back into x (n, c, h, w), which starts zeroed. */
    void col2im(View cols, int[] geometry, View x);

    /** 2-d convolution of x (n, cin, h, w) by w (cout, cin/groups, kh, kw) plus bias b (cout, or null). */
    void conv2d(View x, View w, View b, int[] geometry, int groups, View out);

    /** conv2d's input gradient: grad (n, cout, oh, ow) by w into gradInput (n, cin, h, w), which is overwritten. */
    void conv2dInputGrad(View grad, View w, int[] geometry, int groups, View gradInput);

    /** conv2d's weight gradient: grad (n, cout, oh, ow) against x (n, cin, h, w) into gradWeight (cout, cin/groups, kh, kw), overwritten. */
    void conv2dWeightGrad(View grad, View x, int[] geometry, int groups, View gradWeight);

    /** Max over each window of x (n..., h, w); indices get the h*w position of each maximum within its plane. */
    void maxPool2d(View x, int[] geometry, View out, View indices);

    /**
     * Max pooling's backward: grad (planes..., oh, ow) added onto gradInput (planes..., h, w) at the h*w positions
     * indices names, gradInput overwritten.
     */
    void maxPoolBackward(View grad, View indices, View gradInput);

    // ---------------------------------------------------------------- creation and random

    /** out[i] = start + i * step (long arithmetic for integral dtypes, as PyTorch). */
    void arange(View out, double start, double step);

    /** PyTorch's linspace: out[i] from start to end in steps, symmetric about the middle. */
    void linspace(View out, double start, double end);

    /** Random values from g into out, in PyTorch's CPU order (see {@link RandomOp} for a and b). */
    void random(RandomOp op, Generator g, double a, double b, View out);

    /** out[i] = 1 with probability p[i] (p broadcast to out), one uniform per element: float for float32 p, double for float64 p. */
    void bernoulli(Generator g, View p, View out);
}
