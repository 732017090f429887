package dev.jgrad.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Direct float32 convolution at stride 1, the second forward algorithm next to im2col + GEMM (see
 * {@link ConvAlgorithm}): no column matrix, each output vector accumulated straight from the input rows.
 * It pays where the column matrix is wasteful, as for a first layer with one input channel.
 *
 * <p>The image (one group's channels) is copied once into a zero-bordered buffer, so padding needs no
 * branches, and the output is computed "wide": output position q = y * wp + x runs over the padded row width
 * wp, so that for every kernel tap the inputs of consecutive q are consecutive in the buffer (one vector
 * load). The columns x &gt;= ow of each wide row are thrown away.
 *
 * <p>Bits: each output is the one im2col + {@link SgemmKernel#block} gives: per depth block of {@code kc}
 * taps (taps in the weight's order: channel, kernel row, kernel column; padding taps included as zeros), a
 * fused multiply-add chain from zero, added to the output, which starts at the bias (or 0). So the choice
 * between the two never changes a result ({@code ConvAlgorithmTest} holds them to the same bits).
 * Only reached behind {@link KernelConfig#VECTOR}.
 */
final class ConvDirect {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    /** Half the preferred width (the preferred one itself on machines with 128-bit vectors and below). */
    static final VectorSpecies<Float> HALF = S.length() >= 8 ? VectorSpecies.of(float.class, jdk.incubator.vector.VectorShape.forBitSize(S.vectorBitSize() / 2)) : S;
    /** Output channels per register tile; with two vectors of positions, eight accumulators. */
    private static final int OB = 4;

    private ConvDirect() {}

    /** Scratch per thread: the padded image, the wide output rows. Taken out while in use (see ConvKernels). */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][]);

    /** Whether this algorithm handles the window: stride 1 in both directions. */
    static boolean handles(ConvKernels.Window k) {
        return k.sh() == 1 && k.sw() == 1;
    }

    /**
     * One image: x at xs[xo..] (cin, h, w), weight (cout, cin/groups, kh, kw), bias or null, into
     * out[oo..] (cout, oh, ow); kc the depth block of the GEMM it must agree with.
     */
    static void image(float[] xs, int xo, int cin, int h, int w, float[] ws, float[] bias, int cout, int groups,
                      ConvKernels.Window k, int oh, int ow, int kc, float[] out, int oo) {
        int cinG = cin / groups, coutG = cout / groups, kg = cinG * k.kh() * k.kw();
        int hp = h + 2 * k.ph(), wp = w + 2 * k.pw(), plane = hp * wp;
        int q = (oh - 1) * wp + ow;                      // wide positions that hold real outputs
        int qv = (q + 2 * VL - 1) / (2 * VL) * (2 * VL); // rounded to whole tiles
        float[][] scratch = SCRATCH.get();
        float[] pad = scratch[0], wide = scratch[1];
        scratch[0] = scratch[1] = null;
        // the tile's last loads reach qv - 1 past the last tap's offset; slack keeps them inside the buffer
        int padSize = cinG * plane + (qv - q) + 2 * VL;
        if (pad == null || pad.length < padSize) pad = new float[padSize];
        else java.util.Arrays.fill(pad, 0, padSize, 0f);
        if (wide == null || wide.length < OB * qv) wide = new float[OB * qv];
        int[] taps = new int[kg];
        for (int c = 0, t = 0; c < cinG; c++) {
            for (int i = 0; i < k.kh(); i++) {
                for (int j = 0; j < k.kw(); j++) taps[t++] = c * plane + i * k.dh() * wp + j * k.dw();
            }
        }
        for (int g = 0; g < groups; g++) {
            if (g > 0) java.util.Arrays.fill(pad, 0, padSize, 0f);
            for (int c = 0; c < cinG; c++) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(xs, xo + ((g * cinG + c) * h + y) * w, pad, c * plane + (y + k.ph()) * wp + k.pw(), w);
                }
            }
            for (int o0 = 0; o0 < coutG; o0 += OB) {
                int ob = Math.min(OB, coutG - o0), oc = g * coutG + o0;
                for (int r = 0; r < ob; r++) java.util.Arrays.fill(wide, r * qv, (r + 1) * qv, bias == null ? 0f : bias[oc + r]);
                for (int p0 = 0; p0 < kg; p0 += kc) {
                    int p1 = Math.min(kg, p0 + kc);
                    if (ob == OB) tile4(pad, taps, p0, p1, ws, oc * kg, kg, wide, qv);
                    else for (int r = 0; r < ob; r++) tile1(pad, taps, p0, p1, ws, (oc + r) * kg, wide, r * qv, qv);
                }
                for (int r = 0; r < ob; r++) {
                    int dst = oo + (oc + r) * oh * ow;
                    for (int y = 0; y < oh; y++) System.arraycopy(wide, r * qv + y * wp, out, dst + y * ow, ow);
                }
            }
        }
        scratch[0] = pad;
        scratch[1] = wide;
    }

    /** Four channels' wide rows += the chain over taps [p0, p1), two vectors of positions at a time. */
    private static void tile4(float[] pad, int[] taps, int p0, int p1, float[] ws, int wo, int kg, float[] wide, int qv) {
        for (int q = 0; q < qv; q += 2 * VL) {
            FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S), b0 = FloatVector.zero(S), b1 = FloatVector.zero(S);
            FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), d0 = FloatVector.zero(S), d1 = FloatVector.zero(S);
            for (int p = p0; p < p1; p++) {
                int at = taps[p] + q;
                FloatVector v0 = FloatVector.fromArray(S, pad, at), v1 = FloatVector.fromArray(S, pad, at + VL);
                FloatVector x = FloatVector.broadcast(S, ws[wo + p]);
                a0 = x.fma(v0, a0); a1 = x.fma(v1, a1);
                x = FloatVector.broadcast(S, ws[wo + kg + p]);
                b0 = x.fma(v0, b0); b1 = x.fma(v1, b1);
                x = FloatVector.broadcast(S, ws[wo + 2 * kg + p]);
                c0 = x.fma(v0, c0); c1 = x.fma(v1, c1);
                x = FloatVector.broadcast(S, ws[wo + 3 * kg + p]);
                d0 = x.fma(v0, d0); d1 = x.fma(v1, d1);
            }
            a0.add(FloatVector.fromArray(S, wide, q)).intoArray(wide, q);
            a1.add(FloatVector.fromArray(S, wide, q + VL)).intoArray(wide, q + VL);
            b0.add(FloatVector.fromArray(S, wide, qv + q)).intoArray(wide, qv + q);
            b1.add(FloatVector.fromArray(S, wide, qv + q + VL)).intoArray(wide, qv + q + VL);
            c0.add(FloatVector.fromArray(S, wide, 2 * qv + q)).intoArray(wide, 2 * qv + q);
            c1.add(FloatVector.fromArray(S, wide, 2 * qv + q + VL)).intoArray(wide, 2 * qv + q + VL);
            d0.add(FloatVector.fromArray(S, wide, 3 * qv + q)).intoArray(wide, 3 * qv + q);
            d1.add(FloatVector.fromArray(S, wide, 3 * qv + q + VL)).intoArray(wide, 3 * qv + q + VL);
        }
    }

    /** One channel's wide row (at wide[r..]) += the chain over taps [p0, p1). */
    private static void tile1(float[] pad, int[] taps, int p0, int p1, float[] ws, int wo, float[] wide, int r, int qv) {
        for (int q = 0; q < qv; q += 2 * VL) {
            FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S);
            for (int p = p0; p < p1; p++) {
                int at = taps[p] + q;
                FloatVector x = FloatVector.broadcast(S, ws[wo + p]);
                a0 = x.fma(FloatVector.fromArray(S, pad, at), a0);
                a1 = x.fma(FloatVector.fromArray(S, pad, at + VL), a1);
            }
            a0.add(FloatVector.fromArray(S, wide, r + q)).intoArray(wide, r + q);
            a1.add(FloatVector.fromArray(S, wide, r + q + VL)).intoArray(wide, r + q + VL);
        }
    }

    /** dst[d..d+n) += src[s..s+n): col2im's run of one column row onto one image row, element by element. */
    static void addInto(float[] src, int s, float[] dst, int d, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += VL) {
            FloatVector.fromArray(S, dst, d + i).add(FloatVector.fromArray(S, src, s + i)).intoArray(dst, d + i);
        }
        // rows are short (an output row's width), so a narrower vector takes what the wide one left
        if (VL > HALF.length() && n - i >= HALF.length()) {
            FloatVector.fromArray(HALF, dst, d + i).add(FloatVector.fromArray(HALF, src, s + i)).intoArray(dst, d + i);
            i += HALF.length();
        }
        for (; i < n; i++) dst[d + i] += src[s + i];
    }
}
