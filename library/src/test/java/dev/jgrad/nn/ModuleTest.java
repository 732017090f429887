package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.testutil.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Module structure, printing, state dicts and modes, against fixtures/nn.json "modules". */
class ModuleTest {
    static class TinyModel extends Module {
        final Linear layer1 = register("layer1", new Linear(10, 8));
        final ReLU relu = register("relu", new ReLU());
        final Linear layer2 = register("layer2", new Linear(8, 4));

        @Override public Tensor forward(Tensor x) { return layer2.forward(relu.forward(layer1.forward(x))); }
    }

    static class ConvNet extends Module {
        final Sequential features = register("features",
                new Sequential(new Conv2d(1, 4, 3, 1, 1), new BatchNorm2d(4), new ReLU(), new MaxPool2d(2)));
        final Sequential head = register("head", new Sequential(new Flatten(), new Dropout(0.25), new Linear(64, 10)));
        final ModuleList blocks = register("blocks", new ModuleList(new LayerNorm(10), new GELU("tanh")));
    }

    private static final Map<String, Supplier<Module>> REPRS = Map.ofEntries(
            Map.entry("linear", () -> new Linear(784, 512)),
            Map.entry("linear_nobias", () -> new Linear(3, 2, false)),
            Map.entry("sequential", () -> new Sequential(new Linear(784, 512), new ReLU(), new Linear(512, 10))),
            Map.entry("tiny", TinyModel::new),
            Map.entry("convnet", ConvNet::new),
            Map.entry("conv_full", () -> new Conv2d(4, 8, new int[] {3, 5}, new int[] {2, 1}, new int[] {1, 2}, new int[] {2}, 2, false)),
            Map.entry("conv_plain", () -> new Conv2d(3, 16, 3)),
            Map.entry("maxpool", () -> new MaxPool2d(3, 2, 1, 1, false)),
            Map.entry("batchnorm1d", () -> new BatchNorm1d(3)),
            Map.entry("batchnorm1d_custom", () -> new BatchNorm1d(5, 1e-3, null, false, false)),
            Map.entry("layernorm", () -> new LayerNorm(4)),
            Map.entry("layernorm_2d", () -> new LayerNorm(new long[] {3, 4}, 1e-6, false)),
            Map.entry("embedding", () -> new Embedding(10, 3)),
            Map.entry("embedding_pad", () -> new Embedding(10, 3, 0L)),
            Map.entry("dropout", () -> new Dropout(0.1)),
            Map.entry("leaky", LeakyReLU::new),
            Map.entry("leaky_02", () -> new LeakyReLU(0.2)),
            Map.entry("gelu", GELU::new),
            Map.entry("softmax", () -> new Softmax(1)),
            Map.entry("logsoftmax", () -> new LogSoftmax(-1)),
            Map.entry("flatten", Flatten::new),
            Map.entry("silu", SiLU::new),
            Map.entry("tanh", Tanh::new),
            Map.entry("sigmoid", Sigmoid::new),
            Map.entry("identity", Identity::new),
            Map.entry("cross_entropy_loss", CrossEntropyLoss::new),
            Map.entry("mse_loss", MSELoss::new),
            Map.entry("modulelist", () -> new ModuleList(new Linear(2, 2), new ReLU())),
            Map.entry("nested_sequential", () -> new Sequential(new Sequential(new Linear(2, 3), new Tanh()), new Linear(3, 1))));

    private static Map<String, Object> fixture() { return NnFixtures.section("modules"); }

    private static List<String> strings(Object o) {
        List<String> r = new ArrayList<>();
        for (Object x : Json.asList(o)) r.add((String) x);
        return r;
    }

    @Test
    void reprsMatchPyTorch() {
        Map<String, Object> reprs = Json.asMap(fixture().get("repr"));
        assertEquals(reprs.keySet(), REPRS.keySet());
        for (var e : reprs.entrySet()) assertEquals(e.getValue(), REPRS.get(e.getKey()).get().toString(), e.getKey());
    }

    @Test
    void namesFollowRegistrationOrder() {
        ConvNet net = new ConvNet();
        assertEquals(strings(fixture().get("convnet_state_keys")), new ArrayList<>(net.stateDict().keySet()));
        assertEquals(strings(fixture().get("convnet_param_keys")), new ArrayList<>(net.namedParameters().keySet()));
        assertEquals(strings(fixture().get("convnet_buffer_keys")), new ArrayList<>(net.namedBuffers().keySet()));
        assertEquals(strings(fixture().get("convnet_module_keys")), new ArrayList<>(net.namedModules().keySet()));
        assertEquals(strings(fixture().get("tiny_param_keys")), new ArrayList<>(new TinyModel().namedParameters().keySet()));
        assertEquals(net.namedParameters().size(), net.parameters().size());
    }

    @Test
    void parameterPrintsAsPyTorch() {
        Parameter p = new Parameter(Torch.tensor(new double[][] {{1, 2}, {3, 4}}));
        assertEquals(fixture().get("tiny_param_repr"), p.toString());
        assertTrue(p.requiresGrad());
        assertTrue(p.isLeaf());
        assertFalse(new Parameter(Torch.zeros(2), false).requiresGrad());
    }

    @Test
    void parameterSharesMemoryWithItsData() {
        Tensor data = Torch.zeros(3);
        Parameter p = new Parameter(data);
        data.add_(1L);
        assertEquals(3.0, p.sum().item());
    }

    @Test
    void loadStateDictMessagesMatchPyTorch() {
        Map<String, Object> errors = Json.asMap(fixture().get("load_errors"));
        Map<String, Tensor> sd = new TinyModel().stateDict();
        Map<String, Map<String, Tensor>> dicts = new LinkedHashMap<>();
        Map<String, Tensor> missing = new LinkedHashMap<>(sd);
        missing.remove("layer2.bias");
        dicts.put("missing", missing);
        Map<String, Tensor> extra = new LinkedHashMap<>(sd);
        extra.put("layer3.weight", Torch.zeros(2));
        extra.put("layer1.extra", Torch.zeros(1));
        dicts.put("unexpected", extra);
        Map<String, Tensor> wrong = new LinkedHashMap<>(sd);
        wrong.put("layer1.weight", Torch.zeros(8, 9));
        dicts.put("size_mismatch", wrong);
        Map<String, Tensor> both = new LinkedHashMap<>(sd);
        both.remove("layer1.bias");
        both.put("foo", Torch.zeros(1));
        both.put("layer2.weight", Torch.zeros(4, 7));
        dicts.put("all_three", both);
        for (var e : dicts.entrySet()) {
            String expected = (String) Json.asMap(errors.get(e.getKey())).get("error");
            var ex = assertThrows(IllegalArgumentException.class, () -> new TinyModel().loadStateDict(e.getValue()), e.getKey());
            assertEquals(expected, ex.getMessage(), e.getKey());
        }
        Map<String, Tensor> nonStrict = new LinkedHashMap<>(both);
        nonStrict.put("layer2.weight", sd.get("layer2.weight"));
        Map<String, Object> ns = Json.asMap(errors.get("non_strict"));
        Module.IncompatibleKeys keys = new TinyModel().loadStateDict(nonStrict, false);
        assertEquals(ns.get("result"), keys.toString());
        assertEquals(strings(ns.get("missing")), keys.missingKeys());
        assertEquals(strings(ns.get("unexpected")), keys.unexpectedKeys());
        assertEquals(Json.asMap(errors.get("ok")).get("result"), new TinyModel().loadStateDict(sd).toString());
    }

    @Test
    void loadStateDictCopiesValuesIntoTheSameParameters() {
        TinyModel a = new TinyModel(), b = new TinyModel();
        Parameter w = b.layer1.weight;
        b.loadStateDict(a.stateDict());
        assertSame(w, b.layer1.weight);
        assertTrue(a.layer1.weight.equal(b.layer1.weight));
        assertTrue(b.layer1.weight.isLeaf());
    }

    @Test
    void stateDictIsDetached() {
        TinyModel m = new TinyModel();
        Tensor w = m.stateDict().get("layer1.weight");
        assertFalse(w.requiresGrad());
        assertTrue(w.sharesStorageWith(m.layer1.weight));
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        ConvNet net = new ConvNet();
        assertTrue(net.isTraining());
        net.eval();
        for (Module m : net.modules()) assertFalse(m.isTraining());
        net.train();
        for (Module m : net.modules()) assertTrue(m.isTraining());
    }

    @Test
    void zeroGradSetsGradientsToNull() {
        TinyModel m = new TinyModel();
        m.forward(Torch.randn(3, 10)).sum().backward();
        assertTrue(m.layer1.weight.grad() != null);
        m.zeroGrad();
        for (Parameter p : m.parameters()) assertNull(p.grad());
        m.forward(Torch.randn(3, 10)).sum().backward();
        m.zeroGrad(false);
        for (Parameter p : m.parameters()) assertEquals(0.0, p.grad().abs().sum().item());
    }

    @Test
    void toDtypeConvertsParametersInPlace() {
        TinyModel m = new TinyModel();
        m.forward(Torch.randn(2, 10)).sum().backward();
        Parameter w = m.layer1.weight;
        Tensor before = w.detach().clone();
        m.to(DType.FLOAT64);
        assertSame(w, m.layer1.weight);
        assertEquals(DType.FLOAT64, w.dtype());
        assertEquals(DType.FLOAT64, w.grad().dtype());
        assertTrue(w.requiresGrad());
        assertTrue(before.toDouble().equal(w.detach()));
        Tensor y = m.forward(Torch.randn(DType.FLOAT64, 2, 10));
        assertEquals(DType.FLOAT64, y.dtype());
        BatchNorm1d bn = new BatchNorm1d(3);
        bn.to(DType.FLOAT64);
        assertEquals(DType.FLOAT64, bn.runningMean.dtype());
        assertEquals(DType.INT64, bn.numBatchesTracked.dtype());
    }

    @Test
    void applyVisitsChildrenFirst() {
        List<String> seen = new ArrayList<>();
        new TinyModel().apply(m -> seen.add(m.getClass().getSimpleName()));
        assertEquals(List.of("Linear", "ReLU", "Linear", "TinyModel"), seen);
    }

    @Test
    void registrationChecksNames() {
        Module m = new Sequential();
        assertEquals("module name can't contain \".\", got: a.b",
                assertThrows(IllegalArgumentException.class, () -> m.register("a.b", new ReLU())).getMessage());
        assertEquals("parameter name can't be empty string \"\"",
                assertThrows(IllegalArgumentException.class, () -> m.registerParameter("", null)).getMessage());
        m.register("x", new ReLU());
        assertEquals("attribute 'x' already exists",
                assertThrows(IllegalArgumentException.class, () -> m.registerBuffer("x", Torch.zeros(1))).getMessage());
    }

    @Test
    void sharedParametersAppearOnce() {
        Linear shared = new Linear(2, 2);
        Sequential s = new Sequential(shared, new ReLU(), shared);
        assertEquals(List.of("0.weight", "0.bias"), new ArrayList<>(s.namedParameters().keySet()));
        assertEquals(4, s.stateDict().size());
    }

    @Test
    void missingForwardIsPyTorchsError() {
        var e = assertThrows(UnsupportedOperationException.class, () -> new ModuleList().forward(Torch.zeros(1)));
        assertEquals("Module [ModuleList] is missing the required \"forward\" function", e.getMessage());
    }

    @Test
    void dropoutIsIdentityInEval() {
        Dropout d = new Dropout(0.5);
        Tensor x = Torch.ones(100);
        d.eval();
        assertSame(x, d.forward(x));
        d.train();
        Tensor y = d.forward(x);
        double[] v = y.toDoubleArray();
        for (double e : v) assertTrue(e == 0 || e == 2);
    }

    @Test
    void batchNormTracksRunningStatistics() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor x = Torch.tensor(new double[][] {{1, 10}, {3, 20}, {5, 60}});
        bn.forward(x);
        assertEquals(1L, bn.numBatchesTracked.itemLong());
        assertTrue(bn.runningMean.allclose(Torch.tensor(new double[] {0.3, 3.0})));
        assertTrue(bn.runningVar.allclose(Torch.tensor(new double[] {0.9 + 0.1 * 4, 0.9 + 0.1 * 700})));
        bn.eval();
        Tensor y = bn.forward(x);
        Tensor expected = x.sub(bn.runningMean).div(bn.runningVar.add(1e-5).sqrt());
        assertTrue(y.allclose(expected, 1e-5, 1e-6));
        assertEquals(1L, bn.numBatchesTracked.itemLong());
        assertEquals("expected 2D or 3D input (got 4D input)",
                assertThrows(IllegalArgumentException.class, () -> bn.forward(Torch.zeros(1, 2, 1, 1))).getMessage());
    }

    @Test
    void profilerNamesTheNnKernelsAsPyTorchDoes() {
        Sequential mlp = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
        Tensor x = Torch.randn(5, 4), y = Torch.tensor(0L, 1L, 1L, 0L, 1L);
        dev.jgrad.profiler.Profile prof;
        try (var p = dev.jgrad.profiler.Profiler.profile()) {
            prof = p;
            dev.jgrad.nn.functional.F.crossEntropy(mlp.forward(x), y).backward();
        }
        List<String> names = new ArrayList<>();
        for (var r : prof.keyAverages().rows()) names.add(r.name());
        for (String n : List.of("aten::addmm", "aten::_log_softmax", "aten::nll_loss_forward")) assertTrue(names.contains(n), n + " in " + names);
    }

    @Test
    void sequentialAndModuleListIndexing() {
        Sequential s = new Sequential(new Linear(2, 3), new ReLU());
        assertEquals(2, s.size());
        assertTrue(s.get(-1) instanceof ReLU);
        s.append(new Linear(3, 1));
        assertEquals(List.of(1L, 1L), List.of(s.forward(Torch.zeros(1, 2)).size(0), s.forward(Torch.zeros(1, 2)).size(1)));
        ModuleList l = new ModuleList(new ReLU());
        int n = 0;
        for (Module m : l) n++;
        assertEquals(1, n);
        assertNotSame(l.get(0), new ReLU());
    }
}
