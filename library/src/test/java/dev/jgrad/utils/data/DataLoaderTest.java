package dev.jgrad.utils.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
    private static final Tensor X = Torch.arange(20.0).reshape(10, 2);
    private static final Tensor Y = Torch.arange(10);

    @Test
    void sequentialBatchesKeepRowsTogether() {
        DataLoader loader = new DataLoader(new TensorDataset(X, Y), 4);
        assertEquals(3, loader.size());
        List<List<Tensor>> batches = new ArrayList<>();
        loader.forEach(batches::add);
        assertEquals(3, batches.size());
        assertEquals(List.of(4L, 2L), List.of(batches.get(0).get(0).size(0), batches.get(0).get(0).size(1)));
        assertEquals(2, batches.get(2).get(0).size(0));
        for (List<Tensor> b : batches) {
            long[] ys = b.get(1).toLongArray();
            double[] xs = b.get(0).toDoubleArray();
            for (int i = 0; i < ys.length; i++) assertEquals(2.0 * ys[i], xs[2 * i]);
        }
    }

    @Test
    void dropLastDropsTheShortBatch() {
        DataLoader loader = new DataLoader(new TensorDataset(X, Y), 4, true, new Generator(1), true);
        assertEquals(2, loader.size());
        int n = 0;
        for (List<Tensor> b : loader) {
            assertEquals(4, b.get(0).size(0));
            n++;
        }
        assertEquals(2, n);
    }

    @Test
    void shuffleIsAPermutationAndChangesPerEpoch() {
        DataLoader loader = new DataLoader(new TensorDataset(Y), 10, true, new Generator(3), false);
        List<Long> first = new ArrayList<>(), second = new ArrayList<>();
        for (long v : loader.iterator().next().get(0).toLongArray()) first.add(v);
        for (long v : loader.iterator().next().get(0).toLongArray()) second.add(v);
        assertEquals(Set.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), new HashSet<>(first));
        assertFalse(first.equals(second));
    }

    @Test
    void sameSeedSameOrder() {
        List<Long> a = new ArrayList<>(), b = new ArrayList<>();
        for (List<Tensor> batch : new DataLoader(new TensorDataset(Y), 3, true, new Generator(9), false)) for (long v : batch.get(0).toLongArray()) a.add(v);
        for (List<Tensor> batch : new DataLoader(new TensorDataset(Y), 3, true, new Generator(9), false)) for (long v : batch.get(0).toLongArray()) b.add(v);
        assertEquals(a, b);
    }

    @Test
    void genericDatasetsAreStacked() {
        Dataset<List<Tensor>> squares = new Dataset<>() {
            @Override public List<Tensor> get(int i) { return List.of(Torch.scalarTensor((double) i * i), Torch.tensor(new long[] {i, -i})); }

            @Override public int size() { return 5; }
        };
        List<Tensor> batch = new DataLoader(squares, 5).iterator().next();
        assertTrue(batch.get(0).equal(Torch.tensor(new double[] {0, 1, 4, 9, 16})));
        assertEquals(List.of(5L, 2L), List.of(batch.get(1).size(0), batch.get(1).size(1)));
    }

    @Test
    void tensorDatasetChecksSizes() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TensorDataset(X, Torch.arange(3)));
        assertEquals("Size mismatch between tensors", e.getMessage());
        assertEquals(2, new TensorDataset(X, Y).get(3).size());
        assertEquals(10, new TensorDataset(X).size());
    }
}
