package dev.jgrad.io;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npy} (one array) and {@code .npz} (a zip of named .npy files) formats, so arrays move
 * between jgrad and NumPy ({@code np.save}/{@code np.load}/{@code np.savez}).
 *
 * <p>Format: the magic {@code \x93NUMPY}, a version, a little-endian header length, a Python dict literal
 * with {@code descr}, {@code fortran_order} and {@code shape}, padded so the data starts on a 64-byte
 * boundary, then the raw elements.
 *
 * <p>Reading follows numpy's own checks: format versions 1.0, 2.0 and 3.0 only; a header of at most
 * 10000 characters, parsed as the Python literal it is (a repeated key keeps its last value; {@code 3L}
 * only in 1.0/2.0 headers); exactly the keys descr, fortran_order and shape; a shape of ints, at most
 * 64 dimensions (numpy 2's limit; numpy 1.x stops at 32). Data after the declared elements is ignored, as
 * numpy ignores it. A negative dimension is refused (as np.load of a stream refuses it; of a real file,
 * numpy 1.24 happens to load {@code (-3,)} as {@code (3,)}). Read dtypes: float32, float64, int64, int32,
 * bool and float16, in either byte order; numpy's other dtypes, and shapes beyond jgrad's tensors (a dimension
 * or element count over 2^31 - 17), are refused. Saved dtypes: the same (bfloat16, which numpy lacks, is refused).
 *
 * <p>Errors: a file that is not a valid .npy/.npz (truncated, corrupt, hostile) or that jgrad cannot
 * represent gives an {@link IllegalArgumentException} saying what is wrong; an {@link UncheckedIOException}
 * means the file could not be read or written at all (as {@link SafeTensors} and {@code Torch.save/load}:
 * no checked exceptions). Nothing is allocated for data before the file is known to
 * hold it.
 *
 * <p>Saving writes a temp file beside the target and renames it over the target once complete and
 * forced to disk: a failed save leaves the previous file as it was.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy's limit on the header text ({@code format._MAX_HEADER_SIZE}), in characters. */
    static final int MAX_HEADER_CHARS = 10_000;
    /** numpy 2's NPY_MAXDIMS. */
    static final int MAX_DIMS = 64;
    /** Spare header spaces numpy (1.23+) leaves so a file can grow along its first axis in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** Deflate cannot expand data by more than this factor, which bounds what a compressed entry can hold. */
    private static final long MAX_DEFLATE_RATIO = 1032;
    private static final int CHUNK = 1 << 16;
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    private Npy() {}

    /**
     * {@code np.save(path, t)}: one array in C order, little-endian; a non-contiguous tensor is written in its logical
     * order.
     *
     * @param t the tensor to save: any dtype but bfloat16, at most 64 dimensions
     * @param path the file to write (replaced only once the new one is complete)
     * @throws IllegalArgumentException if t is bfloat16 ("Got unsupported ScalarType BFloat16", PyTorch's
     *     {@code .numpy()} message) or has more than 64 dimensions
     * @throws java.io.UncheckedIOException if the file cannot be written ("could not write " + path)
     */
    public static void save(Tensor t, Path path) {
        byte[] header = header(t);
        try {
            AtomicFiles.write(path, out -> {
                out.write(header);
                TensorBytes.write(t, out);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    /**
     * {@code torch.from_numpy(np.load(path))} of a .npy file.
     *
     * @param path the .npy file
     * @return a new CPU tensor of the file's shape and dtype (Fortran-ordered data comes back in C order)
     * @throws IllegalArgumentException if the file is not a valid .npy file or holds what jgrad cannot represent
     *     (the message names the path and what is wrong: "not a valid .npy file (...)", "unsupported .npy dtype
     *     '&lt;c8' ...")
     * @throws java.io.UncheckedIOException if the file cannot be read at all ("could not read " + path)
     */
    public static Tensor load(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(new BufferedInputStream(Channels.newInputStream(ch), CHUNK), ch.size(), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    /**
     * {@code np.savez(path, **arrays)}: one uncompressed entry {@code name.npy} per array, in the map's order.
     *
     * @param arrays the arrays by name
     * @param path the .npz file to write (replaced only once the new one is complete)
     * @throws IllegalArgumentException if a name or array is null ("saveNpz: null name or array"), or an array cannot
     *     be saved as {@link #save} says; nothing is written then
     * @throws java.io.UncheckedIOException if the file cannot be written ("could not write " + path)
     */
    public static void saveNpz(Map<String, Tensor> arrays, Path path) {
        // every name and header is checked before the file is touched
        List<ZipEntry> entries = new ArrayList<>();
        List<byte[]> headers = new ArrayList<>();
        List<Tensor> tensors = new ArrayList<>();
        for (var e : arrays.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) throw new IllegalArgumentException("saveNpz: null name or array");
            entries.add(new ZipEntry(e.getKey() + ".npy"));
            headers.add(header(e.getValue()));
            tensors.add(e.getValue());
        }
        try {
            AtomicFiles.write(path, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                for (int i = 0; i < entries.size(); i++) {
                    zip.putNextEntry(entries.get(i));
                    zip.write(headers.get(i));
                    TensorBytes.write(tensors.get(i), zip);
                    zip.closeEntry();
                }
                zip.finish();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    /**
     * {@code np.load(path)} of a .npz file: the arrays by name, in the archive's order. As numpy names
     * them, an entry {@code x.npy} is array {@code x} and an entry without the suffix keeps its whole name.
     * The entries are the central directory's (what numpy sees); an entry that is not an array (numpy would
     * return its raw bytes), or two entries under one name, give an IllegalArgumentException.
     *
     * @param path the .npz file (stored or deflated entries)
     * @return the arrays by name, a new modifiable map in the archive's order
     * @throws IllegalArgumentException if the file is not a valid zip archive ("not a valid .npz file ..."), an entry
     *     is not a valid .npy array, two entries share a name ("a second array named 'x' in the .npz file"), or an
     *     entry uses another compression method
     * @throws java.io.UncheckedIOException if the file cannot be read at all ("could not read " + path)
     */
    public static Map<String, Tensor> loadNpz(Path path) {
        try {
            return readNpz(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    private static Map<String, Tensor> readNpz(Path path) throws IOException {
        long fileSize = Files.size(path);
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException | EOFException e) {  // EOF: a directory record that points past the end of the file
            throw new IllegalArgumentException(path + ": not a valid .npz file (not a zip archive, or a damaged one: " + e + ")");
        }
        try (zip) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (var it = zip.entries(); it.hasMoreElements(); ) {
                ZipEntry e = it.nextElement();
                String name = e.getName();
                String key = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
                String where = path + ":" + name;
                if (out.containsKey(key)) throw new IllegalArgumentException(where + ": a second array named '" + key + "' in the .npz file");
                long bound = switch (e.getMethod()) {
                    case ZipEntry.STORED -> Math.min(e.getSize() < 0 ? fileSize : e.getSize(), fileSize);
                    case ZipEntry.DEFLATED -> Math.min(e.getCompressedSize() < 0 ? fileSize : e.getCompressedSize(), fileSize) * MAX_DEFLATE_RATIO + 1024;
                    default -> throw new IllegalArgumentException(where + ": compression method " + e.getMethod()
                            + " is not supported (jgrad reads stored and deflated entries, as np.savez and np.savez_compressed write)");
                };
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(key, read(new BufferedInputStream(in, CHUNK), bound, where));
                } catch (ZipException | EOFException ze) {
                    throw new IllegalArgumentException(where + ": not a valid .npz entry (" + ze + ")");
                }
            }
            return out;
        }
    }

    // ---------------------------------------------------------------- writing

    /** The whole file for a small tensor (tests compare it with numpy's bytes). */
    static byte[] encode(Tensor t) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            b.write(header(t));
            TensorBytes.write(t, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** Magic, version and header exactly as numpy's {@code _write_array_header} lays them out. */
    static byte[] header(Tensor t) {
        String descr = switch (t.dtype()) {
            case FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
            case INT64 -> "<i8";
            case INT32 -> "<i4";
            case BOOL -> "|b1";
            case FLOAT16 -> "<f2";
            // numpy has no bfloat16; PyTorch's .numpy() refuses it with this message
            case BFLOAT16 -> throw new IllegalArgumentException("Got unsupported ScalarType BFloat16");
        };
        TensorBytes.size(t);  // the data's byte count must fit a long before anything is written
        long[] shape = t.shape();
        if (shape.length > MAX_DIMS) throw new IllegalArgumentException("cannot save a tensor of " + shape.length + " dimensions as .npy (numpy reads at most " + MAX_DIMS + ")");
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) tuple.append(i > 0 ? ", " : "").append(shape[i]);
        tuple.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + tuple + ", }";
        if (shape.length > 0) dict += " ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length());
        int hlen = dict.length() + 1;
        int padding = 64 - (MAGIC.length + 2 + 2 + hlen) % 64;  // numpy pads a whole 64 when already aligned
        byte[] text = (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return b.array();
    }

    // ---------------------------------------------------------------- reading

    static Tensor decode(byte[] bytes, String where) {
        try {
            return read(new ByteArrayInputStream(bytes), bytes.length, where);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Header(DType dtype, ByteOrder order, boolean fortran, long[] shape) {}

    /** One array from in, which can hold at most available bytes (checked before anything is allocated for data). */
    private static Tensor read(InputStream in, long available, String where) throws IOException {
        byte[] prefix = in.readNBytes(MAGIC.length + 2);
        if (prefix.length < MAGIC.length + 2) throw corrupt(where, prefix.length == 0 ? "empty file" : "file too short for a .npy header");
        for (int k = 0; k < MAGIC.length; k++) if (prefix[k] != MAGIC[k]) throw corrupt(where, "missing the \\x93NUMPY magic");
        int major = prefix[6] & 0xff, minor = prefix[7] & 0xff;
        if (minor != 0 || major < 1 || major > 3) {
            throw corrupt(where, "format version " + major + "." + minor + " (numpy reads only 1.0, 2.0 and 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] len = in.readNBytes(lengthBytes);
        if (len.length < lengthBytes) throw corrupt(where, "truncated header length");
        ByteBuffer lb = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? Short.toUnsignedInt(lb.getShort()) : Integer.toUnsignedLong(lb.getInt());
        // a UTF-8 character takes at most 4 bytes, so a longer header cannot be within numpy's limit
        if (headerLength > MAX_HEADER_CHARS * (major == 3 ? 4L : 1L)) {
            throw corrupt(where, "header of " + headerLength + " bytes, longer than numpy's limit of " + MAX_HEADER_CHARS + " characters");
        }
        long consumed = MAGIC.length + 2 + lengthBytes + headerLength;
        if (consumed > available) throw corrupt(where, "truncated header");
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) throw corrupt(where, "truncated header");
        String text;
        if (major == 3) {
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(headerBytes)).toString();
            } catch (CharacterCodingException e) {
                throw corrupt(where, "header is not UTF-8");
            }
            if (text.codePointCount(0, text.length()) > MAX_HEADER_CHARS) {
                throw corrupt(where, "header longer than numpy's limit of " + MAX_HEADER_CHARS + " characters");
            }
        } else {
            text = new String(headerBytes, StandardCharsets.ISO_8859_1);
        }
        Header h = parseHeader(text, major <= 2, where);

        long count = 1;
        for (long d : h.shape) {
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                throw corrupt(where, "the shape's element count overflows");
            }
        }
        // by division: count * itemSize can itself overflow
        if (count > (available - consumed) / h.dtype.itemSize()) {
            throw corrupt(where, "truncated data: the shape needs " + count + " elements of " + h.dtype.itemSize() + " bytes, the file has "
                    + Math.max(0, available - consumed) + " bytes of data");
        }
        long[] readShape = h.shape.clone();
        if (h.fortran) for (int i = 0; i < readShape.length; i++) readShape[i] = h.shape[h.shape.length - 1 - i];
        Tensor t;
        try {
            t = Torch.empty(h.dtype, readShape);  // jgrad's limits on sizes and memory, with their messages
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        if (!TensorBytes.readInto(t, in, h.order)) throw corrupt(where, "truncated data: expected " + count + " elements");
        if (h.fortran && readShape.length > 1) {
            int[] reversed = new int[readShape.length];
            for (int i = 0; i < reversed.length; i++) reversed[i] = reversed.length - 1 - i;
            t = t.permute(reversed).contiguous();  // column-major data: read with the shape reversed, then transpose
        }
        return t;
    }

    /** numpy's {@code _read_array_header} checks, in its order, on the parsed literal. */
    private static Header parseHeader(String text, boolean python2Longs, String where) {
        Object literal;
        try {
            literal = PyLiteral.parse(text, python2Longs);
        } catch (PyLiteral.SyntaxError e) {
            throw corrupt(where, "cannot parse the header: " + e.getMessage());
        }
        if (!(literal instanceof Map<?, ?> d)) throw corrupt(where, "header is not a dictionary");
        if (!d.keySet().equals(KEYS)) {
            Set<String> keys = new TreeSet<>();
            for (Object k : d.keySet()) keys.add(String.valueOf(k));
            throw corrupt(where, "header does not contain the correct keys: " + keys + " (numpy needs exactly descr, fortran_order and shape)");
        }
        if (!(d.get("shape") instanceof PyLiteral.Tuple(List<Object> dims)) || !dims.stream().allMatch(x -> x instanceof BigInteger)) {
            throw corrupt(where, "shape is not a tuple of ints");
        }
        if (!(d.get("fortran_order") instanceof Boolean fortran)) throw corrupt(where, "fortran_order is not a bool");
        if (dims.size() > MAX_DIMS) throw corrupt(where, dims.size() + " dimensions, more than the " + MAX_DIMS + " numpy supports");
        long[] shape = new long[dims.size()];
        for (int k = 0; k < shape.length; k++) {
            BigInteger v = (BigInteger) dims.get(k);
            if (v.signum() < 0) throw corrupt(where, "negative dimension " + v + " in the shape");
            if (v.bitLength() > 63) throw corrupt(where, "dimension " + v + " is too large");
            shape[k] = v.longValue();
        }
        Object descr = d.get("descr");
        DType dtype = null;
        ByteOrder order = ByteOrder.nativeOrder();
        if (descr instanceof String s && !s.isEmpty()) {
            char first = s.charAt(0);
            String code = s;
            if ("<>=|".indexOf(first) >= 0) {
                code = s.substring(1);
                if (first == '<') order = ByteOrder.LITTLE_ENDIAN;
                if (first == '>') order = ByteOrder.BIG_ENDIAN;
            }
            dtype = switch (code) {
                case "f4" -> DType.FLOAT32;
                case "f8" -> DType.FLOAT64;
                case "i8" -> DType.INT64;
                case "i4" -> DType.INT32;
                case "f2" -> DType.FLOAT16;
                case "b1", "?" -> DType.BOOL;
                default -> null;
            };
        }
        if (dtype == null) {
            throw new IllegalArgumentException(where + ": unsupported .npy dtype " + (descr instanceof String ? "'" + descr + "'" : String.valueOf(descr))
                    + " (jgrad reads float32, float64, int64, int32, bool and float16: descr <f4, <f8, <i8, <i4, |b1, <f2 or their other byte orders)");
        }
        return new Header(dtype, order, fortran, shape);
    }

    private static IllegalArgumentException corrupt(String where, String why) {
        return new IllegalArgumentException(where + ": not a valid .npy file (" + why + ")");
    }
}
