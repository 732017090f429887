package dev.jgrad.spark;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * The gradient travels through the coordinator: each task sends its whole gradient (Base64 of the float bits,
 * since Spark's allGather carries strings) and every task sums all of them in rank order. Simple, and bounded
 * by the coordinator's message size ({@code spark.rpc.message.maxSize}, 128 MiB by default, which must hold
 * all tasks' messages at once): for larger models use {@link RingExchange}.
 */
public final class AllGatherExchange implements GradientExchange {
    private final Coordinator coordinator;

    /** An exchange over {@code coordinator}'s allGather. */
    public AllGatherExchange(Coordinator coordinator) { this.coordinator = coordinator; }

    @Override public float[] allReduce(float[] gradient) {
        String[] all = coordinator.allGather(encode(gradient));
        float[] sum = decode(all[0], gradient.length);
        for (int r = 1; r < all.length; r++) GradientExchange.addInto(sum, decode(all[r], gradient.length), 0, sum.length);
        return sum;
    }

    /** The float bits, little-endian, as Base64 text. */
    static String encode(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    static float[] decode(String text, int length) {
        byte[] raw = Base64.getDecoder().decode(text);
        if (raw.length != length * Float.BYTES) {
            throw new IllegalStateException("gradient exchange: a task sent " + raw.length / Float.BYTES
                    + " values, this task has " + length + " (do all workers build the same model?)");
        }
        float[] values = new float[length];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
