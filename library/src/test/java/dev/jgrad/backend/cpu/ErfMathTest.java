package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * float32 erf, gelu and gelu's backward ({@link ErfMath}, {@link FloatVectorMath}) against references computed
 * here in BigDecimal to many more digits than double holds (erf's Taylor series at a precision that covers its
 * cancellation), over dense inputs, both tails out to where the results underflow, +-0, +-inf and NaN: within
 * 1 ulp of the float64 reference everywhere, and the vector lanes bit for bit equal to the scalar code.
 */
class ErfMathTest {
    private static final MathContext MC = new MathContext(60);
    private static final BigDecimal PI = pi();
    private static final BigDecimal TWO_OVER_SQRT_PI = BigDecimal.valueOf(2).divide(PI.sqrt(MC), MC);

    /** pi by Machin's formula, 16 atan(1/5) - 4 atan(1/239), to 70 digits. */
    private static BigDecimal pi() {
        MathContext mc = new MathContext(70);
        return atanInverse(5, mc).multiply(BigDecimal.valueOf(16)).subtract(atanInverse(239, mc).multiply(BigDecimal.valueOf(4)), mc);
    }

    private static BigDecimal atanInverse(int n, MathContext mc) {
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(n), mc), x2 = x.multiply(x, mc), term = x, sum = x;
        for (int k = 1; term.abs().compareTo(BigDecimal.ONE.movePointLeft(75)) > 0; k++) {
            term = term.multiply(x2, mc).negate();
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * k + 1), mc), mc);
        }
        return sum;
    }

    /** erf(z) and erfc(z) by erf's Taylor series, with digits to spare over its cancellation at this z. */
    private static BigDecimal[] erfErfc(BigDecimal z) {
        double zz = z.doubleValue() * z.doubleValue();
        MathContext mc = new MathContext(40 + (int) Math.ceil(0.87 * zz));  // terms reach e^(z^2); erfc is e^(-z^2)
        BigDecimal z2 = z.multiply(z, mc), term = z, sum = z;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() - 5);
        for (int n = 1; ; n++) {
            term = term.multiply(z2, mc).divide(BigDecimal.valueOf(n), mc).negate();
            BigDecimal add = term.divide(BigDecimal.valueOf(2L * n + 1), mc);
            sum = sum.add(add, mc);
            if (add.abs().compareTo(eps) < 0 && n > zz) break;
        }
        BigDecimal twoOverSqrtPi = BigDecimal.valueOf(2).divide(PI.sqrt(mc), mc);
        BigDecimal erf = sum.multiply(twoOverSqrtPi, mc);
        return new BigDecimal[] {erf, BigDecimal.ONE.subtract(erf, mc)};
    }

    private static double refErf(float x) { return erfErfc(new BigDecimal(x))[0].doubleValue(); }

    /** Phi(x) = erfc(-x / sqrt 2) / 2 and phi(x) = e^(-x^2 / 2) / sqrt(2 pi), x exact. */
    private static BigDecimal[] phi(float x) {
        BigDecimal z = new BigDecimal(x).negate().divide(BigDecimal.valueOf(2).sqrt(MC), MC);
        BigDecimal cdf = erfErfc(z)[1].divide(BigDecimal.valueOf(2), MC);
        double pdf = Math.exp(-0.5 * (double) x * x) / Math.sqrt(2 * Math.PI);  // only needs double's accuracy next to cdf
        return new BigDecimal[] {cdf, new BigDecimal(pdf)};
    }

    private static double refGelu(float x) { return new BigDecimal(x).multiply(phi(x)[0], MC).doubleValue(); }

    private static double refGeluBackward(float g, float x) {
        BigDecimal[] p = phi(x);
        return new BigDecimal(g).multiply(p[0].add(new BigDecimal(x).multiply(p[1], MC), MC), MC).doubleValue();
    }

    /** Dense draws over [-range, range], with every sign, then steps across the pieces' joins. */
    private static float[] inputs(int n, double range, long seed) {
        Random r = new Random(seed);
        List<Float> v = new ArrayList<>();
        for (int i = 0; i < n; i++) v.add((float) ((r.nextDouble() * 2 - 1) * range));
        for (double edge : new double[] {1, Math.sqrt(2), 12, 12 * Math.sqrt(2)}) {
            float e = (float) edge;
            for (int k = -3; k <= 3; k++) {
                float f = e;
                for (int s = 0; s < Math.abs(k); s++) f = k < 0 ? Math.nextDown(f) : Math.nextUp(f);
                v.add(f);
                v.add(-f);
            }
        }
        for (float tiny : new float[] {1e-30f, Float.MIN_VALUE, Float.MIN_NORMAL, 1e-4f}) { v.add(tiny); v.add(-tiny); }
        float[] a = new float[v.size()];
        for (int i = 0; i < a.length; i++) a[i] = v.get(i);
        return a;
    }

    private static double ulps(float got, double ref) {
        return TranscendentalAccuracyTest.ulpError(got, ref, (float) ref, m -> Math.ulp((float) m));
    }

    private static String check(String what, float[] x, float[] got, double[] ref) {
        double worst = 0;
        int at = 0;
        for (int i = 0; i < x.length; i++) {
            double e = ulps(got[i], ref[i]);
            if (!(e <= worst)) { worst = e; at = i; }
        }
        String line = String.format("%s: worst %.3f ulp at x=%s (got %s, ref %s)", what, worst, x[at], got[at], ref[at]);
        System.out.println("[erf] " + line);
        return worst <= 1 ? null : line;
    }

    /** The values through FloatVectorMath's lanes: a whole number of vectors, padded with zeros. */
    private static float[] padded(float[] x) {
        int n = (x.length + FloatVectorMath.L - 1) / FloatVectorMath.L * FloatVectorMath.L;
        return java.util.Arrays.copyOf(x, n);
    }

    @Test
    void erfIsWithinOneUlpAndTheLanesMatchTheScalarCode() {
        float[] x = inputs(1500, 4.5, 1);
        float[] scalar = new float[x.length], lanes = new float[padded(x).length];
        double[] ref = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scalar[i] = (float) ErfMath.erf(x[i]);
            ref[i] = refErf(x[i]);
        }
        FloatVectorMath.erf(padded(x), 0, lanes, 0, lanes.length);
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Float.floatToRawIntBits(scalar[i]) != Float.floatToRawIntBits(lanes[i])) bad.add("erf lane differs at " + x[i]);
        }
        String e = check("erf", x, scalar, ref);
        if (e != null) bad.add(e);
        // the op: a contiguous tensor takes the vector loop, a strided view the scalar one
        float[] viaTensor = Torch.fromArray(x.clone(), x.length).erf().toFloatArray();
        float[] viaStrided = Torch.fromArray(x.clone(), x.length).unsqueeze(1).expand(x.length, 2).select(1, 0).erf().toFloatArray();
        assertTrue(java.util.Arrays.equals(viaTensor, scalar) && java.util.Arrays.equals(viaStrided, scalar), "erf paths differ");
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void geluAndItsBackwardAreWithinOneUlpAndTheLanesMatchTheScalarCode() {
        float[] x = inputs(1200, 9, 2);
        float[] g = new float[x.length];
        Random r = new Random(3);
        for (int i = 0; i < g.length; i++) g[i] = (float) r.nextGaussian();
        float[] tail = {-13.5f, -14f, -14.5f, -15f, -20f, 20f, 40f, -3e38f, 3e38f};
        float[] xs = java.util.Arrays.copyOf(x, x.length + tail.length), gs = java.util.Arrays.copyOf(g, x.length + tail.length);
        System.arraycopy(tail, 0, xs, x.length, tail.length);
        for (int i = x.length; i < gs.length; i++) gs[i] = 1;
        float[] fwd = new float[xs.length], bwd = new float[xs.length];
        double[] refF = new double[xs.length], refB = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            fwd[i] = ErfMath.gelu(xs[i]);
            bwd[i] = ErfMath.geluBackward(gs[i], xs[i]);
            boolean huge = Math.abs(xs[i]) > 1e30;
            refF[i] = huge ? (xs[i] > 0 ? xs[i] : -0.0) : refGelu(xs[i]);
            refB[i] = huge ? gs[i] * (xs[i] > 0 ? 1 : 0) : refGeluBackward(gs[i], xs[i]);
        }
        List<String> bad = new ArrayList<>();
        for (String e : new String[] {check("gelu", xs, fwd, refF), check("gelu backward", xs, bwd, refB)}) if (e != null) bad.add(e);
        float[] lanesF = new float[padded(xs).length], lanesB = new float[lanesF.length];
        FloatVectorMath.gelu(padded(xs), 0, lanesF, 0, lanesF.length);
        FloatVectorMath.geluBackward(padded(gs), 0, padded(xs), 0, lanesB, 0, lanesB.length);
        for (int i = 0; i < xs.length; i++) {
            if (Float.floatToRawIntBits(fwd[i]) != Float.floatToRawIntBits(lanesF[i])
                    || Float.floatToRawIntBits(bwd[i]) != Float.floatToRawIntBits(lanesB[i])) {
                bad.add("gelu lane differs at " + xs[i]);
            }
        }
        // the ops: F.gelu and autograd's GeluBackward0, on a length that leaves a scalar tail
        Tensor t = Torch.fromArray(xs.clone(), xs.length).requiresGrad_();
        Tensor y = F.gelu(t);
        y.backward(Torch.fromArray(gs.clone(), gs.length));
        assertTrue(java.util.Arrays.equals(y.detach().toFloatArray(), fwd), "F.gelu differs from ErfMath");
        assertTrue(java.util.Arrays.equals(t.grad().toFloatArray(), bwd), "gelu's backward differs from ErfMath");
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void specialValuesAreThoseOfPyTorch() {
        // PyTorch 1.13: erf(+-inf) = +-1, erf(-0) = -0, erf(NaN) = NaN; gelu(inf) = inf, gelu(-inf) = NaN,
        // gelu_backward(1, +-inf) = NaN (x phi(x) is inf * 0), gelu_backward(1, 0) = 0.5
        float[] x = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, Float.NaN};
        float[] erf = new float[x.length];
        for (int i = 0; i < x.length; i++) erf[i] = (float) ErfMath.erf(x[i]);
        assertEquals(1f, erf[0]);
        assertEquals(-1f, erf[1]);
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(erf[2]));
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(erf[3]));
        assertTrue(Float.isNaN(erf[4]));
        assertEquals(Float.POSITIVE_INFINITY, ErfMath.gelu(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(ErfMath.gelu(Float.NEGATIVE_INFINITY)));
        assertTrue(Float.isNaN(ErfMath.gelu(Float.NaN)));
        assertEquals(0f, ErfMath.gelu(0f));
        assertTrue(Float.isNaN(ErfMath.geluBackward(1, Float.POSITIVE_INFINITY)));
        assertTrue(Float.isNaN(ErfMath.geluBackward(1, Float.NEGATIVE_INFINITY)));
        assertTrue(Float.isNaN(ErfMath.geluBackward(1, Float.NaN)));
        assertEquals(0.5f, ErfMath.geluBackward(1, 0f));
        float[] lanes = new float[padded(x).length];
        FloatVectorMath.erf(padded(x), 0, lanes, 0, lanes.length);
        for (int i = 0; i < x.length; i++) assertEquals(Float.floatToRawIntBits(erf[i]), Float.floatToRawIntBits(lanes[i]), "erf lane at " + x[i]);
        // NaN results, whatever made them, carry Java's one NaN on every path
        float[] nanIn = padded(new float[] {Float.NaN, Float.intBitsToFloat(0xffc00001), Float.NEGATIVE_INFINITY});
        float[] gelu = new float[nanIn.length], back = new float[nanIn.length];
        FloatVectorMath.gelu(nanIn, 0, gelu, 0, nanIn.length);
        FloatVectorMath.geluBackward(nanIn, 0, nanIn, 0, back, 0, nanIn.length);
        FloatVectorMath.erf(nanIn, 0, lanes, 0, nanIn.length);
        for (int i = 0; i < 3; i++) {
            assertEquals(Float.floatToRawIntBits(Float.NaN), Float.floatToRawIntBits(back[i]));
            assertEquals(Float.floatToRawIntBits(Float.NaN), Float.floatToRawIntBits(ErfMath.geluBackward(nanIn[i], nanIn[i])));
            if (i < 2) {
                assertEquals(Float.floatToRawIntBits(Float.NaN), Float.floatToRawIntBits(lanes[i]));
                assertEquals(Float.floatToRawIntBits(Float.NaN), Float.floatToRawIntBits((float) ErfMath.erf(nanIn[i])));
            }
            assertEquals(Float.floatToRawIntBits(Float.NaN), Float.floatToRawIntBits(gelu[i]));
            assertEquals(Float.floatToRawIntBits(Float.NaN), Float.floatToRawIntBits(ErfMath.gelu(nanIn[i])));
        }
    }

    /** The check can fail: erf moved by 2 ulp is reported. */
    @Test
    void theUlpCheckCatchesAnError() {
        float[] x = {0.3f, 2f};
        float[] got = new float[x.length];
        double[] ref = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            ref[i] = refErf(x[i]);
            got[i] = Math.nextUp(Math.nextUp((float) ref[i]));
        }
        assertTrue(check("erf + 2 ulp", x, got, ref) != null);
        assertEquals(0.0, ulps((float) ErfMath.erf(0.5f), 0.5204998778130465), 1.0);  // erf(0.5), A&S table 7.1
    }
}
