package dev.jgrad.spark.examples;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.spark.Exchange;
import dev.jgrad.spark.SparkDataParallel;
import dev.jgrad.spark.TrainingResult;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The tour's classifier (TrainClassifier: a 2-64-64-3 MLP on three interleaved spirals, Adam, global batch 64)
 * trained data-parallel on Spark, against the same steps in one process:
 *
 * <pre>{@code ./jgrad mvn -q -pl spark -am -DskipTests package exec:exec -Dspark.example.args="2 60"}</pre>
 *
 * Arguments: workers (default 2), steps (default 60), the Spark master (default {@code local-cluster[W,1,1024]}:
 * W executor JVMs of one core on this machine; needs {@code SPARK_HOME} with an empty {@code jars/} folder, which
 * the exec configuration sets). It prints the examples per second of each, and rank 0's median per-step
 * forward+backward, gradient exchange and optimizer times for both exchanges.
 */
public final class SparkTrainClassifier {
    private SparkTrainClassifier() {}

    static final int CLASSES = 3, PER_CLASS = 300, BATCH = 64;

    /** A point of a spiral arm and its class. */
    record Point(float x0, float x1, long label) implements Serializable {}

    /** TrainClassifier's data: three spiral arms with noise on the angle. */
    static List<Point> spirals(long seed) {
        Torch.manualSeed(seed);
        List<Point> points = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            float[] jitter = Torch.randn(PER_CLASS).mul(0.2).toFloatArray();
            for (int i = 0; i < PER_CLASS; i++) {
                double r = (double) i / (PER_CLASS - 1), t = c * 4.0 + 4.0 * r + jitter[i];
                points.add(new Point((float) (r * Math.sin(t)), (float) (r * Math.cos(t)), c));
            }
        }
        return points;
    }

    static Module model() {
        return new Sequential(new Linear(2, 64), new ReLU(), new Linear(64, 64), new ReLU(), new Linear(64, CLASSES));
    }

    static Optimizer adam(List<dev.jgrad.nn.Parameter> params) { return new Adam(params, 0.01); }

    static Tensor loss(Module model, List<Point> batch) {
        int b = batch.size();
        float[] x = new float[2 * b];
        long[] y = new long[b];
        for (int i = 0; i < b; i++) {
            x[2 * i] = batch.get(i).x0();
            x[2 * i + 1] = batch.get(i).x1();
            y[i] = batch.get(i).label();
        }
        return F.crossEntropy(model.forward(Torch.fromArray(x, b, 2)), Torch.fromArray(y, b));
    }

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String master = args.length > 2 ? args[2] : "local-cluster[" + workers + ",1,1024]";
        List<Point> data = spirals(0);

        // one process: the same number of steps of global batch 64, in order, timed after 300 warm-up steps
        Torch.manualSeed(1);
        Module single = model();
        Optimizer opt = adam(single.parameters());
        for (int s = 0; s < 300; s++) step(single, opt, data, s);
        long t0 = System.nanoTime();
        for (int s = 0; s < steps; s++) step(single, opt, data, s);
        double singleSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("one process: %d steps of %d in %.2f s, %.0f examples/s%n", steps, BATCH, singleSeconds, steps * BATCH / singleSeconds);

        if (master.startsWith("local-cluster") && System.getenv("SPARK_HOME") != null) {
            Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        }
        SparkConf conf = new SparkConf().setAppName("jgrad SparkTrainClassifier").setMaster(master)
                .setIfMissing("spark.executor.memory", "768m").set("spark.ui.enabled", "false");
        if (master.startsWith("local")) {
            conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path")).set("spark.driver.host", "127.0.0.1");
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            JavaRDD<Point> rdd = sc.parallelize(data, workers).cache();
            rdd.count();
            for (Exchange exchange : new Exchange[] {Exchange.ALL_GATHER, Exchange.RING}) {
                // a short warm-up run: executors load classes and JIT-compile jgrad's kernels
                Torch.manualSeed(1);
                new SparkDataParallel<Point>(model(), SparkTrainClassifier::model, SparkTrainClassifier::adam, SparkTrainClassifier::loss)
                        .globalBatchSize(BATCH).workers(workers).exchange(exchange).fit(rdd, Math.min(steps, 20));
                Torch.manualSeed(1);
                Module model = model();
                long t1 = System.nanoTime();
                TrainingResult r = new SparkDataParallel<Point>(model, SparkTrainClassifier::model, SparkTrainClassifier::adam,
                        SparkTrainClassifier::loss).globalBatchSize(BATCH).workers(workers).exchange(exchange).fit(rdd, steps);
                double seconds = (System.nanoTime() - t1) / 1e9;
                System.out.printf("spark, %d workers, %s: %d steps in %.2f s (whole job: scheduling, routing the data, shipping state), "
                                + "%.0f examples/s; per step (rank 0, median ms): forward+backward %.3f, exchange %.3f, optimizer %.3f; "
                                + "final loss %.4f%n", workers, exchange, steps, seconds, steps * BATCH / seconds,
                        median(r.computeMillis()), median(r.exchangeMillis()), median(r.updateMillis()), r.losses()[steps - 1]);
            }
        }
    }

    private static void step(Module model, Optimizer optimizer, List<Point> data, int s) {
        int perEpoch = data.size() / BATCH, from = (s % perEpoch) * BATCH;
        optimizer.zeroGrad();
        loss(model, data.subList(from, from + BATCH)).backward();
        optimizer.step();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
