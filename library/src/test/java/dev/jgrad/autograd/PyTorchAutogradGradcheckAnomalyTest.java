package dev.jgrad.autograd;

import static dev.jgrad.Torch.*;
import static dev.jgrad.autograd.PyTorchAsserts.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's {@code test/test_autograd.py} tests of gradcheck/gradgradcheck (the dense, real cases: jgrad has
 * neither sparse, mkldnn nor complex tensors, and runs PyTorch's slow mode) and of anomaly mode.
 */
class PyTorchAutogradGradcheckAnomalyTest {
    private static final DType F64 = DType.FLOAT64;

    // test_autograd.py: TestAutograd.test_gradcheck_single_input
    @Test void testGradcheckSingleInput() {
        UnaryOperator<Tensor> f = inp -> inp.mul(5);
        assertTrue(Gradcheck.gradcheck(f, rand(F64, 10).requiresGrad_()));
        assertTrue(Gradcheck.gradgradcheck(f, rand(F64, 10).requiresGrad_()));
    }

    /** x in forward; backward multiplies by (1 + jitter * U[0, 1)) and is itself such a Function. */
    static final class NonDetFunc extends Function {
        final double jitter;

        NonDetFunc(double jitter) { this.jitter = jitter; }

        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0]; }

        @Override protected Tensor[] backward(Context ctx, Tensor... g) {
            return new Tensor[] {new NonDetFunc(jitter).apply(g[0]).mul(randLike(g[0]).mul(jitter).add(1))};
        }
    }

    // test_autograd.py: TestAutograd.test_gradcheck_nondeterministic
    @Test void testGradcheckNondeterministic() {
        Tensor inp = randn(F64, 5, 5).requiresGrad_();
        assertTrue(Gradcheck.gradcheck(x -> new NonDetFunc(0.0).apply(x), inp));
        assertRaisesRegex("Backward is not reentrant", () -> Gradcheck.gradcheck(x -> new NonDetFunc(1e-6).apply(x), inp));
        assertRaisesRegex("Backward is not reentrant", () -> Gradcheck.gradgradcheck(x -> new NonDetFunc(1e-12).apply(x), inp));
        assertTrue(Gradcheck.gradcheck(x -> new NonDetFunc(0.0).apply(x), inp, Gradcheck.options().nondetTol(1e-5)));
        assertTrue(Gradcheck.gradcheck(x -> new NonDetFunc(1e-6).apply(x), inp, Gradcheck.options().nondetTol(1e-5)));
        assertTrue(Gradcheck.gradgradcheck(in -> List.of(new NonDetFunc(1e-12).apply(in.get(0))), List.of(inp), null,
                Gradcheck.options().nondetTol(1e-5)));
    }

    // test_autograd.py: TestAutograd.test_gradcheck_validates_inputs (the dense cases)
    @Test void testGradcheckValidatesInputs() {
        // no input requires grad: raises even with raise_exception=False
        Tensor x = rand(10);
        assertRaisesRegex("at least one input tensor to require gradient", () -> Gradcheck.gradcheck(t -> t, x,
                Gradcheck.options().raiseException(false)));
        // float32 inputs only warn
        Tensor x32 = ones(options().requiresGrad(true), 1);
        assertTrue(Gradcheck.gradcheck(t -> t, x32, Gradcheck.options().atol(1e-1)));
        // an input with a stride-0 dimension: raises even with raise_exception=False
        Tensor xe = ones(options().dtype(F64).requiresGrad(true), 1).expand(2, 2);
        assertRaisesRegex("The 0th input has a dimension with stride 0", () -> Gradcheck.gradcheck(t -> t, xe,
                Gradcheck.options().raiseException(false)));
    }

    // test_autograd.py: TestAutograd.test_gradcheck_check_no_differentiable_outputs
    @Test void testGradcheckCheckNoDifferentiableOutputs() {
        Tensor x = ones(options().requiresGrad(true), 1);
        // no output is differentiable but the numerical gradient is not zero
        UnaryOperator<Tensor> f = t -> tensor(new float[] {(float) t.item()});
        assertRaisesRegex("Numerical gradient for function expected to be zero", () -> Gradcheck.gradcheck(f, x));
        assertFalse(Gradcheck.gradcheck(f, x, Gradcheck.options().raiseException(false)));
        // no outputs at all succeeds
        assertTrue(Gradcheck.gradcheck(in -> List.of(), List.of(x)));
    }

    // test_autograd.py: TestAutograd.test_gradcheck_backward_mul_by_grad_output (the dense case)
    @Test void testGradcheckBackwardMulByGradOutput() {
        UnaryOperator<Tensor> fn2 = t -> {
            Tensor y = t.clone();
            y.registerHook(g -> g.add(1e-2));
            return y;
        };
        Tensor x = ones(F64, 1).requiresGrad_();
        assertRaisesRegex("backward not multiplied by grad_output", () -> Gradcheck.gradcheck(fn2, x, Gradcheck.options().atol(1e-1)));
        assertFalse(Gradcheck.gradcheck(fn2, x, Gradcheck.options().atol(1e-1).raiseException(false)));
    }

    // test_autograd.py: TestAutograd.test_gradcheck_undefined_grad
    @Test void testGradcheckUndefinedGrad() {
        UnaryOperator<Tensor> fn = t -> {
            Tensor y = t.clone();
            y.registerHook(g -> {
                if (g == null) throw new IllegalStateException("x is undefined");
                return null;
            });
            return y;
        };
        Tensor x = ones(F64, 1).requiresGrad_();
        assertRaisesRegex("Expected backward function to handle undefined output grads", () -> Gradcheck.gradcheck(fn, x));
        assertFalse(Gradcheck.gradcheck(fn, x, Gradcheck.options().raiseException(false)));
    }

    // test_autograd.py: TestAutograd.test_gradcheck_jacobian_mismatch (the real case)
    @Test void testGradcheckJacobianMismatch() {
        UnaryOperator<Tensor> fn = t -> {
            Tensor y = t.clone();
            y.registerHook(g -> g.add(1e-2));
            return y;
        };
        Tensor x = ones(options().requiresGrad(true), 2, 2);
        assertRaisesRegex("Jacobian mismatch for output 0 with respect to input 0", () -> Gradcheck.gradcheck(fn, x));
        assertFalse(Gradcheck.gradcheck(fn, x, Gradcheck.options().raiseException(false)));
    }

    // test_autograd.py: TestAutograd.test_gradcheck_output_shape_or_dtype_depend_on_values
    @Test void testGradcheckOutputShapeOrDtypeDependOnValues() {
        Tensor a = ones(F64, 1).requiresGrad_();
        UnaryOperator<Tensor> fn = t -> t.ge(tensor(1.0)).all().item() != 0 ? cat(List.of(t, t)) : t;
        assertRaisesRegex("return outputs with the same shape when inputs are perturbed", () -> Gradcheck.gradcheck(fn, a));
        UnaryOperator<Tensor> fn2 = t -> t.ge(tensor(1.0)).all().item() != 0 ? t.to(DType.FLOAT32) : t;
        assertRaisesRegex("return outputs with the same dtype when inputs are perturbed", () -> Gradcheck.gradcheck(fn2, a));
    }

    /** inp1.sum(0, keepdim) forward; backward returns a gradient with a NaN in slot 0 or 1. */
    static final class NanFunc extends Function {
        final boolean fail0th;

        NanFunc(boolean fail0th) { this.fail0th = fail0th; }

        @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].sum(new int[] {0}, true); }

        @Override protected Tensor[] backward(Context ctx, Tensor... g) {
            Tensor gI = g[0].clone().expand(10).clone();
            gI.get(0).fill_(0.0);
            gI.get(0).div_(tensor(0.0f));  // a NaN
            return fail0th ? new Tensor[] {gI, null} : new Tensor[] {null, gI};
        }
    }

    // test_autograd.py: TestAutograd.test_anomaly_detect_nan
    @Test void testAnomalyDetectNan() {
        Tensor inp = rand(10).requiresGrad_();
        new NanFunc(true).apply(inp, inp).backward();  // no anomaly mode: no failure
        Tensor inp2 = rand(10).requiresGrad_();
        Tensor out2 = new NanFunc(true).apply(inp2, inp2);
        assertRaisesRegex(quote("Function 'NanFuncBackward' returned nan values in its 0th output."), () -> {
            try (var a = Autograd.detectAnomaly()) {
                out2.backward();
            }
        });
        Tensor inp3 = rand(10).requiresGrad_();
        RuntimeException e = assertRaisesRegex(quote("Function 'NanFuncBackward' returned nan values in its 1th output."), () -> {
            try (var a = Autograd.detectAnomaly()) {
                new NanFunc(false).apply(inp3, inp3).backward();
            }
        });
        // PyTorch warns with the forward call's traceback (it names MyFunc.apply); jgrad attaches it to the exception
        assertTrue(java.util.Arrays.stream(e.getSuppressed()).anyMatch(t -> java.util.Arrays.toString(t.getStackTrace()).contains("apply")));
    }

    // test_autograd.py: TestAutograd.test_nested_anomaly_detect_nan
    @Test void testNestedAnomalyDetectNan() {
        class MyFunc2 extends Function {
            final boolean fail0th;

            MyFunc2(boolean fail0th) { this.fail0th = fail0th; }

            @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].mul(2.0).add(in[1]); }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) {
                Tensor g1 = g[0].clone(), g2 = g[0].clone();
                g1.get(0).fill_(0.0);
                g2.get(0).fill_(0.0);
                (fail0th ? g1 : g2).get(0).div_(tensor(0.0f));
                return new Tensor[] {g1, g2};
            }
        }
        class MyFunc extends Function {
            final boolean fail0th;

            MyFunc(boolean fail0th) { this.fail0th = fail0th; }

            @Override protected Tensor forward(Context ctx, Tensor... in) {
                ctx.saveForBackward(in[0]);
                return in[0].sum(new int[] {0}, true);
            }

            @Override protected Tensor[] backward(Context ctx, Tensor... g) {
                Tensor inp = ctx.savedTensors().get(0);
                Tensor gg = g[0].clone().expand(10);
                return new Tensor[] {new MyFunc2(fail0th).apply(gg.mul(inp), gg.add(inp))};
            }
        }
        Tensor inp = rand(10).requiresGrad_();
        Tensor ginp = Autograd.grad(List.of(new MyFunc(true).apply(inp)), List.of(inp), null, false, true, false).get(0);
        ginp.sum().backward();  // no failure without anomaly mode

        Tensor inp2 = rand(10).requiresGrad_();
        Tensor gsum = Autograd.grad(List.of(new MyFunc(true).apply(inp2)), List.of(inp2), null, false, true, false).get(0).sum();
        assertRaisesRegex(quote("Function 'MyFunc2Backward' returned nan values in its 0th output."), () -> {
            try (var a = Autograd.detectAnomaly()) {
                gsum.backward();
            }
        });

        Tensor inp3 = rand(10).requiresGrad_();
        assertRaisesRegex(quote("Function 'MyFunc2Backward' returned nan values in its 1th output."), () -> {
            try (var a = Autograd.detectAnomaly()) {
                Tensor out = new MyFunc(false).apply(inp3);
                Autograd.grad(List.of(out), List.of(inp3), null, false, true, false).get(0).sum().backward();
            }
        });
    }

    // test_autograd.py: TestAutograd.test_anomaly_grad_warnings (the error; jgrad logs instead of warning)
    @Test void testAnomalyGradWarnings() {
        assertRaisesRegex("one of the variables needed for gradient computation has been modified by an inplace operation", () -> {
            try (var a = Autograd.detectAnomaly()) {
                Tensor x = randn(5).requiresGrad_();
                Tensor d1 = x.add(1);
                Tensor d2 = d1.pow(2);
                d1.add_(1);
                Autograd.grad(d2.sum(), x);
            }
        });
    }

    // test_autograd.py: TestAutograd.test_anomaly_mode_no_check_nan
    @Test void testAnomalyModeNoCheckNan() {
        class MyFunc extends Function {
            @Override protected Tensor forward(Context ctx, Tensor... in) { return in[0].clone(); }
            @Override protected Tensor[] backward(Context ctx, Tensor... g) { return new Tensor[] {tensor(Float.NaN).expand(10, 10)}; }
        }
        try (var a = Autograd.detectAnomaly(false)) {
            Tensor inp = rand(10, 10).requiresGrad_();
            Tensor out = new MyFunc().apply(inp).sum();
            out.backward(null, true, false);
            try (var b = Autograd.detectAnomaly(true)) {
                assertRaisesRegex(quote("Function 'MyFuncBackward' returned nan values in its 0th output."), () -> out.backward(null, true, false));
            }
            out.backward();
        }
    }
}
