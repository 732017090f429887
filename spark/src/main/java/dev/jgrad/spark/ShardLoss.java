package dev.jgrad.spark;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Module;
import java.io.Serializable;
import java.util.List;

/**
 * The loss of one worker's shard of a global batch, as the single-process training loop computes it for a
 * batch: usually the mean over the shard ({@code F.crossEntropy(model.forward(x), y)}). As in PyTorch's
 * DistributedDataParallel, each worker's gradients are divided by the number of workers before they are
 * summed, so equal shards give the gradient of the mean loss over the global batch.
 *
 * @param <T> the type of one example
 */
@FunctionalInterface
public interface ShardLoss<T> extends Serializable {
    /** The 0-dim loss of {@code model} on {@code shard}, the examples in their global-batch order. */
    Tensor compute(Module model, List<T> shard);
}
