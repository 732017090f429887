package dev.jgrad.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector loops of float32 erf, GELU and GELU's backward: {@link ErfMath}'s arithmetic, operation for
 * operation, on double lanes (float lanes widened), rounded once, so a lane and the scalar code give the same bits.
 *
 * <p>The work is split into passes over blocks of {@link #BLOCK} elements that hand double lanes to each other
 * through scratch arrays (exact: a double stored is the double loaded): the polynomial for |z| &lt; 1, e^(-z^2), the
 * tail's polynomial and blends, and the output. Each pass is a {@link Pass} constant called through one virtual
 * call site that sees all of them, so C2 compiles every pass on its own instead of inlining them into one method:
 * inlined together they crossed C2's node limit for inlining, the vectors were boxed, and GELU ran three times
 * slower. Only the elements at |z| &gt;= 1 (or NaN) take the exp and tail passes, packed into vectors of their own
 * (for normal inputs one element in six, but three vectors in four had one); packing changes no bits, since each
 * lane's arithmetic is its own. Only reached behind {@link KernelConfig#VECTOR}.
 */
final class ErfVector {
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
            VectorShape.forBitSize(FloatVector.SPECIES_PREFERRED.vectorBitSize() / 2));
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    /** Up to 8 double lanes (x86 and most ARM) the far lanes' positions come from a table of 2^L masks. */
    private static final boolean TABLE = L <= 8;
    /** Lane positions as ints, one vector of them per double vector. */
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, VectorShape.forBitSize(Math.min(L, 8) * Integer.SIZE));
    /** For each mask m of L lanes: the positions of m's set lanes, lowest first, at m * L (the rest zero). */
    private static final int[] FAR_LANES = new int[TABLE ? L << L : 0];
    /** For each mask m of L lanes: how many lanes are set. */
    private static final int[] FAR_COUNT = new int[TABLE ? 1 << L : 0];

    static {
        for (int m = 0; TABLE && m < 1 << L; m++) {
            for (int l = 0; l < L; l++) if ((m >>> l & 1) != 0) FAR_LANES[m * L + FAR_COUNT[m]++] = l;
        }
    }

    /** Elements per block: the scratch arrays stay in L1. */
    private static final int BLOCK = 256;

    private ErfVector() {}

    // the coefficients as vectors made once: a broadcast at each use adds nodes to a compilation (FloatVectorMath)
    private static final DoubleVector V_ERF_S0 = DoubleVector.broadcast(D, ErfMath.SMALL[0]);
    private static final DoubleVector V_ERF_S1 = DoubleVector.broadcast(D, ErfMath.SMALL[1]);
    private static final DoubleVector V_ERF_S2 = DoubleVector.broadcast(D, ErfMath.SMALL[2]);
    private static final DoubleVector V_ERF_S3 = DoubleVector.broadcast(D, ErfMath.SMALL[3]);
    private static final DoubleVector V_ERF_S4 = DoubleVector.broadcast(D, ErfMath.SMALL[4]);
    private static final DoubleVector V_ERF_S5 = DoubleVector.broadcast(D, ErfMath.SMALL[5]);
    private static final DoubleVector V_ERF_S6 = DoubleVector.broadcast(D, ErfMath.SMALL[6]);
    private static final DoubleVector V_ERF_S7 = DoubleVector.broadcast(D, ErfMath.SMALL[7]);
    private static final DoubleVector V_ERF_S8 = DoubleVector.broadcast(D, ErfMath.SMALL[8]);
    private static final DoubleVector V_ERF_S9 = DoubleVector.broadcast(D, ErfMath.SMALL[9]);
    private static final DoubleVector V_ERF_T0 = DoubleVector.broadcast(D, ErfMath.TAIL[0]);
    private static final DoubleVector V_ERF_T1 = DoubleVector.broadcast(D, ErfMath.TAIL[1]);
    private static final DoubleVector V_ERF_T2 = DoubleVector.broadcast(D, ErfMath.TAIL[2]);
    private static final DoubleVector V_ERF_T3 = DoubleVector.broadcast(D, ErfMath.TAIL[3]);
    private static final DoubleVector V_ERF_T4 = DoubleVector.broadcast(D, ErfMath.TAIL[4]);
    private static final DoubleVector V_ERF_T5 = DoubleVector.broadcast(D, ErfMath.TAIL[5]);
    private static final DoubleVector V_ERF_T6 = DoubleVector.broadcast(D, ErfMath.TAIL[6]);
    private static final DoubleVector V_ERF_T7 = DoubleVector.broadcast(D, ErfMath.TAIL[7]);
    private static final DoubleVector V_ERF_T8 = DoubleVector.broadcast(D, ErfMath.TAIL[8]);
    private static final DoubleVector V_ERF_T9 = DoubleVector.broadcast(D, ErfMath.TAIL[9]);
    private static final DoubleVector V_ERF_T10 = DoubleVector.broadcast(D, ErfMath.TAIL[10]);
    private static final DoubleVector V_ERF_T11 = DoubleVector.broadcast(D, ErfMath.TAIL[11]);
    private static final DoubleVector V_ERF_T12 = DoubleVector.broadcast(D, ErfMath.TAIL[12]);
    private static final DoubleVector V_ERF_T13 = DoubleVector.broadcast(D, ErfMath.TAIL[13]);
    private static final DoubleVector V_ERF_T14 = DoubleVector.broadcast(D, ErfMath.TAIL[14]);
    private static final DoubleVector V_W_SCALE = DoubleVector.broadcast(D, ErfMath.W_SCALE);
    private static final DoubleVector V_INV_SQRT_2PI = DoubleVector.broadcast(D, ErfMath.INV_SQRT_2PI);
    private static final DoubleVector V_ONE = DoubleVector.broadcast(D, 1);

    private static DoubleVector widen(float[] a, int i) {
        return (DoubleVector) FloatVector.fromArray(F, a, i).convertShape(VectorOperators.F2D, D, 0);
    }

    /** Rounds to float, with any NaN lane made Java's one NaN (ErfMath.canonical). */
    private static void narrowCanonical(DoubleVector v, float[] c, int i) {
        v = v.blend(Double.NaN, v.test(VectorOperators.IS_NAN));
        ((FloatVector) v.convertShape(VectorOperators.D2F, F, 0)).intoArray(c, i);
    }

    /** ErfMath.small: erf(z) / z as a polynomial in u = z^2. */
    private static DoubleVector erfSmall(DoubleVector u) {
        DoubleVector p = u.fma(V_ERF_S9, V_ERF_S8);
        p = p.fma(u, V_ERF_S7);
        p = p.fma(u, V_ERF_S6);
        p = p.fma(u, V_ERF_S5);
        p = p.fma(u, V_ERF_S4);
        p = p.fma(u, V_ERF_S3);
        p = p.fma(u, V_ERF_S2);
        p = p.fma(u, V_ERF_S1);
        p = p.fma(u, V_ERF_S0);
        return p;
    }

    /**
     * One block's operands and scratch. erf and the normal CDF share the passes through scalar factors, never a
     * choice between two vector values (a merge of vector values can keep C2 from unboxing them): z = x zScale,
     * z^2 = x^2 zzScale (exact: the factors are 1 or 1/2), and multiplying by 1 or adding -0 changes no bits.
     */
    private static final class Block {
        final double[] s = new double[BLOCK], e = new double[BLOCK];
        /** The block's elements with |z| &gt;= 1 or NaN, packed: their positions, x, e^(-z^2) and tail values. */
        final int[] tail = new int[BLOCK];
        final double[] tx = new double[BLOCK], te = new double[BLOCK], tv = new double[BLOCK];
        final boolean cdf;
        final double zScale, zzScale;
        float[] x, g, out;
        int xo, go, oo, len;
        /** How many elements are packed in tail; packed vectors run to this rounded up to L. */
        int tails;
        /** Whether e holds e^(-z^2) of every element (EXP_ALL ran), rather than te of the packed ones (EXP_TAIL). */
        boolean eOfAll;

        Block(boolean cdf) {
            this.cdf = cdf;
            zScale = cdf ? ErfMath.SQRT_HALF : 1;
            zzScale = cdf ? 0.5 : 1;
        }
    }

    /** The passes; {@link #run} calls them through one call site, on purpose (see the class comment). */
    private enum Pass {
        /**
         * s = z P(z^2) (erf) or 0.5 + 0.5 z P(z^2) (Phi), right where |z| &lt; 1; the other elements (|z| &gt;= 1 or
         * NaN) are listed in tail, and their x packed into tx.
         */
        SMALL {
            @Override void run(Block b) {
                double half = b.cdf ? 0.5 : 1, shift = b.cdf ? 0.5 : -0.0;
                int tails = 0;
                for (int i = 0; i < b.len; i += L) {
                    DoubleVector x = widen(b.x, b.xo + i), z = x.mul(b.zScale);
                    z.mul(erfSmall(x.mul(x).mul(b.zzScale))).mul(half).add(shift).intoArray(b.s, i);
                    long far = z.abs().compare(VectorOperators.LT, ErfMath.TAIL_FROM).not().toLong();
                    // the far lanes' positions from a table by the mask's bits: no branch on the data, no loop per lane
                    // (a loop over the set bits, whose count is random, was 40% of GELU's samples)
                    if (TABLE) {
                        int m = (int) far;
                        IntVector.fromArray(I, FAR_LANES, m * L).add(i).intoArray(b.tail, tails);
                        tails += FAR_COUNT[m];
                    } else {
                        for (int l = 0; l < L; l++) {
                            b.tail[tails] = i + l;
                            tails += (int) (far >>> l) & 1;
                        }
                    }
                }
                for (int j = 0; j < tails; j++) b.tx[j] = b.x[b.xo + b.tail[j]];
                // the packed vectors' spare lanes compute on 1 (a finite tail input); their results are never used
                for (int j = tails; j < tails + L && j < BLOCK; j++) b.tx[j] = 1;
                b.tails = tails;
            }
        },
        /** te = e^(-z^2) for the packed tail elements. */
        EXP_TAIL {
            @Override void run(Block b) {
                for (int j = 0; j < b.tails; j += L) {
                    DoubleVector x = DoubleVector.fromArray(D, b.tx, j);
                    FloatVectorMath.exp(x.mul(x).mul(b.zzScale).neg()).intoArray(b.te, j);
                }
            }
        },
        /** e = e^(-z^2) for every element (GELU's backward reads it for the density; TAIL packs the tail's from it). */
        EXP_ALL {
            @Override void run(Block b) {
                for (int i = 0; i < b.len; i += L) {
                    DoubleVector x = widen(b.x, b.xo + i);
                    FloatVectorMath.exp(x.mul(x).mul(b.zzScale).neg()).intoArray(b.e, i);
                }
                b.eOfAll = true;
            }
        },
        /**
         * For the packed elements (|z| &gt;= 1): s = +-(1 - erfc|z|) (erf) or 1 - erfc|z| / 2, erfc|z| / 2 by z's
         * sign (Phi), erfc|z| = e H(w) (ErfMath.tail: 0 from |z| &gt;= 12 on), written back to their places in s.
         * Packed, a vector holds only elements that need this pass; in place, three in four vectors of normal
         * inputs held at least one, and every lane of those paid for it.
         */
        TAIL {
            @Override void run(Block b) {
                // Phi: 1 - erfc/2 where z > 0, else erfc/2; erf: 1 - erfc where z > 0, else erfc - 1 (= -(1 - erfc))
                double k = b.cdf ? 0.5 : 1, c = b.cdf ? 0 : 1;
                if (b.eOfAll) for (int j = 0; j < b.tails; j++) b.te[j] = b.e[b.tail[j]];
                for (int j = 0; j < b.tails; j += L) {
                    DoubleVector z = DoubleVector.fromArray(D, b.tx, j).mul(b.zScale), az = z.abs();
                    DoubleVector w = V_W_SCALE.div(az.min(ErfMath.TAIL_TO).add(3)).add(ErfMath.W_SHIFT);
                    DoubleVector h = w.fma(V_ERF_T14, V_ERF_T13);
                    h = h.fma(w, V_ERF_T12);
                    h = h.fma(w, V_ERF_T11);
                    h = h.fma(w, V_ERF_T10);
                    h = h.fma(w, V_ERF_T9);
                    h = h.fma(w, V_ERF_T8);
                    h = h.fma(w, V_ERF_T7);
                    h = h.fma(w, V_ERF_T6);
                    h = h.fma(w, V_ERF_T5);
                    h = h.fma(w, V_ERF_T4);
                    h = h.fma(w, V_ERF_T3);
                    h = h.fma(w, V_ERF_T2);
                    h = h.fma(w, V_ERF_T1);
                    h = h.fma(w, V_ERF_T0);
                    DoubleVector t = DoubleVector.fromArray(D, b.te, j).mul(h)
                            .blend(0, az.compare(VectorOperators.GE, ErfMath.TAIL_TO)).mul(k);
                    t.sub(c).blend(V_ONE.sub(t), z.compare(VectorOperators.GT, 0)).intoArray(b.tv, j);
                }
                for (int j = 0; j < b.tails; j++) b.s[b.tail[j]] = b.tv[j];
            }
        },
        /** out = s (erf). */
        ERF_OUT {
            @Override void run(Block b) {
                for (int i = 0; i < b.len; i += L) narrowCanonical(DoubleVector.fromArray(D, b.s, i), b.out, b.oo + i);
            }
        },
        /** out = x s (GELU: x Phi(x)). */
        GELU_OUT {
            @Override void run(Block b) {
                for (int i = 0; i < b.len; i += L) {
                    narrowCanonical(widen(b.x, b.xo + i).mul(DoubleVector.fromArray(D, b.s, i)), b.out, b.oo + i);
                }
            }
        },
        /** out = g (s + x pdf), pdf = e / sqrt(2 pi), 0 where |x / sqrt 2| &gt;= 12 (GELU's backward). */
        GELU_BACKWARD_OUT {
            @Override void run(Block b) {
                for (int i = 0; i < b.len; i += L) {
                    DoubleVector x = widen(b.x, b.xo + i);
                    DoubleVector pdf = DoubleVector.fromArray(D, b.e, i).mul(V_INV_SQRT_2PI)
                            .blend(0, x.mul(ErfMath.SQRT_HALF).abs().compare(VectorOperators.GE, ErfMath.TAIL_TO));
                    narrowCanonical(widen(b.g, b.go + i).mul(DoubleVector.fromArray(D, b.s, i).add(x.mul(pdf))), b.out, b.oo + i);
                }
            }
        };

        abstract void run(Block b);
    }

    private static final Pass[] ERF = {Pass.SMALL, Pass.EXP_TAIL, Pass.TAIL, Pass.ERF_OUT};
    private static final Pass[] GELU = {Pass.SMALL, Pass.EXP_TAIL, Pass.TAIL, Pass.GELU_OUT};
    private static final Pass[] GELU_BACKWARD = {Pass.SMALL, Pass.EXP_ALL, Pass.TAIL, Pass.GELU_BACKWARD_OUT};

    /** The passes over x[xo ..], bound elements (a multiple of L), block by block; returns bound. */
    private static int run(Pass[] passes, boolean cdf, float[] x, int xo, float[] g, int go, float[] out, int oo, int bound) {
        Block b = new Block(cdf);
        b.x = x;
        b.g = g;
        b.out = out;
        for (int at = 0; at < bound; at += BLOCK) {
            b.len = Math.min(BLOCK, bound - at);
            b.xo = xo + at;
            b.go = go + at;
            b.oo = oo + at;
            for (Pass p : passes) p.run(b);
        }
        return bound;
    }

    /** c[co + i] = erf(a[ao + i]) for i below bound (a multiple of L), with {@link ErfMath#erf}'s bits; returns bound. */
    static int erf(float[] a, int ao, float[] c, int co, int bound) { return run(ERF, false, a, ao, null, 0, c, co, bound); }

    /** c[co + i] = gelu(a[ao + i]) = x Phi(x) for i below bound (a multiple of L), with {@link ErfMath#gelu}'s bits. */
    static int gelu(float[] a, int ao, float[] c, int co, int bound) { return run(GELU, true, a, ao, null, 0, c, co, bound); }

    /**
     * c[co + i] = g (Phi(x) + x phi(x)) with g = g[go + i], x = x[xo + i], for i below bound (a multiple of L):
     * gelu's backward in one pass, with {@link ErfMath#geluBackward}'s bits.
     */
    static int geluBackward(float[] g, int go, float[] x, int xo, float[] c, int co, int bound) {
        return run(GELU_BACKWARD, true, x, xo, g, go, c, co, bound);
    }
}
