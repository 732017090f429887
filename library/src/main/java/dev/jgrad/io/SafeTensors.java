package dev.jgrad.io;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.internal.ops.Copying;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format ({@code safetensors.torch.save_file / load_file}): an 8-byte little-endian
 * header length, a JSON header {@code {"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [b, e]},
 * "__metadata__": {...}}} padded with spaces to 8 bytes, then every tensor's raw little-endian bytes.
 *
 * <p>Written and read dtypes: F32, F64, I64, I32, BOOL, F16, BF16 (their bits unchanged). Read also: I8, U8 and
 * I16 (widened to int32). Files are written byte for byte as the reference writer (the Rust
 * {@code safetensors} crate) writes them: tensors ordered by dtype (widest alignment first) then name, the
 * header in that order as compact JSON, {@code __metadata__} first (its keys sorted: the reference
 * iterates a hash map), padded with spaces to 8 bytes. Saving goes through a temp file renamed over the
 * target once complete, so a failed save leaves the previous file as it was.
 *
 * <p>Loading checks what the reference reader checks before any tensor memory is allocated: a header of
 * at most 100 MB of strict JSON, known dtypes, shapes whose byte counts do not overflow, and data_offsets
 * that are ordered, non-overlapping and cover the data region exactly. Tensors come back in data order, as
 * {@code load_file} returns them. A file that is not valid safetensors (truncated, corrupt, hostile) or
 * holds what jgrad cannot represent gives an {@link IllegalArgumentException} naming the problem; an
 * {@link UncheckedIOException} means the file could not be read or written at all.
 *
 * <p>Models: {@link #saveModel} writes {@code model.stateDict()}, {@link #loadModel} reads a file into
 * {@code model.loadStateDict(...)}.
 */
public final class SafeTensors {
    private SafeTensors() {}

    /** The reference reader's limit (MAX_HEADER_SIZE). */
    private static final long MAX_HEADER = 100_000_000;
    private static final String METADATA = "__metadata__";
    private static final int CHUNK = 1 << 20;

    /**
     * The dtypes of the format, in the reference's order (its Dtype enum is declared in increasing
     * alignment, and the writer sorts by it, widest first), with their sizes in bits.
     */
    private static final List<String> DTYPES = List.of("BOOL", "F4", "F6_E2M3", "F6_E3M2", "U8", "I8", "F8_E5M2", "F8_E4M3", "F8_E8M0",
            "F8_E4M3FNUZ", "F8_E5M2FNUZ", "I16", "U16", "F16", "BF16", "I32", "U32", "F32", "C64", "F64", "I64", "U64");

    private record Entry(String name, String dtype, long[] shape, long begin, long end) {}

    private record Header(Map<String, String> metadata, List<Entry> entries, long dataStart) {}

    // ---------------------------------------------------------------- writing

    /**
     * {@code safetensors.torch.save_file(tensors, path)}: the tensors under their names, with no metadata,
     * written atomically (the file at path is replaced only once the new one is complete).
     *
     * @param tensors the tensors by name
     * @param path the file to write
     * @throws IllegalArgumentException for a null, empty or "__metadata__" name ({@code invalid tensor name for
     *     safetensors: ""}), a null tensor ({@code cannot save a null tensor "w" in safetensors}), text with an
     *     unpaired surrogate, or a header over 100 MB; nothing is written then
     * @throws java.io.UncheckedIOException if the file cannot be written ("could not write " + path)
     */
    public static void save(Map<String, Tensor> tensors, Path path) { save(tensors, path, null); }

    /**
     * {@code safetensors.torch.save_file(tensors, path, metadata)}: the tensors under their names with free-form
     * string metadata, written atomically.
     *
     * @param tensors the tensors by name
     * @param path the file to write
     * @param metadata string pairs stored under {@code __metadata__} (null: none; an empty map is written as {})
     * @throws IllegalArgumentException for a null, empty or "__metadata__" name ({@code invalid tensor name for
     *     safetensors: ""}), a null tensor ({@code cannot save a null tensor "w" in safetensors}), text with an
     *     unpaired surrogate, a null metadata key or value ("safetensors metadata keys and values must be strings,
     *     not null"), or a header over 100 MB; nothing is written then
     * @throws java.io.UncheckedIOException if the file cannot be written ("could not write " + path)
     */
    public static void save(Map<String, Tensor> tensors, Path path, Map<String, String> metadata) {
        List<Map.Entry<String, Tensor>> order = new ArrayList<>();
        for (var e : tensors.entrySet()) {
            checkName(e.getKey());
            if (e.getValue() == null) throw new IllegalArgumentException("cannot save a null tensor \"" + e.getKey() + "\" in safetensors");
            order.add(e);
        }
        order.sort((a, b) -> {
            int byDtype = Integer.compare(DTYPES.indexOf(code(b.getValue().dtype())), DTYPES.indexOf(code(a.getValue().dtype())));
            return byDtype != 0 ? byDtype : compareCodePoints(a.getKey(), b.getKey());
        });
        StringBuilder header = new StringBuilder("{");
        if (metadata != null) {
            header.append(HeaderJson.quote(METADATA)).append(":{");
            List<String> keys = new ArrayList<>();
            for (var e : metadata.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) throw new IllegalArgumentException("safetensors metadata keys and values must be strings, not null");
                checkText(e.getKey());
                checkText(e.getValue());
                keys.add(e.getKey());
            }
            keys.sort(SafeTensors::compareCodePoints);
            for (int k = 0; k < keys.size(); k++) {
                header.append(k > 0 ? "," : "").append(HeaderJson.quote(keys.get(k))).append(':').append(HeaderJson.quote(metadata.get(keys.get(k))));
            }
            header.append('}');
        }
        long offset = 0;
        for (var e : order) {
            Tensor t = e.getValue();
            long end;
            try {
                end = Math.addExact(offset, TensorBytes.size(t));
            } catch (ArithmeticException ex) {
                throw new IllegalArgumentException("cannot save: the tensors' total size overflows");
            }
            header.append(header.length() > 1 ? "," : "").append(HeaderJson.quote(e.getKey())).append(":{\"dtype\":\"")
                    .append(code(t.dtype())).append("\",\"shape\":[");
            long[] shape = t.shape();
            for (int i = 0; i < shape.length; i++) header.append(i > 0 ? "," : "").append(shape[i]);
            header.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        header.append('}');
        byte[] text = header.toString().getBytes(StandardCharsets.UTF_8);
        if (text.length > MAX_HEADER) throw new IllegalArgumentException("cannot save: the safetensors header would be larger than 100 MB");
        int padded = (text.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(text);
        while (head.hasRemaining()) head.put((byte) ' ');
        try {
            AtomicFiles.write(path, out -> {
                out.write(head.array());
                for (var e : order) TensorBytes.write(e.getValue(), out);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.equals(METADATA)) {
            throw new IllegalArgumentException("invalid tensor name for safetensors: \"" + name + "\"");
        }
        checkText(name);
    }

    /** Text the header can hold: UTF-8 has no encoding for a lone surrogate. */
    private static void checkText(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
                k++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("cannot save \"" + s + "\" in a safetensors header: it holds an unpaired surrogate");
            }
        }
    }

    /** Rust's (and Python's) string order: by code point, which Java's compareTo (by UTF-16 unit) is not. */
    private static int compareCodePoints(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String code(DType t) {
        return switch (t) {
            case FLOAT32 -> "F32";
            case FLOAT64 -> "F64";
            case INT64 -> "I64";
            case INT32 -> "I32";
            case BOOL -> "BOOL";
            case FLOAT16 -> "F16";
            case BFLOAT16 -> "BF16";
        };
    }

    // ---------------------------------------------------------------- reading

    /**
     * {@code safetensors.torch.load_file(path)}: every tensor in the file, in data order (as {@code load_file}
     * returns them).
     *
     * @param path the .safetensors file
     * @return the tensors by name, new CPU tensors in a modifiable map
     * @throws IllegalArgumentException if the file is not valid safetensors or holds what jgrad cannot represent
     *     (the message names the problem)
     * @throws java.io.UncheckedIOException if the file cannot be read at all ("could not read " + path)
     */
    public static LinkedHashMap<String, Tensor> load(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            Header h = readHeader(ch);
            LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
            for (Entry e : h.entries) out.put(e.name, read(ch, h.dataStart, e));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    /**
     * The {@code __metadata__} string pairs ({@code safe_open(path).metadata()}), after checking the file's header
     * as {@link #load} does.
     *
     * @param path the .safetensors file
     * @return the pairs, a modifiable map (empty when there are none)
     * @throws IllegalArgumentException if the file is not valid safetensors or holds what jgrad cannot represent
     *     (the message names the problem)
     * @throws java.io.UncheckedIOException if the file cannot be read at all ("could not read " + path)
     */
    public static Map<String, String> metadata(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            Map<String, String> m = readHeader(ch).metadata;
            return m == null ? new LinkedHashMap<>() : m;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    private static Header readHeader(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 8) throw new IllegalArgumentException("invalid safetensors file: " + size + " bytes is too short for the 8-byte header length");
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, len, 0);
        long n = len.flip().getLong();
        if (n < 0 || n > MAX_HEADER) {
            throw new IllegalArgumentException("invalid safetensors file: header length " + Long.toUnsignedString(n)
                    + " is out of range (the format allows at most " + MAX_HEADER + " bytes)");
        }
        if (8 + n > size) {
            throw new IllegalArgumentException("invalid safetensors file: header length " + n + " exceeds the file size (" + size + " bytes)");
        }
        ByteBuffer text = ByteBuffer.allocate((int) n);
        readFully(ch, text, 8);
        Header h = parse(text.array());
        validate(h.entries, size - 8 - n);
        return new Header(h.metadata, h.entries, 8 + n);
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) throw new IllegalArgumentException("invalid safetensors file: truncated");
        }
    }

    /** The header's entries (unsorted) and metadata, read with nothing kept per tensor but its Entry. */
    private static Header parse(byte[] text) {
        HeaderJson j = new HeaderJson(text);
        Map<String, String> metadata = null;
        boolean sawMetadata = false;
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (j.peek() != '{') throw j.error("the header is not a JSON object");
        j.expect('{');
        while (j.more('}')) {
            String name = j.string();
            j.expect(':');
            if (name.equals(METADATA)) {
                if (sawMetadata) throw j.error("duplicate key \"" + METADATA + "\"");
                sawMetadata = true;
                metadata = metadataObject(j);
            } else {
                if (!names.add(name)) throw j.error("duplicate key \"" + name + "\"");
                entries.add(entry(j, name));
            }
            j.separator('}');
        }
        if (!j.atEnd()) throw j.error("trailing characters");
        return new Header(metadata, entries, 0);
    }

    private static Map<String, String> metadataObject(HeaderJson j) {
        if (j.consumeLiteral("null")) return null;
        if (j.peek() != '{') throw j.error("__metadata__ must map strings to strings");
        j.expect('{');
        Map<String, String> m = new LinkedHashMap<>();
        while (j.more('}')) {
            String k = j.string();
            j.expect(':');
            if (j.peek() != '"') throw j.error("__metadata__ must map strings to strings");
            if (m.put(k, j.string()) != null) throw j.error("duplicate key \"" + k + "\" in __metadata__");
            j.separator('}');
        }
        return m;
    }

    /** {"dtype": ..., "shape": [...], "data_offsets": [b, e]}; other fields are skipped, as serde skips them. */
    private static Entry entry(HeaderJson j, String name) {
        if (j.peek() != '{') throw bad(name, "is not an object");
        j.expect('{');
        String dtype = null;
        long[] shape = null, offsets = null;
        while (j.more('}')) {
            String field = j.string();
            j.expect(':');
            switch (field) {
                case "dtype" -> {
                    if (dtype != null) throw bad(name, "has two dtype fields");
                    if (j.peek() != '"') throw bad(name, "has an invalid dtype");
                    String d = j.string();
                    int k = DTYPES.indexOf(d);
                    if (k < 0) throw bad(name, "has an unknown dtype " + d);
                    dtype = DTYPES.get(k);  // the shared constant, not a copy per tensor
                }
                case "shape" -> {
                    if (shape != null) throw bad(name, "has two shape fields");
                    shape = naturals(j, name, "shape", -1);
                }
                case "data_offsets" -> {
                    if (offsets != null) throw bad(name, "has two data_offsets fields");
                    offsets = naturals(j, name, "data_offsets", 2);
                }
                default -> j.skipValue();
            }
            j.separator('}');
        }
        if (dtype == null) throw bad(name, "has no dtype");
        if (shape == null) throw bad(name, "has no shape");
        if (offsets == null) throw bad(name, "has invalid data_offsets (none)");
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static long[] naturals(HeaderJson j, String name, String field, int length) {
        if (j.peek() != '[') throw bad(name, "has an invalid " + field);
        j.expect('[');
        long[] v = new long[4];
        int n = 0;
        while (j.more(']')) {
            if (j.peek() == '-') throw bad(name, "has a negative size in its " + field);
            if (n == v.length) v = Arrays.copyOf(v, 2 * n);
            v[n++] = j.natural();
            j.separator(']');
        }
        if (length >= 0 && n != length) throw bad(name, "has an invalid " + field + " (" + n + " values)");
        return Arrays.copyOf(v, n);
    }

    /**
     * The reference reader's checks: each tensor's byte count (without overflow) equals its data_offsets
     * span; in offset order every tensor starts where the previous one ends; the last ends at the end of
     * the file. Sorts entries into that order.
     */
    private static void validate(List<Entry> entries, long dataBytes) {
        for (Entry e : entries) {
            long numel = 1;
            try {
                for (long s : e.shape) numel = Math.multiplyExact(numel, s);
                long bits = Math.multiplyExact(numel, (long) bits(e.dtype));
                if (bits % 8 != 0) throw bad(e.name, "has a bit count that is not a whole number of bytes");
                if (e.end < e.begin || e.end - e.begin != bits / 8) {
                    throw bad(e.name, "has data_offsets [" + e.begin + ", " + e.end + "] covering " + (e.end - e.begin) + " bytes, but its shape and dtype need " + bits / 8);
                }
            } catch (ArithmeticException ex) {
                throw bad(e.name, "has a shape whose size overflows");
            }
        }
        entries.sort(Comparator.comparingLong((Entry e) -> e.begin).thenComparingLong(e -> e.end));
        long expect = 0;
        for (Entry e : entries) {
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
    }

    private static IllegalArgumentException bad(String name, String what) {
        String shown = name.length() > 200 ? name.substring(0, 200) + "..." : name;  // a hostile name may be megabytes long
        return new IllegalArgumentException("invalid safetensors header: tensor \"" + shown + "\" " + what);
    }

    private static int bits(String dtype) {
        return switch (dtype) {
            case "F4" -> 4;
            case "F6_E2M3", "F6_E3M2" -> 6;
            case "BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "F8_E8M0", "F8_E4M3FNUZ", "F8_E5M2FNUZ" -> 8;
            case "I16", "U16", "F16", "BF16" -> 16;
            case "I32", "U32", "F32" -> 32;
            case "C64", "F64", "I64", "U64" -> 64;
            default -> throw new IllegalStateException(dtype);
        };
    }

    /** The jgrad dtype a file dtype loads as, or null for those jgrad cannot hold. */
    private static DType target(String dtype) {
        return switch (dtype) {
            case "F32" -> DType.FLOAT32;
            case "F16" -> DType.FLOAT16;
            case "BF16" -> DType.BFLOAT16;
            case "F64" -> DType.FLOAT64;
            case "I64" -> DType.INT64;
            case "I32", "I16", "I8", "U8" -> DType.INT32;
            case "BOOL" -> DType.BOOL;
            default -> null;
        };
    }

    /** One tensor, read chunk by chunk into its own storage. */
    private static Tensor read(FileChannel ch, long dataStart, Entry e) throws IOException {
        DType dtype = target(e.dtype);
        if (dtype == null) {
            throw new IllegalArgumentException("unsupported safetensors dtype " + e.dtype + " (tensor \"" + e.name
                    + "\"): jgrad reads F32, F64, I64, I32, BOOL, F16, BF16, and I16, I8, U8 widened");
        }
        Tensor t;
        try {
            t = Torch.empty(dtype, e.shape);  // jgrad's limits on sizes and memory, with their messages
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("cannot load safetensors tensor \"" + e.name + "\": " + ex.getMessage(), ex);
        }
        int n = (int) t.numel();
        if (n == 0) return t;
        Object data = switch (dtype) {
            case FLOAT32 -> t.asFloatArray();
            case FLOAT64 -> t.asDoubleArray();
            case INT64 -> t.asLongArray();
            case INT32 -> t.asIntArray();
            case BOOL -> t.asBooleanArray();
            case FLOAT16, BFLOAT16 -> Copying.backingArray(t, dtype);
        };
        int size = bits(e.dtype) / 8;
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(CHUNK, e.end - e.begin)).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        long pos = dataStart + e.begin;
        while (at < n) {
            int m = Math.min(n - at, b.capacity() / size);
            b.clear().limit(m * size);
            readFully(ch, b, pos);
            pos += (long) m * size;
            b.flip();
            convert(e.dtype, b, data, at, m);
            at += m;
        }
        return t;
    }

    private static void convert(String dtype, ByteBuffer b, Object data, int at, int m) {
        switch (dtype) {
            case "F32" -> b.asFloatBuffer().get((float[]) data, at, m);
            case "F64" -> b.asDoubleBuffer().get((double[]) data, at, m);
            case "I64" -> b.asLongBuffer().get((long[]) data, at, m);
            case "I32" -> b.asIntBuffer().get((int[]) data, at, m);
            case "BOOL" -> { boolean[] a = (boolean[]) data; for (int k = 0; k < m; k++) a[at + k] = b.get(k) != 0; }
            case "F16", "BF16" -> b.asShortBuffer().get((short[]) data, at, m);  // the bit patterns, unchanged
            case "I16" -> { int[] a = (int[]) data; for (int k = 0; k < m; k++) a[at + k] = b.getShort(2 * k); }
            case "I8" -> { int[] a = (int[]) data; for (int k = 0; k < m; k++) a[at + k] = b.get(k); }
            case "U8" -> { int[] a = (int[]) data; for (int k = 0; k < m; k++) a[at + k] = b.get(k) & 0xff; }
            default -> throw new IllegalStateException(dtype);
        }
    }

    // ---------------------------------------------------------------- modules

    /**
     * {@code safetensors.torch.save_model(model, path)}: writes {@code model.stateDict()}.
     *
     * @param model the module whose parameters and buffers to save
     * @param path the file to write
     * @throws java.io.UncheckedIOException if the file cannot be written ("could not write " + path)
     */
    public static void saveModel(Module model, Path path) { save(model.stateDict(), path); }

    /**
     * {@code safetensors.torch.load_model(model, path, strict)}: loads a file written by {@link #saveModel} (or by
     * PyTorch's safetensors) into the model with {@code model.loadStateDict}.
     *
     * @param model the module to load into
     * @param path the .safetensors file
     * @param strict whether missing and unexpected keys are errors
     * @return the keys that did not match (both lists empty after a strict load)
     * @throws IllegalArgumentException if the file is not valid safetensors, or the state dict does not fit the
     *     model (PyTorch's "Error(s) in loading state_dict for Linear:\n\t..." for a size mismatch, or for missing
     *     or unexpected keys when strict)
     * @throws java.io.UncheckedIOException if the file cannot be read at all ("could not read " + path)
     */
    public static Module.IncompatibleKeys loadModel(Module model, Path path, boolean strict) { return model.loadStateDict(load(path), strict); }

    /**
     * {@code safetensors.torch.load_model(model, path)}: {@link #loadModel(Module, Path, boolean)} with strict key
     * matching (missing or unexpected keys raise).
     *
     * @param model the module to load into
     * @param path the .safetensors file
     * @return the keys that did not match (both lists empty)
     * @throws IllegalArgumentException if the file is not valid safetensors, or the state dict does not fit the
     *     model ("Error(s) in loading state_dict for Linear:\n\t...")
     * @throws java.io.UncheckedIOException if the file cannot be read at all ("could not read " + path)
     */
    public static Module.IncompatibleKeys loadModel(Module model, Path path) { return loadModel(model, path, true); }
}
