package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.DType;
import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.testutil.Json;
import dev.jgrad.utils.data.DataLoader;
import dev.jgrad.utils.data.TensorDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dropout masks, bernoulli_ and DataLoader shuffles drawn from seeded generators equal PyTorch's. */
class RandomFixtureTest {
    private static Map<String, Object> fixture() { return NnFixtures.section("random"); }

    @Test
    void dropoutMasksMatchPyTorch() {
        for (Object o : Json.asList(fixture().get("dropout"))) {
            Map<String, Object> c = Json.asMap(o);
            Torch.manualSeed(Json.asLong(c.get("seed")));
            int n = (int) Json.asLong(c.get("n"));
            Tensor y = F.dropout(Torch.arange(1.0, n + 1.0), Json.asDouble(c.get("p")), true);
            NnFixtures.assertExact(c.get("values"), y, "dropout seed " + c.get("seed"));
        }
    }

    @Test
    void bernoulliMatchesPyTorch() {
        List<Object> cases = Json.asList(fixture().get("bernoulli"));
        Torch.manualSeed(3);
        NnFixtures.assertExact(Json.asMap(cases.get(0)).get("values"), Torch.empty(25).bernoulli_(0.3), "float32");
        Torch.manualSeed(3);
        NnFixtures.assertExact(Json.asMap(cases.get(1)).get("values"), Torch.empty(DType.FLOAT64, 4, 5).bernoulli_(0.75), "float64");
    }

    @Test
    void dataLoaderShufflesMatchPyTorch() {
        for (Object o : Json.asList(fixture().get("loader"))) {
            Map<String, Object> c = Json.asMap(o);
            long seed = Json.asLong(c.get("seed"));
            Generator g = null;
            if ((Boolean) c.get("own_generator")) g = new Generator().manualSeed(seed);
            else Torch.manualSeed(seed);
            boolean shuffle = !c.get("name").equals("sequential");
            DataLoader loader = new DataLoader(new TensorDataset(Torch.arange(10)), (int) Json.asLong(c.get("batch")), shuffle, g,
                    (Boolean) c.get("drop_last"));
            List<Object> epochs = Json.asList(c.get("epochs"));
            for (int e = 0; e < epochs.size(); e++) {
                List<List<Long>> got = new ArrayList<>();
                for (List<Tensor> batch : loader) {
                    List<Long> ids = new ArrayList<>();
                    for (long v : batch.get(0).toLongArray()) ids.add(v);
                    got.add(ids);
                }
                List<List<Long>> expected = new ArrayList<>();
                for (Object b : Json.asList(epochs.get(e))) {
                    List<Long> ids = new ArrayList<>();
                    for (long v : Json.asLongArray(b)) ids.add(v);
                    expected.add(ids);
                }
                assertEquals(expected, got, c.get("name") + " epoch " + e);
            }
        }
    }
}
