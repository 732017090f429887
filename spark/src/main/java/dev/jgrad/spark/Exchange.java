package dev.jgrad.spark;

/** How the workers sum their gradients each step (both add in rank order, so both give the same bits). */
public enum Exchange {
    /** Through Spark's coordinator ({@code BarrierTaskContext.allGather}): {@link AllGatherExchange}. */
    ALL_GATHER,
    /** Directly between the tasks over TCP, only addresses through the coordinator: {@link RingExchange}. */
    RING,
    /** ALL_GATHER while all workers' gradients fit in a quarter of {@code spark.rpc.message.maxSize}, RING above. */
    AUTO
}
