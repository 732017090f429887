package dev.jgrad.io;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npy} (one array) and {@code .npz} (a zip of named .npy files) formats, so arrays move
 * between jgrad and NumPy ({@code np.save}/{@code np.load}/{@code np.savez}).
 *
 * <p>Format: the magic {@code \x93NUMPY}, a version, a little-endian header length, a Python dict literal
 * with {@code descr}, {@code fortran_order} and {@code shape}, padded so the data starts on a 64-byte
 * boundary, then the raw elements.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** {@code np.save(path, t)}. */
    public static void save(Tensor t, Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            out.write(encode(t));
        }
    }

    /** {@code np.load(path)} of a .npy file. */
    public static Tensor load(Path path) throws IOException {
        return decode(Files.readAllBytes(path), path.toString());
    }

    /** {@code np.savez(path, **arrays)}: one entry {@code name.npy} per array. */
    public static void saveNpz(Map<String, Tensor> arrays, Path path) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(path))) {
            for (var e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(encode(e.getValue()));
                zip.closeEntry();
            }
        }
    }

    /** {@code np.load(path)} of a .npz file: the arrays by name, in file order. */
    public static Map<String, Tensor> loadNpz(Path path) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!name.endsWith(".npy")) continue;
                out.put(name.substring(0, name.length() - 4), decode(readAll(zip), path + ":" + name));
            }
        }
        return out;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }

    static byte[] encode(Tensor t) {
        String descr = switch (t.dtype()) {
            case FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
            case INT64 -> "<i8";
            case INT32 -> "<i4";
            case BOOL -> "|b1";
        };
        long[] shape = t.shape();
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) dims.append(shape[i]).append(shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        byte[] headerBytes = header.getBytes(StandardCharsets.ISO_8859_1);
        int n = (int) t.numel(), item = t.dtype().itemSize();
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + headerBytes.length + n * item).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerBytes.length).put(headerBytes);
        switch (t.dtype()) {
            case FLOAT32 -> { for (float v : t.toFloatArray()) buf.putFloat(v); }
            case FLOAT64 -> { for (double v : t.toDoubleArray()) buf.putDouble(v); }
            case INT64 -> { for (long v : t.toLongArray()) buf.putLong(v); }
            case INT32 -> { for (int v : t.toIntArray()) buf.putInt(v); }
            case BOOL -> { for (boolean v : t.toBooleanArray()) buf.put((byte) (v ? 1 : 0)); }
        }
        return buf.array();
    }

    static Tensor decode(byte[] bytes, String where) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10) throw corrupt(where, "file too short for a .npy header");
        for (byte m : MAGIC) if (buf.get() != m) throw corrupt(where, "missing the \\x93NUMPY magic");
        int major = buf.get();
        buf.get();
        int headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
        if (major < 1 || major > 3) throw corrupt(where, "unsupported .npy version " + major);
        if (buf.remaining() < headerLen) throw corrupt(where, "truncated header");
        byte[] headerBytes = new byte[headerLen];
        buf.get(headerBytes);
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, where, "descr");
        boolean fortran = group(FORTRAN, header, where, "fortran_order").equals("True");
        List<Long> dims = new ArrayList<>();
        for (String d : group(SHAPE, header, where, "shape").split(",")) if (!d.isBlank()) dims.add(Long.parseLong(d.trim()));
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long count = 1;
        for (long d : shape) count *= d;
        DType dtype = switch (descr) {
            case "<f4" -> DType.FLOAT32;
            case "<f8" -> DType.FLOAT64;
            case "<i8" -> DType.INT64;
            case "<i4" -> DType.INT32;
            case "|b1" -> DType.BOOL;
            default -> throw new IllegalArgumentException(where + ": unsupported .npy dtype '" + descr
                    + "' (jgrad reads little-endian float32/float64/int64/int32 and bool)");
        };
        if (buf.remaining() < count * dtype.itemSize()) throw corrupt(where, "truncated data: expected " + count + " elements");
        int n = (int) count;
        long[] readShape = shape.clone();
        if (fortran) for (int i = 0; i < shape.length; i++) readShape[i] = shape[shape.length - 1 - i];  // column-major: read reversed, then transpose
        Tensor t = switch (dtype) {
            case FLOAT32 -> { float[] a = new float[n]; for (int i = 0; i < n; i++) a[i] = buf.getFloat(); yield Torch.fromArray(a, readShape); }
            case FLOAT64 -> { double[] a = new double[n]; for (int i = 0; i < n; i++) a[i] = buf.getDouble(); yield Torch.fromArray(a, readShape); }
            case INT64 -> { long[] a = new long[n]; for (int i = 0; i < n; i++) a[i] = buf.getLong(); yield Torch.fromArray(a, readShape); }
            case INT32 -> { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = buf.getInt(); yield Torch.fromArray(a, readShape); }
            case BOOL -> { boolean[] a = new boolean[n]; for (int i = 0; i < n; i++) a[i] = buf.get() != 0; yield Torch.fromArray(a, readShape); }
        };
        if (shape.length == 0) return t.reshape();
        return fortran && shape.length > 1 ? t.T().contiguous() : t;
    }

    private static String group(Pattern p, String header, String where, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) throw corrupt(where, "header has no '" + key + "'");
        return m.group(1);
    }

    private static IllegalArgumentException corrupt(String where, String why) {
        return new IllegalArgumentException(where + ": not a valid .npy file (" + why + ")");
    }
}
