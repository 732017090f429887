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
 *
 * <p>Names: {@code torch.Tensor.xxx} is {@code xxx}, snake_case becomes camelCase ({@code floor_divide} is
 * {@link #floorDivide(Tensor)}), and a trailing underscore marks the in-place form as in PyTorch. Python
 * keywords and defaults become overloads: {@code x.sum(dim=1, keepdim=True)} is {@code x.sum(1, true)}.
 *
 * <h2 id="broadcasting">Broadcasting</h2>
 * Elementwise ops with several tensor operands broadcast as PyTorch (and NumPy) do: shapes are aligned from the
 * last dim, each pair of sizes must be equal or one of them 1, and the result takes the larger size; a missing
 * leading dim counts as size 1. {@code [2, 1, 3]} and {@code [4, 1]} give {@code [2, 4, 3]}. Shapes that do not
 * broadcast throw {@code IllegalArgumentException}:
 * {@code The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1}.
 *
 * <h2 id="promotion">Type promotion</h2>
 * The result dtype of a mixed op follows PyTorch's rules: the higher category wins (bool &lt; integral &lt;
 * floating, see {@link DType#category()}); within a category the wider dtype wins; a 0-dim tensor or a Java
 * number (the {@code double} and {@code long} overloads, PyTorch's Python numbers) only decides the category, so
 * {@code int64 + 2.5} is float32 (the default dtype) and {@code float16 * 2.0} stays float16. True division
 * ({@link #div(Tensor)}) and the floating functions ({@link #sqrt()}, {@link #exp()}, ...) give float32 for
 * integral inputs.
 *
 * <h2 id="inplace">In-place ops and views</h2>
 * A method whose name ends in {@code _} writes its result into this tensor and returns this tensor. The result
 * must broadcast to this tensor's shape ({@code output with shape [3] doesn't match the broadcast shape [2, 3]})
 * and its dtype must be castable to this tensor's under PyTorch's rules, which forbid floating into integral
 * and anything but bool into bool ({@code result type Float can't be cast to the desired output type Long}).
 * In-place ops on a leaf that requires grad throw {@code IllegalStateException}
 * ({@code a leaf Variable that requires grad is being used in an in-place operation.}).
 * View ops ({@link #view(long...)}, {@link #transpose(int, int)}, {@link #select(int, long)}, slicing, ...)
 * share this tensor's storage: writes through either are seen by both, and autograd tracks them as PyTorch does.
 *
 * <h2 id="dims">Dims</h2>
 * A {@code dim} argument counts from 0; a negative one counts from the end ({@code -1} is the last dim). Out of
 * range throws {@code IllegalArgumentException}:
 * {@code Dimension out of range (expected to be in range of [-2, 1], but got 5)}. Reductions with
 * {@code keepdim} keep the reduced dims as size 1; without it they drop them.
 *
 * <h2 id="errors">Common errors</h2>
 * Bad arguments throw {@code IllegalArgumentException} and bad state {@code IllegalStateException}, with
 * PyTorch's message text where it has one: a null tensor argument gives
 * {@code add(): argument 'other' (position 1) must be Tensor, not null}; operands on different devices give
 * {@code Expected all tensors to be on the same device, but found at least two devices, cpu and meta!}; a
 * dtype an op has no kernel for gives {@code "kernel" not implemented for 'Bool'}. Members list their own
 * errors besides these.
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

    /**
     * A tensor sharing {@code data}'s storage and layout; subclasses such as Parameter build on it.
     *
     * @param data the tensor whose storage, layout and version counter the new one shares
     * @throws NullPointerException if data is null
     */
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

    /**
     * The sizes as a fresh long[]. PyTorch: {@code torch.Tensor.shape}.
     *
     * @return the sizes, outermost first (empty for a 0-dim tensor)
     */
    public long[] shape() { return Shapes.toLong(shape); }

    /**
     * {@code torch.Size}, printing as {@code torch.Size([2, 3])}.
     *
     * @return the sizes as a {@link Size}
     */
    public Size size() { return new Size(Shapes.toLong(shape)); }

    /**
     * The size of one dim; negative dims count from the end. PyTorch: {@code torch.Tensor.size}.
     *
     * @param dim the dim, negative counting from the end
     * @return the size of dim
     * @throws IllegalArgumentException if dim is out of range, or {@code Dimension specified as 0 but tensor has no
     *     dimensions} for a 0-dim tensor
     */
    public long size(int dim) {
        if (shape.length == 0) throw new IllegalArgumentException(
                "Dimension specified as " + dim + " but tensor has no dimensions");
        return shape[Shapes.wrapDim(dim, shape.length)];
    }

    /**
     * {@code x.dim()}: the number of dims.
     *
     * @return the number of dims (0 for a scalar tensor)
     */
    public int dim() { return shape.length; }

    /**
     * Same as {@link #dim()}, as {@code Tensor.ndim}.
     *
     * @return the number of dims
     */
    public int ndim() { return shape.length; }

    /**
     * {@code x.numel()}: the number of elements.
     *
     * @return the number of elements (the product of the sizes)
     */
    public long numel() { return view.numel(); }

    /**
     * {@code x.dtype}: the element type.
     *
     * @return the element type
     */
    public DType dtype() { return storage.dtype(); }

    /**
     * {@code x.device}: where the data lives.
     *
     * @return the device
     */
    public Device device() { return storage.device(); }

    /**
     * {@code x.stride()}: the step in elements between neighbours along each dim.
     *
     * @return the strides in elements, one per dim
     */
    public long[] stride() { return Shapes.toLong(stride); }

    /**
     * {@code x.stride()}: the step in elements between neighbours along each dim.
     *
     * @param dim the dim, negative counting from the end
     * @return the stride of dim, in elements
     * @throws IllegalArgumentException if dim is out of range, or {@code Dimension specified as 0 but tensor has no
     *     dimensions} for a 0-dim tensor
     */
    public long stride(int dim) {
        if (shape.length == 0) throw new IllegalArgumentException(
                "Dimension specified as " + dim + " but tensor has no dimensions");
        return stride[Shapes.wrapDim(dim, shape.length)];
    }

    /**
     * The element offset of this view into its storage. PyTorch: {@code torch.Tensor.storage_offset}.
     *
     * @return the offset in elements
     */
    public long storageOffset() { return offset; }

    /**
     * {@code x.is_contiguous()}: whether the elements are laid out row-major without gaps.
     *
     * @return true when the layout is row-major without gaps
     */
    public boolean isContiguous() {
        return view.isContiguous();
    }

    /**
     * {@code x.is_floating_point()}: whether the dtype is a floating type.
     *
     * @return true for float32, float64, float16 and bfloat16
     */
    public boolean isFloatingPoint() { return storage.dtype().isFloatingPoint(); }

    /**
     * jgrad has no complex dtypes: always false. PyTorch: {@code torch.Tensor.is_complex}.
     *
     * @return false
     */
    public boolean isComplex() { return false; }

    /**
     * The one element's truth ({@code torch.is_nonzero}); PyTorch's errors for no or several elements.
     *
     * @return the element's truth: non-zero is true
     * @throws IllegalArgumentException {@code Boolean value of Tensor with no values is ambiguous} or {@code ... with
     *     more than one value is ambiguous} unless there is one element
     */
    public boolean isNonzero() {
        if (numel() == 0) throw new IllegalArgumentException("Boolean value of Tensor with no values is ambiguous");
        if (numel() > 1) throw new IllegalArgumentException("Boolean value of Tensor with more than one value is ambiguous");
        return dtype() == DType.BOOL ? itemBool() : item() != 0;
    }

    /**
     * Bytes per element. PyTorch: {@code torch.Tensor.element_size}.
     *
     * @return the bytes per element
     */
    public long elementSize() { return dtype().itemSize(); }

    /**
     * Same as {@link #numel()}. PyTorch: {@code torch.Tensor.nelement}.
     *
     * @return the number of elements
     */
    public long nelement() { return numel(); }

    /**
     * The CUDA device index; -1 for CPU and meta tensors, as PyTorch answers. PyTorch: {@code torch.Tensor.get_device}.
     *
     * @return -1 (jgrad runs on the CPU)
     */
    public int getDevice() { return -1; }

    /**
     * The legacy type name, {@code torch.FloatTensor}; meta tensors have none ({@code Unimplemented backend Meta}).
     *
     * @return the legacy type name
     * @throws IllegalStateException {@code Unimplemented backend Meta} for a meta tensor
     */
    public String type() {
        if (device().isMeta()) throw new IllegalStateException("Unimplemented backend Meta");
        return dtype().legacyTensorTypeName();
    }

    /**
     * {@code tensor.type(dtype)}: the same as {@code to(dtype)}.
     *
     * @param dtype the dtype to convert to
     * @return this tensor when the dtype matches, else a converted copy
     */
    public Tensor type(DType dtype) { return to(dtype); }

    /**
     * The values as nested Java lists ({@code tensor.tolist()}): Double for floating dtypes, Long for integer
     * ones, Boolean for bool; a 0-dim tensor gives the bare number.
     *
     * @return a Double, Long or Boolean for a 0-dim tensor, else nested {@code List}s of them
     */
    public Object toList() { return NestedLists.of(this); }

    /**
     * True when both tensors view the same storage. jgrad's; in PyTorch compare {@code untyped_storage().data_ptr()}.
     *
     * @param other the tensor to compare with; null gives false
     * @return true when other views the same storage
     */
    public boolean sharesStorageWith(Tensor other) { return other != null && other.storage == storage; }

    // ---------------------------------------------------------------- scalars and arrays

    /**
     * The single element as a double: {@code only one element tensors can be converted to Java scalars} otherwise.
     * PyTorch: {@code torch.Tensor.item}.
     *
     * @return the element as a double
     * @throws IllegalArgumentException {@code only one element tensors can be converted to Java scalars} unless there
     *     is one element
     */
    public double item() { return storage.backend().readDouble(storage, singleIndex()); }

    /**
     * The single element as a long (exact for int64). PyTorch: {@code torch.Tensor.item} on an integer tensor.
     *
     * @return the element as a long
     * @throws IllegalArgumentException {@code only one element tensors can be converted to Java scalars} unless there
     *     is one element
     */
    public long itemLong() { return storage.backend().readLong(storage, singleIndex()); }

    /**
     * The single element as a boolean (non-zero is true). PyTorch: {@code bool(x.item())}.
     *
     * @return the element's truth
     * @throws IllegalArgumentException {@code only one element tensors can be converted to Java scalars} unless there
     *     is one element
     */
    public boolean itemBool() { return item() != 0; }

    private int singleIndex() {
        if (view.numel() != 1) {
            throw new IllegalArgumentException("only one element tensors can be converted to Java scalars");
        }
        return offset;
    }

    /**
     * A row-major copy of every element, converted to double. PyTorch: {@code x.numpy().copy()}.
     *
     * @return a new array of numel elements, row-major
     */
    public double[] toDoubleArray() { return double[].class.cast(Copying.toArray(this, DType.FLOAT64)); }

    /**
     * The elements as a new float[], row-major. PyTorch: {@code x.numpy().copy()}.
     *
     * @return a new array of numel elements, row-major
     */
    public float[] toFloatArray() { return float[].class.cast(Copying.toArray(this, DType.FLOAT32)); }

    /**
     * The elements as a new long[], row-major. PyTorch: {@code x.numpy().copy()}.
     *
     * @return a new array of numel elements, row-major
     */
    public long[] toLongArray() { return long[].class.cast(Copying.toArray(this, DType.INT64)); }

    /**
     * The elements as a new int[], row-major. PyTorch: {@code x.numpy().copy()}.
     *
     * @return a new array of numel elements, row-major
     */
    public int[] toIntArray() { return int[].class.cast(Copying.toArray(this, DType.INT32)); }

    /**
     * The elements as a new boolean[], row-major. PyTorch: {@code x.numpy().copy()}.
     *
     * @return a new array of numel elements, row-major
     */
    public boolean[] toBooleanArray() { return boolean[].class.cast(Copying.toArray(this, DType.BOOL)); }

    /**
     * The shared backing array (PyTorch's {@code .numpy()}): writes go both ways.
     *
     * @return the storage's array itself (not a copy)
     * @throws IllegalStateException unless the tensor has the matching dtype, is on the CPU, is contiguous and covers
     *     its whole storage, and (with grad mode on) does not require grad ({@code Can't call numpy() on Tensor that
     *     requires grad...})
     */
    public float[] asFloatArray() { return float[].class.cast(Copying.backingArray(this, DType.FLOAT32)); }

    /**
     * The backing double[] itself, shared (contiguous float64 tensors only, else IllegalStateException).
     * PyTorch's {@code tensor.numpy()}, sharing memory likewise.
     *
     * @return the storage's array itself (not a copy)
     * @throws IllegalStateException unless the tensor has the matching dtype, is on the CPU, is contiguous and covers
     *     its whole storage, and (with grad mode on) does not require grad ({@code Can't call numpy() on Tensor that
     *     requires grad...})
     */
    public double[] asDoubleArray() { return double[].class.cast(Copying.backingArray(this, DType.FLOAT64)); }

    /**
     * The backing long[] itself, shared (contiguous int64 tensors only, else IllegalStateException).
     * PyTorch's {@code tensor.numpy()}, sharing memory likewise.
     *
     * @return the storage's array itself (not a copy)
     * @throws IllegalStateException unless the tensor has the matching dtype, is on the CPU, is contiguous and covers
     *     its whole storage, and (with grad mode on) does not require grad ({@code Can't call numpy() on Tensor that
     *     requires grad...})
     */
    public long[] asLongArray() { return long[].class.cast(Copying.backingArray(this, DType.INT64)); }

    /**
     * The backing int[] itself, shared (contiguous int32 tensors only, else IllegalStateException).
     * PyTorch's {@code tensor.numpy()}, sharing memory likewise.
     *
     * @return the storage's array itself (not a copy)
     * @throws IllegalStateException unless the tensor has the matching dtype, is on the CPU, is contiguous and covers
     *     its whole storage, and (with grad mode on) does not require grad ({@code Can't call numpy() on Tensor that
     *     requires grad...})
     */
    public int[] asIntArray() { return int[].class.cast(Copying.backingArray(this, DType.INT32)); }

    /**
     * The backing boolean[] itself, shared (contiguous bool tensors only, else IllegalStateException).
     * PyTorch's {@code tensor.numpy()}, sharing memory likewise.
     *
     * @return the storage's array itself (not a copy)
     * @throws IllegalStateException unless the tensor has the matching dtype, is on the CPU, is contiguous and covers
     *     its whole storage, and (with grad mode on) does not require grad ({@code Can't call numpy() on Tensor that
     *     requires grad...})
     */
    public boolean[] asBooleanArray() { return boolean[].class.cast(Copying.backingArray(this, DType.BOOL)); }

    // ---------------------------------------------------------------- arithmetic

    /**
     * {@code x.add(other)}: this + other, broadcast and type-promoted.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor add(Tensor other) { return add(other, 1); }

    /**
     * {@code x.add(other, alpha)}: this + alpha * other, broadcast and type-promoted.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @param alpha the multiplier of {@code other}
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor add(Tensor other, double alpha) { return Elementwise.add(this, other, alpha); }

    /**
     * {@code x.add(other)}: this + other, broadcast and type-promoted (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor add(double other) { return add(Scalar.of(other)); }

    /**
     * {@code x.add(other)}: this + other, broadcast and type-promoted (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor add(long other) { return add(Scalar.of(other)); }

    /**
     * {@code x.add_(other)}: this + other, broadcast and type-promoted, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor add_(Tensor other) { return add_(other, 1); }

    /**
     * {@code x.add_(other, alpha)}: this + alpha * other, broadcast and type-promoted, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @param alpha the multiplier of {@code other}
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor add_(Tensor other, double alpha) { return Elementwise.binary_(BinaryOp.ADD, this, other, alpha); }

    /**
     * {@code x.add_(other)}: this + other, broadcast and type-promoted (other a Python number), in place; returns
     * this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor add_(double other) { return add_(Scalar.of(other)); }

    /**
     * {@code x.add_(other)}: this + other, broadcast and type-promoted (other a Python number), in place; returns
     * this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor add_(long other) { return add_(Scalar.of(other)); }

    /**
     * {@code x.sub(other)}: this - other, broadcast and type-promoted.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor sub(Tensor other) { return sub(other, 1); }

    /**
     * {@code x.sub(other, alpha)}: this - alpha * other, broadcast and type-promoted.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @param alpha the multiplier of {@code other}
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor sub(Tensor other, double alpha) { return Elementwise.sub(this, other, alpha); }

    /**
     * {@code x.sub(other)}: this - other, broadcast and type-promoted (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor sub(double other) { return sub(Scalar.of(other)); }

    /**
     * {@code x.sub(other)}: this - other, broadcast and type-promoted (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor sub(long other) { return sub(Scalar.of(other)); }

    /**
     * {@code x.sub_(other)}: this - other, broadcast and type-promoted, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor sub_(Tensor other) { return sub_(other, 1); }

    /**
     * {@code x.sub_(other, alpha)}: this - alpha * other, broadcast and type-promoted, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @param alpha the multiplier of {@code other}
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor sub_(Tensor other, double alpha) { return Elementwise.binary_(BinaryOp.SUB, this, other, alpha); }

    /**
     * {@code x.sub_(other)}: this - other, broadcast and type-promoted (other a Python number), in place; returns
     * this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor sub_(double other) { return sub_(Scalar.of(other)); }

    /**
     * {@code x.sub_(other)}: this - other, broadcast and type-promoted (other a Python number), in place; returns
     * this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor sub_(long other) { return sub_(Scalar.of(other)); }

    /**
     * {@code other - this}, as {@code torch.rsub}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor rsub(Tensor other) { return Elementwise.rsub(this, other); }

    /**
     * {@code x.rsub(other)}: other - this (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor rsub(double other) { return rsub(Scalar.of(other)); }

    /**
     * {@code x.rsub(other)}: other - this (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor rsub(long other) { return rsub(Scalar.of(other)); }

    /**
     * {@code x.mul(other)}: this * other, broadcast and type-promoted.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor mul(Tensor other) { return Elementwise.mul(this, other); }

    /**
     * {@code x.mul(other)}: this * other, broadcast and type-promoted (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor mul(double other) { return mul(Scalar.of(other)); }

    /**
     * {@code x.mul(other)}: this * other, broadcast and type-promoted (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor mul(long other) { return mul(Scalar.of(other)); }

    /**
     * {@code x.mul_(other)}: this * other, broadcast and type-promoted, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor mul_(Tensor other) { return Elementwise.binary_(BinaryOp.MUL, this, other, 1); }

    /**
     * {@code x.mul_(other)}: this * other, broadcast and type-promoted (other a Python number), in place; returns
     * this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor mul_(double other) { return mul_(Scalar.of(other)); }

    /**
     * {@code x.mul_(other)}: this * other, broadcast and type-promoted (other a Python number), in place; returns
     * this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor mul_(long other) { return mul_(Scalar.of(other)); }

    /**
     * True division: integral inputs give a float result. PyTorch: {@code torch.Tensor.div}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor div(Tensor other) { return Elementwise.div(this, other); }

    /**
     * {@code x.div(other)}: this / other, true division (integers give floats) (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor div(double other) { return div(Scalar.of(other)); }

    /**
     * {@code x.div(other)}: this / other, true division (integers give floats) (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor div(long other) { return div(Scalar.of(other)); }

    /**
     * {@code x.div_(other)}: this / other, true division (integers give floats), in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor div_(Tensor other) { return Elementwise.binary_(BinaryOp.DIV, this, other, 1); }

    /**
     * {@code x.div_(other)}: this / other, true division (integers give floats) (other a Python number), in place;
     * returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor div_(double other) { return div_(Scalar.of(other)); }

    /**
     * {@code x.div_(other)}: this / other, true division (integers give floats) (other a Python number), in place;
     * returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor div_(long other) { return div_(Scalar.of(other)); }

    /**
     * {@code x.pow(exponent)}: this to the power exponent.
     *
     * @param exponent the exponent, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor pow(Tensor exponent) { return Elementwise.pow(this, exponent); }

    /**
     * {@code x.pow(exponent)}: this to the power exponent (exponent a Python number).
     *
     * @param exponent the exponent
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor pow(double exponent) { return Elementwise.pow(this, exponent); }

    /**
     * {@code x.pow(exponent)}: this to the power exponent (exponent a Python number).
     *
     * @param exponent the exponent
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor pow(long exponent) { return Elementwise.pow(this, exponent); }

    /**
     * {@code x.pow_(exponent)}: this to the power exponent, in place; returns this.
     *
     * @param exponent the exponent, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor pow_(Tensor exponent) { return Elementwise.binary_(BinaryOp.POW, this, exponent, 1); }

    /**
     * {@code x.pow_(exponent)}: this to the power exponent (exponent a Python number), in place; returns this.
     *
     * @param exponent the exponent
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor pow_(double exponent) {
        if (!dtype().isFloatingPoint()) {  // PyTorch's own wording for this one case
            throw new IllegalArgumentException("Found dtype " + dtype().scalarTypeName() + " but expected Float");
        }
        return pow_(Scalar.of(exponent));
    }

    /**
     * {@code x.pow_(exponent)}: this to the power exponent (exponent a Python number), in place; returns this.
     *
     * @param exponent the exponent
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor pow_(long exponent) { return pow_(Scalar.of(exponent)); }

    /**
     * {@code x.remainder(other)}: the remainder of floor division (the divisor's sign).
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor remainder(Tensor other) { return Elementwise.remainder(this, other); }

    /**
     * {@code x.remainder(other)}: the remainder of floor division (the divisor's sign) (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor remainder(double other) { return remainder(Scalar.of(other)); }

    /**
     * {@code x.remainder(other)}: the remainder of floor division (the divisor's sign) (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor remainder(long other) { return remainder(Scalar.of(other)); }

    /**
     * {@code x.floor_divide(other)}: floor(this / other).
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor floorDivide(Tensor other) { return Elementwise.floorDivide(this, other); }

    /**
     * {@code x.floor_divide(other)}: floor(this / other) (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor floorDivide(double other) { return floorDivide(Scalar.of(other)); }

    /**
     * {@code x.floor_divide(other)}: floor(this / other) (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor floorDivide(long other) { return floorDivide(Scalar.of(other)); }

    /**
     * {@code x.maximum(other)}: the elementwise maximum (NaN propagates).
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor maximum(Tensor other) { return Elementwise.maximum(this, other); }

    /**
     * {@code x.minimum(other)}: the elementwise minimum (NaN propagates).
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor minimum(Tensor other) { return Elementwise.minimum(this, other); }

    /**
     * {@code x.atan2(other)}: the angle of (other, this): the arctangent of this / other in the right quadrant.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor atan2(Tensor other) { return Elementwise.atan2(this, other); }

    /**
     * {@code x.atan2_(other)}: the angle of (other, this): the arctangent of this / other in the right quadrant, in
     * place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor atan2_(Tensor other) { return Copying.writeBack(this, old -> old.atan2(other), other); }

    /**
     * {@code x.remainder_(other)}: the remainder of floor division (the divisor's sign), in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor remainder_(Tensor other) { return Copying.writeBack(this, old -> old.remainder(other), other); }

    /**
     * {@code x.remainder_(other)}: the remainder of floor division (the divisor's sign) (other a Python number), in
     * place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor remainder_(double other) { return remainder_(Scalar.of(other)); }

    /**
     * {@code x.remainder_(other)}: the remainder of floor division (the divisor's sign) (other a Python number), in
     * place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor remainder_(long other) { return remainder_(Scalar.of(other)); }

    /**
     * {@code x.floor_divide_(other)}: floor(this / other), in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor floorDivide_(Tensor other) { return Copying.writeBack(this, old -> old.floorDivide(other), other); }

    /**
     * {@code x.floor_divide_(other)}: floor(this / other) (other a Python number), in place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor floorDivide_(double other) { return floorDivide_(Scalar.of(other)); }

    /**
     * {@code x.floor_divide_(other)}: floor(this / other) (other a Python number), in place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor floorDivide_(long other) { return floorDivide_(Scalar.of(other)); }

    /**
     * Clamps into [min, max]; either bound may be null for "no bound". PyTorch: {@code torch.Tensor.clamp}.
     *
     * @param min the lower bound; null for none
     * @param max the upper bound; null for none
     * @return a new tensor of this tensor's shape and dtype
     * @throws IllegalArgumentException {@code torch.clamp: At least one of 'min' or 'max' must not be None} when both
     *     are null
     */
    public Tensor clamp(Double min, Double max) { return Elementwise.clamp(this, min, max); }

    /**
     * {@code x.clamp(min, max)}: each element limited to [min, max] (null: no bound).
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor clamp(double min, double max) { return clamp(Double.valueOf(min), Double.valueOf(max)); }

    /**
     * {@code x.clamp_min(min)}: each element limited to at least min.
     *
     * @param min the lower bound
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor clampMin(double min) { return clamp(min, null); }

    /**
     * {@code x.clamp_max(max)}: each element limited to at most max.
     *
     * @param max the upper bound
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor clampMax(double max) { return clamp(null, max); }

    // ---------------------------------------------------------------- unary math

    /**
     * {@code x.neg()}: -x, elementwise.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor neg() { return Elementwise.unary(UnaryOp.NEG, this); }

    /**
     * {@code x.neg_()}: -x, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor neg_() { return Elementwise.unary_(UnaryOp.NEG, this); }

    /**
     * {@code x.abs()}: the absolute value, elementwise.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor abs() { return Elementwise.unary(UnaryOp.ABS, this); }

    /**
     * {@code x.abs_()}: the absolute value, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor abs_() { return Elementwise.unary_(UnaryOp.ABS, this); }

    /**
     * {@code x.exp()}: e to the power of each element.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor exp() { return Elementwise.unary(UnaryOp.EXP, this); }

    /**
     * {@code x.exp_()}: e to the power of each element, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor exp_() { return Elementwise.unary_(UnaryOp.EXP, this); }

    /**
     * {@code x.log()}: the natural logarithm, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor log() { return Elementwise.unary(UnaryOp.LOG, this); }

    /**
     * {@code x.log_()}: the natural logarithm, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor log_() { return Elementwise.unary_(UnaryOp.LOG, this); }

    /**
     * {@code x.sqrt()}: the square root, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor sqrt() { return Elementwise.unary(UnaryOp.SQRT, this); }

    /**
     * {@code x.sqrt_()}: the square root, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor sqrt_() { return Elementwise.unary_(UnaryOp.SQRT, this); }

    /**
     * {@code x.rsqrt()}: 1 / sqrt(x), elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor rsqrt() { return Elementwise.unary(UnaryOp.RSQRT, this); }

    /**
     * {@code x.rsqrt_()}: 1 / sqrt(x), elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor rsqrt_() { return Elementwise.unary_(UnaryOp.RSQRT, this); }

    /**
     * {@code x.sin()}: the sine, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor sin() { return Elementwise.unary(UnaryOp.SIN, this); }

    /**
     * {@code x.sin_()}: the sine, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor sin_() { return Elementwise.unary_(UnaryOp.SIN, this); }

    /**
     * {@code x.cos()}: the cosine, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor cos() { return Elementwise.unary(UnaryOp.COS, this); }

    /**
     * {@code x.cos_()}: the cosine, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor cos_() { return Elementwise.unary_(UnaryOp.COS, this); }

    /**
     * {@code x.tan()}: the tangent, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor tan() { return Elementwise.unary(UnaryOp.TAN, this); }

    /**
     * {@code x.tan_()}: the tangent, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor tan_() { return Elementwise.unary_(UnaryOp.TAN, this); }

    /**
     * {@code x.tanh()}: the hyperbolic tangent, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor tanh() { return Elementwise.unary(UnaryOp.TANH, this); }

    /**
     * {@code x.tanh_()}: the hyperbolic tangent, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor tanh_() { return Elementwise.unary_(UnaryOp.TANH, this); }

    /**
     * {@code x.sigmoid()}: 1 / (1 + exp(-x)), elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor sigmoid() { return Elementwise.unary(UnaryOp.SIGMOID, this); }

    /**
     * {@code x.sigmoid_()}: 1 / (1 + exp(-x)), elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor sigmoid_() { return Elementwise.unary_(UnaryOp.SIGMOID, this); }

    /**
     * {@code x.relu()}: max(x, 0), elementwise.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor relu() { return Elementwise.unary(UnaryOp.RELU, this); }

    /**
     * {@code x.relu_()}: max(x, 0), elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor relu_() { return Elementwise.unary_(UnaryOp.RELU, this); }

    /**
     * {@code x.log1p()}: log(1 + x), accurate near 0.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor log1p() { return Elementwise.unary(UnaryOp.LOG1P, this); }

    /**
     * {@code x.log1p_()}: log(1 + x), accurate near 0, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor log1p_() { return Elementwise.unary_(UnaryOp.LOG1P, this); }

    /**
     * {@code x.expm1()}: exp(x) - 1, accurate near 0.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor expm1() { return Elementwise.unary(UnaryOp.EXPM1, this); }

    /**
     * {@code x.expm1_()}: exp(x) - 1, accurate near 0, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor expm1_() { return Elementwise.unary_(UnaryOp.EXPM1, this); }

    /**
     * {@code x.reciprocal()}: 1 / x, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor reciprocal() { return Elementwise.unary(UnaryOp.RECIPROCAL, this); }

    /**
     * {@code x.reciprocal_()}: 1 / x, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor reciprocal_() { return Elementwise.unary_(UnaryOp.RECIPROCAL, this); }

    /**
     * {@code x.floor()}: the largest integer value not above each element.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor floor() { return Elementwise.unary(UnaryOp.FLOOR, this); }

    /**
     * {@code x.floor_()}: the largest integer value not above each element, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor floor_() { return Elementwise.unary_(UnaryOp.FLOOR, this); }

    /**
     * {@code x.ceil()}: the smallest integer value not below each element.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor ceil() { return Elementwise.unary(UnaryOp.CEIL, this); }

    /**
     * {@code x.ceil_()}: the smallest integer value not below each element, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor ceil_() { return Elementwise.unary_(UnaryOp.CEIL, this); }

    /**
     * Rounds half to even, as {@code torch.round}.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor round() { return Elementwise.unary(UnaryOp.ROUND, this); }

    /**
     * {@code x.round_()}: each element rounded half to even (or to the given decimals), in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor round_() { return Elementwise.unary_(UnaryOp.ROUND, this); }

    /**
     * {@code x.trunc()}: each element rounded towards zero.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor trunc() { return Elementwise.unary(UnaryOp.TRUNC, this); }

    /**
     * {@code x.trunc_()}: each element rounded towards zero, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor trunc_() { return Elementwise.unary_(UnaryOp.TRUNC, this); }

    /**
     * {@code x.sign()}: -1, 0 or 1 by the sign of each element.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor sign() { return Elementwise.unary(UnaryOp.SIGN, this); }

    /**
     * {@code x.sign_()}: -1, 0 or 1 by the sign of each element, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor sign_() { return Elementwise.unary_(UnaryOp.SIGN, this); }

    /**
     * {@code x.asin()}: the arcsine, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor asin() { return Elementwise.unary(UnaryOp.ASIN, this); }

    /**
     * {@code x.asin_()}: the arcsine, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor asin_() { return Elementwise.unary_(UnaryOp.ASIN, this); }

    /**
     * {@code x.acos()}: the arccosine, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor acos() { return Elementwise.unary(UnaryOp.ACOS, this); }

    /**
     * {@code x.acos_()}: the arccosine, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor acos_() { return Elementwise.unary_(UnaryOp.ACOS, this); }

    /**
     * {@code x.atan()}: the arctangent, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor atan() { return Elementwise.unary(UnaryOp.ATAN, this); }

    /**
     * {@code x.atan_()}: the arctangent, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor atan_() { return Elementwise.unary_(UnaryOp.ATAN, this); }

    /**
     * {@code x.sinh()}: the hyperbolic sine, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor sinh() { return Elementwise.unary(UnaryOp.SINH, this); }

    /**
     * {@code x.sinh_()}: the hyperbolic sine, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor sinh_() { return Elementwise.unary_(UnaryOp.SINH, this); }

    /**
     * {@code x.cosh()}: the hyperbolic cosine, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor cosh() { return Elementwise.unary(UnaryOp.COSH, this); }

    /**
     * {@code x.cosh_()}: the hyperbolic cosine, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor cosh_() { return Elementwise.unary_(UnaryOp.COSH, this); }

    /**
     * {@code x.log2()}: the base-2 logarithm, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor log2() { return Elementwise.unary(UnaryOp.LOG2, this); }

    /**
     * {@code x.log2_()}: the base-2 logarithm, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor log2_() { return Elementwise.unary_(UnaryOp.LOG2, this); }

    /**
     * {@code x.log10()}: the base-10 logarithm, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor log10() { return Elementwise.unary(UnaryOp.LOG10, this); }

    /**
     * {@code x.log10_()}: the base-10 logarithm, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor log10_() { return Elementwise.unary_(UnaryOp.LOG10, this); }

    /**
     * {@code x.erf()}: the error function, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor erf() { return Elementwise.unary(UnaryOp.ERF, this); }

    /**
     * {@code x.erf_()}: the error function, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor erf_() { return Elementwise.unary_(UnaryOp.ERF, this); }

    /**
     * {@code x.erfc()}: the complementary error function 1 - erf, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor erfc() { return Elementwise.unary(UnaryOp.ERFC, this); }

    /**
     * The inverse error function on [-1, 1] (PyTorch's rational start and two Newton steps).
     * PyTorch: {@code torch.Tensor.erfinv}.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor erfinv() { return Elementwise.unary(UnaryOp.ERFINV, this); }

    /**
     * {@code x.erfinv_()}: the inverse error function, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor erfinv_() { return Elementwise.unary_(UnaryOp.ERFINV, this); }

    /**
     * log|Gamma(x)|. PyTorch: {@code torch.Tensor.lgamma}.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor lgamma() { return Elementwise.unary(UnaryOp.LGAMMA, this); }

    /**
     * {@code x.lgamma_()}: the log of the absolute gamma function, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor lgamma_() { return Elementwise.unary_(UnaryOp.LGAMMA, this); }

    /**
     * The logarithmic derivative of Gamma. PyTorch: {@code torch.Tensor.digamma}.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor digamma() { return Elementwise.unary(UnaryOp.DIGAMMA, this); }

    /**
     * {@code x.digamma_()}: the logarithmic derivative of the gamma function, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor digamma_() { return Elementwise.unary_(UnaryOp.DIGAMMA, this); }

    /**
     * The n-th derivative of digamma. PyTorch: {@code torch.Tensor.polygamma}.
     *
     * @param n the order of the derivative of digamma, at least 0
     * @return a new floating tensor of this tensor's shape
     */
    public Tensor polygamma(int n) { return Elementwise.polygamma(n, this); }

    /**
     * {@code x.polygamma_(n)}: the n-th derivative of digamma, in place; returns this.
     *
     * @param n the order of the derivative of digamma, at least 0
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor polygamma_(int n) { return Copying.writeBack(this, old -> old.polygamma(n)); }

    /**
     * {@code x.erfc_()}: the complementary error function 1 - erf, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor erfc_() { return Elementwise.unary_(UnaryOp.ERFC, this); }

    /**
     * {@code x.asinh()}: the inverse hyperbolic sine, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor asinh() { return Elementwise.unary(UnaryOp.ASINH, this); }

    /**
     * {@code x.asinh_()}: the inverse hyperbolic sine, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor asinh_() { return Elementwise.unary_(UnaryOp.ASINH, this); }

    /**
     * {@code x.acosh()}: the inverse hyperbolic cosine, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor acosh() { return Elementwise.unary(UnaryOp.ACOSH, this); }

    /**
     * {@code x.acosh_()}: the inverse hyperbolic cosine, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor acosh_() { return Elementwise.unary_(UnaryOp.ACOSH, this); }

    /**
     * {@code x.atanh()}: the inverse hyperbolic tangent, elementwise.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor atanh() { return Elementwise.unary(UnaryOp.ATANH, this); }

    /**
     * {@code x.atanh_()}: the inverse hyperbolic tangent, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor atanh_() { return Elementwise.unary_(UnaryOp.ATANH, this); }

    /**
     * {@code x.exp2()}: 2 to the power of each element.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor exp2() { return Elementwise.unary(UnaryOp.EXP2, this); }

    /**
     * {@code x.exp2_()}: 2 to the power of each element, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor exp2_() { return Elementwise.unary_(UnaryOp.EXP2, this); }

    /**
     * x - trunc(x). PyTorch: {@code torch.Tensor.frac}.
     *
     * @return a new tensor of this tensor's shape and dtype
     * @throws IllegalArgumentException for a bool or integer tensor ({@code "frac_cpu" not implemented for 'Long'})
     */
    public Tensor frac() { return Elementwise.unary(UnaryOp.FRAC, this); }

    /**
     * {@code x.frac_()}: the fractional part x - trunc(x), in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException for a bool or integer tensor ({@code "frac_cpu" not implemented for
     *     'Long'}), or if the result does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place
     *     ops})
     */
    public Tensor frac_() { return Elementwise.unary_(UnaryOp.FRAC, this); }

    // ---------------------------------------------------------------- NumPy-style aliases PyTorch has

    /**
     * {@code x.absolute()}: an alias of abs.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor absolute() { return abs(); }

    /**
     * {@code x.arcsin()}: an alias of asin.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor arcsin() { return asin(); }

    /**
     * {@code x.arccos()}: an alias of acos.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor arccos() { return acos(); }

    /**
     * {@code x.arctan()}: an alias of atan.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor arctan() { return atan(); }

    /**
     * {@code x.arcsinh()}: an alias of asinh.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor arcsinh() { return asinh(); }

    /**
     * {@code x.arccosh()}: an alias of acosh.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor arccosh() { return acosh(); }

    /**
     * {@code x.arctanh()}: an alias of atanh.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor arctanh() { return atanh(); }

    /**
     * {@code x.arctan2(other)}: an alias of atan2.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor arctan2(Tensor other) { return atan2(other); }

    /**
     * {@code x.negative()}: an alias of neg.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor negative() { return neg(); }

    /**
     * trunc. PyTorch: {@code torch.Tensor.fix}.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor fix() { return trunc(); }

    /**
     * sign (jgrad's tensors are real). PyTorch: {@code torch.Tensor.sgn}.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor sgn() { return sign(); }

    /**
     * {@code x.multiply(other)}: an alias of mul.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor multiply(Tensor other) { return mul(other); }

    /**
     * {@code x.multiply(other)}: an alias of mul (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor multiply(double other) { return mul(other); }

    /**
     * {@code x.divide(other)}: an alias of div.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor divide(Tensor other) { return div(other); }

    /**
     * {@code x.divide(other)}: an alias of div (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor divide(double other) { return div(other); }

    /**
     * {@code x.true_divide(other)}: an alias of div.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor trueDivide(Tensor other) { return div(other); }

    /**
     * {@code x.subtract(other)}: an alias of sub.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor subtract(Tensor other) { return sub(other); }

    /**
     * {@code x.subtract(other)}: an alias of sub (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor subtract(double other) { return sub(other); }

    /**
     * {@code x.greater(other)}: an alias of gt.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor greater(Tensor other) { return gt(other); }

    /**
     * {@code x.greater_equal(other)}: an alias of ge.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor greaterEqual(Tensor other) { return ge(other); }

    /**
     * {@code x.less(other)}: an alias of lt.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor less(Tensor other) { return lt(other); }

    /**
     * {@code x.less_equal(other)}: an alias of le.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor lessEqual(Tensor other) { return le(other); }

    /**
     * {@code x.not_equal(other)}: an alias of ne.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor notEqual(Tensor other) { return ne(other); }

    /**
     * {@code x.greater(other)}: an alias of gt (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor greater(double other) { return gt(other); }

    /**
     * {@code x.greater_equal(other)}: an alias of ge (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor greaterEqual(double other) { return ge(other); }

    /**
     * {@code x.less(other)}: an alias of lt (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor less(double other) { return lt(other); }

    /**
     * {@code x.less_equal(other)}: an alias of le (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor lessEqual(double other) { return le(other); }

    /**
     * {@code x.not_equal(other)}: an alias of ne (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor notEqual(double other) { return ne(other); }

    /**
     * {@code x.swapaxes(axis0, axis1)}: an alias of transpose.
     *
     * @param axis0 the first dim, negative counting from the end
     * @param axis1 the second dim, negative counting from the end
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor swapaxes(int axis0, int axis1) { return transpose(axis0, axis1); }

    /**
     * {@code x.swapdims(dim0, dim1)}: an alias of transpose.
     *
     * @param dim0 the first dim, negative counting from the end
     * @param dim1 the second dim, negative counting from the end
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor swapdims(int dim0, int dim1) { return transpose(dim0, dim1); }

    /**
     * radians from degrees: x * pi / 180. PyTorch: {@code torch.Tensor.deg2rad}.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor deg2rad() { return mul(Math.PI / 180); }

    /**
     * {@code x.rad2deg()}: radians converted to degrees.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor rad2deg() { return mul(180 / Math.PI); }

    /**
     * x log(y), and 0 where x is 0 unless y is NaN ({@code torch.xlogy}).
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor xlogy(Tensor other) { return Elementwise.xlogy(this, other); }

    /**
     * {@code x.xlogy(other)}: this * log(other), 0 where this is 0 unless other is NaN (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor xlogy(double other) { return xlogy(Scalar.of(other)); }

    /**
     * {@code x.xlogy_(other)}: this * log(other), 0 where this is 0 unless other is NaN, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor xlogy_(Tensor other) { return Copying.writeBack(this, old -> old.xlogy(other), other); }

    /**
     * log(x / (1 - x)). PyTorch: {@code torch.Tensor.logit}.
     *
     * @return a new floating tensor of this tensor's shape (float32 for bool or integral input)
     */
    public Tensor logit() { return FloatingFunctions.logit(this, null); }

    /**
     * log(x / (1 - x)) of x clamped to [eps, 1 - eps]. PyTorch: {@code torch.Tensor.logit}.
     *
     * @param eps the inputs are clamped to [eps, 1 - eps] first
     * @return a new floating tensor of this tensor's shape
     */
    public Tensor logit(double eps) { return FloatingFunctions.logit(this, eps); }

    /**
     * x * x; bool squares to int64, as {@code torch.square}.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor square() { return dtype() == DType.BOOL ? to(DType.INT64).pow(2L) : pow(2L); }

    /**
     * {@code x.square_()}: x * x, elementwise, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor square_() { return pow_(2L); }

    // ---------------------------------------------------------------- comparisons and selection

    /**
     * {@code x.eq(other)}: elementwise ==, bool.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor eq(Tensor other) { return Elementwise.compare("eq", CompareOp.EQ, this, other); }

    /**
     * {@code x.eq(other)}: elementwise ==, bool (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor eq(double other) { return eq(Scalar.of(other)); }

    /**
     * {@code x.eq(other)}: elementwise ==, bool (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor eq(long other) { return eq(Scalar.of(other)); }

    /**
     * {@code x.ne(other)}: elementwise !=, bool.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor ne(Tensor other) { return Elementwise.compare("ne", CompareOp.NE, this, other); }

    /**
     * {@code x.ne(other)}: elementwise !=, bool (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor ne(double other) { return ne(Scalar.of(other)); }

    /**
     * {@code x.ne(other)}: elementwise !=, bool (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor ne(long other) { return ne(Scalar.of(other)); }

    /**
     * {@code x.gt(other)}: elementwise &gt;, bool.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor gt(Tensor other) { return Elementwise.compare("gt", CompareOp.GT, this, other); }

    /**
     * {@code x.gt(other)}: elementwise &gt;, bool (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor gt(double other) { return gt(Scalar.of(other)); }

    /**
     * {@code x.gt(other)}: elementwise &gt;, bool (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor gt(long other) { return gt(Scalar.of(other)); }

    /**
     * {@code x.ge(other)}: elementwise &gt;=, bool.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor ge(Tensor other) { return Elementwise.compare("ge", CompareOp.GE, this, other); }

    /**
     * {@code x.ge(other)}: elementwise &gt;=, bool (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor ge(double other) { return ge(Scalar.of(other)); }

    /**
     * {@code x.ge(other)}: elementwise &gt;=, bool (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor ge(long other) { return ge(Scalar.of(other)); }

    /**
     * {@code x.lt(other)}: elementwise &lt;, bool.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor lt(Tensor other) { return Elementwise.compare("lt", CompareOp.LT, this, other); }

    /**
     * {@code x.lt(other)}: elementwise &lt;, bool (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor lt(double other) { return lt(Scalar.of(other)); }

    /**
     * {@code x.lt(other)}: elementwise &lt;, bool (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor lt(long other) { return lt(Scalar.of(other)); }

    /**
     * {@code x.le(other)}: elementwise &lt;=, bool.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor le(Tensor other) { return Elementwise.compare("le", CompareOp.LE, this, other); }

    /**
     * {@code x.le(other)}: elementwise &lt;=, bool (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor le(double other) { return le(Scalar.of(other)); }

    /**
     * {@code x.le(other)}: elementwise &lt;=, bool (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a bool tensor of this tensor's shape
     */
    public Tensor le(long other) { return le(Scalar.of(other)); }

    // In-place comparisons write 1 or 0 in this tensor's own dtype (a.eq_(b) is a.copy_(a == b)).

    /**
     * {@code x.eq_(other)}: elementwise ==, written as 1 or 0 in this tensor's dtype, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor eq_(Tensor other) { return Copying.writeBack(this, old -> old.eq(other), other); }

    /**
     * {@code x.eq_(other)}: elementwise ==, written as 1 or 0 in this tensor's dtype (other a Python number), in
     * place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor eq_(double other) { return eq_(Scalar.of(other)); }

    /**
     * {@code x.ne_(other)}: elementwise !=, written as 1 or 0 in this tensor's dtype, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor ne_(Tensor other) { return Copying.writeBack(this, old -> old.ne(other), other); }

    /**
     * {@code x.ne_(other)}: elementwise !=, written as 1 or 0 in this tensor's dtype (other a Python number), in
     * place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor ne_(double other) { return ne_(Scalar.of(other)); }

    /**
     * {@code x.gt_(other)}: elementwise &gt;, written as 1 or 0 in this tensor's dtype, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor gt_(Tensor other) { return Copying.writeBack(this, old -> old.gt(other), other); }

    /**
     * {@code x.gt_(other)}: elementwise &gt;, written as 1 or 0 in this tensor's dtype (other a Python number), in
     * place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor gt_(double other) { return gt_(Scalar.of(other)); }

    /**
     * {@code x.ge_(other)}: elementwise &gt;=, written as 1 or 0 in this tensor's dtype, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor ge_(Tensor other) { return Copying.writeBack(this, old -> old.ge(other), other); }

    /**
     * {@code x.ge_(other)}: elementwise &gt;=, written as 1 or 0 in this tensor's dtype (other a Python number), in
     * place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor ge_(double other) { return ge_(Scalar.of(other)); }

    /**
     * {@code x.lt_(other)}: elementwise &lt;, written as 1 or 0 in this tensor's dtype, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor lt_(Tensor other) { return Copying.writeBack(this, old -> old.lt(other), other); }

    /**
     * {@code x.lt_(other)}: elementwise &lt;, written as 1 or 0 in this tensor's dtype (other a Python number), in
     * place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor lt_(double other) { return lt_(Scalar.of(other)); }

    /**
     * {@code x.le_(other)}: elementwise &lt;=, written as 1 or 0 in this tensor's dtype, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor le_(Tensor other) { return Copying.writeBack(this, old -> old.le(other), other); }

    /**
     * {@code x.le_(other)}: elementwise &lt;=, written as 1 or 0 in this tensor's dtype (other a Python number), in
     * place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor le_(double other) { return le_(Scalar.of(other)); }

    /**
     * {@code x.greater_(other)}: an alias of gt, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor greater_(Tensor other) { return gt_(other); }

    /**
     * {@code x.greater_(other)}: an alias of gt (other a Python number), in place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor greater_(double other) { return gt_(other); }

    /**
     * {@code x.greater_equal_(other)}: an alias of ge, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor greaterEqual_(Tensor other) { return ge_(other); }

    /**
     * {@code x.greater_equal_(other)}: an alias of ge (other a Python number), in place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor greaterEqual_(double other) { return ge_(other); }

    /**
     * {@code x.less_(other)}: an alias of lt, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor less_(Tensor other) { return lt_(other); }

    /**
     * {@code x.less_(other)}: an alias of lt (other a Python number), in place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor less_(double other) { return lt_(other); }

    /**
     * {@code x.less_equal_(other)}: an alias of le, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor lessEqual_(Tensor other) { return le_(other); }

    /**
     * {@code x.less_equal_(other)}: an alias of le (other a Python number), in place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor lessEqual_(double other) { return le_(other); }

    /**
     * {@code x.not_equal_(other)}: an alias of ne, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor notEqual_(Tensor other) { return ne_(other); }

    /**
     * {@code x.not_equal_(other)}: an alias of ne (other a Python number), in place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor notEqual_(double other) { return ne_(other); }

    /**
     * {@code x.logical_and(other)}: elementwise logical AND, bool.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor logicalAnd(Tensor other) { return Elementwise.compare("logical_and", CompareOp.LOGICAL_AND, this, other); }

    /**
     * {@code x.logical_or(other)}: elementwise logical OR, bool.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor logicalOr(Tensor other) { return Elementwise.compare("logical_or", CompareOp.LOGICAL_OR, this, other); }

    /**
     * {@code x.logical_xor(other)}: elementwise logical XOR, bool.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor logicalXor(Tensor other) { return Elementwise.compare("logical_xor", CompareOp.LOGICAL_XOR, this, other); }

    /**
     * {@code x.logical_not()}: elementwise logical NOT, bool.
     *
     * @return a bool tensor of this tensor's shape
     */
    public Tensor logicalNot() { return Elementwise.compare("logical_not", CompareOp.EQ, this, Scalar.of(false)); }

    /**
     * True when both have the same shape and elements ({@code torch.equal}).
     *
     * @param other the tensor to compare with
     * @return true when both have the same shape and equal elements
     */
    public boolean equal(Tensor other) { return Elementwise.equal(this, other); }

    /**
     * {@code torch.allclose}: |a - b| &lt;= atol + rtol * |b| everywhere.
     *
     * @param other the tensor to compare with, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @return true when every pair of elements is close
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public boolean allclose(Tensor other, double rtol, double atol) { return Elementwise.allclose(this, other, rtol, atol); }

    /**
     * {@code x.allclose(other)}: whether |this - other| &lt;= atol + rtol * |other| everywhere.
     *
     * @param other the tensor to compare with, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return true when every pair of elements is close
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public boolean allclose(Tensor other) { return allclose(other, 1e-5, 1e-8); }

    /**
     * {@code torch.isclose}: elementwise |a - b| &lt;= atol + rtol * |b|, or equal (infinities too); NaN only with
     * equalNan.
     *
     * @param other the tensor to compare with, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @param equalNan whether two NaNs count as close
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor isclose(Tensor other, double rtol, double atol, boolean equalNan) {
        return Elementwise.isclose(this, other, rtol, atol, equalNan);
    }

    /**
     * {@code x.isclose(other)}: elementwise |this - other| &lt;= atol + rtol * |other|, bool.
     *
     * @param other the tensor to compare with, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor isclose(Tensor other) { return isclose(other, 1e-5, 1e-8, false); }

    /**
     * The p-norm of this - other ({@code torch.dist}).
     *
     * @param other the tensor to subtract, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @param p the order of the norm of the difference (2 by default)
     * @return a 0-dim tensor, the p-norm of {@code this - other}
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor dist(Tensor other, double p) { return sub(other).norm(p); }

    /**
     * {@code x.dist(other)}: the p-norm of this - other.
     *
     * @param other the tensor to subtract, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a 0-dim tensor, the p-norm of {@code this - other}
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor dist(Tensor other) { return dist(other, 2); }

    /**
     * {@code torch.where(condition, this, other)}.
     *
     * @param condition a bool tensor, {@linkplain Tensor##broadcasting broadcast} with the operands: true takes this
     *     tensor's element, false other's
     * @param other the values taken where condition is false, {@linkplain Tensor##broadcasting broadcast}
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     * @throws IllegalArgumentException {@code where expected condition to be a boolean tensor, but got a tensor with
     *     dtype Float} for a non-bool condition
     */
    public Tensor where(Tensor condition, Tensor other) { return Elementwise.where(condition, this, other); }

    /**
     * {@code x.where(condition, other)}: this where condition is true, other elsewhere (other a Python number).
     *
     * @param condition a bool tensor, {@linkplain Tensor##broadcasting broadcast} with the operands: true takes this
     *     tensor's element, false other's
     * @param other the value taken where condition is false
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     * @throws IllegalArgumentException {@code where expected condition to be a boolean tensor, but got a tensor with
     *     dtype Float} for a non-bool condition
     */
    public Tensor where(Tensor condition, double other) { return where(condition, Scalar.of(other)); }

    // ---------------------------------------------------------------- reductions

    /**
     * {@code x.sum()}: the sum over all elements or dims (integers and bools sum as int64).
     *
     * Integral and bool inputs give an int64 result, as in PyTorch; floating inputs keep their dtype.
     *
     * @return a 0-dim tensor
     */
    public Tensor sum() { return Reductions.sum(this); }

    /**
     * {@code x.sum(dim)}: the sum over all elements or dims (integers and bools sum as int64).
     *
     * Integral and bool inputs give an int64 result, as in PyTorch; floating inputs keep their dtype.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor sum(int dim) { return sum(new int[] {dim}, false); }

    /**
     * {@code x.sum(dim, keepdim)}: the sum over all elements or dims (integers and bools sum as int64).
     *
     * Integral and bool inputs give an int64 result, as in PyTorch; floating inputs keep their dtype.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor sum(int dim, boolean keepdim) { return sum(new int[] {dim}, keepdim); }

    /**
     * {@code x.sum(dims, keepdim)}: the sum over all elements or dims (integers and bools sum as int64).
     *
     * Integral and bool inputs give an int64 result, as in PyTorch; floating inputs keep their dtype.
     *
     * @param dims the dims to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor sum(int[] dims, boolean keepdim) { return Reductions.sum(this, dims, keepdim); }

    /**
     * {@code x.mean()}: the mean over all elements or dims (floating dtypes only).
     *
     * @return a 0-dim tensor
     * @throws IllegalArgumentException for an integral or bool tensor: {@code mean(): could not infer output dtype.
     *     Input dtype must be either a floating point or complex dtype. Got: Int}
     */
    public Tensor mean() { return Reductions.mean(this); }

    /**
     * {@code x.mean(dim)}: the mean over all elements or dims (floating dtypes only).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException for an integral or bool tensor: {@code mean(): could not infer output dtype.
     *     Input dtype must be either a floating point or complex dtype. Got: Int}
     */
    public Tensor mean(int dim) { return mean(new int[] {dim}, false); }

    /**
     * {@code x.mean(dim, keepdim)}: the mean over all elements or dims (floating dtypes only).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException for an integral or bool tensor: {@code mean(): could not infer output dtype.
     *     Input dtype must be either a floating point or complex dtype. Got: Int}
     */
    public Tensor mean(int dim, boolean keepdim) { return mean(new int[] {dim}, keepdim); }

    /**
     * {@code x.mean(dims, keepdim)}: the mean over all elements or dims (floating dtypes only).
     *
     * @param dims the dims to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException for an integral or bool tensor: {@code mean(): could not infer output dtype.
     *     Input dtype must be either a floating point or complex dtype. Got: Int}
     */
    public Tensor mean(int[] dims, boolean keepdim) { return Reductions.mean(this, dims, keepdim); }

    /**
     * {@code x.prod()}: the product over all elements or along dim.
     *
     * Integral and bool inputs give an int64 result, as in PyTorch; floating inputs keep their dtype.
     *
     * @return a 0-dim tensor
     */
    public Tensor prod() { return Reductions.prod(this); }

    /**
     * {@code x.prod(dim)}: the product over all elements or along dim.
     *
     * Integral and bool inputs give an int64 result, as in PyTorch; floating inputs keep their dtype.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor prod(int dim) { return prod(dim, false); }

    /**
     * {@code x.prod(dim, keepdim)}: the product over all elements or along dim.
     *
     * Integral and bool inputs give an int64 result, as in PyTorch; floating inputs keep their dtype.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor prod(int dim, boolean keepdim) { return Reductions.prod(this, dim, keepdim); }

    /**
     * The largest element (NaN if any is NaN). PyTorch: {@code torch.Tensor.max}.
     *
     * @return a 0-dim tensor
     * @throws IllegalArgumentException for an empty tensor ({@code max(): Expected reduction dim to be specified for
     *     input.numel() == 0. Specify the reduction dim with the 'dim' argument.})
     */
    public Tensor max() { return Reductions.extremeOfAll(this, true); }

    /**
     * Values and first indices of the largest elements along dim. PyTorch: {@code torch.Tensor.max}.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return values and int64 indices of the reduced shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices max(int dim) { return max(dim, false); }

    /**
     * {@code x.max(dim, keepdim)}: the maximum (over all elements, or along dim with indices).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return values and int64 indices of the reduced shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices max(int dim, boolean keepdim) { return Reductions.extremeAlong(this, dim, keepdim, true); }

    /**
     * Elementwise maximum, as {@code torch.max(a, b)}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor max(Tensor other) { return maximum(other); }

    /**
     * {@code x.min()}: the minimum (over all elements, or along dim with indices).
     *
     * @return a 0-dim tensor
     * @throws IllegalArgumentException for an empty tensor ({@code min(): Expected reduction dim to be specified for
     *     input.numel() == 0. Specify the reduction dim with the 'dim' argument.})
     */
    public Tensor min() { return Reductions.extremeOfAll(this, false); }

    /**
     * {@code x.min(dim)}: the minimum (over all elements, or along dim with indices).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return values and int64 indices of the reduced shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices min(int dim) { return min(dim, false); }

    /**
     * {@code x.min(dim, keepdim)}: the minimum (over all elements, or along dim with indices).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return values and int64 indices of the reduced shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices min(int dim, boolean keepdim) { return Reductions.extremeAlong(this, dim, keepdim, false); }

    /**
     * {@code x.min(other)}: the minimum (over all elements, or along dim with indices).
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor min(Tensor other) { return minimum(other); }

    /**
     * {@code x.amax(dim, keepdim)}: the maximum over dims (no indices; gradient split evenly between ties).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor amax(int dim, boolean keepdim) { return Reductions.amax(this, dim, keepdim, true); }

    /**
     * {@code x.amin(dim, keepdim)}: the minimum over dims (no indices; gradient split evenly between ties).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor amin(int dim, boolean keepdim) { return Reductions.amax(this, dim, keepdim, false); }

    /**
     * Index of the largest element of the flattened tensor. PyTorch: {@code torch.Tensor.argmax}.
     *
     * @return a 0-dim tensor
     */
    public Tensor argmax() { return Reductions.argAll(this, true); }

    /**
     * {@code x.argmax(dim)}: the index of the maximum (the first one on ties), int64.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor argmax(int dim) { return Reductions.extreme(this, dim, false, true, "argmax").indices(); }

    /**
     * {@code x.argmax(dim, keepdim)}: the index of the maximum (the first one on ties), int64.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor argmax(int dim, boolean keepdim) { return Reductions.extreme(this, dim, keepdim, true, "argmax").indices(); }

    /**
     * {@code x.argmin()}: the index of the minimum (the first one on ties), int64.
     *
     * @return a 0-dim tensor
     */
    public Tensor argmin() { return Reductions.argAll(this, false); }

    /**
     * {@code x.argmin(dim)}: the index of the minimum (the first one on ties), int64.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor argmin(int dim) { return Reductions.extreme(this, dim, false, false, "argmin").indices(); }

    /**
     * {@code x.argmin(dim, keepdim)}: the index of the minimum (the first one on ties), int64.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor argmin(int dim, boolean keepdim) { return Reductions.extreme(this, dim, keepdim, false, "argmin").indices(); }

    /**
     * The 2-norm of all elements. PyTorch: {@code torch.Tensor.norm}.
     *
     * @return a 0-dim tensor
     */
    public Tensor norm() { return norm(2); }

    /**
     * The p-norm of all elements (p may be infinite). PyTorch: {@code torch.Tensor.norm}.
     *
     * @param p the order of the norm: 2 for Euclidean, 1, {@code Double.POSITIVE_INFINITY} for the largest magnitude,
     *     0 for the count of non-zeros
     * @return a 0-dim tensor
     */
    public Tensor norm(double p) { return Reductions.norm(this, p, null, false); }

    /**
     * {@code x.norm(p, dim, keepdim)}: the p-norm over all elements or dims.
     *
     * @param p the order of the norm: 2 for Euclidean, 1, {@code Double.POSITIVE_INFINITY} for the largest magnitude,
     *     0 for the count of non-zeros
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor norm(double p, int dim, boolean keepdim) { return Reductions.norm(this, p, new int[] {dim}, keepdim); }

    /**
     * {@code x.all()}: whether every element is non-zero (bool).
     *
     * @return a 0-dim tensor
     */
    public Tensor all() { return Reductions.logicalAll(this, true); }

    /**
     * {@code x.all(dim)}: whether every element is non-zero (bool).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor all(int dim) { return Reductions.logical(this, dim, false, true); }

    /**
     * {@code x.all(dim, keepdim)}: whether every element is non-zero (bool).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor all(int dim, boolean keepdim) { return Reductions.logical(this, dim, keepdim, true); }

    /**
     * {@code x.any()}: whether any element is non-zero (bool).
     *
     * @return a 0-dim tensor
     */
    public Tensor any() { return Reductions.logicalAll(this, false); }

    /**
     * {@code x.any(dim)}: whether any element is non-zero (bool).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor any(int dim) { return Reductions.logical(this, dim, false, false); }

    /**
     * {@code x.any(dim, keepdim)}: whether any element is non-zero (bool).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor any(int dim, boolean keepdim) { return Reductions.logical(this, dim, keepdim, false); }

    /**
     * {@code out[i][j] = this[i][index[i][j]]} along dim (dim=1 shown); index is int64.
     * PyTorch: {@code torch.Tensor.gather}.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index int64 positions along dim; the result has index's shape, and index's sizes may not exceed this
     *     tensor's outside dim
     * @return a new tensor of index's shape and this tensor's dtype
     * @throws IllegalArgumentException if a dim is out of range, index is not int64 ({@code gather(): Expected dtype
     *     int64 for index}), has another number of dims, or holds a position outside dim
     */
    public Tensor gather(int dim, Tensor index) { return Gathering.gather(this, dim, index); }

    /**
     * A copy of this tensor with src added at the positions index names along dim.
     * PyTorch: {@code torch.Tensor.scatter_add}.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index int64 positions along dim, one per scattered value; index's sizes may not exceed this tensor's
     *     outside dim
     * @param src the values to scatter, at least as large as index in every dim
     * @return a copy of this tensor with src's values added at the indexed positions
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) { return Gathering.scatterAdd(this, dim, index, src); }

    /**
     * A copy with alpha * source's slices added at the positions index names along dim (repeats add up).
     * PyTorch: {@code torch.Tensor.index_add}.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index a 1-D int64 tensor of positions along dim, one per slice of source
     * @param source the values to write: this tensor's shape with dim's size replaced by index's length
     * @return a copy of this tensor with source added at the indexed slices
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor indexAdd(int dim, Tensor index, Tensor source) { return indexAdd(dim, index, source, 1.0); }

    /**
     * {@code x.index_add(dim, index, source, alpha)}: adds alpha * source into the rows (along dim) given by index.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index a 1-D int64 tensor of positions along dim, one per slice of source
     * @param source the values to write: this tensor's shape with dim's size replaced by index's length
     * @param alpha the multiplier of source
     * @return a copy of this tensor with source added at the indexed slices
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor indexAdd(int dim, Tensor index, Tensor source, double alpha) { return Gathering.indexAdd(this, dim, index, source, alpha); }

    /**
     * {@code x.index_add_(dim, index, source)}: adds source into the rows (along dim) given by index, in place;
     * returns this.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index a 1-D int64 tensor of positions along dim, one per slice of source
     * @param source the values to write: this tensor's shape with dim's size replaced by index's length
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor indexAdd_(int dim, Tensor index, Tensor source) { return Copying.writeBack(this, old -> old.indexAdd(dim, index, source), source); }

    /**
     * {@code x.index_add_(dim, index, source, alpha)}: adds alpha * source into the rows (along dim) given by index,
     * in place; returns this.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index a 1-D int64 tensor of positions along dim, one per slice of source
     * @param source the values to write: this tensor's shape with dim's size replaced by index's length
     * @param alpha the multiplier of source
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor indexAdd_(int dim, Tensor index, Tensor source, double alpha) {
        return Copying.writeBack(this, old -> old.indexAdd(dim, index, source, alpha), source);
    }

    /**
     * A copy with value at every position of the slices index names along dim.
     * PyTorch: {@code torch.Tensor.index_fill}.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index a 1-D int64 tensor of positions along dim
     * @param value the value written
     * @return a copy of this tensor with the indexed slices filled
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor indexFill(int dim, Tensor index, double value) { return Gathering.indexFill(this, dim, index, Scalar.of(value)); }

    /**
     * {@code x.index_fill_(dim, index, value)}: fills the rows (along dim) given by index with value; returns this.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index a 1-D int64 tensor of positions along dim
     * @param value the value written
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor indexFill_(int dim, Tensor index, double value) { return Copying.writeBack(this, old -> old.indexFill(dim, index, value)); }

    /**
     * A copy with source's slices at the positions index names along dim. PyTorch: {@code torch.Tensor.index_copy}.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index a 1-D int64 tensor of positions along dim, one per slice of source
     * @param source the values to write: this tensor's shape with dim's size replaced by index's length
     * @return a copy of this tensor with the indexed slices replaced
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor indexCopy(int dim, Tensor index, Tensor source) { return Gathering.indexCopy(this, dim, index, source); }

    /**
     * {@code x.index_copy_(dim, index, source)}: copies source into the rows (along dim) given by index, in place;
     * returns this.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index a 1-D int64 tensor of positions along dim, one per slice of source
     * @param source the values to write: this tensor's shape with dim's size replaced by index's length
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor indexCopy_(int dim, Tensor index, Tensor source) {
        return Copying.writeBack(this, old -> old.indexCopy(dim, index, source), source);
    }

    /**
     * {@code x.scatter_add_(dim, index, src)}: a copy with src added at index along dim, in place; returns this.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index int64 positions along dim, one per scattered value; index's sizes may not exceed this tensor's
     *     outside dim
     * @param src the values to scatter, at least as large as index in every dim
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor scatterAdd_(int dim, Tensor index, Tensor src) { return Copying.writeBack(this, old -> old.scatterAdd(dim, index, src), src); }

    /**
     * A copy with src[..i..] written at the positions index names along dim. PyTorch: {@code torch.Tensor.scatter}.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index int64 positions along dim, one per scattered value; index's sizes may not exceed this tensor's
     *     outside dim
     * @param src the values to scatter, at least as large as index in every dim
     * @return a copy of this tensor with the values written at the indexed positions
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor scatter(int dim, Tensor index, Tensor src) { return Gathering.scatter(this, dim, index, src); }

    /**
     * A copy with value written at the positions index names along dim. PyTorch: {@code torch.Tensor.scatter}.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index int64 positions along dim, one per scattered value; index's sizes may not exceed this tensor's
     *     outside dim
     * @param value the value to scatter at every index
     * @return a copy of this tensor with the values written at the indexed positions
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor scatter(int dim, Tensor index, double value) { return Gathering.scatter(this, dim, index, Scalar.of(value), true); }

    /**
     * {@code x.scatter_(dim, index, src)}: a copy with src (or value) written at index along dim, in place; returns
     * this.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index int64 positions along dim, one per scattered value; index's sizes may not exceed this tensor's
     *     outside dim
     * @param src the values to scatter, at least as large as index in every dim
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor scatter_(int dim, Tensor index, Tensor src) { return Copying.writeBack(this, old -> old.scatter(dim, index, src), src); }

    /**
     * {@code x.scatter_(dim, index, value)}: a copy with src (or value) written at index along dim (value a Python
     * number), in place; returns this.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index int64 positions along dim, one per scattered value; index's sizes may not exceed this tensor's
     *     outside dim
     * @param value the value to scatter at every index
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor scatter_(int dim, Tensor index, double value) { return Copying.writeBack(this, old -> old.scatter(dim, index, value)); }

    // ---------------------------------------------------------------- linear algebra

    /**
     * {@code torch.matmul}: dot, matrix-vector, matrix-matrix or broadcast batched product by the inputs' dims.
     *
     * Shapes, as {@code torch.matmul}: two 1-D operands give their dot product (0-dim); two 2-D ones the matrix
     * product, {@code [n, m]} and {@code [m, p]} giving {@code [n, p]}; a 1-D operand with a 2-D one is treated as a
     * row (first) or column (second) and that dim is dropped again; when either has more than 2 dims, the leading
     * (batch) dims broadcast and the last two multiply as matrices: {@code [b, 1, n, m]} and {@code [k, m, p]} give
     * {@code [b, k, n, p]}. Both operands must have the same dtype.
     *
     * @param other the right operand: 1-D, 2-D or batched; this tensor's and its dims choose the product
     * @return the product, its shape as described above
     * @throws IllegalArgumentException {@code mat1 and mat2 shapes cannot be multiplied (2x3 and 4x2)} when the inner
     *     sizes differ, {@code both arguments to matmul need to be at least 1D, but they are 0D and 2D} for a 0-dim
     *     operand, or if the batch dims do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor matmul(Tensor other) { return LinearAlgebra.matmul(this, other); }

    /**
     * {@code x.mm(other)}: the matrix product of two 2-d tensors.
     *
     * @param other an {@code [m, p]} matrix, this tensor being {@code [n, m]}
     * @return an {@code [n, p]} matrix
     * @throws IllegalArgumentException {@code self must be a matrix} (or {@code mat2 must be a matrix}) unless both
     *     are 2-D; {@code mat1 and mat2 shapes cannot be multiplied (2x3 and 4x2)} when the inner sizes differ
     */
    public Tensor mm(Tensor other) { return LinearAlgebra.mm(this, other); }

    /**
     * {@code x.bmm(other)}: batched matrix product: (b, n, m) @ (b, m, p) gives (b, n, p).
     *
     * @param other a {@code [b, m, p]} tensor, this tensor being {@code [b, n, m]}
     * @return a {@code [b, n, p]} tensor
     * @throws IllegalArgumentException {@code batch1 must be a 3D tensor} (or batch2) unless both are 3-D, or when the
     *     batch or inner sizes differ
     */
    public Tensor bmm(Tensor other) { return LinearAlgebra.bmm(this, other); }

    /**
     * {@code x.mv(vec)}: the matrix-vector product.
     *
     * @param vec a 1-D tensor of as many elements as this matrix has columns
     * @return a 1-D tensor of n elements
     */
    public Tensor mv(Tensor vec) { return LinearAlgebra.mv(this, vec); }

    /**
     * {@code x.dot(other)}: the dot product of two 1-d tensors.
     *
     * @param other a 1-D tensor of this tensor's length and dtype
     * @return a 0-dim tensor
     * @throws IllegalArgumentException unless both are 1-D of the same length and dtype ({@code inconsistent tensor
     *     size, expected tensor [3] and src [4] to have the same number of elements, but got 3 and 4 elements
     *     respectively})
     */
    public Tensor dot(Tensor other) { return LinearAlgebra.dot(this, other); }

    // ---------------------------------------------------------------- views and reshaping

    /**
     * The same elements with a new shape, sharing memory; one size may be -1. PyTorch: {@code torch.Tensor.view}.
     *
     * @param shape the new shape, with the same number of elements; one size may be -1 (inferred)
     * @return a view of this tensor
     * @throws IllegalArgumentException {@code shape '[4]' is invalid for input of size 6} when the sizes do not
     *     multiply to numel, {@code only one dimension can be inferred} for two -1s, or when the layout cannot be
     *     viewed so
     *     ({@code view size is not compatible with input tensor's size and stride ... Use .reshape(...) instead.})
     */
    public Tensor view(long... shape) { return Views.view(this, shape); }

    /**
     * The windows of size elements along dim, step apart, as a new last dim (a view; torch.Tensor.unfold).
     *
     * @param dim the dim, negative counting from the end
     * @param size the window length
     * @param step the distance between window starts, at least 1
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the window is longer than the dim ({@code maximum
     *     size for tensor at dimension 1 is 3 but size is 5})
     */
    public Tensor unfold(int dim, long size, long step) { return Views.unfold(this, dim, size, step); }

    /**
     * dim split into sizes (one may be -1): a view. PyTorch: {@code torch.Tensor.unflatten}.
     *
     * @param dim the dim, negative counting from the end
     * @param sizes the sizes dim splits into, their product equal to dim's size; one may be -1
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor unflatten(int dim, long... sizes) { return Views.unflatten(this, dim, sizes); }

    /**
     * A view when the layout allows, else a copy. PyTorch: {@code torch.Tensor.reshape}.
     *
     * @param shape the new shape, with the same number of elements; one size may be -1 (inferred)
     * @return a view when the layout allows, else a copy, of the new shape
     * @throws IllegalArgumentException {@code shape '[4]' is invalid for input of size 6} when the sizes do not
     *     multiply to numel, {@code only one dimension can be inferred} for two -1s
     */
    public Tensor reshape(long... shape) { return Views.reshape(this, shape); }

    /**
     * {@code x.view_as(other)}: this viewed with other's shape.
     *
     * @param other the tensor whose shape to take
     * @return a view of this tensor
     */
    public Tensor viewAs(Tensor other) { return view(other.shape()); }

    /**
     * {@code x.reshape_as(other)}: this reshaped to other's shape.
     *
     * @param other the tensor whose shape to take
     * @return a view when the layout allows, else a copy, of other's shape
     */
    public Tensor reshapeAs(Tensor other) { return reshape(other.shape()); }

    /**
     * {@code x.flatten()}: the dims from startDim to endDim flattened into one (a view when possible).
     *
     * @return a 1-D tensor (a view when possible; a 0-dim tensor gives one element)
     */
    public Tensor flatten() { return Views.flatten(this, 0, -1); }

    /**
     * {@code x.flatten(start_dim, end_dim)}: the dims from startDim to endDim flattened into one (a view when
     * possible).
     *
     * @param startDim the first dim to flatten, negative counting from the end
     * @param endDim the last dim to flatten, negative counting from the end
     * @return a tensor with the dims from startDim to endDim merged (a view when possible)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor flatten(int startDim, int endDim) { return Views.flatten(this, startDim, endDim); }

    /**
     * Dims from startDim to the last flattened into one. PyTorch: {@code torch.Tensor.flatten}.
     *
     * @param startDim the first dim to flatten, negative counting from the end
     * @return a tensor with the dims from startDim on merged (a view when possible)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor flatten(int startDim) { return flatten(startDim, -1); }

    /**
     * This tensor if already contiguous, else a contiguous copy. PyTorch: {@code torch.Tensor.contiguous}.
     *
     * @return this tensor when already contiguous, else a contiguous copy
     */
    public Tensor contiguous() { return isContiguous() ? this : clone(); }

    /**
     * {@code x.transpose(dim0, dim1)}: a view with two dims swapped.
     *
     * @param dim0 the first dim, negative counting from the end
     * @param dim1 the second dim, negative counting from the end
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor transpose(int dim0, int dim1) { return Views.transpose(this, dim0, dim1); }

    /**
     * Transpose of a matrix; vectors and scalars come back as they are. PyTorch: {@code torch.Tensor.t}.
     *
     * @return a view of this tensor (this tensor's view itself below 2 dims)
     */
    public Tensor t() { return Views.t(this); }

    /**
     * {@code Tensor.T}: all dims reversed.
     *
     * @return a view of this tensor with the dims reversed
     */
    public Tensor T() {
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) dims[i] = dims.length - 1 - i;
        return permute(dims);
    }

    /**
     * {@code x.permute(dims)}: a view with the dims in the given order.
     *
     * @param dims the new order of the dims: a permutation of all dims, negative counting from the end
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range, repeated, or dims does not name every dim once
     *     ({@code permute(sparse_coo): number of dimensions in the tensor input does not match the length of the
     *     desired ordering of dimensions i.e. input.dim() = 2 is not equal to len(dims) = 1})
     */
    public Tensor permute(int... dims) { return Views.permute(this, dims); }

    /**
     * Removes every size-1 dim. PyTorch: {@code torch.Tensor.squeeze}.
     *
     * @return a view of this tensor
     */
    public Tensor squeeze() { return Views.squeeze(this); }

    /**
     * {@code x.squeeze(dim)}: a view without the dims of size 1 (or without dim, when it has size 1).
     *
     * @param dim the dim, negative counting from the end
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor squeeze(int dim) { return Views.squeeze(this, dim); }

    /**
     * {@code x.unsqueeze(dim)}: a view with a new dim of size 1 at dim.
     *
     * @param dim where the new dim goes, in {@code [-dim() - 1, dim()]}, negative counting from the end of the result
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor unsqueeze(int dim) { return Views.unsqueeze(this, dim); }

    /**
     * A broadcast view: size-1 dims stretch without copying; -1 keeps a size. PyTorch: {@code torch.Tensor.expand}.
     *
     * @param sizes the target shape: size-1 dims may grow, -1 keeps a size, new leading dims may be added
     * @return a view of this tensor
     * @throws IllegalArgumentException when a size other than 1 would change ({@code The expanded size of the tensor
     *     (3) must match the existing size (2) at non-singleton dimension 0.  Target sizes: [3, 3].  Tensor sizes: [2,
     *     3]}) or sizes has fewer entries than dims
     */
    public Tensor expand(long... sizes) { return Views.expand(this, sizes); }

    /**
     * {@code x.expand_as(other)}: this expanded (a view) to other's shape.
     *
     * @param other the tensor whose shape to take
     * @return a view of this tensor
     */
    public Tensor expandAs(Tensor other) { return expand(other.shape()); }

    /**
     * {@code a[index]} along dim: removes that dim.
     *
     * @param dim the dim, negative counting from the end
     * @param index the position along dim, negative counting from the end
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range, or index is ({@code select(): index 7 out of range
     *     for tensor of size [2, 3] at dimension 1})
     */
    public Tensor select(int dim, long index) { return Views.select(this, dim, index); }

    /**
     * {@code a[i]}: select along dim 0 (Kotlin's indexing operator).
     *
     * @param index the position along dim 0, negative counting from the end
     * @return a view of this tensor
     */
    public Tensor get(long index) { return Views.indexAt(this, 0, index); }

    /**
     * {@code a[start:end:step]} along dim; bounds clamp like Python's.
     *
     * @param dim the dim, negative counting from the end
     * @param start the first index (inclusive); out-of-range bounds clamp as in Python
     * @param end the end index (exclusive); out-of-range bounds clamp as in Python
     * @param step the step, at least 1
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor slice(int dim, long start, long end, long step) { return Views.slice(this, dim, start, end, step); }

    /**
     * {@code x.slice(dim, start, end)}: a view of dim from start (inclusive) to end (exclusive) in steps, as
     * x[start:end:step].
     *
     * @param dim the dim, negative counting from the end
     * @param start the first index (inclusive); out-of-range bounds clamp as in Python
     * @param end the end index (exclusive); out-of-range bounds clamp as in Python
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor slice(int dim, long start, long end) { return slice(dim, start, end, 1); }

    /**
     * {@code x.narrow(dim, start, length)}: a view of length elements along dim starting at start.
     *
     * @param dim the dim, negative counting from the end
     * @param start the first index, negative counting from the end
     * @param length how many elements
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the range leaves the dim ({@code start (2) +
     *     length (5) exceeds dimension size (3).})
     */
    public Tensor narrow(int dim, long start, long length) { return Views.narrow(this, dim, start, length); }

    /**
     * NumPy-style basic indexing from a string: {@code ":, 2"}, {@code "1:3, ::2"}, {@code "..., None, -1"}.
     * PyTorch: {@code x[...]} ({@code torch.Tensor.__getitem__}).
     *
     * @param indices comma-separated entries, one per dim from the first: an integer (drops the dim), a slice
     *     {@code start:stop:step} (any part may be empty), {@code ...} (the remaining dims) or {@code None} (a new dim of
     *     size 1)
     * @return a view of this tensor (basic indexing never copies)
     * @throws IllegalArgumentException PyTorch's {@code too many indices for tensor of dimension 2} or {@code index 5
     *     is out of bounds for dimension 0 with size 2}
     */
    public Tensor index(String indices) { return Views.index(this, indices); }

    /**
     * Advanced indexing, {@code x[idx]} and {@code x[mask]}: one entry per leading dim, each an int64
     * tensor of positions, a bool mask (covering as many dims as it has) or null for the whole dim. The
     * result is a new tensor (never a view).
     *
     * @param indices one entry per leading dim: an int64 tensor of positions, a bool mask, or null for the whole dim;
     *     the index tensors broadcast together
     * @return a new tensor: the indexed dims replaced by the index tensors' broadcast shape (a mask's by its count of
     *     true elements; placed first when nulls separate the index tensors, as in NumPy)
     */
    public Tensor index(Tensor... indices) { return Indexing.index(this, indices); }

    /**
     * {@code x[indices] = values} in place; values broadcast to what index(indices) would return.
     *
     * @param indices one index tensor per leading dim (int64 positions or a bool mask), as for {@link
     *     #index(Tensor...)}
     * @param values the values to write, {@linkplain Tensor##broadcasting broadcast} to the indexed shape
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or an index
     *     is out of range or the values do not {@linkplain Tensor##broadcasting broadcast} to the indexed shape
     */
    public Tensor indexPut_(Tensor[] indices, Tensor values) { return indexPut_(indices, values, false); }

    /**
     * accumulate: values are added, repeated positions adding up ({@code x[idx] += v} with repeats).
     *
     * @param indices one index tensor per leading dim (int64 positions or a bool mask), as for {@link
     *     #index(Tensor...)}
     * @param values the values to write, {@linkplain Tensor##broadcasting broadcast} to the indexed shape
     * @param accumulate whether to add into the positions (repeated positions adding up) rather than write
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or an index
     *     is out of range or the values do not {@linkplain Tensor##broadcasting broadcast} to the indexed shape
     */
    public Tensor indexPut_(Tensor[] indices, Tensor values, boolean accumulate) { return Indexing.indexPut_(this, indices, values, accumulate); }

    /**
     * {@code x.index_put_(indices, value)}: writes values at the positions given by index tensors (accumulating when
     * asked) (value a Python number); returns this.
     *
     * @param indices one index tensor per leading dim (int64 positions or a bool mask), as for {@link
     *     #index(Tensor...)}
     * @param value the value to write
     * @return this tensor
     * @throws IllegalArgumentException if an index is out of range or the values do not {@linkplain
     *     Tensor##broadcasting broadcast} to the indexed shape
     */
    public Tensor indexPut_(Tensor[] indices, double value) { return indexPut_(indices, Scalar.of(value), false); }

    /**
     * {@code x.index_put(indices, values)}: writes values at the positions given by index tensors (accumulating when
     * asked).
     *
     * @param indices one index tensor per leading dim (int64 positions or a bool mask), as for {@link
     *     #index(Tensor...)}
     * @param values the values to write, {@linkplain Tensor##broadcasting broadcast} to the indexed shape
     * @return a copy of this tensor with the values written
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor indexPut(Tensor[] indices, Tensor values) { return indexPut(indices, values, false); }

    /**
     * {@code x.index_put(indices, values, accumulate)}: writes values at the positions given by index tensors
     * (accumulating when asked).
     *
     * @param indices one index tensor per leading dim (int64 positions or a bool mask), as for {@link
     *     #index(Tensor...)}
     * @param values the values to write, {@linkplain Tensor##broadcasting broadcast} to the indexed shape
     * @param accumulate whether to add into the positions (repeated positions adding up) rather than write
     * @return a copy of this tensor with the values written
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor indexPut(Tensor[] indices, Tensor values, boolean accumulate) { return Indexing.indexPut(this, indices, values, accumulate); }

    /**
     * The elements where mask (broadcast with this) is true, as a vector. PyTorch: {@code torch.Tensor.masked_select}.
     *
     * @param mask a bool tensor, {@linkplain Tensor##broadcasting broadcast} with this tensor; true marks the
     *     positions to take
     * @return a new 1-D tensor of the elements where the mask is true, row-major
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor maskedSelect(Tensor mask) { return Indexing.maskedSelect(this, mask); }

    /**
     * The coordinates of the non-zero elements: (count, dim) int64. PyTorch: {@code torch.Tensor.nonzero}.
     *
     * @return an int64 tensor {@code [count, dim()]}: one row of indices per non-zero element, row-major order
     */
    public Tensor nonzero() { return Indexing.nonzero(this); }

    /**
     * nonzero(as_tuple=True): one vector of positions per dim. PyTorch: {@code x.nonzero(as_tuple=True)}.
     *
     * @return one 1-D int64 tensor of positions per dim
     */
    public java.util.List<Tensor> nonzeroTuple() { return Indexing.nonzeroTuple(this); }

    /**
     * {@code x.argwhere()}: the indices of the non-zero elements, one row per element, int64.
     *
     * @return an int64 tensor {@code [count, dim()]}, as {@link #nonzero()}
     */
    public Tensor argwhere() { return nonzero(); }

    /**
     * Splits along dim into views of the given chunk size. PyTorch: {@code torch.Tensor.split}.
     *
     * @param splitSize the size of each part (the last may be smaller)
     * @param dim the dim, negative counting from the end
     * @return the parts, views of this tensor
     * @throws IllegalArgumentException if a dim is out of range, or for a split size of 0 on a non-empty dim ({@code
     *     split_size can only be 0 if dimension size is 0, ...})
     */
    public java.util.List<Tensor> split(long splitSize, int dim) { return Views.split(this, splitSize, dim); }

    /**
     * {@code x.chunk(chunks, dim)}: splits into the given number of nearly equal chunks along dim (views).
     *
     * @param chunks the number of parts asked for (fewer come back when dim's size is small)
     * @param dim the dim, negative counting from the end
     * @return the parts, views of this tensor
     * @throws IllegalArgumentException if a dim is out of range, or {@code chunk expects `chunks` to be greater than
     *     0, got: 0}
     */
    public java.util.List<Tensor> chunk(int chunks, int dim) { return Views.chunk(this, chunks, dim); }

    /**
     * {@code x.unbind(dim)}: the slices along dim, as a list of views.
     *
     * @param dim the dim, negative counting from the end
     * @return the slices along dim, views of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public java.util.List<Tensor> unbind(int dim) { return Views.unbind(this, dim); }

    /**
     * Splits along dim into views of the given sizes (which must add up to the dim's size).
     * PyTorch: {@code torch.Tensor.split}.
     *
     * @param splitSizes the size of each part, summing to dim's size
     * @param dim the dim, negative counting from the end
     * @return the parts, views of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public java.util.List<Tensor> split(long[] splitSizes, int dim) { return Views.splitWithSizes(this, splitSizes, dim); }

    /**
     * The last two dims swapped ({@code tensor.mT}).
     *
     * @return a view of this tensor
     */
    public Tensor mT() { return Views.mT(this); }

    /**
     * The conjugate transpose of a matrix; jgrad's dtypes are real, so the transpose ({@code tensor.H}).
     *
     * @return a view of this tensor
     */
    public Tensor H() { return Views.matrixH(this); }

    /**
     * The conjugate transpose of the last two dims ({@code tensor.mH}); for real dtypes {@link #mT()}.
     *
     * @return a view of this tensor
     */
    public Tensor mH() { return Views.batchTranspose(this, "tensor.mH"); }

    /**
     * {@code tensor.adjoint()}: the same as {@link #mH()}.
     *
     * @return a view of this tensor
     */
    public Tensor adjoint() { return Views.batchTranspose(this, "tensor.adjoint()"); }

    /**
     * The complex conjugate: jgrad's dtypes are real, so this tensor itself (as PyTorch returns for real ones).
     * PyTorch: {@code torch.Tensor.conj}.
     *
     * @return this tensor
     */
    public Tensor conj() { return this; }

    /**
     * {@code x.conj_physical()}: the conjugate: this tensor itself, as jgrad has no complex dtypes.
     *
     * @return this tensor
     */
    public Tensor conjPhysical() { return this; }

    /**
     * {@code x.resolve_conj()}: this (no conjugate bit to resolve).
     *
     * @return this tensor
     */
    public Tensor resolveConj() { return this; }

    /**
     * {@code x.resolve_neg()}: this (no negation bit to resolve).
     *
     * @return this tensor
     */
    public Tensor resolveNeg() { return this; }

    /**
     * {@code x.is_conj()}: whether the conjugate bit is set (always false: jgrad has no complex dtypes).
     *
     * @return false (jgrad has no complex dtypes)
     */
    public boolean isConj() { return false; }

    /**
     * {@code x.is_neg()}: whether the negation bit is set (always false).
     *
     * @return false (jgrad has no negative-bit views)
     */
    public boolean isNeg() { return false; }

    /**
     * {@code x.movedim(source, destination)}: a view with dims moved from source to destination positions.
     *
     * @param source the dim(s) to move, negative counting from the end
     * @param destination where they go in the result, negative counting from the end
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor movedim(int source, int destination) { return movedim(new int[] {source}, new int[] {destination}); }

    /**
     * {@code x.movedim(source, destination)}: a view with dims moved from source to destination positions.
     *
     * @param source the dim(s) to move, negative counting from the end
     * @param destination where they go in the result, negative counting from the end
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor movedim(int[] source, int[] destination) { return Views.movedim(this, source, destination); }

    /**
     * {@code x.moveaxis(source, destination)}: an alias of movedim.
     *
     * @param source the dim(s) to move, negative counting from the end
     * @param destination where they go in the result, negative counting from the end
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor moveaxis(int source, int destination) { return movedim(source, destination); }

    /**
     * The main diagonal of dims 0 and 1, as a view. PyTorch: {@code torch.Tensor.diagonal}.
     *
     * @return a view of this tensor
     */
    public Tensor diagonal() { return diagonal(0, 0, 1); }

    /**
     * The diagonal at offset (above the main one when positive) of the (dim1, dim2) planes, as a view; it becomes the
     * last dim.
     * PyTorch: {@code torch.Tensor.diagonal}.
     *
     * @param offset which diagonal: 0 the main one, positive above, negative below
     * @param dim1 the first dim of the matrices, negative counting from the end
     * @param dim2 the second dim of the matrices, negative counting from the end
     * @return a view of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor diagonal(long offset, int dim1, int dim2) { return Views.diagonal(this, offset, dim1, dim2); }

    // ---------------------------------------------------------------- copies, fills, conversions

    /**
     * {@code x.clone()}: a copy with its own storage, recorded by autograd.
     *
     * @return a new tensor of this tensor's shape, dtype and values
     */
    public Tensor clone() { return Copying.clone(this); }

    /**
     * Copies src (broadcast, converted) into this tensor. PyTorch: {@code torch.Tensor.copy_}.
     *
     * @param src the values to copy, {@linkplain Tensor##broadcasting broadcast} to this tensor's shape and converted
     *     to its dtype
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor copy_(Tensor src) { return Copying.copy_(this, src); }

    /**
     * {@code x.fill_(value)}: fills with value; returns this.
     *
     * @param value the value every element gets (converted to this tensor's dtype)
     * @return this tensor
     */
    public Tensor fill_(double value) { return Copying.fill_(this, Scalar.of(value)); }

    /**
     * {@code x.fill_(value)}: fills with value; returns this.
     *
     * @param value the value every element gets (converted to this tensor's dtype)
     * @return this tensor
     */
    public Tensor fill_(long value) { return Copying.fill_(this, Scalar.of(value)); }

    /**
     * {@code x.fill_(value)}: fills with value; returns this.
     *
     * @param value the value every element gets (converted to this tensor's dtype)
     * @return this tensor
     */
    public Tensor fill_(boolean value) { return Copying.fill_(this, Scalar.of(value)); }

    /**
     * {@code x.zero_()}: fills with zeros; returns this.
     *
     * @return this tensor
     */
    public Tensor zero_() { return Copying.zero_(this); }

    /**
     * This tensor if already of dtype, else a converted copy. PyTorch: {@code torch.Tensor.to}.
     *
     * @param dtype the dtype to convert to
     * @return this tensor when nothing changes, else a converted copy
     */
    public Tensor to(DType dtype) { return to(device(), dtype); }

    /**
     * {@code x.to(device)}: this tensor converted to a dtype and/or device (itself when nothing changes).
     *
     * @param device the device to move to
     * @return this tensor when nothing changes, else a converted copy
     */
    public Tensor to(Device device) { return to(device, dtype()); }

    /**
     * {@code x.to(device, dtype)}: this tensor converted to a dtype and/or device (itself when nothing changes).
     *
     * @param device the device to move to
     * @param dtype the dtype to convert to
     * @return this tensor when nothing changes, else a converted copy
     */
    public Tensor to(Device device, DType dtype) { return Copying.to(this, device, dtype); }

    /**
     * {@code .to(other.device, other.dtype)}. PyTorch: {@code torch.Tensor.type_as}.
     *
     * @param other the tensor whose dtype to take
     * @return this tensor when the dtype matches, else a converted copy
     */
    public Tensor typeAs(Tensor other) { return to(other.device(), other.dtype()); }

    /**
     * {@code x.cpu()}: this tensor on the CPU (itself when already there).
     *
     * @return this tensor (jgrad tensors live on the CPU or the meta device)
     */
    public Tensor cpu() { return to(Device.CPU); }

    /**
     * {@code x.cuda()}: this tensor moved to cuda:0 (which fails until a CUDA backend is installed).
     *
     * @return never returns: there is no CUDA backend
     * @throws IllegalStateException always: {@code Torch not compiled with CUDA enabled}
     */
    public Tensor cuda() { return to(Device.cuda(0)); }

    /**
     * A tensor of the same values as float32 ({@code Tensor.float()}; Java reserves the name).
     *
     * @return this tensor when already float32, else a converted copy
     */
    public Tensor toFloat() { return to(DType.FLOAT32); }

    /**
     * {@code x.double()}: a float64 copy (itself when already float64).
     *
     * @return this tensor when already float64, else a converted copy
     */
    public Tensor toDouble() { return to(DType.FLOAT64); }

    /**
     * {@code x.long()}: an int64 copy (itself when already int64).
     *
     * @return this tensor when already int64, else a converted copy
     */
    public Tensor toLong() { return to(DType.INT64); }

    /**
     * {@code x.int()}: an int32 copy (itself when already int32).
     *
     * @return this tensor when already int32, else a converted copy
     */
    public Tensor toInt() { return to(DType.INT32); }

    /**
     * {@code x.bool()}: a bool copy (itself when already bool).
     *
     * @return this tensor when already bool, else a converted copy
     */
    public Tensor toBool() { return to(DType.BOOL); }

    /**
     * A tensor of the same values as float16, rounded to nearest even ({@code Tensor.half()}); this tensor when it is
     * float16 already.
     *
     * @return this tensor when already float16, else a converted copy
     */
    public Tensor half() { return to(DType.FLOAT16); }

    /**
     * A tensor of the same values as bfloat16, rounded to nearest even ({@code Tensor.bfloat16()}); this tensor when it
     * is bfloat16 already.
     *
     * @return this tensor when already bfloat16, else a converted copy
     */
    public Tensor bfloat16() { return to(DType.BFLOAT16); }

    // ---------------------------------------------------------------- new tensors like this one

    /**
     * {@code x.new_zeros(size)}: a tensor of zeros of the given shape, with this dtype and device (or the given
     * dtype).
     *
     * @param size the shape of the new tensor
     * @return a new tensor of that shape with this tensor's dtype and device
     */
    public Tensor newZeros(long... size) { return Creation.full(size, Scalar.of(0L), dtype(), device()); }

    /**
     * {@code x.new_zeros(dtype, size)}: a tensor of zeros of the given shape, with this dtype and device (or the
     * given dtype).
     *
     * @param dtype the new tensor's dtype
     * @param size the shape of the new tensor
     * @return a new tensor of that shape and dtype on this tensor's device
     */
    public Tensor newZeros(DType dtype, long... size) { return Creation.full(size, Scalar.of(0L), dtype, device()); }

    /**
     * {@code x.new_ones(size)}: a tensor of ones of the given shape, with this dtype and device (or the given dtype).
     *
     * @param size the shape of the new tensor
     * @return a new tensor of that shape with this tensor's dtype and device
     */
    public Tensor newOnes(long... size) { return Creation.full(size, Scalar.of(1L), dtype(), device()); }

    /**
     * {@code x.new_ones(dtype, size)}: a tensor of ones of the given shape, with this dtype and device (or the given
     * dtype).
     *
     * @param dtype the new tensor's dtype
     * @param size the shape of the new tensor
     * @return a new tensor of that shape and dtype on this tensor's device
     */
    public Tensor newOnes(DType dtype, long... size) { return Creation.full(size, Scalar.of(1L), dtype, device()); }

    /**
     * {@code x.new_empty(size)}: a zero-filled tensor (jgrad clears memory) of the given shape with this dtype and
     * device.
     *
     * @param size the shape of the new tensor
     * @return a new tensor of that shape with this tensor's dtype and device
     */
    public Tensor newEmpty(long... size) { return Creation.empty(size, dtype(), device()); }

    /**
     * {@code x.new_full(size, value)}: a tensor of the given shape filled with value, with this dtype and device
     * (value a Python number).
     *
     * @param size the shape of the new tensor
     * @param value the value every element gets
     * @return a new tensor of that shape with this tensor's dtype and device
     */
    public Tensor newFull(long[] size, double value) { return Creation.full(size, Scalar.of(value), dtype(), device()); }

    /**
     * {@code x.new_tensor(data)}: a tensor of the given data, with this dtype and device.
     *
     * @param data a Java number, boolean, array or nested array/List of them, as for {@code Torch.tensor}
     * @return a new tensor of the data's shape with this tensor's dtype
     */
    public Tensor newTensor(Object data) { return Creation.tensor(data, dtype()); }

    // ---------------------------------------------------------------- autograd

    /**
     * True for leaves that asked for gradients and for every tensor computed from one with grad mode on.
     * PyTorch: {@code torch.Tensor.requires_grad}.
     *
     * @return whether autograd records ops on this tensor
     */
    public boolean requiresGrad() { return requiresGrad || viewBase != null && ViewTracking.baseRequiresGrad(this); }

    /**
     * Starts (or stops) recording ops on this leaf; float dtypes only. PyTorch: {@code torch.Tensor.requires_grad_}.
     *
     * @param requiresGrad whether autograd should record ops on this leaf
     * @return this tensor
     * @throws IllegalArgumentException {@code only Tensors of floating point dtype can require gradients} for a
     *     non-floating dtype
     */
    public Tensor requiresGrad_(boolean requiresGrad) { return AutogradState.requiresGrad_(this, requiresGrad); }

    /**
     * {@code x.requires_grad}: whether autograd records operations on this tensor, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException {@code only Tensors of floating point dtype can require gradients} for a
     *     non-floating dtype
     */
    public Tensor requiresGrad_() { return requiresGrad_(true); }

    /**
     * {@code t.requires_grad = flag}.
     *
     * @param requiresGrad whether autograd should record ops on this leaf
     */
    public void setRequiresGrad(boolean requiresGrad) { requiresGrad_(requiresGrad); }

    /**
     * The node that made this tensor, or null for leaves. PyTorch: {@code torch.Tensor.grad_fn}.
     *
     * @return the node that made this tensor ({@code x.grad_fn}), or null for a leaf and for tensors made without
     *     grad
     */
    public Node gradFn() { return viewBase == null ? gradFn : ViewTracking.gradFn(this); }

    /**
     * Which output of {@link #gradFn()} this tensor is ({@code output_nr}). PyTorch: {@code torch.Tensor.output_nr}.
     *
     * @return which output of {@link #gradFn()} this tensor is, from 0 ({@code x.output_nr})
     */
    public int outputNr() { return outputNr; }

    /**
     * The accumulated gradient. For a non-leaf that doesn't {@link #retainGrad()} this is null, and
     * PyTorch's warning is logged (once). PyTorch: {@code torch.Tensor.grad}.
     *
     * @return the accumulated gradient, or null
     */
    public Tensor grad() {
        if (gradFn != null && !retainsGrad && grad == null) AutogradState.warnNonLeafGrad();
        return grad;
    }

    /**
     * {@code t.grad = g}: same shape and dtype as this tensor, or null.
     *
     * @param g the new gradient, of this tensor's shape and dtype, or null to clear it
     */
    public void setGrad(Tensor g) { AutogradState.setGrad(this, g); }

    /**
     * {@code x.is_leaf()}: whether this is a leaf of the autograd graph (made by the user, or not requiring grad).
     *
     * @return true for a leaf
     */
    public boolean isLeaf() { return gradFn() == null; }

    /**
     * Keeps this non-leaf's gradient in {@link #grad()} after backward; a no-op on leaves.
     * PyTorch: {@code torch.Tensor.retain_grad}.
     *
     * @return this tensor
     */
    public Tensor retainGrad() { return AutogradState.retainGrad(this); }

    /**
     * {@code x.retains_grad()}: whether retain_grad() was called on this non-leaf.
     *
     * @return whether {@link #retainGrad()} was called on this non-leaf
     */
    public boolean retainsGrad() { return retainsGrad; }

    /**
     * How many in-place writes this tensor's storage has seen; an inference tensor has no version counter and raises,
     * as PyTorch's.
     * PyTorch: {@code torch.Tensor._version}.
     *
     * @return the version counter's value
     * @throws IllegalStateException {@code Inference tensors do not track version counter.} for an inference tensor
     */
    public int version() {
        if (inference) throw new IllegalStateException("Inference tensors do not track version counter.");
        return versionCounter.get();
    }

    /**
     * True for a tensor that views another's memory ({@code _is_view()}). PyTorch: {@code torch.Tensor._is_view()}.
     *
     * @return true for a view
     */
    public boolean isView() { return viewBase != null; }

    /**
     * The tensor this one is a view of ({@code _base}), or null. PyTorch: {@code torch.Tensor._base}.
     *
     * @return the tensor this one views, or null
     */
    public Tensor base() { return viewBase; }

    /**
     * True for tensors made under {@code inferenceMode()}. PyTorch: {@code torch.Tensor.is_inference}.
     *
     * @return true for an inference tensor
     */
    public boolean isInference() { return inference; }

    /**
     * A tensor sharing storage (and version counter) that records no history: a leaf with requires_grad=false.
     * PyTorch: {@code torch.Tensor.detach}.
     *
     * @return a view of the same storage with no history
     */
    public Tensor detach() {
        Tensor d = new Tensor(storage, shape, stride, offset);
        d.versionCounter = versionCounter;
        return d;
    }

    /**
     * {@code t.data}: this tensor's values without history. It shares storage, but unlike {@link #detach()}
     * not the version counter, so writes through it escape autograd's saved-tensor check, as in PyTorch.
     * PyTorch: {@code torch.Tensor.data}.
     *
     * @return a tensor sharing this one's storage, with no history
     */
    public Tensor data() { return new Tensor(storage, shape, stride, offset); }

    /**
     * {@code t.data = other}: this tensor object now views other's storage, shape and dtype (what
     * {@code Module.to(dtype)} uses so Parameter objects survive a conversion). History is untouched.
     *
     * @param other the tensor whose storage and layout this tensor takes
     * @throws IllegalStateException {@code data set to a tensor that requires gradients must be floating point or
     *     complex
     *     dtype} when this tensor requires grad and other is not floating
     */
    public void setData(Tensor other) {
        Checks.tensor(other, "set_data", "new_data", 1);
        if (requiresGrad() && !other.isFloatingPoint()) {
            throw new IllegalStateException("data set to a tensor that requires gradients must be floating point or complex dtype");
        }
        setLayout(other.storage, other.shape, other.stride, other.offset);
        if (grad != null && (grad.dtype() != other.dtype() || !java.util.Arrays.equals(grad.shape, other.shape))) grad = null;
    }

    /**
     * Detaches this tensor in place from its history. PyTorch: {@code torch.Tensor.detach_}.
     *
     * @return this tensor
     */
    public Tensor detach_() { return AutogradState.detach_(this); }

    /**
     * Runs hook on this tensor's gradient during backward; the hook may return a replacement (null keeps it).
     * PyTorch: {@code torch.Tensor.register_hook}.
     *
     * @param hook called with the gradient; it may return a replacement or null to keep it
     * @return a handle whose {@code remove()} unregisters the hook
     */
    public RemovableHandle registerHook(java.util.function.Function<Tensor, Tensor> hook) { return AutogradState.registerHook(this, hook); }

    /**
     * Backward from a one-element tensor (implicit gradient 1). PyTorch: {@code torch.Tensor.backward}.
     *
     * @throws IllegalStateException {@code element 0 of tensors does not require grad and does not have a grad_fn}
     *     when this tensor has no history, {@code grad can be implicitly created only for scalar outputs} when
     *     gradient is omitted for a tensor of several elements, and PyTorch's {@code Trying to backward through the
     *     graph a second time...} when a freed graph is reused
     */
    public void backward() { backward(null, false, false); }

    /**
     * Backward with an explicit gradient of this tensor's shape. PyTorch: {@code torch.Tensor.backward}.
     *
     * @param gradient the gradient of some scalar with respect to this tensor, of its shape; may be omitted (null)
     *     only for a one-element tensor, which then gets 1
     * @throws IllegalStateException {@code element 0 of tensors does not require grad and does not have a grad_fn}
     *     when this tensor has no history, {@code grad can be implicitly created only for scalar outputs} when
     *     gradient is omitted for a tensor of several elements, and PyTorch's {@code Trying to backward through the
     *     graph a second time...} when a freed graph is reused
     */
    public void backward(Tensor gradient) { backward(gradient, false, false); }

    /**
     * {@code backward(gradient, retain_graph, create_graph)}; gradient may be null for one-element tensors.
     * PyTorch: {@code torch.Tensor.backward}.
     *
     * @param gradient the gradient of some scalar with respect to this tensor, of its shape; may be omitted (null)
     *     only for a one-element tensor, which then gets 1
     * @param retainGraph whether to keep the graph's saved tensors for another backward pass
     * @param createGraph whether to record the backward pass itself, for higher-order derivatives
     * @throws IllegalStateException {@code element 0 of tensors does not require grad and does not have a grad_fn}
     *     when this tensor has no history, {@code grad can be implicitly created only for scalar outputs} when
     *     gradient is omitted for a tensor of several elements, and PyTorch's {@code Trying to backward through the
     *     graph a second time...} when a freed graph is reused
     */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        dev.jgrad.autograd.Autograd.backward(java.util.List.of(this), gradient == null ? null : java.util.Collections.singletonList(gradient),
                retainGraph || createGraph, createGraph, null);
    }

    /**
     * {@code backward(gradient, retain_graph, create_graph, inputs)}: accumulates only into inputs.
     * PyTorch: {@code torch.Tensor.backward}.
     *
     * @param gradient the gradient of some scalar with respect to this tensor, of its shape; may be omitted (null)
     *     only for a one-element tensor, which then gets 1
     * @param retainGraph whether to keep the graph's saved tensors for another backward pass
     * @param createGraph whether to record the backward pass itself, for higher-order derivatives
     * @param inputs the tensors whose {@code .grad} receive gradients; null for every leaf of the graph
     * @throws IllegalStateException {@code element 0 of tensors does not require grad and does not have a grad_fn}
     *     when this tensor has no history, {@code grad can be implicitly created only for scalar outputs} when
     *     gradient is omitted for a tensor of several elements, and PyTorch's {@code Trying to backward through the
     *     graph a second time...} when a freed graph is reused
     */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph, java.util.List<Tensor> inputs) {
        dev.jgrad.autograd.Autograd.backward(java.util.List.of(this), gradient == null ? null : java.util.Collections.singletonList(gradient),
                retainGraph || createGraph, createGraph, inputs);
    }

    // ---------------------------------------------------------------- nn ops

    /**
     * {@code x.softmax(dim)}: exp(x) normalised to sum 1 along dim.
     *
     * @param dim the dim, negative counting from the end
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException for a non-floating tensor ({@code "softmax_lastdim_kernel_impl" not implemented
     *     for 'Int'})
     */
    public Tensor softmax(int dim) { return Softmax.softmax(this, dim, false); }

    /**
     * log(softmax(x)) computed without overflow for large logits. PyTorch: {@code torch.Tensor.log_softmax}.
     *
     * @param dim the dim, negative counting from the end
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor logSoftmax(int dim) { return Softmax.softmax(this, dim, true); }

    /**
     * {@code x.logsumexp(dim, keepdim)}: log(sum(exp(x))) over dims, computed stably.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor logsumexp(int dim, boolean keepdim) { return Softmax.logsumexp(this, new int[] {dim}, keepdim); }

    /**
     * {@code x.logsumexp(dims, keepdim)}: log(sum(exp(x))) over dims, computed stably.
     *
     * @param dims the dims to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor logsumexp(int[] dims, boolean keepdim) { return Softmax.logsumexp(this, dims, keepdim); }

    /**
     * Exact gelu, x * Phi(x). PyTorch: {@code torch.nn.functional.gelu(x)}.
     *
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException for a non-floating tensor ({@code "GeluKernelImpl" not implemented for 'Long'})
     */
    public Tensor gelu() { return Activations.gelu(this, "none"); }

    /**
     * approximate: "none" or "tanh". PyTorch: {@code torch.nn.functional.gelu(x, approximate=approximate)}.
     *
     * @param approximate {@code "none"} for the exact erf form, {@code "tanh"} for the tanh approximation
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException {@code approximate argument must be either none or tanh.} for another string
     */
    public Tensor gelu(String approximate) { return Activations.gelu(this, approximate); }

    /**
     * {@code x.silu()}: x * sigmoid(x), elementwise.
     *
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException for a non-floating tensor ({@code "silu_cpu" not implemented for 'Long'})
     */
    public Tensor silu() { return Activations.silu(this); }

    /**
     * {@code x.leaky_relu(negative_slope)}: x where x &gt; 0, else negativeSlope * x.
     *
     * @param negativeSlope the slope for negative inputs
     * @return a new tensor of this tensor's shape
     */
    public Tensor leakyRelu(double negativeSlope) { return Activations.leakyRelu(this, negativeSlope); }

    /**
     * The slices at index (int64 or int32, at most 1-d) along dim. PyTorch: {@code torch.Tensor.index_select}.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index a 1-D int64 tensor of positions along dim
     * @return a new tensor of this tensor's shape with dim's size replaced by index's length
     * @throws IllegalArgumentException if a dim is out of range, or {@code index_select(): Index is supposed to be a
     *     vector} for an index of more than 1 dim
     */
    public Tensor indexSelect(int dim, Tensor index) { return Gathering.indexSelect(this, dim, index); }

    // ---------------------------------------------------------------- masks and triangles

    /**
     * value where mask (bool, broadcast with this) is true; value is cast to this tensor's dtype.
     * PyTorch: {@code torch.Tensor.masked_fill}.
     *
     * @param mask a bool tensor, {@linkplain Tensor##broadcasting broadcast} with this tensor; true marks the
     *     positions to fill
     * @param value the value written where mask is true, converted to this tensor's dtype
     * @return a copy of this tensor with the masked positions filled
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     * @throws IllegalArgumentException {@code masked_fill_ only supports boolean masks, but got mask with dtype float}
     *     for a non-bool mask
     */
    public Tensor maskedFill(Tensor mask, double value) { return Masking.maskedFill(this, mask, Scalar.of(value)); }

    /**
     * {@code x.masked_fill(mask, value)}: value where mask (bool, broadcast) is true, this elsewhere.
     *
     * @param mask a bool tensor, {@linkplain Tensor##broadcasting broadcast} with this tensor; true marks the
     *     positions to fill
     * @param value the value written where mask is true, converted to this tensor's dtype
     * @return a copy of this tensor with the masked positions filled
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     * @throws IllegalArgumentException {@code masked_fill_ only supports boolean masks, but got mask with dtype float}
     *     for a non-bool mask
     */
    public Tensor maskedFill(Tensor mask, long value) { return Masking.maskedFill(this, mask, Scalar.of(value)); }

    /**
     * {@code x.masked_fill(mask, value)}: value where mask (bool, broadcast) is true, this elsewhere.
     *
     * @param mask a bool tensor, {@linkplain Tensor##broadcasting broadcast} with this tensor; true marks the
     *     positions to fill
     * @param value the value written where mask is true, converted to this tensor's dtype
     * @return a copy of this tensor with the masked positions filled
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     * @throws IllegalArgumentException {@code masked_fill_ only supports boolean masks, but got mask with dtype float}
     *     for a non-bool mask
     */
    public Tensor maskedFill(Tensor mask, boolean value) { return Masking.maskedFill(this, mask, Scalar.of(value)); }

    /**
     * value is a 0-dim tensor (its gradient is the sum of the filled positions' gradients).
     * PyTorch: {@code torch.Tensor.masked_fill}.
     *
     * @param mask a bool tensor, {@linkplain Tensor##broadcasting broadcast} with this tensor; true marks the
     *     positions to fill
     * @param value a 0-dim tensor holding the value written where mask is true
     * @return a copy of this tensor with the masked positions filled
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     * @throws IllegalArgumentException {@code masked_fill_ only supports boolean masks, but got mask with dtype float}
     *     for a non-bool mask
     */
    public Tensor maskedFill(Tensor mask, Tensor value) { return Masking.maskedFill(this, mask, value); }

    /**
     * {@code x.masked_fill_(mask, value)}: value where mask (bool, broadcast) is true, this elsewhere, in place;
     * returns this.
     *
     * @param mask a bool tensor, {@linkplain Tensor##broadcasting broadcast} with this tensor; true marks the
     *     positions to fill
     * @param value the value written where mask is true, converted to this tensor's dtype
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     * @throws IllegalArgumentException {@code masked_fill_ only supports boolean masks, but got mask with dtype float}
     *     for a non-bool mask
     */
    public Tensor maskedFill_(Tensor mask, double value) { return Masking.maskedFill_(this, mask, Scalar.of(value)); }

    /**
     * {@code x.masked_fill_(mask, value)}: value where mask (bool, broadcast) is true, this elsewhere, in place;
     * returns this.
     *
     * @param mask a bool tensor, {@linkplain Tensor##broadcasting broadcast} with this tensor; true marks the
     *     positions to fill
     * @param value the value written where mask is true, converted to this tensor's dtype
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     * @throws IllegalArgumentException {@code masked_fill_ only supports boolean masks, but got mask with dtype float}
     *     for a non-bool mask
     */
    public Tensor maskedFill_(Tensor mask, long value) { return Masking.maskedFill_(this, mask, Scalar.of(value)); }

    /**
     * {@code x.masked_fill_(mask, value)}: value where mask (bool, broadcast) is true, this elsewhere, in place;
     * returns this.
     *
     * @param mask a bool tensor, {@linkplain Tensor##broadcasting broadcast} with this tensor; true marks the
     *     positions to fill
     * @param value the value written where mask is true, converted to this tensor's dtype
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     * @throws IllegalArgumentException {@code masked_fill_ only supports boolean masks, but got mask with dtype float}
     *     for a non-bool mask
     */
    public Tensor maskedFill_(Tensor mask, boolean value) { return Masking.maskedFill_(this, mask, Scalar.of(value)); }

    /**
     * {@code x.masked_fill_(mask, value)}: value where mask (bool, broadcast) is true, this elsewhere, in place;
     * returns this.
     *
     * @param mask a bool tensor, {@linkplain Tensor##broadcasting broadcast} with this tensor; true marks the
     *     positions to fill
     * @param value a 0-dim tensor holding the value written where mask is true
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     * @throws IllegalArgumentException {@code masked_fill_ only supports boolean masks, but got mask with dtype float}
     *     for a non-bool mask
     */
    public Tensor maskedFill_(Tensor mask, Tensor value) { return Masking.maskedFill_(this, mask, value); }

    /**
     * The lower triangle of the last two dims (column - row &lt;= diagonal), zeros above.
     * PyTorch: {@code torch.Tensor.tril}.
     *
     * @return a new tensor of this tensor's shape
     */
    public Tensor tril() { return tril(0); }

    /**
     * {@code x.tril(diagonal)}: the lower triangle of the last two dims, zeros above.
     *
     * @param diagonal which diagonal bounds the kept part: 0 the main one, positive above it, negative below
     * @return a new tensor of this tensor's shape
     */
    public Tensor tril(long diagonal) { return Masking.tril(this, diagonal); }

    /**
     * {@code x.tril_()}: the lower triangle of the last two dims, zeros above, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor tril_() { return tril_(0); }

    /**
     * {@code x.tril_(diagonal)}: the lower triangle of the last two dims, zeros above, in place; returns this.
     *
     * @param diagonal which diagonal bounds the kept part: 0 the main one, positive above it, negative below
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor tril_(long diagonal) { return Masking.tril_(this, diagonal); }

    /**
     * The upper triangle of the last two dims (column - row >= diagonal), zeros below.
     * PyTorch: {@code torch.Tensor.triu}.
     *
     * @return a new tensor of this tensor's shape
     */
    public Tensor triu() { return triu(0); }

    /**
     * {@code x.triu(diagonal)}: the upper triangle of the last two dims, zeros below.
     *
     * @param diagonal which diagonal bounds the kept part: 0 the main one, positive above it, negative below
     * @return a new tensor of this tensor's shape
     */
    public Tensor triu(long diagonal) { return Masking.triu(this, diagonal); }

    /**
     * {@code x.triu_()}: the upper triangle of the last two dims, zeros below, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor triu_() { return triu_(0); }

    /**
     * {@code x.triu_(diagonal)}: the upper triangle of the last two dims, zeros below, in place; returns this.
     *
     * @param diagonal which diagonal bounds the kept part: 0 the main one, positive above it, negative below
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor triu_(long diagonal) { return Masking.triu_(this, diagonal); }

    /**
     * {@code x.isnan()}: elementwise: NaN.
     *
     * @return a bool tensor of this tensor's shape
     */
    public Tensor isnan() { return Elementwise.isnan(this); }

    /**
     * {@code x.isinf()}: elementwise: infinite.
     *
     * @return a bool tensor of this tensor's shape
     */
    public Tensor isinf() { return Elementwise.isinf(this); }

    /**
     * {@code x.isposinf()}: elementwise: positive infinity.
     *
     * @return a bool tensor of this tensor's shape
     */
    public Tensor isposinf() { return Elementwise.isposinf(this); }

    /**
     * {@code x.isneginf()}: elementwise: negative infinity.
     *
     * @return a bool tensor of this tensor's shape
     */
    public Tensor isneginf() { return Elementwise.isneginf(this); }

    /**
     * {@code x.isfinite()}: elementwise: neither infinite nor NaN.
     *
     * @return a bool tensor of this tensor's shape
     */
    public Tensor isfinite() { return Elementwise.isfinite(this); }

    /**
     * NaN to 0, +inf and -inf to the dtype's largest and lowest finite values.
     * PyTorch: {@code torch.Tensor.nan_to_num}.
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor nanToNum() { return Elementwise.nanToNum(this, null, null, null); }

    /**
     * null for a bound keeps its default. PyTorch: {@code torch.Tensor.nan_to_num}.
     *
     * @param nan what NaN becomes; null for 0
     * @param posinf what +inf becomes; null for the dtype's largest value
     * @param neginf what -inf becomes; null for the dtype's lowest value
     * @return a new tensor of this tensor's shape
     */
    public Tensor nanToNum(Double nan, Double posinf, Double neginf) { return Elementwise.nanToNum(this, nan, posinf, neginf); }

    /**
     * Clamps into [min, max] given as tensors that broadcast with this one; either may be null.
     * PyTorch: {@code torch.Tensor.clamp}.
     *
     * @param min the lower bound, {@linkplain Tensor##broadcasting broadcast} with this tensor; null for none
     * @param max the upper bound, {@linkplain Tensor##broadcasting broadcast} with this tensor; null for none
     * @return a new tensor of this tensor's shape (the broadcast shape for tensor bounds) and dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     * @throws IllegalArgumentException {@code torch.clamp: At least one of 'min' or 'max' must not be None} when both
     *     are null
     */
    public Tensor clamp(Tensor min, Tensor max) { return Elementwise.clamp(this, min, max); }

    /**
     * An alias of clamp. PyTorch: {@code torch.Tensor.clip}.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor clip(double min, double max) { return clamp(min, max); }

    /**
     * {@code x.clip(min, max)}: an alias of clamp.
     *
     * @param min the lower bound; null for none
     * @param max the upper bound; null for none
     * @return a new tensor of this tensor's shape and dtype
     * @throws IllegalArgumentException {@code torch.clamp: At least one of 'min' or 'max' must not be None} when both
     *     are null
     */
    public Tensor clip(Double min, Double max) { return clamp(min, max); }

    /**
     * {@code x.clamp_(min, max)}: each element limited to [min, max] (null: no bound), in place; returns this.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor clamp_(double min, double max) { return Copying.writeBack(this, old -> old.clamp(min, max)); }

    /**
     * {@code x.clamp_(min, max)}: each element limited to [min, max] (null: no bound), in place; returns this.
     *
     * @param min the lower bound; null for none
     * @param max the upper bound; null for none
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     * @throws IllegalArgumentException {@code torch.clamp: At least one of 'min' or 'max' must not be None} when both
     *     are null
     */
    public Tensor clamp_(Double min, Double max) { return Copying.writeBack(this, old -> old.clamp(min, max)); }

    /**
     * {@code x.clamp_min_(min)}: each element limited to at least min, in place; returns this.
     *
     * @param min the lower bound
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor clampMin_(double min) { return clamp_(min, null); }

    /**
     * {@code x.clamp_max_(max)}: each element limited to at most max, in place; returns this.
     *
     * @param max the upper bound
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor clampMax_(double max) { return clamp_(null, max); }

    /**
     * {@code x.clip_(min, max)}: an alias of clamp, in place; returns this.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor clip_(double min, double max) { return clamp_(min, max); }

    // ---------------------------------------------------------------- statistics, scans, sorting

    /**
     * The variance of all elements, with Bessel's correction. PyTorch: {@code torch.Tensor.var}.
     *
     * @return a 0-dim tensor
     * @throws IllegalArgumentException {@code std and var only support floating point and complex dtypes} for an
     *     integral or bool tensor
     */
    public Tensor var() { return var(true); }

    /**
     * {@code x.var(unbiased)}: the variance (Bessel-corrected by default).
     *
     * @param unbiased whether to divide by N - 1 (Bessel's correction) rather than N
     * @return a 0-dim tensor
     * @throws IllegalArgumentException {@code std and var only support floating point and complex dtypes} for an
     *     integral or bool tensor
     */
    public Tensor var(boolean unbiased) { return Statistics.var(this, null, unbiased ? 1 : 0, false); }

    /**
     * {@code x.var(dim)}: the variance (Bessel-corrected by default).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException {@code std and var only support floating point and complex dtypes} for an
     *     integral or bool tensor
     */
    public Tensor var(int dim) { return var(dim, true, false); }

    /**
     * {@code x.var(dim, unbiased, keepdim)}: the variance (Bessel-corrected by default).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param unbiased whether to divide by N - 1 (Bessel's correction) rather than N
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException {@code std and var only support floating point and complex dtypes} for an
     *     integral or bool tensor
     */
    public Tensor var(int dim, boolean unbiased, boolean keepdim) { return var(new int[] {dim}, unbiased, keepdim); }

    /**
     * {@code x.var(dims, unbiased, keepdim)}: the variance (Bessel-corrected by default).
     *
     * @param dims the dims to reduce, negative counting from the end
     * @param unbiased whether to divide by N - 1 (Bessel's correction) rather than N
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException {@code std and var only support floating point and complex dtypes} for an
     *     integral or bool tensor
     */
    public Tensor var(int[] dims, boolean unbiased, boolean keepdim) { return Statistics.var(this, dims, unbiased ? 1 : 0, keepdim); }

    /**
     * correction: the N - correction the sum of squares is divided by (1: Bessel's, 0: the population's).
     * PyTorch: {@code torch.Tensor.var}.
     *
     * @param dims the dims to reduce, negative counting from the end
     * @param correction the difference from N of the divisor (1 is Bessel's correction)
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException {@code std and var only support floating point and complex dtypes} for an
     *     integral or bool tensor
     */
    public Tensor var(int[] dims, long correction, boolean keepdim) { return Statistics.var(this, dims, correction, keepdim); }

    /**
     * The standard deviation of all elements, with Bessel's correction. PyTorch: {@code torch.Tensor.std}.
     *
     * @return a 0-dim tensor
     * @throws IllegalArgumentException {@code std and var only support floating point and complex dtypes} for an
     *     integral or bool tensor
     */
    public Tensor std() { return std(true); }

    /**
     * {@code x.std(unbiased)}: the standard deviation (Bessel-corrected by default).
     *
     * @param unbiased whether to divide by N - 1 (Bessel's correction) rather than N
     * @return a 0-dim tensor
     * @throws IllegalArgumentException {@code std and var only support floating point and complex dtypes} for an
     *     integral or bool tensor
     */
    public Tensor std(boolean unbiased) { return Statistics.std(this, null, unbiased ? 1 : 0, false); }

    /**
     * {@code x.std(dim)}: the standard deviation (Bessel-corrected by default).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException {@code std and var only support floating point and complex dtypes} for an
     *     integral or bool tensor
     */
    public Tensor std(int dim) { return std(dim, true, false); }

    /**
     * {@code x.std(dim, unbiased, keepdim)}: the standard deviation (Bessel-corrected by default).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param unbiased whether to divide by N - 1 (Bessel's correction) rather than N
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException {@code std and var only support floating point and complex dtypes} for an
     *     integral or bool tensor
     */
    public Tensor std(int dim, boolean unbiased, boolean keepdim) { return std(new int[] {dim}, unbiased, keepdim); }

    /**
     * {@code x.std(dims, unbiased, keepdim)}: the standard deviation (Bessel-corrected by default).
     *
     * @param dims the dims to reduce, negative counting from the end
     * @param unbiased whether to divide by N - 1 (Bessel's correction) rather than N
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException {@code std and var only support floating point and complex dtypes} for an
     *     integral or bool tensor
     */
    public Tensor std(int[] dims, boolean unbiased, boolean keepdim) { return Statistics.std(this, dims, unbiased ? 1 : 0, keepdim); }

    /**
     * {@code x.std(dims, correction, keepdim)}: the standard deviation (Bessel-corrected by default).
     *
     * @param dims the dims to reduce, negative counting from the end
     * @param correction the difference from N of the divisor (1 is Bessel's correction)
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException {@code std and var only support floating point and complex dtypes} for an
     *     integral or bool tensor
     */
    public Tensor std(int[] dims, long correction, boolean keepdim) { return Statistics.std(this, dims, correction, keepdim); }

    /**
     * Running sums along dim; integral and bool tensors give int64. PyTorch: {@code torch.Tensor.cumsum}.
     *
     * @param dim the dim to scan along, negative counting from the end
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor cumsum(int dim) { return Scans.cumsum(this, dim, null); }

    /**
     * {@code x.cumsum(dim, dtype)}: the running sum along dim.
     *
     * @param dim the dim to scan along, negative counting from the end
     * @param dtype the result dtype; the input is converted to it before summing
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor cumsum(int dim, DType dtype) { return Scans.cumsum(this, dim, dtype); }

    /**
     * {@code x.cumprod(dim)}: the running product along dim.
     *
     * @param dim the dim to scan along, negative counting from the end
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor cumprod(int dim) { return Scans.cumprod(this, dim, null); }

    /**
     * {@code x.cumprod(dim, dtype)}: the running product along dim.
     *
     * @param dim the dim to scan along, negative counting from the end
     * @param dtype the result dtype; the input is converted to it before multiplying
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor cumprod(int dim, DType dtype) { return Scans.cumprod(this, dim, dtype); }

    /**
     * Sorted along the last dim, ascending, with each value's original position. PyTorch: {@code torch.Tensor.sort}.
     *
     * @return the sorted values and their int64 indices, both of this tensor's shape
     */
    public ValuesIndices sort() { return sort(-1, false); }

    /**
     * {@code x.sort(dim)}: the values sorted along dim (stable) and their indices.
     *
     * @param dim the dim, negative counting from the end
     * @return the sorted values and their int64 indices, both of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices sort(int dim) { return sort(dim, false); }

    /**
     * {@code x.sort(dim, descending)}: the values sorted along dim (stable) and their indices.
     *
     * @param dim the dim, negative counting from the end
     * @param descending whether to order from largest to smallest
     * @return the sorted values and their int64 indices, both of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices sort(int dim, boolean descending) { return Sorting.sort(this, dim, descending, false); }

    /**
     * stable: equal values keep their order (jgrad's sort always does). PyTorch: {@code torch.Tensor.sort}.
     *
     * @param stable whether equal values keep their order (jgrad's sort is always stable)
     * @param dim the dim, negative counting from the end
     * @param descending whether to order from largest to smallest
     * @return the sorted values and their int64 indices, both of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices sort(boolean stable, int dim, boolean descending) { return Sorting.sort(this, dim, descending, stable); }

    /**
     * {@code x.argsort()}: the indices that sort the tensor along dim (stable), int64.
     *
     * @return an int64 tensor of this tensor's shape
     */
    public Tensor argsort() { return argsort(-1, false); }

    /**
     * {@code x.argsort(dim)}: the indices that sort the tensor along dim (stable), int64.
     *
     * @param dim the dim, negative counting from the end
     * @return an int64 tensor of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor argsort(int dim) { return argsort(dim, false); }

    /**
     * {@code x.argsort(dim, descending)}: the indices that sort the tensor along dim (stable), int64.
     *
     * @param dim the dim, negative counting from the end
     * @param descending whether to order from largest to smallest
     * @return an int64 tensor of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor argsort(int dim, boolean descending) { return Sorting.argsort(this, dim, descending); }

    /**
     * The lower median of all elements. PyTorch: {@code torch.Tensor.median}.
     *
     * @return a 0-dim tensor: the lower of the two middle values for an even count
     */
    public Tensor median() { return Sorting.median(this); }

    /**
     * The lower median along dim and where it is. PyTorch: {@code torch.Tensor.median}.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return values and int64 indices of the reduced shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices median(int dim) { return median(dim, false); }

    /**
     * {@code x.median(dim, keepdim)}: the lower median (over all elements, or along dim with indices).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return values and int64 indices of the reduced shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices median(int dim, boolean keepdim) { return Sorting.median(this, dim, keepdim); }

    /**
     * The distinct values, ascending. PyTorch: {@code torch.Tensor.unique}.
     *
     * @return a new sorted 1-D tensor
     */
    public Tensor unique() { return Sorting.unique(this, false, false).get(0); }

    /**
     * The k largest elements along the last dim, largest first. PyTorch: {@code torch.Tensor.topk}.
     *
     * @param k how many values to return
     * @return values and int64 indices, of this tensor's shape with dim's size k
     * @throws IllegalArgumentException {@code selected index k out of range} when k exceeds the dim's size
     */
    public ValuesIndices topk(long k) { return topk(k, -1, true); }

    /**
     * {@code x.topk(k, dim)}: the k largest (or smallest) values along dim and their indices.
     *
     * @param k how many values to return
     * @param dim the dim, negative counting from the end
     * @return values and int64 indices, of this tensor's shape with dim's size k
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException {@code selected index k out of range} when k exceeds the dim's size
     */
    public ValuesIndices topk(long k, int dim) { return topk(k, dim, true); }

    /**
     * largest false: the k smallest, smallest first. PyTorch: {@code torch.Tensor.topk}.
     *
     * @param k how many values to return
     * @param dim the dim, negative counting from the end
     * @param largest true for the k largest values, false for the k smallest
     * @return values and int64 indices, of this tensor's shape with dim's size k
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException {@code selected index k out of range} when k exceeds the dim's size
     */
    public ValuesIndices topk(long k, int dim, boolean largest) { return Sorting.topk(this, k, dim, largest); }

    /**
     * sorted false is accepted; the result is sorted either way. PyTorch: {@code torch.Tensor.topk}.
     *
     * @param k how many values to return
     * @param dim the dim, negative counting from the end
     * @param largest true for the k largest values, false for the k smallest
     * @param sorted whether the values come sorted (in the order largest asks for)
     * @return values and int64 indices, of this tensor's shape with dim's size k
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException {@code selected index k out of range} when k exceeds the dim's size
     */
    public ValuesIndices topk(long k, int dim, boolean largest, boolean sorted) { return Sorting.topk(this, k, dim, largest); }

    // ---------------------------------------------------------------- rearranging and repeating

    /**
     * Shifted by shifts[i] along dims[i] with wrap-around (a copy); no dims: over the flattened tensor.
     * PyTorch: {@code torch.Tensor.roll}.
     *
     * @param shifts the shift per dim (positive moves elements towards higher indices)
     * @param dims the dims to roll, one per shift; empty rolls the flattened tensor
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range, or {@code shifts and dimensions must align. shifts:
     *     2, dims:1}
     */
    public Tensor roll(long[] shifts, int[] dims) { return Rearranging.roll(this, shifts, dims); }

    /**
     * {@code x.roll(shift, dim)}: the elements shifted cyclically along dims.
     *
     * @param shift the shift (positive moves elements towards higher indices)
     * @param dim the dim to roll, negative counting from the end
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor roll(long shift, int dim) { return roll(new long[] {shift}, new int[] {dim}); }

    /**
     * Tiled: repeat with the counts right-aligned to the dims. PyTorch: {@code torch.Tensor.tile}.
     *
     * @param dims the repetitions per dim; fewer entries than dims count from the last dim
     * @return a new tensor: this tensor's shape (padded with leading 1s to dims' length) times dims, size by size
     */
    public Tensor tile(long... dims) { return Rearranging.tile(this, dims); }

    /**
     * self + weight * (end - self). PyTorch: {@code torch.Tensor.lerp}.
     *
     * @param end the end points, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @param weight the weight of end: 0 gives this tensor, 1 gives end
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor lerp(Tensor end, double weight) { return Elementwise.lerp(this, end, weight); }

    /**
     * {@code x.lerp(end, weight)}: this + weight * (end - this).
     *
     * @param end the end points, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @param weight the weight of end: 0 gives this tensor, 1 gives end
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor lerp(Tensor end, Tensor weight) { return Elementwise.lerp(this, end, weight); }

    /**
     * {@code x.lerp_(end, weight)}: this + weight * (end - this), in place; returns this.
     *
     * @param end the end points, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @param weight the weight of end: 0 gives this tensor, 1 gives end
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor lerp_(Tensor end, double weight) { return Copying.writeBack(this, old -> old.lerp(end, weight), end); }

    /**
     * {@code x.lerp_(end, weight)}: this + weight * (end - this), in place; returns this.
     *
     * @param end the end points, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @param weight the weight of end: 0 gives this tensor, 1 gives end
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor lerp_(Tensor end, Tensor weight) { return Copying.writeBack(this, old -> old.lerp(end, weight), end, weight); }

    /**
     * {@code x.logaddexp(other)}: log(exp(this) + exp(other)), computed stably.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor logaddexp(Tensor other) { return Elementwise.logaddexp(this, other); }

    /**
     * {@code x.hypot(other)}: sqrt(this^2 + other^2), elementwise.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor hypot(Tensor other) { return Elementwise.hypot(this, other); }

    /**
     * The number of non-zero elements (over dims, when given). PyTorch: {@code torch.Tensor.count_nonzero}.
     *
     * @param dims the dims to count over, negative counting from the end; none counts over all elements
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor countNonzero(int... dims) {
        Tensor nz = ne(0L);
        return dims.length == 0 ? nz.sum() : nz.sum(dims, false);
    }

    /**
     * {@code x.logical_and_(other)}: elementwise logical AND, written as 1 or 0 in this tensor's dtype, in place;
     * returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor logicalAnd_(Tensor other) { return Copying.writeBack(this, old -> old.logicalAnd(other)); }

    /**
     * {@code x.logical_or_(other)}: elementwise logical OR, written as 1 or 0 in this tensor's dtype, in place;
     * returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor logicalOr_(Tensor other) { return Copying.writeBack(this, old -> old.logicalOr(other)); }

    /**
     * {@code x.logical_xor_(other)}: elementwise logical XOR, written as 1 or 0 in this tensor's dtype, in place;
     * returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor logicalXor_(Tensor other) { return Copying.writeBack(this, old -> old.logicalXor(other)); }

    /**
     * {@code x.logical_not_()}: elementwise logical NOT, written as 1 or 0 in this tensor's dtype, in place; returns
     * this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor logicalNot_() { return Copying.writeBack(this, Tensor::logicalNot); }

    /**
     * Reversed along each of dims (a copy). PyTorch: {@code torch.Tensor.flip}.
     *
     * @param dims the dims to reverse, negative counting from the end
     * @return a new tensor of this tensor's shape (a copy, as in PyTorch)
     * @throws IllegalArgumentException if a dim is out of range or repeated ({@code dim 0 appears multiple times in
     *     the list of dims})
     */
    public Tensor flip(int... dims) { return Rearranging.flip(this, dims); }

    /**
     * {@code x.fliplr()}: reversed along dim 1.
     *
     * @return a new tensor of this tensor's shape
     */
    public Tensor fliplr() { return Rearranging.fliplr(this); }

    /**
     * {@code x.flipud()}: reversed along dim 0.
     *
     * @return a new tensor of this tensor's shape
     */
    public Tensor flipud() { return Rearranging.flipud(this); }

    /**
     * Tiled repeats[i] times along dim i; more repeats than dims adds leading dims.
     * PyTorch: {@code torch.Tensor.repeat}.
     *
     * @param repeats the repetitions per dim, at least as many entries as this tensor has dims
     * @return a new tensor, each size multiplied by its repetition
     * @throws IllegalArgumentException {@code Number of dimensions of repeat dims can not be smaller than number of
     *     dimensions of tensor}
     */
    public Tensor repeat(long... repeats) { return Rearranging.repeat(this, repeats); }

    /**
     * Each element of the flattened tensor repeated in place. PyTorch: {@code torch.Tensor.repeat_interleave}.
     *
     * @param repeats how many times each element (or slice along dim) repeats
     * @return a new 1-D tensor of numel * repeats elements
     */
    public Tensor repeatInterleave(long repeats) { return Rearranging.repeatInterleave(this, repeats, null); }

    /**
     * {@code x.repeat_interleave(repeats, dim)}: each element (or slice along dim) repeated.
     *
     * @param repeats how many times each element (or slice along dim) repeats
     * @param dim the dim, negative counting from the end
     * @return a new tensor of this tensor's shape with dim's size multiplied by repeats
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor repeatInterleave(long repeats, int dim) { return Rearranging.repeatInterleave(this, repeats, dim); }

    /**
     * repeats: one count per slice along dim. PyTorch: {@code torch.Tensor.repeat_interleave}.
     *
     * @param repeats an int64 tensor of one count per element (per slice along dim), or a one-element tensor for all
     * @param dim the dim, negative counting from the end
     * @return a new tensor of this tensor's shape with dim's size the sum of repeats
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor repeatInterleave(Tensor repeats, int dim) { return Rearranging.repeatInterleave(this, repeats, dim); }

    /**
     * {@code x.repeat_interleave(repeats)}: each element (or slice along dim) repeated.
     *
     * @param repeats an int64 tensor of one count per element (per slice along dim), or a one-element tensor for all
     * @return a new 1-D tensor of the sum of repeats elements (the flattened tensor's elements repeated)
     */
    public Tensor repeatInterleave(Tensor repeats) { return Rearranging.repeatInterleave(this, repeats, null); }

    /**
     * The sum of the main diagonal of a matrix. PyTorch: {@code torch.Tensor.trace}.
     *
     * @return a 0-dim tensor
     * @throws IllegalArgumentException {@code trace: expected a matrix, but got tensor with dim 3} unless 2-D
     */
    public Tensor trace() { return Diagonals.trace(this); }

    /**
     * torch.linalg.inv of this (batches of) square matrix.
     *
     * @return the inverse, of this tensor's shape
     * @throws IllegalArgumentException for a singular matrix ({@code linalg.inv: The diagonal element 1 is zero, the
     *     inversion could not be completed because the input matrix is singular.}) or a non-square one
     */
    public Tensor inverse() { return Linalg.inv(this); }

    /**
     * {@code x.det()}: the determinant of each square matrix in the last two dims.
     *
     * @return the determinants, of the batch shape
     * @throws IllegalArgumentException {@code linalg.det: A must be batches of square matrices, but they are 2 by 3
     *     matrices}
     */
    public Tensor det() { return Linalg.det(this); }

    /**
     * {@code x.logdet()}: the log-determinant of each square matrix.
     *
     * @return the log determinants, of the batch shape (NaN for negative determinants)
     */
    public Tensor logdet() { return Torch.logdet(this); }

    /**
     * {@code x.slogdet()}: the sign and log of |det| of each square matrix.
     *
     * @return the sign and the log of the absolute determinant, each of the batch shape
     */
    public Linalg.Slogdet slogdet() { return Linalg.slogdet(this); }

    /**
     * The deprecated Tensor.cholesky: lower by default.
     *
     * @return the lower triangular factor L, of this tensor's shape
     * @throws IllegalArgumentException {@code cholesky: The factorization could not be completed because the input is
     *     not positive-definite (the leading minor of order 1 is not positive-definite).}
     */
    public Tensor cholesky() { return Torch.cholesky(this, false); }

    /**
     * {@code x.cholesky(upper)}: the lower (or upper) Cholesky factor of a symmetric positive-definite matrix.
     *
     * @param upper whether to return the upper factor U (A = U^T U) instead of the lower L
     * @return the triangular factor, of this tensor's shape
     * @throws IllegalArgumentException {@code cholesky: The factorization could not be completed because the input is
     *     not positive-definite ...}
     */
    public Tensor cholesky(boolean upper) { return Torch.cholesky(this, upper); }

    /**
     * {@code x.svd()}: the singular value decomposition U, S, V.
     *
     * @return U, S and V (not V^T), as {@code torch.svd}
     */
    public Torch.Svd svd() { return Torch.svd(this); }

    /**
     * {@code x.svd(some)}: the singular value decomposition U, S, V.
     *
     * @param some true for the reduced factorization (k = min(m, n) columns), false for full square U and V
     * @return U, S and V (not V^T), as {@code torch.svd}
     */
    public Torch.Svd svd(boolean some) { return Torch.svd(this, some); }

    /**
     * {@code x.pinverse()}: the Moore-Penrose pseudo-inverse.
     *
     * @return an {@code [n, m]} matrix (batched alike)
     */
    public Tensor pinverse() { return Torch.pinverse(this); }

    /**
     * {@code x.pinverse(rcond)}: the Moore-Penrose pseudo-inverse.
     *
     * @param rcond singular values below rcond times the largest count as zero
     * @return an {@code [n, m]} matrix (batched alike)
     */
    public Tensor pinverse(double rcond) { return Torch.pinverse(this, rcond); }

    /**
     * {@code x.matrix_power(n)}: the n-th power of each square matrix (the inverse's for n &lt; 0).
     *
     * @param n the power; negative powers invert the matrix first
     * @return a tensor of this tensor's shape
     */
    public Tensor matrixPower(long n) { return Linalg.matrixPower(this, n); }

    /**
     * torch.cross: along the first dim of size 3.
     *
     * @param other a tensor of this tensor's shape (or {@linkplain Tensor##broadcasting broadcast} with it) with size
     *     3 in dim
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor cross(Tensor other) { return Torch.cross(this, other); }

    /**
     * {@code x.cross(other, dim)}: the cross product along a dim of size 3.
     *
     * @param other a tensor of this tensor's shape (or {@linkplain Tensor##broadcasting broadcast} with it) with size
     *     3 in dim
     * @param dim the dim, negative counting from the end
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or a dim is
     *     out of range
     */
    public Tensor cross(Tensor other, int dim) { return Linalg.cross(this, other, dim); }

    /**
     * The outer product of two vectors. PyTorch: {@code torch.Tensor.outer}.
     *
     * @param vec2 a 1-D tensor
     * @return an {@code [n, m]} matrix
     */
    public Tensor outer(Tensor vec2) { return LinearAlgebra.outer(this, vec2); }

    /**
     * this + mat1 @ mat2 ({@code torch.addmm(self, mat1, mat2)}), this broadcast to the product's shape.
     *
     * @param mat1 an {@code [n, m]} matrix
     * @param mat2 an {@code [m, p]} matrix
     * @return an {@code [n, p]} matrix
     */
    public Tensor addmm(Tensor mat1, Tensor mat2) { return LinearAlgebra.addmm(this, mat1, mat2); }

    /**
     * Fills with 1 with probability p, else 0, from the default generator (PyTorch's draw order).
     * PyTorch: {@code torch.Tensor.bernoulli_}.
     *
     * @param p the probability of drawing 1, in [0, 1]
     * @return this tensor
     * @throws IllegalArgumentException {@code bernoulli_ expects p to be in [0, 1], but got p=1.5}
     */
    public Tensor bernoulli_(double p) { return bernoulli_(p, Generator.defaultGenerator()); }

    /**
     * {@code x.bernoulli_(p, generator)}: 0/1 draws, 1 with probability this (or p), in place; returns this.
     *
     * @param p the probability of drawing 1, in [0, 1]
     * @param generator the random number generator to draw from
     * @return this tensor
     * @throws IllegalArgumentException {@code bernoulli_ expects p to be in [0, 1], but got p=1.5}
     */
    public Tensor bernoulli_(double p, Generator generator) { return RandomFills.bernoulli_(this, p, generator); }

    /**
     * {@code x.uniform_(from, to)}: fills with uniform draws from [from, to); returns this.
     *
     * @param from the lower bound (inclusive)
     * @param to the upper bound (exclusive)
     * @return this tensor
     * @throws IllegalArgumentException {@code uniform_ expects to return a [from, to) range, but found from=2 >
     *     to=1}, or a bound outside the dtype
     */
    public Tensor uniform_(double from, double to) { return uniform_(from, to, Generator.defaultGenerator()); }

    /**
     * {@code x.uniform_(from, to, generator)}: fills with uniform draws from [from, to); returns this.
     *
     * @param from the lower bound (inclusive)
     * @param to the upper bound (exclusive)
     * @param generator the random number generator to draw from
     * @return this tensor
     * @throws IllegalArgumentException {@code uniform_ expects to return a [from, to) range, but found from=2 >
     *     to=1}, or a bound outside the dtype
     */
    public Tensor uniform_(double from, double to, Generator generator) { return RandomFills.uniform_(this, from, to, generator); }

    /**
     * {@code x.normal_(mean, std)}: fills with normal draws of mean and std; returns this.
     *
     * @param mean the mean
     * @param std the standard deviation, at least 0
     * @return this tensor
     * @throws IllegalArgumentException {@code normal expects std >= 0.0, but found std -1}
     */
    public Tensor normal_(double mean, double std) { return normal_(mean, std, Generator.defaultGenerator()); }

    /**
     * {@code x.normal_(mean, std, generator)}: fills with normal draws of mean and std; returns this.
     *
     * @param mean the mean
     * @param std the standard deviation, at least 0
     * @param generator the random number generator to draw from
     * @return this tensor
     * @throws IllegalArgumentException {@code normal expects std >= 0.0, but found std -1}
     */
    public Tensor normal_(double mean, double std, Generator generator) { return RandomFills.normal_(this, mean, std, generator); }

    /**
     * Exponential draws with rate lambd (PyTorch's CPU stream for the same seed).
     * PyTorch: {@code torch.Tensor.exponential_}.
     *
     * @return this tensor
     */
    public Tensor exponential_() { return exponential_(1.0); }

    /**
     * {@code x.exponential_(lambd)}: fills with exponential draws of rate lambd; returns this.
     *
     * @param lambd the rate, at least 0
     * @return this tensor
     * @throws IllegalArgumentException {@code exponential_ expects lambda >= 0.0, but found lambda=-1}
     */
    public Tensor exponential_(double lambd) { return exponential_(lambd, Generator.defaultGenerator()); }

    /**
     * {@code x.exponential_(lambd, generator)}: fills with exponential draws of rate lambd; returns this.
     *
     * @param lambd the rate, at least 0
     * @param generator the random number generator to draw from
     * @return this tensor
     * @throws IllegalArgumentException {@code exponential_ expects lambda >= 0.0, but found lambda=-1}
     */
    public Tensor exponential_(double lambd, Generator generator) { return RandomFills.exponential_(this, lambd, generator); }

    /**
     * Uniform integers in [from, to), drawn as {@code torch.randint} draws them.
     *
     * @param from the lowest value drawn (inclusive)
     * @param to the bound the values stay below (exclusive)
     * @return this tensor
     * @throws IllegalArgumentException {@code random_ expects 'from' to be less than 'to', but got from=0 >= to=0},
     *     or bounds outside the dtype
     */
    public Tensor random_(long from, long to) { return random_(from, to, Generator.defaultGenerator()); }

    /**
     * {@code x.random_(from, to, generator)}: fills with integers drawn uniformly from a range; returns this.
     *
     * @param from the lowest value drawn (inclusive)
     * @param to the bound the values stay below (exclusive)
     * @param generator the random number generator to draw from
     * @return this tensor
     * @throws IllegalArgumentException {@code random_ expects 'from' to be less than 'to', but got from=0 >= to=0},
     *     or bounds outside the dtype
     */
    public Tensor random_(long from, long to, Generator generator) { return RandomFills.random_(this, from, to, generator, "RandomBackward2"); }

    /**
     * Uniform integers in [0, to). PyTorch: {@code torch.Tensor.random_}.
     *
     * @param to the bound the values stay below (exclusive)
     * @return this tensor
     * @throws IllegalArgumentException {@code random_ expects 'from' to be less than 'to', but got from=0 >= to=0},
     *     or bounds outside the dtype
     */
    public Tensor random_(long to) { return random_(to, Generator.defaultGenerator()); }

    /**
     * {@code x.random_(to, generator)}: fills with integers drawn uniformly from a range; returns this.
     *
     * @param to the bound the values stay below (exclusive)
     * @param generator the random number generator to draw from
     * @return this tensor
     * @throws IllegalArgumentException {@code random_ expects 'from' to be less than 'to', but got from=0 >= to=0},
     *     or bounds outside the dtype
     */
    public Tensor random_(long to, Generator generator) { return RandomFills.random_(this, 0, to, generator, "RandomBackward1"); }

    /**
     * Uniform integers from 0 up to the largest the dtype holds exactly (2^24 for float32, 2^53 for float64).
     * PyTorch: {@code torch.Tensor.random_}.
     *
     * @return this tensor
     */
    public Tensor random_() { return random_(Generator.defaultGenerator()); }

    /**
     * {@code x.random_(generator)}: fills with integers drawn uniformly from a range; returns this.
     *
     * @param generator the random number generator to draw from
     * @return this tensor
     */
    public Tensor random_(Generator generator) { return RandomFills.random_(this, generator); }

    /**
     * numSamples category indices drawn from the row(s) of weights this tensor holds (1-d or 2-d).
     * PyTorch: {@code torch.Tensor.multinomial}.
     *
     * @param numSamples how many indices to draw per row
     * @return an int64 tensor of numSamples indices per row
     * @throws IllegalArgumentException {@code probability tensor contains either `inf`, `nan` or element < 0} for
     *     bad weights, and PyTorch's messages for more samples than categories without replacement
     */
    public Tensor multinomial(long numSamples) { return multinomial(numSamples, false); }

    /**
     * {@code x.multinomial(num_samples, replacement)}: numSamples category indices drawn from the rows' weights.
     *
     * @param numSamples how many indices to draw per row
     * @param replacement whether an index may be drawn more than once
     * @return an int64 tensor of numSamples indices per row
     * @throws IllegalArgumentException {@code probability tensor contains either `inf`, `nan` or element < 0} for
     *     bad weights, and PyTorch's messages for more samples than categories without replacement
     */
    public Tensor multinomial(long numSamples, boolean replacement) { return multinomial(numSamples, replacement, Generator.defaultGenerator()); }

    /**
     * {@code x.multinomial(num_samples, replacement, generator)}: numSamples category indices drawn from the rows'
     * weights.
     *
     * @param numSamples how many indices to draw per row
     * @param replacement whether an index may be drawn more than once
     * @param generator the random number generator to draw from
     * @return an int64 tensor of numSamples indices per row
     * @throws IllegalArgumentException {@code probability tensor contains either `inf`, `nan` or element < 0} for
     *     bad weights, and PyTorch's messages for more samples than categories without replacement
     */
    public Tensor multinomial(long numSamples, boolean replacement, Generator generator) {
        return RandomFills.multinomial(this, numSamples, replacement, generator);
    }

    /**
     * this + value * t1 * t2. PyTorch: {@code torch.Tensor.addcmul}.
     *
     * @param t1 the first factor, {@linkplain Tensor##broadcasting broadcast}
     * @param t2 the second factor, {@linkplain Tensor##broadcasting broadcast}
     * @param value the multiplier of the product
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor addcmul(Tensor t1, Tensor t2, double value) { return FusedUpdates.addc(this, t1, t2, value, true); }

    /**
     * this += value * t1 * t2, rounded as PyTorch rounds it (what optimizers use).
     * PyTorch: {@code torch.Tensor.addcmul_}.
     *
     * @param t1 the first factor, {@linkplain Tensor##broadcasting broadcast}
     * @param t2 the second factor, {@linkplain Tensor##broadcasting broadcast}
     * @param value the multiplier of the product
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor addcmul_(Tensor t1, Tensor t2, double value) { return FusedUpdates.addc_(this, t1, t2, value, true); }

    /**
     * this + value * t1 / t2. PyTorch: {@code torch.Tensor.addcdiv}.
     *
     * @param t1 the numerator, {@linkplain Tensor##broadcasting broadcast}
     * @param t2 the denominator, {@linkplain Tensor##broadcasting broadcast}
     * @param value the multiplier of the quotient
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor addcdiv(Tensor t1, Tensor t2, double value) { return FusedUpdates.addc(this, t1, t2, value, false); }

    /**
     * {@code x.addcdiv_(t1, t2, value)}: this + value * tensor1 / tensor2 (value a Python number), in place; returns
     * this.
     *
     * @param t1 the numerator, {@linkplain Tensor##broadcasting broadcast}
     * @param t2 the denominator, {@linkplain Tensor##broadcasting broadcast}
     * @param value the multiplier of the quotient
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor addcdiv_(Tensor t1, Tensor t2, double value) { return FusedUpdates.addc_(this, t1, t2, value, false); }

    // ---------------------------------------------------------------- more elementwise math

    /**
     * |this| with other's sign (-0.0 is negative). PyTorch: {@code torch.Tensor.copysign}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor copysign(Tensor other) { return FloatingFunctions.copysign(this, other); }

    /**
     * {@code x.copysign(other)}: the magnitude of this with the sign of other (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor copysign(double other) { return FloatingFunctions.copysign(this, Scalar.of(other)); }

    /**
     * {@code x.copysign_(other)}: the magnitude of this with the sign of other, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor copysign_(Tensor other) { return Copying.writeBack(this, old -> old.copysign(other), other); }

    /**
     * {@code x.copysign_(other)}: the magnitude of this with the sign of other (other a Python number), in place;
     * returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor copysign_(double other) { return Copying.writeBack(this, old -> old.copysign(other)); }

    /**
     * True where the sign bit is set (-0.0 included). PyTorch: {@code torch.Tensor.signbit}.
     *
     * @return a bool tensor of this tensor's shape
     */
    public Tensor signbit() { return FloatingFunctions.signbit(this); }

    /**
     * The elementwise maximum that ignores a NaN on one side. PyTorch: {@code torch.Tensor.fmax}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor fmax(Tensor other) { return FloatingFunctions.fmax(this, other); }

    /**
     * {@code x.fmin(other)}: the elementwise minimum, ignoring NaN.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor fmin(Tensor other) { return FloatingFunctions.fmin(this, other); }

    /**
     * sin(pi x) / (pi x), 1 at 0. PyTorch: {@code torch.Tensor.sinc}.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor sinc() { return FloatingFunctions.sinc(this); }

    /**
     * {@code x.sinc_()}: sin(pi x) / (pi x), 1 at 0, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor sinc_() { return Copying.writeBack(this, Tensor::sinc); }

    /**
     * log2(2^this + 2^other) without overflow. PyTorch: {@code torch.Tensor.logaddexp2}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor logaddexp2(Tensor other) { return FloatingFunctions.logaddexp2(this, other); }

    /**
     * this * 2^other. PyTorch: {@code torch.Tensor.ldexp}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor ldexp(Tensor other) { return FloatingFunctions.ldexp(this, other); }

    /**
     * {@code x.ldexp_(other)}: this * 2^other, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor ldexp_(Tensor other) { return Copying.writeBack(this, old -> old.ldexp(other), other); }

    /**
     * this^exponent computed in float64. PyTorch: {@code torch.Tensor.float_power}.
     *
     * @param exponent the exponent, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new float64 tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor floatPower(Tensor exponent) { return FloatingFunctions.floatPower(this, exponent); }

    /**
     * {@code x.float_power(exponent)}: this to the power exponent, computed in float64 (exponent a Python number).
     *
     * @param exponent the exponent
     * @return a new float64 tensor of this tensor's shape
     */
    public Tensor floatPower(double exponent) { return FloatingFunctions.floatPower(this, exponent); }

    /**
     * {@code x.float_power_(exponent)}: this to the power exponent, computed in float64 (exponent a Python number),
     * in place; returns this.
     *
     * @param exponent the exponent
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor floatPower_(double exponent) {
        if (dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("the base given to float_power_ has dtype " + dtype().scalarTypeName()
                    + " but the operation's result requires dtype Double");
        }
        return Copying.writeBack(this, old -> old.floatPower(exponent));
    }

    /**
     * 0 below zero, 1 above, values where this is zero. PyTorch: {@code torch.Tensor.heaviside}.
     *
     * @param values the result where this tensor is 0, {@linkplain Tensor##broadcasting broadcast}
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor heaviside(Tensor values) { return FloatingFunctions.heaviside(this, values); }

    /**
     * C's fmod: the remainder with this tensor's sign. PyTorch: {@code torch.Tensor.fmod}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor fmod(Tensor other) { return FloatingFunctions.fmod(this, other); }

    /**
     * {@code x.fmod(other)}: the remainder of truncated division (the dividend's sign) (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor fmod(double other) { return fmod(Scalar.of(other)); }

    /**
     * {@code x.fmod(other)}: the remainder of truncated division (the dividend's sign) (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor fmod(long other) { return fmod(Scalar.of(other)); }

    /**
     * {@code x.fmod_(other)}: the remainder of truncated division (the dividend's sign), in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor fmod_(Tensor other) { return Copying.writeBack(this, old -> old.fmod(other), other); }

    /**
     * {@code x.fmod_(other)}: the remainder of truncated division (the dividend's sign) (other a Python number), in
     * place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor fmod_(double other) { return fmod_(Scalar.of(other)); }

    /**
     * {@code +tensor}: this tensor itself (bool is refused, as PyTorch refuses it).
     * PyTorch: {@code torch.Tensor.positive}.
     *
     * @return this tensor
     * @throws IllegalArgumentException {@code The `+` operator, on a bool tensor is not supported.} for a bool tensor
     */
    public Tensor positive() {
        if (dtype() == DType.BOOL) throw new IllegalArgumentException("The `+` operator, on a bool tensor is not supported.");
        return this;
    }

    /**
     * {@code x.bitwise_and(other)}: bitwise AND of integers (logical AND of bools).
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor bitwiseAnd(Tensor other) { return Bitwise.and(this, other); }

    /**
     * {@code x.bitwise_and(other)}: bitwise AND of integers (logical AND of bools) (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor bitwiseAnd(long other) { return Bitwise.and(this, Scalar.of(other)); }

    /**
     * {@code x.bitwise_or(other)}: bitwise OR of integers (logical OR of bools).
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor bitwiseOr(Tensor other) { return Bitwise.or(this, other); }

    /**
     * {@code x.bitwise_or(other)}: bitwise OR of integers (logical OR of bools) (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor bitwiseOr(long other) { return Bitwise.or(this, Scalar.of(other)); }

    /**
     * {@code x.bitwise_xor(other)}: bitwise XOR of integers (logical XOR of bools).
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor bitwiseXor(Tensor other) { return Bitwise.xor(this, other); }

    /**
     * {@code x.bitwise_xor(other)}: bitwise XOR of integers (logical XOR of bools) (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor bitwiseXor(long other) { return Bitwise.xor(this, Scalar.of(other)); }

    /**
     * {@code x.bitwise_not()}: bitwise NOT of integers (logical NOT of bools).
     *
     * @return a new tensor of this tensor's shape and dtype
     */
    public Tensor bitwiseNot() { return Bitwise.not(this); }

    /**
     * {@code x.bitwise_left_shift(other)}: this shifted left by other bits.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor bitwiseLeftShift(Tensor other) { return Bitwise.leftShift(this, other); }

    /**
     * {@code x.bitwise_left_shift(other)}: this shifted left by other bits (other a Python number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor bitwiseLeftShift(long other) { return Bitwise.leftShift(this, Scalar.of(other)); }

    /**
     * {@code x.bitwise_right_shift(other)}: this shifted right (arithmetically) by other bits.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor bitwiseRightShift(Tensor other) { return Bitwise.rightShift(this, other); }

    /**
     * {@code x.bitwise_right_shift(other)}: this shifted right (arithmetically) by other bits (other a Python
     * number).
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor bitwiseRightShift(long other) { return Bitwise.rightShift(this, Scalar.of(other)); }

    /**
     * {@code x.bitwise_and_(other)}: bitwise AND of integers (logical AND of bools), in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor bitwiseAnd_(Tensor other) { return Copying.writeBack(this, old -> old.bitwiseAnd(other), other); }

    /**
     * {@code x.bitwise_or_(other)}: bitwise OR of integers (logical OR of bools), in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor bitwiseOr_(Tensor other) { return Copying.writeBack(this, old -> old.bitwiseOr(other), other); }

    /**
     * {@code x.bitwise_xor_(other)}: bitwise XOR of integers (logical XOR of bools), in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor bitwiseXor_(Tensor other) { return Copying.writeBack(this, old -> old.bitwiseXor(other), other); }

    /**
     * {@code x.bitwise_not_()}: bitwise NOT of integers (logical NOT of bools), in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor bitwiseNot_() { return Copying.writeBack(this, Tensor::bitwiseNot); }

    /**
     * {@code x.bitwise_left_shift_(other)}: this shifted left by other bits, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor bitwiseLeftShift_(Tensor other) { return Copying.writeBack(this, old -> old.bitwiseLeftShift(other), other); }

    /**
     * {@code x.bitwise_right_shift_(other)}: this shifted right (arithmetically) by other bits, in place; returns
     * this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor bitwiseRightShift_(Tensor other) { return Copying.writeBack(this, old -> old.bitwiseRightShift(other), other); }

    // ---------------------------------------------------------------- more layout

    /**
     * Rotated by 90 degrees k times in the plane of dims (default 0, 1). PyTorch: {@code torch.Tensor.rot90}.
     *
     * @param k the number of quarter turns, from the first dim towards the second
     * @param dims the two dims of the plane to rotate
     * @return a new tensor, the two dims' sizes swapped for odd k
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor rot90(long k, int... dims) { return Reshaping.rot90(this, k, dims.length == 0 ? new int[] {0, 1} : dims); }

    /**
     * {@code x.rot90()}: rotated by 90 degrees k times in the plane of two dims.
     *
     * @return a new tensor with dims 0 and 1 swapped in size
     */
    public Tensor rot90() { return rot90(1); }

    /**
     * The n-th forward difference along dim. PyTorch: {@code torch.Tensor.diff}.
     *
     * @param n how many times to take differences
     * @param dim the dim, negative counting from the end
     * @param prepend values placed before this tensor along dim first, or null
     * @param append values placed after this tensor along dim first, or null
     * @return a new tensor, dim's size reduced by n
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor diff(int n, int dim, Tensor prepend, Tensor append) { return Reshaping.diff(this, n, dim, prepend, append); }

    /**
     * {@code x.diff(n, dim)}: the n-th forward difference along dim.
     *
     * @param n how many times to take differences
     * @param dim the dim, negative counting from the end
     * @return a new tensor, dim's size reduced by n
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor diff(int n, int dim) { return diff(n, dim, null, null); }

    /**
     * {@code x.diff()}: the n-th forward difference along dim.
     *
     * @return a new tensor one shorter along the last dim
     */
    public Tensor diff() { return diff(1, -1); }

    /**
     * The Kronecker product. PyTorch: {@code torch.Tensor.kron}.
     *
     * @param other the second factor
     * @return a new tensor whose sizes are the products of the two shapes' sizes (the shorter padded with leading 1s)
     */
    public Tensor kron(Tensor other) { return Reshaping.kron(this, other); }

    /**
     * The elements at flat indices, shaped like index. PyTorch: {@code torch.Tensor.take}.
     *
     * @param index int64 positions into this tensor seen as 1-D (row-major), negative counting from the end
     * @return a new tensor of index's shape
     */
    public Tensor take(Tensor index) { return Reshaping.take(this, index); }

    /**
     * The last dim placed on the offset diagonal of new (dim1, dim2) planes. PyTorch: {@code torch.Tensor.diag_embed}.
     *
     * @param offset which diagonal the values go on: 0 the main one, positive above, negative below
     * @param dim1 the result's first matrix dim, negative counting from the end
     * @param dim2 the result's second matrix dim, negative counting from the end
     * @return a new tensor with one more dim
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor diagEmbed(long offset, int dim1, int dim2) { return Reshaping.diagEmbed(this, offset, dim1, dim2); }

    /**
     * {@code x.diag_embed()}: matrices with the last dim on their diagonal.
     *
     * @return a new tensor with one more dim
     */
    public Tensor diagEmbed() { return diagEmbed(0, -2, -1); }

    /**
     * The flattened tensor on the offset diagonal of a square matrix. PyTorch: {@code torch.Tensor.diagflat}.
     *
     * @param offset which diagonal: 0 the main one, positive above, negative below
     * @return a new 2-D tensor
     */
    public Tensor diagflat(long offset) { return Reshaping.diagflat(this, offset); }

    /**
     * {@code x.diagflat()}: a 2-d matrix with the flattened input on its diagonal.
     *
     * @return a new 2-D tensor
     */
    public Tensor diagflat() { return diagflat(0); }

    /**
     * {@code broadcast_to}: the same as {@link #expand}. PyTorch: {@code torch.Tensor.broadcast_to}.
     *
     * @param shape the target shape, -1 keeping a size
     * @return a view of this tensor
     */
    public Tensor broadcastTo(long... shape) { return expand(shape); }

    // ---------------------------------------------------------------- more reductions and statistics

    /**
     * The sum with NaNs as zero. PyTorch: {@code torch.Tensor.nansum}.
     *
     * @return a 0-dim tensor
     */
    public Tensor nansum() { return OrderStatistics.nansum(this, null, false); }

    /**
     * {@code x.nansum(dims, keepdim)}: the sum treating NaN as 0.
     *
     * @param dims the dims to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor nansum(int[] dims, boolean keepdim) { return OrderStatistics.nansum(this, dims, keepdim); }

    /**
     * The mean of the non-NaN elements. PyTorch: {@code torch.Tensor.nanmean}.
     *
     * @return a 0-dim tensor
     */
    public Tensor nanmean() { return OrderStatistics.nanmean(this, null, false); }

    /**
     * {@code x.nanmean(dims, keepdim)}: the mean ignoring NaN.
     *
     * @param dims the dims to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor nanmean(int[] dims, boolean keepdim) { return OrderStatistics.nanmean(this, dims, keepdim); }

    /**
     * (min, max) of all elements. PyTorch: {@code torch.Tensor.aminmax}.
     *
     * @return the minimum and the maximum, as two tensors of the reduced shape
     */
    public java.util.List<Tensor> aminmax() { return OrderStatistics.aminmax(this, null, false); }

    /**
     * {@code x.aminmax(dim, keepdim)}: the minimum and the maximum together.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the minimum and the maximum, as two tensors of the reduced shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public java.util.List<Tensor> aminmax(int dim, boolean keepdim) { return OrderStatistics.aminmax(this, dim, keepdim); }

    /**
     * The k-th smallest element along dim (default the last) and its index. PyTorch: {@code torch.Tensor.kthvalue}.
     *
     * @param k which smallest value to return, counting from 1
     * @return values and int64 indices of the reduced shape
     * @throws IllegalArgumentException {@code kthvalue(): selected number k out of range for dimension ...} unless 1
     *     &lt;= k &lt;= the dim's size
     */
    public ValuesIndices kthvalue(long k) { return kthvalue(k, -1, false); }

    /**
     * {@code x.kthvalue(k, dim)}: the k-th smallest value along dim and its index.
     *
     * @param k which smallest value to return, counting from 1
     * @param dim the dim to reduce, negative counting from the end
     * @return values and int64 indices of the reduced shape
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException {@code kthvalue(): selected number k out of range for dimension ...} unless 1
     *     &lt;= k &lt;= the dim's size
     */
    public ValuesIndices kthvalue(long k, int dim) { return kthvalue(k, dim, false); }

    /**
     * {@code x.kthvalue(k, dim, keepdim)}: the k-th smallest value along dim and its index.
     *
     * @param k which smallest value to return, counting from 1
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return values and int64 indices of the reduced shape
     * @throws IllegalArgumentException if a dim is out of range
     * @throws IllegalArgumentException {@code kthvalue(): selected number k out of range for dimension ...} unless 1
     *     &lt;= k &lt;= the dim's size
     */
    public ValuesIndices kthvalue(long k, int dim, boolean keepdim) { return OrderStatistics.kthvalue(this, k, dim, keepdim); }

    /**
     * The q-th quantile of all elements, linearly interpolated. PyTorch: {@code torch.Tensor.quantile}.
     *
     * @param q the quantile, in [0, 1]
     * @return a 0-dim tensor
     */
    public Tensor quantile(double q) { return quantile(Scalar.of(q).to(dtype()), null, false, "linear"); }

    /**
     * {@code x.quantile(q, dim, keepdim)}: the q-th quantile with linear interpolation.
     *
     * @param q the quantile, in [0, 1]
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor quantile(double q, int dim, boolean keepdim) { return quantile(Scalar.of(q).to(dtype()), dim, keepdim, "linear"); }

    /**
     * Quantiles q (a number or 1-d tensor) along dim (all elements when null); interpolation linear, lower, higher,
     * midpoint or nearest.
     * PyTorch: {@code torch.Tensor.quantile}.
     *
     * @param q the quantiles, in [0, 1]: a 0-dim or 1-D float tensor (a 1-D q adds a leading dim of its length to the
     *     result)
     * @param dim the dim to reduce, negative counting from the end; null reduces over all elements
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @param interpolation how to pick between two neighbouring values: {@code "linear"}, {@code "lower"}, {@code
     *     "higher"}, {@code "midpoint"} or {@code "nearest"}
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor quantile(Tensor q, Integer dim, boolean keepdim, String interpolation) {
        return OrderStatistics.quantile(this, q, dim, keepdim, interpolation, false);
    }

    /**
     * {@code x.nanquantile(q)}: the q-th quantile ignoring NaN.
     *
     * @param q the quantile, in [0, 1]
     * @return a 0-dim tensor
     */
    public Tensor nanquantile(double q) { return nanquantile(Scalar.of(q).to(dtype()), null, false, "linear"); }

    /**
     * {@code x.nanquantile(q, dim, keepdim, interpolation)}: the q-th quantile ignoring NaN.
     *
     * @param q the quantiles, in [0, 1]: a 0-dim or 1-D float tensor (a 1-D q adds a leading dim of its length to the
     *     result)
     * @param dim the dim to reduce, negative counting from the end; null reduces over all elements
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @param interpolation how to pick between two neighbouring values: {@code "linear"}, {@code "lower"}, {@code
     *     "higher"}, {@code "midpoint"} or {@code "nearest"}
     * @return the reduced tensor: this tensor's shape without the reduced dims (size 1 with keepdim)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor nanquantile(Tensor q, Integer dim, boolean keepdim, String interpolation) {
        return OrderStatistics.quantile(this, q, dim, keepdim, interpolation, true);
    }

    /**
     * A histogram with bins equal-width bins over [min, max] (the data's range when both are 0).
     * PyTorch: {@code torch.Tensor.histc}.
     *
     * @param bins the number of equal-width bins
     * @param min the lower end of the range (with max 0 too: the data's minimum)
     * @param max the upper end of the range (with min 0 too: the data's maximum)
     * @return a 1-D tensor of bins counts, of this tensor's dtype
     * @throws IllegalArgumentException for a non-floating tensor ({@code "histogram_cpu" not implemented for 'Long'})
     */
    public Tensor histc(long bins, double min, double max) { return OrderStatistics.histc(this, bins, min, max); }

    /**
     * {@code x.histc()}: the histogram with bins equal-width bins between min and max.
     *
     * @return a 1-D tensor of 100 counts, of this tensor's dtype
     * @throws IllegalArgumentException for a non-floating tensor ({@code "histogram_cpu" not implemented for 'Long'})
     */
    public Tensor histc() { return histc(100, 0, 0); }

    /**
     * The running maximum along dim and where it was reached. PyTorch: {@code torch.Tensor.cummax}.
     *
     * @param dim the dim to scan along, negative counting from the end
     * @return values and int64 indices, both of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices cummax(int dim) { return RunningExtremes.cummax(this, dim); }

    /**
     * {@code x.cummin(dim)}: the running minimum along dim and its indices.
     *
     * @param dim the dim to scan along, negative counting from the end
     * @return values and int64 indices, both of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices cummin(int dim) { return RunningExtremes.cummin(this, dim); }

    /**
     * log(cumsum(exp(this))) along dim, without overflow. PyTorch: {@code torch.Tensor.logcumsumexp}.
     *
     * @param dim the dim to scan along, negative counting from the end
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor logcumsumexp(int dim) { return RunningExtremes.logcumsumexp(this, dim); }

    // ---------------------------------------------------------------- fused products with scaling

    /**
     * beta * this + alpha * (mat @ vec). PyTorch: {@code torch.Tensor.addmv}.
     *
     * @param mat an {@code [n, m]} matrix
     * @param vec a 1-D tensor of m elements
     * @param beta the multiplier of this tensor
     * @param alpha the multiplier of the product
     * @return a 1-D tensor of n elements
     */
    public Tensor addmv(Tensor mat, Tensor vec, double beta, double alpha) { return LinearAlgebra.addmv(this, mat, vec, beta, alpha); }

    /**
     * {@code x.addmv(mat, vec)}: this + (mat @ vec).
     *
     * @param mat an {@code [n, m]} matrix
     * @param vec a 1-D tensor of m elements
     * @return a 1-D tensor of n elements
     */
    public Tensor addmv(Tensor mat, Tensor vec) { return addmv(mat, vec, 1, 1); }

    /**
     * {@code x.addmv_(mat, vec)}: this + (mat @ vec), in place; returns this.
     *
     * @param mat an {@code [n, m]} matrix
     * @param vec a 1-D tensor of m elements
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor addmv_(Tensor mat, Tensor vec) { return Copying.writeBack(this, old -> old.addmv(mat, vec), mat, vec); }

    /**
     * beta * this + alpha * outer(vec1, vec2). PyTorch: {@code torch.Tensor.addr}.
     *
     * @param vec1 a 1-D tensor of n elements
     * @param vec2 a 1-D tensor of m elements
     * @param beta the multiplier of this tensor
     * @param alpha the multiplier of the outer product
     * @return an {@code [n, m]} matrix
     */
    public Tensor addr(Tensor vec1, Tensor vec2, double beta, double alpha) { return LinearAlgebra.addr(this, vec1, vec2, beta, alpha); }

    /**
     * {@code x.addr(vec1, vec2)}: this + the outer product of vec1 and vec2.
     *
     * @param vec1 a 1-D tensor of n elements
     * @param vec2 a 1-D tensor of m elements
     * @return an {@code [n, m]} matrix
     */
    public Tensor addr(Tensor vec1, Tensor vec2) { return addr(vec1, vec2, 1, 1); }

    /**
     * {@code x.addr_(vec1, vec2)}: this + the outer product of vec1 and vec2, in place; returns this.
     *
     * @param vec1 a 1-D tensor of n elements
     * @param vec2 a 1-D tensor of m elements
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor addr_(Tensor vec1, Tensor vec2) { return Copying.writeBack(this, old -> old.addr(vec1, vec2), vec1, vec2); }

    /**
     * beta * this + alpha * bmm(batch1, batch2). PyTorch: {@code torch.Tensor.baddbmm}.
     *
     * @param batch1 a 3-D tensor {@code [b, n, m]}
     * @param batch2 a 3-D tensor {@code [b, m, p]}
     * @param beta the multiplier of this tensor
     * @param alpha the multiplier of the product
     * @return a {@code [b, n, p]} tensor
     */
    public Tensor baddbmm(Tensor batch1, Tensor batch2, double beta, double alpha) { return LinearAlgebra.baddbmm(this, batch1, batch2, beta, alpha); }

    /**
     * {@code x.baddbmm(batch1, batch2)}: this + (batch1 @ batch2), batch by batch.
     *
     * @param batch1 a 3-D tensor {@code [b, n, m]}
     * @param batch2 a 3-D tensor {@code [b, m, p]}
     * @return a {@code [b, n, p]} tensor
     */
    public Tensor baddbmm(Tensor batch1, Tensor batch2) { return baddbmm(batch1, batch2, 1, 1); }

    /**
     * {@code x.baddbmm_(batch1, batch2)}: this + (batch1 @ batch2), batch by batch, in place; returns this.
     *
     * @param batch1 a 3-D tensor {@code [b, n, m]}
     * @param batch2 a 3-D tensor {@code [b, m, p]}
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor baddbmm_(Tensor batch1, Tensor batch2) { return Copying.writeBack(this, old -> old.baddbmm(batch1, batch2), batch1, batch2); }

    /**
     * beta * this + alpha * the batch sum of batch1[i] @ batch2[i]. PyTorch: {@code torch.Tensor.addbmm}.
     *
     * @param batch1 a 3-D tensor {@code [b, n, m]}
     * @param batch2 a 3-D tensor {@code [b, m, p]}
     * @param beta the multiplier of this tensor
     * @param alpha the multiplier of the product
     * @return an {@code [n, p]} matrix
     */
    public Tensor addbmm(Tensor batch1, Tensor batch2, double beta, double alpha) { return LinearAlgebra.addbmm(this, batch1, batch2, beta, alpha); }

    /**
     * {@code x.addbmm(batch1, batch2)}: this + the sum over the batch of batch1[i] @ batch2[i].
     *
     * @param batch1 a 3-D tensor {@code [b, n, m]}
     * @param batch2 a 3-D tensor {@code [b, m, p]}
     * @return an {@code [n, p]} matrix
     */
    public Tensor addbmm(Tensor batch1, Tensor batch2) { return addbmm(batch1, batch2, 1, 1); }

    /**
     * {@code x.addbmm_(batch1, batch2)}: this + the sum over the batch of batch1[i] @ batch2[i], in place; returns
     * this.
     *
     * @param batch1 a 3-D tensor {@code [b, n, m]}
     * @param batch2 a 3-D tensor {@code [b, m, p]}
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor addbmm_(Tensor batch1, Tensor batch2) { return Copying.writeBack(this, old -> old.addbmm(batch1, batch2), batch1, batch2); }

    // ---------------------------------------------------------------- aliases and small composites

    /**
     * {@code x.absolute_()}: an alias of abs, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor absolute_() { return abs_(); }

    /**
     * {@code x.arcsin_()}: an alias of asin, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor arcsin_() { return asin_(); }

    /**
     * {@code x.arccos_()}: an alias of acos, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor arccos_() { return acos_(); }

    /**
     * {@code x.arctan_()}: an alias of atan, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor arctan_() { return atan_(); }

    /**
     * {@code x.arcsinh_()}: an alias of asinh, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor arcsinh_() { return asinh_(); }

    /**
     * {@code x.arccosh_()}: an alias of acosh, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor arccosh_() { return acosh_(); }

    /**
     * {@code x.arctanh_()}: an alias of atanh, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor arctanh_() { return atanh_(); }

    /**
     * {@code x.arctan2_(other)}: an alias of atan2, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor arctan2_(Tensor other) { return atan2_(other); }

    /**
     * {@code x.multiply_(other)}: an alias of mul, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor multiply_(Tensor other) { return mul_(other); }

    /**
     * {@code x.multiply_(other)}: an alias of mul (other a Python number), in place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor multiply_(double other) { return mul_(other); }

    /**
     * {@code x.subtract_(other)}: an alias of sub, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor subtract_(Tensor other) { return sub_(other); }

    /**
     * {@code x.subtract_(other)}: an alias of sub (other a Python number), in place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor subtract_(double other) { return sub_(other); }

    /**
     * {@code x.divide_(other)}: an alias of div, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor divide_(Tensor other) { return div_(other); }

    /**
     * {@code x.divide_(other)}: an alias of div (other a Python number), in place; returns this.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor divide_(double other) { return div_(other); }

    /**
     * {@code x.true_divide_(other)}: an alias of div, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor trueDivide_(Tensor other) { return div_(other); }

    /**
     * {@code x.negative_()}: an alias of neg, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor negative_() { return neg_(); }

    /**
     * {@code x.fix_()}: an alias of trunc, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor fix_() { return trunc_(); }

    /**
     * {@code x.sgn_()}: an alias of sign for real tensors, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor sgn_() { return sign_(); }

    /**
     * {@code x.deg2rad_()}: degrees converted to radians, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor deg2rad_() { return Copying.writeBack(this, Tensor::deg2rad); }

    /**
     * {@code x.rad2deg_()}: radians converted to degrees, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor rad2deg_() { return Copying.writeBack(this, Tensor::rad2deg); }

    /**
     * {@code x.hypot_(other)}: sqrt(this^2 + other^2), elementwise, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor hypot_(Tensor other) { return Copying.writeBack(this, old -> old.hypot(other), other); }

    /**
     * {@code x.heaviside_(values)}: the Heaviside step: 0 below 0, 1 above, values at 0, in place; returns this.
     *
     * @param values the result where this tensor is 0, {@linkplain Tensor##broadcasting broadcast}
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor heaviside_(Tensor values) { return Copying.writeBack(this, old -> old.heaviside(values), values); }

    /**
     * {@code x.logit_()}: log(p / (1 - p)), optionally clamped to [eps, 1 - eps], in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor logit_() { return Copying.writeBack(this, Tensor::logit); }

    /**
     * {@code x.nan_to_num_()}: NaN, +inf and -inf replaced by finite values, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor nanToNum_() { return Copying.writeBack(this, Tensor::nanToNum); }

    /**
     * {@code x.nan_to_num_(nan, posinf, neginf)}: NaN, +inf and -inf replaced by finite values, in place; returns
     * this.
     *
     * @param nan what NaN becomes; null for 0
     * @param posinf what +inf becomes; null for the dtype's largest value
     * @param neginf what -inf becomes; null for the dtype's lowest value
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor nanToNum_(Double nan, Double posinf, Double neginf) { return Copying.writeBack(this, old -> old.nanToNum(nan, posinf, neginf)); }

    /**
     * {@code x.cumsum_(dim)}: the running sum along dim, in place; returns this.
     *
     * @param dim the dim to scan along, negative counting from the end
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor cumsum_(int dim) { return Copying.writeBack(this, old -> old.cumsum(dim)); }

    /**
     * {@code x.cumprod_(dim)}: the running product along dim, in place; returns this.
     *
     * @param dim the dim to scan along, negative counting from the end
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor cumprod_(int dim) { return Copying.writeBack(this, old -> old.cumprod(dim)); }

    /**
     * {@code x.addmm_(mat1, mat2)}: this + (mat1 @ mat2), in place; returns this.
     *
     * @param mat1 an {@code [n, m]} matrix
     * @param mat2 an {@code [m, p]} matrix
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor addmm_(Tensor mat1, Tensor mat2) { return Copying.writeBack(this, old -> old.addmm(mat1, mat2), mat1, mat2); }

    /**
     * {@code x.conj_physical_()}: the conjugate: this tensor itself, as jgrad has no complex dtypes, in place;
     * returns this.
     *
     * @return this tensor
     */
    public Tensor conjPhysical_() { return this; }

    /**
     * The dot product of the last dims ({@code torch.inner}); a 0-dim side multiplies.
     *
     * @param other a tensor whose last dim matches this tensor's
     * @return a tensor of this tensor's shape without its last dim followed by other's without its last dim
     * @throws IllegalArgumentException {@code inner() the last dimension must match on both input tensors but got
     *     shapes
     *     ...} when the last dims differ
     */
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

    /**
     * {@code ger}: the outer product. PyTorch: {@code torch.Tensor.ger}.
     *
     * @param vec2 a 1-D tensor
     * @return an {@code [n, m]} matrix
     */
    public Tensor ger(Tensor vec2) { return outer(vec2); }

    /**
     * {@code vdot}: the dot product (jgrad's dtypes are real, so no conjugation). PyTorch: {@code torch.Tensor.vdot}.
     *
     * @param other a 1-D tensor of this tensor's length and dtype
     * @return a 0-dim tensor
     */
    public Tensor vdot(Tensor other) { return dot(other); }

    /**
     * Sorted along the first dim. PyTorch: {@code torch.Tensor.msort}.
     *
     * @return a new tensor of this tensor's shape
     */
    public Tensor msort() { return sort(0).values(); }

    /**
     * The elements flattened (a view when contiguous). PyTorch: {@code torch.Tensor.ravel}.
     *
     * @return a 1-D tensor (a view when contiguous)
     */
    public Tensor ravel() { return contiguous().reshape(-1); }

    /**
     * {@code x.ndimension()}: an alias of dim.
     *
     * @return the number of dims
     */
    public int ndimension() { return dim(); }

    /**
     * {@code x.diag(diagonal)}: the diagonal of a matrix as a vector, or a vector as a diagonal matrix.
     *
     * @param diagonal which diagonal to take (matrix input) or fill (vector input): 0 the main one, positive above,
     *     negative below
     * @return for a 1-D input a square matrix of side n + |diagonal|; for a 2-D input the 1-D diagonal
     * @throws IllegalArgumentException {@code diag(): Supports 1D or 2D tensors. Got 3D}
     */
    public Tensor diag(long diagonal) { return Torch.diag(this, diagonal); }

    /**
     * {@code x.diag()}: the diagonal of a matrix as a vector, or a vector as a diagonal matrix.
     *
     * @return for a 1-D input an n by n matrix; for a 2-D input its 1-D main diagonal
     * @throws IllegalArgumentException {@code diag(): Supports 1D or 2D tensors. Got 3D}
     */
    public Tensor diag() { return Torch.diag(this); }

    /**
     * {@code x.bincount(weights, minlength)}: the count of each non-negative integer value (weighted when weights are
     * given), int64.
     *
     * @param weights a 1-D tensor of one weight per element, or null to count
     * @param minlength the least number of bins
     * @return a 1-D tensor of counts (int64) or weight sums (the weights' dtype)
     * @throws IllegalArgumentException {@code bincount only supports 1-d non-negative integral inputs.}
     */
    public Tensor bincount(Tensor weights, long minlength) { return Torch.bincount(this, weights, minlength); }

    /**
     * {@code x.bincount()}: the count of each non-negative integer value (weighted when weights are given), int64.
     *
     * @return a 1-D int64 tensor of counts, max + 1 long
     * @throws IllegalArgumentException {@code bincount only supports 1-d non-negative integral inputs.}
     */
    public Tensor bincount() { return Torch.bincount(this); }

    /**
     * {@code x.prelu(weight)}: x where x &gt;= 0, else weight * x (weight per channel).
     *
     * @param weight the slopes for negative inputs: one value, or one per channel (dim 1)
     * @return a new tensor of this tensor's shape
     */
    public Tensor prelu(Tensor weight) { return dev.jgrad.nn.functional.F.prelu(this, weight); }

    /**
     * {@code x.hardshrink(lambd)}: x where |x| &gt; lambd, else 0.
     *
     * @param lambd the threshold: values within [-lambd, lambd] become 0
     * @return a new tensor of this tensor's shape
     */
    public Tensor hardshrink(double lambd) { return dev.jgrad.nn.functional.F.hardshrink(this, lambd); }

    /**
     * {@code x.hardshrink()}: x where |x| &gt; lambd, else 0.
     *
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException for a non-floating tensor ({@code "hardshrink" not implemented for 'Long'})
     */
    public Tensor hardshrink() { return hardshrink(0.5); }

    /**
     * {@code x.split_with_sizes(split_sizes, dim)}: splits along dim into pieces of the given sizes (views).
     *
     * @param splitSizes the size of each part, summing to dim's size
     * @param dim the dim, negative counting from the end
     * @return the parts, views of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public java.util.List<Tensor> splitWithSizes(long[] splitSizes, int dim) { return split(splitSizes, dim); }

    /**
     * {@code x.is_cpu()}: whether the tensor is on the CPU.
     *
     * @return whether the device is the CPU
     */
    public boolean isCpu() { return device().isCpu(); }

    /**
     * {@code x.is_cuda()}: whether the tensor is on a CUDA device.
     *
     * @return whether the device is CUDA
     */
    public boolean isCuda() { return false; }

    /**
     * {@code x.is_meta()}: whether the tensor is on the meta device.
     *
     * @return whether the device is meta
     */
    public boolean isMeta() { return device().isMeta(); }

    /**
     * {@code x.is_sparse()}: whether the layout is sparse (always false).
     *
     * @return false
     */
    public boolean isSparse() { return false; }

    /**
     * {@code x.is_quantized()}: whether the tensor is quantized (always false).
     *
     * @return false
     */
    public boolean isQuantized() { return false; }

    /**
     * {@code x.is_nested()}: whether this is a nested tensor (always false).
     *
     * @return false
     */
    public boolean isNested() { return false; }

    /**
     * {@code x.is_mkldnn()}: whether the tensor uses the MKL-DNN layout (always false).
     *
     * @return false
     */
    public boolean isMkldnn() { return false; }

    /**
     * {@code x.is_pinned()}: whether the memory is pinned (always false on jgrad's CPU).
     *
     * @return false
     */
    public boolean isPinned() { return false; }

    /**
     * {@code x.is_shared()}: whether the storage is in shared memory (always false).
     *
     * @return false
     */
    public boolean isShared() { return false; }

    /**
     * True for every dtype but bool (jgrad has no unsigned dtypes). PyTorch: {@code torch.Tensor.is_signed}.
     *
     * @return false only for bool
     */
    public boolean isSigned() { return dtype() != DType.BOOL; }

    /**
     * {@code x.is_same_size(other)}: whether other has the same shape.
     *
     * @param other the tensor to compare with
     * @return whether the shapes are equal
     */
    public boolean isSameSize(Tensor other) { return java.util.Arrays.equals(shape(), other.shape()); }

    /**
     * The real part: the tensor itself, as jgrad's dtypes are real. PyTorch: {@code torch.Tensor.real}.
     *
     * @return this tensor
     */
    public Tensor real() { return this; }

    /**
     * Refused as PyTorch refuses it for real dtypes. PyTorch: {@code torch.Tensor.imag}.
     *
     * @return never: always throws
     * @throws IllegalArgumentException always: {@code imag is not implemented for tensors with non-complex dtypes.}
     */
    public Tensor imag() { throw new IllegalArgumentException("imag is not implemented for tensors with non-complex dtypes."); }

    /**
     * All true: every element of a real tensor is real. PyTorch: {@code torch.Tensor.isreal}.
     *
     * @return a bool tensor of this tensor's shape, all true
     */
    public Tensor isreal() { return Torch.onesLike(this, DType.BOOL); }

    /**
     * The argument of a real number: pi for negatives, 0 otherwise, NaN kept. PyTorch: {@code torch.Tensor.angle}.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor angle() { return Composites.angle(this); }

    /**
     * Split into sections pieces (the first size % sections one longer) along dim, as views.
     * PyTorch: {@code torch.Tensor.tensor_split}.
     *
     * @param sections how many nearly equal parts (the first ones one larger when dim's size does not divide)
     * @param dim the dim, negative counting from the end
     * @return the parts, views of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public java.util.List<Tensor> tensorSplit(long sections, int dim) { return Composites.tensorSplit(this, sections, dim); }

    /**
     * Split before each of indices along dim, as views. PyTorch: {@code torch.Tensor.tensor_split}.
     *
     * @param indices the positions along dim where new parts begin
     * @param dim the dim, negative counting from the end
     * @return the parts, views of this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public java.util.List<Tensor> tensorSplit(long[] indices, int dim) { return Composites.tensorSplit(this, indices, dim); }

    /**
     * {@code x.hsplit(sections)}: splits along dim 1 (dim 0 for 1-d tensors).
     *
     * @param sections how many equal parts; must divide the size of the split dim
     * @return the parts, views of this tensor
     */
    public java.util.List<Tensor> hsplit(long sections) { return Composites.directionalSplit(this, sections, "hsplit"); }

    /**
     * {@code x.vsplit(sections)}: splits along dim 0.
     *
     * @param sections how many equal parts; must divide the size of the split dim
     * @return the parts, views of this tensor
     */
    public java.util.List<Tensor> vsplit(long sections) { return Composites.directionalSplit(this, sections, "vsplit"); }

    /**
     * {@code x.dsplit(sections)}: splits along dim 2 (depth).
     *
     * @param sections how many equal parts; must divide the size of the split dim
     * @return the parts, views of this tensor
     */
    public java.util.List<Tensor> dsplit(long sections) { return Composites.directionalSplit(this, sections, "dsplit"); }

    /**
     * gather after broadcasting this and indices over every dim but dim; flat when dim is null.
     * PyTorch: {@code torch.Tensor.take_along_dim}.
     *
     * @param indices int64 positions along dim, broadcast with this tensor outside dim
     * @param dim the dim, negative counting from the end; null for all elements flattened
     * @return a new tensor of the broadcast shape (of indices' elements, 1-D, when dim is null)
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor takeAlongDim(Tensor indices, Integer dim) { return Composites.takeAlongDim(this, indices, dim); }

    /**
     * Consecutive duplicates collapsed (of the flattened tensor), with inverse indices and counts when asked.
     * PyTorch: {@code torch.Tensor.unique_consecutive}.
     *
     * @param returnInverse whether to return, for each element, the index of its group
     * @param returnCounts whether to return each group's length
     * @return the values, then the inverse indices and counts asked for
     */
    public java.util.List<Tensor> uniqueConsecutive(boolean returnInverse, boolean returnCounts) {
        return Composites.uniqueConsecutive(this, returnInverse, returnCounts);
    }

    /**
     * {@code x.unique_consecutive()}: the tensor without consecutive duplicates (optionally with inverse and counts).
     *
     * @return a new 1-D tensor
     */
    public Tensor uniqueConsecutive() { return uniqueConsecutive(false, false).get(0); }

    /**
     * The covariance matrix of the rows (variables) over the columns (observations). PyTorch: {@code torch.Tensor.cov}.
     *
     * @param correction the difference from N of the divisor (1 is Bessel's correction)
     * @return a 0-dim tensor for one variable, else a {@code [vars, vars]} matrix
     */
    public Tensor cov(long correction) { return Composites.cov(this, correction); }

    /**
     * {@code x.cov()}: the covariance matrix of the variables in the rows.
     *
     * @return a 0-dim tensor for one variable, else a {@code [vars, vars]} matrix
     */
    public Tensor cov() { return cov(1); }

    /**
     * Pearson correlation coefficients of the rows. PyTorch: {@code torch.Tensor.corrcoef}.
     *
     * @return a {@code [vars, vars]} matrix (0-dim for one variable)
     */
    public Tensor corrcoef() { return Composites.corrcoef(this); }

    /**
     * Each slice along dim rescaled to p-norm at most maxnorm. PyTorch: {@code torch.Tensor.renorm}.
     *
     * @param p the norm order
     * @param dim the dim whose slices are renormalized, negative counting from the end
     * @param maxnorm the largest norm a sub-tensor may keep
     * @return a new tensor of this tensor's shape
     * @throws IllegalArgumentException if a dim is out of range, or {@code renorm: non-positive-norm not supported}
     *     for p &lt;= 0
     */
    public Tensor renorm(double p, int dim, double maxnorm) { return Composites.renorm(this, p, dim, maxnorm); }

    /**
     * {@code x.renorm_(p, dim, maxnorm)}: each sub-tensor along dim rescaled to p-norm at most maxnorm, in place;
     * returns this.
     *
     * @param p the norm order
     * @param dim the dim whose slices are renormalized, negative counting from the end
     * @param maxnorm the largest norm a sub-tensor may keep
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or {@code renorm: non-positive-norm not supported}
     *     for p &lt;= 0, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor renorm_(double p, int dim, double maxnorm) { return Copying.writeBack(this, old -> old.renorm(p, dim, maxnorm)); }

    /**
     * Summed down to a shape this tensor broadcasts from. PyTorch: {@code torch.Tensor.sum_to_size}.
     *
     * @param size the target shape, to which this tensor's shape must be expandable
     * @return a new tensor of the given size
     */
    public Tensor sumToSize(long... size) { return Composites.sumToSize(this, size); }

    /**
     * A copy with src written at index of dim. PyTorch: {@code torch.Tensor.select_scatter}.
     *
     * @param src the values, of this tensor's shape without dim
     * @param dim the dim, negative counting from the end
     * @param index the position along dim
     * @return a copy of this tensor with src embedded
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor selectScatter(Tensor src, int dim, long index) { return Composites.scatterInto(this, src, t -> t.select(dim, index)); }

    /**
     * {@code x.slice_scatter(src, dim, start, end, step)}: a copy with src written into a slice.
     *
     * @param src the values, of the slice's shape
     * @param dim the dim, negative counting from the end
     * @param start the slice's first index
     * @param end the slice's end index (exclusive)
     * @param step the slice's step
     * @return a copy of this tensor with src embedded
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor sliceScatter(Tensor src, int dim, long start, long end, long step) {
        return Composites.scatterInto(this, src, t -> t.slice(dim, start, end, step));
    }

    /**
     * {@code x.diagonal_scatter(src, offset, dim1, dim2)}: a copy with src written onto the diagonal.
     *
     * @param src the values for the diagonal, of {@code diagonal(offset, dim1, dim2)}'s shape
     * @param offset which diagonal: 0 the main one, positive above, negative below
     * @param dim1 the first dim of the matrices, negative counting from the end
     * @param dim2 the second dim of the matrices, negative counting from the end
     * @return a copy of this tensor with src embedded
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor diagonalScatter(Tensor src, long offset, int dim1, int dim2) {
        return Composites.scatterInto(this, src, t -> t.diagonal(offset, dim1, dim2));
    }

    /**
     * Where mask is true, the next elements of source in order; elsewhere this tensor's.
     * PyTorch: {@code torch.Tensor.masked_scatter}.
     *
     * @param mask a bool tensor, {@linkplain Tensor##broadcasting broadcast} with this tensor; true marks the
     *     positions to write
     * @param source the values written, in row-major order, where mask is true; at least as many as the true positions
     * @return a copy of this tensor with source's values at the masked positions
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor maskedScatter(Tensor mask, Tensor source) { return Composites.maskedScatter(this, mask, source); }

    /**
     * {@code x.masked_scatter_(mask, source)}: the elements of source, in order, where mask is true, in place;
     * returns this.
     *
     * @param mask a bool tensor, {@linkplain Tensor##broadcasting broadcast} with this tensor; true marks the
     *     positions to write
     * @param source the values written, in row-major order, where mask is true; at least as many as the true positions
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor maskedScatter_(Tensor mask, Tensor source) { return Copying.writeBack(this, old -> old.maskedScatter(mask, source), source); }

    /**
     * source written at flat indices (added when accumulate). PyTorch: {@code torch.Tensor.put}.
     *
     * @param index int64 positions into this tensor seen as 1-D (row-major), negative counting from the end
     * @param source the values to write, one per index element
     * @param accumulate whether to add into the positions rather than write
     * @return a copy of this tensor with the values written
     */
    public Tensor put(Tensor index, Tensor source, boolean accumulate) { return Composites.put(this, index, source, accumulate); }

    /**
     * {@code x.put_(index, source, accumulate)}: writes source at the given flat indices (accumulating when asked);
     * returns this.
     *
     * @param index int64 positions into this tensor seen as 1-D (row-major), negative counting from the end
     * @param source the values to write, one per index element
     * @param accumulate whether to add into the positions rather than write
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor put_(Tensor index, Tensor source, boolean accumulate) { return Copying.writeBack(this, old -> old.put(index, source, accumulate), source); }

    /**
     * {@code x.put_(index, source)}: writes source at the given flat indices (accumulating when asked); returns this.
     *
     * @param index int64 positions into this tensor seen as 1-D (row-major), negative counting from the end
     * @param source the values to write, one per index element
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor put_(Tensor index, Tensor source) { return put_(index, source, false); }

    /**
     * The main diagonal (all dims equal, or a matrix) set to value; wrap continues below in tall matrices.
     * PyTorch: {@code torch.Tensor.fill_diagonal_}.
     *
     * @param value the value written on the main diagonal
     * @param wrap for a tall matrix, whether the diagonal restarts after every N + 1 rows (NumPy's wrap)
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor fillDiagonal_(double value, boolean wrap) { return Composites.fillDiagonal_(this, value, wrap); }

    /**
     * {@code x.fill_diagonal_(value)}: writes value on the main diagonal (value a Python number); returns this.
     *
     * @param value the value written on the main diagonal
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor fillDiagonal_(double value) { return fillDiagonal_(value, false); }

    /**
     * The multivariate log-gamma of dimension p. PyTorch: {@code torch.Tensor.mvlgamma}.
     *
     * @param p the dimension p of the multivariate gamma, at least 1
     * @return a new floating tensor of this tensor's shape
     */
    public Tensor mvlgamma(int p) { return Composites.mvlgamma(this, p); }

    /**
     * {@code x.mvlgamma_(p)}: the multivariate log-gamma of dimension p, in place; returns this.
     *
     * @param p the dimension p of the multivariate gamma, at least 1
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor mvlgamma_(int p) { return Copying.writeBack(this, old -> old.mvlgamma(p)); }

    /**
     * Greatest common divisor (integers). PyTorch: {@code torch.Tensor.gcd}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor gcd(Tensor other) { return Composites.gcd(this, other); }

    /**
     * {@code x.gcd_(other)}: the greatest common divisor of integers, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor gcd_(Tensor other) { return Copying.writeBack(this, old -> old.gcd(other), other); }

    /**
     * Least common multiple (integers). PyTorch: {@code torch.Tensor.lcm}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor lcm(Tensor other) { return Composites.lcm(this, other); }

    /**
     * {@code x.lcm_(other)}: the least common multiple of integers, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor lcm_(Tensor other) { return Copying.writeBack(this, old -> old.lcm(other), other); }

    // ---------------------------------------------------------------- tensorgaps: scatter/index reductions, mode, nanmedian, random fills

    /**
     * A copy with src combined into the positions index names along dim by reduce (sum, prod, mean, amax, amin), self
     * included.
     * PyTorch: {@code torch.Tensor.scatter_reduce}.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index int64 positions along dim, one per scattered value; index's sizes may not exceed this tensor's
     *     outside dim
     * @param src the values to scatter, at least as large as index in every dim
     * @param reduce how values meeting at one position combine: {@code "sum"}, {@code "prod"}, {@code "mean"}, {@code
     *     "amax"} or {@code "amin"}
     * @return a copy of this tensor with the reduced values at the indexed positions
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor scatterReduce(int dim, Tensor index, Tensor src, String reduce) { return scatterReduce(dim, index, src, reduce, true); }

    /**
     * As scatterReduce; without includeSelf, a scattered-to position starts from the reduction's identity, not self's
     * value.
     * PyTorch: {@code torch.Tensor.scatter_reduce}.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index int64 positions along dim, one per scattered value; index's sizes may not exceed this tensor's
     *     outside dim
     * @param src the values to scatter, at least as large as index in every dim
     * @param reduce how values meeting at one position combine: {@code "sum"}, {@code "prod"}, {@code "mean"}, {@code
     *     "amax"} or {@code "amin"}
     * @param includeSelf whether this tensor's values at the written positions take part in the reduction
     * @return a copy of this tensor with the reduced values at the indexed positions
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor scatterReduce(int dim, Tensor index, Tensor src, String reduce, boolean includeSelf) {
        return ScatterReductions.scatterReduce(this, dim, index, src, reduce, includeSelf);
    }

    /**
     * {@code x.scatter_reduce_(dim, index, src, reduce)}: a copy with src reduced into the positions at index along
     * dim ("sum", "prod", "mean", "amax", "amin"), in place; returns this.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index int64 positions along dim, one per scattered value; index's sizes may not exceed this tensor's
     *     outside dim
     * @param src the values to scatter, at least as large as index in every dim
     * @param reduce how values meeting at one position combine: {@code "sum"}, {@code "prod"}, {@code "mean"}, {@code
     *     "amax"} or {@code "amin"}
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor scatterReduce_(int dim, Tensor index, Tensor src, String reduce) { return scatterReduce_(dim, index, src, reduce, true); }

    /**
     * {@code x.scatter_reduce_(dim, index, src, reduce, include_self)}: a copy with src reduced into the positions at
     * index along dim ("sum", "prod", "mean", "amax", "amin"), in place; returns this.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index int64 positions along dim, one per scattered value; index's sizes may not exceed this tensor's
     *     outside dim
     * @param src the values to scatter, at least as large as index in every dim
     * @param reduce how values meeting at one position combine: {@code "sum"}, {@code "prod"}, {@code "mean"}, {@code
     *     "amax"} or {@code "amin"}
     * @param includeSelf whether this tensor's values at the written positions take part in the reduction
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor scatterReduce_(int dim, Tensor index, Tensor src, String reduce, boolean includeSelf) {
        return Copying.writeBack(this, old -> old.scatterReduce(dim, index, src, reduce, includeSelf), src);
    }

    /**
     * A copy with source's slices combined into the slices index names along dim by reduce (prod, mean, amax, amin).
     * PyTorch: {@code torch.Tensor.index_reduce}.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index a 1-D int64 tensor of positions along dim, one per slice of source
     * @param source the values to write: this tensor's shape with dim's size replaced by index's length
     * @param reduce how values meeting at one position combine: {@code "sum"}, {@code "prod"}, {@code "mean"}, {@code
     *     "amax"} or {@code "amin"}
     * @return a copy of this tensor with the indexed slices reduced
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor indexReduce(int dim, Tensor index, Tensor source, String reduce) { return indexReduce(dim, index, source, reduce, true); }

    /**
     * {@code x.index_reduce(dim, index, source, reduce, include_self)}: reduces source into the rows (along dim)
     * given by index ("prod", "mean", "amax", "amin").
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index a 1-D int64 tensor of positions along dim, one per slice of source
     * @param source the values to write: this tensor's shape with dim's size replaced by index's length
     * @param reduce how values meeting at one position combine: {@code "sum"}, {@code "prod"}, {@code "mean"}, {@code
     *     "amax"} or {@code "amin"}
     * @param includeSelf whether this tensor's values at the written positions take part in the reduction
     * @return a copy of this tensor with the indexed slices reduced
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor indexReduce(int dim, Tensor index, Tensor source, String reduce, boolean includeSelf) {
        return ScatterReductions.indexReduce(this, dim, index, source, reduce, includeSelf);
    }

    /**
     * {@code x.index_reduce_(dim, index, source, reduce)}: reduces source into the rows (along dim) given by index
     * ("prod", "mean", "amax", "amin"), in place; returns this.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index a 1-D int64 tensor of positions along dim, one per slice of source
     * @param source the values to write: this tensor's shape with dim's size replaced by index's length
     * @param reduce how values meeting at one position combine: {@code "sum"}, {@code "prod"}, {@code "mean"}, {@code
     *     "amax"} or {@code "amin"}
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor indexReduce_(int dim, Tensor index, Tensor source, String reduce) { return indexReduce_(dim, index, source, reduce, true); }

    /**
     * {@code x.index_reduce_(dim, index, source, reduce, include_self)}: reduces source into the rows (along dim)
     * given by index ("prod", "mean", "amax", "amin"), in place; returns this.
     *
     * @param dim the dim to index along, negative counting from the end
     * @param index a 1-D int64 tensor of positions along dim, one per slice of source
     * @param source the values to write: this tensor's shape with dim's size replaced by index's length
     * @param reduce how values meeting at one position combine: {@code "sum"}, {@code "prod"}, {@code "mean"}, {@code
     *     "amax"} or {@code "amin"}
     * @param includeSelf whether this tensor's values at the written positions take part in the reduction
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range, or the result does not fit this tensor's shape or
     *     dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor indexReduce_(int dim, Tensor index, Tensor source, String reduce, boolean includeSelf) {
        return Copying.writeBack(this, old -> old.indexReduce(dim, index, source, reduce, includeSelf), source);
    }

    /**
     * The most frequent value along the last dim (the smallest on ties) and a position of it.
     * PyTorch: {@code torch.Tensor.mode}.
     *
     * @return values and int64 indices of the reduced shape
     */
    public ValuesIndices mode() { return mode(-1, false); }

    /**
     * {@code x.mode(dim)}: the most frequent value along dim and its index.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return values and int64 indices of the reduced shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices mode(int dim) { return mode(dim, false); }

    /**
     * {@code x.mode(dim, keepdim)}: the most frequent value along dim and its index.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return values and int64 indices of the reduced shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices mode(int dim, boolean keepdim) { return Modes.mode(this, dim, keepdim); }

    /**
     * The lower median of the elements that are not NaN. PyTorch: {@code torch.Tensor.nanmedian}.
     *
     * @return a 0-dim tensor: the lower of the two middle non-NaN values for an even count
     */
    public Tensor nanmedian() { return Modes.nanmedian(this); }

    /**
     * {@code x.nanmedian(dim)}: the median ignoring NaN.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return values and int64 indices of the reduced shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices nanmedian(int dim) { return nanmedian(dim, false); }

    /**
     * {@code x.nanmedian(dim, keepdim)}: the median ignoring NaN.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @param keepdim whether the result keeps the reduced dims as size 1
     * @return values and int64 indices of the reduced shape
     * @throws IllegalArgumentException if a dim is out of range
     */
    public ValuesIndices nanmedian(int dim, boolean keepdim) { return Modes.nanmedian(this, dim, keepdim); }

    /**
     * Fills with Cauchy draws (PyTorch's CPU stream for the same seed). PyTorch: {@code torch.Tensor.cauchy_}.
     *
     * @return this tensor
     */
    public Tensor cauchy_() { return cauchy_(0.0, 1.0); }

    /**
     * {@code x.cauchy_(median, sigma)}: fills with Cauchy draws of median and sigma; returns this.
     *
     * @param median the location (median)
     * @param sigma the scale, above 0
     * @return this tensor
     */
    public Tensor cauchy_(double median, double sigma) { return cauchy_(median, sigma, Generator.defaultGenerator()); }

    /**
     * {@code x.cauchy_(median, sigma, generator)}: fills with Cauchy draws of median and sigma; returns this.
     *
     * @param median the location (median)
     * @param sigma the scale, above 0
     * @param generator the random number generator to draw from
     * @return this tensor
     */
    public Tensor cauchy_(double median, double sigma, Generator generator) { return RandomFills.cauchy_(this, median, sigma, generator); }

    /**
     * Fills with exp(N(mean, std)) draws. PyTorch: {@code torch.Tensor.log_normal_}.
     *
     * @return this tensor
     */
    public Tensor logNormal_() { return logNormal_(1.0, 2.0); }

    /**
     * {@code x.log_normal_(mean, std)}: fills with log-normal draws; returns this.
     *
     * @param mean the mean of the underlying normal
     * @param std the standard deviation of the underlying normal, at least 0
     * @return this tensor
     */
    public Tensor logNormal_(double mean, double std) { return logNormal_(mean, std, Generator.defaultGenerator()); }

    /**
     * {@code x.log_normal_(mean, std, generator)}: fills with log-normal draws; returns this.
     *
     * @param mean the mean of the underlying normal
     * @param std the standard deviation of the underlying normal, at least 0
     * @param generator the random number generator to draw from
     * @return this tensor
     */
    public Tensor logNormal_(double mean, double std, Generator generator) { return RandomFills.logNormal_(this, mean, std, generator); }

    /**
     * Fills with the number of Bernoulli(p) trials up to the first success. PyTorch: {@code torch.Tensor.geometric_}.
     *
     * @param p the success probability of each trial, in (0, 1)
     * @return this tensor
     */
    public Tensor geometric_(double p) { return geometric_(p, Generator.defaultGenerator()); }

    /**
     * {@code x.geometric_(p, generator)}: fills with geometric draws of success probability p; returns this.
     *
     * @param p the success probability of each trial, in (0, 1)
     * @param generator the random number generator to draw from
     * @return this tensor
     */
    public Tensor geometric_(double p, Generator generator) { return RandomFills.geometric_(this, p, generator); }

    /**
     * Fills with 1 with probability p[i] (p broadcast to this tensor), else 0.
     * PyTorch: {@code torch.Tensor.bernoulli_}.
     *
     * @param p the probabilities of drawing 1, in [0, 1], {@linkplain Tensor##broadcasting broadcast} to this tensor's
     *     shape
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor bernoulli_(Tensor p) { return bernoulli_(p, Generator.defaultGenerator()); }

    /**
     * {@code x.bernoulli_(p, generator)}: 0/1 draws, 1 with probability this (or p), in place; returns this.
     *
     * @param p the probabilities of drawing 1, in [0, 1], {@linkplain Tensor##broadcasting broadcast} to this tensor's
     *     shape
     * @param generator the random number generator to draw from
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor bernoulli_(Tensor p, Generator generator) { return RandomFills.bernoulli_(this, p, generator); }

    /**
     * A 0/1 sample with this tensor's elements as the probabilities of 1. PyTorch: {@code torch.Tensor.bernoulli}.
     *
     * @return a new tensor of 0s and 1s of this tensor's shape and dtype
     */
    public Tensor bernoulli() { return bernoulli(Generator.defaultGenerator()); }

    /**
     * {@code x.bernoulli(generator)}: 0/1 draws, 1 with probability this (or p).
     *
     * @param generator the random number generator to draw from
     * @return a new tensor of 0s and 1s of this tensor's shape and dtype
     */
    public Tensor bernoulli(Generator generator) { return RandomFills.bernoulli(this, generator); }

    // ---------------------------------------------------------------- tensorgaps: float decomposition, Bessel and incomplete gamma

    /**
     * The modified Bessel function of the first kind of order 0 (Cephes' Chebyshev expansions, as ATen).
     * PyTorch: {@code torch.Tensor.i0}.
     *
     * @return a new floating tensor of this tensor's shape (float32 for integral and bool input)
     */
    public Tensor i0() { return Elementwise.unary(UnaryOp.I0, this); }

    /**
     * {@code x.i0_()}: the modified Bessel function of the first kind, order 0, in place; returns this.
     *
     * @return this tensor
     * @throws IllegalArgumentException if the result does not fit this tensor's shape or dtype ({@linkplain
     *     Tensor##inplace in-place ops})
     */
    public Tensor i0_() { return Elementwise.unary_(UnaryOp.I0, this); }

    /**
     * This = mantissa * 2^exponent: the mantissa in [0.5, 1) and the int32 exponent.
     * PyTorch: {@code torch.Tensor.frexp}.
     *
     * @return the mantissas (this dtype) and the int32 exponents, both of this tensor's shape
     */
    public java.util.List<Tensor> frexp() { return FloatDecomposition.frexp(this); }

    /**
     * The next representable value after each element towards other. PyTorch: {@code torch.Tensor.nextafter}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor nextafter(Tensor other) { return FloatDecomposition.nextafter(this, other); }

    /**
     * {@code x.nextafter_(other)}: the next representable value after this towards other, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor nextafter_(Tensor other) { return Copying.writeBack(this, old -> old.nextafter(other), other); }

    /**
     * The regularized lower incomplete gamma function P(this, other). PyTorch: {@code torch.Tensor.igamma}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor igamma(Tensor other) { return FloatDecomposition.igamma(this, other); }

    /**
     * {@code x.igamma_(other)}: the regularized lower incomplete gamma function, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor igamma_(Tensor other) { return Copying.writeBack(this, old -> old.igamma(other), other); }

    /**
     * The regularized upper incomplete gamma function Q(this, other). PyTorch: {@code torch.Tensor.igammac}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor igammac(Tensor other) { return FloatDecomposition.igammac(this, other); }

    /**
     * {@code x.igammac_(other)}: the regularized upper incomplete gamma function, in place; returns this.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return this tensor
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}, or the result
     *     does not fit this tensor's shape or dtype ({@linkplain Tensor##inplace in-place ops})
     */
    public Tensor igammac_(Tensor other) { return Copying.writeBack(this, old -> old.igammac(other), other); }

    // ---------------------------------------------------------------- tensorgaps: as_strided and the in-place view ops

    /**
     * A view with any sizes and strides over this tensor's storage from storageOffset (checked against the storage's
     * size).
     * PyTorch: {@code torch.Tensor.as_strided}.
     *
     * @param size the view's shape
     * @param stride the view's strides, one per dim, in elements
     * @return a view of this tensor
     */
    public Tensor asStrided(long[] size, long[] stride) { return asStrided(size, stride, storageOffset()); }

    /**
     * {@code x.as_strided(size, stride, storage_offset)}: a view with the given sizes, strides and storage offset (no
     * checks beyond the storage bounds).
     *
     * @param size the view's shape
     * @param stride the view's strides, one per dim, in elements
     * @param storageOffset the view's first element in the storage (this tensor's own offset when omitted)
     * @return a view of this tensor
     */
    public Tensor asStrided(long[] size, long[] stride, long storageOffset) { return StridedViews.asStrided(this, size, stride, storageOffset); }

    /**
     * This tensor becomes its own transpose (&lt;= 2 dims). PyTorch: {@code torch.Tensor.t_}.
     *
     * @return this tensor
     */
    public Tensor t_() { return StridedViews.t_(this); }

    /**
     * This tensor's dims dim0 and dim1 swap places. PyTorch: {@code torch.Tensor.transpose_}.
     *
     * @param dim0 the first dim, negative counting from the end
     * @param dim1 the second dim, negative counting from the end
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor transpose_(int dim0, int dim1) { return StridedViews.transpose_(this, dim0, dim1); }

    /**
     * {@code x.swapaxes_(axis0, axis1)}: an alias of transpose, in place; returns this.
     *
     * @param axis0 the first dim, negative counting from the end
     * @param axis1 the second dim, negative counting from the end
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor swapaxes_(int axis0, int axis1) { return transpose_(axis0, axis1); }

    /**
     * {@code x.swapdims_(dim0, dim1)}: an alias of transpose, in place; returns this.
     *
     * @param dim0 the first dim, negative counting from the end
     * @param dim1 the second dim, negative counting from the end
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor swapdims_(int dim0, int dim1) { return transpose_(dim0, dim1); }

    /**
     * This tensor takes the given sizes, strides and storage offset (as_strided in place).
     * PyTorch: {@code torch.Tensor.as_strided_}.
     *
     * @param size the view's shape
     * @param stride the view's strides, one per dim, in elements
     * @param storageOffset the view's first element in the storage (this tensor's own offset when omitted)
     * @return this tensor
     */
    public Tensor asStrided_(long[] size, long[] stride, long storageOffset) { return StridedViews.asStrided_(this, size, stride, storageOffset); }

    /**
     * {@code x.as_strided_(size, stride)}: a view with the given sizes, strides and storage offset (no checks beyond
     * the storage bounds), in place; returns this.
     *
     * @param size the view's shape
     * @param stride the view's strides, one per dim, in elements
     * @return this tensor
     */
    public Tensor asStrided_(long[] size, long[] stride) { return asStrided_(size, stride, storageOffset()); }

    /**
     * This tensor loses its size-1 dims. PyTorch: {@code torch.Tensor.squeeze_}.
     *
     * @return this tensor
     */
    public Tensor squeeze_() { return StridedViews.squeeze_(this); }

    /**
     * {@code x.squeeze_(dim)}: a view without the dims of size 1 (or without dim, when it has size 1), in place;
     * returns this.
     *
     * @param dim the dim, negative counting from the end
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor squeeze_(int dim) { return StridedViews.squeeze_(this, dim); }

    /**
     * This tensor gains a size-1 dim at dim. PyTorch: {@code torch.Tensor.unsqueeze_}.
     *
     * @param dim the dim, negative counting from the end
     * @return this tensor
     * @throws IllegalArgumentException if a dim is out of range
     */
    public Tensor unsqueeze_(int dim) { return StridedViews.unsqueeze_(this, dim); }

    // ---------------------------------------------------------------- Kotlin/Groovy operator aliases

    /**
     * Kotlin's operator form of add. PyTorch: {@code x + other}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor plus(Tensor other) { return add(other); }

    /**
     * Kotlin's operator form of add (other a Python number). PyTorch: {@code x + other}.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor plus(double other) { return add(other); }

    /**
     * Kotlin's operator form of sub. PyTorch: {@code x - other}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor minus(Tensor other) { return sub(other); }

    /**
     * Kotlin's operator form of sub (other a Python number). PyTorch: {@code x - other}.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor minus(double other) { return sub(other); }

    /**
     * Kotlin's operator form of mul. PyTorch: {@code x * other}.
     *
     * @param other the second operand, {@linkplain Tensor##broadcasting broadcast} with this tensor
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not {@linkplain Tensor##broadcasting broadcast}
     */
    public Tensor times(Tensor other) { return mul(other); }

    /**
     * Kotlin's operator form of mul (other a Python number). PyTorch: {@code x * other}.
     *
     * @param other the second operand, a Java number (promotes as a Python scalar: see {@linkplain Tensor##promotion
     *     type promotion})
     * @return a new tensor of this tensor's shape and the promoted dtype
     */
    public Tensor times(double other) { return mul(other); }

    /**
     * Kotlin's operator form of neg. PyTorch: {@code -x}.
     *
     * @return a new tensor of this tensor's shape
     */
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
