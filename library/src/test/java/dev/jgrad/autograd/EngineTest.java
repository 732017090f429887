package dev.jgrad.autograd;

import static dev.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The engine's structural guarantees: no recursion, no leaks, thread independence, all-or-nothing passes. */
class EngineTest {

    @Test
    void aChainOfAHundredThousandOpsDoesNotOverflowTheStack() {
        Tensor x = scalarTensor(1.0).requiresGrad_();
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) y = y.mul(1.0001);
        y.backward();
        // Each MulBackward0 multiplies the float32 gradient by the float32 constant 1.0001f and rounds: the same
        // 100,000 multiplications in the same order as this loop, so the bits must agree exactly (tolerance 0).
        // The accumulated rounding puts both 0.17% above the true 1.0001^100000 = 22015.456; PyTorch 1.13's
        // x.grad for this program is 22051.884765625, the same float.
        float expected = 1;
        for (int i = 0; i < 100_000; i++) expected *= 1.0001f;
        assertEquals(22051.884765625f, expected);
        assertEquals(expected, x.grad().item(), 0.0);
    }

    @Test
    void gradientsFlowingIntoOneNodeAreSummed() {
        Tensor x = tensor(2.0, 3.0).requiresGrad_();
        Tensor y = x.mul(x).add(x.mul(3)).add(x.sin());  // d/dx = 2x + 3 + cos x
        y.sum().backward();
        double[] g = x.grad().toDoubleArray();
        assertEquals(2 * 2 + 3 + Math.cos(2), g[0], 1e-6);
        assertEquals(2 * 3 + 3 + Math.cos(3), g[1], 1e-6);
    }

    @Test
    void aFailedBackwardLeavesGradsAndGraphAsTheyWere() {
        Tensor a = tensor(1.0, 2.0).requiresGrad_();
        Tensor b = tensor(3.0, 4.0).requiresGrad_();
        a.mul(b).sum().backward();
        Tensor aGrad = a.grad();
        double[] before = aGrad.toDoubleArray();
        Tensor e = b.exp();
        Tensor loss = a.mul(2).sum().add(e.sum());
        e.add_(1);  // invalidates ExpBackward0's saved result
        IllegalStateException ex = assertThrows(IllegalStateException.class, () -> loss.backward());
        assertTrue(ex.getMessage().startsWith("one of the variables needed for gradient computation has been modified"));
        assertSame(aGrad, a.grad());
        assertArrayEquals(before, a.grad().toDoubleArray());
        Tensor ok = a.mul(b).sum();
        ok.backward(null, true, false);
        ok.backward();  // the graph survived the first (retained) pass
        assertArrayEquals(new double[] {before[0] + 6, before[1] + 8}, a.grad().toDoubleArray());
    }

    @Test
    void savedTensorsAreReleasedSoTrainingLoopsDoNotGrowTheHeap() {
        Tensor w = randn(64, 64).requiresGrad_();
        Tensor x = randn(32, 64);
        Runtime rt = Runtime.getRuntime();
        long baseline = Long.MAX_VALUE;
        for (int step = 0; step < 10_000; step++) {
            Tensor loss = x.matmul(w).relu().pow(2).mean();
            loss.backward();
            try (var g = noGrad()) {
                w.sub_(w.grad().mul(1e-3));
            }
            w.setGrad(null);
            if (step == 1000 || step == 9999) {
                System.gc();
                long used = rt.totalMemory() - rt.freeMemory();
                if (step == 1000) baseline = used;
                else assertTrue(used < baseline + 16L * 1024 * 1024, "heap grew from " + baseline + " to " + used);
            }
        }
    }

    @Test
    void gradModeIsPerThreadAndConcurrentPassesAgree() throws Exception {
        Callable<double[]> job = () -> {
            Tensor x = arange(0.0, 50.0).div(10).requiresGrad_();
            double[] last = null;
            for (int i = 0; i < 200; i++) {
                x.setGrad(null);
                x.sin().mul(x.exp()).sum().backward();
                last = x.grad().toDoubleArray();
            }
            return last;
        };
        double[] alone = job.call();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (var outer = noGrad()) {
            List<Future<double[]>> fs = new ArrayList<>();
            for (int i = 0; i < 4; i++) fs.add(pool.submit(job));  // new threads start with grad enabled
            for (Future<double[]> f : fs) assertArrayEquals(alone, f.get());
            assertFalse(isGradEnabled());
        } finally {
            pool.shutdown();
        }
        assertTrue(isGradEnabled());
    }

    @Test
    void gradModeScopesNestAndRestore() {
        Tensor x = ones(2).requiresGrad_();
        try (var a = noGrad()) {
            assertFalse(x.mul(2).requiresGrad());
            try (var b = enableGrad()) {
                assertTrue(x.mul(2).requiresGrad());
                try (var c = setGradEnabled(false)) {
                    assertFalse(isGradEnabled());
                }
                assertTrue(isGradEnabled());
            }
            assertFalse(isGradEnabled());
        }
        assertTrue(x.mul(2).requiresGrad());
        assertEquals("tensor([2., 2.])", noGrad(() -> x.mul(2)).toString());
    }

    @Test
    void hooksSeeAndReplaceGradientsInOrder() {
        Tensor x = tensor(1.0, 2.0).requiresGrad_();
        List<String> seen = new ArrayList<>();
        var h1 = x.registerHook(g -> { seen.add("first " + g); return g.mul(2); });
        x.registerHook(g -> { seen.add("second " + g); return null; });
        x.mul(3).sum().backward();
        assertEquals(List.of("first tensor([3., 3.])", "second tensor([6., 6.])"), seen);
        assertArrayEquals(new double[] {6, 6}, x.grad().toDoubleArray());
        h1.remove();
        x.mul(3).sum().backward();
        assertArrayEquals(new double[] {9, 9}, x.grad().toDoubleArray());
        Tensor y = x.mul(2);
        y.registerHook(g -> g.mul(10));
        y.sum().backward();
        assertArrayEquals(new double[] {29, 29}, x.grad().toDoubleArray());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ones(2).registerHook(g -> g));
        assertEquals("cannot register a hook on a tensor that doesn't require gradient", e.getMessage());
    }

    @Test
    void retainedNonLeafGradientsAccumulate() {
        Tensor x = tensor(1.0, 2.0).requiresGrad_();
        Tensor b = x.mul(2);
        b.retainGrad();
        b.retainGrad();
        b.mul(b).sum().backward(null, true, false);
        assertArrayEquals(new double[] {4, 8}, b.grad().toDoubleArray());
        b.mul(b).sum().backward();
        assertArrayEquals(new double[] {8, 16}, b.grad().toDoubleArray());
        assertNull(x.mul(3).grad());  // a non-leaf that doesn't retain: null (and a logged warning)
    }

    @Test
    void inferenceTensorsCannotBeSavedForBackward() {
        Tensor w = ones(2).requiresGrad_();
        Tensor t;
        try (var g = inferenceMode()) {
            t = ones(2).mul(3);
            assertFalse(isGradEnabled());
        }
        Tensor inf = t;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.mul(inf));
        assertEquals("Inference tensors cannot be saved for backward. To work around you can make a clone to get a normal tensor "
                + "and use it in autograd.", e.getMessage());
        assertTrue(w.mul(inf.clone()).requiresGrad());
    }

    @Test
    void higherOrderGradientsUpToThird() {
        Tensor x = tensor(new double[] {0.5, -1.5}, DType.FLOAT64).requiresGrad_();
        Tensor y = x.sin().mul(x.exp()).sum();
        Tensor g1 = Autograd.grad(List.of(y), List.of(x), null, true, true, false).get(0);
        Tensor g2 = Autograd.grad(List.of(g1.sum()), List.of(x), null, true, true, false).get(0);
        Tensor g3 = Autograd.grad(List.of(g2.sum()), List.of(x), null, false, false, false).get(0);
        double[] v = x.toDoubleArray();
        for (int i = 0; i < 2; i++) {
            double s = Math.sin(v[i]), c = Math.cos(v[i]), e = Math.exp(v[i]);
            assertEquals(e * (s + c), g1.toDoubleArray()[i], 1e-12);
            assertEquals(2 * e * c, g2.toDoubleArray()[i], 1e-12);
            assertEquals(2 * e * (c - s), g3.toDoubleArray()[i], 1e-12);
        }
    }
}
