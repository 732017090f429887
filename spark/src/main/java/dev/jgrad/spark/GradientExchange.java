package dev.jgrad.spark;

/**
 * Sums one flat float32 gradient over all tasks. Every implementation adds in rank order,
 * {@code ((g0 + g1) + g2) + ...} element by element, so every task gets the same bits, and the same bits as
 * one process adding the shards' gradients in that order.
 */
public interface GradientExchange extends AutoCloseable {
    /** The element-wise sum over ranks of every task's {@code gradient} (all tasks pass arrays of one length). */
    float[] allReduce(float[] gradient);

    /** Releases connections; the default has none. */
    @Override default void close() {}

    /** Adds {@code addend} into {@code sum} element by element: the one place the reduction's arithmetic happens. */
    static void addInto(float[] sum, float[] addend, int from, int to) {
        for (int i = from; i < to; i++) sum[i] += addend[i];
    }
}
