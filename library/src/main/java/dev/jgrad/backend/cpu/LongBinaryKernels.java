package dev.jgrad.backend.cpu;

import dev.jgrad.backend.BinaryOp;
/**
 * Integral binary kernels (int64; int32 and bool compute through them): c[i] = a[i] op b[i] over one
 * strided row. Integer ops are cheap enough that plain loops reach memory speed.
 */
public final class LongBinaryKernels {
    private LongBinaryKernels() {}

    public static void row(BinaryOp op, long alpha, long[] a, int ao, int as, long[] b, int bo, int bs,
                           long[] c, int co, int cs, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] + alpha * b[bo + i * bs]; }
            case SUB -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] - alpha * b[bo + i * bs]; }
            case MUL -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] * b[bo + i * bs]; }
            case DIV -> throw new IllegalStateException("integer true division is computed in floating point");
            case POW -> { for (int i = 0; i < n; i++) c[co + i * cs] = pow(a[ao + i * as], b[bo + i * bs]); }
            case MAXIMUM -> { for (int i = 0; i < n; i++) c[co + i * cs] = Math.max(a[ao + i * as], b[bo + i * bs]); }
            case MINIMUM -> { for (int i = 0; i < n; i++) c[co + i * cs] = Math.min(a[ao + i * as], b[bo + i * bs]); }
            case ATAN2, ZETA, NEXTAFTER, IGAMMA, IGAMMAC -> throw new IllegalStateException(op + " is computed in floating point");
            case REMAINDER -> { for (int i = 0; i < n; i++) c[co + i * cs] = FloatingDivision.remainder(a[ao + i * as], b[bo + i * bs]); }
            case FLOOR_DIVIDE -> { for (int i = 0; i < n; i++) c[co + i * cs] = FloatingDivision.floorDivide(a[ao + i * as], b[bo + i * bs]); }
            case FMOD -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] % b[bo + i * bs]; }
            case BITWISE_AND -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] & b[bo + i * bs]; }
            case BITWISE_OR -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] | b[bo + i * bs]; }
            case BITWISE_XOR -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] ^ b[bo + i * bs]; }
            case LEFT_SHIFT -> { for (int i = 0; i < n; i++) { long k = b[bo + i * bs]; c[co + i * cs] = k < 0 || k >= 64 ? 0 : a[ao + i * as] << k; } }
            case RIGHT_SHIFT -> { for (int i = 0; i < n; i++) { long k = b[bo + i * bs]; c[co + i * cs] = a[ao + i * as] >> (k < 0 || k >= 64 ? 63 : k); } }
        }
    }

    /** Integer power by squaring; negative exponents are rejected before kernels run. */
    static long pow(long base, long exp) {
        if (exp < 0) {
            if (base == 1) return 1;
            if (base == -1) return (exp & 1) == 0 ? 1 : -1;
            return 0;
        }
        long result = 1;
        while (exp > 0) {
            if ((exp & 1) != 0) result *= base;
            base *= base;
            exp >>= 1;
        }
        return result;
    }
}
