package dev.jgrad.autograd;

import static dev.jgrad.Torch.*;
import static dev.jgrad.autograd.PyTorchAsserts.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.nn.InstanceNorm2d;
import dev.jgrad.nn.functional.F;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's {@code test/test_autograd.py} tests of views and in-place ops under autograd (test_inplace_on_view_*,
 * test_autograd_views_codegen, test_autograd_*_views_*, custom Functions that return views or modify inputs).
 * Where current PyTorch's test checks behaviour newer than 1.13 (pure views, a view of a no_grad view), the 1.13
 * behaviour is what jgrad follows and such parts are left out.
 */
class PyTorchAutogradViewTest {
    private static final DType F64 = DType.FLOAT64;

    // test_autograd.py: TestAutograd.test_inplace_on_view_leaf_errors
    @Test void testInplaceOnViewLeafErrors() {
        // fails when the view is modified, not later in backward
        Tensor x = zeros(1).requiresGrad_();
        Tensor y = x.viewAs(x);
        assertRaisesRegex(quote("a view of a leaf Variable that requires grad is being used in an in-place operation."), () -> y.add_(1));
    }

    // test_autograd.py: TestAutograd.test_inplace_on_view_backward
    @Test void testInplaceOnViewBackward() {
        // must not raise
        InstanceNorm2d norm = new InstanceNorm2d(2);
        UnaryOperator<Tensor> net = t -> norm.forward(t).relu_();
        Tensor x = tensor(new float[][][][] {{{{1, 1}}}}).requiresGrad_();
        Tensor g = Autograd.grad(List.of(net.apply(x).pow(2)), List.of(x), List.of(x.newOnes(x.shape())), false, true, false).get(0);
        Autograd.grad(g.sum(), x);
        assertEqual(x, tensor(new float[][][][] {{{{1, 1}}}}));

        Tensor inputs = ones(options().requiresGrad(true), 1, 3, 256, 256);
        Tensor tmp1 = inputs.add(1).viewAs(inputs);
        Tensor tmp2 = F.threshold_(tmp1, 0.0, 0.0);
        Tensor probInterpolated = tmp2.sigmoid();
        Tensor gradients = Autograd.grad(List.of(probInterpolated), List.of(inputs), List.of(ones(probInterpolated.shape())), true, true,
                false).get(0);
        gradients.sum().backward();
    }

    // test_autograd.py: TestAutograd.test_inplace_on_view_weak_grad_fn
    @Test void testInplaceOnViewWeakGradFn() {
        // b's grad_fn must survive b itself
        Tensor a = arange(0, 10, 1, options().requiresGrad(true));
        Tensor b = a.narrow(0, 0, 2).clone().view(-1);
        b.relu_();
        Tensor c = b.clone();
        b = null;
        System.gc();
        Tensor s = c.sum();
        s.backward();
        assertEqual(s, tensor(1.0f));
        // fails at the in-place op, not in backward
        Tensor a2 = rand(10).requiresGrad_().narrow(0, 0, 10);
        assertThrows(RuntimeException.class, a2::relu_);
    }

    // test_autograd.py: TestAutograd.test_autograd_views_codegen
    @Test void testAutogradViewsCodegen() {
        runViewsCodegen(true, false, true, null, null, null);
        String inpChangeErr = "Output %s of UnbindBackward0 is a view and is being modified inplace.";
        runViewsCodegen(true, true, true, null, quote(inpChangeErr.formatted("0")), quote(inpChangeErr.formatted("1")));
        String leafGradErr = "A view was created in no_grad mode and is being modified inplace";
        runViewsCodegen(false, true, true, leafGradErr, leafGradErr, leafGradErr);
        runViewsCodegen(false, false, true, null, null, null);
    }

    private static void maybeCheckRaise(Runnable fn, String shouldRaise) {
        if (shouldRaise != null) assertRaisesRegex(shouldRaise, fn::run);
        else fn.run();
    }

    private static void runViewsCodegen(boolean gradMode, boolean requiresGrad, boolean isView, String... shouldRaise) {
        Tensor inp = rand(2).requiresGrad_(requiresGrad).clone();
        Tensor out;
        try (var g = setGradEnabled(gradMode)) {
            out = inp.viewAs(inp);
        }
        assertEquals(isView, out.isView());
        Tensor o = out;
        maybeCheckRaise(() -> o.add_(1), shouldRaise[0]);

        Tensor inp2 = rand(2).requiresGrad_(requiresGrad).clone();
        List<Tensor> outs;
        try (var g = setGradEnabled(gradMode)) {
            outs = inp2.unbind(0);
        }
        assertEquals(isView, outs.get(0).isView());
        assertEquals(isView, outs.get(1).isView());
        maybeCheckRaise(() -> outs.get(0).add_(1), shouldRaise[1]);
        maybeCheckRaise(() -> outs.get(1).add_(1), shouldRaise[2]);
    }

    static final class ViewAsFn extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].viewAs(in[0]); }
        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return g; }
    }

    // test_autograd.py: TestAutograd.test_inplace_not_requires_grad
    @Test void testInplaceNotRequiresGrad() {
        // the original does not require grad, the tensor written does
        Tensor a = rand(1, 2);
        Tensor b = rand(1).requiresGrad_();
        Tensor viewA = new ViewAsFn().apply(a);
        assertRaisesRegex("This view was created inside a custom Function", () -> viewA.add_(b));
        // copy_ too
        Tensor a2 = rand(1, 2), b2 = rand(1).requiresGrad_();
        Tensor viewA2 = new ViewAsFn().apply(a2);
        assertRaisesRegex("This view was created inside a custom Function", () -> viewA2.copy_(b2));
        // functions that should throw do
        Tensor a3 = rand(1, 2), b3 = rand(1).requiresGrad_();
        Tensor viewA3 = a3.unbind(0).get(0);
        assertRaisesRegex("This view is the output of a function that returns multiple views.", () -> viewA3.copy_(b3));
        // views that should work still work
        Tensor a4 = rand(1, 2), b4 = rand(1).requiresGrad_();
        a4.select(1, 0).copy_(b4);
    }

    // test_autograd.py: TestAutograd.test_autograd_simple_views_python (the real dtype; pure views are post-1.13 and not ported)
    @Test void testAutogradSimpleViewsPython() {
        int[] bwCalled = {0};
        boolean[] gaNz = {false};
        class IdOneOutput extends Function {
            final boolean makeView;

            IdOneOutput(boolean makeView) { this.makeView = makeView; }

            @Override protected Tensor forward(Context ctx, Tensor... in) { return makeView ? in[0].narrow(0, 0, 2) : in[0].clone(); }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) { bwCalled[0]++; return g; }
        }
        class IdTwoOutput extends Function {
            final boolean makeView;

            IdTwoOutput(boolean makeView) { this.makeView = makeView; }

            @Override protected Tensor[] forwardTuple(Context ctx, Tensor... in) {
                Tensor a = makeView ? in[0].narrow(0, 0, 2) : in[0].clone();
                return new Tensor[] {a, a.add(in[1])};
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) {
                bwCalled[0]++;
                gaNz[0] = g[0].eq(tensor(0.0)).all().item() == 0;
                return new Tensor[] {g[0].add(g[1]), g[1]};
            }
        }
        class ViewOfTemp extends Function {
            final boolean makeView;

            ViewOfTemp(boolean makeView) { this.makeView = makeView; }

            @Override protected Tensor forward(Context ctx, Tensor... in) {
                ctx.saveForBackward(in[0]);
                Tensor a = makeView ? in[0].narrow(0, 0, 2) : in[0].clone();
                return a.clone().select(0, 0);
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) {
                bwCalled[0]++;
                Tensor res = zerosLike(ctx.savedTensors().get(0));
                res.select(0, 0).copy_(g[0]);
                return new Tensor[] {res};
            }
        }
        java.util.Map<String, String> errMsg = java.util.Map.of(
                "one_output", "Output 0 of IdOneOutputBackward is a view and is being modified inplace. This view was created inside a custom Function",
                "two_output", "Output 0 of IdTwoOutputBackward is a view and is being modified inplace. This view is the output of a function that "
                        + "returns multiple views.",
                "view_of_temp", "Output 0 of ViewOfTempBackward is a view and is being modified inplace. This view was created inside a custom "
                        + "Function");
        for (String fnId : List.of("one_output", "two_output", "view_of_temp")) {
            for (boolean inplace : new boolean[] {true, false}) {
                for (boolean makeView : new boolean[] {true, false}) {
                    boolean outputIsAView = makeView || fnId.equals("view_of_temp");
                    BinaryOperator<Tensor> fn = (a0, b0) -> {
                        Tensor a = a0.clone(), b = b0.clone();  // never modify a, b in place for gradcheck
                        Tensor tmp;
                        if (fnId.equals("two_output")) {
                            Tensor[] t = new IdTwoOutput(makeView).applyTuple(a, b);
                            Tensor tmp1 = t[0], tmp2 = t[1];
                            if (inplace) {
                                tmp1.add_(3);
                                tmp2.add_(3);
                            } else {
                                tmp1 = tmp1.add(3);
                                tmp2 = tmp2.add(3);
                            }
                            tmp = tmp1.mul(tmp2);
                        } else {
                            tmp = fnId.equals("one_output") ? new IdOneOutput(makeView).apply(a) : new ViewOfTemp(makeView).apply(a.add(b));
                            if (inplace) tmp.add_(3);
                            else tmp = tmp.add(3);
                        }
                        return tmp.sum();
                    };
                    Tensor a = ones(F64, 2).requiresGrad_(), b = ones(F64, 2).requiresGrad_();
                    boolean willRaise = inplace && outputIsAView;
                    java.util.function.Function<List<Tensor>, List<Tensor>> f = in -> List.of(fn.apply(in.get(0), in.get(1)));
                    if (willRaise) assertRaisesRegex(quote(errMsg.get(fnId)), () -> Gradcheck.gradcheck(f, List.of(a, b)));
                    else assertTrue(Gradcheck.gradcheck(f, List.of(a, b)));
                    bwCalled[0] = 0;
                    gaNz[0] = true;
                    int expectedCalled = 1;
                    if (willRaise) {
                        expectedCalled = 0;
                        assertRaisesRegex(quote(errMsg.get(fnId)), () -> fn.apply(a, b));
                    } else {
                        fn.apply(a, b).abs().backward();
                    }
                    assertEquals(expectedCalled, bwCalled[0], fnId + " inplace=" + inplace + " makeView=" + makeView);
                    assertTrue(gaNz[0]);
                }
            }
        }
    }

    // test_autograd.py: TestAutograd.test_autograd_inplace_views_creation_meta
    @Test void testAutogradInplaceViewsCreationMeta() {
        runCreationMetaTests(v -> v.asStrided_(new long[] {1, 0}, new long[] {2, 2}, 0));
        runCreationMetaTests(v -> v.transpose_(0, 0));
        runCreationMetaTests(Tensor::t_);
        runCreationMetaTests(v -> v.squeeze_(0));
        runCreationMetaTests(v -> v.unsqueeze_(0));
    }

    private static void runCreationMetaTests(Consumer<Tensor> fn) {
        String noGradErr = "A view was created in no_grad mode", multiViewErr = "function that returns multiple views",
                customErr = "view was created inside a custom Function";
        for (String fnType : List.of("normal", "multi_view", "custom")) {
            for (boolean gradModeView : new boolean[] {true, false}) {
                for (boolean gradModeIview : new boolean[] {true, false}) {
                    for (boolean requiresGrad : new boolean[] {true, false}) {
                        String error1 = null, error2 = null;
                        if (requiresGrad) {
                            if (!gradModeView && gradModeIview) error1 = noGradErr;
                            if (!gradModeView && !gradModeIview) error2 = noGradErr;
                            if (fnType.equals("multi_view")) {
                                if (gradModeView && gradModeIview) error1 = multiViewErr;
                                if (gradModeView && !gradModeIview) error2 = multiViewErr;
                            }
                            if (fnType.equals("custom")) {
                                if (gradModeView && gradModeIview) error1 = customErr;
                                if (gradModeView && !gradModeIview) error2 = customErr;
                            }
                        }
                        runCreationMeta(fn, fnType, gradModeView, gradModeIview, requiresGrad, error1, error2);
                    }
                }
            }
        }
    }

    private static void runCreationMeta(Consumer<Tensor> fn, String fnType, boolean gradModeView, boolean gradModeIview,
                                        boolean requiresGrad, String error1, String error2) {
        Tensor base = rand(2, 3).requiresGrad_(requiresGrad).clone();
        Tensor inp;
        try (var g = setGradEnabled(gradModeView)) {
            inp = switch (fnType) {
                case "multi_view" -> base.unbind(0).get(0);
                case "custom" -> new ViewAsFn().apply(base);
                default -> base.viewAs(base);
            };
        }
        try (var g = setGradEnabled(gradModeIview)) {
            if (error1 != null) {
                assertRaisesRegex(error1, () -> fn.accept(inp));
                return;
            }
            fn.accept(inp);
        }
        if (error2 != null) assertRaisesRegex(error2, () -> inp.add_(1));
        else inp.add_(1);
    }

    // test_autograd.py: TestAutograd.test_autograd_print_tensor (the part 1.13 shares: printing a no_grad view modified under
    // no_grad raises in 1.13, current PyTorch prints grad_fn=<Invalid>)
    @Test void testAutogradPrintTensor() {
        Tensor a = ones(1).requiresGrad_();
        Tensor aClone = a.clone();
        assertEquals("tensor([1.], requires_grad=True)", a.toString());
        assertEquals("tensor([1.], grad_fn=<CloneBackward0>)", aClone.toString());
        Tensor c = new Identity().apply(a);
        assertEquals("tensor([1.], grad_fn=<IdentityBackward>)", c.toString());
    }

    static final class Identity extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0]; }
        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return g; }
    }

    // test_autograd.py: TestAutograd.test_autograd_multiple_views_python
    @Test void testAutogradMultipleViewsPython() {
        int[] bwCalled = {0};
        class ComplexView extends Function {
            final int idx;

            ComplexView(int idx) { this.idx = idx; }

            @Override protected Tensor forward(Context ctx, Tensor... in) {
                in[0].narrow(0, idx, 1);
                Tensor res = in[0].select(0, idx);
                ctx.saveForBackward(in[0]);
                return res;
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) {
                bwCalled[0]++;
                Tensor res = zerosLike(ctx.savedTensors().get(0));
                res.select(0, idx).copy_(g[0]);
                return new Tensor[] {res};
            }
        }
        Tensor a = ones(2).requiresGrad_();
        new ComplexView(1).apply(a.clone()).sum().backward();
        assertEquals(1, bwCalled[0]);
        Tensor out = new ComplexView(1).apply(a.clone());
        assertRaisesRegex("Output 0 of ComplexViewBackward is a view and is being modified inplace", () -> out.add_(1));
    }

    // test_autograd.py: TestAutograd.test_autograd_python_custom_function_inplace
    @Test void testAutogradPythonCustomFunctionInplace() {
        int[] bwCalled = {0};
        class MyAdder extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) {
                in[0].add_(in[1]);
                ctx.markDirty(in[0]);
                return in[0];
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) { bwCalled[0]++; return new Tensor[] {g[0], g[0]}; }
        }
        Tensor a = ones(2).requiresGrad_(), b = ones(2).requiresGrad_();
        // no extra in-place op
        new MyAdder().apply(a.clone(), b).sum().backward();
        assertEquals(1, bwCalled[0]);
        // an extra in-place op on the output
        bwCalled[0] = 0;
        Tensor c = new MyAdder().apply(a.clone(), b);
        c.add_(2);
        c.sum().backward();
        assertEquals(1, bwCalled[0]);
        // the input is a view
        bwCalled[0] = 0;
        new MyAdder().apply(a.clone().viewAs(a), b).sum().backward();
        assertEquals(1, bwCalled[0]);

        class MyBadAdder extends Function {
            @Override protected Tensor[] forwardTuple(Context ctx, Tensor... in) {
                in[0].add_(in[1]);
                ctx.markDirty(in[0]);
                return new Tensor[] {in[0], in[0].add(in[1])};
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) {
                bwCalled[0]++;
                return new Tensor[] {g[0].add(g[1]), g[0].add(g[1])};
            }
        }
        bwCalled[0] = 0;
        Tensor[] cd = new MyBadAdder().applyTuple(a.clone(), b);
        cd[0].mul(cd[1]).sum().backward();
        assertEquals(1, bwCalled[0]);
        bwCalled[0] = 0;
        cd = new MyBadAdder().applyTuple(a.clone(), b);
        cd[0].add_(2);
        cd[0].mul(cd[1]).sum().backward();
        assertEquals(1, bwCalled[0]);
        // the input is a view
        assertRaisesRegex("your Function modifies inplace an input that is a view of another Tensor",
                () -> new MyBadAdder().applyTuple(a.clone().viewAs(a), b));

        class MyOutPlaceAdder extends Function {
            @Override protected Tensor[] forwardTuple(Context ctx, Tensor... in) {
                in[0].add_(in[1]);
                ctx.markDirty(in[0]);
                return new Tensor[] {in[0].clone(), in[0].add(in[1])};
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) {
                bwCalled[0]++;
                return new Tensor[] {g[0].add(g[1]), g[0].add(g[1].mul(2))};
            }
        }
        assertRaisesRegex(quote("Some elements marked as dirty during the forward method were not returned as output."), () -> {
            Tensor origA = a.clone().viewAs(a);
            Tensor[] r = new MyOutPlaceAdder().applyTuple(origA, b);
            r[0].mul(r[1]).sum();
        });
    }
}
