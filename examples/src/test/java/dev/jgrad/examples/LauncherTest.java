package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./jgrad example} without a name, or with a wrong one: a usage line or "no example named X", then
 * the list of examples, exit code 2, and no Maven output (these paths never start Maven). The list must
 * be exactly the example classes that have a main method.
 */
class LauncherTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();  // surefire runs in examples/

    private record Result(int exitCode, String output) {}

    private static Result launcher(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", ROOT.resolve("jgrad").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));  // the JDK running this test
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher did not finish");
        return new Result(p.exitValue(), out);
    }

    private static List<String> examplesWithMain() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("examples/src/main/java/dev/jgrad/examples"))) {
            return files.filter(f -> {
                try {
                    return Files.readString(f).contains("static void main");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> f.getFileName().toString().replace(".java", "")).sorted().toList();
        }
    }

    private static void assertListsEveryExample(String output) throws IOException {
        List<String> listed = new ArrayList<>();
        for (String line : output.lines().toList()) {
            if (line.startsWith("  ")) listed.addAll(List.of(line.trim().split(" +")));
        }
        assertEquals(examplesWithMain(), listed.stream().sorted().toList(), output);
        assertTrue(listed.contains("TrainClassifier"), output);
        assertFalse(output.contains("[ERROR]") || output.contains("parameter not set"), output);
    }

    @Test
    void withoutANameItPrintsTheUsageAndTheList() throws Exception {
        Result r = launcher("example");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.output().startsWith("usage: ./jgrad example NAME\n"), r.output());
        assertListsEveryExample(r.output());
    }

    @Test
    void aWrongNameSaysSoAndPrintsTheList() throws Exception {
        for (String name : new String[] {"NoSuchExample", "no_such_example", "../Tour", "Digits"}) {  // Digits has no main
            Result r = launcher("example", name);
            assertEquals(2, r.exitCode(), r.output());
            assertTrue(r.output().startsWith("no example named " + name + "\n"), r.output());
            assertListsEveryExample(r.output());
            assertTrue(r.output().lines().count() < 10, r.output());
        }
    }

    @Test
    void theReadmeNamesEveryExample() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (String name : examplesWithMain()) {
            String snake = name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
            assertTrue(readme.contains("`" + name + "`") || readme.contains("`" + snake + "`")
                    || readme.contains("example " + name) || readme.contains("examples." + name), "README does not mention the example " + name);
        }
    }
}
