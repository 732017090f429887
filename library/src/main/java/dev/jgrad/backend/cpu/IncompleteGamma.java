package dev.jgrad.backend.cpu;

import dev.jgrad.internal.math.SpecialFunctions;

/**
 * The regularized incomplete gamma functions P(a, x) (igamma) and Q(a, x) (igammac) with ATen's edge cases, and the
 * scaled complementary error function erfcx. ATen uses Cephes' igam/igamc (with Temme's asymptotic series) and
 * Faddeeva's erfcx; these are the textbook series and continued fractions instead, accurate to about 1e-14 relative.
 */
public final class IncompleteGamma {
    private static final double EPS = 1e-16;
    private static final double ONE_OVER_SQRT_PI = 0.56418958354775628694807945156;

    private IncompleteGamma() {}

    public static double igamma(double a, double x) {
        if (x < 0 || a < 0 || Double.isNaN(a) || Double.isNaN(x)) return Double.NaN;
        if (a == 0) return x > 0 ? 1 : Double.NaN;
        if (x == 0) return 0;
        if (Double.isInfinite(a)) return Double.isInfinite(x) ? Double.NaN : 0;
        if (Double.isInfinite(x)) return 1;
        return x < a + 1 ? series(a, x) : 1 - continuedFraction(a, x);
    }

    public static double igammac(double a, double x) {
        if (x < 0 || a < 0 || Double.isNaN(a) || Double.isNaN(x)) return Double.NaN;
        if (a == 0) return x > 0 ? 0 : Double.NaN;
        if (x == 0) return 1;
        if (Double.isInfinite(a)) return Double.isInfinite(x) ? Double.NaN : 1;
        if (Double.isInfinite(x)) return 0;
        return x < a + 1 ? 1 - series(a, x) : continuedFraction(a, x);
    }

    /** x^a e^-x / Gamma(a + 1) times sum x^n / ((a + 1)...(a + n)). */
    private static double series(double a, double x) {
        double ap = a, del = 1 / a, sum = del;
        for (int n = 0; n < 10000; n++) {
            ap += 1;
            del *= x / ap;
            sum += del;
            if (Math.abs(del) < Math.abs(sum) * EPS) break;
        }
        return sum * Math.exp(-x + a * Math.log(x) - SpecialFunctions.lgamma(a));
    }

    /** Q(a, x) by Lentz's evaluation of Legendre's continued fraction. */
    private static double continuedFraction(double a, double x) {
        double tiny = 1e-300, b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
        for (int i = 1; i < 10000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) d = tiny;
            c = b + an / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) break;
        }
        return Math.exp(-x + a * Math.log(x) - SpecialFunctions.lgamma(a)) * h;
    }

    /** exp(x^2) erfc(x) without overflow: ATen's branches for large |x|, a continued fraction from 2 on, exp(x^2) erfc(x) below. */
    public static double erfcx(double x) {
        if (Double.isNaN(x)) return x;
        if (x < 0) {
            if (x < -26.7) return Double.POSITIVE_INFINITY;
            if (x < -6.1) return 2 * Math.exp(x * x);
            return 2 * Math.exp(x * x) - erfcx(-x);
        }
        if (x > 50) {
            if (x > 5e7) return ONE_OVER_SQRT_PI / x;
            double x2 = x * x;
            return ONE_OVER_SQRT_PI * (x2 * (x2 + 4.5) + 2) / (x * (x2 * (x2 + 5) + 3.75));
        }
        if (x < 2) return Math.exp(x * x) * SpecialFunctions.erfc(x);
        double f = x;  // x + (1/2)/(x + 1/(x + (3/2)/(x + ...))), evaluated from the tail
        for (int k = 300; k >= 1; k--) f = x + (k / 2.0) / f;
        return ONE_OVER_SQRT_PI / f;
    }

    /** C's frexp: the mantissa in [0.5, 1) with x's sign (x itself for 0, inf and NaN). */
    public static double frexpMantissa(double x) {
        if (x == 0 || !Double.isFinite(x)) return x;
        return Math.scalb(x, -frexpExponent(x));
    }

    /** C's frexp exponent: x = mantissa * 2^exponent (0 for 0, inf and NaN). */
    public static int frexpExponent(double x) {
        if (x == 0 || !Double.isFinite(x)) return 0;
        int e = Math.getExponent(x);
        if (e == Double.MIN_EXPONENT - 1) return Math.getExponent(x * 0x1p54) + 1 - 54;  // subnormal
        return e + 1;
    }

    public static float frexpMantissa(float x) {
        if (x == 0 || !Float.isFinite(x)) return x;
        return Math.scalb(x, -frexpExponent(x));
    }

    public static int frexpExponent(float x) {
        if (x == 0 || !Float.isFinite(x)) return 0;
        int e = Math.getExponent(x);
        if (e == Float.MIN_EXPONENT - 1) return Math.getExponent(x * 0x1p25f) + 1 - 25;
        return e + 1;
    }
}
