package dev.jgrad.backend.cpu;

import dev.jgrad.Generator;
import dev.jgrad.backend.RandomOp;

/**
 * The serial random kernels of PyTorch 1.13's CPU DistributionTemplates.h (cauchy_, log_normal_, geometric_,
 * bernoulli_ with a tensor p): one draw per element in memory order, transformed in double, rounded once to the
 * tensor's dtype by the caller.
 */
final class RandomDraws {
    private RandomDraws() {}

    static double[] draw(RandomOp op, Generator g, double a, double b, int n) {
        double[] v = new double[n];
        synchronized (g) {  // one lock for the fill, as the kernel holds the generator's mutex
            for (int i = 0; i < n; i++) {
                v[i] = switch (op) {
                    case CAUCHY -> a + b * Math.tan(Math.PI * (g.nextUniformDouble() - 0.5));
                    case LOG_NORMAL -> Math.exp(g.nextNormal(a, b));
                    case GEOMETRIC -> Math.ceil(Math.log(g.nextUniformDouble()) / Math.log1p(-a));
                    default -> throw new IllegalArgumentException(op + " is not a serial draw");
                };
            }
        }
        return v;
    }

    /** bernoulli_(p tensor): u < p[i], u a 24-bit float for float32 p and a 53-bit double for float64 p; p checked as it is read. */
    static double[] bernoulli(Generator g, double[] p, boolean doubleP) {
        double[] v = new double[p.length];
        synchronized (g) {
            for (int i = 0; i < p.length; i++) {
                if (!(p[i] >= 0 && p[i] <= 1)) {
                    throw new IllegalArgumentException("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  "
                            + "(Could this error message be improved?  If so, please report an enhancement request to PyTorch.)");
                }
                v[i] = (doubleP ? g.nextUniformDouble() < p[i] : g.nextUniformFloat() < (float) p[i]) ? 1 : 0;
            }
        }
        return v;
    }
}
