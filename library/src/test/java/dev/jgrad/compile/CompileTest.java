package dev.jgrad.compile;

import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.Autograd;
import dev.jgrad.autograd.Gradcheck;
import dev.jgrad.backend.cpu.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Torch.compile against eager mode, the oracle: every compiled result must equal what the same function computes
 * eagerly, bit for bit (the fused kernels run eager's kernels or the same IEEE operations in the same order).
 */
class CompileTest {
    private static void assertSameBits(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        assertEquals(expected.dtype(), actual.dtype());
        if (expected.dtype() == DType.FLOAT64) assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray());
        else assertArrayEquals(expected.toFloatArray(), actual.toFloatArray());
    }

    private static final Map<String, UnaryOperator<Tensor>> UNARY = Map.ofEntries(
            Map.entry("sin", Tensor::sin), Map.entry("cos", Tensor::cos), Map.entry("exp", Tensor::exp),
            Map.entry("log", t -> t.abs().add(1).log()), Map.entry("tanh", Tensor::tanh), Map.entry("sigmoid", Tensor::sigmoid),
            Map.entry("relu", Tensor::relu), Map.entry("sqrt", t -> t.abs().sqrt()), Map.entry("neg", Tensor::neg),
            Map.entry("gelu", Tensor::gelu), Map.entry("square", t -> t.mul(t)), Map.entry("pow", t -> t.pow(3)),
            Map.entry("scalar arithmetic", t -> t.mul(2).sub(0.5).div(3).add(1)), Map.entry("rsub", t -> t.rsub(1)));

    @Test void eachUnaryOpInAChainEqualsEagerBitForBit() {
        for (DType dt : List.of(DType.FLOAT32, DType.FLOAT64)) {
            Torch.manualSeed(1);
            Tensor x = Torch.randn(dt, 37, 129);
            for (var e : UNARY.entrySet()) {
                UnaryOperator<Tensor> op = e.getValue();
                Function<List<Tensor>, List<Tensor>> fn = in -> List.of(op.apply(in.get(0).mul(1.5)).add(in.get(0)));
                CompiledFunction f = CompiledFunction.of(fn);
                assertSameBits(fn.apply(List.of(x)).get(0), f.call(x));
                assertTrue(f.fusedKernelCount(x) >= 1, e.getKey() + ": " + f.explain(x));
                assertEquals(0, f.fallbackCount(), e.getKey());
            }
        }
    }

    @Test void binaryOpsWithBroadcastingEqualEager() {
        Torch.manualSeed(2);
        Tensor a = Torch.randn(64, 300), row = Torch.randn(300), col = Torch.randn(64, 1), s = Torch.scalarTensor(0.25);
        List<Function<List<Tensor>, List<Tensor>>> fns = List.of(
                in -> List.of(in.get(0).add(in.get(1)).mul(in.get(0))),                 // a row broadcast (a bias)
                in -> List.of(in.get(0).sub(in.get(1), 0.5).div(in.get(0).abs().add(1))),  // alpha, division
                in -> List.of(in.get(0).maximum(in.get(1)).mul(in.get(3))),               // 0-dim tensor operand
                in -> List.of(in.get(0).mul(in.get(2)).add(in.get(0).sin())),             // a column broadcast (not fusable: replayed)
                in -> List.of(in.get(0).pow(in.get(1).abs()).add(in.get(0).atan2(in.get(1)))));
        for (var fn : fns) {
            CompiledFunction f = CompiledFunction.of(fn);
            List<Tensor> in = List.of(a, row, col, s);
            assertSameBits(fn.apply(in).get(0), f.apply(in).get(0));
            assertSameBits(fn.apply(in).get(0), f.apply(in).get(0));  // the cached program
            assertEquals(1, f.traceCount());
            assertEquals(0, f.fallbackCount(), f.explain(a, row, col, s));
        }
    }

    @Test void elementwiseChainFusesIntoOneKernelWithNoIntermediateBuffers() {
        Tensor a = Torch.randn(1000), b = Torch.randn(1000);
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).mul(in.get(1)).add(in.get(0).sin())));
        String program = f.explain(a, b);
        assertEquals(1, f.fusedKernelCount(a, b), program);
        assertEquals(1, program.lines().filter(l -> l.contains("alloc")).count(), program);  // only the output
    }

    @Test void aSumOverAllDimsJoinsTheKernelWithinFloat32ToleranceAndTheSameBitsForAnyThreadCount() {
        Torch.manualSeed(9);
        Tensor a = Torch.randn(1000, 700), b = Torch.randn(1000, 700);
        Function<List<Tensor>, List<Tensor>> fn = in -> List.of(in.get(0).mul(in.get(1)).add(in.get(0).sin()).sum(),
                in.get(0).sub(in.get(1)).pow(2).mean());
        CompiledFunction f = CompiledFunction.of(fn);
        List<Tensor> expected = fn.apply(List.of(a, b)), first = f.apply(List.of(a, b));
        String program = f.explain(a, b);
        assertTrue(program.contains("sum->%"), program);
        // float32 sums in another order than eager's cascade: PyTorch's float32 tolerance, scaled by the sum's magnitude
        assertEquals(expected.get(0).item(), first.get(0).item(), 1e-5 * a.abs().sum().item());
        assertEquals(expected.get(1).item(), first.get(1).item(), 1e-5 * expected.get(1).item());
        int threads = Parallel.numThreads();
        try {
            for (int t : new int[] {1, 2, 5}) {
                Parallel.setNumThreads(t);
                List<Tensor> again = f.apply(List.of(a, b));
                for (int i = 0; i < 2; i++) assertSameBits(first.get(i), again.get(i));
            }
        } finally {
            Parallel.setNumThreads(threads);
        }
        Tensor ag = a.clone().requiresGrad_(true), ae = a.clone().requiresGrad_(true);
        f.apply(List.of(ag, b)).get(1).backward();
        fn.apply(List.of(ae, b)).get(1).backward();
        assertTrue(ae.grad().allclose(ag.grad(), 1.3e-6, 1e-5));
    }

    @Test void aNewSignatureIsTracedOnceAndCached() {
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).exp().mul(2)));
        f.call(Torch.randn(3, 4));
        f.call(Torch.randn(3, 4));
        assertEquals(1, f.traceCount());
        Tensor y = Torch.randn(5, 2);
        assertSameBits(y.exp().mul(2), f.call(y));                 // new shape
        assertEquals(2, f.traceCount());
        f.call(Torch.randn(DType.FLOAT64, 3, 4));                 // new dtype
        f.call(Torch.randn(4, 3).t());                            // same shape, other strides
        f.call(Torch.randn(3, 4).requiresGrad_(true));            // requires_grad
        assertEquals(5, f.traceCount());
        try (var g = Torch.noGrad()) { f.call(Torch.randn(3, 4).requiresGrad_(true)); }   // grad mode
        assertEquals(6, f.traceCount());
        Tensor t = Torch.randn(4, 3).t();
        assertSameBits(t.exp().mul(2), f.call(t));
    }

    @Test void zeroDimTensorInputsChangeValueWithoutRetracing() {
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).mul(in.get(1)).add(1)));
        Tensor x = Torch.randn(100);
        for (double s : new double[] {0.5, 2, -3}) assertSameBits(x.mul(Torch.scalarTensor(s)).add(1), f.call(x, Torch.scalarTensor(s)));
        assertEquals(1, f.traceCount());
    }

    @Test void readingValuesFallsBackToEager() {
        // data-dependent control flow: the branch taken depends on the values
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).sum().item() > 0 ? in.get(0).sin() : in.get(0).cos()));
        Tensor pos = Torch.ones(4), neg = Torch.ones(4).neg();
        assertSameBits(pos.sin(), f.call(pos));
        assertSameBits(neg.cos(), f.call(neg));
        assertEquals(1, f.fallbackCount());
        assertTrue(f.explain(pos).contains("reads tensor values"), f.explain(pos));
    }

    @Test void inPlaceMutationOfAnInputFallsBackAndMutatesAsEager() {
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).add_(1).mul(2)));
        Tensor x = Torch.zeros(3);
        assertSameBits(Torch.full(new long[] {3}, 2.0), f.call(x));
        assertSameBits(Torch.ones(3), x);
        assertTrue(f.explain(x).contains("in-place mutation of inputs"), f.explain(x));
    }

    @Test void inPlaceOnIntermediatesIsCaptured() {
        Function<List<Tensor>, List<Tensor>> fn = in -> List.of(in.get(0).mul(2).add_(1).sin_());
        CompiledFunction f = CompiledFunction.of(fn);
        Tensor x = Torch.randn(50);
        assertSameBits(fn.apply(List.of(x)).get(0), f.call(x));
        assertEquals(0, f.fallbackCount(), f.explain(x));
    }

    @Test void uncapturedOpsAndOutsideTensorsFallBack() {
        Tensor outside = Torch.randn(3);
        List<Function<List<Tensor>, List<Tensor>>> fns = List.of(
                in -> List.of(in.get(0).add(Torch.randLike(in.get(0)))),      // random sampling
                in -> List.of(in.get(0).add(outside)),                        // a tensor captured by the lambda
                in -> List.of(dev.jgrad.Linalg.inv(in.get(0).reshape(1, 3).t().matmul(in.get(0).reshape(1, 3)).add(Torch.eye(3)))));
        for (var fn : fns) {
            CompiledFunction f = CompiledFunction.of(fn);
            Tensor x = Torch.randn(3);
            Torch.manualSeed(3);
            Tensor expected = fn.apply(List.of(x)).get(0);
            Torch.manualSeed(3);
            assertSameBits(expected, f.call(x));
            assertEquals(1, f.fallbackCount(), f.explain(x));
        }
    }

    @Test void fullgraphRaisesWhatItCannotCapture() {
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).mul(in.get(0).max().item())), CompileOptions.defaults().fullgraph(true));
        Unsupported e = assertThrows(Unsupported.class, () -> f.call(Torch.ones(2)));
        assertTrue(e.getMessage().startsWith("Torch.compile(fullgraph=true) cannot capture the function: the function reads tensor values"), e.getMessage());
    }

    @Test void disableRunsEagerly() {
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).sin()), CompileOptions.defaults().disable(true));
        f.call(Torch.ones(2));
        assertEquals(0, f.traceCount());
        UnaryOperator<Tensor> g = Torch.compile(x -> x.cos());
        System.setProperty("jgrad.compile.disable", "true");
        try {
            assertSameBits(Torch.ones(2).cos(), g.apply(Torch.ones(2)));
        } finally {
            System.clearProperty("jgrad.compile.disable");
        }
    }

    @Test void torchCompileTakesLambdasOfOneAndTwoTensors() {
        var fast = Torch.compile((Tensor a, Tensor b) -> a.mul(b).add(a.sin()));
        Tensor a = Torch.randn(1000), b = Torch.randn(1000);
        assertSameBits(a.mul(b).add(a.sin()), fast.apply(a, b));
        var g = Torch.compile(x -> x.tanh().mul(x), CompileOptions.defaults().fullgraph(true));
        assertSameBits(a.tanh().mul(a), g.apply(a));
    }

    @Test void cacheSizeLimitFallsBackForNewSignatures() {
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).sin()), CompileOptions.defaults().cacheSizeLimit(2));
        for (int n = 1; n <= 4; n++) assertSameBits(Torch.ones(n).sin(), f.call(Torch.ones(n)));
        assertEquals(2, f.traceCount());
        assertThrows(IllegalArgumentException.class, () -> CompileOptions.defaults().cacheSizeLimit(0));
    }

    @Test void badInputGetsClearErrors() {
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).add(in.get(1))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.call(Torch.ones(2), null));
        assertEquals("Torch.compile: input 1 is null; compiled functions take tensors", e.getMessage());
        // the eager error for mismatched shapes, not a compile error
        RuntimeException eager = assertThrows(RuntimeException.class, () -> Torch.ones(2).add(Torch.ones(3)));
        RuntimeException compiled = assertThrows(RuntimeException.class, () -> f.call(Torch.ones(2), Torch.ones(3)));
        assertEquals(eager.getMessage(), compiled.getMessage());
    }

    @Test void gradcheckThroughCompiledForwardAndBackward() {
        Torch.manualSeed(4);
        Tensor x = Torch.randn(DType.FLOAT64, 4, 5).requiresGrad_(true), w = Torch.randn(DType.FLOAT64, 5).requiresGrad_(true);
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).mul(in.get(1)).add(in.get(0).sin()).tanh().mul(in.get(0).exp()),
                in.get(0).sigmoid().div(in.get(1).abs().add(1))));
        assertTrue(Gradcheck.gradcheck(f, List.of(x, w)));
        assertEquals(0, f.fallbackCount(), f.explain(x, w));
        assertTrue(f.explain(x, w).contains("backward:"));
        assertEquals("CompiledFunctionBackward", f.apply(List.of(x, w)).get(0).gradFn().name());
    }

    @Test void gradientsEqualEagerInFloat32() {
        Torch.manualSeed(5);
        Function<List<Tensor>, List<Tensor>> fn = in -> List.of(in.get(0).mul(in.get(1)).add(in.get(0).sin()).gelu().mul(in.get(2)));
        CompiledFunction f = CompiledFunction.of(fn);
        Tensor a = Torch.randn(16, 256), b = Torch.randn(256), c = Torch.randn(16, 256);
        List<Tensor> eagerIn = List.of(a.clone().requiresGrad_(true), b.clone().requiresGrad_(true), c);
        List<Tensor> compIn = List.of(a.clone().requiresGrad_(true), b.clone().requiresGrad_(true), c);
        Tensor ye = fn.apply(eagerIn).get(0), yc = f.apply(compIn).get(0);
        assertSameBits(ye, yc);
        Tensor g = Torch.randn(16, 256);
        List<Tensor> ge = Autograd.grad(List.of(ye), eagerIn.subList(0, 2), List.of(g), false, false, false);
        List<Tensor> gc = Autograd.grad(List.of(yc), compIn.subList(0, 2), List.of(g), false, false, false);
        for (int i = 0; i < 2; i++) assertTrue(ge.get(i).allclose(gc.get(i), 1.3e-6, 1e-5), "input " + i);
        assertSameBits(ge.get(0), gc.get(0));
    }

    @Test void reluBackwardFusesIntoTheBackwardKernel() {
        Torch.manualSeed(10);
        Function<List<Tensor>, List<Tensor>> fn = in -> List.of(in.get(0).mul(in.get(1)).relu().mul(in.get(0)));
        CompiledFunction f = CompiledFunction.of(fn);
        Tensor a = Torch.randn(300, 200), b = Torch.randn(300, 200);
        Tensor ac = a.clone().requiresGrad_(true), ae = a.clone().requiresGrad_(true);
        f.apply(List.of(ac, b)).get(0).sum().backward();
        fn.apply(List.of(ae, b)).get(0).sum().backward();
        assertSameBits(ae.grad(), ac.grad());
        String program = f.explain(ac, b);
        assertTrue(program.substring(program.indexOf("backward:")).contains("threshold_backward"), program);
        assertEquals(2, f.fusedKernelCount(ac, b), program);
    }

    @Test void doubleBackwardIsRefusedClearly() {
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).sin().mul(in.get(0))));
        Tensor x = Torch.randn(3).requiresGrad_(true);
        Tensor y = f.call(x).sum();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Autograd.grad(List.of(y), List.of(x), null, true, true, false));
        assertTrue(e.getMessage().contains("cannot be differentiated"), e.getMessage());
    }

    @Test void sameBitsForEveryThreadCountAndCall() {
        Torch.manualSeed(6);
        Tensor a = Torch.randn(1 << 19), b = Torch.randn(1 << 19);
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).mul(in.get(1)).add(in.get(0).sin()).exp()));
        Tensor first = f.call(a, b);
        int threads = Parallel.numThreads();
        try {
            for (int t : new int[] {1, 3, 4}) {
                Parallel.setNumThreads(t);
                for (int rep = 0; rep < 3; rep++) assertSameBits(first, f.call(a, b));
            }
        } finally {
            Parallel.setNumThreads(threads);
        }
        assertSameBits(a.mul(b).add(a.sin()).exp(), first);
    }

    @Test void concurrentCallersShareOneCacheSafely() throws Exception {
        CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).mul(in.get(0)).add(in.get(0).cos())));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int task = 0; task < 24; task++) {
                int n = 100 + task % 4;
                futures.add(pool.submit(() -> {
                    Tensor x = Torch.randn(n, 7);
                    assertSameBits(x.mul(x).add(x.cos()), f.call(x));
                }));
            }
            for (Future<?> fu : futures) fu.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4, f.traceCount());
    }

    @Test void geluMlpBlockFusesTheBiasAddAndGeluEpilogue() {
        Torch.manualSeed(7);
        Tensor x = Torch.randn(32, 64), w1 = Torch.randn(128, 64).mul(0.1), b1 = Torch.randn(128), w2 = Torch.randn(64, 128).mul(0.1),
                b2 = Torch.randn(64);
        Function<List<Tensor>, List<Tensor>> block = in -> List.of(
                in.get(0).matmul(in.get(1).t()).add(in.get(2)).gelu().matmul(in.get(3).t()).add(in.get(4)));
        CompiledFunction f = CompiledFunction.of(block);
        List<Tensor> eagerIn = new ArrayList<>(), compIn = new ArrayList<>();
        for (Tensor t : List.of(x, w1, b1, w2, b2)) {
            eagerIn.add(t.clone().requiresGrad_(true));
            compIn.add(t.clone().requiresGrad_(true));
        }
        Tensor ye = block.apply(eagerIn).get(0), yc = f.apply(compIn).get(0);
        assertSameBits(ye, yc);
        String program = f.explain(compIn.toArray(new Tensor[0]));
        // forward: the bias add and GELU in one kernel (the pre-activation kept for the backward); backward: GELU's
        // derivative in one pass, eager's own gelu_backward kernel
        assertTrue(program.contains("fused kernel torch.float32[32, 128]: [loop ADD->%") && program.contains("[call GELU->%"), program);
        String backward = program.substring(program.indexOf("backward:"));
        assertTrue(backward.contains("gelu_backward reads") && !backward.contains("[call ERF]"), program);
        ye.pow(2).sum().backward();
        yc.pow(2).sum().backward();
        for (int i = 0; i < 5; i++) assertTrue(eagerIn.get(i).grad().allclose(compIn.get(i).grad(), 1.3e-6, 1e-5), "input " + i);
    }

    @Test void adamUpdateAsACompiledFunctionEqualsEager() {
        double lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        int step = 3;
        double bc1 = 1 - Math.pow(b1, step), bc2Sqrt = Math.sqrt(1 - Math.pow(b2, step));
        Function<List<Tensor>, List<Tensor>> adam = in -> {
            Tensor p = in.get(0), g = in.get(1), m = in.get(2), v = in.get(3);
            Tensor m1 = m.mul(b1).add(g, 1 - b1);
            Tensor v1 = v.mul(b2).add(g.mul(g), 1 - b2);
            Tensor p1 = p.sub(m1.div(v1.sqrt().div(bc2Sqrt).add(eps)), lr / bc1);
            return List.of(p1, m1, v1);
        };
        CompiledFunction f = CompiledFunction.of(adam);
        Torch.manualSeed(8);
        List<Tensor> in = List.of(Torch.randn(5000), Torch.randn(5000), Torch.randn(5000).mul(0.1), Torch.rand(5000).mul(0.01));
        List<Tensor> expected = adam.apply(in), actual = f.apply(in);
        for (int i = 0; i < 3; i++) assertSameBits(expected.get(i), actual.get(i));
        assertEquals(1, f.fusedKernelCount(in.toArray(new Tensor[0])), f.explain(in.toArray(new Tensor[0])));
    }
}
