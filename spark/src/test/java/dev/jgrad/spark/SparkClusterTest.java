package dev.jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Module;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on a real Spark cluster of two executor JVMs ({@code local-cluster[2,1,1024]}) ends with the weights of
 * one process training on the same global batches bit for bit, through either exchange, after a task failure
 * that Spark retries, and after a failed job resumed from its checkpoint. Run with {@code -Pspark-cluster}.
 */
@Tag("spark-cluster")
class SparkClusterTest {
    static final int N = 200, B = 16, W = 2;
    static JavaSparkContext sc;
    static List<Toy.Example> data;

    @BeforeAll static void startCluster() throws Exception {
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        SparkConf conf = new SparkConf().setAppName("jgrad-spark-test").setMaster("local-cluster[2,1,1024]")
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.executor.memory", "768m")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                .set("spark.barrier.sync.timeout", "30s")
                .set("spark.stage.maxConsecutiveAttempts", "2");   // one rerun is all the tests need; a failing job fails sooner
        sc = new JavaSparkContext(conf);
        data = Toy.dataset(N);
    }

    @AfterAll static void stopCluster() {
        if (sc != null) sc.stop();
    }

    static JavaRDD<Toy.Example> rdd() { return sc.parallelize(data, 3); }   // 3 input partitions, 2 workers

    static SparkDataParallel<Toy.Example> ddp(Module model, ShardLoss<Toy.Example> loss, Exchange exchange) {
        return new SparkDataParallel<>(model, () -> Toy.model(true), Toy::adam, loss)
                .globalBatchSize(B).workers(W).shuffle(true, 9).exchange(exchange).timeout(Duration.ofSeconds(60));
    }

    static void assertSameBits(Map<String, Tensor> expected, Map<String, Tensor> got) {
        assertEquals(expected.keySet(), got.keySet());
        for (String k : expected.keySet()) assertArrayEquals(expected.get(k).toFloatArray(), got.get(k).toFloatArray(), k);
    }

    @Test void bothExchangesMatchOneProcessBitForBit() {
        Map<String, Tensor> expected = Toy.trainInOneProcess(true, data, B, W, true, 9, 30);   // 12 steps per epoch
        for (Exchange exchange : new Exchange[] {Exchange.ALL_GATHER, Exchange.RING}) {
            Module model = Toy.initialModel(true);
            TrainingResult result = ddp(model, Toy::loss, exchange).stepsPerStage(16).fit(rdd(), 30);   // two stages
            assertSameBits(expected, result.modelState());
            assertSameBits(expected, model.stateDict());
            assertEquals(30, result.losses().length);
        }
    }

    /** A DataFrame of (index, x array<float>, y long) rows trains to the same bits as the objects it holds. */
    @Test void aDataFrameOfRowsTrainsLikeItsObjects() {
        SparkSession spark = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
        StructType schema = new StructType().add("index", DataTypes.IntegerType)
                .add("x", DataTypes.createArrayType(DataTypes.FloatType)).add("y", DataTypes.LongType);
        List<Row> rows = new ArrayList<>();
        for (Toy.Example e : data) {
            rows.add(RowFactory.create(e.index(), List.of(e.x()[0], e.x()[1], e.x()[2], e.x()[3]), e.y()));
        }
        Dataset<Row> frame = spark.createDataFrame(rows, schema).repartition(3);
        Map<String, Tensor> expected = Toy.trainInOneProcess(true, data, B, W, true, 9, 12);
        TrainingResult result = new SparkDataParallel<Row>(Toy.initialModel(true), () -> Toy.model(true), Toy::adam,
                SparkClusterTest::rowLoss).globalBatchSize(B).workers(W).shuffle(true, 9).fit(frame.orderBy("index"), 12);
        assertSameBits(expected, result.modelState());
    }

    static Tensor rowLoss(Module model, List<Row> shard) {
        List<Toy.Example> examples = new ArrayList<>();
        for (Row r : shard) {
            List<Float> x = r.getList(1);
            examples.add(new Toy.Example(r.getInt(0), new float[] {x.get(0), x.get(1), x.get(2), x.get(3)}, r.getLong(2)));
        }
        return Toy.loss(model, examples);
    }

    /** Rank 1 throws at its third step on the stage's first attempt: Spark reruns the stage from its starting state. */
    static final class FailsOnce implements ShardLoss<Toy.Example> {
        private int calls;

        @Override public Tensor compute(Module model, List<Toy.Example> shard) {
            TaskContext task = TaskContext.get();
            if (task.stageAttemptNumber() == 0 && task.partitionId() == 1 && ++calls == 3) {
                throw new IllegalStateException("injected failure in worker 1, step 3");
            }
            return Toy.loss(model, shard);
        }
    }

    @Test void aTaskThatThrowsMidStepIsRetriedFromTheLastState() {
        Map<String, Tensor> expected = Toy.trainInOneProcess(true, data, B, W, true, 9, 10);
        for (Exchange exchange : new Exchange[] {Exchange.ALL_GATHER, Exchange.RING}) {
            TrainingResult result = ddp(Toy.initialModel(true), new FailsOnce(), exchange).fit(rdd(), 10);
            assertSameBits(expected, result.modelState());
        }
    }

    /** Fails every attempt at the step that uses example 100 (step 6 without shuffling): the job fails. */
    static Tensor failsAtExample100(Module model, List<Toy.Example> shard) {
        for (Toy.Example e : shard) if (e.index() == 100) throw new IllegalStateException("injected failure at example 100");
        return Toy.loss(model, shard);
    }

    @Test void aFailedJobResumesFromItsCheckpoint(@TempDir Path dir) {
        Path checkpoint = dir.resolve("run.pt");
        Map<String, Tensor> expected = Toy.trainInOneProcess(true, data, B, W, false, 9, 10);
        Exception failure = assertThrows(Exception.class, () -> ddp(Toy.initialModel(true), SparkClusterTest::failsAtExample100, Exchange.RING)
                .shuffle(false, 9).checkpoint(checkpoint, 4).fit(rdd(), 10));
        // Spark reports the stage's most recent task failure: the injected one, or, when its ring neighbour's comes last,
        // that neighbour losing the failed rank
        String message = String.valueOf(failure.getMessage());
        assertTrue(message.contains("injected failure at example 100") || message.contains("lost a neighbour"), failure.toString());
        assertTrue(Files.exists(checkpoint));
        TrainingResult resumed = ddp(Toy.initialModel(true), Toy::loss, Exchange.RING).shuffle(false, 9).checkpoint(checkpoint, 4).fit(rdd(), 10);
        assertEquals(4, resumed.firstStep(), "steps 0-3 were checkpointed; the stage of steps 4-7 failed");
        assertSameBits(expected, resumed.modelState());
    }
}
