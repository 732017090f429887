package dev.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.internal.ops.Copying;
import dev.jgrad.testutil.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * float16 and bfloat16 in .pt, .safetensors and .npy files both ways. Files PyTorch 1.13 and numpy wrote
 * (tools/fixtures/gen_half_io.py) load here with their exact bit patterns (NaN payloads, -0, subnormals and
 * infinities included); the files jgrad writes from them are byte-compared with committed copies that the same
 * script loaded in PyTorch and numpy with identical bits (its report: fixtures/half_io/check.txt).
 */
class HalfIoTest {
    private static final String DIR = "fixtures/half_io";
    private static final Map<String, Object> EXPECTED = Json.asMap(Json.resource(DIR + "/expected.json"));

    @TempDir Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(HalfIoTest.class.getClassLoader().getResource(DIR + "/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long[] bits(Tensor t) {
        short[] s = (short[]) Copying.toArray(t, t.dtype());
        long[] r = new long[s.length];
        for (int i = 0; i < s.length; i++) r[i] = s[i] & 0xFFFF;
        return r;
    }

    private static void assertSameBits(String name, Tensor t) {
        Map<String, Object> want = Json.asMap(EXPECTED.get(name));
        assertEquals(want.get("dtype"), t.dtype().shortName(), name);
        assertArrayEquals(Json.asLongArray(want.get("shape")), t.shape(), name);
        assertArrayEquals(Json.asLongArray(want.get("bits")), bits(t), name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Tensor> torchFile() throws IOException {
        return (Map<String, Tensor>) Torch.load(resource("torch_half.pt"));
    }

    @Test
    void ptFromPyTorchLoadsWithIdenticalBits() throws IOException {
        Map<String, Tensor> m = torchFile();
        assertEquals(List.of("h", "b", "h2", "h2t"), List.copyOf(m.keySet()));
        for (var e : m.entrySet()) assertSameBits(e.getKey(), e.getValue());
        assertTrue(m.get("h2t").sharesStorageWith(m.get("h2")));
        assertArrayEquals(new long[] {1, 3}, m.get("h2t").stride());
    }

    @Test
    void safetensorsFromPyTorchLoadWithIdenticalBits() {
        Map<String, Tensor> m = SafeTensors.load(resource("torch_half.safetensors"));
        assertEquals(3, m.size());
        for (var e : m.entrySet()) assertSameBits(e.getKey(), e.getValue());
    }

    @Test
    void npyFromNumpyLoadsWithIdenticalBits() throws IOException {
        assertSameBits("h2", Npy.load(resource("numpy_half.npy")));
    }

    @Test
    void dtypesJgradLacksAreStillNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Torch.load(resource("int8.pt")));
        assertTrue(e.getMessage().contains("torch.int8"), e.getMessage());
    }

    @Test
    void uint8LoadsWidenedToInt32() {
        // jgrad has no uint8: a uint8 storage (PyTorch's rng state, say) loads widened (README's differences table)
        @SuppressWarnings("unchecked")
        Map<String, Tensor> m = (Map<String, Tensor>) Torch.load(resource("uint8.pt"));
        Tensor u = m.get("u");
        assertEquals(DType.INT32, u.dtype());
        assertEquals(java.util.List.of(0L, 0L), u.toList());
    }

    @Test
    void bfloat16HasNoNpyDtype() {
        Tensor b = Torch.ones(DType.BFLOAT16, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.save(b, dir.resolve("b.npy")));
        assertEquals("Got unsupported ScalarType BFloat16", e.getMessage());  // what PyTorch's .numpy() says
        assertTrue(!Files.exists(dir.resolve("b.npy")));
    }

    /** Byte-compares with the committed files (run with -Dhalf.regenerate=true to rewrite them, then gen_half_io.py). */
    @Test
    void jgradFilesMatchTheOnesPyTorchWasCheckedToRead() throws IOException {
        Map<String, Tensor> m = torchFile();
        Map<String, Tensor> flat = new LinkedHashMap<>(m);
        flat.remove("h2t");
        Map<String, IoAction> files = new LinkedHashMap<>();
        files.put("jgrad_half.pt", f -> Torch.save(m, f));
        files.put("jgrad_half.safetensors", f -> SafeTensors.save(flat, f));
        files.put("jgrad_half.npy", f -> Npy.save(m.get("h2"), f));
        boolean regenerate = Boolean.getBoolean("half.regenerate");
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            e.getValue().write(f);
            if (regenerate) {
                Files.copy(f, Path.of("src/test/resources", DIR, e.getKey()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                continue;
            }
            assertArrayEquals(Files.readAllBytes(resource(e.getKey())), Files.readAllBytes(f), e.getKey() + " changed: regenerate and recheck");
        }
        // and back: what jgrad wrote reads as what it saved
        @SuppressWarnings("unchecked")
        Map<String, Tensor> again = (Map<String, Tensor>) Torch.load(dir.resolve("jgrad_half.pt"));
        for (var e : again.entrySet()) assertSameBits(e.getKey(), e.getValue());
        for (var e : SafeTensors.load(dir.resolve("jgrad_half.safetensors")).entrySet()) assertSameBits(e.getKey(), e.getValue());
        assertSameBits("h2", Npy.load(dir.resolve("jgrad_half.npy")));
    }

    private interface IoAction {
        void write(Path f) throws IOException;
    }
}
