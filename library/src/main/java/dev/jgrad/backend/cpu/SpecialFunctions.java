package dev.jgrad.backend.cpu;

/** Special functions the JDK lacks, accurate to about 1e-15 relative in double. */
public final class SpecialFunctions {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;

    private SpecialFunctions() {}

    /** The error function: a Taylor series near 0, the continued fraction of erfc in the tails. */
    public static double erf(double x) {
        if (Double.isNaN(x) || x == 0) return x;  // keeps the sign of zero
        double ax = Math.abs(x);
        if (ax < 2.5) {
            double x2 = x * x, term = x, sum = x;
            for (int n = 1; n < 80; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
            }
            return TWO_OVER_SQRT_PI * sum;
        }
        double r = 1 - erfcTail(ax);
        return x < 0 ? -r : r;
    }

    /** The complementary error function: the continued fraction in the tails, 1 - erf(x) between. */
    public static double erfc(double x) {
        if (Double.isNaN(x)) return x;
        if (x >= 2.5) return erfcTail(x);
        if (x <= -2.5) return 2 - erfcTail(-x);
        return 1 - erf(x);
    }

    /** asinh without cancellation: sign(x) log1p(|x| + x^2 / (1 + sqrt(1 + x^2))). */
    public static double asinh(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) return x;
        double ax = Math.abs(x);
        double r = ax > 1e8 ? Math.log(ax) + Math.log(2) : Math.log1p(ax + ax * ax / (1 + Math.sqrt(1 + ax * ax)));
        return x < 0 ? -r : r;
    }

    /** acosh for x >= 1 (NaN below): log(x + sqrt(x^2 - 1)), as log1p near 1. */
    public static double acosh(double x) {
        if (!(x >= 1)) return Double.NaN;
        if (x > 1e8) return Math.log(x) + Math.log(2);
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    /** atanh: 0.5 log1p(2x / (1 - x)). */
    public static double atanh(double x) {
        if (Double.isNaN(x) || x == 0) return x;
        double ax = Math.abs(x);
        double r = 0.5 * Math.log1p(2 * ax / (1 - ax));
        return x < 0 ? -r : r;
    }

    /** erfc(x) for x >= 2.5 from its continued fraction x + (1/2)/(x + 1/(x + (3/2)/(x + ...))). */
    private static double erfcTail(double x) {
        if (x > 27) return 0;
        double f = x;
        for (int k = 60; k >= 1; k--) f = x + (k / 2.0) / f;
        return Math.exp(-x * x) * ONE_OVER_SQRT_PI / f;
    }
}
