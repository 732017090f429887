package dev.jgrad.distributions;

import dev.jgrad.DType;
import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.Function;
import dev.jgrad.internal.math.SpecialFunctions;

/**
 * The gamma sampler Gamma needs (_standard_gamma and its reparameterised gradient), elementwise in Java with
 * PyTorch's algorithms (ATen's Distributions.h) as an autograd Function; it draws through the public
 * Generator so its stream stays PyTorch's. 
 */
final class Special {
    private Special() {}

    /** torch._standard_gamma: Gamma(alpha, 1) draws from the default generator, differentiable in alpha. */
    static Tensor standardGamma(Tensor alpha) { return new StandardGamma().apply(alpha); }

    static final class StandardGamma extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) {
            Tensor alpha = in[0];
            double[] a = alpha.contiguous().toDoubleArray(), out = new double[a.length];
            boolean f32 = alpha.dtype() == DType.FLOAT32;
            Generator gen = Generator.defaultGenerator();
            synchronized (gen) {
                for (int i = 0; i < a.length; i++) out[i] = sampleGamma(a[i], f32, gen);
            }
            Tensor r = Torch.tensor(out, alpha.dtype()).reshape(alpha.shape());
            ctx.saveForBackward(alpha, r);
            return r;
        }

        /** grad * _standard_gamma_grad(alpha, sample). */
        @Override protected Tensor[] backward(Context ctx, Tensor... g) {
            Tensor alpha = ctx.savedTensors().get(0), x = ctx.savedTensors().get(1);
            double[] a = alpha.contiguous().toDoubleArray(), v = x.contiguous().toDoubleArray(), d = new double[a.length];
            for (int i = 0; i < a.length; i++) d[i] = standardGammaGrad(a[i], v[i]);
            return new Tensor[] {g[0].mul(Torch.tensor(d, alpha.dtype()).reshape(alpha.shape()))};
        }
    }

    // ------------------------------------------------------------------ scalar functions


    private static final double THIRD_F = 1.0f / 3.0f, C_F = 0.0331f;

    /**
     * One Gamma(alpha, 1) draw as PyTorch's sample_gamma on the CPU: Marsaglia and Tsang's method (alpha
     * boosted by one below 1), uniforms and per-element normals from the generator in PyTorch's order;
     * float32 alphas are updated in float as the kernel's scalar_t is.
     */
    static double sampleGamma(double alpha, boolean f32, Generator gen) {
        double scale = 1.0;
        double[] n = new double[1];
        if (alpha < 1.0) {
            if (alpha == 0) return 0;
            double inv = f32 ? (double) (1.0f / (float) alpha) : 1.0 / alpha;
            scale *= Math.pow(1 - gen.nextUniformDouble(), inv);
            alpha = f32 ? (double) ((float) alpha + 1.0f) : alpha + 1.0;
        }
        double d = f32 ? (double) ((float) alpha - (float) THIRD_F) : alpha - THIRD_F;
        double c = 1.0 / Math.sqrt(9.0 * d);
        double sample;
        for (;;) {
            double x, y;
            do {
                gen.normal(n, 0, 1, 0.0, 1.0);
                x = n[0];
                y = 1.0 + c * x;
            } while (y <= 0);
            double v = y * y * y, u = 1 - gen.nextUniformDouble(), xx = x * x;
            if (u < 1.0 - C_F * xx * xx || Math.log(u) < 0.5 * xx + d * (1.0 - v + Math.log(v))) {
                sample = scale * d * v;
                break;
            }
        }
        return f32 ? Math.max(Float.MIN_NORMAL, (float) sample) : Math.max(Double.MIN_NORMAL, sample);
    }

    /** PyTorch's standard_gamma_grad_one: d sample / d alpha by a Taylor series, a saddle-point expansion or a rational fit. */
    static double standardGammaGrad(double alpha, double x) {
        if (x < 0.8f) {
            double numer = 1, denom = alpha, series1 = numer / denom, series2 = numer / (denom * denom);
            for (int i = 1; i <= 5; i++) {
                numer *= -x / i;
                denom += 1;
                series1 += numer / denom;
                series2 += numer / (denom * denom);
            }
            double powXAlpha = Math.pow(x, alpha), pdf = Math.pow(x, alpha - 1) * Math.exp(-x), cdf = powXAlpha * series1;
            double cdfAlpha = (Math.log(x) - SpecialFunctions.digamma(alpha)) * cdf - powXAlpha * series2;
            double result = -cdfAlpha / pdf;
            return Double.isNaN(result) ? 0 : result;
        }
        if (alpha > 8.0) {
            if (0.9f * alpha <= x && x <= 1.1f * alpha) {
                double numer1 = 1 + 24 * alpha * (1 + 12 * alpha);
                double numer2 = 1440 * (alpha * alpha) + 6 * x * (53 - 120 * x) - 65 * x * x / alpha + alpha * (107 + 3600 * x);
                double denom = 1244160 * (alpha * alpha) * (alpha * alpha);
                return numer1 * numer2 / denom;
            }
            double denom = Math.sqrt(8 * alpha), term2 = denom / (alpha - x);
            double term3 = Math.pow(x - alpha - alpha * Math.log(x / alpha), -1.5);
            double term23 = x < alpha ? term2 - term3 : term2 + term3;
            double term1 = Math.log(x / alpha) * term23 - Math.sqrt(2 / alpha) * (alpha + x) / ((alpha - x) * (alpha - x));
            double stirling = 1 + 1 / (12 * alpha) * (1 + 1 / (24 * alpha));
            return -stirling * (x * term1) / denom;
        }
        double u = Math.log(x / alpha), v = Math.log(alpha);
        double[] cv = new double[8];
        for (int i = 0; i < 8; i++) cv[i] = COEF_UV[0][i] + u * (COEF_UV[1][i] + u * COEF_UV[2][i]);
        double p = cv[0] + v * (cv[1] + v * (cv[2] + v * cv[3])), q = cv[4] + v * (cv[5] + v * (cv[6] + v * cv[7]));
        return Math.exp(p / q);
    }

    private static final double[][] COEF_UV = {
        {0.16009398, -0.094634809, 0.025146376, -0.0030648343, 1, 0.32668115, 0.10406089, 0.0014179084},
        {0.53487893, 0.1298071, 0.065735949, -0.0015649758, 0.16639465, 0.020070113, -0.0035938915, -0.00058392623},
        {0.040121004, -0.0065914022, -0.0026286047, -0.0013441777, 0.017050642, -0.0021309326, 0.00085092367, -1.5247877e-07},
    };
}
