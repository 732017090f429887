package dev.jgrad.profiler;

import static dev.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.Tensor;
import dev.jgrad.testutil.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profiler's table layout (PyTorch's columns, widths, units, footer), grouping, sorting and Chrome trace. */
class ProfilerTest {

    @Test
    void tutorialLoopGivesOneRowPerOpWithCounts() {
        Tensor x = randn(2, 3).requiresGrad_(), y = rand(2, 3).requiresGrad_();
        Tensor z = ones(2, 3).requiresGrad_();
        Profile prf;
        try (var p = Profiler.profile()) {
            prf = p;
            for (int i = 0; i < 1000; i++) z = z.div(x).mul(y);
        }
        String table = prf.keyAverages().table("self_cpu_time_total");
        String[] lines = table.split("\n");
        assertEquals("-------------  ------------  ------------  ------------  ------------  ------------  ------------  ", lines[0]);
        assertEquals("         Name    Self CPU %      Self CPU   CPU total %     CPU total  CPU time avg    # of Calls  ", lines[1]);
        assertEquals(lines[0], lines[2]);
        assertTrue(lines[3].startsWith("    aten::div") || lines[3].startsWith("    aten::mul"), lines[3]);
        assertTrue(lines[3].endsWith("          1000  "), lines[3]);
        assertTrue(lines[4].endsWith("          1000  "), lines[4]);
        assertEquals(lines[0], lines[5]);
        assertTrue(lines[6].matches("Self CPU time total: \\d+\\.\\d{3}(us|ms|s)"), lines[6]);
        assertEquals(7, lines.length);
        // self times sort descending and percentages add up to 100
        List<KeyAverages.Row> rows = prf.keyAverages().rows();
        assertEquals(2, rows.size());
        double pct = 0;
        for (String l : List.of(lines[3], lines[4])) pct += Double.parseDouble(l.trim().split("\\s+")[1].replace("%", ""));
        assertEquals(100.0, pct, 0.02);
    }

    @Test
    void backwardNodesRecordFunctionsShapesAndMemory() {
        Profile prf;
        try (var p = Profiler.profile(Profiler.Options.defaults().withRecordShapes(true).withProfileMemory(true))) {
            prf = p;
            Tensor loss;
            try (var r = Profiler.recordFunction("my_block")) {
                Tensor a = ones(20, 30).requiresGrad_();
                loss = a.mul(2).sum();
            }
            loss.backward();
        }
        Map<String, KeyAverages.Row> byName = new java.util.HashMap<>();
        for (KeyAverages.Row r : prf.keyAverages().rows()) byName.put(r.name(), r);
        assertTrue(byName.containsKey("my_block"));
        assertTrue(byName.containsKey("autograd::engine::evaluate_function: SumBackward0"));
        assertTrue(byName.containsKey("autograd::engine::evaluate_function: MulBackward0"));
        KeyAverages.Row mul = byName.get("aten::mul");  // forward a*2 and the backward's grad*2, as in PyTorch's table
        assertEquals(2, mul.count());
        assertTrue(mul.selfCpuMemory() >= 2 * 20 * 30 * 4 && mul.selfCpuMemory() < 2 * 20 * 30 * 4 + 64, "" + mul.selfCpuMemory());
        KeyAverages.Row block = byName.get("my_block");
        // the block's interval holds the forward mul and the sum (the backward's mul runs after it): checked on the
        // events themselves, as a comparison of totals would also count the backward mul's time
        ProfilerEvent blockEvent = prf.events().stream().filter(e -> e.name().equals("my_block")).findFirst().orElseThrow();
        List<ProfilerEvent> inside = prf.events().stream()
                .filter(e -> (e.name().equals("aten::mul") || e.name().equals("aten::sum")) && e.threadId() == blockEvent.threadId()
                        && e.startNs() >= blockEvent.startNs() && e.endNs() <= blockEvent.endNs())
                .toList();
        assertEquals(List.of("aten::mul", "aten::sum"), inside.stream().map(ProfilerEvent::name).distinct().sorted().toList());
        assertEquals(1, inside.stream().filter(e -> e.name().equals("aten::mul")).count(), "only the forward mul runs inside the block");
        assertTrue(block.cpuMemory() >= 20 * 30 * 4 + 4);
        String table = prf.keyAverages(true).table("cpu_time_total", 5);
        String[] lines = table.split("\n");
        assertTrue(lines[1].contains("CPU Mem  Self CPU Mem    # of Calls"), lines[1]);
        assertTrue(lines[1].trim().endsWith("Input Shapes"), lines[1]);
        assertEquals(3 + 5 + 2, lines.length);
        assertTrue(table.contains("[[20, 30], []]"), table);
        int maxCount = prf.keyAverages().rows().stream().mapToInt(KeyAverages.Row::count).max().orElseThrow();
        String top = prf.keyAverages().table("count", 3).split("\n")[3].trim();
        assertTrue(top.endsWith(" " + maxCount), top);
    }

    @Test
    void chromeTraceIsJsonWithCompleteEvents(@TempDir Path dir) throws Exception {
        Profile prf;
        try (var p = Profiler.profile()) {
            prf = p;
            ones(3).mul(2).sum();
        }
        Path file = dir.resolve("trace.json");
        prf.exportChromeTrace(file);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(file));
        List<?> events = (List<?>) json.get("traceEvents");
        assertEquals(prf.events().size(), events.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) events.get(0);
        assertEquals("X", first.get("ph"));
        for (String k : List.of("name", "ts", "dur", "pid", "tid", "args")) assertTrue(first.containsKey(k), k);
        assertTrue(events.stream().anyMatch(e -> "aten::sum".equals(((Map<?, ?>) e).get("name"))));
    }

    @Test
    void chromeTraceStaysValidJsonWhateverALabelHolds(@TempDir Path dir) throws Exception {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) controls.append(c);
        List<String> labels = List.of("tab\there", "line\nbreak\r\n", "quote \" and backslash \\ and /", controls.toString(),
                "del \u007f, \u2028 and \u00e9", "emoji \ud83d\ude00", "lone \ud800 high", "lone \udc00 low", "end \ud83d");
        Profile prf;
        try (var p = Profiler.profile()) {
            prf = p;
            for (String label : labels) {
                try (var r = Profiler.recordFunction(label)) {
                    ones(2).add(1);
                }
            }
        }
        Path file = dir.resolve("trace.json");
        prf.exportChromeTrace(file);
        // Jackson, strict by default, reads the bytes as UTF-8 and rejects raw control characters in strings
        List<String> names = new ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser parser = new com.fasterxml.jackson.core.JsonFactory().createParser(file.toFile())) {
            for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && parser.currentName().equals("name")) {
                    parser.nextToken();
                    names.add(parser.getText());
                }
            }
        }
        for (String label : labels) assertTrue(names.contains(label), "label lost: " + label.chars().boxed().toList());
        assertEquals(prf.events().size(), names.size());
    }

    @Test
    void nothingIsRecordedOutsideAProfileAndFormatsFollowPyTorch() {
        assertFalse(Profiler.isActive());
        assertNull(Profiler.enter("aten::x"));
        assertEquals("1.500us", KeyAverages.time(1500));
        assertEquals("2.425ms", KeyAverages.time(2_425_000));
        assertEquals("1.000s", KeyAverages.time(1_000_000_000));
        assertEquals("8 b", KeyAverages.memory(8));
        assertEquals("-2.62 Kb", KeyAverages.memory(-2683));
        assertEquals("2.35 Kb", KeyAverages.memory(2406));
        assertEquals("1.50 Mb", KeyAverages.memory(1572864));
    }
}
