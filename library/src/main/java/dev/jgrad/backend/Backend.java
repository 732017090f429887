package dev.jgrad.backend;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Generator;

/**
 * The kernels of one device type: what a backend implements so that tensors can live on its device. Everything
 * device-independent (argument checks, type promotion, broadcasting rules, output shapes and dtypes, error texts,
 * autograd) happens above this interface, in the op families ({@code dev.jgrad.internal.ops}); a backend only
 * moves and computes elements. Implementations: the CPU's ({@code backend.cpu}, Java arrays; float16 and
 * bfloat16 computed in float32, as PyTorch's CPU kernels do) and the meta device's ({@code backend.meta}: no data,
 * every kernel a no-op, so ops on meta tensors compute only shapes, dtypes and errors). A third-party backend
 * registers a {@link BackendProvider}.
 *
 * <p>What the caller guarantees, unless a method says otherwise:
 * <ul>
 *   <li>Each tensor argument is a {@link View}: a storage of this backend plus sizes, strides and an offset in
 *       elements. Input views may have any strides (transposed, sliced, expanded with stride 0) and any offset.</li>
 *   <li>Output views ("into out") were just made by {@link #allocate}: contiguous, row-major, at offset 0 of a
 *       storage of their own, zero-filled, of the shape and dtype the op's result has. Methods that write "in
 *       place" name it, and there the view may be any layout the user's tensor has.</li>
 *   <li>Operands already have the dtype the kernel computes in (the op layer converts them first); the
 *       elementwise kernels get the dtype {@link #computeType} names.</li>
 *   <li>Dims are already wrapped into {@code [0, dim())}; a 0-d tensor's reductions use dim 0.</li>
 *   <li>Geometry arrays of the window kernels ({@link #im2col}, {@link #conv2d}, {@link #maxPool2d}, ...) are
 *       {@code {kh, kw, sh, sw, ph, pw, dh, dw}}: kernel size, stride, zero padding on each side, dilation, each as
 *       (height, width); the output size is {@code (in + 2 * pad - dil * (k - 1) - 1) / stride + 1}, or what the
 *       out view's shape says (max pooling's ceil mode).</li>
 * </ul>
 * A kernel may still reject values only it sees (an index out of range, a probability outside [0, 1]); the
 * CPU backend throws {@link IllegalArgumentException} with PyTorch's text there, as the methods say.
 */
public interface Backend {

    /**
     * The device type this backend serves, as {@link Device#type()} spells it.
     *
     * @return "cpu", "meta", or a plug-in's own type ("cuda", "privateuseone")
     */
    String deviceType();

    /**
     * A new zero-filled buffer: where every op's result, and every tensor a factory function makes
     * ({@code torch.empty}, {@code zeros}, ...), gets its elements.
     *
     * @param dtype   the element type
     * @param numel   the number of elements (0 allowed)
     * @param device  the device, of this backend's type (its index, if the backend has several)
     * @return a storage of numel zeros
     * @throws IllegalArgumentException on the CPU, when more bytes are asked than the Java heap's maximum
     *         ("DefaultCPUAllocator: can't allocate memory: you tried to allocate ... bytes ...; jgrad's CPU storage
     *         lives on the Java heap, ...")
     * @throws IllegalStateException on the CPU, when a large buffer does not fit in the heap now (the same text,
     *         ending "... has no room for it now")
     */
    Storage allocate(DType dtype, int numel, Device device);

    /**
     * The dtype this backend's elementwise kernels ({@link #unary}, {@link #binary}, {@link #compare}) compute a
     * result dtype in: the op layer converts the operands to it and converts the result back. The CPU and meta
     * backends compute int32 and bool math as int64 and every floating dtype as itself.
     *
     * @param result  the dtype of the op's result, after PyTorch's type promotion
     * @return the dtype the operands and the kernel's out view have
     */
    DType computeType(DType result);

    // ---------------------------------------------------------------- moving data

    /**
     * Copies src into dst element by element, converting each to dst's dtype as {@code Tensor.to(dtype)} does
     * (floats to integers truncate towards zero; to bool: non-zero is true), with src broadcast to dst's shape
     * (src's shape is broadcastable: right-aligned, size 1 or equal per dim). Used by {@code Tensor.copy_}, {@code to(dtype)}, {@code clone},
     * {@code contiguous} and every dtype conversion; dst may be any layout (copy_ into a view writes in place).
     *
     * @param src  the source, possibly of another dtype and a broadcastable shape
     * @param dst  the destination, any layout, written in place
     * @throws UnsupportedOperationException on the meta device, when src is a meta tensor and dst is not
     *         ("Cannot copy out of meta tensor; no data!")
     */
    void copy(View src, View dst);

    /**
     * Sets every element of dst to one value, in place ({@code Tensor.fill_}, {@code zero_}, {@code torch.full},
     * {@code ones}, {@code eye}'s diagonal).
     *
     * @param dst    the destination, any layout
     * @param value  the value, converted to dst's dtype as {@link #copy} converts
     * @param exact  the same value as a long, which an int64 dst takes instead (exact beyond 2^53)
     */
    void fill(View dst, double value, long exact);

    /**
     * The elements of src as a new row-major Java array ({@code Tensor.toFloatArray()}, {@code toDoubleArray()},
     * ..., and copies between devices, which go through host memory).
     *
     * @param src  the tensor's view, any layout
     * @param as   the array's element type: float32 (float[]), float64 (double[]), int64 (long[]), int32 (int[]) or
     *             bool (boolean[]); the CPU also gives float16 and bfloat16 as short[] bit patterns
     * @return a new array of src.numel() elements, each converted as {@link #copy} converts
     * @throws UnsupportedOperationException on the meta device ("Cannot copy out of meta tensor; no data!")
     */
    Object toHost(View src, DType as);

    /**
     * A storage holding a Java array's elements ({@code torch.tensor(float[])} and friends, and the destination
     * side of a copy between devices). On the CPU the storage shares the array (writes through either are seen by
     * both); other backends copy it in.
     *
     * @param array   a float[], double[], long[], int[] or boolean[] (the dtype follows from it)
     * @param device  the device, of this backend's type
     * @return a storage of array's length
     * @throws IllegalArgumentException when array is none of those types
     */
    Storage fromHost(Object array, Device device);

    /**
     * The Java array a storage's elements live in, shared with the caller: {@code Tensor.asFloatArray()} and
     * friends (PyTorch's {@code .numpy()}). The op layer has checked that the tensor covers the whole storage,
     * contiguously, in the asked dtype.
     *
     * @param storage  a storage of this backend
     * @return the array itself (not a copy)
     * @throws IllegalStateException when the backend keeps its elements outside the Java heap (meta: "can't convert
     *         meta device type tensor to a Java array. Use Tensor.cpu() to copy the tensor to host memory first.")
     */
    Object sharedArray(Storage storage);

    /**
     * One element as a double: {@code Tensor.item()} and the tensor printer.
     *
     * @param storage  a storage of this backend
     * @param index    the element's index in the storage (a view's offset plus its strides' sum)
     * @return the element, converted to double (bool as 0 or 1)
     * @throws UnsupportedOperationException on the meta device ("Could not run 'aten::_local_scalar_dense' with
     *         arguments from the 'Meta' backend. ...")
     */
    double readDouble(Storage storage, int index);

    /**
     * One element as a long, exact for int64 beyond 2^53: {@code Tensor.itemLong()} and the tensor printer.
     *
     * @param storage  a storage of this backend
     * @param index    the element's index in the storage
     * @return the element, converted to long (floats truncated towards zero)
     * @throws UnsupportedOperationException on the meta device, as {@link #readDouble}
     */
    long readLong(Storage storage, int index);

    // ---------------------------------------------------------------- elementwise

    /**
     * out = op(a), element by element: {@code torch.neg}, {@code exp}, {@code sin}, {@code floor}, ... (one
     * {@link UnaryOp} each) and their in-place forms ({@code exp_()}: out is a itself).
     *
     * @param op   the function
     * @param a    the operand, of out's shape and dtype (the {@link #computeType} of the op's result dtype), any layout
     * @param out  the result: a fresh view, or a itself for the in-place form
     */
    void unary(UnaryOp op, View a, View out);

    /**
     * out = a op b, element by element with broadcasting: {@code torch.add}, {@code sub}, {@code mul}, {@code div},
     * {@code pow}, {@code maximum}, {@code remainder}, {@code bitwise_and}, ... (one {@link BinaryOp} each), their
     * in-place forms ({@code add_()}: out is a itself) and the clamps.
     *
     * @param op     the function
     * @param alpha  the factor b is multiplied by first, for ADD and SUB ({@code torch.add(a, b, alpha=...)}); 1 otherwise
     * @param a      the first operand, in out's dtype, of a shape broadcastable to out's (right-aligned, size 1 or
     *               equal per dim; a number arrives as a 0-d view), any layout
     * @param b      the second operand, as a
     * @param out    the result, of the broadcast shape and the {@link #computeType} of the result dtype: a fresh
     *               view, or a itself for the in-place form
     * @throws IllegalArgumentException on the CPU, for an integral REMAINDER or FLOOR_DIVIDE by zero
     *         ("ZeroDivisionError", PyTorch's text)
     */
    void binary(BinaryOp op, double alpha, View a, View b, View out);

    /**
     * out = a op b as bool, element by element with broadcasting: {@code torch.eq}, {@code ne}, {@code lt},
     * {@code le}, {@code gt}, {@code ge}, {@code logical_and}, {@code logical_or}, {@code logical_xor}
     * (one {@link CompareOp} each). A NaN compares unequal to everything, itself included.
     *
     * @param op   the comparison
     * @param a    the first operand, in the {@link #computeType} of the operands' promoted dtype, of a shape
     *             broadcastable to out's, any layout
     * @param b    the second operand, as a
     * @param out  the fresh bool result, of the broadcast shape (never empty)
     */
    void compare(CompareOp op, View a, View b, View out);

    /**
     * out = cond ? a : b, element by element with broadcasting: {@code torch.where(cond, a, b)} (and
     * {@code masked_fill}, which is built on it).
     *
     * @param cond  the bool condition, of a shape broadcastable to out's, any layout
     * @param a     the values where cond is true, in out's dtype, broadcastable, any layout
     * @param b     the values where cond is false, as a
     * @param out   the fresh result, of the broadcast shape and the promoted dtype of a and b (never empty)
     */
    void where(View cond, View a, View b, View out);

    /**
     * The activations with kernels of their own: {@code F.gelu} (exact or tanh), {@code F.silu} and
     * {@code F.leaky_relu} (see {@link ActivationOp}).
     *
     * @param op     the activation
     * @param param  LEAKY_RELU's negative slope; 0 for the others
     * @param x      the input, floating, any layout
     * @param out    the fresh result, of x's shape and dtype
     */
    void activation(ActivationOp op, double param, View x, View out);

    /**
     * In place: self += value * t1 * t2 (mul) or self += value * t1 / t2, each element computed in self's dtype in
     * PyTorch's order: {@code Tensor.addcmul_} and {@code addcdiv_} (what the op-by-op optimizers use), and the
     * out-of-place {@code torch.addcmul}/{@code addcdiv} on a fresh copy of self.
     *
     * @param mul    true for addcmul, false for addcdiv
     * @param value  the factor
     * @param t1     the first tensor, in self's dtype and shape (expanded, so possibly stride 0), any layout
     * @param t2     the second tensor, as t1
     * @param self   the floating tensor updated in place, any layout
     */
    void fusedUpdate(boolean mul, double value, View t1, View t2, View self);

    /**
     * relu's and threshold's backward in one pass (PyTorch's {@code threshold_backward}): out = self &lt;= threshold
     * ? 0 : grad (grad where self is NaN), with threshold rounded to self's dtype first.
     *
     * @param threshold  the threshold (0 for relu)
     * @param grad       the incoming gradient, any layout
     * @param self       the forward input (or relu's result), of grad's shape and floating dtype, any layout
     * @param out        the result, of grad's shape and dtype: a fresh view, or grad itself (contiguous) when the
     *                   autograd engine owns that gradient buffer
     */
    void thresholdBackward(double threshold, View grad, View self, View out);

    /**
     * gelu's backward (the exact, erf form) in one pass, PyTorch's {@code gelu_backward}: out = grad (Phi(self) +
     * self phi(self)), Phi and phi the standard normal CDF and density ({@code F.gelu}'s backward).
     *
     * @param grad  the incoming gradient, any layout
     * @param self  the forward input, of grad's shape and floating dtype, any layout
     * @param out   the result, of grad's shape and dtype: a fresh view, or grad itself (contiguous) when the
     *              autograd engine owns that gradient buffer
     */
    void geluBackward(View grad, View self, View out);

    /**
     * One Adam or AdamW update in place ({@code optim.Adam} and {@code optim.AdamW}'s fused path), in one pass over
     * param, expAvg, expAvgSq (and maxExpAvgSq with amsgrad) reading grad, with the arithmetic and rounding of the
     * op-by-op update, so both give the same bits (see {@link AdamStep}).
     *
     * @param step         the update's numbers
     * @param param        the parameter, updated in place
     * @param grad         its gradient, read only
     * @param expAvg       the first moment, updated in place
     * @param expAvgSq     the second moment, updated in place
     * @param maxExpAvgSq  the running maximum of the second moment with amsgrad (updated in place), else null
     *                     (all views contiguous, of one shape and one dtype, float32 or float64, sharing no storage)
     */
    void adamStep(AdamStep step, View param, View grad, View expAvg, View expAvgSq, View maxExpAvgSq);

    /**
     * One SGD update in place ({@code optim.SGD}'s fused path), rounded as the op-by-op update (see
     * {@link SgdStep}).
     *
     * @param step            the update's numbers
     * @param param           the parameter, updated in place
     * @param grad            its gradient, read only
     * @param momentumBuffer  the momentum buffer when step has a momentum (written on the first step, updated
     *                        after), else null (views as for {@link #adamStep})
     */
    void sgdStep(SgdStep step, View param, View grad, View momentumBuffer);

    /**
     * One Adadelta update in place ({@code optim.Adadelta}'s fused path) over param, squareAvg and accDelta reading
     * grad, rounded as the op-by-op update, so both give the same bits (see {@link AdadeltaStep}).
     *
     * @param step       the update's numbers
     * @param param      the parameter, updated in place
     * @param grad       its gradient, read only
     * @param squareAvg  the running average of squared gradients, updated in place
     * @param accDelta   the running average of squared updates, updated in place (views as for {@link #adamStep})
     */
    void adadeltaStep(AdadeltaStep step, View param, View grad, View squareAvg, View accDelta);

    /**
     * The elementwise binary cross entropy, {@code -(y log(p) + (1 - y) log(1 - p))} with each log clamped to at
     * least -100 as PyTorch's kernel does: {@code F.binary_cross_entropy} before its weight and reduction.
     *
     * @param p    the probabilities, floating, any layout
     * @param y    the targets, of p's shape and dtype, any layout
     * @param out  the fresh per-element losses, of p's shape and dtype
     * @throws IllegalArgumentException on the CPU, when an element of p is outside [0, 1] or NaN ("all elements of
     *         input should be between 0 and 1")
     */
    void binaryCrossEntropy(View p, View y, View out);

    // ---------------------------------------------------------------- reductions

    /**
     * Reduces one dim of x: {@code torch.sum} of integral tensors, {@code prod}, {@code amax}/{@code amin},
     * {@code max(dim)}/{@code min(dim)} (with indices), {@code all}, {@code any}, and the norms built on them.
     * Reductions over several dims are done one dim at a time.
     *
     * @param op       the reduction (MAX and MIN propagate NaN)
     * @param x        the input, in out's dtype, any layout; x's dim has at least one element and out at least one
     * @param dim      the dim reduced (0 for a 0-d x)
     * @param out      the fresh result: x's shape without dim, or with size 1 there (keepdim); the layout is
     *                 (outer, inner) row-major either way
     * @param indices  MAX and MIN only, when positions are wanted: a fresh int64 view of out's shape for each
     *                 extreme's position along dim (the first on ties); else null
     */
    void reduce(ReduceOp op, View x, int dim, View out, View indices);

    /**
     * The float32 or float64 sum over a set of dims, added in the order PyTorch 1.13's CPU kernel adds (it depends on
     * the memory layout, the dims and the thread count), so the bits agree: {@code torch.sum}, {@code mean}, and
     * every floating sum the library does internally.
     *
     * @param x        the input, float32 or float64, any layout, not empty
     * @param reduced  per dim of x, whether it is summed over (all true: the whole tensor)
     * @param out      the fresh result in x's dtype: x's shape with the reduced dims removed, or set to 1 (keepdim)
     */
    void sum(View x, boolean[] reduced, View out);

    /**
     * The float32 or float64 p-norm over a set of dims, as PyTorch 1.13's {@code torch.linalg.vector_norm} computes it
     * ({@code Tensor.norm}, {@code nn.utils.clip_grad_norm_}).
     *
     * @param x        the input, float32 or float64, any layout
     * @param p        the order: any real, {@code Double.POSITIVE_INFINITY} (max |x|) or {@code NEGATIVE_INFINITY} (min |x|)
     * @param reduced  per dim of x, whether it is reduced over
     * @param out      the fresh result, shaped as for {@link #sum}
     */
    void norm(View x, double p, boolean[] reduced, View out);

    /**
     * log(sum(exp(x))) over a set of dims, shifted by the maximum so large values do not overflow
     * ({@code torch.logsumexp}).
     *
     * @param x        the floating input, any layout
     * @param reduced  per dim of x, whether it is reduced over ({@code {true}} for a 0-d x)
     * @param out      the fresh result, shaped as for {@link #sum}
     */
    void logsumexp(View x, boolean[] reduced, View out);

    /**
     * softmax or log_softmax along one dim, computed without overflow: {@code F.softmax}, {@code F.log_softmax}
     * (and {@code F.cross_entropy}, which uses the latter).
     *
     * @param x    the floating input, any layout (0-d: one element)
     * @param dim  the dim normalised over
     * @param log  true for log_softmax
     * @param out  the fresh result, of x's shape and dtype
     */
    void softmax(View x, int dim, boolean log, View out);

    /**
     * softmax's backward along dim from its result y, PyTorch's {@code _softmax_backward_data}: out = y (grad -
     * sum(grad y, dim)); for log_softmax ({@code _log_softmax_backward_data}) out = grad - exp(y) sum(grad, dim).
     *
     * @param grad  the incoming gradient, of y's shape and dtype, any layout
     * @param y     the forward result, floating, any layout
     * @param dim   the dim the forward normalised over
     * @param log   true for log_softmax
     * @param out   the fresh result, of y's shape and dtype
     */
    void softmaxBackward(View grad, View y, int dim, boolean log, View out);

    /**
     * Running sums or products along one dim, out[..i..] = x[..0..] op ... op x[..i..]: {@code torch.cumsum} and
     * {@code cumprod}. Floating scans accumulate in float64, as PyTorch's CPU kernel does.
     *
     * @param prod  true for products, false for sums
     * @param x     the input, already in out's dtype, any layout, not empty
     * @param dim   the dim scanned along
     * @param out   the fresh result, of x's shape (int64 for integral and bool inputs unless a dtype was asked)
     */
    void scan(boolean prod, View x, int dim, View out);

    /**
     * Sorts each line of x along dim: {@code torch.sort}, {@code argsort}, {@code topk}, {@code median},
     * {@code unique} and an integral {@code nanmedian}, which are built on it. NaN sorts above every number.
     *
     * @param x           the input, any dtype, any layout, not empty
     * @param dim         the dim sorted along
     * @param descending  largest first
     * @param stable      whether equal values keep their order (PyTorch's stable=True)
     * @param values      the fresh sorted values, of x's shape and dtype
     * @param indices     the fresh int64 positions in the line of each value, of x's shape
     */
    void sort(View x, int dim, boolean descending, boolean stable, View values, View indices);

    // ---------------------------------------------------------------- linear algebra

    /**
     * Batched matrix product out = a @ b (+ out): {@code torch.mm}, {@code bmm}, {@code matmul}, {@code addmm}
     * ({@code nn.Linear}), and the products inside pooling, convolutions and decompositions.
     *
     * @param a           (..., n, k), in out's dtype (float32, float64, or int64 for integral matmul), any strides
     *                    (batch dims already broadcast to out's, stride 0 where they repeat)
     * @param b           (..., k, m), as a
     * @param out         the result (..., n, m), contiguous at offset 0
     * @param accumulate  false: out is overwritten (fresh); true: out holds a starting value (addmm's bias broadcast
     *                    into every row) that the product is added to
     */
    void matmul(View a, View b, View out, boolean accumulate);

    /**
     * The reduced QR factorisation a = q r of each matrix ({@code torch.linalg.qr}, modes "reduced" and "r").
     *
     * @param a  (..., m, n), floating, any layout, not empty
     * @param q  the fresh (..., m, k), k = min(m, n), with orthonormal columns
     * @param r  the fresh upper-triangular (..., k, n)
     */
    void qr(View a, View q, View r);

    /**
     * LU factorisation with partial pivoting of each square matrix, as LAPACK's getrf: {@code torch.linalg.lu_factor},
     * and through it {@code linalg.inv}, {@code det}, {@code slogdet}, {@code solve}. A singular matrix is not an
     * error here: info says so.
     *
     * @param a       (..., n, n), floating, any layout, not empty
     * @param lu      the fresh (..., n, n): U on and above the diagonal, L's multipliers below (its unit
     *                diagonal not stored)
     * @param pivots  the fresh int32 (..., n): for each row i, the 1-based row it was swapped with
     * @param info    the fresh int32 (...): 0, or the 1-based index of U's first zero diagonal element
     */
    void luFactor(View a, View lu, View pivots, View info);

    /**
     * Solves a x = b for each matrix from its LU factors ({@code torch.linalg.lu_solve}, {@code solve}, {@code inv}).
     *
     * @param lu      {@link #luFactor}'s lu, (..., n, n)
     * @param pivots  {@link #luFactor}'s int32 pivots, (..., n)
     * @param b       the right-hand sides (..., n, k), contiguous, with lu's batch dims
     * @param x       the fresh solution, of b's shape and dtype
     */
    void luSolve(View lu, View pivots, View b, View x);

    /**
     * The Cholesky factor of each symmetric positive-definite matrix: {@code torch.linalg.cholesky} and
     * {@code torch.cholesky}. A matrix that is not positive-definite is not an error here: info says so, and the op
     * layer raises PyTorch's error.
     *
     * @param a      (..., n, n), floating, any layout, not empty; only the triangle the factor comes from is read
     * @param upper  false: L (lower-triangular, a = L L^T) from a's lower triangle; true: U (a = U^T U) from the upper
     * @param out    the fresh factor, of a's shape, zero on the other side of the diagonal
     * @param info   the fresh int32 (...): 0, or the order of the first leading minor that is not positive-definite
     */
    void cholesky(View a, boolean upper, View out, View info);

    /**
     * The eigendecomposition of each symmetric matrix: {@code torch.linalg.eigh} and {@code eigvalsh}.
     *
     * @param a        (..., n, n), float32 or float64, any layout, not empty; only one triangle is read
     * @param upper    read a's upper triangle (UPLO "U") instead of its lower one ("L")
     * @param values   the fresh eigenvalues (..., n), ascending
     * @param vectors  the fresh orthonormal eigenvectors as columns, (..., n, n), or null when not wanted
     */
    void eigh(View a, boolean upper, View values, View vectors);

    /**
     * The singular value decomposition a = u diag(s) vh of each matrix: {@code torch.linalg.svd} and
     * {@code svdvals}.
     *
     * @param a   (..., m, n), floating, any layout, not empty
     * @param u   the fresh left singular vectors (..., m, k) (reduced) or (..., m, m) (full_matrices), orthonormal
     *            columns; null (with vh) when only s is wanted
     * @param s   the fresh singular values (..., k), k = min(m, n), descending
     * @param vh  the fresh right singular vectors (..., k, n) or (..., n, n), orthonormal rows; null with u
     */
    void svd(View a, View u, View s, View vh);

    // ---------------------------------------------------------------- indexing

    /**
     * out[..i..] = self[..index[..i..]..] along dim, the other coordinates kept: {@code torch.gather}
     * ({@code take_along_dim} and several backward formulas use it).
     *
     * @param self   the source, any layout
     * @param dim    the dim the index values select along
     * @param index  int64, with self's number of dims (index.size(d) &lt;= self.size(d) for d != dim), any layout
     * @param out    the fresh result, of index's shape and self's dtype
     * @throws IllegalArgumentException on the CPU, for an index value outside [0, self.size(dim)) ("index 5 is out of
     *         bounds for dimension 1 with size 3") or an index larger than self on another dim ("Size does not match
     *         at dimension ...")
     */
    void gather(View self, int dim, View index, View out);

    /**
     * In place: out[..index[..i..]..] += src[..i..] along dim, repeated positions adding up: {@code torch.scatter_add}
     * ({@code index_add}, {@code scatter_reduce}'s sum and mean, and gather's backward use it).
     *
     * @param out    a fresh copy of self, updated in place
     * @param dim    the dim the index values select along
     * @param index  int64, with out's number of dims, any layout
     * @param src    the values, of index's shape and out's dtype, any layout
     * @throws IllegalArgumentException on the CPU, for index values out of range, as {@link #gather}
     */
    void scatterAdd(View out, int dim, View index, View src);

    /**
     * In place: out[..index[..i..]..] = src[..i..] along dim; of repeated positions the last write (in index's
     * row-major order) stays: {@code torch.scatter} ({@code index_copy}, {@code index_fill} use it).
     *
     * @param out    a fresh copy of self, updated in place
     * @param dim    the dim the index values select along
     * @param index  int64, with out's number of dims, any layout
     * @param src    the values, of index's shape and out's dtype, any layout
     * @throws IllegalArgumentException on the CPU, for index values out of range, as {@link #gather}
     */
    void scatter(View out, int dim, View index, View src);

    /**
     * In place: out[..index[..i..]..] = out[..] op src[..i..] along dim, visiting index in row-major order as
     * PyTorch's kernel does (so float products round alike): {@code torch.scatter_reduce} with "prod", "amax" or
     * "amin" (a NaN wins the extremes).
     *
     * @param op     PROD, MAX or MIN
     * @param out    the starting values (self, or the reduction's identity where include_self=False), updated in place
     * @param dim    the dim the index values select along
     * @param index  int64, with out's number of dims, already checked against out's sizes
     * @param src    the values, of index's shape and out's dtype
     */
    void scatterReduce(ReduceOp op, View out, int dim, View index, View src);

    /**
     * The most frequent value of each line of x along dim (the smallest on ties), and the position PyTorch's CPU kernel
     * reports for it: the last of its run after sorting (value, position) pairs by value ({@code torch.mode}).
     *
     * @param x        the input, any dtype, any layout; x's dim is not empty
     * @param dim      the dim (0 for a 0-d x)
     * @param values   the fresh modes: x's shape with size 1 at dim
     * @param indices  the fresh int64 positions, of values' shape
     */
    void mode(View x, int dim, View values, View indices);

    /**
     * The lower median of the non-NaN values of each line of x along dim, and its position as PyTorch's CPU kernel
     * picks it (std::nth_element with NaN last); an all-NaN line gives NaN ({@code torch.nanmedian(dim)}; integral
     * inputs are done by sorting instead).
     *
     * @param x        the floating input, at least 1-d, any layout; x's dim is not empty
     * @param dim      the dim
     * @param values   the fresh medians: x's shape with size 1 at dim
     * @param indices  the fresh int64 positions, of values' shape
     */
    void nanmedian(View x, int dim, View values, View indices);

    /**
     * out = self's slices along dim at the positions index lists, in its order: {@code torch.index_select}.
     *
     * @param self   the source, any layout (0-d: one element)
     * @param dim    the dim selected along
     * @param index  int64 or int32, 0-d or 1-d, any layout
     * @param out    the fresh result: self's shape with index.numel() at dim
     * @throws IllegalArgumentException on the CPU, for a position outside [0, self.size(dim)): "index out of range in
     *         self", or, for dim 1 of a tensor of two or more dims, "INDICES element is out of DATA bounds, id=5
     *         axis_dim=3" (PyTorch's two texts)
     */
    void indexSelect(View self, int dim, View index, View out);

    /**
     * out = the rows of weight at the positions in indices: {@code F.embedding} and {@code nn.Embedding}.
     *
     * @param weight   the table (num_embeddings, embedding_dim), any layout
     * @param indices  int64 or int32, any shape, any layout
     * @param out      the fresh result: indices' shape plus (embedding_dim), weight's dtype
     * @throws IllegalArgumentException on the CPU, for a position outside [0, num_embeddings) ("index out of range in
     *         self")
     */
    void embedding(View weight, View indices, View out);

    // ---------------------------------------------------------------- nn

    /**
     * Normalises each row of rowLength consecutive (row-major) elements to mean 0 and variance 1 (biased, eps added
     * to it), then scales by w and shifts by b: {@code F.layer_norm} and {@code nn.LayerNorm}.
     *
     * @param x          the floating input (*, normalized_shape), any layout
     * @param w          the weight, of normalized_shape, or null (1)
     * @param b          the bias, of normalized_shape, or null (0)
     * @param rowLength  the number of elements normalized_shape covers (x.numel() is a multiple of it)
     * @param eps        added to the variance
     * @param out        the fresh result, of x's shape and dtype
     */
    void layerNorm(View x, View w, View b, int rowLength, double eps, View out);

    /**
     * layer_norm's input gradient over rows of rowLength ({@code F.layer_norm}'s backward for the input): rstd (gh -
     * mean(gh) - xhat mean(gh xhat)) with gh = grad w and the row statistics recomputed from x.
     *
     * @param grad       the incoming gradient, of x's shape and dtype, any layout
     * @param x          the forward input (*, normalized_shape), floating, any layout
     * @param w          the weight, of normalized_shape, or null (1)
     * @param rowLength  the number of elements normalized_shape covers
     * @param eps        added to the variance, as in the forward
     * @param out        the fresh input gradient, of x's shape and dtype
     */
    void layerNormBackward(View grad, View x, View w, int rowLength, double eps, View out);

    /**
     * Batch normalisation over dim 1 of x: {@code F.batch_norm}, {@code nn.BatchNorm1d/2d/3d}. Training: normalises
     * with the batch's statistics (biased variance) and moves the running ones, when given, towards them in place:
     * {@code running = (1 - momentum) * running + momentum * batch}, the variance unbiased there. Evaluation:
     * normalises with the running statistics.
     *
     * @param x            the floating input (N, C, *), any layout (at least 2 values per channel when training)
     * @param runningMean  (C), updated in place when training; may be null when training
     * @param runningVar   (C), as runningMean
     * @param w            the weight (C), or null (1)
     * @param b            the bias (C), or null (0)
     * @param training     whether the batch statistics are used
     * @param momentum     the running statistics' update factor
     * @param eps          added to the variance
     * @param out          the fresh result, of x's shape and dtype
     * @param evalMean     evaluation only (else null): the fresh (C) gets the mean used, for the backward
     * @param evalInvstd   evaluation only (else null): the fresh (C) gets 1 / sqrt(running_var + eps)
     */
    void batchNorm(View x, View runningMean, View runningVar, View w, View b, boolean training, double momentum, double eps,
                   View out, View evalMean, View evalInvstd);

    /**
     * The negative log likelihood loss {@code -weight[t] * input[t]} per position: {@code F.nll_loss},
     * {@code nn.NLLLoss} (and {@code F.cross_entropy} after log_softmax). Positions whose target is ignoreIndex
     * count neither in the loss nor in the mean's weight total.
     *
     * @param input        the floating log-probabilities: (C), or (N, C, d1, ...)
     * @param target       the int64 classes: () for a 1-d input, else (N, d1, ...), any layout
     * @param weight       the per-class weights (C), or null (all 1)
     * @param ignoreIndex  the target value that is skipped
     * @param reduction    0: none, 1: the weighted mean, 2: the sum
     * @param out          the fresh result: target's shape (reduction 0) or 0-d
     * @param coef         the fresh per-position d(out)/d(input at the target class), of target's shape and input's dtype
     *                     (what the backward scatters)
     * @param safeTarget   the fresh int64 copy of target with ignored positions set to 0, of target's shape
     * @throws IllegalArgumentException on the CPU, for a target outside [0, C) that is not ignoreIndex ("Target 7 is
     *         out of bounds.")
     */
    void nllLoss(View input, View target, View weight, long ignoreIndex, int reduction, View out, View coef, View safeTarget);

    /**
     * Unfolds the sliding windows of x into columns: {@code F.unfold}, {@code nn.Unfold}, and the convolutions'
     * backward where a graph of it is wanted. Column l holds window l's elements, channel-major then (kh, kw).
     *
     * @param x         the floating input (N, C, H, W), any layout
     * @param geometry  {@code {kh, kw, sh, sw, ph, pw, dh, dw}}
     * @param cols      the fresh result (N, C * kh * kw, oh * ow), x's dtype; padded positions read as 0
     */
    void im2col(View x, int[] geometry, View cols);

    /**
     * The adjoint of {@link #im2col}: each column's elements added back at their window's positions (overlaps add up):
     * {@code F.fold}, {@code nn.Fold}.
     *
     * @param cols      the floating columns (N, C * kh * kw, L), L the number of windows, any layout
     * @param geometry  {@code {kh, kw, sh, sw, ph, pw, dh, dw}}
     * @param x         the fresh zero-filled result (N, C, H, W), H and W being output_size
     */
    void col2im(View cols, int[] geometry, View x);

    /**
     * 2-d cross-correlation plus bias: {@code F.conv2d}, {@code nn.Conv2d} (and {@code conv1d} as a 2-d convolution
     * of height 1).
     *
     * @param x         the input (N, C_in, H, W), floating, any layout
     * @param w         the weight (C_out, C_in / groups, kh, kw), x's dtype, any layout
     * @param b         the bias (C_out), or null
     * @param geometry  {@code {kh, kw, sh, sw, ph, pw, dh, dw}}
     * @param groups    the number of groups (divides C_in and C_out)
     * @param out       the fresh result (N, C_out, oh, ow)
     */
    void conv2d(View x, View w, View b, int[] geometry, int groups, View out);

    /**
     * conv2d's input gradient (a transposed convolution of grad by w), used by conv2d's backward when no graph of the
     * backward is wanted.
     *
     * @param grad       the output gradient (N, C_out, oh, ow), any layout
     * @param w          the weight (C_out, C_in / groups, kh, kw), any layout
     * @param geometry   the forward's {@code {kh, kw, sh, sw, ph, pw, dh, dw}}
     * @param groups     the forward's groups
     * @param gradInput  the fresh result (N, C_in, H, W), of the forward input's shape
     */
    void conv2dInputGrad(View grad, View w, int[] geometry, int groups, View gradInput);

    /**
     * conv2d's weight gradient (grad correlated with x), used by conv2d's backward when no graph of the backward is
     * wanted.
     *
     * @param grad        the output gradient (N, C_out, oh, ow), any layout
     * @param x           the forward input (N, C_in, H, W), any layout
     * @param geometry    the forward's {@code {kh, kw, sh, sw, ph, pw, dh, dw}}
     * @param groups      the forward's groups
     * @param gradWeight  the fresh result (C_out, C_in / groups, kh, kw)
     */
    void conv2dWeightGrad(View grad, View x, int[] geometry, int groups, View gradWeight);

    /**
     * The maximum over each window of each plane, padding never winning: {@code F.max_pool2d}, {@code nn.MaxPool2d}
     * (and the 1-d form). A NaN in a window is its maximum.
     *
     * @param x         the floating input (C, H, W) or (N, C, H, W), any layout
     * @param geometry  {@code {kh, kw, sh, sw, ph, pw, dh, dw}} (padding at most half the kernel)
     * @param out       the fresh result (..., oh, ow): its shape gives the number of windows (ceil_mode included)
     * @param indices   the fresh int64 result of out's shape: each maximum's flat position h * W + w in its plane
     *                  (PyTorch's return_indices)
     */
    void maxPool2d(View x, int[] geometry, View out, View indices);

    /**
     * Max pooling's backward: each element of grad added at the position indices names in its plane of gradInput.
     *
     * @param grad       the output gradient (..., oh, ow), any layout
     * @param indices    {@link #maxPool2d}'s int64 indices, of grad's shape
     * @param gradInput  the fresh result (..., H, W), of the forward input's shape, overwritten
     */
    void maxPoolBackward(View grad, View indices, View gradInput);

    // ---------------------------------------------------------------- creation and random

    /**
     * out[i] = start + i * step: {@code torch.arange}. For integral dtypes start and step are converted to the
     * integer type first and the arithmetic is integral, as PyTorch's.
     *
     * @param out    the fresh 1-d result; its length (the number of values) and dtype come from the caller
     * @param start  the first value
     * @param step   the difference between neighbours
     * @throws IllegalArgumentException on the CPU, for a bool out ("\"arange_cpu\" not implemented for 'Bool'")
     */
    void arange(View out, double start, double step);

    /**
     * PyTorch's {@code torch.linspace} values: out[i] = start + i * step for the first half and end - (n - 1 - i) *
     * step for the second, step = (end - start) / (n - 1), so both ends are exact.
     *
     * @param out    the fresh 1-d floating result of n &gt;= 2 elements (the caller does n 0 and 1 itself)
     * @param start  the first value
     * @param end    the last value
     */
    void linspace(View out, double start, double end);

    /**
     * Fills out with random values from g, drawing the same stream PyTorch's CPU generator draws for the same seed:
     * {@code torch.rand}, {@code randn}, {@code randint}, and the in-place fills {@code uniform_}, {@code normal_},
     * {@code bernoulli_(p)}, {@code random_}, {@code exponential_}, {@code cauchy_}, {@code log_normal_},
     * {@code geometric_}.
     *
     * @param op   the distribution
     * @param g    the generator (the default one when the user gave none), advanced by the draws
     * @param a    the first parameter ({@link RandomOp} names it per op)
     * @param b    the second parameter, or unused
     * @param out  the tensor filled in place, any layout, floating (integral too for RANDINT and BERNOULLI)
     * @throws IllegalArgumentException on the CPU, for RANDINT into a bool out ("\"random_from_to\" not implemented
     *         for 'Bool'"); the op layer checks the parameters (from &lt; to, 0 &lt;= p &lt;= 1, ...) before
     */
    void random(RandomOp op, Generator g, double a, double b, View out);

    /**
     * out[i] = 1 with probability p[i], else 0, from one uniform draw per element (float for float32 p, double for
     * float64 p, as PyTorch's kernel): {@code torch.bernoulli(p)} and {@code Tensor.bernoulli_(p)} with a tensor p.
     *
     * @param g    the generator, advanced by the draws
     * @param p    the floating probabilities, expanded to out's shape (stride 0 where broadcast)
     * @param out  the tensor filled in place, any layout
     * @throws IllegalArgumentException on the CPU, for a probability outside [0, 1] or NaN ("Expected p_in &gt;= 0
     *         &amp;&amp; p_in &lt;= 1 to be true, but got false.  (Could this error message be improved? ...)")
     */
    void bernoulli(Generator g, View p, View out);
}
