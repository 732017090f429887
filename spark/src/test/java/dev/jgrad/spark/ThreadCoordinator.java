package dev.jgrad.spark;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A {@link Coordinator} for W threads of one JVM: allGather through a shared array and a barrier. */
final class ThreadCoordinator implements Coordinator {
    /** What the W threads share. */
    static final class Group {
        final int size;
        final String[] slots;
        final CyclicBarrier barrier;

        Group(int size) {
            this.size = size;
            this.slots = new String[size];
            this.barrier = new CyclicBarrier(size);
        }
    }

    private final Group group;
    private final int rank;

    ThreadCoordinator(Group group, int rank) {
        this.group = group;
        this.rank = rank;
    }

    @Override public int rank() { return rank; }

    @Override public int size() { return group.size; }

    @Override public String host() { return "127.0.0.1"; }

    @Override public String[] allGather(String message) {
        try {
            group.slots[rank] = message;
            group.barrier.await(20, TimeUnit.SECONDS);
            String[] all = group.slots.clone();
            group.barrier.await(20, TimeUnit.SECONDS);   // nobody overwrites a slot before everyone has read
            return all;
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("allGather failed at rank " + rank, e);
        }
    }

    @Override public boolean isInterrupted() { return Thread.currentThread().isInterrupted(); }
}
