package dev.jgrad.autograd;

import static dev.jgrad.Torch.*;
import static dev.jgrad.autograd.PyTorchAsserts.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's {@code test/autograd/test_functional.py} (TestAutogradFunctional) for the functional API jgrad has:
 * vjp, jvp, jacobian, hessian, vhp, hvp with strict and create_graph. The Python type checks (a non-tensor input
 * or output) cannot happen in Java; {@code vectorize} is accepted and computes the same result (vmap is not in jgrad),
 * so the vectorize-correctness tests compare both settings; forward-mode strategies are not ported.
 */
class PyTorchAutogradFunctionalTest {
    private static final DType F64 = DType.FLOAT64;

    /** _assert_same_struct for one tensor: same size. */
    private static void assertSameStruct(Tensor res, Tensor base) {
        assertArrayEquals(base.shape(), res.shape());
    }

    private static void assertSameStruct(List<Tensor> res, List<Tensor> base) {
        assertEquals(base.size(), res.size());
        for (int i = 0; i < base.size(); i++) assertSameStruct(res.get(i), base.get(i));
    }

    /** _assert_interleaved_struct for tensors: res.shape == base1.shape + base2.shape. */
    private static void assertInterleavedStruct(Tensor res, Tensor base1, Tensor base2) {
        long[] a = base1.shape(), b = base2.shape(), e = new long[a.length + b.length];
        System.arraycopy(a, 0, e, 0, a.length);
        System.arraycopy(b, 0, e, a.length, b.length);
        assertArrayEquals(e, res.shape());
    }

    /** "bar" of the strict tests: a non-leaf that requires grad but is not connected to the input. */
    private static Tensor disconnected(Tensor a) { return a.to(DType.INT64).to(DType.FLOAT32).requiresGrad_().clone(); }

    private static Tensor reducerSumDim1(Tensor x) { return x.sum(new int[] {1}, false); }

    // test_functional.py: TestAutogradFunctional.test_vjp_err_check (the v checks; Python type errors cannot occur in Java)
    @Test void testVjpErrCheck() {
        UnaryOperator<Tensor> foo = a -> a.narrow(0, 0, 3).mul(3);
        Tensor inp = rand(4), v = ones(3);
        assertRaisesRegex("The vector v can only be None if the user-provided function returns", () -> Functional.vjp(foo, inp, null));
        assertRaisesRegex("v has invalid size: should be torch.Size", () -> Functional.vjp(foo, inp, v.index(":2")));
        assertSameStruct(Functional.vjp(foo, inp, v).result(), inp);
    }

    // test_functional.py: TestAutogradFunctional.test_vjp_err_check_strict
    @Test void testVjpErrCheckStrict() {
        Tensor inp = rand(4), v = rand(4);
        assertRaisesRegex("Output 0 of the user-provided function does not require gradients.",
                () -> Functional.vjp(Tensor::detach, inp, v, false, true));
        var res = Functional.vjp(Tensor::detach, inp, v, false, false);
        assertSameStruct(res.result(), inp);
        assertEqual(res.result().abs().sum(), 0.0);
        assertRaisesRegex("The output of the user-provided function is independent of input 0",
                () -> Functional.vjp(PyTorchAutogradFunctionalTest::disconnected, inp, v, false, true));
        res = Functional.vjp(PyTorchAutogradFunctionalTest::disconnected, inp, v, false, false);
        assertSameStruct(res.result(), inp);
        assertEqual(res.result().abs().sum(), 0.0);
        // the Jacobian does not depend on the input
        inp.requiresGrad_();
        assertRaisesRegex("jacobian of the user-provided function is independent of input 0.",
                () -> Functional.vjp(Tensor::clone, inp, v, true, true));
        res = Functional.vjp(Tensor::clone, inp, v, true, false);
        assertSameStruct(res.result(), inp);
        assertEqual(res.result(), v);
    }

    // test_functional.py: TestAutogradFunctional.test_vjp_no_grad
    @Test void testVjpNoGrad() {
        Tensor inputs = rand(4, 4), v = ones(4);
        Functional.Result<Tensor> res;
        try (var g = noGrad()) {
            res = Functional.vjp(PyTorchAutogradFunctionalTest::reducerSumDim1, inputs, v);
        }
        assertNull(res.output().gradFn());
        assertNull(res.result().gradFn());
        assertFalse(res.result().equal(zeros(4, 4)));
        inputs.requiresGrad_();
        v.requiresGrad_();
        try (var g = noGrad()) {
            res = Functional.vjp(PyTorchAutogradFunctionalTest::reducerSumDim1, inputs, v, true, false);
        }
        assertNotNull(res.output().gradFn());
        assertNotNull(res.result().gradFn());
        assertFalse(res.result().equal(zeros(4, 4)));
    }

    // test_functional.py: TestAutogradFunctional.test_vjp_output
    @Test void testVjpOutput() {
        Tensor inputs = rand(4, 4), v = ones(4);
        var res = Functional.vjp(PyTorchAutogradFunctionalTest::reducerSumDim1, inputs, v);
        assertSameStruct(res.result(), inputs);
        assertNull(res.output().gradFn());
        assertNull(res.result().gradFn());

        List<Tensor> in2 = List.of(rand(2), rand(2));
        var r2 = Functional.vjp(in -> List.of(in.get(0).mul(2).add(in.get(1).mul(3))), in2, List.of(ones(2)), false, false);
        assertSameStruct(r2.result(), in2);
        assertNull(r2.output().get(0).gradFn());
        assertNull(r2.result().get(0).gradFn());
        assertNull(r2.result().get(1).gradFn());

        List<Tensor> in3 = List.of(rand(2), rand(2));
        var r3 = Functional.vjp(in -> List.of(in.get(0).mul(2).add(in.get(1).mul(3)), in.get(0).add(in.get(1))), in3,
                List.of(tensor(1.0f, 0.0f), tensor(1.0f, 0.0f)), false, false);
        assertSameStruct(r3.result(), in3);
        assertNull(r3.output().get(0).gradFn());
        assertNull(r3.output().get(1).gradFn());
        assertNull(r3.result().get(0).gradFn());
        assertNull(r3.result().get(1).gradFn());
    }

    // test_functional.py: TestAutogradFunctional.test_vjp_scalar
    @Test void testVjpScalar() {
        Tensor inputs = rand(4, 4), v = ones(new long[0]);
        var res = Functional.vjp(Tensor::sum, inputs, v);
        assertSameStruct(res.output(), v);
        assertSameStruct(res.result(), inputs);
        res = Functional.vjp(Tensor::sum, inputs, null);
        assertSameStruct(res.output(), v);
        assertSameStruct(res.result(), inputs);
        UnaryOperator<Tensor> expander = x -> x.unsqueeze(0).repeat(4);
        Tensor in2 = rand(new long[0]), v2 = ones(4);
        res = Functional.vjp(expander, in2, v2);
        assertSameStruct(res.output(), v2);
        assertSameStruct(res.result(), in2);
    }

    // test_functional.py: TestAutogradFunctional.test_vjp_create_graph
    @Test void testVjpCreateGraph() {
        Tensor inputs = rand(F64, 2, 2).requiresGrad_(), v = ones(F64, 2).requiresGrad_();
        var res = Functional.vjp(PyTorchAutogradFunctionalTest::reducerSumDim1, inputs, v, true, false);
        assertSameStruct(res.result(), inputs);
        assertNotNull(res.output().gradFn());
        assertNotNull(res.result().gradFn());
        // as the original, the function closes over `inputs` rather than its first argument
        Function<List<Tensor>, List<Tensor>> f = in -> {
            var r = Functional.vjp(PyTorchAutogradFunctionalTest::reducerSumDim1, inputs, in.get(1), true, false);
            return List.of(r.output(), r.result());
        };
        assertTrue(Gradcheck.gradcheck(f, List.of(inputs, v)));
        assertTrue(Gradcheck.gradgradcheck(f, List.of(inputs, v)));

        Function<List<Tensor>, List<Tensor>> adder = in -> List.of(in.get(0).mul(2).add(in.get(1).mul(3)), in.get(0).mul(in.get(1)));
        List<Tensor> args = List.of(rand(F64, 2).requiresGrad_(), rand(F64, 2).requiresGrad_(), tensor(new double[] {1, 0}, F64).requiresGrad_(),
                tensor(new double[] {1, 0}, F64).requiresGrad_());
        Function<List<Tensor>, List<Tensor>> g = a -> Functional.vjp(adder, a.subList(0, 2), a.subList(2, 4), true, false).result();
        assertTrue(Gradcheck.gradcheck(g, args));
        assertTrue(Gradcheck.gradgradcheck(g, args));
        Function<List<Tensor>, List<Tensor>> foo = a -> {
            Tensor x = a.get(0).cos(), y = a.get(1);
            var r = Functional.vjp(adder, List.of(x, y), a.subList(2, 4), true, false);
            return List.of(r.output().get(0).exp().add(r.output().get(1).exp()).add(r.result().get(0).exp()).add(r.result().get(1).exp())
                    .add(x.exp()).add(y.exp()));
        };
        assertTrue(Gradcheck.gradcheck(foo, args));
        assertTrue(Gradcheck.gradgradcheck(foo, args));
    }

    // test_functional.py: TestAutogradFunctional.test_jvp_err_check (the v checks)
    @Test void testJvpErrCheck() {
        UnaryOperator<Tensor> foo = a -> a.narrow(0, 0, 3).mul(3);
        Tensor inp = rand(4), v = rand(4);
        assertRaisesRegex("The vector v can only be None if the input to the user-provided function", () -> Functional.jvp(foo, inp, null));
        assertRaisesRegex("v has invalid size: should be torch.Size", () -> Functional.jvp(foo, inp, v.index(":2")));
        assertSameStruct(Functional.jvp(foo, inp, v).result(), foo.apply(inp));
    }

    // test_functional.py: TestAutogradFunctional.test_jvp_err_check_strict
    @Test void testJvpErrCheckStrict() {
        Tensor inp = rand(4), v = rand(4);
        assertRaisesRegex("Output 0 of the user-provided function does not require gradients.",
                () -> Functional.jvp(Tensor::detach, inp, v, false, true));
        var res = Functional.jvp(Tensor::detach, inp, v, false, false);
        assertSameStruct(res.result(), res.output());
        assertEqual(res.result().abs().sum(), 0.0);
        assertRaisesRegex("The output of the user-provided function is independent of input 0",
                () -> Functional.jvp(PyTorchAutogradFunctionalTest::disconnected, inp, v, false, true));
        res = Functional.jvp(PyTorchAutogradFunctionalTest::disconnected, inp, v, false, false);
        assertSameStruct(res.result(), res.output());
        assertEqual(res.result().abs().sum(), 0.0);
        // the Jacobian does not depend on the input
        inp.requiresGrad_();
        assertRaisesRegex("jacobian of the user-provided function is independent of input 0.",
                () -> Functional.jvp(Tensor::clone, inp, v, true, true));
        res = Functional.jvp(Tensor::clone, inp, v, true, false);
        assertSameStruct(res.result(), inp);
        assertEqual(res.result(), v);
    }

    // test_functional.py: TestAutogradFunctional.test_jvp_no_grad
    @Test void testJvpNoGrad() {
        Tensor inputs = rand(4, 4), v = ones(4, 4);
        Functional.Result<Tensor> res;
        try (var g = noGrad()) {
            res = Functional.jvp(PyTorchAutogradFunctionalTest::reducerSumDim1, inputs, v);
        }
        assertNull(res.output().gradFn());
        assertNull(res.result().gradFn());
        assertFalse(res.result().equal(zeros(4)));
        inputs.requiresGrad_();
        v.requiresGrad_();
        try (var g = noGrad()) {
            res = Functional.jvp(PyTorchAutogradFunctionalTest::reducerSumDim1, inputs, v, true, false);
        }
        assertNotNull(res.output().gradFn());
        assertNotNull(res.result().gradFn());
        assertFalse(res.result().equal(zeros(4)));
    }

    // test_functional.py: TestAutogradFunctional.test_jvp_output
    @Test void testJvpOutput() {
        Tensor inputs = rand(4, 4), v = ones(4, 4);
        var res = Functional.jvp(PyTorchAutogradFunctionalTest::reducerSumDim1, inputs, v);
        assertSameStruct(res.result(), res.output());
        assertNull(res.output().gradFn());
        assertNull(res.result().gradFn());

        var r2 = Functional.jvp(in -> List.of(in.get(0).mul(2).add(in.get(1).mul(3))), List.of(rand(2), rand(2)), List.of(ones(2), ones(2)),
                false, false);
        assertSameStruct(r2.result(), r2.output());
        assertNull(r2.output().get(0).gradFn());
        assertNull(r2.result().get(0).gradFn());

        var r3 = Functional.jvp(in -> List.of(in.get(0).mul(2).add(in.get(1).mul(3)), in.get(0).add(in.get(1))), List.of(rand(2), rand(2)),
                List.of(tensor(1.0f, 0.0f), tensor(1.0f, 0.0f)), false, false);
        assertSameStruct(r3.result(), r3.output());
        assertNull(r3.output().get(0).gradFn());
        assertNull(r3.output().get(1).gradFn());
        assertNull(r3.result().get(0).gradFn());
        assertNull(r3.result().get(1).gradFn());
    }

    // test_functional.py: TestAutogradFunctional.test_jvp_scalar
    @Test void testJvpScalar() {
        var res = Functional.jvp(Tensor::sum, rand(4, 4), ones(4, 4));
        assertSameStruct(res.output(), zeros(new long[0]));
        assertSameStruct(res.result(), res.output());
        UnaryOperator<Tensor> expander = x -> x.unsqueeze(0).repeat(4);
        Tensor inputs = rand(new long[0]);
        res = Functional.jvp(expander, inputs, ones(new long[0]));
        assertSameStruct(res.output(), zeros(4));
        assertSameStruct(res.result(), res.output());
        res = Functional.jvp(expander, inputs, null);
        assertSameStruct(res.output(), zeros(4));
        assertSameStruct(res.result(), res.output());
    }

    // test_functional.py: TestAutogradFunctional.test_jvp_create_graph
    @Test void testJvpCreateGraph() {
        Tensor inputs = rand(F64, 2, 2).requiresGrad_(), v = ones(F64, 2, 2).requiresGrad_();
        var res = Functional.jvp(PyTorchAutogradFunctionalTest::reducerSumDim1, inputs, v, true, false);
        assertSameStruct(res.result(), res.output());
        assertNotNull(res.output().gradFn());
        assertNotNull(res.result().gradFn());
        Function<List<Tensor>, List<Tensor>> f = in -> {
            var r = Functional.jvp(PyTorchAutogradFunctionalTest::reducerSumDim1, in.get(0), in.get(1), true, false);
            return List.of(r.output(), r.result());
        };
        assertTrue(Gradcheck.gradcheck(f, List.of(inputs, v)));
        assertTrue(Gradcheck.gradgradcheck(f, List.of(inputs, v)));

        Function<List<Tensor>, List<Tensor>> adder = in -> List.of(in.get(0).mul(2).add(in.get(1).mul(3)), in.get(0).mul(in.get(1)));
        List<Tensor> args = List.of(rand(F64, 2).requiresGrad_(), rand(F64, 2).requiresGrad_(), tensor(new double[] {1, 0}, F64).requiresGrad_(),
                tensor(new double[] {1, 0}, F64).requiresGrad_());
        Function<List<Tensor>, List<Tensor>> g = a -> Functional.jvp(adder, a.subList(0, 2), a.subList(2, 4), true, false).result();
        assertTrue(Gradcheck.gradcheck(g, args));
        assertTrue(Gradcheck.gradgradcheck(g, args));
        Function<List<Tensor>, List<Tensor>> foo = a -> {
            Tensor x = a.get(0).cos(), y = a.get(1);
            var r = Functional.jvp(adder, List.of(x, y), a.subList(2, 4), true, false);
            return List.of(r.output().get(0).exp().add(r.output().get(1).exp()).add(r.result().get(0).exp()).add(r.result().get(1).exp())
                    .add(x.exp()).add(y.exp()));
        };
        assertTrue(Gradcheck.gradcheck(foo, args));
        assertTrue(Gradcheck.gradgradcheck(foo, args));
    }

    // test_functional.py: TestAutogradFunctional.test_jacobian_err_check (the shapes; for vectorize in (True, False))
    @Test void testJacobianErrCheck() {
        for (boolean vectorize : new boolean[] {true, false}) {
            UnaryOperator<Tensor> foo = a -> a.narrow(0, 0, 3).mul(3);
            Tensor inp = rand(4);
            assertInterleavedStruct(Functional.jacobian(foo, inp, false, false, vectorize), foo.apply(inp), inp);
            // two inputs, two outputs: res[i][j] has shape out_i + in_j
            Function<List<Tensor>, List<Tensor>> foo2 = in -> List.of(in.get(1), in.get(0).narrow(0, 0, 3).mul(3));
            List<Tensor> in2 = List.of(rand(4), rand(5));
            List<List<Tensor>> res = Functional.jacobianOutputs(foo2, in2, false, false);
            List<Tensor> outs = foo2.apply(in2);
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) assertInterleavedStruct(res.get(i).get(j), outs.get(i), in2.get(j));
        }
    }

    // test_functional.py: TestAutogradFunctional.test_jacobian_err_check_strict
    @Test void testJacobianErrCheckStrict() {
        Tensor inp = rand(4);
        assertRaisesRegex("Output 0 of the user-provided function does not require gradients.",
                () -> Functional.jacobian(Tensor::detach, inp, false, true, false));
        Tensor res = Functional.jacobian(Tensor::detach, inp, false, false, false);
        assertInterleavedStruct(res, inp.detach(), inp);
        assertEqual(res.abs().sum(), 0.0);
        assertRaisesRegex("Output 0 of the user-provided function is independent of input 0.",
                () -> Functional.jacobian(PyTorchAutogradFunctionalTest::disconnected, inp, false, true, false));
        res = Functional.jacobian(PyTorchAutogradFunctionalTest::disconnected, inp, false, false, false);
        assertInterleavedStruct(res, inp, inp);
        assertEqual(res.abs().sum(), 0.0);
        // the Jacobian does not depend on the input
        inp.requiresGrad_();
        assertRaisesRegex("jacobian of the user-provided function is independent of input 0.",
                () -> Functional.jacobian(Tensor::clone, inp, true, true, false));
        res = Functional.jacobian(Tensor::clone, inp, true, false, false);
        assertInterleavedStruct(res, inp, inp);
        assertEqual(res, eye(4, options()));
    }

    // test_functional.py: TestAutogradFunctional.test_jacobian_err_check_strict_vectorize
    @Test void testJacobianErrCheckStrictVectorize() {
        Tensor inp = rand(4);
        assertRaisesRegex("not supported together", () -> Functional.jacobian(x -> x, inp, false, true, true));
        assertRaisesRegex(quote("torch.autograd.functional.jacobian: `strict=True` and `vectorized=True` are not supported together. Please "
                + "either set `strict=False` or `vectorize=False`."), () -> Functional.jacobian(in -> in.get(0), List.of(inp), false, true, true));
    }

    // test_functional.py: TestAutogradFunctional.test_jacobian_no_grad
    @Test void testJacobianNoGrad() {
        UnaryOperator<Tensor> expReducer = x -> x.exp().sum(new int[] {1}, false);
        Tensor inputs = rand(4, 4);
        Tensor res;
        try (var g = noGrad()) {
            res = Functional.jacobian(expReducer, inputs);
        }
        assertNull(res.gradFn());
        assertFalse(res.equal(zeros(4, 4, 4)));
        try (var g = noGrad()) {
            res = Functional.jacobian(expReducer, inputs, true, false, false);
        }
        assertNotNull(res.gradFn());
        assertFalse(res.equal(zeros(4, 4, 4)));
    }

    // test_functional.py: TestAutogradFunctional.test_jacobian_output
    @Test void testJacobianOutput() {
        for (boolean vectorize : new boolean[] {true, false}) {
            UnaryOperator<Tensor> expReducer = x -> x.exp().sum(new int[] {1}, false);
            Tensor inputs = rand(4, 4);
            Tensor res = Functional.jacobian(expReducer, inputs, false, false, vectorize);
            assertInterleavedStruct(res, expReducer.apply(inputs), inputs);
            assertNull(res.gradFn());
            Tensor in1 = rand(4);
            res = Functional.jacobian(Tensor::clone, in1, false, false, vectorize);
            assertInterleavedStruct(res, in1, in1);
            assertNull(res.gradFn());
            assertEqual(res, eye(4, options()));
            List<Tensor> in2 = List.of(rand(4, 4), rand(4, 4));
            Function<List<Tensor>, Tensor> addExpReducer = in -> in.get(0).add(in.get(1).exp()).sum(new int[] {1}, false);
            List<Tensor> r2 = Functional.jacobian(addExpReducer, in2, false, false, vectorize);
            for (int i = 0; i < 2; i++) {
                assertInterleavedStruct(r2.get(i), addExpReducer.apply(in2), in2.get(i));
                assertNull(r2.get(i).gradFn());
            }
        }
    }

    // test_functional.py: TestAutogradFunctional.test_jacobian_scalar
    @Test void testJacobianScalar() {
        for (boolean vectorize : new boolean[] {true, false}) {
            Tensor inputs = rand(4, 4);
            assertSameStruct(Functional.jacobian(Tensor::sum, inputs, false, false, vectorize), inputs);
            Tensor in0 = rand(new long[0]);
            assertSameStruct(Functional.jacobian(x -> x.unsqueeze(0).repeat(4), in0, false, false, vectorize), zeros(4));
        }
    }

    // test_functional.py: TestAutogradFunctional.test_jacobian_create_graph
    @Test void testJacobianCreateGraph() {
        for (boolean vectorize : new boolean[] {true, false}) {
            UnaryOperator<Tensor> expReducer = x -> x.exp().sum(new int[] {1}, false);
            Tensor inputs = rand(F64, 4, 4).requiresGrad_();
            Tensor res = Functional.jacobian(expReducer, inputs, true, false, vectorize);
            assertInterleavedStruct(res, expReducer.apply(inputs), inputs);
            assertNotNull(res.gradFn());
            assertTrue(Gradcheck.gradcheck(inp -> Functional.jacobian(expReducer, inp, true, false, vectorize), inputs));
            assertTrue(Gradcheck.gradgradcheck(inp -> Functional.jacobian(expReducer, inp, true, false, vectorize), inputs));

            Function<List<Tensor>, Tensor> addExpReducer = in -> in.get(0).add(in.get(1)).exp().sum(new int[] {1}, false);
            List<Tensor> in2 = List.of(rand(F64, 4, 4).requiresGrad_(), rand(F64, 4, 4).requiresGrad_());
            List<Tensor> r2 = Functional.jacobian(addExpReducer, in2, true, false, vectorize);
            assertNotNull(r2.get(0).gradFn());
            assertNotNull(r2.get(1).gradFn());
            Function<List<Tensor>, List<Tensor>> f2 = in -> Functional.jacobian(addExpReducer, in, true, false, vectorize);
            assertTrue(Gradcheck.gradcheck(f2, in2));
            assertTrue(Gradcheck.gradgradcheck(f2, in2));
            Function<List<Tensor>, List<Tensor>> foo = in -> {
                Tensor x = in.get(0).cos(), y = in.get(1);
                List<Tensor> jac = Functional.jacobian(addExpReducer, List.of(x, y), true, false, vectorize);
                Tensor val = addExpReducer.apply(List.of(x, y));
                return List.of(val.exp().sum().add(jac.get(0).exp().sum()).add(jac.get(1).exp().sum()).add(x.exp().sum()).add(y.exp().sum()));
            };
            assertTrue(Gradcheck.gradcheck(foo, in2));
            assertTrue(Gradcheck.gradgradcheck(foo, in2));
        }
    }

    // test_functional.py: TestAutogradFunctional.test_jacobian_vectorize_correctness_simple
    @Test void testJacobianVectorizeCorrectnessSimple() {
        UnaryOperator<Tensor> f = x -> x.pow(2).mul(3);
        Tensor x = randn(2, 3, 5);
        assertEqual(Functional.jacobian(f, x, false, false, true), Functional.jacobian(f, x, false, false, false));
    }

    // test_functional.py: TestAutogradFunctional.test_jacobian_vectorize_correctness_multi_input
    @Test void testJacobianVectorizeCorrectnessMultiInput() {
        Function<List<Tensor>, Tensor> f = in -> in.get(0).cos().mul(in.get(0)).matmul(in.get(1).sin());
        List<Tensor> in = List.of(randn(2, 3), randn(3, 5));
        assertEqual(Functional.jacobian(f, in, false, false, true), Functional.jacobian(f, in, false, false, false));
    }

    // test_functional.py: TestAutogradFunctional.test_hessian_err_check (the element-count checks and shapes)
    @Test void testHessianErrCheck() {
        for (boolean vectorize : new boolean[] {true, false}) {
            UnaryOperator<Tensor> foo = a -> a.narrow(0, 0, 3).exp().sum().mul(3);
            UnaryOperator<Tensor> bar2 = a -> a.narrow(0, 0, 3).mul(3);
            Tensor inp = rand(4);
            assertRaisesRegex("The Tensor returned by the function given to hessian should contain a single element",
                    () -> Functional.hessian(bar2, inp, false, false, vectorize));
            assertInterleavedStruct(Functional.hessian(foo, inp, false, false, vectorize), inp, inp);
            Function<List<Tensor>, Tensor> foo2 = in -> in.get(1).narrow(0, 0, 3).mul(3).mul(in.get(0).narrow(0, 0, 3)).sum();
            List<Tensor> in2 = List.of(rand(4), rand(5));
            List<List<Tensor>> res = Functional.hessian(foo2, in2);
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) assertInterleavedStruct(res.get(i).get(j), in2.get(i), in2.get(j));
        }
    }

    // test_functional.py: TestAutogradFunctional.test_hessian_err_check_strict
    @Test void testHessianErrCheckStrict() {
        UnaryOperator<Tensor> foo = a -> a.detach().sum();
        UnaryOperator<Tensor> bar = a -> disconnected(a).sum();
        UnaryOperator<Tensor> bar2 = a -> a.mul(3).sum();  // linear: its jacobian does not depend on the input
        Tensor inp = rand(4);
        assertRaisesRegex("Output 0 of the user-provided function does not require gradients.",
                () -> Functional.hessian(foo, inp, false, true, false));
        Tensor res = Functional.hessian(foo, inp, false, false, false);
        assertInterleavedStruct(res, inp, inp);
        assertEqual(res.abs().sum(), 0.0);
        assertRaisesRegex("jacobian of the user-provided function with respect to input 0", () -> Functional.hessian(bar, inp, false, true, false));
        res = Functional.hessian(bar, inp, false, false, false);
        assertInterleavedStruct(res, inp, inp);
        assertEqual(res.abs().sum(), 0.0);
        assertRaisesRegex("jacobian of the user-provided function with respect to input 0 is",
                () -> Functional.hessian(bar2, inp, false, true, false));
        res = Functional.hessian(bar2, inp, false, false, false);
        assertInterleavedStruct(res, inp, inp);
        assertEqual(res.abs().sum(), 0.0);
    }

    // test_functional.py: TestAutogradFunctional.test_hessian_err_check_strict_vectorize
    @Test void testHessianErrCheckStrictVectorize() {
        Tensor inp = rand(4);
        assertRaisesRegex("not supported together", () -> Functional.hessian(x -> x.pow(3).sum(), inp, false, true, true));
    }

    // test_functional.py: TestAutogradFunctional.test_hessian_no_grad
    @Test void testHessianNoGrad() {
        UnaryOperator<Tensor> powReducer = x -> x.pow(3).sum();
        Tensor inputs = rand(2, 2);
        Tensor res;
        try (var g = noGrad()) {
            res = Functional.hessian(powReducer, inputs);
        }
        assertNull(res.gradFn());
        assertFalse(res.equal(zeros(2, 2, 2, 2)));
        try (var g = noGrad()) {
            res = Functional.hessian(powReducer, inputs, true, false, false);
        }
        assertNotNull(res.gradFn());
        assertFalse(res.equal(zeros(2, 2, 2, 2)));
    }

    // test_functional.py: TestAutogradFunctional.test_hessian_output
    @Test void testHessianOutput() {
        for (boolean vectorize : new boolean[] {true, false}) {
            Tensor inputs = rand(2, 2);
            Tensor res = Functional.hessian(x -> x.pow(3).sum(), inputs, false, false, vectorize);
            assertInterleavedStruct(res, inputs, inputs);
            assertNull(res.gradFn());
            List<Tensor> in2 = List.of(rand(2, 2), rand(2, 2));
            List<List<Tensor>> r2 = Functional.hessian(in -> in.get(0).add(in.get(1)).pow(3).sum(), in2);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    assertInterleavedStruct(r2.get(i).get(j), in2.get(i), in2.get(j));
                    assertNull(r2.get(i).get(j).gradFn());
                }
            }
        }
    }

    // test_functional.py: TestAutogradFunctional.test_hessian_scalar
    @Test void testHessianScalar() {
        for (boolean vectorize : new boolean[] {true, false}) {
            Tensor inputs = rand(4, 4);
            assertInterleavedStruct(Functional.hessian(Tensor::sum, inputs, false, false, vectorize), inputs, inputs);
            Tensor in0 = rand(new long[0]);
            assertSameStruct(Functional.hessian(Tensor::sum, in0, false, false, vectorize), in0);
            assertInterleavedStruct(Functional.hessian(x -> x.sum().view(1, 1, 1), inputs, false, false, vectorize), inputs, inputs);
        }
    }

    // test_functional.py: TestAutogradFunctional.test_hessian_create_graph
    @Test void testHessianCreateGraph() {
        for (boolean vectorize : new boolean[] {true, false}) {
            UnaryOperator<Tensor> powReducer = x -> x.pow(3).sum();
            Tensor inputs = rand(F64, 2, 2).requiresGrad_();
            Tensor res = Functional.hessian(powReducer, inputs, true, false, vectorize);
            assertInterleavedStruct(res, inputs, inputs);
            assertNotNull(res.gradFn());
            assertTrue(Gradcheck.gradcheck(inp -> Functional.hessian(powReducer, inp, true, false, vectorize), inputs));
            assertTrue(Gradcheck.gradgradcheck(inp -> Functional.hessian(powReducer, inp, true, false, vectorize), inputs));

            Function<List<Tensor>, Tensor> addPowReducer = in -> in.get(0).add(in.get(1)).pow(3).sum();
            List<Tensor> in2 = List.of(rand(F64, 2, 2).requiresGrad_(), rand(F64, 2, 2).requiresGrad_());
            List<List<Tensor>> r2 = Functional.hessian(addPowReducer, in2, true, false);
            for (List<Tensor> row : r2) for (Tensor h : row) assertNotNull(h.gradFn());
            Function<List<Tensor>, List<Tensor>> flatten = in -> {
                List<Tensor> flat = new ArrayList<>();
                for (List<Tensor> row : Functional.hessian(addPowReducer, in, true, false)) flat.addAll(row);
                return flat;
            };
            assertTrue(Gradcheck.gradcheck(flatten, in2));
            assertTrue(Gradcheck.gradgradcheck(flatten, in2));
        }
    }

    private static Tensor vhpFoo(Tensor a) { return a.narrow(0, 0, 3).exp().sum().mul(3); }

    private static Tensor vhpBar(List<Tensor> in) { return in.get(0).add(in.get(1).narrow(0, 0, 3).mul(3)).exp().sum(); }

    // test_functional.py: TestAutogradFunctional.test_vhp_err_check and test_hvp_err_check (the element-count and v checks)
    @Test void testVhpErrCheck() {
        for (boolean hvp : new boolean[] {false, true}) {
            String name = hvp ? "hvp" : "vhp";
            UnaryOperator<Tensor> bar2 = a -> a.narrow(0, 0, 3).mul(3);
            Tensor inp = rand(4), v = rand(4);
            java.util.function.BiFunction<UnaryOperator<Tensor>, Tensor, Functional.Result<Tensor>> api =
                    (fn, vv) -> hvp ? Functional.hvp(fn, inp, vv) : Functional.vhp(fn, inp, vv);
            assertRaisesRegex("The Tensor returned by the function given to " + name + " should contain a single element",
                    () -> api.apply(bar2, v));
            assertRaisesRegex("v has invalid size:", () -> api.apply(PyTorchAutogradFunctionalTest::vhpFoo, rand(5)));
            assertSameStruct(api.apply(PyTorchAutogradFunctionalTest::vhpFoo, v).result(), inp);
            Function<List<Tensor>, Tensor> foo2 = in -> in.get(1).narrow(0, 0, 3).mul(3).mul(in.get(0).narrow(0, 0, 3)).sum();
            List<Tensor> in2 = List.of(rand(4), rand(5)), v2 = List.of(rand(4), rand(5));
            assertSameStruct((hvp ? Functional.hvp(foo2, in2, v2) : Functional.vhp(foo2, in2, v2)).result(), in2);
        }
    }

    // test_functional.py: TestAutogradFunctional.test_vhp_err_check_strict and test_hvp_err_check_strict
    @Test void testVhpErrCheckStrict() {
        for (boolean hvp : new boolean[] {false, true}) {
            Tensor inp = rand(4), v = rand(4);
            java.util.function.BiFunction<UnaryOperator<Tensor>, Boolean, Functional.Result<Tensor>> api =
                    (fn, strict) -> hvp ? Functional.hvp(fn, inp, v, false, strict) : Functional.vhp(fn, inp, v, false, strict);
            UnaryOperator<Tensor> foo = a -> a.detach().sum(), bar = a -> disconnected(a).sum(), bar2 = a -> a.mul(3).sum();
            assertRaisesRegex("Output 0 of the user-provided function does not require gradients.", () -> api.apply(foo, true));
            var res = api.apply(foo, false);
            assertSameStruct(res.result(), inp);
            assertEqual(res.result().abs().sum(), 0.0);
            assertRaisesRegex("The output of the user-provided function is independent of input 0", () -> api.apply(bar, true));
            res = api.apply(bar, false);
            assertSameStruct(res.result(), inp);
            assertEqual(res.result().abs().sum(), 0.0);
            assertRaisesRegex("jacobian of the user-provided function with respect to input 0 is", () -> api.apply(bar2, true));
            res = api.apply(bar2, false);
            assertSameStruct(res.result(), inp);
            assertEqual(res.result().abs().sum(), 0.0);
        }
    }

    // test_functional.py: TestAutogradFunctional.test_vhp_no_grad and test_hvp_no_grad
    @Test void testVhpNoGrad() {
        for (boolean hvp : new boolean[] {false, true}) {
            Tensor inputs = rand(4, 4), v = ones(4, 4);
            UnaryOperator<Tensor> reducer = x -> x.exp().sum();
            Functional.Result<Tensor> res;
            try (var g = noGrad()) {
                res = hvp ? Functional.hvp(reducer, inputs, v) : Functional.vhp(reducer, inputs, v);
            }
            assertNull(res.output().gradFn());
            assertNull(res.result().gradFn());
            assertFalse(res.result().equal(zeros(4, 4)));
            try (var g = noGrad()) {
                res = hvp ? Functional.hvp(reducer, inputs, v, true, false) : Functional.vhp(reducer, inputs, v, true, false);
            }
            assertNotNull(res.output().gradFn());
            assertNotNull(res.result().gradFn());
            assertFalse(res.result().equal(zeros(4, 4)));
        }
    }

    // test_functional.py: TestAutogradFunctional.test_vhp_output and test_hvp_output
    @Test void testVhpOutput() {
        for (boolean hvp : new boolean[] {false, true}) {
            Tensor inputs = rand(4, 4), v = ones(4, 4);
            var res = hvp ? Functional.hvp(PyTorchAutogradFunctionalTest::vhpFoo, inputs, v) : Functional.vhp(PyTorchAutogradFunctionalTest::vhpFoo, inputs, v);
            assertSameStruct(res.result(), inputs);
            assertNull(res.output().gradFn());
            assertNull(res.result().gradFn());
            List<Tensor> in2 = List.of(rand(3), rand(4)), v2 = List.of(ones(3), ones(4));
            var r2 = hvp ? Functional.hvp(PyTorchAutogradFunctionalTest::vhpBar, in2, v2) : Functional.vhp(PyTorchAutogradFunctionalTest::vhpBar, in2, v2);
            assertSameStruct(r2.result(), in2);
            assertNull(r2.output().get(0).gradFn());
            assertNull(r2.result().get(0).gradFn());
            assertNull(r2.result().get(1).gradFn());
        }
    }

    // test_functional.py: TestAutogradFunctional.test_vhp_scalar and test_hvp_scalar
    @Test void testVhpScalar() {
        for (boolean hvp : new boolean[] {false, true}) {
            UnaryOperator<Tensor> reducer = hvp ? x -> x.exp().sum() : Tensor::sum;
            java.util.function.BiFunction<Tensor, Tensor, Functional.Result<Tensor>> api =
                    (in, v) -> hvp ? Functional.hvp(reducer, in, v) : Functional.vhp(reducer, in, v);
            Tensor inputs = rand(4, 4);
            assertSameStruct(api.apply(inputs, ones(4, 4)).result(), inputs);
            Tensor in0 = rand(new long[0]);
            assertSameStruct(api.apply(in0, rand(new long[0])).result(), in0);
            assertSameStruct(api.apply(in0, null).result(), in0);
            UnaryOperator<Tensor> badReducer = x -> reducer.apply(x).view(1, 1, 1);
            var res = hvp ? Functional.hvp(badReducer, inputs, rand(4, 4)) : Functional.vhp(badReducer, inputs, rand(4, 4));
            assertSameStruct(res.result(), inputs);
        }
    }

    // test_functional.py: TestAutogradFunctional.test_vhp_create_graph and test_hvp_create_graph
    @Test void testVhpCreateGraph() {
        for (boolean hvp : new boolean[] {false, true}) {
            Tensor inputs = rand(F64, 4, 4).requiresGrad_(), v = ones(F64, 4, 4).requiresGrad_();
            var res = hvp ? Functional.hvp(PyTorchAutogradFunctionalTest::vhpFoo, inputs, v, true, false)
                    : Functional.vhp(PyTorchAutogradFunctionalTest::vhpFoo, inputs, v, true, false);
            assertSameStruct(res.result(), inputs);
            assertNotNull(res.output().gradFn());
            assertNotNull(res.result().gradFn());
            Function<List<Tensor>, List<Tensor>> f = in -> {
                var r = hvp ? Functional.hvp(PyTorchAutogradFunctionalTest::vhpFoo, in.get(0), in.get(1), true, false)
                        : Functional.vhp(PyTorchAutogradFunctionalTest::vhpFoo, in.get(0), in.get(1), true, false);
                return List.of(r.output(), r.result());
            };
            assertTrue(Gradcheck.gradcheck(f, List.of(inputs, v)));
            assertTrue(Gradcheck.gradgradcheck(f, List.of(inputs, v)));

            List<Tensor> args = List.of(rand(F64, 3).requiresGrad_(), rand(F64, 4).requiresGrad_(), ones(F64, 3).requiresGrad_(),
                    ones(F64, 4).requiresGrad_());
            Function<List<Tensor>, List<Tensor>> g = a -> (hvp ? Functional.hvp(PyTorchAutogradFunctionalTest::vhpBar, a.subList(0, 2),
                    a.subList(2, 4), true, false) : Functional.vhp(PyTorchAutogradFunctionalTest::vhpBar, a.subList(0, 2), a.subList(2, 4), true,
                    false)).result();
            assertTrue(Gradcheck.gradcheck(g, args));
            assertTrue(Gradcheck.gradgradcheck(g, args));
            Function<List<Tensor>, List<Tensor>> foo = a -> {
                Tensor x = a.get(0).cos(), y = a.get(1);
                var r = hvp ? Functional.hvp(PyTorchAutogradFunctionalTest::vhpBar, List.of(x, y), a.subList(2, 4), true, false)
                        : Functional.vhp(PyTorchAutogradFunctionalTest::vhpBar, List.of(x, y), a.subList(2, 4), true, false);
                return List.of(r.output().get(0).cos().add(r.result().get(0).cos().sum()).add(r.result().get(1).cos()).add(x.cos().sum())
                        .add(y.cos()));
            };
            assertTrue(Gradcheck.gradcheck(foo, args));
            assertTrue(Gradcheck.gradgradcheck(foo, args));
        }
    }

    // test_functional.py: TestAutogradFunctional.test_jacobian_match_vjp_jvp
    @Test void testJacobianMatchVjpJvp() {
        UnaryOperator<Tensor> foo = x -> x.pow(3).add(x.sum());
        Tensor inputs = rand(4), v = rand(4);
        Tensor jac = Functional.jacobian(foo, inputs);
        Tensor jvp = Functional.jvp(foo, inputs, v).result();
        Tensor vjp = Functional.vjp(foo, inputs, v).result();
        assertEqual(jvp, jac.mm(v.unsqueeze(1)).squeeze(1));
        assertEqual(vjp, v.unsqueeze(0).mm(jac).squeeze(0));
    }

    // test_functional.py: TestAutogradFunctional.test_hessian_match_vhp_hvp
    @Test void testHessianMatchVhpHvp() {
        Tensor inputs = rand(4), v = rand(4);
        Tensor hes = Functional.hessian(PyTorchAutogradFunctionalTest::vhpFoo, inputs);
        Tensor hvp = Functional.hvp(PyTorchAutogradFunctionalTest::vhpFoo, inputs, v).result();
        Tensor vhp = Functional.vhp(PyTorchAutogradFunctionalTest::vhpFoo, inputs, v).result();
        assertEqual(hvp, hes.mm(v.unsqueeze(1)).squeeze(1));
        assertEqual(vhp, v.unsqueeze(0).mm(hes).squeeze(0));
    }
}
