package dev.jgrad.autograd;

import static dev.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.Tensor;
import dev.jgrad.internal.autograd.GradientPool;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's Note [Owned gradients]: a leaf adopts its first gradient without a copy, and relu's backward masks
 * its incoming gradient in place, only when nothing else can see that gradient. Each test builds a graph where the
 * gradient is visible elsewhere and checks that nothing was shared or overwritten, or measures that the copy is gone.
 */
class OwnedGradientsTest {

    @Test
    void oneGradientHandedToTwoLeavesGivesEachItsOwnGrad() {
        Tensor a = tensor(1.0, 2.0).requiresGrad_(), b = tensor(3.0, 4.0).requiresGrad_();
        a.mul(5).add(b).sum().backward();  // AddBackward0 hands one gradient to both sides
        assertFalse(a.grad().sharesStorageWith(b.grad()));
        a.grad().add_(100);
        assertArrayEquals(new double[] {1, 1}, b.grad().toDoubleArray());
        Tensor c = tensor(1.0, 2.0).requiresGrad_(), d = tensor(3.0, 4.0).requiresGrad_();
        c.add(d).sum().backward();  // here both gradients are the root's expanded ones
        assertFalse(c.grad().sharesStorageWith(d.grad()));
        c.grad().mul_(7);
        assertArrayEquals(new double[] {1, 1}, d.grad().toDoubleArray());
    }

    @Test
    void aTransposedLeafStillGetsItsOwnGradient() {
        Tensor w = randn(3, 4).requiresGrad_();
        Tensor x = randn(2, 4);
        Tensor y = x.mm(w.t());
        Tensor gy = randn(2, 3);
        y.backward(gy);
        assertArrayEquals(gy.t().mm(x).toDoubleArray(), w.grad().toDoubleArray(), 1e-6);
        assertFalse(w.grad().sharesStorageWith(gy));
        assertFalse(w.grad().sharesStorageWith(x));
        // a second backward adds into the adopted gradient
        x.mm(w.t()).backward(gy);
        assertArrayEquals(gy.t().mm(x).mul(2).toDoubleArray(), w.grad().toDoubleArray(), 1e-6);
        assertArrayEquals(gy.toDoubleArray(), gy.clone().toDoubleArray());  // the root gradient was left alone
    }

    @Test
    void aGradientALeafHookSawIsCopied() {
        Tensor w = randn(5).requiresGrad_();
        List<Tensor> seen = new ArrayList<>();
        w.registerHook(g -> {
            seen.add(g);
            return null;
        });
        w.mul(tensor(1.0, 2.0, 3.0, 4.0, 5.0)).sum().backward();
        assertFalse(w.grad().sharesStorageWith(seen.get(0)), "the hook still holds its gradient");
        w.grad().zero_();
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, seen.get(0).toDoubleArray());
    }

    /** backward returns the tensor it saved: the leaf must not end up sharing it. */
    static final class ReturnsSaved extends Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[1]);
            return in[0].mul(in[1]);
        }

        @Override protected Tensor[] backward(Context ctx, Tensor... grad) {
            return new Tensor[] {ctx.savedTensors().get(0), null};
        }
    }

    @Test
    void aGradientACustomFunctionReturnsIsCopied() {
        Tensor a = randn(4).requiresGrad_();
        Tensor saved = tensor(1.0, 2.0, 3.0, 4.0);
        new ReturnsSaved().apply(a, saved).sum().backward();
        assertFalse(a.grad().sharesStorageWith(saved));
        a.grad().zero_();
        assertArrayEquals(new double[] {1, 2, 3, 4}, saved.toDoubleArray());
    }

    @Test
    void reluBackwardLetsGradientThroughWhereTheInputIsNaNAsPyTorch() {
        // PyTorch 1.13: x = [nan, 1, -1, 0]; relu(x).backward([2, -0., 3, 4]); x.grad == [2, -0., 0, 0]
        Tensor x = tensor(Double.NaN, 1.0, -1.0, 0.0).requiresGrad_();
        x.relu().backward(tensor(2.0, -0.0, 3.0, 4.0));
        double[] g = x.grad().toDoubleArray();
        assertEquals(2.0, g[0]);
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(g[1]));
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(g[2]));
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(g[3]));
    }

    @Test
    void reluBackwardLeavesAGradientAHookOrRetainGradSawUnmasked() {
        Tensor x = tensor(-1.0, 2.0, -3.0, 4.0).requiresGrad_();
        Tensor w = tensor(10.0, 20.0, 30.0, 40.0);
        Tensor h = x.mul(3);
        Tensor r = h.relu();
        Tensor z = r.mul(w);  // MulBackward0 makes a fresh gradient for r: the one relu could overwrite
        r.retainGrad();
        List<Tensor> seen = new ArrayList<>();
        r.registerHook(g -> {
            seen.add(g);
            return null;
        });
        z.sum().backward();
        assertArrayEquals(new double[] {10, 20, 30, 40}, seen.get(0).toDoubleArray());
        assertArrayEquals(new double[] {10, 20, 30, 40}, r.grad().toDoubleArray());
        assertArrayEquals(new double[] {0, 60, 0, 120}, x.grad().toDoubleArray());
    }

    @Test
    void reluBackwardGivesTheSameGradientsWhetherOrNotItMasksInPlace() {
        manualSeed(3);
        Tensor x = randn(64, 32).requiresGrad_();
        Tensor w1 = randn(32, 32).requiresGrad_(), w2 = randn(32, 8).requiresGrad_();
        // owned path: a fresh mm gradient reaches each relu
        x.mm(w1).relu().mm(w2).relu().sum().backward();
        Tensor[] owned = {x.grad().clone(), w1.grad().clone(), w2.grad().clone()};
        // a hook on each relu output makes its gradient visible, so the engine may not mask in place
        x.setGrad(null);
        w1.setGrad(null);
        w2.setGrad(null);
        Tensor r1 = x.mm(w1).relu();
        r1.registerHook(g -> null);
        Tensor r2 = r1.mm(w2).relu();
        r2.registerHook(g -> null);
        r2.sum().backward();
        assertArrayEquals(owned[0].toDoubleArray(), x.grad().toDoubleArray());
        assertArrayEquals(owned[1].toDoubleArray(), w1.grad().toDoubleArray());
        assertArrayEquals(owned[2].toDoubleArray(), w2.grad().toDoubleArray());
    }

    /** This thread's allocated bytes (com.sun.management.ThreadMXBean), reflectively: the test module does not read jdk.management. */
    private static long allocatedBytes() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            return (Long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes").invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no allocation counter in this JVM", e);
        }
    }

    @Test
    void aLinearWeightsFirstGradientIsNotCopied() {
        // the same backward twice, the second time with a hook on the weight, which makes the engine copy the gradient
        // (1 MiB) into .grad as it did before; without the hook that copy is gone. (Kernels allocate scratch of their
        // own, more of it under -Djgrad.fastpaths=false, so the test compares the two passes instead of a total.)
        Tensor w = randn(512, 512).requiresGrad_();
        Tensor x = randn(4, 512);
        long adopted = 0, copied = 0;
        for (int i = 0; i < 3; i++) {  // the last round counts: classes are loaded and code compiled by then
            adopted = backwardAllocation(w, x, false);
            copied = backwardAllocation(w, x, true);
        }
        assertTrue(copied - adopted > 0.9 * (1 << 20), "backward allocated " + adopted + " bytes, with a hook " + copied);
    }

    private static long backwardAllocation(Tensor w, Tensor x, boolean hook) {
        w.setGrad(null);
        Tensor ww = w.detach().requiresGrad_();
        if (hook) ww.registerHook(g -> null);
        Tensor loss = x.mm(ww.t()).sum();
        long before = allocatedBytes();
        loss.backward();
        return allocatedBytes() - before;
    }

    /** x @ w1 -> relu -> @ w2 -> relu -> @ w3 -> sum: two intermediate gradients of 64 x 256 floats (64 KiB each). */
    private static Tensor deepLoss(Tensor x, Tensor w1, Tensor w2, Tensor w3) {
        return x.mm(w1).relu().mm(w2).relu().mm(w3).sum();
    }

    @Test
    void consumedIntermediateGradientsAreRecycledWithTheSameBits() {
        manualSeed(5);
        Tensor x = randn(64, 128), w1 = randn(128, 256).requiresGrad_(), w2 = randn(256, 256).requiresGrad_();
        Tensor w3 = randn(256, 4).requiresGrad_();
        GradientPool.clear();
        Tensor[] first = null;
        long recycled = Long.MAX_VALUE, fresh = Long.MAX_VALUE;
        for (int round = 0; round < 6; round++) {  // classes are loaded and code compiled after the first rounds
            deepBackwardAllocation(x, w1, w2, w3);  // leaves the two intermediate gradients in the pool
            long withPool = deepBackwardAllocation(x, w1, w2, w3);
            Tensor[] grads = {w1.grad().clone(), w2.grad().clone(), w3.grad().clone()};
            GradientPool.clear();
            long withoutPool = deepBackwardAllocation(x, w1, w2, w3);
            if (first == null) first = grads;
            for (int k = 0; k < 3; k++) assertArrayEquals(first[k].toDoubleArray(), grads[k].toDoubleArray(), "round " + round);
            assertArrayEquals(first[0].toDoubleArray(), w1.grad().toDoubleArray());
            if (round >= 2) {
                recycled = Math.min(recycled, withPool);
                fresh = Math.min(fresh, withoutPool);
            }
        }
        assertTrue(fresh - recycled > 0.9 * 2 * 64 * 256 * 4, "backward allocated " + recycled + " bytes, without the pool " + fresh);
    }

    private static long deepBackwardAllocation(Tensor x, Tensor w1, Tensor w2, Tensor w3) {
        w1.setGrad(null);
        w2.setGrad(null);
        w3.setGrad(null);
        Tensor loss = deepLoss(x, w1, w2, w3);
        long before = allocatedBytes();
        loss.backward();
        return allocatedBytes() - before;
    }

    @Test
    void gradientsAHookOrGradSawAreNeverRecycled() {
        manualSeed(6);
        Tensor x = randn(16, 32), w1 = randn(32, 32).requiresGrad_(), w2 = randn(32, 32).requiresGrad_();
        Tensor w3 = randn(32, 2).requiresGrad_();
        List<Tensor> seen = new ArrayList<>(), copies = new ArrayList<>();
        Tensor r1 = x.mm(w1).relu();
        Tensor h2 = r1.mm(w2);
        h2.registerHook(g -> {
            seen.add(g);
            copies.add(g.clone());
            return null;
        });
        Tensor loss = h2.relu().mm(w3).sum();
        Tensor captured = Autograd.grad(loss, r1).get(0);  // r1's gradient is what grad returns, not the engine's to keep
        Tensor capturedCopy = captured.clone();
        // more passes of the same shapes take whatever the engine kept and write over it
        for (int i = 0; i < 3; i++) deepLoss(x, w1, w2, w3).backward();
        assertArrayEquals(copies.get(0).toDoubleArray(), seen.get(0).toDoubleArray());
        assertArrayEquals(capturedCopy.toDoubleArray(), captured.toDoubleArray());
    }
}
