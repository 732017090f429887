package dev.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.testutil.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Odd and hostile .npy/.npz files against numpy's own decisions (tools/fixtures/gen_io_hostile.py ran np.load
 * on each): jgrad loads what numpy loads, with the same dtype, shape and values, and refuses with an
 * IllegalArgumentException what numpy refuses, except the documented cases the fixture marks with "jgrad".
 */
class HostileFilesTest {
    private static final Map<String, Object> FIXTURE = Json.asMap(Json.resource("fixtures/io_hostile.json"));

    @TempDir Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name.replaceAll("[^A-Za-z0-9]", "_"));
        Files.write(f, bytes);
        return f;
    }

    /** numpy's verdict, or the fixture's documented jgrad override. */
    private static boolean accepts(Map<String, Object> c) {
        if (c.containsKey("jgrad")) return c.get("jgrad").equals("accept");
        return (Boolean) Json.asMap(c.get("numpy")).get("ok");
    }

    @Test
    void npyFilesAreAcceptedAndRefusedAsNumpyDecides() throws IOException {
        int accepted = 0, refused = 0;
        List<Double> plain = null;
        for (Object o : Json.asList(FIXTURE.get("npy"))) {
            Map<String, Object> c = Json.asMap(o);
            String name = (String) c.get("name");
            Path f = write(name, Base64.getDecoder().decode((String) c.get("bytes")));
            Map<String, Object> numpy = Json.asMap(c.get("numpy"));
            if (!accepts(c)) {
                var e = assertThrows(IllegalArgumentException.class, () -> Npy.load(f), name);
                assertTrue(e.getMessage().startsWith(f.toString()), name + ": " + e.getMessage());
                refused++;
                continue;
            }
            Tensor t;
            try {
                t = Npy.load(f);
            } catch (IllegalArgumentException e) {
                throw new AssertionError(name + ": numpy loads it, jgrad said " + e.getMessage(), e);
            }
            if ((Boolean) numpy.get("ok")) {
                assertSame(numpy, t, name);
                if (name.equals("plain")) plain = Json.asList(numpy.get("values")).stream().map(Json::asDouble).toList();
            } else {
                // accepted beyond numpy 1.x's 32 dims: these files hold the plain case's three floats
                assertEquals(3, t.numel(), name);
                assertEquals(plain, java.util.Arrays.stream(t.toDoubleArray()).boxed().toList(), name);
            }
            accepted++;
        }
        assertTrue(accepted > 30 && refused > 30, accepted + " accepted, " + refused + " refused");
    }

    private static void assertSame(Map<String, Object> numpy, Tensor t, String name) {
        assertEquals(numpy.get("dtype"), t.dtype().shortName(), name);
        assertArrayEquals(Json.asLongArray(numpy.get("shape")), t.shape(), name);
        List<Object> values = Json.asList(numpy.get("values"));
        assertEquals(values.size(), t.numel(), name);
        switch (t.dtype()) {
            case BOOL -> {
                boolean[] got = t.toBooleanArray();
                for (int i = 0; i < got.length; i++) assertEquals(values.get(i), got[i], name);
            }
            case INT64, INT32 -> assertArrayEquals(Json.asLongArray(values), t.toLongArray(), name);
            default -> assertArrayEquals(Json.asDoubleArray(values), t.toDoubleArray(), name);
        }
    }

    @Test
    void npzFilesAreAcceptedAndRefusedAsNumpyDecides() throws IOException {
        for (Object o : Json.asList(FIXTURE.get("npz"))) {
            Map<String, Object> c = Json.asMap(o);
            String name = (String) c.get("name");
            Path f = write(name + ".npz", Base64.getDecoder().decode((String) c.get("bytes")));
            if (!accepts(c)) {
                var e = assertThrows(IllegalArgumentException.class, () -> Npy.loadNpz(f), name);
                assertTrue(e.getMessage().startsWith(f.toString()), name + ": " + e.getMessage());
                continue;
            }
            Map<String, Tensor> got = Npy.loadNpz(f);
            Map<String, Object> arrays = Json.asMap(Json.asMap(c.get("numpy")).get("arrays"));
            assertEquals(List.copyOf(arrays.keySet()), List.copyOf(got.keySet()), name);
            for (var e : arrays.entrySet()) assertSame(Json.asMap(e.getValue()), got.get(e.getKey()), name + ":" + e.getKey());
        }
    }

    /**
     * A 1.5 MB entry whose header declares 3 floats, followed by 1.5 GB of deflated zeros: jgrad reads what
     * the header declares and stops, as numpy does, instead of inflating the rest.
     */
    @Test
    void aDeflateBombEntryIsReadOnlyAsFarAsItsHeaderSays() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).putFloat(3.25f);
        byte[] npy = concat(npyHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }"), data.array());
        int zeroChunks = 1536;
        byte[] zeros = new byte[1 << 20];
        // deflate blocks ending on a byte boundary (SYNC_FLUSH) can be repeated: one compressed MB of zeros stands for them all
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        deflated.writeBytes(deflateBlocks(npy, false));
        byte[] zeroBlock = deflateBlocks(zeros, false);
        for (int i = 0; i < zeroChunks; i++) deflated.writeBytes(zeroBlock);
        deflated.writeBytes(deflateBlocks(new byte[0], true));
        CRC32 crc = new CRC32();
        crc.update(npy);
        for (int i = 0; i < zeroChunks; i++) crc.update(zeros);
        long size = npy.length + (long) zeroChunks * zeros.length;
        Path f = write("bomb.npz", zip("a.npy", deflated.toByteArray(), crc.getValue(), size));
        assertTrue(Files.size(f) < 2_000_000);

        var meter = new ReaderFuzzTest.AllocationMeter();
        long before = meter.getCurrentThreadAllocatedBytes();
        Map<String, Tensor> got = Npy.loadNpz(f);
        long allocated = meter.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 16 << 20, "allocated " + allocated + " bytes");
        assertArrayEquals(new double[] {1.5, -2, 3.25}, got.get("a").toDoubleArray());
        assertEquals(DType.FLOAT32, got.get("a").dtype());
    }

    private static byte[] npyHeader(String dict) {
        int padding = 64 - (10 + dict.length() + 1) % 64;
        byte[] text = (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        return concat(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) text.length, (byte) (text.length >>> 8)}, text);
    }

    private static byte[] deflateBlocks(byte[] input, boolean last) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(input);
        if (last) d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (true) {
            int n = d.deflate(buf, 0, buf.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
            if (last ? d.finished() : n < buf.length) break;
        }
        d.end();
        return out.toByteArray();
    }

    /** A one-entry zip around already-deflated data (ZipOutputStream would deflate it again). */
    private static byte[] zip(String name, byte[] deflated, long crc, long size) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(30 + n.length + deflated.length + 46 + n.length + 22).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
                .putInt((int) crc).putInt(deflated.length).putInt((int) size).putShort((short) n.length).putShort((short) 0).put(n).put(deflated);
        int central = b.position();
        b.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
                .putInt((int) crc).putInt(deflated.length).putInt((int) size).putShort((short) n.length).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(n);
        int centralSize = b.position() - central;
        b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .putInt(centralSize).putInt(central).putShort((short) 0);
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void everyRefusalNamesTheFile() {
        List<String> missing = new ArrayList<>();
        for (Object o : Json.asList(FIXTURE.get("npy"))) {
            Map<String, Object> c = Json.asMap(o);
            if (!accepts(c)) {
                try {
                    Npy.decode(Base64.getDecoder().decode((String) c.get("bytes")), "mem.npy");
                    missing.add((String) c.get("name"));
                } catch (IllegalArgumentException e) {
                    if (!e.getMessage().startsWith("mem.npy: ")) fail(c.get("name") + ": " + e.getMessage());
                }
            }
        }
        assertTrue(missing.isEmpty(), "decoded from memory but refused from a file: " + missing);
    }
}
