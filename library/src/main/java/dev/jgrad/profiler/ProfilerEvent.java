package dev.jgrad.profiler;

import java.util.List;

/**
 * One recorded op or labelled block (PyTorch's {@code FunctionEvent}): when it ran, on which thread, and
 * (optionally) its input shapes and the bytes it allocated itself ({@code selfBytes}) and with what it called
 * ({@code totalBytes}).
 *
 * @param name the op's name ({@code "aten::mul"}, {@code "autograd::engine::evaluate_function: MulBackward0"}) or
 *     the label given to {@link Profiler#recordFunction}
 * @param startNs when it started, {@link System#nanoTime()}
 * @param endNs when it ended, {@link System#nanoTime()}
 * @param threadId the Java thread it ran on ({@link Thread#threadId()})
 * @param selfNs its time without the events it opened on the same thread, in nanoseconds
 * @param inputShapes each input tensor's shape (an empty list for a null input), or null when shapes were not
 *     recorded
 * @param selfBytes the bytes allocated directly inside it (0 unless profile_memory)
 * @param totalBytes the bytes allocated inside it and the events it opened
 */
public record ProfilerEvent(String name, long startNs, long endNs, long threadId, long selfNs, List<List<Long>> inputShapes,
                            long selfBytes, long totalBytes) {
    /**
     * The wall time from start to end (children included).
     *
     * @return endNs - startNs, in nanoseconds
     */
    public long durationNs() { return endNs - startNs; }
}
