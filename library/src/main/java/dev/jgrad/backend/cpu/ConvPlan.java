package dev.jgrad.backend.cpu;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Which products of a float32 3x3 convolution run by Winograd ({@link ConvWinograd}) rather than im2col on this
 * machine, for the layers {@link ConvChoice} considers at all.
 *
 * <p>Winograd rounds differently from im2col, so, as with {@link GemmPlan}, the choice is made once per machine and
 * kept: a JVM takes its plan at its first such convolution and never changes it. The plan comes from a cache file
 * that {@link ConvCalibration} wrote after measuring both on this machine (keyed like the GEMM plan: CPU model, JDK,
 * vector width, thread count). Without that file the JVM runs im2col for everything ({@link #PROVISIONAL}) and
 * measures in a background thread, so the next JVM gets the measured plan. A first-use measurement would time
 * interpreted code (1.1 s to decide, and it picked im2col, where the compiled Winograd forward is 1.3-1.7x faster).
 *
 * <p>Properties: {@code -Djgrad.conv.winograd=auto} (the default: the cached plan, else provisional),
 * {@code =always} or {@code =never} force every product one way; {@code -Djgrad.conv.calibrate=false} neither reads
 * nor writes the cache and runs the provisional plan. The cache lives where the GEMM plan's does.
 *
 * @param forward whether the forward runs by Winograd
 * @param inputGrad whether the input gradient does
 * @param weightGrad whether the weight gradient does
 * @param source where the plan came from: "measured", "cached", "provisional" or "forced"
 */
record ConvPlan(boolean forward, boolean inputGrad, boolean weightGrad, String source) implements PlanFiles.Plan {
    /** Before a machine is measured: im2col everywhere, what jgrad computed before Winograd existed. */
    static final ConvPlan PROVISIONAL = new ConvPlan(false, false, false, "provisional");

    /** Bumped when the kernels, or the way they are measured, change enough that old plans no longer apply. */
    private static final int FORMAT = 1;

    /** Whether product p runs by Winograd under this plan. */
    boolean uses(ConvChoice.Product p) {
        return switch (p) {
            case FORWARD -> forward;
            case INPUT_GRAD -> inputGrad;
            case WEIGHT_GRAD -> weightGrad;
        };
    }

    /** The plan this JVM runs; chosen at its first convolution that could use it, then fixed. */
    static ConvPlan current() {
        return Holder.PLAN;
    }

    private static final class Holder {
        static final String KEY = key();
        static final ConvPlan PLAN = choose(System.getProperty("jgrad.conv.winograd", "auto"),
                System.getProperty("jgrad.conv.calibrate", "true"), KEY, PlanFiles.file("conv-plan", KEY),
                file -> ConvCalibration.startInBackground(file, KEY));
    }

    /**
     * The plan for these property values: forced, or cached at file under key, or provisional (and then, when
     * calibration is on, startCalibration runs with the file to fill).
     */
    static ConvPlan choose(String winograd, String calibrate, String key, Path file, java.util.function.Consumer<Path> startCalibration) {
        switch (winograd.toLowerCase(java.util.Locale.ROOT)) {
            case "always": return new ConvPlan(true, true, true, "forced");
            case "never": return new ConvPlan(false, false, false, "forced");
            case "auto": break;
            default: throw new IllegalArgumentException("jgrad.conv.winograd must be auto, always or never, got '" + winograd + "'");
        }
        if ("false".equalsIgnoreCase(calibrate) || file == null) return PROVISIONAL;
        ConvPlan cached = read(file, key);
        if (cached != null) return cached;
        startCalibration.accept(file);
        return PROVISIONAL;
    }

    /** What a measurement depends on: the GEMM plan's key (machine, JDK, vector width, threads) and this format. */
    static String key() {
        return "conv-format=" + FORMAT + ";" + GemmPlan.key();
    }

    /** The plan stored at file for key; null when the file is missing, unreadable, corrupt or for another key. */
    static ConvPlan read(Path file, String key) {
        try {
            Properties p = PlanFiles.read(file, key);
            return p == null ? null : new ConvPlan(flag(p, "forward"), flag(p, "inputGrad"), flag(p, "weightGrad"), "cached");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean flag(Properties p, String name) {
        String v = p.getProperty(name);
        if ("winograd".equals(v)) return true;
        if ("im2col".equals(v)) return false;
        throw new IllegalArgumentException("bad " + name + ": " + v);
    }

    /** Writes this plan for key at file, atomically ({@link PlanFiles#write}); the note says what was measured. */
    @Override public boolean write(Path file, String key, String note) {
        Properties p = new Properties();
        p.setProperty("forward", forward ? "winograd" : "im2col");
        p.setProperty("inputGrad", inputGrad ? "winograd" : "im2col");
        p.setProperty("weightGrad", weightGrad ? "winograd" : "im2col");
        return PlanFiles.write(file, key, p, "jgrad convolution plan: which 3x3 products run by Winograd on this machine. " + note);
    }
}
