package dev.jgrad.utils;

import dev.jgrad.utils.data.DataLoader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.DoubleSupplier;

/**
 * A progress bar as Python's {@code tqdm}: wraps an {@link Iterable} (a list, a {@link DataLoader},
 * {@link #trange(long)}) or is advanced by hand with {@link #update(long)}, and prints
 *
 * <pre>
 *  45%|████▌     | 45/100 [00:01&lt;00:01, 40.12it/s, loss=0.123]
 * </pre>
 *
 * that is percentage, bar, n/total, elapsed&lt;remaining, rate and postfix; without a known total,
 * {@code 45it [00:01, 40.12it/s]}. The meter, the smoothed rate (an exponential moving average of
 * 0.3), the refresh interval (0.1 s, with tqdm's adaptive {@code miniters}) and the postfix number
 * format are tqdm 4.64's, so the bytes written to a terminal are the ones tqdm writes.
 *
 * <p>On a terminal each refresh redraws the line in place ({@code \r}); when the output is not a
 * terminal (a CI log, a file) each refresh is a line of its own, at most one per 10 s by default, so
 * logs stay short. {@link #terminal(boolean)} overrides the detection. The default output is
 * {@code System.err}, as tqdm's.
 *
 * <pre>{@code
 * try (var bar = Tqdm.tqdm(loader).desc("epoch 1")) {
 *     for (List<Tensor> batch : bar) {
 *         double loss = step(batch);
 *         bar.setPostfix("loss", loss);
 *     }
 * }
 * }</pre>
 *
 * Iterating to the end closes the bar (it prints its final state and a newline); leaving a loop early
 * needs {@link #close()}, which try-with-resources calls.
 *
 * @param <T> the element type of the wrapped iterable
 */
public final class Tqdm<T> implements Iterable<T>, AutoCloseable {
    private static final String UTF_CHARSET = " ▏▎▍▌▋▊▉█";
    private static final int BAR_WIDTH = 10;  // tqdm's {bar:10} when ncols is unknown

    private final Iterable<T> iterable;
    private Long total;
    private String desc = "";
    private String unit = "it";
    private String postfix;
    private boolean leave = true;
    private PrintStream out = System.err;
    private Boolean terminal;
    private DoubleSupplier clock = () -> System.nanoTime() / 1e9;
    private Double mininterval;
    private final double smoothing = 0.3;

    private boolean started, closed;
    private long n, lastPrintN;
    private double miniters;
    private double startT, lastPrintT;
    private final Ema emaDn = new Ema(smoothing), emaDt = new Ema(smoothing), emaMiniters = new Ema(smoothing);
    private boolean overallRate;
    private int lastLen;

    private Tqdm(Iterable<T> iterable, Long total) {
        this.iterable = iterable;
        this.total = total;
    }

    /**
     * {@code tqdm(iterable)}: a bar over the elements of iterable; the total is its size when it is a
     * {@link Collection} or a {@link DataLoader} (its number of batches), else unknown.
     *
     * @param <T>       the element type
     * @param iterable  what to iterate (each iteration of the bar is one element)
     * @return a bar, drawn when iteration starts (or at {@link #start()})
     */
    public static <T> Tqdm<T> tqdm(Iterable<T> iterable) {
        Long total = iterable instanceof Collection<?> c ? Long.valueOf(c.size())
                : iterable instanceof DataLoader d ? Long.valueOf(d.size())
                : iterable instanceof dev.jgrad.utils.data.BatchLoader<?, ?> b ? Long.valueOf(b.size()) : null;
        return new Tqdm<>(iterable, total);
    }

    /**
     * {@code trange(n)}: a bar over 0, 1, ..., n-1.
     *
     * @param n  the number of iterations (none for n &lt;= 0)
     * @return a bar whose total is n
     */
    public static Tqdm<Long> trange(long n) {
        Iterable<Long> range = () -> new Iterator<>() {
            long i;

            @Override public boolean hasNext() { return i < n; }

            @Override public Long next() {
                if (i >= n) throw new NoSuchElementException();
                return i++;
            }
        };
        return new Tqdm<>(range, Math.max(0, n));
    }

    /**
     * {@code tqdm(total=total)}: a bar advanced by hand with {@link #update(long)} and ended with {@link #close()}.
     *
     * @param total  the expected number of iterations; null: unknown
     * @return a bar that cannot be iterated (its {@code iterator()} throws IllegalStateException: "this bar has no
     *     iterable: advance it with update()")
     */
    public static Tqdm<Void> manual(Long total) { return new Tqdm<>(null, total); }

    // ------------------------------------------------------------------------------------ settings

    /**
     * {@code total=}: the expected number of iterations.
     *
     * @param total  the count; null: unknown (no bar and no ETA)
     * @return this bar
     */
    public Tqdm<T> total(Long total) {
        this.total = total;
        return this;
    }

    /**
     * {@code desc=}: a prefix, shown as {@code "desc: "}.
     *
     * @param desc  the prefix; null or empty: none
     * @return this bar
     */
    public Tqdm<T> desc(String desc) {
        this.desc = desc == null ? "" : desc;
        return this;
    }

    /**
     * {@code unit=}: what one iteration is called, as in {@code 40.12it/s}.
     *
     * @param unit  the unit's name ({@code it} by default)
     * @return this bar
     */
    public Tqdm<T> unit(String unit) {
        this.unit = unit;
        return this;
    }

    /**
     * {@code leave=}: keep the final bar on screen or erase it when closed.
     *
     * @param leave  true (the default) to keep it
     * @return this bar
     */
    public Tqdm<T> leave(boolean leave) {
        this.leave = leave;
        return this;
    }

    /**
     * {@code file=}: where the bar is written.
     *
     * @param out  the stream ({@code System.err} by default)
     * @return this bar
     */
    public Tqdm<T> file(PrintStream out) {
        this.out = out;
        return this;
    }

    /**
     * Whether to redraw in place with {@code \r} (a terminal) or write one line per refresh (a log). By
     * default: a terminal when {@code System.console()} is one and the output is System.err or System.out.
     *
     * @param terminal  true: redraw in place; false: one line per refresh
     * @return this bar
     */
    public Tqdm<T> terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    /**
     * {@code mininterval=}: the least time between two refreshes.
     *
     * @param seconds  the interval in seconds (by default 0.1 on a terminal, 10 otherwise)
     * @return this bar
     */
    public Tqdm<T> mininterval(double seconds) {
        this.mininterval = seconds;
        return this;
    }

    /**
     * The time source (for tests: a fake clock); System.nanoTime by default.
     *
     * @param seconds  gives the current time in seconds
     * @return this bar
     */
    public Tqdm<T> clock(DoubleSupplier seconds) {
        this.clock = seconds;
        return this;
    }

    // ------------------------------------------------------------------------------------ progress

    /**
     * Shows the bar at 0 (tqdm draws it when created); the first iteration or update does it otherwise. Calls after
     * the first do nothing.
     *
     * @return this bar
     */
    public Tqdm<T> start() {
        if (started) return this;
        started = true;
        if (mininterval == null) mininterval = isTerminal() ? 0.1 : 10.0;
        display(format(0, null));  // before start_t is set: elapsed 0, as tqdm's first refresh
        lastPrintT = clock.getAsDouble();
        startT = lastPrintT;
        return this;
    }

    /**
     * The number of iterations done so far ({@code bar.n}).
     *
     * @return the count
     */
    public long n() { return n; }

    /**
     * {@code update(k)}: k more iterations done; redraws when tqdm would (after mininterval and tqdm's adaptive
     * miniters). Does nothing after close.
     *
     * @param k  the iterations done since the last update (negative moves the count back)
     */
    public void update(long k) {
        start();
        if (closed) return;
        if (k < 0) lastPrintN += k;
        n += k;
        if (n - lastPrintN >= miniters) {
            double cur = clock.getAsDouble();
            double dt = cur - lastPrintT;
            if (dt >= mininterval) {
                long dn = n - lastPrintN;
                if (dt != 0 && dn != 0) {
                    emaDn.add(dn);
                    emaDt.add(dt);
                }
                refresh();
                // tqdm's dynamic miniters: the iterations between two prints, smoothed
                miniters = emaMiniters.add(dn * (mininterval != 0 && dt != 0 ? mininterval / dt : 1));
                lastPrintN = n;
                lastPrintT = cur;
            }
        }
    }

    /** {@code update()}: one more iteration. */
    public void update() { update(1); }

    /**
     * {@code set_postfix(key=value)}: shows {@code key=value} after the rate, and redraws.
     *
     * @param key    the name
     * @param value  the value: a number is written as tqdm's format_num (0.123456 as {@code 0.123}, 1.23e-05 as {@code 1.23e-5}), anything
     *               else as its toString()
     */
    public void setPostfix(String key, Object value) { setPostfix(Map.of(key, value)); }

    /**
     * {@code set_postfix(ordered_dict)}: shows each {@code key=value}, in the map's order, and redraws.
     *
     * @param values  the names and values (numbers as in {@link #setPostfix(String, Object)})
     */
    public void setPostfix(Map<String, ?> values) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, ?> e : new LinkedHashMap<>(values).entrySet()) {
            if (!s.isEmpty()) s.append(", ");
            Object v = e.getValue();
            String text = v instanceof Number num ? formatNum(num) : String.valueOf(v);
            s.append(e.getKey()).append('=').append(text.strip());
        }
        postfix = s.toString();
        refresh();
    }

    /**
     * {@code set_postfix_str(s)}: the postfix as given, and redraws.
     *
     * @param s  the text shown after the rate
     */
    public void setPostfixStr(String s) {
        postfix = s;
        refresh();
    }

    /**
     * {@code set_description(desc)}: a new prefix, redrawn at once.
     *
     * @param desc  the prefix; null: none
     */
    public void setDescription(String desc) {
        this.desc = desc == null ? "" : desc;
        refresh();
    }

    /** {@code refresh()}: redraws the bar now. */
    public void refresh() {
        start();
        if (closed) return;
        display(toString());
    }

    /** The bar as it reads now ({@code str(bar)}). */
    @Override public String toString() {
        Double rate = overallRate || emaDt.value() == 0 ? null : emaDn.value() / emaDt.value();
        return format(started ? clock.getAsDouble() - startT : 0, rate);
    }

    /** {@code close()}: prints the final bar with the overall average rate and a newline (or erases it when not leave). */
    @Override public void close() {
        if (closed) return;
        start();
        if (leave) {
            overallRate = true;  // tqdm's final stats use the overall rate, not the moving average
            display(toString());
            if (isTerminal()) out.print('\n');
        } else if (isTerminal()) {
            display("");
            out.print('\r');
        }
        out.flush();
        closed = true;
    }

    @Override public Iterator<T> iterator() {
        if (iterable == null) throw new IllegalStateException("this bar has no iterable: advance it with update()");
        Iterator<T> inner = iterable.iterator();
        start();
        return new Iterator<>() {
            boolean pending;  // an element was handed out and its iteration is not counted yet

            @Override public boolean hasNext() {
                if (closed) return inner.hasNext();
                boolean more = inner.hasNext();
                if (!more) {
                    countPending();
                    close();
                }
                return more;
            }

            @Override public T next() {
                countPending();
                T item = inner.next();
                pending = true;
                return item;
            }

            // tqdm counts an iteration when the loop asks for the next element, after the body ran
            private void countPending() {
                if (pending) {
                    pending = false;
                    update(1);
                }
            }
        };
    }

    // ------------------------------------------------------------------------------------ drawing

    private boolean isTerminal() {
        if (terminal == null) {  // decided once, at the first drawing
            java.io.Console console = System.console();
            terminal = console != null && console.isTerminal() && (out == System.err || out == System.out);
        }
        return terminal;
    }

    private void display(String s) {
        if (isTerminal()) {
            int len = s.codePointCount(0, s.length());
            out.print("\r" + s + " ".repeat(Math.max(lastLen - len, 0)));
            lastLen = len;
        } else if (!s.isEmpty()) {
            out.print(s + "\n");
        }
        out.flush();
    }

    private String format(double elapsed, Double rate) {
        return formatMeter(n, total, elapsed, desc, unit, rate, postfix);
    }

    /**
     * tqdm's {@code format_meter}: the bar text for n of total (null: unknown) after elapsed seconds;
     * rate null means the average n/elapsed.
     */
    static String formatMeter(long n, Long total, double elapsed, String prefix, String unit, Double rate, String postfix) {
        if (total != null && total != 0 && n >= total + 0.5) total = null;
        String elapsedStr = formatInterval(elapsed);
        if (rate == null && elapsed != 0) rate = n / elapsed;
        if (rate != null && rate == 0) rate = null;
        Double invRate = rate == null ? null : 1 / rate;
        String rateNoinv = (rate == null ? "?" : fixed(rate, 5, 2)) + unit + "/s";
        String rateInv = (invRate == null ? "?" : fixed(invRate, 5, 2)) + "s/" + unit;
        String rateFmt = invRate != null && invRate > 1 ? rateInv : rateNoinv;
        String nFmt = Long.toString(n);
        String totalFmt = total == null ? "?" : Long.toString(total);
        String post = postfix == null || postfix.isEmpty() ? "" : ", " + postfix;
        double remaining = rate != null && total != null && total != 0 ? (total - n) / rate : 0;
        String remainingStr = rate != null ? formatInterval(remaining) : "?";
        String lBar = prefix.isEmpty() ? "" : prefix.endsWith(": ") ? prefix : prefix + ": ";
        String rBar = "| " + nFmt + "/" + totalFmt + " [" + elapsedStr + "<" + remainingStr + ", " + rateFmt + post + "]";
        if (total != null && total != 0) {
            double frac = (double) n / total;
            lBar += fixed(frac * 100, 3, 0) + "%|";
            return lBar + bar(frac) + rBar;
        }
        return lBar + nFmt + unit + " [" + elapsedStr + ", " + rateFmt + post + "]";
    }

    /** tqdm's Bar with its Unicode charset: full blocks, one partial block, then spaces. */
    private static String bar(double frac) {
        int nsyms = UTF_CHARSET.length() - 1;
        int units = (int) (frac * BAR_WIDTH * nsyms);
        int full = Math.floorDiv(units, nsyms), part = Math.floorMod(units, nsyms);
        String res = String.valueOf(UTF_CHARSET.charAt(nsyms)).repeat(Math.max(full, 0));
        if (full < BAR_WIDTH) res += UTF_CHARSET.charAt(part) + " ".repeat(BAR_WIDTH - full - 1);
        return res;
    }

    /** tqdm's format_interval: [H:]MM:SS of the whole seconds. */
    static String formatInterval(double t) {
        long secs = (long) t;
        long mins = secs / 60, s = secs % 60, h = mins / 60, m = mins % 60;
        return h != 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
    }

    /** Python's '{:w.pf}': correctly rounded (ties to even on the exact binary value), right-aligned to width. */
    static String fixed(double v, int width, int precision) {
        if (Double.isNaN(v)) return pad("nan", width);
        if (Double.isInfinite(v)) return pad(v > 0 ? "inf" : "-inf", width);
        String s = new BigDecimal(v).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return pad(s, width);
    }

    private static String pad(String s, int width) { return s.length() >= width ? s : " ".repeat(width - s.length()) + s; }

    /** tqdm's format_num: '{:.3g}' without exponent zero padding, unless str(n) is shorter. */
    static String formatNum(Number num) {
        boolean integral = num instanceof Long || num instanceof Integer || num instanceof Short || num instanceof Byte;
        double v = num.doubleValue();
        String g = pyGeneral(v, 3).replace("+0", "+").replace("-0", "-");
        String str = integral ? Long.toString(num.longValue()) : pyRepr(v);
        return g.length() < str.length() ? g : str;
    }

    /** Python's '{:.pg}' of a double. */
    static String pyGeneral(double v, int p) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0" : "0";
        BigDecimal d = new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exp = d.precision() - d.scale() - 1;
        if (exp >= -4 && exp < p) {
            String s = d.setScale(Math.max(p - 1 - exp, 0), RoundingMode.HALF_EVEN).toPlainString();
            return stripZeros(s);
        }
        String digits = d.unscaledValue().abs().toString();
        String mant = digits.substring(0, 1) + (digits.length() > 1 ? "." + digits.substring(1) : "");
        return (v < 0 ? "-" : "") + stripZeros(mant) + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Python's repr of a float: the shortest digits, in Python's layout (1e-05, 0.0001, 1e+16, 12.0). */
    static String pyRepr(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();  // Java's shortest digits
        int exp = d.precision() - d.scale() - 1;
        if (exp >= -4 && exp < 16) {
            String s = d.toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
        String digits = d.unscaledValue().abs().toString();
        String mant = digits.substring(0, 1) + (digits.length() > 1 ? "." + digits.substring(1) : "");
        return (v < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }

    /** tqdm's EMA: an exponential moving average corrected for its start (as Adam's bias correction). */
    private static final class Ema {
        private final double alpha;
        private double last;
        private int calls;

        Ema(double alpha) { this.alpha = alpha; }

        double add(double x) {
            last = alpha * x + (1 - alpha) * last;
            calls++;
            return value();
        }

        double value() { return calls == 0 ? last : last / (1 - Math.pow(1 - alpha, calls)); }
    }
}
