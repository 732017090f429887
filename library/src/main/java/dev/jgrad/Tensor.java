package dev.jgrad;

import dev.jgrad.backend.BinaryOp;
import dev.jgrad.backend.CompareOp;
import dev.jgrad.backend.Storage;
import dev.jgrad.backend.View;
import dev.jgrad.backend.UnaryOp;
import dev.jgrad.internal.TensorInternals;
import dev.jgrad.internal.autograd.AutogradState;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Scalar;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.internal.core.TensorPrinter;
import dev.jgrad.internal.ops.Activations;
import dev.jgrad.internal.ops.Composites;
import dev.jgrad.internal.ops.Copying;
import dev.jgrad.internal.ops.Creation;
import dev.jgrad.internal.ops.Diagonals;
import dev.jgrad.internal.ops.Elementwise;
import dev.jgrad.internal.ops.FusedUpdates;
import dev.jgrad.internal.ops.Gathering;
import dev.jgrad.internal.ops.Indexing;
import dev.jgrad.internal.ops.LinearAlgebra;
import dev.jgrad.internal.ops.Masking;
import dev.jgrad.internal.ops.Bitwise;
import dev.jgrad.internal.ops.FloatingFunctions;
import dev.jgrad.internal.ops.NestedLists;
import dev.jgrad.internal.ops.OrderStatistics;
import dev.jgrad.internal.ops.Reshaping;
import dev.jgrad.internal.ops.RunningExtremes;
import dev.jgrad.internal.ops.RandomFills;
import dev.jgrad.internal.ops.ScatterReductions;
import dev.jgrad.internal.ops.Modes;
import dev.jgrad.internal.ops.StridedViews;
import dev.jgrad.internal.ops.FloatDecomposition;
import dev.jgrad.internal.ops.Rearranging;
import dev.jgrad.internal.ops.Reductions;
import dev.jgrad.internal.ops.Scans;
import dev.jgrad.internal.ops.Softmax;
import dev.jgrad.internal.ops.Sorting;
import dev.jgrad.internal.ops.Statistics;
import dev.jgrad.internal.ops.Views;
import dev.jgrad.internal.autograd.VersionCounter;
import dev.jgrad.internal.autograd.ViewTracking;
import java.util.Objects;

/**
 * An n-dimensional array with PyTorch's semantics: a storage plus shape, strides and offset, so views
 * share memory with their base. Ops come in method form ({@code a.add(b)}), in-place form
 * ({@code a.add_(b)}) and static form ({@link Torch#add(Tensor, Tensor)}).
 *
 * <p>Every method is one line into an op family of {@code dev.jgrad.internal.ops} (Elementwise,
 * Reductions, Views, Copying, LinearAlgebra, ...), which checks the arguments, runs the device's backend
 * kernel and records the op's derivative row; so this class stays a readable index of the API.
 */
public class Tensor {
    // layout; changed only through setLayout (out= resizing, setData)
    Storage storage;
    int[] shape;
    int[] stride;
    int offset;
    /** The same layout as kernels see it, with numel and contiguity computed once: ops ask for them many times. */
    private View view;

    /** A Java number taking part in an op (see {@link Scalar}). */
    boolean wrappedNumber;

    // autograd state (see TensorInternals for the engine's side)
    boolean requiresGrad;   // a leaf's flag; true for every tensor with a grad_fn
    Node gradFn;
    int outputNr;           // which output of gradFn this tensor is
    Tensor grad;
    boolean retainsGrad;
    java.util.List<java.util.function.Function<Tensor, Tensor>> hooks;
    Node gradAccumulator;   // a leaf's AccumulateGrad, made on first use
    boolean inference;
    Tensor viewBase;        // set on views: the tensor whose storage this one views
    byte creationMeta;      // for views: how the view was made (ViewTracking's constants), which in-place ops it allows
    int attrVersion;        // for views: the version when grad_fn was last derived (a stale one is regenerated)
    VersionCounter versionCounter;  // shared with views and detach() results

    static {
        TensorInternals.install(new Internals());
    }

    Tensor(Storage storage, int[] shape, int[] stride, int offset) {
        setLayout(storage, shape, stride, offset);
        versionCounter = new VersionCounter();
        if (dev.jgrad.autograd.GradMode.creatingInferenceTensors()) inference = true;
    }

    /** A tensor sharing {@code data}'s storage and layout; subclasses such as Parameter build on it. */
    protected Tensor(Tensor data) {
        Objects.requireNonNull(data, "data");
        setLayout(data.storage, data.shape, data.stride, data.offset);
        versionCounter = data.versionCounter;
    }

    final void setLayout(Storage storage, int[] shape, int[] stride, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.stride = stride;
        this.offset = offset;
        this.view = new View(storage, shape, stride, offset);
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

    /** {@code x.dim()}: the number of dims. */
    public int dim() { return shape.length; }

    /** Same as {@link #dim()}, as {@code Tensor.ndim}. */
    public int ndim() { return shape.length; }

    /** {@code x.numel()}: the number of elements. */
    public long numel() { return view.numel(); }

    /** {@code x.dtype}: the element type. */
    public DType dtype() { return storage.dtype(); }

    /** {@code x.device}: where the data lives. */
    public Device device() { return storage.device(); }

    /** {@code x.stride()}: the step in elements between neighbours along each dim. */
    public long[] stride() { return Shapes.toLong(stride); }

    /** {@code x.stride()}: the step in elements between neighbours along each dim. */
    public long stride(int dim) {
        if (shape.length == 0) throw new IllegalArgumentException(
                "Dimension specified as " + dim + " but tensor has no dimensions");
        return stride[Shapes.wrapDim(dim, shape.length)];
    }

    /** The element offset of this view into its storage. */
    public long storageOffset() { return offset; }

    /** {@code x.is_contiguous()}: whether the elements are laid out row-major without gaps. */
    public boolean isContiguous() {
        return view.isContiguous();
    }

    /** {@code x.is_floating_point()}: whether the dtype is a floating type. */
    public boolean isFloatingPoint() { return storage.dtype().isFloatingPoint(); }

    /** jgrad has no complex dtypes: always false. */
    public boolean isComplex() { return false; }

    /** The one element's truth ({@code torch.is_nonzero}); PyTorch's errors for no or several elements. */
    public boolean isNonzero() {
        if (numel() == 0) throw new IllegalArgumentException("Boolean value of Tensor with no values is ambiguous");
        if (numel() > 1) throw new IllegalArgumentException("Boolean value of Tensor with more than one value is ambiguous");
        return dtype() == DType.BOOL ? itemBool() : item() != 0;
    }

    /** Bytes per element. */
    public long elementSize() { return dtype().itemSize(); }

    /** Same as {@link #numel()}. */
    public long nelement() { return numel(); }

    /** The CUDA device index; -1 for CPU and meta tensors, as PyTorch answers. */
    public int getDevice() { return -1; }

    /** The legacy type name, {@code torch.FloatTensor}; meta tensors have none ({@code Unimplemented backend Meta}). */
    public String type() {
        if (device().isMeta()) throw new IllegalStateException("Unimplemented backend Meta");
        return dtype().legacyTensorTypeName();
    }

    /** {@code tensor.type(dtype)}: the same as {@code to(dtype)}. */
    public Tensor type(DType dtype) { return to(dtype); }

    /**
     * The values as nested Java lists ({@code tensor.tolist()}): Double for floating dtypes, Long for integer
     * ones, Boolean for bool; a 0-dim tensor gives the bare number.
     */
    public Object toList() { return NestedLists.of(this); }

    /** True when both tensors view the same storage. */
    public boolean sharesStorageWith(Tensor other) { return other != null && other.storage == storage; }

    // ---------------------------------------------------------------- scalars and arrays

    /** The single element as a double: {@code only one element tensors can be converted to Java scalars} otherwise. */
    public double item() { return storage.backend().readDouble(storage, singleIndex()); }

    /** The single element as a long (exact for int64). */
    public long itemLong() { return storage.backend().readLong(storage, singleIndex()); }

    /** The single element as a boolean (non-zero is true). */
    public boolean itemBool() { return item() != 0; }

    private int singleIndex() {
        if (view.numel() != 1) {
            throw new IllegalArgumentException("only one element tensors can be converted to Java scalars");
        }
        return offset;
    }

    /** A row-major copy of every element, converted to double. */
    public double[] toDoubleArray() { return double[].class.cast(Copying.toArray(this, DType.FLOAT64)); }

    /** The elements as a new float[], row-major. */
    public float[] toFloatArray() { return float[].class.cast(Copying.toArray(this, DType.FLOAT32)); }

    /** The elements as a new long[], row-major. */
    public long[] toLongArray() { return long[].class.cast(Copying.toArray(this, DType.INT64)); }

    /** The elements as a new int[], row-major. */
    public int[] toIntArray() { return int[].class.cast(Copying.toArray(this, DType.INT32)); }

    /** The elements as a new boolean[], row-major. */
    public boolean[] toBooleanArray() { return boolean[].class.cast(Copying.toArray(this, DType.BOOL)); }

    /** The shared backing array (PyTorch's {@code .numpy()}): writes go both ways. */
    public float[] asFloatArray() { return float[].class.cast(Copying.backingArray(this, DType.FLOAT32)); }

    /** The backing double[] itself, shared (contiguous float64 tensors only, else IllegalStateException). */
    public double[] asDoubleArray() { return double[].class.cast(Copying.backingArray(this, DType.FLOAT64)); }

    /** The backing long[] itself, shared (contiguous int64 tensors only, else IllegalStateException). */
    public long[] asLongArray() { return long[].class.cast(Copying.backingArray(this, DType.INT64)); }

    /** The backing int[] itself, shared (contiguous int32 tensors only, else IllegalStateException). */
    public int[] asIntArray() { return int[].class.cast(Copying.backingArray(this, DType.INT32)); }

    /** The backing boolean[] itself, shared (contiguous bool tensors only, else IllegalStateException). */
    public boolean[] asBooleanArray() { return boolean[].class.cast(Copying.backingArray(this, DType.BOOL)); }

    // ---------------------------------------------------------------- arithmetic

    /** {@code x.add(other)}: this + other, broadcast and type-promoted. */
    public Tensor add(Tensor other) { return add(other, 1); }

    /** {@code x.add(other, alpha)}: this + alpha * other, broadcast and type-promoted. */
    public Tensor add(Tensor other, double alpha) { return Elementwise.add(this, other, alpha); }

    /** {@code x.add(other)}: this + other, broadcast and type-promoted (other a Python number). */
    public Tensor add(double other) { return add(Scalar.of(other)); }

    /** {@code x.add(other)}: this + other, broadcast and type-promoted (other a Python number). */
    public Tensor add(long other) { return add(Scalar.of(other)); }

    /** {@code x.add_(other)}: this + other, broadcast and type-promoted, in place; returns this. */
    public Tensor add_(Tensor other) { return add_(other, 1); }

    /** {@code x.add_(other, alpha)}: this + alpha * other, broadcast and type-promoted, in place; returns this. */
    public Tensor add_(Tensor other, double alpha) { return Elementwise.binary_(BinaryOp.ADD, this, other, alpha); }

    /**
     * {@code x.add_(other)}: this + other, broadcast and type-promoted (other a Python number), in place; returns
     * this.
     */
    public Tensor add_(double other) { return add_(Scalar.of(other)); }

    /**
     * {@code x.add_(other)}: this + other, broadcast and type-promoted (other a Python number), in place; returns
     * this.
     */
    public Tensor add_(long other) { return add_(Scalar.of(other)); }

    /** {@code x.sub(other)}: this - other, broadcast and type-promoted. */
    public Tensor sub(Tensor other) { return sub(other, 1); }

    /** {@code x.sub(other, alpha)}: this - alpha * other, broadcast and type-promoted. */
    public Tensor sub(Tensor other, double alpha) { return Elementwise.sub(this, other, alpha); }

    /** {@code x.sub(other)}: this - other, broadcast and type-promoted (other a Python number). */
    public Tensor sub(double other) { return sub(Scalar.of(other)); }

    /** {@code x.sub(other)}: this - other, broadcast and type-promoted (other a Python number). */
    public Tensor sub(long other) { return sub(Scalar.of(other)); }

    /** {@code x.sub_(other)}: this - other, broadcast and type-promoted, in place; returns this. */
    public Tensor sub_(Tensor other) { return sub_(other, 1); }

    /** {@code x.sub_(other, alpha)}: this - alpha * other, broadcast and type-promoted, in place; returns this. */
    public Tensor sub_(Tensor other, double alpha) { return Elementwise.binary_(BinaryOp.SUB, this, other, alpha); }

    /**
     * {@code x.sub_(other)}: this - other, broadcast and type-promoted (other a Python number), in place; returns
     * this.
     */
    public Tensor sub_(double other) { return sub_(Scalar.of(other)); }

    /**
     * {@code x.sub_(other)}: this - other, broadcast and type-promoted (other a Python number), in place; returns
     * this.
     */
    public Tensor sub_(long other) { return sub_(Scalar.of(other)); }

    /** {@code other - this}, as {@code torch.rsub}. */
    public Tensor rsub(Tensor other) { return Elementwise.rsub(this, other); }

    /** {@code x.rsub(other)}: other - this (other a Python number). */
    public Tensor rsub(double other) { return rsub(Scalar.of(other)); }

    /** {@code x.rsub(other)}: other - this (other a Python number). */
    public Tensor rsub(long other) { return rsub(Scalar.of(other)); }

    /** {@code x.mul(other)}: this * other, broadcast and type-promoted. */
    public Tensor mul(Tensor other) { return Elementwise.mul(this, other); }

    /** {@code x.mul(other)}: this * other, broadcast and type-promoted (other a Python number). */
    public Tensor mul(double other) { return mul(Scalar.of(other)); }

    /** {@code x.mul(other)}: this * other, broadcast and type-promoted (other a Python number). */
    public Tensor mul(long other) { return mul(Scalar.of(other)); }

    /** {@code x.mul_(other)}: this * other, broadcast and type-promoted, in place; returns this. */
    public Tensor mul_(Tensor other) { return Elementwise.binary_(BinaryOp.MUL, this, other, 1); }

    /**
     * {@code x.mul_(other)}: this * other, broadcast and type-promoted (other a Python number), in place; returns
     * this.
     */
    public Tensor mul_(double other) { return mul_(Scalar.of(other)); }

    /**
     * {@code x.mul_(other)}: this * other, broadcast and type-promoted (other a Python number), in place; returns
     * this.
     */
    public Tensor mul_(long other) { return mul_(Scalar.of(other)); }

    /** True division: integral inputs give a float result. */
    public Tensor div(Tensor other) { return Elementwise.div(this, other); }

    /** {@code x.div(other)}: this / other, true division (integers give floats) (other a Python number). */
    public Tensor div(double other) { return div(Scalar.of(other)); }

    /** {@code x.div(other)}: this / other, true division (integers give floats) (other a Python number). */
    public Tensor div(long other) { return div(Scalar.of(other)); }

    /** {@code x.div_(other)}: this / other, true division (integers give floats), in place; returns this. */
    public Tensor div_(Tensor other) { return Elementwise.binary_(BinaryOp.DIV, this, other, 1); }

    /**
     * {@code x.div_(other)}: this / other, true division (integers give floats) (other a Python number), in place;
     * returns this.
     */
    public Tensor div_(double other) { return div_(Scalar.of(other)); }

    /**
     * {@code x.div_(other)}: this / other, true division (integers give floats) (other a Python number), in place;
     * returns this.
     */
    public Tensor div_(long other) { return div_(Scalar.of(other)); }

    /** {@code x.pow(exponent)}: this to the power exponent. */
    public Tensor pow(Tensor exponent) { return Elementwise.pow(this, exponent); }

    /** {@code x.pow(exponent)}: this to the power exponent (exponent a Python number). */
    public Tensor pow(double exponent) { return Elementwise.pow(this, exponent); }

    /** {@code x.pow(exponent)}: this to the power exponent (exponent a Python number). */
    public Tensor pow(long exponent) { return Elementwise.pow(this, exponent); }

    /** {@code x.pow_(exponent)}: this to the power exponent, in place; returns this. */
    public Tensor pow_(Tensor exponent) { return Elementwise.binary_(BinaryOp.POW, this, exponent, 1); }

    /** {@code x.pow_(exponent)}: this to the power exponent (exponent a Python number), in place; returns this. */
    public Tensor pow_(double exponent) {
        if (!dtype().isFloatingPoint()) {  // PyTorch's own wording for this one case
            throw new IllegalArgumentException("Found dtype " + dtype().scalarTypeName() + " but expected Float");
        }
        return pow_(Scalar.of(exponent));
    }

    /** {@code x.pow_(exponent)}: this to the power exponent (exponent a Python number), in place; returns this. */
    public Tensor pow_(long exponent) { return pow_(Scalar.of(exponent)); }

    /** {@code x.remainder(other)}: the remainder of floor division (the divisor's sign). */
    public Tensor remainder(Tensor other) { return Elementwise.remainder(this, other); }

    /** {@code x.remainder(other)}: the remainder of floor division (the divisor's sign) (other a Python number). */
    public Tensor remainder(double other) { return remainder(Scalar.of(other)); }

    /** {@code x.remainder(other)}: the remainder of floor division (the divisor's sign) (other a Python number). */
    public Tensor remainder(long other) { return remainder(Scalar.of(other)); }

    /** {@code x.floor_divide(other)}: floor(this / other). */
    public Tensor floorDivide(Tensor other) { return Elementwise.floorDivide(this, other); }

    /** {@code x.floor_divide(other)}: floor(this / other) (other a Python number). */
    public Tensor floorDivide(double other) { return floorDivide(Scalar.of(other)); }

    /** {@code x.floor_divide(other)}: floor(this / other) (other a Python number). */
    public Tensor floorDivide(long other) { return floorDivide(Scalar.of(other)); }

    /** {@code x.maximum(other)}: the elementwise maximum (NaN propagates). */
    public Tensor maximum(Tensor other) { return Elementwise.maximum(this, other); }

    /** {@code x.minimum(other)}: the elementwise minimum (NaN propagates). */
    public Tensor minimum(Tensor other) { return Elementwise.minimum(this, other); }

    /** {@code x.atan2(other)}: the angle of (other, this): the arctangent of this / other in the right quadrant. */
    public Tensor atan2(Tensor other) { return Elementwise.atan2(this, other); }

    /**
     * {@code x.atan2_(other)}: the angle of (other, this): the arctangent of this / other in the right quadrant, in
     * place; returns this.
     */
    public Tensor atan2_(Tensor other) { return Copying.writeBack(this, old -> old.atan2(other), other); }

    /** {@code x.remainder_(other)}: the remainder of floor division (the divisor's sign), in place; returns this. */
    public Tensor remainder_(Tensor other) { return Copying.writeBack(this, old -> old.remainder(other), other); }

    /**
     * {@code x.remainder_(other)}: the remainder of floor division (the divisor's sign) (other a Python number), in
     * place; returns this.
     */
    public Tensor remainder_(double other) { return remainder_(Scalar.of(other)); }

    /**
     * {@code x.remainder_(other)}: the remainder of floor division (the divisor's sign) (other a Python number), in
     * place; returns this.
     */
    public Tensor remainder_(long other) { return remainder_(Scalar.of(other)); }

    /** {@code x.floor_divide_(other)}: floor(this / other), in place; returns this. */
    public Tensor floorDivide_(Tensor other) { return Copying.writeBack(this, old -> old.floorDivide(other), other); }

    /** {@code x.floor_divide_(other)}: floor(this / other) (other a Python number), in place; returns this. */
    public Tensor floorDivide_(double other) { return floorDivide_(Scalar.of(other)); }

    /** {@code x.floor_divide_(other)}: floor(this / other) (other a Python number), in place; returns this. */
    public Tensor floorDivide_(long other) { return floorDivide_(Scalar.of(other)); }

    /** Clamps into [min, max]; either bound may be null for "no bound". */
    public Tensor clamp(Double min, Double max) { return Elementwise.clamp(this, min, max); }

    /** {@code x.clamp(min, max)}: each element limited to [min, max] (null: no bound). */
    public Tensor clamp(double min, double max) { return clamp(Double.valueOf(min), Double.valueOf(max)); }

    /** {@code x.clamp_min(min)}: each element limited to at least min. */
    public Tensor clampMin(double min) { return clamp(min, null); }

    /** {@code x.clamp_max(max)}: each element limited to at most max. */
    public Tensor clampMax(double max) { return clamp(null, max); }

    // ---------------------------------------------------------------- unary math

    /** {@code x.neg()}: -x, elementwise. */
    public Tensor neg() { return Elementwise.unary(UnaryOp.NEG, this); }

    /** {@code x.neg_()}: -x, elementwise, in place; returns this. */
    public Tensor neg_() { return Elementwise.unary_(UnaryOp.NEG, this); }

    /** {@code x.abs()}: the absolute value, elementwise. */
    public Tensor abs() { return Elementwise.unary(UnaryOp.ABS, this); }

    /** {@code x.abs_()}: the absolute value, elementwise, in place; returns this. */
    public Tensor abs_() { return Elementwise.unary_(UnaryOp.ABS, this); }

    /** {@code x.exp()}: e to the power of each element. */
    public Tensor exp() { return Elementwise.unary(UnaryOp.EXP, this); }

    /** {@code x.exp_()}: e to the power of each element, in place; returns this. */
    public Tensor exp_() { return Elementwise.unary_(UnaryOp.EXP, this); }

    /** {@code x.log()}: the natural logarithm, elementwise. */
    public Tensor log() { return Elementwise.unary(UnaryOp.LOG, this); }

    /** {@code x.log_()}: the natural logarithm, elementwise, in place; returns this. */
    public Tensor log_() { return Elementwise.unary_(UnaryOp.LOG, this); }

    /** {@code x.sqrt()}: the square root, elementwise. */
    public Tensor sqrt() { return Elementwise.unary(UnaryOp.SQRT, this); }

    /** {@code x.sqrt_()}: the square root, elementwise, in place; returns this. */
    public Tensor sqrt_() { return Elementwise.unary_(UnaryOp.SQRT, this); }

    /** {@code x.rsqrt()}: 1 / sqrt(x), elementwise. */
    public Tensor rsqrt() { return Elementwise.unary(UnaryOp.RSQRT, this); }

    /** {@code x.rsqrt_()}: 1 / sqrt(x), elementwise, in place; returns this. */
    public Tensor rsqrt_() { return Elementwise.unary_(UnaryOp.RSQRT, this); }

    /** {@code x.sin()}: the sine, elementwise. */
    public Tensor sin() { return Elementwise.unary(UnaryOp.SIN, this); }

    /** {@code x.sin_()}: the sine, elementwise, in place; returns this. */
    public Tensor sin_() { return Elementwise.unary_(UnaryOp.SIN, this); }

    /** {@code x.cos()}: the cosine, elementwise. */
    public Tensor cos() { return Elementwise.unary(UnaryOp.COS, this); }

    /** {@code x.cos_()}: the cosine, elementwise, in place; returns this. */
    public Tensor cos_() { return Elementwise.unary_(UnaryOp.COS, this); }

    /** {@code x.tan()}: the tangent, elementwise. */
    public Tensor tan() { return Elementwise.unary(UnaryOp.TAN, this); }

    /** {@code x.tan_()}: the tangent, elementwise, in place; returns this. */
    public Tensor tan_() { return Elementwise.unary_(UnaryOp.TAN, this); }

    /** {@code x.tanh()}: the hyperbolic tangent, elementwise. */
    public Tensor tanh() { return Elementwise.unary(UnaryOp.TANH, this); }

    /** {@code x.tanh_()}: the hyperbolic tangent, elementwise, in place; returns this. */
    public Tensor tanh_() { return Elementwise.unary_(UnaryOp.TANH, this); }

    /** {@code x.sigmoid()}: 1 / (1 + exp(-x)), elementwise. */
    public Tensor sigmoid() { return Elementwise.unary(UnaryOp.SIGMOID, this); }

    /** {@code x.sigmoid_()}: 1 / (1 + exp(-x)), elementwise, in place; returns this. */
    public Tensor sigmoid_() { return Elementwise.unary_(UnaryOp.SIGMOID, this); }

    /** {@code x.relu()}: max(x, 0), elementwise. */
    public Tensor relu() { return Elementwise.unary(UnaryOp.RELU, this); }

    /** {@code x.relu_()}: max(x, 0), elementwise, in place; returns this. */
    public Tensor relu_() { return Elementwise.unary_(UnaryOp.RELU, this); }

    /** {@code x.log1p()}: log(1 + x), accurate near 0. */
    public Tensor log1p() { return Elementwise.unary(UnaryOp.LOG1P, this); }

    /** {@code x.log1p_()}: log(1 + x), accurate near 0, in place; returns this. */
    public Tensor log1p_() { return Elementwise.unary_(UnaryOp.LOG1P, this); }

    /** {@code x.expm1()}: exp(x) - 1, accurate near 0. */
    public Tensor expm1() { return Elementwise.unary(UnaryOp.EXPM1, this); }

    /** {@code x.expm1_()}: exp(x) - 1, accurate near 0, in place; returns this. */
    public Tensor expm1_() { return Elementwise.unary_(UnaryOp.EXPM1, this); }

    /** {@code x.reciprocal()}: 1 / x, elementwise. */
    public Tensor reciprocal() { return Elementwise.unary(UnaryOp.RECIPROCAL, this); }

    /** {@code x.reciprocal_()}: 1 / x, elementwise, in place; returns this. */
    public Tensor reciprocal_() { return Elementwise.unary_(UnaryOp.RECIPROCAL, this); }

    /** {@code x.floor()}: the largest integer value not above each element. */
    public Tensor floor() { return Elementwise.unary(UnaryOp.FLOOR, this); }

    /** {@code x.floor_()}: the largest integer value not above each element, in place; returns this. */
    public Tensor floor_() { return Elementwise.unary_(UnaryOp.FLOOR, this); }

    /** {@code x.ceil()}: the smallest integer value not below each element. */
    public Tensor ceil() { return Elementwise.unary(UnaryOp.CEIL, this); }

    /** {@code x.ceil_()}: the smallest integer value not below each element, in place; returns this. */
    public Tensor ceil_() { return Elementwise.unary_(UnaryOp.CEIL, this); }

    /** Rounds half to even, as {@code torch.round}. */
    public Tensor round() { return Elementwise.unary(UnaryOp.ROUND, this); }

    /** {@code x.round_()}: each element rounded half to even (or to the given decimals), in place; returns this. */
    public Tensor round_() { return Elementwise.unary_(UnaryOp.ROUND, this); }

    /** {@code x.trunc()}: each element rounded towards zero. */
    public Tensor trunc() { return Elementwise.unary(UnaryOp.TRUNC, this); }

    /** {@code x.trunc_()}: each element rounded towards zero, in place; returns this. */
    public Tensor trunc_() { return Elementwise.unary_(UnaryOp.TRUNC, this); }

    /** {@code x.sign()}: -1, 0 or 1 by the sign of each element. */
    public Tensor sign() { return Elementwise.unary(UnaryOp.SIGN, this); }

    /** {@code x.sign_()}: -1, 0 or 1 by the sign of each element, in place; returns this. */
    public Tensor sign_() { return Elementwise.unary_(UnaryOp.SIGN, this); }

    /** {@code x.asin()}: the arcsine, elementwise. */
    public Tensor asin() { return Elementwise.unary(UnaryOp.ASIN, this); }

    /** {@code x.asin_()}: the arcsine, elementwise, in place; returns this. */
    public Tensor asin_() { return Elementwise.unary_(UnaryOp.ASIN, this); }

    /** {@code x.acos()}: the arccosine, elementwise. */
    public Tensor acos() { return Elementwise.unary(UnaryOp.ACOS, this); }

    /** {@code x.acos_()}: the arccosine, elementwise, in place; returns this. */
    public Tensor acos_() { return Elementwise.unary_(UnaryOp.ACOS, this); }

    /** {@code x.atan()}: the arctangent, elementwise. */
    public Tensor atan() { return Elementwise.unary(UnaryOp.ATAN, this); }

    /** {@code x.atan_()}: the arctangent, elementwise, in place; returns this. */
    public Tensor atan_() { return Elementwise.unary_(UnaryOp.ATAN, this); }

    /** {@code x.sinh()}: the hyperbolic sine, elementwise. */
    public Tensor sinh() { return Elementwise.unary(UnaryOp.SINH, this); }

    /** {@code x.sinh_()}: the hyperbolic sine, elementwise, in place; returns this. */
    public Tensor sinh_() { return Elementwise.unary_(UnaryOp.SINH, this); }

    /** {@code x.cosh()}: the hyperbolic cosine, elementwise. */
    public Tensor cosh() { return Elementwise.unary(UnaryOp.COSH, this); }

    /** {@code x.cosh_()}: the hyperbolic cosine, elementwise, in place; returns this. */
    public Tensor cosh_() { return Elementwise.unary_(UnaryOp.COSH, this); }

    /** {@code x.log2()}: the base-2 logarithm, elementwise. */
    public Tensor log2() { return Elementwise.unary(UnaryOp.LOG2, this); }

    /** {@code x.log2_()}: the base-2 logarithm, elementwise, in place; returns this. */
    public Tensor log2_() { return Elementwise.unary_(UnaryOp.LOG2, this); }

    /** {@code x.log10()}: the base-10 logarithm, elementwise. */
    public Tensor log10() { return Elementwise.unary(UnaryOp.LOG10, this); }

    /** {@code x.log10_()}: the base-10 logarithm, elementwise, in place; returns this. */
    public Tensor log10_() { return Elementwise.unary_(UnaryOp.LOG10, this); }

    /** {@code x.erf()}: the error function, elementwise. */
    public Tensor erf() { return Elementwise.unary(UnaryOp.ERF, this); }

    /** {@code x.erf_()}: the error function, elementwise, in place; returns this. */
    public Tensor erf_() { return Elementwise.unary_(UnaryOp.ERF, this); }

    /** {@code x.erfc()}: the complementary error function 1 - erf, elementwise. */
    public Tensor erfc() { return Elementwise.unary(UnaryOp.ERFC, this); }

    /** The inverse error function on [-1, 1] (PyTorch's rational start and two Newton steps). */
    public Tensor erfinv() { return Elementwise.unary(UnaryOp.ERFINV, this); }

    /** {@code x.erfinv_()}: the inverse error function, elementwise, in place; returns this. */
    public Tensor erfinv_() { return Elementwise.unary_(UnaryOp.ERFINV, this); }

    /** log|Gamma(x)|. */
    public Tensor lgamma() { return Elementwise.unary(UnaryOp.LGAMMA, this); }

    /** {@code x.lgamma_()}: the log of the absolute gamma function, elementwise, in place; returns this. */
    public Tensor lgamma_() { return Elementwise.unary_(UnaryOp.LGAMMA, this); }

    /** The logarithmic derivative of Gamma. */
    public Tensor digamma() { return Elementwise.unary(UnaryOp.DIGAMMA, this); }

    /**
     * {@code x.digamma_()}: the logarithmic derivative of the gamma function, elementwise, in place; returns this.
     */
    public Tensor digamma_() { return Elementwise.unary_(UnaryOp.DIGAMMA, this); }

    /** The n-th derivative of digamma. */
    public Tensor polygamma(int n) { return Elementwise.polygamma(n, this); }

    /** {@code x.polygamma_(n)}: the n-th derivative of digamma, in place; returns this. */
    public Tensor polygamma_(int n) { return Copying.writeBack(this, old -> old.polygamma(n)); }

    /** {@code x.erfc_()}: the complementary error function 1 - erf, elementwise, in place; returns this. */
    public Tensor erfc_() { return Elementwise.unary_(UnaryOp.ERFC, this); }

    /** {@code x.asinh()}: the inverse hyperbolic sine, elementwise. */
    public Tensor asinh() { return Elementwise.unary(UnaryOp.ASINH, this); }

    /** {@code x.asinh_()}: the inverse hyperbolic sine, elementwise, in place; returns this. */
    public Tensor asinh_() { return Elementwise.unary_(UnaryOp.ASINH, this); }

    /** {@code x.acosh()}: the inverse hyperbolic cosine, elementwise. */
    public Tensor acosh() { return Elementwise.unary(UnaryOp.ACOSH, this); }

    /** {@code x.acosh_()}: the inverse hyperbolic cosine, elementwise, in place; returns this. */
    public Tensor acosh_() { return Elementwise.unary_(UnaryOp.ACOSH, this); }

    /** {@code x.atanh()}: the inverse hyperbolic tangent, elementwise. */
    public Tensor atanh() { return Elementwise.unary(UnaryOp.ATANH, this); }

    /** {@code x.atanh_()}: the inverse hyperbolic tangent, elementwise, in place; returns this. */
    public Tensor atanh_() { return Elementwise.unary_(UnaryOp.ATANH, this); }

    /** {@code x.exp2()}: 2 to the power of each element. */
    public Tensor exp2() { return Elementwise.unary(UnaryOp.EXP2, this); }

    /** {@code x.exp2_()}: 2 to the power of each element, in place; returns this. */
    public Tensor exp2_() { return Elementwise.unary_(UnaryOp.EXP2, this); }

    /** x - trunc(x). */
    public Tensor frac() { return Elementwise.unary(UnaryOp.FRAC, this); }

    /** {@code x.frac_()}: the fractional part x - trunc(x), in place; returns this. */
    public Tensor frac_() { return Elementwise.unary_(UnaryOp.FRAC, this); }

    // ---------------------------------------------------------------- NumPy-style aliases PyTorch has

    /** {@code x.absolute()}: an alias of abs. */
    public Tensor absolute() { return abs(); }

    /** {@code x.arcsin()}: an alias of asin. */
    public Tensor arcsin() { return asin(); }

    /** {@code x.arccos()}: an alias of acos. */
    public Tensor arccos() { return acos(); }

    /** {@code x.arctan()}: an alias of atan. */
    public Tensor arctan() { return atan(); }

    /** {@code x.arcsinh()}: an alias of asinh. */
    public Tensor arcsinh() { return asinh(); }

    /** {@code x.arccosh()}: an alias of acosh. */
    public Tensor arccosh() { return acosh(); }

    /** {@code x.arctanh()}: an alias of atanh. */
    public Tensor arctanh() { return atanh(); }

    /** {@code x.arctan2(other)}: an alias of atan2. */
    public Tensor arctan2(Tensor other) { return atan2(other); }

    /** {@code x.negative()}: an alias of neg. */
    public Tensor negative() { return neg(); }

    /** trunc. */
    public Tensor fix() { return trunc(); }

    /** sign (jgrad's tensors are real). */
    public Tensor sgn() { return sign(); }

    /** {@code x.multiply(other)}: an alias of mul. */
    public Tensor multiply(Tensor other) { return mul(other); }

    /** {@code x.multiply(other)}: an alias of mul (other a Python number). */
    public Tensor multiply(double other) { return mul(other); }

    /** {@code x.divide(other)}: an alias of div. */
    public Tensor divide(Tensor other) { return div(other); }

    /** {@code x.divide(other)}: an alias of div (other a Python number). */
    public Tensor divide(double other) { return div(other); }

    /** {@code x.true_divide(other)}: an alias of div. */
    public Tensor trueDivide(Tensor other) { return div(other); }

    /** {@code x.subtract(other)}: an alias of sub. */
    public Tensor subtract(Tensor other) { return sub(other); }

    /** {@code x.subtract(other)}: an alias of sub (other a Python number). */
    public Tensor subtract(double other) { return sub(other); }

    /** {@code x.greater(other)}: an alias of gt. */
    public Tensor greater(Tensor other) { return gt(other); }

    /** {@code x.greater_equal(other)}: an alias of ge. */
    public Tensor greaterEqual(Tensor other) { return ge(other); }

    /** {@code x.less(other)}: an alias of lt. */
    public Tensor less(Tensor other) { return lt(other); }

    /** {@code x.less_equal(other)}: an alias of le. */
    public Tensor lessEqual(Tensor other) { return le(other); }

    /** {@code x.not_equal(other)}: an alias of ne. */
    public Tensor notEqual(Tensor other) { return ne(other); }

    /** {@code x.greater(other)}: an alias of gt (other a Python number). */
    public Tensor greater(double other) { return gt(other); }

    /** {@code x.greater_equal(other)}: an alias of ge (other a Python number). */
    public Tensor greaterEqual(double other) { return ge(other); }

    /** {@code x.less(other)}: an alias of lt (other a Python number). */
    public Tensor less(double other) { return lt(other); }

    /** {@code x.less_equal(other)}: an alias of le (other a Python number). */
    public Tensor lessEqual(double other) { return le(other); }

    /** {@code x.not_equal(other)}: an alias of ne (other a Python number). */
    public Tensor notEqual(double other) { return ne(other); }

    /** {@code x.swapaxes(axis0, axis1)}: an alias of transpose. */
    public Tensor swapaxes(int axis0, int axis1) { return transpose(axis0, axis1); }

    /** {@code x.swapdims(dim0, dim1)}: an alias of transpose. */
    public Tensor swapdims(int dim0, int dim1) { return transpose(dim0, dim1); }

    /** radians from degrees: x * pi / 180. */
    public Tensor deg2rad() { return mul(Math.PI / 180); }

    /** {@code x.rad2deg()}: radians converted to degrees. */
    public Tensor rad2deg() { return mul(180 / Math.PI); }

    /** x log(y), and 0 where x is 0 unless y is NaN ({@code torch.xlogy}). */
    public Tensor xlogy(Tensor other) { return Elementwise.xlogy(this, other); }

    /** {@code x.xlogy(other)}: this * log(other), 0 where this is 0 unless other is NaN (other a Python number). */
    public Tensor xlogy(double other) { return xlogy(Scalar.of(other)); }

    /** {@code x.xlogy_(other)}: this * log(other), 0 where this is 0 unless other is NaN, in place; returns this. */
    public Tensor xlogy_(Tensor other) { return Copying.writeBack(this, old -> old.xlogy(other), other); }

    /** log(x / (1 - x)). */
    public Tensor logit() { return FloatingFunctions.logit(this, null); }

    /** log(x / (1 - x)) of x clamped to [eps, 1 - eps]. */
    public Tensor logit(double eps) { return FloatingFunctions.logit(this, eps); }

    /** x * x; bool squares to int64, as {@code torch.square}. */
    public Tensor square() { return dtype() == DType.BOOL ? to(DType.INT64).pow(2L) : pow(2L); }

    /** {@code x.square_()}: x * x, elementwise, in place; returns this. */
    public Tensor square_() { return pow_(2L); }

    // ---------------------------------------------------------------- comparisons and selection

    /** {@code x.eq(other)}: elementwise ==, bool. */
    public Tensor eq(Tensor other) { return Elementwise.compare("eq", CompareOp.EQ, this, other); }

    /** {@code x.eq(other)}: elementwise ==, bool (other a Python number). */
    public Tensor eq(double other) { return eq(Scalar.of(other)); }

    /** {@code x.eq(other)}: elementwise ==, bool (other a Python number). */
    public Tensor eq(long other) { return eq(Scalar.of(other)); }

    /** {@code x.ne(other)}: elementwise !=, bool. */
    public Tensor ne(Tensor other) { return Elementwise.compare("ne", CompareOp.NE, this, other); }

    /** {@code x.ne(other)}: elementwise !=, bool (other a Python number). */
    public Tensor ne(double other) { return ne(Scalar.of(other)); }

    /** {@code x.ne(other)}: elementwise !=, bool (other a Python number). */
    public Tensor ne(long other) { return ne(Scalar.of(other)); }

    /** {@code x.gt(other)}: elementwise &gt;, bool. */
    public Tensor gt(Tensor other) { return Elementwise.compare("gt", CompareOp.GT, this, other); }

    /** {@code x.gt(other)}: elementwise &gt;, bool (other a Python number). */
    public Tensor gt(double other) { return gt(Scalar.of(other)); }

    /** {@code x.gt(other)}: elementwise &gt;, bool (other a Python number). */
    public Tensor gt(long other) { return gt(Scalar.of(other)); }

    /** {@code x.ge(other)}: elementwise &gt;=, bool. */
    public Tensor ge(Tensor other) { return Elementwise.compare("ge", CompareOp.GE, this, other); }

    /** {@code x.ge(other)}: elementwise &gt;=, bool (other a Python number). */
    public Tensor ge(double other) { return ge(Scalar.of(other)); }

    /** {@code x.ge(other)}: elementwise &gt;=, bool (other a Python number). */
    public Tensor ge(long other) { return ge(Scalar.of(other)); }

    /** {@code x.lt(other)}: elementwise &lt;, bool. */
    public Tensor lt(Tensor other) { return Elementwise.compare("lt", CompareOp.LT, this, other); }

    /** {@code x.lt(other)}: elementwise &lt;, bool (other a Python number). */
    public Tensor lt(double other) { return lt(Scalar.of(other)); }

    /** {@code x.lt(other)}: elementwise &lt;, bool (other a Python number). */
    public Tensor lt(long other) { return lt(Scalar.of(other)); }

    /** {@code x.le(other)}: elementwise &lt;=, bool. */
    public Tensor le(Tensor other) { return Elementwise.compare("le", CompareOp.LE, this, other); }

    /** {@code x.le(other)}: elementwise &lt;=, bool (other a Python number). */
    public Tensor le(double other) { return le(Scalar.of(other)); }

    /** {@code x.le(other)}: elementwise &lt;=, bool (other a Python number). */
    public Tensor le(long other) { return le(Scalar.of(other)); }

    // In-place comparisons write 1 or 0 in this tensor's own dtype (a.eq_(b) is a.copy_(a == b)).

    /** {@code x.eq_(other)}: elementwise ==, written as 1 or 0 in this tensor's dtype, in place; returns this. */
    public Tensor eq_(Tensor other) { return Copying.writeBack(this, old -> old.eq(other), other); }

    /**
     * {@code x.eq_(other)}: elementwise ==, written as 1 or 0 in this tensor's dtype (other a Python number), in
     * place; returns this.
     */
    public Tensor eq_(double other) { return eq_(Scalar.of(other)); }

    /** {@code x.ne_(other)}: elementwise !=, written as 1 or 0 in this tensor's dtype, in place; returns this. */
    public Tensor ne_(Tensor other) { return Copying.writeBack(this, old -> old.ne(other), other); }

    /**
     * {@code x.ne_(other)}: elementwise !=, written as 1 or 0 in this tensor's dtype (other a Python number), in
     * place; returns this.
     */
    public Tensor ne_(double other) { return ne_(Scalar.of(other)); }

    /** {@code x.gt_(other)}: elementwise &gt;, written as 1 or 0 in this tensor's dtype, in place; returns this. */
    public Tensor gt_(Tensor other) { return Copying.writeBack(this, old -> old.gt(other), other); }

    /**
     * {@code x.gt_(other)}: elementwise &gt;, written as 1 or 0 in this tensor's dtype (other a Python number), in
     * place; returns this.
     */
    public Tensor gt_(double other) { return gt_(Scalar.of(other)); }

    /** {@code x.ge_(other)}: elementwise &gt;=, written as 1 or 0 in this tensor's dtype, in place; returns this. */
    public Tensor ge_(Tensor other) { return Copying.writeBack(this, old -> old.ge(other), other); }

    /**
     * {@code x.ge_(other)}: elementwise &gt;=, written as 1 or 0 in this tensor's dtype (other a Python number), in
     * place; returns this.
     */
    public Tensor ge_(double other) { return ge_(Scalar.of(other)); }

    /** {@code x.lt_(other)}: elementwise &lt;, written as 1 or 0 in this tensor's dtype, in place; returns this. */
    public Tensor lt_(Tensor other) { return Copying.writeBack(this, old -> old.lt(other), other); }

    /**
     * {@code x.lt_(other)}: elementwise &lt;, written as 1 or 0 in this tensor's dtype (other a Python number), in
     * place; returns this.
     */
    public Tensor lt_(double other) { return lt_(Scalar.of(other)); }

    /** {@code x.le_(other)}: elementwise &lt;=, written as 1 or 0 in this tensor's dtype, in place; returns this. */
    public Tensor le_(Tensor other) { return Copying.writeBack(this, old -> old.le(other), other); }

    /**
     * {@code x.le_(other)}: elementwise &lt;=, written as 1 or 0 in this tensor's dtype (other a Python number), in
     * place; returns this.
     */
    public Tensor le_(double other) { return le_(Scalar.of(other)); }

    /** {@code x.greater_(other)}: an alias of gt, in place; returns this. */
    public Tensor greater_(Tensor other) { return gt_(other); }

    /** {@code x.greater_(other)}: an alias of gt (other a Python number), in place; returns this. */
    public Tensor greater_(double other) { return gt_(other); }

    /** {@code x.greater_equal_(other)}: an alias of ge, in place; returns this. */
    public Tensor greaterEqual_(Tensor other) { return ge_(other); }

    /** {@code x.greater_equal_(other)}: an alias of ge (other a Python number), in place; returns this. */
    public Tensor greaterEqual_(double other) { return ge_(other); }

    /** {@code x.less_(other)}: an alias of lt, in place; returns this. */
    public Tensor less_(Tensor other) { return lt_(other); }

    /** {@code x.less_(other)}: an alias of lt (other a Python number), in place; returns this. */
    public Tensor less_(double other) { return lt_(other); }

    /** {@code x.less_equal_(other)}: an alias of le, in place; returns this. */
    public Tensor lessEqual_(Tensor other) { return le_(other); }

    /** {@code x.less_equal_(other)}: an alias of le (other a Python number), in place; returns this. */
    public Tensor lessEqual_(double other) { return le_(other); }

    /** {@code x.not_equal_(other)}: an alias of ne, in place; returns this. */
    public Tensor notEqual_(Tensor other) { return ne_(other); }

    /** {@code x.not_equal_(other)}: an alias of ne (other a Python number), in place; returns this. */
    public Tensor notEqual_(double other) { return ne_(other); }

    /** {@code x.logical_and(other)}: elementwise logical AND, bool. */
    public Tensor logicalAnd(Tensor other) { return Elementwise.compare("logical_and", CompareOp.LOGICAL_AND, this, other); }

    /** {@code x.logical_or(other)}: elementwise logical OR, bool. */
    public Tensor logicalOr(Tensor other) { return Elementwise.compare("logical_or", CompareOp.LOGICAL_OR, this, other); }

    /** {@code x.logical_xor(other)}: elementwise logical XOR, bool. */
    public Tensor logicalXor(Tensor other) { return Elementwise.compare("logical_xor", CompareOp.LOGICAL_XOR, this, other); }

    /** {@code x.logical_not()}: elementwise logical NOT, bool. */
    public Tensor logicalNot() { return Elementwise.compare("logical_not", CompareOp.EQ, this, Scalar.of(false)); }

    /** True when both have the same shape and elements ({@code torch.equal}). */
    public boolean equal(Tensor other) { return Elementwise.equal(this, other); }

    /** {@code torch.allclose}: |a - b| &lt;= atol + rtol * |b| everywhere. */
    public boolean allclose(Tensor other, double rtol, double atol) { return Elementwise.allclose(this, other, rtol, atol); }

    /** {@code x.allclose(other)}: whether |this - other| &lt;= atol + rtol * |other| everywhere. */
    public boolean allclose(Tensor other) { return allclose(other, 1e-5, 1e-8); }

    /** {@code torch.isclose}: elementwise |a - b| &lt;= atol + rtol * |b|, or equal (infinities too); NaN only with equalNan. */
    public Tensor isclose(Tensor other, double rtol, double atol, boolean equalNan) {
        return Elementwise.isclose(this, other, rtol, atol, equalNan);
    }

    /** {@code x.isclose(other)}: elementwise |this - other| &lt;= atol + rtol * |other|, bool. */
    public Tensor isclose(Tensor other) { return isclose(other, 1e-5, 1e-8, false); }

    /** The p-norm of this - other ({@code torch.dist}). */
    public Tensor dist(Tensor other, double p) { return sub(other).norm(p); }

    /** {@code x.dist(other)}: the p-norm of this - other. */
    public Tensor dist(Tensor other) { return dist(other, 2); }

    /** {@code torch.where(condition, this, other)}. */
    public Tensor where(Tensor condition, Tensor other) { return Elementwise.where(condition, this, other); }

    /** {@code x.where(condition, other)}: this where condition is true, other elsewhere (other a Python number). */
    public Tensor where(Tensor condition, double other) { return where(condition, Scalar.of(other)); }

    // ---------------------------------------------------------------- reductions

    /** {@code x.sum()}: the sum over all elements or dims (integers and bools sum as int64). */
    public Tensor sum() { return Reductions.sum(this); }

    /** {@code x.sum(dim)}: the sum over all elements or dims (integers and bools sum as int64). */
    public Tensor sum(int dim) { return sum(new int[] {dim}, false); }

    /** {@code x.sum(dim, keepdim)}: the sum over all elements or dims (integers and bools sum as int64). */
    public Tensor sum(int dim, boolean keepdim) { return sum(new int[] {dim}, keepdim); }

    /** {@code x.sum(dims, keepdim)}: the sum over all elements or dims (integers and bools sum as int64). */
    public Tensor sum(int[] dims, boolean keepdim) { return Reductions.sum(this, dims, keepdim); }

    /** {@code x.mean()}: the mean over all elements or dims (floating dtypes only). */
    public Tensor mean() { return Reductions.mean(this); }

    /** {@code x.mean(dim)}: the mean over all elements or dims (floating dtypes only). */
    public Tensor mean(int dim) { return mean(new int[] {dim}, false); }

    /** {@code x.mean(dim, keepdim)}: the mean over all elements or dims (floating dtypes only). */
    public Tensor mean(int dim, boolean keepdim) { return mean(new int[] {dim}, keepdim); }

    /** {@code x.mean(dims, keepdim)}: the mean over all elements or dims (floating dtypes only). */
    public Tensor mean(int[] dims, boolean keepdim) { return Reductions.mean(this, dims, keepdim); }

    /** {@code x.prod()}: the product over all elements or along dim. */
    public Tensor prod() { return Reductions.prod(this); }

    /** {@code x.prod(dim)}: the product over all elements or along dim. */
    public Tensor prod(int dim) { return prod(dim, false); }

    /** {@code x.prod(dim, keepdim)}: the product over all elements or along dim. */
    public Tensor prod(int dim, boolean keepdim) { return Reductions.prod(this, dim, keepdim); }

    /** The largest element (NaN if any is NaN). */
    public Tensor max() { return Reductions.extremeOfAll(this, true); }

    /** Values and first indices of the largest elements along dim. */
    public ValuesIndices max(int dim) { return max(dim, false); }

    /** {@code x.max(dim, keepdim)}: the maximum (over all elements, or along dim with indices). */
    public ValuesIndices max(int dim, boolean keepdim) { return Reductions.extremeAlong(this, dim, keepdim, true); }

    /** Elementwise maximum, as {@code torch.max(a, b)}. */
    public Tensor max(Tensor other) { return maximum(other); }

    /** {@code x.min()}: the minimum (over all elements, or along dim with indices). */
    public Tensor min() { return Reductions.extremeOfAll(this, false); }

    /** {@code x.min(dim)}: the minimum (over all elements, or along dim with indices). */
    public ValuesIndices min(int dim) { return min(dim, false); }

    /** {@code x.min(dim, keepdim)}: the minimum (over all elements, or along dim with indices). */
    public ValuesIndices min(int dim, boolean keepdim) { return Reductions.extremeAlong(this, dim, keepdim, false); }

    /** {@code x.min(other)}: the minimum (over all elements, or along dim with indices). */
    public Tensor min(Tensor other) { return minimum(other); }

    /** {@code x.amax(dim, keepdim)}: the maximum over dims (no indices; gradient split evenly between ties). */
    public Tensor amax(int dim, boolean keepdim) { return Reductions.amax(this, dim, keepdim, true); }

    /** {@code x.amin(dim, keepdim)}: the minimum over dims (no indices; gradient split evenly between ties). */
    public Tensor amin(int dim, boolean keepdim) { return Reductions.amax(this, dim, keepdim, false); }

    /** Index of the largest element of the flattened tensor. */
    public Tensor argmax() { return Reductions.argAll(this, true); }

    /** {@code x.argmax(dim)}: the index of the maximum (the first one on ties), int64. */
    public Tensor argmax(int dim) { return Reductions.extreme(this, dim, false, true, "argmax").indices(); }

    /** {@code x.argmax(dim, keepdim)}: the index of the maximum (the first one on ties), int64. */
    public Tensor argmax(int dim, boolean keepdim) { return Reductions.extreme(this, dim, keepdim, true, "argmax").indices(); }

    /** {@code x.argmin()}: the index of the minimum (the first one on ties), int64. */
    public Tensor argmin() { return Reductions.argAll(this, false); }

    /** {@code x.argmin(dim)}: the index of the minimum (the first one on ties), int64. */
    public Tensor argmin(int dim) { return Reductions.extreme(this, dim, false, false, "argmin").indices(); }

    /** {@code x.argmin(dim, keepdim)}: the index of the minimum (the first one on ties), int64. */
    public Tensor argmin(int dim, boolean keepdim) { return Reductions.extreme(this, dim, keepdim, false, "argmin").indices(); }

    /** The 2-norm of all elements. */
    public Tensor norm() { return norm(2); }

    /** The p-norm of all elements (p may be infinite). */
    public Tensor norm(double p) { return Reductions.norm(this, p, null, false); }

    /** {@code x.norm(p, dim, keepdim)}: the p-norm over all elements or dims. */
    public Tensor norm(double p, int dim, boolean keepdim) { return Reductions.norm(this, p, new int[] {dim}, keepdim); }

    /** {@code x.all()}: whether every element is non-zero (bool). */
    public Tensor all() { return Reductions.logicalAll(this, true); }

    /** {@code x.all(dim)}: whether every element is non-zero (bool). */
    public Tensor all(int dim) { return Reductions.logical(this, dim, false, true); }

    /** {@code x.all(dim, keepdim)}: whether every element is non-zero (bool). */
    public Tensor all(int dim, boolean keepdim) { return Reductions.logical(this, dim, keepdim, true); }

    /** {@code x.any()}: whether any element is non-zero (bool). */
    public Tensor any() { return Reductions.logicalAll(this, false); }

    /** {@code x.any(dim)}: whether any element is non-zero (bool). */
    public Tensor any(int dim) { return Reductions.logical(this, dim, false, false); }

    /** {@code x.any(dim, keepdim)}: whether any element is non-zero (bool). */
    public Tensor any(int dim, boolean keepdim) { return Reductions.logical(this, dim, keepdim, false); }

    /** {@code out[i][j] = this[i][index[i][j]]} along dim (dim=1 shown); index is int64. */
    public Tensor gather(int dim, Tensor index) { return Gathering.gather(this, dim, index); }

    /** A copy of this tensor with src added at the positions index names along dim. */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) { return Gathering.scatterAdd(this, dim, index, src); }

    /** A copy with alpha * source's slices added at the positions index names along dim (repeats add up). */
    public Tensor indexAdd(int dim, Tensor index, Tensor source) { return indexAdd(dim, index, source, 1.0); }

    /**
     * {@code x.index_add(dim, index, source, alpha)}: adds alpha * source into the rows (along dim) given by index.
     */
    public Tensor indexAdd(int dim, Tensor index, Tensor source, double alpha) { return Gathering.indexAdd(this, dim, index, source, alpha); }

    /**
     * {@code x.index_add_(dim, index, source)}: adds source into the rows (along dim) given by index, in place;
     * returns this.
     */
    public Tensor indexAdd_(int dim, Tensor index, Tensor source) { return Copying.writeBack(this, old -> old.indexAdd(dim, index, source), source); }

    /**
     * {@code x.index_add_(dim, index, source, alpha)}: adds alpha * source into the rows (along dim) given by index,
     * in place; returns this.
     */
    public Tensor indexAdd_(int dim, Tensor index, Tensor source, double alpha) {
        return Copying.writeBack(this, old -> old.indexAdd(dim, index, source, alpha), source);
    }

    /** A copy with value at every position of the slices index names along dim. */
    public Tensor indexFill(int dim, Tensor index, double value) { return Gathering.indexFill(this, dim, index, Scalar.of(value)); }

    /**
     * {@code x.index_fill_(dim, index, value)}: fills the rows (along dim) given by index with value; returns this.
     */
    public Tensor indexFill_(int dim, Tensor index, double value) { return Copying.writeBack(this, old -> old.indexFill(dim, index, value)); }

    /** A copy with source's slices at the positions index names along dim. */
    public Tensor indexCopy(int dim, Tensor index, Tensor source) { return Gathering.indexCopy(this, dim, index, source); }

    /**
     * {@code x.index_copy_(dim, index, source)}: copies source into the rows (along dim) given by index, in place;
     * returns this.
     */
    public Tensor indexCopy_(int dim, Tensor index, Tensor source) {
        return Copying.writeBack(this, old -> old.indexCopy(dim, index, source), source);
    }

    /** {@code x.scatter_add_(dim, index, src)}: a copy with src added at index along dim, in place; returns this. */
    public Tensor scatterAdd_(int dim, Tensor index, Tensor src) { return Copying.writeBack(this, old -> old.scatterAdd(dim, index, src), src); }

    /** A copy with src[..i..] written at the positions index names along dim. */
    public Tensor scatter(int dim, Tensor index, Tensor src) { return Gathering.scatter(this, dim, index, src); }

    /** A copy with value written at the positions index names along dim. */
    public Tensor scatter(int dim, Tensor index, double value) { return Gathering.scatter(this, dim, index, Scalar.of(value), true); }

    /**
     * {@code x.scatter_(dim, index, src)}: a copy with src (or value) written at index along dim, in place; returns
     * this.
     */
    public Tensor scatter_(int dim, Tensor index, Tensor src) { return Copying.writeBack(this, old -> old.scatter(dim, index, src), src); }

    /**
     * {@code x.scatter_(dim, index, value)}: a copy with src (or value) written at index along dim (value a Python
     * number), in place; returns this.
     */
    public Tensor scatter_(int dim, Tensor index, double value) { return Copying.writeBack(this, old -> old.scatter(dim, index, value)); }

    // ---------------------------------------------------------------- linear algebra

    /** {@code torch.matmul}: dot, matrix-vector, matrix-matrix or broadcast batched product by the inputs' dims. */
    public Tensor matmul(Tensor other) { return LinearAlgebra.matmul(this, other); }

    /** {@code x.mm(other)}: the matrix product of two 2-d tensors. */
    public Tensor mm(Tensor other) { return LinearAlgebra.mm(this, other); }

    /** {@code x.bmm(other)}: batched matrix product: (b, n, m) @ (b, m, p) gives (b, n, p). */
    public Tensor bmm(Tensor other) { return LinearAlgebra.bmm(this, other); }

    /** {@code x.mv(vec)}: the matrix-vector product. */
    public Tensor mv(Tensor vec) { return LinearAlgebra.mv(this, vec); }

    /** {@code x.dot(other)}: the dot product of two 1-d tensors. */
    public Tensor dot(Tensor other) { return LinearAlgebra.dot(this, other); }

    // ---------------------------------------------------------------- views and reshaping

    /** The same elements with a new shape, sharing memory; one size may be -1. */
    public Tensor view(long... shape) { return Views.view(this, shape); }

    /** The windows of size elements along dim, step apart, as a new last dim (a view; torch.Tensor.unfold). */
    public Tensor unfold(int dim, long size, long step) { return Views.unfold(this, dim, size, step); }

    /** dim split into sizes (one may be -1): a view. */
    public Tensor unflatten(int dim, long... sizes) { return Views.unflatten(this, dim, sizes); }

    /** A view when the layout allows, else a copy. */
    public Tensor reshape(long... shape) { return Views.reshape(this, shape); }

    /** {@code x.view_as(other)}: this viewed with other's shape. */
    public Tensor viewAs(Tensor other) { return view(other.shape()); }

    /** {@code x.reshape_as(other)}: this reshaped to other's shape. */
    public Tensor reshapeAs(Tensor other) { return reshape(other.shape()); }

    /** {@code x.flatten()}: the dims from startDim to endDim flattened into one (a view when possible). */
    public Tensor flatten() { return Views.flatten(this, 0, -1); }

    /**
     * {@code x.flatten(start_dim, end_dim)}: the dims from startDim to endDim flattened into one (a view when
     * possible).
     */
    public Tensor flatten(int startDim, int endDim) { return Views.flatten(this, startDim, endDim); }

    /** Dims from startDim to the last flattened into one. */
    public Tensor flatten(int startDim) { return flatten(startDim, -1); }

    /** This tensor if already contiguous, else a contiguous copy. */
    public Tensor contiguous() { return isContiguous() ? this : clone(); }

    /** {@code x.transpose(dim0, dim1)}: a view with two dims swapped. */
    public Tensor transpose(int dim0, int dim1) { return Views.transpose(this, dim0, dim1); }

    /** Transpose of a matrix; vectors and scalars come back as they are. */
    public Tensor t() { return Views.t(this); }

    /** {@code Tensor.T}: all dims reversed. */
    public Tensor T() {
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) dims[i] = dims.length - 1 - i;
        return permute(dims);
    }

    /** {@code x.permute(dims)}: a view with the dims in the given order. */
    public Tensor permute(int... dims) { return Views.permute(this, dims); }

    /** Removes every size-1 dim. */
    public Tensor squeeze() { return Views.squeeze(this); }

    /** {@code x.squeeze(dim)}: a view without the dims of size 1 (or without dim, when it has size 1). */
    public Tensor squeeze(int dim) { return Views.squeeze(this, dim); }

    /** {@code x.unsqueeze(dim)}: a view with a new dim of size 1 at dim. */
    public Tensor unsqueeze(int dim) { return Views.unsqueeze(this, dim); }

    /** A broadcast view: size-1 dims stretch without copying; -1 keeps a size. */
    public Tensor expand(long... sizes) { return Views.expand(this, sizes); }

    /** {@code x.expand_as(other)}: this expanded (a view) to other's shape. */
    public Tensor expandAs(Tensor other) { return expand(other.shape()); }

    /** {@code a[index]} along dim: removes that dim. */
    public Tensor select(int dim, long index) { return Views.select(this, dim, index); }

    /** {@code a[i]}: select along dim 0 (Kotlin's indexing operator). */
    public Tensor get(long index) { return Views.indexAt(this, 0, index); }

    /** {@code a[start:end:step]} along dim; bounds clamp like Python's. */
    public Tensor slice(int dim, long start, long end, long step) { return Views.slice(this, dim, start, end, step); }

    /**
     * {@code x.slice(dim, start, end)}: a view of dim from start (inclusive) to end (exclusive) in steps, as
     * x[start:end:step].
     */
    public Tensor slice(int dim, long start, long end) { return slice(dim, start, end, 1); }

    /** {@code x.narrow(dim, start, length)}: a view of length elements along dim starting at start. */
    public Tensor narrow(int dim, long start, long length) { return Views.narrow(this, dim, start, length); }

    /** NumPy-style basic indexing from a string: {@code ":, 2"}, {@code "1:3, ::2"}, {@code "..., None, -1"}. */
    public Tensor index(String indices) { return Views.index(this, indices); }

    /**
     * Advanced indexing, {@code x[idx]} and {@code x[mask]}: one entry per leading dim, each an int64
     * tensor of positions, a bool mask (covering as many dims as it has) or null for the whole dim. The
     * result is a new tensor (never a view).
     */
    public Tensor index(Tensor... indices) { return Indexing.index(this, indices); }

    /** {@code x[indices] = values} in place; values broadcast to what index(indices) would return. */
    public Tensor indexPut_(Tensor[] indices, Tensor values) { return indexPut_(indices, values, false); }

    /** accumulate: values are added, repeated positions adding up ({@code x[idx] += v} with repeats). */
    public Tensor indexPut_(Tensor[] indices, Tensor values, boolean accumulate) { return Indexing.indexPut_(this, indices, values, accumulate); }

    /**
     * {@code x.index_put_(indices, value)}: writes values at the positions given by index tensors (accumulating when
     * asked) (value a Python number); returns this.
     */
    public Tensor indexPut_(Tensor[] indices, double value) { return indexPut_(indices, Scalar.of(value), false); }

    /**
     * {@code x.index_put(indices, values)}: writes values at the positions given by index tensors (accumulating when
     * asked).
     */
    public Tensor indexPut(Tensor[] indices, Tensor values) { return indexPut(indices, values, false); }

    /**
     * {@code x.index_put(indices, values, accumulate)}: writes values at the positions given by index tensors
     * (accumulating when asked).
     */
    public Tensor indexPut(Tensor[] indices, Tensor values, boolean accumulate) { return Indexing.indexPut(this, indices, values, accumulate); }

    /** The elements where mask (broadcast with this) is true, as a vector. */
    public Tensor maskedSelect(Tensor mask) { return Indexing.maskedSelect(this, mask); }

    /** The coordinates of the non-zero elements: (count, dim) int64. */
    public Tensor nonzero() { return Indexing.nonzero(this); }

    /** nonzero(as_tuple=True): one vector of positions per dim. */
    public java.util.List<Tensor> nonzeroTuple() { return Indexing.nonzeroTuple(this); }

    /** {@code x.argwhere()}: the indices of the non-zero elements, one row per element, int64. */
    public Tensor argwhere() { return nonzero(); }

    /** Splits along dim into views of the given chunk size. */
    public java.util.List<Tensor> split(long splitSize, int dim) { return Views.split(this, splitSize, dim); }

    /** {@code x.chunk(chunks, dim)}: splits into the given number of nearly equal chunks along dim (views). */
    public java.util.List<Tensor> chunk(int chunks, int dim) { return Views.chunk(this, chunks, dim); }

    /** {@code x.unbind(dim)}: the slices along dim, as a list of views. */
    public java.util.List<Tensor> unbind(int dim) { return Views.unbind(this, dim); }

    /** Splits along dim into views of the given sizes (which must add up to the dim's size). */
    public java.util.List<Tensor> split(long[] splitSizes, int dim) { return Views.splitWithSizes(this, splitSizes, dim); }

    /** The last two dims swapped ({@code tensor.mT}). */
    public Tensor mT() { return Views.mT(this); }

    /** The conjugate transpose of a matrix; jgrad's dtypes are real, so the transpose ({@code tensor.H}). */
    public Tensor H() { return Views.matrixH(this); }

    /** The conjugate transpose of the last two dims ({@code tensor.mH}); for real dtypes {@link #mT()}. */
    public Tensor mH() { return Views.batchTranspose(this, "tensor.mH"); }

    /** {@code tensor.adjoint()}: the same as {@link #mH()}. */
    public Tensor adjoint() { return Views.batchTranspose(this, "tensor.adjoint()"); }

    /** The complex conjugate: jgrad's dtypes are real, so this tensor itself (as PyTorch returns for real ones). */
    public Tensor conj() { return this; }

    /** {@code x.conj_physical()}: the conjugate: this tensor itself, as jgrad has no complex dtypes. */
    public Tensor conjPhysical() { return this; }

    /** {@code x.resolve_conj()}: this (no conjugate bit to resolve). */
    public Tensor resolveConj() { return this; }

    /** {@code x.resolve_neg()}: this (no negation bit to resolve). */
    public Tensor resolveNeg() { return this; }

    /** {@code x.is_conj()}: whether the conjugate bit is set (always false: jgrad has no complex dtypes). */
    public boolean isConj() { return false; }

    /** {@code x.is_neg()}: whether the negation bit is set (always false). */
    public boolean isNeg() { return false; }

    /** {@code x.movedim(source, destination)}: a view with dims moved from source to destination positions. */
    public Tensor movedim(int source, int destination) { return movedim(new int[] {source}, new int[] {destination}); }

    /** {@code x.movedim(source, destination)}: a view with dims moved from source to destination positions. */
    public Tensor movedim(int[] source, int[] destination) { return Views.movedim(this, source, destination); }

    /** {@code x.moveaxis(source, destination)}: an alias of movedim. */
    public Tensor moveaxis(int source, int destination) { return movedim(source, destination); }

    /** The main diagonal of dims 0 and 1, as a view. */
    public Tensor diagonal() { return diagonal(0, 0, 1); }

    /** The diagonal at offset (above the main one when positive) of the (dim1, dim2) planes, as a view; it becomes the last dim. */
    public Tensor diagonal(long offset, int dim1, int dim2) { return Views.diagonal(this, offset, dim1, dim2); }

    // ---------------------------------------------------------------- copies, fills, conversions

    /** {@code x.clone()}: a copy with its own storage, recorded by autograd. */
    public Tensor clone() { return Copying.clone(this); }

    /** Copies src (broadcast, converted) into this tensor. */
    public Tensor copy_(Tensor src) { return Copying.copy_(this, src); }

    /** {@code x.fill_(value)}: fills with value; returns this. */
    public Tensor fill_(double value) { return Copying.fill_(this, Scalar.of(value)); }

    /** {@code x.fill_(value)}: fills with value; returns this. */
    public Tensor fill_(long value) { return Copying.fill_(this, Scalar.of(value)); }

    /** {@code x.fill_(value)}: fills with value; returns this. */
    public Tensor fill_(boolean value) { return Copying.fill_(this, Scalar.of(value)); }

    /** {@code x.zero_()}: fills with zeros; returns this. */
    public Tensor zero_() { return Copying.zero_(this); }

    /** This tensor if already of dtype, else a converted copy. */
    public Tensor to(DType dtype) { return to(device(), dtype); }

    /** {@code x.to(device)}: this tensor converted to a dtype and/or device (itself when nothing changes). */
    public Tensor to(Device device) { return to(device, dtype()); }

    /** {@code x.to(device, dtype)}: this tensor converted to a dtype and/or device (itself when nothing changes). */
    public Tensor to(Device device, DType dtype) { return Copying.to(this, device, dtype); }

    /** {@code .to(other.device, other.dtype)}. */
    public Tensor typeAs(Tensor other) { return to(other.device(), other.dtype()); }

    /** {@code x.cpu()}: this tensor on the CPU (itself when already there). */
    public Tensor cpu() { return to(Device.CPU); }

    /** {@code x.cuda()}: this tensor moved to cuda:0 (which fails until a CUDA backend is installed). */
    public Tensor cuda() { return to(Device.cuda(0)); }

    /** A tensor of the same values as float32 ({@code Tensor.float()}; Java reserves the name). */
    public Tensor toFloat() { return to(DType.FLOAT32); }

    /** {@code x.double()}: a float64 copy (itself when already float64). */
    public Tensor toDouble() { return to(DType.FLOAT64); }

    /** {@code x.long()}: an int64 copy (itself when already int64). */
    public Tensor toLong() { return to(DType.INT64); }

    /** {@code x.int()}: an int32 copy (itself when already int32). */
    public Tensor toInt() { return to(DType.INT32); }

    /** {@code x.bool()}: a bool copy (itself when already bool). */
    public Tensor toBool() { return to(DType.BOOL); }

    /** A tensor of the same values as float16, rounded to nearest even ({@code Tensor.half()}); this tensor when it is float16 already. */
    public Tensor half() { return to(DType.FLOAT16); }

    /** A tensor of the same values as bfloat16, rounded to nearest even ({@code Tensor.bfloat16()}); this tensor when it is bfloat16 already. */
    public Tensor bfloat16() { return to(DType.BFLOAT16); }

    // ---------------------------------------------------------------- new tensors like this one

    /**
     * {@code x.new_zeros(size)}: a tensor of zeros of the given shape, with this dtype and device (or the given
     * dtype).
     */
    public Tensor newZeros(long... size) { return Creation.full(size, Scalar.of(0L), dtype(), device()); }

    /**
     * {@code x.new_zeros(dtype, size)}: a tensor of zeros of the given shape, with this dtype and device (or the
     * given dtype).
     */
    public Tensor newZeros(DType dtype, long... size) { return Creation.full(size, Scalar.of(0L), dtype, device()); }

    /**
     * {@code x.new_ones(size)}: a tensor of ones of the given shape, with this dtype and device (or the given dtype).
     */
    public Tensor newOnes(long... size) { return Creation.full(size, Scalar.of(1L), dtype(), device()); }

    /**
     * {@code x.new_ones(dtype, size)}: a tensor of ones of the given shape, with this dtype and device (or the given
     * dtype).
     */
    public Tensor newOnes(DType dtype, long... size) { return Creation.full(size, Scalar.of(1L), dtype, device()); }

    /**
     * {@code x.new_empty(size)}: a zero-filled tensor (jgrad clears memory) of the given shape with this dtype and
     * device.
     */
    public Tensor newEmpty(long... size) { return Creation.empty(size, dtype(), device()); }

    /**
     * {@code x.new_full(size, value)}: a tensor of the given shape filled with value, with this dtype and device
     * (value a Python number).
     */
    public Tensor newFull(long[] size, double value) { return Creation.full(size, Scalar.of(value), dtype(), device()); }

    /** {@code x.new_tensor(data)}: a tensor of the given data, with this dtype and device. */
    public Tensor newTensor(Object data) { return Creation.tensor(data, dtype()); }

    // ---------------------------------------------------------------- autograd

    /** True for leaves that asked for gradients and for every tensor computed from one with grad mode on. */
    public boolean requiresGrad() { return requiresGrad || viewBase != null && ViewTracking.baseRequiresGrad(this); }

    /** Starts (or stops) recording ops on this leaf; float dtypes only. */
    public Tensor requiresGrad_(boolean requiresGrad) { return AutogradState.requiresGrad_(this, requiresGrad); }

    /** {@code x.requires_grad}: whether autograd records operations on this tensor, in place; returns this. */
    public Tensor requiresGrad_() { return requiresGrad_(true); }

    /** {@code t.requires_grad = flag}. */
    public void setRequiresGrad(boolean requiresGrad) { requiresGrad_(requiresGrad); }

    /** The node that made this tensor, or null for leaves. */
    public Node gradFn() { return viewBase == null ? gradFn : ViewTracking.gradFn(this); }

    /** Which output of {@link #gradFn()} this tensor is ({@code output_nr}). */
    public int outputNr() { return outputNr; }

    /**
     * The accumulated gradient. For a non-leaf that doesn't {@link #retainGrad()} this is null, and
     * PyTorch's warning is logged (once).
     */
    public Tensor grad() {
        if (gradFn != null && !retainsGrad && grad == null) AutogradState.warnNonLeafGrad();
        return grad;
    }

    /** {@code t.grad = g}: same shape and dtype as this tensor, or null. */
    public void setGrad(Tensor g) { AutogradState.setGrad(this, g); }

    /**
     * {@code x.is_leaf()}: whether this is a leaf of the autograd graph (made by the user, or not requiring grad).
     */
    public boolean isLeaf() { return gradFn() == null; }

    /** Keeps this non-leaf's gradient in {@link #grad()} after backward; a no-op on leaves. */
    public Tensor retainGrad() { return AutogradState.retainGrad(this); }

    /** {@code x.retains_grad()}: whether retain_grad() was called on this non-leaf. */
    public boolean retainsGrad() { return retainsGrad; }

    /** How many in-place writes this tensor's storage has seen; an inference tensor has no version counter and raises, as PyTorch's. */
    public int version() {
        if (inference) throw new IllegalStateException("Inference tensors do not track version counter.");
        return versionCounter.get();
    }

    /** True for a tensor that views another's memory ({@code _is_view()}). */
    public boolean isView() { return viewBase != null; }

    /** The tensor this one is a view of ({@code _base}), or null. */
    public Tensor base() { return viewBase; }

    /** True for tensors made under {@code inferenceMode()}. */
    public boolean isInference() { return inference; }

    /** A tensor sharing storage (and version counter) that records no history: a leaf with requires_grad=false. */
    public Tensor detach() {
        Tensor d = new Tensor(storage, shape, stride, offset);
        d.versionCounter = versionCounter;
        return d;
    }

    /**
     * {@code t.data}: this tensor's values without history. It shares storage, but unlike {@link #detach()}
     * not the version counter, so writes through it escape autograd's saved-tensor check, as in PyTorch.
     */
    public Tensor data() { return new Tensor(storage, shape, stride, offset); }

    /**
     * {@code t.data = other}: this tensor object now views other's storage, shape and dtype (what
     * {@code Module.to(dtype)} uses so Parameter objects survive a conversion). History is untouched.
     */
    public void setData(Tensor other) {
        Checks.tensor(other, "set_data", "new_data", 1);
        if (requiresGrad() && !other.isFloatingPoint()) {
            throw new IllegalStateException("data set to a tensor that requires gradients must be floating point or complex dtype");
        }
        setLayout(other.storage, other.shape, other.stride, other.offset);
        if (grad != null && (grad.dtype() != other.dtype() || !java.util.Arrays.equals(grad.shape, other.shape))) grad = null;
    }

    /** Detaches this tensor in place from its history. */
    public Tensor detach_() { return AutogradState.detach_(this); }

    /** Runs hook on this tensor's gradient during backward; the hook may return a replacement (null keeps it). */
    public RemovableHandle registerHook(java.util.function.Function<Tensor, Tensor> hook) { return AutogradState.registerHook(this, hook); }

    /** Backward from a one-element tensor (implicit gradient 1). */
    public void backward() { backward(null, false, false); }

    /** Backward with an explicit gradient of this tensor's shape. */
    public void backward(Tensor gradient) { backward(gradient, false, false); }

    /** {@code backward(gradient, retain_graph, create_graph)}; gradient may be null for one-element tensors. */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        dev.jgrad.autograd.Autograd.backward(java.util.List.of(this), gradient == null ? null : java.util.Collections.singletonList(gradient),
                retainGraph || createGraph, createGraph, null);
    }

    /** {@code backward(gradient, retain_graph, create_graph, inputs)}: accumulates only into inputs. */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph, java.util.List<Tensor> inputs) {
        dev.jgrad.autograd.Autograd.backward(java.util.List.of(this), gradient == null ? null : java.util.Collections.singletonList(gradient),
                retainGraph || createGraph, createGraph, inputs);
    }

    // ---------------------------------------------------------------- nn ops

    /** {@code x.softmax(dim)}: exp(x) normalised to sum 1 along dim. */
    public Tensor softmax(int dim) { return Softmax.softmax(this, dim, false); }

    /** log(softmax(x)) computed without overflow for large logits. */
    public Tensor logSoftmax(int dim) { return Softmax.softmax(this, dim, true); }

    /** {@code x.logsumexp(dim, keepdim)}: log(sum(exp(x))) over dims, computed stably. */
    public Tensor logsumexp(int dim, boolean keepdim) { return Softmax.logsumexp(this, new int[] {dim}, keepdim); }

    /** {@code x.logsumexp(dims, keepdim)}: log(sum(exp(x))) over dims, computed stably. */
    public Tensor logsumexp(int[] dims, boolean keepdim) { return Softmax.logsumexp(this, dims, keepdim); }

    /** Exact gelu, x * Phi(x). */
    public Tensor gelu() { return Activations.gelu(this, "none"); }

    /** approximate: "none" or "tanh". */
    public Tensor gelu(String approximate) { return Activations.gelu(this, approximate); }

    /** {@code x.silu()}: x * sigmoid(x), elementwise. */
    public Tensor silu() { return Activations.silu(this); }

    /** {@code x.leaky_relu(negative_slope)}: x where x &gt; 0, else negativeSlope * x. */
    public Tensor leakyRelu(double negativeSlope) { return Activations.leakyRelu(this, negativeSlope); }

    /** The slices at index (int64 or int32, at most 1-d) along dim. */
    public Tensor indexSelect(int dim, Tensor index) { return Gathering.indexSelect(this, dim, index); }

    // ---------------------------------------------------------------- masks and triangles

    /** value where mask (bool, broadcast with this) is true; value is cast to this tensor's dtype. */
    public Tensor maskedFill(Tensor mask, double value) { return Masking.maskedFill(this, mask, Scalar.of(value)); }

    /** {@code x.masked_fill(mask, value)}: value where mask (bool, broadcast) is true, this elsewhere. */
    public Tensor maskedFill(Tensor mask, long value) { return Masking.maskedFill(this, mask, Scalar.of(value)); }

    /** {@code x.masked_fill(mask, value)}: value where mask (bool, broadcast) is true, this elsewhere. */
    public Tensor maskedFill(Tensor mask, boolean value) { return Masking.maskedFill(this, mask, Scalar.of(value)); }

    /** value is a 0-dim tensor (its gradient is the sum of the filled positions' gradients). */
    public Tensor maskedFill(Tensor mask, Tensor value) { return Masking.maskedFill(this, mask, value); }

    /**
     * {@code x.masked_fill_(mask, value)}: value where mask (bool, broadcast) is true, this elsewhere, in place;
     * returns this.
     */
    public Tensor maskedFill_(Tensor mask, double value) { return Masking.maskedFill_(this, mask, Scalar.of(value)); }

    /**
     * {@code x.masked_fill_(mask, value)}: value where mask (bool, broadcast) is true, this elsewhere, in place;
     * returns this.
     */
    public Tensor maskedFill_(Tensor mask, long value) { return Masking.maskedFill_(this, mask, Scalar.of(value)); }

    /**
     * {@code x.masked_fill_(mask, value)}: value where mask (bool, broadcast) is true, this elsewhere, in place;
     * returns this.
     */
    public Tensor maskedFill_(Tensor mask, boolean value) { return Masking.maskedFill_(this, mask, Scalar.of(value)); }

    /**
     * {@code x.masked_fill_(mask, value)}: value where mask (bool, broadcast) is true, this elsewhere, in place;
     * returns this.
     */
    public Tensor maskedFill_(Tensor mask, Tensor value) { return Masking.maskedFill_(this, mask, value); }

    /** The lower triangle of the last two dims (column - row &lt;= diagonal), zeros above. */
    public Tensor tril() { return tril(0); }

    /** {@code x.tril(diagonal)}: the lower triangle of the last two dims, zeros above. */
    public Tensor tril(long diagonal) { return Masking.tril(this, diagonal); }

    /** {@code x.tril_()}: the lower triangle of the last two dims, zeros above, in place; returns this. */
    public Tensor tril_() { return tril_(0); }

    /** {@code x.tril_(diagonal)}: the lower triangle of the last two dims, zeros above, in place; returns this. */
    public Tensor tril_(long diagonal) { return Masking.tril_(this, diagonal); }

    /** The upper triangle of the last two dims (column - row >= diagonal), zeros below. */
    public Tensor triu() { return triu(0); }

    /** {@code x.triu(diagonal)}: the upper triangle of the last two dims, zeros below. */
    public Tensor triu(long diagonal) { return Masking.triu(this, diagonal); }

    /** {@code x.triu_()}: the upper triangle of the last two dims, zeros below, in place; returns this. */
    public Tensor triu_() { return triu_(0); }

    /** {@code x.triu_(diagonal)}: the upper triangle of the last two dims, zeros below, in place; returns this. */
    public Tensor triu_(long diagonal) { return Masking.triu_(this, diagonal); }

    /** {@code x.isnan()}: elementwise: NaN. */
    public Tensor isnan() { return Elementwise.isnan(this); }

    /** {@code x.isinf()}: elementwise: infinite. */
    public Tensor isinf() { return Elementwise.isinf(this); }

    /** {@code x.isposinf()}: elementwise: positive infinity. */
    public Tensor isposinf() { return Elementwise.isposinf(this); }

    /** {@code x.isneginf()}: elementwise: negative infinity. */
    public Tensor isneginf() { return Elementwise.isneginf(this); }

    /** {@code x.isfinite()}: elementwise: neither infinite nor NaN. */
    public Tensor isfinite() { return Elementwise.isfinite(this); }

    /** NaN to 0, +inf and -inf to the dtype's largest and lowest finite values. */
    public Tensor nanToNum() { return Elementwise.nanToNum(this, null, null, null); }

    /** null for a bound keeps its default. */
    public Tensor nanToNum(Double nan, Double posinf, Double neginf) { return Elementwise.nanToNum(this, nan, posinf, neginf); }

    /** Clamps into [min, max] given as tensors that broadcast with this one; either may be null. */
    public Tensor clamp(Tensor min, Tensor max) { return Elementwise.clamp(this, min, max); }

    /** An alias of clamp. */
    public Tensor clip(double min, double max) { return clamp(min, max); }

    /** {@code x.clip(min, max)}: an alias of clamp. */
    public Tensor clip(Double min, Double max) { return clamp(min, max); }

    /** {@code x.clamp_(min, max)}: each element limited to [min, max] (null: no bound), in place; returns this. */
    public Tensor clamp_(double min, double max) { return Copying.writeBack(this, old -> old.clamp(min, max)); }

    /** {@code x.clamp_(min, max)}: each element limited to [min, max] (null: no bound), in place; returns this. */
    public Tensor clamp_(Double min, Double max) { return Copying.writeBack(this, old -> old.clamp(min, max)); }

    /** {@code x.clamp_min_(min)}: each element limited to at least min, in place; returns this. */
    public Tensor clampMin_(double min) { return clamp_(min, null); }

    /** {@code x.clamp_max_(max)}: each element limited to at most max, in place; returns this. */
    public Tensor clampMax_(double max) { return clamp_(null, max); }

    /** {@code x.clip_(min, max)}: an alias of clamp, in place; returns this. */
    public Tensor clip_(double min, double max) { return clamp_(min, max); }

    // ---------------------------------------------------------------- statistics, scans, sorting

    /** The variance of all elements, with Bessel's correction. */
    public Tensor var() { return var(true); }

    /** {@code x.var(unbiased)}: the variance (Bessel-corrected by default). */
    public Tensor var(boolean unbiased) { return Statistics.var(this, null, unbiased ? 1 : 0, false); }

    /** {@code x.var(dim)}: the variance (Bessel-corrected by default). */
    public Tensor var(int dim) { return var(dim, true, false); }

    /** {@code x.var(dim, unbiased, keepdim)}: the variance (Bessel-corrected by default). */
    public Tensor var(int dim, boolean unbiased, boolean keepdim) { return var(new int[] {dim}, unbiased, keepdim); }

    /** {@code x.var(dims, unbiased, keepdim)}: the variance (Bessel-corrected by default). */
    public Tensor var(int[] dims, boolean unbiased, boolean keepdim) { return Statistics.var(this, dims, unbiased ? 1 : 0, keepdim); }

    /** correction: the N - correction the sum of squares is divided by (1: Bessel's, 0: the population's). */
    public Tensor var(int[] dims, long correction, boolean keepdim) { return Statistics.var(this, dims, correction, keepdim); }

    /** The standard deviation of all elements, with Bessel's correction. */
    public Tensor std() { return std(true); }

    /** {@code x.std(unbiased)}: the standard deviation (Bessel-corrected by default). */
    public Tensor std(boolean unbiased) { return Statistics.std(this, null, unbiased ? 1 : 0, false); }

    /** {@code x.std(dim)}: the standard deviation (Bessel-corrected by default). */
    public Tensor std(int dim) { return std(dim, true, false); }

    /** {@code x.std(dim, unbiased, keepdim)}: the standard deviation (Bessel-corrected by default). */
    public Tensor std(int dim, boolean unbiased, boolean keepdim) { return std(new int[] {dim}, unbiased, keepdim); }

    /** {@code x.std(dims, unbiased, keepdim)}: the standard deviation (Bessel-corrected by default). */
    public Tensor std(int[] dims, boolean unbiased, boolean keepdim) { return Statistics.std(this, dims, unbiased ? 1 : 0, keepdim); }

    /** {@code x.std(dims, correction, keepdim)}: the standard deviation (Bessel-corrected by default). */
    public Tensor std(int[] dims, long correction, boolean keepdim) { return Statistics.std(this, dims, correction, keepdim); }

    /** Running sums along dim; integral and bool tensors give int64. */
    public Tensor cumsum(int dim) { return Scans.cumsum(this, dim, null); }

    /** {@code x.cumsum(dim, dtype)}: the running sum along dim. */
    public Tensor cumsum(int dim, DType dtype) { return Scans.cumsum(this, dim, dtype); }

    /** {@code x.cumprod(dim)}: the running product along dim. */
    public Tensor cumprod(int dim) { return Scans.cumprod(this, dim, null); }

    /** {@code x.cumprod(dim, dtype)}: the running product along dim. */
    public Tensor cumprod(int dim, DType dtype) { return Scans.cumprod(this, dim, dtype); }

    /** Sorted along the last dim, ascending, with each value's original position. */
    public ValuesIndices sort() { return sort(-1, false); }

    /** {@code x.sort(dim)}: the values sorted along dim (stable) and their indices. */
    public ValuesIndices sort(int dim) { return sort(dim, false); }

    /** {@code x.sort(dim, descending)}: the values sorted along dim (stable) and their indices. */
    public ValuesIndices sort(int dim, boolean descending) { return Sorting.sort(this, dim, descending, false); }

    /** stable: equal values keep their order (jgrad's sort always does). */
    public ValuesIndices sort(boolean stable, int dim, boolean descending) { return Sorting.sort(this, dim, descending, stable); }

    /** {@code x.argsort()}: the indices that sort the tensor along dim (stable), int64. */
    public Tensor argsort() { return argsort(-1, false); }

    /** {@code x.argsort(dim)}: the indices that sort the tensor along dim (stable), int64. */
    public Tensor argsort(int dim) { return argsort(dim, false); }

    /** {@code x.argsort(dim, descending)}: the indices that sort the tensor along dim (stable), int64. */
    public Tensor argsort(int dim, boolean descending) { return Sorting.argsort(this, dim, descending); }

    /** The lower median of all elements. */
    public Tensor median() { return Sorting.median(this); }

    /** The lower median along dim and where it is. */
    public ValuesIndices median(int dim) { return median(dim, false); }

    /** {@code x.median(dim, keepdim)}: the lower median (over all elements, or along dim with indices). */
    public ValuesIndices median(int dim, boolean keepdim) { return Sorting.median(this, dim, keepdim); }

    /** The distinct values, ascending. */
    public Tensor unique() { return Sorting.unique(this, false, false).get(0); }

    /** The k largest elements along the last dim, largest first. */
    public ValuesIndices topk(long k) { return topk(k, -1, true); }

    /** {@code x.topk(k, dim)}: the k largest (or smallest) values along dim and their indices. */
    public ValuesIndices topk(long k, int dim) { return topk(k, dim, true); }

    /** largest false: the k smallest, smallest first. */
    public ValuesIndices topk(long k, int dim, boolean largest) { return Sorting.topk(this, k, dim, largest); }

    /** sorted false is accepted; the result is sorted either way. */
    public ValuesIndices topk(long k, int dim, boolean largest, boolean sorted) { return Sorting.topk(this, k, dim, largest); }

    // ---------------------------------------------------------------- rearranging and repeating

    /** Shifted by shifts[i] along dims[i] with wrap-around (a copy); no dims: over the flattened tensor. */
    public Tensor roll(long[] shifts, int[] dims) { return Rearranging.roll(this, shifts, dims); }

    /** {@code x.roll(shift, dim)}: the elements shifted cyclically along dims. */
    public Tensor roll(long shift, int dim) { return roll(new long[] {shift}, new int[] {dim}); }

    /** Tiled: repeat with the counts right-aligned to the dims. */
    public Tensor tile(long... dims) { return Rearranging.tile(this, dims); }

    /** self + weight * (end - self). */
    public Tensor lerp(Tensor end, double weight) { return Elementwise.lerp(this, end, weight); }

    /** {@code x.lerp(end, weight)}: this + weight * (end - this). */
    public Tensor lerp(Tensor end, Tensor weight) { return Elementwise.lerp(this, end, weight); }

    /** {@code x.lerp_(end, weight)}: this + weight * (end - this), in place; returns this. */
    public Tensor lerp_(Tensor end, double weight) { return Copying.writeBack(this, old -> old.lerp(end, weight), end); }

    /** {@code x.lerp_(end, weight)}: this + weight * (end - this), in place; returns this. */
    public Tensor lerp_(Tensor end, Tensor weight) { return Copying.writeBack(this, old -> old.lerp(end, weight), end, weight); }

    /** {@code x.logaddexp(other)}: log(exp(this) + exp(other)), computed stably. */
    public Tensor logaddexp(Tensor other) { return Elementwise.logaddexp(this, other); }

    /** {@code x.hypot(other)}: sqrt(this^2 + other^2), elementwise. */
    public Tensor hypot(Tensor other) { return Elementwise.hypot(this, other); }

    /** The number of non-zero elements (over dims, when given). */
    public Tensor countNonzero(int... dims) {
        Tensor nz = ne(0L);
        return dims.length == 0 ? nz.sum() : nz.sum(dims, false);
    }

    /**
     * {@code x.logical_and_(other)}: elementwise logical AND, written as 1 or 0 in this tensor's dtype, in place;
     * returns this.
     */
    public Tensor logicalAnd_(Tensor other) { return Copying.writeBack(this, old -> old.logicalAnd(other)); }

    /**
     * {@code x.logical_or_(other)}: elementwise logical OR, written as 1 or 0 in this tensor's dtype, in place;
     * returns this.
     */
    public Tensor logicalOr_(Tensor other) { return Copying.writeBack(this, old -> old.logicalOr(other)); }

    /**
     * {@code x.logical_xor_(other)}: elementwise logical XOR, written as 1 or 0 in this tensor's dtype, in place;
     * returns this.
     */
    public Tensor logicalXor_(Tensor other) { return Copying.writeBack(this, old -> old.logicalXor(other)); }

    /**
     * {@code x.logical_not_()}: elementwise logical NOT, written as 1 or 0 in this tensor's dtype, in place; returns
     * this.
     */
    public Tensor logicalNot_() { return Copying.writeBack(this, Tensor::logicalNot); }

    /** Reversed along each of dims (a copy). */
    public Tensor flip(int... dims) { return Rearranging.flip(this, dims); }

    /** {@code x.fliplr()}: reversed along dim 1. */
    public Tensor fliplr() { return Rearranging.fliplr(this); }

    /** {@code x.flipud()}: reversed along dim 0. */
    public Tensor flipud() { return Rearranging.flipud(this); }

    /** Tiled repeats[i] times along dim i; more repeats than dims adds leading dims. */
    public Tensor repeat(long... repeats) { return Rearranging.repeat(this, repeats); }

    /** Each element of the flattened tensor repeated in place. */
    public Tensor repeatInterleave(long repeats) { return Rearranging.repeatInterleave(this, repeats, null); }

    /** {@code x.repeat_interleave(repeats, dim)}: each element (or slice along dim) repeated. */
    public Tensor repeatInterleave(long repeats, int dim) { return Rearranging.repeatInterleave(this, repeats, dim); }

    /** repeats: one count per slice along dim. */
    public Tensor repeatInterleave(Tensor repeats, int dim) { return Rearranging.repeatInterleave(this, repeats, dim); }

    /** {@code x.repeat_interleave(repeats)}: each element (or slice along dim) repeated. */
    public Tensor repeatInterleave(Tensor repeats) { return Rearranging.repeatInterleave(this, repeats, null); }

    /** The sum of the main diagonal of a matrix. */
    public Tensor trace() { return Diagonals.trace(this); }

    /** torch.linalg.inv of this (batches of) square matrix. */
    public Tensor inverse() { return Linalg.inv(this); }

    /** {@code x.det()}: the determinant of each square matrix in the last two dims. */
    public Tensor det() { return Linalg.det(this); }

    /** {@code x.logdet()}: the log-determinant of each square matrix. */
    public Tensor logdet() { return Torch.logdet(this); }

    /** {@code x.slogdet()}: the sign and log of |det| of each square matrix. */
    public Linalg.Slogdet slogdet() { return Linalg.slogdet(this); }

    /** The deprecated Tensor.cholesky: lower by default. */
    public Tensor cholesky() { return Torch.cholesky(this, false); }

    /** {@code x.cholesky(upper)}: the lower (or upper) Cholesky factor of a symmetric positive-definite matrix. */
    public Tensor cholesky(boolean upper) { return Torch.cholesky(this, upper); }

    /** {@code x.svd()}: the singular value decomposition U, S, V. */
    public Torch.Svd svd() { return Torch.svd(this); }

    /** {@code x.svd(some)}: the singular value decomposition U, S, V. */
    public Torch.Svd svd(boolean some) { return Torch.svd(this, some); }

    /** {@code x.pinverse()}: the Moore-Penrose pseudo-inverse. */
    public Tensor pinverse() { return Torch.pinverse(this); }

    /** {@code x.pinverse(rcond)}: the Moore-Penrose pseudo-inverse. */
    public Tensor pinverse(double rcond) { return Torch.pinverse(this, rcond); }

    /** {@code x.matrix_power(n)}: the n-th power of each square matrix (the inverse's for n &lt; 0). */
    public Tensor matrixPower(long n) { return Linalg.matrixPower(this, n); }

    /** torch.cross: along the first dim of size 3. */
    public Tensor cross(Tensor other) { return Torch.cross(this, other); }

    /** {@code x.cross(other, dim)}: the cross product along a dim of size 3. */
    public Tensor cross(Tensor other, int dim) { return Linalg.cross(this, other, dim); }

    /** The outer product of two vectors. */
    public Tensor outer(Tensor vec2) { return LinearAlgebra.outer(this, vec2); }

    /** this + mat1 @ mat2 ({@code torch.addmm(self, mat1, mat2)}), this broadcast to the product's shape. */
    public Tensor addmm(Tensor mat1, Tensor mat2) { return LinearAlgebra.addmm(this, mat1, mat2); }

    /** Fills with 1 with probability p, else 0, from the default generator (PyTorch's draw order). */
    public Tensor bernoulli_(double p) { return bernoulli_(p, Generator.defaultGenerator()); }

    /** {@code x.bernoulli_(p, generator)}: 0/1 draws, 1 with probability this (or p), in place; returns this. */
    public Tensor bernoulli_(double p, Generator generator) { return RandomFills.bernoulli_(this, p, generator); }

    /** {@code x.uniform_(from, to)}: fills with uniform draws from [from, to); returns this. */
    public Tensor uniform_(double from, double to) { return uniform_(from, to, Generator.defaultGenerator()); }

    /** {@code x.uniform_(from, to, generator)}: fills with uniform draws from [from, to); returns this. */
    public Tensor uniform_(double from, double to, Generator generator) { return RandomFills.uniform_(this, from, to, generator); }

    /** {@code x.normal_(mean, std)}: fills with normal draws of mean and std; returns this. */
    public Tensor normal_(double mean, double std) { return normal_(mean, std, Generator.defaultGenerator()); }

    /** {@code x.normal_(mean, std, generator)}: fills with normal draws of mean and std; returns this. */
    public Tensor normal_(double mean, double std, Generator generator) { return RandomFills.normal_(this, mean, std, generator); }

    /** Exponential draws with rate lambd (PyTorch's CPU stream for the same seed). */
    public Tensor exponential_() { return exponential_(1.0); }

    /** {@code x.exponential_(lambd)}: fills with exponential draws of rate lambd; returns this. */
    public Tensor exponential_(double lambd) { return exponential_(lambd, Generator.defaultGenerator()); }

    /** {@code x.exponential_(lambd, generator)}: fills with exponential draws of rate lambd; returns this. */
    public Tensor exponential_(double lambd, Generator generator) { return RandomFills.exponential_(this, lambd, generator); }

    /** Uniform integers in [from, to), drawn as {@code torch.randint} draws them. */
    public Tensor random_(long from, long to) { return random_(from, to, Generator.defaultGenerator()); }

    /** {@code x.random_(from, to, generator)}: fills with integers drawn uniformly from a range; returns this. */
    public Tensor random_(long from, long to, Generator generator) { return RandomFills.random_(this, from, to, generator, "RandomBackward2"); }

    /** Uniform integers in [0, to). */
    public Tensor random_(long to) { return random_(to, Generator.defaultGenerator()); }

    /** {@code x.random_(to, generator)}: fills with integers drawn uniformly from a range; returns this. */
    public Tensor random_(long to, Generator generator) { return RandomFills.random_(this, 0, to, generator, "RandomBackward1"); }

    /** Uniform integers from 0 up to the largest the dtype holds exactly (2^24 for float32, 2^53 for float64). */
    public Tensor random_() { return random_(Generator.defaultGenerator()); }

    /** {@code x.random_(generator)}: fills with integers drawn uniformly from a range; returns this. */
    public Tensor random_(Generator generator) { return RandomFills.random_(this, generator); }

    /** numSamples category indices drawn from the row(s) of weights this tensor holds (1-d or 2-d). */
    public Tensor multinomial(long numSamples) { return multinomial(numSamples, false); }

    /** {@code x.multinomial(num_samples, replacement)}: numSamples category indices drawn from the rows' weights. */
    public Tensor multinomial(long numSamples, boolean replacement) { return multinomial(numSamples, replacement, Generator.defaultGenerator()); }

    /**
     * {@code x.multinomial(num_samples, replacement, generator)}: numSamples category indices drawn from the rows'
     * weights.
     */
    public Tensor multinomial(long numSamples, boolean replacement, Generator generator) {
        return RandomFills.multinomial(this, numSamples, replacement, generator);
    }

    /** this + value * t1 * t2. */
    public Tensor addcmul(Tensor t1, Tensor t2, double value) { return FusedUpdates.addc(this, t1, t2, value, true); }

    /** this += value * t1 * t2, rounded as PyTorch rounds it (what optimizers use). */
    public Tensor addcmul_(Tensor t1, Tensor t2, double value) { return FusedUpdates.addc_(this, t1, t2, value, true); }

    /** this + value * t1 / t2. */
    public Tensor addcdiv(Tensor t1, Tensor t2, double value) { return FusedUpdates.addc(this, t1, t2, value, false); }

    /**
     * {@code x.addcdiv_(t1, t2, value)}: this + value * tensor1 / tensor2 (value a Python number), in place; returns
     * this.
     */
    public Tensor addcdiv_(Tensor t1, Tensor t2, double value) { return FusedUpdates.addc_(this, t1, t2, value, false); }

    // ---------------------------------------------------------------- more elementwise math

    /** |this| with other's sign (-0.0 is negative). */
    public Tensor copysign(Tensor other) { return FloatingFunctions.copysign(this, other); }

    /** {@code x.copysign(other)}: the magnitude of this with the sign of other (other a Python number). */
    public Tensor copysign(double other) { return FloatingFunctions.copysign(this, Scalar.of(other)); }

    /** {@code x.copysign_(other)}: the magnitude of this with the sign of other, in place; returns this. */
    public Tensor copysign_(Tensor other) { return Copying.writeBack(this, old -> old.copysign(other), other); }

    /**
     * {@code x.copysign_(other)}: the magnitude of this with the sign of other (other a Python number), in place;
     * returns this.
     */
    public Tensor copysign_(double other) { return Copying.writeBack(this, old -> old.copysign(other)); }

    /** True where the sign bit is set (-0.0 included). */
    public Tensor signbit() { return FloatingFunctions.signbit(this); }

    /** The elementwise maximum that ignores a NaN on one side. */
    public Tensor fmax(Tensor other) { return FloatingFunctions.fmax(this, other); }

    /** {@code x.fmin(other)}: the elementwise minimum, ignoring NaN. */
    public Tensor fmin(Tensor other) { return FloatingFunctions.fmin(this, other); }

    /** sin(pi x) / (pi x), 1 at 0. */
    public Tensor sinc() { return FloatingFunctions.sinc(this); }

    /** {@code x.sinc_()}: sin(pi x) / (pi x), 1 at 0, in place; returns this. */
    public Tensor sinc_() { return Copying.writeBack(this, Tensor::sinc); }

    /** log2(2^this + 2^other) without overflow. */
    public Tensor logaddexp2(Tensor other) { return FloatingFunctions.logaddexp2(this, other); }

    /** this * 2^other. */
    public Tensor ldexp(Tensor other) { return FloatingFunctions.ldexp(this, other); }

    /** {@code x.ldexp_(other)}: this * 2^other, in place; returns this. */
    public Tensor ldexp_(Tensor other) { return Copying.writeBack(this, old -> old.ldexp(other), other); }

    /** this^exponent computed in float64. */
    public Tensor floatPower(Tensor exponent) { return FloatingFunctions.floatPower(this, exponent); }

    /**
     * {@code x.float_power(exponent)}: this to the power exponent, computed in float64 (exponent a Python number).
     */
    public Tensor floatPower(double exponent) { return FloatingFunctions.floatPower(this, exponent); }

    /**
     * {@code x.float_power_(exponent)}: this to the power exponent, computed in float64 (exponent a Python number),
     * in place; returns this.
     */
    public Tensor floatPower_(double exponent) {
        if (dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("the base given to float_power_ has dtype " + dtype().scalarTypeName()
                    + " but the operation's result requires dtype Double");
        }
        return Copying.writeBack(this, old -> old.floatPower(exponent));
    }

    /** 0 below zero, 1 above, values where this is zero. */
    public Tensor heaviside(Tensor values) { return FloatingFunctions.heaviside(this, values); }

    /** C's fmod: the remainder with this tensor's sign. */
    public Tensor fmod(Tensor other) { return FloatingFunctions.fmod(this, other); }

    /** {@code x.fmod(other)}: the remainder of truncated division (the dividend's sign) (other a Python number). */
    public Tensor fmod(double other) { return fmod(Scalar.of(other)); }

    /** {@code x.fmod(other)}: the remainder of truncated division (the dividend's sign) (other a Python number). */
    public Tensor fmod(long other) { return fmod(Scalar.of(other)); }

    /** {@code x.fmod_(other)}: the remainder of truncated division (the dividend's sign), in place; returns this. */
    public Tensor fmod_(Tensor other) { return Copying.writeBack(this, old -> old.fmod(other), other); }

    /**
     * {@code x.fmod_(other)}: the remainder of truncated division (the dividend's sign) (other a Python number), in
     * place; returns this.
     */
    public Tensor fmod_(double other) { return fmod_(Scalar.of(other)); }

    /** {@code +tensor}: this tensor itself (bool is refused, as PyTorch refuses it). */
    public Tensor positive() {
        if (dtype() == DType.BOOL) throw new IllegalArgumentException("The `+` operator, on a bool tensor is not supported.");
        return this;
    }

    /** {@code x.bitwise_and(other)}: bitwise AND of integers (logical AND of bools). */
    public Tensor bitwiseAnd(Tensor other) { return Bitwise.and(this, other); }

    /** {@code x.bitwise_and(other)}: bitwise AND of integers (logical AND of bools) (other a Python number). */
    public Tensor bitwiseAnd(long other) { return Bitwise.and(this, Scalar.of(other)); }

    /** {@code x.bitwise_or(other)}: bitwise OR of integers (logical OR of bools). */
    public Tensor bitwiseOr(Tensor other) { return Bitwise.or(this, other); }

    /** {@code x.bitwise_or(other)}: bitwise OR of integers (logical OR of bools) (other a Python number). */
    public Tensor bitwiseOr(long other) { return Bitwise.or(this, Scalar.of(other)); }

    /** {@code x.bitwise_xor(other)}: bitwise XOR of integers (logical XOR of bools). */
    public Tensor bitwiseXor(Tensor other) { return Bitwise.xor(this, other); }

    /** {@code x.bitwise_xor(other)}: bitwise XOR of integers (logical XOR of bools) (other a Python number). */
    public Tensor bitwiseXor(long other) { return Bitwise.xor(this, Scalar.of(other)); }

    /** {@code x.bitwise_not()}: bitwise NOT of integers (logical NOT of bools). */
    public Tensor bitwiseNot() { return Bitwise.not(this); }

    /** {@code x.bitwise_left_shift(other)}: this shifted left by other bits. */
    public Tensor bitwiseLeftShift(Tensor other) { return Bitwise.leftShift(this, other); }

    /** {@code x.bitwise_left_shift(other)}: this shifted left by other bits (other a Python number). */
    public Tensor bitwiseLeftShift(long other) { return Bitwise.leftShift(this, Scalar.of(other)); }

    /** {@code x.bitwise_right_shift(other)}: this shifted right (arithmetically) by other bits. */
    public Tensor bitwiseRightShift(Tensor other) { return Bitwise.rightShift(this, other); }

    /**
     * {@code x.bitwise_right_shift(other)}: this shifted right (arithmetically) by other bits (other a Python
     * number).
     */
    public Tensor bitwiseRightShift(long other) { return Bitwise.rightShift(this, Scalar.of(other)); }

    /** {@code x.bitwise_and_(other)}: bitwise AND of integers (logical AND of bools), in place; returns this. */
    public Tensor bitwiseAnd_(Tensor other) { return Copying.writeBack(this, old -> old.bitwiseAnd(other), other); }

    /** {@code x.bitwise_or_(other)}: bitwise OR of integers (logical OR of bools), in place; returns this. */
    public Tensor bitwiseOr_(Tensor other) { return Copying.writeBack(this, old -> old.bitwiseOr(other), other); }

    /** {@code x.bitwise_xor_(other)}: bitwise XOR of integers (logical XOR of bools), in place; returns this. */
    public Tensor bitwiseXor_(Tensor other) { return Copying.writeBack(this, old -> old.bitwiseXor(other), other); }

    /** {@code x.bitwise_not_()}: bitwise NOT of integers (logical NOT of bools), in place; returns this. */
    public Tensor bitwiseNot_() { return Copying.writeBack(this, Tensor::bitwiseNot); }

    /** {@code x.bitwise_left_shift_(other)}: this shifted left by other bits, in place; returns this. */
    public Tensor bitwiseLeftShift_(Tensor other) { return Copying.writeBack(this, old -> old.bitwiseLeftShift(other), other); }

    /**
     * {@code x.bitwise_right_shift_(other)}: this shifted right (arithmetically) by other bits, in place; returns
     * this.
     */
    public Tensor bitwiseRightShift_(Tensor other) { return Copying.writeBack(this, old -> old.bitwiseRightShift(other), other); }

    // ---------------------------------------------------------------- more layout

    /** Rotated by 90 degrees k times in the plane of dims (default 0, 1). */
    public Tensor rot90(long k, int... dims) { return Reshaping.rot90(this, k, dims.length == 0 ? new int[] {0, 1} : dims); }

    /** {@code x.rot90()}: rotated by 90 degrees k times in the plane of two dims. */
    public Tensor rot90() { return rot90(1); }

    /** The n-th forward difference along dim. */
    public Tensor diff(int n, int dim, Tensor prepend, Tensor append) { return Reshaping.diff(this, n, dim, prepend, append); }

    /** {@code x.diff(n, dim)}: the n-th forward difference along dim. */
    public Tensor diff(int n, int dim) { return diff(n, dim, null, null); }

    /** {@code x.diff()}: the n-th forward difference along dim. */
    public Tensor diff() { return diff(1, -1); }

    /** The Kronecker product. */
    public Tensor kron(Tensor other) { return Reshaping.kron(this, other); }

    /** The elements at flat indices, shaped like index. */
    public Tensor take(Tensor index) { return Reshaping.take(this, index); }

    /** The last dim placed on the offset diagonal of new (dim1, dim2) planes. */
    public Tensor diagEmbed(long offset, int dim1, int dim2) { return Reshaping.diagEmbed(this, offset, dim1, dim2); }

    /** {@code x.diag_embed()}: matrices with the last dim on their diagonal. */
    public Tensor diagEmbed() { return diagEmbed(0, -2, -1); }

    /** The flattened tensor on the offset diagonal of a square matrix. */
    public Tensor diagflat(long offset) { return Reshaping.diagflat(this, offset); }

    /** {@code x.diagflat()}: a 2-d matrix with the flattened input on its diagonal. */
    public Tensor diagflat() { return diagflat(0); }

    /** {@code broadcast_to}: the same as {@link #expand}. */
    public Tensor broadcastTo(long... shape) { return expand(shape); }

    // ---------------------------------------------------------------- more reductions and statistics

    /** The sum with NaNs as zero. */
    public Tensor nansum() { return OrderStatistics.nansum(this, null, false); }

    /** {@code x.nansum(dims, keepdim)}: the sum treating NaN as 0. */
    public Tensor nansum(int[] dims, boolean keepdim) { return OrderStatistics.nansum(this, dims, keepdim); }

    /** The mean of the non-NaN elements. */
    public Tensor nanmean() { return OrderStatistics.nanmean(this, null, false); }

    /** {@code x.nanmean(dims, keepdim)}: the mean ignoring NaN. */
    public Tensor nanmean(int[] dims, boolean keepdim) { return OrderStatistics.nanmean(this, dims, keepdim); }

    /** (min, max) of all elements. */
    public java.util.List<Tensor> aminmax() { return OrderStatistics.aminmax(this, null, false); }

    /** {@code x.aminmax(dim, keepdim)}: the minimum and the maximum together. */
    public java.util.List<Tensor> aminmax(int dim, boolean keepdim) { return OrderStatistics.aminmax(this, dim, keepdim); }

    /** The k-th smallest element along dim (default the last) and its index. */
    public ValuesIndices kthvalue(long k) { return kthvalue(k, -1, false); }

    /** {@code x.kthvalue(k, dim)}: the k-th smallest value along dim and its index. */
    public ValuesIndices kthvalue(long k, int dim) { return kthvalue(k, dim, false); }

    /** {@code x.kthvalue(k, dim, keepdim)}: the k-th smallest value along dim and its index. */
    public ValuesIndices kthvalue(long k, int dim, boolean keepdim) { return OrderStatistics.kthvalue(this, k, dim, keepdim); }

    /** The q-th quantile of all elements, linearly interpolated. */
    public Tensor quantile(double q) { return quantile(Scalar.of(q).to(dtype()), null, false, "linear"); }

    /** {@code x.quantile(q, dim, keepdim)}: the q-th quantile with linear interpolation. */
    public Tensor quantile(double q, int dim, boolean keepdim) { return quantile(Scalar.of(q).to(dtype()), dim, keepdim, "linear"); }

    /** Quantiles q (a number or 1-d tensor) along dim (all elements when null); interpolation linear, lower, higher, midpoint or nearest. */
    public Tensor quantile(Tensor q, Integer dim, boolean keepdim, String interpolation) {
        return OrderStatistics.quantile(this, q, dim, keepdim, interpolation, false);
    }

    /** {@code x.nanquantile(q)}: the q-th quantile ignoring NaN. */
    public Tensor nanquantile(double q) { return nanquantile(Scalar.of(q).to(dtype()), null, false, "linear"); }

    /** {@code x.nanquantile(q, dim, keepdim, interpolation)}: the q-th quantile ignoring NaN. */
    public Tensor nanquantile(Tensor q, Integer dim, boolean keepdim, String interpolation) {
        return OrderStatistics.quantile(this, q, dim, keepdim, interpolation, true);
    }

    /** A histogram with bins equal-width bins over [min, max] (the data's range when both are 0). */
    public Tensor histc(long bins, double min, double max) { return OrderStatistics.histc(this, bins, min, max); }

    /** {@code x.histc()}: the histogram with bins equal-width bins between min and max. */
    public Tensor histc() { return histc(100, 0, 0); }

    /** The running maximum along dim and where it was reached. */
    public ValuesIndices cummax(int dim) { return RunningExtremes.cummax(this, dim); }

    /** {@code x.cummin(dim)}: the running minimum along dim and its indices. */
    public ValuesIndices cummin(int dim) { return RunningExtremes.cummin(this, dim); }

    /** log(cumsum(exp(this))) along dim, without overflow. */
    public Tensor logcumsumexp(int dim) { return RunningExtremes.logcumsumexp(this, dim); }

    // ---------------------------------------------------------------- fused products with scaling

    /** beta * this + alpha * (mat @ vec). */
    public Tensor addmv(Tensor mat, Tensor vec, double beta, double alpha) { return LinearAlgebra.addmv(this, mat, vec, beta, alpha); }

    /** {@code x.addmv(mat, vec)}: this + (mat @ vec). */
    public Tensor addmv(Tensor mat, Tensor vec) { return addmv(mat, vec, 1, 1); }

    /** {@code x.addmv_(mat, vec)}: this + (mat @ vec), in place; returns this. */
    public Tensor addmv_(Tensor mat, Tensor vec) { return Copying.writeBack(this, old -> old.addmv(mat, vec), mat, vec); }

    /** beta * this + alpha * outer(vec1, vec2). */
    public Tensor addr(Tensor vec1, Tensor vec2, double beta, double alpha) { return LinearAlgebra.addr(this, vec1, vec2, beta, alpha); }

    /** {@code x.addr(vec1, vec2)}: this + the outer product of vec1 and vec2. */
    public Tensor addr(Tensor vec1, Tensor vec2) { return addr(vec1, vec2, 1, 1); }

    /** {@code x.addr_(vec1, vec2)}: this + the outer product of vec1 and vec2, in place; returns this. */
    public Tensor addr_(Tensor vec1, Tensor vec2) { return Copying.writeBack(this, old -> old.addr(vec1, vec2), vec1, vec2); }

    /** beta * this + alpha * bmm(batch1, batch2). */
    public Tensor baddbmm(Tensor batch1, Tensor batch2, double beta, double alpha) { return LinearAlgebra.baddbmm(this, batch1, batch2, beta, alpha); }

    /** {@code x.baddbmm(batch1, batch2)}: this + (batch1 @ batch2), batch by batch. */
    public Tensor baddbmm(Tensor batch1, Tensor batch2) { return baddbmm(batch1, batch2, 1, 1); }

    /** {@code x.baddbmm_(batch1, batch2)}: this + (batch1 @ batch2), batch by batch, in place; returns this. */
    public Tensor baddbmm_(Tensor batch1, Tensor batch2) { return Copying.writeBack(this, old -> old.baddbmm(batch1, batch2), batch1, batch2); }

    /** beta * this + alpha * the batch sum of batch1[i] @ batch2[i]. */
    public Tensor addbmm(Tensor batch1, Tensor batch2, double beta, double alpha) { return LinearAlgebra.addbmm(this, batch1, batch2, beta, alpha); }

    /** {@code x.addbmm(batch1, batch2)}: this + the sum over the batch of batch1[i] @ batch2[i]. */
    public Tensor addbmm(Tensor batch1, Tensor batch2) { return addbmm(batch1, batch2, 1, 1); }

    /**
     * {@code x.addbmm_(batch1, batch2)}: this + the sum over the batch of batch1[i] @ batch2[i], in place; returns
     * this.
     */
    public Tensor addbmm_(Tensor batch1, Tensor batch2) { return Copying.writeBack(this, old -> old.addbmm(batch1, batch2), batch1, batch2); }

    // ---------------------------------------------------------------- aliases and small composites

    /** {@code x.absolute_()}: an alias of abs, in place; returns this. */
    public Tensor absolute_() { return abs_(); }

    /** {@code x.arcsin_()}: an alias of asin, in place; returns this. */
    public Tensor arcsin_() { return asin_(); }

    /** {@code x.arccos_()}: an alias of acos, in place; returns this. */
    public Tensor arccos_() { return acos_(); }

    /** {@code x.arctan_()}: an alias of atan, in place; returns this. */
    public Tensor arctan_() { return atan_(); }

    /** {@code x.arcsinh_()}: an alias of asinh, in place; returns this. */
    public Tensor arcsinh_() { return asinh_(); }

    /** {@code x.arccosh_()}: an alias of acosh, in place; returns this. */
    public Tensor arccosh_() { return acosh_(); }

    /** {@code x.arctanh_()}: an alias of atanh, in place; returns this. */
    public Tensor arctanh_() { return atanh_(); }

    /** {@code x.arctan2_(other)}: an alias of atan2, in place; returns this. */
    public Tensor arctan2_(Tensor other) { return atan2_(other); }

    /** {@code x.multiply_(other)}: an alias of mul, in place; returns this. */
    public Tensor multiply_(Tensor other) { return mul_(other); }

    /** {@code x.multiply_(other)}: an alias of mul (other a Python number), in place; returns this. */
    public Tensor multiply_(double other) { return mul_(other); }

    /** {@code x.subtract_(other)}: an alias of sub, in place; returns this. */
    public Tensor subtract_(Tensor other) { return sub_(other); }

    /** {@code x.subtract_(other)}: an alias of sub (other a Python number), in place; returns this. */
    public Tensor subtract_(double other) { return sub_(other); }

    /** {@code x.divide_(other)}: an alias of div, in place; returns this. */
    public Tensor divide_(Tensor other) { return div_(other); }

    /** {@code x.divide_(other)}: an alias of div (other a Python number), in place; returns this. */
    public Tensor divide_(double other) { return div_(other); }

    /** {@code x.true_divide_(other)}: an alias of div, in place; returns this. */
    public Tensor trueDivide_(Tensor other) { return div_(other); }

    /** {@code x.negative_()}: an alias of neg, in place; returns this. */
    public Tensor negative_() { return neg_(); }

    /** {@code x.fix_()}: an alias of trunc, in place; returns this. */
    public Tensor fix_() { return trunc_(); }

    /** {@code x.sgn_()}: an alias of sign for real tensors, in place; returns this. */
    public Tensor sgn_() { return sign_(); }

    /** {@code x.deg2rad_()}: degrees converted to radians, in place; returns this. */
    public Tensor deg2rad_() { return Copying.writeBack(this, Tensor::deg2rad); }

    /** {@code x.rad2deg_()}: radians converted to degrees, in place; returns this. */
    public Tensor rad2deg_() { return Copying.writeBack(this, Tensor::rad2deg); }

    /** {@code x.hypot_(other)}: sqrt(this^2 + other^2), elementwise, in place; returns this. */
    public Tensor hypot_(Tensor other) { return Copying.writeBack(this, old -> old.hypot(other), other); }

    /** {@code x.heaviside_(values)}: the Heaviside step: 0 below 0, 1 above, values at 0, in place; returns this. */
    public Tensor heaviside_(Tensor values) { return Copying.writeBack(this, old -> old.heaviside(values), values); }

    /** {@code x.logit_()}: log(p / (1 - p)), optionally clamped to [eps, 1 - eps], in place; returns this. */
    public Tensor logit_() { return Copying.writeBack(this, Tensor::logit); }

    /** {@code x.nan_to_num_()}: NaN, +inf and -inf replaced by finite values, in place; returns this. */
    public Tensor nanToNum_() { return Copying.writeBack(this, Tensor::nanToNum); }

    /**
     * {@code x.nan_to_num_(nan, posinf, neginf)}: NaN, +inf and -inf replaced by finite values, in place; returns
     * this.
     */
    public Tensor nanToNum_(Double nan, Double posinf, Double neginf) { return Copying.writeBack(this, old -> old.nanToNum(nan, posinf, neginf)); }

    /** {@code x.cumsum_(dim)}: the running sum along dim, in place; returns this. */
    public Tensor cumsum_(int dim) { return Copying.writeBack(this, old -> old.cumsum(dim)); }

    /** {@code x.cumprod_(dim)}: the running product along dim, in place; returns this. */
    public Tensor cumprod_(int dim) { return Copying.writeBack(this, old -> old.cumprod(dim)); }

    /** {@code x.addmm_(mat1, mat2)}: this + (mat1 @ mat2), in place; returns this. */
    public Tensor addmm_(Tensor mat1, Tensor mat2) { return Copying.writeBack(this, old -> old.addmm(mat1, mat2), mat1, mat2); }

    /**
     * {@code x.conj_physical_()}: the conjugate: this tensor itself, as jgrad has no complex dtypes, in place;
     * returns this.
     */
    public Tensor conjPhysical_() { return this; }

    /** The dot product of the last dims ({@code torch.inner}); a 0-dim side multiplies. */
    public Tensor inner(Tensor other) {
        if (dim() == 0 || other.dim() == 0) return mul(other);
        long n = size(-1);
        if (other.size(-1) != n) {
            throw new IllegalArgumentException("inner() the last dimension must match on both input tensors but got shapes "
                    + java.util.Arrays.toString(shape()) + " and " + java.util.Arrays.toString(other.shape()));
        }
        long[] out = new long[dim() - 1 + other.dim() - 1];
        System.arraycopy(shape(), 0, out, 0, dim() - 1);
        System.arraycopy(other.shape(), 0, out, dim() - 1, other.dim() - 1);
        return reshape(-1, n).matmul(other.reshape(-1, n).t()).reshape(out);
    }

    /** {@code ger}: the outer product. */
    public Tensor ger(Tensor vec2) { return outer(vec2); }

    /** {@code vdot}: the dot product (jgrad's dtypes are real, so no conjugation). */
    public Tensor vdot(Tensor other) { return dot(other); }

    /** Sorted along the first dim. */
    public Tensor msort() { return sort(0).values(); }

    /** The elements flattened (a view when contiguous). */
    public Tensor ravel() { return contiguous().reshape(-1); }

    /** {@code x.ndimension()}: an alias of dim. */
    public int ndimension() { return dim(); }

    /** {@code x.diag(diagonal)}: the diagonal of a matrix as a vector, or a vector as a diagonal matrix. */
    public Tensor diag(long diagonal) { return Torch.diag(this, diagonal); }

    /** {@code x.diag()}: the diagonal of a matrix as a vector, or a vector as a diagonal matrix. */
    public Tensor diag() { return Torch.diag(this); }

    /**
     * {@code x.bincount(weights, minlength)}: the count of each non-negative integer value (weighted when weights are
     * given), int64.
     */
    public Tensor bincount(Tensor weights, long minlength) { return Torch.bincount(this, weights, minlength); }

    /**
     * {@code x.bincount()}: the count of each non-negative integer value (weighted when weights are given), int64.
     */
    public Tensor bincount() { return Torch.bincount(this); }

    /** {@code x.prelu(weight)}: x where x &gt;= 0, else weight * x (weight per channel). */
    public Tensor prelu(Tensor weight) { return dev.jgrad.nn.functional.F.prelu(this, weight); }

    /** {@code x.hardshrink(lambd)}: x where |x| &gt; lambd, else 0. */
    public Tensor hardshrink(double lambd) { return dev.jgrad.nn.functional.F.hardshrink(this, lambd); }

    /** {@code x.hardshrink()}: x where |x| &gt; lambd, else 0. */
    public Tensor hardshrink() { return hardshrink(0.5); }

    /** {@code x.split_with_sizes(split_sizes, dim)}: splits along dim into pieces of the given sizes (views). */
    public java.util.List<Tensor> splitWithSizes(long[] splitSizes, int dim) { return split(splitSizes, dim); }

    /** {@code x.is_cpu()}: whether the tensor is on the CPU. */
    public boolean isCpu() { return device().isCpu(); }

    /** {@code x.is_cuda()}: whether the tensor is on a CUDA device. */
    public boolean isCuda() { return false; }

    /** {@code x.is_meta()}: whether the tensor is on the meta device. */
    public boolean isMeta() { return device().isMeta(); }

    /** {@code x.is_sparse()}: whether the layout is sparse (always false). */
    public boolean isSparse() { return false; }

    /** {@code x.is_quantized()}: whether the tensor is quantized (always false). */
    public boolean isQuantized() { return false; }

    /** {@code x.is_nested()}: whether this is a nested tensor (always false). */
    public boolean isNested() { return false; }

    /** {@code x.is_mkldnn()}: whether the tensor uses the MKL-DNN layout (always false). */
    public boolean isMkldnn() { return false; }

    /** {@code x.is_pinned()}: whether the memory is pinned (always false on jgrad's CPU). */
    public boolean isPinned() { return false; }

    /** {@code x.is_shared()}: whether the storage is in shared memory (always false). */
    public boolean isShared() { return false; }

    /** True for every dtype but bool (jgrad has no unsigned dtypes). */
    public boolean isSigned() { return dtype() != DType.BOOL; }

    /** {@code x.is_same_size(other)}: whether other has the same shape. */
    public boolean isSameSize(Tensor other) { return java.util.Arrays.equals(shape(), other.shape()); }

    /** The real part: the tensor itself, as jgrad's dtypes are real. */
    public Tensor real() { return this; }

    /** Refused as PyTorch refuses it for real dtypes. */
    public Tensor imag() { throw new IllegalArgumentException("imag is not implemented for tensors with non-complex dtypes."); }

    /** All true: every element of a real tensor is real. */
    public Tensor isreal() { return Torch.onesLike(this, DType.BOOL); }

    /** The argument of a real number: pi for negatives, 0 otherwise, NaN kept. */
    public Tensor angle() { return Composites.angle(this); }

    /** Split into sections pieces (the first size % sections one longer) along dim, as views. */
    public java.util.List<Tensor> tensorSplit(long sections, int dim) { return Composites.tensorSplit(this, sections, dim); }

    /** Split before each of indices along dim, as views. */
    public java.util.List<Tensor> tensorSplit(long[] indices, int dim) { return Composites.tensorSplit(this, indices, dim); }

    /** {@code x.hsplit(sections)}: splits along dim 1 (dim 0 for 1-d tensors). */
    public java.util.List<Tensor> hsplit(long sections) { return Composites.directionalSplit(this, sections, "hsplit"); }

    /** {@code x.vsplit(sections)}: splits along dim 0. */
    public java.util.List<Tensor> vsplit(long sections) { return Composites.directionalSplit(this, sections, "vsplit"); }

    /** {@code x.dsplit(sections)}: splits along dim 2 (depth). */
    public java.util.List<Tensor> dsplit(long sections) { return Composites.directionalSplit(this, sections, "dsplit"); }

    /** gather after broadcasting this and indices over every dim but dim; flat when dim is null. */
    public Tensor takeAlongDim(Tensor indices, Integer dim) { return Composites.takeAlongDim(this, indices, dim); }

    /** Consecutive duplicates collapsed (of the flattened tensor), with inverse indices and counts when asked. */
    public java.util.List<Tensor> uniqueConsecutive(boolean returnInverse, boolean returnCounts) {
        return Composites.uniqueConsecutive(this, returnInverse, returnCounts);
    }

    /**
     * {@code x.unique_consecutive()}: the tensor without consecutive duplicates (optionally with inverse and counts).
     */
    public Tensor uniqueConsecutive() { return uniqueConsecutive(false, false).get(0); }

    /** The covariance matrix of the rows (variables) over the columns (observations). */
    public Tensor cov(long correction) { return Composites.cov(this, correction); }

    /** {@code x.cov()}: the covariance matrix of the variables in the rows. */
    public Tensor cov() { return cov(1); }

    /** Pearson correlation coefficients of the rows. */
    public Tensor corrcoef() { return Composites.corrcoef(this); }

    /** Each slice along dim rescaled to p-norm at most maxnorm. */
    public Tensor renorm(double p, int dim, double maxnorm) { return Composites.renorm(this, p, dim, maxnorm); }

    /**
     * {@code x.renorm_(p, dim, maxnorm)}: each sub-tensor along dim rescaled to p-norm at most maxnorm, in place;
     * returns this.
     */
    public Tensor renorm_(double p, int dim, double maxnorm) { return Copying.writeBack(this, old -> old.renorm(p, dim, maxnorm)); }

    /** Summed down to a shape this tensor broadcasts from. */
    public Tensor sumToSize(long... size) { return Composites.sumToSize(this, size); }

    /** A copy with src written at index of dim. */
    public Tensor selectScatter(Tensor src, int dim, long index) { return Composites.scatterInto(this, src, t -> t.select(dim, index)); }

    /** {@code x.slice_scatter(src, dim, start, end, step)}: a copy with src written into a slice. */
    public Tensor sliceScatter(Tensor src, int dim, long start, long end, long step) {
        return Composites.scatterInto(this, src, t -> t.slice(dim, start, end, step));
    }

    /** {@code x.diagonal_scatter(src, offset, dim1, dim2)}: a copy with src written onto the diagonal. */
    public Tensor diagonalScatter(Tensor src, long offset, int dim1, int dim2) {
        return Composites.scatterInto(this, src, t -> t.diagonal(offset, dim1, dim2));
    }

    /** Where mask is true, the next elements of source in order; elsewhere this tensor's. */
    public Tensor maskedScatter(Tensor mask, Tensor source) { return Composites.maskedScatter(this, mask, source); }

    /**
     * {@code x.masked_scatter_(mask, source)}: the elements of source, in order, where mask is true, in place;
     * returns this.
     */
    public Tensor maskedScatter_(Tensor mask, Tensor source) { return Copying.writeBack(this, old -> old.maskedScatter(mask, source), source); }

    /** source written at flat indices (added when accumulate). */
    public Tensor put(Tensor index, Tensor source, boolean accumulate) { return Composites.put(this, index, source, accumulate); }

    /**
     * {@code x.put_(index, source, accumulate)}: writes source at the given flat indices (accumulating when asked);
     * returns this.
     */
    public Tensor put_(Tensor index, Tensor source, boolean accumulate) { return Copying.writeBack(this, old -> old.put(index, source, accumulate), source); }

    /**
     * {@code x.put_(index, source)}: writes source at the given flat indices (accumulating when asked); returns this.
     */
    public Tensor put_(Tensor index, Tensor source) { return put_(index, source, false); }

    /** The main diagonal (all dims equal, or a matrix) set to value; wrap continues below in tall matrices. */
    public Tensor fillDiagonal_(double value, boolean wrap) { return Composites.fillDiagonal_(this, value, wrap); }

    /** {@code x.fill_diagonal_(value)}: writes value on the main diagonal (value a Python number); returns this. */
    public Tensor fillDiagonal_(double value) { return fillDiagonal_(value, false); }

    /** The multivariate log-gamma of dimension p. */
    public Tensor mvlgamma(int p) { return Composites.mvlgamma(this, p); }

    /** {@code x.mvlgamma_(p)}: the multivariate log-gamma of dimension p, in place; returns this. */
    public Tensor mvlgamma_(int p) { return Copying.writeBack(this, old -> old.mvlgamma(p)); }

    /** Greatest common divisor (integers). */
    public Tensor gcd(Tensor other) { return Composites.gcd(this, other); }

    /** {@code x.gcd_(other)}: the greatest common divisor of integers, in place; returns this. */
    public Tensor gcd_(Tensor other) { return Copying.writeBack(this, old -> old.gcd(other), other); }

    /** Least common multiple (integers). */
    public Tensor lcm(Tensor other) { return Composites.lcm(this, other); }

    /** {@code x.lcm_(other)}: the least common multiple of integers, in place; returns this. */
    public Tensor lcm_(Tensor other) { return Copying.writeBack(this, old -> old.lcm(other), other); }

    // ---------------------------------------------------------------- tensorgaps: scatter/index reductions, mode, nanmedian, random fills

    /** A copy with src combined into the positions index names along dim by reduce (sum, prod, mean, amax, amin), self included. */
    public Tensor scatterReduce(int dim, Tensor index, Tensor src, String reduce) { return scatterReduce(dim, index, src, reduce, true); }

    /** As scatterReduce; without includeSelf, a scattered-to position starts from the reduction's identity, not self's value. */
    public Tensor scatterReduce(int dim, Tensor index, Tensor src, String reduce, boolean includeSelf) {
        return ScatterReductions.scatterReduce(this, dim, index, src, reduce, includeSelf);
    }

    /**
     * {@code x.scatter_reduce_(dim, index, src, reduce)}: a copy with src reduced into the positions at index along
     * dim ("sum", "prod", "mean", "amax", "amin"), in place; returns this.
     */
    public Tensor scatterReduce_(int dim, Tensor index, Tensor src, String reduce) { return scatterReduce_(dim, index, src, reduce, true); }

    /**
     * {@code x.scatter_reduce_(dim, index, src, reduce, include_self)}: a copy with src reduced into the positions at
     * index along dim ("sum", "prod", "mean", "amax", "amin"), in place; returns this.
     */
    public Tensor scatterReduce_(int dim, Tensor index, Tensor src, String reduce, boolean includeSelf) {
        return Copying.writeBack(this, old -> old.scatterReduce(dim, index, src, reduce, includeSelf), src);
    }

    /** A copy with source's slices combined into the slices index names along dim by reduce (prod, mean, amax, amin). */
    public Tensor indexReduce(int dim, Tensor index, Tensor source, String reduce) { return indexReduce(dim, index, source, reduce, true); }

    /**
     * {@code x.index_reduce(dim, index, source, reduce, include_self)}: reduces source into the rows (along dim)
     * given by index ("prod", "mean", "amax", "amin").
     */
    public Tensor indexReduce(int dim, Tensor index, Tensor source, String reduce, boolean includeSelf) {
        return ScatterReductions.indexReduce(this, dim, index, source, reduce, includeSelf);
    }

    /**
     * {@code x.index_reduce_(dim, index, source, reduce)}: reduces source into the rows (along dim) given by index
     * ("prod", "mean", "amax", "amin"), in place; returns this.
     */
    public Tensor indexReduce_(int dim, Tensor index, Tensor source, String reduce) { return indexReduce_(dim, index, source, reduce, true); }

    /**
     * {@code x.index_reduce_(dim, index, source, reduce, include_self)}: reduces source into the rows (along dim)
     * given by index ("prod", "mean", "amax", "amin"), in place; returns this.
     */
    public Tensor indexReduce_(int dim, Tensor index, Tensor source, String reduce, boolean includeSelf) {
        return Copying.writeBack(this, old -> old.indexReduce(dim, index, source, reduce, includeSelf), source);
    }

    /** The most frequent value along the last dim (the smallest on ties) and a position of it. */
    public ValuesIndices mode() { return mode(-1, false); }

    /** {@code x.mode(dim)}: the most frequent value along dim and its index. */
    public ValuesIndices mode(int dim) { return mode(dim, false); }

    /** {@code x.mode(dim, keepdim)}: the most frequent value along dim and its index. */
    public ValuesIndices mode(int dim, boolean keepdim) { return Modes.mode(this, dim, keepdim); }

    /** The lower median of the elements that are not NaN. */
    public Tensor nanmedian() { return Modes.nanmedian(this); }

    /** {@code x.nanmedian(dim)}: the median ignoring NaN. */
    public ValuesIndices nanmedian(int dim) { return nanmedian(dim, false); }

    /** {@code x.nanmedian(dim, keepdim)}: the median ignoring NaN. */
    public ValuesIndices nanmedian(int dim, boolean keepdim) { return Modes.nanmedian(this, dim, keepdim); }

    /** Fills with Cauchy draws (PyTorch's CPU stream for the same seed). */
    public Tensor cauchy_() { return cauchy_(0.0, 1.0); }

    /** {@code x.cauchy_(median, sigma)}: fills with Cauchy draws of median and sigma; returns this. */
    public Tensor cauchy_(double median, double sigma) { return cauchy_(median, sigma, Generator.defaultGenerator()); }

    /** {@code x.cauchy_(median, sigma, generator)}: fills with Cauchy draws of median and sigma; returns this. */
    public Tensor cauchy_(double median, double sigma, Generator generator) { return RandomFills.cauchy_(this, median, sigma, generator); }

    /** Fills with exp(N(mean, std)) draws. */
    public Tensor logNormal_() { return logNormal_(1.0, 2.0); }

    /** {@code x.log_normal_(mean, std)}: fills with log-normal draws; returns this. */
    public Tensor logNormal_(double mean, double std) { return logNormal_(mean, std, Generator.defaultGenerator()); }

    /** {@code x.log_normal_(mean, std, generator)}: fills with log-normal draws; returns this. */
    public Tensor logNormal_(double mean, double std, Generator generator) { return RandomFills.logNormal_(this, mean, std, generator); }

    /** Fills with the number of Bernoulli(p) trials up to the first success. */
    public Tensor geometric_(double p) { return geometric_(p, Generator.defaultGenerator()); }

    /** {@code x.geometric_(p, generator)}: fills with geometric draws of success probability p; returns this. */
    public Tensor geometric_(double p, Generator generator) { return RandomFills.geometric_(this, p, generator); }

    /** Fills with 1 with probability p[i] (p broadcast to this tensor), else 0. */
    public Tensor bernoulli_(Tensor p) { return bernoulli_(p, Generator.defaultGenerator()); }

    /** {@code x.bernoulli_(p, generator)}: 0/1 draws, 1 with probability this (or p), in place; returns this. */
    public Tensor bernoulli_(Tensor p, Generator generator) { return RandomFills.bernoulli_(this, p, generator); }

    /** A 0/1 sample with this tensor's elements as the probabilities of 1. */
    public Tensor bernoulli() { return bernoulli(Generator.defaultGenerator()); }

    /** {@code x.bernoulli(generator)}: 0/1 draws, 1 with probability this (or p). */
    public Tensor bernoulli(Generator generator) { return RandomFills.bernoulli(this, generator); }

    // ---------------------------------------------------------------- tensorgaps: float decomposition, Bessel and incomplete gamma

    /** The modified Bessel function of the first kind of order 0 (Cephes' Chebyshev expansions, as ATen). */
    public Tensor i0() { return Elementwise.unary(UnaryOp.I0, this); }

    /** {@code x.i0_()}: the modified Bessel function of the first kind, order 0, in place; returns this. */
    public Tensor i0_() { return Elementwise.unary_(UnaryOp.I0, this); }

    /** This = mantissa * 2^exponent: the mantissa in [0.5, 1) and the int32 exponent. */
    public java.util.List<Tensor> frexp() { return FloatDecomposition.frexp(this); }

    /** The next representable value after each element towards other. */
    public Tensor nextafter(Tensor other) { return FloatDecomposition.nextafter(this, other); }

    /** {@code x.nextafter_(other)}: the next representable value after this towards other, in place; returns this. */
    public Tensor nextafter_(Tensor other) { return Copying.writeBack(this, old -> old.nextafter(other), other); }

    /** The regularized lower incomplete gamma function P(this, other). */
    public Tensor igamma(Tensor other) { return FloatDecomposition.igamma(this, other); }

    /** {@code x.igamma_(other)}: the regularized lower incomplete gamma function, in place; returns this. */
    public Tensor igamma_(Tensor other) { return Copying.writeBack(this, old -> old.igamma(other), other); }

    /** The regularized upper incomplete gamma function Q(this, other). */
    public Tensor igammac(Tensor other) { return FloatDecomposition.igammac(this, other); }

    /** {@code x.igammac_(other)}: the regularized upper incomplete gamma function, in place; returns this. */
    public Tensor igammac_(Tensor other) { return Copying.writeBack(this, old -> old.igammac(other), other); }

    // ---------------------------------------------------------------- tensorgaps: as_strided and the in-place view ops

    /** A view with any sizes and strides over this tensor's storage from storageOffset (checked against the storage's size). */
    public Tensor asStrided(long[] size, long[] stride) { return asStrided(size, stride, storageOffset()); }

    /**
     * {@code x.as_strided(size, stride, storage_offset)}: a view with the given sizes, strides and storage offset (no
     * checks beyond the storage bounds).
     */
    public Tensor asStrided(long[] size, long[] stride, long storageOffset) { return StridedViews.asStrided(this, size, stride, storageOffset); }

    /** This tensor becomes its own transpose (&lt;= 2 dims). */
    public Tensor t_() { return StridedViews.t_(this); }

    /** This tensor's dims dim0 and dim1 swap places. */
    public Tensor transpose_(int dim0, int dim1) { return StridedViews.transpose_(this, dim0, dim1); }

    /** {@code x.swapaxes_(axis0, axis1)}: an alias of transpose, in place; returns this. */
    public Tensor swapaxes_(int axis0, int axis1) { return transpose_(axis0, axis1); }

    /** {@code x.swapdims_(dim0, dim1)}: an alias of transpose, in place; returns this. */
    public Tensor swapdims_(int dim0, int dim1) { return transpose_(dim0, dim1); }

    /** This tensor takes the given sizes, strides and storage offset (as_strided in place). */
    public Tensor asStrided_(long[] size, long[] stride, long storageOffset) { return StridedViews.asStrided_(this, size, stride, storageOffset); }

    /**
     * {@code x.as_strided_(size, stride)}: a view with the given sizes, strides and storage offset (no checks beyond
     * the storage bounds), in place; returns this.
     */
    public Tensor asStrided_(long[] size, long[] stride) { return asStrided_(size, stride, storageOffset()); }

    /** This tensor loses its size-1 dims. */
    public Tensor squeeze_() { return StridedViews.squeeze_(this); }

    /**
     * {@code x.squeeze_(dim)}: a view without the dims of size 1 (or without dim, when it has size 1), in place;
     * returns this.
     */
    public Tensor squeeze_(int dim) { return StridedViews.squeeze_(this, dim); }

    /** This tensor gains a size-1 dim at dim. */
    public Tensor unsqueeze_(int dim) { return StridedViews.unsqueeze_(this, dim); }

    // ---------------------------------------------------------------- Kotlin/Groovy operator aliases

    /** Kotlin's operator form of add. */
    public Tensor plus(Tensor other) { return add(other); }

    /** Kotlin's operator form of add (other a Python number). */
    public Tensor plus(double other) { return add(other); }

    /** Kotlin's operator form of sub. */
    public Tensor minus(Tensor other) { return sub(other); }

    /** Kotlin's operator form of sub (other a Python number). */
    public Tensor minus(double other) { return sub(other); }

    /** Kotlin's operator form of mul. */
    public Tensor times(Tensor other) { return mul(other); }

    /** Kotlin's operator form of mul (other a Python number). */
    public Tensor times(double other) { return mul(other); }

    /** Kotlin's operator form of neg. */
    public Tensor unaryMinus() { return neg(); }

    // ---------------------------------------------------------------- printing

    /** Exactly what PyTorch prints for the same tensor. */
    @Override
    public String toString() {
        Node fn = gradFn();
        String gradSuffix = fn != null ? "grad_fn=<" + fn.name() + ">"
                : requiresGrad() ? "requires_grad=True" : null;
        return TensorPrinter.format(this, gradSuffix);
    }

    /** The internals' view of this class's fields (see {@link TensorInternals}); the only implementation. */
    private static final class Internals implements TensorInternals.Access {
        @Override public Tensor newTensor(Storage storage, int[] shape, int[] stride, int offset) { return new Tensor(storage, shape, stride, offset); }
        @Override public void setLayout(Tensor t, Storage storage, int[] shape, int[] stride, int offset) { t.setLayout(storage, shape, stride, offset); }
        @Override public Storage storage(Tensor t) { return t.storage; }
        @Override public View view(Tensor t) { return t.view; }
        @Override public int[] shape(Tensor t) { return t.shape; }
        @Override public int[] strides(Tensor t) { return t.stride; }
        @Override public int offset(Tensor t) { return t.offset; }
        @Override public int numel(Tensor t) { return t.view.numel(); }
        @Override public boolean isWrappedNumber(Tensor t) { return t.wrappedNumber; }
        @Override public void markWrappedNumber(Tensor t) { t.wrappedNumber = true; }
        @Override public boolean requiresGradFlag(Tensor t) { return t.requiresGrad; }
        @Override public void setRequiresGradFlag(Tensor t, boolean flag) { t.requiresGrad = flag; }
        @Override public Node gradFn(Tensor t) { return t.viewBase == null ? t.gradFn : ViewTracking.gradFn(t); }
        @Override public Node rawGradFn(Tensor t) { return t.gradFn; }
        @Override public VersionCounter versionCounter(Tensor t) { return t.versionCounter; }
        @Override public void shareVersionCounter(Tensor t, Tensor from) { t.versionCounter = from.versionCounter; }
        @Override public void newVersionCounter(Tensor t) { t.versionCounter = new VersionCounter(); }
        @Override public byte creationMeta(Tensor t) { return t.creationMeta; }
        @Override public void setCreationMeta(Tensor t, byte meta) { t.creationMeta = meta; }
        @Override public int attrVersion(Tensor t) { return t.attrVersion; }
        @Override public void setAttrVersion(Tensor t, int version) { t.attrVersion = version; }
        @Override public int outputNr(Tensor t) { return t.outputNr; }
        @Override public void setHistory(Tensor t, Node fn, int outputNr) {
            t.gradFn = fn;
            t.outputNr = outputNr;
            t.requiresGrad = fn != null;
            if (t.viewBase != null) t.attrVersion = t.versionCounter.get();  // this history is current, as set_gradient_edge
        }
        @Override public Tensor gradField(Tensor t) { return t.grad; }
        @Override public void setGradField(Tensor t, Tensor grad) { t.grad = grad; }
        @Override public boolean retainsGrad(Tensor t) { return t.retainsGrad; }
        @Override public void setRetainsGrad(Tensor t) { t.retainsGrad = true; }
        @Override public java.util.List<java.util.function.Function<Tensor, Tensor>> hooks(Tensor t) { return t.hooks; }
        @Override public void setHooks(Tensor t, java.util.List<java.util.function.Function<Tensor, Tensor>> hooks) { t.hooks = hooks; }
        @Override public Node gradAccumulatorField(Tensor t) { return t.gradAccumulator; }
        @Override public void setGradAccumulator(Tensor t, Node acc) { t.gradAccumulator = acc; }
        @Override public boolean isInference(Tensor t) { return t.inference; }
        @Override public void setInference(Tensor t, boolean inference) { t.inference = inference; }
        @Override public Tensor viewBase(Tensor t) { return t.viewBase; }
        @Override public void setViewBase(Tensor t, Tensor base) { t.viewBase = base; }
    }
}
