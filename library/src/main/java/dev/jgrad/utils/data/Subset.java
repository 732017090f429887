package dev.jgrad.utils.data;

import java.util.Arrays;

/**
 * The samples of a dataset at the given indices, in that order ({@code torch.utils.data.Subset}); what
 * {@link Data#randomSplit} returns. {@code get(i)} is {@code dataset.get(indices[i])}.
 *
 * @param <T> the sample type
 */
public final class Subset<T> implements Dataset<T> {
    private final Dataset<T> dataset;
    private final int[] indices;

    /** {@code Subset(dataset, indices)}; the indices are copied. */
    public Subset(Dataset<T> dataset, int... indices) {
        this.dataset = dataset;
        this.indices = indices.clone();
    }

    /** The whole dataset ({@code subset.dataset}). */
    public Dataset<T> dataset() { return dataset; }

    /** The indices into {@link #dataset()} (a copy; {@code subset.indices}). */
    public int[] indices() { return indices.clone(); }

    /** {@code subset[i]}: a negative i counts from the end, as Python's list indexing. */
    @Override public T get(int index) {
        int i = index < 0 ? index + indices.length : index;
        if (i < 0 || i >= indices.length) throw new IndexOutOfBoundsException("list index out of range");
        return dataset.get(indices[i]);
    }

    @Override public int size() { return indices.length; }

    @Override public String toString() { return "Subset(" + Arrays.toString(indices) + ")"; }
}
