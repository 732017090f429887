package dev.jgrad;

import dev.jgrad.kernels.cpu.BinaryOp;
import dev.jgrad.kernels.cpu.CompareOp;
import dev.jgrad.kernels.cpu.UnaryOp;
import java.util.Objects;

/**
 * An n-dimensional array with PyTorch's semantics: a storage plus shape, strides and offset, so views
 * share memory with their base. Ops come in method form ({@code a.add(b)}), in-place form
 * ({@code a.add_(b)}) and static form ({@link Torch#add(Tensor, Tensor)}).
 *
 * <p>The work is done elsewhere so this class stays a readable index: {@link Elementwise} (math and
 * comparisons), {@link Reductions}, {@link Views} (no-copy reshaping and indexing), {@link Copying}
 * (dtype changes, copies, fills), {@link LinearAlgebra} (matmul family) and {@link Creation} (factories).
 */
public class Tensor {
    // layout; mutable only for out= resizing
    Storage storage;
    int[] shape;
    int[] stride;
    int offset;

    /** A Java number taking part in an op (see {@link Scalar}). */
    boolean wrappedNumber;

    // autograd state
    boolean requiresGrad;
    Node gradFn;
    Tensor grad;

    Tensor(Storage storage, int[] shape, int[] stride, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.stride = stride;
        this.offset = offset;
    }

    /** A tensor sharing {@code data}'s storage and layout; subclasses such as Parameter build on it. */
    protected Tensor(Tensor data) {
        Objects.requireNonNull(data, "data");
        this.storage = data.storage;
        this.shape = data.shape;
        this.stride = data.stride;
        this.offset = data.offset;
    }

    static Tensor contiguousOf(Storage storage, int[] shape) {
        return new Tensor(storage, shape, Shapes.contiguousStrides(shape), 0);
    }

    // ---------------------------------------------------------------- attributes

    /** The sizes as a fresh long[]. */
    public long[] shape() { return Shapes.toLong(shape); }

    /** {@code torch.Size}, printing as {@code torch.Size([2, 3])}. */
    public Size size() { return new Size(Shapes.toLong(shape)); }

    /** The size of one dim; negative dims count from the end. */
    public long size(int dim) {
        if (shape.length == 0) throw new IllegalArgumentException(
                "Dimension specified as " + dim + " but tensor has no dimensions");
        return shape[Shapes.wrapDim(dim, shape.length)];
    }

    public int dim() { return shape.length; }

    /** Same as {@link #dim()}, as {@code Tensor.ndim}. */
    public int ndim() { return shape.length; }

    public long numel() { return Shapes.numel(shape); }

    public DType dtype() { return storage.dtype; }

    public Device device() { return storage.device; }

    public long[] stride() { return Shapes.toLong(stride); }

    public long stride(int dim) {
        if (shape.length == 0) throw new IllegalArgumentException(
                "Dimension specified as " + dim + " but tensor has no dimensions");
        return stride[Shapes.wrapDim(dim, shape.length)];
    }

    /** The element offset of this view into its storage. */
    public long storageOffset() { return offset; }

    public boolean isContiguous() { return Shapes.isContiguous(shape, stride); }

    public boolean isFloatingPoint() { return storage.dtype.isFloatingPoint(); }

    /** True when both tensors view the same storage. */
    public boolean sharesStorageWith(Tensor other) { return other != null && other.storage == storage; }

    // ---------------------------------------------------------------- scalars and arrays

    /** The single element as a double: {@code only one element tensors can be converted to Java scalars} otherwise. */
    public double item() { return storage.getDouble(singleIndex()); }

    /** The single element as a long (exact for int64). */
    public long itemLong() { return storage.getLong(singleIndex()); }

    public boolean itemBool() { return storage.getDouble(singleIndex()) != 0; }

    private int singleIndex() {
        if (Shapes.numel(shape) != 1) {
            throw new IllegalArgumentException("only one element tensors can be converted to Java scalars");
        }
        return offset;
    }

    /** A row-major copy of every element, converted to double. */
    public double[] toDoubleArray() { return (double[]) Copying.toArray(this, DType.FLOAT64); }

    public float[] toFloatArray() { return (float[]) Copying.toArray(this, DType.FLOAT32); }

    public long[] toLongArray() { return (long[]) Copying.toArray(this, DType.INT64); }

    public int[] toIntArray() { return (int[]) Copying.toArray(this, DType.INT32); }

    public boolean[] toBooleanArray() { return (boolean[]) Copying.toArray(this, DType.BOOL); }

    /** The shared backing array (PyTorch's {@code .numpy()}): writes go both ways. */
    public float[] asFloatArray() { return (float[]) Copying.backingArray(this, DType.FLOAT32); }

    public double[] asDoubleArray() { return (double[]) Copying.backingArray(this, DType.FLOAT64); }

    public long[] asLongArray() { return (long[]) Copying.backingArray(this, DType.INT64); }

    public int[] asIntArray() { return (int[]) Copying.backingArray(this, DType.INT32); }

    public boolean[] asBooleanArray() { return (boolean[]) Copying.backingArray(this, DType.BOOL); }

    // ---------------------------------------------------------------- arithmetic

    public Tensor add(Tensor other) { return Elementwise.binary("add", BinaryOp.ADD, this, other, 1); }

    public Tensor add(Tensor other, double alpha) { return Elementwise.binary("add", BinaryOp.ADD, this, other, alpha); }

    public Tensor add(double other) { return add(Scalar.of(other)); }

    public Tensor add(long other) { return add(Scalar.of(other)); }

    public Tensor add_(Tensor other) { return Elementwise.binaryInPlace("add", BinaryOp.ADD, this, other, 1); }

    public Tensor add_(Tensor other, double alpha) { return Elementwise.binaryInPlace("add", BinaryOp.ADD, this, other, alpha); }

    public Tensor add_(double other) { return add_(Scalar.of(other)); }

    public Tensor add_(long other) { return add_(Scalar.of(other)); }

    public Tensor sub(Tensor other) { return Elementwise.binary("sub", BinaryOp.SUB, this, other, 1); }

    public Tensor sub(Tensor other, double alpha) { return Elementwise.binary("sub", BinaryOp.SUB, this, other, alpha); }

    public Tensor sub(double other) { return sub(Scalar.of(other)); }

    public Tensor sub(long other) { return sub(Scalar.of(other)); }

    public Tensor sub_(Tensor other) { return Elementwise.binaryInPlace("sub", BinaryOp.SUB, this, other, 1); }

    public Tensor sub_(Tensor other, double alpha) { return Elementwise.binaryInPlace("sub", BinaryOp.SUB, this, other, alpha); }

    public Tensor sub_(double other) { return sub_(Scalar.of(other)); }

    public Tensor sub_(long other) { return sub_(Scalar.of(other)); }

    /** {@code other - this}, as {@code torch.rsub}. */
    public Tensor rsub(Tensor other) { return Elementwise.binary("rsub", BinaryOp.SUB, other, this, 1); }

    public Tensor rsub(double other) { return rsub(Scalar.of(other)); }

    public Tensor rsub(long other) { return rsub(Scalar.of(other)); }

    public Tensor mul(Tensor other) { return Elementwise.binary("mul", BinaryOp.MUL, this, other, 1); }

    public Tensor mul(double other) { return mul(Scalar.of(other)); }

    public Tensor mul(long other) { return mul(Scalar.of(other)); }

    public Tensor mul_(Tensor other) { return Elementwise.binaryInPlace("mul", BinaryOp.MUL, this, other, 1); }

    public Tensor mul_(double other) { return mul_(Scalar.of(other)); }

    public Tensor mul_(long other) { return mul_(Scalar.of(other)); }

    /** True division: integral inputs give a float result. */
    public Tensor div(Tensor other) { return Elementwise.binary("div", BinaryOp.DIV, this, other, 1); }

    public Tensor div(double other) { return div(Scalar.of(other)); }

    public Tensor div(long other) { return div(Scalar.of(other)); }

    public Tensor div_(Tensor other) { return Elementwise.binaryInPlace("div", BinaryOp.DIV, this, other, 1); }

    public Tensor div_(double other) { return div_(Scalar.of(other)); }

    public Tensor div_(long other) { return div_(Scalar.of(other)); }

    public Tensor pow(Tensor exponent) { return Elementwise.binary("pow", BinaryOp.POW, this, exponent, 1); }

    public Tensor pow(double exponent) { return Elementwise.powScalar(this, Scalar.of(exponent)); }

    public Tensor pow(long exponent) { return Elementwise.powScalar(this, Scalar.of(exponent)); }

    public Tensor pow_(Tensor exponent) { return Elementwise.binaryInPlace("pow", BinaryOp.POW, this, exponent, 1); }

    public Tensor pow_(double exponent) {
        if (!dtype().isFloatingPoint()) {  // PyTorch's own wording for this one case
            throw new IllegalArgumentException("Found dtype " + dtype().scalarTypeName() + " but expected Float");
        }
        return pow_(Scalar.of(exponent));
    }

    public Tensor pow_(long exponent) { return pow_(Scalar.of(exponent)); }

    public Tensor remainder(Tensor other) { return Elementwise.binary("remainder", BinaryOp.REMAINDER, this, other, 1); }

    public Tensor remainder(double other) { return remainder(Scalar.of(other)); }

    public Tensor remainder(long other) { return remainder(Scalar.of(other)); }

    public Tensor floorDivide(Tensor other) { return Elementwise.binary("floor_divide", BinaryOp.FLOOR_DIVIDE, this, other, 1); }

    public Tensor floorDivide(double other) { return floorDivide(Scalar.of(other)); }

    public Tensor floorDivide(long other) { return floorDivide(Scalar.of(other)); }

    public Tensor maximum(Tensor other) { return Elementwise.binary("maximum", BinaryOp.MAXIMUM, this, other, 1); }

    public Tensor minimum(Tensor other) { return Elementwise.binary("minimum", BinaryOp.MINIMUM, this, other, 1); }

    public Tensor atan2(Tensor other) { return Elementwise.binary("atan2", BinaryOp.ATAN2, this, other, 1); }

    /** Clamps into [min, max]; either bound may be null for "no bound". */
    public Tensor clamp(Double min, Double max) { return Elementwise.clamp(this, min, max); }

    public Tensor clamp(double min, double max) { return Elementwise.clamp(this, min, max); }

    public Tensor clampMin(double min) { return Elementwise.clamp(this, min, null); }

    public Tensor clampMax(double max) { return Elementwise.clamp(this, null, max); }

    // ---------------------------------------------------------------- unary math

    public Tensor neg() { return Elementwise.unary(UnaryOp.NEG, this); }

    public Tensor neg_() { return Elementwise.unaryInPlace(UnaryOp.NEG, this); }

    public Tensor abs() { return Elementwise.unary(UnaryOp.ABS, this); }

    public Tensor abs_() { return Elementwise.unaryInPlace(UnaryOp.ABS, this); }

    public Tensor exp() { return Elementwise.unary(UnaryOp.EXP, this); }

    public Tensor exp_() { return Elementwise.unaryInPlace(UnaryOp.EXP, this); }

    public Tensor log() { return Elementwise.unary(UnaryOp.LOG, this); }

    public Tensor log_() { return Elementwise.unaryInPlace(UnaryOp.LOG, this); }

    public Tensor sqrt() { return Elementwise.unary(UnaryOp.SQRT, this); }

    public Tensor sqrt_() { return Elementwise.unaryInPlace(UnaryOp.SQRT, this); }

    public Tensor rsqrt() { return Elementwise.unary(UnaryOp.RSQRT, this); }

    public Tensor sin() { return Elementwise.unary(UnaryOp.SIN, this); }

    public Tensor sin_() { return Elementwise.unaryInPlace(UnaryOp.SIN, this); }

    public Tensor cos() { return Elementwise.unary(UnaryOp.COS, this); }

    public Tensor cos_() { return Elementwise.unaryInPlace(UnaryOp.COS, this); }

    public Tensor tan() { return Elementwise.unary(UnaryOp.TAN, this); }

    public Tensor tanh() { return Elementwise.unary(UnaryOp.TANH, this); }

    public Tensor tanh_() { return Elementwise.unaryInPlace(UnaryOp.TANH, this); }

    public Tensor sigmoid() { return Elementwise.unary(UnaryOp.SIGMOID, this); }

    public Tensor sigmoid_() { return Elementwise.unaryInPlace(UnaryOp.SIGMOID, this); }

    public Tensor relu() { return Elementwise.unary(UnaryOp.RELU, this); }

    public Tensor relu_() { return Elementwise.unaryInPlace(UnaryOp.RELU, this); }

    public Tensor log1p() { return Elementwise.unary(UnaryOp.LOG1P, this); }

    public Tensor expm1() { return Elementwise.unary(UnaryOp.EXPM1, this); }

    public Tensor reciprocal() { return Elementwise.unary(UnaryOp.RECIPROCAL, this); }

    public Tensor floor() { return Elementwise.unary(UnaryOp.FLOOR, this); }

    public Tensor ceil() { return Elementwise.unary(UnaryOp.CEIL, this); }

    /** Rounds half to even, as {@code torch.round}. */
    public Tensor round() { return Elementwise.unary(UnaryOp.ROUND, this); }

    public Tensor trunc() { return Elementwise.unary(UnaryOp.TRUNC, this); }

    public Tensor sign() { return Elementwise.unary(UnaryOp.SIGN, this); }

    public Tensor asin() { return Elementwise.unary(UnaryOp.ASIN, this); }

    public Tensor acos() { return Elementwise.unary(UnaryOp.ACOS, this); }

    public Tensor atan() { return Elementwise.unary(UnaryOp.ATAN, this); }

    public Tensor sinh() { return Elementwise.unary(UnaryOp.SINH, this); }

    public Tensor cosh() { return Elementwise.unary(UnaryOp.COSH, this); }

    public Tensor log2() { return Elementwise.unary(UnaryOp.LOG2, this); }

    public Tensor log10() { return Elementwise.unary(UnaryOp.LOG10, this); }

    public Tensor erf() { return Elementwise.unary(UnaryOp.ERF, this); }

    /** x * x; bool squares to int64, as {@code torch.square}. */
    public Tensor square() { return dtype() == DType.BOOL ? to(DType.INT64).pow(2L) : pow(2L); }

    // ---------------------------------------------------------------- comparisons and selection

    public Tensor eq(Tensor other) { return Elementwise.compare("eq", CompareOp.EQ, this, other); }

    public Tensor eq(double other) { return eq(Scalar.of(other)); }

    public Tensor eq(long other) { return eq(Scalar.of(other)); }

    public Tensor ne(Tensor other) { return Elementwise.compare("ne", CompareOp.NE, this, other); }

    public Tensor ne(double other) { return ne(Scalar.of(other)); }

    public Tensor ne(long other) { return ne(Scalar.of(other)); }

    public Tensor gt(Tensor other) { return Elementwise.compare("gt", CompareOp.GT, this, other); }

    public Tensor gt(double other) { return gt(Scalar.of(other)); }

    public Tensor gt(long other) { return gt(Scalar.of(other)); }

    public Tensor ge(Tensor other) { return Elementwise.compare("ge", CompareOp.GE, this, other); }

    public Tensor ge(double other) { return ge(Scalar.of(other)); }

    public Tensor ge(long other) { return ge(Scalar.of(other)); }

    public Tensor lt(Tensor other) { return Elementwise.compare("lt", CompareOp.LT, this, other); }

    public Tensor lt(double other) { return lt(Scalar.of(other)); }

    public Tensor lt(long other) { return lt(Scalar.of(other)); }

    public Tensor le(Tensor other) { return Elementwise.compare("le", CompareOp.LE, this, other); }

    public Tensor le(double other) { return le(Scalar.of(other)); }

    public Tensor le(long other) { return le(Scalar.of(other)); }

    public Tensor logicalAnd(Tensor other) { return Elementwise.compare("logical_and", CompareOp.LOGICAL_AND, this, other); }

    public Tensor logicalOr(Tensor other) { return Elementwise.compare("logical_or", CompareOp.LOGICAL_OR, this, other); }

    public Tensor logicalXor(Tensor other) { return Elementwise.compare("logical_xor", CompareOp.LOGICAL_XOR, this, other); }

    public Tensor logicalNot() { return Elementwise.compare("logical_not", CompareOp.EQ, this, Scalar.of(false)); }

    /** True when both have the same shape and elements ({@code torch.equal}). */
    public boolean equal(Tensor other) { return Elementwise.equal(this, other); }

    /** {@code torch.allclose}: |a - b| <= atol + rtol * |b| everywhere. */
    public boolean allclose(Tensor other, double rtol, double atol) { return Elementwise.allclose(this, other, rtol, atol); }

    public boolean allclose(Tensor other) { return allclose(other, 1e-5, 1e-8); }

    /** {@code torch.where(condition, this, other)}. */
    public Tensor where(Tensor condition, Tensor other) { return Elementwise.where(condition, this, other); }

    public Tensor where(Tensor condition, double other) { return Elementwise.where(condition, this, Scalar.of(other)); }

    // ---------------------------------------------------------------- reductions

    public Tensor sum() { return Reductions.sumAll(this); }

    public Tensor sum(int dim) { return Reductions.sum(this, new int[] {dim}, false); }

    public Tensor sum(int dim, boolean keepdim) { return Reductions.sum(this, new int[] {dim}, keepdim); }

    public Tensor sum(int[] dims, boolean keepdim) { return Reductions.sum(this, dims, keepdim); }

    public Tensor mean() { return Reductions.meanAll(this); }

    public Tensor mean(int dim) { return Reductions.mean(this, new int[] {dim}, false); }

    public Tensor mean(int dim, boolean keepdim) { return Reductions.mean(this, new int[] {dim}, keepdim); }

    public Tensor mean(int[] dims, boolean keepdim) { return Reductions.mean(this, dims, keepdim); }

    public Tensor prod() { return Reductions.prodAll(this); }

    public Tensor prod(int dim) { return Reductions.prod(this, dim, false); }

    public Tensor prod(int dim, boolean keepdim) { return Reductions.prod(this, dim, keepdim); }

    /** The largest element (NaN if any is NaN). */
    public Tensor max() { return Reductions.extremeAll(this, true); }

    /** Values and first indices of the largest elements along dim. */
    public ValuesIndices max(int dim) { return Reductions.extreme(this, dim, false, true); }

    public ValuesIndices max(int dim, boolean keepdim) { return Reductions.extreme(this, dim, keepdim, true); }

    /** Elementwise maximum, as {@code torch.max(a, b)}. */
    public Tensor max(Tensor other) { return maximum(other); }

    public Tensor min() { return Reductions.extremeAll(this, false); }

    public ValuesIndices min(int dim) { return Reductions.extreme(this, dim, false, false); }

    public ValuesIndices min(int dim, boolean keepdim) { return Reductions.extreme(this, dim, keepdim, false); }

    public Tensor min(Tensor other) { return minimum(other); }

    public Tensor amax(int dim, boolean keepdim) { return Reductions.extreme(this, dim, keepdim, true).values(); }

    public Tensor amin(int dim, boolean keepdim) { return Reductions.extreme(this, dim, keepdim, false).values(); }

    /** Index of the largest element of the flattened tensor. */
    public Tensor argmax() { return Reductions.argAll(this, true); }

    public Tensor argmax(int dim) { return Reductions.extreme(this, dim, false, true, "argmax").indices(); }

    public Tensor argmax(int dim, boolean keepdim) { return Reductions.extreme(this, dim, keepdim, true, "argmax").indices(); }

    public Tensor argmin() { return Reductions.argAll(this, false); }

    public Tensor argmin(int dim) { return Reductions.extreme(this, dim, false, false, "argmin").indices(); }

    public Tensor argmin(int dim, boolean keepdim) { return Reductions.extreme(this, dim, keepdim, false, "argmin").indices(); }

    /** The 2-norm of all elements. */
    public Tensor norm() { return Reductions.norm(this, 2, null, false); }

    /** The p-norm of all elements (p may be infinite). */
    public Tensor norm(double p) { return Reductions.norm(this, p, null, false); }

    public Tensor norm(double p, int dim, boolean keepdim) { return Reductions.norm(this, p, new int[] {dim}, keepdim); }

    public Tensor all() { return Reductions.logicalAll(this, true); }

    public Tensor all(int dim) { return Reductions.logical(this, dim, false, true); }

    public Tensor all(int dim, boolean keepdim) { return Reductions.logical(this, dim, keepdim, true); }

    public Tensor any() { return Reductions.logicalAll(this, false); }

    public Tensor any(int dim) { return Reductions.logical(this, dim, false, false); }

    public Tensor any(int dim, boolean keepdim) { return Reductions.logical(this, dim, keepdim, false); }

    // ---------------------------------------------------------------- linear algebra

    /** {@code torch.matmul}: dot, matrix-vector, matrix-matrix or broadcast batched product by the inputs' dims. */
    public Tensor matmul(Tensor other) { return LinearAlgebra.matmul(this, other); }

    public Tensor mm(Tensor other) { return LinearAlgebra.mm(this, other); }

    public Tensor bmm(Tensor other) { return LinearAlgebra.bmm(this, other); }

    public Tensor mv(Tensor vec) { return LinearAlgebra.mv(this, vec); }

    public Tensor dot(Tensor other) { return LinearAlgebra.dot(this, other); }

    // ---------------------------------------------------------------- views and reshaping

    /** The same elements with a new shape, sharing memory; one size may be -1. */
    public Tensor view(long... shape) { return Views.view(this, shape); }

    /** A view when the layout allows, else a copy. */
    public Tensor reshape(long... shape) { return Views.reshape(this, shape); }

    public Tensor viewAs(Tensor other) { return view(other.shape()); }

    public Tensor reshapeAs(Tensor other) { return reshape(other.shape()); }

    public Tensor flatten() { return Views.flatten(this, 0, -1); }

    public Tensor flatten(int startDim, int endDim) { return Views.flatten(this, startDim, endDim); }

    /** This tensor if already contiguous, else a contiguous copy. */
    public Tensor contiguous() { return isContiguous() ? this : Copying.clone(this); }

    public Tensor transpose(int dim0, int dim1) { return Views.transpose(this, dim0, dim1); }

    /** Transpose of a matrix; vectors and scalars come back as they are. */
    public Tensor t() { return Views.t(this); }

    /** {@code Tensor.T}: all dims reversed. */
    public Tensor T() { return Views.reverseDims(this); }

    public Tensor permute(int... dims) { return Views.permute(this, dims); }

    /** Removes every size-1 dim. */
    public Tensor squeeze() { return Views.squeeze(this); }

    public Tensor squeeze(int dim) { return Views.squeeze(this, dim); }

    public Tensor unsqueeze(int dim) { return Views.unsqueeze(this, dim); }

    /** A broadcast view: size-1 dims stretch without copying; -1 keeps a size. */
    public Tensor expand(long... sizes) { return Views.expand(this, sizes); }

    public Tensor expandAs(Tensor other) { return expand(other.shape()); }

    /** {@code a[index]} along dim: removes that dim. */
    public Tensor select(int dim, long index) { return Views.select(this, dim, index); }

    /** {@code a[i]}: select along dim 0 (Kotlin's indexing operator). */
    public Tensor get(long index) { return Views.indexSelect(this, 0, index); }

    /** {@code a[start:end:step]} along dim; bounds clamp like Python's. */
    public Tensor slice(int dim, long start, long end, long step) { return Views.slice(this, dim, start, end, step); }

    public Tensor slice(int dim, long start, long end) { return Views.slice(this, dim, start, end, 1); }

    public Tensor narrow(int dim, long start, long length) { return Views.narrow(this, dim, start, length); }

    /** NumPy-style basic indexing from a string: {@code ":, 2"}, {@code "1:3, ::2"}, {@code "..., None, -1"}. */
    public Tensor index(String indices) { return Views.index(this, indices); }

    /** Splits along dim into views of the given chunk size. */
    public java.util.List<Tensor> split(long splitSize, int dim) { return Views.split(this, splitSize, dim); }

    public java.util.List<Tensor> chunk(int chunks, int dim) { return Views.chunk(this, chunks, dim); }

    public java.util.List<Tensor> unbind(int dim) { return Views.unbind(this, dim); }

    // ---------------------------------------------------------------- copies, fills, conversions

    public Tensor clone() { return Copying.clone(this); }

    /** Copies src (broadcast, converted) into this tensor. */
    public Tensor copy_(Tensor src) { return Copying.copyInto(this, src); }

    public Tensor fill_(double value) { return Copying.fill(this, Scalar.of(value)); }

    public Tensor fill_(long value) { return Copying.fill(this, Scalar.of(value)); }

    public Tensor fill_(boolean value) { return Copying.fill(this, Scalar.of(value)); }

    public Tensor zero_() { return Copying.fill(this, Scalar.of(0L)); }

    /** This tensor if already of dtype, else a converted copy. */
    public Tensor to(DType dtype) { return Copying.to(this, device(), dtype); }

    public Tensor to(Device device) { return Copying.to(this, device, dtype()); }

    public Tensor to(Device device, DType dtype) { return Copying.to(this, device, dtype); }

    /** {@code .to(other.device, other.dtype)}. */
    public Tensor typeAs(Tensor other) { return Copying.to(this, other.device(), other.dtype()); }

    public Tensor cpu() { return to(Device.CPU); }

    public Tensor cuda() { return to(Device.cuda(0)); }

    /** A tensor of the same values as float32 ({@code Tensor.float()}; Java reserves the name). */
    public Tensor toFloat() { return to(DType.FLOAT32); }

    public Tensor toDouble() { return to(DType.FLOAT64); }

    public Tensor toLong() { return to(DType.INT64); }

    public Tensor toInt() { return to(DType.INT32); }

    public Tensor toBool() { return to(DType.BOOL); }

    // ---------------------------------------------------------------- new tensors like this one

    public Tensor newZeros(long... size) { return Creation.full(size, Scalar.of(0L), dtype()); }

    public Tensor newZeros(DType dtype, long... size) { return Creation.full(size, Scalar.of(0L), dtype); }

    public Tensor newOnes(long... size) { return Creation.full(size, Scalar.of(1L), dtype()); }

    public Tensor newOnes(DType dtype, long... size) { return Creation.full(size, Scalar.of(1L), dtype); }

    public Tensor newEmpty(long... size) { return Creation.empty(size, dtype()); }

    public Tensor newFull(long[] size, double value) { return Creation.full(size, Scalar.of(value), dtype()); }

    public Tensor newTensor(Object data) { return Creation.tensor(data, dtype()); }

    // ---------------------------------------------------------------- autograd state

    public boolean requiresGrad() { return requiresGrad; }

    /** Starts (or stops) recording ops on this leaf; float dtypes only. */
    public Tensor requiresGrad_(boolean requiresGrad) {
        if (requiresGrad && !dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point dtype can require gradients");
        }
        if (!requiresGrad && gradFn != null) {
            throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you want to "
                    + "use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
        }
        this.requiresGrad = requiresGrad;
        return this;
    }

    public Tensor requiresGrad_() { return requiresGrad_(true); }

    /** {@code t.requires_grad = flag}. */
    public void setRequiresGrad(boolean requiresGrad) { requiresGrad_(requiresGrad); }

    /** The node that made this tensor, or null for leaves. */
    public Node gradFn() { return gradFn; }

    public Tensor grad() { return grad; }

    public boolean isLeaf() { return gradFn == null; }

    /** How many in-place writes this tensor's storage has seen. */
    public int version() { return storage.version; }

    /** A tensor sharing storage (and version counter) that records no history. */
    public Tensor detach() { return new Tensor(storage, shape, stride, offset); }

    // ---------------------------------------------------------------- Kotlin/Groovy operator aliases

    public Tensor plus(Tensor other) { return add(other); }

    public Tensor plus(double other) { return add(other); }

    public Tensor minus(Tensor other) { return sub(other); }

    public Tensor minus(double other) { return sub(other); }

    public Tensor times(Tensor other) { return mul(other); }

    public Tensor times(double other) { return mul(other); }

    public Tensor unaryMinus() { return neg(); }

    // ---------------------------------------------------------------- printing

    /** Exactly what PyTorch prints for the same tensor. */
    @Override
    public String toString() {
        String gradSuffix = gradFn != null ? "grad_fn=<" + gradFn.name() + ">"
                : requiresGrad ? "requires_grad=True" : null;
        return TensorPrinter.format(shape(), dtype(), elementReader(), device(), gradSuffix);
    }

    /** Reads elements by logical row-major index, for printing. */
    TensorPrinter.ElementReader elementReader() {
        return new TensorPrinter.ElementReader() {
            @Override public double getDouble(long index) { return storage.getDouble(storageIndex(index)); }

            @Override public long getLong(long index) { return storage.getLong(storageIndex(index)); }
        };
    }

    /** Storage position of the element at a row-major logical index. */
    int storageIndex(long logical) {
        int pos = offset;
        long rem = logical;
        for (int d = shape.length - 1; d >= 0; d--) {
            int size = shape[d];
            pos += (int) (rem % size) * stride[d];
            rem /= size;
        }
        return pos;
    }
}
