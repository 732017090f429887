package dev.jgrad.backend.cpu;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Which matrix products go to OpenBLAS (when it is installed) and which to jgrad's Java kernels, by size class.
 *
 * <p>The two give results that differ in the last bits, so the choice is made once per machine and then kept:
 * a JVM takes its plan at its first product and never changes it, and the plan comes from a cache file
 * that {@link GemmCalibration} wrote after measuring both on this machine (keyed by CPU model, JDK, vector
 * width, thread count and the OpenBLAS library, so a different machine or JDK measures again). Without that
 * file the JVM runs the {@linkplain #PROVISIONAL provisional plan} and measures in a background thread (see
 * {@link GemmCalibration} for why not before the first product), so the next JVM gets the measured plan.
 *
 * <p>The classes are measured on float products; double products follow the same plan (OpenBLAS's dgemm
 * and jgrad's measured 1.05-1.4 apart where sgemm's did, on the 2-core VM), which halves the measuring.
 *
 * <p>Properties: {@code -Djgrad.gemm.kernel=java} or {@code =blas} forces one side for every product (blas
 * only where OpenBLAS loaded); {@code -Djgrad.gemm.calibrate=false} neither reads nor writes the cache and
 * runs the provisional plan; {@code -Djgrad.gemm.cacheDir=DIR} moves the cache (default:
 * {@code $XDG_CACHE_HOME/jgrad} or {@code ~/.cache/jgrad}). {@code -Djgrad.blas=false} keeps everything in Java.
 *
 * @param small products of at most {@link #SMALL_MACS} multiply-adds go to OpenBLAS
 * @param shallow larger products with depth k below {@link #SHALLOW_DEPTH} go to OpenBLAS
 * @param medium the rest up to {@link #MEDIUM_MACS} multiply-adds go to OpenBLAS
 * @param large the rest above that go to OpenBLAS
 * @param source where the plan came from: "measured", "cached", "provisional", or "forced"
 */
record GemmPlan(boolean small, boolean shallow, boolean medium, boolean large, String source) implements PlanFiles.Plan {
    /** Size classes: OpenBLAS's per-call overhead matters up to here (64 x 64 x 64). */
    static final long SMALL_MACS = 1L << 18;
    /** Up to here (512 x 512 x 512) a product takes about a millisecond on one core. */
    static final long MEDIUM_MACS = 1L << 27;
    /** Shallower products have their own class: OpenBLAS threads them poorly. */
    static final int SHALLOW_DEPTH = 32;

    /**
     * Before a machine is measured: OpenBLAS for small and medium products, Java for shallow and large
     * ones, the rule jgrad had before it measured per machine (so an unmeasured machine computes what it
     * did then). On the 2-core AVX-512 VM OpenBLAS measured 1.1-1.7x faster than the Java kernels on small
     * and transposed operands, 0.3-1.0x on depths under 32 (its threads cost more than such a product), and
     * level on big squares.
     */
    static final GemmPlan PROVISIONAL = new GemmPlan(true, false, true, false, "provisional");

    /** Bumped when the kernels, or the way they are measured, change enough that old plans no longer apply. */
    private static final int FORMAT = 2;

    /** Whether a product of these dimensions goes to OpenBLAS under this plan. */
    boolean useBlas(int m, int n, int k) {
        long macs = (long) m * n * k;
        if (macs <= SMALL_MACS) return small;
        if (k < SHALLOW_DEPTH) return shallow;
        return macs <= MEDIUM_MACS ? medium : large;
    }

    /** The same decisions from another source. */
    GemmPlan from(String newSource) {
        return new GemmPlan(small, shallow, medium, large, newSource);
    }

    /** The plan this JVM runs; chosen at its first product, then fixed. Only asked when OpenBLAS loaded. */
    static GemmPlan current() {
        return Holder.PLAN;
    }

    private static final class Holder {
        static final String KEY = key();
        static final GemmPlan PLAN = choose(System.getProperty("jgrad.gemm.kernel", "auto"),
                System.getProperty("jgrad.gemm.calibrate", "true"), KEY, cacheFile(KEY),
                file -> GemmCalibration.startInBackground(file, KEY));
    }

    /**
     * The plan for these property values: forced, or cached at file under key, or provisional (and then,
     * when calibration is on, startCalibration runs with the file to fill).
     */
    static GemmPlan choose(String kernel, String calibrate, String key, Path file,
                           java.util.function.Consumer<Path> startCalibration) {
        switch (kernel.toLowerCase(java.util.Locale.ROOT)) {
            case "java": return new GemmPlan(false, false, false, false, "forced");
            case "blas": return new GemmPlan(true, true, true, true, "forced");
            case "auto": break;
            default: throw new IllegalArgumentException("jgrad.gemm.kernel must be auto, java or blas, got '" + kernel + "'");
        }
        if ("false".equalsIgnoreCase(calibrate) || file == null) return PROVISIONAL;
        GemmPlan cached = read(file, key);
        if (cached != null) return cached;
        startCalibration.accept(file);
        return PROVISIONAL;
    }

    /** What a measurement depends on: the machine, the JDK, the vector width, the threads, the library. */
    static String key() {
        return "format=" + FORMAT + ";cpu=" + CpuInfo.THIS.model() + ";jdk=" + System.getProperty("java.vm.version")
                + ";vm=" + System.getProperty("java.vm.name") + ";floatLanes=" + SgemmKernel.VL
                + ";threads=" + Parallel.numThreads() + ";blas=" + System.getProperty("jgrad.blas.path", "libopenblas.so.0");
    }

    /** The cache file for a key in the cache directory; null when no directory can be named. */
    static Path cacheFile(String key) {
        return PlanFiles.file("gemm-plan", key);
    }

    /** The plan stored at file for key; null when the file is missing, unreadable, corrupt or for another key. */
    static GemmPlan read(Path file, String key) {
        try {
            Properties p = PlanFiles.read(file, key);
            return p == null ? null : new GemmPlan(flag(p, "small"), flag(p, "shallow"), flag(p, "medium"), flag(p, "large"), "cached");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean flag(Properties p, String name) {
        String v = p.getProperty(name);
        if ("blas".equals(v)) return true;
        if ("java".equals(v)) return false;
        throw new IllegalArgumentException("bad " + name + ": " + v);
    }

    /**
     * Writes this plan for key at file, atomically: a temporary file in the same directory, renamed over the
     * old one, so a reader sees the old file or the new one and never half of one. The note says what was
     * measured. Returns false (and leaves no temporary file) when the directory is not writable.
     */
    @Override public boolean write(Path file, String key, String note) {
        Properties p = new Properties();
        p.setProperty("small", small ? "blas" : "java");
        p.setProperty("shallow", shallow ? "blas" : "java");
        p.setProperty("medium", medium ? "blas" : "java");
        p.setProperty("large", large ? "blas" : "java");
        return PlanFiles.write(file, key, p, "jgrad GEMM plan: which products go to OpenBLAS on this machine. " + note);
    }
}
