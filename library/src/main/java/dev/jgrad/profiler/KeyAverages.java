package dev.jgrad.profiler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Events grouped by name (and input shapes), with PyTorch's {@code table()} layout.
 *
 * <p>PyTorch: the {@code EventList} that {@code prof.key_averages()} returns.
 */
public final class KeyAverages {
    private static final int MAX_NAME_WIDTH = 55, MAX_SHAPES_WIDTH = 80, COLUMN_WIDTH = 12;

    /**
     * One row of {@code key_averages()} (PyTorch's {@code FunctionEventAvg}): totals over every event with the same
     * key.
     *
     * @param name the op's or block's name ({@code "aten::mul"})
     * @param inputShapes the input shapes as text ({@code "[[2, 3], [2, 3]]"}; {@code "[]"} when shapes were not
     *     recorded)
     * @param count the number of events ({@code count})
     * @param selfCpuNs the time spent in the events themselves, children excluded, in nanoseconds
     *     ({@code self_cpu_time_total})
     * @param cpuTotalNs the events' wall time, children included, in nanoseconds ({@code cpu_time_total})
     * @param cpuMemory the bytes allocated by the events and their children ({@code cpu_memory_usage}; 0 unless
     *     profile_memory)
     * @param selfCpuMemory the bytes allocated by the events themselves ({@code self_cpu_memory_usage})
     */
    public record Row(String name, String inputShapes, int count, long selfCpuNs, long cpuTotalNs, long cpuMemory, long selfCpuMemory) {
        /**
         * {@code cpu_time}: the average wall time per event, as a double (PyTorch divides as a float, so the average
         * agrees with the total in the last digit).
         *
         * @return cpuTotalNs / count in nanoseconds, 0 when count is 0
         */
        public double cpuTimeAvgNs() { return count == 0 ? 0 : (double) cpuTotalNs / count; }
    }

    private final List<Row> rows;
    private final Profiler.Options options;
    private final boolean byShape;

    private KeyAverages(List<Row> rows, Profiler.Options options, boolean byShape) {
        this.rows = rows;
        this.options = options;
        this.byShape = byShape;
    }

    static KeyAverages of(List<ProfilerEvent> events, boolean byShape, Profiler.Options options) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        for (ProfilerEvent e : events) {
            String shapes = e.inputShapes() == null ? "[]" : e.inputShapes().toString();
            String key = byShape ? e.name() + "\u0000" + shapes : e.name();
            long[] t = totals.computeIfAbsent(key, k -> new long[5]);
            keys.putIfAbsent(key, new String[] {e.name(), shapes});
            t[0]++;
            t[1] += e.selfNs();
            t[2] += e.durationNs();
            t[3] += e.totalBytes();
            t[4] += e.selfBytes();
        }
        List<Row> rows = new ArrayList<>();
        for (var en : totals.entrySet()) {
            long[] t = en.getValue();
            String[] k = keys.get(en.getKey());
            rows.add(new Row(k[0], k[1], (int) t[0], t[1], t[2], t[3], t[4]));
        }
        return new KeyAverages(rows, options, byShape);
    }

    /**
     * The rows, one per op name (and input shapes, when grouped so).
     *
     * @return the rows in first-seen order, an unmodifiable copy
     */
    public List<Row> rows() { return List.copyOf(rows); }

    /**
     * {@code key_averages().table(sort_by="self_cpu_time_total")}: at most 100 rows, the costliest first. PyTorch's
     * {@code table()} without sort_by keeps the first-seen order (the README's table of differences).
     *
     * @return the table's text, PyTorch's layout, ending with the line "Self CPU time total: ..."
     */
    public String table() { return table("self_cpu_time_total", 100); }

    /**
     * {@code key_averages().table(sort_by=sortBy)}, at most 100 rows.
     *
     * @param sortBy {@code "self_cpu_time_total"}, {@code "cpu_time_total"},
     *     {@code "cpu_time"} (the average), {@code "count"}, {@code "cpu_memory_usage"} or
     *     {@code "self_cpu_memory_usage"}; rows are sorted by it, largest first
     * @return the table's text, PyTorch's layout
     * @throws IllegalArgumentException for another key ("unknown sort_by key: cuda_time")
     */
    public String table(String sortBy) { return table(sortBy, 100); }

    /**
     * {@code key_averages().table(sort_by=sortBy, row_limit=rowLimit)}: PyTorch's columns (Name, Self CPU %, Self
     * CPU, CPU total %, CPU total, CPU time avg, CPU Mem and Self CPU Mem with profile_memory, # of Calls, Input
     * Shapes when grouped by shape with record_shapes), times as PyTorch formats them (us, ms, s).
     *
     * @param sortBy {@code "self_cpu_time_total"}, {@code "cpu_time_total"},
     *     {@code "cpu_time"} (the average), {@code "count"}, {@code "cpu_memory_usage"} or
     *     {@code "self_cpu_memory_usage"}; rows are sorted by it, largest first
     * @param rowLimit the most rows shown; a negative value shows all
     * @return the table's text
     * @throws IllegalArgumentException for another key ("unknown sort_by key: cuda_time")
     */
    public String table(String sortBy, int rowLimit) {
        Comparator<Row> order = switch (sortBy) {
            case "self_cpu_time_total" -> Comparator.comparingLong(Row::selfCpuNs);
            case "cpu_time_total" -> Comparator.comparingLong(Row::cpuTotalNs);
            case "cpu_time" -> Comparator.comparingDouble(Row::cpuTimeAvgNs);
            case "count" -> Comparator.comparingInt(Row::count);
            case "cpu_memory_usage" -> Comparator.comparingLong(Row::cpuMemory);
            case "self_cpu_memory_usage" -> Comparator.comparingLong(Row::selfCpuMemory);
            default -> throw new IllegalArgumentException("unknown sort_by key: " + sortBy);
        };
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(order.reversed());
        if (rowLimit >= 0 && sorted.size() > rowLimit) sorted = sorted.subList(0, rowLimit);

        long selfTotal = 0;
        for (Row r : rows) selfTotal += r.selfCpuNs;
        int nameWidth = 0, shapesWidth = 0;
        for (Row r : rows) {
            nameWidth = Math.max(nameWidth, r.name.length() + 4);
            shapesWidth = Math.max(shapesWidth, r.inputShapes.length() + 4);
        }
        nameWidth = Math.min(nameWidth, MAX_NAME_WIDTH);
        shapesWidth = Math.min(shapesWidth, MAX_SHAPES_WIDTH);

        List<String> headers = new ArrayList<>(List.of("Name", "Self CPU %", "Self CPU", "CPU total %", "CPU total", "CPU time avg"));
        if (options.profileMemory()) headers.addAll(List.of("CPU Mem", "Self CPU Mem"));
        headers.add("# of Calls");
        boolean shapes = byShape && options.recordShapes();
        if (shapes) headers.add("Input Shapes");

        StringBuilder sep = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            int w = i == 0 ? nameWidth : shapes && i == headers.size() - 1 ? shapesWidth : COLUMN_WIDTH;
            sep.append("-".repeat(w)).append("  ");
        }
        StringBuilder out = new StringBuilder();
        out.append(sep).append('\n');
        appendRow(out, headers, nameWidth, shapesWidth, shapes);
        out.append(sep).append('\n');
        for (Row r : sorted) {
            List<String> cells = new ArrayList<>();
            cells.add(r.name.length() >= MAX_NAME_WIDTH - 3 ? r.name.substring(0, MAX_NAME_WIDTH - 3) + "..." : r.name);
            cells.add(percent(r.selfCpuNs, selfTotal));
            cells.add(time(r.selfCpuNs));
            cells.add(percent(r.cpuTotalNs, selfTotal));
            cells.add(time(r.cpuTotalNs));
            cells.add(time(r.cpuTimeAvgNs()));
            if (options.profileMemory()) {
                cells.add(memory(r.cpuMemory));
                cells.add(memory(r.selfCpuMemory));
            }
            cells.add(Integer.toString(r.count));
            if (shapes) cells.add(r.inputShapes.substring(0, Math.min(r.inputShapes.length(), shapesWidth)));
            appendRow(out, cells, nameWidth, shapesWidth, shapes);
        }
        out.append(sep).append('\n');
        out.append("Self CPU time total: ").append(time(selfTotal)).append('\n');
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int nameWidth, int shapesWidth, boolean shapes) {
        for (int i = 0; i < cells.size(); i++) {
            int w = i == 0 ? nameWidth : shapes && i == cells.size() - 1 ? shapesWidth : COLUMN_WIDTH;
            String c = cells.get(i);
            out.append(" ".repeat(Math.max(0, w - c.length()))).append(c).append("  ");
        }
        out.append('\n');
    }

    private static String percent(long part, long total) {
        if (total == 0) return "NaN";
        return String.format(Locale.ROOT, "%.2f%%", 100.0 * part / total);
    }

    /** PyTorch's _format_time: us below a millisecond, then ms, then s; three decimals. */
    static String time(double ns) {
        double us = ns / 1e3;
        if (us >= 1e6) return String.format(Locale.ROOT, "%.3fs", us / 1e6);
        if (us >= 1e3) return String.format(Locale.ROOT, "%.3fms", us / 1e3);
        return String.format(Locale.ROOT, "%.3fus", us);
    }

    /** PyTorch's _format_memory: Gb/Mb/Kb with two decimals, plain bytes below a kilobyte. */
    static String memory(long bytes) {
        double kb = 1024, mb = kb * 1024, gb = mb * 1024;
        long abs = Math.abs(bytes);
        if (abs >= gb) return String.format(Locale.ROOT, "%.2f Gb", bytes / gb);
        if (abs >= mb) return String.format(Locale.ROOT, "%.2f Mb", bytes / mb);
        if (abs >= kb) return String.format(Locale.ROOT, "%.2f Kb", bytes / kb);
        return bytes + " b";
    }

    @Override public String toString() { return table(); }
}
