package dev.jgrad.random;

/**
 * The float32 Box-Muller transform of PyTorch 1.13's AVX2 CPU kernel ({@code normal_fill_16_AVX2}),
 * reproduced to the last bit.
 *
 * <p>That kernel does not call libm: it uses Cephes-style single precision {@code log} and
 * {@code sincos} polynomials evaluated eight lanes at a time. Its results therefore depend on the
 * exact sequence of float roundings, including where GCC (with {@code -mfma} and the default
 * {@code -ffp-contract=fast}) fused a multiply with the following add. Every {@link Math#fma} below
 * stands for such a fused instruction and every plain {@code *}/{@code +} for a separately rounded
 * one; changing either changes roughly one result in two hundred. The polynomial constants are
 * the single precision roundings of the decimal coefficients, as the C initialisers produce them.
 */
final class Avx2BoxMuller {

    private static final float TWO_PI = (float) (2.0 * Math.PI);

    private static final float SQRT_HALF = (float) 0.707106781186547524;
    private static final float[] LOG_POLY = {
        (float) 7.0376836292E-2, (float) -1.1514610310E-1, (float) 1.1676998740E-1,
        (float) -1.2420140846E-1, (float) 1.4249322787E-1, (float) -1.6668057665E-1,
        (float) 2.0000714765E-1, (float) -2.4999993993E-1, (float) 3.3333331174E-1,
    };
    // ln 2 split in two so that the exponent's contribution is added almost exactly.
    private static final float LN2_LOW = (float) -2.12194440e-4;
    private static final float LN2_HIGH = 0.693359375f;

    private static final float FOUR_OVER_PI = (float) 1.27323954473516;
    // pi/4 split in three parts for the argument reduction.
    private static final float PIO4_PART1 = -0.78515625f;
    private static final float PIO4_PART2 = (float) -2.4187564849853515625e-4;
    private static final float PIO4_PART3 = (float) -3.77489497744594108e-8;
    private static final float[] SIN_POLY = {(float) -1.9515295891E-4, (float) 8.3321608736E-3, (float) -1.6666654611E-1};
    private static final float[] COS_POLY = {
        (float) 2.443315711809948E-005, (float) -1.388731625493765E-003, (float) 4.166664568298827E-002,
    };

    private Avx2BoxMuller() {
    }

    /**
     * Turns the 16 uniforms in {@code data[off, off+16)} into normals in place: elements
     * {@code j} and {@code j+8} form one Box-Muller pair.
     */
    static void fill16(float[] data, int off, float mean, float std) {
        float[] sin = new float[1];
        for (int j = 0; j < 8; j++) {
            float u1 = 1f - data[off + j];
            float u2 = data[off + j + 8];
            float radius = (float) Math.sqrt(-2f * log(u1));
            float cos = sincos(TWO_PI * u2, sin);
            data[off + j] = Math.fma(radius * cos, std, mean);
            data[off + j + 8] = Math.fma(radius * sin[0], std, mean);
        }
    }

    /** Natural logarithm of {@code x > 0}: the lane-wise {@code log256_ps}. */
    static float log(float x) {
        boolean invalid = !(x > 0f) && !Float.isNaN(x);
        x = Math.max(x, Float.MIN_NORMAL);
        int bits = Float.floatToRawIntBits(x);
        float e = (float) ((bits >>> 23) - 127) + 1f;
        // mantissa scaled into [0.5, 1)
        float m = Float.intBitsToFloat((bits & ~0x7f800000) | 0x3f000000);
        boolean small = m < SQRT_HALF;
        float extra = small ? m : 0f;
        m = m - 1f;
        e = e - (small ? 1f : 0f);
        m = m + extra;

        float eLow = e * LN2_LOW;
        float y = LOG_POLY[0];
        for (int k = 1; k < LOG_POLY.length; k++) {
            y = Math.fma(y, m, LOG_POLY[k]);
        }
        float z = m * m;
        y = y * m;
        y = Math.fma(y, z, eLow);
        y = Math.fma(-z, 0.5f, y);
        m = m + y;
        float result = Math.fma(e, LN2_HIGH, m);
        return invalid ? Float.NaN : result;
    }

    /** Cosine of {@code x}, with the sine stored in {@code sinOut[0]}: the lane-wise {@code sincos256_ps}. */
    static float sincos(float x, float[] sinOut) {
        int sinSign = Float.floatToRawIntBits(x) & 0x80000000;
        x = Math.abs(x);

        int octant = (int) (x * FOUR_OVER_PI);
        octant = (octant + 1) & ~1;
        float q = (float) octant;
        int sinSwap = (octant & 4) << 29;
        int cosSign = (~(octant - 2) & 4) << 29;
        boolean sinPolyForSin = (octant & 2) == 0;

        float r = Math.fma(q, PIO4_PART1, x);
        r = Math.fma(q, PIO4_PART2, r);
        r = Math.fma(q, PIO4_PART3, r);

        float z = r * r;
        float c = COS_POLY[0];
        c = Math.fma(z, c, COS_POLY[1]);
        c = Math.fma(z, c, COS_POLY[2]);
        float halfZ = z * 0.5f;
        c = z * c;
        c = Math.fma(c, z, -halfZ);
        c = c + 1f;

        float s = SIN_POLY[0];
        s = Math.fma(z, s, SIN_POLY[1]);
        s = Math.fma(z, s, SIN_POLY[2]);
        s = z * s;
        s = Math.fma(r, s, r);

        // The kernel selects with bit masks and then adds/subtracts the masked parts; doing the
        // same arithmetic keeps the signs of zero results identical.
        float sinFromSin = sinPolyForSin ? s : 0f;
        float sinFromCos = sinPolyForSin ? 0f : c;
        float cosFromSin = s - sinFromSin;
        float cosFromCos = c - sinFromCos;
        float sinValue = sinFromCos + sinFromSin;
        float cosValue = cosFromCos + cosFromSin;

        sinOut[0] = flipSign(sinValue, sinSign ^ sinSwap);
        return flipSign(cosValue, cosSign);
    }

    private static float flipSign(float v, int signBit) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) ^ signBit);
    }
}
