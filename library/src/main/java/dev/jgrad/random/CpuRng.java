package dev.jgrad.random;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The mutable state of PyTorch's CPU generator ({@code CPUGeneratorImpl}): the MT19937 engine plus
 * the second value of the last per-element Box-Muller pair, which the next per-element normal
 * draw consumes before touching the engine. Also the scalar draws the kernels build on.
 *
 * <p>Not thread safe; {@link dev.jgrad.Generator} serialises access.
 */
public final class CpuRng {

    /** Bytes of {@code torch.get_rng_state()} for a CPU generator. */
    public static final int STATE_BYTES = 5056;
    /** Size of PyTorch's older layout ({@code CPUGeneratorImplStateLegacy}): the same fields up to the double normal. */
    public static final int LEGACY_STATE_BYTES = 5048;

    private static final double TWO_POW_MINUS_53 = 0x1p-53;
    private static final float TWO_POW_MINUS_24 = 0x1p-24f;
    private static final long LOW_53_BITS = (1L << 53) - 1;
    /** Whether bernoulli's comparisons run on long lanes ({@link BernoulliLanes}: the same masks). */
    private static final boolean LANES = dev.jgrad.backend.cpu.KernelConfig.VECTOR;
    private static final int LOW_24_BITS = (1 << 24) - 1;

    // Offsets inside the 5056 bytes: PyTorch memcpys a C struct (legacy 64-bit state words,
    // then three doubles of which only the middle one is still used, then the float cache).
    private static final int OFF_LEFT = 8;
    private static final int OFF_SEEDED = 12;
    private static final int OFF_NEXT = 16;
    private static final int OFF_STATE = 24;
    private static final int OFF_NORMAL_Y = 5024;
    private static final int OFF_NORMAL_VALID = 5040;
    private static final int OFF_FLOAT_NORMAL = 5048;
    private static final int OFF_FLOAT_NORMAL_VALID = 5052;

    private final Mt19937 engine;
    private boolean hasCachedNormal;
    private double cachedNormal;
    // Never produced by the CPU kernels, only carried through get/set state as PyTorch does.
    private boolean hasCachedFloatNormal;
    private float cachedFloatNormal;

    public CpuRng(long seed) {
        engine = new Mt19937(seed);
    }

    private CpuRng(CpuRng other) {
        engine = other.engine.copy();
        hasCachedNormal = other.hasCachedNormal;
        cachedNormal = other.cachedNormal;
        hasCachedFloatNormal = other.hasCachedFloatNormal;
        cachedFloatNormal = other.cachedFloatNormal;
    }

    /** {@code set_current_seed}: a fresh engine, and any cached normal is dropped. */
    public void seed(long seed) {
        engine.seed(seed);
        hasCachedNormal = false;
        hasCachedFloatNormal = false;
    }

    public long initialSeed() {
        return engine.seed();
    }

    public CpuRng copy() {
        return new CpuRng(this);
    }

    /** PyTorch's {@code random()}: 32 bits, unsigned. */
    public long random32() {
        return engine.nextUint32();
    }

    /** PyTorch's {@code random64()}: two draws, the first in the high half. */
    public long random64() {
        return engine.nextUint64();
    }

    /** {@code uniform_real_distribution<float>(from, to)}: the low 24 bits of one 32-bit draw. */
    public float uniformFloat(float from, float to) {
        float x = (engine.nextInt32() & LOW_24_BITS) * TWO_POW_MINUS_24;
        // the kernel is compiled with FMA contraction: x * (to - from) + from rounds once
        return Math.fma(x, to - from, from);
    }

    /** {@code uniform_real_distribution<double>(from, to)}: the low 53 bits of one 64-bit draw. */
    public double uniformDouble(double from, double to) {
        double x = (engine.nextUint64() & LOW_53_BITS) * TWO_POW_MINUS_53;
        return Math.fma(x, to - from, from);
    }

    /**
     * bernoulli_(p) with a scalar p over n elements, as PyTorch's serial CPU kernel draws it: element i is 1 when
     * the i-th {@link #uniformDouble uniform double} in [0, 1) is below p. The draw is the 53-bit value itself
     * (times 1, plus 0, is exact), so it is compared without the multiply-add.
     */
    public void bernoulli(float[] dst, int off, int n, double p) {
        long limit = bernoulliLimit(p);
        int[] words = new int[2 * Math.min(n, BULK)];
        for (int i = 0; i < n; i += BULK) {
            int m = Math.min(BULK, n - i);
            engine.nextInts(words, 0, 2 * m);
            int e = LANES ? BernoulliLanes.below(words, m, limit, dst, off + i) : 0;
            for (; e < m; e++) dst[off + i + e] = below(words[2 * e], words[2 * e + 1], limit);
        }
    }

    /** {@link #bernoulli(float[], int, int, double)} into a float64 array. */
    public void bernoulli(double[] dst, int off, int n, double p) {
        long limit = bernoulliLimit(p);
        int[] words = new int[2 * Math.min(n, BULK)];
        for (int i = 0; i < n; i += BULK) {
            int m = Math.min(BULK, n - i);
            engine.nextInts(words, 0, 2 * m);
            int e = LANES ? BernoulliLanes.below(words, m, limit, dst, off + i) : 0;
            for (; e < m; e++) dst[off + i + e] = below(words[2 * e], words[2 * e + 1], limit);
        }
    }

    /** Draws per bulk fetch of engine words in {@link #bernoulli}. */
    private static final int BULK = 1024;

    /**
     * The draw u = b * 2^-53 (b the 53-bit integer) is below p exactly when b &lt; p * 2^53, a product that is
     * exact, and so (b being an integer) when b &lt; ceil(p * 2^53): an integer comparison.
     */
    private static long bernoulliLimit(double p) {
        return (long) Math.ceil(p * 0x1p53);
    }

    /** 1 when the 53-bit draw of one random64() (hi word first) is below limit, else 0; without a branch. */
    private static int below(int hi, int lo, long limit) {
        long bits = (((long) hi << 32) | Integer.toUnsignedLong(lo)) & LOW_53_BITS;
        return (int) ((bits - limit) >>> 63);
    }

    /**
     * {@code normal_distribution<double>(mean, std)}, the per-element normal draw: returns the
     * cached second value of the previous pair if there is one, otherwise draws two uniforms,
     * returns the cosine branch and caches the sine branch.
     */
    public double normal(double mean, double std) {
        // "* std + mean" is fused here as well, like every multiply-add of the AVX2-compiled kernels
        if (hasCachedNormal) {
            hasCachedNormal = false;
            return Math.fma(cachedNormal, std, mean);
        }
        double u1 = uniformDouble(0.0, 1.0);
        double u2 = uniformDouble(0.0, 1.0);
        double r = Math.sqrt(-2.0 * Libm.log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        cachedNormal = r * Libm.sin(theta);
        hasCachedNormal = true;
        return Math.fma(r * Libm.cos(theta), std, mean);
    }

    /** The state in {@code torch.get_rng_state()}'s byte layout (little endian, as on x86). */
    public byte[] stateBytes() {
        ByteBuffer b = ByteBuffer.allocate(STATE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, engine.seed());
        b.putInt(OFF_LEFT, engine.left());
        b.putInt(OFF_SEEDED, 1);
        b.putLong(OFF_NEXT, engine.next());
        int[] words = engine.stateWords();
        for (int i = 0; i < words.length; i++) {
            b.putLong(OFF_STATE + 8 * i, Integer.toUnsignedLong(words[i]));
        }
        if (hasCachedNormal) {
            b.putDouble(OFF_NORMAL_Y, cachedNormal);
            b.putInt(OFF_NORMAL_VALID, 1);
        }
        if (hasCachedFloatNormal) {
            b.putFloat(OFF_FLOAT_NORMAL, cachedFloatNormal);
            b.put(OFF_FLOAT_NORMAL_VALID, (byte) 1);
        }
        return b.array();
    }

    /**
     * Restores a state from {@link #stateBytes()} or {@code torch.get_rng_state()}.
     *
     * @throws IllegalArgumentException with PyTorch's messages for a wrong size or invalid engine state
     */
    public void setStateBytes(byte[] bytes) {
        if (bytes.length != STATE_BYTES && bytes.length != LEGACY_STATE_BYTES) {
            throw new IllegalArgumentException("Expected either a CPUGeneratorImplStateLegacy of size " + LEGACY_STATE_BYTES
                    + " or a CPUGeneratorImplState of size " + STATE_BYTES + " but found the input RNG state size to be " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(OFF_SEEDED) == 0) {
            throw new IllegalArgumentException("Invalid mt19937 state");
        }
        int[] words = new int[Mt19937.STATE_WORDS];
        for (int i = 0; i < words.length; i++) {
            // PyTorch narrows each legacy 64-bit word to 32 bits
            words[i] = (int) b.getLong(OFF_STATE + 8 * i);
        }
        long next = b.getLong(OFF_NEXT) & 0xffffffffL;
        engine.restore(b.getLong(0), b.getInt(OFF_LEFT), next > Mt19937.STATE_WORDS ? -1 : (int) next, words);
        hasCachedNormal = b.getInt(OFF_NORMAL_VALID) != 0;
        cachedNormal = hasCachedNormal ? b.getDouble(OFF_NORMAL_Y) : 0.0;
        if (bytes.length == LEGACY_STATE_BYTES) return;  // the legacy layout has no float normal: PyTorch leaves that cache as it is
        hasCachedFloatNormal = b.get(OFF_FLOAT_NORMAL_VALID) != 0;
        cachedFloatNormal = hasCachedFloatNormal ? b.getFloat(OFF_FLOAT_NORMAL) : 0f;
    }
}
