package dev.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reader against thousands of deterministic mutants of valid files (numpy's, PyTorch's, the reference
 * safetensors layout and jgrad's own): bit flips, boundary bytes, truncations, insertions, duplicated
 * regions and edited length fields. Each load either succeeds or throws the readers' one documented
 * exception, IllegalArgumentException; anything else (NegativeArraySize, BufferUnderflow, Arithmetic,
 * ClassCast, IndexOutOfBounds, NullPointer, I/O exceptions, StackOverflowError, OutOfMemoryError) is a bug,
 * and so is a load that allocates far more than the file could justify.
 */
class ReaderFuzzTest {
    private static final int MUTANTS_PER_FORMAT = 3000;
    /** What one load of a small mutant may allocate in all: enough for parsing, far below any forged size. */
    private static final long ALLOCATION_LIMIT = 64L << 20;

    @TempDir Path dir;

    private interface Reader {
        Object load(Path p) throws IOException;
    }

    private record Failure(String what, Throwable error) {}

    private static byte[] resource(String name) {
        try (InputStream in = ReaderFuzzTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] written(String name, Saver saver) throws IOException {
        Path f = dir.resolve("seed-" + name);
        saver.save(f);
        byte[] b = Files.readAllBytes(f);
        Files.delete(f);
        return b;
    }

    private interface Saver {
        void save(Path p) throws IOException;
    }

    private static Map<String, Tensor> sample() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("w", Torch.arange(6.0).reshape(2, 3).div(7));
        m.put("steps", Torch.tensor(1L, -2L, 3L));
        m.put("mask", Torch.tensor(true, false));
        m.put("s", Torch.scalarTensor(2.5));
        m.put("e", Torch.zeros(DType.FLOAT64, 0, 2));
        return m;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void npy() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String f : List.of("f32_2x3.npy", "f32_fortran_2x3.npy", "f64_scalar.npy", "bool_3.npy", "i64_4.npy")) seeds.add(resource("fixtures/npy/" + f));
        seeds.add(written("a.npy", p -> Npy.save(Torch.arange(6).reshape(2, 3).toInt(), p)));
        fuzz("npy", seeds, Npy::load, 1);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void npz() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(resource("fixtures/npy/pair.npz"));  // numpy's, entries stored
        seeds.add(written("a.npz", p -> Npy.saveNpz(sample(), p)));  // jgrad's, entries deflated
        fuzz("npz", seeds, Npy::loadNpz, 2);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void safetensors() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(resource("fixtures/nn_reference.safetensors"));
        seeds.add(resource("fixtures/safetensors/layout_mixed.safetensors"));
        seeds.add(resource("fixtures/safetensors/layout_names.safetensors"));
        seeds.add(written("a.safetensors", p -> SafeTensors.save(sample(), p, Map.of("k", "v"))));
        fuzz("safetensors", seeds, p -> {
            SafeTensors.metadata(p);
            return SafeTensors.load(p);
        }, 3);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void pt() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String f : List.of("state_dict.pt", "views.pt", "optimizer.pt", "checkpoint.pt", "jgrad_checkpoint.pt")) seeds.add(resource("fixtures/pt/" + f));
        Map<String, Object> nested = new LinkedHashMap<>(sample());
        nested.put("list", new ArrayList<>(List.of(1L, "two", 3.0, new Object[] {true, null})));
        seeds.add(written("a.pt", p -> PtFiles.save(nested, p)));
        fuzz("pt", seeds, PtFiles::load, 4);
    }

    private void fuzz(String format, List<byte[]> seeds, Reader reader, long salt) throws IOException {
        AllocationMeter threads = new AllocationMeter();
        List<Failure> failures = new ArrayList<>();
        int loaded = 0, refused = 0;
        long slowest = 0;
        for (int s = 0; s < seeds.size(); s++) {
            byte[] seed = seeds.get(s);
            Random rnd = new Random(salt * 1_000_003L + s);
            for (int m = 0; m < MUTANTS_PER_FORMAT / seeds.size(); m++) {
                StringBuilder how = new StringBuilder();
                byte[] mutant = mutate(seed, rnd, how);
                String what = format + " seed " + s + " mutant " + m + ": " + how;
                Path f = dir.resolve(format + "-" + s + "-" + m);
                Files.write(f, mutant);
                long allocated = threads.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                try {
                    reader.load(f);
                    loaded++;
                } catch (IllegalArgumentException e) {
                    refused++;
                } catch (Throwable e) {  // a StackOverflowError or OutOfMemoryError included: the reader must never let one out
                    failures.add(new Failure(what, e));
                }
                slowest = Math.max(slowest, System.nanoTime() - start);
                long used = threads.getCurrentThreadAllocatedBytes() - allocated;
                if (used > ALLOCATION_LIMIT) failures.add(new Failure(what, new AssertionError("allocated " + used + " bytes")));
                Files.delete(f);
            }
        }
        if (!failures.isEmpty()) {
            StringBuilder b = new StringBuilder(failures.size() + " of " + MUTANTS_PER_FORMAT + " " + format + " mutants misbehaved:");
            for (Failure fl : failures.subList(0, Math.min(15, failures.size()))) {
                StackTraceElement[] st = fl.error.getStackTrace();
                b.append("\n  ").append(fl.what).append("\n    ").append(fl.error).append(st.length > 0 ? " at " + st[0] : "");
                for (int k = 1; k < Math.min(6, st.length); k++) b.append("\n      ").append(st[k]);
            }
            throw new AssertionError(b.toString());
        }
        // the mutations must reach past the magic numbers: some mutants still load, many are refused
        assertTrue(loaded > 0 && refused > loaded / 10, format + ": " + loaded + " loaded, " + refused + " refused");
        assertTrue(slowest < TimeUnit.SECONDS.toNanos(5), format + ": a mutant took " + slowest / 1_000_000 + " ms");
    }

    /**
     * This thread's allocated bytes (com.sun.management.ThreadMXBean), reached reflectively: the test module
     * does not read jdk.management, but the JVM has it.
     */
    static final class AllocationMeter {
        private final Object bean;
        private final java.lang.reflect.Method allocated;

        AllocationMeter() {
            try {
                bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
                allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("no allocation counter in this JVM", e);
            }
        }

        long getCurrentThreadAllocatedBytes() {
            try {
                return (Long) allocated.invoke(bean);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final long[] BOUNDARY = {0, 1, -1, 2, 7, 8, 63, 64, 127, 128, 255, 256, 0x7fff, 0x8000, 0xffff, 0x10000, Integer.MAX_VALUE,
        Integer.MIN_VALUE, 0xffffffffL, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 62, 100_000_000, 100_000_001};
    private static final byte[] BYTES = {0, 1, -1, 0x7f, (byte) 0x80, '-', '0', '9', '"', '\'', '\\', '{', '}', '[', ']', '(', ')', ',', ':',
        ' ', '\n', 'L', 'e', '.', (byte) 0xc3, (byte) 0xe9, 'P', 'K'};

    /** One to three random edits; how records them so a failure can be reproduced by reading it. */
    static byte[] mutate(byte[] seed, Random rnd, StringBuilder how) {
        byte[] b = seed;
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(7)) {
                case 0 -> {
                    b = b.clone();
                    int bit = rnd.nextInt(8);
                    b[at] ^= (byte) (1 << bit);
                    how.append("flip ").append(at).append('.').append(bit).append("; ");
                }
                case 1 -> {
                    b = b.clone();
                    b[at] = BYTES[rnd.nextInt(BYTES.length)];
                    how.append("set ").append(at).append('=').append(b[at] & 0xff).append("; ");
                }
                case 2 -> {
                    b = Arrays.copyOf(b, at);
                    how.append("truncate ").append(at).append("; ");
                }
                case 3 -> {
                    int n = 1 + rnd.nextInt(16);
                    byte[] ins = new byte[n];
                    for (int k = 0; k < n; k++) ins[k] = rnd.nextBoolean() ? BYTES[rnd.nextInt(BYTES.length)] : (byte) rnd.nextInt(256);
                    b = splice(b, at, ins);
                    how.append("insert ").append(n).append(" at ").append(at).append("; ");
                }
                case 4 -> {
                    int from = rnd.nextInt(b.length), len = 1 + rnd.nextInt(Math.min(256, b.length - from));
                    b = splice(b, at, Arrays.copyOfRange(b, from, from + len));
                    how.append("duplicate ").append(from).append('+').append(len).append(" at ").append(at).append("; ");
                }
                case 5 -> {
                    // a length field: little-endian 2, 4 or 8 bytes, at a structure's known field or anywhere
                    int width = new int[] {2, 4, 8}[rnd.nextInt(3)];
                    int pos = rnd.nextBoolean() ? lengthField(b, rnd) : at;
                    if (pos < 0 || pos + width > b.length) pos = Math.max(0, b.length - width);
                    if (b.length < width) break;
                    long v = rnd.nextInt(4) == 0 ? (readLe(b, pos, width) + rnd.nextInt(17) - 8) : BOUNDARY[rnd.nextInt(BOUNDARY.length)];
                    b = b.clone();
                    for (int k = 0; k < width; k++) b[pos + k] = (byte) (v >>> (8 * k));
                    how.append("length ").append(pos).append('/').append(width).append('=').append(v).append("; ");
                }
                default -> {
                    // a digit of a header number changed, or a sign put in front of it
                    int d = -1;
                    for (int k = 0; k < 64 && d < 0; k++) {
                        int p = rnd.nextInt(b.length);
                        if (b[p] >= '0' && b[p] <= '9') d = p;
                    }
                    if (d < 0) break;
                    b = rnd.nextBoolean() ? b.clone() : splice(b, d, new byte[] {'-'});
                    if (b[d] != '-') b[d] = (byte) ('0' + rnd.nextInt(10));
                    how.append("digit ").append(d).append("; ");
                }
            }
        }
        return b;
    }

    /** The offset of a length or offset field of one of the formats' structures found in b, or -1. */
    private static int lengthField(byte[] b, Random rnd) {
        List<Integer> fields = new ArrayList<>();
        fields.add(0);   // safetensors' header length
        fields.add(8);   // .npy's header length
        for (int i = 0; i + 4 <= b.length; i++) {
            if (b[i] != 'P' || b[i + 1] != 'K') continue;
            int sig = (b[i + 2] & 0xff) | (b[i + 3] & 0xff) << 8;
            if (sig == 0x0403) for (int off : new int[] {14, 18, 22, 26, 28}) fields.add(i + off);  // local: crc, sizes, name/extra lengths
            if (sig == 0x0201) for (int off : new int[] {20, 24, 28, 30, 32, 42}) fields.add(i + off);  // central: sizes, lengths, local offset
            if (sig == 0x0605) for (int off : new int[] {8, 10, 12, 16, 20}) fields.add(i + off);  // end: counts, directory size and offset
        }
        int pos = fields.get(rnd.nextInt(fields.size()));
        return pos < b.length ? pos : -1;
    }

    private static long readLe(byte[] b, int pos, int width) {
        ByteBuffer buf = ByteBuffer.wrap(b, pos, width).order(ByteOrder.LITTLE_ENDIAN);
        return switch (width) {
            case 2 -> buf.getShort() & 0xffff;
            case 4 -> buf.getInt() & 0xffffffffL;
            default -> buf.getLong();
        };
    }

    private static byte[] splice(byte[] b, int at, byte[] ins) {
        byte[] r = new byte[b.length + ins.length];
        System.arraycopy(b, 0, r, 0, at);
        System.arraycopy(ins, 0, r, at, ins.length);
        System.arraycopy(b, at, r, at + ins.length, b.length - at);
        return r;
    }
}
