package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import java.math.BigDecimal;

/** Python's text for the values PyTorch's distribution messages quote ('{}'.format(tensor), tuple(shape)). */
final class PyFormat {
    private PyFormat() {}

    /** A 0-d tensor formats as its Python number, any other as its repr (what Tensor.__format__ does). */
    static String format(Tensor t) {
        if (t.dim() != 0) return t.toString();
        return switch (t.dtype()) {
            case FLOAT32, FLOAT64 -> pyFloat(t.item());
            case BOOL -> t.itemBool() ? "True" : "False";
            default -> Long.toString(t.itemLong());
        };
    }

    /** (3,), (2, 3) or (). */
    static String tuple(long[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) b.append(i == 0 ? "" : ", ").append(shape[i]);
        return b.append(")").toString();
    }

    /** repr(float): the shortest round-tripping digits, positional for exponents in [-4, 16), else d.ddde-XX. */
    static String pyFloat(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - 1 - d.scale();  // decimal exponent of the first digit
        String sign = v < 0 ? "-" : "";
        if (exp >= -4 && exp < 16) {
            String plain = d.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
}
