package dev.jgrad.utils.data;

/**
 * A map-style dataset ({@code torch.utils.data.Dataset}): {@code get(i)} is {@code dataset[i]}, {@code size()} is
 * {@code len(dataset)}. Implement both to feed a {@link BatchLoader} (or, with samples that are lists of tensors, a
 * {@link DataLoader}).
 *
 * @param <T> the sample type (for {@link TensorDataset}, a list of tensors: one per field)
 */
public interface Dataset<T> {
    /**
     * {@code dataset[index]}: the sample at index.
     *
     * @param index  0 &lt;= index &lt; size() (the loaders ask for no other)
     * @return the sample
     */
    T get(int index);

    /**
     * {@code len(dataset)}: the number of samples.
     *
     * @return the sample count
     */
    int size();
}
