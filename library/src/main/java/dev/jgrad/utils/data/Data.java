package dev.jgrad.utils.data;

import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.ArrayList;
import java.util.List;

/** The functions of {@code torch.utils.data}: {@link #randomSplit} and the default collate function. */
public final class Data {
    private Data() {}

    /**
     * {@code torch.utils.data.random_split(dataset, lengths, generator)}: disjoint random subsets of the given
     * lengths, the same ones PyTorch draws for the same generator state ({@code randperm(sum(lengths))} cut in
     * order).
     *
     * @param <T>        the sample type
     * @param dataset    the dataset to split
     * @param lengths    the subsets' sizes, summing to dataset.size()
     * @param generator  the generator the permutation is drawn from; null: the default generator
     * @return one {@link Subset} per length, in order
     * @throws IllegalArgumentException "Sum of input lengths does not equal the length of the input dataset!", or
     *         "random_split: a length is negative: -1"
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, long[] lengths, Generator generator) {
        long sum = 0;
        for (long l : lengths) sum += l;
        if (sum != dataset.size()) throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset!");
        for (long l : lengths) {
            if (l < 0) throw new IllegalArgumentException("random_split: a length is negative: " + l);
        }
        long[] perm = (generator != null ? generator : Generator.defaultGenerator()).randperm((int) sum);
        List<Subset<T>> out = new ArrayList<>(lengths.length);
        int offset = 0;
        for (long l : lengths) {
            int[] idx = new int[(int) l];
            for (int i = 0; i < l; i++) idx[i] = (int) perm[offset + i];
            offset += (int) l;
            out.add(new Subset<>(dataset, idx));
        }
        return out;
    }

    /**
     * {@code random_split(dataset, fractions, generator)} with fractions that sum to 1: each split gets
     * {@code floor(n * fraction)} samples, and the remainder is dealt out one by one from the first split
     * on, as PyTorch does (a split left empty is logged as PyTorch's warning). Values that do not sum to 1 are
     * taken as lengths (they must then be whole).
     *
     * @param <T>        the sample type
     * @param dataset    the dataset to split
     * @param fractions  the fractions, each in [0, 1] and summing to 1; or whole lengths
     * @param generator  the generator the permutation is drawn from; null: the default generator
     * @return one {@link Subset} per fraction, in order
     * @throws IllegalArgumentException "Fraction at index 1 is not between 0 and 1", or, for lengths,
     *         "Sum of input lengths does not equal the length of the input dataset!" (also when one is not whole)
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions, Generator generator) {
        double sum = 0;
        for (double f : fractions) sum += f;
        long[] lengths = new long[fractions.length];
        if (isClose(sum, 1) && sum <= 1) {
            long given = 0;
            for (int i = 0; i < fractions.length; i++) {
                double frac = fractions[i];
                if (frac < 0 || frac > 1) throw new IllegalArgumentException("Fraction at index " + i + " is not between 0 and 1");
                lengths[i] = (long) Math.floor(dataset.size() * frac);
                given += lengths[i];
            }
            long remainder = dataset.size() - given;
            for (int i = 0; i < remainder; i++) lengths[i % lengths.length]++;
            for (int i = 0; i < lengths.length; i++) {
                if (lengths[i] == 0) System.getLogger("dev.jgrad").log(System.Logger.Level.WARNING,
                        "Length of split at index " + i + " is 0. This might result in an empty dataset.");
            }
        } else {
            for (int i = 0; i < fractions.length; i++) {
                if (fractions[i] != Math.rint(fractions[i])) {
                    throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset!");
                }
                lengths[i] = (long) fractions[i];
            }
        }
        return randomSplit(dataset, lengths, generator);
    }

    /** Python's math.isclose with its default rel_tol 1e-9. */
    private static boolean isClose(double a, double b) {
        return a == b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }

    /**
     * {@code torch.utils.data.default_collate} for samples that are lists of tensors (one per field): each field's
     * tensors stacked along a new dim 0 (what {@link DataLoader} does to each batch).
     *
     * @param samples  the batch's samples, each a list of tensors with the same fields
     * @return one tensor per field, (len(samples), *field's shape); empty for no samples
     * @throws IllegalArgumentException "each element in list of batch should be of equal size" when the samples do
     *         not all have the same number of fields; {@code torch.stack}'s error when a field's shapes differ
     */
    public static List<Tensor> defaultCollate(List<? extends List<Tensor>> samples) {
        if (samples.isEmpty()) return List.of();
        int fields = samples.get(0).size();
        for (List<Tensor> s : samples) {
            if (s.size() != fields) throw new IllegalArgumentException("each element in list of batch should be of equal size");
        }
        List<Tensor> out = new ArrayList<>(fields);
        for (int f = 0; f < fields; f++) {
            List<Tensor> field = new ArrayList<>(samples.size());
            for (List<Tensor> s : samples) field.add(s.get(f));
            out.add(Torch.stack(field, 0));
        }
        return out;
    }
}
