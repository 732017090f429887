package dev.jgrad.profiler;

import java.util.List;

/**
 * One recorded op or labelled block: when it ran, on which thread, and (optionally) its input shapes and
 * the bytes it allocated itself ({@code selfBytes}) and with what it called ({@code totalBytes}).
 */
public record ProfilerEvent(String name, long startNs, long endNs, long threadId, long selfNs, List<List<Long>> inputShapes,
                            long selfBytes, long totalBytes) {
    /** The wall time from start to end, in nanoseconds (children included). */
    public long durationNs() { return endNs - startNs; }
}
