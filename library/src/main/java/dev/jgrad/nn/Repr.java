package dev.jgrad.nn;

import java.math.BigDecimal;

/**
 * Python's text for the values that appear in module reprs and in optimizer messages, so that
 * {@code toString()} and error texts read exactly as PyTorch's: {@code 1e-05}, {@code 0.1},
 * {@code True}, {@code (3, 3)}.
 */
public final class Repr {
    private Repr() {}

    /**
     * {@code repr(float)}: the shortest round-tripping digits, scientific below 1e-4 and from 1e16 on.
     *
     * @param v the value
     * @return Python's text for v: "0.1", "1e-05", "1e+16", "nan", "-inf", "-0.0"
     */
    public static String pyFloat(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + "0.0";
        // Double.toString gives the shortest digits that round-trip; Python's repr picks the same digits
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int decpt = digits.length() - d.scale();  // value = 0.digits * 10^decpt
        String sign = v < 0 ? "-" : "";
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) return sign + "0." + "0".repeat(-decpt) + digits;
            if (decpt >= digits.length()) return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
            return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        int exp = decpt - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /**
     * A number given as a Python default that may be an int (softplus's beta=1): integral values print as ints.
     *
     * @param v the value
     * @return "1" for 1.0 (integral values below 1e15 in magnitude), otherwise {@link #pyFloat}'s text
     */
    public static String pyNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : pyFloat(v);
    }

    /**
     * Python's {@code True} or {@code False}.
     *
     * @param b the value
     * @return "True" or "False"
     */
    public static String pyBool(boolean b) { return b ? "True" : "False"; }

    /**
     * An argument given as one int or a tuple, printed as given: {@code 2} or {@code (1, 2, 3)}.
     *
     * @param v one value, or the tuple's values
     * @return the single value for length 1, else {@link #tuple(int...)}'s text
     */
    public static String oneOrTuple(int[] v) { return v.length == 1 ? String.valueOf(v[0]) : tuple(v); }

    /**
     * A Python tuple of ints: {@code (3, 3)}, {@code (4,)}.
     *
     * @param v the values
     * @return the tuple's text, with Python's trailing comma for one element
     */
    public static String tuple(long... v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? ", " : "").append(v[i]);
        return sb.append(v.length == 1 ? ",)" : ")").toString();
    }

    /**
     * A Python tuple of ints, {@code (3, 3)}, or {@code (3,)} for one element.
     *
     * @param v the values
     * @return the tuple's text
     */
    public static String tuple(int... v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = v[i];
        return tuple(l);
    }

    /**
     * PyTorch's text for a shape.
     *
     * @param shape the sizes
     * @return {@code torch.Size([2, 3])}
     */
    public static String size(long[] shape) { return new dev.jgrad.Size(shape).toString(); }
}
