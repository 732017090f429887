package dev.jgrad.optim;

import static dev.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Adam, AdamW, SGD and Adadelta update each parameter in one fused pass; these tests hold that pass to the op-by-op update it
 * replaces (mul_, add_, addcmul_, sqrt, div, add_, addcdiv_: the arithmetic OptimFixtureTest compares with PyTorch),
 * written out below with tensor ops, bit for bit, over several steps: odd lengths (vector tails), a length split
 * across threads, float64, every option, and gradients holding 0, -0, NaN, infinities, subnormals and huge values.
 */
class FusedUpdateTest {
    private static final int[] LENGTHS = {1, 7, 33, 1000, 140_003};

    /** Values that stress the roundings: the specials, then normal-sized random numbers. */
    private static Tensor values(Random rnd, int n, DType dtype, boolean specials) {
        double[] v = new double[n];
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-40, -3e-39, 3e38, 1e-8};
        for (int i = 0; i < n; i++) v[i] = specials && i < special.length ? special[i] : rnd.nextGaussian() * Math.exp(rnd.nextGaussian());
        return fromArray(v, n).to(dtype);
    }

    /** PyTorch 1.13's single-tensor Adam step as ops, the update jgrad's Adam ran before it was fused. */
    private static void adamByOps(Tensor p, Tensor g0, Tensor m, Tensor v, Tensor vmax, int step, double lr, double b1, double b2,
                                  double eps, double wd, boolean decoupled, boolean maximize) {
        try (var guard = noGrad()) {
            Tensor g = maximize ? g0.neg() : g0;
            if (decoupled) p.mul_(1 - lr * wd);
            else if (wd != 0) g = g.add(p, wd);
            m.mul_(b1).add_(g, 1 - b1);
            v.mul_(b2).addcmul_(g, g, 1 - b2);
            double stepSize = lr / (1 - Math.pow(b1, step));
            double bc2Sqrt = Math.sqrt(1 - Math.pow(b2, step));
            Tensor second = v;
            if (vmax != null) {
                vmax.copy_(vmax.maximum(v));
                second = vmax;
            }
            p.addcdiv_(m, second.sqrt().div(bc2Sqrt).add_(eps), -stepSize);
        }
    }

    /** PyTorch 1.13's single-tensor SGD step as ops; returns the momentum buffer (made on the first step). */
    private static Tensor sgdByOps(Tensor p, Tensor g0, Tensor buf, double lr, double momentum, double dampening, double wd,
                                   boolean nesterov, boolean maximize) {
        try (var guard = noGrad()) {
            Tensor d = maximize ? g0.neg() : g0;
            if (wd != 0) d = d.add(p, wd);
            if (momentum != 0) {
                if (buf == null) buf = d.clone();
                else buf.mul_(momentum).add_(d, 1 - dampening);
                d = nesterov ? d.add(buf, momentum) : buf;
            }
            p.add_(d, -lr);
            return buf;
        }
    }

    private static void assertSameBits(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what);
        double[] e = expected.toDoubleArray(), a = actual.toDoubleArray();
        assertEquals(e.length, a.length, what);
        for (int i = 0; i < e.length; i++) {
            // NaN payloads aside (Double.doubleToLongBits folds them), every bit: signed zeros, infinities, last places
            if (Double.doubleToLongBits(e[i]) != Double.doubleToLongBits(a[i])) {
                fail(what + ": element " + i + " is " + a[i] + ", the op-by-op update gives " + e[i]);
            }
        }
    }

    @Test
    void adamAndAdamWMatchTheOpByOpUpdateBitForBit() {
        Random rnd = new Random(16);
        int cases = 0;
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int n : LENGTHS) {
                for (int variant = 0; variant < 6; variant++) {
                    boolean decoupled = variant % 2 == 1, amsgrad = variant >= 2, maximize = variant >= 4;
                    double lr = 1e-3 * (1 + variant), b1 = 0.9 - 0.05 * variant, b2 = 0.999, eps = variant == 3 ? 1e-6 : 1e-8;
                    double wd = variant == 0 ? 0 : 0.01 * variant;
                    boolean specials = n >= 33;  // NaN spreads through p, so keep a few lengths NaN-free
                    Tensor p = values(rnd, n, dtype, false).requiresGrad_();
                    Tensor ref = p.detach().clone();
                    Tensor m = zerosLike(ref), v = zerosLike(ref), vmax = amsgrad ? zerosLike(ref) : null;
                    Adam opt = decoupled ? new AdamW(List.of(p), lr, b1, b2, eps, wd, amsgrad)
                            : new Adam(List.of(p), lr, b1, b2, eps, wd, amsgrad);
                    if (maximize) opt.paramGroups().get(0).options().put("maximize", true);
                    for (int step = 1; step <= 4; step++) {
                        Tensor g = values(rnd, n, dtype, specials && step == 2);
                        p.setGrad(g);
                        opt.step();
                        adamByOps(ref, g, m, v, vmax, step, lr, b1, b2, eps, wd, decoupled, maximize);
                        String what = (decoupled ? "AdamW" : "Adam") + " " + dtype + " n=" + n + " variant " + variant + " step " + step;
                        assertSameBits(ref, p.detach(), what + " param");
                        Map<String, Object> s = opt.state.get(p);
                        assertSameBits(m, (Tensor) s.get("exp_avg"), what + " exp_avg");
                        assertSameBits(v, (Tensor) s.get("exp_avg_sq"), what + " exp_avg_sq");
                        if (amsgrad) assertSameBits(vmax, (Tensor) s.get("max_exp_avg_sq"), what + " max_exp_avg_sq");
                        cases++;
                    }
                }
            }
        }
        assertEquals(2 * LENGTHS.length * 6 * 4, cases);
    }

    @Test
    void sgdMatchesTheOpByOpUpdateBitForBit() {
        Random rnd = new Random(61);
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int n : LENGTHS) {
                double[][] options = {  // momentum, dampening, weight decay, nesterov, maximize
                    {0, 0, 0, 0, 0}, {0, 0, 0.01, 0, 1}, {0.9, 0, 0, 0, 0}, {0.9, 0.1, 0.001, 0, 0}, {0.9, 0, 0.01, 1, 0}, {0.5, 0, 0, 1, 1}};
                for (double[] o : options) {
                    double lr = 0.05;
                    boolean nesterov = o[3] == 1, maximize = o[4] == 1;
                    Tensor p = values(rnd, n, dtype, false).requiresGrad_();
                    Tensor ref = p.detach().clone();
                    SGD opt = new SGD(List.of(p), lr, o[0], o[1], o[2], nesterov, maximize);
                    Tensor buf = null;
                    for (int step = 1; step <= 3; step++) {
                        Tensor g = values(rnd, n, dtype, n >= 33 && step == 2);
                        p.setGrad(g);
                        opt.step();
                        buf = sgdByOps(ref, g, buf, lr, o[0], o[1], o[2], nesterov, maximize);
                        String what = "SGD " + dtype + " n=" + n + " options " + java.util.Arrays.toString(o) + " step " + step;
                        assertSameBits(ref, p.detach(), what + " param");
                        Object stored = opt.state.get(p).get("momentum_buffer");
                        if (o[0] == 0) assertNull(stored, what);
                        else assertSameBits(buf, (Tensor) stored, what + " momentum_buffer");
                    }
                }
            }
        }
    }

    /** PyTorch 1.13's single-tensor Adadelta step as ops, the update jgrad's Adadelta ran before it was fused. */
    private static void adadeltaByOps(Tensor p, Tensor g0, Tensor squareAvg, Tensor accDelta, double lr, double rho, double eps,
                                      double wd, boolean maximize) {
        try (var guard = noGrad()) {
            Tensor g = maximize ? g0.neg() : g0;
            if (wd != 0) g = g.add(p, wd);
            squareAvg.mul_(rho).addcmul_(g, g, 1 - rho);
            Tensor std = squareAvg.add(eps).sqrt_();
            Tensor delta = accDelta.add(eps).sqrt_().div_(std).mul_(g);
            accDelta.mul_(rho).addcmul_(delta, delta, 1 - rho);
            p.add_(delta, -lr);
        }
    }

    @Test
    void adadeltaMatchesTheOpByOpUpdateBitForBit() {
        Random rnd = new Random(92);
        double[][] options = {{1.0, 0.9, 1e-6, 0, 0}, {0.5, 0.95, 1e-4, 0.01, 0}, {2.0, 0.5, 1e-6, 0, 1}, {1.0, 0.9, 1e-8, 0.1, 1}};
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int n : LENGTHS) {
                for (double[] o : options) {  // lr, rho, eps, weight decay, maximize
                    boolean maximize = o[4] == 1;
                    Tensor p = values(rnd, n, dtype, false).requiresGrad_();
                    Tensor ref = p.detach().clone();
                    Tensor sq = zerosLike(ref), acc = zerosLike(ref);
                    Adadelta opt = new Adadelta(List.of(p), o[0], o[1], o[2], o[3]);
                    if (maximize) opt.paramGroups().get(0).options().put("maximize", true);
                    for (int step = 1; step <= 4; step++) {
                        Tensor g = values(rnd, n, dtype, n >= 33 && step == 2);
                        p.setGrad(g);
                        opt.step();
                        adadeltaByOps(ref, g, sq, acc, o[0], o[1], o[2], o[3], maximize);
                        String what = "Adadelta " + dtype + " n=" + n + " options " + java.util.Arrays.toString(o) + " step " + step;
                        assertSameBits(ref, p.detach(), what + " param");
                        Map<String, Object> s = opt.state.get(p);
                        assertSameBits(sq, (Tensor) s.get("square_avg"), what + " square_avg");
                        assertSameBits(acc, (Tensor) s.get("acc_delta"), what + " acc_delta");
                    }
                }
            }
        }
    }

    @Test
    void tensorsTheFusedPassDoesNotTakeStillGetTheSameUpdate() {
        // a transposed parameter (not contiguous), and a bfloat16 one: the op-by-op path, checked against the same ops
        Random rnd = new Random(7);
        List<Tensor> params = new ArrayList<>();
        params.add(values(rnd, 35, DType.FLOAT32, false).reshape(5, 7).t().detach().requiresGrad_());
        params.add(values(rnd, 35, DType.BFLOAT16, false).requiresGrad_());
        for (Tensor p : params) {
            Tensor ref = p.detach().clone();
            Tensor m = zerosLike(ref), v = zerosLike(ref);
            AdamW opt = new AdamW(List.of(p), 0.01);
            for (int step = 1; step <= 3; step++) {
                Tensor g = values(rnd, 35, p.dtype(), false).reshape(p.shape());
                p.setGrad(g);
                opt.step();
                adamByOps(ref, g, m, v, null, step, 0.01, 0.9, 0.999, 1e-8, 0.01, true, false);
                assertSameBits(ref, p.detach(), p.dtype() + " step " + step);
            }
        }
    }

    @Test
    void theFusedStepBumpsVersionsAsTheInPlaceOpsDo() {
        Tensor p = randn(10).requiresGrad_();
        Adam opt = new Adam(List.of(p));
        p.setGrad(randn(10));
        opt.step();
        Tensor m = (Tensor) opt.state.get(p).get("exp_avg");
        int pVersion = p.version(), mVersion = m.version();
        opt.step();
        assertTrue(p.version() > pVersion, "the parameter's version counter moves");
        assertTrue(m.version() > mVersion, "exp_avg's version counter moves");
    }
}
