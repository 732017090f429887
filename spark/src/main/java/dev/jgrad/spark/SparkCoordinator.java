package dev.jgrad.spark;

import org.apache.spark.BarrierTaskContext;

/** {@link Coordinator} over Spark's barrier execution mode: ranks are partition ids, messages go through allGather. */
final class SparkCoordinator implements Coordinator {
    private final BarrierTaskContext context;

    SparkCoordinator(BarrierTaskContext context) { this.context = context; }

    @Override public int rank() { return context.partitionId(); }

    @Override public int size() { return context.numPartitions(); }

    @Override public String host() {
        // Spark's own idea of this executor's address, the one the driver reaches it at
        String address = context.getTaskInfos()[rank()].address();
        int colon = address.lastIndexOf(':');
        return colon > 0 && address.indexOf(':') == colon ? address.substring(0, colon) : address;
    }

    @Override public String[] allGather(String message) {
        // Spark returns the messages in partition order; the rank prefix makes that a checked fact, not an assumption
        String[] tagged = context.allGather(rank() + ":" + message);
        String[] byRank = new String[tagged.length];
        for (String t : tagged) {
            int colon = t.indexOf(':');
            byRank[Integer.parseInt(t.substring(0, colon))] = t.substring(colon + 1);
        }
        return byRank;
    }

    @Override public boolean isInterrupted() { return context.isInterrupted(); }
}
