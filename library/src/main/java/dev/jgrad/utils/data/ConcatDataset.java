package dev.jgrad.utils.data;

import java.util.Arrays;
import java.util.List;

/**
 * Several datasets one after another ({@code torch.utils.data.ConcatDataset}): index i falls in the
 * first dataset whose cumulative size exceeds it.
 *
 * @param <T> the sample type
 */
public final class ConcatDataset<T> implements Dataset<T> {
    private final List<Dataset<? extends T>> datasets;
    private final int[] cumulativeSizes;

    /**
     * {@code ConcatDataset(datasets)}.
     *
     * @param datasets  the datasets, in order (copied; their sizes are read now)
     * @throws IllegalArgumentException "datasets should not be an empty iterable" for an empty list, or
     *         "ConcatDataset: more than 2^31 - 1 samples"
     */
    public ConcatDataset(List<? extends Dataset<? extends T>> datasets) {
        if (datasets.isEmpty()) throw new IllegalArgumentException("datasets should not be an empty iterable");
        this.datasets = List.copyOf(datasets);
        cumulativeSizes = new int[datasets.size()];
        long s = 0;
        for (int i = 0; i < datasets.size(); i++) {
            s += datasets.get(i).size();
            if (s > Integer.MAX_VALUE) throw new IllegalArgumentException("ConcatDataset: more than 2^31 - 1 samples");
            cumulativeSizes[i] = (int) s;
        }
    }

    /**
     * {@code ConcatDataset([a, b, ...])}.
     *
     * @param datasets  the datasets, in order
     * @throws IllegalArgumentException as {@link #ConcatDataset(List)}
     */
    @SafeVarargs
    public ConcatDataset(Dataset<? extends T>... datasets) { this(Arrays.asList(datasets)); }

    /**
     * The running totals of the datasets' sizes ({@code cumulative_sizes}).
     *
     * @return a copy: element i is the size of datasets 0..i together
     */
    public int[] cumulativeSizes() { return cumulativeSizes.clone(); }

    /**
     * The datasets, in order ({@code datasets}).
     *
     * @return the datasets, unmodifiable
     */
    public List<Dataset<? extends T>> datasets() { return datasets; }

    /**
     * {@code dataset[i]}; a negative i counts from the end.
     *
     * @param index  the position, -size() &lt;= index &lt; size()
     * @return the sample of the dataset that position falls in
     * @throws IllegalArgumentException "absolute value of index should not exceed dataset length" for i &lt; -size
     * @throws IndexOutOfBoundsException "list index out of range" for i &gt;= size
     */
    @Override public T get(int index) {
        int idx = index;
        if (idx < 0) {
            if (-(long) idx > size()) throw new IllegalArgumentException("absolute value of index should not exceed dataset length");
            idx = size() + idx;
        }
        int d = bisectRight(idx);
        if (d == datasets.size()) throw new IndexOutOfBoundsException("list index out of range");
        int sampleIdx = d == 0 ? idx : idx - cumulativeSizes[d - 1];
        return datasets.get(d).get(sampleIdx);
    }

    /** The first position whose cumulative size is greater than idx (Python's bisect_right). */
    private int bisectRight(int idx) {
        int lo = 0, hi = cumulativeSizes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (idx < cumulativeSizes[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    @Override public int size() { return cumulativeSizes[cumulativeSizes.length - 1]; }
}
