package dev.jgrad.backend.cpu;

/**
 * float32 erf, GELU and GELU's backward, evaluated in double from one fixed sequence of IEEE operations (add,
 * mul, fma, div, min, max, compares) and rounded once to float. {@link FloatVectorMath} runs the same
 * sequence on vector lanes; because every step is exactly rounded, a lane and this scalar twin give the same
 * bits, so an element's result does not depend on whether it falls in a vector body or a tail, in which
 * thread, or before or after the JIT compiles the loop.
 *
 * <p>The form, for z = x / sqrt(2) in GELU or z = x in erf:
 * <ul>
 *   <li>|z| &lt; 1: erf(z) = z P(z^2), P a degree-9 Chebyshev fit (relative error under 3e-14);</li>
 *   <li>1 &lt;= |z| &lt; 12: erfc(|z|) = e^(-z^2) H(w), H a degree-14 fit in w, an affine map of 1 / (|z| + 3)
 *       (relative error under 7e-14), so the tail of GELU at negative x, 0.5 erfc(|z|), keeps its relative
 *       precision where 1 + erf(z) would cancel;</li>
 *   <li>|z| &gt;= 12: erfc(|z|) = 0 (it is below 1e-64, so every float result that uses it rounds as if it
 *       were 0), which also makes GELU(-inf) and its backward at +-inf NaN, as PyTorch's kernels give.</li>
 * </ul>
 * e^(-z^2) is {@link FloatVectorMath#exp}'s algorithm. Each value is then within 1e-13 relative of the true
 * one before the final rounding, so results are the correctly rounded float except within about 1e-13 of a
 * rounding boundary, and always within 1 ulp. The coefficients came from Chebyshev interpolation of
 * mpmath's erf and erfc at 40 digits.
 */
final class ErfMath {
    private ErfMath() {}

    /** erf(z) / z = P(z^2) on |z| &lt; 1, lowest degree first. */
    static final double[] SMALL = {
        1.1283791670954892, -0.3761263890277654, 0.11283791658048557, -0.026866169016476506,
        0.005223967068765179, -0.0008547931087098168, 0.0001204622798240962, -1.4794792059547037e-05,
        1.5305493434425444e-06, -1.0467920219525695e-07,
    };

    /** erfc(z) e^(z^2) = H(w) on 1 &lt;= z &lt;= 12, w = W_SCALE / (z + 3) + W_SHIFT in [-1, 1]; lowest degree first. */
    static final double[] TAIL = {
        0.16328515854751882, 0.16652018386536754, 0.06779972211803635, 0.022690516028515954,
        0.006014764575278149, 0.0011615169687860583, 0.0001238877493754953, -7.215311736056643e-06,
        -4.77092992398435e-06, -3.466094516587267e-07, 1.4110197247655764e-07, 2.365537928502212e-08,
        -4.742211482759255e-09, -1.0264102456858381e-09, 1.653006620472297e-10,
    };
    static final double W_SCALE = 10.909090909090908, W_SHIFT = -1.727272727272727;
    /** Where the tail form takes over, and where erfc is taken as 0. */
    static final double TAIL_FROM = 1, TAIL_TO = 12;
    static final double SQRT_HALF = 0.7071067811865476;
    /** 1 / sqrt(2 pi): the standard normal density is INV_SQRT_2PI e^(-x^2 / 2). */
    static final double INV_SQRT_2PI = 0.3989422804014327;

    /** P(u) by Horner with fma, the order the vector code uses. */
    static double small(double u) {
        double p = SMALL[SMALL.length - 1];
        for (int k = SMALL.length - 2; k >= 0; k--) p = Math.fma(p, u, SMALL[k]);
        return p;
    }

    /** e^(-zz) H(w(az)) for az = |z| &gt;= 1 (erfc(az)); 0 from az &gt;= 12 on; NaN stays NaN. */
    static double tail(double az, double zz) {
        if (az >= TAIL_TO) return 0;
        double w = W_SCALE / (Math.min(az, TAIL_TO) + 3) + W_SHIFT;
        double h = TAIL[TAIL.length - 1];
        for (int k = TAIL.length - 2; k >= 0; k--) h = Math.fma(h, w, TAIL[k]);
        return exp(-zz) * h;
    }

    /** {@link FloatVectorMath#exp(jdk.incubator.vector.DoubleVector)} for one double, operation for operation. */
    static double exp(double x) {
        x = Math.min(Math.max(x, -200), 200);
        double t = Math.fma(x, 1.4426950408889634, 0x1.8p52);
        double n = t - 0x1.8p52;
        double r = Math.fma(n, -6.93147180369123816490e-01, x);
        r = Math.fma(n, -1.90821492927058770002e-10, r);
        double p = Math.fma(r, 1.0 / 479001600, 1.0 / 39916800);
        p = Math.fma(p, r, 1.0 / 3628800);
        p = Math.fma(p, r, 1.0 / 362880);
        p = Math.fma(p, r, 1.0 / 40320);
        p = Math.fma(p, r, 1.0 / 5040);
        p = Math.fma(p, r, 1.0 / 720);
        p = Math.fma(p, r, 1.0 / 120);
        p = Math.fma(p, r, 1.0 / 24);
        p = Math.fma(p, r, 1.0 / 6);
        p = Math.fma(p, r, 0.5);
        p = Math.fma(p, r, 1);
        p = Math.fma(p, r, 1);
        return p * Double.longBitsToDouble((Double.doubleToRawLongBits(t) + 1023) << 52);
    }

    /** erf of a float, in double (rounded to float by the caller). */
    static double erf(float xf) {
        double z = xf, az = Math.abs(z), zz = z * z;  // z * z is exact: a float's square fits in a double
        if (az < TAIL_FROM) return z * small(zz);
        double r = 1 - tail(az, zz);
        return canonical(z < 0 ? -r : r);  // NaN falls through to here and stays NaN
    }

    /**
     * A NaN result as Java's one NaN: x86 arithmetic makes NaNs with either sign bit depending on the operands'
     * order, which the vector and scalar code need not share; the results carry one NaN bit pattern either way.
     */
    static double canonical(double r) { return r != r ? Double.NaN : r; }

    /** Phi(x), the standard normal CDF, for z = x / sqrt(2) and zz = x^2 / 2. */
    static double cdf(double z, double zz) {
        double az = Math.abs(z);
        if (az < TAIL_FROM) return 0.5 + 0.5 * (z * small(zz));
        double e = tail(az, zz);
        return z > 0 ? 1 - 0.5 * e : 0.5 * e;
    }

    /** gelu(x) = x Phi(x), rounded once. */
    static float gelu(float xf) {
        double x = xf;
        return (float) canonical(x * cdf(x * SQRT_HALF, 0.5 * (x * x)));
    }

    /** gelu's backward: g (Phi(x) + x phi(x)), rounded once. */
    static float geluBackward(float gf, float xf) {
        double x = xf, z = x * SQRT_HALF, zz = 0.5 * (x * x);
        double pdf = Math.abs(z) >= TAIL_TO ? 0 : exp(-zz) * INV_SQRT_2PI;
        return (float) canonical(gf * (cdf(z, zz) + x * pdf));
    }
}
