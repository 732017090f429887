package dev.jgrad.examples;

import dev.jgrad.Size;
import dev.jgrad.Tensor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Python's way of printing the few non-tensor values the tutorials print, so that the examples' output
 * reads line for line like the tutorials' ({@code True}, {@code None}, tuples, floats, NumPy arrays).
 * Tensors, sizes, dtypes, devices and autograd nodes already print as PyTorch prints them (a node as
 * {@code <MulBackward0>} where Python adds {@code object at 0x...}).
 */
public final class Py {
    private Py() {}

    /**
     * Python's {@code format(x, "+.2f")}-style fixed notation: {@code digits} after the point, the exact binary
     * value rounded half to even (Java's %f rounds the shortest decimal half up, which differs on ties).
     */
    public static String fixed(double x, int digits, boolean plus) {
        String s = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        if (s.startsWith("-") && new BigDecimal(s).signum() == 0 && !(x < 0 || 1 / x < 0)) s = s.substring(1);
        return plus && !s.startsWith("-") ? "+" + s : s;
    }

    /** {@code str(value)}: None, True/False, Python's float repr, lists and tuples of such; else toString. */
    public static String str(Object value) {
        if (value == null) return "None";
        if (value instanceof Boolean b) return b ? "True" : "False";
        if (value instanceof Double d) return repr(d);
        if (value instanceof Float f) return repr(f.doubleValue());
        if (value instanceof List<?> list && !(value instanceof Size)) {  // a Size prints as torch.Size([...])
            List<String> items = new ArrayList<>();
            for (Object o : list) items.add(str(o));
            return "[" + String.join(", ", items) + "]";
        }
        return value.toString();
    }

    /** A Python tuple: {@code (a, b)}, {@code (a,)}, {@code ()}. */
    public static String tuple(Object... items) {
        List<String> parts = new ArrayList<>();
        for (Object o : items) parts.add(str(o));
        return "(" + String.join(", ", parts) + (items.length == 1 ? ",)" : ")");
    }

    /** A Python tuple of a list's elements (what PyTorch returns where jgrad returns a List). */
    public static String tuple(List<?> items) { return tuple(items.toArray()); }

    /** Python's {@code repr(float)}: the shortest digits, exponent form below 1e-4 and from 1e16. */
    public static String repr(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == 0) return (1 / x < 0) ? "-0.0" : "0.0";
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int decpt = digits.length() - shortest.scale();  // x = 0.DIGITS * 10^decpt
        String sign = x < 0 ? "-" : "";
        if (decpt > -4 && decpt <= 16) return sign + positional(digits, decpt, true);
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int exp = decpt - 1;
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** DIGITS placed around the decimal point; a ".0" (withZero) or "." ending when nothing follows it. */
    private static String positional(String digits, int decpt, boolean withZero) {
        String s;
        if (decpt <= 0) s = "0." + "0".repeat(-decpt) + digits;
        else if (decpt >= digits.length()) s = digits + "0".repeat(decpt - digits.length()) + ".";
        else s = digits.substring(0, decpt) + "." + digits.substring(decpt);
        return s.endsWith(".") && withZero ? s + "0" : s;
    }

    // ------------------------------------------------------------------ NumPy's str(ndarray)

    /** {@code print(ndarray)} for a float32 array of the given shape (default: 1-d), with NumPy's defaults. */
    public static String numpy(float[] data, long... shape) {
        String[] words = floatWords(data.length, i -> data[i], i -> new BigDecimal(data[i]), i -> Float.toString(Math.abs(data[i])));
        return layout(words, shapeOf(data.length, shape));
    }

    /** {@code print(ndarray)} for a float64 array. */
    public static String numpy(double[] data, long... shape) {
        String[] words = floatWords(data.length, i -> data[i], i -> new BigDecimal(data[i]), i -> Double.toString(Math.abs(data[i])));
        return layout(words, shapeOf(data.length, shape));
    }

    /** {@code print(ndarray)} for an int64 array. */
    public static String numpy(long[] data, long... shape) {
        int width = 0;
        for (long v : data) width = Math.max(width, Long.toString(v).length());
        String[] words = new String[data.length];
        for (int i = 0; i < data.length; i++) words[i] = " ".repeat(width - Long.toString(data[i]).length()) + data[i];
        return layout(words, shapeOf(data.length, shape));
    }

    /** NumPy's array of a tensor's values (what {@code print(t.numpy())} shows), any dtype but bool. */
    public static String numpy(Tensor t) {
        long[] shape = t.shape();
        return switch (t.dtype()) {
            case FLOAT32 -> numpy(t.toFloatArray(), shape);
            case FLOAT64 -> numpy(t.toDoubleArray(), shape);
            default -> numpy(t.toLongArray(), shape);
        };
    }

    private interface IntToDouble { double at(int i); }
    private interface IntToExact { BigDecimal at(int i); }
    private interface IntToShortest { String at(int i); }

    /**
     * NumPy's FloatingFormat with its defaults (precision 8, floatmode 'maxprec', trim '.'): each value's
     * shortest digits, cut to 8 decimals (rounding the exact value half to even) and never short of the
     * units digit (a float32 beyond 2^24 prints its exact integer), integer parts padded
     * left and fractions padded right with spaces to a common width. Only the positional form: arrays
     * that NumPy would print in scientific notation (a nonzero below 1e-4, 1e8 or more, or a range over
     * 1000) are refused.
     */
    private static String[] floatWords(int n, IntToDouble value, IntToExact exact, IntToShortest shortest) {
        double maxAbs = 0, minAbs = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = Math.abs(value.at(i));
            if (!Double.isFinite(v)) throw new UnsupportedOperationException("non-finite values");
            if (v != 0) {
                maxAbs = Math.max(maxAbs, v);
                minAbs = Math.min(minAbs, v);
            }
        }
        if (maxAbs >= 1e8 || (maxAbs > 0 && (minAbs < 1e-4 || maxAbs / minAbs > 1000))) {
            throw new UnsupportedOperationException("NumPy would print these values in scientific notation");
        }
        String[] intPart = new String[n], fracPart = new String[n];
        int padLeft = 0, padRight = 0;
        for (int i = 0; i < n; i++) {
            double v = value.at(i);
            BigDecimal d = new BigDecimal(shortest.at(i)).stripTrailingZeros();
            if (d.scale() > 8) d = exact.at(i).abs().setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
            if (d.scale() < 0) d = exact.at(i).abs();  // NumPy prints a large float32's integer digits exactly
            if (d.signum() == 0) d = BigDecimal.ZERO;
            String digits = d.unscaledValue().toString();
            String s = positional(digits, digits.length() - d.scale(), false);
            if (v < 0 || (v == 0 && 1 / v < 0)) s = "-" + s;
            int dot = s.indexOf('.');
            intPart[i] = s.substring(0, dot);
            fracPart[i] = s.substring(dot + 1);
            padLeft = Math.max(padLeft, intPart[i].length());
            padRight = Math.max(padRight, fracPart[i].length());
        }
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = " ".repeat(padLeft - intPart[i].length()) + intPart[i] + "." + fracPart[i]
                    + " ".repeat(padRight - fracPart[i].length());
        }
        return words;
    }

    private static long[] shapeOf(int n, long[] shape) {
        long[] s = shape == null || shape.length == 0 ? new long[] {n} : shape;
        if (Arrays.stream(s).reduce(1, (a, b) -> a * b) != n) {
            throw new IllegalArgumentException("shape " + Arrays.toString(s) + " does not hold " + n + " values");
        }
        return s;
    }

    private static final int LINE_WIDTH = 75;

    /** NumPy's _formatArray (no summarisation): nested brackets, wrapping rows at 75 characters. */
    private static String layout(String[] words, long[] shape) {
        int[] pos = {0};
        return recurse(words, shape, 0, pos, " ", LINE_WIDTH);
    }

    private static String recurse(String[] words, long[] shape, int axis, int[] pos, String hangingIndent, int width) {
        int axesLeft = shape.length - axis;
        String nextIndent = hangingIndent + " ";
        int nextWidth = width - 1;
        StringBuilder s = new StringBuilder();
        if (axesLeft == 1) {
            int elemWidth = width - 1;
            StringBuilder line = new StringBuilder(hangingIndent);
            for (long i = 0; i < shape[axis]; i++) {
                String word = words[pos[0]++];
                boolean wrap = line.length() + word.length() > elemWidth && line.length() > hangingIndent.length();
                if (wrap) {
                    s.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder(hangingIndent);
                }
                line.append(word);
                if (i < shape[axis] - 1) line.append(' ');
            }
            s.append(line);
        } else {
            String lineSep = "\n".repeat(axesLeft - 1);
            for (long i = 0; i < shape[axis]; i++) {
                s.append(hangingIndent).append(recurse(words, shape, axis + 1, pos, nextIndent, nextWidth));
                if (i < shape[axis] - 1) s.append(lineSep);
            }
        }
        return "[" + s.substring(hangingIndent.length()) + "]";
    }
}
