package dev.jgrad.spark;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Module;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import scala.reflect.ClassTag$;

/**
 * Data-parallel training on Spark, PyTorch's DistributedDataParallel for a Spark cluster: every worker holds the
 * model, computes gradients on its shard of each global batch, the gradients are summed over the workers (in
 * rank order, so every worker holds the same bits) and every worker takes the same optimizer step. The result
 * is bit for bit one process adding the shards' gradients in that order.
 *
 * <pre>{@code
 * SparkDataParallel<Example> ddp = new SparkDataParallel<>(model, MyNet::new, p -> new SGD(p, 0.1),
 *         (m, shard) -> F.crossEntropy(m.forward(inputs(shard)), targets(shard)))
 *         .globalBatchSize(64).workers(4).checkpoint(Path.of("/shared/run.pt"), 50);
 * TrainingResult result = ddp.fit(examples, 1000);   // model now holds the trained weights
 * }</pre>
 *
 * Each round of steps (all of them, or {@code checkpoint}'s k) is one Spark barrier stage of {@code workers}
 * tasks: the examples are routed to the rank that uses them ({@link StepPlan}: DistributedSampler's order), the
 * state goes out as a broadcast checkpoint and comes back from rank 0. A task that fails fails the whole stage,
 * and Spark reruns it from the round's starting state; a job that fails resumes from the checkpoint file.
 *
 * @param <T> the type of one example (any serialisable value, e.g. a {@code Row})
 */
public final class SparkDataParallel<T> {
    private final Module model;
    private final ModelFactory factory;
    private final OptimizerFactory optimizer;
    private final ShardLoss<T> loss;
    private int globalBatch = 64, workers = 2;
    private boolean shuffle = true;
    private long seed = 0;
    private Exchange exchange = Exchange.RING;
    private Path checkpoint;
    private long roundSteps = Long.MAX_VALUE;
    private Duration timeout = Duration.ofMinutes(10);

    /**
     * Wraps {@code model} (its weights are the starting point and receive the trained ones); {@code factory} builds
     * the same architecture on the workers, {@code optimizer} the optimizer there, {@code loss} a shard's loss.
     */
    public SparkDataParallel(Module model, ModelFactory factory, OptimizerFactory optimizer, ShardLoss<T> loss) {
        this.model = model;
        this.factory = factory;
        this.optimizer = optimizer;
        this.loss = loss;
    }

    /** The global batch size B (default 64), split in equal shards of B / W. */
    public SparkDataParallel<T> globalBatchSize(int size) { globalBatch = size; return this; }

    /** The number of workers W, one barrier task each (default 2); the cluster needs W free task slots. */
    public SparkDataParallel<T> workers(int count) { workers = count; return this; }

    /** Shuffle each epoch with {@code randperm(N)} from a generator seeded {@code seed + epoch} (the default, seed 0), or not. */
    public SparkDataParallel<T> shuffle(boolean on, long seed) { shuffle = on; this.seed = seed; return this; }

    /** How gradients are summed (default {@link Exchange#RING}). */
    public SparkDataParallel<T> exchange(Exchange kind) { exchange = kind; return this; }

    /** The longest a worker waits for a peer's gradients or connection (default 10 minutes). */
    public SparkDataParallel<T> timeout(Duration limit) { timeout = limit; return this; }

    /** Runs {@code k} steps per Spark stage (default all): the unit a failure reruns. */
    public SparkDataParallel<T> stepsPerStage(long k) {
        if (k < 1) throw new IllegalArgumentException("steps per stage must be positive, got " + k);
        roundSteps = k;
        return this;
    }

    /**
     * Saves {@code {"model", "optimizer", "step"}} to {@code file} (a PyTorch checkpoint, on storage the driver
     * keeps) every {@code k} steps, and resumes from it when it exists. Sets the steps per stage to k.
     */
    public SparkDataParallel<T> checkpoint(Path file, long k) {
        stepsPerStage(k);
        checkpoint = file;
        return this;
    }

    /** {@link #fit(JavaRDD, long)} on a Dataset's rows (or typed objects). */
    public TrainingResult fit(Dataset<T> data, long steps) { return fit(data.javaRDD(), steps); }

    /** Trains until global step {@code steps} (from the checkpoint's step when one exists) and returns the result. */
    @SuppressWarnings("unchecked")
    public TrainingResult fit(JavaRDD<T> data, long steps) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(data.context());
        JavaPairRDD<Long, T> indexed = data.zipWithIndex().mapToPair(Tuple2::swap).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            StepPlan plan = new StepPlan(indexed.count(), globalBatch, workers, shuffle, seed);
            Map<String, Object> state = new LinkedHashMap<>();
            long step = 0;
            if (checkpoint != null && Files.exists(checkpoint)) {
                state = (Map<String, Object>) Torch.load(checkpoint);
                step = ((Number) state.get("step")).longValue();
            } else {
                state.put("model", model.stateDict());
                state.put("step", 0L);
            }
            long firstStep = step;
            byte[] stateBytes = StateBytes.write(state);
            List<double[]> losses = new ArrayList<>(), compute = new ArrayList<>(), exchanged = new ArrayList<>(), update = new ArrayList<>();
            while (step < steps) {
                long end = Math.min(steps, step + Math.min(roundSteps, steps - step));
                RoundSpec<T> spec = new RoundSpec<>(factory, optimizer, loss, step, end, seed, exchange, timeout);
                List<RoundOutput> outputs = runRound(sc, indexed, plan, spec, stateBytes);
                RoundOutput first = outputs.stream().filter(o -> o.rank() == 0).findFirst().orElseThrow();
                stateBytes = first.state();
                collectStats(outputs, first, losses, compute, exchanged, update);
                step = end;
                if (checkpoint != null) Files.write(checkpoint, stateBytes);
            }
            Map<String, Object> finalState = StateBytes.read(stateBytes);
            LinkedHashMap<String, Tensor> modelState = new LinkedHashMap<>((Map<String, Tensor>) finalState.get("model"));
            model.loadStateDict(modelState);
            return new TrainingResult(modelState, (Map<String, Object>) finalState.get("optimizer"), firstStep,
                    concat(losses), concat(compute), concat(exchanged), concat(update));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not write the checkpoint " + checkpoint, e);
        } finally {
            indexed.unpersist(false);
        }
    }

    private List<RoundOutput> runRound(JavaSparkContext sc, JavaPairRDD<Long, T> indexed, StepPlan plan, RoundSpec<T> spec, byte[] state) {
        int firstEpoch = plan.epochOf(spec.firstStep()), lastEpoch = plan.epochOf(spec.endStep() - 1);
        int[][] positions = new int[lastEpoch - firstEpoch + 1][];
        for (int e = firstEpoch; e <= lastEpoch; e++) positions[e - firstEpoch] = StepPlan.positions(plan.order(e));
        Broadcast<int[][]> where = sc.broadcast(positions);
        Broadcast<byte[]> stateShipped = sc.broadcast(state);
        long from = spec.firstStep(), to = spec.endStep();
        try {
            JavaPairRDD<Integer, Placed<T>> routed = indexed.flatMapToPair(row -> {
                List<Tuple2<Integer, Placed<T>>> uses = new ArrayList<>();
                int[][] pos = where.value();
                for (int e = 0; e < pos.length; e++) {
                    long[] place = plan.placement(firstEpoch + e, pos[e][Math.toIntExact(row._1())]);
                    if (place != null && place[0] >= from && place[0] < to) {
                        uses.add(new Tuple2<>((int) place[1], new Placed<>(place[0], (int) place[2], row._2())));
                    }
                }
                return uses.iterator();
            }).partitionBy(new HashPartitioner(plan.workers()));
            // Spark reruns a failed barrier stage only when it is a shuffle-map stage (a failed barrier result stage
            // aborts the job), so the outputs go through a one-partition shuffle before they are collected
            RDD<RoundOutput> trained = routed.rdd().barrier()
                    .mapPartitions(new RoundTask<>(spec, stateShipped), false, ClassTag$.MODULE$.apply(RoundOutput.class));
            return new JavaRDD<>(trained, ClassTag$.MODULE$.apply(RoundOutput.class)).repartition(1).collect();
        } finally {
            where.destroy();
            stateShipped.destroy();
        }
    }

    private static void collectStats(List<RoundOutput> outputs, RoundOutput first, List<double[]> losses,
                                     List<double[]> compute, List<double[]> exchanged, List<double[]> update) {
        int n = first.losses().length, w = outputs.size();
        double[] mean = new double[n];
        RoundOutput[] byRank = new RoundOutput[w];
        for (RoundOutput o : outputs) byRank[o.rank()] = o;
        for (RoundOutput o : byRank) for (int i = 0; i < n; i++) mean[i] += o.losses()[i];
        for (int i = 0; i < n; i++) mean[i] /= w;
        losses.add(mean);
        compute.add(millis(first.computeNanos()));
        exchanged.add(millis(first.exchangeNanos()));
        update.add(millis(first.updateNanos()));
    }

    private static double[] millis(long[] nanos) {
        double[] ms = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) ms[i] = nanos[i] / 1e6;
        return ms;
    }

    private static double[] concat(List<double[]> parts) {
        int n = 0;
        for (double[] p : parts) n += p.length;
        double[] all = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
