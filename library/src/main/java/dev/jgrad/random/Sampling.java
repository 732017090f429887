package dev.jgrad.random;

/**
 * PyTorch 1.13's CPU sampling kernels for contiguous tensors, in the order and precision in which
 * they consume the generator. Arguments are assumed valid; {@link dev.jgrad.Generator} checks them.
 */
public final class Sampling {

    /** Tensors this large are Box-Muller transformed in blocks instead of element by element. */
    static final int NORMAL_FILL_MIN = 16;

    private Sampling() {
    }

    /** {@code uniform_} on float32: one 32-bit draw per element. */
    public static void uniform(CpuRng rng, float[] dst, int off, int n, float from, float to) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = rng.uniformFloat(from, to);
        }
    }

    /** {@code uniform_} on float64: one 64-bit draw per element. */
    public static void uniform(CpuRng rng, double[] dst, int off, int n, double from, double to) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = rng.uniformDouble(from, to);
        }
    }

    /**
     * {@code normal_} on a contiguous float32 tensor of {@code n} elements. From 16 elements on:
     * all {@code n} uniforms first, then Box-Muller on each full block of 16 (pairs {@code j},
     * {@code j+8}); if {@code n} is not a multiple of 16 the last 16 elements get fresh uniforms
     * and are transformed again, overwriting the tail of the previous block. Below 16 elements,
     * each value is a per-element double normal rounded to float.
     */
    public static void normal(CpuRng rng, float[] dst, int off, int n, double mean, double std) {
        if (n < NORMAL_FILL_MIN) {
            for (int i = 0; i < n; i++) {
                dst[off + i] = (float) rng.normal(mean, std);
            }
            return;
        }
        float fmean = (float) mean;
        float fstd = (float) std;
        for (int i = 0; i < n; i++) {
            dst[off + i] = rng.uniformFloat(0f, 1f);
        }
        for (int i = 0; i + NORMAL_FILL_MIN <= n; i += NORMAL_FILL_MIN) {
            Avx2BoxMuller.fill16(dst, off + i, fmean, fstd);
        }
        if (n % NORMAL_FILL_MIN != 0) {
            int tail = off + n - NORMAL_FILL_MIN;
            for (int i = 0; i < NORMAL_FILL_MIN; i++) {
                dst[tail + i] = rng.uniformFloat(0f, 1f);
            }
            Avx2BoxMuller.fill16(dst, tail, fmean, fstd);
        }
    }

    /** {@code normal_} on a contiguous float64 tensor: the same layout as the float32 case, in double with libm. */
    public static void normal(CpuRng rng, double[] dst, int off, int n, double mean, double std) {
        if (n < NORMAL_FILL_MIN) {
            for (int i = 0; i < n; i++) {
                dst[off + i] = rng.normal(mean, std);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            dst[off + i] = rng.uniformDouble(0.0, 1.0);
        }
        for (int i = 0; i + NORMAL_FILL_MIN <= n; i += NORMAL_FILL_MIN) {
            boxMuller16(dst, off + i, mean, std);
        }
        if (n % NORMAL_FILL_MIN != 0) {
            int tail = off + n - NORMAL_FILL_MIN;
            for (int i = 0; i < NORMAL_FILL_MIN; i++) {
                dst[tail + i] = rng.uniformDouble(0.0, 1.0);
            }
            boxMuller16(dst, tail, mean, std);
        }
    }

    private static void boxMuller16(double[] data, int off, double mean, double std) {
        // PyTorch's kernel is compiled with FMA contraction, which fuses "* std + mean"
        for (int j = 0; j < 8; j++) {
            double u1 = 1.0 - data[off + j];
            double u2 = data[off + j + 8];
            double radius = Math.sqrt(-2.0 * Libm.log(u1));
            double theta = 2.0 * Math.PI * u2;
            data[off + j] = Math.fma(radius * Libm.cos(theta), std, mean);
            data[off + j + 8] = Math.fma(radius * Libm.sin(theta), std, mean);
        }
    }

    /**
     * One {@code random_(from, to)} value before the cast to the element type:
     * {@code (draw mod range) + from} in unsigned 64-bit arithmetic. The draw is 64-bit only when
     * the element type is 64-bit capable and {@code range >= 2^32}.
     */
    public static long randomFromTo(CpuRng rng, long range, long from, boolean wideType) {
        long draw = wideType && Long.compareUnsigned(range, 1L << 32) >= 0 ? rng.random64() : rng.random32();
        return Long.remainderUnsigned(draw, range) + from;
    }

    /**
     * {@code torch.randperm(n)}: the identity permutation shuffled from the front, swapping
     * element {@code i} with element {@code i + random() % (n - i)}. PyTorch 1.13 uses this for
     * every {@code n} (checked at {@code n = 2^32/20}, where later releases switch to 64-bit draws).
     */
    public static long[] randperm(CpuRng rng, int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        for (int i = 0; i < n - 1; i++) {
            int z = (int) (rng.random32() % (n - i));
            long save = r[i];
            r[i] = r[z + i];
            r[z + i] = save;
        }
        return r;
    }

    /**
     * PyTorch's {@code update_from} for a floating element type with {@code digits} significand
     * bits: a lower bound whose successor would round below it after the cast moves up to the
     * next integer that survives the cast, so that no sample falls outside {@code [from, to)}.
     */
    public static long narrowFrom(long from, int digits) {
        long fromPlus1 = castThroughFloat(from + 1, digits);
        if (fromPlus1 < from) {
            int n = 63 - Long.numberOfLeadingZeros(Math.abs(from + 1));
            return fromPlus1 + (1L << (n - digits + 1));
        }
        return from;
    }

    /** PyTorch's {@code update_to}, the mirror image of {@link #narrowFrom(long, int)}. */
    public static long narrowTo(long to, int digits) {
        long toMinus1 = castThroughFloat(to - 1, digits);
        if (toMinus1 >= to) {
            int n = 63 - Long.numberOfLeadingZeros(Math.abs(to - 1));
            return toMinus1 - (1L << (n - digits + 1));
        }
        return to;
    }

    /**
     * {@code (int64_t)(scalar_t) v} for float ({@code digits == 24}) or double, as x86 evaluates
     * it: a value rounded up to {@code 2^63} converts to {@code INT64_MIN}, where Java would saturate.
     */
    private static long castThroughFloat(long v, int digits) {
        double rounded = digits == 24 ? (double) (float) v : (double) v;
        return rounded >= 0x1p63 ? Long.MIN_VALUE : (long) rounded;
    }
}
