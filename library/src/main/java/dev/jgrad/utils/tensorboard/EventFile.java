package dev.jgrad.utils.tensorboard;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * One event file (TensorBoard's EventFileWriter): {@code events.out.tfevents.<time>.<host>.<pid>.<n><suffix>}
 * in its directory, opened with the {@code brain.Event:2} version event. Every event is flushed to the
 * file as it is added, so TensorBoard sees it at once and a crash loses nothing.
 */
final class EventFile implements AutoCloseable {
    private static final AtomicLong GLOBAL_UID = new AtomicLong();

    private final Path dir;
    private final Path path;
    private final DoubleSupplier clock;
    private OutputStream out;

    EventFile(Path dir, String filenameSuffix, DoubleSupplier clock) {
        this.dir = dir;
        this.clock = clock;
        try {
            Files.createDirectories(dir);
            double now = clock.getAsDouble();
            String name = String.format("events.out.tfevents.%010d.%s.%d.%d", (long) now, SummaryWriter.hostname(),
                    ProcessHandle.current().pid(), GLOBAL_UID.getAndIncrement()) + filenameSuffix;
            path = dir.resolve(name);
            out = new BufferedOutputStream(Files.newOutputStream(path));
            addEvent(new Proto().double64(1, now).stringAlways(3, "brain.Event:2"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() { return dir; }

    Path path() { return path; }

    /**
     * Adds an Event holding summary, at step (null: none) and walltime (null: now): {@code add_summary}.
     */
    void addSummary(Proto summary, Long step, Double walltime) {
        double wall = walltime != null ? walltime : clock.getAsDouble();
        Proto event = new Proto().double64(1, wall);
        if (step != null) event.int64(2, step);
        event.message(5, summary);
        addEvent(event);
    }

    private void addEvent(Proto event) {
        if (out == null) throw new IllegalStateException("the event file " + path + " is closed");
        try {
            TfRecord.write(out, event.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void flush() {
        if (out == null) return;
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out = null;
        }
    }
}
