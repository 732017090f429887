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

    /**
     * {@code Subset(dataset, indices)}; the indices are copied (not checked: an index out of the dataset's range fails
     * when its sample is read).
     *
     * @param dataset  the whole dataset
     * @param indices  the positions in dataset, in the order the subset gives them
     */
    public Subset(Dataset<T> dataset, int... indices) {
        this.dataset = dataset;
        this.indices = indices.clone();
    }

    /**
     * The whole dataset ({@code subset.dataset}).
     *
     * @return the dataset the indices point into
     */
    public Dataset<T> dataset() { return dataset; }

    /**
     * The indices into {@link #dataset()} ({@code subset.indices}).
     *
     * @return a copy of the indices
     */
    public int[] indices() { return indices.clone(); }

    /**
     * {@code subset[i]}: a negative i counts from the end, as Python's list indexing.
     *
     * @param index  the position in the subset, -size() &lt;= index &lt; size()
     * @return {@code dataset().get(indices()[index])}
     * @throws IndexOutOfBoundsException "list index out of range" (Python's text) outside that range
     */
    @Override public T get(int index) {
        int i = index < 0 ? index + indices.length : index;
        if (i < 0 || i >= indices.length) throw new IndexOutOfBoundsException("list index out of range");
        return dataset.get(indices[i]);
    }

    @Override public int size() { return indices.length; }

    @Override public String toString() { return "Subset(" + Arrays.toString(indices) + ")"; }
}
