package dev.jgrad.internal.core;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.backend.Storage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a tensor exactly as PyTorch 1.13's {@code repr(tensor)} does (torch/_tensor_str.py) under the current
 * {@link PrintOptions} (by default precision 4, threshold 1000, edge items 3, line width 80).
 *
 * <p>Only the elements that end up on screen are read: when a tensor has more than 1000 elements,
 * every dimension longer than 6 keeps just its first and last 3 entries, and PyTorch chooses the
 * number format from those kept elements alone, so the rest never matter.
 */
public final class TensorPrinter {

    /** Reads elements by logical row-major index (0..numel-1) of the tensor being printed. */
    public interface ElementReader {
        double getDouble(long index);

        long getLong(long index);
    }

    private static final String PREFIX = "tensor(";

    private TensorPrinter() {}

    /**
     * shape: the tensor's shape; dtype: its element type; reader: element access (for BOOL, getLong
     * returns 0 or 1; for ints getLong; for floats getDouble gives the exact value widened to double);
     * device: Device.CPU prints nothing, any other device prints device='cuda:0' first;
     * gradSuffix: null, or "grad_fn=&lt;AddBackward0&gt;" / "requires_grad=True", appended last.
     * Returns exactly what print(t) prints in PyTorch (no trailing newline).
     */
    /** What PyTorch prints for t, with an optional {@code grad_fn=<...>}/{@code requires_grad=True} suffix. */
    public static String format(Tensor t, String gradSuffix) {
        return format(t.shape(), t.dtype(), readerOf(t), t.device(), gradSuffix);
    }

    /** Reads t's elements by logical row-major index, through the backend, one element at a time. */
    static ElementReader readerOf(Tensor t) {
        Storage storage = storage(t);
        int[] shape = shape(t), stride = strides(t);
        int offset = offset(t);
        return new ElementReader() {
            @Override public double getDouble(long index) { return storage.backend().readDouble(storage, storageIndex(index)); }

            @Override public long getLong(long index) { return storage.backend().readLong(storage, storageIndex(index)); }

            private int storageIndex(long logical) {
                int pos = offset;
                long rem = logical;
                for (int d = shape.length - 1; d >= 0; d--) {
                    int size = shape[d];
                    pos += (int) (rem % size) * stride[d];
                    rem /= size;
                }
                return pos;
            }
        };
    }

    public static String format(long[] shape, DType dtype, ElementReader reader, Device device, String gradSuffix) {
        PrintOptions o = PrintOptions.current();
        long numel = 1;
        for (long d : shape) numel *= d;

        List<String> suffixes = new ArrayList<>(4);
        if (device != null && !device.isCpu()) {
            // A tensor always lives on a concrete device; an index-less "cuda" means the current one, 0.
            String name = device.index() < 0 && !device.isMeta() ? device.type() + ":0" : device.toString();
            suffixes.add("device='" + name + "'");
        }
        String body;
        if (device != null && device.isMeta()) {
            // no values to show: the size always, the dtype unless it is the default float
            suffixes.add("size=" + tuple(shape));
            if (dtype != DType.FLOAT32) suffixes.add("dtype=" + dtype);
            body = "...";
        } else if (numel == 0) {
            // Nothing to infer the element type from, so every non-float32 dtype is spelled out here.
            if (shape.length != 1) suffixes.add("size=" + tuple(shape));
            if (dtype != DType.FLOAT32) suffixes.add("dtype=" + dtype);
            body = "[]";
        } else {
            if (dtype != DType.FLOAT32 && dtype != DType.INT64 && dtype != DType.BOOL) {
                suffixes.add("dtype=" + dtype);
            }
            body = new Body(shape, dtype, reader, numel > o.threshold(), o).render();
        }
        if (gradSuffix != null) suffixes.add(gradSuffix);
        return withSuffixes(PREFIX + body, suffixes, o.lineWidth());
    }

    private static String withSuffixes(String text, List<String> suffixes, int lineWidth) {
        StringBuilder out = new StringBuilder(text.length() + 64).append(text);
        // PyTorch measures the last line as two characters longer than it is (its rfind arithmetic);
        // copying that quirk decides when a suffix wraps.
        int lastLine = text.length() - text.lastIndexOf('\n') + 1;
        int indent = PREFIX.length();
        for (String suffix : suffixes) {
            if (lastLine + suffix.length() + 2 > lineWidth) {
                out.append(",\n").repeat(' ', indent).append(suffix);
                lastLine = indent + suffix.length();
            } else {
                out.append(", ").append(suffix);
                lastLine += suffix.length() + 2;
            }
        }
        return out.append(')').toString();
    }

    private static String tuple(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** The bracketed body of a non-empty tensor: the kept elements, formatted and laid out. */
    private static final class Body {
        private final int rank;
        /** Length of each dimension after summarization. */
        private final int[] kept;
        private final boolean[] elided;
        /** Formatted, left-padded kept elements in row-major order. */
        private final String[] cells;
        private int width;
        private final PrintOptions o;

        Body(long[] shape, DType dtype, ElementReader reader, boolean summarize, PrintOptions o) {
            this.o = o;
            rank = shape.length;
            kept = new int[rank];
            elided = new boolean[rank];
            long[][] index = new long[rank][];
            int count = 1;
            for (int d = 0; d < rank; d++) {
                elided[d] = summarize && shape[d] > 2L * o.edgeItems();
                index[d] = keptIndices(shape[d], elided[d], o.edgeItems());
                kept[d] = index[d].length;
                count = Math.multiplyExact(count, kept[d]);
            }
            long[] offsets = keptOffsets(shape, index, count);
            cells = new String[count];
            if (dtype.isFloatingPoint()) {
                double[] values = new double[count];
                for (int i = 0; i < count; i++) values[i] = reader.getDouble(offsets[i]);
                formatFloats(values);
            } else {
                boolean bool = dtype.category() == DType.Category.BOOLEAN;
                width = 1;
                for (int i = 0; i < count; i++) {
                    long v = reader.getLong(offsets[i]);
                    cells[i] = bool ? (v != 0 ? "True" : "False") : Long.toString(v);
                    width = Math.max(width, cells[i].length());
                }
            }
            for (int i = 0; i < count; i++) {
                if (cells[i].length() < width) cells[i] = " ".repeat(width - cells[i].length()) + cells[i];
            }
        }

        private static long[] keptIndices(long size, boolean elide, int edgeItems) {
            if (!elide) {
                long[] all = new long[Math.toIntExact(size)];
                for (int i = 0; i < all.length; i++) all[i] = i;
                return all;
            }
            long[] edges = new long[2 * edgeItems];
            for (int i = 0; i < edgeItems; i++) {
                edges[i] = i;
                edges[edgeItems + i] = size - edgeItems + i;
            }
            return edges;
        }

        /** Logical row-major offsets of the kept elements, in the order they are printed. */
        private static long[] keptOffsets(long[] shape, long[][] index, int count) {
            int rank = shape.length;
            long[] stride = new long[rank];
            long s = 1;
            for (int d = rank - 1; d >= 0; d--) {
                stride[d] = s;
                s *= shape[d];
            }
            long[] offsets = new long[count];
            int[] pos = new int[rank];
            for (int i = 0; i < count; i++) {
                long off = 0;
                for (int d = 0; d < rank; d++) off += index[d][pos[d]] * stride[d];
                offsets[i] = off;
                for (int d = rank - 1; d >= 0 && ++pos[d] == index[d].length; d--) pos[d] = 0;
            }
            return offsets;
        }

        /**
         * PyTorch's float formatter: the mode is chosen from the nonzero finite values only, and only
         * they set the column width; zeros, nan and inf are padded to it (or overflow it). A forced
         * sci_mode changes the notation but not the width, which PyTorch measures in the automatic one
         * (and it is not applied at all when no value is nonzero and finite).
         */
        private void formatFloats(double[] values) {
            int precision = o.precision();
            boolean intMode = true;
            boolean any = false;
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (double v : values) {
                if (v == 0 || !Double.isFinite(v)) continue;
                any = true;
                if (Math.ceil(v) != v) intMode = false;
                double a = Math.abs(v);
                min = Math.min(min, a);
                max = Math.max(max, a);
            }
            boolean sci = any && (max / min > 1000.0 || max > 1.0e8 || (!intMode && min < 1.0e-4));
            width = 1;
            for (double v : values) {
                if (v == 0 || !Double.isFinite(v)) continue;
                String s = sci ? scientific(v, precision) : intMode ? fixed(v, 0) + "." : fixed(v, precision);
                width = Math.max(width, s.length());
            }
            if (any && o.sciMode() != null) sci = o.sciMode();
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (sci) {
                    cells[i] = scientific(v, precision);
                } else if (intMode) {
                    cells[i] = Double.isFinite(v) ? fixed(v, 0) + "." : fixed(v, 0);
                } else {
                    cells[i] = fixed(v, precision);
                }
            }
        }

        String render() {
            StringBuilder out = new StringBuilder();
            if (rank == 0) return out.append(cells[0]).toString();
            render(out, 0, 0, PREFIX.length());
            return out.toString();
        }

        /** Appends the sub-tensor number {@code block} (among the kept ones) of dimension {@code dim}. */
        private void render(StringBuilder out, int dim, int block, int indent) {
            int n = kept[dim];
            out.append('[');
            if (dim == rank - 1) {
                int perLine = Math.max(1, Math.floorDiv(o.lineWidth() - indent, width + 2));
                int slot = 0;
                for (int i = 0; i < n; i++) {
                    // The ellipsis takes an element's slot in the row, so it counts towards wrapping.
                    if (elided[dim] && i == o.edgeItems()) slot = appendItem(out, " ...", slot, perLine, indent);
                    slot = appendItem(out, cells[block * n + i], slot, perLine, indent);
                }
            } else {
                String sep = "," + "\n".repeat(rank - dim - 1) + " ".repeat(indent + 1);
                for (int i = 0; i < n; i++) {
                    if (i > 0) out.append(sep);
                    if (elided[dim] && i == o.edgeItems()) out.append("...").append(sep);
                    render(out, dim + 1, block * n + i, indent + 1);
                }
            }
            out.append(']');
        }

        private static int appendItem(StringBuilder out, String item, int slot, int perLine, int indent) {
            if (slot > 0) {
                if (slot % perLine == 0) out.append(",\n").repeat(' ', indent + 1);
                else out.append(", ");
            }
            out.append(item);
            return slot + 1;
        }
    }

    /**
     * Python's {@code '%.Nf' % v}: correctly rounded (half-even) from the exact binary value, which
     * Java's Formatter is not (it rounds the shortest decimal form half-up: 0.00375 -> 0.0038).
     */
    public static String fixed(double v, int digits) {
        String special = nonFinite(v);
        if (special != null) return special;
        String abs = new BigDecimal(Math.abs(v)).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return negative(v) ? "-" + abs : abs;
    }

    /** Python's {@code '%.4e' % v}. */
    public static String scientific(double v) { return scientific(v, 4); }

    /** Python's {@code '%.<precision>e' % v}: half-even on the exact value, exponent signed and at least 2 digits. */
    public static String scientific(double v, int precision) {
        String special = nonFinite(v);
        if (special != null) return special;
        StringBuilder sb = new StringBuilder(12);
        if (negative(v)) sb.append('-');
        int exponent = 0;
        if (v == 0) {
            sb.append('0');
            if (precision > 0) sb.append('.').repeat('0', precision);
        } else {
            BigDecimal rounded = new BigDecimal(Math.abs(v)).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            String digits = rounded.unscaledValue().toString();
            exponent = digits.length() - 1 - rounded.scale();
            sb.append(digits.charAt(0));
            if (precision > 0) sb.append('.').append(digits, 1, digits.length()).repeat('0', precision + 1 - digits.length());
        }
        sb.append(exponent < 0 ? "e-" : "e+");
        int e = Math.abs(exponent);
        if (e < 10) sb.append('0');
        return sb.append(e).toString();
    }

    private static String nonFinite(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return null;
    }

    /** True for negative values and for -0.0, which Python prints with its sign. */
    private static boolean negative(double v) {
        return Double.doubleToRawLongBits(v) < 0;
    }
}
