package dev.jgrad;

import dev.jgrad.autograd.GradMode;
import dev.jgrad.backend.BinaryOp;
import dev.jgrad.backend.Storage;
import dev.jgrad.backend.UnaryOp;
import dev.jgrad.backend.cpu.Parallel;
import dev.jgrad.internal.TensorInternals;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Scalar;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.internal.ops.LinearAlgebra;
import dev.jgrad.internal.ops.Reshaping;
import dev.jgrad.internal.ops.Convolution;
import dev.jgrad.internal.ops.Creation;
import dev.jgrad.internal.ops.Diagonals;
import dev.jgrad.internal.ops.Dispatch;
import dev.jgrad.internal.ops.Elementwise;
import dev.jgrad.internal.ops.Gathering;
import dev.jgrad.internal.ops.Joining;
import dev.jgrad.internal.ops.Losses;
import dev.jgrad.internal.ops.Normalization;
import dev.jgrad.internal.ops.Rearranging;
import dev.jgrad.internal.ops.Statistics;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The {@code torch.*} namespace: factories and the static forms of ops. Use with
 * {@code import static dev.jgrad.Torch.*;}.
 *
 * <p>Shapes are varargs at the end ({@code zeros(2, 3)}); a dtype, when given, comes first
 * ({@code zeros(DType.INT64, 4, 3)}).
 */
public final class Torch extends FunctionForms {
    private Torch() {}

    // ---------------------------------------------------------------- from data

    /**
     * A tensor copied from nested Java arrays or Lists. Floating data gives float32, integral data int64,
     * booleans bool: {@code tensor(new double[][]{{1, 2}, {3, 4}})}.
     *
     * <p>PyTorch: {@code torch.tensor}.
     *
     * @param data a number, a (nested) Java array or List of numbers or booleans, rectangular
     * @return a new tensor of the data's nested shape
     * @throws IllegalArgumentException if the nesting is ragged ("expected sequence of length 2 at dim 1 (got 1)") or
     *     holds something that is not a number or boolean
     */
    public static Tensor tensor(Object data) { return Creation.tensor(data, null); }

    /**
     * {@code torch.tensor(data, dtype)}: a new tensor holding a copy of the data (floating data gives the default
     * dtype, integral data int64).
     *
     * @param data a number, a (nested) Java array or List of numbers or booleans, rectangular
     * @param dtype the dtype of the result (null: inferred from the data)
     * @return a new tensor of the data's nested shape
     * @throws IllegalArgumentException if the nesting is ragged ("expected sequence of length 2 at dim 1 (got 1)") or
     *     holds something that is not a number or boolean
     */
    public static Tensor tensor(Object data, DType dtype) { return Creation.tensor(data, dtype); }

    /**
     * {@code tensor(1.5, 2.5)}: a float32 vector.
     *
     * <p>PyTorch: {@code torch.tensor}.
     *
     * @param data the values
     * @return a new 1-d float32 tensor
     */
    public static Tensor tensor(double... data) { return Creation.tensor(data, null); }

    /**
     * {@code tensor(1, 2, 3)}: an int64 vector.
     *
     * <p>PyTorch: {@code torch.tensor}.
     *
     * @param data the values
     * @return a new 1-d int64 tensor
     */
    public static Tensor tensor(long... data) { return Creation.tensor(data, null); }

    /**
     * {@code torch.tensor(data)}: a new tensor holding a copy of the data (floating data gives the default dtype,
     * integral data int64).
     *
     * @param data the values
     * @return a new 1-d bool tensor
     */
    public static Tensor tensor(boolean... data) { return Creation.tensor(data, null); }

    /**
     * A 0-dim float32 tensor.
     *
     * <p>PyTorch: {@code torch.scalar_tensor}.
     *
     * @param value the value
     * @return a new 0-dim tensor
     */
    public static Tensor scalarTensor(double value) { return Creation.tensor(new double[] {value}, null).reshape(); }

    /**
     * {@code torch.scalar_tensor(value, dtype)}: a 0-dim tensor holding value (value a Python number).
     *
     * @param value the value
     * @param dtype the dtype of the result
     * @return a new 0-dim tensor
     */
    public static Tensor scalarTensor(double value, DType dtype) { return Creation.tensor(new double[] {value}, dtype).reshape(); }

    /**
     * A 0-dim int64 tensor.
     *
     * <p>PyTorch: {@code torch.scalar_tensor}.
     *
     * @param value the value
     * @return a new 0-dim tensor
     */
    public static Tensor scalarTensor(long value) { return Creation.tensor(new long[] {value}, null).reshape(); }

    /**
     * {@code torch.scalar_tensor(value)}: a 0-dim tensor holding value.
     *
     * @param value the value
     * @return a new 0-dim tensor
     */
    public static Tensor scalarTensor(boolean value) { return Creation.tensor(new boolean[] {value}, null).reshape(); }

    // ---------------------------------------------------------------- the array bridge (shared memory)

    /**
     * A tensor over data itself: writes to either show in both. Shape defaults to data's length.
     *
     * <p>PyTorch: {@code torch.from_numpy}.
     *
     * @param data the array to share (not copied)
     * @param shape the shape (none: data's length; one -1 is inferred)
     * @return a tensor sharing data as its storage
     * @throws IllegalArgumentException if the shape does not hold data.length elements ("shape '[2, 3]' is invalid for
     *     input of size 5")
     */
    public static Tensor fromArray(float[] data, long... shape) { return bridge(Dispatch.host(data), shape); }

    /**
     * {@code torch.from_array(data, shape)}: a tensor that shares the Java array (writes show on both sides), with
     * the given shape.
     *
     * <p>PyTorch: {@code torch.from_numpy}.
     *
     * @param data the array to share (not copied)
     * @param shape the shape (none: data's length; one -1 is inferred)
     * @return a tensor sharing data as its storage
     * @throws IllegalArgumentException if the shape does not hold data.length elements ("shape '[2, 3]' is invalid for
     *     input of size 5")
     */
    public static Tensor fromArray(double[] data, long... shape) { return bridge(Dispatch.host(data), shape); }

    /**
     * {@code torch.from_array(data, shape)}: a tensor that shares the Java array (writes show on both sides), with
     * the given shape.
     *
     * <p>PyTorch: {@code torch.from_numpy}.
     *
     * @param data the array to share (not copied)
     * @param shape the shape (none: data's length; one -1 is inferred)
     * @return a tensor sharing data as its storage
     * @throws IllegalArgumentException if the shape does not hold data.length elements ("shape '[2, 3]' is invalid for
     *     input of size 5")
     */
    public static Tensor fromArray(long[] data, long... shape) { return bridge(Dispatch.host(data), shape); }

    /**
     * {@code torch.from_array(data, shape)}: a tensor that shares the Java array (writes show on both sides), with
     * the given shape.
     *
     * <p>PyTorch: {@code torch.from_numpy}.
     *
     * @param data the array to share (not copied)
     * @param shape the shape (none: data's length; one -1 is inferred)
     * @return a tensor sharing data as its storage
     * @throws IllegalArgumentException if the shape does not hold data.length elements ("shape '[2, 3]' is invalid for
     *     input of size 5")
     */
    public static Tensor fromArray(int[] data, long... shape) { return bridge(Dispatch.host(data), shape); }

    /**
     * {@code torch.from_array(data, shape)}: a tensor that shares the Java array (writes show on both sides), with
     * the given shape.
     *
     * <p>PyTorch: {@code torch.from_numpy}.
     *
     * @param data the array to share (not copied)
     * @param shape the shape (none: data's length; one -1 is inferred)
     * @return a tensor sharing data as its storage
     * @throws IllegalArgumentException if the shape does not hold data.length elements ("shape '[2, 3]' is invalid for
     *     input of size 5")
     */
    public static Tensor fromArray(boolean[] data, long... shape) { return bridge(Dispatch.host(data), shape); }

    private static Tensor bridge(Storage s, long[] shape) {
        long[] dims = shape == null || shape.length == 0 ? new long[] {s.size()} : shape;
        int[] sh = Shapes.inferSize(dims, s.size());
        return TensorInternals.contiguousOf(s, sh);
    }

    // ---------------------------------------------------------------- constant fills

    // ---------------------------------------------------------------- factories with options (dtype, device, requires_grad)

    /**
     * Options with nothing set, to chain: {@code options().dtype(DType.FLOAT64).requiresGrad(true)}.
     *
     * @return the default options, nothing set
     */
    public static TensorOptions options() { return TensorOptions.DEFAULT; }

    /**
     * {@code torch.zeros(o, size)}: a tensor of zeros of the given shape.
     *
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape, with o's dtype (float32 when unset) and device, requiring grad when o says so
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor zeros(TensorOptions o, long... size) { return o.finish(zeros(o.dtypeOr(DType.FLOAT32), o.deviceOr(), size)); }

    /**
     * {@code torch.ones(o, size)}: a tensor of ones of the given shape.
     *
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape, with o's dtype (float32 when unset) and device, requiring grad when o says so
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor ones(TensorOptions o, long... size) { return o.finish(ones(o.dtypeOr(DType.FLOAT32), o.deviceOr(), size)); }

    /**
     * {@code torch.empty(o, size)}: a tensor of the given shape, zero-filled (the JVM clears memory).
     *
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape, with o's dtype (float32 when unset) and device, requiring grad when o says so
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor empty(TensorOptions o, long... size) { return o.finish(empty(o.dtypeOr(DType.FLOAT32), o.deviceOr(), size)); }

    /**
     * {@code torch.rand(o, size)}: a tensor of uniform draws from [0, 1) (PyTorch's numbers for the seed).
     *
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape, with o's dtype (float32 when unset) and device, requiring grad when o says so
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     * @throws IllegalArgumentException for a dtype that is not floating ("\"check_uniform_bounds\" not implemented for
     *     'Long'")
     */
    public static Tensor rand(TensorOptions o, long... size) { return o.finish(rand(o.dtypeOr(DType.FLOAT32), o.deviceOr(), size)); }

    /**
     * {@code torch.randn(o, size)}: a tensor of standard normal draws (PyTorch's numbers for the seed).
     *
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape, with o's dtype (float32 when unset) and device, requiring grad when o says so
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     * @throws IllegalArgumentException for a dtype that is not floating ("\"normal_kernel_cpu\" not implemented for
     *     'Long'")
     */
    public static Tensor randn(TensorOptions o, long... size) { return o.finish(randn(o.dtypeOr(DType.FLOAT32), o.deviceOr(), size)); }

    /**
     * {@code torch.full(size, value, o)}: a tensor of the given shape filled with value (value a Python number).
     *
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @param value the fill value
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @return a new tensor of that shape
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor full(long[] size, double value, TensorOptions o) { return o.finish(full(size, value, o.dtypeOr(DType.FLOAT32), o.deviceOr())); }

    /**
     * {@code torch.tensor(data, dtype=, requires_grad=)}: the dtype is inferred from data unless set.
     *
     * @param data a number, a (nested) Java array or List of numbers or booleans, rectangular
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @return a new tensor of the data's nested shape
     * @throws IllegalArgumentException if the nesting is ragged ("expected sequence of length 2 at dim 1 (got 1)") or
     *     holds something that is not a number or boolean
     */
    public static Tensor tensor(Object data, TensorOptions o) { return o.finish(Creation.tensor(data, o.dtype())); }

    /**
     * {@code torch.arange(start, end, step, o)}: the values from start (0) up to end, exclusive, in steps (int64 for
     * integer arguments, else the default dtype).
     *
     * @param start the first value
     * @param end the end value
     * @param step the gap between values (non-zero)
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @return a new 1-d tensor of ceil((end - start) / step) values
     * @throws IllegalArgumentException if step is 0 ("step must be nonzero") or its sign goes away from end ("upper
     *     bound and larger bound inconsistent with step sign")
     */
    public static Tensor arange(double start, double end, double step, TensorOptions o) {
        return o.finish(Creation.arange(start, end, step, o.dtypeOr(DType.FLOAT32)));
    }

    /**
     * {@code torch.linspace(start, end, steps, o)}: steps values evenly spaced from start to end, both included.
     *
     * @param start the first value
     * @param end the end value
     * @param steps the number of values, at least 0
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @return a new 1-d tensor of steps values
     * @throws IllegalArgumentException if steps is negative ("number of steps must be non-negative")
     */
    public static Tensor linspace(double start, double end, long steps, TensorOptions o) {
        return o.finish(Creation.linspace(start, end, steps, o.dtypeOr(DType.FLOAT32)));
    }

    /**
     * {@code torch.eye(n, o)}: an identity matrix (ones on the diagonal).
     *
     * @param n the number of rows
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @return a new n x n identity matrix with o's dtype and device
     * @throws IllegalArgumentException if n is negative ("n must be greater or equal to 0, got -1")
     */
    public static Tensor eye(long n, TensorOptions o) { return o.finish(Creation.eye(n, n, o.dtypeOr(DType.FLOAT32))); }

    /**
     * {@code torch.zeros(size)}: a tensor of zeros of the given shape.
     *
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor zeros(long... size) { return Creation.full(size, Scalar.of(0L), DType.FLOAT32); }

    /**
     * {@code torch.zeros(dtype, size)}: a tensor of zeros of the given shape.
     *
     * @param dtype the dtype of the result
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape and dtype
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor zeros(DType dtype, long... size) { return Creation.full(size, Scalar.of(0L), dtype); }

    /**
     * {@code torch.ones(size)}: a tensor of ones of the given shape.
     *
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor ones(long... size) { return Creation.full(size, Scalar.of(1L), DType.FLOAT32); }

    /**
     * {@code torch.ones(dtype, size)}: a tensor of ones of the given shape.
     *
     * @param dtype the dtype of the result
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape and dtype
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor ones(DType dtype, long... size) { return Creation.full(size, Scalar.of(1L), dtype); }

    /**
     * Uninitialised in PyTorch; zero-filled here (the JVM clears new arrays anyway).
     *
     * <p>PyTorch: {@code torch.empty}.
     *
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor empty(long... size) { return Creation.empty(size, DType.FLOAT32); }

    /**
     * {@code torch.empty(dtype, size)}: a tensor of the given shape, zero-filled (the JVM clears memory).
     *
     * @param dtype the dtype of the result
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape and dtype
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor empty(DType dtype, long... size) { return Creation.empty(size, dtype); }

    /**
     * Filled with value; a double fill gives float32, as {@code torch.full(size, 7.)}.
     *
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @param value the fill value
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor full(long[] size, double value) { return Creation.full(size, Scalar.of(value), null); }

    /**
     * An integral fill gives int64, as {@code torch.full(size, 7)}.
     *
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @param value the fill value
     * @return a new int64 tensor of that shape
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor full(long[] size, long value) { return Creation.full(size, Scalar.of(value), null); }

    /**
     * {@code torch.full(size, value)}: a tensor of the given shape filled with value.
     *
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @param value the fill value
     * @return a new bool tensor of that shape
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor full(long[] size, boolean value) { return Creation.full(size, Scalar.of(value), null); }

    /**
     * {@code torch.full(size, value, dtype)}: a tensor of the given shape filled with value (value a Python number).
     *
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @param value the fill value
     * @param dtype the dtype of the result
     * @return a new tensor of that shape
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor full(long[] size, double value, DType dtype) { return Creation.full(size, Scalar.of(value), dtype); }

    /**
     * {@code torch.zeros(*size, dtype=dtype, device=device)}, e.g. on {@link Device#META} for shapes without memory.
     *
     * @param dtype the dtype of the result
     * @param device the device to allocate on (Device.META allocates no memory)
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape and dtype on device
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor zeros(DType dtype, Device device, long... size) { return Creation.full(size, Scalar.of(0L), dtype, device); }

    /**
     * {@code torch.ones(dtype, device, size)}: a tensor of ones of the given shape.
     *
     * @param dtype the dtype of the result
     * @param device the device to allocate on (Device.META allocates no memory)
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape and dtype on device
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor ones(DType dtype, Device device, long... size) { return Creation.full(size, Scalar.of(1L), dtype, device); }

    /**
     * {@code torch.empty(dtype, device, size)}: a tensor of the given shape, zero-filled (the JVM clears memory).
     *
     * @param dtype the dtype of the result
     * @param device the device to allocate on (Device.META allocates no memory)
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape and dtype on device
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor empty(DType dtype, Device device, long... size) { return Creation.empty(size, dtype, device); }

    /**
     * {@code torch.full(size, value, dtype, device)}: a tensor of the given shape filled with value (value a Python
     * number).
     *
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @param value the fill value
     * @param dtype the dtype of the result
     * @param device the device to allocate on (Device.META allocates no memory)
     * @return a new tensor of that shape
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor full(long[] size, double value, DType dtype, Device device) { return Creation.full(size, Scalar.of(value), dtype, device); }

    /**
     * {@code torch.rand(dtype, device, size)}: a tensor of uniform draws from [0, 1) (PyTorch's numbers for the
     * seed).
     *
     * @param dtype the dtype of the result
     * @param device the device to allocate on (Device.META allocates no memory)
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape and dtype on device
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     * @throws IllegalArgumentException for a dtype that is not floating ("\"check_uniform_bounds\" not implemented for
     *     'Long'")
     */
    public static Tensor rand(DType dtype, Device device, long... size) {
        return Creation.rand(size, dtype, Generator.defaultGenerator(), device);
    }

    /**
     * {@code torch.randn(dtype, device, size)}: a tensor of standard normal draws (PyTorch's numbers for the seed).
     *
     * @param dtype the dtype of the result
     * @param device the device to allocate on (Device.META allocates no memory)
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape and dtype on device
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     * @throws IllegalArgumentException for a dtype that is not floating ("\"normal_kernel_cpu\" not implemented for
     *     'Long'")
     */
    public static Tensor randn(DType dtype, Device device, long... size) {
        return Creation.randn(size, dtype, Generator.defaultGenerator(), device);
    }

    /**
     * The {@code *Like} factories keep t's device, as PyTorch's do.
     *
     * <p>PyTorch: {@code torch.zeros_like}.
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @return a new tensor of t's shape, with t's dtype and device unless given
     */
    public static Tensor zerosLike(Tensor t) { return zeros(t.dtype(), t.device(), t.shape()); }

    /**
     * {@code torch.zeros_like(t, dtype)}: a tensor of zeros with input's shape, dtype and device.
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @param dtype the dtype of the result
     * @return a new tensor of t's shape, with t's dtype and device unless given
     */
    public static Tensor zerosLike(Tensor t, DType dtype) { return zeros(dtype, t.device(), t.shape()); }

    /**
     * {@code torch.ones_like(t)}: a tensor of ones with input's shape, dtype and device.
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @return a new tensor of t's shape, with t's dtype and device unless given
     */
    public static Tensor onesLike(Tensor t) { return ones(t.dtype(), t.device(), t.shape()); }

    /**
     * {@code torch.ones_like(t, dtype)}: a tensor of ones with input's shape, dtype and device.
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @param dtype the dtype of the result
     * @return a new tensor of t's shape, with t's dtype and device unless given
     */
    public static Tensor onesLike(Tensor t, DType dtype) { return ones(dtype, t.device(), t.shape()); }

    /**
     * {@code torch.empty_like(t)}: an empty (zero-filled) tensor with input's shape, dtype and device.
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @return a new tensor of t's shape, with t's dtype and device unless given
     */
    public static Tensor emptyLike(Tensor t) { return empty(t.dtype(), t.device(), t.shape()); }

    /**
     * {@code torch.full_like(t, value)}: a tensor with input's shape, dtype and device filled with value (value a
     * Python number).
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @param value the fill value
     * @return a new tensor of t's shape, with t's dtype and device unless given
     */
    public static Tensor fullLike(Tensor t, double value) { return Creation.full(t.shape(), Scalar.of(value), t.dtype(), t.device()); }

    /**
     * Uniform [0, 1) with t's shape and dtype (which must be floating).
     *
     * <p>PyTorch: {@code torch.rand_like}.
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @return a new tensor of t's shape, with t's dtype and device unless given
     * @throws IllegalArgumentException if the dtype is not floating ("\"check_uniform_bounds\" not implemented for
     *     'Long'")
     */
    public static Tensor randLike(Tensor t) { return rand(t.dtype(), t.device(), t.shape()); }

    /**
     * {@code torch.rand_like(t, dtype)}: uniform draws from [0, 1) with input's shape.
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @param dtype the dtype of the result
     * @return a new tensor of t's shape, with t's dtype and device unless given
     * @throws IllegalArgumentException if the dtype is not floating ("\"check_uniform_bounds\" not implemented for
     *     'Long'")
     */
    public static Tensor randLike(Tensor t, DType dtype) { return rand(dtype, t.device(), t.shape()); }

    /**
     * {@code torch.randn_like(t)}: standard normal draws with input's shape.
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @return a new tensor of t's shape, with t's dtype and device unless given
     * @throws IllegalArgumentException if the dtype is not floating ("\"normal_kernel_cpu\" not implemented for
     *     'Long'")
     */
    public static Tensor randnLike(Tensor t) { return randn(t.dtype(), t.device(), t.shape()); }

    /**
     * {@code torch.randn_like(t, dtype)}: standard normal draws with input's shape.
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @param dtype the dtype of the result
     * @return a new tensor of t's shape, with t's dtype and device unless given
     * @throws IllegalArgumentException if the dtype is not floating ("\"normal_kernel_cpu\" not implemented for
     *     'Long'")
     */
    public static Tensor randnLike(Tensor t, DType dtype) { return randn(dtype, t.device(), t.shape()); }

    /**
     * {@code torch.zeros_like(t, dtype=..., device=..., requires_grad=...)}: t's shape; dtype and device from o where set,
     * else t's. Also {@link #onesLike(Tensor, TensorOptions)}, {@link #emptyLike(Tensor, TensorOptions)},
     * {@link #fullLike(Tensor, double, TensorOptions)}, {@link #randLike(Tensor, TensorOptions)}, {@link #randnLike(Tensor, TensorOptions)}.
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @return a new tensor of t's shape, with t's dtype and device unless given
     */
    public static Tensor zerosLike(Tensor t, TensorOptions o) { return o.finish(zeros(o.dtypeOr(t.dtype()), likeDevice(t, o), t.shape())); }

    /**
     * {@code torch.ones_like} with options (see {@link #zerosLike(Tensor, TensorOptions)}).
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @return a new tensor of t's shape, with t's dtype and device unless given
     */
    public static Tensor onesLike(Tensor t, TensorOptions o) { return o.finish(ones(o.dtypeOr(t.dtype()), likeDevice(t, o), t.shape())); }

    /**
     * {@code torch.empty_like} with options (see {@link #zerosLike(Tensor, TensorOptions)}).
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @return a new tensor of t's shape, with t's dtype and device unless given
     */
    public static Tensor emptyLike(Tensor t, TensorOptions o) { return o.finish(empty(o.dtypeOr(t.dtype()), likeDevice(t, o), t.shape())); }

    /**
     * {@code torch.full_like} with options (see {@link #zerosLike(Tensor, TensorOptions)}).
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @param value the fill value
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @return a new tensor of t's shape, with t's dtype and device unless given
     */
    public static Tensor fullLike(Tensor t, double value, TensorOptions o) {
        return o.finish(Creation.full(t.shape(), Scalar.of(value), o.dtypeOr(t.dtype()), likeDevice(t, o)));
    }

    /**
     * {@code torch.rand_like} with options (see {@link #zerosLike(Tensor, TensorOptions)}).
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @return a new tensor of t's shape, with t's dtype and device unless given
     * @throws IllegalArgumentException if the dtype is not floating ("\"check_uniform_bounds\" not implemented for
     *     'Long'")
     */
    public static Tensor randLike(Tensor t, TensorOptions o) { return o.finish(rand(o.dtypeOr(t.dtype()), likeDevice(t, o), t.shape())); }

    /**
     * {@code torch.randn_like} with options (see {@link #zerosLike(Tensor, TensorOptions)}).
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @param o the options: dtype, device and requires_grad (unset ones take the defaults)
     * @return a new tensor of t's shape, with t's dtype and device unless given
     * @throws IllegalArgumentException if the dtype is not floating ("\"normal_kernel_cpu\" not implemented for
     *     'Long'")
     */
    public static Tensor randnLike(Tensor t, TensorOptions o) { return o.finish(randn(o.dtypeOr(t.dtype()), likeDevice(t, o), t.shape())); }

    private static Device likeDevice(Tensor t, TensorOptions o) { return o.device() == null ? t.device() : o.device(); }

    // ---------------------------------------------------------------- ranges

    /**
     * {@code arange(10)}: int64 0..9.
     *
     * <p>PyTorch: {@code torch.arange}.
     *
     * @param end the end value
     * @return a new 1-d int64 tensor 0, 1, ..., end - 1
     * @throws IllegalArgumentException if end is negative ("upper bound and larger bound inconsistent with step sign")
     */
    public static Tensor arange(long end) { return Creation.arange(0, end, 1); }

    /**
     * {@code torch.arange(start, end)}: the values from start (0) up to end, exclusive, in steps (int64 for integer
     * arguments, else the default dtype).
     *
     * @param start the first value
     * @param end the end value
     * @return a new 1-d int64 tensor
     * @throws IllegalArgumentException if end is below start ("upper bound and larger bound inconsistent with step
     *     sign")
     */
    public static Tensor arange(long start, long end) { return Creation.arange(start, end, 1); }

    /**
     * {@code torch.arange(start, end, step)}: the values from start (0) up to end, exclusive, in steps (int64 for
     * integer arguments, else the default dtype).
     *
     * @param start the first value
     * @param end the end value
     * @param step the gap between values (non-zero)
     * @return a new 1-d int64 tensor
     * @throws IllegalArgumentException if step is 0 ("step must be nonzero") or its sign goes away from end ("upper
     *     bound and larger bound inconsistent with step sign")
     */
    public static Tensor arange(long start, long end, long step) { return Creation.arange(start, end, step); }

    /**
     * {@code arange(5.0)}: float32.
     *
     * <p>PyTorch: {@code torch.arange}.
     *
     * @param end the end value
     * @return a new 1-d float32 tensor 0, 1, ..., below end
     * @throws IllegalArgumentException if end is negative ("upper bound and larger bound inconsistent with step sign")
     */
    public static Tensor arange(double end) { return Creation.arange(0, end, 1, DType.FLOAT32); }

    /**
     * {@code torch.arange(start, end)}: the values from start (0) up to end, exclusive, in steps (int64 for integer
     * arguments, else the default dtype).
     *
     * @param start the first value
     * @param end the end value
     * @return a new 1-d float32 tensor
     * @throws IllegalArgumentException if end is below start ("upper bound and larger bound inconsistent with step
     *     sign")
     */
    public static Tensor arange(double start, double end) { return Creation.arange(start, end, 1, DType.FLOAT32); }

    /**
     * {@code torch.arange(start, end, step)}: the values from start (0) up to end, exclusive, in steps (int64 for
     * integer arguments, else the default dtype).
     *
     * @param start the first value
     * @param end the end value
     * @param step the gap between values (non-zero)
     * @return a new 1-d tensor of ceil((end - start) / step) values
     * @throws IllegalArgumentException if step is 0 ("step must be nonzero") or its sign goes away from end ("upper
     *     bound and larger bound inconsistent with step sign")
     */
    public static Tensor arange(double start, double end, double step) { return Creation.arange(start, end, step, DType.FLOAT32); }

    /**
     * {@code torch.arange(start, end, step, dtype)}: the values from start (0) up to end, exclusive, in steps (int64
     * for integer arguments, else the default dtype).
     *
     * @param start the first value
     * @param end the end value
     * @param step the gap between values (non-zero)
     * @param dtype the dtype of the result
     * @return a new 1-d tensor of ceil((end - start) / step) values
     * @throws IllegalArgumentException if step is 0 ("step must be nonzero") or its sign goes away from end ("upper
     *     bound and larger bound inconsistent with step sign")
     */
    public static Tensor arange(double start, double end, double step, DType dtype) { return Creation.arange(start, end, step, dtype); }

    /**
     * {@code torch.linspace(start, end, steps)}: steps values evenly spaced from start to end, both included.
     *
     * @param start the first value
     * @param end the end value
     * @param steps the number of values, at least 0
     * @return a new 1-d tensor of steps values
     * @throws IllegalArgumentException if steps is negative ("number of steps must be non-negative")
     */
    public static Tensor linspace(double start, double end, long steps) { return Creation.linspace(start, end, steps, DType.FLOAT32); }

    /**
     * {@code torch.linspace(start, end, steps, dtype)}: steps values evenly spaced from start to end, both included.
     *
     * @param start the first value
     * @param end the end value
     * @param steps the number of values, at least 0
     * @param dtype the dtype of the result
     * @return a new 1-d tensor of steps values
     * @throws IllegalArgumentException if steps is negative ("number of steps must be non-negative")
     */
    public static Tensor linspace(double start, double end, long steps, DType dtype) { return Creation.linspace(start, end, steps, dtype); }

    /**
     * {@code torch.eye(n)}: an identity matrix (ones on the diagonal).
     *
     * @param n the number of rows
     * @return a new n x n float32 identity matrix
     * @throws IllegalArgumentException if n is negative ("n must be greater or equal to 0, got -1")
     */
    public static Tensor eye(long n) { return Creation.eye(n, n, DType.FLOAT32); }

    /**
     * {@code torch.eye(n, m)}: an identity matrix (ones on the diagonal).
     *
     * @param n the number of rows
     * @param m the number of columns
     * @return a new n x m float32 matrix with ones on the main diagonal
     * @throws IllegalArgumentException if n or m is negative ("n must be greater or equal to 0, got -1")
     */
    public static Tensor eye(long n, long m) { return Creation.eye(n, m, DType.FLOAT32); }

    /**
     * {@code torch.eye(dtype, n, m)}: an identity matrix (ones on the diagonal).
     *
     * @param dtype the dtype of the result
     * @param n the number of rows
     * @param m the number of columns
     * @return a new n x m matrix of that dtype with ones on the main diagonal
     * @throws IllegalArgumentException if n or m is negative ("n must be greater or equal to 0, got -1")
     */
    public static Tensor eye(DType dtype, long n, long m) { return Creation.eye(n, m, dtype); }

    // ---------------------------------------------------------------- random

    /**
     * Seeds the default generator, as {@code torch.manual_seed}: the same seed gives PyTorch's numbers.
     *
     * @param seed the seed
     * @return the default generator
     */
    public static Generator manualSeed(long seed) { return Generator.defaultGenerator().manualSeed(seed); }

    /**
     * {@code torch.get_rng_state()}: the default generator's state, PyTorch's 5056 bytes as a 1-D int32 tensor of
     * values 0..255 (jgrad has no uint8); {@link #setRngState} restores it, so a resumed run draws the same numbers.
     *
     * @return a 1-d int32 tensor of PyTorch's 5056 state bytes
     */
    public static Tensor getRngState() { return Generator.defaultGenerator().getStateTensor(); }

    /**
     * {@code torch.set_rng_state(state)}: restores the default generator from {@link #getRngState()}'s tensor.
     *
     * @param state a state from getRngState
     * @throws IllegalArgumentException if state is not a state from getRngState (e.g. "RNG state must be a
     *     torch.ByteTensor")
     */
    public static void setRngState(Tensor state) { Generator.defaultGenerator().setState(state); }

    /**
     * torch.set_printoptions: null leaves a setting as it is (after profile, which is "default", "short", "full" or
     * null); sciMode null lets each tensor choose, as PyTorch's None, and is always replaced.
     *
     * @param precision the digits after the point (null: unchanged)
     * @param threshold the element count above which a tensor is summarised (null: unchanged)
     * @param edgeitems the items shown at each end of a summarised dim (null: unchanged)
     * @param linewidth the characters per line (null: unchanged)
     * @param profile "default", "short" or "full", applied first (null: none)
     * @param sciMode true or false to force scientific notation on or off, null to let each tensor choose
     */
    public static void setPrintoptions(Integer precision, Long threshold, Integer edgeitems, Integer linewidth, String profile, Boolean sciMode) {
        dev.jgrad.internal.core.PrintOptions.set(precision, threshold, edgeitems, linewidth, profile, sciMode);
    }

    /**
     * torch.set_printoptions(profile=...): "default" restores PyTorch's defaults.
     *
     * @param profile "default", "short" or "full"
     */
    public static void setPrintoptions(String profile) { setPrintoptions(null, null, null, null, profile, null); }

    /**
     * {@code torch.rand(size)}: a tensor of uniform draws from [0, 1) (PyTorch's numbers for the seed).
     *
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor rand(long... size) { return Creation.rand(size, DType.FLOAT32, Generator.defaultGenerator(), Device.CPU); }

    /**
     * {@code torch.rand(dtype, size)}: a tensor of uniform draws from [0, 1) (PyTorch's numbers for the seed).
     *
     * @param dtype the dtype of the result
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape and dtype
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     * @throws IllegalArgumentException for a dtype that is not floating ("\"check_uniform_bounds\" not implemented for
     *     'Long'")
     */
    public static Tensor rand(DType dtype, long... size) { return Creation.rand(size, dtype, Generator.defaultGenerator(), Device.CPU); }

    /**
     * {@code torch.randn(size)}: a tensor of standard normal draws (PyTorch's numbers for the seed).
     *
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor randn(long... size) { return Creation.randn(size, DType.FLOAT32, Generator.defaultGenerator(), Device.CPU); }

    /**
     * {@code torch.randn(dtype, size)}: a tensor of standard normal draws (PyTorch's numbers for the seed).
     *
     * @param dtype the dtype of the result
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape and dtype
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     * @throws IllegalArgumentException for a dtype that is not floating ("\"normal_kernel_cpu\" not implemented for
     *     'Long'")
     */
    public static Tensor randn(DType dtype, long... size) { return Creation.randn(size, dtype, Generator.defaultGenerator(), Device.CPU); }

    /**
     * Integers in [low, high), int64.
     *
     * <p>PyTorch: {@code torch.randint}.
     *
     * @param low the smallest value
     * @param high one above the largest value
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new int64 tensor of that shape
     * @throws IllegalArgumentException if low &gt;= high ("random_ expects 'from' to be less than 'to', but got from=5
     *     &gt;= to=5")
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor randint(long low, long high, long... size) {
        return Creation.randint(low, high, size, DType.INT64, Generator.defaultGenerator(), Device.CPU);
    }

    /**
     * {@code torch.randint(dtype, low, high, size)}: a tensor of integers drawn uniformly from [low, high), int64 by
     * default.
     *
     * @param dtype the dtype of the result
     * @param low the smallest value
     * @param high one above the largest value
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new tensor of that shape and dtype
     * @throws IllegalArgumentException if low &gt;= high ("random_ expects 'from' to be less than 'to', but got from=5
     *     &gt;= to=5")
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor randint(DType dtype, long low, long high, long... size) {
        return Creation.randint(low, high, size, dtype, Generator.defaultGenerator(), Device.CPU);
    }

    /**
     * {@code torch.randperm(n)}: a random permutation of 0..n-1, int64. n is a long, as {@code x.size(0)} is;
     * a negative n raises PyTorch's negative-dimension error, one over a tensor's limit (2^31 - 17) the size error.
     *
     * @param n the number of values, at least 0
     * @return a new 1-d int64 tensor holding a permutation of 0..n-1
     * @throws IllegalArgumentException if a size is negative ("Trying to create tensor with negative dimension -1:
     *     [-1]")
     */
    public static Tensor randperm(long n) {
        return Torch.fromArray(Generator.defaultGenerator().randperm(Shapes.checkedShape(new long[] {n})[0]));
    }

    // ---------------------------------------------------------------- grad modes

    /**
     * {@code with torch.no_grad():} as try-with-resources: {@code try (var g = noGrad()) { ... }}. Per thread; restores
     * on close.
     *
     * @return a guard that restores the previous mode when closed
     */
    public static GradMode.Guard noGrad() { return GradMode.setEnabled(false); }

    /**
     * {@code torch.enable_grad()}.
     *
     * @return a guard that restores the previous mode when closed
     */
    public static GradMode.Guard enableGrad() { return GradMode.setEnabled(true); }

    /**
     * {@code torch.set_grad_enabled(mode)} as a scope.
     *
     * @param enabled true to record history, false not to
     * @return a guard that restores the previous mode when closed
     */
    public static GradMode.Guard setGradEnabled(boolean enabled) { return GradMode.setEnabled(enabled); }

    /**
     * {@code torch.is_grad_enabled()}: whether ops on this thread record history now.
     *
     * @return whether ops on this thread record history
     */
    public static boolean isGradEnabled() { return GradMode.isEnabled(); }

    /**
     * {@code torch.inference_mode()}: no recording, and results are inference tensors.
     *
     * @return a guard that restores the previous mode when closed
     */
    public static GradMode.Guard inferenceMode() { return GradMode.setInferenceMode(true); }

    /**
     * {@code torch.inference_mode()} as a scope: no recording and no version counting in this thread until closed.
     *
     * @param enabled true to enter inference mode, false to leave it
     * @return a guard that restores the previous mode when closed
     */
    public static GradMode.Guard inferenceMode(boolean enabled) { return GradMode.setInferenceMode(enabled); }

    /**
     * {@code torch.is_inference_mode_enabled()}: whether inference mode is on in this thread.
     *
     * @return whether this thread is in inference mode
     */
    public static boolean isInferenceModeEnabled() { return GradMode.isInferenceMode(); }

    /**
     * Runs body with grad disabled and returns its result (no_grad as a function wrapper).
     *
     * <p>PyTorch: {@code torch.no_grad}.
     *
     * @param <T> the type of body's result
     * @param body the code to run without recording
     * @return body's result
     */
    public static <T> T noGrad(Supplier<T> body) {
        try (var g = GradMode.setEnabled(false)) {
            return body.get();
        }
    }

    /**
     * {@code torch.no_grad()} as a scope: try (var g = noGrad()) stops recording in this thread; closing restores the
     * previous mode.
     *
     * @param body the code to run without recording
     */
    public static void noGrad(Runnable body) {
        try (var g = GradMode.setEnabled(false)) {
            body.run();
        }
    }

    /**
     * {@code @torch.no_grad()} on a one-argument function: returns the wrapped function.
     *
     * @param fn the function to wrap
     * @return a function that runs fn without recording
     */
    public static UnaryOperator<Tensor> noGrad(UnaryOperator<Tensor> fn) {
        return x -> noGrad(() -> fn.apply(x));
    }

    /**
     * {@code @torch.no_grad()} on a two-argument function.
     *
     * @param fn the function to wrap
     * @return a function that runs fn without recording
     */
    public static BinaryOperator<Tensor> noGrad(BinaryOperator<Tensor> fn) {
        return (x, y) -> noGrad(() -> fn.apply(x, y));
    }

    /**
     * {@code torch.enable_grad()} as a scope: try (var g = enableGrad()) turns recording back on in this thread;
     * closing restores the previous mode.
     *
     * @param <T> the type of body's result
     * @param body the code to run with recording
     * @return body's result
     */
    public static <T> T enableGrad(Supplier<T> body) {
        try (var g = GradMode.setEnabled(true)) {
            return body.get();
        }
    }

    /**
     * {@code torch.enable_grad()} as a scope: try (var g = enableGrad()) turns recording back on in this thread;
     * closing restores the previous mode.
     *
     * @param fn the function to wrap
     * @return a function that runs fn with recording
     */
    public static BinaryOperator<Tensor> enableGrad(BinaryOperator<Tensor> fn) {
        return (x, y) -> enableGrad(() -> fn.apply(x, y));
    }

    // ---------------------------------------------------------------- devices and threads

    /**
     * False: jgrad has no GPU backend on this machine.
     *
     * <p>PyTorch: {@code torch.cuda.is_available}.
     *
     * @return whether a CUDA backend is available (false on CPU-only machines)
     */
    public static boolean cudaIsAvailable() { return dev.jgrad.backend.Backends.available("cuda"); }

    /**
     * {@code torch.compile(fn)}: a one-tensor function traced once per input signature (shape, dtype, device,
     * requires_grad), its elementwise chains fused into generated kernels; see {@link dev.jgrad.compile.CompiledFunction}.
     *
     * @param fn the function to compile; it is called eagerly while tracing and when a guard falls back
     * @return a function with the same results as fn (within float32 tolerance), faster on fusable chains
     */
    public static UnaryOperator<Tensor> compile(UnaryOperator<Tensor> fn) { return dev.jgrad.compile.CompiledFunction.unary(fn, dev.jgrad.compile.CompileOptions.defaults()); }

    /**
     * {@code torch.compile(fn, fullgraph=..., disable=...)} for a one-tensor function.
     *
     * @param fn the function to compile
     * @param options fullgraph (raise instead of falling back to eager) and disable switches
     * @return the compiled function
     */
    public static UnaryOperator<Tensor> compile(UnaryOperator<Tensor> fn, dev.jgrad.compile.CompileOptions options) { return dev.jgrad.compile.CompiledFunction.unary(fn, options); }

    /**
     * {@code torch.compile(fn)} for a two-tensor function: {@code compile((Tensor a, Tensor b) -> a.mul(b).add(a.sin()))}.
     *
     * @param fn the function to compile
     * @return the compiled function
     */
    public static BinaryOperator<Tensor> compile(BinaryOperator<Tensor> fn) { return dev.jgrad.compile.CompiledFunction.binary(fn, dev.jgrad.compile.CompileOptions.defaults()); }

    /**
     * {@code torch.compile(fn, fullgraph=..., disable=...)} for a two-tensor function.
     *
     * @param fn the function to compile
     * @param options fullgraph (raise instead of falling back to eager) and disable switches
     * @return the compiled function
     */
    public static BinaryOperator<Tensor> compile(BinaryOperator<Tensor> fn, dev.jgrad.compile.CompileOptions options) { return dev.jgrad.compile.CompiledFunction.binary(fn, options); }

    /**
     * {@code torch.get_num_threads()}: the number of threads jgrad's CPU kernels use.
     *
     * @return the number of threads
     */
    public static int getNumThreads() { return Parallel.numThreads(); }

    /**
     * {@code torch.set_num_threads(n)}: sets the number of threads jgrad's CPU kernels use (and OpenBLAS's).
     *
     * @param n the number of threads, at least 1
     * @throws IllegalArgumentException if n is below 1 ("Number of threads must be positive, got 0")
     */
    public static void setNumThreads(int n) { Parallel.setNumThreads(n); }

    // ---------------------------------------------------------------- static forms of ops

    /**
     * {@code torch.add(a, b)}: a + b, broadcast and type-promoted.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor add(Tensor a, Tensor b) { return a.add(b); }

    /**
     * {@code torch.add(a, b)}: a + b, broadcast and type-promoted.
     *
     * @param a the first operand, any shape
     * @param b the number to add
     * @return a new tensor of a's shape, in a's dtype when floating (integer and bool a give float32, as with a Python
     *     float)
     */
    public static Tensor add(Tensor a, double b) { return a.add(b); }

    /**
     * {@code torch.add(a, b, alpha)}: a + alpha * b, broadcast and type-promoted.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @param alpha the multiplier of b
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor add(Tensor a, Tensor b, double alpha) { return a.add(b, alpha); }

    /**
     * {@code torch.add(a, b, out=out)}.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @param out the tensor the result is written into (resized to the result's shape when it differs); it must not
     *     require grad
     * @return out, holding the result
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     * @throws IllegalArgumentException if an argument requires grad ("...(): functions with out=... arguments don't
     *     support automatic differentiation, but one of the arguments requires grad.") or the result dtype cannot be cast
     *     to out's ("result type Float can't be cast to the desired output type Long")
     */
    public static Tensor add(Tensor a, Tensor b, Tensor out) { return Elementwise.binaryOut("add", BinaryOp.ADD, a, b, 1, out); }

    /**
     * {@code torch.sub(a, b)}: a - b, broadcast and type-promoted.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor sub(Tensor a, Tensor b) { return a.sub(b); }

    /**
     * {@code torch.sub(a, b, out)}: a - b, broadcast and type-promoted, written into out, which is returned.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @param out the tensor the result is written into (resized to the result's shape when it differs); it must not
     *     require grad
     * @return out, holding the result
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     * @throws IllegalArgumentException if an argument requires grad ("...(): functions with out=... arguments don't
     *     support automatic differentiation, but one of the arguments requires grad.") or the result dtype cannot be cast
     *     to out's ("result type Float can't be cast to the desired output type Long")
     */
    public static Tensor sub(Tensor a, Tensor b, Tensor out) { return Elementwise.binaryOut("sub", BinaryOp.SUB, a, b, 1, out); }

    /**
     * {@code torch.mul(a, b)}: a * b, broadcast and type-promoted.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor mul(Tensor a, Tensor b) { return a.mul(b); }

    /**
     * {@code torch.mul(a, b)}: a * b, broadcast and type-promoted.
     *
     * @param a the first operand, any shape
     * @param b the factor
     * @return a new tensor of a's shape, in a's dtype when floating (integer and bool a give float32, as with a Python
     *     float)
     */
    public static Tensor mul(Tensor a, double b) { return a.mul(b); }

    /**
     * {@code torch.mul(a, b, out)}: a * b, broadcast and type-promoted, written into out, which is returned.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @param out the tensor the result is written into (resized to the result's shape when it differs); it must not
     *     require grad
     * @return out, holding the result
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     * @throws IllegalArgumentException if an argument requires grad ("...(): functions with out=... arguments don't
     *     support automatic differentiation, but one of the arguments requires grad.") or the result dtype cannot be cast
     *     to out's ("result type Float can't be cast to the desired output type Long")
     */
    public static Tensor mul(Tensor a, Tensor b, Tensor out) { return Elementwise.binaryOut("mul", BinaryOp.MUL, a, b, 1, out); }

    /**
     * {@code torch.div(a, b)}: a / b, true division (integers give floats).
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new tensor of the broadcast shape and the promoted dtype (integer inputs give float32)
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor div(Tensor a, Tensor b) { return a.div(b); }

    /**
     * {@code torch.div(a, b)}: a / b, true division (integers give floats).
     *
     * @param a the first operand, any shape
     * @param b the divisor
     * @return a new tensor of a's shape, in a's dtype when floating (integer and bool a give float32, as with a Python
     *     float)
     */
    public static Tensor div(Tensor a, double b) { return a.div(b); }

    /**
     * {@code torch.div(a, b, out)}: a / b, true division (integers give floats), written into out, which is returned.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @param out the tensor the result is written into (resized to the result's shape when it differs); it must not
     *     require grad
     * @return out, holding the result
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     * @throws IllegalArgumentException if an argument requires grad ("...(): functions with out=... arguments don't
     *     support automatic differentiation, but one of the arguments requires grad.") or the result dtype cannot be cast
     *     to out's ("result type Float can't be cast to the desired output type Long")
     */
    public static Tensor div(Tensor a, Tensor b, Tensor out) { return Elementwise.binaryOut("div", BinaryOp.DIV, a, b, 1, out); }

    /**
     * {@code torch.pow(a, exponent)}: a to the power exponent.
     *
     * @param a the first operand, any shape
     * @param exponent the exponents, broadcastable with a
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor pow(Tensor a, Tensor exponent) { return a.pow(exponent); }

    /**
     * {@code torch.pow(a, exponent)}: a to the power exponent (exponent a Python number).
     *
     * @param a the first operand, any shape
     * @param exponent the exponent, a Python number
     * @return a new tensor of a's shape, in a's dtype when floating (integer and bool a give float32, as with a Python
     *     float)
     */
    public static Tensor pow(Tensor a, double exponent) { return a.pow(exponent); }

    /**
     * {@code torch.pow(self: Number, exponent: Tensor)}: a number raised to each element (Python's {@code 2 ** x}).
     *
     * @param self the base, a Python float
     * @param exponent the exponents, any shape
     * @return a new tensor of exponent's shape (integer exponents give float32)
     */
    public static Tensor pow(double self, Tensor exponent) { return dev.jgrad.internal.ops.Elementwise.pow(self, exponent); }

    /**
     * {@code torch.pow(2, x)} with an integral base: an integral x gives an integral result.
     *
     * @param self the base, a Python int
     * @param exponent the exponents, any shape
     * @return a new tensor of exponent's shape (int64 for an integral exponent)
     */
    public static Tensor pow(long self, Tensor exponent) { return dev.jgrad.internal.ops.Elementwise.pow(self, exponent); }

    /**
     * {@code torch.rsub(a, b)}: b - a.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor rsub(Tensor a, Tensor b) { return a.rsub(b); }

    /**
     * {@code torch.rsub(a, b)}: b - a.
     *
     * @param a the first operand, any shape
     * @param b the number a is subtracted from
     * @return a new tensor of a's shape, in a's dtype when floating (integer and bool a give float32, as with a Python
     *     float)
     */
    public static Tensor rsub(Tensor a, double b) { return a.rsub(b); }

    /**
     * {@code torch.remainder(a, b)}: the remainder of floor division (the divisor's sign).
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor remainder(Tensor a, Tensor b) { return a.remainder(b); }

    /**
     * {@code torch.maximum(a, b)}: the elementwise maximum (NaN propagates).
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor maximum(Tensor a, Tensor b) { return a.maximum(b); }

    /**
     * {@code torch.minimum(a, b)}: the elementwise minimum (NaN propagates).
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor minimum(Tensor a, Tensor b) { return a.minimum(b); }

    /**
     * {@code torch.clamp(a, min, max)}: each element limited to [min, max] (null: no bound).
     *
     * @param a the input tensor, any shape
     * @param min the lower bound
     * @param max the upper bound
     * @return a new tensor of a's shape
     */
    public static Tensor clamp(Tensor a, double min, double max) { return a.clamp(min, max); }

    /**
     * {@code torch.neg(a)}: -x, elementwise.
     *
     * @param a the input tensor, any shape
     * @return a new tensor of the input's shape and dtype
     * @throws IllegalArgumentException for a bool tensor ("Negation, the `-` operator, on a bool tensor is not
     *     supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
     */
    public static Tensor neg(Tensor a) { return a.neg(); }

    /**
     * {@code torch.abs(a)}: the absolute value, elementwise.
     *
     * @param a the input tensor, any shape
     * @return a new tensor of the input's shape and dtype
     */
    public static Tensor abs(Tensor a) { return a.abs(); }

    /**
     * {@code torch.exp(a)}: e to the power of each element.
     *
     * @param a the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor exp(Tensor a) { return a.exp(); }

    /**
     * {@code torch.log(a)}: the natural logarithm, elementwise.
     *
     * @param a the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor log(Tensor a) { return a.log(); }

    /**
     * {@code torch.sqrt(a)}: the square root, elementwise.
     *
     * @param a the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor sqrt(Tensor a) { return a.sqrt(); }

    /**
     * {@code torch.sin(a)}: the sine, elementwise.
     *
     * @param a the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor sin(Tensor a) { return a.sin(); }

    /**
     * {@code torch.cos(a)}: the cosine, elementwise.
     *
     * @param a the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor cos(Tensor a) { return a.cos(); }

    /**
     * {@code torch.tan(a)}: the tangent, elementwise.
     *
     * @param a the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor tan(Tensor a) { return a.tan(); }

    /**
     * {@code torch.tanh(a)}: the hyperbolic tangent, elementwise.
     *
     * @param a the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor tanh(Tensor a) { return a.tanh(); }

    /**
     * {@code torch.sigmoid(a)}: 1 / (1 + exp(-x)), elementwise.
     *
     * @param a the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor sigmoid(Tensor a) { return a.sigmoid(); }

    /**
     * {@code torch.relu(a)}: max(x, 0), elementwise.
     *
     * @param a the input tensor, any shape
     * @return a new tensor of the input's shape and dtype
     */
    public static Tensor relu(Tensor a) { return a.relu(); }

    /**
     * {@code torch.sin(a, out=out)}.
     *
     * @param a the input tensor, any shape
     * @param out the tensor the result is written into (resized to the result's shape when it differs); it must not
     *     require grad
     * @return out, holding the result
     * @throws IllegalArgumentException if an argument requires grad ("...(): functions with out=... arguments don't
     *     support automatic differentiation, but one of the arguments requires grad.") or the result dtype cannot be cast
     *     to out's ("result type Float can't be cast to the desired output type Long")
     */
    public static Tensor sin(Tensor a, Tensor out) { return Elementwise.unaryOut("sin", UnaryOp.SIN, a, out); }

    /**
     * {@code torch.exp(a, out)}: e to the power of each element, written into out, which is returned.
     *
     * @param a the input tensor, any shape
     * @param out the tensor the result is written into (resized to the result's shape when it differs); it must not
     *     require grad
     * @return out, holding the result
     * @throws IllegalArgumentException if an argument requires grad ("...(): functions with out=... arguments don't
     *     support automatic differentiation, but one of the arguments requires grad.") or the result dtype cannot be cast
     *     to out's ("result type Float can't be cast to the desired output type Long")
     */
    public static Tensor exp(Tensor a, Tensor out) { return Elementwise.unaryOut("exp", UnaryOp.EXP, a, out); }

    /**
     * {@code torch.neg_(a)}: -x, elementwise, in place; returns a.
     *
     * @param a the tensor to update in place
     * @return a itself, updated
     * @throws IllegalStateException if a is a leaf that requires grad ("a leaf Variable that requires grad is being
     *     used in an in-place operation.")
     * @throws IllegalArgumentException for a bool tensor ("Negation, the `-` operator, on a bool tensor is not
     *     supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
     */
    public static Tensor neg_(Tensor a) { return a.neg_(); }

    /**
     * {@code torch.abs_(a)}: the absolute value, elementwise, in place; returns a.
     *
     * @param a the tensor to update in place
     * @return a itself, updated
     * @throws IllegalStateException if a is a leaf that requires grad ("a leaf Variable that requires grad is being
     *     used in an in-place operation.")
     */
    public static Tensor abs_(Tensor a) { return a.abs_(); }

    /**
     * {@code torch.exp_(a)}: e to the power of each element, in place; returns a.
     *
     * @param a the tensor to update in place
     * @return a itself, updated
     * @throws IllegalStateException if a is a leaf that requires grad ("a leaf Variable that requires grad is being
     *     used in an in-place operation.")
     * @throws IllegalArgumentException if the result dtype cannot be written into a ("result type Float can't be cast
     *     to the desired output type Long")
     */
    public static Tensor exp_(Tensor a) { return a.exp_(); }

    /**
     * {@code torch.log_(a)}: the natural logarithm, elementwise, in place; returns a.
     *
     * @param a the tensor to update in place
     * @return a itself, updated
     * @throws IllegalStateException if a is a leaf that requires grad ("a leaf Variable that requires grad is being
     *     used in an in-place operation.")
     * @throws IllegalArgumentException if the result dtype cannot be written into a ("result type Float can't be cast
     *     to the desired output type Long")
     */
    public static Tensor log_(Tensor a) { return a.log_(); }

    /**
     * {@code torch.sqrt_(a)}: the square root, elementwise, in place; returns a.
     *
     * @param a the tensor to update in place
     * @return a itself, updated
     * @throws IllegalStateException if a is a leaf that requires grad ("a leaf Variable that requires grad is being
     *     used in an in-place operation.")
     * @throws IllegalArgumentException if the result dtype cannot be written into a ("result type Float can't be cast
     *     to the desired output type Long")
     */
    public static Tensor sqrt_(Tensor a) { return a.sqrt_(); }

    /**
     * {@code torch.sin_(a)}: in place.
     *
     * @param a the tensor to update in place
     * @return a itself, updated
     * @throws IllegalStateException if a is a leaf that requires grad ("a leaf Variable that requires grad is being
     *     used in an in-place operation.")
     * @throws IllegalArgumentException if the result dtype cannot be written into a ("result type Float can't be cast
     *     to the desired output type Long")
     */
    public static Tensor sin_(Tensor a) { return a.sin_(); }

    /**
     * {@code torch.cos_(a)}: the cosine, elementwise, in place; returns a.
     *
     * @param a the tensor to update in place
     * @return a itself, updated
     * @throws IllegalStateException if a is a leaf that requires grad ("a leaf Variable that requires grad is being
     *     used in an in-place operation.")
     * @throws IllegalArgumentException if the result dtype cannot be written into a ("result type Float can't be cast
     *     to the desired output type Long")
     */
    public static Tensor cos_(Tensor a) { return a.cos_(); }

    /**
     * {@code torch.tanh_(a)}: the hyperbolic tangent, elementwise, in place; returns a.
     *
     * @param a the tensor to update in place
     * @return a itself, updated
     * @throws IllegalStateException if a is a leaf that requires grad ("a leaf Variable that requires grad is being
     *     used in an in-place operation.")
     * @throws IllegalArgumentException if the result dtype cannot be written into a ("result type Float can't be cast
     *     to the desired output type Long")
     */
    public static Tensor tanh_(Tensor a) { return a.tanh_(); }

    /**
     * {@code torch.sigmoid_(a)}: 1 / (1 + exp(-x)), elementwise, in place; returns a.
     *
     * @param a the tensor to update in place
     * @return a itself, updated
     * @throws IllegalStateException if a is a leaf that requires grad ("a leaf Variable that requires grad is being
     *     used in an in-place operation.")
     * @throws IllegalArgumentException if the result dtype cannot be written into a ("result type Float can't be cast
     *     to the desired output type Long")
     */
    public static Tensor sigmoid_(Tensor a) { return a.sigmoid_(); }

    /**
     * {@code torch.relu_(a)}: max(x, 0), elementwise, in place; returns a.
     *
     * @param a the tensor to update in place
     * @return a itself, updated
     * @throws IllegalStateException if a is a leaf that requires grad ("a leaf Variable that requires grad is being
     *     used in an in-place operation.")
     */
    public static Tensor relu_(Tensor a) { return a.relu_(); }

    /**
     * {@code torch.eq(a, b)}: elementwise ==, bool.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor eq(Tensor a, Tensor b) { return a.eq(b); }

    /**
     * {@code torch.ne(a, b)}: elementwise !=, bool.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor ne(Tensor a, Tensor b) { return a.ne(b); }

    /**
     * {@code torch.gt(a, b)}: elementwise &gt;, bool.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor gt(Tensor a, Tensor b) { return a.gt(b); }

    /**
     * {@code torch.ge(a, b)}: elementwise &gt;=, bool.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor ge(Tensor a, Tensor b) { return a.ge(b); }

    /**
     * {@code torch.lt(a, b)}: elementwise &lt;, bool.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor lt(Tensor a, Tensor b) { return a.lt(b); }

    /**
     * {@code torch.le(a, b)}: elementwise &lt;=, bool.
     *
     * @param a the first operand, any shape
     * @param b the second operand, broadcastable with a
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor le(Tensor a, Tensor b) { return a.le(b); }

    /**
     * {@code torch.equal(a, b)}: whether both tensors have the same shape and elements.
     *
     * @param a the first tensor
     * @param b the second tensor
     * @return true when a and b have the same shape and equal elements
     */
    public static boolean equal(Tensor a, Tensor b) { return a.equal(b); }

    /**
     * {@code torch.allclose(a, b)}: whether |a - b| &lt;= atol + rtol * |b| everywhere.
     *
     * @param a the first tensor
     * @param b the second tensor, broadcastable with a
     * @return true when every element pair is close (shapes broadcast)
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static boolean allclose(Tensor a, Tensor b) { return a.allclose(b); }

    /**
     * {@code torch.isclose(a, b)}: elementwise |a - b| &lt;= atol + rtol * |b|, bool.
     *
     * @param a the first tensor
     * @param b the second tensor, broadcastable with a
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor isclose(Tensor a, Tensor b) { return a.isclose(b); }

    /**
     * {@code torch.isclose(a, b, rtol, atol, equal_nan)}: elementwise |a - b| &lt;= atol + rtol * |b|, bool.
     *
     * @param a the first tensor
     * @param b the second tensor, broadcastable with a
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @param equalNan whether two NaNs count as close
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor isclose(Tensor a, Tensor b, double rtol, double atol, boolean equalNan) { return a.isclose(b, rtol, atol, equalNan); }

    /**
     * {@code torch.is_tensor(obj)}.
     *
     * @param obj any object
     * @return whether obj is a Tensor
     */
    public static boolean isTensor(Object obj) { return obj instanceof Tensor; }

    /**
     * jgrad has no complex dtypes: always false.
     *
     * <p>PyTorch: {@code torch.is_complex}.
     *
     * @param t the tensor
     * @return false
     */
    public static boolean isComplex(Tensor t) { return t.isComplex(); }

    /**
     * The dtype factories use when given none: float32 (jgrad has no {@code set_default_dtype}).
     *
     * <p>PyTorch: {@code torch.get_default_dtype}.
     *
     * @return DType.FLOAT32
     */
    public static DType getDefaultDtype() { return DType.FLOAT32; }

    private static volatile String float32MatmulPrecision = "highest";

    /**
     * {@code torch.set_float32_matmul_precision}: "highest", "high" or "medium" (others are ignored, as PyTorch
     * ignores them after a warning). On the CPU, as in PyTorch, float32 products keep full precision whatever it says.
     *
     * @param precision "highest", "high" or "medium"
     */
    public static void setFloat32MatmulPrecision(String precision) {
        if (precision.equals("highest") || precision.equals("high") || precision.equals("medium")) float32MatmulPrecision = precision;
    }

    /**
     * {@code torch.get_float32_matmul_precision()}: the float32 matmul precision ("highest", "high" or "medium").
     *
     * @return "highest", "high" or "medium"
     */
    public static String getFloat32MatmulPrecision() { return float32MatmulPrecision; }

    /**
     * The Cartesian product of 1-d tensors, one row per combination (the first tensor varies slowest).
     *
     * <p>PyTorch: {@code torch.cartesian_prod}.
     *
     * @param tensors 1-d tensors
     * @return a new 2-d tensor (product of the lengths, number of tensors), or the one tensor itself when given one
     * @throws IllegalArgumentException if a tensor is not 1-d ("Expect a 1D vector, but got shape [...]")
     */
    public static Tensor cartesianProd(Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t.dim() != 1) throw new IllegalArgumentException("Expect a 1D vector, but got shape " + java.util.Arrays.toString(t.shape()));
        }
        if (tensors.length == 1) return tensors[0];
        List<Tensor> grids = meshgrid(List.of(tensors), "ij");
        List<Tensor> columns = new java.util.ArrayList<>();
        for (Tensor g : grids) columns.add(g.flatten());
        return stack(columns, 1);
    }

    /**
     * Normal draws with per-element means and standard deviations (broadcast): standard draws * std + mean, as PyTorch.
     *
     * <p>PyTorch: {@code torch.normal}.
     *
     * @param mean the means
     * @param std the standard deviations, non-negative
     * @return a new tensor of the broadcast shape of mean and std
     * @throws IllegalArgumentException if std has a negative element ("normal expects all elements of std &gt;= 0.0")
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor normal(Tensor mean, Tensor std) {
        long[] shape = broadcastShapes(mean.shape(), std.shape());
        checkStd(std);
        Tensor z = empty(mean.dtype(), mean.device(), shape).normal_(0, 1);
        return z.mul(std).add(mean);
    }

    /**
     * Normal draws with per-element means and one standard deviation: draws with that std, plus mean.
     *
     * <p>PyTorch: {@code torch.normal}.
     *
     * @param mean the means
     * @param std the standard deviation, non-negative
     * @return a new tensor of mean's shape
     * @throws IllegalArgumentException if std is negative
     */
    public static Tensor normal(Tensor mean, double std) {
        return empty(mean.dtype(), mean.device(), mean.shape()).normal_(0, std).add(mean);
    }

    /**
     * Normal draws with one mean and per-element standard deviations.
     *
     * <p>PyTorch: {@code torch.normal}.
     *
     * @param mean the mean
     * @param std the standard deviations, non-negative
     * @return a new tensor of std's shape
     * @throws IllegalArgumentException if std has a negative element ("normal expects all elements of std &gt;= 0.0")
     */
    public static Tensor normal(double mean, Tensor std) {
        checkStd(std);
        return empty(std.dtype(), std.device(), std.shape()).normal_(0, 1).mul(std).add(mean);
    }

    private static void checkStd(Tensor std) {
        if (!std.device().isMeta() && std.numel() > 0 && std.min().lt(0L).itemBool()) {
            throw new IllegalArgumentException("normal expects all elements of std >= 0.0");
        }
    }

    /**
     * {@code torch.normal(mean, std, size)}: float32 draws.
     *
     * @param mean the mean
     * @param std the standard deviation, non-negative
     * @param size the shape, one long per dim (none: a 0-dim tensor)
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException if std is negative
     */
    public static Tensor normal(double mean, double std, long... size) { return empty(size).normal_(mean, std); }

    /**
     * {@code torch.allclose(a, b, rtol, atol)}: whether |a - b| &lt;= atol + rtol * |b| everywhere.
     *
     * @param a the first tensor
     * @param b the second tensor, broadcastable with a
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @return true when every element pair is close (shapes broadcast)
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static boolean allclose(Tensor a, Tensor b, double rtol, double atol) { return a.allclose(b, rtol, atol); }

    /**
     * {@code torch.where(condition, x, y)}: x where condition holds, else y.
     *
     * @param condition the bool condition
     * @param x the values where condition is true
     * @param y the values where it is false
     * @return a new tensor of the broadcast shape of the three, in the promoted dtype of x and y
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     * @throws IllegalArgumentException if condition is not bool ("where expected condition to be a boolean tensor, but
     *     got a tensor with dtype Float")
     */
    public static Tensor where(Tensor condition, Tensor x, Tensor y) {
        Checks.tensor(x, "where", "input", 1);
        return x.where(condition, y);
    }

    /**
     * {@code torch.where(condition, x, y)}: x where condition is true, y elsewhere.
     *
     * @param condition the bool condition
     * @param x the values where condition is true
     * @param y the value where condition is false
     * @return a new tensor of the broadcast shape of the three, in the promoted dtype of x and y
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     * @throws IllegalArgumentException if condition is not bool ("where expected condition to be a boolean tensor, but
     *     got a tensor with dtype Float")
     */
    public static Tensor where(Tensor condition, Tensor x, double y) { return x.where(condition, y); }

    /**
     * {@code torch.sum(a)}: the sum over all elements or dims (integers and bools sum as int64).
     *
     * @param a the input tensor
     * @return a new 0-dim tensor (int64 for integer and bool input)
     */
    public static Tensor sum(Tensor a) { return a.sum(); }

    /**
     * {@code torch.sum(a, dim, keepdim)}: the sum over all elements or dims (integers and bools sum as int64).
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return a new tensor: a's shape without dim (kept with size 1 under keepdim); int64 for integer and bool input
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor sum(Tensor a, int dim, boolean keepdim) { return a.sum(dim, keepdim); }

    /**
     * {@code torch.mean(a)}: the mean over all elements or dims (floating dtypes only).
     *
     * @param a the input tensor, floating
     * @return a new 0-dim tensor
     * @throws IllegalArgumentException for integer input ("mean(): could not infer output dtype. Input dtype must be
     *     either a floating point or complex dtype. Got: Long")
     */
    public static Tensor mean(Tensor a) { return a.mean(); }

    /**
     * {@code torch.mean(a, dim, keepdim)}: the mean over all elements or dims (floating dtypes only).
     *
     * @param a the input tensor, floating
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return a new tensor: a's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     * @throws IllegalArgumentException for integer input ("mean(): could not infer output dtype. ...")
     */
    public static Tensor mean(Tensor a, int dim, boolean keepdim) { return a.mean(dim, keepdim); }

    /**
     * {@code torch.prod(a)}: the product over all elements or along dim.
     *
     * @param a the input tensor
     * @return a new 0-dim tensor (int64 for integer and bool input)
     */
    public static Tensor prod(Tensor a) { return a.prod(); }

    /**
     * {@code torch.max(a)}: the maximum (over all elements, or along dim with indices).
     *
     * @param a the input tensor
     * @return a new 0-dim tensor of a's dtype
     * @throws IllegalArgumentException for an empty tensor ("max(): Expected reduction dim to be specified for
     *     input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
     */
    public static Tensor max(Tensor a) { return a.max(); }

    /**
     * {@code torch.max(a, dim, keepdim)}: the maximum (over all elements, or along dim with indices).
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return the values and their int64 indices: a's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static ValuesIndices max(Tensor a, int dim, boolean keepdim) { return a.max(dim, keepdim); }

    /**
     * {@code torch.max(a, b)}: the maximum (over all elements, or along dim with indices).
     *
     * @param a the first operand
     * @param b the second operand, broadcastable with a
     * @return a new tensor of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor max(Tensor a, Tensor b) { return a.maximum(b); }

    /**
     * {@code torch.min(a)}: the minimum (over all elements, or along dim with indices).
     *
     * @param a the input tensor
     * @return a new 0-dim tensor of a's dtype
     * @throws IllegalArgumentException for an empty tensor ("min(): Expected reduction dim to be specified for
     *     input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
     */
    public static Tensor min(Tensor a) { return a.min(); }

    /**
     * {@code torch.min(a, dim, keepdim)}: the minimum (over all elements, or along dim with indices).
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return the values and their int64 indices: a's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static ValuesIndices min(Tensor a, int dim, boolean keepdim) { return a.min(dim, keepdim); }

    /**
     * {@code torch.min(a, b)}: the minimum (over all elements, or along dim with indices).
     *
     * @param a the first operand
     * @param b the second operand, broadcastable with a
     * @return a new tensor of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor min(Tensor a, Tensor b) { return a.minimum(b); }

    /**
     * {@code torch.argmax(a)}: the index of the maximum (the first one on ties), int64.
     *
     * @param a the input tensor, not empty
     * @return a new 0-dim int64 tensor: the flat index
     * @throws IllegalArgumentException for an empty tensor ("argmax(): Expected reduction dim to be specified for
     *     input.numel() == 0.")
     */
    public static Tensor argmax(Tensor a) { return a.argmax(); }

    /**
     * {@code torch.argmax(a, dim, keepdim)}: the index of the maximum (the first one on ties), int64.
     *
     * @param a the input tensor, not empty
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return a new int64 tensor: a's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor argmax(Tensor a, int dim, boolean keepdim) { return a.argmax(dim, keepdim); }

    /**
     * {@code torch.argmin(a)}: the index of the minimum (the first one on ties), int64.
     *
     * @param a the input tensor, not empty
     * @return a new 0-dim int64 tensor: the flat index
     * @throws IllegalArgumentException for an empty tensor ("argmin(): Expected reduction dim to be specified for
     *     input.numel() == 0.")
     */
    public static Tensor argmin(Tensor a) { return a.argmin(); }

    /**
     * {@code torch.norm(a)}: the p-norm over all elements or dims.
     *
     * @param a the input tensor, floating
     * @return the 2-norm of all elements, a 0-dim tensor
     */
    public static Tensor norm(Tensor a) { return a.norm(); }

    /**
     * {@code torch.all(a)}: whether every element is non-zero (bool).
     *
     * @param a the input tensor
     * @return a new 0-dim bool tensor
     */
    public static Tensor all(Tensor a) { return a.all(); }

    /**
     * {@code torch.any(a)}: whether any element is non-zero (bool).
     *
     * @param a the input tensor
     * @return a new 0-dim bool tensor
     */
    public static Tensor any(Tensor a) { return a.any(); }

    /**
     * {@code torch.matmul(a, b)}: the matrix product with broadcasting of batch dims (vectors are promoted and the
     * added dim removed).
     *
     * @param a the first operand, at least 1-d
     * @param b the second operand, at least 1-d
     * @return the product: (n, p) for (n, m) @ (m, p), batch dims broadcast; a 1-d operand's added dim is removed
     * @throws IllegalArgumentException if the shapes cannot be multiplied (PyTorch's message, e.g. "mat1 and mat2
     *     shapes cannot be multiplied (2x3 and 4x5)")
     */
    public static Tensor matmul(Tensor a, Tensor b) { return a.matmul(b); }

    /**
     * {@code torch.mm(a, b)}: the matrix product of two 2-d tensors.
     *
     * @param a the (n, m) matrix
     * @param b the (m, p) matrix
     * @return the (n, p) product
     * @throws IllegalArgumentException if an operand is not 2-d ("self must be a matrix") or the inner sizes differ
     *     ("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)")
     */
    public static Tensor mm(Tensor a, Tensor b) { return a.mm(b); }

    /**
     * {@code torch.bmm(a, b)}: batched matrix product: (b, n, m) @ (b, m, p) gives (b, n, p).
     *
     * @param a the (B, n, m) batch
     * @param b the (B, m, p) batch
     * @return the (B, n, p) products
     * @throws IllegalArgumentException if an operand is not 3-d or the batch or inner sizes differ ("Expected size for
     *     first two dimensions of batch2 tensor to be: [2, 2] but got: [3, 2].")
     */
    public static Tensor bmm(Tensor a, Tensor b) { return a.bmm(b); }

    /**
     * {@code torch.mv(a, v)}: the matrix-vector product.
     *
     * @param a the (n, m) matrix
     * @param v the (m) vector
     * @return the (n) product
     * @throws IllegalArgumentException if a is not 2-d, v not 1-d, or the sizes differ ("size mismatch, got 2, 2x2,3")
     */
    public static Tensor mv(Tensor a, Tensor v) { return a.mv(v); }

    /**
     * {@code torch.dot(a, b)}: the dot product of two 1-d tensors.
     *
     * @param a the first 1-d tensor
     * @param b the second 1-d tensor, of a's length and dtype
     * @return a new 0-dim tensor
     * @throws IllegalArgumentException if an operand is not 1-d ("1D tensors expected, but got 2D and 1D tensors"), the
     *     lengths differ or the dtypes differ
     */
    public static Tensor dot(Tensor a, Tensor b) { return a.dot(b); }

    /**
     * {@code torch.t(a)}: the transpose of a tensor of at most 2 dims (a view).
     *
     * @param a a tensor of at most 2 dims
     * @return a view: a itself for fewer than 2 dims, else its transpose
     * @throws IllegalArgumentException if a has more than 2 dims ("t() expects a tensor with &lt;= 2 dimensions, but
     *     self is 3D")
     */
    public static Tensor t(Tensor a) { return a.t(); }

    /**
     * {@code torch.transpose(a, dim0, dim1)}: a view with two dims swapped.
     *
     * @param a the input tensor
     * @param dim0 the first dim
     * @param dim1 the second dim
     * @return a view of a with dims dim0 and dim1 swapped
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor transpose(Tensor a, int dim0, int dim1) { return a.transpose(dim0, dim1); }

    /**
     * {@code torch.permute(a, dims)}: a view with the dims in the given order.
     *
     * @param a the input tensor
     * @param dims a permutation of a's dims (negative counts from the end)
     * @return a view of a with its dims reordered
     * @throws IllegalArgumentException if dims has another length ("permute(sparse_coo): number of dimensions in the
     *     tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 2 is not equal to
     *     len(dims) = 1") or repeats a dim ("permute(): duplicate dims are not allowed.")
     */
    public static Tensor permute(Tensor a, int... dims) { return a.permute(dims); }

    /**
     * {@code torch.reshape(a, shape)}: input with a new shape of the same number of elements (a view when possible;
     * -1 infers one dim).
     *
     * @param a the input tensor
     * @param shape the new shape, one -1 allowed (inferred)
     * @return a tensor of the new shape: a view when the strides allow, else a copy
     * @throws IllegalArgumentException if the element count differs ("shape '[2, 5]' is invalid for input of size 6")
     *     or more than one -1 is given ("only one dimension can be inferred")
     */
    public static Tensor reshape(Tensor a, long... shape) { return a.reshape(shape); }

    /**
     * {@code torch.flatten(a)}: the dims from startDim to endDim flattened into one (a view when possible).
     *
     * @param a the input tensor
     * @return a 1-d tensor of all elements: a view when possible
     */
    public static Tensor flatten(Tensor a) { return a.flatten(); }

    /**
     * {@code torch.flatten(a, start_dim)}: the dims from startDim to endDim flattened into one (a view when
     * possible).
     *
     * @param a the input tensor
     * @param startDim the first dim to flatten (default 0)
     * @return a tensor with dims startDim..endDim merged (a 0-dim a gives a 1-d tensor): a view when possible
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor flatten(Tensor a, int startDim) { return a.flatten(startDim); }

    /**
     * {@code torch.flatten(a, start_dim, end_dim)}: the dims from startDim to endDim flattened into one (a view when
     * possible).
     *
     * @param a the input tensor
     * @param startDim the first dim to flatten (default 0)
     * @param endDim the last dim to flatten (default -1)
     * @return a tensor with dims startDim..endDim merged (a 0-dim a gives a 1-d tensor): a view when possible
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor flatten(Tensor a, int startDim, int endDim) { return a.flatten(startDim, endDim); }

    /**
     * {@code torch.squeeze(a)}: a view without the dims of size 1 (or without dim, when it has size 1).
     *
     * @param a the input tensor
     * @return a view of a without its dims of size 1
     */
    public static Tensor squeeze(Tensor a) { return a.squeeze(); }

    /**
     * {@code torch.unsqueeze(a, dim)}: a view with a new dim of size 1 at dim.
     *
     * @param a the input tensor
     * @param dim the position of the new dim, in [-a.dim() - 1, a.dim()]
     * @return a view of a with a new dim of size 1 at dim
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor unsqueeze(Tensor a, int dim) { return a.unsqueeze(dim); }

    /**
     * {@code torch.clone(a)}: a copy with its own storage, recorded by autograd.
     *
     * @param a the tensor to copy
     * @return a new tensor of a's shape, dtype and values, with its own storage
     */
    public static Tensor clone(Tensor a) { return a.clone(); }

    /**
     * Concatenates along an existing dim.
     *
     * <p>PyTorch: {@code torch.cat}.
     *
     * @param tensors the tensors, of equal rank and equal sizes outside dim (1-d empty tensors are skipped)
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor: the inputs' shape with dim's sizes summed, in the promoted dtype
     * @throws IllegalArgumentException if tensors is empty ("torch.cat(): expected a non-empty list of Tensors") or the
     *     shapes differ outside dim ("Sizes of tensors must match except in dimension d. Expected size m but got size n for
     *     tensor number k in the list.")
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor cat(List<Tensor> tensors, int dim) { return Joining.cat(tensors, dim); }

    /**
     * {@code torch.cat(tensors)}: the tensors joined along an existing dim (shapes must match elsewhere).
     *
     * @param tensors the tensors, of equal rank and equal sizes outside dim (1-d empty tensors are skipped)
     * @return a new tensor: the inputs' shape with dim's sizes summed, in the promoted dtype
     * @throws IllegalArgumentException if tensors is empty ("torch.cat(): expected a non-empty list of Tensors") or the
     *     shapes differ outside dim ("Sizes of tensors must match except in dimension d. Expected size m but got size n for
     *     tensor number k in the list.")
     */
    public static Tensor cat(List<Tensor> tensors) { return cat(tensors, 0); }

    /**
     * Joins along a new dim.
     *
     * <p>PyTorch: {@code torch.stack}.
     *
     * @param tensors the tensors, all of one shape
     * @param dim the position of the new dim, in [-rank - 1, rank]
     * @return a new tensor: the common shape with a new dim of size tensors.size() at dim
     * @throws IllegalArgumentException if tensors is empty ("stack expects a non-empty TensorList") or the shapes
     *     differ ("stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1")
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor stack(List<Tensor> tensors, int dim) { return Joining.stack(tensors, dim); }

    /**
     * {@code torch.stack(tensors)}: the tensors joined along a new dim (shapes must be equal).
     *
     * @param tensors the tensors, all of one shape
     * @return a new tensor: the common shape with a new dim of size tensors.size() at dim
     * @throws IllegalArgumentException if tensors is empty ("stack expects a non-empty TensorList") or the shapes
     *     differ ("stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1")
     */
    public static Tensor stack(List<Tensor> tensors) { return stack(tensors, 0); }

    /**
     * The shape the given shapes broadcast to (torch.broadcast_shapes), with PyTorch's message when they do not.
     *
     * <p>PyTorch: {@code torch.broadcast_shapes}.
     *
     * @param shapes the shapes
     * @return the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static long[] broadcastShapes(long[]... shapes) {
        int[] r = new int[0];
        for (long[] s : shapes) r = Shapes.broadcast(r, Shapes.checkedShape(s));
        return Shapes.toLong(r);
    }

    /**
     * The tensors expanded to their common broadcast shape (views).
     *
     * <p>PyTorch: {@code torch.broadcast_tensors}.
     *
     * @param tensors the tensors
     * @return one view per tensor, each expanded to the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static List<Tensor> broadcastTensors(Tensor... tensors) {
        long[][] shapes = new long[tensors.length][];
        for (int i = 0; i < tensors.length; i++) shapes[i] = tensors[i].shape();
        long[] shape = broadcastShapes(shapes);
        List<Tensor> out = new java.util.ArrayList<>(tensors.length);
        for (Tensor t : tensors) out.add(t.expand(shape));
        return out;
    }

    /**
     * Joins along dim 1 (dim 0 when all are vectors).
     *
     * <p>PyTorch: {@code torch.hstack}.
     *
     * @param tensors the tensors, non-empty
     * @return a new tensor: the inputs joined along dim 1 (dim 0 for 1-d inputs)
     * @throws IllegalArgumentException if tensors is empty ("torch.cat(): expected a non-empty list of Tensors") or the
     *     shapes differ outside dim ("Sizes of tensors must match except in dimension d. Expected size m but got size n for
     *     tensor number k in the list.")
     */
    public static Tensor hstack(List<Tensor> tensors) { return Joining.hstack(tensors); }

    /**
     * Joins along dim 0, vectors as rows.
     *
     * <p>PyTorch: {@code torch.vstack}.
     *
     * @param tensors the tensors, non-empty
     * @return a new tensor: the inputs, at least 2-d (1-d ones as rows), joined along dim 0
     * @throws IllegalArgumentException if tensors is empty ("torch.cat(): expected a non-empty list of Tensors") or the
     *     shapes differ outside dim ("Sizes of tensors must match except in dimension d. Expected size m but got size n for
     *     tensor number k in the list.")
     */
    public static Tensor vstack(List<Tensor> tensors) { return Joining.vstack(tensors); }

    /**
     * Joins along dim 2 (depth).
     *
     * <p>PyTorch: {@code torch.dstack}.
     *
     * @param tensors the tensors, non-empty
     * @return a new tensor: the inputs, at least 3-d, joined along dim 2
     * @throws IllegalArgumentException if tensors is empty ("torch.cat(): expected a non-empty list of Tensors") or the
     *     shapes differ outside dim ("Sizes of tensors must match except in dimension d. Expected size m but got size n for
     *     tensor number k in the list.")
     */
    public static Tensor dstack(List<Tensor> tensors) { return Joining.dstack(tensors); }

    /**
     * Vectors as columns, joined along dim 1.
     *
     * <p>PyTorch: {@code torch.column_stack}.
     *
     * @param tensors the tensors, non-empty
     * @return a new tensor: the inputs as columns (0-d and 1-d ones reshaped to (n, 1)) joined along dim 1
     * @throws IllegalArgumentException if tensors is empty ("torch.cat(): expected a non-empty list of Tensors") or the
     *     shapes differ outside dim ("Sizes of tensors must match except in dimension d. Expected size m but got size n for
     *     tensor number k in the list.")
     */
    public static Tensor columnStack(List<Tensor> tensors) { return Joining.columnStack(tensors); }

    // ---------------------------------------------------------------- function forms of Tensor methods

    /**
     * {@code torch.split(input, split_size, dim)}: input split along dim into chunks of splitSize (the last smaller),
     * as views.
     *
     * @param input the input tensor
     * @param splitSize the size of each chunk (the last may be smaller), at least 0
     * @param dim the dimension (negative counts from the end)
     * @return views of input along dim, in order
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static List<Tensor> split(Tensor input, long splitSize, int dim) { return input.split(splitSize, dim); }

    /**
     * {@code torch.split(input, split_sizes, dim)}: input split along dim into chunks of splitSize (the last
     * smaller), as views.
     *
     * @param input the input tensor
     * @param splitSizes the size of each chunk; they must sum to input.size(dim)
     * @param dim the dimension (negative counts from the end)
     * @return views of input along dim, in order
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     * @throws IllegalArgumentException if the sizes do not sum to the dim's size ("split_with_sizes expects split_sizes
     *     to sum exactly to 5 (input tensor's size at dimension 0), but got split_sizes=[2, 2]")
     */
    public static List<Tensor> split(Tensor input, long[] splitSizes, int dim) { return input.split(splitSizes, dim); }

    /**
     * {@code torch.chunk(input, chunks, dim)}: splits into the given number of nearly equal chunks along dim (views).
     *
     * @param input the input tensor
     * @param chunks the number of chunks wanted, at least 1
     * @param dim the dimension (negative counts from the end)
     * @return views of input along dim: ceil(size / chunks) elements each, the last smaller (possibly fewer chunks)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     * @throws IllegalArgumentException if chunks is below 1 ("chunk expects `chunks` to be greater than 0, got: 0")
     */
    public static List<Tensor> chunk(Tensor input, int chunks, int dim) { return input.chunk(chunks, dim); }

    /**
     * {@code torch.unbind(input, dim)}: the slices along dim, as a list of views.
     *
     * @param input the input tensor
     * @param dim the dimension (negative counts from the end)
     * @return input.size(dim) views, each without dim
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static List<Tensor> unbind(Tensor input, int dim) { return input.unbind(dim); }

    /**
     * {@code torch.gather(input, dim, index)}: the values of input at index along dim.
     *
     * @param input the source tensor
     * @param dim the dimension (negative counts from the end)
     * @param index the int64 indices along dim, of input's rank (other sizes at most input's)
     * @return a new tensor of index's shape and input's dtype
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     * @throws IllegalArgumentException if index is not int64 ("gather(): Expected dtype int64 for index") or its rank
     *     differs, or an index is out of range
     */
    public static Tensor gather(Tensor input, int dim, Tensor index) { return input.gather(dim, index); }

    /**
     * {@code torch.scatter_add(input, dim, index, src)}: a copy with src added at index along dim.
     *
     * @param input the tensor copied first
     * @param dim the dimension (negative counts from the end)
     * @param index the int64 indices along dim, of src's rank
     * @param src the values written (added), input's dtype
     * @return a new tensor of input's shape and dtype
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     * @throws IllegalArgumentException if index is not int64, its rank differs from input's ("Index tensor must have
     *     the same number of dimensions as self tensor"), or an index is out of range
     */
    public static Tensor scatterAdd(Tensor input, int dim, Tensor index, Tensor src) { return input.scatterAdd(dim, index, src); }

    /**
     * {@code torch.narrow(input, dim, start, length)}: a view of length elements along dim starting at start.
     *
     * @param input the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param start the first index (negative counts from the end)
     * @param length the number of elements, at least 0
     * @return a view of input with length elements of dim from start
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     * @throws IllegalArgumentException if start + length exceeds the dim's size ("start (2) + length (4) exceeds
     *     dimension size (5).")
     */
    public static Tensor narrow(Tensor input, int dim, long start, long length) { return input.narrow(dim, start, length); }

    /**
     * {@code torch.select(input, dim, index)}: a view of input at index along dim, without that dim.
     *
     * @param input the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index the position along dim (negative counts from the end)
     * @return a view of input without dim
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     * @throws IllegalArgumentException if index is out of range ("select(): index 5 out of range for tensor of size [3]
     *     at dimension 0")
     */
    public static Tensor select(Tensor input, int dim, long index) { return input.select(dim, index); }

    /**
     * {@code torch.movedim(input, source, destination)}: a view with dims moved from source to destination positions.
     *
     * @param input the input tensor
     * @param source the dim to move
     * @param destination where it goes
     * @return a view of input with dim source moved to destination
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor movedim(Tensor input, int source, int destination) { return input.movedim(source, destination); }

    /**
     * {@code torch.diagonal(input, offset, dim1, dim2)}: a view of the diagonal with respect to two dims (offset
     * above or below).
     *
     * @param input the input tensor, at least 2-d
     * @param offset 0 the main diagonal, positive above, negative below
     * @param dim1 the first dim of the matrices
     * @param dim2 the second dim of the matrices
     * @return a view of the diagonal: input's shape without dim1 and dim2, plus the diagonal's length last
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     * @throws IllegalArgumentException if dim1 and dim2 are the same dim ("diagonal dimensions cannot be identical 0,
     *     0")
     */
    public static Tensor diagonal(Tensor input, long offset, int dim1, int dim2) { return input.diagonal(offset, dim1, dim2); }

    /**
     * {@code torch.masked_fill(input, mask, value)}: value where mask (bool, broadcast) is true, input elsewhere.
     *
     * @param input the input tensor
     * @param mask the bool mask, broadcastable to input's shape
     * @param value the fill value
     * @return a new tensor of input's shape and dtype
     * @throws IllegalArgumentException if mask is not bool ("masked_fill_ only supports boolean masks, but got mask
     *     with dtype Float") or does not broadcast to input's shape
     */
    public static Tensor maskedFill(Tensor input, Tensor mask, double value) { return input.maskedFill(mask, value); }

    /**
     * {@code torch.tril(input)}: the lower triangle of the last two dims, zeros above.
     *
     * @param input the input, at least 2-d (matrices in the last two dims)
     * @return a new tensor of input's shape
     * @throws IllegalArgumentException if input has fewer than 2 dims ("Dimension out of range (expected to be in range
     *     of [-1, 0], but got -2)" for 1-d input)
     */
    public static Tensor tril(Tensor input) { return input.tril(); }

    /**
     * {@code torch.tril(input, diagonal)}: the lower triangle of the last two dims, zeros above.
     *
     * @param input the input, at least 2-d (matrices in the last two dims)
     * @param diagonal 0 the main diagonal, positive above, negative below
     * @return a new tensor of input's shape
     * @throws IllegalArgumentException if input has fewer than 2 dims ("Dimension out of range (expected to be in range
     *     of [-1, 0], but got -2)" for 1-d input)
     */
    public static Tensor tril(Tensor input, long diagonal) { return input.tril(diagonal); }

    /**
     * {@code torch.triu(input)}: the upper triangle of the last two dims, zeros below.
     *
     * @param input the input, at least 2-d (matrices in the last two dims)
     * @return a new tensor of input's shape
     * @throws IllegalArgumentException if input has fewer than 2 dims ("Dimension out of range (expected to be in range
     *     of [-1, 0], but got -2)" for 1-d input)
     */
    public static Tensor triu(Tensor input) { return input.triu(); }

    /**
     * {@code torch.triu(input, diagonal)}: the upper triangle of the last two dims, zeros below.
     *
     * @param input the input, at least 2-d (matrices in the last two dims)
     * @param diagonal 0 the main diagonal, positive above, negative below
     * @return a new tensor of input's shape
     * @throws IllegalArgumentException if input has fewer than 2 dims ("Dimension out of range (expected to be in range
     *     of [-1, 0], but got -2)" for 1-d input)
     */
    public static Tensor triu(Tensor input, long diagonal) { return input.triu(diagonal); }

    /**
     * {@code torch.clip(input, min, max)}: an alias of clamp.
     *
     * @param input the input tensor, any shape
     * @param min the lower bound
     * @param max the upper bound
     * @return a new tensor of input's shape
     */
    public static Tensor clip(Tensor input, double min, double max) { return input.clip(min, max); }

    /**
     * {@code torch.clamp(input, min, max)}: each element limited to [min, max] (null: no bound).
     *
     * @param input the input tensor
     * @param min the lower bounds, broadcastable with input, or null
     * @param max the upper bounds, broadcastable with input, or null
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor clamp(Tensor input, Tensor min, Tensor max) { return input.clamp(min, max); }

    /**
     * {@code torch.isnan(input)}: elementwise: NaN.
     *
     * @param input the input tensor
     * @return a new bool tensor of input's shape
     */
    public static Tensor isnan(Tensor input) { return input.isnan(); }

    /**
     * {@code torch.isinf(input)}: elementwise: infinite.
     *
     * @param input the input tensor
     * @return a new bool tensor of input's shape
     */
    public static Tensor isinf(Tensor input) { return input.isinf(); }

    /**
     * {@code torch.isposinf(input)}: elementwise: positive infinity.
     *
     * @param input the input tensor
     * @return a new bool tensor of input's shape
     */
    public static Tensor isposinf(Tensor input) { return input.isposinf(); }

    /**
     * {@code torch.isneginf(input)}: elementwise: negative infinity.
     *
     * @param input the input tensor
     * @return a new bool tensor of input's shape
     */
    public static Tensor isneginf(Tensor input) { return input.isneginf(); }

    /**
     * {@code torch.isfinite(input)}: elementwise: neither infinite nor NaN.
     *
     * @param input the input tensor
     * @return a new bool tensor of input's shape
     */
    public static Tensor isfinite(Tensor input) { return input.isfinite(); }

    /**
     * {@code torch.nan_to_num(input)}: NaN, +inf and -inf replaced by finite values.
     *
     * @param input the input tensor
     * @return a new tensor of input's shape and dtype: NaN as 0, +inf and -inf as the dtype's largest and lowest finite
     *     values
     */
    public static Tensor nanToNum(Tensor input) { return input.nanToNum(); }

    /**
     * {@code torch.var(input)}: the variance (Bessel-corrected by default).
     *
     * @param input the input tensor, floating
     * @return a new 0-dim tensor
     */
    public static Tensor var(Tensor input) { return input.var(); }

    /**
     * {@code torch.var(input, dim, unbiased, keepdim)}: the variance (Bessel-corrected by default).
     *
     * @param input the input tensor, floating
     * @param dim the dimension (negative counts from the end)
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return a new tensor: input's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor var(Tensor input, int dim, boolean unbiased, boolean keepdim) { return input.var(dim, unbiased, keepdim); }

    /**
     * {@code torch.std(input)}: the standard deviation (Bessel-corrected by default).
     *
     * @param input the input tensor, floating
     * @return a new 0-dim tensor
     */
    public static Tensor std(Tensor input) { return input.std(); }

    /**
     * {@code torch.std(input, dim, unbiased, keepdim)}: the standard deviation (Bessel-corrected by default).
     *
     * @param input the input tensor, floating
     * @param dim the dimension (negative counts from the end)
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return a new tensor: input's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor std(Tensor input, int dim, boolean unbiased, boolean keepdim) { return input.std(dim, unbiased, keepdim); }

    /**
     * (var, mean) of all elements, var with Bessel's correction.
     *
     * <p>PyTorch: {@code torch.var_mean}.
     *
     * @param input the input tensor, floating
     * @return [variance, mean], each 0-dim
     */
    public static List<Tensor> varMean(Tensor input) { return varMean(input, true); }

    /**
     * {@code torch.var_mean(input, unbiased)}: the variance and the mean together.
     *
     * @param input the input tensor, floating
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @return [variance, mean], each 0-dim
     */
    public static List<Tensor> varMean(Tensor input, boolean unbiased) { return Statistics.varMean(input, null, unbiased ? 1 : 0, false); }

    /**
     * {@code torch.var_mean(input, dim, unbiased, keepdim)}: the variance and the mean together.
     *
     * @param input the input tensor, floating
     * @param dim the dimension (negative counts from the end)
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return [variance, mean], each input's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static List<Tensor> varMean(Tensor input, int dim, boolean unbiased, boolean keepdim) {
        return Statistics.varMean(input, new int[] {dim}, unbiased ? 1 : 0, keepdim);
    }

    /**
     * {@code torch.var_mean(input, dims, correction, keepdim)}: the variance and the mean together.
     *
     * @param input the input tensor, floating
     * @param dims the dims to reduce (null or empty: all)
     * @param correction the difference between the sample size and the divisor (1: Bessel's correction)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return [variance, mean], each input's shape without dims (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static List<Tensor> varMean(Tensor input, int[] dims, long correction, boolean keepdim) {
        return Statistics.varMean(input, dims, correction, keepdim);
    }

    /**
     * (std, mean) of all elements, std with Bessel's correction.
     *
     * <p>PyTorch: {@code torch.std_mean}.
     *
     * @param input the input tensor, floating
     * @return [standard deviation, mean], each 0-dim
     */
    public static List<Tensor> stdMean(Tensor input) { return stdMean(input, true); }

    /**
     * {@code torch.std_mean(input, unbiased)}: the standard deviation and the mean together.
     *
     * @param input the input tensor, floating
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @return [standard deviation, mean], each 0-dim
     */
    public static List<Tensor> stdMean(Tensor input, boolean unbiased) { return Statistics.stdMean(input, null, unbiased ? 1 : 0, false); }

    /**
     * {@code torch.std_mean(input, dim, unbiased, keepdim)}: the standard deviation and the mean together.
     *
     * @param input the input tensor, floating
     * @param dim the dimension (negative counts from the end)
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return [standard deviation, mean], each input's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static List<Tensor> stdMean(Tensor input, int dim, boolean unbiased, boolean keepdim) {
        return Statistics.stdMean(input, new int[] {dim}, unbiased ? 1 : 0, keepdim);
    }

    /**
     * {@code torch.std_mean(input, dims, correction, keepdim)}: the standard deviation and the mean together.
     *
     * @param input the input tensor, floating
     * @param dims the dims to reduce (null or empty: all)
     * @param correction the difference between the sample size and the divisor (1: Bessel's correction)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return [standard deviation, mean], each input's shape without dims (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static List<Tensor> stdMean(Tensor input, int[] dims, long correction, boolean keepdim) {
        return Statistics.stdMean(input, dims, correction, keepdim);
    }

    /**
     * {@code torch.cumsum(input, dim)}: the running sum along dim.
     *
     * @param input the input tensor
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor of input's shape (int64 for integer and bool input)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor cumsum(Tensor input, int dim) { return input.cumsum(dim); }

    /**
     * {@code torch.cumsum(input, dim, dtype)}: the running sum along dim.
     *
     * @param input the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param dtype the dtype input is cast to before summing
     * @return a new tensor of input's shape and the given dtype
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor cumsum(Tensor input, int dim, DType dtype) { return input.cumsum(dim, dtype); }

    /**
     * {@code torch.cumprod(input, dim)}: the running product along dim.
     *
     * @param input the input tensor
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor of input's shape (int64 for integer and bool input)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor cumprod(Tensor input, int dim) { return input.cumprod(dim); }

    /**
     * {@code torch.sort(input)}: the values sorted along dim (stable) and their indices.
     *
     * @param input the input tensor
     * @return the sorted values and their int64 indices, both of input's shape
     */
    public static ValuesIndices sort(Tensor input) { return input.sort(); }

    /**
     * {@code torch.sort(input, dim, descending)}: the values sorted along dim (stable) and their indices.
     *
     * @param input the input tensor
     * @param dim the dim to sort along (default -1)
     * @param descending whether to sort from the largest
     * @return the sorted values and their int64 indices, both of input's shape
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static ValuesIndices sort(Tensor input, int dim, boolean descending) { return input.sort(dim, descending); }

    /**
     * {@code torch.argsort(input)}: the indices that sort the tensor along dim (stable), int64.
     *
     * @param input the input tensor
     * @return a new int64 tensor of input's shape
     */
    public static Tensor argsort(Tensor input) { return input.argsort(); }

    /**
     * {@code torch.argsort(input, dim, descending)}: the indices that sort the tensor along dim (stable), int64.
     *
     * @param input the input tensor
     * @param dim the dim to sort along (default -1)
     * @param descending whether to sort from the largest
     * @return a new int64 tensor of input's shape
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor argsort(Tensor input, int dim, boolean descending) { return input.argsort(dim, descending); }

    /**
     * {@code torch.topk(input, k)}: the k largest (or smallest) values along dim and their indices.
     *
     * @param input the input tensor
     * @param k the number of elements, at most the dim's size
     * @return the values and their int64 indices: input's shape with dim of size k, sorted
     * @throws IllegalArgumentException if k is out of range ("selected index k out of range")
     */
    public static ValuesIndices topk(Tensor input, long k) { return input.topk(k); }

    /**
     * {@code torch.topk(input, k, dim, largest)}: the k largest (or smallest) values along dim and their indices.
     *
     * @param input the input tensor
     * @param k the number of elements, at most the dim's size
     * @param dim the dim to select along (default -1)
     * @param largest whether to take the largest (else the smallest)
     * @return the values and their int64 indices: input's shape with dim of size k, sorted
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     * @throws IllegalArgumentException if k is out of range ("selected index k out of range")
     */
    public static ValuesIndices topk(Tensor input, long k, int dim, boolean largest) { return input.topk(k, dim, largest); }

    /**
     * {@code torch.flip(input, dims)}: a copy reversed along the given dims.
     *
     * @param input the input tensor
     * @param dims the dims to reverse
     * @return a new tensor of input's shape, reversed along dims
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor flip(Tensor input, int... dims) { return input.flip(dims); }

    /**
     * {@code torch.fliplr(input)}: reversed along dim 1.
     *
     * @param input the input, at least 2-d
     * @return a new tensor of input's shape
     * @throws IllegalArgumentException if input has fewer than 2 dims ("Input must be &gt;= 2-d.")
     */
    public static Tensor fliplr(Tensor input) { return input.fliplr(); }

    /**
     * {@code torch.flipud(input)}: reversed along dim 0.
     *
     * @param input the input, at least 1-d
     * @return a new tensor of input's shape
     * @throws IllegalArgumentException if input is 0-dim ("Input must be &gt;= 1-d.")
     */
    public static Tensor flipud(Tensor input) { return input.flipud(); }

    /**
     * {@code torch.repeat_interleave(input, repeats, dim)}: each element (or slice along dim) repeated.
     *
     * @param input the input tensor
     * @param repeats how often each element is repeated, at least 0
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor: input's shape with dim's size times repeats
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor repeatInterleave(Tensor input, long repeats, int dim) { return input.repeatInterleave(repeats, dim); }

    /**
     * torch.repeat_interleave(counts): each position i repeated counts[i] times.
     *
     * @param counts the 1-d non-negative int64 counts
     * @return a new 1-d int64 tensor of sum(counts) elements
     * @throws IllegalArgumentException if counts is not a 1-d tensor of non-negative integers (e.g. "repeat_interleave
     *     only accept 1D vector as repeat", "repeats can not be negative")
     */
    public static Tensor repeatInterleave(Tensor counts) { return Rearranging.positions(counts); }

    /**
     * {@code torch.outer(input, vec2)}: the outer product of two vectors.
     *
     * @param input the (n) vector
     * @param vec2 the (m) vector
     * @return a new (n, m) tensor
     * @throws IllegalArgumentException if an operand is not 1-d ("outer: Expected 1-D argument self, but got 2-D")
     */
    public static Tensor outer(Tensor input, Tensor vec2) { return input.outer(vec2); }

    /**
     * {@code torch.erfc(input)}: the complementary error function 1 - erf, elementwise.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor erfc(Tensor input) { return input.erfc(); }

    /**
     * Pairwise p-norm distances between the rows of x1 and x2 (batched).
     *
     * <p>PyTorch: {@code torch.cdist}.
     *
     * @param x1 the first batch of row vectors (*, P, M)
     * @param x2 the second batch of row vectors (*, R, M), batch dims broadcast with x1's
     * @param p the norm degree, at least 0
     * @return the distances (*, P, R)
     * @throws IllegalArgumentException if x1 and x2 are not at least 2-d, their last dims differ ("X1 and X2 must have
     *     the same number of columns. X1: 3 X2: 4") or p is negative ("cdist only supports non-negative p values")
     */
    public static Tensor cdist(Tensor x1, Tensor x2, double p) { return LinearAlgebra.cdist(x1, x2, p); }

    /**
     * {@code torch.cdist(x1, x2)}: the p-norm distances between each row of x1 and each row of x2, batched.
     *
     * @param x1 the first batch of row vectors (*, P, M)
     * @param x2 the second batch of row vectors (*, R, M), batch dims broadcast with x1's
     * @return the distances (*, P, R)
     * @throws IllegalArgumentException if x1 and x2 are not at least 2-d or their last dims differ ("X1 and X2 must have
     *     the same number of columns. X1: 3 X2: 4")
     */
    public static Tensor cdist(Tensor x1, Tensor x2) { return cdist(x1, x2, 2); }

    /**
     * The matrices (0-d and 1-d tensors as rows) along a block diagonal.
     *
     * <p>PyTorch: {@code torch.block_diag}.
     *
     * @param tensors tensors of at most 2 dims (0-d and 1-d ones as rows)
     * @return a new 2-d tensor: the row counts summed by the column counts summed
     * @throws IllegalArgumentException if a tensor has more than 2 dims ("torch.block_diag: Input tensors must have 2
     *     or fewer dimensions. Input 0 has 3 dimensions")
     */
    public static Tensor blockDiag(Tensor... tensors) { return Reshaping.blockDiag(List.of(tensors)); }

    /**
     * {@code torch.atleast1d(t)}: the tensor with at least 1 dim (a 0-dim one becomes shape (1)).
     *
     * <p>PyTorch: {@code torch.atleast_1d}.
     *
     * @param t the input tensor
     * @return t itself when it has enough dims, else a view with dims of size 1 added
     */
    public static Tensor atleast1d(Tensor t) { return Reshaping.atleast1d(t); }

    /**
     * {@code torch.atleast2d(t)}: the tensor with at least 2 dims (leading dims of size 1 added).
     *
     * <p>PyTorch: {@code torch.atleast_2d}.
     *
     * @param t the input tensor
     * @return t itself when it has enough dims, else a view with dims of size 1 added
     */
    public static Tensor atleast2d(Tensor t) { return Reshaping.atleast2d(t); }

    /**
     * {@code torch.atleast3d(t)}: the tensor with at least 3 dims.
     *
     * <p>PyTorch: {@code torch.atleast_3d}.
     *
     * @param t the input tensor
     * @return t itself when it has enough dims, else a view with dims of size 1 added
     */
    public static Tensor atleast3d(Tensor t) { return Reshaping.atleast3d(t); }

    /**
     * {@code torch.polygamma(n, input)}: the order comes first, as in PyTorch.
     *
     * @param n the order of the derivative, at least 0
     * @param input the input tensor
     * @return a new tensor of input's shape (integer inputs give float32)
     * @throws IllegalArgumentException if n is negative ("polygamma(n, x) does not support negative n.")
     */
    public static Tensor polygamma(int n, Tensor input) { return input.polygamma(n); }

    /**
     * {@code torch.asinh(input)}: the inverse hyperbolic sine, elementwise.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor asinh(Tensor input) { return input.asinh(); }

    /**
     * {@code torch.acosh(input)}: the inverse hyperbolic cosine, elementwise.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor acosh(Tensor input) { return input.acosh(); }

    /**
     * {@code torch.atanh(input)}: the inverse hyperbolic tangent, elementwise.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor atanh(Tensor input) { return input.atanh(); }

    /**
     * {@code torch.exp2(input)}: 2 to the power of each element.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor exp2(Tensor input) { return input.exp2(); }

    /**
     * {@code torch.frac(input)}: the fractional part x - trunc(x).
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape and dtype
     * @throws IllegalArgumentException for a bool or integer input ({@code "frac_cpu" not implemented for 'Long'})
     */
    public static Tensor frac(Tensor input) { return input.frac(); }

    /**
     * {@code torch.absolute(input)}: an alias of abs.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape and dtype
     */
    public static Tensor absolute(Tensor input) { return input.abs(); }

    /**
     * {@code torch.arcsin(input)}: an alias of asin.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor arcsin(Tensor input) { return input.asin(); }

    /**
     * {@code torch.arccos(input)}: an alias of acos.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor arccos(Tensor input) { return input.acos(); }

    /**
     * {@code torch.arctan(input)}: an alias of atan.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor arctan(Tensor input) { return input.atan(); }

    /**
     * {@code torch.arctan2(input, other)}: an alias of atan2.
     *
     * @param input the first operand, any shape
     * @param other the second operand, broadcastable with input
     * @return a new tensor of the broadcast shape and the promoted dtype (integer inputs give float32)
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor arctan2(Tensor input, Tensor other) { return input.atan2(other); }

    /**
     * {@code torch.negative(input)}: an alias of neg.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape and dtype
     * @throws IllegalArgumentException for a bool tensor ("Negation, the `-` operator, on a bool tensor is not
     *     supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
     */
    public static Tensor negative(Tensor input) { return input.neg(); }

    /**
     * {@code torch.fix(input)}: an alias of trunc.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape and dtype
     */
    public static Tensor fix(Tensor input) { return input.trunc(); }

    /**
     * {@code torch.multiply(input, other)}: an alias of mul.
     *
     * @param input the first operand, any shape
     * @param other the second operand, broadcastable with input
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor multiply(Tensor input, Tensor other) { return input.mul(other); }

    /**
     * {@code torch.divide(input, other)}: an alias of div.
     *
     * @param input the first operand, any shape
     * @param other the second operand, broadcastable with input
     * @return a new tensor of the broadcast shape and the promoted dtype (integer inputs give float32)
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor divide(Tensor input, Tensor other) { return input.div(other); }

    /**
     * {@code torch.true_divide(input, other)}: an alias of div.
     *
     * @param input the first operand, any shape
     * @param other the second operand, broadcastable with input
     * @return a new tensor of the broadcast shape and the promoted dtype (integer inputs give float32)
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor trueDivide(Tensor input, Tensor other) { return input.div(other); }

    /**
     * {@code torch.subtract(input, other)}: an alias of sub.
     *
     * @param input the first operand, any shape
     * @param other the second operand, broadcastable with input
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor subtract(Tensor input, Tensor other) { return input.sub(other); }

    /**
     * {@code torch.greater(input, other)}: an alias of gt.
     *
     * @param input the first operand, any shape
     * @param other the second operand, broadcastable with input
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor greater(Tensor input, Tensor other) { return input.gt(other); }

    /**
     * {@code torch.less(input, other)}: an alias of lt.
     *
     * @param input the first operand, any shape
     * @param other the second operand, broadcastable with input
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor less(Tensor input, Tensor other) { return input.lt(other); }

    /**
     * {@code torch.concat(tensors, dim)}: an alias of cat.
     *
     * @param tensors the tensors, of equal rank and equal sizes outside dim (1-d empty tensors are skipped)
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor: the inputs' shape with dim's sizes summed, in the promoted dtype
     * @throws IllegalArgumentException if tensors is empty ("torch.cat(): expected a non-empty list of Tensors") or the
     *     shapes differ outside dim ("Sizes of tensors must match except in dimension d. Expected size m but got size n for
     *     tensor number k in the list.")
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor concat(List<Tensor> tensors, int dim) { return cat(tensors, dim); }

    /**
     * {@code torch.row_stack(tensors)}: an alias of vstack.
     *
     * @param tensors the tensors, non-empty
     * @return a new tensor: the inputs, at least 2-d (1-d ones as rows), joined along dim 0
     * @throws IllegalArgumentException if tensors is empty ("torch.cat(): expected a non-empty list of Tensors") or the
     *     shapes differ outside dim ("Sizes of tensors must match except in dimension d. Expected size m but got size n for
     *     tensor number k in the list.")
     */
    public static Tensor rowStack(List<Tensor> tensors) { return vstack(tensors); }

    /**
     * {@code torch.swapaxes(input, axis0, axis1)}: an alias of transpose.
     *
     * @param input the input tensor
     * @param axis0 the first dim
     * @param axis1 the second dim
     * @return a view of input with the two dims swapped
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor swapaxes(Tensor input, int axis0, int axis1) { return input.transpose(axis0, axis1); }

    /**
     * {@code torch.deg2rad(input)}: degrees converted to radians.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor deg2rad(Tensor input) { return input.deg2rad(); }

    /**
     * {@code torch.rad2deg(input)}: radians converted to degrees.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor rad2deg(Tensor input) { return input.rad2deg(); }

    /**
     * {@code torch.xlogy(input, other)}: input * log(other), 0 where input is 0 unless other is NaN.
     *
     * @param input the first operand, any shape
     * @param other the second operand, broadcastable with input
     * @return a new tensor of the broadcast shape and the promoted dtype (integer inputs give float32)
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor xlogy(Tensor input, Tensor other) { return input.xlogy(other); }

    /**
     * {@code torch.logit(input)}: log(p / (1 - p)), optionally clamped to [eps, 1 - eps].
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor logit(Tensor input) { return input.logit(); }

    /**
     * {@code torch.roll(input, shifts, dims)}: the elements shifted cyclically along dims.
     *
     * @param input the input tensor
     * @param shifts the shift along each dim (negative: backwards)
     * @param dims the dims, one per shift (empty: the flattened tensor, one shift)
     * @return a new tensor of input's shape
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     * @throws IllegalArgumentException if shifts and dims differ in length ("shifts and dimensions must align. shifts:
     *     2, dims:1")
     */
    public static Tensor roll(Tensor input, long[] shifts, int[] dims) { return input.roll(shifts, dims); }

    /**
     * {@code torch.tile(input, dims)}: input repeated by the given counts per dim.
     *
     * @param input the input tensor
     * @param dims the repetitions per dim (padded with leading 1s)
     * @return a new tensor: input's shape (padded with leading 1s) times dims
     */
    public static Tensor tile(Tensor input, long... dims) { return input.tile(dims); }

    /**
     * {@code torch.lerp(input, end, weight)}: input + weight * (end - input).
     *
     * @param input the start values
     * @param end the end values, broadcastable with input
     * @param weight the interpolation weight
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor lerp(Tensor input, Tensor end, double weight) { return input.lerp(end, weight); }

    /**
     * {@code torch.logaddexp(input, other)}: log(exp(input) + exp(other)), computed stably.
     *
     * @param input the first operand, any shape
     * @param other the second operand, broadcastable with input
     * @return a new tensor of the broadcast shape and the promoted dtype (integer inputs give float32)
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor logaddexp(Tensor input, Tensor other) { return input.logaddexp(other); }

    /**
     * {@code torch.hypot(input, other)}: sqrt(input^2 + other^2), elementwise.
     *
     * @param input the first operand, any shape
     * @param other the second operand, broadcastable with input
     * @return a new tensor of the broadcast shape and the promoted dtype (integer inputs give float32)
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor hypot(Tensor input, Tensor other) { return input.hypot(other); }

    /**
     * {@code torch.count_nonzero(input, dims)}: the number of non-zero elements (over dims), int64.
     *
     * @param input the input tensor
     * @param dims the dims to count over (none: all)
     * @return a new int64 tensor: input's shape without dims (0-dim when dims is empty)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor countNonzero(Tensor input, int... dims) { return input.countNonzero(dims); }

    /**
     * {@code torch.index_add(input, dim, index, source)}: adds source into the rows (along dim) given by index.
     *
     * @param input the tensor copied first
     * @param dim the dimension (negative counts from the end)
     * @param index the 1-d int64 indices into dim
     * @param source the slices added: input's shape with dim of index's length
     * @return a new tensor of input's shape and dtype
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     * @throws IllegalArgumentException if index is not 1-d int64, source's shape does not fit, or an index is out of
     *     range
     */
    public static Tensor indexAdd(Tensor input, int dim, Tensor index, Tensor source) { return input.indexAdd(dim, index, source); }

    /**
     * How often each non-negative integer occurs in a 1-d int tensor (weights: summed instead of counted); at least
     * minlength bins.
     *
     * <p>PyTorch: {@code torch.bincount}.
     *
     * @param input the 1-d non-negative integer values
     * @param weights a weight per element of input, or null
     * @param minlength the least number of bins
     * @return a new 1-d tensor of max(input) + 1 bins (at least minlength): int64 counts, or the weights' dtype when
     *     weighted
     * @throws IllegalArgumentException if input is not 1-d or has a negative value ("bincount only supports 1-d
     *     non-negative integral inputs."), is not integral, minlength is negative ("minlength should be &gt;= 0") or
     *     weights differs in length ("weights should be 1-d and have the same length as input")
     */
    public static Tensor bincount(Tensor input, Tensor weights, long minlength) {
        if (input.dim() != 1) throw new IllegalArgumentException("bincount only supports 1-d non-negative integral inputs.");
        if (input.isFloatingPoint() || input.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("\"bincount_cpu\" not implemented for '" + input.dtype().scalarTypeName() + "'");
        }
        if (minlength < 0) throw new IllegalArgumentException("minlength should be >= 0");
        if (weights != null && (weights.dim() != 1 || weights.size(0) != input.size(0))) {
            throw new IllegalArgumentException("weights should be 1-d and have the same length as input");
        }
        long[] v = input.toLongArray();
        long max = -1;
        for (long x : v) {
            if (x < 0) throw new IllegalArgumentException("bincount only supports 1-d non-negative integral inputs.");
            max = Math.max(max, x);
        }
        long bins = Math.max(minlength, max + 1);
        Tensor index = input.toLong();
        if (weights == null) return zeros(DType.INT64, bins).scatterAdd(0, index, onesLike(index));
        DType t = weights.isFloatingPoint() ? weights.dtype() : DType.FLOAT64;
        return zeros(t, bins).scatterAdd(0, index, weights.to(t));
    }

    /**
     * {@code torch.bincount(input)}: the count of each non-negative integer value (weighted when weights are given),
     * int64.
     *
     * @param input the 1-d non-negative integer values
     * @return a new 1-d int64 tensor of max(input) + 1 counts
     * @throws IllegalArgumentException if input is not 1-d or has a negative value ("bincount only supports 1-d
     *     non-negative integral inputs.") or is not integral
     */
    public static Tensor bincount(Tensor input) { return bincount(input, null, 0); }

    /**
     * Coordinate grids: tensors[i] (1-d) expanded along every dim; indexing "ij" (matrix) or "xy" (the first two
     * inputs' dims swapped).
     *
     * <p>PyTorch: {@code torch.meshgrid}.
     *
     * @param tensors 0-d or 1-d tensors
     * @param indexing "ij" (matrix) or "xy" (Cartesian)
     * @return one tensor per input, each of shape (len_0, len_1, ...) (the first two swapped for "xy")
     * @throws IllegalArgumentException if a tensor has more than 1 dim ("torch.meshgrid: Expected 0D or 1D tensor in
     *     the tensor list but got: ...") or indexing is neither "ij" nor "xy"
     */
    public static List<Tensor> meshgrid(List<Tensor> tensors, String indexing) {
        if (!indexing.equals("ij") && !indexing.equals("xy")) {
            throw new IllegalArgumentException("torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: " + indexing);
        }
        int n = tensors.size();
        boolean swap = indexing.equals("xy") && n >= 2;
        List<Tensor> ts = new java.util.ArrayList<>(tensors);
        if (swap) java.util.Collections.swap(ts, 0, 1);
        long[] shape = new long[n];
        for (int i = 0; i < n; i++) {
            if (ts.get(i).dim() > 1) throw new IllegalArgumentException("torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: "
                    + ts.get(i));
            shape[i] = ts.get(i).numel();
        }
        List<Tensor> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long[] view = new long[n];
            java.util.Arrays.fill(view, 1);
            view[i] = -1;
            out.add(ts.get(i).view(view).expand(shape));
        }
        if (swap) java.util.Collections.swap(out, 0, 1);
        return out;
    }

    /**
     * The (row, column) coordinates of the upper triangle (column - row >= offset) of a row x col matrix: (2, N) int64.
     *
     * <p>PyTorch: {@code torch.triu_indices}.
     *
     * @param row the number of rows
     * @param col the number of columns
     * @param offset the diagonal: 0 the main one, positive above, negative below
     * @return a new (2, N) int64 tensor: the row indices, then the column indices
     * @throws IllegalArgumentException if row or col is negative ("row must be non-negative, got-1")
     */
    public static Tensor triuIndices(long row, long col, long offset) { return triangleIndices(row, col, offset, false); }

    /**
     * The coordinates of the lower triangle (column - row &lt;= offset).
     *
     * <p>PyTorch: {@code torch.tril_indices}.
     *
     * @param row the number of rows
     * @param col the number of columns
     * @param offset the diagonal: 0 the main one, positive above, negative below
     * @return a new (2, N) int64 tensor: the row indices, then the column indices
     * @throws IllegalArgumentException if row or col is negative ("row must be non-negative, got-1")
     */
    public static Tensor trilIndices(long row, long col, long offset) { return triangleIndices(row, col, offset, true); }

    private static Tensor triangleIndices(long row, long col, long offset, boolean lower) {
        if (row < 0 || col < 0) throw new IllegalArgumentException("row must be non-negative, got" + Math.min(row, col));
        List<long[]> coords = new java.util.ArrayList<>();
        for (long r = 0; r < row; r++) {
            for (long c = 0; c < col; c++) {
                if (lower ? c - r <= offset : c - r >= offset) coords.add(new long[] {r, c});
            }
        }
        long[] flat = new long[2 * coords.size()];
        for (int i = 0; i < coords.size(); i++) {
            flat[i] = coords.get(i)[0];
            flat[coords.size() + i] = coords.get(i)[1];
        }
        return tensor(flat).reshape(2, coords.size());
    }

    /**
     * torch.linalg.qr(A) (reduced): [Q, R] with Q's columns orthonormal and R upper triangular.
     *
     * <p>PyTorch: {@code torch.qr}.
     *
     * @param input the matrix (*, m, n), float32 or float64
     * @return [Q, R]: Q (*, m, k) with orthonormal columns, R (*, k, n) upper triangular, k = min(m, n)
     * @throws IllegalArgumentException if input has fewer than 2 dims or another dtype
     */
    public static List<Tensor> qr(Tensor input) {
        Linalg.Qr r = Linalg.qr(input);
        return List.of(r.Q(), r.R());
    }

    // ---------------------------------------------------------------- torch.* forms of torch.linalg

    /**
     * torch.return_types.svd of the deprecated torch.svd: V, not Vh.
     *
     * @param U the left singular vectors as columns
     * @param S the singular values, descending
     * @param V the right singular vectors as columns (the transpose of linalg.svd's Vh)
     */
    public record Svd(Tensor U, Tensor S, Tensor V) {
        @Override public String toString() { return "torch.return_types.svd(\nU=" + U + ",\nS=" + S + ",\nV=" + V + ")"; }
    }

    /**
     * torch.inverse = linalg.inv.
     *
     * @param input the square matrix (*, n, n), float32 or float64
     * @return the inverses, input's shape
     * @throws IllegalArgumentException if input is not a batch of square matrices or a matrix is singular ("linalg.inv:
     *     The diagonal element i is zero, the inversion could not be completed because the input matrix is singular.")
     */
    public static Tensor inverse(Tensor input) { return Linalg.inv(input); }

    /**
     * torch.det = linalg.det.
     *
     * @param input the square matrix (*, n, n), float32 or float64
     * @return the values, shape input.shape[:-2]
     * @throws IllegalArgumentException if input is not a batch of square float32 or float64 matrices ("linalg.det: A
     *     must be batches of square matrices, but they are 2 by 3 matrices")
     */
    public static Tensor det(Tensor input) { return Linalg.det(input); }

    /**
     * log(det), NaN where det is negative: where(sign == -1, nan, logabsdet).
     *
     * <p>PyTorch: {@code torch.logdet}.
     *
     * @param input the square matrix (*, n, n), float32 or float64
     * @return the values, shape input.shape[:-2]
     * @throws IllegalArgumentException if input is not a batch of square float32 or float64 matrices ("logdet: A must
     *     be batches of square matrices, but they are 2 by 3 matrices")
     */
    public static Tensor logdet(Tensor input) {
        Tensor[] r = dev.jgrad.internal.ops.Decompositions.slogdet(input, "logdet");
        return r[1].where(r[0].ne(-1.0), Double.NaN);
    }

    /**
     * {@code torch.slogdet(input)}: the sign and log of |det| of each square matrix.
     *
     * @param input the square matrix (*, n, n), float32 or float64
     * @return the signs and log|det|, each of shape input.shape[:-2]
     * @throws IllegalArgumentException if input is not a batch of square float32 or float64 matrices
     */
    public static Linalg.Slogdet slogdet(Tensor input) { return Linalg.slogdet(input); }

    /**
     * The deprecated torch.cholesky: lower by default (grad_fn CholeskyBackward0).
     *
     * @param input the symmetric positive-definite matrix (*, n, n), float32 or float64
     * @return the triangular factor, input's shape
     * @throws IllegalArgumentException if input is not a batch of square matrices or is not positive-definite
     *     ("cholesky: The factorization could not be completed because the input is not positive-definite (the leading
     *     minor of order i is not positive-definite).")
     */
    public static Tensor cholesky(Tensor input) { return cholesky(input, false); }

    /**
     * {@code torch.cholesky(input, upper)}: the lower (or upper) Cholesky factor of a symmetric positive-definite
     * matrix.
     *
     * @param input the symmetric positive-definite matrix (*, n, n), float32 or float64
     * @param upper whether to return U with A = U^T U (else L with A = L L^T)
     * @return the triangular factor, input's shape
     * @throws IllegalArgumentException if input is not a batch of square matrices or is not positive-definite
     *     ("cholesky: The factorization could not be completed because the input is not positive-definite (the leading
     *     minor of order i is not positive-definite).")
     */
    public static Tensor cholesky(Tensor input, boolean upper) { return dev.jgrad.internal.ops.Decompositions.cholesky(input, upper, "cholesky"); }

    /**
     * The deprecated torch.svd (some = true): the reduced U, S and V = Vh^T.
     *
     * @param input the matrix (*, m, n), float32 or float64
     * @return U, S and V (not Vh): (*, m, k), (*, k), (*, n, k) with k = min(m, n) when some, else U (*, m, m) and V
     *     (*, n, n)
     * @throws IllegalArgumentException if input has fewer than 2 dims or another dtype
     */
    public static Svd svd(Tensor input) { return svd(input, true, true); }

    /**
     * {@code torch.svd(input, some)}: the singular value decomposition U, S, V.
     *
     * @param input the matrix (*, m, n), float32 or float64
     * @param some whether to return the reduced U and V
     * @return U, S and V (not Vh): (*, m, k), (*, k), (*, n, k) with k = min(m, n) when some, else U (*, m, m) and V
     *     (*, n, n)
     * @throws IllegalArgumentException if input has fewer than 2 dims or another dtype
     */
    public static Svd svd(Tensor input, boolean some) { return svd(input, some, true); }

    /**
     * computeUv false: U and V are zero-filled (m x m and n x n), as PyTorch returns them.
     *
     * <p>PyTorch: {@code torch.svd}.
     *
     * @param input the matrix (*, m, n), float32 or float64
     * @param some whether to return the reduced U and V
     * @param computeUv whether U and V are computed (else zero-filled)
     * @return U, S and V (not Vh): (*, m, k), (*, k), (*, n, k) with k = min(m, n) when some, else U (*, m, m) and V
     *     (*, n, n)
     * @throws IllegalArgumentException if input has fewer than 2 dims or another dtype
     */
    public static Svd svd(Tensor input, boolean some, boolean computeUv) {
        if (input.dim() < 2) {
            throw new IllegalArgumentException("linalg.svd: input should have at least 2 dimensions, but has " + input.dim() + " dimensions instead");
        }
        if (!computeUv) {
            Tensor s = Linalg.svdvals(input);
            long[] u = input.shape().clone(), v = input.shape().clone();
            u[u.length - 1] = input.size(-2);
            v[v.length - 2] = input.size(-1);
            return new Svd(input.newZeros(u), s, input.newZeros(v));
        }
        Linalg.Svd r = Linalg.svd(input, !some);
        return new Svd(r.U(), r.S(), r.Vh().mT());
    }

    /**
     * {@code torch.matrix_power(input, n)}: the n-th power of each square matrix (the inverse's for n &lt; 0).
     *
     * @param input the square matrix (*, n, n)
     * @param n the exponent, any integer
     * @return input^n, input's shape
     * @throws IllegalArgumentException if input is not a batch of square matrices, or n &lt; 0 and a matrix is singular
     */
    public static Tensor matrixPower(Tensor input, long n) { return Linalg.matrixPower(input, n); }

    /**
     * torch.cross without dim: along the first dim of size 3 (deprecated in PyTorch).
     *
     * @param input the first vectors
     * @param other the second vectors, same rank, broadcastable with input
     * @return the cross products: the broadcast shape
     * @throws IllegalArgumentException if no dim has size 3 ("no dimension of size 3 in input"), the ranks differ or
     *     the dtypes differ
     */
    public static Tensor cross(Tensor input, Tensor other) { return Linalg.cross(input, other, dev.jgrad.internal.ops.MatrixFunctions.defaultCrossDim(input)); }

    /**
     * {@code torch.cross(input, other, dim)}: the cross product along a dim of size 3.
     *
     * @param input the first vectors
     * @param other the second vectors, same rank, broadcastable with input
     * @param dim the dimension of size 3
     * @return the cross products: the broadcast shape
     * @throws IllegalArgumentException if the ranks differ ("linalg.cross: inputs must have the same number of
     *     dimensions."), dim is not of size 3 or the dtypes differ
     */
    public static Tensor cross(Tensor input, Tensor other, int dim) { return Linalg.cross(input, other, dim); }

    /**
     * torch.pinverse: linalg.pinv with rtol = rcond (1e-15 by default).
     *
     * @param input the matrix (*, m, n), float32 or float64
     * @return the pseudo-inverses (*, n, m)
     * @throws IllegalArgumentException if input has fewer than 2 dims or another dtype
     */
    public static Tensor pinverse(Tensor input) { return pinverse(input, 1e-15); }

    /**
     * {@code torch.pinverse(input, rcond)}: the Moore-Penrose pseudo-inverse.
     *
     * @param input the matrix (*, m, n), float32 or float64
     * @param rcond singular values below rcond times the largest count as zero
     * @return the pseudo-inverses (*, n, m)
     * @throws IllegalArgumentException if input has fewer than 2 dims or another dtype
     */
    public static Tensor pinverse(Tensor input, double rcond) { return Linalg.pinv(input, 0.0, rcond, false); }

    /**
     * {@code torch.trace(input)}: the sum of a matrix's diagonal.
     *
     * @param input the 2-d matrix
     * @return a new 0-dim tensor (int64 for integer input)
     * @throws IllegalArgumentException if input is not 2-d ("trace: expected a matrix, but got tensor with dim 3")
     */
    public static Tensor trace(Tensor input) { return input.trace(); }

    /**
     * Of a vector: the matrix with it on the main diagonal. Of a matrix: its main diagonal.
     *
     * <p>PyTorch: {@code torch.diag}.
     *
     * @param input a 1-d or 2-d tensor
     * @return a new (n + |diagonal|) square matrix for a vector, a new 1-d tensor for a matrix
     * @throws IllegalArgumentException if input is not 1-d or 2-d ("diag(): Supports 1D or 2D tensors. Got 3D")
     */
    public static Tensor diag(Tensor input) { return diag(input, 0); }

    /**
     * {@code torch.diag(input, diagonal)}: the diagonal of a matrix as a vector, or a vector as a diagonal matrix.
     *
     * @param input a 1-d or 2-d tensor
     * @param diagonal 0 the main diagonal, positive above, negative below
     * @return a new (n + |diagonal|) square matrix for a vector, a new 1-d tensor for a matrix
     * @throws IllegalArgumentException if input is not 1-d or 2-d ("diag(): Supports 1D or 2D tensors. Got 3D")
     */
    public static Tensor diag(Tensor input, long diagonal) { return Diagonals.diag(input, diagonal); }

    /**
     * {@code torch.rsqrt(input)}: 1 / sqrt(x), elementwise.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor rsqrt(Tensor input) { return input.rsqrt(); }

    /**
     * Einstein summation over single-letter subscripts ("ij,jk->ik"), composed from differentiable ops as PyTorch
     * composes it.
     *
     * <p>PyTorch: {@code torch.einsum}.
     *
     * @param equation the subscripts, e.g. "ij,jk->ik" ("..." for broadcast dims)
     * @param operands one tensor per input term
     * @return a new tensor with the output subscripts' dims (the implicit output: the letters used once, in
     *     alphabetical order)
     * @throws IllegalArgumentException if the equation does not fit the operands (PyTorch's einsum() messages, e.g.
     *     "einsum(): the number of subscripts in the equation (2) does not match the number of dimensions (3) for operand 0
     *     and no ellipsis was given")
     */
    public static Tensor einsum(String equation, Tensor... operands) { return dev.jgrad.internal.ops.Einsum.einsum(equation, List.of(operands)); }

    /**
     * {@code torch.median(input)}: the lower median (over all elements, or along dim with indices).
     *
     * @param input the input tensor
     * @return a new 0-dim tensor of input's dtype
     */
    public static Tensor median(Tensor input) { return input.median(); }

    /**
     * {@code torch.median(input, dim, keepdim)}: the lower median (over all elements, or along dim with indices).
     *
     * @param input the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return the values and their int64 indices: input's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static ValuesIndices median(Tensor input, int dim, boolean keepdim) { return input.median(dim, keepdim); }

    /**
     * [values, inverse (if asked), counts (if asked)]: the distinct values ascending (sorted is accepted; the result is
     * sorted either way).
     *
     * <p>PyTorch: {@code torch.unique}.
     *
     * @param input the input tensor
     * @param sorted accepted for PyTorch's signature (the values come sorted anyway)
     * @param returnInverse whether to return each element's index into values
     * @param returnCounts whether to return each value's count
     * @return [values] (1-d, ascending), plus the int64 inverse indices (input's shape) when returnInverse, plus the
     *     int64 counts when returnCounts
     */
    public static List<Tensor> unique(Tensor input, boolean sorted, boolean returnInverse, boolean returnCounts) {
        return dev.jgrad.internal.ops.Sorting.unique(input, returnInverse, returnCounts);
    }

    /**
     * Insertion points of values in the sorted last dim of sortedSequence (before equal elements; after them when
     * right).
     *
     * <p>PyTorch: {@code torch.searchsorted}.
     *
     * @param sortedSequence the sorted values: 1-d, or (*, M) with the leading dims of values
     * @param values the values to place
     * @param right whether to return the index after equal elements (else before)
     * @return a new int64 tensor of values' shape
     * @throws IllegalArgumentException if the leading dims differ ("torch.searchsorted(): boundaries tensor should be 1
     *     dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, ...")
     */
    public static Tensor searchsorted(Tensor sortedSequence, Tensor values, boolean right) {
        return dev.jgrad.internal.ops.Sorting.searchsorted(sortedSequence, values, right);
    }

    /**
     * {@code torch.searchsorted(sorted_sequence, values)}: the indices where values would be inserted into the sorted
     * last dim to keep it sorted.
     *
     * @param sortedSequence the sorted values: 1-d, or (*, M) with the leading dims of values
     * @param values the values to place
     * @return a new int64 tensor of values' shape
     * @throws IllegalArgumentException if the leading dims differ ("torch.searchsorted(): boundaries tensor should be 1
     *     dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, ...")
     */
    public static Tensor searchsorted(Tensor sortedSequence, Tensor values) { return searchsorted(sortedSequence, values, false); }

    /**
     * The bucket of each input element among the sorted 1-d boundaries.
     *
     * <p>PyTorch: {@code torch.bucketize}.
     *
     * @param input the values to place
     * @param boundaries the 1-d ascending boundaries
     * @param right whether to return the index after equal elements (else before)
     * @return a new int64 tensor of input's shape
     * @throws IllegalArgumentException if boundaries is not 1-d ("boundaries tensor must be 1 dimension, but got
     *     dim(2)")
     */
    public static Tensor bucketize(Tensor input, Tensor boundaries, boolean right) {
        if (boundaries.dim() != 1) {
            throw new IllegalArgumentException("boundaries tensor must be 1 dimension, but got dim(" + boundaries.dim() + ")");
        }
        return searchsorted(boundaries, input, right);
    }

    /**
     * Machine limits of a floating dtype (torch.finfo).
     *
     * @param bits the number of bits of the dtype
     * @param eps the gap between 1 and the next representable number
     * @param max the largest finite value
     * @param min the lowest finite value (-max)
     * @param tiny the smallest positive normal value
     * @param resolution the approximate decimal resolution, 10^-digits
     * @param dtype the dtype described
     */
    public record FloatInfo(int bits, double eps, double max, double min, double tiny, double resolution, DType dtype) {}

    /**
     * Machine limits of an integral dtype (torch.iinfo).
     *
     * @param bits the number of bits of the dtype
     * @param max the largest value
     * @param min the lowest value
     * @param dtype the dtype described
     */
    public record IntInfo(int bits, long max, long min, DType dtype) {}

    /**
     * {@code torch.finfo(dtype)}: the limits of a floating dtype ({@code torch.finfo}).
     *
     * @param dtype a floating dtype
     * @return the limits: bits, eps, max, min, tiny, resolution
     * @throws IllegalArgumentException if dtype is not floating ("torch.finfo() requires a floating point input type.
     *     Use torch.iinfo to handle 'int64'")
     */
    public static FloatInfo finfo(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> new FloatInfo(32, Math.ulp(1.0f), Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, 1e-6, dtype);
            case FLOAT64 -> new FloatInfo(64, Math.ulp(1.0), Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1e-15, dtype);
            case FLOAT16 -> new FloatInfo(16, 0x1p-10, 65504, -65504, 0x1p-14, 1e-3, dtype);
            case BFLOAT16 -> new FloatInfo(16, 0x1p-7, 0x1.fep127, -0x1.fep127, 0x1p-126, 1e-2, dtype);
            default -> throw new IllegalArgumentException("torch.finfo() requires a floating point input type. Use torch.iinfo to handle '"
                    + dtype.shortName() + "'");
        };
    }

    /**
     * {@code torch.finfo()}: the limits of a floating dtype ({@code torch.finfo}).
     *
     * @return the limits of float32
     */
    public static FloatInfo finfo() { return finfo(DType.FLOAT32); }

    /**
     * {@code torch.iinfo(dtype)}: the limits of an integer dtype ({@code torch.iinfo}).
     *
     * @param dtype an integral dtype
     * @return the limits: bits, max, min
     * @throws IllegalArgumentException if dtype is not integral ("torch.iinfo() requires an integer input type. Use
     *     torch.finfo to handle 'float32'")
     */
    public static IntInfo iinfo(DType dtype) {
        return switch (dtype) {
            case INT64 -> new IntInfo(64, Long.MAX_VALUE, Long.MIN_VALUE, dtype);
            case INT32 -> new IntInfo(32, Integer.MAX_VALUE, Integer.MIN_VALUE, dtype);
            default -> throw new IllegalArgumentException("torch.iinfo() requires an integer input type. Use torch.finfo to handle '"
                    + dtype.shortName() + "'");
        };
    }

    /**
     * torch.as_tensor of a Java array (or number): as {@link #tensor(Object)}.
     *
     * @param data a number or a (nested) Java array or List of numbers or booleans
     * @return a new tensor of the data's nested shape
     */
    public static Tensor asTensor(Object data) { return tensor(data); }

    /**
     * torch.as_tensor with a dtype.
     *
     * @param data a number or a (nested) Java array or List of numbers or booleans
     * @param dtype the dtype of the result
     * @return a new tensor of the data's nested shape
     */
    public static Tensor asTensor(Object data, DType dtype) { return tensor(data, dtype); }

    /**
     * {@code torch.masked_select(input, mask)}: the elements where mask (broadcast) is true, as a 1-d copy.
     *
     * @param input the input tensor
     * @param mask the bool mask, broadcastable with input
     * @return a new 1-d tensor of the selected elements, in row-major order
     * @throws IllegalArgumentException if mask is not bool ("masked_select: expected BoolTensor or ByteTensor for
     *     mask") or the shapes do not broadcast
     */
    public static Tensor maskedSelect(Tensor input, Tensor mask) { return input.maskedSelect(mask); }

    /**
     * numSamples category indices drawn from each row of weights (PyTorch's CPU draws for the same seed).
     *
     * <p>PyTorch: {@code torch.multinomial}.
     *
     * @param input the non-negative weights: 1-d, or 2-d with one distribution per row
     * @param numSamples the number of draws per row
     * @return a new int64 tensor (numSamples) for a 1-d input, (rows, numSamples) for a 2-d one
     * @throws IllegalArgumentException if input is not 1-d or 2-d, has a negative, infinite or NaN weight, a row sums
     *     to 0, or numSamples exceeds the categories without replacement ("cannot sample n_sample &gt; prob_dist.size(-1)
     *     samples without replacement")
     */
    public static Tensor multinomial(Tensor input, long numSamples) { return input.multinomial(numSamples); }

    /**
     * {@code torch.multinomial(input, num_samples, replacement)}: numSamples category indices drawn from the rows'
     * weights.
     *
     * @param input the non-negative weights: 1-d, or 2-d with one distribution per row
     * @param numSamples the number of draws per row
     * @param replacement whether to draw with replacement
     * @return a new int64 tensor (numSamples) for a 1-d input, (rows, numSamples) for a 2-d one
     * @throws IllegalArgumentException if input is not 1-d or 2-d, has a negative, infinite or NaN weight, a row sums
     *     to 0, or numSamples exceeds the categories without replacement ("cannot sample n_sample &gt; prob_dist.size(-1)
     *     samples without replacement")
     */
    public static Tensor multinomial(Tensor input, long numSamples, boolean replacement) { return input.multinomial(numSamples, replacement); }

    /**
     * {@code torch.multinomial(input, num_samples, replacement, generator)}: numSamples category indices drawn from
     * the rows' weights.
     *
     * @param input the non-negative weights: 1-d, or 2-d with one distribution per row
     * @param numSamples the number of draws per row
     * @param replacement whether to draw with replacement
     * @param generator the random generator to draw from
     * @return a new int64 tensor (numSamples) for a 1-d input, (rows, numSamples) for a 2-d one
     * @throws IllegalArgumentException if input is not 1-d or 2-d, has a negative, infinite or NaN weight, a row sums
     *     to 0, or numSamples exceeds the categories without replacement ("cannot sample n_sample &gt; prob_dist.size(-1)
     *     samples without replacement")
     */
    public static Tensor multinomial(Tensor input, long numSamples, boolean replacement, Generator generator) {
        return input.multinomial(numSamples, replacement, generator);
    }

    /**
     * {@code torch.nonzero(input)}: the indices of the non-zero elements, one row each, int64.
     *
     * @param input the input tensor
     * @return a new int64 tensor (number of non-zeros, input.dim()), one coordinate row per element in row-major order
     */
    public static Tensor nonzero(Tensor input) { return input.nonzero(); }

    /**
     * {@code torch.argwhere(input)}: the indices of the non-zero elements, one row per element, int64.
     *
     * @param input the input tensor
     * @return a new int64 tensor (number of non-zeros, input.dim()), one coordinate row per element in row-major order
     */
    public static Tensor argwhere(Tensor input) { return input.argwhere(); }

    /**
     * torch.where(condition) with one argument: nonzero(condition, as_tuple=True).
     *
     * @param condition the tensor whose non-zero elements are wanted
     * @return one int64 index tensor per dim of condition, the coordinates of its non-zero elements
     */
    public static List<Tensor> where(Tensor condition) { return condition.nonzeroTuple(); }

    /**
     * {@code torch.scatter(input, dim, index, src)}: a copy with src (or value) written at index along dim.
     *
     * @param input the tensor copied first
     * @param dim the dimension (negative counts from the end)
     * @param index the int64 indices along dim, of src's rank
     * @param src the values written (added), input's dtype
     * @return a new tensor of input's shape and dtype
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     * @throws IllegalArgumentException if index is not int64, its rank differs from input's ("Index tensor must have
     *     the same number of dimensions as self tensor"), or an index is out of range
     */
    public static Tensor scatter(Tensor input, int dim, Tensor index, Tensor src) { return input.scatter(dim, index, src); }

    /**
     * {@code torch.expm1(input)}: exp(x) - 1, accurate near 0.
     *
     * @param input the input tensor, any shape
     * @return a new tensor of the input's shape (integer and bool inputs give float32)
     */
    public static Tensor expm1(Tensor input) { return input.expm1(); }

    // ---------------------------------------------------------------- nn ops

    /**
     * {@code torch.softmax(input, dim)}: exp(x) normalised to sum 1 along dim.
     *
     * @param input the input tensor
     * @param dim the dimension the values are normalised over (negative counts from the end)
     * @return a new tensor of input's shape
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor softmax(Tensor input, int dim) { return input.softmax(dim); }

    /**
     * {@code torch.log_softmax(input, dim)}: log(softmax(x)) along dim, computed stably.
     *
     * @param input the input tensor
     * @param dim the dimension the values are normalised over (negative counts from the end)
     * @return a new tensor of input's shape
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor logSoftmax(Tensor input, int dim) { return input.logSoftmax(dim); }

    /**
     * {@code torch.logsumexp(input, dim, keepdim)}: log(sum(exp(x))) over dims, computed stably.
     *
     * @param input the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return a new tensor: input's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor logsumexp(Tensor input, int dim, boolean keepdim) { return input.logsumexp(dim, keepdim); }

    /**
     * {@code torch.index_select(input, dim, index)}: the slices of input along dim at the int64 indices, a copy.
     *
     * @param input the source tensor
     * @param dim the dimension (negative counts from the end)
     * @param index the 1-d (or 0-d) int64 indices into dim
     * @return a new tensor: input's shape with dim's size replaced by index's length
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     * @throws IllegalArgumentException if index is not 1-d int64 or an index is out of range ("index out of range in
     *     self")
     */
    public static Tensor indexSelect(Tensor input, int dim, Tensor index) { return input.indexSelect(dim, index); }

    /**
     * {@code torch.addmm(input, mat1, mat2)}: input + (mat1 @ mat2).
     *
     * @param input the addend, broadcastable to (n, p)
     * @param mat1 the (n, m) matrix
     * @param mat2 the (m, p) matrix
     * @return a new (n, p) tensor
     * @throws IllegalArgumentException if the shapes cannot be multiplied (PyTorch's message, e.g. "mat1 and mat2
     *     shapes cannot be multiplied (2x3 and 4x5)")
     */
    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2) { return input.addmm(mat1, mat2); }

    /**
     * input (n, c, h, w) or (c, h, w); weight (out, c / groups, kh, kw); bias (out) or null; pairs may have one
     * element.
     *
     * <p>PyTorch: {@code torch.conv2d}.
     *
     * @param input the input (N, C_in, H, W) or (C_in, H, W)
     * @param weight the filters (C_out, C_in / groups, kH, kW)
     * @param bias the bias (C_out), or null
     * @param stride the stride (one value or a pair)
     * @param padding the zero padding (one value or a pair)
     * @param dilation the dilation (one value or a pair)
     * @param groups the number of groups (C_in and C_out divisible by it)
     * @return the output (N, C_out, H_out, W_out), or unbatched (C_out, H_out, W_out)
     * @throws IllegalArgumentException if the shapes do not fit, with PyTorch's messages ("Given groups=1, weight of
     *     size [...], expected input[...] to have C channels, but got c channels instead", ...)
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        return Convolution.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * {@code F.unfold}: (n, c, h, w) to the sliding windows' columns (n, c * kh * kw, blocks).
     *
     * @param input the input (N, C, H, W) or (C, H, W)
     * @param kernelSize the window (one value or a pair)
     * @param dilation the spacing (one value or a pair)
     * @param padding the zero padding (one value or a pair)
     * @param stride the step (one value or a pair)
     * @return the columns (N, C kH kW, L), L the number of window positions
     * @throws IllegalArgumentException for input of the wrong rank or a window that does not fit
     */
    public static Tensor im2col(Tensor input, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        return Convolution.im2col(input, kernelSize, dilation, padding, stride);
    }

    /**
     * {@code F.fold}: columns back into (n, c, outputSize), summing where windows overlap.
     *
     * @param input the columns (N, C kH kW, L) or (C kH kW, L)
     * @param outputSize the output (H, W)
     * @param kernelSize the window (one value or a pair)
     * @param dilation the spacing (one value or a pair)
     * @param padding the zero padding (one value or a pair)
     * @param stride the step (one value or a pair)
     * @return the summed blocks (N, C, outputSize[0], outputSize[1])
     * @throws IllegalArgumentException if dim 1 is not divisible by the window size or L does not match the number of
     *     blocks
     */
    public static Tensor col2im(Tensor input, int[] outputSize, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        return Convolution.col2im(input, outputSize, kernelSize, dilation, padding, stride);
    }

    /**
     * Values and flat (h * w) indices of each window's maximum; an empty stride means the kernel size.
     *
     * <p>PyTorch: {@code torch.nn.functional.max_pool2d}.
     *
     * @param input the input (N, C, H, W) or (C, H, W)
     * @param kernelSize the window (one value or a pair)
     * @param stride the step (one value or a pair; empty or null: the kernel size)
     * @param padding the -inf padding (one value or a pair), at most half the kernel
     * @param dilation the spacing (one value or a pair)
     * @param ceilMode whether the output size rounds up
     * @return the values (N, C, H_out, W_out) and the int64 flat index h W + w of each maximum in its plane
     * @throws IllegalArgumentException for input of the wrong rank, too much padding or an empty output
     */
    public static ValuesIndices maxPool2dWithIndices(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                                                     boolean ceilMode) {
        return Convolution.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * {@code torch.layer_norm(input, normalized_shape, weight, bias, eps)}: normalisation over the trailing
     * normalizedShape dims, with optional weight and bias.
     *
     * <p>PyTorch: {@code torch.nn.functional.layer_norm}.
     *
     * @param input the input (*, normalizedShape)
     * @param normalizedShape the trailing shape normalised over
     * @param weight the scale of shape normalizedShape, or null
     * @param bias the shift of shape normalizedShape, or null
     * @param eps a small value added for numerical stability
     * @return a new tensor of input's shape
     * @throws IllegalArgumentException if input does not end in normalizedShape ("Given normalized_shape=[...],
     *     expected input with shape [*, ...], but got input of size[...]") or weight or bias has another shape
     */
    public static Tensor layerNorm(Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return Normalization.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    /**
     * Updates runningMean/runningVar in place when training and they are given.
     *
     * <p>PyTorch: {@code torch.nn.functional.batch_norm}.
     *
     * @param input the input (N, C, *)
     * @param runningMean the running mean (C), updated in place in training; may be null
     * @param runningVar the running variance (C), updated in place in training; may be null
     * @param weight the scale (C), or null
     * @param bias the shift (C), or null
     * @param training whether to use the batch statistics
     * @param momentum the factor of the running statistics update
     * @param eps a small value added for numerical stability
     * @return a new tensor of input's shape
     * @throws IllegalArgumentException if input has fewer than 2 dims, the statistics are not of size C, or a channel
     *     has one value in training ("Expected more than 1 value per channel when training, got input size ...")
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias, boolean training,
                                   double momentum, double eps) {
        return Normalization.batchNorm(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    /**
     * Rows of weight picked by indices; paddingIdx (or -1 for none) gets no gradient.
     *
     * <p>PyTorch: {@code torch.nn.functional.embedding}.
     *
     * @param weight the embedding matrix (num_embeddings, embedding_dim)
     * @param indices the int64 row indices, any shape
     * @param paddingIdx the row that gets no gradient, or -1 for none
     * @return the rows: indices' shape + (embedding_dim)
     * @throws IllegalArgumentException if an index is out of range ("index out of range in self")
     */
    public static Tensor embedding(Tensor weight, Tensor indices, long paddingIdx) { return Gathering.embedding(weight, indices, paddingIdx); }

    /**
     * reduction: "none", "mean" or "sum"; weight may be null.
     *
     * <p>PyTorch: {@code torch.nn.functional.nll_loss}.
     *
     * @param input the log-probabilities (N, C), (C) or (N, C, d1, ...)
     * @param target the int64 class indices (N), () or (N, d1, ...)
     * @param weight a weight per class (C), or null
     * @param reduction how the losses are reduced: "mean", "sum" or "none"
     * @param ignoreIndex a target value that contributes nothing
     * @return the loss: 0-dim for "mean" and "sum", (N, ...) for "none"
     * @throws IllegalArgumentException if target is not int64, the batch sizes differ, a class index is out of range
     *     ("Target 5 is out of bounds.") or reduction is unknown
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, String reduction, long ignoreIndex) {
        return Losses.nllLoss(input, target, weight, reduction, ignoreIndex);
    }

    /**
     * {@code torch.mse_loss(input, target, reduction)}: the squared error of input against target, reduced.
     *
     * @param input the prediction
     * @param target the target, broadcastable with input
     * @param reduction how the losses are reduced: "mean", "sum" or "none"
     * @return the loss: 0-dim for "mean" and "sum", the broadcast shape for "none"
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     * @throws IllegalArgumentException if reduction is unknown ("... is not a valid value for reduction")
     */
    public static Tensor mseLoss(Tensor input, Tensor target, String reduction) { return Losses.mseLoss(input, target, reduction); }

    /**
     * {@code torch.binary_cross_entropy(input, target, weight, reduction)}: the binary cross entropy of probabilities
     * input against target.
     *
     * @param input the probabilities in [0, 1]
     * @param target the targets in [0, 1], input's shape
     * @param weight a rescaling weight broadcastable to input, or null
     * @param reduction how the losses are reduced: "mean", "sum" or "none"
     * @return the loss: 0-dim for "mean" and "sum", input's shape for "none"
     * @throws IllegalArgumentException if target's shape differs from input's ("Using a target size (...) that is
     *     different to the input size (...) is deprecated. Please ensure they have the same size.") or reduction is unknown
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, String reduction) {
        return Losses.binaryCrossEntropy(input, target, weight, reduction);
    }

    /**
     * {@code torch.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)}: sigmoid and
     * binary cross entropy in one stable formula.
     *
     * @param input the logits
     * @param target the targets in [0, 1], input's shape
     * @param weight a rescaling weight broadcastable to input, or null
     * @param posWeight a weight of the positive term per class, or null
     * @param reduction how the losses are reduced: "mean", "sum" or "none"
     * @return the loss: 0-dim for "mean" and "sum", input's shape for "none"
     * @throws IllegalArgumentException if target's shape differs from input's ("Target size (...) must be the same as
     *     input size (...)") or reduction is unknown
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight, String reduction) {
        return Losses.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }

    // ---------------------------------------------------------------- windows, grids, combinatorics, integration

    /**
     * The Hann window of length n (periodic: the first n of n + 1 points, as for spectral analysis).
     *
     * <p>PyTorch: {@code torch.hann_window}.
     *
     * @param n the window length
     * @param periodic whether the window is periodic (the first n of n + 1 points) rather than symmetric
     * @return a new 1-d float32 tensor of n values
     * @throws IllegalArgumentException if n is negative ("window_length must be non-negative")
     */
    public static Tensor hannWindow(long n, boolean periodic) { return hammingWindow(n, periodic, 0.5, 0.5); }

    /**
     * {@code torch.hann_window(n)}: the Hann window of the given length (periodic by default).
     *
     * @param n the window length
     * @return a new 1-d float32 tensor of n values
     * @throws IllegalArgumentException if n is negative ("window_length must be non-negative")
     */
    public static Tensor hannWindow(long n) { return hannWindow(n, true); }

    /**
     * {@code torch.hamming_window(n)}: the Hamming window of the given length (periodic by default).
     *
     * @param n the window length
     * @return a new 1-d float32 tensor of n values
     * @throws IllegalArgumentException if n is negative ("window_length must be non-negative")
     */
    public static Tensor hammingWindow(long n) { return hammingWindow(n, true, 0.54, 0.46); }

    /**
     * {@code torch.hamming_window(n, periodic)}: the Hamming window of the given length (periodic by default).
     *
     * @param n the window length
     * @param periodic whether the window is periodic (the first n of n + 1 points) rather than symmetric
     * @return a new 1-d float32 tensor of n values
     * @throws IllegalArgumentException if n is negative ("window_length must be non-negative")
     */
    public static Tensor hammingWindow(long n, boolean periodic) { return hammingWindow(n, periodic, 0.54, 0.46); }

    /**
     * alpha - beta cos(2 pi k / (N - 1)), in PyTorch's float32 order of operations.
     *
     * <p>PyTorch: {@code torch.hamming_window}.
     *
     * @param n the window length
     * @param periodic whether the window is periodic (the first n of n + 1 points) rather than symmetric
     * @param alpha the constant term of the window
     * @param beta the cosine coefficient
     * @return a new 1-d float32 tensor of n values
     * @throws IllegalArgumentException if n is negative ("window_length must be non-negative")
     */
    public static Tensor hammingWindow(long n, boolean periodic, double alpha, double beta) {
        Tensor w = window(n, periodic, len -> arange(0.0, (double) len, 1.0, DType.FLOAT32).mul(Math.PI * 2. / (len - 1)).cos().mul(-beta).add(alpha));
        return w;
    }

    /**
     * The triangular window.
     *
     * <p>PyTorch: {@code torch.bartlett_window}.
     *
     * @param n the window length
     * @param periodic whether the window is periodic (the first n of n + 1 points) rather than symmetric
     * @return a new 1-d float32 tensor of n values
     * @throws IllegalArgumentException if n is negative ("window_length must be non-negative")
     */
    public static Tensor bartlettWindow(long n, boolean periodic) {
        return window(n, periodic, len -> {
            Tensor w = arange(0.0, (double) len, 1.0, DType.FLOAT32).mul(2. / (len - 1));
            long firstHalf = ((len - 1) >> 1) + 1;
            w.narrow(0, firstHalf, len - firstHalf).mul_(-1L).add_(2L);
            return w;
        });
    }

    /**
     * {@code torch.bartlett_window(n)}: the Bartlett (triangular) window of the given length (periodic by default).
     *
     * @param n the window length
     * @return a new 1-d float32 tensor of n values
     * @throws IllegalArgumentException if n is negative ("window_length must be non-negative")
     */
    public static Tensor bartlettWindow(long n) { return bartlettWindow(n, true); }

    /**
     * 0.42 - 0.5 cos(2 pi k / (N - 1)) + 0.08 cos(4 pi k / (N - 1)).
     *
     * <p>PyTorch: {@code torch.blackman_window}.
     *
     * @param n the window length
     * @param periodic whether the window is periodic (the first n of n + 1 points) rather than symmetric
     * @return a new 1-d float32 tensor of n values
     * @throws IllegalArgumentException if n is negative ("window_length must be non-negative")
     */
    public static Tensor blackmanWindow(long n, boolean periodic) {
        return window(n, periodic, len -> {
            Tensor w = arange(0.0, (double) len, 1.0, DType.FLOAT32).mul(Math.PI / (len - 1));
            return w.mul(4L).cos().mul(0.08).sub(w.mul(2L).cos().mul(0.5)).add(0.42);
        });
    }

    /**
     * {@code torch.blackman_window(n)}: the Blackman window of the given length (periodic by default).
     *
     * @param n the window length
     * @return a new 1-d float32 tensor of n values
     * @throws IllegalArgumentException if n is negative ("window_length must be non-negative")
     */
    public static Tensor blackmanWindow(long n) { return blackmanWindow(n, true); }

    private static Tensor window(long n, boolean periodic, java.util.function.LongFunction<Tensor> symmetric) {
        if (n < 0) throw new IllegalArgumentException("window_length must be non-negative");
        if (n == 0) return empty(0);
        if (n == 1) return ones(1);
        Tensor w = symmetric.apply(periodic ? n + 1 : n);
        return periodic ? w.narrow(0, 0, n) : w;
    }

    /**
     * base raised to steps points spaced evenly from start to end.
     *
     * <p>PyTorch: {@code torch.logspace}.
     *
     * @param start the first exponent
     * @param end the last exponent
     * @param steps the number of values, at least 0
     * @param base the base the values are exponents of
     * @return a new 1-d tensor of steps values
     * @throws IllegalArgumentException if steps is negative ("number of steps must be non-negative")
     */
    public static Tensor logspace(double start, double end, long steps, double base) {
        Tensor exponents = linspace(start, end, steps, DType.FLOAT64);
        return fullLike(exponents, base).pow(exponents).to(DType.FLOAT32);
    }

    /**
     * {@code torch.logspace(start, end, steps)}: steps values base^x for x evenly spaced from start to end.
     *
     * @param start the first exponent
     * @param end the last exponent
     * @param steps the number of values, at least 0
     * @return a new 1-d tensor of steps values
     * @throws IllegalArgumentException if steps is negative ("number of steps must be non-negative")
     */
    public static Tensor logspace(double start, double end, long steps) { return logspace(start, end, steps, 10); }

    /**
     * The contraction of a's last dims dims with b's first dims dims.
     *
     * <p>PyTorch: {@code torch.tensordot}.
     *
     * @param a the first tensor
     * @param b the second tensor
     * @param dims the number of a's last dims contracted with b's first dims
     * @return a new tensor: a's free dims followed by b's
     * @throws IllegalArgumentException if dims is negative ("tensordot expects dims &gt;= 0, but got dims=-1"), the dim
     *     lists differ in length ("both dimension lists should have same length") or the contracted sizes differ
     *     ("contracted dimensions need to match, but first has size m in dim d and second has size n in dim e")
     */
    public static Tensor tensordot(Tensor a, Tensor b, int dims) {
        if (dims < 0) throw new IllegalArgumentException("tensordot expects dims >= 0, but got dims=" + dims);
        int[] da = new int[dims], db = new int[dims];
        for (int i = 0; i < dims; i++) {
            da[i] = a.dim() - dims + i;
            db[i] = i;
        }
        return tensordot(a, b, da, db);
    }

    /**
     * The contraction of a's dims dimsA with b's dims dimsB (pairwise).
     *
     * <p>PyTorch: {@code torch.tensordot}.
     *
     * @param a the first tensor
     * @param b the second tensor
     * @param dimsA a's contracted dims
     * @param dimsB b's contracted dims, paired with dimsA
     * @return a new tensor: a's free dims followed by b's
     * @throws IllegalArgumentException if the dim lists differ in length ("both dimension lists should have same
     *     length") or the contracted sizes differ ("contracted dimensions need to match, but first has size m in dim d and
     *     second has size n in dim e")
     */
    public static Tensor tensordot(Tensor a, Tensor b, int[] dimsA, int[] dimsB) {
        if (dimsA.length != dimsB.length) throw new IllegalArgumentException("both dimension lists should have same length");
        int na = a.dim(), nb = b.dim();
        boolean[] ca = new boolean[na], cb = new boolean[nb];
        long size = 1;
        for (int i = 0; i < dimsA.length; i++) {
            int x = dimsA[i] < 0 ? dimsA[i] + na : dimsA[i], y = dimsB[i] < 0 ? dimsB[i] + nb : dimsB[i];
            if (a.size(x) != b.size(y)) {
                throw new IllegalArgumentException("contracted dimensions need to match, but first has size " + a.size(x) + " in dim " + x
                        + " and second has size " + b.size(y) + " in dim " + y);
            }
            ca[x] = true;
            cb[y] = true;
            size *= a.size(x);
        }
        int[] permA = new int[na], permB = new int[nb];
        List<Long> outShape = new java.util.ArrayList<>();
        int k = 0;
        long freeA = 1, freeB = 1;
        for (int i = 0; i < na; i++) if (!ca[i]) { permA[k++] = i; outShape.add(a.size(i)); freeA *= a.size(i); }
        for (int i = 0; i < dimsA.length; i++) permA[k++] = dimsA[i] < 0 ? dimsA[i] + na : dimsA[i];
        k = 0;
        for (int i = 0; i < dimsB.length; i++) permB[k++] = dimsB[i] < 0 ? dimsB[i] + nb : dimsB[i];
        for (int i = 0; i < nb; i++) if (!cb[i]) { permB[k++] = i; outShape.add(b.size(i)); freeB *= b.size(i); }
        Tensor m = a.permute(permA).reshape(freeA, size).mm(b.permute(permB).reshape(size, freeB));
        return m.reshape(outShape.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * The r-length combinations of a 1-d tensor's elements, in lexicographic order of positions (itertools').
     *
     * <p>PyTorch: {@code torch.combinations}.
     *
     * @param input the 1-d tensor
     * @param r the combination length, at least 0
     * @param withReplacement whether an element may repeat
     * @return a new 2-d tensor, one combination per row (C(n, r) rows, more with replacement)
     * @throws IllegalArgumentException if input is not 1-d ("Expect a 1D vector, but got shape [...]") or r is negative
     *     ("Expect a non-negative number, but got -1")
     */
    public static Tensor combinations(Tensor input, int r, boolean withReplacement) {
        if (input.dim() != 1) throw new IllegalArgumentException("Expect a 1D vector, but got shape " + java.util.Arrays.toString(input.shape()));
        if (r < 0) throw new IllegalArgumentException("Expect a non-negative number, but got " + r);
        if (r == 0) return empty(input.dtype(), 0);
        int n = (int) input.size(0);
        List<long[]> rows = new java.util.ArrayList<>();
        combine(new long[r], 0, 0, n, withReplacement, rows);
        if (rows.isEmpty()) return r == 1 ? empty(input.dtype(), 0) : empty(input.dtype(), 0, r);
        long[][] idx = new long[r][rows.size()];
        for (int i = 0; i < rows.size(); i++) for (int j = 0; j < r; j++) idx[j][i] = rows.get(i)[j];
        List<Tensor> columns = new java.util.ArrayList<>();
        for (int j = 0; j < r; j++) columns.add(input.index(fromArray(idx[j])));
        return r == 1 ? columns.get(0) : stack(columns, 1);
    }

    /**
     * {@code torch.combinations(input)}: the r-length combinations of a 1-d tensor's elements, one per row.
     *
     * @param input the 1-d tensor
     * @return a new 2-d tensor, one pair per row (n (n - 1) / 2 rows)
     * @throws IllegalArgumentException if input is not 1-d ("Expect a 1D vector, but got shape [...]")
     */
    public static Tensor combinations(Tensor input) { return combinations(input, 2, false); }

    private static void combine(long[] cur, int depth, int from, int n, boolean repeat, List<long[]> out) {
        if (depth == cur.length) {
            out.add(cur.clone());
            return;
        }
        for (int i = from; i < n; i++) {
            cur[depth] = i;
            combine(cur, depth + 1, repeat ? i : i + 1, n, repeat, out);
        }
    }

    /**
     * True where an element of elements occurs in testElements (false with invert).
     *
     * <p>PyTorch: {@code torch.isin}.
     *
     * @param elements the values to test
     * @param testElements the values to look for
     * @param invert whether to return the negation
     * @return a new bool tensor of elements' shape
     */
    public static Tensor isin(Tensor elements, Tensor testElements, boolean invert) {
        Tensor found = elements.unsqueeze(-1).eq(testElements.reshape(-1)).any(-1);
        return invert ? found.logicalNot() : found;
    }

    /**
     * {@code torch.isin(elements, test_elements)}: whether each element of elements is in testElements, bool.
     *
     * @param elements the values to test
     * @param testElements the values to look for
     * @return a new bool tensor of elements' shape
     */
    public static Tensor isin(Tensor elements, Tensor testElements) { return isin(elements, testElements, false); }

    /**
     * The trapezoid rule along dim with spacing dx.
     *
     * <p>PyTorch: {@code torch.trapezoid}.
     *
     * @param y the sampled values
     * @param dx the spacing between samples
     * @param dim the dimension (negative counts from the end)
     * @return the integrals: y's shape without dim
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor trapezoid(Tensor y, double dx, int dim) {
        if (y.size(dim) == 0) return y.sum(dim);
        return y.sum(dim).sub(y.select(dim, 0).add(y.select(dim, -1)).mul(0.5)).mul(dx);
    }

    /**
     * {@code torch.trapezoid(y)}: the trapezoid-rule integral along dim.
     *
     * @param y the sampled values
     * @return the integrals: y's shape without dim
     */
    public static Tensor trapezoid(Tensor y) { return trapezoid(y, 1, -1); }

    /**
     * The trapezoid rule along dim at sample points x.
     *
     * <p>PyTorch: {@code torch.trapezoid}.
     *
     * @param y the sampled values
     * @param x the sample points along dim, broadcastable with y
     * @param dim the dimension (negative counts from the end)
     * @return the integrals: y's shape without dim
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor trapezoid(Tensor y, Tensor x, int dim) {
        long n = y.size(dim);
        if (n == 0) return y.sum(dim);
        Tensor dxs = x.dim() == 1 ? x.diff() : x.diff(1, dim);
        if (x.dim() == 1 && y.dim() > 1) {
            long[] shape = new long[y.dim()];
            java.util.Arrays.fill(shape, 1);
            shape[dim < 0 ? dim + y.dim() : dim] = n - 1;
            dxs = dxs.reshape(shape);
        }
        return dxs.mul(y.narrow(dim, 1, n - 1).add(y.narrow(dim, 0, n - 1))).sum(dim).div(2L);
    }

    /**
     * {@code torch.trapz(y, dx, dim)}: an alias of trapezoid.
     *
     * @param y the sampled values
     * @param dx the spacing between samples
     * @param dim the dimension (negative counts from the end)
     * @return the integrals: y's shape without dim
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor trapz(Tensor y, double dx, int dim) { return trapezoid(y, dx, dim); }

    /**
     * {@code torch.trapz(y, x, dim)}: an alias of trapezoid.
     *
     * @param y the sampled values
     * @param x the sample points along dim, broadcastable with y
     * @param dim the dimension (negative counts from the end)
     * @return the integrals: y's shape without dim
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor trapz(Tensor y, Tensor x, int dim) { return trapezoid(y, x, dim); }

    /**
     * The running trapezoid rule along dim (one fewer element than y).
     *
     * <p>PyTorch: {@code torch.cumulative_trapezoid}.
     *
     * @param y the sampled values
     * @param dx the spacing between samples
     * @param dim the dimension (negative counts from the end)
     * @return the running integrals: y's shape with dim one shorter
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor cumulativeTrapezoid(Tensor y, double dx, int dim) {
        long n = y.size(dim);
        if (n == 0) return y.narrow(dim, 0, 0);
        return y.narrow(dim, 1, n - 1).add(y.narrow(dim, 0, n - 1)).mul(dx / 2).cumsum(dim);
    }

    /**
     * {@code torch.cumulative_trapezoid(y)}: the running trapezoid-rule integral along dim.
     *
     * @param y the sampled values
     * @return the running integrals: y's shape with dim one shorter
     */
    public static Tensor cumulativeTrapezoid(Tensor y) { return cumulativeTrapezoid(y, 1, -1); }

    /**
     * The dtype PyTorch's promotion gives for two dtypes.
     *
     * <p>PyTorch: {@code torch.promote_types}.
     *
     * @param a the first dtype
     * @param b the second dtype
     * @return the promoted dtype
     */
    public static DType promoteTypes(DType a, DType b) { return dev.jgrad.internal.core.Promotion.promote(a, b); }

    /**
     * The dtype an op on these tensors computes in (0-dim tensors count less, as PyTorch's result_type).
     *
     * <p>PyTorch: {@code torch.result_type}.
     *
     * @param a the first operand
     * @param b the second operand
     * @return the dtype of the result
     */
    public static DType resultType(Tensor a, Tensor b) { return dev.jgrad.internal.core.Promotion.resultType(a, b); }

    /**
     * Whether PyTorch's casting rules allow an in-place op to write a from-typed result into a to-typed tensor.
     *
     * <p>PyTorch: {@code torch.can_cast}.
     *
     * @param from the result dtype
     * @param to the dtype written into
     * @return whether the cast is allowed
     */
    public static boolean canCast(DType from, DType to) { return dev.jgrad.internal.core.Promotion.canCast(from, to); }

    /**
     * {@code torch.randint_like(t, low, high)}: integers drawn uniformly from [low, high) with input's shape.
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @param low the smallest value
     * @param high one above the largest value
     * @return a new tensor of t's shape and dtype
     * @throws IllegalArgumentException if low &gt;= high ("random_ expects 'from' to be less than 'to', but got from=5
     *     &gt;= to=5")
     */
    public static Tensor randintLike(Tensor t, long low, long high) { return randint(t.dtype(), low, high, t.shape()); }

    /**
     * {@code torch.randint_like(t, high)}: integers drawn uniformly from [low, high) with input's shape.
     *
     * @param t the tensor whose shape (and, unless given, dtype and device) the result takes
     * @param high one above the largest value
     * @return a new tensor of t's shape and dtype
     * @throws IllegalArgumentException if high is not positive ("random_ expects 'from' to be less than 'to', but got
     *     from=0 &gt;= to=0")
     */
    public static Tensor randintLike(Tensor t, long high) { return randintLike(t, 0, high); }

    /**
     * The default generator's first seed.
     *
     * <p>PyTorch: {@code torch.initial_seed}.
     *
     * @return the seed the default generator was first seeded with
     */
    public static long initialSeed() { return Generator.defaultGenerator().initialSeed(); }

    /**
     * Reseeds the default generator nondeterministically and returns the seed.
     *
     * <p>PyTorch: {@code torch.seed}.
     *
     * @return the new seed
     */
    public static long seed() { return Generator.defaultGenerator().seed(); }

    /**
     * {@code torch.concatenate(tensors, dim)}: an alias of cat.
     *
     * @param tensors the tensors, of equal rank and equal sizes outside dim (1-d empty tensors are skipped)
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor: the inputs' shape with dim's sizes summed, in the promoted dtype
     * @throws IllegalArgumentException if tensors is empty ("torch.cat(): expected a non-empty list of Tensors") or the
     *     shapes differ outside dim ("Sizes of tensors must match except in dimension d. Expected size m but got size n for
     *     tensor number k in the list.")
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor concatenate(List<Tensor> tensors, int dim) { return cat(tensors, dim); }

    /**
     * The deprecated {@code chain_matmul}: {@code linalg.multi_dot}.
     *
     * <p>PyTorch: {@code torch.chain_matmul}.
     *
     * @param matrices the 2-d matrices, each with as many rows as the previous has columns
     * @return the product
     * @throws IllegalArgumentException if a matrix is not 2-d or the shapes cannot be multiplied
     */
    public static Tensor chainMatmul(Tensor... matrices) {
        return matrices.length == 1 ? matrices[0] : Linalg.multiDot(List.of(matrices));
    }

    /**
     * {@code torch.frobenius_norm(input, dim, keepdim)}: the Frobenius norm over dims.
     *
     * @param input the input tensor, floating
     * @param dim the dims to reduce (one or two)
     * @param keepdim whether the reduced dim is kept with size 1
     * @return the norms, input's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor frobeniusNorm(Tensor input, int[] dim, boolean keepdim) { return Linalg.norm(input, "fro", dim, keepdim); }

    /**
     * {@code torch.nuclear_norm(input, keepdim)}: the nuclear norm (the sum of singular values).
     *
     * @param input the matrix (*, m, n), floating
     * @param keepdim whether the two reduced dims are kept with size 1
     * @return the norms, shape input.shape[:-2] (the two dims kept with size 1 under keepdim)
     * @throws IllegalArgumentException if input has fewer than 2 dims ("linalg.matrix_norm: The input tensor A must
     *     have at least 2 dimensions.")
     */
    public static Tensor nuclearNorm(Tensor input, boolean keepdim) { return Linalg.matrixNorm(input, "nuc", new int[] {-2, -1}, keepdim); }

    /**
     * {@code torch.nuclear_norm(input)}: the nuclear norm (the sum of singular values).
     *
     * @param input the matrix (*, m, n), floating
     * @return the norms, shape input.shape[:-2] (the two dims kept with size 1 under keepdim)
     * @throws IllegalArgumentException if input has fewer than 2 dims ("linalg.matrix_norm: The input tensor A must
     *     have at least 2 dimensions.")
     */
    public static Tensor nuclearNorm(Tensor input) { return nuclearNorm(input, false); }

    /**
     * {@code torch.save}: writes obj (tensors, maps, lists, Object[] tuples, numbers, strings, null) as a .pt file.
     *
     * @param obj the object to write: tensors, maps, lists, Object[] tuples, numbers, strings or null
     * @param path the file to write
     * @throws java.io.UncheckedIOException if the file cannot be written
     * @throws IllegalArgumentException for an object of another type ("cannot save a java.lang.Object in a .pt file:
     *     supported are Tensor, Map, List, Object[] (a tuple), String, Long/Integer, Double/Float, Boolean and null")
     */
    public static void save(Object obj, java.nio.file.Path path) { dev.jgrad.io.PtFiles.save(obj, path); }

    /**
     * {@code torch.load(path, weights_only=True)}: reads a .pt file without ever running code from it.
     *
     * @param path the .pt file
     * @return the object: tensors, maps, lists, Object[] tuples, numbers, strings or null
     * @throws java.io.UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if the file is not a .pt file jgrad can read, or needs code to run
     */
    public static Object load(java.nio.file.Path path) { return dev.jgrad.io.PtFiles.load(path); }
}
