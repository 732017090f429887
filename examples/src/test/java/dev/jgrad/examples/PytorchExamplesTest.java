package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ports of pytorch/examples against their Python twins (tools/fixtures/examples/*.py, same seed, same
 * data order; fixtures/examples.json written by tools/fixtures/gen_examples.py): the first training losses
 * agree within rtol 1e-4 and the run prints what the twin prints.
 */
class PytorchExamplesTest {
    private static Map<String, Object> fixture;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (InputStream in = PytorchExamplesTest.class.getResourceAsStream("/fixtures/examples.json")) {
            assertNotNull(in, "fixtures/examples.json is missing: run /usr/bin/python3 tools/fixtures/gen_examples.py");
            fixture = (Map<String, Object>) new TourOutputTest.MiniJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)).parse();
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkLosses(String example, List<Double> losses) {
        Map<String, Object> f = (Map<String, Object>) fixture.get(example);
        List<Object> expected = (List<Object>) f.get("losses");
        assertTrue(losses.size() >= expected.size(), example + ": only " + losses.size() + " losses");
        for (int i = 0; i < expected.size(); i++) {
            double e = ((Number) expected.get(i)).doubleValue(), g = losses.get(i);
            assertEquals(e, g, 1e-4 * Math.abs(e), example + " loss " + (i + 1));
        }
    }

    /** One L-BFGS step (its 20 closure evaluations) on 200-long waves, float64. */
    @Test
    @SuppressWarnings("unchecked")
    void timeSequencePrediction() {
        Map<String, Object> f = (Map<String, Object>) fixture.get("time_sequence_prediction");
        List<String> lines = new ArrayList<>();
        List<Double> losses = TimeSequencePrediction.run(((Number) f.get("seed")).intValue(), 200, 50, lines::add);
        checkLosses("time_sequence_prediction", losses);
        assertEquals(((Number) f.get("steps")).intValue(), losses.size(), "closure evaluations");
        double expectedTest = Double.parseDouble(((String) ((List<Object>) f.get("lines")).get(lines.size() - 1)).substring("test loss: ".length()));
        double test = Double.parseDouble(lines.get(lines.size() - 1).substring("test loss: ".length()));
        assertEquals(expectedTest, test, 1e-4 * expectedTest, "test loss");
    }

    /** 40 episodes (the fixture's seed field holds the episode count; the example seeds 543 as the original). */
    @Test
    @SuppressWarnings("unchecked")
    void actorCritic() {
        Map<String, Object> f = (Map<String, Object>) fixture.get("actor_critic");
        List<String> lines = new ArrayList<>();
        List<Double> losses = ActorCritic.run(((Number) f.get("seed")).intValue(), lines::add);
        checkLosses("actor_critic", losses);
        assertEquals(f.get("lines"), lines);
    }

    @Test
    @SuppressWarnings("unchecked")
    void reinforce() {
        Map<String, Object> f = (Map<String, Object>) fixture.get("reinforce");
        List<String> lines = new ArrayList<>();
        List<Double> losses = Reinforce.run(((Number) f.get("seed")).intValue(), lines::add);
        checkLosses("reinforce", losses);
        assertEquals(f.get("lines"), lines);
    }

    @Test
    @SuppressWarnings("unchecked")
    void regression() {
        Map<String, Object> f = (Map<String, Object>) fixture.get("regression");
        List<String> lines = new ArrayList<>();
        List<Double> losses = Regression.run(((Number) f.get("seed")).longValue(), lines::add);
        checkLosses("regression", losses);
        // after hundreds of float32 steps the last loss may differ in its last printed digit; the functions may not
        assertEquals(((Number) f.get("steps")).intValue(), losses.size(), "batches until the loss is below 1e-3");
        double last = ((Number) f.get("final_loss")).doubleValue();
        assertEquals(last, losses.get(losses.size() - 1), 0.01 * last, "final loss");
        List<Object> expected = (List<Object>) f.get("lines");
        assertEquals(expected.subList(1, 3), lines.subList(1, 3));
    }
}
