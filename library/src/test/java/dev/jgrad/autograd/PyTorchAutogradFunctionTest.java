package dev.jgrad.autograd;

import static dev.jgrad.Torch.*;
import static dev.jgrad.autograd.PyTorchAsserts.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's {@code test/test_autograd.py} tests of custom {@code autograd.Function}s (TestAutograd's
 * test_function*, test_once_differentiable, test_mark_*, test_return_*, reentrant backward...). Python's
 * non-tensor forward arguments become constructor arguments, non-tensor outputs become null entries of
 * {@code forwardTuple}, as the README's translation table says.
 */
class PyTorchAutogradFunctionTest {
    private static final DType F64 = DType.FLOAT64;

    /** tensor1 + pyscalar * tensor2 + tensor1 * tensor2 (test_function / test_once_differentiable). */
    static class MyFunction extends Function {
        final double pyscalar;

        MyFunction(double pyscalar) { this.pyscalar = pyscalar; }

        @Override protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0], in[1]);
            return in[0].add(in[1].mul(pyscalar)).add(in[0].mul(in[1]));
        }

        @Override protected Tensor[] backward(Context ctx, Tensor... g) {
            Tensor var1 = ctx.savedTensors().get(0), var2 = ctx.savedTensors().get(1);
            assertNotNull(var1);
            assertNotNull(var2);
            assertNotNull(g[0]);
            return new Tensor[] {g[0].add(g[0].mul(var2)), g[0].mul(pyscalar).add(g[0].mul(var1))};
        }
    }

    static final class MyOnceFunction extends MyFunction {
        MyOnceFunction(double pyscalar) { super(pyscalar); }

        @OnceDifferentiable
        @Override protected Tensor[] backward(Context ctx, Tensor... g) {
            assertFalse(isGradEnabled());
            return super.backward(ctx, g);
        }
    }

    /** TestAutograd._function_test: runs the Function with create_graph and checks the gradients. */
    private static Tensor[] functionTest(java.util.function.DoubleFunction<Function> make) {
        Tensor x = randn(5, 5).requiresGrad_(), y = randn(5, 5).requiresGrad_();
        Tensor result = make.apply(2).apply(x, y);
        Tensor go = ones(options().requiresGrad(true));
        result.sum().backward(go, false, true);
        assertEqual(x.grad(), y.add(ones(5, 5)));
        assertEqual(y.grad(), x.add(ones(5, 5).mul(2)));
        assertNotNull(x.grad().gradFn());
        assertNotNull(y.grad().gradFn());
        return new Tensor[] {x, y};
    }

    private static String graphDesc(dev.jgrad.Node fn) {
        if (fn == null) return "None";
        StringBuilder r = new StringBuilder(fn.name().substring(fn.name().lastIndexOf(':') + 1)).append('(');
        List<dev.jgrad.Edge> next = fn.nextFunctions();
        for (int i = 0; i < next.size(); i++) r.append(i > 0 ? ", " : "").append(graphDesc(next.get(i).node()));
        return r.append(')').toString();
    }

    // test_autograd.py: TestAutograd.test_function (the expect-file graph descriptions are not ported: node names of the
    // double-backward graph are jgrad's own)
    @Test void testFunction() {
        functionTest(MyFunction::new);
    }

    // test_autograd.py: TestAutograd.test_once_differentiable
    @Test void testOnceDifferentiable() {
        Tensor[] xy = functionTest(MyOnceFunction::new);
        // PyTorch: 'CopyBackwards(None, Error(AccumulateGrad(), None, AccumulateGrad()))' -- the Error node over the
        // once-differentiable backward; jgrad has no Python-scalar input slot, so the middle None is absent
        for (Tensor t : xy) assertTrue(graphDesc(t.grad().gradFn()).contains("Error(AccumulateGrad(), AccumulateGrad())"),
                graphDesc(t.grad().gradFn()));
    }

    static final class ReturnsInputTimesTwoGrad extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0]; }
        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0].mul(2)}; }
    }

    // test_autograd.py: TestAutograd.test_function_returns_input
    @Test void testFunctionReturnsInput() {
        for (long[] shape : new long[][] {{1}, {}}) {
            Tensor v = ones(shape).requiresGrad_();
            new ReturnsInputTimesTwoGrad().apply(v).backward();
            assertEqual(v.grad(), full(shape, 2.0));
            try (var g = noGrad()) {
                v.grad().zero_();
            }
            new ReturnsInputTimesTwoGrad().apply(v.clone()).backward();
            assertEqual(v.grad(), full(shape, 2.0));
        }
    }

    static final class ReturnsNoGrad extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].mul(2); }
        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return null; }
    }

    // test_autograd.py: TestAutograd.test_function_returns_undefined_tensor
    @Test void testFunctionReturnsUndefinedTensor() {
        Tensor x = ones(1).requiresGrad_();
        // undefined gradients propagate as undefined, not as zeros
        new ReturnsNoGrad().apply(x).backward();
        assertNull(x.grad());
        new ReturnsNoGrad().apply(x.pow(2)).backward();
        assertNull(x.grad());
        new ReturnsNoGrad().apply(x).sum().backward();
        assertNull(x.grad());
        assertNull(Autograd.grad(List.of(new ReturnsNoGrad().apply(x)), List.of(x), null, false, false, true).get(0));
    }

    /** torch._C._functions.UndefinedGrad: passes its input through and sends an undefined gradient back. */
    static final class UndefinedGrad extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].clone(); }
        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {null}; }
    }

    // test_autograd.py: TestAutograd.test_materialize_grads
    @Test void testMaterializeGrads() {
        boolean[] ran = {false};
        class Fn extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0]; }
            @Override protected Tensor[] backward(Context ctx, Tensor... g) { assertEqual(g[0], zeros(1)); ran[0] = true; return g; }
        }
        Tensor x = ones(1).requiresGrad_();
        new UndefinedGrad().apply(new Fn().apply(x)).backward();
        assertTrue(ran[0]);
    }

    // test_autograd.py: TestAutograd.test_dont_materialize_grads
    @Test void testDontMaterializeGrads() {
        boolean[] ran = {false};
        class Fn extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) { ctx.setMaterializeGrads(false); return in[0]; }
            @Override protected Tensor[] backward(Context ctx, Tensor... g) { assertNull(g[0]); ran[0] = true; return g; }
        }
        Tensor x = ones(1).requiresGrad_();
        new UndefinedGrad().apply(new Fn().apply(x)).backward();
        assertTrue(ran[0]);
    }

    static final class SimulateBackwardError extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].clone(); }

        @OnceDifferentiable
        @Override protected Tensor[] backward(Context ctx, Tensor... g) { throw new RuntimeException("Simulate error on backward pass"); }
    }

    // test_autograd.py: TestAutograd.test_custom_function_exception
    @Test void testCustomFunctionException() {
        Tensor t1 = rand(3, 3).requiresGrad_(), t2 = rand(3, 3).requiresGrad_();
        Tensor tmp = t1.add(t2).mul(t1.add(t2));
        Tensor t3 = new SimulateBackwardError().apply(tmp);
        assertRaisesRegex("Simulate error on backward pass", () -> t3.sum().backward());
    }

    /** Outputs scale, t4, None, True, t5, "bar", t1 in Python: the non-tensors are null slots here. */
    static final class NonTensorOutputs extends Function {
        final double scale;

        NonTensorOutputs(double scale) { this.scale = scale; }

        @Override protected Tensor[] forwardTuple(Context ctx, Tensor... in) {
            Tensor t1 = in[0], t2 = in[1], t3 = in[2];
            Tensor t4 = t1.add(t2.mul(t3)), t5 = t1.mul(t2).add(t3);
            t4.mul_(scale);
            t5.mul_(scale);
            ctx.saveForBackward(t1, t2, t3);
            return new Tensor[] {null, t4, null, null, t5, null, t1};
        }

        @OnceDifferentiable
        @Override protected Tensor[] backward(Context ctx, Tensor... grads) {
            assertEquals(7, grads.length);
            assertNull(grads[0]);
            assertNull(grads[2]);
            assertNull(grads[3]);
            assertNull(grads[5]);
            Tensor var1 = ctx.savedTensors().get(0), var2 = ctx.savedTensors().get(1), var3 = ctx.savedTensors().get(2);
            return new Tensor[] {
                grads[1].mul(scale).add(grads[4].mul(var2).mul(scale)).add(grads[6]),
                grads[1].mul(var3).mul(scale).add(grads[4].mul(var1).mul(scale)),
                grads[1].mul(var2).mul(scale).add(grads[4].mul(scale))};
        }
    }

    // test_autograd.py: TestAutograd.test_custom_function_non_tensor_inputs_outputs
    @Test void testCustomFunctionNonTensorInputsOutputs() {
        Tensor t1 = rand(F64, 10).requiresGrad_(), t2 = rand(F64, 10).requiresGrad_(), t3 = rand(F64, 10);
        int scale = new java.util.Random().nextInt(11);
        Tensor[] res = new NonTensorOutputs(scale).applyTuple(t1, t2, t3);
        assertNull(res[0]);
        assertEqual(res[1], t1.add(t2.mul(t3)).mul(scale));
        assertNull(res[2]);
        assertEqual(res[4], t1.mul(t2).add(t3).mul(scale));
        assertEqual(res[6], t1);
        Autograd.backward(List.of(res[1].sum(), res[4].sum(), res[6].sum()), null, false, false, null);
        assertNotNull(t1.grad());
        assertNotNull(t2.grad());
        assertNull(t3.grad());
        assertTrue(Gradcheck.gradcheck(in -> {
            Tensor[] r = new NonTensorOutputs(scale).applyTuple(in.get(0), in.get(1), in.get(2));
            return List.of(r[1], r[4], r[6]);
        }, List.of(t1, t2, t3)));
    }

    // test_autograd.py: TestAutograd.test_invalid_gradients
    @Test void testInvalidGradients() {
        class Fn extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].mul(2); }
            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {randn(10)}; }
        }
        Tensor input = randn(5, 5).requiresGrad_();
        assertRaisesRegex("expected shape", () -> new Fn().apply(input).sum().backward());
    }

    // test_autograd.py: TestAutograd.test_unrelated_inputs
    @Test void testUnrelatedInputs() {
        Tensor x = rand(F64, 10).requiresGrad_(), y = rand(F64, 10).requiresGrad_();
        java.util.function.Function<List<Tensor>, List<Tensor>> f = in -> List.of(in.get(0).mul(in.get(0)));
        assertTrue(Gradcheck.gradcheck(f, List.of(x, y)));
        assertTrue(Gradcheck.gradgradcheck(f, List.of(x, y)));
    }

    // test_autograd.py: TestAutograd.test_not_implemented_grad
    @Test void testNotImplementedGrad() {
        Tensor a = rand(2).requiresGrad_();
        Tensor y = a.nextafter(a).sum();
        assertRaisesRegex("the derivative for .* is not implemented", y::backward);
    }

    // test_autograd.py: TestAutograd.test_save_output_nr
    @Test void testSaveOutputNr() {
        Tensor x = randn(10).requiresGrad_();
        class MultiOutputFn extends Function {
            @Override protected Tensor[] forwardTuple(Context ctx, Tensor... in) { return new Tensor[] {in[0].index(":5"), in[0].index("5:")}; }
            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {cat(List.of(g))}; }
        }
        Tensor[] ab = new MultiOutputFn().applyTuple(x);
        assertEquals(1, ab[1].outputNr());
        boolean[] ran = {false};
        class TestFn extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) { ctx.saveForBackward(in[0]); return in[0].mul(2); }
            @Override protected Tensor[] backward(Context ctx, Tensor... g) {
                assertEquals(1, ctx.savedTensors().get(0).outputNr());
                ran[0] = true;
                return new Tensor[] {null};
            }
        }
        new TestFn().apply(ab[1]).sum().backward();
        assertTrue(ran[0]);
    }

    static final class AddOne extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].add(1); }
        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return g; }
    }

    // test_autograd.py: TestAutograd.test_no_grad_python_function
    @Test void testNoGradPythonFunction() {
        Tensor x = ones(5, 5).requiresGrad_();
        Tensor y;
        try (var g = noGrad()) {
            y = new AddOne().apply(x);
        }
        assertFalse(y.requiresGrad());
    }

    // test_autograd.py: TestAutograd.test_mark_non_differentiable
    @Test void testMarkNonDifferentiable() {
        class Fn extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) {
                Tensor output = in[0].gt(tensor(0.0f));
                ctx.markNonDifferentiable(output);
                return output;
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0].mul(0).to(F64)}; }
        }
        Tensor x = randn(5, 5).requiresGrad_();
        Tensor mask = new Fn().apply(x);
        assertFalse(mask.requiresGrad());
        Tensor y = x.maskedFill(mask, 0.0);
        y.sum().backward();
    }

    // test_autograd.py: TestAutograd.test_mark_non_differentiable_mixed
    @Test void testMarkNonDifferentiableMixed() {
        class Fn extends Function {
            @Override protected Tensor[] forwardTuple(Context ctx, Tensor... in) {
                Tensor a = in[0].add(1), b = in[0].add(2);
                ctx.markNonDifferentiable(a);
                return new Tensor[] {a, b};
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) {
                assertTrue(g[0].eq(tensor(0.0f)).all().item() != 0);
                assertTrue(g[1].eq(tensor(1.0f)).all().item() != 0);
                return new Tensor[] {g[1]};
            }
        }
        Tensor x = randn(5, 5).requiresGrad_();
        Tensor[] ab = new Fn().applyTuple(x);
        assertFalse(ab[0].requiresGrad());
        assertTrue(ab[1].requiresGrad());
        ab[1].sum().backward();
        assertEqual(x.grad(), ones(5, 5));
    }

    // test_autograd.py: TestAutograd.test_mark_non_differentiable_none
    @Test void testMarkNonDifferentiableNone() {
        class Fn extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) {
                Tensor output = in[0].clone();
                ctx.markNonDifferentiable(output);
                return output;
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return null; }
        }
        Tensor x = randn(5, 5).requiresGrad_();
        Tensor r = new Fn().apply(x.mul(x));
        r.mul(x).sum().backward();
    }

    // test_autograd.py: TestAutograd.test_return_duplicate
    @Test void testReturnDuplicate() {
        class DoubleDuplicate extends Function {
            @Override protected Tensor[] forwardTuple(Context ctx, Tensor... in) {
                Tensor output = in[0].mul(2);
                return new Tensor[] {output, output};
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0].mul(2).add(g[1].mul(2))}; }
        }
        UnaryOperator<Tensor> fn = x -> {
            Tensor[] ab = new DoubleDuplicate().applyTuple(x);
            assertSame(ab[0], ab[1]);
            return ab[0].add(ab[1]);
        };
        Tensor x = randn(F64, 5, 5).requiresGrad_();
        assertTrue(Gradcheck.gradcheck(fn, x));
        assertTrue(Gradcheck.gradgradcheck(fn, x));
    }

    static final class DoubleInplace extends Function {
        @Override protected Tensor[] forwardTuple(Context ctx, Tensor... in) {
            in[0].mul_(2);
            ctx.markDirty(in[0]);
            return new Tensor[] {in[0], in[0]};
        }

        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0].mul(2).add(g[1].mul(2))}; }
    }

    // test_autograd.py: TestAutograd.test_return_duplicate_inplace
    @Test void testReturnDuplicateInplace() {
        UnaryOperator<Tensor> inplaceFn = x -> {
            Tensor[] ab = new DoubleInplace().applyTuple(x.clone());
            assertSame(ab[0], ab[1]);
            return ab[0].add(ab[1]);
        };
        Tensor x = randn(F64, 5, 5).requiresGrad_();
        assertTrue(Gradcheck.gradcheck(inplaceFn, x));
        assertTrue(Gradcheck.gradgradcheck(inplaceFn, x));
        // leaves can't be modified in place
        assertThrows(RuntimeException.class, () -> new DoubleInplace().applyTuple(x));
        // Functions that modify views in place must return only one output
        assertThrows(RuntimeException.class, () -> new DoubleInplace().applyTuple(x.clone().get(0)));
    }

    // test_autograd.py: TestAutograd.test_naughty_autograd_function_attribute_access (the part Java can express: the node's name)
    @Test void testNaughtyAutogradFunctionAttributeAccess() {
        class Id extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0]; }
            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return g; }
        }
        Tensor x = zeros(1).requiresGrad_();
        Tensor t = new Id().apply(x);
        assertEquals("IdBackward", t.gradFn().name());
    }

    // test_autograd.py: TestAutograd.test_custom_autograd_repeated_grad_grad
    @Test void testCustomAutogradRepeatedGradGrad() {
        UnaryOperator<Tensor> mult1 = x -> x.prod(-1).prod(-1);
        class Mult extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) {
                Tensor y = mult1.apply(in[0]);
                ctx.saveForBackward(in[0], y);
                return y;
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) {
                Tensor x = ctx.savedTensors().get(0), y = ctx.savedTensors().get(1);
                return new Tensor[] {g[0].mul(y).index(":, None, None").div(x)};
            }
        }
        Tensor x = ones(2, 4, 4).requiresGrad_();
        for (Tensor y : new Tensor[] {mult1.apply(x), new Mult().apply(x)}) {
            Tensor gy = Autograd.grad(List.of(y.get(0)), List.of(x), null, false, true, false).get(0);
            Tensor ggy1 = Autograd.grad(List.of(gy.get(0).get(0).get(0)), List.of(x), null, true, false, false).get(0);
            gy = Autograd.grad(List.of(y.get(0)), List.of(x), null, false, true, false).get(0);
            Tensor ggy2 = Autograd.grad(List.of(gy.get(0).get(0).get(0)), List.of(x), null, true, false, false).get(0);
            assertEqual(ggy1.get(0).get(0).get(1), ggy2.get(0).get(0).get(1));
        }
    }

    static class Double extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) {
            Tensor y = in[0].pow(2);
            ctx.saveForBackward(in[0], y);
            return y;
        }

        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0].mul(2).mul(ctx.savedTensors().get(0))}; }
    }

    /** The same, but backward uses forward's output. */
    static final class Double2 extends Double {
        @Override protected Tensor[] backward(Context ctx, Tensor... g) {
            Tensor x = ctx.savedTensors().get(0), y = ctx.savedTensors().get(1);
            return new Tensor[] {g[0].mul(2).mul(y).div(x)};
        }
    }

    // test_autograd.py: TestAutograd.test_custom_autograd_no_early_free
    @Test void testCustomAutogradNoEarlyFree() {
        Tensor x = tensor(2L).to(F64).requiresGrad_();
        assertTrue(Gradcheck.gradcheck(t -> new Double().apply(t), x));
        assertTrue(Gradcheck.gradgradcheck(t -> new Double().apply(t), x));
        assertTrue(Gradcheck.gradcheck(t -> new Double2().apply(t), x));
        assertTrue(Gradcheck.gradgradcheck(t -> new Double2().apply(t), x));
        Tensor y = new Double().apply(x);
        Autograd.grad(List.of(y), List.of(x), null, false, true, false);
        Autograd.grad(y, x);
        y = new Double2().apply(x);
        Autograd.grad(List.of(y), List.of(x), null, false, true, false);
        Autograd.grad(y, x);  // must not fail
    }

    // test_autograd.py: TestAutograd.test_return_leaf
    @Test void testReturnLeaf() {
        class Identity extends Function {
            @Override protected Tensor[] forwardTuple(Context ctx, Tensor... in) { return new Tensor[] {in[0], in[0].add(in[1])}; }
            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0].add(g[1]), g[1]}; }
        }
        boolean[] hookCalled = {false};
        Tensor x = randn(5, 5).requiresGrad_(), y = randn(5, 5).requiresGrad_();
        Tensor[] qp = new Identity().applyTuple(x, y);
        // the hook sees only the gradient from q's use, not x's
        qp[0].registerHook(g -> { hookCalled[0] = true; assertEqual(g, ones(5, 5)); return null; });
        qp[0].add(qp[1]).add(x).sum().backward();
        assertEqual(x.grad(), ones(5, 5).mul(3));
        assertEqual(y.grad(), ones(5, 5));
        assertTrue(hookCalled[0]);
    }

    // test_autograd.py: TestAutograd.test_return_leaf_inplace
    @Test void testReturnLeafInplace() {
        class Inplace extends Function {
            @Override protected Tensor[] forwardTuple(Context ctx, Tensor... in) {
                ctx.markDirty(in[0]);
                return new Tensor[] {in[0].add_(in[1]), in[1].add(2)};
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0], g[0].add(g[1])}; }
        }
        Tensor x = randn(5, 5), y = randn(5, 5).requiresGrad_();
        Tensor[] qp = new Inplace().applyTuple(x, y);
        assertSame(x, qp[0]);
        assertEquals("InplaceBackward", qp[0].gradFn().name());
        assertTrue(qp[0].requiresGrad());
        qp[0].sum().backward();
        assertEqual(y.grad(), ones(5, 5));
    }

    static final class Identity1 extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0]; }
        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return g; }
    }

    // test_autograd.py: TestAutograd.test_no_grad_input
    @Test void testNoGradInput() {
        Tensor x = randn(5).requiresGrad_();
        Tensor y;
        try (var g = noGrad()) {
            y = new Identity1().apply(x);
        }
        assertTrue(x.requiresGrad());
        assertNull(y.gradFn());
    }

    // test_autograd.py: TestAutograd.test_save_none_for_backward
    @Test void testSaveNoneForBackward() {
        class MyFn extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) {
                ctx.saveForBackward(null, in[0], null);
                return in[0].mul(in[0]);
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) {
                List<Tensor> s = ctx.savedTensors();
                assertNull(s.get(0));
                assertNull(s.get(2));
                return new Tensor[] {s.get(1).mul(2).mul(g[0])};
            }
        }
        Tensor x = randn(5, 5).requiresGrad_();
        new MyFn().apply(x).sum().backward();
        assertEqual(x.grad(), x.mul(2));
    }

    // test_autograd.py: TestAutograd.test_too_many_grads
    @Test void testTooManyGrads() {
        class MyFn extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0]; }
            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0], null, null}; }
        }
        Tensor x = randn(5, 5).requiresGrad_();
        new MyFn().apply(x).sum().backward();
        assertEqual(x.grad(), onesLike(x));
    }

    // test_autograd.py: TestAutograd.test_dep_nograd
    @Test void testDepNograd() {
        class F1 extends Function {
            @Override protected Tensor[] forwardTuple(Context ctx, Tensor... in) {
                Tensor out = randn(in[0].shape());
                ctx.markNonDifferentiable(out);
                return new Tensor[] {in[0], out};
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0]}; }
        }
        class F2 extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0]; }
            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0], null}; }
        }
        Tensor x = randn(5).requiresGrad_();
        Tensor[] ab = new F1().applyTuple(x);
        Tensor a = ab[0], b = ab[1].add(1);  // separates F1 from F2 by another op
        assertTrue(a.requiresGrad());
        assertFalse(b.requiresGrad());
        Tensor c = new F2().apply(a, b);
        c.backward(ones(c.shape()));
        assertEqual(x.grad(), ones(x.shape()));
    }

    // test_autograd.py: TestAutograd.test_simple_reentrant
    @Test void testSimpleReentrant() {
        Tensor yData = randn(2, 2);
        class Reenter extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) {
                try (var g = enableGrad()) {
                    Tensor x = in[0].detach().requiresGrad_(true);
                    Tensor y = yData.detach().requiresGrad_(true);
                    Tensor outputVar = x.mul(y);
                    ctx.put("x", x);
                    ctx.put("output_var", outputVar);
                    return outputVar.detach();
                }
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) {
                try (var e = enableGrad()) {
                    ctx.<Tensor>get("output_var").sum().backward();
                }
                return new Tensor[] {ctx.<Tensor>get("x").grad().mul(g[0])};
            }
        }
        Tensor x = randn(2, 2).requiresGrad_();
        new Reenter().apply(x).sum().backward();
        assertEqual(x.grad(), yData);
    }

    // test_autograd.py: TestAutograd.test_reentrant_child_error
    @Test void testReentrantChildError() {
        Tensor a = rand(3, 3).requiresGrad_();
        Tensor c = a.mul(a);
        Tensor b = rand(3, 3).requiresGrad_();
        Tensor e = b.mul(b);
        Tensor f = new SimulateBackwardError().apply(e);
        Tensor reentrantRoot = f.sum();
        class ReentrantFunc extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].clone(); }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) {
                reentrantRoot.backward();  // throws in the child graph
                return g;
            }
        }
        Tensor d = new ReentrantFunc().apply(c);
        assertRaisesRegex("Simulate error", () -> d.sum().backward());
    }

    // test_autograd.py: TestAutograd.test_custom_function_return_view_in_nograd
    @Test void testCustomFunctionReturnViewInNograd() {
        class Alias extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].index(":"); }
            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return g; }
        }
        Tensor inp = rand(2).requiresGrad_();
        Tensor output, expectedOutput;
        try (var g = noGrad()) {
            output = new Alias().apply(inp);
        }
        try (var g = noGrad()) {
            expectedOutput = inp.index(":");
        }
        // as if the equivalent op had been called
        assertEquals(expectedOutput.requiresGrad(), output.requiresGrad());
        assertRaisesRegex("A view was created in no_grad mode and is being modified inplace", output::zero_);
    }

    // test_autograd.py: TestAutograd.test_grad_mode_restored_reentrant
    @Test void testGradModeRestoredReentrant() {
        class MyFunction extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].clone(); }

            @Override protected Tensor[] backward(Context ctx, Tensor... go) {
                boolean original = isGradEnabled();
                Tensor grad;
                try (var g = enableGrad()) {
                    assertTrue(isGradEnabled());
                    Tensor foo = rand(go[0].shape()).requiresGrad_();
                    grad = Autograd.grad(List.of(foo.pow(3)), List.of(foo), List.of(go[0]), false, false, false).get(0);
                    assertTrue(isGradEnabled());
                }
                assertEquals(original, isGradEnabled());
                return new Tensor[] {grad};
            }
        }
        Tensor inp = rand(3).requiresGrad_();
        new MyFunction().apply(inp).sum().backward();  // original == false
        new MyFunction().apply(inp).sum().backward(null, false, true);  // original == true
    }

    // test_autograd.py: TestAutograd.test_custom_function_error (forward and backward missing; vjp/jvp are not in jgrad)
    @Test void testCustomFunctionError() {
        class BadFw extends Function {
            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return g; }
        }
        Tensor inp = rand(1).requiresGrad_();
        assertRaisesRegex("must implement the forward", () -> new BadFw().apply(inp));
        // a missing backward is a compile error in Java (backward is abstract)
    }

    // test_autograd.py: TestAutograd.test_custom_function_local_inplace
    @Test void testCustomFunctionLocalInplace() {
        class MyFn extends Function {
            final boolean inplace;

            MyFn(boolean inplace) { this.inplace = inplace; }

            @Override protected Tensor forward(Context ctx, Tensor... in) {
                Tensor view = in[0].clone().index(":3");
                if (inplace) view.add_(2);
                return view;
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return g; }
        }
        Tensor base = rand(10).requiresGrad_();
        assertEquals("MyFnBackward", new MyFn(false).apply(base).gradFn().name());
        assertEquals("MyFnBackward", new MyFn(true).apply(base).gradFn().name());
    }

    // test_autograd.py: TestAutograd.test_reentrant_with_leaf_variable_hook
    @Test void testReentrantWithLeafVariableHook() {
        Tensor param = rand(10).requiresGrad_();
        dev.jgrad.RemovableHandle[] handle = {null};
        handle[0] = param.registerHook(grad -> {
            handle[0].remove();
            Tensor oldParamGrad = grad;
            param.setGrad(null);
            // a gradient penalty added by a nested backward
            Tensor g;
            try (var e = enableGrad()) {
                g = grad.detach().requiresGrad_();
                Tensor newParam = param.detach().requiresGrad_();
                g.mul(2).add(newParam).sum().backward();
            }
            Tensor res = g.grad().add(grad);
            param.setGrad(oldParamGrad);
            return res;
        });
        param.mul(param).sum().backward();
    }

    // test_autograd.py: TestAutograd.test_reentrant_with_non_leaf_variable_hook
    @Test void testReentrantWithNonLeafVariableHook() {
        Tensor param = rand(10).requiresGrad_();
        Tensor tmp = param.mul(param);
        dev.jgrad.RemovableHandle[] handle = {null};
        handle[0] = tmp.registerHook(grad -> {
            handle[0].remove();
            Tensor g;
            try (var e = enableGrad()) {
                g = grad.detach().requiresGrad_();
                g.mul(2).add(5).sum().backward();
            }
            return g.grad().add(grad);
        });
        tmp.sum().backward();
        assertEqual(param.grad(), param.mul(6));
    }
}
