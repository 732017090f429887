package dev.jgrad.random;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * {@link Mt19937#nextInts} against {@link Mt19937#nextInt32} called one at a time (whose stream GeneratorTest holds
 * to PyTorch's): the same words, and the same state after, for bulk sizes that start and end on either side of a
 * regeneration; and {@link CpuRng#bernoulli}'s integer comparison against the draw-by-draw {@code uniformDouble < p}.
 */
class Mt19937BulkTest {
    @Test
    void bulkDrawsAreTheSingleDrawsInOrder() {
        int[] before = {0, 1, 5, 622, 623, 624, 625, 1300};
        int[] sizes = {0, 1, 2, 623, 624, 625, 1248, 5000};
        for (int skip : before) {
            for (int n : sizes) {
                Mt19937 one = new Mt19937(12345), bulk = new Mt19937(12345);
                for (int i = 0; i < skip; i++) {
                    one.nextInt32();
                    bulk.nextInt32();
                }
                int[] got = new int[n + 3];
                bulk.nextInts(got, 3, n);
                for (int i = 0; i < n; i++) assertEquals(one.nextInt32(), got[3 + i], "skip " + skip + ", n " + n + ", word " + i);
                assertEquals(one.left(), bulk.left(), "left after skip " + skip + ", n " + n);
                assertEquals(one.next(), bulk.next(), "next after skip " + skip + ", n " + n);
                assertArrayEquals(one.stateWords(), bulk.stateWords());
                assertEquals(one.nextInt32(), bulk.nextInt32(), "the draw after");
            }
        }
    }

    @Test
    void theFirstMt19937WordsForSeed5489AreTheReferenceOnes() {
        // the reference implementation's published outputs for its default seed 5489
        Mt19937 g = new Mt19937(5489);
        int[] w = new int[2];
        g.nextInts(w, 0, 2);
        assertEquals(3499211612L, Integer.toUnsignedLong(w[0]));
        assertEquals(581869302L, Integer.toUnsignedLong(w[1]));
    }

    @Test
    void theTenThousandthWordForSeed5489IsTheStandardsCheckValue() {
        // C++'s [rand.predef]: the 10000th consecutive invocation of a default-constructed mt19937 gives 4123659995
        Mt19937 single = new Mt19937(5489), bulk = new Mt19937(5489);
        int last = 0;
        for (int i = 0; i < 10000; i++) last = single.nextInt32();
        int[] w = new int[10000];
        bulk.nextInts(w, 0, w.length);
        assertEquals(4123659995L, Integer.toUnsignedLong(last));
        assertEquals(4123659995L, Integer.toUnsignedLong(w[9999]));
    }

    @Test
    void manyGenerationsMatchTheTextbookLoopWordForWord() {
        for (long seed : new long[] {0, 1, 12345, 0xdeadbeefL, -1L}) {
            // the reference: Matsumoto and Nishimura's genrand_int32, written out plainly
            int[] mt = new int[624];
            mt[0] = (int) seed;
            for (int j = 1; j < 624; j++) mt[j] = 1812433253 * (mt[j - 1] ^ (mt[j - 1] >>> 30)) + j;
            Mt19937 g = new Mt19937(seed);
            int[] bulk = new int[3 * 624 + 17];
            g.nextInts(bulk, 0, bulk.length);
            int mti = 624;
            for (int i = 0; i < bulk.length; i++) {
                if (mti == 624) {
                    for (int k = 0; k < 624; k++) {
                        int y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
                        mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
                    }
                    mti = 0;
                }
                int y = mt[mti++];
                y ^= y >>> 11;
                y ^= (y << 7) & 0x9d2c5680;
                y ^= (y << 15) & 0xefc60000;
                y ^= y >>> 18;
                assertEquals(y, bulk[i], "seed " + seed + ", word " + i);
            }
            assertArrayEquals(mt, g.stateWords(), "seed " + seed + ": the state after");
        }
    }

    @Test
    void bulkBernoulliIsUniformDoubleBelowPElementByElement() {
        // p on and next to the draws' 2^-53 grid, where the integer comparison's ceiling matters
        double[] ps = {0, 1, 0.5, 0.75, 0.3, 1e-300, 0x1p-53, 3 * 0x1p-53, Math.nextUp(0.5), Math.nextDown(0.5), Math.nextDown(1.0)};
        for (double p : ps) {
            CpuRng one = new CpuRng(99), bulk = new CpuRng(99);
            float[] f = new float[3000];
            bulk.bernoulli(f, 0, f.length, p);
            double[] d = new double[1500];
            bulk.bernoulli(d, 0, d.length, p);
            for (int i = 0; i < f.length; i++) assertEquals(one.uniformDouble(0.0, 1.0) < p ? 1f : 0f, f[i], "p " + p + ", float element " + i);
            for (int i = 0; i < d.length; i++) assertEquals(one.uniformDouble(0.0, 1.0) < p ? 1.0 : 0.0, d[i], "p " + p + ", double element " + i);
            assertEquals(one.random32(), bulk.random32(), "the stream after, p " + p);
        }
        // with p exactly a draw's value, that draw is not below it: force a hit by taking p from the stream itself
        CpuRng probe = new CpuRng(7), bulk = new CpuRng(7);
        double u = probe.uniformDouble(0.0, 1.0);
        float[] f = new float[1];
        bulk.bernoulli(f, 0, 1, u);
        assertEquals(0f, f[0]);
        bulk = new CpuRng(7);
        bulk.bernoulli(f, 0, 1, Math.nextUp(u));
        assertEquals(1f, f[0]);
    }
}
