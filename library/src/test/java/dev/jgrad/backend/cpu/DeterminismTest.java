package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Same inputs, same bits: before and after the JIT warms up, and in any thread. {@link DeterminismProbe}
 * runs every kernel family {@value DeterminismProbe#ROUNDS} times in a fresh JVM (this one has long been
 * warmed by other tests) and reports any result whose bits moved from the first call's. Oracle: the first
 * call itself. Two things used to break it: reduceLanes(ADD), whose order of additions changes when C2
 * compiles a loop (now {@link LaneSums}), and the Vector API's EXP/LOG/SIN/COS/TANH, which are SVML once
 * compiled and Math before (now {@link FloatVectorMath} or Math).
 */
class DeterminismTest {
    private static String classPath() {
        List<String> parts = new ArrayList<>();
        parts.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        parts.add(Path.of("target", "classes").toAbsolutePath().toString());
        for (String key : new String[] {"jdk.module.path", "java.class.path"}) {
            String v = System.getProperty(key);
            if (v != null && !v.isEmpty()) parts.add(v);
        }
        return String.join(File.pathSeparator, parts);
    }

    /** The probe's output in a new JVM with the vector module and these extra options. */
    private static String probe(String... options) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(Arrays.asList(options));
        command.addAll(List.of("-cp", classPath(), DeterminismProbe.class.getName()));
        Path out = Files.createTempFile("jgrad-determinism", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().remove("JDK_JAVA_OPTIONS");
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().remove("_JAVA_OPTIONS");
            Process process = pb.start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("probe did not finish in 300 s: " + command + "\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void assertNothingChanged(String... options) throws Exception {
        // The forks choose their own options: once per build is enough (not again in the fast-paths-off run).
        assumeTrue(KernelConfig.FAST_PATHS, "the forked JVMs run in the default surefire execution");
        String output = probe(options);
        assertTrue(output.lines().anyMatch("done"::equals), output);
        List<String> changed = output.lines().filter(l -> l.startsWith("changed ")).toList();
        long same = output.lines().filter(l -> l.startsWith("same ")).count();
        assertTrue(changed.isEmpty(), String.join("\n", changed));
        assertEquals(DeterminismProbe.cases().size(), same, output);
    }

    @Test
    void fastPathsPureJavaKernels() throws Exception {
        assertNothingChanged("-Djgrad.blas=false");
    }

    @Test
    void fastPathsWithOpenBlasWhereFound() throws Exception {
        assertNothingChanged();
    }

    @Test
    void plainReferenceLoops() throws Exception {
        assertNothingChanged("-Djgrad.fastpaths=false");
    }

    /**
     * Work is split over threads in ranges fixed by the size and the thread count, never by which worker
     * picks a range up first, so with big tensors (past every split threshold) repeated calls agree bit
     * for bit at each thread count. Across thread counts sums may differ in the last bits, as PyTorch's
     * do: jgrad's float sums split and add like PyTorch 1.13's, whose order depends on get_num_threads().
     */
    @Test
    void parallelSplitsDoNotDependOnScheduling() {
        Torch.manualSeed(3);
        Tensor x = Torch.randn(300_000), m = Torch.randn(256, 1024), v = Torch.randn(1024);
        int threads = Parallel.numThreads();
        try {
            for (int n : new int[] {1, 2, 3, 7}) {
                Torch.setNumThreads(n);
                List<long[]> first = null;
                for (int round = 0; round < 30; round++) {
                    List<long[]> got = List.of(bits(x.sum()), bits(x.exp()), bits(m.sum(1)), bits(m.sum(0)),
                            bits(m.matmul(v)), bits(m.softmax(1)), bits(x.norm()), bits(x.cumsum(0)), bits(x.amax(0, false)));
                    if (first == null) first = got;
                    for (int i = 0; i < got.size(); i++) {
                        assertTrue(Arrays.equals(first.get(i), got.get(i)), "result " + i + " with " + n + " threads, round " + round);
                    }
                }
            }
        } finally {
            Torch.setNumThreads(threads);
        }
    }

    private static long[] bits(Tensor t) {
        double[] v = t.contiguous().toDoubleArray();
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) b[i] = Double.doubleToRawLongBits(v[i]);
        return b;
    }
}
