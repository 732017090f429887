package dev.jgrad.io;

import dev.jgrad.Tensor;
import dev.jgrad.backend.Storage;
import dev.jgrad.internal.TensorInternals;
import dev.jgrad.nn.Parameter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes {@code torch.save}'s zip format: {@code archive/data.pkl}, one {@code archive/data/<key>} per
 * distinct storage (views share theirs), {@code archive/version}. Entries are stored uncompressed and
 * 64-byte aligned like PyTorch's writer, into a temp file that replaces the target only when complete.
 */
final class PtWriter {
    private static final String ARCHIVE = "archive";
    private static final int ALIGN = 64;
    private static final int MAX_DEPTH = 1000;

    private final PickleWriter pickle = new PickleWriter();
    private final IdentityHashMap<Storage, String> keys = new IdentityHashMap<>();
    private final List<Storage> storages = new ArrayList<>();

    private PtWriter() {}

    static void save(Object obj, Path path) {
        PtWriter w = new PtWriter();
        w.write(obj, 0);  // unsavable values fail here, before any file is touched
        byte[] pkl = w.pickle.finish();
        try {
            AtomicFiles.write(path, out -> w.writeZip(out, pkl));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    // ---------------------------------------------------------------- pickling

    private void write(Object obj, int depth) {
        if (depth > MAX_DEPTH) throw new IllegalArgumentException("cannot save: objects nested deeper than " + MAX_DEPTH + " (a cycle?)");
        switch (obj) {
            case null -> pickle.none();
            case Boolean b -> pickle.bool(b);
            case Long v -> pickle.integer(v);
            case Integer v -> pickle.integer(v);
            case Short v -> pickle.integer(v);
            case Byte v -> pickle.integer(v);
            case Double v -> pickle.real(v);
            case Float v -> pickle.real(v);
            case String s -> pickle.string(s);
            case Parameter p -> parameter(p);
            case Tensor t -> tensor(t);
            case PtFiles.Counter c -> {  // collections.Counter(dict), as Counter.__reduce__ pickles it
                pickle.global("collections", "Counter");
                map(new java.util.LinkedHashMap<>(c), depth);
                pickle.tuple(1);
                pickle.reduce();
            }
            case Map<?, ?> m -> map(m, depth);
            case List<?> l -> {
                pickle.emptyList();
                if (l.isEmpty()) return;
                pickle.mark();
                for (Object o : l) write(o, depth + 1);
                pickle.appends();
            }
            case Object[] a -> {
                if (a.length > 3) pickle.mark();
                for (Object o : a) write(o, depth + 1);
                pickle.tuple(a.length);
            }
            default -> throw new IllegalArgumentException("cannot save a " + obj.getClass().getName() + " in a .pt file: supported are Tensor, "
                    + "Map, List, Object[] (a tuple), String, Long/Integer, Double/Float, Boolean and null");
        }
    }

    /** State dicts (non-empty, every value a tensor) become OrderedDicts as PyTorch's are; other maps plain dicts. */
    private void map(Map<?, ?> m, int depth) {
        boolean stateDict = !m.isEmpty() && m.values().stream().allMatch(v -> v instanceof Tensor);
        if (stateDict) {
            orderedDict();
        } else {
            pickle.emptyDict();
        }
        if (m.isEmpty()) return;
        pickle.mark();
        for (var e : m.entrySet()) {
            if (e.getKey() instanceof List<?> || e.getKey() instanceof Map<?, ?>) {
                throw new IllegalArgumentException("cannot save a dict key that is a " + e.getKey().getClass().getName() + " (unhashable in Python)");
            }
            write(e.getKey(), depth + 1);
            write(e.getValue(), depth + 1);
        }
        pickle.setItems();
    }

    private void orderedDict() {
        pickle.global("collections", "OrderedDict");
        pickle.tuple(0);
        pickle.reduce();
    }

    /** {@code _rebuild_parameter(_rebuild_tensor_v2(...), requires_grad, OrderedDict())}, as torch.save writes a Parameter. */
    private void parameter(Parameter p) {
        pickle.global("torch._utils", "_rebuild_parameter");
        tensor(p);
        pickle.bool(p.requiresGrad());
        orderedDict();
        pickle.tuple(3);
        pickle.reduce();
    }

    /** {@code _rebuild_tensor_v2(persistent storage, offset, size, stride, requires_grad, OrderedDict())}. */
    private void tensor(Tensor t) {
        Storage s = TensorInternals.storage(t);
        if (!s.device().isCpu()) throw new IllegalArgumentException("cannot save a tensor on " + s.device() + ": only CPU tensors have data");
        String key = keys.get(s);
        if (key == null) {
            key = Integer.toString(storages.size());
            keys.put(s, key);
            storages.add(s);
        }
        pickle.global("torch._utils", "_rebuild_tensor_v2");
        pickle.mark();
        pickle.mark();
        pickle.string("storage");
        pickle.global("torch", s.dtype().scalarTypeName() + "Storage");
        pickle.string(key);
        pickle.string("cpu");
        pickle.integer(s.size());
        pickle.tuple(5);
        pickle.persistentId();
        pickle.integer(t.storageOffset());
        longs(t.shape());
        longs(t.stride());
        pickle.bool(t.requiresGrad());
        orderedDict();
        pickle.tuple(6);
        pickle.reduce();
    }

    private void longs(long[] v) {
        if (v.length > 3) pickle.mark();
        for (long x : v) pickle.integer(x);
        pickle.tuple(v.length);
    }

    // ---------------------------------------------------------------- the zip archive

    private void writeZip(OutputStream file, byte[] pkl) throws IOException {
        Counting counting = new Counting(file);
        ZipOutputStream zip = new ZipOutputStream(counting);
        entry(zip, counting, ARCHIVE + "/data.pkl", List.of(pkl));
        for (int i = 0; i < storages.size(); i++) entry(zip, counting, ARCHIVE + "/data/" + i, chunks(storages.get(i)));
        entry(zip, counting, ARCHIVE + "/version", List.of("3\n".getBytes(StandardCharsets.US_ASCII)));
        zip.finish();
        counting.flush();
    }

    /** One ZIP_STORED entry whose data starts on a 64-byte boundary (padding in an extra field, as PyTorch does). */
    private static void entry(ZipOutputStream zip, Counting counting, String name, Iterable<byte[]> data) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        for (byte[] b : data) {
            crc.update(b);
            size += b.length;
        }
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc.getValue());
        e.setTime(315532800000L + 43200000L); // 1980-01-01 noon: a fixed stamp keeps files reproducible
        long dataStart = counting.count + 30 + name.getBytes(StandardCharsets.UTF_8).length + 4;
        int pad = (int) ((ALIGN - dataStart % ALIGN) % ALIGN);
        byte[] extra = new byte[4 + pad];
        extra[0] = 'F';
        extra[1] = 'B';
        extra[2] = (byte) pad;
        extra[3] = (byte) (pad >>> 8);
        e.setExtra(extra);
        zip.putNextEntry(e);
        for (byte[] b : data) zip.write(b);
        zip.closeEntry();
    }

    /** The storage's bytes, chunk by chunk, so huge storages need no huge byte array. */
    private static Iterable<byte[]> chunks(Storage s) {
        return TensorBytes.chunks(TensorInternals.newTensor(s, new int[] {s.size()}, new int[] {1}, 0));
    }

    /** Counts the bytes written so far, so each entry's data offset is known before its header is written. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) { super(out); }

        @Override public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
