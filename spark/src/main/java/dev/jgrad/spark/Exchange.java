package dev.jgrad.spark;

/** How the workers sum their gradients each step (both add in rank order, so both give the same bits). */
public enum Exchange {
    /**
     * Through Spark's coordinator ({@code BarrierTaskContext.allGather}), one call per step: {@link AllGatherExchange}.
     * Spark 4.2's allGather checks for its reply once a second, so each step waits about a second for it.
     */
    ALL_GATHER,
    /** Directly between the tasks over TCP, only addresses through the coordinator: {@link RingExchange} (the default). */
    RING
}
