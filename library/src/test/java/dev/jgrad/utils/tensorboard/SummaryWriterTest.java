package dev.jgrad.utils.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.Torch;
import dev.jgrad.testutil.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SummaryWriter against the event files PyTorch 1.13 writes (fixtures/tensorboard/*.tfevents from
 * tools/fixtures/gen_tensorboard.py: PyTorch's own summary.py on TensorBoard's compiled .proto files, the same
 * wall times): byte for byte, for scalars, histograms, text, add_scalars' directories and add_hparams' run.
 * The framing is also checked on its own: lengths, masked CRC32Cs.
 */
class SummaryWriterTest {
    private static final double W = 1700000000.25;

    @TempDir Path dir;

    private final double[] clock = {W};

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SummaryWriterTest.class.getResourceAsStream("/fixtures/tensorboard/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Path onlyEventFile(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            List<Path> events = files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).toList();
            assertEquals(1, events.size(), d + ": " + events);
            return events.get(0);
        }
    }

    private SummaryWriter scenario() {
        SummaryWriter w = new SummaryWriter(dir.resolve("run"), "", "", () -> clock[0]);
        w.addScalar("loss", 0.5, 1L, W + 1);
        w.addScalar("loss", 0.1, 2L, W + 2);
        w.addScalar("acc", 0.0, 3L, W + 3);
        w.addScalar("big", -1234.5678, 4L, W + 4);
        double[] exact = new double[100];
        for (int i = 0; i < 100; i++) exact[i] = (i - 50) / 8.0;
        w.addHistogram("exact", exact, 5L, W + 5);
        w.addHistogram("one", Torch.tensor(new double[] {3.0}), 6L, W + 6);
        w.addText("notes", "loss **fell**: ünïcödé", 7L, W + 7);
        w.addText("empty", "", 8L, W + 8);
        w.addScalar("nostep", 3.0, null, W + 9);
        clock[0] = W + 10;
        Map<String, Double> series = new LinkedHashMap<>();
        series.put("train", 1.5);
        series.put("val", 2.5);
        w.addScalars("run/loss", series, 10);
        clock[0] = W + 11;
        Map<String, Object> hp = new LinkedHashMap<>();
        hp.put("lr", 0.01);
        hp.put("bsize", 32);
        hp.put("optimizer", "adam");
        hp.put("nesterov", true);
        hp.put("skip", null);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("hparam/accuracy", 0.75);
        metrics.put("hparam/loss", 0.25);
        Map<String, List<?>> domains = new LinkedHashMap<>();
        domains.put("optimizer", List.of("adam", "sgd"));
        domains.put("bsize", List.of(16, 32, 64));
        w.addHparams(hp, metrics, domains, "run1");
        return w;
    }

    @Test
    void writesWhatPyTorchWrites() throws IOException {
        try (SummaryWriter w = scenario()) {
            assertArrayEquals(fixture("main.tfevents"), Files.readAllBytes(w.file()), "scalars, histograms, text");
        }
        Path run = dir.resolve("run");
        assertArrayEquals(fixture("run_loss_train.tfevents"), Files.readAllBytes(onlyEventFile(run.resolve("run_loss_train"))));
        assertArrayEquals(fixture("run_loss_val.tfevents"), Files.readAllBytes(onlyEventFile(run.resolve("run_loss_val"))));
        assertArrayEquals(fixture("hparams_run1.tfevents"), Files.readAllBytes(onlyEventFile(run.resolve("run1"))));
    }

    @Test
    void fileNameAsPyTorch() throws IOException {
        clock[0] = 1234567.75;
        try (SummaryWriter w = new SummaryWriter(dir, "", ".v2", () -> clock[0])) {
            String name = w.file().getFileName().toString();
            String pid = Long.toString(ProcessHandle.current().pid());
            assertTrue(name.matches("events\\.out\\.tfevents\\.0001234567\\." + java.util.regex.Pattern.quote(SummaryWriter.hostname()) + "\\."
                    + pid + "\\.\\d+\\.v2"), name);
        }
    }

    @Test
    void defaultLogDirIsRunsDateHost() {
        SummaryWriter w = new SummaryWriter(null, "_lr0.1", "", () -> W);
        try {
            String name = w.logDir().getFileName().toString();
            assertEquals(Path.of("runs"), w.logDir().getParent());
            assertTrue(name.matches("[A-Z][a-z]{2}\\d{2}_\\d{2}-\\d{2}-\\d{2}_" + java.util.regex.Pattern.quote(SummaryWriter.hostname()) + "_lr0\\.1"), name);
        } finally {
            w.close();
            deleteRecursively(w.logDir());
        }
    }

    private static void deleteRecursively(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // nothing was written
        }
        Path runs = p.getParent();
        if (runs != null && runs.toFile().list() != null && runs.toFile().list().length == 0) runs.toFile().delete();
    }

    /** TFRecord framing decoded here on its own: every record's length and both masked CRC32Cs. */
    static List<byte[]> records(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int start = b.position();
            long length = b.getLong();
            int headerCrc = b.getInt();
            assertEquals(TfRecord.maskedCrc32c(file, start, 8), headerCrc, "length CRC at " + start);
            byte[] data = new byte[(int) length];
            b.get(data);
            assertEquals(TfRecord.maskedCrc32c(data, 0, data.length), b.getInt(), "data CRC at " + start);
            out.add(data);
        }
        return out;
    }

    @Test
    void framingAndChecksums() throws IOException {
        try (SummaryWriter w = new SummaryWriter(dir, "", "", () -> clock[0])) {
            w.addScalar("x", 1.0, 1);
            w.addScalar("x", 2.0, 2);
            List<byte[]> recs = records(Files.readAllBytes(w.file()));
            assertEquals(3, recs.size());
            // the first event: wall_time (field 1, fixed64) then file_version (field 3) "brain.Event:2"
            byte[] first = recs.get(0);
            assertEquals(0x09, first[0]);
            assertEquals(W, ByteBuffer.wrap(first, 1, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble());
            assertEquals(0x1a, first[9]);
            assertEquals("brain.Event:2", new String(first, 11, first[10], StandardCharsets.UTF_8));
        }
        // the known value of TensorFlow's masked CRC32C of an empty string and of "a"
        assertEquals(0xA282EAD8, TfRecord.maskedCrc32c(new byte[0], 0, 0));
        byte[] a = {'a'};
        int crc = 0xC1D04330;  // CRC32C("a")
        assertEquals(((crc >>> 15) | (crc << 17)) + 0xA282EAD8, TfRecord.maskedCrc32c(a, 0, 1));
    }

    @Test
    void histogramOfRandomValuesAsNumpy() {
        Map<String, Object> want = Json.asMap(Json.asMap(Json.resource("fixtures/tensorboard/decoded.json")).get("normal_histogram"));
        Torch.manualSeed(0);
        double[] values = Torch.randn(1000).toDoubleArray();
        Histograms.Histogram h = Histograms.compute(values, SummaryWriter.defaultBins());
        assertEquals(Json.asDouble(want.get("min")), h.min());
        assertEquals(Json.asDouble(want.get("max")), h.max());
        assertEquals(1000.0, h.num());
        assertEquals(Json.asDouble(want.get("sum")), h.sum(), 1e-12);
        assertEquals(Json.asDouble(want.get("sum_squares")), h.sumSquares(), 1e-9);
        assertArrayEquals(Json.asDoubleArray(want.get("bucket_limit")), h.bucketLimit());
        assertArrayEquals(Json.asDoubleArray(want.get("bucket")), h.bucket());
    }

    @Test
    void errorsAsPyTorch() {
        try (SummaryWriter w = new SummaryWriter(dir, "", "", () -> clock[0])) {
            assertEquals("The input has no element.", assertThrows(IllegalArgumentException.class,
                    () -> w.addHistogram("h", new double[0], 1L, null)).getMessage());
            assertEquals("value should be one of int, float, str, bool, or torch.Tensor", assertThrows(IllegalArgumentException.class,
                    () -> w.addHparams(Map.of("x", List.of(1)), Map.of("m", 1.0))).getMessage());
            assertEquals("parameter: hparam_domain_discrete[lr] should be a list of same type as hparam_dict[lr].",
                    assertThrows(IllegalArgumentException.class,
                            () -> w.addHparams(Map.of("lr", 0.1), Map.of("m", 1.0), Map.of("lr", List.of(1, 2)), "r")).getMessage());
            assertTrue(assertThrows(IllegalArgumentException.class, () -> w.addScalar("s", Torch.zeros(2), 1)).getMessage()
                    .startsWith("Tensor should contain one element"));
        }
    }

    @Test
    void closeThenAddOpensANewFile() throws IOException {
        SummaryWriter w = new SummaryWriter(dir, "", "", () -> clock[0]);
        Path first = w.file();
        w.close();
        w.close();  // a second close is ignored
        w.addScalar("after", 1.0, 1);
        assertTrue(!w.file().equals(first));
        w.close();
        assertEquals(2, records(Files.readAllBytes(first)).size() + 1);
    }
}
