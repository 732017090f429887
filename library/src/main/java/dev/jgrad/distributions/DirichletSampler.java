package dev.jgrad.distributions;

import dev.jgrad.internal.math.SpecialFunctions;
import dev.jgrad.DType;
import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.Function;

/**
 * torch._sample_dirichlet and its reparameterised gradient (_dirichlet_grad), elementwise in Java with ATen's
 * algorithms: one double-precision gamma draw per element from the public generator (Special's sampler, so the
 * stream stays PyTorch's), normalised along the last dim, then clamped into [tiny, 1) in the dtype.
 */
final class DirichletSampler {
    private DirichletSampler() {}

    /** Dirichlet(alpha) draws over alpha's last dim, differentiable in alpha. */
    static Tensor sample(Tensor alpha) { return new _Dirichlet().apply(alpha); }

    /** Named as PyTorch's autograd Function so that grad_fn reads _DirichletBackward. */
    static final class _Dirichlet extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) {
            Tensor alpha = in[0];
            double[] a = alpha.contiguous().toDoubleArray(), g = new double[a.length];
            Generator gen = Generator.defaultGenerator();
            synchronized (gen) {
                for (int i = 0; i < a.length; i++) g[i] = Special.sampleGamma(a[i], false, gen);
            }
            Tensor gamma = Torch.tensor(g, DType.FLOAT64).reshape(alpha.shape());
            DType dt = alpha.dtype();
            double below1 = dt == DType.FLOAT32 ? Math.nextDown(1.0f) : Math.nextDown(1.0);
            Tensor x = gamma.div(gamma.sum(-1, true)).to(dt).clamp(Torch.finfo(dt).tiny(), below1);
            ctx.saveForBackward(x, alpha);
            return x;
        }

        /** _dirichlet_grad(x, alpha, total) * (grad - sum(x * grad)) along the last dim. */
        @Override protected Tensor[] backward(Context ctx, Tensor... grad) {
            Tensor x = ctx.savedTensors().get(0), alpha = ctx.savedTensors().get(1);
            Tensor total = alpha.sum(-1, true).expand(alpha.shape());
            Tensor g = grad[0];
            return new Tensor[] {dirichletGrad(x, alpha, total).mul(g.sub(x.mul(g).sum(-1, true)))};
        }
    }

    /** torch._dirichlet_grad elementwise (x, alpha and total of one shape). */
    static Tensor dirichletGrad(Tensor x, Tensor alpha, Tensor total) {
        double[] xs = x.contiguous().toDoubleArray(), as = alpha.contiguous().toDoubleArray(), ts = total.contiguous().toDoubleArray();
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) out[i] = dirichletGradOne(xs[i], as[i], ts[i]);
        return Torch.tensor(out, x.dtype()).reshape(x.shape());
    }

    /**
     * ATen's dirichlet_grad_one: -(d/d alpha cdf(x; alpha, beta)) / pdf(x; alpha, beta) / (1 - x) for
     * beta = total - alpha, by a Taylor series near 0 or 1, a saddle-point expansion when both are large, or
     * a rational correction to an analytic approximation otherwise.
     */
    static double dirichletGradOne(double x, double alpha, double total) {
        double beta = total - alpha, boundary = total * x * (1 - x);
        if (x <= 0.5 && boundary < 2.5) return betaGradAlphaSmall(x, alpha, beta);
        if (x >= 0.5 && boundary < 0.75) return -betaGradBetaSmall(1 - x, beta, alpha);
        if (alpha > 6 && beta > 6) return betaGradAlphaMid(x, alpha, beta);
        double u = Math.log(x), a = Math.log(alpha) - u, b = Math.log(total) - a;
        double[] powU = {1, u, u * u}, powA = {1, a, a * a};
        double p = 0, q = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double ua = powU[i] * powA[j];
                double[] cp = RATIONAL[0][i][j], cq = RATIONAL[1][i][j];
                p += ua * (cp[0] + b * (cp[1] + b * (cp[2] + b * cp[3])));
                q += ua * (cq[0] + b * (cq[1] + b * (cq[2] + b * cq[3])));
            }
        }
        double approx = x * (SpecialFunctions.digamma(total) - SpecialFunctions.digamma(alpha)) / beta;
        return p / q * approx;
    }

    /** The alpha-gradient for x near 0 (a Taylor series in x). */
    private static double betaGradAlphaSmall(double x, double alpha, double beta) {
        double factor = SpecialFunctions.digamma(alpha) - SpecialFunctions.digamma(alpha + beta) - Math.log(x);
        double numer = 1, series = numer / alpha * (factor + 1 / alpha);
        for (int i = 1; i <= 10; i++) {
            numer *= (i - beta) * x / i;
            double denom = alpha + i;
            series += numer / denom * (factor + 1 / denom);
        }
        double result = x * Math.pow(1 - x, -beta) * series;
        return Double.isNaN(result) ? 0 : result;
    }

    /** The beta-gradient for x near 0 (a Taylor series in x). */
    private static double betaGradBetaSmall(double x, double alpha, double beta) {
        double factor = SpecialFunctions.digamma(alpha + beta) - SpecialFunctions.digamma(beta);
        double numer = 1, betas = 1, dbetas = 0, series = factor / alpha;
        for (int i = 1; i <= 8; i++) {
            numer *= -x / i;
            dbetas = dbetas * (beta - i) + betas;
            betas = betas * (beta - i);
            series += numer / (alpha + i) * (dbetas + factor * betas);
        }
        double result = -Math.pow(1 - x, 1 - beta) * series;
        return Double.isNaN(result) ? 0 : result;
    }

    /** The alpha-gradient when alpha and beta are both large (a Rice saddle-point expansion). */
    private static double betaGradAlphaMid(double x, double alpha, double beta) {
        double total = alpha + beta, mean = alpha / total, std = Math.sqrt(alpha * beta / (total + 1)) / total;
        if (mean - 0.1 * std <= x && x <= mean + 0.1 * std) {
            double poly = 47 * x * (beta * beta) * (beta * beta) + alpha * (
                    (43 + 20 * (16 + 27 * beta) * x) * (beta * beta) * beta + alpha * (
                    3 * (59 + 180 * beta - 90 * x) * (beta * beta) + alpha * (
                    (453 + 1620 * beta * (1 - x) - 455 * x) * beta + alpha * (
                    8 * (1 - x) * (135 * beta - 11)))));
            double prefactorNum = (1 + 12 * alpha) * (1 + 12 * beta) / (total * total);
            double prefactorDen = 12960 * alpha * alpha * alpha * beta * beta * (1 + 12 * total);
            return prefactorNum / (1 - x) * poly / prefactorDen;
        }
        double prefactor = -x / Math.sqrt(2 * alpha * beta / total);
        double stirling = (1 + 1 / (12 * alpha) + 1 / (288 * alpha * alpha)) * (1 + 1 / (12 * beta) + 1 / (288 * beta * beta))
                / (1 + 1 / (12 * total) + 1 / (288 * total * total));
        double term1Num = 2 * (alpha * alpha) * (x - 1) + alpha * beta * (x - 1) - x * (beta * beta);
        double axbx = alpha * (x - 1) + beta * x;
        double term1Den = Math.sqrt(2 * alpha / beta) * Math.pow(total, 1.5) * axbx * axbx;
        double term1 = term1Num / term1Den;
        double term2 = 0.5 * Math.log(alpha / (total * x));
        double term3 = Math.sqrt(8 * alpha * beta / total) / (beta * x + alpha * (x - 1));
        double term4Base = beta * Math.log(beta / (total * (1 - x))) + alpha * Math.log(alpha / (total * x));
        double term4 = Math.pow(term4Base, -1.5);
        double term1234 = term1 + term2 * (term3 + (x < mean ? term4 : -term4));
        return stirling * prefactor * term1234;
    }

    private static final double[][][][] RATIONAL = {
        {{{1.003668233, -0.01061107488, -0.0657888334, 0.01201642863},
          {0.6336835991, -0.3557432599, 0.05486251648, -0.001465281033},
          {-0.03276231906, 0.004474107445, 0.002429354597, -0.0001557569013}},
         {{0.221950385, -0.3187676331, 0.01799915743, 0.01074823814},
          {-0.2951249643, 0.06219954479, 0.01535556598, 0.001550077057},
          {0.02155310298, 0.004170831599, 0.001292462449, 6.976601077e-05}},
         {{-0.05980841433, 0.008441916499, 0.01085618172, 0.002319392565},
          {0.02911413504, 0.01400243777, -0.002721828457, 0.000751041181},
          {0.005900514878, -0.001936558688, -9.495446725e-06, 5.385558597e-05}}},
        {{{1, -0.02924021934, -0.04438342661, 0.007285809825},
          {0.6357567472, -0.3473456711, 0.05454656494, -0.002407477521},
          {-0.03301322327, 0.004845219414, 0.00231480583, -0.0002307248149}},
         {{0.5925320577, -0.1757678135, 0.01505928619, 0.000564515273},
          {0.1014815858, -0.06589186703, 0.01272886114, -0.0007316646956},
          {-0.007258481865, 0.001096195486, 0.0003934994223, -4.12701925e-05}},
         {{0.06469649321, -0.0236701437, 0.002902096474, -5.896963079e-05},
          {0.001925008108, -0.002869809258, 0.0008000589141, -6.063713228e-05},
          {-0.0003477407336, 6.959756487e-05, 1.097287507e-05, -1.650964693e-06}}},
    };
}
