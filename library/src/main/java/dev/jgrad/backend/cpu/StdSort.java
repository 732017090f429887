package dev.jgrad.backend.cpu;

/**
 * libstdc++'s std::sort (introsort: median-of-three quicksort down to runs of 16, then insertion sort) over an int
 * array of positions, step for step, for kernels whose PyTorch results depend on where an unstable sort leaves equal
 * keys. The heapsort fallback for too-deep recursion is replaced by the same insertion sort (a different order for
 * equal keys only on adversarial inputs).
 */
final class StdSort {
    private static final int THRESHOLD = 16;

    /** The sort's comparator: a strict "less than" between two positions' keys. */
    @FunctionalInterface
    interface Less { boolean test(int a, int b); }

    private StdSort() {}

    static void sort(int[] a, Less less) {
        int n = a.length;
        if (n == 0) return;
        introsort(a, 0, n, 2 * (31 - Integer.numberOfLeadingZeros(n)), less);
        if (n > THRESHOLD) {
            insertion(a, 0, THRESHOLD, less);
            for (int i = THRESHOLD; i < n; i++) linearInsert(a, i, 0, less);
        } else {
            insertion(a, 0, n, less);
        }
    }

    /**
     * std::nth_element (introselect): afterwards a[nth] holds what a full sort would put there, and where equal keys
     * land is libstdc++'s. The heapselect fallback for too-deep recursion is again an insertion sort.
     */
    static void nthElement(int[] a, int nth, Less less) {
        int first = 0, last = a.length;
        if (last == 0 || nth == last) return;
        int depth = 2 * (31 - Integer.numberOfLeadingZeros(last));
        while (last - first > 3) {
            if (depth == 0) break;
            depth--;
            int cut = partitionPivot(a, first, last, less);
            if (cut <= nth) first = cut;
            else last = cut;
        }
        insertion(a, first, last, less);
    }

    private static void introsort(int[] a, int first, int last, int depth, Less less) {
        while (last - first > THRESHOLD) {
            if (depth == 0) {
                insertion(a, first, last, less);
                return;
            }
            depth--;
            int cut = partitionPivot(a, first, last, less);
            introsort(a, cut, last, depth, less);
            last = cut;
        }
    }

    private static int partitionPivot(int[] a, int first, int last, Less less) {
        int mid = first + (last - first) / 2;
        medianToFirst(a, first, first + 1, mid, last - 1, less);
        int lo = first + 1, hi = last, pivot = first;
        while (true) {
            while (less.test(a[lo], a[pivot])) lo++;
            hi--;
            while (less.test(a[pivot], a[hi])) hi--;
            if (lo >= hi) return lo;
            swap(a, lo, hi);
            lo++;
        }
    }

    private static void medianToFirst(int[] v, int result, int a, int b, int c, Less less) {
        if (less.test(v[a], v[b])) {
            if (less.test(v[b], v[c])) swap(v, result, b);
            else if (less.test(v[a], v[c])) swap(v, result, c);
            else swap(v, result, a);
        } else if (less.test(v[a], v[c])) {
            swap(v, result, a);
        } else if (less.test(v[b], v[c])) {
            swap(v, result, c);
        } else {
            swap(v, result, b);
        }
    }

    private static void insertion(int[] a, int first, int last, Less less) {
        for (int i = first + 1; i < last; i++) {
            if (less.test(a[i], a[first])) {
                int val = a[i];
                System.arraycopy(a, first, a, first + 1, i - first);
                a[first] = val;
            } else {
                linearInsert(a, i, first, less);
            }
        }
    }

    /** The unguarded insert; the floor only keeps a comparator that is no strict weak order (NaN) inside the array. */
    private static void linearInsert(int[] a, int last, int floor, Less less) {
        int val = a[last], next = last - 1;
        while (next >= floor && less.test(val, a[next])) {
            a[last] = a[next];
            last = next;
            next--;
        }
        a[last] = val;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
