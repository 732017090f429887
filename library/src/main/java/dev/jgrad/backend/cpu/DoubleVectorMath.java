package dev.jgrad.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector loops for float64 exp, log, sin, cos, tanh and sigmoid, the float64 twin of {@link FloatVectorMath}:
 * built only from exact lanewise arithmetic (add, mul, fma, div, compares, bit moves), so they give the same
 * bits in the interpreter, C1 and C2 and on every call, which the Vector API's own EXP/LOG/SIN/... operators
 * (SVML once C2 compiles a loop, Math before) do not.
 *
 * <p>Each function reduces its argument so that only small errors can enter before the last addition
 * (exp: 1 + (r + r^2 q(r)); log: fdlibm's arrangement f - (f^2/2 - s (f^2/2 + R)); sin and cos: a
 * remainder carried in two doubles), so results are within about 0.6 ulp of the true value;
 * TranscendentalAccuracyTest bounds them against Math and DeterminismTest holds them to one answer per
 * input. Lanes where the vector form does not apply (sin and cos of 2^20 and more, inf, NaN) take Math's
 * value, lane by lane, so a result never depends on its neighbours. Only reached behind
 * {@link KernelConfig#VECTOR}.
 */
final class DoubleVectorMath {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Lanes per vector: the loops below take bounds that are multiples of it. */
    static final int L = D.length();

    /** Adding 1.5 * 2^52 rounds a double of magnitude &lt; 2^51 to an integer held in the low mantissa bits. */
    private static final double ROUNDER = 0x1.8p52;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 split so that n * LN2_HI is exact for |n| &lt; 2^20 (fdlibm's constants). */
    private static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
    /** exp's argument is clamped here: past double's overflow (709.78) and underflow to 0 (-745.13). */
    private static final double EXP_MAX = 710, EXP_MIN = -746;

    private DoubleVectorMath() {}

    // Series coefficients as vectors made once: a broadcast at each use added enough nodes to the
    // compilation of sinCos that C2 passed its node limit, stopped inlining, and boxed the vectors (5x slower).
    private static final DoubleVector V_INV_FACT_13 = DoubleVector.broadcast(D, 1.0 / 6227020800.0);
    private static final DoubleVector V_INV_FACT_12 = DoubleVector.broadcast(D, 1.0 / 479001600);
    private static final DoubleVector V_INV_FACT_11 = DoubleVector.broadcast(D, 1.0 / 39916800);
    private static final DoubleVector V_INV_FACT_10 = DoubleVector.broadcast(D, 1.0 / 3628800);
    private static final DoubleVector V_INV_FACT_9 = DoubleVector.broadcast(D, 1.0 / 362880);
    private static final DoubleVector V_INV_FACT_8 = DoubleVector.broadcast(D, 1.0 / 40320);
    private static final DoubleVector V_INV_FACT_7 = DoubleVector.broadcast(D, 1.0 / 5040);
    private static final DoubleVector V_INV_FACT_6 = DoubleVector.broadcast(D, 1.0 / 720);
    private static final DoubleVector V_INV_FACT_5 = DoubleVector.broadcast(D, 1.0 / 120);
    private static final DoubleVector V_INV_FACT_4 = DoubleVector.broadcast(D, 1.0 / 24);
    private static final DoubleVector V_INV_FACT_3 = DoubleVector.broadcast(D, 1.0 / 6);
    private static final DoubleVector V_HALF = DoubleVector.broadcast(D, 0.5);
    private static final DoubleVector V_2_OVER_21 = DoubleVector.broadcast(D, 2.0 / 21);
    private static final DoubleVector V_2_OVER_19 = DoubleVector.broadcast(D, 2.0 / 19);
    private static final DoubleVector V_2_OVER_17 = DoubleVector.broadcast(D, 2.0 / 17);
    private static final DoubleVector V_2_OVER_15 = DoubleVector.broadcast(D, 2.0 / 15);
    private static final DoubleVector V_2_OVER_13 = DoubleVector.broadcast(D, 2.0 / 13);
    private static final DoubleVector V_2_OVER_11 = DoubleVector.broadcast(D, 2.0 / 11);
    private static final DoubleVector V_2_OVER_9 = DoubleVector.broadcast(D, 2.0 / 9);
    private static final DoubleVector V_2_OVER_7 = DoubleVector.broadcast(D, 2.0 / 7);
    private static final DoubleVector V_2_OVER_5 = DoubleVector.broadcast(D, 2.0 / 5);
    private static final DoubleVector V_2_OVER_3 = DoubleVector.broadcast(D, 2.0 / 3);
    private static final DoubleVector V_INV_FACT_19 = DoubleVector.broadcast(D, 1.0 / 121645100408832000.0);
    private static final DoubleVector V_INV_FACT_18 = DoubleVector.broadcast(D, 1.0 / 6402373705728000.0);
    private static final DoubleVector V_INV_FACT_17 = DoubleVector.broadcast(D, 1.0 / 355687428096000.0);
    private static final DoubleVector V_INV_FACT_16 = DoubleVector.broadcast(D, 1.0 / 20922789888000.0);
    private static final DoubleVector V_INV_FACT_15 = DoubleVector.broadcast(D, 1.0 / 1307674368000.0);
    private static final DoubleVector V_INV_FACT_14 = DoubleVector.broadcast(D, 1.0 / 87178291200.0);
    private static final DoubleVector V_NEG_INV_FACT_17 = DoubleVector.broadcast(D, -1.0 / 355687428096000.0);
    private static final DoubleVector V_NEG_INV_FACT_13 = DoubleVector.broadcast(D, -1.0 / 6227020800.0);
    private static final DoubleVector V_NEG_INV_FACT_9 = DoubleVector.broadcast(D, -1.0 / 362880);
    private static final DoubleVector V_NEG_INV_FACT_5 = DoubleVector.broadcast(D, -1.0 / 120);
    private static final DoubleVector V_NEG_HALF = DoubleVector.broadcast(D, -0.5);
    private static final DoubleVector V_ONE = DoubleVector.broadcast(D, 1);
    private static final DoubleVector V_NEG_INV_FACT_16 = DoubleVector.broadcast(D, -1.0 / 20922789888000.0);
    private static final DoubleVector V_NEG_INV_FACT_12 = DoubleVector.broadcast(D, -1.0 / 479001600);
    private static final DoubleVector V_NEG_INV_FACT_8 = DoubleVector.broadcast(D, -1.0 / 40320);
    private static final DoubleVector V_NEG_INV_FACT_4 = DoubleVector.broadcast(D, -1.0 / 24);

    private static LongVector bits(DoubleVector v) {
        return (LongVector) v.reinterpretAsLongs();
    }

    /** 2^n for integers n held as longs, |n| &lt;= 1022. */
    private static DoubleVector pow2(LongVector n) {
        return n.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    }

    // ------------------------------------------------------------------------------------------ exp

    // Each function is split into helpers of under 325 bytes of bytecode, C2's limit for inlining a hot
    // call: a vector passed to or returned from a call that is not inlined is boxed, which made them 5x slower.

    /** (e^r - 1 - r) / r^2 by its Taylor series to r^13 / 13!, for |r| &lt;= ln 2 / 2. */
    private static DoubleVector expSeries(DoubleVector r) {
        DoubleVector q = r.fma(V_INV_FACT_13, V_INV_FACT_12);
        q = q.fma(r, V_INV_FACT_11);
        q = q.fma(r, V_INV_FACT_10);
        q = q.fma(r, V_INV_FACT_9);
        q = q.fma(r, V_INV_FACT_8);
        q = q.fma(r, V_INV_FACT_7);
        q = q.fma(r, V_INV_FACT_6);
        q = q.fma(r, V_INV_FACT_5);
        q = q.fma(r, V_INV_FACT_4);
        q = q.fma(r, V_INV_FACT_3);
        return q.fma(r, V_HALF);
    }

    /**
     * e^x = 2^n e^r with n = round(x / ln 2) and r = x - n ln 2 = r1 + rl (r1 = x - n LN2_HI exactly, rl =
     * -n LN2_LO), |r| &lt;= ln 2 / 2. e^r = (1 + r1) + (rl + r^2 q(r)) with q the Taylor series to
     * r^13 / 13! (the first term left out is under 5e-18) and 1 + r1 split exactly into hi + lo, so that
     * the last addition is the only rounding of size (exp(1) comes out as e rounded). 2^n goes on in two
     * factors, so that results that overflow become inf and results below 2^-1022 are rounded once, to the
     * subnormal. NaN stays NaN.
     */
    static DoubleVector exp(DoubleVector x) {
        x = x.blend(EXP_MAX, x.compare(VectorOperators.GT, EXP_MAX)).blend(EXP_MIN, x.compare(VectorOperators.LT, EXP_MIN));
        DoubleVector t = x.fma(LOG2E, ROUNDER);
        DoubleVector n = t.sub(ROUNDER);
        DoubleVector r1 = n.fma(DoubleVector.broadcast(D, -LN2_HI), x);
        DoubleVector rl = n.mul(-LN2_LO);
        DoubleVector r = r1.add(rl);
        DoubleVector q = expSeries(r);
        DoubleVector hi = r1.add(1);
        DoubleVector lo = DoubleVector.broadcast(D, 1).sub(hi).add(r1);  // 1 + r1 = hi + lo exactly, as |r1| < 1
        DoubleVector p = hi.add(lo.add(r.mul(r).fma(q, rl)));
        LongVector nl = bits(t).sub(ROUNDER_BITS);  // n itself, as a long
        LongVector half = nl.lanewise(VectorOperators.ASHR, 1);
        return p.mul(pow2(half)).mul(pow2(nl.sub(half)));
    }

    /** c[co + i] = exp(a[ao + i]) for i below bound (a multiple of L); returns bound. */
    static int exp(double[] a, int ao, double[] c, int co, int bound) {
        for (int i = 0; i < bound; i += L) exp(DoubleVector.fromArray(D, a, ao + i)).intoArray(c, co + i);
        return bound;
    }

    /** PyTorch's sigmoid formula, 1 / (1 + exp(-x)), with exp as above. */
    static int sigmoid(double[] a, int ao, double[] c, int co, int bound) {
        DoubleVector one = DoubleVector.broadcast(D, 1);
        for (int i = 0; i < bound; i += L) {
            one.div(one.add(exp(DoubleVector.fromArray(D, a, ao + i).neg()))).intoArray(c, co + i);
        }
        return bound;
    }

    // ------------------------------------------------------------------------------------------ log

    /** The bits of sqrt(1/2), less its last bits: subtracted from x's bits, it splits x = 2^k m with m in [sqrt(1/2), sqrt(2)). */
    private static final long SQRT_HALF_BITS = 0x3fe6a09e667f3bcdL;

    /**
     * log x = k ln 2 + log(1 + f), f = m - 1 (exact), s = f / (2 + f), and log(1 + f) = 2 atanh(s) written
     * as f - (f^2/2 - s (f^2/2 + R)) with R = 2 s^2 / 3 + 2 s^4 / 5 + ... + 2 s^20 / 21 (|s| &lt;= 0.172, so
     * the first term left out is under 1e-18 relative). Subnormals are scaled by 2^54 first; zero gives
     * -inf, negatives and NaN give NaN, inf gives inf.
     */
    static DoubleVector log(DoubleVector x) {
        VectorMask<Double> subnormal = x.compare(VectorOperators.LT, Double.MIN_NORMAL);
        DoubleVector xs = x.blend(x.mul(0x1p54), subnormal);
        LongVector b = bits(xs);
        LongVector shifted = b.sub(SQRT_HALF_BITS);
        LongVector kl = shifted.lanewise(VectorOperators.ASHR, 52);
        DoubleVector m = b.sub(shifted.and(0xfff0000000000000L)).reinterpretAsDoubles();
        // k as a double, exactly: added to 1.5 * 2^52's bits, minus 1.5 * 2^52
        DoubleVector k = kl.add(ROUNDER_BITS).reinterpretAsDoubles().sub(ROUNDER);
        k = k.blend(k.sub(54), subnormal);
        DoubleVector f = m.sub(1);
        DoubleVector s = f.div(f.add(2));
        DoubleVector z = s.mul(s);
        DoubleVector rr = atanhSeries(z);
        DoubleVector hfsq = f.mul(f).mul(0.5);
        DoubleVector tail = s.fma(hfsq.add(rr), k.mul(LN2_LO));
        DoubleVector y = k.fma(DoubleVector.broadcast(D, LN2_HI), f.sub(hfsq.sub(tail)));
        VectorMask<Double> ordinary = x.compare(VectorOperators.GT, 0).and(x.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
        return ordinary.allTrue() ? y : logSpecial(x, y);
    }

    /** R = 2 z / 3 + 2 z^2 / 5 + ... + 2 z^10 / 21 (z = s^2). */
    private static DoubleVector atanhSeries(DoubleVector z) {
        DoubleVector rr = z.fma(V_2_OVER_21, V_2_OVER_19);
        rr = rr.fma(z, V_2_OVER_17);
        rr = rr.fma(z, V_2_OVER_15);
        rr = rr.fma(z, V_2_OVER_13);
        rr = rr.fma(z, V_2_OVER_11);
        rr = rr.fma(z, V_2_OVER_9);
        rr = rr.fma(z, V_2_OVER_7);
        rr = rr.fma(z, V_2_OVER_5);
        rr = rr.fma(z, V_2_OVER_3);
        return rr.mul(z);
    }

    /** log's value where x is not positive and finite: -inf for 0, NaN below, x itself for inf and NaN. */
    private static DoubleVector logSpecial(DoubleVector x, DoubleVector y) {
        y = y.blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0));
        y = y.blend(Double.NaN, x.compare(VectorOperators.LT, 0));
        return y.blend(x, x.test(VectorOperators.IS_NAN).or(x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY)));
    }

    /** c[co + i] = log(a[ao + i]) for i below bound (a multiple of L); returns bound. */
    static int log(double[] a, int ao, double[] c, int co, int bound) {
        for (int i = 0; i < bound; i += L) log(DoubleVector.fromArray(D, a, ao + i)).intoArray(c, co + i);
        return bound;
    }

    // ------------------------------------------------------------------------------------------ tanh

    /** tanh(x) rounds to +-1 in double from |x| = 19.06 on; the argument is clamped a little past that. */
    private static final double TANH_CLAMP = 20;

    /** Below this 2|x| (1.5 ln 2) tanh takes e^(2|x|) - 1 from the series alone, with no 2^n. */
    private static final double TANH_SERIES = 1.0397207708399179;

    /**
     * tanh |x| = m / (m + 2) with m = e^(2|x|) - 1, so it stays accurate for small |x|, where
     * 1 - 2 / (e^(2|x|) + 1) would cancel; the sign of x is put back last (keeping -0). NaN stays NaN.
     * Below 2|x| = 1.5 ln 2, m is the Taylor series of e^y - 1 to y^19 / 19! (the first term left out is
     * under 1e-18 there); above, 2^n (e^r - 1) + (2^n - 1) rounded once, with n &gt;= 2, where that sum
     * cannot cancel (with n = 1 it did, and showed as 2 ulp).
     */
    static DoubleVector tanh(DoubleVector x) {
        DoubleVector ax = x.abs();
        ax = ax.blend(TANH_CLAMP, ax.compare(VectorOperators.GT, TANH_CLAMP));
        DoubleVector y = ax.add(ax);
        VectorMask<Double> series = y.compare(VectorOperators.LT, TANH_SERIES);
        DoubleVector t = y.fma(LOG2E, ROUNDER);
        DoubleVector n = t.sub(ROUNDER).blend(0, series);
        DoubleVector r = n.fma(DoubleVector.broadcast(D, -LN2_HI), y);
        r = n.fma(DoubleVector.broadcast(D, -LN2_LO), r);
        DoubleVector scale = pow2(bits(t).sub(ROUNDER_BITS)).blend(1, series);
        DoubleVector q = expSeriesLong(r);
        DoubleVector m = scale.fma(r.mul(r).fma(q, r), scale.sub(1));
        DoubleVector th = overPlusTwo(m);
        return bits(th).or(bits(x).and(Long.MIN_VALUE)).reinterpretAsDoubles();
    }

    /** (e^r - 1 - r) / r^2 by its Taylor series to r^19 / 19!, for |r| &lt; 1.04. */
    private static DoubleVector expSeriesLong(DoubleVector r) {
        DoubleVector q = r.fma(V_INV_FACT_19, V_INV_FACT_18);
        q = q.fma(r, V_INV_FACT_17);
        q = q.fma(r, V_INV_FACT_16);
        q = q.fma(r, V_INV_FACT_15);
        q = q.fma(r, V_INV_FACT_14);
        q = q.fma(r, V_INV_FACT_13);
        q = q.fma(r, V_INV_FACT_12);
        q = q.fma(r, V_INV_FACT_11);
        q = q.fma(r, V_INV_FACT_10);
        q = q.fma(r, V_INV_FACT_9);
        q = q.fma(r, V_INV_FACT_8);
        q = q.fma(r, V_INV_FACT_7);
        q = q.fma(r, V_INV_FACT_6);
        q = q.fma(r, V_INV_FACT_5);
        q = q.fma(r, V_INV_FACT_4);
        q = q.fma(r, V_INV_FACT_3);
        q = q.fma(r, V_HALF);
        return q;
    }

    /**
     * m / (m + 2), m &gt;= 0. With d = m + 2 = dh + dl exactly (a two-sum), the quotient is corrected by its
     * residual: near 0, where m / (m + 2) is about |x|, a plain division's two roundings showed as 2 ulp.
     */
    private static DoubleVector overPlusTwo(DoubleVector m) {
        DoubleVector dh = m.add(2);
        DoubleVector bb = dh.sub(m);
        DoubleVector dl = m.sub(dh.sub(bb)).add(DoubleVector.broadcast(D, 2).sub(bb));
        DoubleVector inv = DoubleVector.broadcast(D, 1).div(dh);
        DoubleVector q0 = m.mul(inv);
        DoubleVector residual = q0.neg().fma(dh, m).sub(q0.mul(dl));
        DoubleVector th = residual.fma(inv, q0);
        return th;
    }

    /** c[co + i] = tanh(a[ao + i]) for i below bound (a multiple of L); returns bound. */
    static int tanh(double[] a, int ao, double[] c, int co, int bound) {
        for (int i = 0; i < bound; i += L) tanh(DoubleVector.fromArray(D, a, ao + i)).intoArray(c, co + i);
        return bound;
    }

    // ------------------------------------------------------------------------------------------ sin, cos

    private static final double TWO_OVER_PI = 0.6366197723675814;
    /** pi / 2 as the sum of three doubles (159 bits). */
    private static final double PIO2_1 = 0x1.921fb54442d18p+0, PIO2_2 = 0x1.1a62633145c07p-54, PIO2_3 = -0x1.f1976b7ed8fbcp-110;
    /** Lanes at or above this magnitude (and inf, NaN) take Math's value: the reduction below is exact under it. */
    private static final double TRIG_LIMIT = 0x1p20;

    /** sin(rh + rl) for |rh| &lt;= pi/4, z = rh^2: rh + rh z q(z) + rl (1 - z/2), q the Taylor series to r^17 / 17!. */
    private static DoubleVector sinRemainder(DoubleVector rh, DoubleVector rl, DoubleVector z) {
        DoubleVector q = z.fma(V_NEG_INV_FACT_17, V_INV_FACT_15);
        q = q.fma(z, V_NEG_INV_FACT_13);
        q = q.fma(z, V_INV_FACT_11);
        q = q.fma(z, V_NEG_INV_FACT_9);
        q = q.fma(z, V_INV_FACT_7);
        q = q.fma(z, V_NEG_INV_FACT_5);
        q = q.fma(z, V_INV_FACT_3);
        return rh.add(rh.mul(z).fma(q.neg(), rl.mul(z.fma(V_NEG_HALF, V_ONE))));
    }

    /** cos(rh + rl) for |rh| &lt;= pi/4, z = rh^2: 1 - z/2 + z^2 w(z) - rh rl, with 1 - z/2 rounded to hi and its error (and z's) kept. */
    private static DoubleVector cosRemainder(DoubleVector rh, DoubleVector rl, DoubleVector z) {
        DoubleVector w = z.fma(V_INV_FACT_18, V_NEG_INV_FACT_16);
        w = w.fma(z, V_INV_FACT_14);
        w = w.fma(z, V_NEG_INV_FACT_12);
        w = w.fma(z, V_INV_FACT_10);
        w = w.fma(z, V_NEG_INV_FACT_8);
        w = w.fma(z, V_INV_FACT_6);
        w = w.fma(z, V_NEG_INV_FACT_4);
        w = w.neg();
        DoubleVector hz = z.mul(0.5);
        DoubleVector hi = hz.neg().add(1);
        DoubleVector zErr = rh.fma(rh, z.neg());  // rh^2 - z, exactly
        DoubleVector lo = DoubleVector.broadcast(D, 1).sub(hi).sub(hz).sub(zErr.mul(0.5))
                .add(z.mul(z).fma(w, rh.mul(rl).neg()));
        return hi.add(lo);
    }


    /**
     * sin (cosine when cosine is true) of double lanes: x = k pi/2 + (rh + rl): x - k P1 is exact (P1 is pi/2
     * to 53 bits; the difference is a multiple of 2^-52 below 1, or Sterbenz's case), k P2 is split exactly
     * by an fma and subtracted with an exact two-sum, so the remainder is known to far below its last bit
     * even where x nearly is a multiple of pi/2. Then sin or cos of |r| &lt;= pi/4 by their series by quadrant.
     * Lanes of magnitude 2^20 or more, inf and NaN get Math's value. c[co + i] = sin (or cos) of a[ao + i]
     * for i below bound (a multiple of L); returns bound. The loop holds the whole computation: as a method
     * of its own it was compiled first and then not inlined into the loop ("already compiled into a big
     * method"), and every vector crossing the call was boxed.
     */
    static int sinCos(double[] a, int ao, double[] c, int co, int bound, boolean cosine) {
        for (int i = 0; i < bound; i += L) {
            DoubleVector x = DoubleVector.fromArray(D, a, ao + i);
            DoubleVector t = x.fma(TWO_OVER_PI, ROUNDER);
            DoubleVector k = t.sub(ROUNDER);
            DoubleVector r1 = k.fma(DoubleVector.broadcast(D, -PIO2_1), x);
            DoubleVector wh = k.mul(PIO2_2);
            DoubleVector wl = k.fma(DoubleVector.broadcast(D, PIO2_2), wh.neg());
            DoubleVector rh = r1.sub(wh);
            DoubleVector bb = rh.sub(r1);
            DoubleVector e = r1.sub(rh.sub(bb)).add(wh.neg().sub(bb));  // r1 - wh = rh + e exactly
            DoubleVector rl = e.sub(wl).sub(k.mul(PIO2_3));
            DoubleVector z = rh.mul(rh);

            DoubleVector sinR = sinRemainder(rh, rl, z), cosR = cosRemainder(rh, rl, z);

            // quadrant k mod 4 (one on for cos): sin r, cos r, -sin r, -cos r
            LongVector quadrant = bits(t).add(cosine ? 1 : 0);
            LongVector odd = quadrant.and(1L).neg();  // all ones where cos r is wanted
            LongVector chosen = bits(sinR).and(odd.not()).or(bits(cosR).and(odd));
            DoubleVector result = chosen.lanewise(VectorOperators.XOR, quadrant.and(2L).lanewise(VectorOperators.LSHL, 62)).reinterpretAsDoubles();
            DoubleVector y = cosine ? result : result.blend(x, x.compare(VectorOperators.EQ, 0));  // sin keeps -0
            VectorMask<Double> near = x.abs().compare(VectorOperators.LT, TRIG_LIMIT);  // false for NaN
            if (!near.allTrue()) y = mathWhereFar(x, y, near, cosine);
            y.intoArray(c, co + i);
        }
        return bound;
    }

    /** y with Math's sin or cos in the lanes not in near. */
    private static DoubleVector mathWhereFar(DoubleVector x, DoubleVector y, VectorMask<Double> near, boolean cosine) {
        double[] patched = y.toArray();
        for (int j = 0; j < L; j++) {
            if (!near.laneIsSet(j)) patched[j] = cosine ? Math.cos(x.lane(j)) : Math.sin(x.lane(j));
        }
        return DoubleVector.fromArray(D, patched, 0);
    }
}
