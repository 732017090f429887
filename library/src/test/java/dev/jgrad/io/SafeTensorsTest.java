package dev.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.NnFixtures;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.BatchNorm1d;
import dev.jgrad.testutil.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safetensors reader and writer: round trips, a file written from PyTorch's tensors, and corrupt files. */
class SafeTensorsTest {
    @TempDir Path dir;

    private static Map<String, Tensor> sample() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("weight", Torch.randn(3, 4));
        m.put("bias", Torch.randn(DType.FLOAT64, 4));
        m.put("steps", Torch.tensor(1L, -2L, Long.MAX_VALUE));
        m.put("ids", Torch.tensor(new long[][] {{7, 8}}).toInt());
        m.put("mask", Torch.tensor(true, false, true));
        m.put("scalar", Torch.scalarTensor(2.5));
        m.put("empty", Torch.zeros(0, 3));
        m.put("strided", Torch.arange(12.0).reshape(3, 4).t());
        return m;
    }

    @Test
    void roundTripKeepsNamesDtypesShapesAndValues() {
        Map<String, Tensor> m = sample();
        Path f = dir.resolve("a.safetensors");
        SafeTensors.save(m, f, Map.of("format", "pt"));
        Map<String, Tensor> back = SafeTensors.load(f);
        // load_file returns data order, and the reference writer lays data out by dtype (I64, F64, F32, I32,
        // BOOL: its Dtype enum's alignment order, widest first), then by name
        assertEquals(java.util.List.of("steps", "bias", "empty", "scalar", "strided", "weight", "ids", "mask"), back.keySet().stream().toList());
        for (var e : m.entrySet()) {
            Tensor b = back.get(e.getKey());
            assertEquals(e.getValue().dtype(), b.dtype(), e.getKey());
            assertTrue(Arrays.equals(e.getValue().shape(), b.shape()), e.getKey());
            assertTrue(e.getValue().equal(b), e.getKey());
        }
        assertEquals(Map.of("format", "pt"), SafeTensors.metadata(f));
    }

    @Test
    void headerFollowsTheFormat() throws IOException {
        Path f = dir.resolve("h.safetensors");
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("a", Torch.tensor(new double[] {1, 2}));
        SafeTensors.save(m, f);
        byte[] bytes = Files.readAllBytes(f);
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8, "the header is padded to 8 bytes");
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8).strip();
        assertEquals("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", header);
        assertEquals(8 + n + 8, bytes.length);
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) (8 + n), 8).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1f, data.getFloat());
        assertEquals(2f, data.getFloat());
    }

    /**
     * Files laid out from the reference writer's source (tools/fixtures/gen_safetensors_layout.py): jgrad writes
     * the same bytes for the same tensors, given in another order, and reads them back with their metadata.
     */
    @Test
    void writesTheReferenceWritersBytes() throws IOException {
        Map<String, Object> fx = Json.asMap(Json.resource("fixtures/safetensors/layout.json"));
        for (Object o : Json.asList(fx.get("cases"))) {
            Map<String, Object> c = Json.asMap(o);
            String file = (String) c.get("file");
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Object to : Json.asList(c.get("tensors"))) {
                Map<String, Object> t = Json.asMap(to);
                tensors.put((String) t.get("name"), tensor((String) t.get("dtype"), Json.asLongArray(t.get("shape")), Json.asList(t.get("values"))));
            }
            Map<String, String> metadata = null;
            if (c.get("metadata") != null) {
                metadata = new LinkedHashMap<>();
                for (var e : Json.asMap(c.get("metadata")).entrySet()) metadata.put(e.getKey(), (String) e.getValue());
            }
            Path f = dir.resolve("layout.safetensors");
            SafeTensors.save(tensors, f, metadata);
            byte[] expected;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
                expected = in.readAllBytes();
            }
            byte[] actual = Files.readAllBytes(f);
            assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8), file);
            assertTrue(Arrays.equals(expected, actual), file);
            Map<String, Tensor> back = SafeTensors.load(f);
            assertEquals(tensors.keySet(), back.keySet(), file);
            for (var e : tensors.entrySet()) assertTrue(e.getValue().equal(back.get(e.getKey())), file + ": " + e.getKey());
            assertEquals(metadata == null ? Map.of() : metadata, SafeTensors.metadata(f), file);
        }
    }

    private static Tensor tensor(String dtype, long[] shape, java.util.List<Object> values) {
        int n = values.size();
        Tensor flat = switch (dtype) {
            case "F32" -> { float[] a = new float[n]; for (int i = 0; i < n; i++) a[i] = (float) Json.asDouble(values.get(i)); yield Torch.fromArray(a, n); }
            case "F64" -> Torch.fromArray(Json.asDoubleArray(values), n);
            case "I64" -> Torch.fromArray(Json.asLongArray(values), n);
            case "I32" -> { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = Math.toIntExact(Json.asLong(values.get(i))); yield Torch.fromArray(a, n); }
            case "BOOL" -> { boolean[] a = new boolean[n]; for (int i = 0; i < n; i++) a[i] = (Boolean) values.get(i); yield Torch.fromArray(a, n); }
            default -> throw new IllegalArgumentException(dtype);
        };
        return flat.reshape(shape);
    }

    @Test
    void readsTheFileWrittenFromPyTorchTensors() throws IOException {
        Map<String, Object> fx = NnFixtures.section("safetensors");
        Path f = dir.resolve("ref.safetensors");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream((String) fx.get("file"))) {
            Files.copy(in, f);
        }
        Map<String, Tensor> loaded = SafeTensors.load(f);
        Map<String, Object> expected = Json.asMap(fx.get("tensors"));
        assertEquals(expected.keySet().stream().toList(), loaded.keySet().stream().toList());
        for (var e : expected.entrySet()) NnFixtures.assertExact(e.getValue(), loaded.get(e.getKey()), e.getKey());
        assertEquals(Json.asMap(fx.get("metadata")), new LinkedHashMap<>(SafeTensors.metadata(f)));
    }

    @Test
    void modelsSaveAndLoad() {
        Sequential a = new Sequential(new Linear(4, 3), new BatchNorm1d(3), new ReLU(), new Linear(3, 2));
        a.forward(Torch.randn(5, 4));
        Path f = dir.resolve("model.safetensors");
        SafeTensors.saveModel(a, f);
        Sequential b = new Sequential(new Linear(4, 3), new BatchNorm1d(3), new ReLU(), new Linear(3, 2));
        SafeTensors.loadModel(b, f);
        for (var e : a.stateDict().entrySet()) assertTrue(e.getValue().equal(b.stateDict().get(e.getKey())), e.getKey());
        Sequential wrong = new Sequential(new Linear(4, 3));
        var ex = assertThrows(IllegalArgumentException.class, () -> SafeTensors.loadModel(wrong, f));
        // keys in data order: the int64 num_batches_tracked comes before the float32 tensors (see above)
        assertTrue(ex.getMessage().startsWith("Error(s) in loading state_dict for Sequential:\n\tUnexpected key(s) in state_dict: "
                + "\"1.num_batches_tracked\", \"1.bias\", \"1.running_mean\""),
                ex.getMessage());
    }

    private Path write(byte[] bytes) throws IOException {
        Path f = dir.resolve("bad" + System.nanoTime() + ".safetensors");
        Files.write(f, bytes);
        return f;
    }

    private static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    private void assertCorrupt(byte[] bytes, String messagePart) throws IOException {
        Path f = write(bytes);
        var e = assertThrows(IllegalArgumentException.class, () -> SafeTensors.load(f));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void corruptFilesFailWithClearMessages() throws IOException {
        Path good = dir.resolve("good.safetensors");
        SafeTensors.save(sample(), good);
        byte[] ok = Files.readAllBytes(good);
        assertCorrupt(Arrays.copyOf(ok, 5), "too short");
        assertCorrupt(Arrays.copyOf(ok, 40), "exceeds the file size");
        assertCorrupt(Arrays.copyOf(ok, ok.length - 3), "truncated");
        assertCorrupt(Arrays.copyOf(ok, ok.length + 4), "bytes after the last tensor");
        byte[] huge = ok.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1L);
        assertCorrupt(huge, "out of range");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]", 8), "invalid safetensors header");
        assertCorrupt(file("[1, 2]", 0), "not a JSON object");
        assertCorrupt(file("{\"a\":{\"dtype\":\"Q7\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8), "unknown dtype");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8), "need 12");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12), "does not start");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8), "negative size");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8), "invalid data_offsets");
        assertCorrupt(file("{\"__metadata__\":{\"k\":1}}", 0), "__metadata__");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{}}", 4), "duplicate key");
    }

    /** What the reference reader (safetensors/src/tensor.rs, serde_json) refuses, refused here with clear messages. */
    @Test
    void hostileHeadersFailClearly() throws IOException {
        // 2^32 * 2^32 elements: the byte count overflows (the reference: ValidationOverflow)
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,0]}}", 0), "overflows");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[9223372036854775807,2],\"data_offsets\":[0,0]}}", 0), "overflows");
        // JSON integers are ASCII digits without leading zeros; -0 is a float to serde_json
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1\u0663],\"data_offsets\":[0,52]}}", 52), "invalid safetensors header");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[01],\"data_offsets\":[0,4]}}", 4), "leading zero");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-0],\"data_offsets\":[0,0]}}", 0), "negative");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1.0],\"data_offsets\":[0,4]}}", 4), "integer");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[18446744073709551616],\"data_offsets\":[0,4]}}", 4), "too large");
        // data_offsets: in bounds, ordered, no overlap, no gap, covering the data exactly
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", 4), "data_offsets");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[2,6]}}", 6),
                "does not start");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12),
                "does not start");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8),
                "does not start");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 3), "truncated");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}", 8), "data_offsets");
        // the header: at most 100 MB (the reference's MAX_HEADER_SIZE), strict UTF-8, one object
        byte[] big = new byte[16];
        ByteBuffer.wrap(big).order(ByteOrder.LITTLE_ENDIAN).putLong(100_000_001L);
        assertCorrupt(big, "out of range");
        byte[] latin1 = file("{\"\u00e9\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}", 0);
        latin1[10] = (byte) 0xe9;
        latin1[11] = ' ';
        assertCorrupt(latin1, "UTF-8");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}} {}", 0), "trailing");
        assertCorrupt(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]},}", 0), "trailing comma");
        assertCorrupt(file("{\"\\ud800\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}", 0), "surrogate");
        assertCorrupt(file("[".repeat(100_000), 0), "not a JSON object");
        assertCorrupt(file("{\"a\":{\"x\":" + "[".repeat(100_000) + "}}", 0), "nested deeper");
    }

    @Test
    void metadataWithNonStringValuesFailsClearly() throws IOException {
        for (String meta : new String[] {"{\"k\":1}", "{\"k\":null}", "{\"k\":[\"v\"]}", "[]", "\"v\""}) {
            Path f = write(file("{\"__metadata__\":" + meta + "}", 0));
            var e = assertThrows(IllegalArgumentException.class, () -> SafeTensors.metadata(f), meta);
            assertTrue(e.getMessage().contains("__metadata__ must map strings to strings"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> SafeTensors.load(f), meta);
        }
        // null metadata is Option::None to the reference: no metadata
        assertEquals(Map.of(), SafeTensors.metadata(write(file("{\"__metadata__\":null}", 0))));
    }

    @Test
    void tensorsLoadInDataOrderWhateverTheHeaderOrder() throws IOException {
        // an empty tensor at offset 0 listed after one that starts there: the reference sorts by (start, end)
        String header = "{\"b\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[4,8]},\"a\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"e\":{\"dtype\":\"I32\",\"shape\":[0],\"data_offsets\":[0,0]},\"x\":{\"ignored\":[1.5e3,{\"y\":null}],\"dtype\":\"U8\",\"shape\":[],"
                + "\"data_offsets\":[8,9]}}";
        byte[] bytes = file(header, 9);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(bytes.length - 9, 11).putInt(bytes.length - 5, 22).put(bytes.length - 1, (byte) 200);
        Map<String, Tensor> m = SafeTensors.load(write(bytes));
        assertEquals(java.util.List.of("e", "a", "b", "x"), m.keySet().stream().toList());
        assertEquals(11L, m.get("a").itemLong());
        assertEquals(22L, m.get("b").itemLong());
        assertEquals(200L, m.get("x").itemLong());
    }

    @Test
    void readsHalfPrecisionAsItself() throws IOException {
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[4,6]}}";
        byte[] bytes = file(header, 6);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = bytes.length - 6;
        b.putShort(at, Float.floatToFloat16(1.5f)).putShort(at + 2, Float.floatToFloat16(-2f));
        b.putShort(at + 4, (short) (Float.floatToIntBits(3.25f) >>> 16));
        Map<String, Tensor> m = SafeTensors.load(write(bytes));
        assertEquals(DType.FLOAT16, m.get("h").dtype());
        assertEquals(DType.BFLOAT16, m.get("b").dtype());
        assertTrue(m.get("h").equal(Torch.tensor(new double[] {1.5, -2}, DType.FLOAT16)));
        assertEquals(3.25, m.get("b").item());
    }
}
