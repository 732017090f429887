package dev.jgrad.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.DType;
import dev.jgrad.Size;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.testutil.FixtureTensors;
import dev.jgrad.testutil.Json;
import dev.jgrad.testutil.TensorExpectations;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * dev.jgrad.distributions against what real PyTorch 1.13 computed (fixtures/distributions.json, written by
 * tools/fixtures/gen_distributions.py): seeded samples (the same draws as PyTorch's generator), logProb,
 * entropy, cdf/icdf, moments and KL divergences with their gradients to every parameter, batch/event
 * shapes, and the exact texts of PyTorch's argument-validation errors.
 *
 * <p>Each case names the factory ("Bernoulli.ofProbs", or "Normal.new" for a constructor) and the method,
 * and is run by reflection; a distribution argument (Independent's base) is made the same way, and its own
 * arguments' gradients are checked too. Gradients use the generator's upstream gradient: (k mod 7 - 3) / 4
 * for the k-th element of the result.
 */
class DistributionsFixtureTest {
    private static final String FIXTURE = "fixtures/distributions.json";

    private static List<Map<String, Object>> cases() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : Json.asList(Json.resource(FIXTURE))) out.add(Json.asMap(o));
        return out;
    }

    @Test
    void fixtureIsComplete() {
        List<Map<String, Object>> cases = cases();
        assertTrue(cases.size() >= 100, "fixture has only " + cases.size() + " cases");
        assertEquals(cases.size(), cases.stream().map(c -> c.get("name")).distinct().count(), "case names must be unique");
        for (Map<String, Object> c : cases) assertTrue(c.containsKey("expect") ^ c.containsKey("error"), "expect xor error: " + c.get("name"));
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return cases().stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> run(c)));
    }

    /** An argument with the Java type it stands for; a distribution argument keeps its own ctor arguments (for their gradients). */
    private record Arg(Class<?> type, Object value, List<Arg> nested) {
        Arg(Class<?> type, Object value) { this(type, value, null); }
    }

    private static void run(Map<String, Object> c) throws Exception {
        boolean grad = Boolean.TRUE.equals(c.get("grad"));
        if (c.containsKey("error")) {
            String type = (String) c.get("error_type");
            Class<? extends Exception> expected = type.equals("ValueError") ? IllegalArgumentException.class : UnsupportedOperationException.class;
            try {
                Object r = call(c, new ArrayList<>(), grad);
                fail("expected " + type + " \"" + c.get("error") + "\" but got " + r);
            } catch (Exception e) {
                if (!expected.isInstance(e)) throw e;
                assertEquals(c.get("error"), e.getMessage(), "message");
            }
            return;
        }
        List<List<Arg>> made = new ArrayList<>();
        Object result = call(c, made, grad);
        Map<String, Object> expect = Json.asMap(c.get("expect"));
        if (expect.containsKey("size")) {
            assertEquals(new Size(Json.asLongArray(expect.get("size"))), result);
            return;
        }
        List<String> problems = new ArrayList<>();
        Tensor out = (Tensor) result;
        TensorExpectations.check(problems, (String) c.get("name"), "result", expect, out, null, Boolean.TRUE.equals(c.get("approx")), null,
                TensorExpectations.Repr.FORMAT);
        if (grad) checkGradients(problems, c, made, out);
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    /** Makes the case's distributions (their ctor arguments go to made), seeds, and calls the method. */
    private static Object call(Map<String, Object> c, List<List<Arg>> made, boolean grad) throws Exception {
        try {
            List<Distribution> dists = new ArrayList<>();
            for (Object o : Json.asList(c.get("dists"))) {
                Map<String, Object> d = Json.asMap(o);
                List<Arg> ctor = new ArrayList<>();
                for (Object spec : Json.asList(d.get("ctor"))) ctor.add(arg(Json.asMap(spec), grad));
                made.add(ctor);
                dists.add(make((String) d.get("make"), ctor));
            }
            List<Arg> args = new ArrayList<>();
            for (Object spec : Json.asList(c.get("args"))) args.add(arg(Json.asMap(spec), false));
            if (c.containsKey("seed")) Torch.manualSeed(Json.asLong(c.get("seed")));
            String call = (String) c.get("call");
            if (call.equals("KL.klDivergence")) return KL.klDivergence(dists.get(0), dists.get(1));
            Method m = find(dists.get(0).getClass(), call, args, true);
            return m.invoke(dists.get(0), args.stream().map(Arg::value).toArray());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        }
    }

    /** "Bernoulli.ofProbs" (a static factory) or "Normal.new" (a constructor) of dev.jgrad.distributions. */
    private static Distribution make(String make, List<Arg> ctor) throws ReflectiveOperationException {
        String owner = make.substring(0, make.indexOf('.')), factory = make.substring(make.indexOf('.') + 1);
        Class<?> cls = Class.forName("dev.jgrad.distributions." + owner);
        Object[] values = ctor.stream().map(Arg::value).toArray();
        if (factory.equals("new")) {
            Constructor<?> k = cls.getConstructor(ctor.stream().map(Arg::type).toArray(Class<?>[]::new));
            return (Distribution) k.newInstance(values);
        }
        return (Distribution) find(cls, factory, ctor, false).invoke(null, values);
    }

    private static void checkGradients(List<String> problems, Map<String, Object> c, List<List<Arg>> made, Tensor out) {
        Object expectedFn = c.get("grad_fn");
        String gotFn = out.gradFn() == null ? null : out.gradFn().name();
        if (!Objects.equals(expectedFn, gotFn)) problems.add("grad_fn: expected " + expectedFn + " but got " + gotFn);
        if (out.gradFn() != null) out.backward(upstream(out));
        List<Object> grads = Json.asList(c.get("ctor_grads"));
        for (int d = 0; d < made.size(); d++) {
            checkArgGradients(problems, c, "dist " + d, made.get(d), Json.asList(grads.get(d)));
        }
    }

    /** Each ctor argument's gradient against PyTorch's (recursing into distribution arguments). */
    private static void checkArgGradients(List<String> problems, Map<String, Object> c, String where, List<Arg> args, List<Object> each) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).nested() != null) {
                checkArgGradients(problems, c, where + " ctor arg " + i, args.get(i).nested(), Json.asList(each.get(i)));
                continue;
            }
            Tensor got = args.get(i).value() instanceof Tensor t ? t.grad() : null;
            String what = "grad of " + where + " ctor arg " + i;
            if (each.get(i) == null) {
                if (got != null) problems.add(what + ": PyTorch gives none, jgrad gives\n" + got);
            } else if (got == null) {
                problems.add(what + ": none; PyTorch's is\n" + Json.asMap(each.get(i)).get("repr"));
            } else {
                TensorExpectations.check(problems, (String) c.get("name"), what, Json.asMap(each.get(i)), got, null, true, null,
                        TensorExpectations.Repr.NONE);
            }
        }
    }

    /** (k mod 7 - 3) / 4 for the k-th element, in the output's dtype and shape (gen_distributions.py's upstream). */
    private static Tensor upstream(Tensor out) {
        double[] v = new double[(int) out.numel()];
        for (int k = 0; k < v.length; k++) v[k] = (k % 7 - 3) / 4.0;
        return Torch.tensor(v, DType.FLOAT64).to(out.dtype()).reshape(out.shape());
    }

    private static Arg arg(Map<String, Object> spec, boolean grad) {
        String kind = spec.keySet().iterator().next();
        Object v = spec.get(kind);
        return switch (kind) {
            case "t" -> {
                Tensor t = FixtureTensors.tensor(Json.asMap(v));
                yield new Arg(Tensor.class, grad && t.isFloatingPoint() ? t.detach().requiresGrad_(true) : t);
            }
            case "double" -> new Arg(double.class, Json.asDouble(v));
            case "longs" -> new Arg(long[].class, Json.asLongArray(v));
            case "int" -> new Arg(int.class, (int) Json.asLong(v));
            case "dist" -> {
                Map<String, Object> d = Json.asMap(v);
                List<Arg> ctor = new ArrayList<>();
                for (Object o : Json.asList(d.get("ctor"))) ctor.add(arg(Json.asMap(o), grad));
                try {
                    yield new Arg(Distribution.class, make((String) d.get("make"), ctor), ctor);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            default -> throw new IllegalArgumentException("unknown argument kind " + kind);
        };
    }

    /** The public method whose parameter types are exactly the arguments'. */
    private static Method find(Class<?> cls, String name, List<Arg> params, boolean instance) {
        for (Method m : cls.getMethods()) {
            if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers()) == instance) continue;
            if (Arrays.equals(m.getParameterTypes(), params.stream().map(Arg::type).toArray(Class<?>[]::new))) return m;
        }
        throw new AssertionError("no " + cls.getSimpleName() + "." + name + " taking " + params.stream().map(a -> a.type().getSimpleName()).toList());
    }
}
