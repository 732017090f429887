package dev.jgrad.io;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format ({@code safetensors.torch.save_file / load_file}): an 8-byte little-endian
 * header length, a JSON header {@code {"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [b, e]},
 * "__metadata__": {...}}} padded with spaces to 8 bytes, then every tensor's raw little-endian bytes.
 *
 * <p>Written dtypes: F32, F64, I64, I32, BOOL. Read also: F16 and BF16 (widened to float32), I8, U8 and
 * I16 (widened to int32). Loading checks the whole layout first and throws IllegalArgumentException
 * naming what is wrong for truncated or corrupt files.
 *
 * <p>Models: {@link #saveModel} writes {@code model.stateDict()}, {@link #loadModel} reads a file into
 * {@code model.loadStateDict(...)}.
 */
public final class SafeTensors {
    private SafeTensors() {}

    private static final long MAX_HEADER = 100_000_000;
    private static final String METADATA = "__metadata__";

    private record Entry(String name, String dtype, long[] shape, long begin, long end) {}

    // ---------------------------------------------------------------- writing

    public static void save(Map<String, Tensor> tensors, Path path) { save(tensors, path, null); }

    /** metadata: free-form string pairs stored under {@code __metadata__} (may be null). */
    public static void save(Map<String, Tensor> tensors, Path path, Map<String, String> metadata) {
        StringBuilder header = new StringBuilder("{");
        if (metadata != null && !metadata.isEmpty()) {
            header.append(HeaderJson.quote(METADATA)).append(":{");
            boolean first = true;
            for (var e : metadata.entrySet()) {
                header.append(first ? "" : ",").append(HeaderJson.quote(e.getKey())).append(':').append(HeaderJson.quote(e.getValue()));
                first = false;
            }
            header.append('}');
        }
        // data goes largest element size first, so every tensor starts aligned to its element size (as the
        // reference writer arranges it); the header keeps the caller's order, which load() returns
        List<Map.Entry<String, Tensor>> order = new ArrayList<>(tensors.entrySet());
        order.sort((a, b) -> Integer.compare(itemSize(b.getValue().dtype()), itemSize(a.getValue().dtype())));
        Map<String, long[]> offsets = new LinkedHashMap<>();
        long offset = 0;
        for (var e : order) {
            checkName(e.getKey());
            long bytes = e.getValue().numel() * itemSize(e.getValue().dtype());
            offsets.put(e.getKey(), new long[] {offset, offset + bytes});
            offset += bytes;
        }
        for (var e : tensors.entrySet()) {
            Tensor t = e.getValue();
            long[] at = offsets.get(e.getKey());
            header.append(header.length() > 1 ? "," : "").append(HeaderJson.quote(e.getKey())).append(":{\"dtype\":\"")
                    .append(code(t.dtype())).append("\",\"shape\":[");
            long[] shape = t.shape();
            for (int i = 0; i < shape.length; i++) header.append(i > 0 ? "," : "").append(shape[i]);
            header.append("],\"data_offsets\":[").append(at[0]).append(',').append(at[1]).append("]}");
        }
        header.append('}');
        byte[] text = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (text.length + 7) / 8 * 8;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(padded).put(text);
            while (head.hasRemaining()) head.put((byte) ' ');
            writeFully(ch, head.flip());
            for (var e : order) writeFully(ch, encode(e.getValue()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.equals(METADATA)) {
            throw new IllegalArgumentException("invalid tensor name for safetensors: \"" + name + "\"");
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    private static String code(DType t) {
        return switch (t) {
            case FLOAT32 -> "F32";
            case FLOAT64 -> "F64";
            case INT64 -> "I64";
            case INT32 -> "I32";
            case BOOL -> "BOOL";
        };
    }

    private static int itemSize(DType t) {
        return switch (t) {
            case FLOAT64, INT64 -> 8;
            case FLOAT32, INT32 -> 4;
            case BOOL -> 1;
        };
    }

    private static ByteBuffer encode(Tensor t) {
        int n = (int) t.numel();
        ByteBuffer b = ByteBuffer.allocate(n * itemSize(t.dtype())).order(ByteOrder.LITTLE_ENDIAN);
        switch (t.dtype()) {
            case FLOAT32 -> b.asFloatBuffer().put(t.toFloatArray());
            case FLOAT64 -> b.asDoubleBuffer().put(t.toDoubleArray());
            case INT64 -> b.asLongBuffer().put(t.toLongArray());
            case INT32 -> b.asIntBuffer().put(t.toIntArray());
            case BOOL -> { for (boolean v : t.toBooleanArray()) b.put((byte) (v ? 1 : 0)); b.rewind(); }
        }
        return b;
    }

    // ---------------------------------------------------------------- reading

    /** Every tensor in the file, in header order. */
    public static LinkedHashMap<String, Tensor> load(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            Map<String, Object> header = readHeader(ch, size);
            long dataStart = 8 + headerLength(ch);
            List<Entry> entries = entries(header, size - dataStart);
            LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
            for (Entry e : entries) {
                ByteBuffer b = ByteBuffer.allocate((int) (e.end - e.begin)).order(ByteOrder.LITTLE_ENDIAN);
                long pos = dataStart + e.begin;
                while (b.hasRemaining()) {
                    int r = ch.read(b, pos + b.position());
                    if (r < 0) throw new IllegalArgumentException("invalid safetensors file: truncated data for \"" + e.name + "\"");
                }
                out.put(e.name, decode(e, b.flip()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    /** The {@code __metadata__} string pairs (empty when there are none). */
    public static Map<String, String> metadata(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            Map<String, Object> header = readHeader(ch, ch.size());
            Map<String, String> out = new LinkedHashMap<>();
            if (header.get(METADATA) instanceof Map<?, ?> m) for (var e : m.entrySet()) out.put((String) e.getKey(), (String) e.getValue());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    private static long headerLength(FileChannel ch) throws IOException {
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        while (len.hasRemaining()) if (ch.read(len, len.position()) < 0) break;
        return len.flip().remaining() < 8 ? -1 : len.getLong();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readHeader(FileChannel ch, long size) throws IOException {
        if (size < 8) throw new IllegalArgumentException("invalid safetensors file: " + size + " bytes is too short for the 8-byte header length");
        long n = headerLength(ch);
        if (n < 2 || n > MAX_HEADER) throw new IllegalArgumentException("invalid safetensors file: header length " + Long.toUnsignedString(n)
                + " is out of range");
        if (8 + n > size) {
            throw new IllegalArgumentException("invalid safetensors file: header length " + n + " exceeds the file size (" + size + " bytes)");
        }
        ByteBuffer text = ByteBuffer.allocate((int) n);
        while (text.hasRemaining()) if (ch.read(text, 8 + text.position()) < 0) break;
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().decode(text.flip()).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("invalid safetensors header: not UTF-8");
        }
        if (!(HeaderJson.parse(json) instanceof Map<?, ?> m)) throw new IllegalArgumentException("invalid safetensors header: not a JSON object");
        return (Map<String, Object>) m;
    }

    /** Validates every entry and that the entries tile the data region exactly, as the reference reader does. */
    private static List<Entry> entries(Map<String, Object> header, long dataBytes) {
        List<Entry> entries = new ArrayList<>();
        for (var e : header.entrySet()) {
            String name = e.getKey();
            if (name.equals(METADATA)) {
                if (!(e.getValue() instanceof Map<?, ?> meta) || !meta.values().stream().allMatch(v -> v instanceof String)) {
                    throw new IllegalArgumentException("invalid safetensors header: __metadata__ must map strings to strings");
                }
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> info)) throw bad(name, "is not an object");
            if (!(info.get("dtype") instanceof String dtype) || elementBytes(dtype) < 0) throw bad(name, "has an unknown dtype " + info.get("dtype"));
            long[] shape = longs(info.get("shape"), name, "shape", -1);
            long[] offsets = longs(info.get("data_offsets"), name, "data_offsets", 2);
            long numel = 1;
            for (long s : shape) {
                if (s < 0) throw bad(name, "has a negative size in its shape");
                numel = Math.multiplyExact(numel, s);
            }
            if (offsets[0] < 0 || offsets[1] < offsets[0]) throw bad(name, "has invalid data_offsets");
            if (offsets[1] - offsets[0] != numel * elementBytes(dtype)) {
                throw bad(name, "has data_offsets covering " + (offsets[1] - offsets[0]) + " bytes, but its shape and dtype need "
                        + numel * elementBytes(dtype));
            }
            if (numel > Integer.MAX_VALUE) throw bad(name, "is too large for one tensor");
            entries.add(new Entry(name, dtype, shape, offsets[0], offsets[1]));
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> Long.compare(a.begin, b.begin));
        long expect = 0;
        for (Entry e : sorted) {
            if (e.begin != expect) throw bad(e.name, "does not start where the previous tensor ends (offset " + expect + ")");
            expect = e.end;
        }
        if (expect > dataBytes) {
            throw new IllegalArgumentException("invalid safetensors file: truncated (the tensors need " + expect + " bytes of data, the file has "
                    + dataBytes + ")");
        }
        if (expect < dataBytes) {
            throw new IllegalArgumentException("invalid safetensors file: " + (dataBytes - expect) + " bytes after the last tensor");
        }
        return entries;
    }

    private static IllegalArgumentException bad(String name, String what) {
        return new IllegalArgumentException("invalid safetensors header: tensor \"" + name + "\" " + what);
    }

    private static long[] longs(Object v, String name, String field, int length) {
        if (!(v instanceof List<?> l) || (length >= 0 && l.size() != length) || !l.stream().allMatch(x -> x instanceof Long)) {
            throw bad(name, "has an invalid " + field);
        }
        long[] r = new long[l.size()];
        for (int i = 0; i < r.length; i++) r[i] = (Long) l.get(i);
        return r;
    }

    private static int elementBytes(String dtype) {
        return switch (dtype) {
            case "F64", "I64" -> 8;
            case "F32", "I32" -> 4;
            case "F16", "BF16", "I16" -> 2;
            case "BOOL", "I8", "U8" -> 1;
            default -> -1;
        };
    }

    private static Tensor decode(Entry e, ByteBuffer b) {
        int n = (int) ((e.end - e.begin) / elementBytes(e.dtype));
        Tensor flat = switch (e.dtype) {
            case "F32" -> { float[] a = new float[n]; b.asFloatBuffer().get(a); yield Torch.fromArray(a, n); }
            case "F64" -> { double[] a = new double[n]; b.asDoubleBuffer().get(a); yield Torch.fromArray(a, n); }
            case "I64" -> { long[] a = new long[n]; b.asLongBuffer().get(a); yield Torch.fromArray(a, n); }
            case "I32" -> { int[] a = new int[n]; b.asIntBuffer().get(a); yield Torch.fromArray(a, n); }
            case "BOOL" -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) a[i] = b.get(i) != 0;
                yield Torch.fromArray(a, n);
            }
            case "F16" -> { float[] a = new float[n]; for (int i = 0; i < n; i++) a[i] = Float.float16ToFloat(b.getShort(2 * i)); yield Torch.fromArray(a, n); }
            case "BF16" -> { float[] a = new float[n]; for (int i = 0; i < n; i++) a[i] = Float.intBitsToFloat(b.getShort(2 * i) << 16); yield Torch.fromArray(a, n); }
            case "I16" -> { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = b.getShort(2 * i); yield Torch.fromArray(a, n); }
            case "I8" -> { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = b.get(i); yield Torch.fromArray(a, n); }
            case "U8" -> { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = b.get(i) & 0xff; yield Torch.fromArray(a, n); }
            default -> throw new IllegalStateException(e.dtype);
        };
        return flat.reshape(e.shape);
    }

    // ---------------------------------------------------------------- modules

    /** Writes {@code model.stateDict()}. */
    public static void saveModel(Module model, Path path) { save(model.stateDict(), path); }

    /** Loads a file written by {@link #saveModel} (or by PyTorch's safetensors) into the model. */
    public static Module.IncompatibleKeys loadModel(Module model, Path path, boolean strict) { return model.loadStateDict(load(path), strict); }

    public static Module.IncompatibleKeys loadModel(Module model, Path path) { return loadModel(model, path, true); }
}
