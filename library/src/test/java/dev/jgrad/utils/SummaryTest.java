package dev.jgrad.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.BatchNorm2d;
import dev.jgrad.nn.Conv2d;
import dev.jgrad.nn.Embedding;
import dev.jgrad.nn.Flatten;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.MaxPool2d;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.testutil.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Summary against what torchinfo 1.7.2 prints for the same models under PyTorch 1.13 (fixtures/summary.json from
 * tools/fixtures/gen_summary.py): the whole table, character for character.
 */
class SummaryTest {
    private static final Map<String, Object> FIXTURE = Json.asMap(Json.resource("fixtures/summary.json"));

    private static void assertTable(String name, Module model) {
        Map<String, Object> c = Json.asMap(FIXTURE.get(name));
        long[] size = Json.asLongArray(c.get("input_size"));
        DType dtype = c.get("dtype").equals("torch.int64") ? DType.INT64 : DType.FLOAT32;
        assertEquals(c.get("text"), Summary.summary(model, dtype, size).toString(), name);
    }

    static final class TinyModel extends Module {
        final Linear layer1 = register("layer1", new Linear(1000, 100));
        final ReLU relu = register("relu", new ReLU());
        final Linear layer2 = register("layer2", new Linear(100, 10));

        @Override public Tensor forward(Tensor x) { return layer2.forward(relu.forward(layer1.forward(x))); }
    }

    static final class ConvNet extends Module {
        final Sequential features = register("features",
                new Sequential(new Conv2d(1, 4, 3), new ReLU(), new MaxPool2d(2), new Conv2d(4, 8, 3, 1, 1), new BatchNorm2d(8)));
        final Sequential classifier = register("classifier", new Sequential(new Flatten(), new Linear(8 * 13 * 13, 10)));

        @Override public Tensor forward(Tensor x) { return classifier.forward(features.forward(x)); }
    }

    @Test void tinyModel() { assertTable("tiny_model", new TinyModel()); }

    @Test void convNetWithNestedSequentials() { assertTable("conv_net", new ConvNet()); }

    @Test
    void deeperThanThreeIsFolded() {
        assertTable("deep", new Sequential(new Linear(4, 8),
                new Sequential(new ReLU(), new Sequential(new Linear(8, 8), new Sequential(new Linear(8, 8), new Tanh()))), new Linear(8, 2)));
    }

    @Test
    void sharedLayerIsRecursive() {
        Linear lin = new Linear(6, 6);
        assertTable("shared", new Sequential(lin, new ReLU(), lin));
    }

    @Test
    void frozenParametersAreNonTrainable() {
        Sequential m = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2));
        for (Parameter p : m.get(0).parameters()) p.setRequiresGrad(false);
        assertTable("frozen", m);
    }

    @Test void embeddingTakesLongInput() { assertTable("embedding", new Sequential(new Embedding(1000, 16), new Flatten(), new Linear(5 * 16, 4))); }

    @Test
    void wideModelOnMeta() {
        assertTable("wide", new Sequential(new Linear(4096, 16384, true, Device.META), new ReLU(),
                new Linear(16384, 16384, true, Device.META), new ReLU(), new Linear(16384, 1000, true, Device.META)));
    }

    @Test
    void cpuWeightsAreLeftAsTheyWere() {
        TinyModel m = new TinyModel();
        m.train();
        Tensor before = m.layer1.weight.clone();
        Summary s = Summary.summary(m, 64, 1000);
        assertEquals(Device.CPU, m.layer1.weight.device());
        assertTrue(m.layer1.weight.equal(before));
        assertTrue(m.isTraining() && m.layer1.isTraining(), "the training mode is restored");
        assertEquals(101_110, s.totalParams());
        assertArrayEquals(new long[] {64, 10}, s.outputShapes().get(0));
        Tensor y = m.forward(Torch.rand(2, 1000));  // the model still computes on the CPU
        assertArrayEquals(new long[] {2, 10}, y.shape());
    }

    /** A forward that is not a chain of its children: their shapes are not guessed. */
    static final class Residual extends Module {
        final Linear a = register("a", new Linear(4, 4));
        final Linear b = register("b", new Linear(4, 2));

        @Override public Tensor forward(Tensor x) { return b.forward(a.forward(x).add(x)).add(b.forward(x)); }
    }

    @Test
    void nonChainForwardListsLayersWithoutShapes() {
        String text = Summary.summary(new Residual(), 3, 4).toString();
        assertTrue(text.contains("Residual                                 [3, 2]                    --"), text);
        // a then b applied in order gives [3, 2] too, so the chain is taken: both rows have shapes
        assertTrue(text.contains("├─Linear: 1-1                            [3, 4]                    20"), text);
        Summary broken = Summary.summary(new Module() {
            final Linear a = register("a", new Linear(4, 3));
            final Linear b = register("b", new Linear(4, 3));

            @Override public Tensor forward(Tensor x) { return a.forward(x).add(b.forward(x)); }
        }, 3, 4);
        assertTrue(broken.toString().contains("├─Linear: 1-2                            --                        15"), broken.toString());
    }

    @Test
    void badInputSize() {
        assertEquals("Input_data is invalid, or negative size found in input_data.",
                assertThrows(IllegalArgumentException.class, () -> Summary.summary(new TinyModel(), 0, 1000)).getMessage());
    }
}
