package dev.jgrad.spark;

import java.io.Serializable;
import java.time.Duration;

/** Everything a worker needs for one round of steps besides its examples and the state: shipped with the task. */
record RoundSpec<T>(ModelFactory model, OptimizerFactory optimizer, ShardLoss<T> loss, long firstStep, long endStep,
                    long seed, Exchange exchange, Duration timeout) implements Serializable {}
