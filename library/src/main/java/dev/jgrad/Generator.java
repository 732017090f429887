package dev.jgrad;

import dev.jgrad.internal.core.Checks;
import dev.jgrad.random.CpuRng;
import dev.jgrad.random.Sampling;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A random number generator that reproduces PyTorch 1.13's CPU generator ({@code torch.Generator})
 * bit for bit: after {@code manualSeed(s)} the fills below produce the numbers that
 * {@code torch.manual_seed(s)} followed by the matching torch call produces, and they advance the
 * state identically, so any sequence of calls stays in step with PyTorch.
 *
 * <p>Each fill covers one contiguous tensor of {@code n} elements; PyTorch's algorithm depends on
 * {@code n} (see {@link #normal(float[], int, int, double, double)}), so a tensor must be filled with
 * one call, not in pieces.
 *
 * <p>Two limits, both inherited from PyTorch depending on its platform. Float32 normals of 16 or
 * more elements follow PyTorch's AVX2 kernel, which PyTorch uses on every x86-64 CPU with AVX2
 * (AVX-512 ones included); PyTorch on other CPUs computes them differently. Float64 normals need
 * {@code log/sin/cos}, which PyTorch takes from the C library and jgrad from {@link Math}; about
 * 0.2% of float64 normals differ from glibc-based PyTorch in the last bit or two.
 *
 * <p>Seeds are 64-bit values; a negative {@code long} stands for the unsigned value with the same
 * bits, as {@code torch.manual_seed(2**64 - 1)} equals {@code manualSeed(-1)}.
 *
 * <p>Methods are synchronized, like PyTorch's generator mutex.
 */
public final class Generator {

    /** The seed of a new {@code torch.Generator()}. */
    public static final long DEFAULT_SEED = 67280421310721L;

    private static final int FLOAT_DIGITS = 24;
    private static final int DOUBLE_DIGITS = 53;

    private static final Generator DEFAULT = new Generator(nondeterministicSeed());

    private final CpuRng rng;

    /** A generator seeded with {@link #DEFAULT_SEED}, like {@code torch.Generator()}. */
    public Generator() {
        this(DEFAULT_SEED);
    }

    /**
     * {@code torch.Generator().manual_seed(seed)}: a generator that draws PyTorch's CPU numbers for that seed.
     *
     * @param seed the seed, a 64-bit value (negative stands for the unsigned value with the same bits)
     */
    public Generator(long seed) {
        rng = new CpuRng(seed);
    }

    /**
     * The global generator that {@code Torch.manualSeed} seeds and that random functions use when
     * given none ({@code torch.default_generator}). Like PyTorch's, it starts from a nondeterministic seed.
     *
     * @return the one default generator
     */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    /**
     * {@code manual_seed}: restarts the stream and drops the cached normal value.
     *
     * @param seed the seed, a 64-bit value (negative stands for the unsigned value with the same bits)
     * @return this generator
     */
    public synchronized Generator manualSeed(long seed) {
        rng.seed(seed);
        return this;
    }

    /**
     * {@code seed()}: reseeds from a nondeterministic source and returns the new seed.
     *
     * @return the new seed (unsigned, in the long's bits)
     */
    public synchronized long seed() {
        long seed = nondeterministicSeed();
        rng.seed(seed);
        return seed;
    }

    /**
     * The last seed set, as {@code initial_seed()}.
     *
     * @return the seed (unsigned, in the long's bits)
     */
    public synchronized long initialSeed() {
        return rng.initialSeed();
    }

    /**
     * {@code get_state()}: the 5056 bytes of {@code torch.get_rng_state()} for the same state.
     *
     * @return a fresh array of 5056 bytes
     */
    public synchronized byte[] getState() {
        return rng.stateBytes();
    }

    /**
     * {@code set_state()}: accepts bytes from {@link #getState()} or from {@code torch.get_rng_state()}.
     *
     * @param state the 5056 state bytes
     * @return this generator
     * @throws NullPointerException if state is null
     * @throws IllegalArgumentException if the bytes are not a valid CPU generator state
     */
    public synchronized Generator setState(byte[] state) {
        rng.setStateBytes(Objects.requireNonNull(state, "state"));
        return this;
    }

    /**
     * {@code get_state()} as a tensor: the same 5056 bytes, one per element of a 1-D int32 tensor (values 0..255),
     * since jgrad has no uint8 (PyTorch returns a {@code torch.uint8} tensor). Save it with {@link Torch#save} in a
     * checkpoint and give it back to {@link #setState(Tensor)}.
     *
     * @return a new 1-D int32 tensor of 5056 elements
     */
    public synchronized Tensor getStateTensor() {
        byte[] bytes = rng.stateBytes();
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) values[i] = bytes[i] & 0xff;
        return Torch.fromArray(values, values.length);
    }

    /**
     * {@code set_state(tensor)}: takes {@link #getStateTensor()}'s int32 tensor (or an int64 one, or bytes from
     * {@code torch.get_rng_state()} widened to int32 on the way in), 5056 values from 0 to 255.
     *
     * @param state an int32 or int64 tensor of 5056 values from 0 to 255
     * @return this generator
     * @throws NullPointerException if state is null
     * @throws IllegalArgumentException "RNG state must be a torch.ByteTensor" for a tensor that is not integral or holds
     *     values outside a byte, PyTorch's size message for another length
     */
    public synchronized Generator setState(Tensor state) {
        Objects.requireNonNull(state, "state");
        if (state.dtype() != DType.INT32 && state.dtype() != DType.INT64) {
            throw new IllegalArgumentException("RNG state must be a torch.ByteTensor");
        }
        long[] values = state.reshape(-1).toLongArray();
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 255) throw new IllegalArgumentException("RNG state must be a torch.ByteTensor");
            bytes[i] = (byte) values[i];
        }
        return setState(bytes);
    }

    /**
     * {@code torch.rand} / {@code uniform_(from, to)} on a float32 tensor.
     *
     * @param dst the array to fill (a contiguous tensor's storage)
     * @param off the index in dst of the first element
     * @param n how many elements to fill, the whole tensor's numel (the draws depend on it)
     * @param from the lower bound (inclusive)
     * @param to the upper bound (exclusive)
     * @throws IndexOutOfBoundsException if {@code [off, off + n)} is not inside dst
     * @throws IllegalArgumentException PyTorch's {@code from is out of bounds for float}, {@code to is out of bounds
     *     for float}, {@code uniform_ expects to return a [from, to) range, but found from=... > to=...} or its
     *     to-from limit message
     */
    public synchronized void uniform(float[] dst, int off, int n, double from, double to) {
        checkRange(dst.length, off, n);
        checkUniform(from, to, Float.MAX_VALUE, "float", "Float");
        Sampling.uniform(rng, dst, off, n, (float) from, (float) to);
    }

    /**
     * {@code torch.rand} / {@code uniform_(from, to)} on a float64 tensor.
     *
     * @param dst the array to fill (a contiguous tensor's storage)
     * @param off the index in dst of the first element
     * @param n how many elements to fill, the whole tensor's numel (the draws depend on it)
     * @param from the lower bound (inclusive)
     * @param to the upper bound (exclusive)
     * @throws IndexOutOfBoundsException if {@code [off, off + n)} is not inside dst
     * @throws IllegalArgumentException PyTorch's bounds messages, as for the float32 form
     */
    public synchronized void uniform(double[] dst, int off, int n, double from, double to) {
        checkRange(dst.length, off, n);
        checkUniform(from, to, Double.MAX_VALUE, "double", "Double");
        Sampling.uniform(rng, dst, off, n, from, to);
    }

    /**
     * {@code torch.randn} / {@code normal_(mean, std)} on a contiguous float32 tensor of {@code n}
     * elements. From 16 elements on PyTorch draws all uniforms and Box-Muller transforms blocks of
     * 16 (redrawing the last 16 when {@code n % 16 != 0}); below 16 it draws element by element
     * through a double precision normal that caches the second value of each pair, and that cache
     * carries over to the next small normal call.
     *
     * @param dst the array to fill (a contiguous tensor's storage)
     * @param off the index in dst of the first element
     * @param n how many elements to fill, the whole tensor's numel (the draws depend on it)
     * @param mean the mean
     * @param std the standard deviation
     * @throws IndexOutOfBoundsException if {@code [off, off + n)} is not inside dst
     * @throws IllegalArgumentException {@code normal expects std >= 0.0, but found std ...} for a negative or NaN std
     */
    public synchronized void normal(float[] dst, int off, int n, double mean, double std) {
        checkRange(dst.length, off, n);
        checkStd(std);
        Sampling.normal(rng, dst, off, n, mean, std);
    }

    /**
     * {@code torch.randn} / {@code normal_(mean, std)} on a contiguous float64 tensor of {@code n} elements.
     *
     * @param dst the array to fill (a contiguous tensor's storage)
     * @param off the index in dst of the first element
     * @param n how many elements to fill, the whole tensor's numel (the draws depend on it)
     * @param mean the mean
     * @param std the standard deviation
     * @throws IndexOutOfBoundsException if {@code [off, off + n)} is not inside dst
     * @throws IllegalArgumentException {@code normal expects std >= 0.0, but found std ...} for a negative or NaN std
     */
    public synchronized void normal(double[] dst, int off, int n, double mean, double std) {
        checkRange(dst.length, off, n);
        checkStd(std);
        Sampling.normal(rng, dst, off, n, mean, std);
    }

    /**
     * {@code random_()}'s draws: one 32-bit draw per element (a 64-bit one when wide, as PyTorch draws for
     * float64 and int64), reduced modulo modulus as an unsigned number (0 stands for 2^64).
     *
     * @param dst the array to fill (a contiguous tensor's storage)
     * @param off the index in dst of the first element
     * @param n how many elements to fill, the whole tensor's numel (the draws depend on it)
     * @param modulus the unsigned modulus; 0 keeps the whole draw
     * @param wide whether to draw 64 bits per element rather than 32
     * @throws IndexOutOfBoundsException if {@code [off, off + n)} is not inside dst
     */
    public synchronized void random(long[] dst, int off, int n, long modulus, boolean wide) {
        checkRange(dst.length, off, n);
        for (int i = 0; i < n; i++) {
            long draw = wide ? rng.random64() : rng.random32();
            dst[off + i] = modulus == 0 ? draw : Long.remainderUnsigned(draw, modulus);
        }
    }

    /**
     * {@code torch.randint(low, high, ...)} with dtype int64.
     *
     * @param dst the array to fill (a contiguous tensor's storage)
     * @param off the index in dst of the first element
     * @param n how many elements to fill, the whole tensor's numel (the draws depend on it)
     * @param low the lowest value (inclusive)
     * @param high the bound (exclusive)
     * @throws IndexOutOfBoundsException if {@code [off, off + n)} is not inside dst
     * @throws IllegalArgumentException {@code random_ expects 'from' to be less than 'to', but got from=... >= to=...}
     */
    public synchronized void randint(long[] dst, int off, int n, long low, long high) {
        checkRange(dst.length, off, n);
        checkFromTo(low, high);
        long range = high - low;
        for (int i = 0; i < n; i++) {
            dst[off + i] = Sampling.randomFromTo(rng, range, low, true);
        }
    }

    /**
     * {@code torch.randint(low, high, ..., dtype=torch.int32)}.
     *
     * @param dst the array to fill (a contiguous tensor's storage)
     * @param off the index in dst of the first element
     * @param n how many elements to fill, the whole tensor's numel (the draws depend on it)
     * @param low the lowest value (inclusive)
     * @param high the bound (exclusive)
     * @throws IndexOutOfBoundsException if {@code [off, off + n)} is not inside dst
     * @throws IllegalArgumentException {@code random_ expects 'from' to be less than 'to', ...}, or {@code from is out of
     *     bounds for int} / {@code to - 1 is out of bounds for int}
     */
    public synchronized void randint(int[] dst, int off, int n, long low, long high) {
        checkRange(dst.length, off, n);
        checkFromTo(low, high);
        checkIntegralBounds(low, high - 1, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
        long range = high - low;
        for (int i = 0; i < n; i++) {
            dst[off + i] = (int) Sampling.randomFromTo(rng, range, low, false);
        }
    }

    /**
     * {@code torch.randint(low, high, ..., dtype=torch.float32)}. PyTorch first narrows the bounds
     * to integers that survive the cast to float ({@code update_from/update_to}). Bounds beyond
     * {@code 2^24} are allowed; PyTorch prints a warning for them, this method does not.
     *
     * @param dst the array to fill (a contiguous tensor's storage)
     * @param off the index in dst of the first element
     * @param n how many elements to fill, the whole tensor's numel (the draws depend on it)
     * @param low the lowest value (inclusive)
     * @param high the bound (exclusive)
     * @throws IndexOutOfBoundsException if {@code [off, off + n)} is not inside dst
     * @throws IllegalArgumentException {@code random_ expects 'from' to be less than 'to', ...}, before or (with
     *     {@code casted to dtype} in the text) after the narrowing
     */
    public synchronized void randint(float[] dst, int off, int n, long low, long high) {
        checkRange(dst.length, off, n);
        checkFromTo(low, high);
        long from = Sampling.narrowFrom(low, FLOAT_DIGITS);
        long to = Sampling.narrowTo(high, FLOAT_DIGITS);
        checkCastFromTo(from, to);
        long range = to - from;
        for (int i = 0; i < n; i++) {
            dst[off + i] = (float) Sampling.randomFromTo(rng, range, from, true);
        }
    }

    /**
     * {@code torch.randint(low, high, ..., dtype=torch.float64)}; see {@link #randint(float[], int, int, long, long)}.
     *
     * @param dst the array to fill (a contiguous tensor's storage)
     * @param off the index in dst of the first element
     * @param n how many elements to fill, the whole tensor's numel (the draws depend on it)
     * @param low the lowest value (inclusive)
     * @param high the bound (exclusive)
     * @throws IndexOutOfBoundsException if {@code [off, off + n)} is not inside dst
     * @throws IllegalArgumentException {@code random_ expects 'from' to be less than 'to', ...}, before or after the
     *     narrowing
     */
    public synchronized void randint(double[] dst, int off, int n, long low, long high) {
        checkRange(dst.length, off, n);
        checkFromTo(low, high);
        long from = Sampling.narrowFrom(low, DOUBLE_DIGITS);
        long to = Sampling.narrowTo(high, DOUBLE_DIGITS);
        checkCastFromTo(from, to);
        long range = to - from;
        for (int i = 0; i < n; i++) {
            dst[off + i] = (double) Sampling.randomFromTo(rng, range, from, true);
        }
    }

    /**
     * {@code torch.randperm(n)} (int64).
     *
     * @param n how many values: the result is a permutation of 0 to n - 1
     * @return a new array of n values
     * @throws IllegalArgumentException {@code Trying to create tensor with negative dimension ...} for a negative n
     */
    public synchronized long[] randperm(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Trying to create tensor with negative dimension " + n + ": [" + n + "]");
        }
        return Sampling.randperm(rng, n);
    }

    /**
     * One uniform double in {@code [0, 1)} exactly as PyTorch's {@code uniform_real_distribution<double>(0, 1)}
     * draws it: one 64-bit draw (two engine steps), its low 53 bits times {@code 2^-53}. This is the
     * draw behind each element of {@code torch.rand(..., dtype=torch.float64)} and, in builds without
     * MKL (such as the reference one), behind each element of {@code bernoulli_(p)} and therefore
     * {@code dropout}: an element is 1 when this value is {@code < p}.
     *
     * @return the draw, in [0, 1)
     */
    public synchronized double nextUniformDouble() {
        return rng.uniformDouble(0.0, 1.0);
    }

    /**
     * {@code bernoulli_(p)} with a scalar p on a contiguous float32 tensor (dropout's mask): element i is 1 when the
     * i-th {@link #nextUniformDouble()} draw is below p, else 0, in one locked pass.
     *
     * @param dst the array to fill (a contiguous tensor's storage)
     * @param off the index in dst of the first element
     * @param n how many elements to fill
     * @param p the probability of a 1, in [0, 1] (the caller checks it)
     * @throws IndexOutOfBoundsException if {@code [off, off + n)} is not inside dst
     */
    public synchronized void bernoulli(float[] dst, int off, int n, double p) {
        checkRange(dst.length, off, n);
        rng.bernoulli(dst, off, n, p);
    }

    /**
     * {@link #bernoulli(float[], int, int, double)} on a float64 tensor.
     *
     * @param dst the array to fill (a contiguous tensor's storage)
     * @param off the index in dst of the first element
     * @param n how many elements to fill
     * @param p the probability of a 1, in [0, 1] (the caller checks it)
     * @throws IndexOutOfBoundsException if {@code [off, off + n)} is not inside dst
     */
    public synchronized void bernoulli(double[] dst, int off, int n, double p) {
        checkRange(dst.length, off, n);
        rng.bernoulli(dst, off, n, p);
    }

    /**
     * One uniform float in [0, 1) as {@code uniform_real_distribution<float>}: 24 bits of one 32-bit draw
     * (bernoulli_ with float p).
     *
     * @return the draw, in [0, 1)
     */
    public synchronized float nextUniformFloat() {
        return rng.uniformFloat(0f, 1f);
    }

    /**
     * One {@code normal_distribution<double>} draw, with the cached second value of the last pair (log_normal_'s draw).
     *
     * @param mean the mean
     * @param std the standard deviation
     * @return the draw
     */
    public synchronized double nextNormal(double mean, double std) {
        return rng.normal(mean, std);
    }

    // ---- argument checks, with PyTorch's messages ----

    private static void checkRange(int length, int off, int n) {
        Objects.checkFromIndexSize(off, n, length);
    }

    private static void checkUniform(double from, double to, double max, String dtype, String scalarType) {
        if (!(from >= -max && from <= max)) {
            throw new IllegalArgumentException("from is out of bounds for " + dtype);
        }
        if (!(to >= -max && to <= max)) {
            throw new IllegalArgumentException("to is out of bounds for " + dtype);
        }
        if (!(from <= to)) {
            throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from="
                    + Checks.cppDouble(from) + " > to=" + Checks.cppDouble(to));
        }
        if (!(to - from <= max)) {
            throw new IllegalArgumentException("uniform_ expects to-from <= std::numeric_limits<" + scalarType
                    + ">::max(), but found to=" + Checks.cppDouble(to) + " and from=" + Checks.cppDouble(from)
                    + " which result in to-from to exceed the limit");
        }
    }

    private static void checkStd(double std) {
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + Checks.cppDouble(std));
        }
    }

    private static void checkFromTo(long from, long to) {
        if (from >= to) {
            throw new IllegalArgumentException(
                    "random_ expects 'from' to be less than 'to', but got from=" + from + " >= to=" + to);
        }
    }

    private static void checkCastFromTo(long from, long to) {
        if (from >= to) {
            throw new IllegalArgumentException("random_ expects 'from' casted to dtype to be less than 'to' casted to dtype,"
                    + " but got from=" + from + " >= to=" + to);
        }
    }

    private static void checkIntegralBounds(long from, long toInclusive, long min, long max, String dtype) {
        if (from < min || from > max) {
            throw new IllegalArgumentException("from is out of bounds for " + dtype);
        }
        if (toInclusive < min || toInclusive > max) {
            throw new IllegalArgumentException("to - 1 is out of bounds for " + dtype);
        }
    }

    private static long nondeterministicSeed() {
        return new SecureRandom().nextLong();
    }
}
