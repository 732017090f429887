package dev.jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The worker loop without Spark: two ranks as threads of this JVM train in two rounds (state shipped as
 * checkpoint bytes between them, as the driver does) and end with the one-process reference's weights bit for bit.
 */
class ThreadedTrainingTest {
    static final int N = 96, B = 16, W = 2, STEPS = 14;

    @Test void twoThreadRanksMatchOneProcessBitForBit() throws Exception {
        for (Exchange kind : new Exchange[] {Exchange.ALL_GATHER, Exchange.RING}) {
            List<Toy.Example> data = Toy.dataset(N);
            Map<String, Tensor> expected = Toy.trainInOneProcess(false, data, B, W, true, 9, STEPS);
            StepPlan plan = new StepPlan(N, B, W, true, 9);
            Map<String, Object> start = new LinkedHashMap<>();
            start.put("model", Toy.initialModel(false).stateDict());
            byte[] state = StateBytes.write(start);
            for (long[] round : new long[][] {{0, 8}, {8, STEPS}}) {
                RoundSpec<Toy.Example> spec = new RoundSpec<>(() -> Toy.model(false), Toy::adam, Toy::loss, round[0], round[1], 9,
                        kind, Duration.ofSeconds(30));
                state = runRound(plan, spec, data, state);
            }
            @SuppressWarnings("unchecked")
            Map<String, Tensor> got = (Map<String, Tensor>) StateBytes.read(state).get("model");
            assertEquals(expected.keySet(), got.keySet());
            for (String k : expected.keySet()) assertArrayEquals(expected.get(k).toFloatArray(), got.get(k).toFloatArray(), kind + " " + k);
        }
    }

    private static byte[] runRound(StepPlan plan, RoundSpec<Toy.Example> spec, List<Toy.Example> data, byte[] state) throws Exception {
        List<Map<Long, List<Toy.Example>>> shards = new ArrayList<>();
        for (int r = 0; r < W; r++) shards.add(new HashMap<>());
        for (long step = spec.firstStep(); step < spec.endStep(); step++) {
            int epoch = plan.epochOf(step);
            int[] position = StepPlan.positions(plan.order(epoch));
            Toy.Example[][] slots = new Toy.Example[W][plan.shardSize()];
            for (Toy.Example e : data) {
                long[] place = plan.placement(epoch, position[e.index()]);
                if (place != null && place[0] == step) slots[(int) place[1]][(int) place[2]] = e;
            }
            for (int r = 0; r < W; r++) shards.get(r).put(step, List.of(slots[r]));
        }
        ThreadCoordinator.Group group = new ThreadCoordinator.Group(W);
        ExecutorService pool = Executors.newFixedThreadPool(W);
        try {
            List<Future<RoundOutput>> outs = new ArrayList<>();
            for (int r = 0; r < W; r++) {
                int rank = r;
                outs.add(pool.submit(() -> Worker.run(new ThreadCoordinator(group, rank), spec, state, shards.get(rank))));
            }
            byte[] next = null;
            for (Future<RoundOutput> f : outs) {
                RoundOutput o = f.get(120, TimeUnit.SECONDS);
                if (o.rank() == 0) next = o.state();
            }
            return next;
        } finally {
            pool.shutdownNow();
        }
    }
}
