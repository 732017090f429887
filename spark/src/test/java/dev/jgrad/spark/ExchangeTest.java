package dev.jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Both exchanges sum in rank order, bit for bit a plain loop's sum, across chunk boundaries; a lost peer fails, never hangs. */
class ExchangeTest {
    static final int W = 3, N = 150_001;   // more than two of the ring's 65536-float chunks

    static float[][] gradients() {
        SplittableRandom random = new SplittableRandom(11);
        float[][] g = new float[W][N];
        for (float[] row : g) for (int i = 0; i < N; i++) row[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-4, 5)));
        return g;
    }

    static float[] rankOrderSum(float[][] g) {
        float[] sum = g[0].clone();
        for (int r = 1; r < g.length; r++) for (int i = 0; i < N; i++) sum[i] = sum[i] + g[r][i];
        return sum;
    }

    static List<Future<float[]>> runAll(Function<Coordinator, GradientExchange> open, float[][] g, ExecutorService pool) {
        ThreadCoordinator.Group group = new ThreadCoordinator.Group(W);
        List<Future<float[]>> results = new ArrayList<>();
        for (int r = 0; r < W; r++) {
            int rank = r;
            results.add(pool.submit(() -> {
                try (GradientExchange exchange = open.apply(new ThreadCoordinator(group, rank))) {
                    return exchange.allReduce(g[rank]);
                }
            }));
        }
        return results;
    }

    @Test void theOrderOfTheSumMattersForTheseInputs() {
        float[][] g = gradients();
        float[] reversed = g[W - 1].clone();
        for (int r = W - 2; r >= 0; r--) for (int i = 0; i < N; i++) reversed[i] = reversed[i] + g[r][i];
        assertFalse(Arrays.equals(rankOrderSum(g), reversed), "the inputs must be able to tell a wrong order apart");
    }

    @Test void allGatherAndRingGiveTheRankOrderSumOnEveryRank() throws Exception {
        float[][] g = gradients();
        float[] expected = rankOrderSum(g);
        ExecutorService pool = Executors.newFixedThreadPool(W);
        try {
            for (Function<Coordinator, GradientExchange> open : List.<Function<Coordinator, GradientExchange>>of(
                    AllGatherExchange::new, c -> RingExchange.open(c, Duration.ofSeconds(20)))) {
                for (Future<float[]> f : runAll(open, g, pool)) assertArrayEquals(expected, f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test void aRingPeerThatDiesFailsTheOthersPromptly() throws Exception {
        float[][] g = gradients();
        ThreadCoordinator.Group group = new ThreadCoordinator.Group(W);
        ExecutorService pool = Executors.newFixedThreadPool(W);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int r = 0; r < W; r++) {
                int rank = r;
                results.add(pool.submit(() -> {
                    try (GradientExchange exchange = RingExchange.open(new ThreadCoordinator(group, rank), Duration.ofSeconds(60))) {
                        if (rank == 1) throw new IllegalStateException("worker 1 fails mid-step");
                        return exchange.allReduce(g[rank]);
                    }
                }));
            }
            long start = System.nanoTime();
            for (Future<float[]> f : results) {
                Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> f.get(30, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof RuntimeException, e.toString());
            }
            // far below the 60 s timeout: the closed sockets, not the timeout, end the waits
            assertTrue(System.nanoTime() - start < 20_000_000_000L);
        } finally {
            pool.shutdownNow();
        }
    }
}
