package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kernel family at sizes around its thresholds (vector width, vector minimum, reduction block,
 * thread split), contiguous and strided, against a per-element double-precision reference.
 */
class KernelThresholdTest {
    private static final int G = Parallel.ELEMENTWISE_GRAIN;

    private static double[] values(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian() * 2;
        return v;
    }

    private static Tensor tensorOf(double[] v, DType dtype, boolean strided) {
        if (!strided) return Torch.tensor(v).to(dtype);
        double[] twice = new double[v.length * 2];
        for (int i = 0; i < v.length; i++) twice[2 * i] = v[i];
        return Torch.tensor(twice).to(dtype).slice(0, 0, twice.length, 2);
    }

    private static void assertClose(double expected, double actual, double rel, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        double tol = rel * Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tol, what + ": expected " + expected + ", got " + actual);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 63, 64, 65, 130, 4095, 4097, G - 1, G, G + 1, 2 * G + 3})
    void unaryOps(int n) {
        double[] v = values(n, n);
        Object[][] ops = {
            {"exp", (DoubleUnaryOperator) Math::exp}, {"sin", (DoubleUnaryOperator) Math::sin},
            {"cos", (DoubleUnaryOperator) Math::cos}, {"tanh", (DoubleUnaryOperator) Math::tanh},
            {"sigmoid", (DoubleUnaryOperator) x -> 1 / (1 + Math.exp(-x))}, {"relu", (DoubleUnaryOperator) x -> Math.max(x, 0)},
            {"abs", (DoubleUnaryOperator) Math::abs}, {"neg", (DoubleUnaryOperator) x -> -x},
            {"sqrt", (DoubleUnaryOperator) Math::sqrt}, {"log", (DoubleUnaryOperator) Math::log},
        };
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            double rel = dtype == DType.FLOAT32 ? 3e-7 : 1e-15;
            for (boolean strided : new boolean[] {false, true}) {
                Tensor t = tensorOf(v, dtype, strided);
                double[] in = t.toDoubleArray();  // the values after rounding to dtype
                for (Object[] op : ops) {
                    String name = (String) op[0];
                    Tensor r = switch (name) {
                        case "exp" -> t.exp(); case "sin" -> t.sin(); case "cos" -> t.cos(); case "tanh" -> t.tanh();
                        case "sigmoid" -> t.sigmoid(); case "relu" -> t.relu(); case "abs" -> t.abs(); case "neg" -> t.neg();
                        case "sqrt" -> t.sqrt(); default -> t.log();
                    };
                    double[] out = r.toDoubleArray();
                    assertEquals(n, out.length);
                    for (int i = 0; i < n; i++) {
                        assertClose(((DoubleUnaryOperator) op[1]).applyAsDouble(in[i]), out[i], rel * 2,
                                name + " " + dtype + " n=" + n + " strided=" + strided + " at " + i + " x=" + in[i]);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 63, 64, 65, 4097, G - 1, G, G + 1, 2 * G + 3})
    void binaryOps(int n) {
        double[] x = values(n, 2L * n + 1), y = values(n, 3L * n + 7);
        Object[][] ops = {
            {"add", (DoubleBinaryOperator) Double::sum}, {"sub", (DoubleBinaryOperator) (a, b) -> a - b},
            {"mul", (DoubleBinaryOperator) (a, b) -> a * b}, {"div", (DoubleBinaryOperator) (a, b) -> a / b},
            {"maximum", (DoubleBinaryOperator) Math::max}, {"add_alpha", (DoubleBinaryOperator) (a, b) -> a + 2.5 * b},
        };
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            double rel = dtype == DType.FLOAT32 ? 1.2e-7 : 2.3e-16;
            for (int layout = 0; layout < 3; layout++) {  // contiguous, strided, scalar right operand
                Tensor a = tensorOf(x, dtype, layout == 1);
                Tensor b = layout == 2 ? Torch.scalarTensor(1.75, dtype) : tensorOf(y, dtype, layout == 1);
                double[] av = a.toDoubleArray(), bv = b.expand(a.shape()).toDoubleArray();
                for (Object[] op : ops) {
                    String name = (String) op[0];
                    Tensor r = switch (name) {
                        case "add" -> a.add(b); case "sub" -> a.sub(b); case "mul" -> a.mul(b); case "div" -> a.div(b);
                        case "maximum" -> a.maximum(b); default -> a.add(b, 2.5);
                    };
                    double[] out = r.toDoubleArray();
                    for (int i = 0; i < n; i++) {
                        double want = ((DoubleBinaryOperator) op[1]).applyAsDouble(av[i], bv[i]);
                        assertClose(want, out[i], rel * 4, name + " " + dtype + " n=" + n + " layout=" + layout + " at " + i);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 33, 64, 4095, 4096, 4097, 2 * G - 1, 2 * G, 2 * G + 5, 5 * G + 3})
    void reductions(int n) {
        double[] v = values(n, 11L * n);
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor t = Torch.tensor(v).to(dtype);
            double[] in = t.toDoubleArray();
            double sum = 0, sq = 0, max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY, abs = 0;
            int argmax = 0;
            for (int i = 0; i < n; i++) {
                sum += in[i];
                sq += in[i] * in[i];
                abs += Math.abs(in[i]);
                if (in[i] > max) { max = in[i]; argmax = i; }
                min = Math.min(min, in[i]);
            }
            double rel = dtype == DType.FLOAT32 ? 1e-6 : 1e-13;
            // the error bound of a sum is relative to the sum of magnitudes, not to the (cancelling) result
            assertEquals(sum, t.sum().item(), rel * abs, "sum n=" + n);
            assertEquals(sum / n, t.mean().item(), rel * abs / n, "mean n=" + n);
            // the norm accumulates squares in the dtype, as PyTorch does: its error grows like n * eps
            assertClose(Math.sqrt(sq), t.norm().item(), dtype == DType.FLOAT32 ? 1e-5 : rel, "norm n=" + n);
            assertEquals(max, t.max().item(), "max n=" + n);
            assertEquals(min, t.min().item(), "min n=" + n);
            assertEquals(argmax, t.argmax().itemLong(), "argmax n=" + n);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 9, 64, 300})
    void reductionsAlongEveryDim(int n) {
        Tensor t = Torch.randn(DType.FLOAT64, 3, n, 5);
        double[] v = t.toDoubleArray();
        for (int dim = 0; dim < 3; dim++) {
            Tensor s = t.sum(dim);
            Tensor m = t.max(dim).values();
            Tensor arg = t.argmax(dim);
            int[] sizes = {3, n, 5};
            int[] outSizes = new int[2];
            for (int d = 0, j = 0; d < 3; d++) if (d != dim) outSizes[j++] = sizes[d];
            double[] sv = s.toDoubleArray(), mv = m.toDoubleArray();
            long[] av = arg.toLongArray();
            for (int o = 0; o < outSizes[0] * outSizes[1]; o++) {
                int p = o / outSizes[1], q = o % outSizes[1];
                double acc = 0, best = Double.NEGATIVE_INFINITY;
                int at = 0;
                for (int k = 0; k < sizes[dim]; k++) {
                    int[] idx = new int[3];
                    for (int d = 0, j = 0; d < 3; d++) idx[d] = d == dim ? k : (j++ == 0 ? p : q);
                    double x = v[(idx[0] * n + idx[1]) * 5 + idx[2]];
                    acc += x;
                    if (x > best) { best = x; at = k; }
                }
                assertEquals(acc, sv[o], 1e-12, "sum dim " + dim);
                assertEquals(best, mv[o], "max dim " + dim);
                assertEquals(at, av[o], "argmax dim " + dim);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 64, G + 17})
    void castsBetweenEveryDtypePair(int n) {
        double[] v = values(n, 5L * n);
        for (int i = 0; i < n; i++) v[i] = Math.round(v[i] * 4) / 4.0;  // values exact in every float type
        for (DType from : DType.values()) {
            Tensor t = Torch.tensor(v).to(DType.FLOAT64).to(from);
            double[] src = t.toDoubleArray();
            for (DType to : DType.values()) {
                double[] out = t.t().to(to).toDoubleArray();
                for (int i = 0; i < n; i++) {
                    double want = switch (to) {
                        case BOOL -> src[i] != 0 ? 1 : 0;
                        case INT64, INT32 -> (double) (long) src[i];
                        default -> src[i];
                    };
                    assertEquals(want, out[i], from + "->" + to + " at " + i);
                }
            }
        }
    }
}
