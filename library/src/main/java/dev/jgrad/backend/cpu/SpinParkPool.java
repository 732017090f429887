package dev.jgrad.backend.cpu;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The worker threads behind {@link Parallel#forRange}: one caller plus {@code threads - 1} workers run the chunks
 * of one range at a time.
 *
 * <p>Why not a {@link java.util.concurrent.ForkJoinPool}: waking a parked thread costs 15-45 us on a small VM,
 * more than many kernels take. So a worker that finishes a chunk keeps spinning ({@link Thread#onSpinWait})
 * for a short window before it parks, and so does a caller waiting for its workers; a kernel that follows
 * another (the usual case in a training step) then starts in about a microsecond. The window is bounded,
 * so an idle pool costs no CPU after it: twice the wake-up delay this pool has measured (spinning for as
 * long as blocking would cost is never worse than twice the better of the two choices), kept between
 * {@link #MIN_SPIN_NS} and {@link #MAX_SPIN_NS}, or fixed by {@code -Djgrad.parallel.spinMicros=N}.
 *
 * <p>Chunk boundaries depend only on the range and the chunk count, never on timing: a caller that finds the
 * pool busy (another thread's range is running) runs the same chunks itself, one after another.
 */
final class SpinParkPool {
    /** Shortest and longest idle spin; the wake-up delay measured between them sets the actual window. */
    static final long MIN_SPIN_NS = 20_000, MAX_SPIN_NS = 200_000;
    private static final long FIXED_SPIN_NS = Long.getLong("jgrad.parallel.spinMicros", -1) * 1000;

    private final Worker[] workers;
    /** Held by the caller whose range is running; a closed pool holds it for good. */
    private final AtomicBoolean busy = new AtomicBoolean();
    /** Moving average of the delay from handing a chunk to a parked worker until it starts, in ns. */
    private volatile long wakeNs = 30_000;

    /** A pool whose ranges run on the caller and {@code threads - 1} daemon workers. */
    SpinParkPool(int threads) {
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(this, i + 1);
            workers[i].start();
        }
    }

    /** The range being run: its body, its chunking and how many chunks are still out. */
    private static final class Job {
        final int n, chunks;
        final Parallel.RangeBody body;
        final Thread caller = Thread.currentThread();
        final AtomicInteger pending;
        volatile boolean callerParked;
        volatile Throwable error;

        Job(int n, int chunks, Parallel.RangeBody body) {
            this.n = n;
            this.chunks = chunks;
            this.body = body;
            this.pending = new AtomicInteger(chunks - 1);
        }

        /** Runs chunk c, keeping the first failure. */
        void run(int c) {
            try {
                body.run(from(n, chunks, c), from(n, chunks, c + 1));
            } catch (Throwable e) {
                if (error == null) error = e;
            }
        }

        /** A worker's chunk is done; the last one wakes a caller that stopped spinning. */
        void done() {
            if (pending.decrementAndGet() == 0 && callerParked) LockSupport.unpark(caller);
        }
    }

    /** Start of chunk c of chunks over [0, n): the same split for any thread and any timing. */
    static int from(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    /** Runs body over [0, n) in {@code chunks} chunks (at most the pool's thread count), rethrowing the first failure. */
    void run(int n, int chunks, Parallel.RangeBody body) {
        if (chunks - 1 > workers.length || !busy.compareAndSet(false, true)) {
            // Another range holds the workers (or the pool is closed): the same chunks, here, in order.
            for (int c = 0; c < chunks; c++) body.run(from(n, chunks, c), from(n, chunks, c + 1));
            return;
        }
        Job job = new Job(n, chunks, body);
        try {
            boolean woke = false;
            for (int c = 1; c < chunks; c++) woke |= workers[c - 1].hand(job, c);
            job.run(0);
            await(job, woke);
        } finally {
            busy.set(false);
        }
        Throwable e = job.error;
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error r) throw r;
        if (e != null) throw new IllegalStateException(e);
    }

    /**
     * Waits for the workers' chunks: spins for the window, then parks until the last one wakes it. When a
     * worker had to be woken, the wait yields instead of spinning: on a machine with no idle core the woken
     * worker may need this very core, and a spinning caller would keep it off for the whole window.
     */
    private void await(Job job, boolean woke) {
        long spinEnd = System.nanoTime() + spinNs();
        boolean interrupted = false;
        for (int spins = 0; job.pending.get() != 0; spins++) {
            if (System.nanoTime() < spinEnd) {
                pause(woke ? 0 : spins);
            } else {
                job.callerParked = true;
                if (job.pending.get() != 0) LockSupport.park(this);
                // an interrupt would make every park return at once: note it, wait on, and restore it after
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /**
     * One spin step. Every 64th (and every one when spins is 0) yields the core instead: where the machine
     * has more runnable threads than cores, the thread being waited for may be queued behind this one.
     */
    static void pause(int spins) {
        if ((spins & 63) == 0) Thread.yield();
        else Thread.onSpinWait();
    }

    /** How long an idle thread spins before it parks. */
    long spinNs() {
        return FIXED_SPIN_NS >= 0 ? FIXED_SPIN_NS : Math.clamp(2 * wakeNs, MIN_SPIN_NS, MAX_SPIN_NS);
    }

    /** Folds one measured wake-up of a parked worker into the average (weight 1/8). */
    private void recordWake(long ns) {
        if (ns > 0) wakeNs += (Math.min(ns, 10 * MAX_SPIN_NS) - wakeNs) / 8;
    }

    /** Stops the workers once they are idle; later ranges run on their callers. */
    void close() {
        while (!busy.compareAndSet(false, true)) Thread.yield();
        for (Worker w : workers) {
            w.closed = true;
            LockSupport.unpark(w);
        }
    }

    /** Whether the current thread is a worker of any pool (its ranges run inline, never nested). */
    static boolean inWorker() {
        return Thread.currentThread() instanceof Worker;
    }

    /** One worker: takes a chunk from its slot, runs it, spins for the next, parks when none comes. */
    private static final class Worker extends Thread {
        private final SpinParkPool pool;
        private volatile Job job;
        private int chunk;
        private volatile boolean parked, closed;
        /** When a chunk was handed to this worker while it was parked; 0 when it was awake. */
        private volatile long handedAt;

        Worker(SpinParkPool pool, int index) {
            super("jgrad-worker-" + index);
            this.pool = pool;
            setDaemon(true);
        }

        /** Gives this worker chunk c of job; unparks it if it stopped spinning, and then says so. */
        boolean hand(Job j, int c) {
            chunk = c;  // published by the volatile write of job below
            job = j;
            if (!parked) return false;
            handedAt = System.nanoTime();
            LockSupport.unpark(this);
            return true;
        }

        @Override
        public void run() {
            while (true) {
                Job j = take();
                if (j == null) return;
                j.run(chunk);
                j.done();
            }
        }

        /** The next job, spinning for the pool's window and then parking; null once the pool is closed. */
        private Job take() {
            long spinEnd = System.nanoTime() + pool.spinNs();
            for (int spins = 1; ; spins++) {
                Job j = job;
                if (j != null) {
                    job = null;
                    return j;
                }
                if (closed) return null;
                if (System.nanoTime() < spinEnd) {
                    pause(spins);
                    continue;
                }
                // parked is set before job is read again, and hand() sets job before it reads parked:
                // with both volatile, at least one side sees the other, so no chunk is left unwoken.
                parked = true;
                if (job == null && !closed) LockSupport.park(pool);
                parked = false;
                long t = handedAt;
                if (t != 0) {
                    handedAt = 0;
                    pool.recordWake(System.nanoTime() - t);
                }
            }
        }
    }
}
