package dev.jgrad.backend.cpu;

import dev.jgrad.backend.UnaryOp;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Error bounds of the float32 and float64 transcendental kernels against {@link Math}, on both of their
 * paths: the vector loop (contiguous rows of at least 64 elements) and the scalar loop (short or strided
 * rows). Each op sees random values over several ranges plus the edge cases that break approximations:
 * signed zeros, subnormals, tiny and huge arguments (sin/cos of 1e30 need exact range reduction), NaN,
 * infinities, log near 0 and 1, exp near its overflow and underflow thresholds.
 *
 * <p>The error is in units in the last place of the true result's binade, against Math's result in double
 * (for float32 that is the true value to within 2^-29 ulp). Special values must come out exactly:
 * NaN for NaN, the right infinity, zeros with their sign. The bounds asserted are the measured ones:
 * <ul>
 *   <li>float32 exp, log, sin, cos, tanh: 1 ulp on both paths. The scalar path rounds Math's double
 *       result once (0.5 ulp). The vector path of exp, log, tanh, sin and cos is {@code FloatVectorMath},
 *       which evaluates them in double to about 1e-15 and rounds once (0.5 ulp measured, as Math's; sin and
 *       cos of 2^19 and more go through Math). (The Vector API's own EXP/LOG/... operators are not used: they are SVML once
 *       C2 compiles a loop and Math before, so their last bit changed as the JVM warmed up.)</li>
 *   <li>float32 sigmoid: 3 ulp (2.48 measured over all inputs). It is PyTorch's formula
 *       {@code 1 / (1 + exp(-x))} in float, kept so that results follow PyTorch's; the rounding of
 *       {@code 1 + exp(-x)} and of the division adds to exp's error where the result is small, and below
 *       x = -88.72, where exp(-x) overflows, the result is 0 (PyTorch's too) although the true value
 *       is a subnormal;</li>
 *   <li>float64 exp, log, sin, cos, tanh: 1 ulp from Math on both paths. The vector path is
 *       {@code DoubleVectorMath} (about 0.6 ulp from the true value; it and Math, each within about half
 *       an ulp, differ by one ulp on up to 1% of inputs); the scalar path is Math itself. float64
 *       sigmoid: 4 ulp (2.0 measured here) from Math's value of the same formula, for the same reason as in
 *       float32.</li>
 * </ul>
 * With {@code -Djgrad.fastpaths=false} both measurements take the scalar path.
 */
class TranscendentalAccuracyTest {
    private record Op(UnaryOp op, DoubleUnaryOperator ref, double floatBound, double doubleBound) {}

    private static final Op[] OPS = {
        new Op(UnaryOp.EXP, Math::exp, 1, 1),
        new Op(UnaryOp.LOG, Math::log, 1, 1),
        new Op(UnaryOp.SIN, Math::sin, 1, 1),
        new Op(UnaryOp.COS, Math::cos, 1, 1),
        new Op(UnaryOp.TANH, Math::tanh, 1, 1),
        new Op(UnaryOp.SIGMOID, x -> 1 / (1 + Math.exp(-x)), 3, 4),
    };

    /** Values per op and dtype; a multiple of every vector width, so the vector path takes them all. */
    private static final int N = 1 << 17;

    // ------------------------------------------------------------------------------------------ inputs

    /** Edge cases every op sees, with both signs. */
    private static final double[] EDGES = {
        0, Float.MIN_VALUE, 2 * Float.MIN_VALUE, 1e-40, Float.MIN_NORMAL, 1e-30, 1e-20, 1e-10, 1e-7, 1e-4,
        0.5, 1, 2, Math.PI / 4, Math.PI / 2, Math.PI, 2 * Math.PI, 10, 100, 1000, 1e4, 1e5, 1e6, 1e10, 1e20, 1e30,
        3e38, Float.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1e300, Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NaN,
        // exp: float overflow (88.72), normal underflow (-87.34), subnormal underflow (-103.97); double 709.78 / -745.13
        88.72283, 88.72284, 88.7, 87.33654, 87.33655, 103.97, 103.98, 104, 709.78, 709.79, 745.13, 745.14,
        // log near 1
        1 - 1e-7, 1 + 1e-7, 1 - 0x1p-24, 1 + 0x1p-23, 0.99, 1.01,
        // tanh and sigmoid saturation
        9, 9.01, 15, 17, 20, 44, 45,
    };

    /** n values for one op: the edge cases, then random values over ranges suited to the op. */
    private static double[] inputs(UnaryOp op, int n, long seed, boolean asFloat) {
        Random r = new Random(seed);
        double[] v = new double[n];
        int k = 0;
        for (double e : EDGES) {
            v[k++] = asFloat ? (float) e : e;
            v[k++] = asFloat ? (float) -e : -e;
        }
        while (k < n) {
            double x = switch (r.nextInt(6)) {
                case 0 -> r.nextDouble() * 2 - 1;
                case 1 -> r.nextDouble() * 20 - 10;
                case 2 -> r.nextDouble() * 200 - 100;
                // any magnitude: a random bit pattern of a finite value, either sign
                case 3 -> (r.nextBoolean() ? 1 : -1) * (asFloat ? Float.intBitsToFloat(r.nextInt(0x7f800000))
                        : Double.longBitsToDouble(r.nextLong(0x7ff0000000000000L)));
                case 4 -> switch (op) {  // the op's own hard region
                    case LOG -> 1 + (r.nextDouble() - 0.5) * 0.1;
                    case EXP -> (r.nextBoolean() ? 1 : -1) * (85 + r.nextDouble() * 20) * (asFloat ? 1 : 8);
                    case SIN, COS -> r.nextDouble() * 2e5 - 1e5;
                    default -> r.nextDouble() * 60 - 30;
                };
                default -> r.nextGaussian() * 3;
            };
            v[k++] = asFloat ? (float) x : x;
        }
        return v;
    }

    // ------------------------------------------------------------------------------------------ errors

    /**
     * |got - ref| in ulps of ref's binade, where rounded is ref rounded to the result type and ulpOf gives
     * that type's spacing; +inf when a special value is wrong (NaN, infinity, sign of zero).
     */
    static double ulpError(double got, double ref, double rounded, DoubleUnaryOperator ulpOf) {
        if (Double.isNaN(ref) || Double.isNaN(got)) return Double.isNaN(ref) && Double.isNaN(got) ? 0 : Double.POSITIVE_INFINITY;
        if (Double.isInfinite(rounded) || Double.isInfinite(got)) return got == rounded ? 0 : Double.POSITIVE_INFINITY;
        if (ref == 0) return got == 0 && Math.copySign(1, got) == Math.copySign(1, ref) ? 0 : Double.POSITIVE_INFINITY;
        // rounding up can cross into the next binade, whose ulp is twice ref's
        double mag = Math.abs(rounded) > Math.abs(ref) ? Math.nextDown(Math.abs(rounded)) : Math.abs(rounded);
        return Math.abs(got - ref) / ulpOf.applyAsDouble(mag);
    }

    /** PyTorch's sigmoid is exactly 0 where exp(-x) overflows; everywhere else the ulp bound holds. */
    private static boolean sigmoidFlushesToZero(Op op, double x, boolean asFloat) {
        if (op.op != UnaryOp.SIGMOID) return false;
        double e = Math.exp(-x);
        return Double.isInfinite(asFloat ? (float) e : e);
    }

    /** The worst error over all inputs and where it happened. */
    private record Worst(double ulps, double x, double got, double ref) {
        static final Worst NONE = new Worst(0, 0, 0, 0);

        Worst max(double e, double x, double got, double ref) {
            return e > ulps || Double.isNaN(e) ? new Worst(e, x, got, ref) : this;
        }

        @Override
        public String toString() {
            return String.format("%.3f ulp at x=%s (got %s, Math %s)", ulps, x, got, ref);
        }
    }

    private static Worst worst(Op op, double[] x, double[] got, boolean asFloat) {
        Worst w = Worst.NONE;
        for (int i = 0; i < x.length; i++) {
            double ref = op.ref.applyAsDouble(x[i]);
            double e;
            if (sigmoidFlushesToZero(op, x[i], asFloat)) {
                e = got[i] == 0 && Math.copySign(1, got[i]) > 0 ? 0 : Double.POSITIVE_INFINITY;
            } else if (asFloat) {
                e = ulpError(got[i], ref, (float) ref, m -> Math.ulp((float) m));
            } else {
                e = ulpError(got[i], ref, ref, Math::ulp);
            }
            w = w.max(e, x[i], got[i], ref);
        }
        return w;
    }

    // ------------------------------------------------------------------------------------------ the paths

    /** One kernel call on a row of values: contiguous (the vector path) or read with stride 2 (scalar). */
    private interface Path {
        double[] run(UnaryOp op, double[] x, boolean contiguous);
    }

    private static final Path FLOAT32 = (op, x, contiguous) -> {
        int stride = contiguous ? 1 : 2;
        float[] in = new float[x.length * stride], out = new float[x.length];
        for (int i = 0; i < x.length; i++) in[i * stride] = (float) x[i];
        FloatUnaryKernels.row(op, in, 0, stride, out, 0, 1, x.length);
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) r[i] = out[i];
        return r;
    };

    private static final Path FLOAT64 = (op, x, contiguous) -> {
        int stride = contiguous ? 1 : 2;
        double[] in = new double[x.length * stride], out = new double[x.length];
        for (int i = 0; i < x.length; i++) in[i * stride] = x[i];
        DoubleUnaryKernels.row(op, in, 0, stride, out, 0, 1, x.length);
        return out;
    };

    /**
     * Runs the vector path a few thousand times first, so that C2 has compiled it when it is measured
     * (its results do not depend on that: DeterminismTest).
     */
    private static void warmUp(Path path, UnaryOp op, double[] x) {
        double[] sample = Arrays.copyOf(x, 1024);
        for (int i = 0; i < 3000; i++) path.run(op, sample, true);
    }

    private static void checkAll(String dtype, Path path, boolean asFloat, long seed) {
        List<String> failures = new ArrayList<>();
        for (Op op : OPS) {
            double[] x = inputs(op.op, N, seed + op.op.ordinal(), asFloat);
            double bound = asFloat ? op.floatBound : op.doubleBound;
            warmUp(path, op.op, x);
            String vectorPath = KernelConfig.FAST_PATHS ? "vector path" : "vector path (off: scalar)";
            for (boolean contiguous : new boolean[] {true, false}) {
                Worst w = worst(op, x, path.run(op.op, x, contiguous), asFloat);
                String line = dtype + " " + op.op + " " + (contiguous ? vectorPath : "scalar path") + ": " + w;
                System.out.println("[transcendentals] " + line);
                if (!(w.ulps <= bound)) failures.add(line + " > " + bound + " ulp");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void float32WithinBounds() {
        checkAll("float32", FLOAT32, true, 0);
    }

    @Test
    void float64WithinBounds() {
        checkAll("float64", FLOAT64, false, 100);
    }
}
