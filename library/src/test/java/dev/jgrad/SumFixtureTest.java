package dev.jgrad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.testutil.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * float32/float64 sum, mean and norm against real PyTorch 1.13 (fixtures/sums.json, written by
 * tools/fixtures/gen_sums.py), bit for bit.
 *
 * <p>PyTorch's CPU sum adds in an order set by the memory layout, the reduced dims and the thread count
 * (norms: by the layout and, for one output, the thread count), and its printed result depends on the
 * last bit (a float32 25 prints {@code tensor(25.)}, 24.999996 {@code tensor(25.0000)}), so every case
 * fixes all three: the input is rebuilt with the case's views
 * (transposes, permutes, strided slices) and summed with {@code Torch.setNumThreads(threads)}. Big inputs
 * are rebuilt from the case's recipe with jgrad's {@link Generator}, which reproduces torch's streams.
 */
class SumFixtureTest {
    private static final String FIXTURE = "fixtures/sums.json";

    private static List<Map<String, Object>> cases() {
        List<Object> raw = Json.asList(Json.resource(FIXTURE));
        List<Map<String, Object>> out = new ArrayList<>(raw.size());
        for (Object o : raw) out.add(Json.asMap(o));
        return out;
    }

    @Test
    void fixtureIsComplete() {
        List<Map<String, Object>> cases = cases();
        assertTrue(cases.size() >= 150, "fixture has only " + cases.size() + " cases");
        assertEquals(cases.size(), cases.stream().map(c -> c.get("name")).distinct().count(), "case names must be unique");
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return cases().stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> run(c)));
    }

    private static void run(Map<String, Object> c) {
        boolean f32 = c.get("dtype").equals("float32");
        Tensor x = input(c, f32);
        for (Object o : Json.asList(c.get("layout"))) x = view(x, Json.asList(o));
        int[] dims = c.get("dims") == null ? null : toInts(Json.asLongArray(c.get("dims")));
        boolean keepdim = (Boolean) c.get("keepdim");
        String op = (String) c.get("op");
        int saved = Torch.getNumThreads();
        Tensor r;
        try {
            Torch.setNumThreads((int) Json.asLong(c.get("threads")));
            r = switch (op) {
                case "sum" -> dims == null ? x.sum() : x.sum(dims, keepdim);
                case "mean" -> dims == null ? x.mean() : x.mean(dims, keepdim);
                case "norm" -> {
                    Object p = c.get("p");
                    if ("fro".equals(p)) yield x.norm();
                    double pd = Json.asDouble(p);
                    yield dims == null ? x.norm(pd) : x.norm(pd, dims[0], keepdim);
                }
                default -> throw new IllegalArgumentException("unknown op " + op);
            };
        } finally {
            Torch.setNumThreads(saved);
        }
        Map<String, Object> expect = Json.asMap(c.get("expect"));
        assertArrayEquals(Json.asLongArray(expect.get("shape")), r.shape(), "shape");
        assertEquals(f32 ? DType.FLOAT32 : DType.FLOAT64, r.dtype(), "dtype");
        List<Object> want = Json.asList(expect.get("values"));
        double[] got = r.toDoubleArray();
        assertEquals(want.size(), got.length, "number of values");
        for (int i = 0; i < got.length; i++) {
            double w = Json.asDouble(want.get(i));
            if (Double.doubleToLongBits(w) != Double.doubleToLongBits(got[i])) {
                fail("value " + i + ": PyTorch " + w + ", jgrad " + got[i] + (f32 ? " (float32 "
                        + Integer.toHexString(Float.floatToIntBits((float) w)) + " vs "
                        + Integer.toHexString(Float.floatToIntBits((float) got[i])) + ")" : ""));
            }
        }
        if (expect.containsKey("repr")) assertEquals(expect.get("repr"), r.toString(), "printed form");
    }

    /** The contiguous base tensor: written-out values, or rebuilt from the case's recipe. */
    private static Tensor input(Map<String, Object> c, boolean f32) {
        long[] shape = Json.asLongArray(c.get("shape"));
        int n = 1;
        for (long s : shape) n *= (int) s;
        double[] v = new double[n];
        if (c.containsKey("values")) {
            List<Object> vals = Json.asList(c.get("values"));
            for (int i = 0; i < n; i++) v[i] = Json.asDouble(vals.get(i));
        } else {
            Map<String, Object> gen = Json.asMap(c.get("gen"));
            if (gen.containsKey("fill")) {
                double fill = Json.asDouble(gen.get("fill"));
                java.util.Arrays.fill(v, f32 ? (float) fill : fill);
                List<Object> head = gen.containsKey("head") ? Json.asList(gen.get("head")) : List.of();
                for (int i = 0; i < head.size(); i++) v[i] = f32 ? (float) Json.asDouble(head.get(i)) : Json.asDouble(head.get(i));
            } else {
                // torch.manual_seed(seed); a = torch.randn(n); b = torch.rand(n); x = a * 2^scale + b * 2^tiny
                Generator g = new Generator(Json.asLong(gen.get("seed")));
                float[] a = new float[n];
                g.normal(a, 0, n, 0, 1);
                double scale = Math.scalb(1.0, (int) Json.asLong(gen.get("scale")));
                float[] b = null;
                double tiny = 0;
                if (gen.get("tiny") != null) {
                    b = new float[n];
                    g.uniform(b, 0, n, 0, 1);
                    tiny = Math.scalb(1.0, (int) Json.asLong(gen.get("tiny")));
                }
                for (int i = 0; i < n; i++) {
                    if (f32) {
                        float e = a[i] * (float) scale;
                        v[i] = b == null ? e : e + b[i] * (float) tiny;  // one float32 rounding, as torch
                    } else {
                        double e = a[i] * scale;
                        v[i] = b == null ? e : e + b[i] * tiny;
                    }
                }
            }
        }
        if (!f32) return Torch.fromArray(v, shape.length == 0 ? new long[] {1} : shape).reshape(shape);
        float[] fv = new float[n];
        for (int i = 0; i < n; i++) fv[i] = (float) v[i];
        return Torch.fromArray(fv, shape.length == 0 ? new long[] {1} : shape).reshape(shape);
    }

    private static Tensor view(Tensor x, List<Object> step) {
        return switch ((String) step.get(0)) {
            case "t" -> x.t();
            case "permute" -> x.permute(toInts(Json.asLongArray(step.get(1))));
            case "slice" -> x.slice((int) Json.asLong(step.get(1)), Json.asLong(step.get(2)), Json.asLong(step.get(3)),
                    Json.asLong(step.get(4)));
            default -> throw new IllegalArgumentException("unknown layout step " + step);
        };
    }

    private static int[] toInts(long[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) r[i] = (int) a[i];
        return r;
    }
}
