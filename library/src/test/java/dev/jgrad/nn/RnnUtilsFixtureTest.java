package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.utils.PackedSequence;
import dev.jgrad.nn.utils.Rnn;
import dev.jgrad.nn.utils.SpectralNorm;
import dev.jgrad.nn.utils.WeightNorm;
import dev.jgrad.testutil.FixtureTensors;
import dev.jgrad.testutil.Json;
import dev.jgrad.testutil.TensorExpectations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * torch.nn.utils.rnn packing and recurrent layers on packed input, weight_norm and spectral_norm, against what real
 * PyTorch 1.13 computed (fixtures/rnnutils.json, written by tools/fixtures/gen_rnnutils.py): the generic breadth
 * runner cannot build PackedSequences or hook modules, so each case's Java code is here, keyed by the case name.
 */
class RnnUtilsFixtureTest {
    /** The inputs of one case, each requiring grad when the case asks for gradients. */
    record In(Map<String, Tensor> t) {
        Tensor get(String k) { return t.get(k); }
    }

    private static final Map<String, Function<In, Map<String, Object>>> CASES = new LinkedHashMap<>();

    static {
        for (boolean bf : new boolean[] {false, true}) {
            CASES.put("padSequence batchFirst=" + (bf ? "True" : "False"),
                    in -> Map.of("out", Rnn.padSequence(List.of(in.get("a"), in.get("b"), in.get("c")), bf, -1.0)));
        }
        CASES.put("padSequence float32 default", in -> Map.of("out", Rnn.padSequence(List.of(in.get("a").to(DType.FLOAT32), in.get("c").to(DType.FLOAT32)))));
        CASES.put("padSequence empty", in -> Map.of("out", Rnn.padSequence(List.of())));
        CASES.put("packSequence unsorted", in -> {
            PackedSequence p = Rnn.packSequence(List.of(in.get("a"), in.get("b"), in.get("c")), false);
            Map<String, Object> out = packed(p);
            out.putAll(grads(List.of(p.data()), in));
            return out;
        });
        CASES.put("packSequence sorted", in -> packed(Rnn.packSequence(List.of(in.get("a"), in.get("c"), in.get("b")))));
        CASES.put("packSequence not sorted", in -> Map.of("out", Rnn.packSequence(List.of(in.get("a"), in.get("b"), in.get("c"))).data()));
        CASES.put("round trip batchFirst unsorted", in -> {
            PackedSequence p = Rnn.packPaddedSequence(in.get("x"), in.get("lengths"), true, false);
            Rnn.Padded padded = Rnn.padPackedSequence(p, true, 0.5, 7);
            Map<String, Object> out = packed(p);
            out.put("padded", padded.output());
            out.put("lengths", padded.lengths());
            out.putAll(grads(List.of(padded.output()), in));
            return out;
        });
        CASES.put("round trip time major sorted", in -> {
            PackedSequence p = Rnn.packPaddedSequence(in.get("x"), in.get("lengths"));
            Rnn.Padded padded = Rnn.padPackedSequence(p);
            Map<String, Object> out = packed(p);
            out.put("padded", padded.output());
            out.put("lengths", padded.lengths());
            return out;
        });
        for (String n : List.of("packPaddedSequence unsorted lengths", "packPaddedSequence zero length", "packPaddedSequence wrong count",
                "packPaddedSequence 2-D lengths")) {
            CASES.put(n, in -> Map.of("out", Rnn.packPaddedSequence(in.get("x"), in.get("lengths")).data()));
        }
        CASES.put("padPackedSequence total too short",
                in -> Map.of("out", Rnn.padPackedSequence(Rnn.packPaddedSequence(in.get("x"), in.get("lengths")), false, 0.0, 3).output()));
        for (String cls : List.of("RNN", "LSTM", "GRU")) {
            for (boolean bidir : new boolean[] {false, true}) {
                int layers = bidir ? 2 : 1;
                CASES.put(cls + " packed layers=" + layers + " bidirectional=" + (bidir ? "True" : "False"), in -> packedLayer(cls, layers, bidir, in));
            }
        }
        CASES.put("GRU packed float32 no state", in -> {
            Torch.manualSeed(41);
            GRU m = new GRU(3, 5);
            RNNBase.PackedOutput r = m.forward(Rnn.packSequence(List.of(in.get("s1").to(DType.FLOAT32), in.get("s0").to(DType.FLOAT32))));
            return Map.of("data", r.output().data(), "h", r.h());
        });
    }

    static {
        for (Integer dim : new Integer[] {0, 1, null}) CASES.put("weightNorm Linear dim=" + (dim == null ? "None" : dim), in -> weightNormLinear(in.get("x"), dim));
        CASES.put("weightNorm Conv1d", in -> {
            Torch.manualSeed(52);
            Conv1d m = WeightNorm.weightNorm(doubled(new Conv1d(2, 3, 2)));
            Tensor out = m.call(in.get("x"));
            return Map.of("names", names(m), "g", m.namedParameters().get("weight_g"), "out", out);
        });
        CASES.put("weightNorm twice", in -> {
            WeightNorm.weightNorm(WeightNorm.weightNorm(new Linear(2, 2)));
            return Map.of();
        });
        CASES.put("removeWeightNorm missing", in -> Map.of("m", WeightNorm.removeWeightNorm(new Linear(2, 2))));
        for (int n : new int[] {1, 3}) CASES.put("spectralNorm Linear n=" + n, in -> spectral(in.get("x"), n, () -> new Linear(5, 4), 60));
        CASES.put("spectralNorm ConvTranspose1d", in -> spectral(in.get("x"), 1, () -> new ConvTranspose1d(3, 2, 2), 63));
        CASES.put("spectralNorm zero iterations", in -> Map.of("m", SpectralNorm.spectralNorm(new Linear(2, 2), "weight", 0, 1e-12, null)));
    }

    static {
        CASES.put("tripletMarginWithDistanceLoss cosine distance", in -> {
            java.util.function.BinaryOperator<Tensor> dist = (x, y) -> dev.jgrad.nn.functional.F.cosineSimilarity(x, y).rsub(1.0);
            Tensor out = dev.jgrad.nn.functional.F.tripletMarginWithDistanceLoss(in.get("a"), in.get("p"), in.get("n"), dist, 0.3, true, "none");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("out", out);
            r.put("repr", new TripletMarginWithDistanceLoss(dist, 1.0, false, "mean").toString());
            r.putAll(grads(List.of(out), in));
            return r;
        });
    }

    private static <M extends Module> M doubled(M m) {
        m.to(DType.FLOAT64);
        return m;
    }

    private static String names(Module m) {
        return String.join(" ", m.namedParameters().keySet()) + " | " + String.join(" ", m.namedBuffers().keySet());
    }

    private static Map<String, Object> weightNormLinear(Tensor x, Integer dim) {
        Torch.manualSeed(50);
        Linear m = WeightNorm.weightNorm(doubled(new Linear(4, 3)), "weight", dim);
        var params = m.namedParameters();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("names", names(m));
        r.put("g", params.get("weight_g"));
        r.put("v", params.get("weight_v"));
        r.put("weight", m.weight.detach().clone());
        Tensor out = m.call(x);
        r.put("out", out);
        r.putAll(grads(List.of(out), new In(Map.of("g", params.get("weight_g"), "v", params.get("weight_v"), "bias", m.bias))));
        try (var g = Torch.noGrad()) {
            for (Parameter p : m.parameters()) p.sub_(p.grad().mul(0.1));
        }
        r.put("out2", m.call(x));
        WeightNorm.removeWeightNorm(m);
        r.put("removed names", names(m));
        r.put("removed weight", m.namedParameters().get("weight"));
        return r;
    }

    private static Map<String, Object> spectral(Tensor x, int n, java.util.function.Supplier<Module> make, long seed) {
        Torch.manualSeed(seed);
        Module m = SpectralNorm.spectralNorm(doubled(make.get()), "weight", n, 1e-12, null);
        Map<String, Object> r = new LinkedHashMap<>();
        Tensor weight = m.namedParameters().get("weight_orig");
        java.util.function.Supplier<Tensor> current = () -> switch (m) {
            case Linear l -> l.weight;
            case ConvTranspose1d c -> c.weight;
            default -> throw new AssertionError();
        };
        r.put("names", names(m));
        r.put("u0", m.namedBuffers().get("weight_u").clone());
        r.put("v0", m.namedBuffers().get("weight_v").clone());
        r.put("weight0", current.get().clone());
        for (int i = 0; i < 3; i++) {
            r.put("out" + i, m.call(x));
            r.put("weight" + (i + 1), current.get().clone());
        }
        r.put("u", m.namedBuffers().get("weight_u").clone());
        r.put("v", m.namedBuffers().get("weight_v").clone());
        r.putAll(grads(List.of((Tensor) r.get("out2")), new In(Map.of("orig", weight))));
        m.eval();
        r.put("eval out", m.call(x));
        r.put("eval u", m.namedBuffers().get("weight_u").clone());
        SpectralNorm.removeSpectralNorm(m);
        r.put("removed names", names(m));
        r.put("removed weight", m.namedParameters().get("weight"));
        return r;
    }

    private static Map<String, Object> packedLayer(String cls, int layers, boolean bidir, In in) {
        Torch.manualSeed(40);
        RNNBase m = switch (cls) {
            case "RNN" -> new RNN(3, 5, layers, true, false, 0, bidir);
            case "LSTM" -> new LSTM(3, 5, layers, true, false, 0, bidir);
            default -> new GRU(3, 5, layers, true, false, 0, bidir);
        };
        m.to(DType.FLOAT64);
        PackedSequence p = Rnn.packSequence(List.of(in.get("s0"), in.get("s1"), in.get("s2"), in.get("s3")), false);
        RNNBase.PackedOutput r = switch (m) {
            case LSTM l -> l.forward(p, in.get("h0"), in.get("c0"));
            case GRU g -> g.forward(p, in.get("h0"));
            case RNN e -> e.forward(p, in.get("h0"));
            default -> throw new AssertionError();
        };
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", r.output().data());
        out.put("batch_sizes", r.output().batchSizes());
        out.put("h", r.h());
        List<Tensor> parts = new ArrayList<>(List.of(r.output().data(), r.h()));
        if (r.c() != null) {
            out.put("c", r.c());
            parts.add(r.c());
        }
        Map<String, Tensor> named = new LinkedHashMap<>(in.t());
        for (var e : m.namedParameters().entrySet()) named.put("param " + e.getKey(), e.getValue());
        out.putAll(grads(parts, new In(named)));
        return out;
    }

    static Map<String, Object> packed(PackedSequence p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", p.data());
        out.put("batch_sizes", p.batchSizes());
        if (p.sortedIndices() != null) out.put("sorted_indices", p.sortedIndices());
        if (p.unsortedIndices() != null) out.put("unsorted_indices", p.unsortedIndices());
        if (!p.data().requiresGrad()) out.put("repr", p.toString());  // with grad, PyTorch names a PackPaddedSequenceBackward0 node
        return out;
    }

    /** The generator's upstream gradient: (k mod 7 - 3) / 4 for the k-th element. */
    static Tensor upstream(Tensor t) {
        return Torch.arange(t.numel()).to(DType.FLOAT64).remainder(7).sub(3L).div(4L).to(t.dtype()).reshape(t.shape());
    }

    /** Backpropagates sum(part * upstream(part)) and returns "grad NAME" for every input that got a gradient. */
    static Map<String, Object> grads(List<Tensor> parts, In in) {
        Tensor loss = null;
        for (Tensor part : parts) {
            Tensor term = part.mul(upstream(part)).sum();
            loss = loss == null ? term : loss.add(term);
        }
        loss.backward();
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : in.t().entrySet()) if (e.getValue().grad() != null) out.put("grad " + e.getKey(), e.getValue().grad());
        return out;
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        List<Object> all = Json.asList(Json.resource("fixtures/rnnutils.json"));
        List<Map<String, Object>> cases = all.stream().map(Json::asMap).toList();
        assertEquals(CASES.keySet(), new java.util.LinkedHashSet<>(cases.stream().map(c -> (String) c.get("name")).toList()),
                "every fixture case has Java code and every Java case a fixture");
        return cases.stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> run(c)));
    }

    static void run(Map<String, Object> c) {
        String name = (String) c.get("name");
        boolean grad = Boolean.TRUE.equals(c.get("grad"));
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (var e : Json.asMap(c.get("inputs")).entrySet()) {
            Tensor t = FixtureTensors.tensor(Json.asMap(e.getValue()));
            inputs.put(e.getKey(), grad && t.isFloatingPoint() ? t.requiresGrad_(true) : t);
        }
        Map<String, Object> result;
        try {
            result = CASES.get(name).apply(new In(inputs));
        } catch (RuntimeException ex) {
            if (!c.containsKey("error")) throw ex;
            assertEquals(c.get("error"), ex.getMessage(), name);
            return;
        }
        if (c.containsKey("error")) fail(name + ": expected error " + c.get("error"));
        List<String> problems = new ArrayList<>();
        for (var e : Json.asMap(c.get("expect")).entrySet()) {
            Map<String, Object> expected = Json.asMap(e.getValue());
            Object actual = result.get(e.getKey());
            if (actual == null) {
                problems.add(e.getKey() + ": missing");
            } else if (expected.containsKey("string")) {
                if (!expected.get("string").equals(actual)) problems.add(e.getKey() + ":\n  expected " + expected.get("string") + "\n  actual   " + actual);
            } else {
                TensorExpectations.check(problems, name, e.getKey(), expected, (Tensor) actual, null, true, 1e-9,
                        grad || ((String) expected.get("repr")).contains("grad_fn=<") ? TensorExpectations.Repr.NONE : TensorExpectations.Repr.EXACT);
            }
        }
        assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
    }
}
