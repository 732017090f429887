package dev.jgrad.autograd;

import static dev.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;
import dev.jgrad.utils.Checkpoint;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * APIs PyTorch's autograd tests need: pow with a number base, factories with requires_grad, anomaly mode
 * and checkpointing. Expected values are math or PyTorch 1.13's output (tools/fixtures/probe_autograd_semantics.py).
 */
class AutogradAdditionsTest {
    private static final DType F64 = DType.FLOAT64;

    @Test void powWithNumberBase() {
        Tensor x = tensor(new double[] {0, 1, -2.5}, F64).requiresGrad_();
        Tensor y = pow(2.0, x);
        assertEquals("PowBackward2", y.gradFn().name());
        double[] v = {1, 2, Math.pow(2, -2.5)};
        assertArrayEquals(v, y.toDoubleArray(), 0);
        y.sum().backward();
        for (int i = 0; i < 3; i++) assertEquals(v[i] * Math.log(2), x.grad().toDoubleArray()[i], 1e-15);
        assertTrue(Gradcheck.gradcheck(t -> pow(2.0, t), x));
        assertTrue(Gradcheck.gradgradcheck(t -> pow(2.0, t), x));
        // base 0: PyTorch's gradient is 0 where the exponent is >= 0 (not 0 * -inf)
        x.setGrad(null);
        pow(0.0, x).sum().backward();
        assertArrayEquals(new double[] {0, 0, Double.NEGATIVE_INFINITY}, x.grad().toDoubleArray());
        assertEquals("tensor([2, 4, 8])", pow(2L, tensor(1L, 2L, 3L)).toString());
        assertEquals("tensor([2.5000, 6.2500])", pow(2.5, tensor(1L, 2L)).toString());
    }

    @Test void factoriesTakeRequiresGrad() {
        Tensor z = zeros(options().dtype(F64).requiresGrad(true), 2, 3);
        assertTrue(z.requiresGrad());
        assertTrue(z.isLeaf());
        assertEquals(F64, z.dtype());
        assertEquals("tensor([[0., 0., 0.],\n        [0., 0., 0.]], dtype=torch.float64, requires_grad=True)", z.toString());
        assertEquals("tensor([0., 1., 2.], requires_grad=True)", arange(0, 3, 1, options().requiresGrad(true)).toString());
        assertTrue(randn(options().requiresGrad(true), 4).requiresGrad());
        assertEquals("Only Tensors of floating point and complex dtype can require gradients",
                assertThrows(IllegalArgumentException.class, () -> zeros(options().dtype(DType.INT64).requiresGrad(true), 2)).getMessage());
        assertEquals("Only Tensors of floating point and complex dtype can require gradients",
                assertThrows(IllegalArgumentException.class, () -> tensor(new long[] {1, 2}, options().requiresGrad(true))).getMessage());
        assertFalse(ones(options(), 2).requiresGrad());
    }

    @Test void anomalyModeNamesTheNodeThatMadeNan() {
        assertFalse(Autograd.isAnomalyEnabled());
        try (var a = Autograd.detectAnomaly()) {
            assertTrue(Autograd.isAnomalyEnabled());
            Tensor t = tensor(new double[] {-1}).requiresGrad_();
            Tensor s = t.sqrt().sum();
            IllegalStateException e = assertThrows(IllegalStateException.class, s::backward);
            assertEquals("Function 'SqrtBackward0' returned nan values in its 0th output.", e.getMessage());
            // the forward call's stack comes along, pointing at this test
            assertEquals(1, e.getSuppressed().length);
            assertTrue(java.util.Arrays.stream(e.getSuppressed()[0].getStackTrace())
                    .anyMatch(f -> f.getClassName().equals(AutogradAdditionsTest.class.getName())));
            assertNull(t.grad(), "a failed pass leaves .grad untouched");
        }
        assertFalse(Autograd.isAnomalyEnabled());
        // off: the same NaN flows through silently, as in PyTorch
        Tensor t = tensor(new double[] {-1}).requiresGrad_();
        t.sqrt().sum().backward();
        assertTrue(Double.isNaN(t.grad().item()));
    }

    @Test void checkpointGivesTheSameGradientsAsThePlainSegment() {
        UnaryOperator<Tensor> segment = t -> F.dropout(t.sin().mul(3), 0.5, true);
        manualSeed(0);
        Tensor a = randn(F64, 6).requiresGrad_();
        byte[] state = dev.jgrad.Generator.defaultGenerator().getState();
        Tensor plain = segment.apply(a);
        plain.sum().backward();
        Tensor expected = a.grad().clone();
        a.setGrad(null);
        dev.jgrad.Generator.defaultGenerator().setState(state);
        Tensor out = Checkpoint.checkpoint(segment, a);
        assertEquals("CheckpointFunctionBackward", out.gradFn().name());
        assertTrue(out.equal(plain.detach()));
        // a random draw between forward and backward must not change the recomputed dropout mask
        rand(3);
        out.sum().backward();
        assertTrue(a.grad().equal(expected), () -> a.grad() + " vs " + expected);
        Tensor again = Checkpoint.checkpoint(segment, a);
        assertEquals("Checkpointing is not compatible with .grad() or when an `inputs` parameter is passed to .backward(). Please use "
                + ".backward() and do not pass its `inputs` argument.",
                assertThrows(IllegalStateException.class, () -> Autograd.grad(again.sum(), a)).getMessage());
        // several inputs and outputs
        Tensor b = randn(F64, 6).requiresGrad_();
        List<Tensor> outs = Checkpoint.checkpoint(in -> List.of(in.get(0).mul(in.get(1)), in.get(0).exp()), List.of(a, b));
        a.setGrad(null);
        outs.get(0).add(outs.get(1)).sum().backward();
        assertTrue(a.grad().allclose(b.detach().add(a.detach().exp()), 0, 1e-15));
        assertTrue(b.grad().allclose(a.detach(), 0, 0));
    }
    @Test void nextafterHasNoDerivative() {
        Tensor a = rand(2).requiresGrad_(), b = rand(2);
        Tensor y = nextafter(a, b);
        assertEquals("NextafterBackward0", y.gradFn().name());
        assertEquals("the derivative for 'nextafter' is not implemented.",
                assertThrows(UnsupportedOperationException.class, () -> y.sum().backward()).getMessage());
    }

    /**
     * PyTorch 1.13: {@code torch.floor_divide(a, b)} of tensors requiring grad has grad_fn NotImplemented, and
     * backward raises "derivative for aten::floor_divide is not implemented" (for a tensor or a number divisor,
     * checked with torch 1.13.1); gradients are not silently zero.
     */
    @Test void floorDivideHasNoDerivative() {
        Tensor a = tensor(5.0, -7.0, 3.5).requiresGrad_(), b = tensor(2.0, 2.0, -1.5).requiresGrad_();
        for (Tensor y : new Tensor[] {a.floorDivide(b), a.floorDivide(2.0), a.detach().floorDivide(b)}) {
            assertEquals("NotImplemented", y.gradFn().name());
            assertEquals("derivative for aten::floor_divide is not implemented",
                    assertThrows(UnsupportedOperationException.class, () -> y.sum().backward()).getMessage());
        }
        assertEquals("[2.0, -4.0, -3.0]", java.util.Arrays.toString(a.floorDivide(b).detach().toDoubleArray()));
    }
}
