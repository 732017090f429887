package dev.jgrad.io;

import static dev.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy/.npz against files NumPy wrote (tools/fixtures/gen_npy.py): jgrad reads them and writes the same bytes. */
class NpyTest {
    private static Path fixture(String name) throws Exception {
        return Path.of(NpyTest.class.getResource("/fixtures/npy/" + name).toURI());
    }

    @Test
    void failuresAreUncheckedAsInSafeTensorsAndPtFiles(@TempDir Path dir) throws Exception {
        // every public reader and writer of dev.jgrad.io declares no checked exception
        for (Class<?> c : new Class<?>[] {Npy.class, SafeTensors.class}) {
            for (var m : c.getMethods()) {
                if (m.getDeclaringClass() == c) assertEquals(0, m.getExceptionTypes().length, c.getSimpleName() + "." + m.getName());
            }
        }
        Path missing = dir.resolve("missing");
        Path noDir = dir.resolve("no-such-dir").resolve("x");
        assertThrows(java.io.UncheckedIOException.class, () -> Npy.load(missing));
        assertThrows(java.io.UncheckedIOException.class, () -> Npy.loadNpz(missing));
        assertThrows(java.io.UncheckedIOException.class, () -> SafeTensors.load(missing));
        assertThrows(java.io.UncheckedIOException.class, () -> dev.jgrad.Torch.load(missing));
        assertThrows(java.io.UncheckedIOException.class, () -> Npy.save(ones(2), noDir));
        assertThrows(java.io.UncheckedIOException.class, () -> Npy.saveNpz(Map.of("a", ones(2)), noDir));
        assertThrows(java.io.UncheckedIOException.class, () -> SafeTensors.save(Map.of("a", ones(2)), noDir));
        // a damaged file is still an IllegalArgumentException, in every format
        Path junk = Files.write(dir.resolve("junk"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThrows(IllegalArgumentException.class, () -> Npy.load(junk));
        assertThrows(IllegalArgumentException.class, () -> Npy.loadNpz(junk));
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.load(junk));
    }

    @Test
    void readsWhatNumPyWrote() throws Exception {
        Tensor f = Npy.load(fixture("f32_2x3.npy"));
        assertEquals(DType.FLOAT32, f.dtype());
        assertEquals("tensor([[ 1.5000, -2.2500,  3.0000],\n        [ 4.0000,  5.5000, -6.0000]])", f.toString());
        Tensor s = Npy.load(fixture("f64_scalar.npy"));
        assertEquals(0, s.dim());
        assertEquals(2.5, s.item());
        assertArrayEquals(new long[] {1, -2, 9007199254740993L, 4}, Npy.load(fixture("i64_4.npy")).toLongArray());
        assertEquals(DType.INT32, Npy.load(fixture("i32_2x2.npy")).dtype());
        assertArrayEquals(new boolean[] {true, false, true}, Npy.load(fixture("bool_3.npy")).toBooleanArray());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, Npy.load(fixture("f32_fortran_2x3.npy")).toDoubleArray());
        assertArrayEquals(new long[] {0, 3}, Npy.load(fixture("f32_empty_0x3.npy")).shape());
        Map<String, Tensor> npz = Npy.loadNpz(fixture("pair.npz"));
        assertEquals(java.util.List.of("weight", "label"), java.util.List.copyOf(npz.keySet()));
        assertArrayEquals(new double[] {0, 1, 2, 3}, npz.get("weight").toDoubleArray());
    }

    @Test
    void writesTheBytesNumPyWrites() throws Exception {
        String[] names = {"f32_2x3.npy", "f64_scalar.npy", "i64_4.npy", "i32_2x2.npy", "bool_3.npy", "f32_empty_0x3.npy"};
        for (String name : names) {
            byte[] numpy = Files.readAllBytes(fixture(name));
            assertArrayEquals(numpy, Npy.encode(Npy.load(fixture(name))), name);
        }
    }

    @Test
    void roundTripsThroughFiles(@TempDir Path dir) throws Exception {
        Tensor t = randn(3, 4).t();  // non-contiguous: written in logical order
        Npy.save(t, dir.resolve("t.npy"));
        assertTrue(Npy.load(dir.resolve("t.npy")).equal(t));
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("a", arange(5));
        m.put("b", ones(DType.BOOL, 2));
        Npy.saveNpz(m, dir.resolve("m.npz"));
        Map<String, Tensor> back = Npy.loadNpz(dir.resolve("m.npz"));
        assertTrue(back.get("a").equal(m.get("a")));
        assertTrue(back.get("b").equal(m.get("b")));
    }

    @Test
    void corruptFilesGetClearErrors(@TempDir Path dir) throws Exception {
        byte[] good = Files.readAllBytes(fixture("f32_2x3.npy"));
        Files.write(dir.resolve("short.npy"), java.util.Arrays.copyOf(good, good.length - 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.load(dir.resolve("short.npy")));
        assertTrue(e.getMessage().contains("truncated data"), e.getMessage());
        Files.write(dir.resolve("junk.npy"), "hello world, not numpy".getBytes());
        e = assertThrows(IllegalArgumentException.class, () -> Npy.load(dir.resolve("junk.npy")));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }
}
