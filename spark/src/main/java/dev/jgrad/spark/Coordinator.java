package dev.jgrad.spark;

/**
 * What a gradient exchange needs from the group of tasks it runs in: Spark's {@code BarrierTaskContext} in a
 * barrier stage ({@link SparkCoordinator}), or threads of one JVM in tests.
 */
public interface Coordinator {
    /** This task's rank, 0 to {@code size() - 1} (the partition id in Spark). */
    int rank();

    /** The number of tasks. */
    int size();

    /** The host name or address other tasks can reach this task at. */
    String host();

    /** Blocks until every task has called it and returns their messages indexed by rank. */
    String[] allGather(String message);

    /** True once the group is being torn down (Spark killed the task): blocking waits give up. */
    boolean isInterrupted();
}
