package dev.jgrad.backend.cpu;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The per-machine plan files ({@link GemmPlan}, {@link ConvPlan}): where they live, and reading and writing one
 * safely. {@code -Djgrad.gemm.cacheDir=DIR} moves them (default: {@code $XDG_CACHE_HOME/jgrad} or
 * {@code ~/.cache/jgrad}).
 */
final class PlanFiles {
    private PlanFiles() {}

    /** The file for a plan kind ("gemm-plan", "conv-plan") and key; null when no cache directory can be named. */
    static Path file(String kind, String key) {
        Path dir = cacheDir();
        return dir == null ? null : dir.resolve(kind + "-" + Integer.toHexString(key.hashCode()) + ".properties");
    }

    private static Path cacheDir() {
        try {
            String explicit = System.getProperty("jgrad.gemm.cacheDir");
            if (explicit != null) return Path.of(explicit);
            String xdg = System.getenv("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isEmpty()) return Path.of(xdg, "jgrad");
            String home = System.getProperty("user.home");
            return home == null || home.isEmpty() ? null : Path.of(home, ".cache", "jgrad");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The properties stored at file for key; null when the file is missing, unreadable, too big or for another key. */
    static Properties read(Path file, String key) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 4096) return null;
            Properties p = new Properties();
            try (Reader r = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
                p.load(r);
            }
            return key.equals(p.getProperty("key")) ? p : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Writes p with its key at file, atomically: a temporary file in the same directory, renamed over the old one,
     * so a reader sees the old file or the new one and never half of one. Returns false (and leaves no temporary
     * file) when the directory is not writable.
     */
    static boolean write(Path file, String key, Properties p, String comment) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            Properties all = new Properties();
            all.putAll(p);
            all.setProperty("key", key);
            StringWriter text = new StringWriter();
            all.store(text, comment);
            tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
            return false;
        }
    }

    /**
     * Runs measure once per JVM (started guards it) in a low-priority daemon thread named name: a plan's
     * calibration, which a JVM that exits first just leaves to the next.
     */
    static void inBackground(java.util.concurrent.atomic.AtomicBoolean started, String name, Runnable measure) {
        if (!started.compareAndSet(false, true)) return;
        Thread t = new Thread(measure, name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** A per-machine plan that can be written to its cache file. */
    interface Plan {
        /** Writes the plan for key at file, atomically; false when it could not be written. */
        boolean write(Path file, String key, String note);
    }

    /** What a calibration found: a plan and a line saying what was measured. */
    interface Measured {
        /** The plan measured. */
        Plan plan();

        /** The measured times, for the cache file's comment and for people. */
        String note();
    }

    /** A calibration's main: prints what it measured (null: the machine was too busy) and writes it at file. */
    static void report(Measured r, Path file, String key) {
        if (r == null) {
            System.out.println("the machine was too busy to finish measuring; nothing written");
        } else {
            boolean written = file != null && r.plan().write(file, key, r.note());
            System.out.println(r.plan() + "\n" + r.note() + "\n" + (written ? "written to " + file : "not written (no cache directory)"));
        }
    }
}
