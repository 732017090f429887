package dev.jgrad.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API loops of {@link FloatReduceKernels}, kept apart so that jgrad links without the
 * jdk.incubator.vector module: the fast paths are only reached behind {@link KernelConfig#VECTOR}, the
 * PyTorch-mirroring sums and norms behind {@link KernelConfig#VECTOR_API}. Each of the latter has a scalar
 * twin of the same name in {@link FloatReduceKernels} that must stay addition for addition the same.
 */
final class FloatReduceVector {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Vectorized<T> of an AVX2 build: 256-bit vectors, whatever the hardware offers. */
    private static final VectorSpecies<Float> V = FloatVector.SPECIES_256;
    private static final int VL = FloatReduceKernels.VL;

    private FloatReduceVector() {}

    /** MAX or MIN of x[base .. base + r), r &gt;= 4 * L. */
    static float maxMin(float[] x, int base, int r, boolean max) {
        int k = 0;
        float best = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        FloatVector acc = FloatVector.broadcast(S, best);
        for (int bound = S.loopBound(r); k < bound; k += L) {
            FloatVector v = FloatVector.fromArray(S, x, base + k);
            acc = acc.lanewise(max ? VectorOperators.MAX : VectorOperators.MIN, v);
        }
        best = acc.reduceLanes(max ? VectorOperators.MAX : VectorOperators.MIN);
        for (; k < r; k++) {
            float v = x[base + k];
            best = max ? Math.max(best, v) : Math.min(best, v);
        }
        return best;
    }

    /** Sum (or sum of squares) of x[base .. base + n), n &gt;= 4 * L. */
    static float blockSum(float[] x, int base, int n, boolean squares) {
        int k = 0;
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        for (int bound = n - 4 * L; k <= bound; k += 4 * L) {
            FloatVector v0 = FloatVector.fromArray(S, x, base + k), v1 = FloatVector.fromArray(S, x, base + k + L);
            FloatVector v2 = FloatVector.fromArray(S, x, base + k + 2 * L), v3 = FloatVector.fromArray(S, x, base + k + 3 * L);
            if (squares) {
                a0 = v0.fma(v0, a0); a1 = v1.fma(v1, a1); a2 = v2.fma(v2, a2); a3 = v3.fma(v3, a3);
            } else {
                a0 = a0.add(v0); a1 = a1.add(v1); a2 = a2.add(v2); a3 = a3.add(v3);
            }
        }
        float sum = LaneSums.sum(a0.add(a1).add(a2.add(a3)));  // fixed order, unlike reduceLanes
        for (; k < n; k++) {
            float v = x[base + k];
            sum += squares ? v * v : v;
        }
        return sum;
    }

    /**
     * A contiguous row of n &gt;= VL values: vectors of VL summed as a strided row of vectors, then the
     * leftover scalars in order, then the VL lanes in order.
     */
    static float contiguousRowSum(float[] x, int base, int n, float[] scratch) {
        int nv = n / VL;
        if (nv < 4) {  // no cascade step: the vectors in order onto a zero (whose other three partners stay 0)
            FloatVector s = FloatVector.zero(V);
            for (int i = 0; i < nv; i++) s = s.add(FloatVector.fromArray(V, x, base + i * VL));
            s.intoArray(scratch, 0);
        } else {
            vectorRowSum(x, base, VL, nv, scratch);
        }
        float acc = 0;
        for (int k = nv * VL; k < n; k++) acc += x[base + k];
        for (int k = 0; k < VL; k++) acc += scratch[k];
        return acc;
    }

    /** Columns of a plane whose columns are adjacent in memory: blocks of 4 vectors, then vectors, then scalars. */
    static void columnSums(float[] x, int xp, int rowStride, float[] out, int op, int os,
                           int rows, int cols, float[] scratch) {
        int j = cols / (4 * VL) * (4 * VL);
        if (j > 0) columnBlockSums(x, xp, rowStride, out, op, os, rows, j / (4 * VL));
        for (; j + VL <= cols; j += VL) {
            vectorRowSum(x, xp + j, rowStride, rows, scratch);
            for (int k = 0; k < VL; k++) out[op + (j + k) * os] += scratch[k];
        }
        for (; j < cols; j++) out[op + j * os] += FloatReduceKernels.rowSum(x, xp + j, rowStride, rows, scratch);
    }

    /**
     * The first blocks * 4 * VL columns, each block of 4 vectors summed over the rows by cascade4Vectors,
     * but with the rows walked once for all blocks: level 0 of the cascade lives in registers for one
     * run of 2^p rows, levels 1 to 3 of every block wait in an array. Same additions, same order, and
     * each run of rows is read across its whole width instead of one narrow strip per block.
     */
    private static void columnBlockSums(float[] x, int xp, int rowStride, float[] out, int op, int os,
                                        int rows, int blocks) {
        int power = FloatReduceKernels.levelPower(rows);
        int step = 1 << power;
        int mask1 = (step - 1) << power, mask2 = (step - 1) << (2 * power);
        int w = 4 * VL;
        int l2 = blocks * w, l3 = 2 * blocks * w;
        float[] lv = new float[3 * blocks * w];  // levels 1, 2, 3 of every block
        FloatVector zero = FloatVector.zero(V);
        int i = 0;
        for (; i + step <= rows; i += step) {
            int stop = i + step;
            boolean up2 = (stop & mask1) == 0, up3 = up2 && (stop & mask2) == 0;
            for (int b = 0, s = 0; b < blocks; b++, s += w) {
                FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
                for (int r = i, p = xp + s + i * rowStride; r < stop; r++, p += rowStride) {
                    a0 = a0.add(FloatVector.fromArray(V, x, p));
                    a1 = a1.add(FloatVector.fromArray(V, x, p + VL));
                    a2 = a2.add(FloatVector.fromArray(V, x, p + 2 * VL));
                    a3 = a3.add(FloatVector.fromArray(V, x, p + 3 * VL));
                }
                a0 = FloatVector.fromArray(V, lv, s).add(a0);
                a1 = FloatVector.fromArray(V, lv, s + VL).add(a1);
                a2 = FloatVector.fromArray(V, lv, s + 2 * VL).add(a2);
                a3 = FloatVector.fromArray(V, lv, s + 3 * VL).add(a3);
                int to = s;
                if (up2) {
                    zero.intoArray(lv, s); zero.intoArray(lv, s + VL); zero.intoArray(lv, s + 2 * VL); zero.intoArray(lv, s + 3 * VL);
                    to = l2 + s;
                    a0 = FloatVector.fromArray(V, lv, to).add(a0);
                    a1 = FloatVector.fromArray(V, lv, to + VL).add(a1);
                    a2 = FloatVector.fromArray(V, lv, to + 2 * VL).add(a2);
                    a3 = FloatVector.fromArray(V, lv, to + 3 * VL).add(a3);
                    if (up3) {
                        zero.intoArray(lv, to); zero.intoArray(lv, to + VL); zero.intoArray(lv, to + 2 * VL); zero.intoArray(lv, to + 3 * VL);
                        to = l3 + s;
                        a0 = FloatVector.fromArray(V, lv, to).add(a0);
                        a1 = FloatVector.fromArray(V, lv, to + VL).add(a1);
                        a2 = FloatVector.fromArray(V, lv, to + 2 * VL).add(a2);
                        a3 = FloatVector.fromArray(V, lv, to + 3 * VL).add(a3);
                    }
                }
                a0.intoArray(lv, to); a1.intoArray(lv, to + VL); a2.intoArray(lv, to + 2 * VL); a3.intoArray(lv, to + 3 * VL);
            }
        }
        float[] sums = new float[w];
        for (int b = 0, s = 0; b < blocks; b++, s += w) {
            for (int k = 0; k < 4; k++) {
                int c = s + k * VL;
                FloatVector a = zero;
                for (int r = i, p = xp + c + i * rowStride; r < rows; r++, p += rowStride) a = a.add(FloatVector.fromArray(V, x, p));
                a.add(FloatVector.fromArray(V, lv, c)).add(FloatVector.fromArray(V, lv, l2 + c))
                        .add(FloatVector.fromArray(V, lv, l3 + c)).intoArray(sums, k * VL);
            }
            for (int k = 0; k < w; k++) out[op + (s + k) * os] += sums[k];
        }
    }

    /**
     * Sum of n vectors at base, base + stride, ...: four interleaved cascades (vector i goes to
     * cascade i % 4), the leftover vectors into the first, then the four added in order; the result
     * lands in scratch[0 .. VL).
     */
    private static void vectorRowSum(float[] x, int base, int stride, int n, float[] scratch) {
        int groups = n / 4;
        cascade4Vectors(x, base, 4 * stride, stride, groups, scratch);
        FloatVector s0 = FloatVector.fromArray(V, scratch, 0), s1 = FloatVector.fromArray(V, scratch, VL);
        FloatVector s2 = FloatVector.fromArray(V, scratch, 2 * VL), s3 = FloatVector.fromArray(V, scratch, 3 * VL);
        for (int i = groups * 4; i < n; i++) s0 = s0.add(FloatVector.fromArray(V, x, base + i * stride));
        s0.add(s1).add(s2).add(s3).intoArray(scratch, 0);
    }

    /**
     * Four side-by-side cascades over n steps: step i adds the vectors at base + i * rowStride + k * colStride
     * (k = 0..3) to cascade k. The four results land in scratch[0 .. 4 * VL).
     */
    private static void cascade4Vectors(float[] x, int base, int rowStride, int colStride, int n, float[] scratch) {
        int power = FloatReduceKernels.levelPower(n);
        int step = 1 << power;
        int mask1 = (step - 1) << power, mask2 = (step - 1) << (2 * power);
        FloatVector zero = FloatVector.zero(V);
        FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;  // level 0
        FloatVector b0 = zero, b1 = zero, b2 = zero, b3 = zero;  // level 1
        FloatVector c0 = zero, c1 = zero, c2 = zero, c3 = zero;  // level 2
        FloatVector d0 = zero, d1 = zero, d2 = zero, d3 = zero;  // level 3
        int c1Off = colStride, c2Off = 2 * colStride, c3Off = 3 * colStride;
        int i = 0;
        while (i + step <= n) {
            for (int stop = i + step; i < stop; i++) {
                int p = base + i * rowStride;
                a0 = a0.add(FloatVector.fromArray(V, x, p));
                a1 = a1.add(FloatVector.fromArray(V, x, p + c1Off));
                a2 = a2.add(FloatVector.fromArray(V, x, p + c2Off));
                a3 = a3.add(FloatVector.fromArray(V, x, p + c3Off));
            }
            b0 = b0.add(a0); b1 = b1.add(a1); b2 = b2.add(a2); b3 = b3.add(a3);
            a0 = zero; a1 = zero; a2 = zero; a3 = zero;
            if ((i & mask1) != 0) continue;
            c0 = c0.add(b0); c1 = c1.add(b1); c2 = c2.add(b2); c3 = c3.add(b3);
            b0 = zero; b1 = zero; b2 = zero; b3 = zero;
            if ((i & mask2) != 0) continue;
            d0 = d0.add(c0); d1 = d1.add(c1); d2 = d2.add(c2); d3 = d3.add(c3);
            c0 = zero; c1 = zero; c2 = zero; c3 = zero;
        }
        for (; i < n; i++) {
            int p = base + i * rowStride;
            a0 = a0.add(FloatVector.fromArray(V, x, p));
            a1 = a1.add(FloatVector.fromArray(V, x, p + c1Off));
            a2 = a2.add(FloatVector.fromArray(V, x, p + c2Off));
            a3 = a3.add(FloatVector.fromArray(V, x, p + c3Off));
        }
        a0.add(b0).add(c0).add(d0).intoArray(scratch, 0);
        a1.add(b1).add(c1).add(d1).intoArray(scratch, VL);
        a2.add(b2).add(c2).add(d2).intoArray(scratch, 2 * VL);
        a3.add(b3).add(c3).add(d3).intoArray(scratch, 3 * VL);
    }

    /** The vectorized 2-norm of a contiguous row. */
    static float norm2Row(float[] x, int base, int n, float[] scratch) {
        int d = 0;
        FloatVector acc = FloatVector.zero(V);
        for (int bound = n - n % VL; d < bound; d += VL) {
            FloatVector v = FloatVector.fromArray(V, x, base + d);
            acc = v.fma(v, acc);
        }
        acc.intoArray(scratch, 0);
        float s = scratch[0];
        for (int j = 1; j < VL; j++) s += scratch[j];
        for (int bound = d + (n - d) / 4 * 4; d < bound; d++) s += x[base + d] * x[base + d];
        for (; d < n; d++) s = Math.fma(x[base + d], x[base + d], s);
        return (float) Math.sqrt(s);
    }

    /** normRange and normProject for VL adjacent outputs at once; the results land in lanes. */
    static void normLanes(int kind, float init, float[] x, int base, int[] shape, int[] xStride, int k, int rn,
                          float[] lanes) {
        FloatVector acc = FloatVector.broadcast(V, init), one = FloatVector.broadcast(V, 1);
        int[] at = new int[Math.max(k, 1)];
        int pos = base;
        int n0 = k == 0 ? 1 : shape[0], s0 = k == 0 ? 0 : xStride[0];
        for (int done = 0; done < rn; ) {
            int run = Math.min(n0 - at[0], rn - done);
            for (int i = 0, q = pos; i < run; i++, q += s0) {
                FloatVector v = FloatVector.fromArray(V, x, q);
                acc = switch (kind) {
                    case FloatReduceKernels.NORM_0 -> acc.add(one, v.compare(VectorOperators.NE, 0));
                    case FloatReduceKernels.NORM_1 -> acc.add(v.abs());
                    case FloatReduceKernels.NORM_2 -> v.fma(v, acc);
                    case FloatReduceKernels.NORM_INF -> acc.max(v.abs());
                    default -> acc.min(v.abs());
                };
            }
            done += run;
            pos += run * s0;
            at[0] += run;
            for (int d = 0; d < k - 1 && at[d] == shape[d]; d++) {
                pos += xStride[d + 1] - at[d] * xStride[d];
                at[d] = 0;
                at[d + 1]++;
            }
        }
        (kind == FloatReduceKernels.NORM_2 ? acc.sqrt() : acc).intoArray(lanes, 0);
    }
}
