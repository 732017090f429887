package dev.jgrad.internal.math;

/** Special functions the JDK lacks (scalar math shared by the CPU kernels and the distributions' samplers), accurate to about 1e-15 relative in double. */
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

    // ---------------------------------------------------------------- erfinv: PyTorch's rational start + two Newton steps

    private static final double[] ERFINV_A = {0.886226899, -1.645349621, 0.914624893, -0.140543331};
    private static final double[] ERFINV_B = {-2.118377725, 1.442710462, -0.329097515, 0.012229801};
    private static final double[] ERFINV_C = {-1.970840454, -1.624906493, 3.429567803, 1.641345311};
    private static final double[] ERFINV_D = {3.543889200, 1.637067800};

    /** erfinv in float arithmetic, step for step as PyTorch's float kernel, so results agree to the ulp. */
    public static float erfinv(float y) {
        float ya = Math.abs(y);
        if (ya > 1f) return Float.NaN;
        if (ya == 1f) return Math.copySign(Float.POSITIVE_INFINITY, y);
        float x;
        if (ya <= 0.7f) {
            float z = y * y;
            float num = (((float) ERFINV_A[3] * z + (float) ERFINV_A[2]) * z + (float) ERFINV_A[1]) * z + (float) ERFINV_A[0];
            float dem = ((((float) ERFINV_B[3] * z + (float) ERFINV_B[2]) * z + (float) ERFINV_B[1]) * z + (float) ERFINV_B[0]) * z + 1f;
            x = y * num / dem;
        } else {
            float z = (float) Math.sqrt((float) -Math.log((1f - ya) / 2f));
            float num = (((float) ERFINV_C[3] * z + (float) ERFINV_C[2]) * z + (float) ERFINV_C[1]) * z + (float) ERFINV_C[0];
            float dem = ((float) ERFINV_D[1] * z + (float) ERFINV_D[0]) * z + 1f;
            x = Math.copySign(num, y) / dem;
        }
        float slope = 2f / (float) Math.sqrt(Math.PI);
        x = x - ((float) erf(x) - y) / (slope * (float) Math.exp(-x * x));
        x = x - ((float) erf(x) - y) / (slope * (float) Math.exp(-x * x));
        return x;
    }

    public static double erfinv(double y) {
        double ya = Math.abs(y);
        if (ya > 1) return Double.NaN;
        if (ya == 1) return Math.copySign(Double.POSITIVE_INFINITY, y);
        double x;
        if (ya <= 0.7) {
            double z = y * y;
            double num = ((ERFINV_A[3] * z + ERFINV_A[2]) * z + ERFINV_A[1]) * z + ERFINV_A[0];
            double dem = (((ERFINV_B[3] * z + ERFINV_B[2]) * z + ERFINV_B[1]) * z + ERFINV_B[0]) * z + 1;
            x = y * num / dem;
        } else {
            double z = Math.sqrt(-Math.log((1 - ya) / 2));
            double num = ((ERFINV_C[3] * z + ERFINV_C[2]) * z + ERFINV_C[1]) * z + ERFINV_C[0];
            double dem = (ERFINV_D[1] * z + ERFINV_D[0]) * z + 1;
            x = Math.copySign(num, y) / dem;
        }
        x = x - (erf(x) - y) / (TWO_OVER_SQRT_PI * Math.exp(-x * x));
        x = x - (erf(x) - y) / (TWO_OVER_SQRT_PI * Math.exp(-x * x));
        return x;
    }

    // ---------------------------------------------------------------- gamma family

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};

    /** log|Gamma(x)| by the Lanczos series (g = 7), reflected below 1/2; +inf at the poles, 0 at 1 and 2. */
    public static double lgamma(double x) {
        if (Double.isNaN(x)) return x;
        if (Double.isInfinite(x)) return Double.POSITIVE_INFINITY;
        if (x <= 0 && x == Math.rint(x)) return Double.POSITIVE_INFINITY;
        if (x == 1 || x == 2) return 0;
        if (x < 0.5) return Math.log(Math.PI / Math.abs(sinPi(x))) - lgamma(1 - x);
        double z = x - 1, a = LANCZOS[0], t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** sin(pi x) with the argument reduced first, exact at the integers. */
    private static double sinPi(double x) {
        double r = x - 2 * Math.floor(x / 2);  // in [0, 2)
        return Math.sin(Math.PI * r);
    }

    private static final double[] DIGAMMA_A = {8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
            -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3, 8.33333333333333333333E-2};

    /** digamma as PyTorch computes it (Cephes): recurrence up to 10, then the asymptotic series; in float arithmetic. */
    public static float digamma(float x) {
        if (x == 0) return Math.copySign(Float.POSITIVE_INFINITY, -x);
        if (x < 0) {
            if (x == Math.rint(x)) return Float.NaN;
            double r = x - (x < 0 ? Math.ceil(x) : Math.floor(x));  // modf's fractional part
            float piOverTan = (float) (Math.PI / Math.tan(Math.PI * r));
            return digamma(1 - x) - piOverTan;
        }
        float result = 0;
        while (x < 10) {
            result -= 1 / x;
            x += 1;
        }
        if (x == 10) return result + 2.25175258906672110764f;
        float y = 0;
        if (x < 1.0e17f) {
            float z = 1 / (x * x), p = 0;
            for (double c : DIGAMMA_A) p = p * z + (float) c;
            y = z * p;
        }
        return result + (float) Math.log(x) - (0.5f / x) - y;
    }

    public static double digamma(double x) {
        if (x == 0) return Math.copySign(Double.POSITIVE_INFINITY, -x);
        if (x < 0) {
            if (x == Math.rint(x)) return Double.NaN;
            double r = x - (x < 0 ? Math.ceil(x) : Math.floor(x));
            return digamma(1 - x) - Math.PI / Math.tan(Math.PI * r);
        }
        double result = 0;
        while (x < 10) {
            result -= 1 / x;
            x += 1;
        }
        if (x == 10) return result + 2.25175258906672110764;
        double y = 0;
        if (x < 1.0e17) {
            double z = 1 / (x * x), p = 0;
            for (double c : DIGAMMA_A) p = p * z + c;
            y = z * p;
        }
        return result + Math.log(x) - (0.5 / x) - y;
    }

    /** trigamma (polygamma(1, x)) as PyTorch's kernel: reflection below 1/2, six recurrence steps, then the series. */
    public static float trigamma(float x) {
        float sign = 1, result = 0;
        if (x < 0.5f) {
            sign = -1;
            float s = (float) Math.sin((float) Math.PI * x);
            result -= ((float) Math.PI * (float) Math.PI) / (s * s);
            x = 1 - x;
        }
        for (int i = 0; i < 6; i++) {
            result += 1 / (x * x);
            x += 1;
        }
        float ixx = 1 / (x * x);
        result += (1 + 1 / (2 * x) + ixx * (1f / 6 - ixx * (1f / 30 - ixx * (1f / 42)))) / x;
        return sign * result;
    }

    public static double trigamma(double x) {
        double sign = 1, result = 0;
        if (x < 0.5) {
            sign = -1;
            double s = Math.sin(Math.PI * x);
            result -= (Math.PI * Math.PI) / (s * s);
            x = 1 - x;
        }
        for (int i = 0; i < 6; i++) {
            result += 1 / (x * x);
            x += 1;
        }
        double ixx = 1 / (x * x);
        result += (1 + 1 / (2 * x) + ixx * (1.0 / 6 - ixx * (1.0 / 30 - ixx * (1.0 / 42)))) / x;
        return sign * result;
    }

    private static final double[] ZETA_A = {12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9,
            7.47242496e10, -2.950130727918164224e12, 1.1646782814350067249e14, -4.5979787224074726105e15,
            1.8152105401943546773e17, -7.1661652561756670113e18};
    private static final double MACHEP = 1.11022302462515654042E-16;

    /** The Hurwitz zeta function sum over k of (k + q)^-x (Cephes' Euler-Maclaurin summation, as PyTorch's kernel). */
    public static double zeta(double x, double q) {
        if (x == 1) return Double.POSITIVE_INFINITY;
        if (x < 1) return Double.NaN;
        if (q <= 0) {
            if (q == Math.floor(q)) return Double.POSITIVE_INFINITY;
            if (x != Math.floor(x)) return Double.NaN;
        }
        double s = Math.pow(q, -x), a = q, b = 0;
        int i = 0;
        while (i < 9 || a <= 9) {
            i++;
            a += 1;
            b = Math.pow(a, -x);
            s += b;
            if (Math.abs(b / s) < MACHEP) return s;
        }
        double w = a;
        s += b * w / (x - 1);
        s -= 0.5 * b;
        a = 1;
        double k = 0;
        for (i = 0; i < 12; i++) {
            a *= x + k;
            b /= w;
            double t = a * b / ZETA_A[i];
            s += t;
            if (Math.abs(t / s) < MACHEP) return s;
            k += 1;
            a *= x + k;
            b /= w;
            k += 1;
        }
        return s;
    }

    /** erfc(x) for x >= 2.5 from its continued fraction x + (1/2)/(x + 1/(x + (3/2)/(x + ...))). */
    private static double erfcTail(double x) {
        if (x > 27) return 0;
        double f = x;
        for (int k = 60; k >= 1; k--) f = x + (k / 2.0) / f;
        return Math.exp(-x * x) * ONE_OVER_SQRT_PI / f;
    }
}
