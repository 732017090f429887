package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each example of the tour and compares what it prints with what the same program prints in
 * PyTorch 1.13 for the same seed and the same random draws: src/test/resources/fixtures/tour.json,
 * written by tools/fixtures/gen_tour.py from Python translations of the examples.
 *
 * <p>The fixture lists, per example, the blocks Python prints in order (one per print call). The Java
 * output must consist of exactly those blocks in that order; the only other lines allowed are Java-only
 * narrative lines starting with "# " (plot file names, notes where the Python prints nothing). Blocks
 * compare exactly, except torch.empty's uninitialised values (line count only) and the profiler table,
 * whose timings differ from run to run (header, rules, op names and call counts, footer).
 */
class TourOutputTest {
    private static final Map<String, Consumer<String[]>> EXAMPLES = Map.of(
            "TensorsTutorial", TensorsTutorial::main,
            "TensorOpsTour", TensorOpsTour::main,
            "AutogradTutorial", AutogradTutorial::main,
            "PracticeAnswers", PracticeAnswers::main);

    private static Map<String, Object> examples;

    @TempDir Path plots;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void loadFixture() throws IOException {
        try (InputStream in = TourOutputTest.class.getResourceAsStream("/fixtures/tour.json")) {
            assertNotNull(in, "fixtures/tour.json is missing: run /usr/bin/python3 tools/fixtures/gen_tour.py");
            Map<String, Object> doc = (Map<String, Object>) new MiniJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)).parse();
            examples = (Map<String, Object>) doc.get("examples");
        }
        assertEquals(EXAMPLES.keySet(), examples.keySet(), "the fixture's examples");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TensorsTutorial", "TensorOpsTour", "AutogradTutorial", "PracticeAnswers"})
    void printsWhatPyTorchPrints(String example) {
        List<String> lines = run(EXAMPLES.get(example), plots);
        @SuppressWarnings("unchecked")
        List<Object> blocks = (List<Object>) examples.get(example);
        int pos = 0;
        for (int b = 0; b < blocks.size(); b++) pos = match(example, b, blocks.get(b), lines, pos);
        for (int i = pos; i < lines.size(); i++) {
            if (!isNarrative(lines.get(i))) fail(example + " prints more than PyTorch does, from line " + (i + 1) + ":\n" + context(lines, i));
        }
    }

    @Test
    void runsTwiceTheSame() {
        // manualSeed(0) at the start of each example: a second run prints the same again
        for (String example : List.of("TensorsTutorial", "PracticeAnswers")) {
            List<String> first = withoutNarrative(run(EXAMPLES.get(example), plots));
            List<String> second = withoutNarrative(run(EXAMPLES.get(example), plots));
            assertEquals(first, second, example);
        }
    }

    @Test
    void answersEveryPracticeQuestion() {
        List<String> lines = run(PracticeAnswers::main, plots);
        long sections = lines.stream().filter(s -> s.startsWith("## Practice questions: ")).count();
        long questions = lines.stream().filter(s -> s.matches("### Q\\d\\) .+")).count();
        assertEquals(14, sections, "practice sections in the tutorial");
        assertEquals(34, questions, "practice questions in the tutorial");
        int f = lines.indexOf("### Q2) Create a function f(x) = 3x^3 + 2x^2 - 4x + 5 and compute its gradient at x=2.");
        assertTrue(f >= 0);
        assertEquals("tensor(40.)", lines.get(f + 2), "f'(2)");
    }

    @Test
    void autogradTutorialPlotsArePngs() throws IOException {
        List<String> lines = run(AutogradTutorial::main, plots);
        for (String name : List.of("sin_a", "grad_a")) {
            Path file = plots.resolve(name + ".png");
            assertTrue(Files.isRegularFile(file), file + " was not written");
            assertTrue(lines.stream().anyMatch(s -> s.startsWith("# plt.plot(") && s.endsWith(file.toString())), "the tour names " + file);
            byte[] head = Arrays.copyOf(Files.readAllBytes(file), 8);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, "PNG signature");
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, file + " is not a readable PNG");
            assertEquals(Plots.WIDTH, image.getWidth());
            assertEquals(Plots.HEIGHT, image.getHeight());
            assertEquals(640, image.getWidth());
            assertEquals(400, image.getHeight());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 2) for (int x = 0; x < image.getWidth(); x += 2) colours.add(image.getRGB(x, y));
            assertTrue(colours.size() > 2, "the plot is blank");
        }
    }

    // ------------------------------------------------------------------------------- running, matching

    /** Runs an example's main with System.out captured and plots written to plotDir; its output lines. */
    static List<String> run(Consumer<String[]> main, Path plotDir) {
        String oldPlots = System.getProperty("jgrad.plots");
        PrintStream oldOut = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setProperty("jgrad.plots", plotDir.toString());
            System.setOut(capture);
            main.accept(new String[0]);
        } finally {
            System.setOut(oldOut);
            if (oldPlots == null) System.clearProperty("jgrad.plots");
            else System.setProperty("jgrad.plots", oldPlots);
        }
        String text = buffer.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) lines.removeLast();  // the last println's newline
        return lines;
    }

    static boolean isNarrative(String line) { return line.startsWith("# "); }

    static List<String> withoutNarrative(List<String> lines) { return lines.stream().filter(s -> !isNarrative(s)).toList(); }

    /** Finds block b at pos, skipping narrative lines only; returns the index after it. */
    @SuppressWarnings("unchecked")
    private static int match(String example, int b, Object block, List<String> lines, int pos) {
        for (int p = pos; ; p++) {
            if (block instanceof String text) {
                List<String> want = Arrays.asList(text.split("\n", -1));
                if (p + want.size() <= lines.size() && lines.subList(p, p + want.size()).equals(want)) return p + want.size();
            } else {
                Map<String, Object> special = (Map<String, Object>) block;
                if (special.containsKey("unchecked")) {
                    Map<String, Object> u = (Map<String, Object>) special.get("unchecked");
                    int n = ((Number) u.get("lines")).intValue();
                    if (p + n <= lines.size() && lines.get(p).startsWith((String) u.get("first_prefix"))
                            && lines.subList(p, p + n).stream().noneMatch(TourOutputTest::isNarrative)) {
                        return p + n;
                    }
                } else if (special.containsKey("profiler")) {
                    Map<String, Object> prof = (Map<String, Object>) special.get("profiler");
                    if (p < lines.size() && lines.get(p).equals(prof.get("rule"))) return checkProfilerTable(example, prof, lines, p);
                } else {
                    fail("unknown block kind in tour.json: " + special.keySet());
                }
            }
            if (p >= lines.size() || !isNarrative(lines.get(p))) {
                fail(example + ": block " + b + " of the PyTorch output does not come next.\n--- PyTorch prints:\n"
                        + describe(block) + "\n--- jgrad prints, from line " + (pos + 1) + ":\n" + context(lines, pos));
            }
        }
    }

    private static final Pattern TIME = Pattern.compile("\\d+\\.\\d{3}(us|ms|s)");
    private static final Pattern PERCENT = Pattern.compile("-?\\d+\\.\\d{2}%");

    /** prf.key_averages().table(): the rules and header exactly, each op once with its call count, the footer. */
    @SuppressWarnings("unchecked")
    private static int checkProfilerTable(String example, Map<String, Object> prof, List<String> lines, int p) {
        String rule = (String) prof.get("rule");
        List<List<Object>> rows = (List<List<Object>>) prof.get("rows");
        String where = example + " profiler table:\n" + context(lines, p);
        assertEquals(prof.get("header"), lines.get(p + 1), where);
        assertEquals(rule, lines.get(p + 2), where);
        Map<String, Long> want = new TreeMap<>(), got = new TreeMap<>();
        for (List<Object> r : rows) want.put((String) r.get(0), ((Number) r.get(1)).longValue());
        int columns = lines.get(p + 1).trim().split(" {2,}").length;
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = lines.get(p + 3 + i).trim().split(" {2,}");
            assertEquals(columns, cells.length, "cells in a row\n" + where);
            assertTrue(PERCENT.matcher(cells[1]).matches() && PERCENT.matcher(cells[3]).matches(), "percent cells\n" + where);
            assertTrue(TIME.matcher(cells[2]).matches() && TIME.matcher(cells[4]).matches() && TIME.matcher(cells[5]).matches(),
                    "time cells\n" + where);
            got.put(cells[0], Long.parseLong(cells[cells.length - 1]));
        }
        assertEquals(want, got, "ops and # of Calls\n" + where);
        int end = p + 3 + rows.size();
        assertEquals(rule, lines.get(end), where);
        String footer = lines.get(end + 1);
        String prefix = (String) prof.get("footer_prefix");
        assertTrue(footer.startsWith(prefix) && TIME.matcher(footer.substring(prefix.length())).matches(), "footer\n" + where);
        int blanks = ((Number) prof.get("blank_lines_after")).intValue();
        for (int i = 0; i < blanks; i++) assertEquals("", lines.get(end + 2 + i), "blank line after the table\n" + where);
        return end + 2 + blanks;
    }

    private static String describe(Object block) {
        return block instanceof String s ? s : block.toString();
    }

    private static String context(List<String> lines, int from) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < Math.min(lines.size(), from + 14); i++) s.append(lines.get(i)).append('\n');
        return s.length() == 0 ? "(end of output)" : s.toString();
    }

    // ------------------------------------------------------------------------------- a small JSON reader

    /** Just enough JSON for the fixture: objects (key order kept), arrays, strings, numbers, literals. */
    static final class MiniJson {  // also read by PytorchExamplesTest
        private final String s;
        private int i;

        MiniJson(String s) { this.s = s; }

        Object parse() {
            Object v = value();
            ws();
            if (i != s.length()) throw error("trailing characters");
            return v;
        }

        private Object value() {
            ws();
            if (i >= s.length()) throw error("unexpected end");
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (peek('}')) return m;
                    do {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                    } while (peek(','));
                    expect('}');
                    return m;
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (peek(']')) return l;
                    do {
                        l.add(value());
                        ws();
                    } while (peek(','));
                    expect(']');
                    return l;
                }
                case '"' -> { return string(); }
                default -> {
                    for (String lit : List.of("true", "false", "null")) {
                        if (s.startsWith(lit, i)) {
                            i += lit.length();
                            return lit.equals("null") ? null : Boolean.valueOf(lit);
                        }
                    }
                    Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?").matcher(s).region(i, s.length());
                    if (!m.lookingAt()) throw error("unexpected character '" + c + "'");
                    i = m.end();
                    String num = m.group();
                    return m.group(1) == null && m.group(2) == null ? (Object) Long.parseLong(num) : (Object) Double.parseDouble(num);
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw error("unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);  // \" \\ \/
                }
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) throw error("expected '" + c + "'");
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("tour.json, offset " + i + ": " + what);
        }
    }
}
