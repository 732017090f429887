package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-machine OpenBLAS/Java plan: size classes, the cache file, and the properties that override it. */
class GemmPlanTest {
    private static final String KEY = "format=1;cpu=Test CPU;jdk=25;threads=2";

    @TempDir
    Path dir;

    @Test
    void sizeClasses() {
        GemmPlan onlySmall = new GemmPlan(true, false, false, false, "t");
        assertTrue(onlySmall.useBlas(64, 64, 64));    // 2^18: small
        assertFalse(onlySmall.useBlas(64, 64, 65));
        GemmPlan onlyShallow = new GemmPlan(false, true, false, false, "t");
        assertTrue(onlyShallow.useBlas(1000, 1000, GemmPlan.SHALLOW_DEPTH - 1));
        assertFalse(onlyShallow.useBlas(1000, 1000, GemmPlan.SHALLOW_DEPTH));
        assertFalse(onlyShallow.useBlas(8, 8, 4));    // small beats shallow
        GemmPlan onlyMedium = new GemmPlan(false, false, true, false, "t");
        assertTrue(onlyMedium.useBlas(512, 512, 512));  // 2^27: still medium
        assertFalse(onlyMedium.useBlas(512, 512, 513));
        GemmPlan onlyLarge = new GemmPlan(false, false, false, true, "t");
        assertTrue(onlyLarge.useBlas(2048, 2048, 2048));
        assertFalse(onlyLarge.useBlas(512, 512, 512));
    }

    @Test
    void cacheRoundTrip() {
        Path file = dir.resolve("sub").resolve("plan.properties");
        for (int bits = 0; bits < 16; bits++) {
            GemmPlan plan = new GemmPlan((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, "measured");
            assertTrue(plan.write(file, KEY, "test"));
            assertEquals(plan.from("cached"), GemmPlan.read(file, KEY));
        }
        // the key must match exactly: another CPU, JDK or thread count measures again
        assertNull(GemmPlan.read(file, KEY + "x"));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "a temporary file was left behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void corruptCacheIsIgnored() throws IOException {
        Path file = dir.resolve("plan.properties");
        assertNull(GemmPlan.read(file, KEY));  // missing
        String good = "key=" + KEY.replace("=", "\\=").replace(":", "\\:") + "\nsmall=blas\nshallow=java\nmedium=blas\nlarge=java\n";
        Files.writeString(file, good);
        assertEquals(new GemmPlan(true, false, true, false, "cached"), GemmPlan.read(file, KEY));
        for (String bad : new String[] {
            "", "\u0000\u0001garbage\uFFFF", good.replace("medium=blas", "medium=maybe"), good.replace("large=java\n", ""),
            good.substring(0, good.length() / 2), "key=" + KEY + "\n".repeat(5000)}) {
            Files.writeString(file, bad);
            assertNull(GemmPlan.read(file, KEY), "accepted: " + bad.substring(0, Math.min(40, bad.length())));
        }
        Files.delete(file);
        Files.createDirectory(file);  // a directory where the file should be
        assertNull(GemmPlan.read(file, KEY));
    }

    @Test
    void unwritableCacheDirectoryIsNoError() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        assertFalse(GemmPlan.PROVISIONAL.write(blocker.resolve("plan.properties"), KEY, "test"));
    }

    @Test
    void propertiesOverrideAndCalibrationStartsOnlyWithoutCache() {
        Path file = dir.resolve("plan.properties");
        List<Path> started = new ArrayList<>();
        assertEquals(new GemmPlan(false, false, false, false, "forced"), GemmPlan.choose("java", "true", KEY, file, started::add));
        assertEquals(new GemmPlan(true, true, true, true, "forced"), GemmPlan.choose("BLAS", "true", KEY, file, started::add));
        assertTrue(started.isEmpty());
        assertSame(GemmPlan.PROVISIONAL, GemmPlan.choose("auto", "false", KEY, file, started::add));
        assertTrue(started.isEmpty(), "calibrate=false must not measure");
        assertSame(GemmPlan.PROVISIONAL, GemmPlan.choose("auto", "true", KEY, null, started::add));
        assertSame(GemmPlan.PROVISIONAL, GemmPlan.choose("auto", "true", KEY, file, started::add));
        assertEquals(List.of(file), started, "no cache: measure in the background, run the provisional plan");
        GemmPlan measured = new GemmPlan(false, true, false, true, "measured");
        assertTrue(measured.write(file, KEY, "test"));
        assertEquals(measured.from("cached"), GemmPlan.choose("auto", "true", KEY, file, started::add));
        assertSame(GemmPlan.PROVISIONAL, GemmPlan.choose("auto", "false", KEY, file, started::add), "calibrate=false ignores the cache");
        assertEquals(1, started.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GemmPlan.choose("mkl", "true", KEY, file, started::add));
        assertEquals("jgrad.gemm.kernel must be auto, java or blas, got 'mkl'", e.getMessage());
    }

    @Test
    void aJvmKeepsItsPlan() {
        // asked again and again (and across a thread-count change) the plan is the same object
        org.junit.jupiter.api.Assumptions.assumeTrue(OpenBlas.AVAILABLE, "OpenBLAS not available");
        GemmPlan first = GemmPlan.current();
        int before = Parallel.numThreads();
        try {
            Parallel.setNumThreads(before == 1 ? 2 : 1);
            assertSame(first, GemmPlan.current());
        } finally {
            Parallel.setNumThreads(before);
        }
    }

    @Test
    void calibrationMeasuresEveryClass() {
        org.junit.jupiter.api.Assumptions.assumeTrue(OpenBlas.AVAILABLE, "OpenBLAS not available");
        long t = System.nanoTime();
        GemmCalibration.Result r = GemmCalibration.measure(GemmCalibration.WARM_BUDGET_NS, GemmCalibration.MEASURE_BUDGET_NS);
        long ms = (System.nanoTime() - t) / 1_000_000;
        org.junit.jupiter.api.Assumptions.assumeTrue(r != null, "the machine was too busy to measure (" + ms + " ms)");
        assertEquals("measured", r.plan().source());
        for (String c : new String[] {"small 64x64x64", "shallow 256x256x16", "medium 384x384x384", "large 640x640x640"}) {
            assertTrue(r.note().contains(c), r.note());
        }
        // the note ends "measured in X ms, N rounds.": at least one round in each half, however busy the machine
        String tail = r.note().substring(r.note().lastIndexOf("ms, ") + 4);
        int rounds = Integer.parseInt(tail.substring(0, tail.indexOf(' ')));
        assertTrue(rounds >= 2 && rounds <= GemmCalibration.MAX_ROUNDS, r.note());
    }

    @Test
    void calibrationStopsAtItsBudget() {
        long budget = 60_000_000L, ms = 1_000_000L;
        int min = GemmCalibration.MIN_ROUNDS;
        assertEquals(GemmCalibration.MEASURE, GemmCalibration.afterRounds(0, 0, budget));
        assertEquals(GemmCalibration.MEASURE, GemmCalibration.afterRounds(min, budget - ms, budget), "budget left");
        assertEquals(GemmCalibration.DECIDE, GemmCalibration.afterRounds(min, budget, budget));
        assertEquals(GemmCalibration.MEASURE, GemmCalibration.afterRounds(min - 1, 3 * budget, budget), "too few rounds");
        assertEquals(GemmCalibration.DECIDE, GemmCalibration.afterRounds(GemmCalibration.MAX_ROUNDS, ms, budget));
        // a very busy machine: five budgets gone
        assertEquals(GemmCalibration.DECIDE, GemmCalibration.afterRounds(2, 5 * budget + ms, budget));
        assertEquals(GemmCalibration.GIVE_UP, GemmCalibration.afterRounds(1, 5 * budget + ms, budget));
    }

    @Test
    void calibrationDecidesOnClearWinnersEvenInNoisyRoundsAndKeepsTheFallbackOnTies() {
        // classes: small, shallow, medium, large; Java times first, OpenBLAS second, per round
        long[][] java = {
            {100, 495, 1000, 900},
            {300, 900, 2500, 1000},   // a busy round: slow on both sides, never the best
            {100, 505, 1000, 905},
            {100, 500, 990, 910},
        };
        long[][] blas = {
            {150, 480, 1010, 800},
            {400, 1200, 3000, 1500},
            {150, 900, 1005, 820},
            {150, 490, 1000, 810},
        };
        GemmPlan fallback = new GemmPlan(true, false, false, false, "provisional");
        boolean[] got = GemmCalibration.decide(java, blas, fallback);
        // small: Java 1.5x faster in both halves -> java (against the fallback's blas)
        assertFalse(got[0]);
        // shallow: 495 vs 480 and 500 vs 490, within the 4% margin: level -> fallback (java)
        assertFalse(got[1]);
        // medium: level -> fallback (java)
        assertFalse(got[2]);
        // large: OpenBLAS about 12% faster in both halves -> blas
        assertTrue(got[3]);
        // the halves disagree (even rounds: Java faster; odd: OpenBLAS faster): the fallback's side
        long[][] java2 = {{100, 100, 100, 100}, {200, 200, 200, 200}};
        long[][] blas2 = {{200, 200, 200, 200}, {100, 100, 100, 100}};
        boolean[] split = GemmCalibration.decide(java2, blas2, new GemmPlan(true, false, true, false, "p"));
        assertTrue(split[0]);
        assertFalse(split[1]);
        assertTrue(split[2]);
        assertFalse(split[3]);
    }
}
