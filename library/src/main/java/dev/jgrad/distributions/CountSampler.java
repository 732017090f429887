package dev.jgrad.distributions;

import dev.jgrad.DType;
import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;

/**
 * torch.poisson and torch.binomial on the CPU, elementwise in Java with ATen's algorithms and draw order
 * (one uniform double per draw from the public generator), so their samples equal PyTorch's for the same
 * seed. Binomial's float32 arithmetic is rounded where ATen's kernel computes in float.
 */
final class CountSampler {
    private CountSampler() {}

    /** One Poisson draw per element of rate (a new tensor of its shape and dtype). */
    static Tensor poisson(Tensor rate) {
        double[] lambda = rate.contiguous().toDoubleArray(), out = new double[lambda.length];
        Generator gen = Generator.defaultGenerator();
        synchronized (gen) {
            for (int i = 0; i < lambda.length; i++) out[i] = samplePoisson(lambda[i], gen);
        }
        return Torch.tensor(out, rate.dtype()).reshape(rate.shape());
    }

    /** One Binomial(count, prob) draw per element (count and prob of one shape and dtype). */
    static Tensor binomial(Tensor count, Tensor prob) {
        double[] n = count.contiguous().toDoubleArray(), p = prob.contiguous().toDoubleArray(), out = new double[n.length];
        boolean f32 = prob.dtype() == DType.FLOAT32;
        Generator gen = Generator.defaultGenerator();
        synchronized (gen) {
            for (int i = 0; i < n.length; i++) out[i] = sampleBinomial(n[i], p[i], f32, gen);
        }
        return Torch.tensor(out, prob.dtype()).reshape(prob.shape());
    }

    /** ATen's sample_poisson: Hoermann's transformed rejection from 10 on, the multiplication method below. */
    static long samplePoisson(double lambda, Generator gen) {
        if (lambda >= 10) {
            double slam = Math.sqrt(lambda), loglam = Math.log(lambda);
            double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
            double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
            for (;;) {
                double u = gen.nextUniformDouble() - 0.5, v = gen.nextUniformDouble(), us = 0.5 - Math.abs(u);
                long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
                if (us >= 0.07 && v <= vr) return k;
                if (k < 0 || (us < 0.013 && v > us)) continue;
                if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
            }
        }
        if (lambda == 0) return 0;
        double enlam = Math.exp(-lambda), prod = 1.0;
        long x = 0;
        for (;;) {
            prod *= gen.nextUniformDouble();
            if (prod > enlam) x++;
            else return x;
        }
    }

    /** lgamma(k + 1) through the core op. */
    private static double logFactorial(long k) { return Torch.scalarTensor(k + 1.0, DType.FLOAT64).lgamma().item(); }

    /** ATen's sample_binomial: BTRS when the mean of the smaller tail is at least 10, inversion below. */
    static double sampleBinomial(double count, double prob, boolean f32, Generator gen) {
        if (count <= 0.0 || prob <= 0.0) return 0;
        if (prob >= 1.0) return count;
        if (prob <= 0.5) return rd(count * prob, f32) >= 10.0 ? btrs(count, prob, f32, gen) : inversion(count, prob, f32, gen);
        if (prob > 0.5) {
            double q = rd(1.0 - prob, f32);
            return count - (rd(count * q, f32) >= 10.0 ? btrs(count, q, f32, gen) : inversion(count, q, f32, gen));
        }
        return Double.NaN;
    }

    /** v rounded to float where ATen computes in scalar_t = float. */
    private static double rd(double v, boolean f32) { return f32 ? (double) (float) v : v; }

    /** Sums of geometric gaps until they pass count. */
    private static double inversion(double count, double prob, boolean f32, Generator gen) {
        double logprob = rd(Math.log1p(-prob), f32), geomSum = 0, numGeom = 0;
        for (;;) {
            geomSum += Math.ceil(Math.log(gen.nextUniformDouble()) / logprob);
            if (geomSum > count) return numGeom;
            numGeom++;
        }
    }

    /** Hormann's transformed rejection with squeeze (BTRS), as ATen (after TensorFlow) writes it. */
    private static double btrs(double count, double prob, boolean f32, Generator gen) {
        double np = rd(count * prob, f32), q = rd(1 - prob, f32);
        double stddev = rd(Math.sqrt(rd(np * q, f32)), f32);
        double b = 1.15 + 2.53 * stddev, a = -0.0873 + 0.0248 * b + 0.01 * prob, c = np + 0.5, vr = 0.92 - 4.2 / b;
        double r = rd(prob / q, f32), alpha = (2.83 + 5.1 / b) * stddev, m = Math.floor(rd((count + 1) * prob, f32));
        for (;;) {
            double u = gen.nextUniformDouble() - 0.5, v = gen.nextUniformDouble(), us = 0.5 - Math.abs(u);
            double k = rd(Math.floor((2 * a / us + b) * u + c), f32);
            if (k < 0 || k > count) continue;
            if (us >= 0.07 && v <= vr) return k;
            v = Math.log(v * alpha / (a / (us * us) + b));
            double upperbound = (m + 0.5) * Math.log((m + 1) / (r * (count - m + 1))) + (count + 1) * Math.log((count - m + 1) / (count - k + 1))
                    + (k + 0.5) * Math.log(r * (count - k + 1) / (k + 1)) + stirlingTail(m) + stirlingTail(count - m) - stirlingTail(k)
                    - stirlingTail(count - k);
            if (v <= upperbound) return k;
        }
    }

    private static final double[] TAIL = {0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
        0.0138761288230707, 0.0118967099458917, 0.0104112652619720, 0.00925546218271273, 0.00833056343336287};

    /** log(k!) minus its Stirling approximation: tabulated to 9, a series beyond. */
    private static double stirlingTail(double k) {
        if (k <= 9) return TAIL[(int) k];
        double kp1sq = (k + 1) * (k + 1);
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1);
    }
}
