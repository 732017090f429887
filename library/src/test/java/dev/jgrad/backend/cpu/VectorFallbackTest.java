package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * jgrad without the jdk.incubator.vector module: {@link VectorFallbackProbe} runs in fresh JVMs (the
 * surefire JVM always has the module), and the scalar twins of the PyTorch-mirroring sums are checked
 * against their vector code here.
 */
class VectorFallbackTest {
    /** A phrase of the one warning KernelConfig logs when the module is missing. */
    private static final String FALLBACK_LINE = "the fast vector paths are off";

    private record Run(int exitCode, String output) {
        List<String> results() {
            return output.lines().filter(l -> l.startsWith("result ")).toList();
        }

        String line(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(
                    "no line starting with '" + prefix + "' in:\n" + output));
        }

        int count(String phrase) {
            int n = 0;
            for (int at = output.indexOf(phrase); at >= 0; at = output.indexOf(phrase, at + 1)) n++;
            return n;
        }
    }

    private static final Map<List<String>, Run> RUNS = new HashMap<>();

    /**
     * The probe's class path: surefire runs this suite on the module path (jgrad's classes in
     * jdk.module.path, the test classes patched into the module), so both properties and the build's
     * class folders go on the fork's plain class path, where the fallback matters most.
     */
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

    /** Runs the probe in a new JVM with these options (and nothing inherited); each set runs once per class. */
    private static synchronized Run probe(String... jvmOptions) throws IOException, InterruptedException {
        List<String> key = List.of(jvmOptions);
        Run done = RUNS.get(key);
        if (done != null) return done;
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(key);
        command.add("-cp");
        command.add(classPath());
        command.add(VectorFallbackProbe.class.getName());
        Path out = Files.createTempFile("jgrad-vector-fallback", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            // Options from the environment could add the module back (or break the child's start-up).
            pb.environment().remove("JDK_JAVA_OPTIONS");
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().remove("_JAVA_OPTIONS");
            Process process = pb.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("probe did not finish in 180 s: " + command + "\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            RUNS.put(key, run);
            return run;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Run withoutModule() throws IOException, InterruptedException {
        return probe();
    }

    @Test
    void withoutTheModuleEveryKernelFamilyRunsAndLogsOnce() throws Exception {
        Run run = withoutModule();
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(1, run.count(FALLBACK_LINE), run.output());
        assertEquals(1, run.count("jgrad: "), run.output());  // one line, and nothing about native access
        assertTrue(run.output().contains("run the JVM with --add-modules jdk.incubator.vector"), run.output());
        assertEquals("config vectorApi=false vector=false fastPaths=true", run.line("config"));

        // Known values: PyTorch's torch.manual_seed(0); torch.randn(3), and [[0,1,2],[3,4,5]] @ [[0,1],[2,3],[4,5]].
        assertTrue(run.line("result randn3 ").contains("first=1.5409961 "), run.output());
        assertTrue(run.line("result matmul_small ").contains("sum=91.0 first=10.0 "), run.output());
        assertEquals(64, value(run.line("result softmax "), "sum"), 1e-5);
        assertEquals(0, value(run.line("result layer_norm "), "sum"), 1e-4);
    }

    @Test
    void withoutTheModuleResultsAreBitwiseThoseOfFastPathsOff() throws Exception {
        Run fallback = withoutModule();
        Run reference = probe("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Djgrad.fastpaths=false");
        assertEquals(0, fallback.exitCode(), fallback.output());
        assertEquals(0, reference.exitCode(), reference.output());
        assertEquals("config vectorApi=true vector=false fastPaths=false", reference.line("config"));
        List<String> want = reference.results(), got = fallback.results();
        assertFalse(got.isEmpty(), fallback.output());
        assertEquals(want.size(), got.size(), fallback.output());
        for (int i = 0; i < want.size(); i++) assertEquals(want.get(i), got.get(i));
    }

    @Test
    void withTheModuleTheFastPathsRunAndNothingIsLogged() throws Exception {
        Run fast = probe("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED");
        assertEquals(0, fast.exitCode(), fast.output());
        assertEquals(0, fast.count(FALLBACK_LINE), fast.output());
        assertEquals(0, fast.count("jgrad: "), fast.output());
        assertEquals(0, fast.count("restricted method"), fast.output());
        assertEquals("config vectorApi=true vector=true fastPaths=true", fast.line("config"));

        // Same math as the scalar kernels, up to the rounding of a different summation order.
        List<String> fastResults = fast.results(), scalarResults = withoutModule().results();
        assertEquals(scalarResults.size(), fastResults.size(), fast.output());
        for (int i = 0; i < fastResults.size(); i++) {
            String f = fastResults.get(i), s = scalarResults.get(i);
            assertEquals(s.substring(0, s.indexOf(" sum=")), f.substring(0, f.indexOf(" sum=")));
            for (String field : new String[] {"sum", "first"}) {
                double want = value(s, field), got = value(f, field);
                assertEquals(want, got, 1e-4 * Math.max(1, Math.abs(want)), field + " of\n" + f + "\nvs\n" + s);
            }
        }
    }

    @Test
    void withoutNativeAccessOneLineSaysWhatTheFlagWouldAddAndTheJvmWarnsOfNothing() throws Exception {
        Run run = probe("--add-modules", "jdk.incubator.vector");
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("config vectorApi=true vector=true fastPaths=true", run.line("config"));
        assertEquals(1, run.count("jgrad: "), run.output());
        assertEquals(1, run.count("jgrad: native access is not enabled"), run.output());
        assertTrue(run.output().contains("run the JVM with --enable-native-access=ALL-UNNAMED"), run.output());
        // The JVM's four lines about a restricted method: no restricted method was called.
        assertEquals(0, run.count("restricted method"), run.output());
        String others = run.output().replace("WARNING: Using incubator modules", "");
        assertFalse(others.contains("WARNING"), others);
    }

    @Test
    void warningsCanBeSwitchedOff() throws Exception {
        Run run = probe("-Djgrad.warnings=false");
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(0, run.count("jgrad: "), run.output());
    }

    private static double value(String line, String field) {
        int at = line.indexOf(" " + field + "=") + field.length() + 2;
        int end = line.indexOf(' ', at);
        return Double.parseDouble(line.substring(at, end < 0 ? line.length() : end));
    }

    // ------------------------------------------------------------ scalar twins of the vector reference sums

    private static float[] floats(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        // Mixed magnitudes, so that any change in the order of additions shows in the last bits.
        for (int i = 0; i < n; i++) x[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3));
        return x;
    }

    private static double[] doubles(int n, long seed) {
        float[] f = floats(n, seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = f[i] * (1 + 1e-9 * i);
        return x;
    }

    private static void assertSameBits(double want, double got, String what) {
        if (Double.isNaN(want) && Double.isNaN(got)) return;  // Java leaves NaN payloads unspecified
        assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), what + ": " + want + " vs " + got);
    }

    @Test
    void scalarTwinsOfTheReferenceSumsMatchTheVectorCodeBitForBit() {
        assumeTrue(KernelConfig.VECTOR_API, "needs the Vector API module to compare against");
        // Lengths around the lane count, the 4-vector groups and the cascade's level boundaries (16, 256, 4096 steps).
        int[] lengths = {8, 9, 15, 31, 32, 33, 100, 257, 1000, 4099, 16 * 256 * 8 + 5, 140_003};
        for (int n : lengths) {
            float[] x = floats(n + 3, n);
            double[] xd = doubles(n + 3, n);
            float[] s1 = new float[4 * FloatReduceKernels.VL], s2 = new float[4 * FloatReduceKernels.VL];
            double[] d1 = new double[4 * DoubleReduceKernels.VL], d2 = new double[4 * DoubleReduceKernels.VL];
            assertSameBits(FloatReduceVector.contiguousRowSum(x, 3, n, s1), FloatReduceKernels.contiguousRowSum(x, 3, n, s2),
                    "float contiguousRowSum n=" + n);
            assertSameBits(FloatReduceVector.norm2Row(x, 3, n, s1), FloatReduceKernels.norm2Row(x, 3, n, s2),
                    "float norm2Row n=" + n);
            if (n >= DoubleReduceKernels.VL) {
                assertSameBits(DoubleReduceVector.contiguousRowSum(xd, 3, n, d1), DoubleReduceKernels.contiguousRowSum(xd, 3, n, d2),
                        "double contiguousRowSum n=" + n);
                assertSameBits(DoubleReduceVector.norm2Row(xd, 3, n, d1), DoubleReduceKernels.norm2Row(xd, 3, n, d2),
                        "double norm2Row n=" + n);
            }
        }
        // Planes of rows x cols, columns adjacent: blocks of 4 vectors, single vectors and leftover columns.
        int[][] planes = {{1, 8}, {3, 32}, {17, 40}, {255, 75}, {256, 64}, {300, 257}, {4097, 71}};
        for (int[] rc : planes) {
            int rows = rc[0], cols = rc[1], stride = cols + 5;
            String what = rows + "x" + cols;
            float[] x = floats(2 + rows * stride, rows * 31L + cols);
            float[] want = new float[1 + 2 * cols], got = new float[1 + 2 * cols];
            for (int j = 0; j < want.length; j++) want[j] = got[j] = j * 0.25f;  // the sums add onto what is there
            FloatReduceVector.columnSums(x, 2, stride, want, 1, 2, rows, cols, new float[4 * FloatReduceKernels.VL]);
            FloatReduceKernels.columnSums(x, 2, stride, got, 1, 2, rows, cols, new float[4 * FloatReduceKernels.VL]);
            for (int j = 0; j < want.length; j++) assertSameBits(want[j], got[j], "float columnSums " + what + " at " + j);

            double[] xd = doubles(2 + rows * stride, rows * 31L + cols);
            double[] wantD = new double[1 + 2 * cols], gotD = new double[1 + 2 * cols];
            for (int j = 0; j < wantD.length; j++) wantD[j] = gotD[j] = j * 0.25;
            DoubleReduceVector.columnSums(xd, 2, stride, wantD, 1, 2, rows, cols, new double[4 * DoubleReduceKernels.VL]);
            DoubleReduceKernels.columnSums(xd, 2, stride, gotD, 1, 2, rows, cols, new double[4 * DoubleReduceKernels.VL]);
            for (int j = 0; j < wantD.length; j++) assertSameBits(wantD[j], gotD[j], "double columnSums " + what + " at " + j);
        }
        // Signed zeros and infinities go through the same additions.
        float[] z = new float[64];
        java.util.Arrays.fill(z, -0f);
        float[] s = new float[4 * FloatReduceKernels.VL];
        assertSameBits(FloatReduceVector.contiguousRowSum(z, 0, 64, s), FloatReduceKernels.contiguousRowSum(z, 0, 64, s), "-0 row");
        z[5] = Float.POSITIVE_INFINITY;
        assertSameBits(FloatReduceVector.contiguousRowSum(z, 0, 64, s), FloatReduceKernels.contiguousRowSum(z, 0, 64, s), "inf row");
        z[40] = Float.NEGATIVE_INFINITY;
        assertTrue(Float.isNaN(FloatReduceKernels.contiguousRowSum(z, 0, 64, s)), "inf - inf row");
    }
}
