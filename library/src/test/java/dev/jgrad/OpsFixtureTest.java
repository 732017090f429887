package dev.jgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.testutil.FixtureTensors;
import dev.jgrad.testutil.Json;
import dev.jgrad.testutil.TensorExpectations;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Values, dtypes, shapes, printed forms and error messages of the tensor core, checked against what real
 * PyTorch 1.13 computed for the same inputs (fixtures/ops.json, written by tools/fixtures/gen_ops.py).
 *
 * <p>Each case names an op after the jgrad method; {@link #dispatch} maps it to the Java call. Inputs are
 * rebuilt with the memory layout the fixture asks for (transposed, sliced, expanded, offset views), so
 * every op is also exercised on non-contiguous operands. Float results are compared exactly for ops that
 * IEEE arithmetic makes exact, and within a few ulp where the fixture says "approx" (transcendental
 * functions, reductions, matmul); ints and bools always exactly. Errors must be an
 * IllegalArgumentException or IllegalStateException carrying PyTorch's message.
 */
class OpsFixtureTest {
    private static final String FIXTURE = "fixtures/ops.json";
    /** The case being checked, for log lines (dynamic tests run one at a time). */
    private static String currentCase = "";

    private static List<Map<String, Object>> cases() {
        List<Object> raw = Json.asList(Json.resource(FIXTURE));
        List<Map<String, Object>> out = new ArrayList<>(raw.size());
        for (Object o : raw) out.add(Json.asMap(o));
        return out;
    }

    @Test
    void fixtureIsComplete() {
        List<Map<String, Object>> cases = cases();
        assertTrue(cases.size() >= 600, "fixture has only " + cases.size() + " cases");
        long names = cases.stream().map(c -> c.get("name")).distinct().count();
        assertEquals(cases.size(), names, "case names must be unique");
        for (Map<String, Object> c : cases) {
            assertTrue(c.containsKey("expect") ^ c.containsKey("error"), "expect xor error: " + c.get("name"));
        }
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return cases().stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> run(c)));
    }

    // ==================================================================================== running a case

    private static void run(Map<String, Object> c) {
        String op = (String) c.get("op");
        currentCase = (String) c.get("name");
        Map<String, Object> args = Json.asMap(c.get("args"));
        List<Object> inputs = new ArrayList<>();
        for (Object spec : Json.asList(c.get("inputs"))) inputs.add(input(Json.asMap(spec)));
        if (c.containsKey("error")) {
            expectError((String) c.get("error"), op, inputs, args);
            return;
        }
        Object result = dispatch(op, inputs, args);
        List<String> problems = new ArrayList<>();
        boolean approx = Boolean.TRUE.equals(c.get("approx"));
        Double atol = c.containsKey("atol") ? Json.asDouble(c.get("atol")) : null;
        rtol = c.containsKey("rtol") ? Json.asDouble(c.get("rtol")) : null;
        Object x0 = inputs.isEmpty() ? null : inputs.get(0);
        Object expect = c.get("expect");
        if (expect instanceof Boolean b) {
            check(problems, "result", b, result);
        } else if (expect instanceof Map<?, ?> m && m.containsKey("item")) {
            checkItem(problems, op, m.get("item"), result);
        } else if (expect instanceof Map<?, ?>) {
            if (!(result instanceof Tensor t)) {
                fail("expected a tensor, got " + describe(result));
                return;
            }
            checkTensor(problems, "result", Json.asMap(expect), t, x0, approx, atol);
            if (op.equals("Torch.add_out") && t != inputs.get(2)) problems.add("add(a, b, out) must return out");
        } else {
            List<Object> parts = Json.asList(expect);
            List<Tensor> got = results(result);
            if (got.size() != parts.size()) {
                fail("expected " + parts.size() + " results, got " + got.size() + ": " + describe(result));
            }
            for (int i = 0; i < parts.size(); i++) {
                checkTensor(problems, "result[" + i + "]", Json.asMap(parts.get(i)), got.get(i), x0, approx, atol);
            }
            if (c.containsKey("tuple_repr")) check(problems, "tuple repr", c.get("tuple_repr"), result.toString());
        }
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    private static List<Tensor> results(Object result) {
        if (result instanceof ValuesIndices vi) return List.of(vi.values(), vi.indices());
        if (result instanceof Tensor[] arr) return Arrays.asList(arr);
        if (result instanceof List<?> l) {
            List<Tensor> out = new ArrayList<>();
            for (Object o : l) out.add((Tensor) o);
            return out;
        }
        fail("expected several results, got " + describe(result));
        return List.of();
    }

    private static void expectError(String expected, String op, List<Object> inputs, Map<String, Object> args) {
        Object result;
        try {
            result = dispatch(op, inputs, args);
        } catch (IllegalArgumentException | IllegalStateException e) {
            String actual = e.getMessage();
            if (expected.equals(actual)) return;
            // the one deliberate wording difference: item() says "Java scalars" where PyTorch says "Python scalars"
            if (expected.contains("Python scalars") && expected.replace("Python scalars", "Java scalars").equals(actual)) return;
            fail("wrong message (" + e.getClass().getSimpleName() + ")\n  expected: " + expected + "\n  actual:   " + actual);
            return;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("expected IllegalArgumentException/IllegalStateException \"" + expected + "\" but got "
                    + e.getClass().getName() + ": " + e.getMessage(), e);
        }
        fail("expected error \"" + expected + "\" but got " + describe(result));
    }

    private static String describe(Object o) {
        if (o instanceof Tensor t) return "tensor dtype=" + t.dtype() + " shape=" + Arrays.toString(t.shape()) + "\n" + t;
        if (o instanceof Tensor[] arr) return Arrays.toString(arr);
        return String.valueOf(o);
    }

    // ==================================================================================== inputs

    /** A Java scalar argument: long, double or boolean. */
    private record JScalar(String kind, Object json) {
        long asLong() { return Json.asLong(json); }

        double asDouble() { return Json.asDouble(json); }

        boolean asBool() { return (Boolean) json; }
    }

    private static Object input(Map<String, Object> spec) {
        if (spec.containsKey("scalar")) return new JScalar((String) spec.get("scalar"), spec.get("value"));
        return tensor(spec);
    }

    static DType dtype(String name) { return FixtureTensors.dtype(name); }

    private static Tensor tensor(Map<String, Object> spec) { return FixtureTensors.tensor(spec); }

    // ==================================================================================== dispatch

    private static Tensor t(List<Object> in, int i) { return (Tensor) in.get(i); }

    private static int i(Map<String, Object> a, String k) { return Math.toIntExact(Json.asLong(a.get(k))); }

    private static long l(Map<String, Object> a, String k) { return Json.asLong(a.get(k)); }

    private static double d(Map<String, Object> a, String k) { return Json.asDouble(a.get(k)); }

    private static boolean b(Map<String, Object> a, String k) { return (Boolean) a.get(k); }

    private static int[] ints(Object o) {
        long[] l = Json.asLongArray(o);
        int[] r = new int[l.length];
        for (int k = 0; k < l.length; k++) r[k] = Math.toIntExact(l[k]);
        return r;
    }

    private static DType dt(Map<String, Object> a) { return a.containsKey("dtype") ? dtype((String) a.get("dtype")) : null; }

    private static List<Tensor> tensors(List<Object> in) {
        List<Tensor> out = new ArrayList<>();
        for (Object o : in) out.add((Tensor) o);
        return out;
    }

    private interface TT { Tensor f(Tensor a, Tensor b); }

    private interface TL { Tensor f(Tensor a, long b); }

    private interface TD { Tensor f(Tensor a, double b); }

    /** A binary op whose second operand is a tensor, a Java long or a Java double. */
    private static Tensor bin(Object a, Object b, TT tt, TL tl, TD td) {
        Tensor x = (Tensor) a;
        if (b instanceof Tensor y) return tt.f(x, y);
        JScalar s = (JScalar) b;
        return switch (s.kind()) {
            case "long" -> {
                if (tl == null) throw new UnsupportedOperationException("no long overload");
                yield tl.f(x, s.asLong());
            }
            case "double" -> {
                if (td == null) throw new UnsupportedOperationException("no double overload");
                yield td.f(x, s.asDouble());
            }
            default -> throw new UnsupportedOperationException("no boolean overload");
        };
    }

    private static Object dispatch(String op, List<Object> in, Map<String, Object> a) {
        Object y = in.size() > 1 ? in.get(1) : null;
        boolean hasAlpha = a.containsKey("alpha");
        double alpha = hasAlpha ? d(a, "alpha") : 1;
        return switch (op) {
            // ---------------------------------------------------------------- creation
            case "tensor" -> {
                Object data = javaArray(a.get("data"), (String) a.get("kind"));
                yield a.containsKey("dtype") ? Torch.tensor(data, dt(a)) : Torch.tensor(data);
            }
            case "scalarTensor" -> {
                JScalar s = (JScalar) in.get(0);
                yield switch (s.kind()) {
                    case "double" -> a.containsKey("dtype") ? Torch.scalarTensor(s.asDouble(), dt(a)) : Torch.scalarTensor(s.asDouble());
                    case "long" -> Torch.scalarTensor(s.asLong());
                    default -> Torch.scalarTensor(s.asBool());
                };
            }
            case "zeros" -> a.containsKey("dtype") ? Torch.zeros(dt(a), Json.asLongArray(a.get("size"))) : Torch.zeros(Json.asLongArray(a.get("size")));
            case "ones" -> a.containsKey("dtype") ? Torch.ones(dt(a), Json.asLongArray(a.get("size"))) : Torch.ones(Json.asLongArray(a.get("size")));
            case "full" -> {
                long[] size = Json.asLongArray(a.get("size"));
                JScalar s = (JScalar) in.get(0);
                if (a.containsKey("dtype")) yield Torch.full(size, s.asDouble(), dt(a));
                yield switch (s.kind()) {
                    case "double" -> Torch.full(size, s.asDouble());
                    case "long" -> Torch.full(size, s.asLong());
                    default -> Torch.full(size, s.asBool());
                };
            }
            case "arange" -> arange(in, a);
            case "linspace" -> a.containsKey("dtype")
                    ? Torch.linspace(d(a, "start"), d(a, "end"), l(a, "steps"), dt(a))
                    : Torch.linspace(d(a, "start"), d(a, "end"), l(a, "steps"));
            case "eye" -> a.containsKey("dtype") ? Torch.eye(dt(a), l(a, "n"), l(a, "m"))
                    : a.containsKey("m") ? Torch.eye(l(a, "n"), l(a, "m")) : Torch.eye(l(a, "n"));
            case "randint" -> Torch.randint(l(a, "low"), l(a, "high"), Json.asLongArray(a.get("size")));
            case "rand" -> Torch.rand(dt(a), Json.asLongArray(a.get("size")));
            case "randn" -> Torch.randn(dt(a), Json.asLongArray(a.get("size")));
            case "zerosLike" -> a.containsKey("dtype") ? Torch.zerosLike(t(in, 0), dt(a)) : Torch.zerosLike(t(in, 0));
            case "onesLike" -> a.containsKey("dtype") ? Torch.onesLike(t(in, 0), dt(a)) : Torch.onesLike(t(in, 0));
            case "fullLike" -> Torch.fullLike(t(in, 0), ((JScalar) y).asDouble());
            case "newZeros" -> a.containsKey("dtype") ? t(in, 0).newZeros(dt(a), Json.asLongArray(a.get("size")))
                    : t(in, 0).newZeros(Json.asLongArray(a.get("size")));
            case "newOnes" -> a.containsKey("dtype") ? t(in, 0).newOnes(dt(a), Json.asLongArray(a.get("size")))
                    : t(in, 0).newOnes(Json.asLongArray(a.get("size")));
            case "newFull" -> t(in, 0).newFull(Json.asLongArray(a.get("size")), ((JScalar) y).asDouble());
            // ---------------------------------------------------------------- binary
            case "add" -> hasAlpha ? t(in, 0).add((Tensor) y, alpha) : bin(in.get(0), y, Tensor::add, Tensor::add, Tensor::add);
            case "sub" -> hasAlpha ? t(in, 0).sub((Tensor) y, alpha) : bin(in.get(0), y, Tensor::sub, Tensor::sub, Tensor::sub);
            case "mul" -> bin(in.get(0), y, Tensor::mul, Tensor::mul, Tensor::mul);
            case "div" -> bin(in.get(0), y, Tensor::div, Tensor::div, Tensor::div);
            case "pow" -> bin(in.get(0), y, Tensor::pow, Tensor::pow, Tensor::pow);
            case "rsub" -> bin(in.get(0), y, Tensor::rsub, Tensor::rsub, Tensor::rsub);
            case "remainder" -> bin(in.get(0), y, Tensor::remainder, Tensor::remainder, Tensor::remainder);
            case "floorDivide" -> bin(in.get(0), y, Tensor::floorDivide, Tensor::floorDivide, Tensor::floorDivide);
            case "maximum" -> t(in, 0).maximum((Tensor) y);
            case "minimum" -> t(in, 0).minimum((Tensor) y);
            case "atan2" -> t(in, 0).atan2((Tensor) y);
            case "eq" -> bin(in.get(0), y, Tensor::eq, Tensor::eq, Tensor::eq);
            case "ne" -> bin(in.get(0), y, Tensor::ne, Tensor::ne, Tensor::ne);
            case "gt" -> bin(in.get(0), y, Tensor::gt, Tensor::gt, Tensor::gt);
            case "ge" -> bin(in.get(0), y, Tensor::ge, Tensor::ge, Tensor::ge);
            case "lt" -> bin(in.get(0), y, Tensor::lt, Tensor::lt, Tensor::lt);
            case "le" -> bin(in.get(0), y, Tensor::le, Tensor::le, Tensor::le);
            case "logicalAnd" -> t(in, 0).logicalAnd((Tensor) y);
            case "logicalOr" -> t(in, 0).logicalOr((Tensor) y);
            case "logicalXor" -> t(in, 0).logicalXor((Tensor) y);
            case "Torch.add_out" -> Torch.add(t(in, 0), t(in, 1), t(in, 2));
            case "clamp" -> t(in, 0).clamp(a.containsKey("min") ? (Double) d(a, "min") : null,
                    a.containsKey("max") ? (Double) d(a, "max") : null);
            case "clampMin" -> t(in, 0).clampMin(d(a, "min"));
            case "clampMax" -> t(in, 0).clampMax(d(a, "max"));
            case "where" -> in.get(2) instanceof Tensor o ? Torch.where(t(in, 0), t(in, 1), o)
                    : Torch.where(t(in, 0), t(in, 1), ((JScalar) in.get(2)).asDouble());
            case "where_method" -> in.get(2) instanceof Tensor o ? t(in, 0).where(t(in, 1), o)
                    : t(in, 0).where(t(in, 1), ((JScalar) in.get(2)).asDouble());
            case "equal" -> t(in, 0).equal((Tensor) y);
            case "allclose" -> a.containsKey("rtol") ? t(in, 0).allclose((Tensor) y, d(a, "rtol"), d(a, "atol"))
                    : t(in, 0).allclose((Tensor) y);
            // ---------------------------------------------------------------- unary
            case "neg" -> t(in, 0).neg();
            case "abs" -> t(in, 0).abs();
            case "exp" -> t(in, 0).exp();
            case "log" -> t(in, 0).log();
            case "sqrt" -> t(in, 0).sqrt();
            case "rsqrt" -> t(in, 0).rsqrt();
            case "sin" -> t(in, 0).sin();
            case "cos" -> t(in, 0).cos();
            case "tan" -> t(in, 0).tan();
            case "tanh" -> t(in, 0).tanh();
            case "sigmoid" -> t(in, 0).sigmoid();
            case "relu" -> t(in, 0).relu();
            case "log1p" -> t(in, 0).log1p();
            case "expm1" -> t(in, 0).expm1();
            case "reciprocal" -> t(in, 0).reciprocal();
            case "floor" -> t(in, 0).floor();
            case "ceil" -> t(in, 0).ceil();
            case "round" -> t(in, 0).round();
            case "trunc" -> t(in, 0).trunc();
            case "sign" -> t(in, 0).sign();
            case "asin" -> t(in, 0).asin();
            case "acos" -> t(in, 0).acos();
            case "atan" -> t(in, 0).atan();
            case "sinh" -> t(in, 0).sinh();
            case "cosh" -> t(in, 0).cosh();
            case "log2" -> t(in, 0).log2();
            case "log10" -> t(in, 0).log10();
            case "erf" -> t(in, 0).erf();
            case "square" -> t(in, 0).square();
            case "logicalNot" -> t(in, 0).logicalNot();
            case "Torch.sin_" -> Torch.sin_(t(in, 0));
            // ---------------------------------------------------------------- in place
            case "add_", "sub_", "mul_", "div_", "pow_", "neg_", "abs_", "exp_", "log_", "sqrt_", "sin_", "cos_", "tanh_",
                 "sigmoid_", "relu_", "zero_", "fill_", "copy_" -> inPlace(t(in, 0), op, y, a);
            // ---------------------------------------------------------------- reductions
            case "sum" -> !a.containsKey("dim") ? t(in, 0).sum()
                    : a.get("dim") instanceof List<?> ? t(in, 0).sum(ints(a.get("dim")), b(a, "keepdim"))
                    : a.containsKey("keepdim") ? t(in, 0).sum(i(a, "dim"), b(a, "keepdim")) : t(in, 0).sum(i(a, "dim"));
            case "mean" -> !a.containsKey("dim") ? t(in, 0).mean()
                    : a.get("dim") instanceof List<?> ? t(in, 0).mean(ints(a.get("dim")), b(a, "keepdim"))
                    : a.containsKey("keepdim") ? t(in, 0).mean(i(a, "dim"), b(a, "keepdim")) : t(in, 0).mean(i(a, "dim"));
            case "prod" -> !a.containsKey("dim") ? t(in, 0).prod()
                    : a.containsKey("keepdim") ? t(in, 0).prod(i(a, "dim"), b(a, "keepdim")) : t(in, 0).prod(i(a, "dim"));
            case "max" -> !a.containsKey("dim") ? t(in, 0).max()
                    : a.containsKey("keepdim") ? t(in, 0).max(i(a, "dim"), b(a, "keepdim")) : t(in, 0).max(i(a, "dim"));
            case "min" -> !a.containsKey("dim") ? t(in, 0).min()
                    : a.containsKey("keepdim") ? t(in, 0).min(i(a, "dim"), b(a, "keepdim")) : t(in, 0).min(i(a, "dim"));
            case "argmax" -> !a.containsKey("dim") ? t(in, 0).argmax()
                    : a.containsKey("keepdim") ? t(in, 0).argmax(i(a, "dim"), b(a, "keepdim")) : t(in, 0).argmax(i(a, "dim"));
            case "argmin" -> !a.containsKey("dim") ? t(in, 0).argmin()
                    : a.containsKey("keepdim") ? t(in, 0).argmin(i(a, "dim"), b(a, "keepdim")) : t(in, 0).argmin(i(a, "dim"));
            case "all" -> !a.containsKey("dim") ? t(in, 0).all()
                    : a.containsKey("keepdim") ? t(in, 0).all(i(a, "dim"), b(a, "keepdim")) : t(in, 0).all(i(a, "dim"));
            case "any" -> !a.containsKey("dim") ? t(in, 0).any()
                    : a.containsKey("keepdim") ? t(in, 0).any(i(a, "dim"), b(a, "keepdim")) : t(in, 0).any(i(a, "dim"));
            case "amax" -> t(in, 0).amax(i(a, "dim"), b(a, "keepdim"));
            case "amin" -> t(in, 0).amin(i(a, "dim"), b(a, "keepdim"));
            case "norm" -> !a.containsKey("p") ? t(in, 0).norm()
                    : a.containsKey("dim") ? t(in, 0).norm(d(a, "p"), i(a, "dim"), b(a, "keepdim")) : t(in, 0).norm(d(a, "p"));
            // ---------------------------------------------------------------- linear algebra, joining
            case "matmul" -> t(in, 0).matmul((Tensor) y);
            case "mm" -> t(in, 0).mm((Tensor) y);
            case "bmm" -> t(in, 0).bmm((Tensor) y);
            case "mv" -> t(in, 0).mv((Tensor) y);
            case "dot" -> t(in, 0).dot((Tensor) y);
            case "cat" -> a.containsKey("dim") ? Torch.cat(tensors(in), i(a, "dim")) : Torch.cat(tensors(in));
            case "stack" -> a.containsKey("dim") ? Torch.stack(tensors(in), i(a, "dim")) : Torch.stack(tensors(in));
            // ---------------------------------------------------------------- copies, conversions, scalars
            case "clone" -> t(in, 0).clone();
            case "contiguous" -> t(in, 0).contiguous();
            case "to" -> t(in, 0).to(dt(a));
            case "item" -> t(in, 0).item();
            case "itemLong" -> t(in, 0).itemLong();
            case "itemBool" -> t(in, 0).itemBool();
            // ---------------------------------------------------------------- views
            case "view" -> t(in, 0).view(Json.asLongArray(a.get("shape")));
            case "reshape" -> t(in, 0).reshape(Json.asLongArray(a.get("shape")));
            case "viewAs" -> t(in, 0).viewAs((Tensor) y);
            case "reshapeAs" -> t(in, 0).reshapeAs((Tensor) y);
            case "expandAs" -> t(in, 0).expandAs((Tensor) y);
            case "flatten" -> a.containsKey("start") ? t(in, 0).flatten(i(a, "start"), i(a, "end")) : t(in, 0).flatten();
            case "transpose" -> t(in, 0).transpose(i(a, "dim0"), i(a, "dim1"));
            case "t" -> t(in, 0).t();
            case "T" -> t(in, 0).T();
            case "permute" -> t(in, 0).permute(ints(a.get("dims")));
            case "squeeze" -> a.containsKey("dim") ? t(in, 0).squeeze(i(a, "dim")) : t(in, 0).squeeze();
            case "unsqueeze" -> t(in, 0).unsqueeze(i(a, "dim"));
            case "expand" -> t(in, 0).expand(Json.asLongArray(a.get("sizes")));
            case "select" -> t(in, 0).select(i(a, "dim"), l(a, "index"));
            case "get" -> t(in, 0).get(l(a, "index"));
            case "slice" -> {
                long start = a.get("start") == null ? 0 : l(a, "start");
                long end = a.get("end") == null ? Long.MAX_VALUE : l(a, "end");
                yield a.containsKey("step") ? t(in, 0).slice(i(a, "dim"), start, end, l(a, "step"))
                        : t(in, 0).slice(i(a, "dim"), start, end);
            }
            case "narrow" -> t(in, 0).narrow(i(a, "dim"), l(a, "start"), l(a, "length"));
            case "index" -> t(in, 0).index((String) a.get("index"));
            case "split" -> t(in, 0).split(l(a, "size"), i(a, "dim"));
            case "chunk" -> t(in, 0).chunk(i(a, "chunks"), i(a, "dim"));
            case "unbind" -> t(in, 0).unbind(i(a, "dim"));
            // ---------------------------------------------------------------- composites
            case "view_inplace" -> {
                Tensor base = t(in, 0), v = base;
                for (Object step : Json.asList(a.get("steps"))) v = viewStep(v, Json.asList(step));
                Tensor r = inPlace(v, (String) a.get("inplace"), y, a);
                assertSame(v, r, "an in-place op returns its target");
                yield new Tensor[] {v, base};
            }
            case "alias_inplace" -> {
                Tensor x = t(in, 0);
                Tensor other = "self".equals(a.get("other")) ? x : x.t();
                Tensor r = inPlace(x, (String) a.get("inplace"), other, a);
                assertSame(x, r, "an in-place op returns its target");
                yield r;
            }
            default -> throw new UnsupportedOperationException("fixture op not known to the test: " + op);
        };
    }

    private static Tensor inPlace(Tensor x, String op, Object y, Map<String, Object> a) {
        boolean hasAlpha = a.containsKey("alpha");
        return switch (op) {
            case "add_" -> hasAlpha ? x.add_((Tensor) y, d(a, "alpha")) : bin(x, y, Tensor::add_, Tensor::add_, Tensor::add_);
            case "sub_" -> hasAlpha ? x.sub_((Tensor) y, d(a, "alpha")) : bin(x, y, Tensor::sub_, Tensor::sub_, Tensor::sub_);
            case "mul_" -> bin(x, y, Tensor::mul_, Tensor::mul_, Tensor::mul_);
            case "div_" -> bin(x, y, Tensor::div_, Tensor::div_, Tensor::div_);
            case "pow_" -> bin(x, y, Tensor::pow_, Tensor::pow_, Tensor::pow_);
            case "neg_" -> x.neg_();
            case "abs_" -> x.abs_();
            case "exp_" -> x.exp_();
            case "log_" -> x.log_();
            case "sqrt_" -> x.sqrt_();
            case "sin_" -> x.sin_();
            case "cos_" -> x.cos_();
            case "tanh_" -> x.tanh_();
            case "sigmoid_" -> x.sigmoid_();
            case "relu_" -> x.relu_();
            case "zero_" -> x.zero_();
            case "copy_" -> x.copy_((Tensor) y);
            case "fill_" -> {
                JScalar s = (JScalar) y;
                yield switch (s.kind()) {
                    case "double" -> x.fill_(s.asDouble());
                    case "long" -> x.fill_(s.asLong());
                    default -> x.fill_(s.asBool());
                };
            }
            default -> throw new UnsupportedOperationException("in-place op not known to the test: " + op);
        };
    }

    private static Tensor viewStep(Tensor x, List<Object> step) {
        String name = (String) step.get(0);
        return switch (name) {
            case "index" -> x.index((String) step.get(1));
            case "t" -> x.t();
            case "transpose" -> x.transpose((int) Json.asLong(step.get(1)), (int) Json.asLong(step.get(2)));
            case "select" -> x.select((int) Json.asLong(step.get(1)), Json.asLong(step.get(2)));
            case "slice" -> x.slice((int) Json.asLong(step.get(1)), Json.asLong(step.get(2)), Json.asLong(step.get(3)),
                    Json.asLong(step.get(4)));
            case "narrow" -> x.narrow((int) Json.asLong(step.get(1)), Json.asLong(step.get(2)), Json.asLong(step.get(3)));
            case "view" -> x.view(Json.asLongArray(step.get(1)));
            case "unsqueeze" -> x.unsqueeze((int) Json.asLong(step.get(1)));
            case "expand" -> x.expand(Json.asLongArray(step.get(1)));
            case "permute" -> x.permute(ints(step.get(1)));
            default -> throw new UnsupportedOperationException("view step not known to the test: " + name);
        };
    }

    private static Tensor arange(List<Object> in, Map<String, Object> a) {
        JScalar first = (JScalar) in.get(0);
        if (first.kind().equals("long")) {
            long[] v = new long[in.size()];
            for (int k = 0; k < v.length; k++) v[k] = ((JScalar) in.get(k)).asLong();
            return switch (v.length) {
                case 1 -> Torch.arange(v[0]);
                case 2 -> Torch.arange(v[0], v[1]);
                default -> Torch.arange(v[0], v[1], v[2]);
            };
        }
        double[] v = new double[in.size()];
        for (int k = 0; k < v.length; k++) v[k] = ((JScalar) in.get(k)).asDouble();
        if (a.containsKey("dtype")) return Torch.arange(v[0], v[1], v[2], dt(a));
        return switch (v.length) {
            case 1 -> Torch.arange(v[0]);
            case 2 -> Torch.arange(v[0], v[1]);
            default -> Torch.arange(v[0], v[1], v[2]);
        };
    }

    /** Nested JSON lists as a rectangular Java array of double, long or boolean leaves. */
    private static Object javaArray(Object json, String kind) {
        List<Integer> dims = new ArrayList<>();
        Object cur = json;
        while (cur instanceof List<?> l) {
            dims.add(l.size());
            if (l.isEmpty()) break;
            cur = l.get(0);
        }
        Class<?> leaf = switch (kind) {
            case "double" -> double.class;
            case "long" -> long.class;
            default -> boolean.class;
        };
        Object arr = Array.newInstance(leaf, dims.stream().mapToInt(Integer::intValue).toArray());
        fillArray(arr, json, kind);
        return arr;
    }

    private static void fillArray(Object arr, Object json, String kind) {
        List<Object> l = Json.asList(json);
        for (int k = 0; k < l.size(); k++) {
            Object v = l.get(k);
            if (v instanceof List<?>) {
                fillArray(Array.get(arr, k), v, kind);
            } else {
                switch (kind) {
                    case "double" -> Array.setDouble(arr, k, Json.asDouble(v));
                    case "long" -> Array.setLong(arr, k, Json.asLong(v));
                    default -> Array.setBoolean(arr, k, (Boolean) v);
                }
            }
        }
    }

    // ==================================================================================== checking results

    private static void check(List<String> problems, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) problems.add(what + ": expected " + expected + " but got " + actual);
    }

    private static void checkItem(List<String> problems, String op, Object expected, Object result) {
        switch (op) {
            case "itemLong" -> check(problems, "itemLong()", Json.asLong(expected), result);
            case "itemBool" -> check(problems, "itemBool()", expected, result);
            default -> {
                double e = expected instanceof Boolean b ? (b ? 1 : 0)
                        : expected instanceof Json.Num n && n.text().matches("-?\\d+") ? (double) n.longValue() : Json.asDouble(expected);
                if (!(result instanceof Double r) || Double.doubleToLongBits(r) != Double.doubleToLongBits(e)) {
                    problems.add("item(): expected " + e + " but got " + result);
                }
            }
        }
    }

    /** The case's own relative tolerance, if it has one ("rtol": prod's error bound). */
    private static Double rtol;

    private static void checkTensor(List<String> problems, String what, Map<String, Object> e, Tensor r, Object x0,
                                    boolean approx, Double atolOverride) {
        TensorExpectations.check(problems, currentCase, what, e, r, x0, approx, atolOverride, rtol, TensorExpectations.Repr.EXACT);
    }

    /**
     * The float prod cases are held to their computation's error bound (relative 2 k u for k factors, see
     * gen_ops.py), not to an absolute tolerance that grows as max(1, m)^n: a result off by a relative 1e-5
     * must fail each of them.
     */
    @Test
    void prodTolerancesCatchARelativeErrorOf1e5() {
        int checked = 0;
        for (Map<String, Object> c : cases()) {
            if (!"prod".equals(c.get("op")) || !c.containsKey("rtol") || !(c.get("expect") instanceof Map<?, ?> m)) continue;
            Map<String, Object> expect = Json.asMap(m);
            List<Object> values = Json.asList(expect.get("values"));
            if (values.stream().allMatch(v -> Json.asDouble(v) == 0)) continue;
            List<Object> inputs = new ArrayList<>();
            for (Object spec : Json.asList(c.get("inputs"))) inputs.add(input(Json.asMap(spec)));
            Tensor got = (Tensor) dispatch("prod", inputs, Json.asMap(c.get("args")));
            double atol = Json.asDouble(c.get("atol")), rt = Json.asDouble(c.get("rtol"));
            List<String> fine = new ArrayList<>(), off = new ArrayList<>();
            TensorExpectations.check(fine, c.get("name") + "", "result", expect, got, null, true, atol, rt, TensorExpectations.Repr.NONE);
            Map<String, Object> skewed = new java.util.HashMap<>(expect);
            skewed.put("values", values.stream().map(v -> (Object) (Json.asDouble(v) * (1 + 1e-5))).toList());
            TensorExpectations.check(off, c.get("name") + "", "result", skewed, got, null, true, atol, rt, TensorExpectations.Repr.NONE);
            assertTrue(fine.isEmpty(), c.get("name") + ": " + fine);
            assertFalse(off.isEmpty(), c.get("name") + ": a relative error of 1e-5 passes rtol " + rt);
            checked++;
        }
        assertTrue(checked >= 5, "only " + checked + " prod cases");
    }
}
