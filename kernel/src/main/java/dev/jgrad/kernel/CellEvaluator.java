package dev.jgrad.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

/**
 * A JShell that evaluates notebook cells: a cell is cut into snippets, which run one after another in this
 * JVM with their state (variables, methods, classes, imports) kept for later cells. The cell's value is
 * that of its last snippet when that is an expression not followed by a semicolon, as in IPython.
 */
public final class CellEvaluator implements AutoCloseable {
    /** Imports of JShell's DEFAULT startup, which ./jgrad shell also loads before tools/shell/startup.jsh. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*", "java.util.concurrent.*",
            "java.util.function.*", "java.util.prefs.*", "java.util.regex.*", "java.util.stream.*");

    private final CapturingExecutionControl control = new CapturingExecutionControl();
    private final JShell shell;
    private final SourceCodeAnalysis analysis;

    /**
     * A JShell whose compiler sees {@code classPath} (jgrad, the examples, XChart: the kernel's own class
     * path) and which starts with the imports of the jgrad shell.
     */
    public CellEvaluator(String classPath) {
        shell = JShell.builder()
                .executionEngine(CapturingExecutionControl.provider(control), null)
                .compilerOptions("--add-modules", "jdk.incubator.vector")
                .build();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) shell.addToClasspath(entry);
        }
        analysis = shell.sourceCodeAnalysis();
        for (String name : DEFAULT_IMPORTS) eval("import " + name + ";");
        for (String imp : startupImports()) eval(imp);
        eval("import static dev.jgrad.kernel.Notebook.*;");
    }

    /** The import snippets of tools/shell/startup.jsh (packed into the kernel jar); its commands are for the tool. */
    static List<String> startupImports() {
        String script;
        try (InputStream in = CellEvaluator.class.getResourceAsStream("startup.jsh")) {
            if (in == null) throw new IllegalStateException("startup.jsh is missing from the kernel's resources");
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script.lines().map(String::strip).filter(line -> line.startsWith("import ")).toList();
    }

    /**
     * Runs a cell and returns its value: the last snippet's value when it is an expression written without a
     * closing semicolon, else null.
     *
     * @throws CompilationException when a snippet does not compile (the snippets before it have run)
     * @throws Throwable (unchecked or not) what a snippet threw, itself, so the notebook shows its class and message
     */
    public Object eval(String cell) {
        Object value = null;
        for (String source : snippets(cell)) {
            value = evalSnippet(source);
        }
        // as in IPython, a semicolon after the last expression keeps its value from being shown
        return cell.strip().endsWith(";") ? null : value;
    }

    private Object evalSnippet(String source) {
        control.clear();
        List<SnippetEvent> events = shell.eval(source);
        Object value = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) continue;  // updates of other snippets that this one caused
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                throw new CompilationException(diagnostics(snippet));
            }
            if (event.exception() != null) {
                Throwable thrown = control.lastThrowable();
                if (thrown == null) throw rethrow(describe(event.exception()));
                thrown.setStackTrace(cellFrames(thrown.getStackTrace()));
                throw rethrow(thrown);
            }
            if (isExpression(snippet)) value = control.lastValue();
        }
        return value;
    }

    private static boolean isExpression(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND -> true;  // not assignments, as in IPython
            default -> false;
        };
    }

    private String diagnostics(Snippet snippet) {
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).toList();
        if (diags.isEmpty()) return "the snippet was rejected: " + snippet.source().strip();
        String source = snippet.source();
        List<String> lines = new ArrayList<>();
        for (Diag d : diags) {
            lines.add(d.getMessage(Locale.ROOT));
            int start = (int) Math.max(0, d.getStartPosition());
            int lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
            int lineEnd = source.indexOf('\n', start);
            String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            lines.add(line);
            lines.add(" ".repeat(Math.max(0, start - lineStart)) + "^");
        }
        return String.join("\n", lines);
    }

    /** The frames of a snippet's exception down to the snippet itself, without JShell's and the kernel's below it. */
    static StackTraceElement[] cellFrames(StackTraceElement[] frames) {
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().startsWith("REPL.")) {
                int end = i + 1;
                while (end < frames.length && frames[end].getClassName().startsWith("REPL.")) end++;
                return java.util.Arrays.copyOf(frames, end);
            }
        }
        return frames;
    }

    /** JShell's own exceptions stand in when the snippet's exception was not captured (unresolved references). */
    private static Throwable describe(JShellException e) {
        if (e instanceof UnresolvedReferenceException u) {
            return new CompilationException("attempted to use " + u.getSnippet().source().strip()
                    + ", which cannot be used until its unresolved references are declared");
        }
        if (e instanceof EvalException ee) return new RuntimeException(ee.getExceptionClassName() + ": " + ee.getMessage());
        return e;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
        throw (T) t;  // the user's exception itself, checked or not: its class name is the Jupyter error name
    }

    /** The cell cut into complete snippets, in order; an incomplete tail is returned whole (JShell reports it). */
    List<String> snippets(String cell) {
        List<String> result = new ArrayList<>();
        String remaining = cell;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                result.add(remaining.strip());
                break;
            }
            result.add(info.source().strip());
            remaining = info.remaining();
        }
        return result;
    }

    /** Where the snippet that holds the cursor begins and ends in the cell. */
    private int[] snippetAround(String cell, int cursor) {
        int start = 0;
        String remaining = cell;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) break;
            int end = cell.length() - info.remaining().length();
            if (cursor <= end) return new int[] {start, end};
            start = end;
            remaining = info.remaining();
        }
        return new int[] {start, cell.length()};
    }

    /** Tab completion at {@code cursor}: the suggested texts and the cell range [start, cursor) they replace. */
    public Completion complete(String cell, int cursor) {
        int[] range = snippetAround(cell, cursor);
        String source = cell.substring(range[0], range[1]);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(source, cursor - range[0], anchor);
        Set<String> texts = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            if (s.matchesType()) texts.add(s.continuation());
        }
        for (SourceCodeAnalysis.Suggestion s : suggestions) texts.add(s.continuation());
        return new Completion(List.copyOf(texts), range[0] + anchor[0], cursor);
    }

    /** Suggested replacements for the cell range [start, end). */
    public record Completion(List<String> matches, int start, int end) {}

    /** Javadoc-style signatures of what the cursor is on (Shift-Tab in Jupyter), or an empty string. */
    public String inspect(String cell, int cursor) {
        int[] range = snippetAround(cell, cursor);
        String source = cell.substring(range[0], range[1]);
        return analysis.documentation(source, cursor - range[0], false).stream()
                .map(SourceCodeAnalysis.Documentation::signature).distinct().collect(Collectors.joining("\n"));
    }

    /** Whether a console should run the code now: "complete", "incomplete", or "invalid". */
    public String isComplete(String code) {
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness c = info.completeness();
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) return "incomplete";
            if (c == Completeness.UNKNOWN) return "invalid";
            remaining = info.remaining();
        }
        return "complete";
    }

    @Override
    public void close() {
        shell.close();
    }
}
