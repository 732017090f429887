package dev.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save that fails part way (here: a meta tensor, which has no data, after data already written) leaves
 * the previous file byte for byte and no temp file behind, for every writer.
 */
class SafeSavingTest {
    @TempDir Path dir;

    /** A meta tensor: shape and dtype but no data, so writing its elements throws after the header is out. */
    private static Tensor noData(DType dtype, long n) { return Torch.empty(dtype, Device.META, n); }

    private void assertFailedSaveKeeps(Path f, Executable failingSave) throws IOException {
        byte[] before = Files.readAllBytes(f);
        var e = assertThrows(UnsupportedOperationException.class, failingSave);
        assertEquals("Cannot copy out of meta tensor; no data!", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temp file is left behind");
        }
    }

    @Test
    void npy() throws IOException {
        Path f = dir.resolve("a.npy");
        Npy.save(Torch.arange(5.0), f);
        assertFailedSaveKeeps(f, () -> Npy.save(noData(DType.FLOAT32, 10), f));
        // 2^28 float64 = 2^31 bytes: the sizes are longs, so this fails on the data, not on an int overflow
        assertFailedSaveKeeps(f, () -> Npy.save(noData(DType.FLOAT64, 1L << 28), f));
        assertTrue(Npy.load(f).equal(Torch.arange(5.0)));
    }

    @Test
    void npz() throws IOException {
        Path f = dir.resolve("a.npz");
        Npy.saveNpz(Map.of("x", Torch.ones(3)), f);
        Map<String, Tensor> bad = new LinkedHashMap<>();
        bad.put("big", Torch.randn(100_000));
        bad.put("meta", noData(DType.INT64, 4));
        assertFailedSaveKeeps(f, () -> Npy.saveNpz(bad, f));
        assertTrue(Npy.loadNpz(f).get("x").equal(Torch.ones(3)));
    }

    @Test
    void safetensors() throws IOException {
        Path f = dir.resolve("a.safetensors");
        SafeTensors.save(Map.of("x", Torch.ones(3)), f);
        Map<String, Tensor> bad = new LinkedHashMap<>();
        bad.put("mask", noData(DType.BOOL, 4));  // written last: bool sorts after float32
        bad.put("big", Torch.randn(100_000));
        assertFailedSaveKeeps(f, () -> SafeTensors.save(bad, f));
        Map<String, Tensor> huge = new LinkedHashMap<>();
        huge.put("a", noData(DType.FLOAT64, 1L << 28));
        huge.put("b", noData(DType.FLOAT64, 1L << 28));
        assertFailedSaveKeeps(f, () -> SafeTensors.save(huge, f));
        assertTrue(SafeTensors.load(f).get("x").equal(Torch.ones(3)));
    }

    @Test
    void pt() throws IOException {
        Path f = dir.resolve("a.pt");
        PtFiles.save(Map.of("x", Torch.ones(3)), f);
        byte[] before = Files.readAllBytes(f);
        assertThrows(IllegalArgumentException.class, () -> PtFiles.save(Map.of("m", noData(DType.FLOAT32, 2)), f));
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    @Test
    void aReplacedFileKeepsItsPermissionsAndItsLink() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path real = dir.resolve("real.npy");
        Npy.save(Torch.ones(2), real);
        var secret = java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
        Files.setPosixFilePermissions(real, secret);
        Path link = Files.createSymbolicLink(dir.resolve("link.npy"), real);
        Npy.save(Torch.zeros(3), link);
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertTrue(Npy.load(real).equal(Torch.zeros(3)), "the file it names is replaced");
        assertEquals(secret, Files.getPosixFilePermissions(real));
    }

    @Test
    void badNamesAreRefusedBeforeTheFileIsTouched() throws IOException {
        Path f = dir.resolve("b.safetensors");
        SafeTensors.save(Map.of("x", Torch.ones(3)), f);
        byte[] before = Files.readAllBytes(f);
        Map<String, Tensor> bad = new LinkedHashMap<>();
        bad.put("ok", Torch.ones(2));
        bad.put("__metadata__", Torch.ones(2));
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.save(bad, f));
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.save(Map.of("x\uD800", Torch.ones(1)), f));
        assertArrayEquals(before, Files.readAllBytes(f));
    }
}
