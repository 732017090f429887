package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.init.Init;
import dev.jgrad.testutil.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * manualSeed(s) followed by a layer's constructor or an nn.init function gives PyTorch's exact
 * numbers (fixtures/nn.json "init"), and large default initialisations have PyTorch's statistics.
 */
class NnInitTest {
    private static Map<String, Tensor> one(Tensor t) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("t", t);
        return m;
    }

    private static Map<String, Tensor> fresh(java.util.function.UnaryOperator<Tensor> init) { return one(init.apply(Torch.empty(6, 5))); }

    private static final Map<String, Supplier<Map<String, Tensor>>> BUILDERS = Map.ofEntries(
            Map.entry("linear_5_3", () -> new Linear(5, 3).stateDict()),
            Map.entry("linear_20_7", () -> new Linear(20, 7).stateDict()),
            Map.entry("linear_nobias_4_6", () -> new Linear(4, 6, false).stateDict()),
            Map.entry("sequential_mlp", () -> new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3)).stateDict()),
            Map.entry("conv2d_3_4_3", () -> new Conv2d(3, 4, 3).stateDict()),
            Map.entry("conv2d_groups", () -> new Conv2d(4, 6, new int[] {3, 2}, new int[] {1}, new int[] {0}, new int[] {1}, 2, true).stateDict()),
            Map.entry("embedding_10_4", () -> new Embedding(10, 4).stateDict()),
            Map.entry("embedding_5_3_pad", () -> new Embedding(5, 3, 1L).stateDict()),
            Map.entry("layer_norm", () -> new LayerNorm(4).stateDict()),
            Map.entry("batch_norm1d", () -> new BatchNorm1d(3).stateDict()),
            Map.entry("init_uniform", () -> fresh(t -> Init.uniform_(t, -2.0, 3.0))),
            Map.entry("init_normal", () -> fresh(t -> Init.normal_(t, 1.0, 0.5))),
            Map.entry("init_xavier_uniform", () -> fresh(Init::xavierUniform_)),
            Map.entry("init_xavier_uniform_gain", () -> fresh(t -> Init.xavierUniform_(t, Init.calculateGain("relu")))),
            Map.entry("init_xavier_normal", () -> fresh(Init::xavierNormal_)),
            Map.entry("init_kaiming_uniform", () -> fresh(Init::kaimingUniform_)),
            Map.entry("init_kaiming_uniform_relu_fan_out", () -> fresh(t -> Init.kaimingUniform_(t, 0, "fan_out", "relu"))),
            Map.entry("init_kaiming_normal", () -> fresh(Init::kaimingNormal_)),
            Map.entry("init_kaiming_normal_relu", () -> fresh(t -> Init.kaimingNormal_(t, 0, "fan_in", "relu"))),
            Map.entry("init_small_normal", () -> one(Init.normal_(Torch.empty(3, 2), 0.0, 2.0))),
            Map.entry("init_uniform_f64", () -> one(Init.uniform_(Torch.empty(DType.FLOAT64, 4, 3), -1.0, 1.0))));

    @TestFactory
    Stream<DynamicTest> exactInitialValues() {
        List<Object> cases = Json.asList(NnFixtures.section("init").get("exact"));
        return cases.stream().map(Json::asMap).map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
            Supplier<Map<String, Tensor>> build = BUILDERS.get((String) c.get("name"));
            Torch.manualSeed(Json.asLong(c.get("seed")));
            Map<String, Tensor> got = build.get();
            Map<String, Object> expected = Json.asMap(c.get("tensors"));
            assertEquals(expected.keySet(), got.keySet());
            for (var e : expected.entrySet()) NnFixtures.assertExact(e.getValue(), got.get(e.getKey()), e.getKey());
        }));
    }

    @Test
    void everyFixtureCaseHasABuilder() {
        for (Object c : Json.asList(NnFixtures.section("init").get("exact"))) {
            String name = (String) Json.asMap(c).get("name");
            assertEquals(true, BUILDERS.containsKey(name), name);
        }
    }

    @Test
    void largeDefaultInitialisationsHavePyTorchsStatistics() {
        Torch.manualSeed(0);
        Linear big = new Linear(1000, 500);
        Conv2d conv = new Conv2d(64, 128, 3);
        Map<String, Tensor> byName = Map.of("linear_1000_500.weight", big.weight, "linear_1000_500.bias", big.bias,
                "conv_64_128_3.weight", conv.weight, "conv_64_128_3.bias", conv.bias);
        for (Object o : Json.asList(NnFixtures.section("init").get("stats"))) {
            Map<String, Object> s = Json.asMap(o);
            Tensor t = byName.get((String) s.get("name")).detach().toDouble();
            String n = (String) s.get("name");
            assertEquals(Json.asLong(s.get("numel")), t.numel(), n);
            // the draws are identical, so the statistics agree to summation-order rounding
            assertEquals(Json.asDouble(s.get("sum")), t.sum().item(), 1e-9, n + " sum");
            assertEquals(Json.asDouble(s.get("min")), t.min().item(), 0, n + " min");
            assertEquals(Json.asDouble(s.get("max")), t.max().item(), 0, n + " max");
            double mean = t.mean().item();
            double std = Math.sqrt(t.sub(mean).pow(2).sum().item() / (t.numel() - 1));
            assertEquals(Json.asDouble(s.get("std")), std, 1e-12, n + " std");
        }
    }

    @Test
    void gains() {
        Map<String, Object> gains = Json.asMap(NnFixtures.section("init").get("gains"));
        for (var e : gains.entrySet()) {
            double got = e.getKey().equals("leaky_relu_0.2") ? Init.calculateGain("leaky_relu", 0.2) : Init.calculateGain(e.getKey());
            assertEquals(Json.asDouble(e.getValue()), got, 0, e.getKey());
        }
    }

    @Test
    void fanNeedsTwoDims() {
        var e = assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform_(Torch.empty(5)));
        assertEquals("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions", e.getMessage());
    }

    @Test
    void initialisersDoNotRecordHistory() {
        Parameter p = new Parameter(Torch.empty(3, 4));
        Init.kaimingUniform_(p);
        assertEquals(true, p.isLeaf());
        assertEquals(true, p.requiresGrad());
        assertEquals(1, p.version());
    }
}
