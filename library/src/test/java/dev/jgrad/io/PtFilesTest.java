package dev.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.BatchNorm1d;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.testutil.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * torch.save/torch.load files: fixtures written by PyTorch 1.13 (tools/fixtures/gen_pt_files.py) load with
 * their values, strides and sharing; jgrad's own files round-trip and match the committed ones PyTorch was
 * checked to read; hostile files fail fast with IllegalArgumentException; a failed save keeps the old file.
 */
class PtFilesTest {
    private static final String DIR = "fixtures/pt/";

    @TempDir Path dir;

    // ---------------------------------------------------------------- files written by PyTorch

    @Test
    void pytorchFixturesLoadAsExpected() throws IOException {
        Map<String, Object> expected = Json.asMap(Json.resource(DIR + "expected.json"));
        assertEquals(6, expected.size());
        for (var e : expected.entrySet()) {
            Object loaded = Torch.load(resource(e.getKey()));
            check(e.getValue(), loaded, new HashMap<>(), e.getKey());
        }
    }

    @Test
    void pytorchStateDictLoadsIntoTheSameModel() throws IOException {
        Sequential model = new Sequential(new Linear(3, 4), new ReLU(), new BatchNorm1d(4), new Linear(4, 2));
        @SuppressWarnings("unchecked")
        Map<String, Tensor> sd = (Map<String, Tensor>) Torch.load(resource("state_dict.pt"));
        assertInstanceOf(LinkedHashMap.class, sd);
        model.loadStateDict(sd);
        assertEquals(List.copyOf(model.stateDict().keySet()), List.copyOf(sd.keySet()));
        assertTrue(model.stateDict().get("3.weight").equal(sd.get("3.weight")));
        assertEquals(DType.INT64, sd.get("2.num_batches_tracked").dtype());
    }

    @Test
    void loadedViewsShareTheirStorage() throws IOException {
        Map<?, ?> m = (Map<?, ?>) Torch.load(resource("views.pt"));
        Tensor base = (Tensor) m.get("base");
        Tensor t = (Tensor) m.get("t");
        base.fill_(-1.0);
        assertEquals(-1.0, t.toDoubleArray()[5]);
        assertEquals(-1.0, ((Tensor) m.get("corner")).toDoubleArray()[0]);
        assertEquals(1.0, ((Tensor) m.get("other")).toDoubleArray()[0]);
    }

    @Test
    void float16FilesLoad() throws IOException {
        Tensor h = (Tensor) ((Map<?, ?>) Torch.load(resource("float16.pt"))).get("h");
        assertEquals(DType.FLOAT16, h.dtype());
        assertTrue(h.equal(Torch.zeros(DType.FLOAT16, 2)));
    }

    @Test
    void wholeModulePicklesAreRefusedNamingTheClass() throws IOException {
        var e = assertThrows(IllegalArgumentException.class, () -> Torch.load(resource("whole_module.pt")));
        assertTrue(e.getMessage().contains("torch.nn.modules.container.Sequential"), e.getMessage());
    }

    @Test
    void optimizerStateDictKeepsIntKeysAndHyperparameters() throws IOException {
        Map<?, ?> sd = (Map<?, ?>) Torch.load(resource("optimizer.pt"));
        Map<?, ?> state = (Map<?, ?>) sd.get("state");
        assertEquals(List.of(0L, 1L), List.copyOf(state.keySet()));
        Map<?, ?> group = (Map<?, ?>) ((List<?>) sd.get("param_groups")).get(0);
        assertEquals(0.01, group.get("lr"));
        assertEquals(List.of(0L, 1L), group.get("params"));
    }

    /** Compares a loaded value with gen_pt_files.py's encoding of what PyTorch saved. */
    private static void check(Object expected, Object actual, Map<Long, Tensor> storages, String where) {
        switch (expected) {
            case null -> assertNull(actual, where);
            case String s -> assertEquals(s, actual, where);
            case Boolean b -> assertEquals(b, actual, where);
            case Json.Num n -> assertEquals(n.longValue(), assertInstanceOf(Long.class, actual, where), where);
            case List<?> l -> {
                List<?> a = assertInstanceOf(ArrayList.class, actual, where);
                assertEquals(l.size(), a.size(), where);
                for (int i = 0; i < l.size(); i++) check(l.get(i), a.get(i), storages, where + "[" + i + "]");
            }
            case Map<?, ?> m when m.containsKey("float") -> assertEquals(Json.asDouble(m.get("float")), assertInstanceOf(Double.class, actual, where));
            case Map<?, ?> m when m.containsKey("tuple") -> {
                List<Object> l = Json.asList(m.get("tuple"));
                Object[] a = assertInstanceOf(Object[].class, actual, where);
                assertEquals(l.size(), a.length, where);
                for (int i = 0; i < a.length; i++) check(l.get(i), a[i], storages, where + "(" + i + ")");
            }
            case Map<?, ?> m when m.containsKey("dict") -> {
                Map<?, ?> a = assertInstanceOf(LinkedHashMap.class, actual, where);
                List<Object> pairs = Json.asList(m.get("dict"));
                assertEquals(pairs.size(), a.size(), where);
                int i = 0;
                for (var e : a.entrySet()) {
                    List<Object> p = Json.asList(pairs.get(i++));
                    check(p.get(0), e.getKey(), storages, where + " key");
                    check(p.get(1), e.getValue(), storages, where + "." + e.getKey());
                }
            }
            case Map<?, ?> m when m.containsKey("tensor") -> checkTensor(Json.asMap(m.get("tensor")), actual, storages, where);
            default -> throw new AssertionError("unexpected fixture value " + expected + " at " + where);
        }
    }

    private static void checkTensor(Map<String, Object> e, Object actual, Map<Long, Tensor> storages, String where) {
        Tensor t = assertInstanceOf(Tensor.class, actual, where);
        assertEquals(e.get("dtype"), t.dtype().shortName(), where);
        assertArrayEquals(Json.asLongArray(e.get("shape")), t.shape(), where);
        assertArrayEquals(Json.asLongArray(e.get("stride")), t.stride(), where);
        assertEquals(Json.asLong(e.get("offset")), t.storageOffset(), where);
        assertEquals(e.get("requires_grad"), t.requiresGrad(), where);
        assertEquals(e.get("parameter"), t instanceof Parameter, where);
        List<Object> values = Json.asList(e.get("values"));
        assertEquals(values.size(), t.numel(), where);
        switch (t.dtype()) {
            case BOOL -> { boolean[] a = t.toBooleanArray(); for (int i = 0; i < a.length; i++) assertEquals(values.get(i), a[i], where); }
            case INT64, INT32 -> assertArrayEquals(Json.asLongArray(values), t.toLongArray(), where);
            default -> assertArrayEquals(Json.asDoubleArray(values), t.toDoubleArray(), where);
        }
        long id = Json.asLong(e.get("storage"));
        for (var s : storages.entrySet()) assertEquals(s.getKey() == id, s.getValue().sharesStorageWith(t), where + " storage sharing");
        storages.putIfAbsent(id, t);
    }

    // ---------------------------------------------------------------- files written by jgrad

    /** The objects behind the committed jgrad_*.pt files, which gen_pt_files.py checks PyTorch reads. */
    private static Map<String, Object> jgradFiles() {
        Map<String, Object> files = new LinkedHashMap<>();
        LinkedHashMap<String, Tensor> sd = new LinkedHashMap<>();
        Tensor w = Torch.arange(12.0).reshape(3, 4).div(4.0).toFloat();
        sd.put("0.weight", w);
        sd.put("0.bias", Torch.tensor(0.5, -1.0, 2.0).toDouble());
        sd.put("bn.num_batches_tracked", Torch.scalarTensor(9L));
        sd.put("mask", Torch.tensor(true, false, true));
        sd.put("ids", Torch.tensor(new long[][] {{7, -8}, {Integer.MAX_VALUE, Integer.MIN_VALUE}}).toInt());
        sd.put("weight_t", w.t());
        sd.put("row", w.select(0, 1).narrow(0, 1, 3));
        sd.put("empty", Torch.zeros(0, 3));
        files.put("jgrad_state_dict.pt", sd);

        Map<String, Object> ck = new LinkedHashMap<>();
        Tensor ints = Torch.tensor(1L, 2L, 3L);
        ck.put("epoch", 7L);
        ck.put("big", 1L << 40);
        ck.put("neg", -3L);
        ck.put("min", Long.MIN_VALUE);
        ck.put("name", "run-1 ü");
        ck.put("done", true);
        ck.put("none", null);
        ck.put("list", new ArrayList<>(Arrays.asList(1L, "a", ints)));
        ck.put("tuple", new Object[] {1L, "x", ints.narrow(0, 1, 2), false});
        ck.put("model", new LinkedHashMap<>(Map.of("w", Torch.ones(2))));
        ck.put("param", new Parameter(Torch.tensor(0.5, -0.5).toFloat()));
        ck.put("grad", Torch.tensor(1.0, 2.0).toFloat().requiresGrad_());
        files.put("jgrad_checkpoint.pt", ck);

        Map<String, Object> fl = new LinkedHashMap<>();
        fl.put("lr", 0.125);
        fl.put("betas", new Object[] {0.9, 0.999});
        fl.put("nan_is_float", Double.NaN);
        files.put("jgrad_floats.pt", fl);
        return files;
    }

    /** Byte-compares with the committed files (run with -Dpt.regenerate=true to rewrite them, then gen_pt_files.py). */
    @Test
    void jgradFilesMatchTheOnesPytorchWasCheckedToRead() throws IOException {
        boolean regenerate = Boolean.getBoolean("pt.regenerate");
        for (var e : jgradFiles().entrySet()) {
            Path f = dir.resolve(e.getKey());
            Torch.save(e.getValue(), f);
            if (regenerate) {
                Files.copy(f, Path.of("src/test/resources", DIR, e.getKey()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                continue;
            }
            assertArrayEquals(Files.readAllBytes(resource(e.getKey())), Files.readAllBytes(f), e.getKey() + " differs from the committed file");
        }
    }

    @Test
    void roundTripKeepsStructureValuesAndSharing() {
        Map<String, Object> files = jgradFiles();
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Torch.save(e.getValue(), f);
            sameValue(e.getValue(), Torch.load(f), e.getKey());
        }
        @SuppressWarnings("unchecked")
        Map<String, Tensor> sd = (Map<String, Tensor>) Torch.load(dir.resolve("jgrad_state_dict.pt"));
        assertTrue(sd.get("weight_t").sharesStorageWith(sd.get("0.weight")));
        assertTrue(sd.get("row").sharesStorageWith(sd.get("0.weight")));
        assertFalse(sd.get("0.bias").sharesStorageWith(sd.get("0.weight")));
        assertEquals(5, sd.get("row").storageOffset());
        assertArrayEquals(new long[] {1, 4}, sd.get("weight_t").stride());
        Map<?, ?> ck = (Map<?, ?>) Torch.load(dir.resolve("jgrad_checkpoint.pt"));
        assertInstanceOf(Parameter.class, ck.get("param"));
        assertTrue(((Tensor) ck.get("grad")).isLeaf());
        assertTrue(((Tensor) ((Object[]) ck.get("tuple"))[2]).sharesStorageWith((Tensor) ((List<?>) ck.get("list")).get(2)));
    }

    @Test
    void modelStateDictRoundTrip() {
        Sequential a = new Sequential(new Linear(3, 4), new ReLU(), new BatchNorm1d(4));
        Sequential b = new Sequential(new Linear(3, 4), new ReLU(), new BatchNorm1d(4));
        Path f = dir.resolve("model.pt");
        Torch.save(a.stateDict(), f);
        @SuppressWarnings("unchecked")
        Map<String, Tensor> sd = (Map<String, Tensor>) Torch.load(f);
        b.loadStateDict(sd);
        for (var e : a.stateDict().entrySet()) assertTrue(e.getValue().equal(b.stateDict().get(e.getKey())), e.getKey());
    }

    private static void sameValue(Object expected, Object actual, String where) {
        switch (expected) {
            case Tensor t -> {
                Tensor a = assertInstanceOf(Tensor.class, actual, where);
                assertEquals(t.dtype(), a.dtype(), where);
                assertArrayEquals(t.shape(), a.shape(), where);
                assertArrayEquals(t.stride(), a.stride(), where);
                assertEquals(t.requiresGrad(), a.requiresGrad(), where);
                assertEquals(t instanceof Parameter, a instanceof Parameter, where);
                assertTrue(t.detach().equal(a.detach()), where);
            }
            case Map<?, ?> m -> {
                Map<?, ?> a = assertInstanceOf(LinkedHashMap.class, actual, where);
                assertEquals(List.copyOf(m.keySet()), List.copyOf(a.keySet()), where);
                for (var e : m.entrySet()) sameValue(e.getValue(), a.get(e.getKey()), where + "." + e.getKey());
            }
            case List<?> l -> {
                List<?> a = assertInstanceOf(ArrayList.class, actual, where);
                assertEquals(l.size(), a.size(), where);
                for (int i = 0; i < l.size(); i++) sameValue(l.get(i), a.get(i), where + "[" + i + "]");
            }
            case Object[] l -> {
                Object[] a = assertInstanceOf(Object[].class, actual, where);
                assertEquals(l.length, a.length, where);
                for (int i = 0; i < l.length; i++) sameValue(l[i], a[i], where + "(" + i + ")");
            }
            case null -> assertNull(actual, where);
            default -> assertEquals(expected, actual, where);
        }
    }

    // ---------------------------------------------------------------- saving safely

    @Test
    void failedSaveKeepsThePreviousFile() throws IOException {
        Path f = dir.resolve("ck.pt");
        Torch.save(Map.of("w", Torch.ones(3)), f);
        byte[] before = Files.readAllBytes(f);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("w", Torch.zeros(1000));
        bad.put("model", new Linear(2, 2));
        var e = assertThrows(IllegalArgumentException.class, () -> Torch.save(bad, f));
        assertTrue(e.getMessage().contains("Linear"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temp file is left behind");
        }
        assertTrue(((Tensor) ((Map<?, ?>) Torch.load(f)).get("w")).equal(Torch.ones(3)));
    }

    @Test
    void unsavableValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Torch.save(new Object(), dir.resolve("a.pt")));
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThrows(IllegalArgumentException.class, () -> Torch.save(cycle, dir.resolve("b.pt")));
        assertThrows(IllegalArgumentException.class, () -> Torch.save(Map.of(List.of(1L), 1L), dir.resolve("c.pt")));
        assertThrows(IllegalArgumentException.class, () -> Torch.save(Torch.ones(2).to(dev.jgrad.Device.META), dir.resolve("d.pt")));
    }

    // ---------------------------------------------------------------- hostile files

    @Test
    void truncatedFilesFailClearly() throws IOException {
        byte[] good = Files.readAllBytes(resource("views.pt"));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int n = 0; n < good.length; n += 13) {
                Path f = dir.resolve("t" + n + ".pt");
                Files.write(f, Arrays.copyOf(good, n));
                assertThrows(IllegalArgumentException.class, () -> Torch.load(f), "truncated to " + n);
            }
        });
    }

    @Test
    void hostilePicklesFailClearly() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            hostile(pkl().global("os", "system").s("echo hi").op(0x85).op('R').stop(), "os.system");
            hostile(pkl().global("builtins", "eval").stop(), "builtins.eval");
            hostile(pkl().global("torch", "FloatStorage").op(')').op('R').stop(), "not callable");
            hostile(pkl().op('h').op(5).stop(), "memo index 5");
            hostile(pkl().op('j').le(0xfffffff0L, 4).stop(), "memo index");
            hostile(pkl().op('X').le(0xfffffff0L, 4).stop(), "truncated");
            hostile(pkl().op(0x8a).op(200).stop(), "truncated");
            hostile(pkl().op(0x8a).op(9).le(0, 8).op(1).stop(), "64 bits");
            hostile(pkl().op('a').stop(), "stack underflow");
            hostile(pkl().op('t').stop(), "MARK");
            hostile(pkl().op('.'), "stack underflow");
            hostile(pkl().op('}').op(']').op('a').stop(), "not a list");
            hostile(pkl().op('Q').stop(), "stack underflow");
            hostile(pkl().s("x").op('Q').stop(), "persistent id");
            hostile(pkl().op('i').stop(), "opcode 0x69");
            hostile(pkl().op('c').s("no-newline-here"), "newline");
            hostile(new Pkl().op(0x80), "truncated");
            hostile(pkl().op(']').op('q').op(0).op(']').op('h').op(0).op('a').op('}').op('h').op(0).op('K').op(1).op('s').stop(), "unhashable");
            Pkl deep = pkl();
            for (int i = 0; i < 5000; i++) deep.op(']');
            for (int i = 0; i < 4999; i++) deep.op('a');
            hostile(deep.stop(), "nested deeper");
        });
    }

    @Test
    void selfReferencingListLoads() throws IOException {
        Path f = zip(pkl().op(']').op('q').op(0).op('h').op(0).op('a').stop().bytes(), Map.of());
        List<?> l = (List<?>) Torch.load(f);
        assertSame(l, l.get(0));
    }

    @Test
    void forgedStoragesAndLayoutsFailClearly() throws IOException {
        byte[] four = new byte[16];
        Map<String, byte[]> data = Map.of("0", four);
        // the plain case works: 4 floats, shape (2, 2)
        assertInstanceOf(Tensor.class, Torch.load(zip(tensor("0", 4, 0, new long[] {2, 2}, new long[] {2, 1}).bytes(), data)));
        forged(tensor("0", 1000, 0, new long[] {4}, new long[] {1}), data, "1000 elements");
        forged(tensor("0", -1, 0, new long[] {0}, new long[] {1}), data, "-1 elements");
        forged(tensor("0", 1L << 40, 0, new long[] {4}, new long[] {1}), data, "elements");
        forged(tensor("1", 4, 0, new long[] {4}, new long[] {1}), data, "no entry");
        forged(tensor("../0", 4, 0, new long[] {4}, new long[] {1}), data, "bad storage key");
        forged(tensor("0", 4, 100, new long[] {1}, new long[] {1}), data, "offset 100");
        forged(tensor("0", 4, -1, new long[] {1}, new long[] {1}), data, "offset -1");
        forged(tensor("0", 4, 0, new long[] {10}, new long[] {1}), data, "reaches element 9");
        forged(tensor("0", 4, 2, new long[] {2, 2}, new long[] {1, 1}), data, "reaches element 4");
        forged(tensor("0", 4, 0, new long[] {-2}, new long[] {1}), data, "invalid entry -2");
        forged(tensor("0", 4, 0, new long[] {2, 2}, new long[] {Integer.MAX_VALUE, Integer.MAX_VALUE}), data, "reaches element");
        forged(tensor("0", 4, 0, new long[] {65536, 65536}, new long[] {0, 0}), data, "too large");
        forged(tensor("0", 4, 0, new long[] {2}, new long[] {1, 1}), data, "differ in length");
    }

    @Test
    void malformedArchivesFailClearly() throws IOException {
        Path notZip = dir.resolve("junk.pt");
        Files.write(notZip, "definitely not a zip file".getBytes(StandardCharsets.US_ASCII));
        hostileFile(notZip, "not a zip");
        Path legacy = dir.resolve("legacy.pt");
        Files.write(legacy, new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10});
        hostileFile(legacy, "legacy");
        hostileFile(zipEntries(Map.of("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII)), false), "data.pkl");
        hostileFile(zipEntries(Map.of("archive/data.pkl", pkl().op('N').stop().bytes()), true), "compressed");
        Path empty = dir.resolve("empty.pt");
        Files.write(empty, new byte[0]);
        hostileFile(empty, "not a zip");
        assertThrows(UncheckedIOException.class, () -> Torch.load(dir.resolve("missing.pt")));
    }

    @Test
    void entriesClaimingMoreThanTheFileFailClearly() throws IOException {
        // a central directory that says data.pkl is 2 GB
        byte[] good = Files.readAllBytes(resource("tensor.pt"));
        byte[] big = good.clone();
        int cen = indexOf(big, new byte[] {'P', 'K', 1, 2});
        for (int i = 0; i < 8; i++) big[cen + 20 + i] = (byte) (i % 4 == 3 ? 0x7f : 0xf0);
        Path f = dir.resolve("big.pt");
        Files.write(f, big);
        assertThrows(IllegalArgumentException.class, () -> Torch.load(f));

        // many central-directory entries sharing one 64 KB payload: together they claim far more than the file
        int n = 64;
        Pkl p = pkl().op(']').op('(');
        for (int i = 0; i < n; i++) {
            p.global("torch._utils", "_rebuild_tensor_v2").op('(').op('(').s("storage").global("torch", "FloatStorage").s(Integer.toString(i))
                    .s("cpu").i(16384).op('t').op('Q').i(0).i(16384).op(0x85).i(1).op(0x85).op(0x89)
                    .global("collections", "OrderedDict").op(')').op('R').op('t').op('R');
        }
        p.op('e').stop();
        Path overlap = dir.resolve("overlap.pt");
        Files.write(overlap, overlappingZip(p.bytes(), new byte[65536], n));
        var e = assertThrows(IllegalArgumentException.class, () -> Torch.load(overlap));
        assertTrue(e.getMessage().contains("more than the file"), e.getMessage());
    }

    private static int indexOf(byte[] a, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= a.length; i++) {
            for (int j = 0; j < pattern.length; j++) if (a[i + j] != pattern[j]) continue outer;
            return i;
        }
        throw new AssertionError("pattern not found");
    }

    /** A zip whose data.pkl is followed by one stored payload that n central-directory entries (data/0..n-1) all point at. */
    private static byte[] overlappingZip(byte[] pkl, byte[] payload, int n) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 << 20).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        List<Object[]> cen = new ArrayList<>();
        cen.add(new Object[] {"archive/data.pkl", pkl, b.position()});
        local(b, "archive/data.pkl", pkl);
        int payloadAt = b.position();
        local(b, "archive/data/0", payload);
        for (int i = 0; i < n; i++) cen.add(new Object[] {"archive/data/" + i, payload, payloadAt});
        int cenStart = b.position();
        for (Object[] c : cen) {
            byte[] name = ((String) c[0]).getBytes(StandardCharsets.UTF_8);
            byte[] data = (byte[]) c[1];
            CRC32 crc = new CRC32();
            crc.update(data);
            b.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt((int) crc.getValue()).putInt(data.length).putInt(data.length).putShort((short) name.length).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt((Integer) c[2]).put(name);
        }
        int cenSize = b.position() - cenStart;
        b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) cen.size()).putShort((short) cen.size())
                .putInt(cenSize).putInt(cenStart).putShort((short) 0);
        return Arrays.copyOf(b.array(), b.position());
    }

    private static void local(java.nio.ByteBuffer b, String nameText, byte[] data) {
        byte[] name = nameText.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(data);
        b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) crc.getValue())
                .putInt(data.length).putInt(data.length).putShort((short) name.length).putShort((short) 0).put(name).put(data);
    }

    /** A minimal pickle writer for forged files (raw opcodes, no checks). */
    private static final class Pkl {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pkl op(int b) { out.write(b); return this; }

        Pkl le(long v, int n) { for (int i = 0; i < n; i++) out.write((int) (v >>> (8 * i)) & 0xff); return this; }

        Pkl s(String v) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            op('X').le(b.length, 4);
            out.writeBytes(b);
            return this;
        }

        Pkl i(long v) { return op('J').le(v, 4); }

        Pkl global(String module, String name) {
            op('c');
            out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Pkl stop() { return op('.'); }

        byte[] bytes() { return out.toByteArray(); }
    }

    private static Pkl pkl() { return new Pkl().op(0x80).op(2); }

    /** _rebuild_tensor_v2 on a float storage with the given (possibly forged) numbers. */
    private static Pkl tensor(String key, long numel, long offset, long[] size, long[] stride) {
        Pkl p = pkl().global("torch._utils", "_rebuild_tensor_v2").op('(');
        p.op('(').s("storage").global("torch", "FloatStorage").s(key).s("cpu");
        if (numel == (int) numel) p.i(numel); else p.op(0x8a).op(8).le(numel, 8);
        p.op('t').op('Q').i(offset);
        p.op('(');
        for (long x : size) p.i(x);
        p.op('t').op('(');
        for (long x : stride) p.i(x);
        p.op('t').op(0x89).global("collections", "OrderedDict").op(')').op('R').op('t').op('R');
        return p.stop();
    }

    private void hostile(Pkl p, String message) throws IOException {
        hostileFile(zip(p.bytes(), Map.of()), message);
    }

    private void forged(Pkl p, Map<String, byte[]> data, String message) throws IOException {
        hostileFile(zip(p.bytes(), data), message);
    }

    private static void hostileFile(Path f, String message) {
        var e = assertThrows(IllegalArgumentException.class, () -> Torch.load(f));
        assertTrue(e.getMessage().contains(message), "expected \"" + message + "\" in: " + e.getMessage());
    }

    private int files;

    private Path zip(byte[] pkl, Map<String, byte[]> data) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", pkl);
        for (var e : data.entrySet()) entries.put("archive/data/" + e.getKey(), e.getValue());
        entries.put("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        return zipEntries(entries, false);
    }

    private Path zipEntries(Map<String, byte[]> entries, boolean deflate) throws IOException {
        Path f = dir.resolve("forged" + files++ + ".pt");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            for (var e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    ze.setMethod(ZipEntry.STORED);
                    ze.setSize(e.getValue().length);
                    ze.setCompressedSize(e.getValue().length);
                    ze.setCrc(crc.getValue());
                }
                z.putNextEntry(ze);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return f;
    }

    private Path resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + DIR + name);
            Path f = dir.resolve("res-" + name);
            Files.write(f, in.readAllBytes());
            return f;
        }
    }
}
