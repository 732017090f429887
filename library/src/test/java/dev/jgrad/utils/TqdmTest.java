package dev.jgrad.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.Torch;
import dev.jgrad.testutil.Json;
import dev.jgrad.utils.data.DataLoader;
import dev.jgrad.utils.data.TensorDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Tqdm against tqdm 4.64 itself (fixtures/tqdm.json from tools/fixtures/gen_tqdm.py): the same steps on
 * the same fake clock must write the same bytes on a terminal, and format_meter / format_num agree.
 */
class TqdmTest {
    private static final Map<String, Object> FIXTURE = Json.asMap(Json.resource("fixtures/tqdm.json"));

    private final double[] now = {0};
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() { return bytes.toString(StandardCharsets.UTF_8); }

    /** An iterable without a size: tqdm shows no total. */
    private static Iterable<Integer> unsized(int n) {
        return () -> IntStream.range(0, n).iterator();
    }

    @SuppressWarnings("unchecked")
    private void replay(String name) {
        Map<String, Object> run = Json.asMap(Json.asMap(FIXTURE.get("runs")).get(name));
        List<Object> steps = Json.asList(run.get("steps"));
        Long total = run.get("total") == null ? null : Json.asLong(run.get("total"));
        now[0] = 1000.0;
        if ((Boolean) run.get("iterate")) {
            int items = (int) steps.stream().filter(s -> "it".equals(Json.asList(s).get(1))).count();
            Iterable<Integer> source = total == null ? unsized(items) : IntStream.range(0, items).boxed().toList();
            Tqdm<Integer> bar = Tqdm.tqdm(source).desc((String) run.get("desc")).leave((Boolean) run.get("leave")).file(out)
                    .terminal(true).clock(() -> now[0]);
            Iterator<Integer> it = bar.iterator();
            for (Object s : steps) {
                List<Object> step = Json.asList(s);
                now[0] += Json.asDouble(step.get(0));
                Object action = step.get(1);
                if ("it".equals(action)) it.next();
                else apply(bar, Json.asList(action));
            }
            while (it.hasNext()) it.next();
        } else {
            Tqdm<Void> bar = Tqdm.manual(total).desc((String) run.get("desc")).leave((Boolean) run.get("leave")).file(out)
                    .terminal(true).clock(() -> now[0]).start();
            for (Object s : steps) {
                List<Object> step = Json.asList(s);
                now[0] += Json.asDouble(step.get(0));
                List<Object> action = Json.asList(step.get(1));
                if (action.get(0).equals("update")) bar.update(Json.asLong(action.get(1)));
                else apply(bar, action);
            }
            bar.close();
        }
        assertEquals(run.get("output"), written(), name);
    }

    private static void apply(Tqdm<?> bar, List<Object> action) {
        switch ((String) action.get(0)) {
            case "postfix" -> {
                Map<String, Object> values = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : Json.asMap(action.get(1)).entrySet()) {
                    Object v = e.getValue();
                    values.put(e.getKey(), v instanceof Json.Num num
                            ? (num.text().matches("-?\\d+") ? (Object) num.longValue() : (Object) num.doubleValue()) : v);
                }
                bar.setPostfix(values);
            }
            case "postfix_str" -> bar.setPostfixStr((String) action.get(1));
            default -> throw new IllegalArgumentException(action.toString());
        }
    }

    @Test void rangeWithLoss() { replay("range_100_with_loss"); }

    @Test void irregularSpeedsAreSmoothed() { replay("irregular"); }

    @Test void unknownTotalShowsSecondsPerIteration() { replay("unknown_total"); }

    @Test void manualUpdatesOverHours() { replay("manual_hours"); }

    @Test void leaveFalseErasesTheBar() { replay("manual_leave_false"); }

    @Test void postfixMap() { replay("postfix_map"); }

    @Test
    void formatMeterAsTqdm() {
        for (Object o : Json.asList(FIXTURE.get("format_meter"))) {
            Map<String, Object> m = Json.asMap(o);
            Long total = m.get("total") == null ? null : Json.asLong(m.get("total"));
            String text = Tqdm.formatMeter(Json.asLong(m.get("n")), total, Json.asDouble(m.get("elapsed")), (String) m.get("prefix"), "it",
                    null, (String) m.get("postfix"));
            assertEquals(m.get("text"), text, m.toString());
        }
    }

    @Test
    void formatNumAsTqdm() {
        for (Object o : Json.asList(FIXTURE.get("format_num"))) {
            Map<String, Object> m = Json.asMap(o);
            Number v = (Boolean) m.get("int") ? (Number) Json.asLong(m.get("value")) : (Number) Json.asDouble(m.get("value"));
            assertEquals(m.get("text"), Tqdm.formatNum(v), m.toString());
        }
    }

    @Test
    void notATerminalWritesWholeLinesAtMostEveryTenSeconds() {
        now[0] = 0;
        List<Integer> seen = new ArrayList<>();
        for (int i : Tqdm.tqdm(IntStream.range(0, 100).boxed().toList()).file(out).terminal(false).clock(() -> now[0])) {
            seen.add(i);
            now[0] += 0.5;  // 50 s in all: a line at the start, about every 10 s, and the final one
        }
        assertEquals(100, seen.size());
        String text = written();
        assertTrue(!text.contains("\r"), text);
        String[] lines = text.split("\n");
        assertEquals("  0%|          | 0/100 [00:00<?, ?it/s]", lines[0]);
        assertEquals("100%|██████████| 100/100 [00:50<00:00,  2.00it/s]", lines[lines.length - 1]);
        assertTrue(lines.length >= 5 && lines.length <= 8, text);
        for (String line : lines) assertTrue(line.matches(" *\\d+%\\|.{10}\\| \\d+/100 \\[.*]"), line);
    }

    @Test
    void wrapsADataLoaderWithItsLength() {
        DataLoader loader = new DataLoader(new TensorDataset(Torch.arange(10)), 4);
        now[0] = 0;
        int batches = 0;
        for (var batch : Tqdm.tqdm(loader).file(out).terminal(true).clock(() -> now[0])) {
            batches++;
            now[0] += 1;
        }
        assertEquals(3, batches);
        assertTrue(written().endsWith("\r100%|██████████| 3/3 [00:03<00:00,  1.00it/s]\n"), written());
    }

    @Test
    void closeAfterBreakingOutPrintsTheFinalState() {
        now[0] = 0;
        try (var bar = Tqdm.trange(10).file(out).terminal(true).clock(() -> now[0])) {
            for (long i : bar) {
                now[0] += 1;
                if (i == 3) break;
            }
        }
        // tqdm counts an element once the loop asks for the next: the 4th was handed out, not finished
        assertTrue(written().endsWith("\r 30%|███       | 3/10 [00:04<00:09,  1.33s/it]\n"), written());
    }
}
