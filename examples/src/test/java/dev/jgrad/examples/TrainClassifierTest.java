package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainClassifierTest {
    @Test
    void learnsTheSpirals() {
        long start = System.nanoTime();
        double accuracy = TrainClassifier.train(60, 0, false);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(accuracy >= 0.97, "accuracy " + accuracy);
        assertTrue(seconds < 60, "took " + seconds + " s");
    }

    @Test
    void anotherSeedAlsoWorks() {
        assertTrue(TrainClassifier.train(60, 7, false) >= 0.95);
    }

    @Test
    void aRunStoppedAndResumedFromItsCheckpointEndsWithTheUninterruptedRunsWeights(@TempDir Path dir) {
        Path straight = dir.resolve("straight.pt"), interrupted = dir.resolve("interrupted.pt");
        double uninterrupted = TrainClassifier.train(6, 0, false, straight, 6);
        TrainClassifier.train(6, 0, false, interrupted, 3);
        assertEquals(3L, ((Map<?, ?>) Torch.load(interrupted)).get("epoch"));
        double resumed = TrainClassifier.train(6, 0, false, interrupted, 6);
        assertEquals(uninterrupted, resumed);
        Map<?, ?> a = (Map<?, ?>) ((Map<?, ?>) Torch.load(straight)).get("model");
        Map<?, ?> b = (Map<?, ?>) ((Map<?, ?>) Torch.load(interrupted)).get("model");
        assertEquals(a.keySet(), b.keySet());
        for (Object k : a.keySet()) assertTrue(((Tensor) a.get(k)).equal((Tensor) b.get(k)), k + " differs after resuming");
    }

    @Test
    void logsEachEpochToTensorBoard(@TempDir Path dir) throws java.io.IOException {
        try (var writer = new dev.jgrad.utils.tensorboard.SummaryWriter(dir)) {
            TrainClassifier.train(3, 0, false, null, 3, writer);
            byte[] file = java.nio.file.Files.readAllBytes(writer.file());
            String text = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            for (String tag : new String[] {"Loss/train", "Accuracy/train", "lr", "0.weight"}) {
                int count = 0;
                for (int i = text.indexOf(tag); i >= 0; i = text.indexOf(tag, i + 1)) count++;
                assertEquals(3, count, tag + ": one event per epoch");
            }
        }
    }
}
