package dev.jgrad.utils.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.testutil.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * random_split, Subset, ConcatDataset and the DataLoader's batches against PyTorch 1.13 (fixtures/data_utils.json
 * from tools/fixtures/gen_data.py), and the background loading's guarantees: the batches of numWorkers = 0,
 * worker exceptions in the caller, no threads left behind.
 */
class DataUtilsTest {
    private static final Map<String, Object> FIXTURE = Json.asMap(Json.resource("fixtures/data_utils.json"));

    /** range(n) as a dataset. */
    static Dataset<Integer> range(int n) {
        return new Dataset<>() {
            @Override public Integer get(int i) {
                if (i < 0 || i >= n) throw new IndexOutOfBoundsException("range object index out of range");
                return i;
            }

            @Override public int size() { return n; }
        };
    }

    private static List<List<Long>> indicesOf(List<? extends Subset<?>> parts) {
        List<List<Long>> out = new ArrayList<>();
        for (Subset<?> p : parts) {
            List<Long> l = new ArrayList<>();
            for (int i : p.indices()) l.add((long) i);
            out.add(l);
        }
        return out;
    }

    private static List<List<Long>> expected(Object o) {
        List<List<Long>> out = new ArrayList<>();
        for (Object part : Json.asList(o)) {
            List<Long> l = new ArrayList<>();
            for (long v : Json.asLongArray(part)) l.add(v);
            out.add(l);
        }
        return out;
    }

    @Test
    void randomSplitAsPyTorch() {
        for (Object o : Json.asList(FIXTURE.get("splits"))) {
            Map<String, Object> c = Json.asMap(o);
            int n = (int) Json.asLong(c.get("n"));
            List<Object> lengths = Json.asList(c.get("lengths"));
            Generator g = new Generator(Json.asLong(c.get("seed")));
            boolean whole = lengths.stream().allMatch(l -> ((Json.Num) l).text().matches("\\d+"));
            List<Subset<Integer>> parts = whole
                    ? Data.randomSplit(range(n), Json.asLongArray(c.get("lengths")), g)
                    : Data.randomSplit(range(n), Json.asDoubleArray(c.get("lengths")), g);
            assertEquals(expected(c.get("indices")), indicesOf(parts), c.toString());
            // Subset.get reads through to the dataset
            List<List<Long>> values = new ArrayList<>();
            for (Subset<Integer> p : parts) {
                List<Long> l = new ArrayList<>();
                for (int i = 0; i < p.size(); i++) l.add((long) p.get(i));
                values.add(l);
            }
            assertEquals(expected(c.get("values")), values);
        }
    }

    @Test
    void randomSplitDrawsFromTheDefaultGenerator() {
        Map<String, Object> c = Json.asMap(FIXTURE.get("default_generator"));
        Torch.manualSeed(Json.asLong(c.get("seed")));
        var parts = Data.randomSplit(range(12), Json.asDoubleArray(c.get("lengths")), null);
        assertEquals(expected(c.get("indices")), indicesOf(parts));
        double[] want = Json.asDoubleArray(c.get("rand_after"));
        float[] got = Torch.rand(3).toFloatArray();
        for (int i = 0; i < 3; i++) assertEquals((float) want[i], got[i], "the default generator advanced as PyTorch's");
    }

    @Test
    void errorsAsPyTorch() {
        Map<String, Object> e = Json.asMap(FIXTURE.get("errors"));
        assertEquals(e.get("sum"), assertThrows(IllegalArgumentException.class,
                () -> Data.randomSplit(range(10), new long[] {3, 3}, null)).getMessage());
        assertEquals(e.get("fraction"), assertThrows(IllegalArgumentException.class,
                () -> Data.randomSplit(range(10), new double[] {1.5, -0.5}, null)).getMessage());
        assertEquals(e.get("concat_empty"), assertThrows(IllegalArgumentException.class, () -> new ConcatDataset<>(List.of())).getMessage());
        var concat = new ConcatDataset<>(new TensorDataset(Torch.arange(0, 5)), new TensorDataset(Torch.arange(100, 103)));
        assertEquals(e.get("concat_index"), assertThrows(IllegalArgumentException.class, () -> concat.get(-9)).getMessage());
        assertEquals(e.get("num_workers"), assertThrows(IllegalArgumentException.class,
                () -> new DataLoader(concat, DataLoader.options().batchSize(2).numWorkers(-1))).getMessage());
        assertEquals(e.get("prefetch_factor"), assertThrows(IllegalArgumentException.class,
                () -> new DataLoader(concat, DataLoader.options().batchSize(2).prefetchFactor(3))).getMessage());
    }

    @Test
    void concatDatasetIndexing() {
        Map<String, Object> c = Json.asMap(FIXTURE.get("concat"));
        var concat = new ConcatDataset<>(new TensorDataset(Torch.arange(0, 5)), new TensorDataset(Torch.arange(100, 103)));
        assertArrayEquals(new int[] {5, 8}, concat.cumulativeSizes());
        assertEquals(8, concat.size());
        for (Map.Entry<String, Object> item : Json.asMap(c.get("items")).entrySet()) {
            assertEquals(Json.asLong(item.getValue()), concat.get(Integer.parseInt(item.getKey())).get(0).itemLong(), "concat[" + item.getKey() + "]");
        }
    }

    private static List<List<Long>> batchesOf(Iterable<List<Tensor>> loader, int field) {
        List<List<Long>> out = new ArrayList<>();
        for (List<Tensor> b : loader) {
            List<Long> l = new ArrayList<>();
            for (long v : b.get(field).toLongArray()) l.add(v);
            out.add(l);
        }
        return out;
    }

    @Test
    void shuffledConcatBatchesWithAndWithoutWorkers() {
        List<Object> epochs = Json.asList(FIXTURE.get("concat_loader_epochs"));
        for (int workers : new int[] {0, 1, 3}) {
            var concat = new ConcatDataset<>(new TensorDataset(Torch.arange(0, 5)), new TensorDataset(Torch.arange(100, 103)));
            var loader = new DataLoader(concat, DataLoader.options().batchSize(3).shuffle(true).generator(new Generator(3)).dropLast(true)
                    .numWorkers(workers));
            assertEquals(2, loader.size());
            for (Object epoch : epochs) assertEquals(expected(epoch), batchesOf(loader, 0), "numWorkers=" + workers);
        }
    }

    @Test
    void subsetBatches() {
        List<Object> want = Json.asList(FIXTURE.get("subset_batches"));
        var sub = new Subset<>(new TensorDataset(Torch.arange(20).mul(10), Torch.arange(20)), 19, 3, 7, 0, 12, 5);
        var loader = new DataLoader(sub, 4, true, new Generator(11), false);
        int b = 0;
        for (List<Tensor> batch : loader) {
            List<Object> fields = Json.asList(want.get(b++));
            assertArrayEquals(Json.asLongArray(fields.get(0)), batch.get(0).toLongArray());
            assertArrayEquals(Json.asLongArray(fields.get(1)), batch.get(1).toLongArray());
        }
        assertEquals(want.size(), b);
    }

    /** A record dataset with a collate of one's own: batches of any type. */
    record Review(String text, int label) {}

    record ReviewBatch(List<String> texts, Tensor labels) {}

    static ReviewBatch collateReviews(List<Review> batch) {
        long[] labels = batch.stream().mapToLong(Review::label).toArray();
        return new ReviewBatch(batch.stream().map(Review::text).toList(), Torch.fromArray(labels, labels.length));
    }

    @Test
    void recordsWithACollateOfOnesOwn() {
        List<Review> reviews = List.of(new Review("good", 1), new Review("bad", 0), new Review("fine", 1), new Review("awful", 0),
                new Review("great", 1));
        Dataset<Review> ds = new Dataset<>() {
            @Override public Review get(int i) { return reviews.get(i); }

            @Override public int size() { return reviews.size(); }
        };
        for (int workers : new int[] {0, 2}) {
            var loader = new BatchLoader<>(ds, DataUtilsTest::collateReviews, DataLoader.options().batchSize(2).numWorkers(workers));
            List<ReviewBatch> batches = new ArrayList<>();
            for (ReviewBatch b : loader) batches.add(b);
            assertEquals(3, batches.size());
            assertEquals(List.of("good", "bad"), batches.get(0).texts());
            assertEquals(List.of("great"), batches.get(2).texts());
            assertArrayEquals(new long[] {1, 0}, batches.get(1).labels().toLongArray());
            var dropLast = new BatchLoader<>(ds, DataUtilsTest::collateReviews, DataLoader.options().batchSize(2).dropLast(true).numWorkers(workers));
            int n = 0;
            for (ReviewBatch b : dropLast) n += b.texts().size();
            assertEquals(4, n, "drop_last leaves out the short batch");
            assertEquals(2, dropLast.size());
        }
    }

    @Test
    void workersGiveTheSameBatchesAsTheCallersThread() {
        Tensor x = Torch.randn(103, 4), y = Torch.arange(103);
        Dataset<List<Tensor>> slow = new Dataset<>() {  // not a TensorDataset: samples are stacked by the collate
            @Override public List<Tensor> get(int i) { return List.of(x.get(i), y.get(i)); }

            @Override public int size() { return 103; }
        };
        List<List<Tensor>> serial = new ArrayList<>(), parallel = new ArrayList<>();
        new DataLoader(slow, DataLoader.options().batchSize(10).shuffle(true).generator(new Generator(5))).forEach(serial::add);
        new DataLoader(slow, DataLoader.options().batchSize(10).shuffle(true).generator(new Generator(5)).numWorkers(4).prefetchFactor(3))
                .forEach(parallel::add);
        assertEquals(serial.size(), parallel.size());
        for (int i = 0; i < serial.size(); i++) {
            assertTrue(serial.get(i).get(0).equal(parallel.get(i).get(0)), "batch " + i);
            assertTrue(serial.get(i).get(1).equal(parallel.get(i).get(1)), "batch " + i);
        }
        assertEquals(0, workerThreadsAfterJoining(), "threads end with the epoch");
    }

    @Test
    void workerExceptionReachesTheCaller() {
        IllegalStateException boom = new IllegalStateException("sample 7 is corrupt");
        Dataset<Integer> bad = new Dataset<>() {
            @Override public Integer get(int i) {
                if (i == 7) throw boom;
                return i;
            }

            @Override public int size() { return 20; }
        };
        var loader = new BatchLoader<>(bad, List::copyOf, DataLoader.options().batchSize(3).numWorkers(2));
        Iterator<List<Integer>> it = loader.iterator();
        assertEquals(List.of(0, 1, 2), it.next());
        assertEquals(List.of(3, 4, 5), it.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
        assertSame(boom, e, "the worker's own exception");
        assertTrue(e.getSuppressed()[0].getMessage().startsWith("Caught IllegalStateException in a DataLoader worker thread"));
        assertFalse(it.hasNext());
        assertEquals(0, workerThreadsAfterJoining(), "a failed epoch stops its threads");
    }

    @Test
    void stoppingEarlyLeavesNoThreads() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        Dataset<Integer> counted = new Dataset<>() {
            @Override public Integer get(int i) {
                fetched.incrementAndGet();
                return i;
            }

            @Override public int size() { return 1000; }
        };
        var loader = new BatchLoader<>(counted, List::copyOf, DataLoader.options().batchSize(10).numWorkers(2).prefetchFactor(2));
        for (int epoch = 0; epoch < 3; epoch++) {
            for (List<Integer> batch : loader) {
                if (batch.get(0) == 0) break;  // leave at once
            }
        }
        Thread.sleep(200);
        // at most the first batch plus numWorkers * prefetchFactor ahead were loaded per epoch, not the 100 batches
        assertTrue(fetched.get() <= 3 * (1 + 2 * 2) * 10, "fetched " + fetched.get());
        waitForWorkersToEnd();
        assertEquals(0, workerThreads(), "abandoned iterators' threads are stopped");
    }

    /** Worker threads still alive after joining each for at most 0.5 s (well below the 2 s idle timeout). */
    private static long workerThreadsAfterJoining() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.getName().startsWith("jgrad-DataLoader-")) continue;
            try {
                t.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return workerThreads();
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("jgrad-DataLoader-") && t.isAlive()).count();
    }

    /** The cleaner runs after a collection; idle workers also time out by themselves after 2 s. */
    private static void waitForWorkersToEnd() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (workerThreads() > 0 && System.nanoTime() < deadline) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void defaultCollateStacksFields() {
        List<Tensor> batch = Data.defaultCollate(List.of(List.of(Torch.tensor(1, 2), Torch.scalarTensor(0.5)),
                List.of(Torch.tensor(3, 4), Torch.scalarTensor(1.5))));
        assertTrue(batch.get(0).equal(Torch.tensor(new long[][] {{1, 2}, {3, 4}})));
        assertArrayEquals(new long[] {2}, batch.get(1).shape());
        assertEquals("each element in list of batch should be of equal size", assertThrows(IllegalArgumentException.class,
                () -> Data.defaultCollate(List.of(List.of(Torch.tensor(1)), List.of()))).getMessage());
    }
}
