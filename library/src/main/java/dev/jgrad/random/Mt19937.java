package dev.jgrad.random;

/**
 * The 32-bit Mersenne Twister (MT19937) exactly as PyTorch's CPU generator drives it.
 *
 * <p>PyTorch keeps the whole 64-bit seed for {@code initial_seed()} but feeds only its low 32 bits
 * into the state, so seeds that agree in their low 32 bits produce the same stream. The
 * bookkeeping fields {@code left} and {@code next} follow PyTorch's engine rather than a plain
 * index so that {@code torch.get_rng_state()} bytes can be read and written without translation.
 *
 * <p>Not thread safe; {@link dev.jgrad.Generator} serialises access.
 */
public final class Mt19937 {

    /** Words of state. */
    public static final int STATE_WORDS = 624;
    private static final int SHIFT = 397;
    static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    /** Whether the regeneration and the bulk tempering run on int lanes ({@link Mt19937Lanes}: the same words). */
    private static final boolean LANES = dev.jgrad.backend.cpu.KernelConfig.VECTOR;

    private final int[] state = new int[STATE_WORDS];
    private long seed;
    /** Draws left before the next regeneration, counting the one that triggers it (PyTorch's {@code left_}). */
    private int left;
    /** Index of the next word to temper (PyTorch's {@code next_}). */
    private int next;

    /** An engine seeded with {@code seed}, read as an unsigned 64-bit value. */
    public Mt19937(long seed) {
        seed(seed);
    }

    private Mt19937(Mt19937 other) {
        System.arraycopy(other.state, 0, state, 0, STATE_WORDS);
        seed = other.seed;
        left = other.left;
        next = other.next;
    }

    /** Restarts the stream, as {@code at::mt19937(seed)} does. */
    public void seed(long seed) {
        this.seed = seed;
        state[0] = (int) seed;
        for (int j = 1; j < STATE_WORDS; j++) {
            int prev = state[j - 1];
            state[j] = 1812433253 * (prev ^ (prev >>> 30)) + j;
        }
        // PyTorch regenerates lazily on the first draw rather than at seeding time.
        left = 1;
        next = 0;
    }

    /** The full 64-bit seed last given, as PyTorch reports it (unsigned, in a long's bits). */
    public long seed() {
        return seed;
    }

    /** The next 32 random bits, as a signed int carrying the unsigned value's bits. */
    public int nextInt32() {
        if (--left == 0) {
            regenerate();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /**
     * The next n draws of {@link #nextInt32()}, in order, into dst[off..]: the same words and the same state
     * afterwards as n calls, tempered in one loop per stretch of state.
     */
    public void nextInts(int[] dst, int off, int n) {
        for (int i = 0; i < n; ) {
            if (left == 1) {
                // the draw that would regenerate: afterwards the state's 624 words lie ahead, as after a
                // single draw's regeneration (left 624, next 1, one of them taken)
                regenerate();
                left = STATE_WORDS + 1;
            }
            int take = Math.min(left - 1, n - i);
            int t = LANES ? Mt19937Lanes.temper(state, next, dst, off + i, take) : 0;
            for (; t < take; t++) {
                int y = state[next + t];
                y ^= y >>> 11;
                y ^= (y << 7) & 0x9d2c5680;
                y ^= (y << 15) & 0xefc60000;
                y ^= y >>> 18;
                dst[off + i + t] = y;
            }
            next += take;
            left -= take;
            i += take;
        }
    }

    /** The next 32 random bits as an unsigned value in {@code [0, 2^32)}: PyTorch's {@code random()}. */
    public long nextUint32() {
        return Integer.toUnsignedLong(nextInt32());
    }

    /**
     * 64 random bits from two draws, the first one in the high half: PyTorch's {@code random64()}.
     * Returned as a long carrying the unsigned value's bits.
     */
    public long nextUint64() {
        long hi = Integer.toUnsignedLong(nextInt32());
        long lo = Integer.toUnsignedLong(nextInt32());
        return (hi << 32) | lo;
    }

    /** An independent engine at the same point of the stream. */
    public Mt19937 copy() {
        return new Mt19937(this);
    }

    /** The state words, for {@link dev.jgrad.Generator#getState()}. */
    int[] stateWords() {
        return state.clone();
    }

    int left() {
        return left;
    }

    int next() {
        return next;
    }

    /**
     * Replaces the whole engine state; the same validity rule as PyTorch's {@code is_valid()}.
     *
     * @throws IllegalArgumentException if {@code left} or {@code next} are outside PyTorch's bounds
     */
    void restore(long seed, int left, int next, int[] words) {
        if (left <= 0 || left > STATE_WORDS || next < 0 || next > STATE_WORDS || words.length != STATE_WORDS) {
            throw new IllegalArgumentException("Invalid mt19937 state");
        }
        this.seed = seed;
        this.left = left;
        this.next = next;
        System.arraycopy(words, 0, state, 0, STATE_WORDS);
    }

    private void regenerate() {
        if (LANES) {
            Mt19937Lanes.regenerate(state);
            left = STATE_WORDS;
            next = 0;
            return;
        }
        int kk = 0;
        for (; kk < STATE_WORDS - SHIFT; kk++) {
            state[kk] = state[kk + SHIFT] ^ twist(state[kk], state[kk + 1]);
        }
        for (; kk < STATE_WORDS - 1; kk++) {
            state[kk] = state[kk + SHIFT - STATE_WORDS] ^ twist(state[kk], state[kk + 1]);
        }
        state[STATE_WORDS - 1] = state[SHIFT - 1] ^ twist(state[STATE_WORDS - 1], state[0]);
        left = STATE_WORDS;
        next = 0;
    }

    static int twist(int u, int v) {
        int mixed = (u & UPPER_MASK) | (v & LOWER_MASK);
        // -(v & 1) is all ones or zero: a select without a branch (a branch on a random bit mispredicts half the time)
        return (mixed >>> 1) ^ (-(v & 1) & MATRIX_A);
    }
}
