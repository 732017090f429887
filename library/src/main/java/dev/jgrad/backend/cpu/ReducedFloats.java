package dev.jgrad.backend.cpu;

import dev.jgrad.DType;

/**
 * Conversions between float and the two 16-bit floating types, whose CPU storage is a short[] of bit
 * patterns. Both narrow with round-to-nearest-even, as PyTorch's c10::Half and c10::BFloat16 do.
 *
 * <p>PyTorch converts a double (or an integer) to either type through float, so a double is rounded
 * twice: first to float, then to 16 bits. {@link #fromDouble} does the same, which matters for a double
 * just above a 16-bit tie that float rounds onto the tie.
 */
public final class ReducedFloats {
    private ReducedFloats() {}

    /** float16 bits of f, rounded to nearest even (overflow gives infinity, NaN stays NaN). */
    public static short toHalf(float f) { return Float.floatToFloat16(f); }

    /** The float a float16 bit pattern holds (exact). */
    public static float halfToFloat(short bits) { return Float.float16ToFloat(bits); }

    /**
     * bfloat16 bits of f: the upper half of f's bits rounded to nearest even; every NaN becomes the
     * positive quiet NaN 0x7FC0, as c10::BFloat16's round_to_nearest_even.
     */
    public static short toBFloat16(float f) {
        if (Float.isNaN(f)) return (short) 0x7FC0;
        int bits = Float.floatToRawIntBits(f);
        int lsb = (bits >>> 16) & 1;
        return (short) ((bits + 0x7FFF + lsb) >>> 16);
    }

    /** The float a bfloat16 bit pattern holds (exact: its bits followed by 16 zeros). */
    public static float bfloat16ToFloat(short bits) { return Float.intBitsToFloat((bits & 0xFFFF) << 16); }

    /** The bits of f in the 16-bit type t (FLOAT16 or BFLOAT16). */
    public static short fromFloat(DType t, float f) { return t == DType.FLOAT16 ? toHalf(f) : toBFloat16(f); }

    /** The bits of d in the 16-bit type t, through float as PyTorch converts. */
    public static short fromDouble(DType t, double d) { return fromFloat(t, (float) d); }

    /** The value of 16-bit type t's bit pattern. */
    public static float toFloat(DType t, short bits) { return t == DType.FLOAT16 ? halfToFloat(bits) : bfloat16ToFloat(bits); }
}
