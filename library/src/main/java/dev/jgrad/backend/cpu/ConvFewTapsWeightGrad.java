package dev.jgrad.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 weight gradient of a stride-1 convolution whose filters have few taps (in-channels x kernel
 * height x kernel width at most {@value #MAX_TAPS}: a first layer over gray or RGB images), as one dot product per
 * tap: gradWeight[o][tap] = sum over images and output positions of grad[n][o][y][x] * x[n][c][y + i][x + j] on the
 * zero-padded input, each a contiguous dot product of a gradient plane with one row of the image's columns
 * ({@link ConvKernels#im2col}, taps x positions: small, as taps are few). im2col + GEMM is a poor fit there: a product only {@code taps} rows deep, whose packing costs as
 * much as its arithmetic (mnist's first layer: 4 GMAC/s).
 *
 * <p>Each out-channel's taps are summed independently (out-channels split over threads): per image, lanewise
 * partial sums along the positions, added over the images in order, then the lanes in a fixed order
 * ({@link LaneSums}) and the positions past the last whole vector: the same bits whatever the thread count.
 */
final class ConvFewTapsWeightGrad {
    private ConvFewTapsWeightGrad() {}

    static final int MAX_TAPS = 32;
    private static final VectorSpecies<Float> S = SgemmKernel.S;
    private static final int VL = S.length();

    /** Whether this kernel computes the weight gradient of a layer with this window and channel count. */
    static boolean handles(ConvKernels.Window k, int cinPerGroup, int groups) {
        return KernelConfig.VECTOR && groups == 1 && k.sh() == 1 && k.sw() == 1 && k.dh() == 1 && k.dw() == 1
                && (long) cinPerGroup * k.kh() * k.kw() <= MAX_TAPS;
    }

    /** gradWeight (cout, cin, kh, kw) of grad (n, cout, oh, ow) and x (n, cin, h, w); overwritten. */
    static void compute(float[] gs, float[] xs, int n, int cin, int h, int w, int cout, ConvKernels.Window k, float[] gw) {
        int oh = k.outH(h), ow = k.outW(w), taps = cin * k.kh() * k.kw(), l = oh * ow;
        if (n == 0 || oh <= 0 || ow <= 0) {
            java.util.Arrays.fill(gw, 0, cout * taps, 0f);
            return;
        }
        int full = l / VL * VL;
        Parallel.forRange(cout, 1, (from, to) -> {
            // per out-channel and tap: vector partial sums over the image's positions (lanes) and a scalar one for
            // the positions past the last whole vector, each added up over the images in order
            float[] vec = new float[(to - from) * taps * VL], rest = new float[(to - from) * taps];
            // each thread builds every image's columns itself: taps x positions copies against (its out-channels) x
            // taps x positions multiply-adds, cheaper than sharing them across threads
            float[] cols = new float[taps * l];
            for (int b = 0; b < n; b++) {
                ConvKernels.im2col(xs, b * cin * h * w, cin, h, w, k, oh, ow, cols, 0);
                for (int o = from; o < to; o++) {
                    int g = (b * cout + o) * l, at = (o - from) * taps;
                    for (int tap = 0; tap < taps; tap++) {
                        int c = tap * l;
                        FloatVector a0 = FloatVector.zero(S), a1 = a0;
                        int x = 0;
                        for (; x + 2 * VL <= full; x += 2 * VL) {
                            a0 = FloatVector.fromArray(S, gs, g + x).fma(FloatVector.fromArray(S, cols, c + x), a0);
                            a1 = FloatVector.fromArray(S, gs, g + x + VL).fma(FloatVector.fromArray(S, cols, c + x + VL), a1);
                        }
                        if (x < full) a0 = FloatVector.fromArray(S, gs, g + x).fma(FloatVector.fromArray(S, cols, c + x), a0);
                        FloatVector.fromArray(S, vec, (at + tap) * VL).add(a0.add(a1)).intoArray(vec, (at + tap) * VL);
                        float r = 0f;
                        for (int i = full; i < l; i++) r = Math.fma(gs[g + i], cols[c + i], r);
                        rest[at + tap] += r;
                    }
                }
            }
            for (int o = from; o < to; o++) {
                for (int tap = 0; tap < taps; tap++) {
                    int at = (o - from) * taps + tap;
                    gw[o * taps + tap] = LaneSums.sum(FloatVector.fromArray(S, vec, at * VL)) + rest[at];  // lanes in a fixed order
                }
            }
        });
    }
}
