package dev.jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jdk.jshell.tool.JavaShellToolBuilder;
import org.junit.jupiter.api.Test;

/**
 * ./jgrad shell's setup, run through JShell's own tool in this JVM: tools/shell/feedback.jsh makes the
 * feedback mode "jgrad", then a session with tools/shell/startup.jsh and --feedback jgrad (as the launcher
 * starts it) must resolve Module to jgrad's and echo a 100-element tensor whole.
 */
class ShellStartupTest {
    static final Path SHELL = Path.of("..", "tools", "shell");

    /** Runs the jshell tool on {@code input} with these preferences and arguments; returns what it printed. */
    static String runTool(Map<String, String> prefs, String input, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        JavaShellToolBuilder.builder()
                .persistence(prefs)  // a map, not the user's preferences: the retained mode lives here
                .in(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), null)
                .out(print).err(print)
                .run(args);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void moduleIsJgradsAndTensorsEchoWhole() throws Exception {
        Map<String, String> prefs = new HashMap<>();
        runTool(prefs, Files.readString(SHELL.resolve("feedback.jsh")), "-q", "--no-startup");

        String output = runTool(prefs,
                "Module.class.getName()\nFunction.class.getName()\nvar x = arange(100.0)\n/exit\n",
                "--execution", "local", "--class-path", System.getProperty("java.class.path"),
                "--startup", "DEFAULT", "--startup", SHELL.resolve("startup.jsh").toString(), "--feedback", "jgrad");

        assertTrue(output.contains("==> \"dev.jgrad.nn.Module\""), output);
        assertTrue(output.contains("==> \"dev.jgrad.autograd.Function\""), output);
        Tensor x = Torch.arange(100.0);
        assertTrue(output.contains("x ==> " + x), output);  // every element, no "..."
        assertTrue(x.toString().contains(" 50.,") && !x.toString().contains("..."), x.toString());
    }

    @Test
    void withoutTheModeJShellWouldCutTheTensor() throws Exception {
        String output = runTool(new HashMap<>(), "var x = arange(100.0)\n/exit\n",
                "--execution", "local", "--class-path", System.getProperty("java.class.path"),
                "--startup", "DEFAULT", "--startup", SHELL.resolve("startup.jsh").toString());
        assertTrue(output.contains("x ==> tensor([ 0.,  1.,"), output);
        assertTrue(output.contains(" ..."), output);  // the default "normal" mode truncates: what the mode fixes
        assertEquals(-1, output.indexOf(" 50.,"), output);  // the middle is gone
    }
}
