package dev.jgrad.autograd;

import static dev.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.DType;
import dev.jgrad.RemovableHandle;
import dev.jgrad.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Autograd semantics an outside audit found wrong, each checked against PyTorch 1.13: the expected values
 * and messages are what {@code tools/fixtures/probe_autograd_semantics.py} prints on real PyTorch.
 */
class ViewsAndFunctionsTest {
    private static String message(Runnable r) {
        return assertThrows(RuntimeException.class, r::run).getMessage();
    }

    static final class Identity extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0]; }
        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0]}; }
    }

    static final class NullGrad extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].clone(); }
        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {null}; }
    }

    @Test void functionReturningNullGradientLeavesGradUnset() {
        Tensor x = ones(2).requiresGrad_();
        new NullGrad().apply(x.pow(2)).sum().backward();
        assertNull(x.grad());
    }

    @Test void hookOnUnusedUnbindOutputIsCalledWithNull() {
        Tensor x = ones(2, 2).requiresGrad_();
        List<Tensor> parts = x.unbind(0);
        List<Object> seen = new ArrayList<>();
        parts.get(0).registerHook(g -> { seen.add(g == null ? "None" : g); return null; });
        parts.get(1).sum().backward();
        assertEquals(List.of("None"), seen);
    }

    @Test void javaArrayOfRequiresGradTensorAllowedUnderNoGrad() {
        Tensor x = ones(DType.FLOAT64, 2).requiresGrad_();
        assertThrows(IllegalStateException.class, x::asDoubleArray);
        try (var g = noGrad()) {
            assertArrayEquals(new double[] {1, 1}, x.asDoubleArray());
        }
    }

    @Test void gradcheckOfDetachSaysNumericalGradientExpectedZero() {
        Tensor x = randn(DType.FLOAT64, 3).requiresGrad_();
        assertEquals("Numerical gradient for function expected to be zero", message(() -> Gradcheck.gradcheck(Tensor::detach, x)));
    }

    @Test void gradcheckPerturbsTheInputsThemselves() {
        Tensor x = randn(DType.FLOAT64, 3).requiresGrad_();
        // reads x through the closure, ignoring its argument, as PyTorch's test_gradcheck_validates_input_layout neighbour does
        assertTrue(Gradcheck.gradcheck(in -> List.of(x.mul(2)), List.of(x)));
        assertEquals(0, x.version(), "perturbation goes around the version counter, as through .data");
    }

    @Test void gradcheckNondetTolerance() {
        Tensor x = randn(DType.FLOAT64, 3).requiresGrad_();
        class Noisy extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].clone(); }
            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0].mul(randLike(g[0]).mul(1e-6).add(1))}; }
        }
        String m = message(() -> Gradcheck.gradcheck(v -> new Noisy().apply(v), x, Gradcheck.options().checkUndefinedGrad(false)));
        assertTrue(m.startsWith("Backward is not reentrant"), m);
        assertTrue(Gradcheck.gradcheck(v -> new Noisy().apply(v), x, Gradcheck.options().nondetTol(1e-5).checkUndefinedGrad(false)));
    }

    @Test void setDataKeepsTheVersionCounter() {
        Tensor x = ones(2);
        x.add_(1);
        x.add_(1);
        Tensor v = x.slice(0, 0, 1, 1);
        x.setData(zeros(3));
        assertEquals(2, x.version());
        assertEquals(2, v.version());
        x.add_(1);
        assertEquals(3, x.version());
        assertEquals(3, v.version());
    }

    @Test void hookMayRemoveItself() {
        for (boolean leaf : new boolean[] {true, false}) {
            Tensor x = ones(2).requiresGrad_();
            Tensor y = leaf ? x : x.mul(1);
            int[] calls = new int[1];
            RemovableHandle[] h = new RemovableHandle[1];
            h[0] = y.registerHook(g -> { calls[0]++; h[0].remove(); return null; });
            y.sum().backward(null, true, false);
            y.sum().backward();
            assertEquals(1, calls[0]);
        }
    }

    @Test void inPlaceOnViewMadeUnderNoGrad() {
        Tensor x = ones(2).requiresGrad_();
        Tensor v;
        try (var g = noGrad()) {
            v = x.slice(0, 0, 1, 1);
        }
        assertTrue(v.requiresGrad());
        assertNull(v.gradFn());
        assertTrue(message(() -> v.mul_(2)).startsWith("A view was created in no_grad mode and is being modified inplace with grad mode "
                + "enabled. Given that this use case is ambiguous and error-prone, it is forbidden."));
        Tensor a = x.mul(2);
        Tensor w;
        try (var g = noGrad()) {
            w = a.slice(0, 0, 1, 1);
        }
        assertTrue(message(() -> w.mul_(2)).startsWith("A view was created in no_grad mode"));
        // the base written in place: the no_grad view's history can't be derived either
        Tensor b = x.mul(2);
        Tensor u;
        try (var g = noGrad()) {
            u = b.select(0, 0);
        }
        b.mul_(2);
        assertTrue(message(u::gradFn).startsWith("A view was created in no_grad mode and its base or another view of its base has been "
                + "modified inplace with grad mode enabled."));
    }

    @Test void stridedViewAfterBaseBecameDifferentiable() {
        Tensor x = zeros(3);
        Tensor s = x.select(0, 1);
        x.add_(ones(3).requiresGrad_());
        assertTrue(s.requiresGrad());
        assertEquals("AsStridedBackward0", s.gradFn().name());
        assertFalse(s.isLeaf());
    }

    @Test void overlappingViewSeesAnotherViewsWrite() {
        Tensor x = ones(3).requiresGrad_();
        Tensor y = x.mul(2);
        Tensor a = y.slice(0, 0, 2, 1), b = y.slice(0, 1, 3, 1);
        b.mul_(2);
        assertEquals("AsStridedBackward0", a.gradFn().name());
        a.sum().backward();
        assertArrayEquals(new double[] {2, 4, 0}, x.grad().toDoubleArray());
    }

    @Test void multiOutputViewsRefuseInPlace() {
        Tensor x = ones(2, 2).requiresGrad_();
        assertEquals("Output 0 of UnbindBackward0 is a view and is being modified inplace. This view is the output of a function that "
                + "returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the "
                + "inplace operation by an out-of-place one.", message(() -> x.clone().unbind(0).get(0).mul_(2)));
        assertTrue(message(() -> x.clone().split(1, 0).get(0).mul_(2)).startsWith("Output 0 of SplitBackward0 is a view"));
        assertTrue(message(() -> x.clone().chunk(2, 0).get(0).mul_(2)).startsWith("Output 0 of SplitBackward0 is a view"));
        Tensor y = x.mul(2);
        List<Tensor> parts = y.unbind(0);
        y.mul_(2);
        assertTrue(message(() -> parts.get(0).gradFn()).startsWith(
                "Output 0 of UnbindBackward0 is a view and its base or another view of its base has been modified inplace."));
        Tensor u;
        try (var g = noGrad()) {
            u = x.clone().unbind(0).get(0);
        }
        u.mul_(2);  // no history involved: allowed
        assertArrayEquals(new double[] {2, 2}, u.toDoubleArray());
    }

    @Test void customFunctionViewsRefuseInPlace() {
        Tensor x = ones(2, 2).requiresGrad_();
        Tensor c = x.clone();
        Tensor w = new Identity().apply(c);
        assertEquals("IdentityBackward", w.gradFn().name());
        assertTrue(w.isView());
        assertSame(c, w.base());
        assertTrue(message(() -> w.mul_(2)).startsWith("Output 0 of IdentityBackward is a view and is being modified inplace. This view "
                + "was created inside a custom Function (or because an input was returned as-is)"));
    }

    static final class MulOneInPlace extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) {
            ctx.markDirty(in[0]);
            in[0].mul_(1);
            return in[0];
        }

        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0]}; }
    }

    @Test void markDirtyOnAViewRebasesTheBase() {
        Tensor a = ones(2).requiresGrad_();
        Tensor b = a.clone();
        Tensor v = b.slice(0, 0, 2, 1);
        Tensor r = new MulOneInPlace().apply(v);
        assertSame(v, r);
        assertEquals("AsStridedBackward0", v.gradFn().name());
        assertEquals("torch::autograd::CopySlices", b.gradFn().name());
        b.sum().backward();
        assertArrayEquals(new double[] {1, 1}, a.grad().toDoubleArray());
    }

    @Test void gradCannotBeItself() {
        Tensor x = ones(2).requiresGrad_();
        assertEquals("can't assign Variable as its own grad", message(() -> x.setGrad(x)));
    }

    @Test void inferenceModeFalseTurnsGradBackOn() {
        try (var i = inferenceMode()) {
            try (var j = inferenceMode(false)) {
                assertTrue(GradMode.isEnabled());
                assertFalse(GradMode.isInferenceMode());
            }
            assertFalse(GradMode.isEnabled());
        }
        try (var n = noGrad(); var j = inferenceMode(false)) {
            assertTrue(GradMode.isEnabled());
        }
    }

    @Test void broadcastMismatchNamesTheRightmostDimension() {
        assertEquals("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1",
                message(() -> randn(2, 3).add(randn(3, 2))));
        assertEquals("The size of tensor a (2) must match the size of tensor b (5) at non-singleton dimension 0",
                message(() -> randn(2, 3, 4).add(randn(5, 3, 1))));
    }

    static final class DoubleIt extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].mul(2); }
        @OnceDifferentiable
        @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {g[0].mul(2)}; }
    }

    @Test void onceDifferentiableRefusesASecondDerivative() {
        Tensor x = ones(DType.FLOAT64, 2).requiresGrad_();
        // a grad_output that does not require grad: nothing to refuse, the rest of the graph stays differentiable
        Tensor g = Autograd.grad(List.of(new DoubleIt().apply(x.pow(2)).sum()), List.of(x), null, true, true, false).get(0);
        assertArrayEquals(new double[] {4, 4}, g.toDoubleArray());
        assertEquals("MulBackward0", g.gradFn().name());
        g.sum().backward();
        // a grad_output that requires grad: the result's node refuses to be differentiated
        Tensor v = ones(DType.FLOAT64, 2).requiresGrad_();
        Tensor h = Autograd.grad(List.of(new DoubleIt().apply(x)), List.of(x), List.of(v), true, true, false).get(0);
        assertArrayEquals(new double[] {2, 2}, h.toDoubleArray());
        assertEquals("Error", h.gradFn().name());
        assertEquals("trying to differentiate twice a function that was marked with @once_differentiable",
                message(() -> h.sum().backward()));
    }

    static final class SumAndProduct extends Function {
        @Override protected Tensor[] forwardTuple(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0], in[1]);
            return new Tensor[] {in[0].add(in[1]), in[0].mul(in[1])};
        }

        @Override protected Tensor[] backward(Context ctx, Tensor... g) {
            Tensor a = ctx.savedTensors().get(0), b = ctx.savedTensors().get(1);
            return new Tensor[] {g[0].add(g[1].mul(b)), g[0].add(g[1].mul(a))};
        }
    }

    @Test void functionWithTwoOutputs() {
        Tensor a = randn(DType.FLOAT64, 3).requiresGrad_(), b = randn(DType.FLOAT64, 3).requiresGrad_();
        Tensor[] out = new SumAndProduct().applyTuple(a, b);
        assertEquals(0, out[0].outputNr());
        assertEquals(1, out[1].outputNr());
        assertSame(out[0].gradFn(), out[1].gradFn());
        assertTrue(Gradcheck.gradcheck(in -> List.of(new SumAndProduct().applyTuple(in.get(0), in.get(1))), List.of(a, b)));
        // only the second output used: the first one's gradient is materialized as zeros
        out[1].sum().backward();
        assertTrue(a.grad().allclose(b.detach()));
    }
    @Test void strictFunctionalMessages() {
        assertEquals("The jacobian of the user-provided function is independent of input 0. This is not allowed in strict mode when "
                + "create_graph=True.", message(() -> Functional.vjp(a -> a.clone(), ones(2), ones(2), true, true)));
        assertEquals("The jacobian of the user-provided function is independent of input 0. This is not allowed in strict mode when "
                + "create_graph=True.", message(() -> Functional.jacobian(a -> a.clone(), ones(2), true, true, false)));
        String linear = "While computing the hessian, found that the jacobian of the user-provided function with respect to input 0 is "
                + "independent of the input. This is not allowed in strict mode. You should ensure that your function is twice "
                + "differentiable and that the jacobian depends on the inputs (this would be violated by a linear function for example).";
        assertEquals(linear, message(() -> Functional.hessian(a -> a.mul(2).sum(), ones(2), false, true, false)));
        assertEquals(linear, message(() -> Functional.vhp(a -> a.mul(2).sum(), ones(2), ones(2), false, true)));
    }

    @Test void hvpAndVhpOverSeveralInputs() {
        // f(a, b) = sum(a^3 b + e^b): H = [[diag(6ab), diag(3a^2)], [diag(3a^2), diag(e^b)]], symmetric, so hvp = vhp
        Tensor a = tensor(new double[] {1, 2}, DType.FLOAT64), b = tensor(new double[] {3, -1}, DType.FLOAT64);
        Tensor va = ones(DType.FLOAT64, 2), vb = tensor(new double[] {1, 2}, DType.FLOAT64);
        java.util.function.Function<List<Tensor>, Tensor> f = in -> in.get(0).pow(3).mul(in.get(1)).add(in.get(1).exp()).sum();
        double[] expectA = {6 * 1 * 3 + 3 * 1, 6 * 2 * -1 + 3 * 4 * 2};
        double[] expectB = {3 * 1 + Math.exp(3), 3 * 4 + Math.exp(-1) * 2};
        for (var r : List.of(Functional.hvp(f, List.of(a, b), List.of(va, vb)), Functional.vhp(f, List.of(a, b), List.of(va, vb)))) {
            assertEquals(1 * 3 + 8 * -1 + Math.exp(3) + Math.exp(-1), r.output().get(0).item(), 1e-12);
            assertArrayEquals(expectA, r.result().get(0).toDoubleArray(), 1e-12);
            assertArrayEquals(expectB, r.result().get(1).toDoubleArray(), 1e-12);
        }
    }
}
