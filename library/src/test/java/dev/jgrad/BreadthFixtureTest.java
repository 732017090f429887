package dev.jgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.nn.Module;
import dev.jgrad.nn.functional.F;
import dev.jgrad.testutil.FixtureTensors;
import dev.jgrad.testutil.Json;
import dev.jgrad.testutil.TensorExpectations;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The ops of the breadth work (masked_fill, tril, var, cumsum, sort, ...) against what real PyTorch 1.13
 * computed (fixtures/breadth.json, written by tools/fixtures/gen_breadth.py): values, dtypes, shapes,
 * printed forms, error messages, the result's grad_fn name and the gradient of every input.
 *
 * <p>Each case names the Java call ("Tensor.tril", "Torch.hstack") and its typed arguments, and is run by
 * reflection, so adding an op's cases needs no code here. The gradient check uses the same upstream
 * gradient as the generator: (k mod 7 - 3) / 4 for the k-th element of the first output. A case with a
 * seed seeds the default generator right before the call, as the generator did.
 */
class BreadthFixtureTest {
    /** breadth.json, and one file per later area written by its own generator with gen_breadth.py's machinery. */
    private static final List<String> FIXTURES = List.of("fixtures/breadth.json", "fixtures/breadth_nn.json",
            "fixtures/breadth_transformer.json", "fixtures/breadth_linalg.json", "fixtures/breadth_nn3d.json",
            "fixtures/breadth_rnnutils.json", "fixtures/breadth_tensorgaps.json", "fixtures/breadth_interp.json",
            "fixtures/breadth_indices.json", "fixtures/breadth_nonfinite.json");

    private static List<Map<String, Object>> cases() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String f : FIXTURES) {
            if (BreadthFixtureTest.class.getClassLoader().getResource(f) == null && !f.equals(FIXTURES.get(0))) continue;
            for (Object o : Json.asList(Json.resource(f))) out.add(Json.asMap(o));
        }
        return out;
    }

    @Test
    void fixtureIsComplete() {
        List<Map<String, Object>> cases = cases();
        assertTrue(cases.size() >= 150, "fixture has only " + cases.size() + " cases");
        assertEquals(cases.size(), cases.stream().map(c -> c.get("name")).distinct().count(), "case names must be unique");
        for (Map<String, Object> c : cases) assertTrue(c.containsKey("expect") ^ c.containsKey("error"), "expect xor error: " + c.get("name"));
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return cases().stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> run(c)));
    }

    // ==================================================================================== one case

    /** An argument with the Java type it stands for. */
    private record Arg(Class<?> type, Object value) {}

    private static void run(Map<String, Object> c) throws Exception {
        String name = (String) c.get("name"), call = (String) c.get("call");
        boolean grad = c.containsKey("grads") || c.containsKey("ctor_grads");
        List<Arg> args = new ArrayList<>();
        for (Object spec : Json.asList(c.get("args"))) args.add(arg(Json.asMap(spec), grad));
        if (c.containsKey("error") && c.containsKey("module")) {  // construct, then forward: either may throw
            expectError(name, (String) c.get("error"), () -> forward(construct((String) c.get("module"), Json.asList(c.get("ctor"))), args, 1));
            return;
        }
        if (c.containsKey("error")) {
            expectError(name, (String) c.get("error"), () -> invoke(call, args));
            return;
        }
        if (c.containsKey("seed")) Torch.manualSeed(Json.asLong(c.get("seed")));
        Module module = null;
        Object result;
        if (c.containsKey("module")) {
            module = construct((String) c.get("module"), Json.asList(c.get("ctor")));
            if (Boolean.TRUE.equals(c.get("eval"))) module.eval();
            if (Boolean.TRUE.equals(c.get("double"))) module.to(DType.FLOAT64);
            Object expect = c.get("expect");
            int outputs = expect instanceof List<?> l ? l.size() : 1;
            result = forward(module, args, outputs);
        } else if (call.contains(">")) {
            result = invokeOnMade(call, Json.asList(c.get("ctor")), args, grad);
        } else {
            result = invoke(call, args);
        }
        boolean approx = Boolean.TRUE.equals(c.get("approx"));
        List<String> problems = new ArrayList<>();
        Object expect = c.get("expect");
        List<Tensor> outs = outputs(result);
        if (expect instanceof Boolean b) {
            if (!b.equals(result)) problems.add("expected " + b + " but got " + result);
        } else if (expect instanceof Map<?, ?> m && m.containsKey("string")) {
            if (!m.get("string").equals(String.valueOf(result))) problems.add("expected " + m.get("string") + " but got " + result);
        } else if (expect instanceof Map<?, ?> m && m.containsKey("item")) {
            double e = Json.asDouble(m.get("item")), g = ((Number) result).doubleValue();
            if (Double.compare(e, g) != 0) problems.add("expected " + e + " but got " + g);
        } else if (expect instanceof Map<?, ?> m) {
            if (outs.size() != 1) fail("expected one tensor, got " + result);
            Object receiver = args.isEmpty() ? null : args.get(0).value();
            TensorExpectations.check(problems, name, "result", Json.asMap(m), outs.get(0), receiver, approx, null, TensorExpectations.Repr.FORMAT);
        } else {
            List<Object> parts = Json.asList(expect);
            if (outs.size() != parts.size()) fail("expected " + parts.size() + " results, got " + outs.size() + ": " + result);
            for (int i = 0; i < parts.size(); i++) {
                TensorExpectations.check(problems, name, "result[" + i + "]", Json.asMap(parts.get(i)), outs.get(i), null, approx, null,
                        TensorExpectations.Repr.FORMAT);
            }
        }
        if (grad && c.containsKey("ctor_grads")) {
            checkMadeGradients(problems, name, c, outs.get(0));
        } else if (grad) {
            checkGradients(problems, name, c, args, outs.get(0));
        }
        if (module != null) {
            if (!c.get("module_repr").equals(module.toString())) {
                problems.add("module repr:\n  expected: " + c.get("module_repr") + "\n  actual:   " + module);
            }
            if (c.containsKey("param_grads")) {
                Map<String, Object> expected = Json.asMap(c.get("param_grads"));
                Map<String, dev.jgrad.nn.Parameter> params = module.namedParameters();
                for (var e : expected.entrySet()) {
                    Tensor g = params.get(e.getKey()) == null ? null : params.get(e.getKey()).grad();
                    if (g == null) problems.add("parameter " + e.getKey() + ": no gradient");
                    else TensorExpectations.check(problems, name, "grad of " + e.getKey(), Json.asMap(e.getValue()), g, null, true, null,
                            TensorExpectations.Repr.NONE);
                }
            }
        }
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    /** The tensors a "Factory.make>method" case made its object from (their gradients are checked). */
    private static List<Arg> made = List.of();

    /** "Categorical.ofProbs>sample": the object from a static factory (or "new" for a constructor) of dev.jgrad.distributions, then a method on it. */
    private static Object invokeOnMade(String call, List<Object> ctor, List<Arg> args, boolean grad) throws Exception {
        String owner = call.substring(0, call.indexOf('.')), factory = call.substring(call.indexOf('.') + 1, call.indexOf('>'));
        String method = call.substring(call.indexOf('>') + 1);
        Class<?> cls = Class.forName("dev.jgrad.distributions." + owner);
        List<Arg> ctorArgs = new ArrayList<>();
        for (Object spec : ctor) ctorArgs.add(arg(Json.asMap(spec), grad));
        made = ctorArgs;
        Object target;
        Object[] values = ctorArgs.stream().map(Arg::value).toArray();
        if (factory.equals("new")) {
            Class<?>[] types = ctorArgs.stream().map(Arg::type).toArray(Class<?>[]::new);
            target = cls.getConstructor(types).newInstance(values);
        } else {
            target = find(cls, factory, ctorArgs, false).invoke(null, values);
        }
        Method m = find(cls, method, args, true);
        try {
            return m.invoke(target, args.stream().map(Arg::value).toArray());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        }
    }

    private static void checkMadeGradients(List<String> problems, String name, Map<String, Object> c, Tensor out) {
        Object expectedFn = c.get("grad_fn");
        String gotFn = out.gradFn() == null ? null : out.gradFn().name();
        if (!java.util.Objects.equals(expectedFn, gotFn)) problems.add("grad_fn: expected " + expectedFn + " but got " + gotFn);
        out.backward(upstream(out));
        List<Object> grads = Json.asList(c.get("ctor_grads"));
        for (int i = 0; i < made.size(); i++) {
            if (grads.get(i) == null) continue;
            Tensor got = made.get(i).value() instanceof Tensor t ? t.grad() : null;
            if (got == null) problems.add("ctor arg " + i + ": no gradient");
            else TensorExpectations.check(problems, name, "grad of ctor arg " + i, Json.asMap(grads.get(i)), got, null, true, null,
                    TensorExpectations.Repr.NONE);
        }
    }

    /** new dev.jgrad.nn.NAME(ctor args...). */
    private static Module construct(String name, List<Object> ctor) throws Exception {
        Class<?> cls = Class.forName("dev.jgrad.nn." + name);
        List<Arg> args = new ArrayList<>();
        for (Object spec : ctor) args.add(arg(Json.asMap(spec), false));
        for (var k : cls.getConstructors()) {
            Class<?>[] types = k.getParameterTypes();
            if (types.length != args.size()) continue;
            boolean ok = true;
            for (int i = 0; i < types.length && ok; i++) ok = accepts(types[i], args.get(i).type());
            if (ok) {
                try {
                    return (Module) k.newInstance(args.stream().map(Arg::value).toArray());
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof Exception ex) throw ex;
                    throw e;
                }
            }
        }
        throw new AssertionError("no constructor " + name + args.stream().map(a -> a.type().getSimpleName()).toList());
    }

    /**
     * module.forward(args...) over tensors (losses take input and target; recurrent layers take states). When
     * PyTorch returned several tensors for fewer arguments (an LSTM called without a state), the overload
     * that returns them all is called with null for the missing states.
     */
    private static Object forward(Module module, List<Arg> args, int outputs) throws Exception {
        int n = args.size();
        Method m = null;
        for (Method candidate : module.getClass().getMethods()) {  // an overload with typed options (MultiheadAttention's)
            if (!candidate.getName().equals("forward") || candidate.getParameterCount() != n) continue;
            Class<?>[] types = candidate.getParameterTypes();
            boolean ok = !(outputs > 1 && candidate.getReturnType() == Tensor.class);
            for (int i = 0; i < n && ok; i++) ok = accepts(types[i], args.get(i).type());
            if (ok && Arrays.stream(types).anyMatch(t -> t != Tensor.class)) m = candidate;
        }
        for (int count = n; m == null && count <= n + 2; count++) {
            Class<?>[] types = new Class<?>[count];
            Arrays.fill(types, Tensor.class);
            try {
                Method candidate = module.getClass().getMethod("forward", types);
                if (count == n && outputs > 1 && candidate.getReturnType() == Tensor.class) continue;
                m = candidate;
            } catch (NoSuchMethodException e) {
                // try one more tensor argument
            }
        }
        if (m == null) throw new AssertionError("no forward of " + module.getClass().getSimpleName() + " for " + n + " tensors");
        Object[] values = new Object[m.getParameterCount()];
        for (int i = 0; i < n; i++) values[i] = args.get(i).value();
        try {
            return m.invoke(module, values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        }
    }

    private static void checkGradients(List<String> problems, String name, Map<String, Object> c, List<Arg> args, Tensor out) {
        Object expectedFn = c.get("grad_fn");
        String gotFn = out.gradFn() == null ? null : out.gradFn().name();
        if (!java.util.Objects.equals(expectedFn, gotFn)) problems.add("grad_fn: expected " + expectedFn + " but got " + gotFn);
        if (out.gradFn() != null) out.backward(upstream(out));
        List<Object> grads = Json.asList(c.get("grads"));
        for (int i = 0; i < args.size(); i++) {
            Object e = grads.get(i);
            if (e instanceof List<?> each && args.get(i).value() instanceof Tensor[] ts) {  // varargs: one gradient per tensor
                for (int j = 0; j < ts.length; j++) {
                    if (each.get(j) == null) continue;
                    if (ts[j].grad() == null) problems.add("arg " + i + "[" + j + "]: no gradient");
                    else TensorExpectations.check(problems, name, "grad of arg " + i + "[" + j + "]", Json.asMap(each.get(j)), ts[j].grad(), null,
                            true, null, TensorExpectations.Repr.NONE);
                }
                continue;
            }
            Tensor got = args.get(i).value() instanceof Tensor t && t.isLeaf() ? t.grad() : null;
            if (e == null) {
                if (got != null) problems.add("arg " + i + ": PyTorch gives no gradient, jgrad gives\n" + got);
            } else if (got == null) {
                problems.add("arg " + i + ": no gradient; PyTorch's is\n" + Json.asMap(e).get("repr"));
            } else {
                TensorExpectations.check(problems, name, "grad of arg " + i, Json.asMap(e), got, null, true, null, TensorExpectations.Repr.NONE);
            }
        }
    }

    /** (k mod 7 - 3) / 4 for the k-th element, in the output's dtype and shape (gen_breadth.py's upstream). */
    static Tensor upstream(Tensor out) {
        double[] v = new double[(int) out.numel()];
        for (int k = 0; k < v.length; k++) v[k] = (k % 7 - 3) / 4.0;
        return Torch.tensor(v, DType.FLOAT64).to(out.dtype()).reshape(out.shape());
    }

    private static List<Tensor> outputs(Object result) {
        if (result instanceof Tensor t) return List.of(t);
        if (result instanceof ValuesIndices vi) return List.of(vi.values(), vi.indices());
        if (result instanceof dev.jgrad.nn.RNNBase.Output o) return o.c() == null ? List.of(o.output(), o.h()) : List.of(o.output(), o.h(), o.c());
        if (result instanceof dev.jgrad.nn.LSTMCell.State s) return List.of(s.h(), s.c());
        if (result instanceof dev.jgrad.nn.MultiheadAttention.Output o) return o.weights() == null ? List.of(o.output()) : List.of(o.output(), o.weights());
        List<Tensor> out = new ArrayList<>();
        if (result instanceof Record r) {  // torch.return_types (Linalg.Svd, Torch.Svd, ...): the tensor components in order
            for (var c : r.getClass().getRecordComponents()) {
                try {
                    if (c.getAccessor().invoke(r) instanceof Tensor t) out.add(t);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (result instanceof List<?> l) for (Object o : l) if (o instanceof Tensor t) out.add(t);
        return out;
    }

    private static void expectError(String name, String expected, java.util.concurrent.Callable<Object> call) throws Exception {
        Object result;
        try {
            result = call.call();
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (!expected.equals(e.getMessage())) {
                fail("wrong message (" + e.getClass().getSimpleName() + ")\n  expected: " + expected + "\n  actual:   " + e.getMessage());
            }
            return;
        }
        fail(name + ": expected error \"" + expected + "\" but got " + result);
    }

    // ==================================================================================== arguments and calls

    private static Arg arg(Map<String, Object> spec, boolean grad) {
        String kind = spec.keySet().iterator().next();  // one key: the kind
        Object v = spec.get(kind);
        return switch (kind) {
            case "t" -> {
                Tensor t = FixtureTensors.tensor(Json.asMap(v));
                yield new Arg(Tensor.class, grad && t.isFloatingPoint() ? t.detach().requiresGrad_(true) : t);
            }
            case "int" -> new Arg(int.class, Math.toIntExact(Json.asLong(v)));
            case "long" -> new Arg(long.class, Json.asLong(v));
            case "double" -> new Arg(double.class, Json.asDouble(v));
            case "bool" -> new Arg(boolean.class, v);
            case "ints" -> new Arg(int[].class, Arrays.stream(Json.asLongArray(v)).mapToInt(Math::toIntExact).toArray());
            case "longs" -> new Arg(long[].class, Json.asLongArray(v));
            case "dtype" -> new Arg(DType.class, FixtureTensors.dtype((String) v));
            case "string" -> new Arg(String.class, v);
            case "null" -> new Arg(Void.class, null);
            case "module" -> {  // a module built first, as PyTorch's factory does (a layer for a stack, a norm)
                Map<String, Object> m = Json.asMap(v);
                try {
                    Module built = construct((String) m.get("module"), Json.asList(m.get("ctor")));
                    yield new Arg(built.getClass(), built);
                } catch (RuntimeException e) {
                    throw e;  // the inner module's own error (an error case may expect it)
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            case "doubles" -> new Arg(Object.class, Json.asDoubleArray(v));
            case "varargs" -> {
                List<Object> specs = Json.asList(v);
                Tensor[] ts = new Tensor[specs.size()];
                for (int i = 0; i < ts.length; i++) {
                    Tensor t = FixtureTensors.tensor(Json.asMap(specs.get(i)));
                    ts[i] = grad && t.isFloatingPoint() ? t.detach().requiresGrad_(true) : t;
                }
                yield new Arg(Tensor[].class, ts);
            }
            case "tensors" -> {
                List<Tensor> ts = new ArrayList<>();
                for (Object o : Json.asList(v)) ts.add(FixtureTensors.tensor(Json.asMap(o)));
                yield new Arg(List.class, ts);
            }
            case "index" -> {
                List<Object> specs = Json.asList(v);
                Tensor[] ts = new Tensor[specs.size()];
                for (int i = 0; i < ts.length; i++) ts[i] = specs.get(i) == null ? null : FixtureTensors.tensor(Json.asMap(specs.get(i)));
                yield new Arg(Tensor[].class, ts);
            }
            default -> throw new IllegalArgumentException("unknown argument kind " + kind);
        };
    }

    /** Calls "Owner.method" with args; for Tensor methods the first argument is the receiver. */
    private static Object invoke(String call, List<Arg> args) throws Exception {
        String owner = call.substring(0, call.indexOf('.')), method = call.substring(call.indexOf('.') + 1);
        Class<?> cls = switch (owner) {
            case "Tensor" -> Tensor.class;
            case "Torch" -> Torch.class;
            case "Linalg" -> Linalg.class;
            case "Special" -> dev.jgrad.Special.class;
            case "LinalgGauge" -> LinalgGauge.class;
            case "F" -> F.class;
            case "Init" -> dev.jgrad.nn.init.Init.class;
            default -> Class.forName("dev.jgrad.nn." + owner);  // static methods of modules (Transformer.generateSquareSubsequentMask)
        };
        boolean instance = owner.equals("Tensor");
        List<Arg> params = instance ? args.subList(1, args.size()) : args;
        Method m = find(cls, method, params, instance);
        Object[] values = params.stream().map(Arg::value).toArray();
        try {
            return m.invoke(instance ? args.get(0).value() : null, values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        }
    }

    /** The overload whose parameter types are exactly the arguments' (boxed types accepted for optional numbers). */
    private static Method find(Class<?> cls, String name, List<Arg> params, boolean instance) {
        for (Method m : cls.getMethods()) {
            if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers()) == instance) continue;
            Class<?>[] types = m.getParameterTypes();
            if (types.length != params.size()) continue;
            boolean ok = true;
            for (int i = 0; i < types.length && ok; i++) ok = accepts(types[i], params.get(i).type());
            if (ok) return m;
        }
        throw new AssertionError("no " + cls.getSimpleName() + "." + name + " taking " + params.stream().map(a -> a.type().getSimpleName()).toList());
    }

    private static boolean accepts(Class<?> param, Class<?> arg) {
        if (param == arg) return true;
        if (arg == Void.class) return !param.isPrimitive();
        if (Module.class.isAssignableFrom(arg)) return param.isAssignableFrom(arg);
        return (param == Integer.class && arg == int.class) || (param == Long.class && arg == long.class)
                || (param == Double.class && arg == double.class) || (param == Boolean.class && arg == boolean.class);
    }
}
