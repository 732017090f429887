package dev.jgrad.backend.cpu;

import dev.jgrad.DType;

/**
 * Copies one strided row between CPU arrays of any two dtypes, converting like C++ casts do in
 * PyTorch (float to int truncates, anything to bool tests != 0; to float16 and bfloat16 through float,
 * rounding to nearest even, see {@link ReducedFloats}).
 *
 * <p>Mixed-type rows go through a small double (or long, for integral pairs) buffer in chunks, so each
 * pass is a tight loop with the type switch outside it.
 */
public final class CastKernels {
    private static final int CHUNK = 512;

    private CastKernels() {}

    public static void row(Object src, DType st, int so, int ss, Object dst, DType dt, int d0, int ds, int n) {
        if (st == dt) {
            sameType(src, st, so, ss, dst, d0, ds, n);
        } else if (st == DType.INT64 && dt == DType.FLOAT32) {
            long[] s = (long[]) src;
            float[] d = (float[]) dst;
            for (int i = 0; i < n; i++) d[d0 + i * ds] = s[so + i * ss];  // one rounding, not two via double
        } else if (dt.isReducedFloatingPoint() && !st.isReducedFloatingPoint()) {
            toReduced(src, st, so, ss, (short[]) dst, dt, d0, ds, n);
        } else if (st.isFloatingPoint() || dt.isFloatingPoint()) {
            double[] buf = new double[Math.min(n, CHUNK)];
            for (int start = 0; start < n; start += CHUNK) {
                int m = Math.min(CHUNK, n - start);
                readDoubles(src, st, so + start * ss, ss, buf, m);
                writeDoubles(buf, dst, dt, d0 + start * ds, ds, m);
            }
        } else {
            long[] buf = new long[Math.min(n, CHUNK)];
            for (int start = 0; start < n; start += CHUNK) {
                int m = Math.min(CHUNK, n - start);
                readLongs(src, st, so + start * ss, ss, buf, m);
                writeLongs(buf, dst, dt, d0 + start * ds, ds, m);
            }
        }
    }

    private static void sameType(Object src, DType t, int so, int ss, Object dst, int d0, int ds, int n) {
        if (ss == 1 && ds == 1) {
            System.arraycopy(src, so, dst, d0, n);
            return;
        }
        switch (t) {
            case FLOAT32 -> { float[] s = (float[]) src, d = (float[]) dst; for (int i = 0; i < n; i++) d[d0 + i * ds] = s[so + i * ss]; }
            case FLOAT64 -> { double[] s = (double[]) src, d = (double[]) dst; for (int i = 0; i < n; i++) d[d0 + i * ds] = s[so + i * ss]; }
            case INT64 -> { long[] s = (long[]) src, d = (long[]) dst; for (int i = 0; i < n; i++) d[d0 + i * ds] = s[so + i * ss]; }
            case INT32 -> { int[] s = (int[]) src, d = (int[]) dst; for (int i = 0; i < n; i++) d[d0 + i * ds] = s[so + i * ss]; }
            case BOOL -> { boolean[] s = (boolean[]) src, d = (boolean[]) dst; for (int i = 0; i < n; i++) d[d0 + i * ds] = s[so + i * ss]; }
            case FLOAT16, BFLOAT16 -> { short[] s = (short[]) src, d = (short[]) dst; for (int i = 0; i < n; i++) d[d0 + i * ds] = s[so + i * ss]; }
        }
    }

    /** Any non-16-bit type to float16/bfloat16: one rounding from float, as c10 converts (a double or long goes to float first). */
    private static void toReduced(Object src, DType st, int so, int ss, short[] d, DType dt, int d0, int ds, int n) {
        boolean half = dt == DType.FLOAT16;
        switch (st) {
            case FLOAT32 -> { float[] s = (float[]) src; for (int i = 0; i < n; i++) { float f = s[so + i * ss];
                d[d0 + i * ds] = half ? ReducedFloats.toHalf(f) : ReducedFloats.toBFloat16(f); } }
            case FLOAT64 -> { double[] s = (double[]) src; for (int i = 0; i < n; i++) d[d0 + i * ds] = ReducedFloats.fromDouble(dt, s[so + i * ss]); }
            case INT64 -> { long[] s = (long[]) src; for (int i = 0; i < n; i++) d[d0 + i * ds] = ReducedFloats.fromFloat(dt, (float) s[so + i * ss]); }
            case INT32 -> { int[] s = (int[]) src; for (int i = 0; i < n; i++) d[d0 + i * ds] = ReducedFloats.fromFloat(dt, (float) s[so + i * ss]); }
            case BOOL -> { boolean[] s = (boolean[]) src; short one = ReducedFloats.fromFloat(dt, 1f);
                for (int i = 0; i < n; i++) d[d0 + i * ds] = s[so + i * ss] ? one : 0; }
            default -> throw new IllegalStateException("not a 32-bit or wider type: " + st);
        }
    }

    private static void readDoubles(Object src, DType st, int so, int ss, double[] buf, int m) {
        switch (st) {
            case FLOAT32 -> { float[] s = (float[]) src; for (int i = 0; i < m; i++) buf[i] = s[so + i * ss]; }
            case FLOAT64 -> { double[] s = (double[]) src; for (int i = 0; i < m; i++) buf[i] = s[so + i * ss]; }
            case INT64 -> { long[] s = (long[]) src; for (int i = 0; i < m; i++) buf[i] = s[so + i * ss]; }
            case INT32 -> { int[] s = (int[]) src; for (int i = 0; i < m; i++) buf[i] = s[so + i * ss]; }
            case BOOL -> { boolean[] s = (boolean[]) src; for (int i = 0; i < m; i++) buf[i] = s[so + i * ss] ? 1 : 0; }
            case FLOAT16, BFLOAT16 -> { short[] s = (short[]) src; for (int i = 0; i < m; i++) buf[i] = ReducedFloats.toFloat(st, s[so + i * ss]); }
        }
    }

    private static void writeDoubles(double[] buf, Object dst, DType dt, int d0, int ds, int m) {
        switch (dt) {
            case FLOAT32 -> { float[] d = (float[]) dst; for (int i = 0; i < m; i++) d[d0 + i * ds] = (float) buf[i]; }
            case FLOAT64 -> { double[] d = (double[]) dst; for (int i = 0; i < m; i++) d[d0 + i * ds] = buf[i]; }
            case INT64 -> { long[] d = (long[]) dst; for (int i = 0; i < m; i++) d[d0 + i * ds] = (long) buf[i]; }
            case INT32 -> { int[] d = (int[]) dst; for (int i = 0; i < m; i++) d[d0 + i * ds] = (int) (long) buf[i]; }
            case BOOL -> { boolean[] d = (boolean[]) dst; for (int i = 0; i < m; i++) d[d0 + i * ds] = buf[i] != 0; }
            case FLOAT16, BFLOAT16 -> { short[] d = (short[]) dst; for (int i = 0; i < m; i++) d[d0 + i * ds] = ReducedFloats.fromDouble(dt, buf[i]); }
        }
    }

    private static void readLongs(Object src, DType st, int so, int ss, long[] buf, int m) {
        switch (st) {
            case INT64 -> { long[] s = (long[]) src; for (int i = 0; i < m; i++) buf[i] = s[so + i * ss]; }
            case INT32 -> { int[] s = (int[]) src; for (int i = 0; i < m; i++) buf[i] = s[so + i * ss]; }
            case BOOL -> { boolean[] s = (boolean[]) src; for (int i = 0; i < m; i++) buf[i] = s[so + i * ss] ? 1 : 0; }
            default -> throw new IllegalStateException("not an integral dtype: " + st);
        }
    }

    private static void writeLongs(long[] buf, Object dst, DType dt, int d0, int ds, int m) {
        switch (dt) {
            case INT64 -> { long[] d = (long[]) dst; for (int i = 0; i < m; i++) d[d0 + i * ds] = buf[i]; }
            case INT32 -> { int[] d = (int[]) dst; for (int i = 0; i < m; i++) d[d0 + i * ds] = (int) buf[i]; }
            case BOOL -> { boolean[] d = (boolean[]) dst; for (int i = 0; i < m; i++) d[d0 + i * ds] = buf[i] != 0; }
            default -> throw new IllegalStateException("not an integral dtype: " + dt);
        }
    }

    /** Writes one value into every element of a strided row. */
    public static void fill(Object dst, DType dt, int d0, int ds, int n, double value, long longValue) {
        switch (dt) {
            case FLOAT32 -> { float[] d = (float[]) dst; float v = (float) value; if (ds == 1) java.util.Arrays.fill(d, d0, d0 + n, v); else for (int i = 0; i < n; i++) d[d0 + i * ds] = v; }
            case FLOAT64 -> { double[] d = (double[]) dst; if (ds == 1) java.util.Arrays.fill(d, d0, d0 + n, value); else for (int i = 0; i < n; i++) d[d0 + i * ds] = value; }
            case INT64 -> { long[] d = (long[]) dst; if (ds == 1) java.util.Arrays.fill(d, d0, d0 + n, longValue); else for (int i = 0; i < n; i++) d[d0 + i * ds] = longValue; }
            case INT32 -> { int[] d = (int[]) dst; int v = (int) longValue; if (ds == 1) java.util.Arrays.fill(d, d0, d0 + n, v); else for (int i = 0; i < n; i++) d[d0 + i * ds] = v; }
            case BOOL -> { boolean[] d = (boolean[]) dst; boolean v = value != 0; if (ds == 1) java.util.Arrays.fill(d, d0, d0 + n, v); else for (int i = 0; i < n; i++) d[d0 + i * ds] = v; }
            case FLOAT16, BFLOAT16 -> { short[] d = (short[]) dst; short v = ReducedFloats.fromDouble(dt, value); if (ds == 1) java.util.Arrays.fill(d, d0, d0 + n, v); else for (int i = 0; i < n; i++) d[d0 + i * ds] = v; }
        }
    }
}
