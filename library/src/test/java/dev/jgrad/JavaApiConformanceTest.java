package dev.jgrad;

import static dev.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.autograd.Autograd;
import dev.jgrad.autograd.Functional;
import dev.jgrad.autograd.Gradcheck;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.SGD;
import dev.jgrad.profiler.Profiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.jgrad.testutil.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets of ../shared/spec/java-api.md, compiled and run as written: outside code compiles against
 * these names, so this file failing to compile is the signal that a public name changed.
 */
class JavaApiConformanceTest {

    @Test
    void tensors() {
        Tensor x = tensor(new double[][] {{1, 2}, {3, 4}});
        assertEquals(DType.FLOAT32, x.dtype());
        Tensor i = tensor(new long[][] {{1, 2}, {3, 4}});
        assertEquals(DType.INT64, i.dtype());
        assertEquals(DType.INT64, tensor(1, 2, 3).dtype());
        Tensor s = scalarTensor(2.5);
        assertEquals(0, s.dim());
        zeros(2, 3); ones(2, 3); empty(6, 3); rand(4, 3); randn(2, 3, 4); full(new long[] {2, 2}, 7.0);
        zeros(DType.INT64, 4, 3); ones(DType.FLOAT64, 2, 3); randn(DType.FLOAT64, 100);
        assertEquals(DType.INT64, arange(10).dtype());
        assertEquals(DType.FLOAT32, arange(0.0, 1.0, 0.1).dtype());
        linspace(0.0, 2 * Math.PI, 25); eye(3); randint(0, 10, 5);
        onesLike(x); zerosLike(x); randLike(x); randnLike(x, DType.FLOAT32);
        x.newOnes(6, 5); x.newOnes(DType.FLOAT64, 6, 5); x.newZeros(2, 2);
        manualSeed(42);
        long[] shape = x.shape();
        assertEquals("torch.Size([2, 2])", x.size().toString());
        assertEquals(2L, x.size(0));
        assertEquals(2, x.dim() + 0 * shape.length);
        assertEquals(4, x.numel());
        x.device(); x.stride(); x.isContiguous();
        double v = x.index("0, 1").item();
        assertEquals(2.0, v);
        i.index("0, 0").itemLong(); tensor(true).itemBool();
        assertArrayEquals(new double[] {1, 2, 3, 4}, x.toDoubleArray());
        assertEquals(Device.CPU, Device.of("cpu"));
        Device.cuda(0);
        assertFalse(Torch.cudaIsAvailable());
        x.to(DType.FLOAT64); x.to(Device.CPU, DType.FLOAT64); x.cpu();
    }

    @Test
    void operations() {
        Tensor a = tensor(new double[][] {{1, 2, 3}, {4, 5, 6}}), b = onesLike(a), out = empty(2, 3);
        Tensor cond = a.gt(2.5), other = zerosLike(a);
        a.add(b); a.add(1); a.add(b, 2.0); add(a, b); add(a, b, out); a.clone().add_(b);
        a.sub(b); a.rsub(1); a.mul(2); a.div(b); a.pow(2); a.pow(b); a.neg(); a.abs();
        a.sin(); a.cos(); a.exp(); a.log(); a.sqrt(); a.tanh(); a.sigmoid(); a.relu(); sin(a); sin_(a.clone());
        a.matmul(a.t()); a.mm(a.t()); a.t(); a.transpose(0, 1); a.permute(1, 0); a.sum(); a.sum(1, true);
        a.mean(); a.mean(0); a.mean(1, true); a.max(); a.max(1, false).values(); a.max(1, false).indices(); a.argmax(1);
        a.norm(); a.eq(b); a.gt(0.5); a.lt(b); a.ge(b); a.le(b); a.ne(b); a.all(); a.any(); a.where(cond, other);
        a.clone(); a.clone().copy_(b); a.clone().zero_(); a.clone().fill_(1); a.clone().sin_(); cat(List.of(a, b), 0); stack(List.of(a, b), 0);
        a.view(6); a.view(-1, 6); a.reshape(3, 2); a.contiguous(); a.squeeze(); a.unsqueeze(0); a.get(0).expand(4, 3);
        assertArrayEquals(new double[] {3, 6}, a.select(1, 2).toDoubleArray());
        assertArrayEquals(new double[] {4, 5, 6}, a.slice(0, 1, 3, 1).toDoubleArray());
        assertArrayEquals(new double[] {3, 6}, a.index(":, 2").toDoubleArray());
        a.plus(b); a.minus(b); a.times(b); a.div(b); a.unaryMinus(); a.get(1);
    }

    @Test
    void arrayBridge() {
        float[] data = {1, 2, 3, 4};
        Tensor t = fromArray(data, 2, 2);
        data[0] = 9;
        assertEquals(9.0, t.index("0, 0").item());
        t.add_(1);
        assertEquals(10f, data[0]);
        float[] back = t.asFloatArray();
        assertSame(data, back);
        float[] copy = t.toFloatArray();
        assertNotSame(data, copy);
        t.toDoubleArray(); t.toLongArray();
        fromArray(new double[] {1}); fromArray(new long[] {1}); fromArray(new int[] {1});
    }

    @Test
    void autograd() {
        Tensor a = linspace(0.0, 2 * Math.PI, 25).requiresGrad_(true);
        Tensor b = a.sin();
        Tensor out = b.mul(2).add(1).sum();
        assertEquals("SumBackward0", out.gradFn().name());
        assertEquals("<SumBackward0>", out.gradFn().toString());
        List<Edge> next = out.gradFn().nextFunctions();
        assertEquals(0, next.get(0).inputNr());
        assertNotNull(next.get(0).node());
        out.backward(null, true, false);
        out.backward();
        a.grad(); a.isLeaf(); a.requiresGrad(); a.version(); a.detach();
        Tensor y = a.mul(2);
        y.retainGrad();
        var handle = a.registerHook(g -> g.mul(2));
        handle.remove();
        a.setRequiresGrad(false);
        a.requiresGrad_();
        try (var g = noGrad()) {
            assertFalse(a.mul(2).requiresGrad());
        }
        Tensor r = noGrad(() -> a.add(b));
        assertFalse(r.requiresGrad());
        try (var g = enableGrad()) { assertTrue(isGradEnabled()); }
        try (var g = setGradEnabled(false)) { assertFalse(isGradEnabled()); }
        try (var g = inferenceMode()) { assertFalse(isGradEnabled()); }

        Tensor x = tensor(1.0, 2.0).requiresGrad_(), yy = tensor(3.0, 4.0).requiresGrad_();
        Tensor z = x.mul(x).sum();
        List<Tensor> gs = Autograd.grad(List.of(z), List.of(x), null, true, true, false);
        assertArrayEquals(new double[] {2, 4}, gs.get(0).toDoubleArray());
        List<Tensor> g1 = Autograd.grad(x.mul(3).sum(), x);
        assertArrayEquals(new double[] {3, 3}, g1.get(0).toDoubleArray());
        Tensor J = Functional.jacobian(v -> v.exp().mul(2), x);
        assertArrayEquals(new long[] {2, 2}, J.shape());
        List<Tensor> Js = Functional.jacobian(in -> in.get(0).exp().mul(2).add(in.get(1).mul(3)), List.of(x, yy));
        assertEquals(2, Js.size());
        Tensor H = Functional.hessian(v -> v.pow(3).sum(), x);
        assertArrayEquals(new double[] {6, 0, 0, 12}, H.toDoubleArray());
        var res = Functional.vjp(v -> v.mul(2), x, onesLike(x));
        res.output(); res.result();
        assertTrue(Gradcheck.gradcheck(v -> v.sin(), tensor(new double[] {0.1, 0.2}, DType.FLOAT64).requiresGrad_()));
    }

    static final class Square extends dev.jgrad.autograd.Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            return in[0].mul(in[0]);
        }

        @Override protected Tensor[] backward(Context ctx, Tensor... grads) {
            assertTrue(ctx.needsInputGrad(0));
            return new Tensor[] {grads[0].mul(ctx.savedTensors().get(0)).mul(2)};
        }
    }

    @Test
    void customFunction() {
        Tensor x = tensor(3.0).requiresGrad_();
        Tensor y = new Square().apply(x);
        assertEquals("<SquareBackward>", y.gradFn().toString());
        y.backward();
        assertEquals(6.0, x.grad().item());
    }

    static class TinyModel extends Module {
        final Linear layer1 = register("layer1", new Linear(1000, 100));
        final ReLU relu = register("relu", new ReLU());
        final Linear layer2 = register("layer2", new Linear(100, 10));

        @Override public Tensor forward(Tensor x) { return layer2.forward(relu.forward(layer1.forward(x))); }
    }

    /** PyTorch 1.13's values for these programs from the same seed, with their float error bounds (tools/fixtures/gen_java_api.py). */
    private static final Map<String, Object> LOSSES = Json.asMap(Json.resource("fixtures/java_api.json"));

    /** |got - PyTorch's| within twice the fixture's bound: both are float evaluations within the bound of the exact value. */
    private static void assertLoss(String dtype, String name, Tensor got) {
        Map<String, Object> want = Json.asMap(LOSSES.get(dtype));
        double value = Json.asDouble(want.get(name)), bound = Json.asDouble(want.get(name + "_bound"));
        assertTrue(bound < 0.01 * Math.abs(value), name + ": the bound " + bound + " would not catch much");
        assertEquals(value, got.item(), 2 * bound, dtype + " " + name);
    }

    @Test
    void modelsLossesOptimizers() {
        manualSeed(0);  // jgrad's streams are torch's: the same weights and inputs as gen_java_api.py's
        var model = new TinyModel();
        Optimizer optimizer = new SGD(model.parameters(), 0.001);
        Tensor someInput = randn(16, 1000), idealOutput = randn(16, 10);
        Tensor prediction = model.forward(someInput);
        Tensor loss = idealOutput.sub(prediction).pow(2).sum();
        loss.backward();
        optimizer.step();
        optimizer.zeroGrad();
        assertLoss("float32", "tiny_loss", loss);
        // (the float32 step's worst-case bound is larger than the loss: the float64 run below checks the step)
        Tensor slice = model.layer2.weight.get(0).slice(0, 0, 10);
        assertArrayEquals(new long[] {10}, slice.shape());
        assertTrue(model.namedParameters().containsKey("layer1.weight"));
        model.stateDict(); model.loadStateDict(model.stateDict()); model.train(); model.eval();
        model.to(DType.FLOAT64);
        assertEquals(DType.FLOAT64, model.layer1.weight.dtype());
        assertEquals(DType.FLOAT64, model.layer1.bias.dtype());
        new SGD(model.parameters(), 0.01, 0.9);
        new Adam(model.parameters(), 1e-3);
        var seq = new Sequential(new Linear(784, 512), new ReLU(), new Linear(512, 10));
        Tensor logits = seq.forward(randn(4, 784));
        Tensor labels = tensor(1, 2, 3, 4);
        assertLoss("float32", "sequential_cross_entropy", F.crossEntropy(logits, labels));
        F.mseLoss(logits, zerosLike(logits));  // its float32 worst-case bound is 4% of it: checked in float64 below
        F.relu(logits); F.softmax(logits, 1); F.logSoftmax(logits, 1);
    }

    /** The same programs in float64 (float32 draws converted), where the error bounds are about 1e-11 relative. */
    @Test
    void modelsLossesOptimizersInFloat64() {
        manualSeed(0);
        var model = new TinyModel();
        model.to(DType.FLOAT64);
        Optimizer optimizer = new SGD(model.parameters(), 0.001);
        Tensor someInput = randn(16, 1000).to(DType.FLOAT64), idealOutput = randn(16, 10).to(DType.FLOAT64);
        Tensor loss = idealOutput.sub(model.forward(someInput)).pow(2).sum();
        loss.backward();
        optimizer.step();
        optimizer.zeroGrad();
        assertLoss("float64", "tiny_loss", loss);
        try (var g = noGrad()) {
            assertLoss("float64", "tiny_loss_after_sgd_step", idealOutput.sub(model.forward(someInput)).pow(2).sum());
        }
        var seq = new Sequential(new Linear(784, 512), new ReLU(), new Linear(512, 10));
        seq.to(DType.FLOAT64);
        Tensor logits = seq.forward(randn(4, 784).to(DType.FLOAT64));
        Tensor labels = tensor(1, 2, 3, 4);
        assertLoss("float64", "sequential_cross_entropy", F.crossEntropy(logits, labels));
        assertLoss("float64", "sequential_mse", F.mseLoss(logits, zerosLike(logits)));
    }

    @Test
    void profiler(@TempDir Path dir) throws Exception {
        var prof = Profiler.profile();
        try (prof) {
            try (var r = Profiler.recordFunction("my_block")) {
                ones(2).mul(2);
            }
        }
        assertTrue(prof.keyAverages().table("self_cpu_time_total").contains("my_block"));
        prof.exportChromeTrace(dir.resolve("trace.json"));
        assertTrue(Files.size(dir.resolve("trace.json")) > 0);
    }

    @Test
    void printing() {
        Tensor t = ones(2, 2).requiresGrad_(true);
        assertEquals("tensor([[1., 1.],\n        [1., 1.]], requires_grad=True)", t.toString());
    }
}
