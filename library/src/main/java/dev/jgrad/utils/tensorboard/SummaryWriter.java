package dev.jgrad.utils.tensorboard;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Repr;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Writes TensorBoard event files, as PyTorch's {@code torch.utils.tensorboard.SummaryWriter}: scalars,
 * groups of scalars, histograms, text and hyperparameters, in files TensorBoard reads
 * ({@code tensorboard --logdir runs}). No protobuf library is needed: the few messages are encoded by
 * hand in TensorBoard's wire format, framed as TFRecords with masked CRC32C checksums.
 *
 * <pre>{@code
 * try (var writer = new SummaryWriter()) {            // runs/Dec03_07-30-00_myhost
 *     for (int step = 0; step < 100; step++) {
 *         writer.addScalar("Loss/train", loss, step);
 *         writer.addHistogram("fc1.weight", model.fc1.weight, step);
 *     }
 *     writer.addHparams(Map.of("lr", 0.1, "bsize", 32), Map.of("hparam/accuracy", 0.9));
 * }
 * }</pre>
 *
 * The layout is PyTorch's: the default log directory {@code runs/<MonDD_HH-MM-SS>_<host><comment>}, a
 * file {@code events.out.tfevents.<time>.<host>.<pid>.<n>} per directory, {@code addScalars} writing one
 * sub-directory {@code <main_tag>_<tag>} per series, {@code addHparams} a sub-directory per run. Each
 * event is written to disk as it is added (PyTorch queues them for up to two minutes).
 */
public final class SummaryWriter implements AutoCloseable {
    private final Path logDir;
    private final String filenameSuffix;
    private final DoubleSupplier clock;
    private EventFile fileWriter;
    private Map<String, EventFile> allWriters;
    private final double[] defaultBins;

    /**
     * {@code SummaryWriter()}: logs to {@code runs/<MonDD_HH-MM-SS>_<host>} under the working directory, creating the
     * directory and its event file at once.
     *
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public SummaryWriter() { this(null, "", ""); }

    /**
     * {@code SummaryWriter(log_dir)}, creating the directory and its event file at once.
     *
     * @param logDir  the directory the event files go to (made if missing)
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public SummaryWriter(String logDir) { this(Path.of(logDir), "", ""); }

    /**
     * {@code SummaryWriter(log_dir)}, creating the directory and its event file at once.
     *
     * @param logDir  the directory the event files go to (made if missing)
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public SummaryWriter(Path logDir) { this(logDir, "", ""); }

    /**
     * {@code SummaryWriter(log_dir, comment=comment, filename_suffix=suffix)}: comment is appended to the
     * default directory's name (only when logDir is null); the suffix to every event file's name.
     *
     * @param logDir          the directory the event files go to; null: {@code runs/<MonDD_HH-MM-SS>_<host><comment>}
     * @param comment         appended to the default directory's name ("" for none)
     * @param filenameSuffix  appended to every event file's name ("" for none)
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public SummaryWriter(Path logDir, String comment, String filenameSuffix) {
        this(logDir, comment, filenameSuffix, SummaryWriter::now);
    }

    /** For tests: wall times (seconds since the epoch) from clock. */
    SummaryWriter(Path logDir, String comment, String filenameSuffix, DoubleSupplier clock) {
        if (logDir == null) {
            String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMMdd_HH-mm-ss", Locale.ENGLISH));
            logDir = Path.of("runs", time + "_" + hostname() + comment);
        }
        this.logDir = logDir;
        this.filenameSuffix = filenameSuffix;
        this.clock = clock;
        this.defaultBins = defaultBins();
        fileWriter();  // PyTorch creates the event file at once
    }

    /**
     * The directory the event files go to ({@code get_logdir()}).
     *
     * @return the log directory
     */
    public Path logDir() { return logDir; }

    /**
     * The current event file of this writer's own directory ({@code file_writer.event_writer._file_name}); after
     * {@link #close()} this opens a new one.
     *
     * @return the file's path
     */
    public Path file() { return fileWriter().path(); }

    private synchronized EventFile fileWriter() {
        if (allWriters == null || fileWriter == null) {
            fileWriter = new EventFile(logDir, filenameSuffix, clock);
            allWriters = new LinkedHashMap<>();
            allWriters.put(logDir.toString(), fileWriter);
        }
        return fileWriter;
    }

    // ------------------------------------------------------------------------------------ scalars

    /**
     * {@code add_scalar(tag, value)}: no step (TensorBoard shows step 0).
     *
     * @param tag         the series' name (TensorBoard groups tags by their prefix up to the first {@code /})
     * @param value       the value (stored as float32, as PyTorch's simple_value)
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public void addScalar(String tag, double value) { addScalar(tag, value, null, null); }

    /**
     * {@code add_scalar(tag, value, global_step)}: one point of the series tag.
     *
     * @param tag         the series' name (TensorBoard groups tags by their prefix up to the first {@code /})
     * @param value       the value (stored as float32, as PyTorch's simple_value)
     * @param globalStep  the step (x axis)
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public void addScalar(String tag, double value, long globalStep) { addScalar(tag, value, globalStep, null); }

    /**
     * {@code add_scalar(tag, value, global_step, walltime)}.
     *
     * @param tag         the series' name (TensorBoard groups tags by their prefix up to the first {@code /})
     * @param value       the value (stored as float32)
     * @param globalStep  the step (x axis); null: none (TensorBoard shows 0)
     * @param walltime    the event's time in seconds since the epoch; null: now
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public synchronized void addScalar(String tag, double value, Long globalStep, Double walltime) {
        fileWriter().addSummary(scalar(tag, value), globalStep, walltime);
    }

    /**
     * {@code add_scalar(tag, tensor, step)}: the value of a one-element tensor (a loss).
     *
     * @param tag         the series' name (TensorBoard groups tags by their prefix up to the first {@code /})
     * @param value       a tensor of one element
     * @param globalStep  the step (x axis)
     * @throws IllegalArgumentException PyTorch's "Tensor should contain one element (0 dimensions). Was given size: 3
     *     and 1 dimensions." for any other tensor
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public void addScalar(String tag, Tensor value, long globalStep) { addScalar(tag, scalarOf(value), globalStep, null); }

    /**
     * {@code add_scalars(main_tag, tag_scalar_dict, global_step)}: several series in one chart; each goes
     * to its own directory {@code <logdir>/<main_tag with / as _>_<tag>}, tagged main_tag.
     *
     * @param mainTag        the chart's name
     * @param tagScalarDict  each series' name and value, in the map's order
     * @param globalStep  the step (x axis)
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public void addScalars(String mainTag, Map<String, ? extends Number> tagScalarDict, long globalStep) {
        addScalars(mainTag, tagScalarDict, globalStep, null);
    }

    /**
     * {@code add_scalars(main_tag, tag_scalar_dict, global_step, walltime)}.
     *
     * @param mainTag        the chart's name
     * @param tagScalarDict  each series' name and value, in the map's order
     * @param globalStep  the step (x axis); null: none (TensorBoard shows 0)
     * @param walltime    the event's time in seconds since the epoch; null: now
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public synchronized void addScalars(String mainTag, Map<String, ? extends Number> tagScalarDict, Long globalStep, Double walltime) {
        double wall = walltime != null ? walltime : clock.getAsDouble();
        String fwLogdir = fileWriter().dir().toString();
        for (Map.Entry<String, ? extends Number> e : tagScalarDict.entrySet()) {
            String fwTag = fwLogdir + "/" + mainTag.replace("/", "_") + "_" + e.getKey();
            EventFile fw = allWriters.computeIfAbsent(fwTag, k -> new EventFile(Path.of(k), filenameSuffix, clock));
            fw.addSummary(scalar(mainTag, e.getValue().doubleValue()), globalStep, wall);
        }
    }

    private static Proto scalar(String tag, double value) {
        return new Proto().message(1, new Proto().string(1, tag).float32Always(2, (float) value));
    }

    private static double scalarOf(Tensor t) {
        if (t.numel() != 1) {
            throw new IllegalArgumentException("Tensor should contain one element (0 dimensions). Was given size: " + t.numel()
                    + " and " + t.dim() + " dimensions.");
        }
        return t.item();
    }

    // ------------------------------------------------------------------------------------ histograms

    /**
     * {@code add_histogram(tag, values, global_step)} with PyTorch's default "tensorflow" buckets (edges from 1e-12
     * growing by 1.1 up to 1e20, mirrored, and 0; the empty buckets at both ends left out).
     *
     * @param tag         the histogram's name
     * @param values      the values (a weight, a gradient), any shape, converted to double
     * @param globalStep  the step (x axis)
     * @throws IllegalArgumentException "The input has no element." for an empty tensor
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public void addHistogram(String tag, Tensor values, long globalStep) { addHistogram(tag, values.toDoubleArray(), globalStep, null); }

    /**
     * {@code add_histogram(tag, values, global_step, walltime=walltime)}.
     *
     * @param tag         the histogram's name
     * @param values      the values, any shape
     * @param globalStep  the step (x axis); null: none (TensorBoard shows 0)
     * @param walltime    the event's time in seconds since the epoch; null: now
     * @throws IllegalArgumentException "The input has no element." for an empty tensor
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public void addHistogram(String tag, Tensor values, Long globalStep, Double walltime) {
        addHistogram(tag, values.toDoubleArray(), globalStep, walltime);
    }

    /**
     * {@code add_histogram} of plain values.
     *
     * @param tag         the histogram's name
     * @param values      the values
     * @param globalStep  the step (x axis); null: none (TensorBoard shows 0)
     * @param walltime    the event's time in seconds since the epoch; null: now
     * @throws IllegalArgumentException "The input has no element." for no values
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public synchronized void addHistogram(String tag, double[] values, Long globalStep, Double walltime) {
        Proto histo = Histograms.make(values, defaultBins);
        fileWriter().addSummary(new Proto().message(1, new Proto().string(1, tag).message(5, histo)), globalStep, walltime);
    }

    /** PyTorch's "tensorflow" bucket edges: ±1e-12 growing by 1.1 up to 1e20, and 0. */
    static double[] defaultBins() {
        List<Double> buckets = new ArrayList<>();
        for (double v = 1e-12; v < 1e20; v *= 1.1) buckets.add(v);
        double[] bins = new double[2 * buckets.size() + 1];
        int n = buckets.size();
        for (int i = 0; i < n; i++) {
            bins[n - 1 - i] = -buckets.get(i);
            bins[n + 1 + i] = buckets.get(i);
        }
        bins[n] = 0;
        return bins;
    }

    // ------------------------------------------------------------------------------------ text

    /**
     * {@code add_text(tag, text_string, global_step)}: markdown text, shown by the Text dashboard under
     * {@code tag/text_summary}.
     *
     * @param tag         the text's name
     * @param text        the markdown text
     * @param globalStep  the step (x axis)
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public void addText(String tag, String text, long globalStep) { addText(tag, text, (Long) globalStep, null); }

    /**
     * {@code add_text(tag, text_string, global_step, walltime)}.
     *
     * @param tag         the text's name
     * @param text        the markdown text
     * @param globalStep  the step (x axis); null: none (TensorBoard shows 0)
     * @param walltime    the event's time in seconds since the epoch; null: now
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public synchronized void addText(String tag, String text, Long globalStep, Double walltime) {
        Proto metadata = new Proto().message(1, new Proto().string(1, "text"));  // TextPluginData(version=0) encodes to nothing
        Proto shape = new Proto().message(2, new Proto().int64(1, 1));
        Proto tensor = new Proto().int64(1, 7 /* DT_STRING */).message(2, shape).bytesAlways(8, text.getBytes(StandardCharsets.UTF_8));
        Proto value = new Proto().string(1, tag + "/text_summary").message(8, tensor).message(9, metadata);
        fileWriter().addSummary(new Proto().message(1, value), globalStep, walltime);
    }

    // ------------------------------------------------------------------------------------ hparams

    /**
     * {@code add_hparams(hparam_dict, metric_dict)}: a run named after the current time (see
     * {@link #addHparams(Map, Map, Map, String)}).
     *
     * @param hparams  the hyperparameters' names and values (numbers, strings, booleans, one-element tensors)
     * @param metrics  the metrics' names and final values (also written as scalars of the run)
     * @throws IllegalArgumentException "value should be one of int, float, str, bool, or torch.Tensor" for another
     *     value type
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public void addHparams(Map<String, ?> hparams, Map<String, ? extends Number> metrics) { addHparams(hparams, metrics, null, null); }

    /**
     * {@code add_hparams(hparam_dict, metric_dict, hparam_domain_discrete, run_name)}: the hyperparameters
     * and final metrics of one run, for TensorBoard's HParams dashboard, in {@code <logdir>/<runName>}
     * (runName null: the current time in seconds, as PyTorch's {@code str(time.time())}). Values may be
     * numbers, strings, booleans (stored as the numbers 1 and 0, as PyTorch 1.13 does: Python's bool is
     * an int) or one-element tensors; null values are left out.
     *
     * @param hparams         the hyperparameters' names and values
     * @param metrics         the metrics' names and final values (also written as scalars of the run)
     * @param domainDiscrete  for some hyperparameters, the list of values they can take (null: none)
     * @param runName         the run's sub-directory; null or empty: the current time in seconds
     * @throws IllegalArgumentException "value should be one of int, float, str, bool, or torch.Tensor",
     *     or "parameter: hparam_domain_discrete[k] should be a list of same type as hparam_dict[k]."
     * @throws java.io.UncheckedIOException when the event file cannot be written
     */
    public synchronized void addHparams(Map<String, ?> hparams, Map<String, ? extends Number> metrics,
            Map<String, ? extends List<?>> domainDiscrete, String runName) {
        Proto[] summaries = Hparams.summaries(hparams, metrics, domainDiscrete == null ? Map.of() : domainDiscrete);
        if (runName == null || runName.isEmpty()) runName = Repr.pyFloat(clock.getAsDouble());
        try (SummaryWriter run = new SummaryWriter(fileWriter().dir().resolve(runName), "", "", clock)) {
            for (Proto s : summaries) run.fileWriter().addSummary(s, null, null);
            for (Map.Entry<String, ? extends Number> m : metrics.entrySet()) run.addScalar(m.getKey(), m.getValue().doubleValue());
        }
    }

    // ------------------------------------------------------------------------------------ files

    /** {@code flush()}: every event is already on disk when added; this flushes the files once more. */
    public synchronized void flush() {
        if (allWriters == null) return;
        for (EventFile w : allWriters.values()) w.flush();
    }

    /** {@code close()}: closes every event file; adding again opens a new file, as PyTorch does. */
    @Override public synchronized void close() {
        if (allWriters == null) return;
        for (EventFile w : allWriters.values()) w.close();
        fileWriter = null;
        allWriters = null;
    }

    /** The event files this writer has open, by directory (for tests and tools). */
    synchronized List<Path> files() {
        List<Path> out = new ArrayList<>();
        if (allWriters != null) for (EventFile w : allWriters.values()) out.add(w.path());
        return out;
    }

    static double now() {
        Instant t = Instant.now();
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    private static String host;

    /** socket.gethostname(). */
    static synchronized String hostname() {
        if (host == null) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
        }
        return host;
    }

    @Override public String toString() { return "SummaryWriter(" + logDir + ")"; }
}
