package dev.jgrad.spark;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.optim.Optimizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rank's training loop for a round of steps, the same in every task: rebuild the model and optimizer from
 * the shipped state, then per step compute the shard's loss and gradients, divide them by the number of workers
 * (DistributedDataParallel's averaging), sum them over the ranks in rank order and take the optimizer step.
 * Before each step jgrad's default generator is seeded with {@code seed + step * W + rank}, so dropout masks
 * depend on the step and rank, not on which executor ran the task.
 */
final class Worker {
    private Worker() {}

    @SuppressWarnings("unchecked")
    static <T> RoundOutput run(Coordinator coordinator, RoundSpec<T> spec, byte[] stateBytes, Map<Long, List<T>> shards) {
        int rank = coordinator.rank(), workers = coordinator.size();
        Map<String, Object> state = StateBytes.read(stateBytes);
        Module model = spec.model().create();
        model.loadStateDict((Map<String, Tensor>) state.get("model"));
        model.train();
        List<Parameter> params = model.parameters();
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            if (e.getValue().dtype() != DType.FLOAT32) {
                throw new IllegalArgumentException("data-parallel training sums float32 gradients; parameter " + e.getKey()
                        + " is " + e.getValue().dtype());
            }
        }
        Optimizer optimizer = spec.optimizer().create(params);
        if (state.get("optimizer") != null) optimizer.loadStateDict((Map<String, Object>) state.get("optimizer"));
        int total = 0;
        for (Parameter p : params) total += Math.toIntExact(p.numel());
        int rounds = Math.toIntExact(spec.endStep() - spec.firstStep());
        double[] losses = new double[rounds];
        long[] compute = new long[rounds], exchangeTime = new long[rounds], update = new long[rounds];
        try (GradientExchange exchange = open(coordinator, spec)) {
            for (int i = 0; i < rounds; i++) {
                long step = spec.firstStep() + i;
                List<T> shard = shards.get(step);
                if (shard == null) throw new IllegalStateException("rank " + rank + " has no examples for step " + step);
                long t0 = System.nanoTime();
                Torch.manualSeed(spec.seed() + step * workers + rank);
                optimizer.zeroGrad();
                Tensor loss = spec.loss().compute(model, shard);
                loss.backward();
                losses[i] = loss.item();
                float[] flat = flatten(params, workers, total);
                long t1 = System.nanoTime();
                float[] sum = exchange.allReduce(flat);
                long t2 = System.nanoTime();
                unflatten(params, sum);
                optimizer.step();
                long t3 = System.nanoTime();
                compute[i] = t1 - t0;
                exchangeTime[i] = t2 - t1;
                update[i] = t3 - t2;
            }
        }
        byte[] out = null;
        if (rank == 0) {
            Map<String, Object> next = new LinkedHashMap<>();
            next.put("model", model.stateDict());
            next.put("optimizer", optimizer.stateDict());
            next.put("step", spec.endStep());
            out = StateBytes.write(next);
        }
        return new RoundOutput(rank, out, losses, compute, exchangeTime, update);
    }

    private static GradientExchange open(Coordinator coordinator, RoundSpec<?> spec) {
        return spec.exchange() == Exchange.RING ? RingExchange.open(coordinator, spec.timeout()) : new AllGatherExchange(coordinator);
    }

    /** Every parameter's gradient divided by W (zeros where a parameter got none), concatenated in parameters() order. */
    static float[] flatten(List<Parameter> params, int workers, int total) {
        float[] flat = new float[total];
        int at = 0;
        try (GradMode.Guard ignored = GradMode.setEnabled(false)) {
            for (Parameter p : params) {
                int n = Math.toIntExact(p.numel());
                Tensor g = p.grad();
                if (g != null) System.arraycopy(g.div(workers).toFloatArray(), 0, flat, at, n);
                at += n;
            }
        }
        return flat;
    }

    /** Sets each parameter's gradient to its slice of {@code sum}. */
    static void unflatten(List<Parameter> params, float[] sum) {
        int at = 0;
        for (Parameter p : params) {
            int n = Math.toIntExact(p.numel());
            float[] slice = new float[n];
            System.arraycopy(sum, at, slice, 0, n);
            p.setGrad(Torch.fromArray(slice, p.shape()));
            at += n;
        }
    }
}
