package dev.jgrad.backend.cpu;

import dev.jgrad.backend.BinaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 binary kernels over one strided row: c[i] = a[i] op b[i].
 *
 * <p>Stride-1 rows (and rows where one side is a broadcast scalar, stride 0) run on the Vector API;
 * anything else runs a plain loop. The op switch sits outside the loops so the JIT sees one tight loop
 * per op. {@code alpha} scales b for ADD and SUB ({@code a + alpha*b} as one fused multiply-add, like
 * PyTorch's CPU kernel).
 */
public final class FloatBinaryKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private FloatBinaryKernels() {}

    public static void row(BinaryOp op, float alpha, float[] a, int ao, int as, float[] b, int bo, int bs,
                           float[] c, int co, int cs, int n) {
        if (op == BinaryOp.SUB) {
            op = BinaryOp.ADD;
            alpha = -alpha;
        }
        if (KernelConfig.FAST_PATHS && cs == 1 && n >= L) {
            if (as == 1 && bs == 1) { contiguous(op, alpha, a, ao, b, bo, c, co, n); return; }
            if (as == 1 && bs == 0) { scalarRight(op, alpha, a, ao, b[bo], c, co, n); return; }
            if (as == 0 && bs == 1) { scalarLeft(op, alpha, a[ao], b, bo, c, co, n); return; }
        }
        strided(op, alpha, a, ao, as, b, bo, bs, c, co, cs, n);
    }

    private static void contiguous(BinaryOp op, float alpha, float[] a, int ao, float[] b, int bo,
                                   float[] c, int co, int n) {
        int i = 0, bound = S.loopBound(n);
        switch (op) {
            case ADD -> {
                if (alpha == 1f) {
                    for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).add(FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i);
                } else {
                    FloatVector va = FloatVector.broadcast(S, alpha);
                    for (; i < bound; i += L) FloatVector.fromArray(S, b, bo + i).fma(va, FloatVector.fromArray(S, a, ao + i)).intoArray(c, co + i);
                }
            }
            case MUL -> { for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).mul(FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i); }
            case DIV -> { for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).div(FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i); }
            case MAXIMUM -> { for (; i < bound; i += L) max(FloatVector.fromArray(S, a, ao + i), FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i); }
            case MINIMUM -> { for (; i < bound; i += L) min(FloatVector.fromArray(S, a, ao + i), FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i); }
            default -> { }
        }
        strided(op, alpha, a, ao + i, 1, b, bo + i, 1, c, co + i, 1, n - i);
    }

    private static void scalarRight(BinaryOp op, float alpha, float[] a, int ao, float s, float[] c, int co, int n) {
        int i = 0, bound = S.loopBound(n);
        switch (op) {
            case ADD -> {
                if (alpha == 1f) {
                    FloatVector vs = FloatVector.broadcast(S, s);
                    for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).add(vs).intoArray(c, co + i);
                } else {
                    FloatVector vb = FloatVector.broadcast(S, s), va = FloatVector.broadcast(S, alpha);
                    for (; i < bound; i += L) vb.fma(va, FloatVector.fromArray(S, a, ao + i)).intoArray(c, co + i);
                }
            }
            case MUL -> { FloatVector vs = FloatVector.broadcast(S, s); for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).mul(vs).intoArray(c, co + i); }
            case DIV -> { FloatVector vs = FloatVector.broadcast(S, s); for (; i < bound; i += L) FloatVector.fromArray(S, a, ao + i).div(vs).intoArray(c, co + i); }
            case MAXIMUM -> { FloatVector vs = FloatVector.broadcast(S, s); for (; i < bound; i += L) max(FloatVector.fromArray(S, a, ao + i), vs).intoArray(c, co + i); }
            case MINIMUM -> { FloatVector vs = FloatVector.broadcast(S, s); for (; i < bound; i += L) min(FloatVector.fromArray(S, a, ao + i), vs).intoArray(c, co + i); }
            default -> { }
        }
        float[] sb = {s};
        strided(op, alpha, a, ao + i, 1, sb, 0, 0, c, co + i, 1, n - i);
    }

    private static void scalarLeft(BinaryOp op, float alpha, float s, float[] b, int bo, float[] c, int co, int n) {
        int i = 0, bound = S.loopBound(n);
        FloatVector vs = FloatVector.broadcast(S, s);
        switch (op) {
            case ADD -> {
                if (alpha == 1f) {
                    for (; i < bound; i += L) vs.add(FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i);
                } else {
                    FloatVector va = FloatVector.broadcast(S, alpha);
                    for (; i < bound; i += L) FloatVector.fromArray(S, b, bo + i).fma(va, vs).intoArray(c, co + i);
                }
            }
            case MUL -> { for (; i < bound; i += L) vs.mul(FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i); }
            case DIV -> { for (; i < bound; i += L) vs.div(FloatVector.fromArray(S, b, bo + i)).intoArray(c, co + i); }
            default -> { }
        }
        float[] sa = {s};
        strided(op, alpha, sa, 0, 0, b, bo + i, 1, c, co + i, 1, n - i);
    }

    private static void strided(BinaryOp op, float alpha, float[] a, int ao, int as, float[] b, int bo, int bs,
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
        }
    }

    // PyTorch's maximum/minimum: NaN if either is NaN, else std::max/std::min, which keep the first
    // operand on ties (so maximum(-0., 0.) is -0.), unlike Math.max.
    static float max(float a, float b) { return a != a || b != b ? Float.NaN : a < b ? b : a; }

    static float min(float a, float b) { return a != a || b != b ? Float.NaN : b < a ? b : a; }

    static FloatVector max(FloatVector a, FloatVector b) {
        return a.blend(b, a.lt(b)).blend(b, b.test(VectorOperators.IS_NAN));
    }

    static FloatVector min(FloatVector a, FloatVector b) {
        return a.blend(b, b.lt(a)).blend(b, b.test(VectorOperators.IS_NAN));
    }
}
