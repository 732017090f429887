package dev.jgrad.profiler;

import dev.jgrad.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.profiler} / {@code torch.autograd.profiler.profile}: records every op (forward ops as
 * {@code aten::mul}, backward nodes as {@code autograd::engine::evaluate_function: MulBackward0}) while
 * a profile is open.
 *
 * <pre>{@code
 * try (var prof = Profiler.profile()) {
 *     try (var r = Profiler.recordFunction("my_block")) { ... }
 * }
 * System.out.println(prof.keyAverages().table("self_cpu_time_total"));
 * }</pre>
 *
 * <p>When no profile is open, an op pays one volatile read ({@link #isActive()}).
 */
public final class Profiler {
    /**
     * What to record besides names and times ({@code profile(record_shapes, profile_memory)}).
     *
     * @param recordShapes whether each event records its input shapes ({@code record_shapes})
     * @param profileMemory whether each event counts the bytes allocated in it ({@code profile_memory})
     */
    public record Options(boolean recordShapes, boolean profileMemory) {
        /**
         * Names and times only: {@code record_shapes=False, profile_memory=False}.
         *
         * @return the default options
         */
        public static Options defaults() { return new Options(false, false); }

        /**
         * These options with {@code record_shapes} set to on (input shapes recorded per event).
         *
         * @param on whether to record shapes
         * @return new options
         */
        public Options withRecordShapes(boolean on) { return new Options(on, profileMemory); }

        /**
         * These options with {@code profile_memory} set to on (bytes allocated per event).
         *
         * @param on whether to count allocations
         * @return new options
         */
        public Options withProfileMemory(boolean on) { return new Options(recordShapes, on); }
    }

    private static volatile Profile active;

    /** Per thread: the events still open, innermost last. */
    private static final ThreadLocal<ArrayDeque<Open>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

    private Profiler() {}

    /**
     * Whether a profile is open: instrumentation checks this before doing anything else.
     *
     * @return true while a profile is open
     */
    public static boolean isActive() { return active != null; }

    /**
     * {@code torch.autograd.profiler.profile()}: opens a profile recording names and times; close it
     * (try-with-resources) to stop.
     *
     * @return the open profile
     * @throws IllegalStateException if a profile is already open ("Profiler is already enabled on this thread")
     */
    public static Profile profile() { return profile(Options.defaults()); }

    /**
     * {@code torch.autograd.profiler.profile(record_shapes=recordShapes, profile_memory=profileMemory)}.
     *
     * @param recordShapes whether each event records its input shapes
     * @param profileMemory whether each event counts the bytes allocated in it
     * @return the open profile
     * @throws IllegalStateException if a profile is already open ("Profiler is already enabled on this thread")
     */
    public static Profile profile(boolean recordShapes, boolean profileMemory) {
        return profile(new Options(recordShapes, profileMemory));
    }

    /**
     * Opens a profile with these options. One profile at a time, across all threads.
     *
     * @param options what to record besides names and times
     * @return the open profile
     * @throws IllegalStateException if a profile is already open (PyTorch's "Profiler is already enabled on this
     *     thread")
     */
    public static Profile profile(Options options) {
        synchronized (Profiler.class) {
            if (active != null) throw new IllegalStateException("Profiler is already enabled on this thread");
            Profile p = new Profile(options);
            active = p;
            return p;
        }
    }

    static void stop(Profile p) {
        synchronized (Profiler.class) {
            if (active == p) active = null;
        }
    }

    /**
     * {@code torch.autograd.profiler.record_function(name)}: labels the enclosed block in the profile (an event of
     * that name); does nothing when no profile is open.
     *
     * @param name the label
     * @return the scope to close (try-with-resources) at the end of the block
     */
    public static Scope recordFunction(String name) {
        Open o = enter(name);
        return o != null ? o : () -> {};
    }

    /** A block closed with try-with-resources; close() throws no checked exception. */
    public interface Scope extends AutoCloseable {
        @Override void close();
    }

    /**
     * An event being timed; closing it ends the event. {@link #enter} returns null when no profile is open,
     * and try-with-resources skips {@code close()} on a null resource, so an op's hook is one line that
     * costs nothing when idle: {@code try (var ev = Profiler.isActive() ? Profiler.enter("aten::mul", a, b) : null) {...}}.
     */
    public static final class Open implements Scope {
        final Profile profile;
        final String name;
        final long start;
        final List<List<Long>> shapes;
        long childNs;
        long childBytes;
        long selfBytes;

        Open(Profile profile, String name, long start, List<List<Long>> shapes) {
            this.profile = profile;
            this.name = name;
            this.start = start;
            this.shapes = shapes;
        }

        @Override public void close() { exit(this); }
    }

    /**
     * Starts an event, for instrumentation; close it (try-with-resources) to end it.
     *
     * @param name the event's name ({@code "aten::mul"})
     * @param inputs the op's input tensors, whose shapes are recorded under record_shapes (null entries allowed)
     * @return the open event, or null when no profile is open
     */
    public static Open enter(String name, Tensor... inputs) {
        Profile p = active;
        if (p == null) return null;
        List<List<Long>> shapes = null;
        if (p.options.recordShapes()) {
            shapes = new ArrayList<>(inputs.length);
            for (Tensor t : inputs) {
                List<Long> s = new ArrayList<>();
                if (t != null) for (long d : t.shape()) s.add(d);
                shapes.add(s);
            }
        }
        Open o = new Open(p, name, System.nanoTime(), shapes);
        OPEN.get().addLast(o);
        return o;
    }

    static void exit(Open o) {
        if (o == null) return;
        long end = System.nanoTime();
        ArrayDeque<Open> stack = OPEN.get();
        stack.remove(o);  // normally the last one
        long dur = end - o.start;
        Open parent = stack.peekLast();
        if (parent != null && parent.profile == o.profile) {
            parent.childNs += dur;
            parent.childBytes += o.selfBytes + o.childBytes;
        }
        o.profile.add(new ProfilerEvent(o.name, o.start, end, Thread.currentThread().threadId(), dur - o.childNs, o.shapes,
                o.selfBytes, o.selfBytes + o.childBytes));
    }

    /**
     * Counts an allocation against the innermost open event on this thread, when the open profile has
     * profile_memory.
     *
     * @param bytes the bytes allocated
     */
    public static void allocated(long bytes) {
        Profile p = active;
        if (p == null || !p.options.profileMemory()) return;
        Open o = OPEN.get().peekLast();
        if (o != null) o.selfBytes += bytes;
    }
}
