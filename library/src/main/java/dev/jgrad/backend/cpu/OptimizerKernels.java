package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.backend.AdadeltaStep;
import dev.jgrad.backend.AdamStep;
import dev.jgrad.backend.SgdStep;
import dev.jgrad.backend.View;

/**
 * The optimizers' fused updates: one pass per parameter that reads each element of the parameter, its gradient and
 * its state once, writes them back once, and allocates nothing. Each element goes through exactly the roundings of
 * the op-by-op update (mul_, add_ with alpha as one fused multiply-add, addcmul_, sqrt, div, add_, addcdiv_), so
 * the fused and the op-by-op optimizers give the same bits; every element is independent, so neither the thread
 * count nor the vector width changes a result.
 */
final class OptimizerKernels {
    private OptimizerKernels() {}

    static void adam(AdamStep s, View p, View g, View m, View v, View mx) {
        int n = p.numel();
        if (p.dtype() == DType.FLOAT32) {
            float[] pd = floats(p), gd = floats(g), md = floats(m), vd = floats(v), xd = mx == null ? null : floats(mx);
            int po = p.offset(), go = g.offset(), mo = m.offset(), vo = v.offset(), xo = mx == null ? 0 : mx.offset();
            Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN, (from, to) ->
                    adamFloat(s, pd, po + from, gd, go + from, md, mo + from, vd, vo + from, xd, xo + from, to - from));
        } else {
            double[] pd = doubles(p), gd = doubles(g), md = doubles(m), vd = doubles(v), xd = mx == null ? null : doubles(mx);
            int po = p.offset(), go = g.offset(), mo = m.offset(), vo = v.offset(), xo = mx == null ? 0 : mx.offset();
            Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN, (from, to) ->
                    adamDouble(s, pd, po + from, gd, go + from, md, mo + from, vd, vo + from, xd, xo + from, to - from));
        }
    }

    static void sgd(SgdStep s, View p, View g, View buf) {
        int n = p.numel();
        if (p.dtype() == DType.FLOAT32) {
            float[] pd = floats(p), gd = floats(g), bd = buf == null ? null : floats(buf);
            int po = p.offset(), go = g.offset(), bo = buf == null ? 0 : buf.offset();
            Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN, (from, to) ->
                    sgdFloat(s, pd, po + from, gd, go + from, bd, bo + from, to - from));
        } else {
            double[] pd = doubles(p), gd = doubles(g), bd = buf == null ? null : doubles(buf);
            int po = p.offset(), go = g.offset(), bo = buf == null ? 0 : buf.offset();
            Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN, (from, to) ->
                    sgdDouble(s, pd, po + from, gd, go + from, bd, bo + from, to - from));
        }
    }

    static void adadelta(AdadeltaStep s, View p, View g, View sq, View acc) {
        int n = p.numel();
        if (p.dtype() == DType.FLOAT32) {
            float[] pd = floats(p), gd = floats(g), sd = floats(sq), ad = floats(acc);
            int po = p.offset(), go = g.offset(), so = sq.offset(), ao = acc.offset();
            Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN, (from, to) ->
                    adadeltaFloat(s, pd, po + from, gd, go + from, sd, so + from, ad, ao + from, to - from));
        } else {
            double[] pd = doubles(p), gd = doubles(g), sd = doubles(sq), ad = doubles(acc);
            int po = p.offset(), go = g.offset(), so = sq.offset(), ao = acc.offset();
            Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN, (from, to) ->
                    adadeltaDouble(s, pd, po + from, gd, go + from, sd, so + from, ad, ao + from, to - from));
        }
    }

    private static float[] floats(View v) { return (float[]) ArrayStorage.data(v); }

    private static double[] doubles(View v) { return (double[]) ArrayStorage.data(v); }

    // the scalars as the op-by-op kernels see them: each Java double rounded to the tensor's dtype
    static void adamFloat(AdamStep s, float[] p, int po, float[] g, int go, float[] m, int mo, float[] v, int vo,
                          float[] mx, int xo, int n) {
        int i = KernelConfig.VECTOR ? OptimizerVector.adam(s, p, po, g, go, m, mo, v, vo, mx, xo, n) : 0;
        float b1 = (float) s.beta1(), oneMinusB1 = (float) (1 - s.beta1()), b2 = (float) s.beta2(), oneMinusB2 = (float) (1 - s.beta2());
        float wd = (float) s.weightDecay(), decay = (float) (1 - s.lr() * s.weightDecay());
        float bc2 = (float) s.biasCorrection2Sqrt(), eps = (float) s.eps(), negStep = (float) -s.stepSize();
        boolean decoupled = s.decoupled(), coupled = !decoupled && s.weightDecay() != 0;
        for (; i < n; i++) {
            float gi = s.maximize() ? -g[go + i] : g[go + i];
            float pi = p[po + i];
            if (decoupled) pi = pi * decay;
            else if (coupled) gi = Math.fma(pi, wd, gi);
            float mi = Math.fma(gi, oneMinusB1, m[mo + i] * b1);
            float vi = Math.fma(oneMinusB2 * gi, gi, v[vo + i] * b2);
            m[mo + i] = mi;
            v[vo + i] = vi;
            if (mx != null) vi = mx[xo + i] = FloatBinaryKernels.max(mx[xo + i], vi);
            float d = (float) Math.sqrt(vi) / bc2 + eps;
            p[po + i] = pi + negStep * mi / d;
        }
    }

    static void adamDouble(AdamStep s, double[] p, int po, double[] g, int go, double[] m, int mo, double[] v, int vo,
                           double[] mx, int xo, int n) {
        double b1 = s.beta1(), oneMinusB1 = 1 - s.beta1(), b2 = s.beta2(), oneMinusB2 = 1 - s.beta2();
        double wd = s.weightDecay(), decay = 1 - s.lr() * s.weightDecay();
        double bc2 = s.biasCorrection2Sqrt(), eps = s.eps(), negStep = -s.stepSize();
        boolean decoupled = s.decoupled(), coupled = !decoupled && s.weightDecay() != 0;
        for (int i = 0; i < n; i++) {
            double gi = s.maximize() ? -g[go + i] : g[go + i];
            double pi = p[po + i];
            if (decoupled) pi = pi * decay;
            else if (coupled) gi = Math.fma(pi, wd, gi);
            double mi = Math.fma(gi, oneMinusB1, m[mo + i] * b1);
            double vi = Math.fma(oneMinusB2 * gi, gi, v[vo + i] * b2);
            m[mo + i] = mi;
            v[vo + i] = vi;
            if (mx != null) vi = mx[xo + i] = DoubleBinaryKernels.max(mx[xo + i], vi);
            double d = Math.sqrt(vi) / bc2 + eps;
            p[po + i] = pi + negStep * mi / d;
        }
    }

    static void sgdFloat(SgdStep s, float[] p, int po, float[] g, int go, float[] buf, int bo, int n) {
        float wd = (float) s.weightDecay(), momentum = (float) s.momentum(), oneMinusDampening = (float) (1 - s.dampening());
        float negLr = (float) -s.lr();
        boolean decay = s.weightDecay() != 0, first = s.firstStep(), nesterov = s.nesterov();
        for (int i = 0; i < n; i++) {
            float d = s.maximize() ? -g[go + i] : g[go + i];
            float pi = p[po + i];
            if (decay) d = Math.fma(pi, wd, d);
            if (buf != null) {
                float b = first ? d : Math.fma(d, oneMinusDampening, buf[bo + i] * momentum);
                buf[bo + i] = b;
                d = nesterov ? Math.fma(b, momentum, d) : b;
            }
            p[po + i] = Math.fma(d, negLr, pi);
        }
    }

    static void sgdDouble(SgdStep s, double[] p, int po, double[] g, int go, double[] buf, int bo, int n) {
        double wd = s.weightDecay(), momentum = s.momentum(), oneMinusDampening = 1 - s.dampening(), negLr = -s.lr();
        boolean decay = s.weightDecay() != 0, first = s.firstStep(), nesterov = s.nesterov();
        for (int i = 0; i < n; i++) {
            double d = s.maximize() ? -g[go + i] : g[go + i];
            double pi = p[po + i];
            if (decay) d = Math.fma(pi, wd, d);
            if (buf != null) {
                double b = first ? d : Math.fma(d, oneMinusDampening, buf[bo + i] * momentum);
                buf[bo + i] = b;
                d = nesterov ? Math.fma(b, momentum, d) : b;
            }
            p[po + i] = Math.fma(d, negLr, pi);
        }
    }

    static void adadeltaFloat(AdadeltaStep s, float[] p, int po, float[] g, int go, float[] sq, int so, float[] acc, int ao, int n) {
        int i = KernelConfig.VECTOR ? OptimizerVector.adadelta(s, p, po, g, go, sq, so, acc, ao, n) : 0;
        float rho = (float) s.rho(), oneMinusRho = (float) (1 - s.rho()), eps = (float) s.eps();
        float wd = (float) s.weightDecay(), negLr = (float) -s.lr();
        boolean decay = s.weightDecay() != 0, maximize = s.maximize();
        for (; i < n; i++) {
            float gi = maximize ? -g[go + i] : g[go + i];
            float pi = p[po + i];
            if (decay) gi = Math.fma(pi, wd, gi);
            float si = Math.fma(oneMinusRho * gi, gi, sq[so + i] * rho);
            sq[so + i] = si;
            float std = (float) Math.sqrt(si + eps);
            float ai = acc[ao + i];
            float delta = (float) Math.sqrt(ai + eps) / std * gi;
            acc[ao + i] = Math.fma(oneMinusRho * delta, delta, ai * rho);
            p[po + i] = Math.fma(delta, negLr, pi);
        }
    }

    static void adadeltaDouble(AdadeltaStep s, double[] p, int po, double[] g, int go, double[] sq, int so, double[] acc, int ao, int n) {
        double rho = s.rho(), oneMinusRho = 1 - s.rho(), eps = s.eps(), wd = s.weightDecay(), negLr = -s.lr();
        boolean decay = s.weightDecay() != 0, maximize = s.maximize();
        for (int i = 0; i < n; i++) {
            double gi = maximize ? -g[go + i] : g[go + i];
            double pi = p[po + i];
            if (decay) gi = Math.fma(pi, wd, gi);
            double si = Math.fma(oneMinusRho * gi, gi, sq[so + i] * rho);
            sq[so + i] = si;
            double std = Math.sqrt(si + eps);
            double ai = acc[ao + i];
            double delta = Math.sqrt(ai + eps) / std * gi;
            acc[ao + i] = Math.fma(oneMinusRho * delta, delta, ai * rho);
            p[po + i] = Math.fma(delta, negLr, pi);
        }
    }
}
