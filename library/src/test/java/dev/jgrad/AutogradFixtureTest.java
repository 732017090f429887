package dev.jgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.autograd.Autograd;
import dev.jgrad.autograd.Functional;
import dev.jgrad.autograd.Gradcheck;
import dev.jgrad.internal.autograd.AccumulateGrad;
import dev.jgrad.testutil.FixtureTensors;
import dev.jgrad.testutil.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * jgrad's autograd against what real PyTorch 1.13 computed (fixtures/autograd.json, written by
 * tools/fixtures/gen_autograd.py; its docstring describes the case format).
 *
 * <p>Two kinds of case. "grad": one op's outputs and its gradients of orders 1 to 3 (each order the
 * gradient of a weighted sum of the previous one, built with createGraph), for every differentiable op,
 * with broadcast, 0-dim and non-contiguous inputs. "program": a short script of statements (leaves, ops,
 * backward/grad calls, hooks, grad modes, custom Functions, torch.autograd.functional) with checks of
 * grad_fn names and graph structure, printed forms, gradients, versions and exact error messages, run by
 * the small interpreter {@link Program}.
 *
 * <p>Float64 values must agree to rtol 1e-10 / atol 1e-12 unless the case gives a looser "tol" (where
 * summation order matters); errors must be an IllegalArgumentException or IllegalStateException (a
 * GradcheckError for gradcheck) with PyTorch's exact message.
 */
class AutogradFixtureTest {
    private static final String FIXTURE = "fixtures/autograd.json";
    private static final double RTOL = 1e-10, ATOL = 1e-12, RTOL_F32 = 1e-6, ATOL_F32 = 1e-6;

    private static List<Map<String, Object>> cases() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : Json.asList(Json.resource(FIXTURE))) out.add(Json.asMap(o));
        return out;
    }

    @Test
    void fixtureIsComplete() {
        List<Map<String, Object>> cases = cases();
        assertTrue(cases.size() >= 400, "fixture has only " + cases.size() + " cases");
        assertEquals(cases.size(), cases.stream().map(c -> c.get("name")).distinct().count(), "case names must be unique");
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return cases().stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
            List<String> problems = new ArrayList<>();
            if ("grad".equals(c.get("kind"))) runGradCase(c, problems);
            else new Program(problems).run(Json.asList(c.get("program")));
            if (!problems.isEmpty()) fail(String.join("\n", problems));
        }));
    }

    // ==================================================================================== kind "grad"

    /** out = op(inputs); g1 = grad(sum(out * w)); g2 = grad(sum(g1 * u)); g3 = grad(sum(g2 * u2)). */
    private static void runGradCase(Map<String, Object> c, List<String> problems) {
        Map<String, Object> args = Json.asMap(c.get("args"));
        List<Object> operands = new ArrayList<>();
        List<Tensor> rg = new ArrayList<>();
        for (Object o : Json.asList(c.get("inputs"))) {
            Map<String, Object> spec = Json.asMap(o);
            if (spec.containsKey("scalar")) {
                operands.add(scalar((String) spec.get("scalar"), spec.get("value")));
                continue;
            }
            Tensor t = tensor(spec);
            if (Boolean.TRUE.equals(spec.get("rg"))) {
                t.requiresGrad_(true);
                rg.add(t);
            }
            operands.add(t);
        }
        Tol tol = Tol.of(c.get("tol"));
        List<Tensor> outs = asTensors(op((String) c.get("op"), operands, args));
        List<Object> expectedOuts = Json.asList(c.get("out"));
        if (outs.size() != expectedOuts.size()) {
            problems.add("expected " + expectedOuts.size() + " outputs, got " + outs.size());
            return;
        }
        for (int k = 0; k < outs.size(); k++) checkTensor(problems, "out[" + k + "]", Json.asMap(expectedOuts.get(k)), outs.get(k), tol);

        Tensor loss = null;
        List<Object> ws = Json.asList(c.get("w"));
        for (int k = 0; k < outs.size(); k++) {
            if (ws.get(k) == null) continue;
            Tensor term = outs.get(k).mul(tensor(Json.asMap(ws.get(k)))).sum();
            loss = loss == null ? term : loss.add(term);
        }
        List<Tensor> weights = specs(c.get("u"));
        for (int order = 1; order <= 3; order++) {
            String key = "g" + order;
            if (!c.containsKey(key)) break;
            if (loss == null) {
                problems.add("order " + order + ": PyTorch differentiates again, but no gradient of order " + (order - 1)
                        + " requires grad in jgrad (PyTorch's g" + (order - 1) + "_rg: " + c.get("g" + (order - 1) + "_rg") + ")");
                break;
            }
            boolean createGraph = order < 3;
            List<Tensor> gs = Autograd.grad(List.of(loss), rg, null, createGraph, createGraph, true);
            List<Object> expected = Json.asList(c.get(key));
            List<Object> expectedRg = Json.asList(c.get(key + "_rg"));
            for (int i = 0; i < rg.size(); i++) {
                String what = key + "[" + i + "]";
                Tensor g = gs.get(i);
                Object e = expected.get(i);
                if (e == null) {
                    if (g != null) problems.add(what + ": PyTorch gives None (unused), jgrad a tensor " + Arrays.toString(g.toDoubleArray()));
                } else if (g == null) {
                    problems.add(what + ": PyTorch gives " + Json.asMap(e).get("values") + ", jgrad null (not used in its graph)");
                } else {
                    Map<String, Object> em = new HashMap<>(Json.asMap(e));
                    em.put("dtype", rg.get(i).dtype().toString().replace("torch.", ""));
                    checkValues(problems, what, em, g, tol);
                }
                boolean rgExpected = (Boolean) expectedRg.get(i), rgActual = g != null && g.requiresGrad();
                if (rgExpected != rgActual) {
                    problems.add(what + ".requires_grad: PyTorch " + rgExpected + ", jgrad " + rgActual);
                }
            }
            if (order == 3) break;
            loss = null;
            for (int i = 0; i < rg.size(); i++) {
                Tensor g = gs.get(i);
                if (g == null || !g.requiresGrad()) continue;
                Tensor term = g.mul(weights.get(i)).sum();
                loss = loss == null ? term : loss.add(term);
            }
            weights = specs(c.get("u2"));
        }
    }

    private static List<Tensor> specs(Object list) {
        List<Tensor> out = new ArrayList<>();
        for (Object o : Json.asList(list)) out.add(tensor(Json.asMap(o)));
        return out;
    }

    private static List<Tensor> asTensors(Object r) {
        if (r instanceof Tensor t) return List.of(t);
        List<Tensor> out = new ArrayList<>();
        for (Object o : (List<?>) r) out.add((Tensor) o);
        return out;
    }

    // ==================================================================================== kind "program"

    /** The interpreter of gen_autograd.py's statements; checks add to problems instead of stopping. */
    static final class Program {
        private final Map<String, Object> env = new HashMap<>();
        private final List<Object[]> log = new ArrayList<>();
        private final List<String> problems;
        private int step;

        Program(List<String> problems) { this.problems = problems; }

        void run(List<Object> statements) {
            for (Object o : statements) {
                List<Object> st = Json.asList(o);
                step++;
                switch ((String) st.get(0)) {
                    case "check" -> check((String) st.get(1), st.get(2), st.get(3));
                    case "raises" -> raises(Json.asList(st.get(1)), (String) st.get(2));
                    case "mode" -> {
                        try (var g = mode((String) st.get(1), st.get(2))) {
                            run(Json.asList(st.get(3)));
                        }
                    }
                    default -> execute(st);
                }
            }
        }

        private static AutoCloseable0 mode(String kind, Object flag) {
            var guard = switch (kind) {
                case "no_grad" -> Torch.noGrad();
                case "enable_grad" -> Torch.enableGrad();
                case "set_grad_enabled" -> Torch.setGradEnabled((Boolean) flag);
                case "inference_mode" -> Torch.inferenceMode();
                default -> throw new IllegalArgumentException("unknown mode " + kind);
            };
            return guard::close;
        }

        /** A variable, "name[i]" (element i of a list result), a number (JSON integer: long, else double), or a list of those. */
        Object ref(Object r) {
            if (r == null || r instanceof Boolean) return r;
            if (r instanceof Json.Num n) return number(n);
            if (r instanceof List<?> l) {
                List<Object> out = new ArrayList<>();
                for (Object x : l) out.add(ref(x));
                return out;
            }
            String name = (String) r;
            if (name.endsWith("]")) {
                int open = name.indexOf('[');
                List<?> list = (List<?>) var(name.substring(0, open));
                return list.get(Integer.parseInt(name.substring(open + 1, name.length() - 1)));
            }
            return var(name);
        }

        private Object var(String name) {
            if (!env.containsKey(name)) throw new IllegalStateException("fixture refers to unknown variable " + name);
            return env.get(name);
        }

        Tensor t(Object r) { return (Tensor) ref(r); }

        @SuppressWarnings("unchecked")
        List<Tensor> ts(Object r) { return r == null ? null : (List<Tensor>) (List<?>) ref(r); }

        private static boolean flag(Map<String, Object> kw, String key, boolean dflt) {
            Object v = kw.get(key);
            return v == null ? dflt : (Boolean) v;
        }

        void execute(List<Object> st) {
            String cmd = (String) st.get(0);
            switch (cmd) {
                case "tensor" -> {
                    Tensor x = tensor(Json.asMap(st.get(2)));
                    if ((Boolean) st.get(3)) x.requiresGrad_(true);
                    env.put((String) st.get(1), x);
                }
                case "op" -> {
                    List<Object> operands = new ArrayList<>();
                    for (Object o : Json.asList(st.get(3))) operands.add(ref(o));
                    env.put((String) st.get(1), op((String) st.get(2), operands, Json.asMap(st.get(4))));
                }
                case "inplace" -> {
                    Tensor x = t(st.get(1));
                    List<Object> operands = new ArrayList<>();
                    for (Object o : Json.asList(st.get(3))) operands.add(ref(o));
                    Tensor r = inPlace(x, (String) st.get(2), operands, Json.asMap(st.get(4)));
                    if (r != x) problems.add("step " + step + ": " + st.get(2) + " must return its target");
                }
                case "backward" -> {
                    Map<String, Object> kw = Json.asMap(st.get(3));
                    boolean create = flag(kw, "create_graph", false), retain = flag(kw, "retain_graph", create);
                    Tensor g = st.get(2) == null ? null : t(st.get(2));
                    if (kw.containsKey("inputs")) t(st.get(1)).backward(g, retain, create, ts(kw.get("inputs")));
                    else t(st.get(1)).backward(g, retain, create);
                }
                case "autograd_backward" -> {
                    Map<String, Object> kw = Json.asMap(st.get(3));
                    boolean create = flag(kw, "create_graph", false), retain = flag(kw, "retain_graph", create);
                    Autograd.backward(ts(st.get(1)), ts(st.get(2)), retain, create, kw.containsKey("inputs") ? ts(kw.get("inputs")) : null);
                }
                case "grad" -> {
                    Map<String, Object> kw = Json.asMap(st.get(4));
                    boolean create = flag(kw, "create_graph", false), retain = flag(kw, "retain_graph", create);
                    List<Tensor> r = Autograd.grad(ts(st.get(2)), ts(st.get(3)), ts(kw.get("grad_outputs")), retain, create,
                            flag(kw, "allow_unused", false), flag(kw, "materialize_grads", false));
                    env.put((String) st.get(1), r);
                }
                case "retain_grad" -> t(st.get(1)).retainGrad();
                case "requires_grad_" -> t(st.get(1)).requiresGrad_((Boolean) st.get(2));
                case "detach" -> env.put((String) st.get(1), t(st.get(2)).detach());
                case "detach_" -> t(st.get(1)).detach_();
                case "set_grad" -> t(st.get(1)).setGrad(st.get(2) == null ? null : t(st.get(2)));
                case "grad_of" -> env.put((String) st.get(1), t(st.get(2)).grad());
                case "hook" -> env.put((String) st.get(1), t(st.get(2)).registerHook(hook((String) st.get(3), st.get(4))));
                case "remove" -> ((RemovableHandle) var((String) st.get(1))).remove();
                case "custom" -> {
                    List<Tensor> in = new ArrayList<>();
                    for (Object o : Json.asList(st.get(3))) in.add(t(o));
                    env.put((String) st.get(1), CUSTOM.get((String) st.get(2)).get().apply(in.toArray(new Tensor[0])));
                }
                case "functional" -> env.put((String) st.get(1), functional((String) st.get(2), (String) st.get(3), st.get(4), st.get(5),
                        Json.asMap(st.get(6))));
                case "gradcheck" -> {
                    Fn f = FUNCS.get((String) st.get(1));
                    List<Tensor> in = ts(st.get(2));
                    boolean second = (Boolean) st.get(3);
                    env.put("gradcheck", second ? Gradcheck.gradgradcheck(f.body, in) : Gradcheck.gradcheck(f.body, in));
                }
                default -> throw new IllegalArgumentException("unknown statement " + cmd);
            }
        }

        private java.util.function.Function<Tensor, Tensor> hook(String kind, Object param) {
            return switch (kind) {
                case "scale" -> g -> g.mul(Json.asDouble(param));
                case "add" -> g -> g.add(Json.asDouble(param));
                case "log" -> g -> {
                    log.add(new Object[] {param, g.toDoubleArray()});
                    return null;
                };
                default -> throw new IllegalArgumentException("unknown hook kind " + kind);
            };
        }

        /** torch.autograd.functional.what(fn, inputs, v), shaped as PyTorch nests it (tuple-ness of inputs and outputs). */
        private Object functional(String what, String fnName, Object inputs, Object v, Map<String, Object> kw) {
            Fn f = FUNCS.get(fnName);
            boolean cg = flag(kw, "create_graph", false), strict = flag(kw, "strict", false);
            boolean tupleIn = inputs instanceof List<?>;
            List<Tensor> in = tupleIn ? ts(inputs) : List.of(t(inputs));
            UnaryOperator<Tensor> single = x -> f.body.apply(List.of(x)).get(0);
            java.util.function.Function<List<Tensor>, Tensor> oneOut = l -> f.body.apply(l).get(0);
            switch (what) {
                case "jacobian" -> {
                    if (!tupleIn && !f.tupleOut) return Functional.jacobian(single, in.get(0), cg, strict, false);
                    if (!f.tupleOut) return Functional.jacobian(oneOut, in, cg, strict, false);
                    List<List<Tensor>> j = Functional.jacobianOutputs(f.body, in, cg, strict);
                    if (tupleIn) return j;
                    List<Tensor> perOutput = new ArrayList<>();
                    for (List<Tensor> row : j) perOutput.add(row.get(0));
                    return perOutput;
                }
                case "hessian" -> {
                    if (!tupleIn) return Functional.hessian(single, in.get(0), cg, strict, false);
                    return Functional.hessian(oneOut, in, cg, strict);
                }
                case "vjp", "jvp" -> {
                    if (!tupleIn && !f.tupleOut) {
                        Tensor vv = v == null ? null : t(v);
                        var r = what.equals("vjp") ? Functional.vjp(single, in.get(0), vv, cg, strict) : Functional.jvp(single, in.get(0), vv, cg, strict);
                        return List.of(r.output(), r.result());
                    }
                    List<Tensor> vs = v == null ? null : v instanceof List<?> ? ts(v) : List.of(t(v));
                    var r = what.equals("vjp") ? Functional.vjp(f.body, in, vs, cg, strict) : Functional.jvp(f.body, in, vs, cg, strict);
                    Object out = f.tupleOut ? r.output() : r.output().get(0);
                    boolean resultIsTuple = what.equals("vjp") ? tupleIn : f.tupleOut;
                    Object res = resultIsTuple ? r.result() : r.result().get(0);
                    return List.of(out, res);
                }
                case "vhp", "hvp" -> {
                    Tensor vv = v == null ? null : t(v);
                    var r = what.equals("vhp") ? Functional.vhp(single, in.get(0), vv, cg, strict) : Functional.hvp(single, in.get(0), vv, cg, strict);
                    return List.of(r.output(), r.result());
                }
                default -> throw new IllegalArgumentException("unknown functional " + what);
            }
        }

        private void raises(List<Object> st, String expected) {
            try {
                execute(st);
            } catch (IllegalArgumentException | IllegalStateException | Gradcheck.GradcheckError e) {
                boolean gradcheck = "gradcheck".equals(st.get(0));
                if (gradcheck != (e instanceof Gradcheck.GradcheckError)) {
                    problems.add("step " + step + " " + st + ": expected " + (gradcheck ? "a GradcheckError" : "IllegalArgumentException/IllegalStateException")
                            + " but got " + e.getClass().getName() + ": " + e.getMessage());
                    return;
                }
                String actual = String.valueOf(e.getMessage());
                if (gradcheck) actual = actual.split("\n", -1)[0];
                if (!expected.equals(actual)) {
                    problems.add("step " + step + " " + st.get(0) + " " + st.get(1) + ": wrong message (" + e.getClass().getSimpleName() + ")\n  expected: "
                            + expected + "\n  actual:   " + actual);
                }
                return;
            } catch (RuntimeException | Error e) {
                problems.add("step " + step + " " + st + ": expected \"" + expected + "\" but got " + e.getClass().getName() + ": " + e.getMessage());
                return;
            }
            problems.add("step " + step + " " + st + ": expected error \"" + expected + "\" but it succeeded");
        }

        private void check(String what, Object target, Object expected) {
            String where = "step " + step + " check " + what + " " + (target == null ? "" : target);
            switch (what) {
                case "value" -> checkTensor(problems, where, Json.asMap(expected), t(target), Tol.DEFAULT);
                case "grad" -> {
                    Tensor g = t(target).grad();
                    if (expected == null) {
                        if (g != null) problems.add(where + ": expected null but got " + g);
                    } else if (g == null) {
                        problems.add(where + ": expected " + Json.asMap(expected).get("values") + " but got null");
                    } else {
                        checkTensor(problems, where, Json.asMap(expected), g, Tol.DEFAULT);
                    }
                }
                case "grad_is_null" -> same(where, expected, t(target).grad() == null);
                case "requires_grad" -> same(where, expected, t(target).requiresGrad());
                case "is_leaf" -> same(where, expected, t(target).isLeaf());
                case "retains_grad" -> same(where, expected, t(target).retainsGrad());
                case "grad_fn" -> same(where, expected, t(target).gradFn() == null ? null : t(target).gradFn().name());
                case "graph" -> same(where, render(expected), render(t(target).gradFn(), 0));
                case "repr" -> same(where, expected, t(target).toString());
                case "version" -> same(where, Json.asLong(expected), (long) t(target).version());
                case "output_nr" -> same(where, Json.asLong(expected), (long) t(target).outputNr());
                case "grad_enabled" -> same(where, expected, Torch.isGradEnabled());
                case "same" -> {
                    List<Object> pair = Json.asList(target);
                    same(where, expected, ref(pair.get(0)) == ref(pair.get(1)));
                }
                case "shares" -> {
                    List<Object> pair = Json.asList(target);
                    same(where, expected, t(pair.get(0)).sharesStorageWith(t(pair.get(1))));
                }
                case "log" -> checkLog(where, Json.asList(expected));
                case "nested" -> checkNested(where, expected, ref(target));
                default -> throw new IllegalArgumentException("unknown check " + what);
            }
        }

        private void same(String where, Object expected, Object actual) {
            boolean eq = expected == null ? actual == null : expected.equals(actual);
            if (!eq) problems.add(where + ":\n  expected: " + expected + "\n  actual:   " + actual);
        }

        private void checkLog(String where, List<Object> expected) {
            List<String> e = new ArrayList<>(), a = new ArrayList<>();
            for (Object o : expected) {
                List<Object> entry = Json.asList(o);
                e.add(entry.get(0) + "=" + Arrays.toString(Json.asDoubleArray(entry.get(1))));
            }
            for (Object[] entry : log) a.add(entry[0] + "=" + Arrays.toString((double[]) entry[1]));
            // hook gradients here are small exact values (sums of ones, scaled), or exp(): compare with tolerance
            boolean ok = e.size() == a.size();
            for (int i = 0; ok && i < e.size(); i++) {
                List<Object> entry = Json.asList(expected.get(i));
                double[] ev = Json.asDoubleArray(entry.get(1)), av = (double[]) log.get(i)[1];
                ok = entry.get(0).toString().equals(log.get(i)[0].toString()) && ev.length == av.length;
                for (int k = 0; ok && k < ev.length; k++) ok = Math.abs(ev[k] - av[k]) <= ATOL + RTOL * Math.abs(ev[k]);
            }
            if (!ok) problems.add(where + ": hook log\n  expected: " + e + "\n  actual:   " + a);
        }

        private void checkNested(String where, Object expected, Object actual) {
            if (expected == null) {
                if (actual != null) problems.add(where + ": expected null but got " + describe(actual));
            } else if (expected instanceof Boolean b) {
                if (!b.equals(actual)) problems.add(where + ": expected " + b + " but got " + describe(actual));
            } else if (expected instanceof List<?> l) {
                if (!(actual instanceof List<?> al) || al.size() != l.size()) {
                    problems.add(where + ": expected a list of " + l.size() + " but got " + describe(actual));
                    return;
                }
                for (int i = 0; i < l.size(); i++) checkNested(where + "[" + i + "]", l.get(i), al.get(i));
            } else {
                Map<String, Object> e = Json.asMap(expected);
                if (!(actual instanceof Tensor t)) {
                    problems.add(where + ": expected a tensor " + e.get("values") + " but got " + describe(actual));
                    return;
                }
                checkTensor(problems, where, e, t, Tol.DEFAULT);
                if (e.containsKey("rg") && !e.get("rg").equals(t.requiresGrad())) {
                    problems.add(where + ".requires_grad: expected " + e.get("rg") + " but got " + t.requiresGrad());
                }
            }
        }

        /** The expected graph as "Name[var](child:nr, None:nr)". */
        private static String render(Object expected) {
            if (expected == null) return "None";
            Map<String, Object> m = Json.asMap(expected);
            StringBuilder sb = new StringBuilder((String) m.get("name"));
            if (m.containsKey("var")) sb.append('[').append(m.get("var")).append(']');
            if (m.containsKey("next")) {
                List<String> parts = new ArrayList<>();
                for (Object e : Json.asList(m.get("next"))) {
                    List<Object> pair = Json.asList(e);
                    parts.add(render(pair.get(0)) + ":" + Json.asLong(pair.get(1)));
                }
                sb.append('(').append(String.join(", ", parts)).append(')');
            }
            return sb.toString();
        }

        /** jgrad's graph in the same form; an AccumulateGrad names the variable it accumulates into. */
        private String render(Node node, int depth) {
            if (node == null) return "None";
            StringBuilder sb = new StringBuilder(node.name());
            if (node instanceof AccumulateGrad ag) {
                String var = null;
                for (Map.Entry<String, Object> en : env.entrySet()) if (en.getValue() == ag.variable()) var = en.getKey();
                return sb.append('[').append(var).append(']').toString();
            }
            if (depth > 12) return sb.toString();
            List<String> parts = new ArrayList<>();
            for (Edge e : node.nextFunctions()) parts.add(render(e.node(), depth + 1) + ":" + e.inputNr());
            return sb.append('(').append(String.join(", ", parts)).append(')').toString();
        }
    }

    /** A closeable without a checked exception, for the grad-mode guards. */
    private interface AutoCloseable0 extends AutoCloseable {
        @Override void close();
    }

    // ==================================================================================== named functions and custom Functions

    /** A function for torch.autograd.functional / gradcheck: PyTorch's tuple-ness of its inputs and outputs, and its body. */
    private record Fn(boolean tupleIn, boolean tupleOut, java.util.function.Function<List<Tensor>, List<Tensor>> body) {}

    private static final Map<String, Fn> FUNCS = new HashMap<>();

    static {
        FUNCS.put("exp_adder", new Fn(true, false, in -> List.of(in.get(0).exp().mul(2).add(in.get(1).mul(3)))));
        FUNCS.put("do_some_doubling", new Fn(false, false, in -> List.of(in.get(0).mul(2).mul(2).mul(2).mul(2))));
        FUNCS.put("exp_times_2", new Fn(false, false, in -> List.of(in.get(0).exp().mul(2))));
        FUNCS.put("pow3_sum", new Fn(false, false, in -> List.of(in.get(0).pow(3).sum())));
        FUNCS.put("sin_prod_sum", new Fn(false, false, in -> List.of(in.get(0).sin().mul(in.get(0)).sum())));
        FUNCS.put("sum_sq_xy", new Fn(true, false, in -> {
            Tensor x = in.get(0), y = in.get(1);
            return List.of(x.mul(x).mul(y).sum().add(y.exp().mul(x).sum()));
        }));
        FUNCS.put("matvec", new Fn(false, false, in ->
                List.of(Torch.tensor(new double[][] {{1.0, 2.0}, {3.0, -1.0}, {0.5, 0.25}}, DType.FLOAT64).mv(in.get(0)))));
        FUNCS.put("two_outputs", new Fn(true, true, in -> List.of(in.get(0).mul(in.get(1)), in.get(0).exp())));
        FUNCS.put("one_in_two_out", new Fn(false, true, in -> List.of(in.get(0).sin(), in.get(0).mul(in.get(0)))));
        FUNCS.put("ignores_y", new Fn(true, false, in -> List.of(in.get(0).mul(3))));
        FUNCS.put("detached", new Fn(false, false, in -> List.of(in.get(0).detach().mul(2))));
        FUNCS.put("linear_sum", new Fn(false, false, in -> List.of(in.get(0).mul(3).sum())));
        FUNCS.put("vector_out", new Fn(false, false, in -> List.of(in.get(0).mul(2))));
        FUNCS.put("bad_grad", new Fn(false, false, in -> List.of(new BadGrad().apply(in.get(0)))));
        FUNCS.put("mul_add", new Fn(true, false, in -> List.of(new MulAdd().apply(in.get(0), in.get(1)))));
        FUNCS.put("grad_of_exp", new Fn(false, true, in -> Autograd.grad(
                List.of(in.get(0).exp().mul(Torch.tensor(new double[] {0.5, 1.5, -1.0}, DType.FLOAT64)).sum()), List.of(in.get(0)), null,
                true, true, false)));
    }

    private static final Map<String, Supplier<dev.jgrad.autograd.Function>> CUSTOM = Map.of(
            "MyExp", MyExp::new, "MulAdd", MulAdd::new, "WrongShape", WrongShape::new, "TooFew", TooFew::new, "BadGrad", BadGrad::new);

    /** exp with its output saved. */
    static final class MyExp extends dev.jgrad.autograd.Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) {
            Tensor r = in[0].exp();
            ctx.saveForBackward(r);
            return r;
        }

        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0].mul(ctx.savedTensors().get(0))}; }
    }

    /** a * b + a, computing only the gradients needsInputGrad asks for. */
    static final class MulAdd extends dev.jgrad.autograd.Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0], in[1]);
            return in[0].mul(in[1]).add(in[0]);
        }

        @Override protected Tensor[] backward(Context ctx, Tensor... g) {
            Tensor a = ctx.savedTensors().get(0), b = ctx.savedTensors().get(1);
            return new Tensor[] {ctx.needsInputGrad(0) ? g[0].mul(b.add(1)) : null, ctx.needsInputGrad(1) ? g[0].mul(a) : null};
        }
    }

    /** Returns a gradient of shape [10] for an input of shape [5]. */
    static final class WrongShape extends dev.jgrad.autograd.Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].clone(); }

        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {Torch.ones(g[0].dtype(), 10)}; }
    }

    /** Two inputs, one gradient. */
    static final class TooFew extends dev.jgrad.autograd.Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].add(in[1]); }

        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0]}; }
    }

    /** a * 2 whose backward forgets the 2. */
    static final class BadGrad extends dev.jgrad.autograd.Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].mul(2); }

        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0]}; }
    }

    // ==================================================================================== ops

    private static Object scalar(String kind, Object value) {
        return kind.equals("long") ? (Object) Json.asLong(value) : (Object) Json.asDouble(value);
    }

    /** A JSON number as a Java long (written without '.', 'e') or double. */
    private static Object number(Json.Num n) {
        String s = n.text();
        return s.contains(".") || s.contains("e") || s.contains("E") ? (Object) n.doubleValue() : (Object) n.longValue();
    }

    private static int i(Map<String, Object> a, String k) { return Math.toIntExact(Json.asLong(a.get(k))); }

    private static long l(Map<String, Object> a, String k) { return Json.asLong(a.get(k)); }

    private static boolean keepdim(Map<String, Object> a) { return Boolean.TRUE.equals(a.get("keepdim")); }

    private static int[] ints(Object o) {
        long[] v = Json.asLongArray(o);
        int[] r = new int[v.length];
        for (int k = 0; k < v.length; k++) r[k] = Math.toIntExact(v[k]);
        return r;
    }

    private interface TT { Tensor f(Tensor a, Tensor b); }

    private interface TL { Tensor f(Tensor a, long b); }

    private interface TD { Tensor f(Tensor a, double b); }

    /** A binary op whose second operand is a tensor, a Java long or a Java double. */
    private static Tensor bin(Object a, Object b, TT tt, TL tl, TD td) {
        Tensor x = (Tensor) a;
        if (b instanceof Tensor y) return tt.f(x, y);
        if (b instanceof Long v) return tl.f(x, v);
        return td.f(x, (Double) b);
    }

    private static double alpha(Map<String, Object> a) { return Json.asDouble(a.get("alpha")); }

    /** The Java call for each op name of the fixture (a mirror of py_op in gen_autograd.py). */
    static Object op(String op, List<Object> in, Map<String, Object> a) {
        Tensor x = in.isEmpty() || !(in.get(0) instanceof Tensor) ? null : (Tensor) in.get(0);
        Object y = in.size() > 1 ? in.get(1) : null;
        return switch (op) {
            case "add" -> a.containsKey("alpha") ? x.add((Tensor) y, alpha(a)) : bin(x, y, Tensor::add, Tensor::add, Tensor::add);
            case "sub" -> a.containsKey("alpha") ? x.sub((Tensor) y, alpha(a)) : bin(x, y, Tensor::sub, Tensor::sub, Tensor::sub);
            case "mul" -> bin(x, y, Tensor::mul, Tensor::mul, Tensor::mul);
            case "div" -> bin(x, y, Tensor::div, Tensor::div, Tensor::div);
            case "pow" -> bin(x, y, Tensor::pow, Tensor::pow, Tensor::pow);
            case "rsub" -> bin(x, y, Tensor::rsub, Tensor::rsub, Tensor::rsub);
            case "remainder" -> bin(x, y, Tensor::remainder, Tensor::remainder, Tensor::remainder);
            case "maximum" -> x.maximum((Tensor) y);
            case "minimum" -> x.minimum((Tensor) y);
            case "atan2" -> x.atan2((Tensor) y);
            case "where" -> in.get(2) instanceof Tensor other ? Torch.where(x, (Tensor) y, other) : Torch.where(x, (Tensor) y, (Double) in.get(2));
            case "neg" -> x.neg();
            case "abs" -> x.abs();
            case "exp" -> x.exp();
            case "log" -> x.log();
            case "sqrt" -> x.sqrt();
            case "rsqrt" -> x.rsqrt();
            case "sin" -> x.sin();
            case "cos" -> x.cos();
            case "tan" -> x.tan();
            case "tanh" -> x.tanh();
            case "sigmoid" -> x.sigmoid();
            case "relu" -> x.relu();
            case "log1p" -> x.log1p();
            case "expm1" -> x.expm1();
            case "reciprocal" -> x.reciprocal();
            case "floor" -> x.floor();
            case "ceil" -> x.ceil();
            case "round" -> x.round();
            case "trunc" -> x.trunc();
            case "sign" -> x.sign();
            case "asin" -> x.asin();
            case "acos" -> x.acos();
            case "atan" -> x.atan();
            case "sinh" -> x.sinh();
            case "cosh" -> x.cosh();
            case "log2" -> x.log2();
            case "log10" -> x.log10();
            case "erf" -> x.erf();
            case "square" -> x.square();
            case "clamp" -> x.clamp(a.containsKey("min") ? Json.asDouble(a.get("min")) : null, a.containsKey("max") ? Json.asDouble(a.get("max")) : null);
            case "clampMin" -> x.clampMin(Json.asDouble(a.get("min")));
            case "clampMax" -> x.clampMax(Json.asDouble(a.get("max")));
            case "sum", "mean" -> {
                boolean sum = op.equals("sum");
                if (!a.containsKey("dim")) yield sum ? x.sum() : x.mean();
                int[] dims = a.get("dim") instanceof List<?> ? ints(a.get("dim")) : new int[] {i(a, "dim")};
                if (a.get("dim") instanceof List<?>) yield sum ? x.sum(dims, keepdim(a)) : x.mean(dims, keepdim(a));
                yield sum ? x.sum(dims[0], keepdim(a)) : x.mean(dims[0], keepdim(a));
            }
            case "prod" -> a.containsKey("dim") ? x.prod(i(a, "dim"), keepdim(a)) : x.prod();
            case "max", "min" -> {
                if (!a.containsKey("dim")) yield op.equals("max") ? x.max() : x.min();
                ValuesIndices vi = op.equals("max") ? x.max(i(a, "dim"), keepdim(a)) : x.min(i(a, "dim"), keepdim(a));
                yield List.of(vi.values(), vi.indices());
            }
            case "amax" -> x.amax(i(a, "dim"), keepdim(a));
            case "amin" -> x.amin(i(a, "dim"), keepdim(a));
            case "norm" -> {
                if (!a.containsKey("p")) yield x.norm();
                double p = Json.asDouble(a.get("p"));
                yield a.containsKey("dim") ? x.norm(p, i(a, "dim"), keepdim(a)) : x.norm(p);
            }
            case "mm" -> x.mm((Tensor) y);
            case "bmm" -> x.bmm((Tensor) y);
            case "mv" -> x.mv((Tensor) y);
            case "dot" -> x.dot((Tensor) y);
            case "matmul" -> x.matmul((Tensor) y);
            case "cat", "stack" -> {
                List<Tensor> ts = new ArrayList<>();
                for (Object o : in) ts.add((Tensor) o);
                if (op.equals("cat")) yield a.containsKey("dim") ? Torch.cat(ts, i(a, "dim")) : Torch.cat(ts);
                yield a.containsKey("dim") ? Torch.stack(ts, i(a, "dim")) : Torch.stack(ts);
            }
            case "view" -> x.view(Json.asLongArray(a.get("shape")));
            case "reshape" -> x.reshape(Json.asLongArray(a.get("shape")));
            case "viewAs" -> x.viewAs((Tensor) y);
            case "reshapeAs" -> x.reshapeAs((Tensor) y);
            case "expandAs" -> x.expandAs((Tensor) y);
            case "flatten" -> a.containsKey("start") ? x.flatten(i(a, "start"), i(a, "end")) : x.flatten();
            case "transpose" -> x.transpose(i(a, "dim0"), i(a, "dim1"));
            case "t" -> x.t();
            case "permute" -> x.permute(ints(a.get("dims")));
            case "squeeze" -> a.containsKey("dim") ? x.squeeze(i(a, "dim")) : x.squeeze();
            case "unsqueeze" -> x.unsqueeze(i(a, "dim"));
            case "expand" -> x.expand(Json.asLongArray(a.get("sizes")));
            case "select" -> x.select(i(a, "dim"), l(a, "index"));
            case "get" -> x.get(l(a, "index"));
            case "slice" -> x.slice(i(a, "dim"), l(a, "start"), l(a, "end"), a.containsKey("step") ? l(a, "step") : 1);
            case "narrow" -> x.narrow(i(a, "dim"), l(a, "start"), l(a, "length"));
            case "index" -> x.index((String) a.get("index"));
            case "contiguous" -> x.contiguous();
            case "clone" -> x.clone();
            case "detach" -> x.detach();
            case "to" -> x.to(dtype((String) a.get("dtype")));
            case "split" -> x.split(l(a, "size"), i(a, "dim"));
            case "chunk" -> x.chunk(i(a, "chunks"), i(a, "dim"));
            case "unbind" -> x.unbind(i(a, "dim"));
            case "gather" -> x.gather(i(a, "dim"), (Tensor) y);
            case "scatterAdd" -> x.scatterAdd(i(a, "dim"), (Tensor) y, (Tensor) in.get(2));
            case "mulOut" -> Torch.mul(x, (Tensor) y, (Tensor) in.get(2));
            case "ones" -> Torch.ones(dtype((String) a.getOrDefault("dtype", "float64")), Json.asLongArray(a.get("size")));
            case "zeros" -> Torch.zeros(dtype((String) a.getOrDefault("dtype", "float64")), Json.asLongArray(a.get("size")));
            default -> throw new UnsupportedOperationException("fixture op not known to the test: " + op);
        };
    }

    private static Tensor inPlace(Tensor x, String op, List<Object> in, Map<String, Object> a) {
        Object y = in.isEmpty() ? null : in.get(0);
        return switch (op) {
            case "add_" -> a.containsKey("alpha") ? x.add_((Tensor) y, alpha(a)) : bin(x, y, Tensor::add_, Tensor::add_, Tensor::add_);
            case "sub_" -> a.containsKey("alpha") ? x.sub_((Tensor) y, alpha(a)) : bin(x, y, Tensor::sub_, Tensor::sub_, Tensor::sub_);
            case "mul_" -> bin(x, y, Tensor::mul_, Tensor::mul_, Tensor::mul_);
            case "div_" -> bin(x, y, Tensor::div_, Tensor::div_, Tensor::div_);
            case "pow_" -> bin(x, y, Tensor::pow_, Tensor::pow_, Tensor::pow_);
            case "neg_" -> x.neg_();
            case "exp_" -> x.exp_();
            case "sin_" -> x.sin_();
            case "relu_" -> x.relu_();
            case "sigmoid_" -> x.sigmoid_();
            case "zero_" -> x.zero_();
            case "copy_" -> x.copy_((Tensor) y);
            case "fill_" -> y instanceof Long v ? x.fill_(v) : x.fill_((Double) y);
            default -> throw new UnsupportedOperationException("in-place op not known to the test: " + op);
        };
    }

    // ==================================================================================== tensor specs

    static DType dtype(String name) { return FixtureTensors.dtype(name); }

    static Tensor tensor(Map<String, Object> spec) { return FixtureTensors.tensor(spec); }

    // ==================================================================================== comparing

    /** Value tolerance: |expected - actual| <= atol + rtol * |expected|. */
    private record Tol(double rtol, double atol) {
        static final Tol DEFAULT = new Tol(RTOL, ATOL);

        static Tol of(Object json) {
            if (json == null) return DEFAULT;
            Map<String, Object> m = Json.asMap(json);
            return new Tol(Json.asDouble(m.get("rtol")), Json.asDouble(m.get("atol")));
        }
    }

    private static void checkTensor(List<String> problems, String what, Map<String, Object> e, Tensor t, Tol tol) {
        DType edt = dtype((String) e.get("dtype"));
        if (t.dtype() != edt) {
            problems.add(what + " dtype: expected " + edt + " but got " + t.dtype());
            return;
        }
        checkValues(problems, what, e, t, edt == DType.FLOAT32 ? new Tol(Math.max(tol.rtol, RTOL_F32), Math.max(tol.atol, ATOL_F32)) : tol);
    }

    private static void checkValues(List<String> problems, String what, Map<String, Object> e, Tensor t, Tol tol) {
        long[] shape = Json.asLongArray(e.get("shape"));
        if (!Arrays.equals(shape, t.shape())) {
            problems.add(what + " shape: expected " + Arrays.toString(shape) + " but got " + Arrays.toString(t.shape()) + " " + t);
            return;
        }
        List<Object> values = Json.asList(e.get("values"));
        if (t.dtype() == DType.BOOL || !t.dtype().isFloatingPoint()) {
            String exp = values.toString(), act = t.dtype() == DType.BOOL ? Arrays.toString(t.toBooleanArray()) : Arrays.toString(t.toLongArray());
            if (!exp.replace(" ", "").equals(act.replace(" ", ""))) problems.add(what + " values: expected " + exp + " but got " + act);
            return;
        }
        double[] got = t.toDoubleArray();
        List<String> bad = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            double ev = Json.asDouble(values.get(k)), gv = got[k];
            boolean ok = Double.isNaN(ev) ? Double.isNaN(gv)
                    : Double.isInfinite(ev) ? ev == gv : Math.abs(ev - gv) <= tol.atol + tol.rtol * Math.abs(ev);
            if (!ok && bad.size() < 6) bad.add("[" + k + "] expected " + ev + " got " + gv);
        }
        if (!bad.isEmpty()) problems.add(what + " values differ (rtol " + tol.rtol + ", atol " + tol.atol + "): " + String.join(", ", bad));
    }

    private static String describe(Object o) {
        if (o instanceof Tensor t) return "tensor " + Arrays.toString(t.shape()) + " " + Arrays.toString(t.toDoubleArray());
        return String.valueOf(o);
    }
}
