package dev.jgrad.testutil;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares a tensor with a fixture's expected result: what the ops and breadth fixture tests share. */
public final class TensorExpectations {
    private static final double RTOL_F32 = 1e-6, ATOL_F32 = 1e-6, RTOL_F64 = 1e-12, ATOL_F64 = 1e-12;

    private TensorExpectations() {}

    /** How a printed form is compared when the values themselves passed. */
    public enum Repr {
        /** Equal, or (approx values) differing by one unit in the last printed digit. */
        EXACT,
        /** The same text with every digit masked: layout, precision, notation and suffixes must match, the digits may not. */
        FORMAT,
        /** Not compared (gradients: where the math gives 0, either side may print rounding noise). */
        NONE
    }

    /**
     * Adds to problems every way r differs from the fixture's expectation e (gen_ops.py's encoding): dtype, shape,
     * values (exact, or within float tolerance when approx), printed form, and whether it is x0 itself or shares its storage.
     */
    public static void check(List<String> problems, String caseName, String what, Map<String, Object> e, Tensor r, Object x0,
                             boolean approx, Double atolOverride) {
        check(problems, caseName, what, e, r, x0, approx, atolOverride, Repr.EXACT);
    }

    public static void check(List<String> problems, String caseName, String what, Map<String, Object> e, Tensor r, Object x0,
                             boolean approx, Double atolOverride, Repr rule) {
        check(problems, caseName, what, e, r, x0, approx, atolOverride, null, rule);
    }

    /** As above, with the case's own relative tolerance (null: the dtype's default). */
    public static void check(List<String> problems, String caseName, String what, Map<String, Object> e, Tensor r, Object x0,
                             boolean approx, Double atolOverride, Double rtolOverride, Repr rule) {
        DType edt = FixtureTensors.dtype((String) e.get("dtype"));
        if (r.dtype() != edt) problems.add(what + " dtype: expected " + edt + " but got " + r.dtype());
        long[] eshape = Json.asLongArray(e.get("shape"));
        if (!Arrays.equals(eshape, r.shape())) {
            problems.add(what + " shape: expected " + Arrays.toString(eshape) + " but got " + Arrays.toString(r.shape()));
            problems.add(what + " printed as:\n" + r);
            return;
        }
        if (r.dtype() == edt) checkValues(problems, what, edt, Json.asList(e.get("values")), r, approx, atolOverride, rtolOverride);
        String repr = (String) e.get("repr");
        String actual = r.toString();
        if (rule == Repr.FORMAT && approx && masked(repr).equals(masked(actual))) {
            // digits beyond float32's agreement differ; the values were compared numerically above
        } else if (rule != Repr.NONE && !repr.equals(actual)) {
            if (approx && lastDigitRounding(repr, actual)) {
                System.out.println("[ops fixture] last-digit rounding difference accepted in " + caseName + " (" + what + "):\n  PyTorch: "
                        + repr.replace("\n", "\n           ") + "\n  jgrad:   " + actual.replace("\n", "\n           "));
            } else {
                problems.add(what + " repr:\n  expected: " + repr.replace("\n", "\n            ") + "\n  actual:   "
                        + actual.replace("\n", "\n            "));
            }
        }
        if (x0 instanceof Tensor in) {
            if (e.containsKey("same")) {
                boolean same = (Boolean) e.get("same");
                if (same != (r == in)) {
                    problems.add(what + ": PyTorch returns " + (same ? "the input itself" : "a new tensor object")
                            + ", jgrad " + (r == in ? "the input itself" : "a new tensor object"));
                }
            }
            if (e.containsKey("shares")) {
                boolean shares = (Boolean) e.get("shares");
                if (shares != r.sharesStorageWith(in)) {
                    problems.add(what + ": PyTorch's result " + (shares ? "shares" : "does not share")
                            + " storage with input 0, jgrad's " + (shares ? "does not" : "does"));
                }
            }
        }
    }

    private static void checkValues(List<String> problems, String what, DType dt, List<Object> expected, Tensor r,
                                    boolean approx, Double atolOverride, Double rtolOverride) {
        int n = expected.size();
        switch (dt) {
            case BOOL -> {
                boolean[] got = r.toBooleanArray();
                for (int k = 0; k < n; k++) {
                    if (got[k] != (Boolean) expected.get(k)) {
                        problems.add(what + " values differ at " + k + ": expected " + expected + " but got " + Arrays.toString(got));
                        return;
                    }
                }
            }
            case INT64, INT32 -> {
                long[] got = r.toLongArray();
                for (int k = 0; k < n; k++) {
                    if (got[k] != Json.asLong(expected.get(k))) {
                        problems.add(what + " values differ at " + k + ": expected " + expected + " but got " + Arrays.toString(got));
                        return;
                    }
                }
            }
            default -> {
                double[] got = r.toDoubleArray();
                boolean f32 = dt == DType.FLOAT32;
                double rtol = rtolOverride != null ? rtolOverride : f32 ? RTOL_F32 : RTOL_F64;
                double atol = atolOverride != null ? atolOverride : f32 ? ATOL_F32 : ATOL_F64;
                List<String> bad = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    double ev = Json.asDouble(expected.get(k)), gv = got[k];
                    boolean ok;
                    if (Double.isNaN(ev) || Double.isNaN(gv)) ok = Double.isNaN(ev) && Double.isNaN(gv);
                    else if (!approx || Double.isInfinite(ev) || Double.isInfinite(gv)) ok = Double.doubleToLongBits(ev) == Double.doubleToLongBits(gv);
                    else ok = Math.abs(ev - gv) <= atol + rtol * Math.abs(ev);
                    if (!ok && bad.size() < 6) bad.add("[" + k + "] expected " + ev + " got " + gv);
                }
                if (!bad.isEmpty()) {
                    problems.add(what + " values differ" + (approx ? " beyond tolerance (rtol " + rtol + ", atol " + atol + ")" : " (exact check)")
                            + ": " + String.join(", ", bad));
                }
            }
        }
    }

    private static String masked(String repr) { return repr.replaceAll("[0-9]", "#").replace("-#", "#"); }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d*)?(e[+-]\\d+)?");

    /**
     * True when two printed tensors differ only in numbers that are one unit apart in their last printed digit:
     * for a value within a few ulp of a rounding boundary PyTorch's 4-digit output can legitimately go either way.
     */
    public static boolean lastDigitRounding(String expected, String actual) {
        Matcher me = NUMBER.matcher(expected), ma = NUMBER.matcher(actual);
        String skelE = NUMBER.matcher(expected).replaceAll("#"), skelA = NUMBER.matcher(actual).replaceAll("#");
        if (!skelE.replace(" ", "").equals(skelA.replace(" ", ""))) return false;
        boolean anyDiff = false;
        while (me.find()) {
            if (!ma.find()) return false;
            String x = me.group(), y = ma.group();
            if (x.equals(y)) continue;
            String[] xe = x.split("e"), ye = y.split("e");
            if (xe.length != ye.length || (xe.length == 2 && !xe[1].equals(ye[1]))) return false;
            BigDecimal bx = new BigDecimal(xe[0]), by = new BigDecimal(ye[0]);
            if (bx.scale() != by.scale() || bx.scale() == 0) return false;
            if (bx.subtract(by).abs().compareTo(BigDecimal.ONE.movePointLeft(bx.scale())) != 0) return false;
            anyDiff = true;
        }
        return !ma.find() && anyDiff;
    }
}
