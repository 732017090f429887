package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.testutil.FixtureTensors;
import dev.jgrad.testutil.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reading fixtures/nn.json (written by tools/fixtures/gen_nn.py from PyTorch 1.13) and comparing
 * tensors with what PyTorch computed. Comparisons count how many tensors matched bit for bit, so a
 * test can report it.
 */
public final class NnFixtures {
    private NnFixtures() {}

    private static Map<String, Object> doc;

    public static synchronized Map<String, Object> doc() {
        if (doc == null) doc = Json.asMap(Json.resource("fixtures/nn.json"));
        return doc;
    }

    public static Map<String, Object> section(String name) { return Json.asMap(doc().get(name)); }

    public static DType dtype(String name) { return FixtureTensors.dtype(name); }

    /** A tensor from a spec {"dtype", "shape", "values"}. */
    public static Tensor tensor(Object specObject) {
        Map<String, Object> spec = Json.asMap(specObject);
        DType dt = dtype((String) spec.get("dtype"));
        long[] shape = Json.asLongArray(spec.get("shape"));
        List<Object> values = Json.asList(spec.get("values"));
        int n = values.size();
        Tensor flat = switch (dt) {
            case INT64, INT32 -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) v[i] = Json.asLong(values.get(i));
                yield Torch.fromArray(v, n).to(dt);
            }
            case BOOL -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) v[i] = (Boolean) values.get(i);
                yield Torch.fromArray(v, n);
            }
            default -> Torch.fromArray(Json.asDoubleArray(spec.get("values")), n).to(dt);
        };
        return flat.reshape(shape).clone();
    }

    /** Tensors compared, and how many of them equalled PyTorch's bit for bit. */
    public static int compared, exact;

    /**
     * Checks shape, dtype and values: floats within atol + rtol * |expected| (NaN matches NaN, infinities
     * must be equal), everything else exactly. Returns a problem description, or null.
     */
    public static String mismatch(Object expectedSpec, Tensor actual, double rtol, double atol) {
        Tensor expected = tensor(expectedSpec);
        if (actual == null) return "no tensor";
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            return "shape " + Arrays.toString(actual.shape()) + ", expected " + Arrays.toString(expected.shape());
        }
        if (expected.dtype() != actual.dtype()) return "dtype " + actual.dtype() + ", expected " + expected.dtype();
        double[] e = expected.toDoubleArray(), a = actual.toDoubleArray();
        boolean bitExact = true;
        for (int i = 0; i < e.length; i++) {
            if (Double.doubleToLongBits(e[i]) != Double.doubleToLongBits(a[i])) bitExact = false;
            boolean ok = Double.isNaN(e[i]) ? Double.isNaN(a[i])
                    : Double.isInfinite(e[i]) ? e[i] == a[i] : Math.abs(a[i] - e[i]) <= atol + rtol * Math.abs(e[i]);
            if (!ok) return "element " + i + " is " + a[i] + ", expected " + e[i] + "\nactual:   " + actual + "\nexpected: " + expected;
        }
        synchronized (NnFixtures.class) {
            compared++;
            if (bitExact) exact++;
        }
        return null;
    }

    public static void assertTensor(Object expectedSpec, Tensor actual, double rtol, double atol, String what) {
        String m = mismatch(expectedSpec, actual, rtol, atol);
        if (m != null) fail(what + ": " + m);
    }

    /** Tolerances by dtype: float32 results come from differently ordered sums, float64 ones agree to ~1e-12. */
    public static void assertClose(Object expectedSpec, Tensor actual, String what) {
        boolean f64 = "float64".equals(Json.asMap(expectedSpec).get("dtype"));
        assertTensor(expectedSpec, actual, f64 ? 1e-10 : 2e-5, f64 ? 1e-12 : 2e-6, what);
    }

    public static void assertExact(Object expectedSpec, Tensor actual, String what) {
        assertTensor(expectedSpec, actual, 0, 0, what);
    }
}
