package dev.jgrad.random;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Mt19937}'s regeneration and tempering on int lanes, word for word the scalar arithmetic: every lane's word
 * depends only on words the scalar loop would already have read or written at that point, so the state and the
 * stream are the same bits. In the regeneration, word k reads words k and k + 1 (not yet rewritten) and word
 * k + 397 or k - 227 (not yet, or already, rewritten, as in the scalar order), so a vector of consecutive words
 * needs no word it writes itself. Dropout's masks draw two words per element, and the scalar loops took about 1.4
 * ns a word. Only reached behind {@link dev.jgrad.backend.cpu.KernelConfig#VECTOR}.
 */
final class Mt19937Lanes {
    private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    private static final int N = Mt19937.STATE_WORDS, M = 397;

    private Mt19937Lanes() {}

    /** The 624 words' next generation, in place; the caller resets its counters. */
    static void regenerate(int[] state) {
        int kk = 0;
        for (; kk + VL <= N - M; kk += VL) twist(state, kk, kk + M);
        for (; kk < N - M; kk++) state[kk] = state[kk + M] ^ Mt19937.twist(state[kk], state[kk + 1]);
        for (; kk + VL <= N - 1; kk += VL) twist(state, kk, kk + M - N);
        for (; kk < N - 1; kk++) state[kk] = state[kk + M - N] ^ Mt19937.twist(state[kk], state[kk + 1]);
        state[N - 1] = state[M - 1] ^ Mt19937.twist(state[N - 1], state[0]);
    }

    /** Words kk .. kk + VL - 1: state[k] = state[k + far - kk] ^ twist(state[k], state[k + 1]). */
    private static void twist(int[] state, int kk, int far) {
        IntVector u = IntVector.fromArray(S, state, kk), v = IntVector.fromArray(S, state, kk + 1);
        IntVector mixed = u.and(0x80000000).or(v.and(0x7fffffff));
        IntVector odd = v.and(1).neg().and(Mt19937.MATRIX_A);
        IntVector.fromArray(S, state, far).lanewise(VectorOperators.XOR, mixed.lanewise(VectorOperators.LSHR, 1))
                .lanewise(VectorOperators.XOR, odd).intoArray(state, kk);
    }

    /** dst[off + t] = temper(state[from + t]) for t below n; returns how many it wrote (whole vectors only). */
    static int temper(int[] state, int from, int[] dst, int off, int n) {
        int t = 0;
        for (; t + VL <= n; t += VL) {
            IntVector y = IntVector.fromArray(S, state, from + t);
            y = y.lanewise(VectorOperators.XOR, y.lanewise(VectorOperators.LSHR, 11));
            y = y.lanewise(VectorOperators.XOR, y.lanewise(VectorOperators.LSHL, 7).and(0x9d2c5680));
            y = y.lanewise(VectorOperators.XOR, y.lanewise(VectorOperators.LSHL, 15).and(0xefc60000));
            y.lanewise(VectorOperators.XOR, y.lanewise(VectorOperators.LSHR, 18)).intoArray(dst, off + t);
        }
        return t;
    }
}
