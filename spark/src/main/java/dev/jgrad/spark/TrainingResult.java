package dev.jgrad.spark;

import dev.jgrad.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link SparkDataParallel#fit} returns: the trained state and, for the steps this call ran, the global
 * loss (the mean of the workers' shard losses) and rank 0's per-step times.
 *
 * @param modelState     the trained model's state dict (also loaded into the wrapped model)
 * @param optimizerState the optimizer's state dict, as {@code optimizer.stateDict()} on every worker
 * @param firstStep      the first global step this call ran (above 0 when it resumed from a checkpoint)
 * @param losses         per step run, the mean over workers of their shard losses
 * @param computeMillis  per step, rank 0's forward and backward time (ms)
 * @param exchangeMillis per step, rank 0's time in the gradient exchange (ms), waiting for slower ranks included
 * @param updateMillis   per step, rank 0's optimizer step (ms)
 */
public record TrainingResult(LinkedHashMap<String, Tensor> modelState, Map<String, Object> optimizerState, long firstStep,
                             double[] losses, double[] computeMillis, double[] exchangeMillis, double[] updateMillis) {}
