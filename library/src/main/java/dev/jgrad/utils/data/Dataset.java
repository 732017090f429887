package dev.jgrad.utils.data;

/** A map-style dataset ({@code torch.utils.data.Dataset}): {@code get(i)} is {@code dataset[i]}, {@code size()} is {@code len}. */
public interface Dataset<T> {
    T get(int index);

    int size();
}
