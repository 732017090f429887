package dev.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.function.Executable;

/**
 * The assertions of PyTorch's {@code TestCase} that the ported {@code test_autograd.py} tests use:
 * {@code assertEqual} on tensors compares shapes exactly, dtypes exactly, and values with PyTorch's default
 * tolerances for the dtype (torch.testing's table: float64 rtol 1e-7 / atol 1e-7, float32 1.3e-6 / 1e-5,
 * float16 1e-3 / 1e-5, bfloat16 1.6e-2 / 1e-5, integers and bool exactly), NaN equal to NaN.
 */
final class PyTorchAsserts {
    private PyTorchAsserts() {}

    /** PyTorch's default (rtol, atol) for a dtype. */
    static double[] tolerances(DType dt) {
        // by name: half types may not exist in every build of the enum
        return switch (dt.name()) {
            case "FLOAT64" -> new double[] {1e-7, 1e-7};
            case "FLOAT32" -> new double[] {1.3e-6, 1e-5};
            case "FLOAT16" -> new double[] {1e-3, 1e-5};
            case "BFLOAT16" -> new double[] {1.6e-2, 1e-5};
            default -> new double[] {0, 0};
        };
    }

    /** {@code self.assertEqual(actual, expected)} for tensors: same shape, same dtype, close values. */
    static void assertEqual(Tensor actual, Tensor expected) {
        assertNotNull(actual, "actual is None");
        assertNotNull(expected, "expected is None");
        assertEquals(expected.dtype(), actual.dtype(), "dtype");
        double[] tol = tolerances(actual.dtype());
        assertEqual(actual, expected, tol[0], tol[1]);
    }

    /** {@code self.assertEqual(actual, expected, rtol=rtol, atol=atol)}; dtypes may differ (exact_dtype=False). */
    static void assertEqual(Tensor actual, Tensor expected, double rtol, double atol) {
        assertNotNull(actual, "actual is None");
        assertNotNull(expected, "expected is None");
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        Tensor a, e;
        try (var g = Torch.noGrad()) {
            a = actual.detach().to(DType.FLOAT64).contiguous();
            e = expected.detach().to(DType.FLOAT64).contiguous();
        }
        double[] av = a.toDoubleArray(), ev = e.toDoubleArray();
        for (int i = 0; i < av.length; i++) {
            double x = av[i], y = ev[i];
            if (Double.isNaN(x) && Double.isNaN(y)) continue;
            if (x == y) continue;
            if (!(Math.abs(x - y) <= atol + rtol * Math.abs(y))) {
                fail("Tensor-likes are not close! element " + i + ": " + x + " vs expected " + y + " (rtol " + rtol + ", atol " + atol
                        + ")\nactual:   " + actual + "\nexpected: " + expected);
            }
        }
    }

    /** {@code self.assertEqual(tensor, number)}: every element equals the number (PyTorch compares a 0-dim tensor so). */
    static void assertEqual(Tensor actual, double expected) {
        assertNotNull(actual, "actual is None");
        double[] tol = tolerances(actual.dtype());
        double[] av;
        try (var g = Torch.noGrad()) {
            av = actual.detach().to(DType.FLOAT64).contiguous().toDoubleArray();
        }
        for (double x : av) {
            if (Double.isNaN(x) && Double.isNaN(expected)) continue;
            assertTrue(x == expected || Math.abs(x - expected) <= tol[1] + tol[0] * Math.abs(expected), x + " vs expected " + expected);
        }
    }

    /** assertEqual over two sequences of tensors (None entries must match). */
    static void assertEqual(List<Tensor> actual, List<Tensor> expected) {
        assertEquals(expected.size(), actual.size(), "length");
        for (int i = 0; i < actual.size(); i++) {
            if (expected.get(i) == null || actual.get(i) == null) assertEquals(expected.get(i), actual.get(i), "element " + i);
            else assertEqual(actual.get(i), expected.get(i));
        }
    }

    /** {@code self.assertRaisesRegex(Error, regex)}: the message must contain a match of regex (re.search). */
    static <T extends Throwable> T assertRaisesRegex(Class<T> type, String regex, Executable body) {
        T e = assertThrows(type, body);
        String m = String.valueOf(e.getMessage());
        assertTrue(Pattern.compile(regex, Pattern.DOTALL).matcher(m).find(), "message \"" + m + "\" does not match /" + regex + "/");
        return e;
    }

    /** assertRaisesRegex for any RuntimeException (PyTorch's RuntimeError/ValueError/TypeError all map to one). */
    static RuntimeException assertRaisesRegex(String regex, Executable body) {
        return assertRaisesRegex(RuntimeException.class, regex, body);
    }

    /** The regex for a literal text. */
    static String quote(String s) { return Pattern.quote(s); }
}
