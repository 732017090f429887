package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.Generator;

/**
 * rand and randn on float16 and bfloat16 as PyTorch 1.13's CPU kernels draw them, which is not float32's
 * draw rounded: {@code uniform_real_distribution<T>} keeps only as many low bits of each 32-bit draw as T's
 * significand has (11 for float16, 8 for bfloat16), and {@code normal_fill<T>} runs its Box-Muller pairs in
 * T's own arithmetic (each named intermediate rounded to T, the libm calls in float).
 */
final class ReducedFloatRandom {
    /** Tensors this large (and contiguous) take normal_fill's blocks of 16; smaller ones draw double normals one by one. */
    private static final int NORMAL_FILL_MIN = 16;

    private ReducedFloatRandom() {}

    private static int digits(DType t) { return t == DType.FLOAT16 ? 11 : 8; }

    private static float round(DType t, double v) { return ReducedFloats.toFloat(t, ReducedFloats.fromDouble(t, v)); }

    /** One uniform_real_distribution<T>(0, 1) value: the low digits bits of one 32-bit draw, times 2^-digits. */
    private static float unit(Generator g, DType t) {
        int low24 = (int) (g.nextUniformFloat() * 0x1p24f);  // nextUniformFloat is exactly (draw & 0xFFFFFF) * 2^-24
        int d = digits(t);
        return (low24 & ((1 << d) - 1)) * (float) Math.scalb(1.0, -d);
    }

    /** n values of uniform_(from, to), as floats that are exact values of t. */
    static float[] uniform(Generator g, DType t, int n, double from, double to) {
        float f = round(t, from), span = round(t, round(t, to) - f);  // from, to and to - from are T values in c10's arithmetic
        float[] out = new float[n];
        synchronized (g) {
            for (int i = 0; i < n; i++) out[i] = round(t, Math.fma(unit(g, t), span, f));
        }
        return out;
    }

    /** n values of normal_(mean, std) on a contiguous tensor when contiguous, as floats that are exact values of t. */
    static float[] normal(Generator g, DType t, int n, double mean, double std, boolean contiguous) {
        float[] out = new float[n];
        synchronized (g) {
            if (n < NORMAL_FILL_MIN || !contiguous) {
                for (int i = 0; i < n; i++) out[i] = round(t, g.nextNormal(mean, std));
                return out;
            }
            float m = round(t, mean), s = round(t, std);
            for (int i = 0; i < n; i++) out[i] = unit(g, t);
            for (int i = 0; i + NORMAL_FILL_MIN <= n; i += NORMAL_FILL_MIN) fill16(t, out, i, m, s);
            if (n % NORMAL_FILL_MIN != 0) {
                int tail = n - NORMAL_FILL_MIN;
                for (int i = 0; i < NORMAL_FILL_MIN; i++) out[tail + i] = unit(g, t);
                fill16(t, out, tail, m, s);
            }
        }
        return out;
    }

    /**
     * normal_fill_16 in T's arithmetic: u1, u2, radius and theta are T values. For float16 the libm calls and
     * the final multiply-add run in float; c10 gives bfloat16 its own std::log/sqrt/cos/sin and operators, so
     * there every call and every operation rounds to bfloat16.
     */
    private static void fill16(DType t, float[] d, int off, float mean, float std) {
        boolean bf = t == DType.BFLOAT16;
        for (int j = 0; j < 8; j++) {
            float u1 = round(t, 1 - d[off + j]), u2 = d[off + j + 8];
            float radius;
            if (bf) radius = round(t, Math.sqrt(round(t, -2 * round(t, Math.log(u1)))));
            else radius = round(t, (float) Math.sqrt(-2 * (float) Math.log(u1)));
            float theta = round(t, 2.0f * Math.PI * u2);
            if (bf) {
                d[off + j] = round(t, round(t, round(t, radius * round(t, Math.cos(theta))) * std) + mean);
                d[off + j + 8] = round(t, round(t, round(t, radius * round(t, Math.sin(theta))) * std) + mean);
            } else {
                d[off + j] = round(t, Math.fma(radius * (float) Math.cos(theta), std, mean));
                d[off + j + 8] = round(t, Math.fma(radius * (float) Math.sin(theta), std, mean));
            }
        }
    }
}
