package dev.jgrad.autograd;

import static dev.jgrad.Torch.*;
import static dev.jgrad.autograd.PyTorchAsserts.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's {@code test/test_autograd.py} TestAutogradDeviceType, on the CPU: gradients of tied extremes, the
 * scatter/index reductions, where, in-place ops on views (the test_inplace_on_view_* family), .grad assignment and
 * the *_like factories with requires_grad.
 */
class PyTorchAutogradDeviceTypeTest {
    private static final DType F64 = DType.FLOAT64;

    // test_autograd.py: TestAutogradDeviceType.test_min_max_median_backprops_to_all_values
    @Test void testMinMaxMedianBackpropsToAllValues() {
        List<UnaryOperator<Tensor>> fns = List.of(Tensor::min, Tensor::max, Tensor::median, Tensor::nanmedian);
        for (UnaryOperator<Tensor> f : fns) {
            Tensor x1 = tensor(1.0f, 0.0f, 1.0f, 0.0f, 1.0f, 0.0f).requiresGrad_();
            Tensor x2 = tensor(Float.NaN, Float.NaN, Float.NaN).requiresGrad_();
            for (Tensor x : new Tensor[] {x1, x2}) {
                f.apply(x).backward();
                assertEqual(x.grad().sum(), 1.0);
                assertEquals(3, x.grad().eq(tensor(1f / 3)).sum().itemLong());
            }
        }
    }

    private static Tensor reduceFn(boolean scatter, Tensor input, Tensor idx, Tensor src, String reduce) {
        return scatter ? input.scatterReduce(0, idx, src, reduce) : input.indexReduce(0, idx, src, reduce);
    }

    // test_autograd.py: TestAutogradDeviceType.test_scatter_index_reduce_amin_amax_backprops_to_all_values
    @Test void testScatterIndexReduceAminAmaxBackpropsToAllValues() {
        for (boolean scatter : new boolean[] {true, false}) {
            for (String reduction : List.of("amin", "amax")) {
                Tensor input = randn(F64, 2, 3).requiresGrad_();
                Tensor src = input.clone().detach_().requiresGrad_(true);
                Tensor idx = arange(0, 2, 1).to(DType.INT64);
                if (scatter) idx = idx.unsqueeze(-1).expand(2, 3);
                Tensor fidx = idx;
                assertTrue(Gradcheck.gradcheck(in -> List.of(reduceFn(scatter, in.get(0), fidx, in.get(1), reduction)), List.of(input, src)));
            }
        }
    }

    // test_autograd.py: TestAutogradDeviceType.test_scatter_index_reduce_prod_gradgrad_error
    @Test void testScatterIndexReduceProdGradgradError() {
        // double backward raises when 2 zeros in src are scattered to the same position in self
        Tensor input = tensor(new double[] {1.0}).requiresGrad_();
        Tensor src = tensor(new double[] {0.0, 0.0}).requiresGrad_();
        Tensor idx = tensor(0L, 0L);
        for (boolean scatter : new boolean[] {true, false}) {
            Function<List<Tensor>, List<Tensor>> fn = in -> List.of(reduceFn(scatter, in.get(0), idx, in.get(1), "prod"));
            // gradcheck itself passes
            assertTrue(Gradcheck.gradcheck(fn, List.of(input, src)));
            assertRaisesRegex("Double backward is unsupported for", () -> Gradcheck.gradgradcheck(fn, List.of(input, src)));
        }
        // PyTorch 1.13's exact messages
        Tensor g = Autograd.grad(List.of(input.scatterReduce(0, idx, src, "prod").sum()), List.of(src), null, false, true, false).get(0);
        assertRaisesRegex(quote("scatter_reduce(): Double backward is unsupported for src when >1 zeros in src are scattered to the same "
                + "position in self"), () -> g.sum().backward());
        Tensor g2 = Autograd.grad(List.of(input.indexReduce(0, idx, src, "prod").sum()), List.of(src), null, false, true, false).get(0);
        assertRaisesRegex(quote("index_reduce(): Double backward is unsupported for source when >1 zeros in source are scattered to the "
                + "same position in self"), () -> g2.sum().backward());
    }

    // test_autograd.py: TestAutogradDeviceType.test_set_requires_grad_only_for_floats
    @Test void testSetRequiresGradOnlyForFloats() {
        for (DType dtype : new DType[] {DType.FLOAT32, F64, DType.INT32, DType.INT64}) {
            Tensor a = ones(dtype, 1);
            a.setRequiresGrad(false);  // always works
            a.requiresGrad_(false);
            List<Runnable> fs = List.of(() -> ones(dtype, 1).requiresGrad_(), () -> ones(dtype, 1).setRequiresGrad(true),
                    () -> ones(options().dtype(dtype).requiresGrad(true), 1));
            for (Runnable f : fs) {
                if (dtype.isFloatingPoint()) f.run();
                else assertRaisesRegex("floating point", f::run);
            }
        }
    }

    // test_autograd.py: TestAutogradDeviceType.test_advanced_indexing_backwards_memory_format (a plain contiguous index: jgrad
    // has no channels_last)
    @Test void testAdvancedIndexingBackwardsMemoryFormat() {
        Tensor i = randint(0, 1, 2, 8, 1, 2);  // torch.randint(1, shape): all zeros
        Tensor x = randn(2, 8, 1, 2).requiresGrad_();
        x.index(i).sum().backward();
    }

    // test_autograd.py: TestAutogradDeviceType.test_where_functional
    @Test void testWhereFunctional() {
        Tensor x = randn(F64, 5, 5).requiresGrad_(), y = randn(F64, 5, 5).requiresGrad_();
        Tensor cond = maskNotAllZeros(5, 5);
        Function<List<Tensor>, List<Tensor>> where = in -> List.of(where(cond, in.get(0), in.get(1)));
        assertTrue(Gradcheck.gradcheck(where, List.of(x, y)));
        assertTrue(Gradcheck.gradgradcheck(where, List.of(x, y), List.of(randn(F64, 5, 5)), Gradcheck.options()));
        Tensor x2 = randn(F64, 5, 1, 5).requiresGrad_(), y2 = randn(F64, 5, 5, 1).requiresGrad_();
        assertTrue(Gradcheck.gradcheck(where, List.of(x2, y2)));
        assertTrue(Gradcheck.gradgradcheck(where, List.of(x2, y2), List.of(randn(F64, 5, 5, 5)), Gradcheck.options()));
    }

    /** common_methods_invocations.mask_not_all_zeros: a random bool mask with at least one true. */
    private static Tensor maskNotAllZeros(long... shape) {
        while (true) {
            Tensor r = randn(shape).gt(tensor(0.0f));
            if (r.sum().itemLong() > 0) return r;
        }
    }

    // test_autograd.py: TestAutogradDeviceType.test_where_scalar
    @Test void testWhereScalar() {
        Tensor x = randn(F64, 5, 5).requiresGrad_();
        Tensor cond = maskNotAllZeros(5, 5);
        UnaryOperator<Tensor> whereScalarFirst = t -> where(cond.logicalNot(), t, 4.0);
        UnaryOperator<Tensor> whereScalarSecond = t -> where(cond, t, 4.0);
        for (UnaryOperator<Tensor> f : List.of(whereScalarFirst, whereScalarSecond)) {
            assertTrue(Gradcheck.gradcheck(f, x));
            assertTrue(Gradcheck.gradgradcheck(f, x));
        }
    }

    // test_autograd.py: TestAutogradDeviceType.test_grad_assignment (the CPU cases; a non-tensor can't be assigned in Java)
    @Test void testGradAssignment() {
        Tensor x = randn(5, 5);
        assertThrows(RuntimeException.class, () -> x.setGrad(randn(2, 2)));          // wrong shape
        assertThrows(RuntimeException.class, () -> x.setGrad(randint(0, 5, 5, 5)));  // wrong dtype
        assertThrows(RuntimeException.class, () -> x.setGrad(x));                    // self-assignment
    }

    // test_autograd.py: TestAutogradDeviceType.test_requires_grad_factory
    @Test void testRequiresGradFactory() {
        for (DType dtype : new DType[] {DType.FLOAT32, F64}) {
            Tensor x = randn(dtype, 2, 3);
            for (boolean requiresGrad : new boolean[] {true, false}) {
                for (Tensor output : new Tensor[] {onesLike(x, options().dtype(dtype).requiresGrad(requiresGrad)),
                        randnLike(x, options().dtype(dtype).requiresGrad(requiresGrad))}) {
                    assertEquals(requiresGrad, output.requiresGrad());
                    assertSame(dtype, output.dtype());
                    assertEquals("cpu", x.device().toString());
                }
            }
        }
        // the other *_like factories take the same options; without a dtype they keep the source's
        Tensor d = randn(F64, 2);
        assertSame(F64, zerosLike(d, options().requiresGrad(true)).dtype());
        assertTrue(emptyLike(d, options().requiresGrad(true)).requiresGrad());
        assertEqual(fullLike(d, 3.0, options().dtype(DType.FLOAT32)), full(new long[] {2}, 3.0));
        assertSame(DType.FLOAT32, randLike(d, options().dtype(DType.FLOAT32)).dtype());
        assertRaisesRegex("Only Tensors of floating point and complex dtype can require gradients",
                () -> onesLike(d, options().dtype(DType.INT64).requiresGrad(true)));
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_backprop_base
    @Test void testInplaceOnViewBackpropBase() {
        // modify the view, backprop through the base
        Tensor root = randn(2, 2).requiresGrad_();
        Tensor x = root.clone();
        x.narrow(0, 0, 1).mul_(2);
        x.sum().backward();
        assertEqual(root.grad(), tensor(new float[][] {{2, 2}, {1, 1}}));
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_backprop_view_of_view
    @Test void testInplaceOnViewBackpropViewOfView() {
        Tensor root = randn(2, 2).requiresGrad_();
        Tensor x = root.clone();
        Tensor v1 = x.narrow(0, 0, 1), v2 = x.narrow(0, 0, 1);
        v1.mul_(2);
        v2.sum().backward();
        assertEqual(root.grad(), tensor(new float[][] {{2, 2}, {0, 0}}));
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_of_view
    @Test void testInplaceOnViewOfView() {
        Tensor root = randn(2, 2).requiresGrad_();
        Tensor x = root.clone();
        x.narrow(0, 0, 1).narrow(1, 1, 1).mul_(2);
        x.sum().backward();
        assertEqual(root.grad(), tensor(new float[][] {{1, 2}, {1, 1}}));
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_then_no_grad
    @Test void testInplaceOnViewThenNoGrad() {
        Tensor a = ones(F64, 3, 1).requiresGrad_();
        Tensor b = a.mul(2);
        Tensor c = b.viewAs(b);
        c.get(0).get(0).fill_(3.0);
        // a graph update with grad disabled
        try (var g = noGrad()) {
            c.gradFn();
        }
        c.sum().backward();
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_gradcheck
    @Test void testInplaceOnViewGradcheck() {
        Tensor a = randn(F64, 4, 4).requiresGrad_(), b = randn(F64, 2, 2).requiresGrad_();
        Function<List<Tensor>, List<Tensor>> func = in -> {
            Tensor x = in.get(0).clone();
            x.narrow(1, 2, 2).narrow(0, 1, 2).mul_(in.get(1));
            x.narrow(1, 0, 2).narrow(0, 1, 2).mul_(in.get(1));
            return List.of(x);
        };
        assertTrue(Gradcheck.gradcheck(func, List.of(a, b)));
        Tensor go = randn(F64, 4, 4).requiresGrad_();
        assertTrue(Gradcheck.gradgradcheck(func, List.of(a, b), List.of(go), Gradcheck.options()));
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_multiple_outputs
    @Test void testInplaceOnViewMultipleOutputs() {
        Tensor root = arange(0, 9.0, 1, options().dtype(F64)).reshape(3, 3).requiresGrad_();
        Tensor x = root.clone();
        List<Tensor> v1 = x.unbind(0);
        assertThrows(RuntimeException.class, () -> v1.get(0).mul_(2));
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_of_multiple_output_view
    @Test void testInplaceOnViewOfMultipleOutputView() {
        Tensor a = rand(F64, 10).requiresGrad_().clone();
        List<Tensor> b = a.unbind(0);
        Tensor c = b.get(0).viewAs(b.get(0));
        assertThrows(RuntimeException.class, () -> c.mul_(2));
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_multiple_output_view_of_view
    @Test void testInplaceMultipleOutputViewOfView() {
        Tensor a = rand(F64, 10).requiresGrad_().clone();
        Tensor b = a.viewAs(a);
        List<Tensor> c = b.unbind(0);
        assertThrows(RuntimeException.class, () -> c.get(0).mul_(2));
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_makes_base_require_grad
    @Test void testInplaceOnViewMakesBaseRequireGrad() {
        Tensor a = randn(F64, 4, 4), b = randn(F64, 4, 2).requiresGrad_();
        Function<List<Tensor>, List<Tensor>> func = in -> {
            Tensor x = in.get(0).clone();
            assertFalse(x.requiresGrad());
            x.narrow(1, 2, 2).mul_(in.get(1));
            assertTrue(x.requiresGrad());
            return List.of(x);
        };
        assertTrue(Gradcheck.gradcheck(func, List.of(a, b)));
        Tensor go = randn(F64, 4, 4).requiresGrad_();
        assertTrue(Gradcheck.gradgradcheck(func, List.of(a, b), List.of(go), Gradcheck.options()));
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_backprop_view
    @Test void testInplaceOnViewBackpropView() {
        // modify a view and backprop through it
        Tensor a = tensor(2.0f, 5.0f);
        Tensor b = tensor(3.0f).reshape(1).requiresGrad_();
        Tensor res = a.narrow(0, 1, 1).mul_(b);
        res.sum().backward();
        assertEqual(b.grad(), tensor(new float[] {5}));
        assertNull(a.grad());
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_modify_base
    @Test void testInplaceOnViewModifyBase() {
        // an in-place op on a base that makes it require grad makes earlier views require grad and backprop too
        Tensor r = ones(F64, 1).requiresGrad_();
        UnaryOperator<Tensor> fn = rr -> {
            Tensor x = ones(F64, 5);
            Tensor v = x.select(0, 1);
            assertFalse(v.requiresGrad());
            assertNull(v.gradFn());
            x.add_(rr);  // v now depends on r
            assertTrue(v.requiresGrad());
            return v;
        };
        assertTrue(Gradcheck.gradcheck(fn, r));
        assertTrue(Gradcheck.gradgradcheck(fn, r));
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_python
    @Test void testInplaceOnViewPython() {
        // in-place modifications of views by a custom Function
        Tensor a = randn(F64, 4, 4).requiresGrad_(), b = randn(F64, 2, 2).requiresGrad_();
        class PyAdd extends dev.jgrad.autograd.Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) {
                ctx.markDirty(in[0]);
                in[0].add_(in[1]);
                return in[0];
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0], g[0]}; }
        }
        Function<List<Tensor>, List<Tensor>> func = in -> {
            Tensor x = in.get(0).clone();
            new PyAdd().apply(x.narrow(1, 2, 2).narrow(0, 1, 2), in.get(1));
            new PyAdd().apply(x.narrow(1, 0, 2).narrow(0, 1, 2), in.get(1));
            return List.of(x);
        };
        assertTrue(Gradcheck.gradcheck(func, List.of(a, b)));
        Tensor go = randn(F64, 4, 4).requiresGrad_();
        assertTrue(Gradcheck.gradgradcheck(func, List.of(a, b), List.of(go), Gradcheck.options()));
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_non_contig
    @Test void testInplaceOnViewNonContig() {
        Tensor root = ones(2, 3, 2).select(2, 1).t().requiresGrad_(true);
        Tensor x = root.clone();
        x.narrow(0, 0, 1).narrow(1, 1, 1).mul_(2);
        x.sum().backward();
        assertEqual(root.grad(), tensor(new float[][] {{1, 2}, {1, 1}, {1, 1}}));
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_multi_output_safe
    @Test void testInplaceOnViewMultiOutputSafe() {
        List<Function<Tensor, List<Tensor>>> fs = List.of(t -> t.split(1, 0), t -> t.split(new long[] {1, 1, 1}, 0), t -> t.chunk(3, 0));
        for (Function<Tensor, List<Tensor>> f : fs) {
            Tensor a = randn(3, 3).requiresGrad_();
            Tensor b = a.add(a);
            List<Tensor> s = f.apply(b);
            assertRaisesRegex("This view is the output of a function that returns multiple views.", () -> s.get(0).mul_(s.get(1)));
        }
    }

    // test_autograd.py: TestAutogradDeviceType.test_inplace_on_view_undefined_grad_output
    @Test void testInplaceOnViewUndefinedGradOutput() {
        Tensor a = tensor(1.0f).reshape(1).requiresGrad_();
        Tensor c = a.clone();
        Tensor v = c.index(":");
        Tensor b = tensor(1.0f).requiresGrad_();
        class InplaceFunc extends dev.jgrad.autograd.Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) {
                ctx.markDirty(in[0]);
                return in[0].mul_(2);
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0].mul(2), null}; }
        }
        Tensor out = new InplaceFunc().apply(v, b);
        out.backward();
        assertNull(b.grad());
        assertEquals(2.0, a.grad().item());
    }

    // test_autograd.py: TestAutogradDeviceType.test_mv_grad_stride_0
    @Test void testMvGradStride0() {
        Tensor mat = randn(F64, 2, 2);
        Tensor vec = randn(F64, 1).requiresGrad_(true);
        // the expand happens inside, so gradcheck's input has no overlapping memory
        UnaryOperator<Tensor> fn = v -> mat.mv(v.expand(2)).sum();
        assertTrue(Gradcheck.gradcheck(fn, vec));
        assertTrue(Gradcheck.gradgradcheck(fn, vec));
    }

    // test_autograd.py: TestAutogradDeviceType.test_non_differentiable_ops
    @Test void testNonDifferentiableOps() {
        Tensor x = tensor(new float[][] {{1, 2}, {3, 4}}).requiresGrad_();
        assertFalse(isin(x, tensor(2.0f, 3.0f)).requiresGrad());
        Tensor x2 = randn(3, 3).requiresGrad_();
        assertFalse(x2.signbit().requiresGrad());
    }

    // test_autograd.py: TestAutogradDeviceType.test_copy_ (the dtypes jgrad has)
    @Test void testCopy_() {
        Tensor x = randn(10).requiresGrad_();
        for (DType dt : new DType[] {DType.FLOAT32, F64}) {
            Tensor y = empty(dt, 10);
            y.copy_(x);
            assertTrue(y.requiresGrad());
        }
    }
}
