package dev.jgrad.io;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.internal.TensorInternals;
import dev.jgrad.nn.Parameter;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads {@code torch.save}'s zip format the way {@code torch.load(weights_only=True)} does: the pickle may
 * name only OrderedDict, the tensor/parameter rebuild functions and the storage types of jgrad's dtypes,
 * and every storage, offset, size and stride is checked against the archive before any memory is allocated.
 */
final class PtReader implements Unpickler.Hooks {
    private static final int MAX_DIMS = 64;
    private static final int MAX_DEPTH = 1000;

    /** Storage types PyTorch writes for dtypes jgrad has no equivalent of, for a clearer error. */
    private static final Map<String, String> OTHER_STORAGES = Map.ofEntries(
            Map.entry("HalfStorage", "torch.float16"), Map.entry("BFloat16Storage", "torch.bfloat16"),
            Map.entry("ByteStorage", "torch.uint8"), Map.entry("CharStorage", "torch.int8"),
            Map.entry("ShortStorage", "torch.int16"), Map.entry("ComplexHalfStorage", "torch.complex32"),
            Map.entry("ComplexFloatStorage", "torch.complex64"), Map.entry("ComplexDoubleStorage", "torch.complex128"),
            Map.entry("QUInt8Storage", "torch.quint8"), Map.entry("QInt8Storage", "torch.qint8"),
            Map.entry("QInt32Storage", "torch.qint32"), Map.entry("QUInt4x2Storage", "torch.quint4x2"),
            Map.entry("QUInt2x4Storage", "torch.quint2x4"));

    private static final Unpickler.Global ORDERED_DICT = new Unpickler.Global("collections", "OrderedDict");
    private static final Unpickler.Global COUNTER = new Unpickler.Global("collections", "Counter");
    private static final Unpickler.Global REBUILD_TENSOR = new Unpickler.Global("torch._utils", "_rebuild_tensor_v2");
    private static final Unpickler.Global REBUILD_PARAMETER = new Unpickler.Global("torch._utils", "_rebuild_parameter");

    /** A storage type GLOBAL (torch.FloatStorage, ...) resolved to its dtype. */
    private record StorageType(DType dtype, boolean unsignedBytes) {
        StorageType(DType dtype) { this(dtype, false); }
    }

    /** A loaded storage: a flat tensor whose Storage every tensor rebuilt on it shares. */
    private record LoadedStorage(DType dtype, int numel, Tensor flat) {}

    private final ZipFile zip;
    private final String prefix;
    private final Map<String, LoadedStorage> storages = new HashMap<>();
    /** Bytes left to read: stored entries cannot hold more than the file, so overlapping entries can't multiply memory. */
    private long budget = -1;

    private PtReader(ZipFile zip, String prefix) {
        this.zip = zip;
        this.prefix = prefix;
    }

    static Object load(Path path) {
        if (!Files.isRegularFile(path)) throw new UncheckedIOException(new NoSuchFileException(path.toString()));
        try (ZipFile zip = open(path)) {
            String prefix = archivePrefix(zip, path);
            PtReader reader = new PtReader(zip, prefix);
            byte[] pkl = reader.bytes(zip.getEntry(prefix + "data.pkl"));
            Object result = new Unpickler(pkl, reader).load();
            checkPlain(result, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    private static ZipFile open(Path path) throws IOException {
        try {
            return new ZipFile(path.toFile());
        } catch (ZipException | EOFException e) {  // EOF: a directory record that points past the end of the file
            byte[] head = new byte[2];
            try (InputStream in = Files.newInputStream(path)) {
                if (in.readNBytes(head, 0, 2) == 2 && (head[0] & 0xff) == 0x80) {
                    throw new IllegalArgumentException("invalid .pt file " + path + ": this looks like PyTorch's legacy (pre-1.6, "
                            + "_use_new_zipfile_serialization=False) format, which jgrad does not read");
                }
            }
            throw new IllegalArgumentException("invalid .pt file " + path + ": not a zip archive or a truncated one (" + e.getMessage() + ")");
        }
    }

    /** The {@code <archive>/} folder that holds data.pkl (torch.save names it after the file; any name works). */
    private static String archivePrefix(ZipFile zip, Path path) {
        String found = null;
        for (var it = zip.entries(); it.hasMoreElements(); ) {
            String name = it.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash).equals("/data.pkl")) {
                if (found != null) throw new IllegalArgumentException("invalid .pt file " + path + ": more than one data.pkl");
                found = name.substring(0, slash + 1);
            }
        }
        if (found == null) throw new IllegalArgumentException("invalid .pt file " + path + ": no <archive>/data.pkl entry");
        return found;
    }

    /** Checks an entry is stored uncompressed and no larger than the file could still hold, and claims its bytes. */
    private void claim(ZipEntry e) throws IOException {
        if (e.getMethod() != ZipEntry.STORED) {
            throw new IllegalArgumentException("invalid .pt file: entry " + e.getName() + " is compressed (torch.save stores entries uncompressed)");
        }
        long size = e.getSize();
        long fileSize = Files.size(Path.of(zip.getName()));
        if (budget < 0) budget = fileSize;
        if (size < 0 || size > budget) {
            throw new IllegalArgumentException("invalid .pt file: entry " + e.getName() + " declares " + size + " bytes, more than the file ("
                    + fileSize + " bytes) has left for it");
        }
        budget -= size;
    }

    /** A small entry's bytes (data.pkl). */
    private byte[] bytes(ZipEntry e) throws IOException {
        claim(e);
        if (e.getSize() > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("invalid .pt file: entry " + e.getName() + " is larger than 2 GB");
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes((int) e.getSize());
            if (b.length != e.getSize()) throw new IllegalArgumentException("invalid .pt file: entry " + e.getName() + " is truncated");
            return b;
        } catch (ZipException | EOFException ze) {
            throw new IllegalArgumentException("invalid .pt file: entry " + e.getName() + " is unreadable (" + ze + ")");
        }
    }

    // ---------------------------------------------------------------- the allow-list

    @Override
    public Object global(String module, String name) {
        Unpickler.Global g = new Unpickler.Global(module, name);
        if (g.equals(ORDERED_DICT) || g.equals(COUNTER) || g.equals(REBUILD_TENSOR) || g.equals(REBUILD_PARAMETER)) return g;
        if (module.equals("torch") && name.endsWith("Storage")) {
            for (DType d : DType.values()) if (name.equals(d.scalarTypeName() + "Storage")) return new StorageType(d);
            // uint8 (torch.get_rng_state(), images) loads widened to int32, as safetensors' U8 does: jgrad has no uint8
            if (name.equals("ByteStorage")) return new StorageType(DType.INT32, true);
            if (OTHER_STORAGES.containsKey(name)) {
                throw new IllegalArgumentException("unsupported dtype " + OTHER_STORAGES.get(name) + " (torch." + name
                        + ") in .pt file: jgrad reads float32, float64, int64, int32 and bool");
            }
        }
        throw new IllegalArgumentException("refusing to load .pt file: global " + g + " is not allowed (only collections.OrderedDict, "
                + "collections.Counter, torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter and storage types are)");
    }

    @Override
    public Object reduce(Object func, Object[] args) {
        if (ORDERED_DICT.equals(func)) {
            if (args.length != 0) throw new IllegalArgumentException("invalid .pt file: OrderedDict called with arguments");
            return new java.util.LinkedHashMap<>();
        }
        if (COUNTER.equals(func)) {  // Counter() or Counter(dict): a dict of counts, nothing runs
            if (args.length == 0) return new PtFiles.Counter();
            if (args.length != 1 || !(args[0] instanceof Map<?, ?> counts)) throw new IllegalArgumentException("invalid .pt file: Counter expects one dict");
            return new PtFiles.Counter(counts);
        }
        if (REBUILD_TENSOR.equals(func)) return rebuildTensor(args);
        if (REBUILD_PARAMETER.equals(func)) {
            if (args.length != 3 || !(args[0] instanceof Tensor t) || !(args[1] instanceof Boolean grad) || !isEmptyMap(args[2])) {
                throw new IllegalArgumentException("invalid .pt file: _rebuild_parameter expects (tensor, requires_grad, empty hooks)");
            }
            if (grad && !t.dtype().isFloatingPoint()) throw new IllegalArgumentException("invalid .pt file: a " + t.dtype() + " parameter cannot require grad");
            return new Parameter(t, grad);
        }
        throw new IllegalArgumentException("invalid .pt file: REDUCE on " + Unpickler.typeName(func) + ", which is not callable");
    }

    @Override
    public void build(Object target, Object state) {
        // an OrderedDict's attributes (a state dict's _metadata: per-module versions) are dropped, as nothing reads them
        if (!(target instanceof Map<?, ?>) || !(state instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("invalid .pt file: BUILD on a " + Unpickler.typeName(target) + " (only dicts' attributes are allowed)");
        }
    }

    @Override
    public Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] p) || p.length != 5 || !"storage".equals(p[0]) || !(p[1] instanceof StorageType type)
                || !(p[2] instanceof String key) || !(p[3] instanceof String) || !(p[4] instanceof Long numel)) {
            throw new IllegalArgumentException("invalid .pt file: persistent id is not ('storage', type, key, location, numel)");
        }
        if (key.isEmpty() || key.contains("/") || key.contains("\\") || key.equals("..") || key.equals(".")) {
            throw new IllegalArgumentException("invalid .pt file: bad storage key \"" + key + "\"");
        }
        LoadedStorage s = storages.get(key);
        if (s == null) {
            s = readStorage(key, type, numel);
            storages.put(key, s);
        } else if (s.dtype != type.dtype || s.numel != numel) {
            throw new IllegalArgumentException("invalid .pt file: storage " + key + " is declared twice with different types or sizes");
        }
        return s;
    }

    private LoadedStorage readStorage(String key, StorageType type, long numel) {
        DType dtype = type.dtype;
        ZipEntry e = zip.getEntry(prefix + "data/" + key);
        if (e == null) throw new IllegalArgumentException("invalid .pt file: no entry " + prefix + "data/" + key + " for storage " + key);
        if (numel < 0 || numel > e.getSize() / (type.unsignedBytes ? 1 : dtype.itemSize())) {
            throw new IllegalArgumentException("invalid .pt file: storage " + key + " declares " + numel + " elements of "
                    + (type.unsignedBytes ? "torch.uint8" : dtype) + ", but its entry has " + e.getSize() + " bytes");
        }
        Tensor flat;
        try {
            claim(e);
            flat = Torch.empty(dtype, numel);  // jgrad's limits on sizes and memory, with their messages
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        // read straight into the storage, chunk by chunk: a storage of 2 GB or more has no byte[] to pass through
        try (InputStream in = zip.getInputStream(e)) {
            boolean complete = type.unsignedBytes ? readUnsignedBytes(flat.asIntArray(), in) : TensorBytes.readInto(flat, in, ByteOrder.LITTLE_ENDIAN);
            if (!complete) throw new IllegalArgumentException("invalid .pt file: entry " + e.getName() + " is truncated");
        } catch (ZipException | EOFException ze) {
            throw new IllegalArgumentException("invalid .pt file: entry " + e.getName() + " is unreadable (" + ze + ")");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new LoadedStorage(dtype, (int) numel, flat);
    }

    /** A uint8 storage into an int32 one, value for value (0..255), chunk by chunk; false if the entry ends early. */
    private static boolean readUnsignedBytes(int[] dst, InputStream in) throws IOException {
        byte[] buf = new byte[Math.min(dst.length, 1 << 16)];
        for (int at = 0; at < dst.length; ) {
            int m = in.readNBytes(buf, 0, Math.min(buf.length, dst.length - at));
            if (m == 0) return false;
            for (int k = 0; k < m; k++) dst[at + k] = buf[k] & 0xff;
            at += m;
        }
        return true;
    }

    /** {@code _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private Tensor rebuildTensor(Object[] args) {
        if (args.length < 6 || args.length > 7 || !(args[0] instanceof LoadedStorage s) || !(args[1] instanceof Long offset)
                || !(args[4] instanceof Boolean grad) || !isEmptyMap(args[5])) {
            throw new IllegalArgumentException("invalid .pt file: _rebuild_tensor_v2 expects (storage, offset, size, stride, requires_grad, "
                    + "empty hooks)");
        }
        int[] size = dims(args[2], "size");
        int[] stride = dims(args[3], "stride");
        if (size.length != stride.length) throw new IllegalArgumentException("invalid .pt file: tensor size and stride differ in length");
        if (offset < 0 || offset > s.numel) throw new IllegalArgumentException("invalid .pt file: tensor offset " + offset + " is outside its storage of " + s.numel);
        long numel = 1;
        long last = offset;
        try {
            for (int i = 0; i < size.length; i++) {
                numel = Math.multiplyExact(numel, size[i]);
                if (size[i] > 0) last = Math.addExact(last, Math.multiplyExact((long) size[i] - 1, stride[i]));
            }
        } catch (ArithmeticException ex) {
            throw new IllegalArgumentException("invalid .pt file: tensor extent overflows");
        }
        if (numel > Integer.MAX_VALUE) throw new IllegalArgumentException("invalid .pt file: tensor of " + numel + " elements is too large");
        if (numel > 0 && last >= s.numel) {
            throw new IllegalArgumentException("invalid .pt file: tensor reaches element " + last + " of a storage with " + s.numel);
        }
        if (grad && !s.dtype.isFloatingPoint()) throw new IllegalArgumentException("invalid .pt file: a " + s.dtype + " tensor cannot require grad");
        Tensor t = TensorInternals.newTensor(TensorInternals.storage(s.flat), size, stride, (int) (long) offset);
        if (grad) t.requiresGrad_(true);
        return t;
    }

    private static int[] dims(Object v, String what) {
        if (!(v instanceof Object[] a) || a.length > MAX_DIMS) throw new IllegalArgumentException("invalid .pt file: tensor " + what + " is not a tuple of ints");
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] instanceof Long x) || x < 0 || x > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("invalid .pt file: tensor " + what + " has an invalid entry " + a[i]);
            }
            r[i] = (int) (long) x;
        }
        return r;
    }

    private static boolean isEmptyMap(Object o) { return o instanceof Map<?, ?> m && m.isEmpty(); }

    /** Rejects anything but data in the result (a bare storage or global the pickle left there). */
    private static void checkPlain(Object o, Set<Object> seen, int depth) {
        if (depth > MAX_DEPTH) throw new IllegalArgumentException("invalid .pt file: objects nested deeper than " + MAX_DEPTH);
        switch (o) {
            case null -> { }
            case Long v -> { }
            case Double v -> { }
            case Boolean v -> { }
            case String v -> { }
            case Tensor v -> { }
            case Object[] a -> { if (seen.add(a)) for (Object x : a) checkPlain(x, seen, depth + 1); }
            case List<?> l -> { if (seen.add(l)) for (Object x : new ArrayList<>(l)) checkPlain(x, seen, depth + 1); }
            case Map<?, ?> m -> {
                if (seen.add(m)) {
                    for (var e : m.entrySet()) {
                        checkPlain(e.getKey(), seen, depth + 1);
                        checkPlain(e.getValue(), seen, depth + 1);
                    }
                }
            }
            default -> throw new IllegalArgumentException("invalid .pt file: the data holds a bare " + Unpickler.typeName(o));
        }
    }
}
