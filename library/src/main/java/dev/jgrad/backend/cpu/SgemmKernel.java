package dev.jgrad.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The packed, cache-blocked float GEMM that {@link Gemm#sgemm} hands large problems to.
 *
 * <p>Loop nest (outer to inner): nc columns, kc depth, MR-row strips of A, NR-column strips of B. A kc x nc
 * block of B is packed once per (nc, kc) step and sized to stay in L2; one MR x kc strip of A stays in L1
 * while every B strip of the block streams past it; the micro-kernel keeps an MR x NR tile of C in registers
 * for the whole kc loop. B is always packed (zero-padded to whole strips, so the kernel never branches on
 * width); a row-major A is read in place, since its strip rows are already contiguous in k.
 */
final class SgemmKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int VL = S.length();
    /** 6 x 2 vectors = 12 accumulators: fits AVX2's 16 registers with room for B and the broadcast. */
    static final int MR = 6;
    static final int NR = 2 * VL;

    /** Cache blocking from this machine's cache sizes ({@link GemmBlocking}). */
    static final GemmBlocking BLOCKING = GemmBlocking.forThisMachine("sgemm", 4, MR, NR);

    /** 8-float vectors for packing a column-major A's 6-row strips, where the machine has them natively. */
    private static final VectorSpecies<Float> S8 = FloatVector.SPECIES_256;
    private static final boolean PACK8 = MR == 6 && VL >= 8;

    /** Read-only zeros standing in for C when a product overwrites instead of accumulating. */
    private static final float[] ZERO_TILE = new float[MR * NR];

    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[3][]);

    private SgemmKernel() {}

    /**
     * C[m0:m1, n0:n1] (+)= A[m0:m1, :] * B[:, n0:n1]; one thread's share of the product.
     * Offsets point at element (0, 0) of each full operand.
     */
    static void block(int m0, int m1, int n0, int n1, int k,
                      float[] a, int aOff, int ars, int acs,
                      float[] b, int bOff, int brs, int bcs,
                      float[] c, int cOff, int ldc, boolean accumulate) {
        block(BLOCKING, m0, m1, n0, n1, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
    }

    /** {@link #block} with a given blocking (tests run every blocking over the same products). */
    static void block(GemmBlocking blocking, int m0, int m1, int n0, int n1, int k,
                      float[] a, int aOff, int ars, int acs,
                      float[] b, int bOff, int brs, int bcs,
                      float[] c, int cOff, int ldc, boolean accumulate) {
        int kcStep = blocking.kc(), ncStep = blocking.nc(), mcStep = blocking.mc();
        int kcMax = Math.min(kcStep, k);
        float[][] buf = BUFFERS.get();
        float[] ap = buffer(buf, 0, roundUp(Math.min(mcStep, m1 - m0), MR) * kcMax);
        float[] bp = buffer(buf, 1, roundUp(Math.min(ncStep, n1 - n0), NR) * kcMax);
        float[] tile = buffer(buf, 2, MR * NR);

        for (int jc = n0; jc < n1; jc += ncStep) {
            int nb = Math.min(ncStep, n1 - jc);
            for (int pc = 0; pc < k; pc += kcStep) {
                int kb = Math.min(kcStep, k - pc);
                // Only the first k block may overwrite C; the rest add to what it left.
                boolean add = accumulate || pc > 0;
                packB(kb, nb, b, bOff + pc * brs + jc * bcs, brs, bcs, bp);
                if (acs == 1) {
                    // Row-major A: every strip row is already contiguous in k, so full strips are read in place.
                    for (int ir = m0; ir < m1; ir += MR) {
                        int mr = Math.min(MR, m1 - ir);
                        int ai = aOff + ir * ars + pc;
                        int ci = cOff + ir * ldc + jc;
                        if (mr == MR) {
                            strip(mr, nb, kb, a, ai, ars, 1, bp, c, ci, ldc, add, tile);
                        } else {
                            packA(mr, kb, a, ai, ars, acs, ap);
                            strip(mr, nb, kb, ap, 0, 1, MR, bp, c, ci, ldc, add, tile);
                        }
                    }
                } else {
                    for (int ic = m0; ic < m1; ic += mcStep) {
                        int mb = Math.min(mcStep, m1 - ic);
                        packA(mb, kb, a, aOff + ic * ars + pc * acs, ars, acs, ap);
                        for (int ir = 0; ir < mb; ir += MR) {
                            strip(Math.min(MR, mb - ir), nb, kb, ap, ir * kb, 1, MR, bp,
                                    c, cOff + (ic + ir) * ldc + jc, ldc, add, tile);
                        }
                    }
                }
            }
        }
    }

    /**
     * One A strip (MR rows, or fewer zero-padded) times the whole packed B block; A[i, p] of the strip
     * is a[ai + i * lda + p * ldk].
     */
    private static void strip(int mr, int nb, int kb, float[] a, int ai, int lda, int ldk, float[] bp,
                              float[] c, int ci, int ldc, boolean add, float[] tile) {
        for (int jr = 0; jr < nb; jr += NR, ci += NR) {
            int nr = Math.min(NR, nb - jr);
            int bi = jr * kb;
            if (mr == MR && nr == NR) {
                if (add) kernel(kb, a, ai, lda, ldk, bp, bi, c, ci, ldc, c, ci, ldc);
                else kernel(kb, a, ai, lda, ldk, bp, bi, ZERO_TILE, 0, NR, c, ci, ldc);
            } else {
                // Partial tiles go through a scratch tile so the kernel's full-width stores stay in bounds.
                kernel(kb, a, ai, lda, ldk, bp, bi, ZERO_TILE, 0, NR, tile, 0, NR);
                for (int i = 0; i < mr; i++) {
                    int row = ci + i * ldc;
                    for (int j = 0; j < nr; j++) {
                        c[row + j] = add ? c[row + j] + tile[i * NR + j] : tile[i * NR + j];
                    }
                }
            }
        }
    }

    /** The 6 x NR register tile: per k step, 2 vector loads of B and 6 broadcasts of A feed 12 fmas. */
    static void kernel(int kc, float[] a, int ai, int lda, int ldk, float[] b, int bi,
                       float[] cIn, int ri, int ldIn, float[] c, int ci, int ldc) {
        int a0 = ai, a1 = ai + lda, a2 = ai + 2 * lda, a3 = ai + 3 * lda, a4 = ai + 4 * lda, a5 = ai + 5 * lda;
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, bi += NR) {
            int q = p * ldk;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + VL);
            FloatVector x = FloatVector.broadcast(S, a[a0 + q]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + q]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + q]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + q]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[a4 + q]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[a5 + q]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
        }
        // C's old values come from cIn: the tile itself when adding, a zero tile otherwise. One branch-free
        // epilogue keeps the compiled kernel small enough for C2 to inline every vector op (a call that is
        // not inlined boxes its vectors and costs 3x).
        c00.add(FloatVector.fromArray(S, cIn, ri)).intoArray(c, ci);
        c01.add(FloatVector.fromArray(S, cIn, ri + VL)).intoArray(c, ci + VL);
        ri += ldIn; ci += ldc;
        c10.add(FloatVector.fromArray(S, cIn, ri)).intoArray(c, ci);
        c11.add(FloatVector.fromArray(S, cIn, ri + VL)).intoArray(c, ci + VL);
        ri += ldIn; ci += ldc;
        c20.add(FloatVector.fromArray(S, cIn, ri)).intoArray(c, ci);
        c21.add(FloatVector.fromArray(S, cIn, ri + VL)).intoArray(c, ci + VL);
        ri += ldIn; ci += ldc;
        c30.add(FloatVector.fromArray(S, cIn, ri)).intoArray(c, ci);
        c31.add(FloatVector.fromArray(S, cIn, ri + VL)).intoArray(c, ci + VL);
        ri += ldIn; ci += ldc;
        c40.add(FloatVector.fromArray(S, cIn, ri)).intoArray(c, ci);
        c41.add(FloatVector.fromArray(S, cIn, ri + VL)).intoArray(c, ci + VL);
        ri += ldIn; ci += ldc;
        c50.add(FloatVector.fromArray(S, cIn, ri)).intoArray(c, ci);
        c51.add(FloatVector.fromArray(S, cIn, ri + VL)).intoArray(c, ci + VL);
    }

    /**
     * Packs A[0:mb, 0:kb] as MR-row strips, strip s at s * kb, each k-major (A[i, p] at p * MR + i), so a
     * transposed A packs with short contiguous copies; rows past mb are zeros.
     */
    static void packA(int mb, int kb, float[] a, int aOff, int rs, int cs, float[] ap) {
        int full = rs == 1 ? mb / MR * MR : 0;
        // Column-major A, in blocks of 16 k: the block's 16 column runs stay in L1 while every strip takes its
        // 16 x 6 floats from them and writes them as one contiguous run. Column by column instead (all strips per
        // k) wrote to every strip at once and read each column's cache lines once per k; it was a fifth of a
        // weight gradient's time. Where 8-float vectors exist a strip's 6 floats move as one 8-lane copy whose
        // last 2 lanes land in the next k's slots, which that k then overwrites; the strip's last k (whose spill
        // would reach the next strip) and a read that would pass the array's end copy element by element.
        for (int p0 = 0; p0 < kb; p0 += 16) {
            int p1 = Math.min(kb, p0 + 16);
            for (int s = 0; s < full; s += MR) {
                int p = p0, dst = s * kb + p0 * MR;
                for (int src = aOff + p0 * cs + s; p < p1; p++, dst += MR, src += cs) {
                    if (PACK8 && p < kb - 1 && src <= a.length - 8) {
                        FloatVector.fromArray(S8, a, src).intoArray(ap, dst);
                    } else {
                        ap[dst] = a[src];
                        ap[dst + 1] = a[src + 1];
                        ap[dst + 2] = a[src + 2];
                        ap[dst + 3] = a[src + 3];
                        ap[dst + 4] = a[src + 4];
                        ap[dst + 5] = a[src + 5];
                    }
                }
            }
        }
        for (int s = full; s < mb; s += MR) {
            int rows = Math.min(MR, mb - s);
            for (int p = 0, dst = s * kb; p < kb; p++, dst += MR) {
                int src = aOff + s * rs + p * cs;
                for (int i = 0; i < rows; i++) ap[dst + i] = a[src + i * rs];
                for (int i = rows; i < MR; i++) ap[dst + i] = 0f;
            }
        }
    }

    /** Packs B[0:kb, 0:nb] as NR-column strips, each stored k-major to match the kernel's vector loads. */
    static void packB(int kb, int nb, float[] b, int bOff, int rs, int cs, float[] bp) {
        for (int t = 0; t < nb; t += NR) {
            int cols = Math.min(NR, nb - t);
            int dst = t * kb;
            int src = bOff + t * cs;
            if (cols == NR && cs == 1) {
                for (int p = 0; p < kb; p++, dst += NR) {
                    int row = src + p * rs;
                    FloatVector.fromArray(S, b, row).intoArray(bp, dst);
                    FloatVector.fromArray(S, b, row + VL).intoArray(bp, dst + VL);
                }
            } else if (cols == NR && rs == 1) {
                packColumns(kb, b, src, cs, bp, dst);
            } else {
                for (int p = 0; p < kb; p++, dst += NR) {
                    int row = src + p * rs;
                    for (int j = 0; j < cols; j++) bp[dst + j] = b[row + j * cs];
                    for (int j = cols; j < NR; j++) bp[dst + j] = 0f;
                }
            }
        }
    }

    /**
     * One full strip of a transposed B (each column contiguous in k), in blocks of 16 k: one cache line of
     * each column goes into 16 rows of the strip, which stay in L1 while the block fills them. Walking whole
     * columns instead sent each column's stores across the whole strip (kc x NR, as big as L1 or bigger),
     * and walking rows read NR columns at once, which a power-of-two k puts into one cache set.
     */
    private static void packColumns(int kb, float[] b, int src, int cs, float[] bp, int dst) {
        int p0 = 0;
        for (; p0 + 16 <= kb; p0 += 16) {
            for (int j = 0; j < NR; j++) {
                int col = src + j * cs + p0, d = dst + p0 * NR + j;
                for (int p = 0; p < 16; p++) bp[d + p * NR] = b[col + p];
            }
        }
        for (int j = 0; j < NR; j++) {
            int col = src + j * cs;
            for (int p = p0, d = dst + p0 * NR + j; p < kb; p++, d += NR) bp[d] = b[col + p];
        }
    }

    private static float[] buffer(float[][] buf, int slot, int size) {
        float[] x = buf[slot];
        if (x == null || x.length < size) buf[slot] = x = new float[size];
        return x;
    }

    static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }
}
