package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
}
