package dev.jgrad.backend.cpu;

import dev.jgrad.internal.math.SpecialFunctions;
import dev.jgrad.backend.BinaryOp;

/**
 * float32 binary kernels over one strided row: c[i] = a[i] op b[i].
 *
 * <p>Stride-1 rows (and rows where one side is a broadcast scalar, stride 0) run on the Vector API
 * ({@link FloatBinaryVector}, when {@link KernelConfig#VECTOR}); anything else runs a plain loop. The op
 * switch sits outside the loops so the JIT sees one tight loop per op. {@code alpha} scales b for ADD and
 * SUB ({@code a + alpha*b} as one fused multiply-add, like PyTorch's CPU kernel).
 */
public final class FloatBinaryKernels {
    private FloatBinaryKernels() {}

    public static void row(BinaryOp op, float alpha, float[] a, int ao, int as, float[] b, int bo, int bs,
                           float[] c, int co, int cs, int n) {
        if (op == BinaryOp.SUB) {
            op = BinaryOp.ADD;
            alpha = -alpha;
        }
        if (KernelConfig.VECTOR && cs == 1 && n >= FloatBinaryVector.L) {
            if (as == 1 && bs == 1) { FloatBinaryVector.contiguous(op, alpha, a, ao, b, bo, c, co, n); return; }
            if (as == 1 && bs == 0) { FloatBinaryVector.scalarRight(op, alpha, a, ao, b[bo], c, co, n); return; }
            if (as == 0 && bs == 1) { FloatBinaryVector.scalarLeft(op, alpha, a[ao], b, bo, c, co, n); return; }
        }
        strided(op, alpha, a, ao, as, b, bo, bs, c, co, cs, n);
    }

    static void strided(BinaryOp op, float alpha, float[] a, int ao, int as, float[] b, int bo, int bs,
                        float[] c, int co, int cs, int n) {
        switch (op) {
            case ADD -> {
                if (alpha == 1f) for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] + b[bo + i * bs];
                else for (int i = 0; i < n; i++) c[co + i * cs] = Math.fma(b[bo + i * bs], alpha, a[ao + i * as]);
            }
            case SUB -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] - alpha * b[bo + i * bs]; }
            case MUL -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] * b[bo + i * bs]; }
            case DIV -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] / b[bo + i * bs]; }
            case POW -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.pow(a[ao + i * as], b[bo + i * bs]); }
            case MAXIMUM -> { for (int i = 0; i < n; i++) c[co + i * cs] = max(a[ao + i * as], b[bo + i * bs]); }
            case MINIMUM -> { for (int i = 0; i < n; i++) c[co + i * cs] = min(a[ao + i * as], b[bo + i * bs]); }
            case ATAN2 -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) Math.atan2(a[ao + i * as], b[bo + i * bs]); }
            case REMAINDER -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) FloatingDivision.remainder(a[ao + i * as], b[bo + i * bs]); }
            case FLOOR_DIVIDE -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) FloatingDivision.floorDivide(a[ao + i * as], b[bo + i * bs]); }
            case ZETA -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) SpecialFunctions.zeta(a[ao + i * as], b[bo + i * bs]); }
            case FMOD -> { for (int i = 0; i < n; i++) c[co + i * cs] = a[ao + i * as] % b[bo + i * bs]; }
            case NEXTAFTER -> { for (int i = 0; i < n; i++) c[co + i * cs] = Math.nextAfter(a[ao + i * as], b[bo + i * bs]); }
            case IGAMMA -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) IncompleteGamma.igamma(a[ao + i * as], b[bo + i * bs]); }
            case IGAMMAC -> { for (int i = 0; i < n; i++) c[co + i * cs] = (float) IncompleteGamma.igammac(a[ao + i * as], b[bo + i * bs]); }
            case BITWISE_AND, BITWISE_OR, BITWISE_XOR, LEFT_SHIFT, RIGHT_SHIFT -> throw new IllegalStateException(op + " is integer-only");
        }
    }

    // PyTorch's maximum/minimum: NaN if either is NaN, else std::max/std::min, which keep the first
    // operand on ties (so maximum(-0., 0.) is -0.), unlike Math.max.
    static float max(float a, float b) { return a != a || b != b ? Float.NaN : a < b ? b : a; }

    static float min(float a, float b) { return a != a || b != b ? Float.NaN : b < a ? b : a; }
}
