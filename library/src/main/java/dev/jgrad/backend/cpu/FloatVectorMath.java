package dev.jgrad.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector loops for float32 exp, log, tanh, sigmoid, sin, cos, erf and GELU (and GELU's backward) built only from exact lanewise arithmetic (add, mul,
 * fma, div, compares, bit moves), so they give the same bits in the interpreter, C1 and C2. The Vector
 * API's own EXP/LOG/TANH operators do not: C2 maps them to the x86 SVML routines, the Java code before
 * it to Math per lane, and results changed in the last bit after a few thousand identical calls.
 *
 * <p>Each float lane is widened to double, the function evaluated there to about 1e-15 relative error,
 * and the result rounded once back to float; so results are Math's rounded to float (the scalar loops'
 * values) except where the true value lies within about 1e-15 of a rounding boundary, and always within
 * 1 ulp. erf and GELU follow {@link ErfMath}, whose scalar code gives the same bits as their lanes.
 * TranscendentalAccuracyTest bounds them, DeterminismTest holds them to one answer per input.
 * Only reached behind {@link KernelConfig#VECTOR}.
 */
final class FloatVectorMath {
    /** Half a preferred vector of floats: widened to double, it fills one preferred double vector. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
            VectorShape.forBitSize(FloatVector.SPECIES_PREFERRED.vectorBitSize() / 2));
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final int L = F.length();

    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 split so that n * LN2_HI is exact for |n| &lt; 2^20 (fdlibm's constants). */
    private static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
    /** Adding 1.5 * 2^52 rounds a double of magnitude &lt; 2^51 to an integer held in the low mantissa bits. */
    private static final double ROUNDER = 0x1.8p52;
    /** exp's argument is clamped here: far past float's overflow and underflow, well inside double's range. */
    private static final double EXP_CLAMP = 200;

    private FloatVectorMath() {}

    // Series coefficients as vectors made once: a broadcast at each use adds nodes to a compilation, and
    // past C2's node limit calls stop being inlined and vectors are boxed (DoubleVectorMath's sinCos was 5x slower).
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
    private static final DoubleVector V_ONE = DoubleVector.broadcast(D, 1);
    private static final DoubleVector V_INV_FACT_21 = DoubleVector.broadcast(D, 1.0 / 51090942171709440000.0);
    private static final DoubleVector V_NEG_INV_FACT_19 = DoubleVector.broadcast(D, -1.0 / 121645100408832000.0);
    private static final DoubleVector V_INV_FACT_17 = DoubleVector.broadcast(D, 1.0 / 355687428096000.0);
    private static final DoubleVector V_NEG_INV_FACT_15 = DoubleVector.broadcast(D, -1.0 / 1307674368000.0);
    private static final DoubleVector V_INV_FACT_13 = DoubleVector.broadcast(D, 1.0 / 6227020800.0);
    private static final DoubleVector V_NEG_INV_FACT_11 = DoubleVector.broadcast(D, -1.0 / 39916800);
    private static final DoubleVector V_NEG_INV_FACT_7 = DoubleVector.broadcast(D, -1.0 / 5040);
    private static final DoubleVector V_NEG_INV_FACT_3 = DoubleVector.broadcast(D, -1.0 / 6);


    private static DoubleVector widen(float[] a, int i) {
        return (DoubleVector) FloatVector.fromArray(F, a, i).convertShape(VectorOperators.F2D, D, 0);
    }

    private static void narrow(DoubleVector v, float[] c, int i) {
        ((FloatVector) v.convertShape(VectorOperators.D2F, F, 0)).intoArray(c, i);
    }

    /**
     * exp in double for any double: 2^n * e^r with n = round(x / ln 2) and |r| &lt;= ln 2 / 2, e^r by its
     * Taylor series to r^12 / 12! (truncation under 1e-15 relative). NaN stays NaN, +-inf go to inf and 0
     * through the clamp.
     */
    static DoubleVector exp(DoubleVector x) {
        x = x.max(-EXP_CLAMP).min(EXP_CLAMP);
        DoubleVector t = x.fma(LOG2E, ROUNDER);
        DoubleVector n = t.sub(ROUNDER);
        DoubleVector r = n.fma(DoubleVector.broadcast(D, -LN2_HI), x);
        r = n.fma(DoubleVector.broadcast(D, -LN2_LO), r);
        DoubleVector p = r.fma(V_INV_FACT_12, V_INV_FACT_11);
        p = p.fma(r, V_INV_FACT_10);
        p = p.fma(r, V_INV_FACT_9);
        p = p.fma(r, V_INV_FACT_8);
        p = p.fma(r, V_INV_FACT_7);
        p = p.fma(r, V_INV_FACT_6);
        p = p.fma(r, V_INV_FACT_5);
        p = p.fma(r, V_INV_FACT_4);
        p = p.fma(r, V_INV_FACT_3);
        p = p.fma(r, V_HALF);
        p = p.fma(r, V_ONE);
        p = p.fma(r, V_ONE);
        // the low bits of t hold n; n + 1023 moved into the exponent field is 2^n (|n| <= 289 here)
        DoubleVector scale = ((LongVector) t.reinterpretAsLongs()).add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return p.mul(scale);
    }

    /** c[co + i] = exp(a[ao + i]) for i below bound (a multiple of L); returns bound. */
    static int exp(float[] a, int ao, float[] c, int co, int bound) {
        for (int i = 0; i < bound; i += L) narrow(exp(widen(a, ao + i)), c, co + i);
        return bound;
    }

    /** PyTorch's sigmoid formula in float, 1 / (1 + exp(-x)), with exp as above. */
    static int sigmoid(float[] a, int ao, float[] c, int co, int bound) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        for (int i = 0; i < bound; i += L) {
            FloatVector e = (FloatVector) exp(widen(a, ao + i).neg()).convertShape(VectorOperators.D2F, F, 0);
            one.div(one.add(e)).intoArray(c, co + i);
        }
        return bound;
    }

    /**
     * log, with log(0) = -inf, log(negative) = NaN, log(inf) = inf and NaN kept: {@link DoubleVectorMath#log}
     * of the widened lanes (float's subnormals are normal doubles), rounded once.
     */
    static int log(float[] a, int ao, float[] c, int co, int bound) {
        for (int i = 0; i < bound; i += L) narrow(DoubleVectorMath.log(widen(a, ao + i)), c, co + i);
        return bound;
    }

    /**
     * tanh as 1 - 2 / (e^(2|x|) + 1) with x's sign; below 2^-13, where that loses relative precision and
     * tanh(x) rounds to x in float, x itself (which also keeps -0).
     */
    static int tanh(float[] a, int ao, float[] c, int co, int bound) {
        for (int i = 0; i < bound; i += L) {
            DoubleVector x = widen(a, ao + i);
            DoubleVector ax = x.abs();
            DoubleVector t = DoubleVector.broadcast(D, 2).div(exp(ax.add(ax)).add(1)).neg().add(1);
            t = t.blend(t.neg(), x.compare(VectorOperators.LT, 0));
            t = t.blend(x, ax.compare(VectorOperators.LT, 0x1p-13));
            narrow(t, c, co + i);
        }
        return bound;
    }

    /** pi / 2 split so that q * PIO2_HI is exact for |q| &lt; 2^20 (fdlibm's pio2_1, pio2_1t). */
    private static final double PIO2_HI = 1.57079632673412561417e+00, PIO2_LO = 6.07710050650619224932e-11;
    /** Lanes at or above this magnitude (and inf, NaN) take Math's loop: the two-part reduction stays exact below it. */
    private static final double TRIG_LIMIT = 0x1p19;

    /** 1 / pi. */
    private static final double ONE_OVER_PI = 0.3183098861837907;

    /**
     * sin(r) for |r| &lt;= pi/2 (a little over, at rounding ties) by its Taylor series to r^21 / 21!: the
     * first term left out, r^23 / 23!, is under 2e-18 there.
     */
    private static DoubleVector sinHalfPi(DoubleVector r) {
        DoubleVector z = r.mul(r);
        // q = -(1/3! - z/5! + z^2/7! - ...), so that sin r = r + r z q
        DoubleVector q = z.fma(V_INV_FACT_21, V_NEG_INV_FACT_19);
        q = q.fma(z, V_INV_FACT_17);
        q = q.fma(z, V_NEG_INV_FACT_15);
        q = q.fma(z, V_INV_FACT_13);
        q = q.fma(z, V_NEG_INV_FACT_11);
        q = q.fma(z, V_INV_FACT_9);
        q = q.fma(z, V_NEG_INV_FACT_7);
        q = q.fma(z, V_INV_FACT_5);
        q = q.fma(z, V_NEG_INV_FACT_3);
        return r.mul(z).fma(q, r);
    }

    /**
     * sin (cosine when cosine is true) of float lanes: x = q pi/2 + r with q even for sin and odd for cos,
     * |r| &lt;= pi/2, r in two parts, then one series for sin r and a sign. Computing only sin r, not both sin
     * and cos of a quarter-period remainder blended by quadrant, halves the work. A vector holding a lane of
     * magnitude 2^19 or more, inf or NaN goes through Math per lane, as the scalar loop does.
     */
    static int sinCos(float[] a, int ao, float[] c, int co, int bound, boolean cosine) {
        for (int i = 0; i < bound; i += L) {
            DoubleVector x = widen(a, ao + i);
            if (!x.abs().compare(VectorOperators.LT, TRIG_LIMIT).allTrue()) {  // also catches NaN
                for (int j = 0; j < L; j++) {
                    double v = a[ao + i + j];
                    c[co + i + j] = (float) (cosine ? Math.cos(v) : Math.sin(v));
                }
                continue;
            }
            // x = q pi/2 + r with q = 2k (sin) or 2k + 1 (cos), so sin x = (-1)^k sin r, cos x = (-1)^(k+1) sin r
            DoubleVector t = cosine ? x.fma(DoubleVector.broadcast(D, ONE_OVER_PI), DoubleVector.broadcast(D, -0.5)).add(ROUNDER)
                    : x.fma(ONE_OVER_PI, ROUNDER);
            DoubleVector k = t.sub(ROUNDER);
            DoubleVector q = cosine ? k.add(k).add(1) : k.add(k);
            DoubleVector r = q.fma(DoubleVector.broadcast(D, -PIO2_HI), x);
            r = q.fma(DoubleVector.broadcast(D, -PIO2_LO), r);
            DoubleVector y = sinHalfPi(r);
            // k's parity is the low bit of t: moved to the sign bit, it flips y
            LongVector flip = ((LongVector) t.reinterpretAsLongs()).add(cosine ? 1 : 0).lanewise(VectorOperators.LSHL, 63);
            y = ((LongVector) y.reinterpretAsLongs()).lanewise(VectorOperators.XOR, flip).reinterpretAsDoubles();
            if (!cosine) y = y.blend(x, x.compare(VectorOperators.EQ, 0));  // keeps -0
            narrow(y, c, co + i);
        }
        return bound;
    }

    // ---------------------------------------------------------------- erf and GELU: in ErfVector

    /** c[co + i] = erf(a[ao + i]) for i below bound (a multiple of L), with {@link ErfMath#erf}'s bits; returns bound. */
    static int erf(float[] a, int ao, float[] c, int co, int bound) { return ErfVector.erf(a, ao, c, co, bound); }

    /** c[co + i] = gelu(a[ao + i]) for i below bound (a multiple of L), with {@link ErfMath#gelu}'s bits; returns bound. */
    static int gelu(float[] a, int ao, float[] c, int co, int bound) { return ErfVector.gelu(a, ao, c, co, bound); }

    /** gelu's backward for i below bound (a multiple of L), with {@link ErfMath#geluBackward}'s bits; returns bound. */
    static int geluBackward(float[] g, int go, float[] x, int xo, float[] c, int co, int bound) {
        return ErfVector.geluBackward(g, go, x, xo, c, co, bound);
    }
}
