package dev.jgrad.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An open (then closed) profiling session: its events, their averages, and the Chrome trace export.
 *
 * <p>PyTorch: the {@code torch.autograd.profiler.profile} object that {@code with ... as prof} binds.
 */
public final class Profile implements AutoCloseable {
    final Profiler.Options options;
    private final List<ProfilerEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final long startNs = System.nanoTime();
    private boolean closed;

    Profile(Profiler.Options options) { this.options = options; }

    void add(ProfilerEvent e) { if (!closed) events.add(e); }

    @Override public void close() {
        closed = true;
        Profiler.stop(this);
    }

    /**
     * {@code prof.events()}: every recorded event.
     *
     * @return the events in the order they finished, an unmodifiable copy
     */
    public List<ProfilerEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /**
     * {@code prof.key_averages()}: the events grouped by name.
     *
     * @return one row per name
     */
    public KeyAverages keyAverages() { return KeyAverages.of(events(), false, options); }

    /**
     * {@code prof.key_averages(group_by_input_shape=groupByInputShape)}.
     *
     * @param groupByInputShape whether to group by name and input shapes (needs record_shapes to tell shapes apart)
     *     rather than by name alone
     * @return one row per group
     */
    public KeyAverages keyAverages(boolean groupByInputShape) { return KeyAverages.of(events(), groupByInputShape, options); }

    /**
     * {@code prof.export_chrome_trace(path)}: writes the Chrome trace JSON that Perfetto and chrome://tracing open,
     * one complete ("X") event per recorded event, times in microseconds from the profile's start.
     *
     * @param path the file to write
     * @throws java.io.UncheckedIOException if the file cannot be written ("could not write the trace to " + path)
     */
    public void exportChromeTrace(Path path) {
        StringBuilder sb = new StringBuilder("{\"traceEvents\": [");
        List<ProfilerEvent> evs = events();
        long pid = ProcessHandle.current().pid();
        for (int i = 0; i < evs.size(); i++) {
            ProfilerEvent e = evs.get(i);
            if (i > 0) sb.append(',');
            sb.append("\n  {\"name\": \"").append(escape(e.name())).append("\", \"ph\": \"X\", \"cat\": \"cpu_op\"")
                    .append(", \"ts\": ").append(String.format(java.util.Locale.ROOT, "%.3f", (e.startNs() - startNs) / 1e3))
                    .append(", \"dur\": ").append(String.format(java.util.Locale.ROOT, "%.3f", e.durationNs() / 1e3))
                    .append(", \"pid\": ").append(pid).append(", \"tid\": ").append(e.threadId())
                    .append(", \"args\": {");
            if (e.inputShapes() != null) sb.append("\"Input Dims\": ").append(e.inputShapes());
            sb.append("}}");
        }
        sb.append("\n]}\n");
        try {
            Files.writeString(path, sb.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write the trace to " + path, e);
        }
    }

    /**
     * A JSON string's content (RFC 8259): quote and backslash escaped, every control character below
     * U+0020 written as an escape (a label may hold a tab or a newline), and a lone surrogate as its
     * six-character hex escape, so that the file is valid UTF-8 too.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || (Character.isSurrogate(c) && !pairedSurrogate)) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
