package dev.jgrad.spark;

import java.io.Serializable;

/**
 * What one worker sends back after a round of steps: rank 0 the state bytes (every rank holds the same), every
 * rank its losses and per-step times in nanoseconds.
 */
record RoundOutput(int rank, byte[] state, double[] losses, long[] computeNanos, long[] exchangeNanos, long[] updateNanos)
        implements Serializable {}
