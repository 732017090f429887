package dev.jgrad.utils.data;

/** A map-style dataset ({@code torch.utils.data.Dataset}): {@code get(i)} is {@code dataset[i]}, {@code size()} is {@code len}. */
public interface Dataset<T> {
    /** {@code dataset[index]}: the sample at index, 0 &lt;= index &lt; size(). */
    T get(int index);

    /** {@code len(dataset)}: the number of samples. */
    int size();
}
