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

    /** erfc(x) for x >= 2.5 from its continued fraction x + (1/2)/(x + 1/(x + (3/2)/(x + ...))). */
    private static double erfcTail(double x) {
        if (x > 27) return 0;
        double f = x;
        for (int k = 60; k >= 1; k--) f = x + (k / 2.0) / f;
        return Math.exp(-x * x) * ONE_OVER_SQRT_PI / f;
    }
}
