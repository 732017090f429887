package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Each group's lr is its initial lr times lrLambda(epoch).
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.LambdaLR}.
 */
public class LambdaLR extends LRScheduler {
    private final IntToDoubleFunction lrLambda;

    /**
     * {@code torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)}: each lr is its base lr times lrLambda(step).
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param lrLambda the factor for a step count ({@code last_epoch}), the same for every group
     */
    public LambdaLR(Optimizer optimizer, IntToDoubleFunction lrLambda) { this(optimizer, lrLambda, -1); }

    /**
     * {@code torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda, last_epoch)}.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param lrLambda the factor for a step count ({@code last_epoch}), the same for every group
     * @param lastEpoch the index of the last epoch: -1 starts afresh, another value resumes from the groups'
     *     {@code initial_lr}
     * @throws IllegalArgumentException if lastEpoch is not -1 and a group has no initial_lr ("param 'initial_lr' is
     *     not specified in param_groups[0] when resuming an optimizer")
     */
    public LambdaLR(Optimizer optimizer, IntToDoubleFunction lrLambda, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.lrLambda = lrLambda;
        initialStep();
    }

    /**
     * Adds {@code lr_lambdas} last, as PyTorch does: one entry per group, null for each (PyTorch saves a callable
     * object's fields and None for a function; a Java lambda has no fields to save). Loading ignores them.
     */
    @Override public Map<String, Object> stateDict() {
        Map<String, Object> d = super.stateDict();
        d.put("lr_lambdas", new java.util.ArrayList<>(java.util.Collections.nCopies(baseLrs.size(), null)));
        return d;
    }

    @Override protected List<Double> getLr() {
        List<Double> r = new ArrayList<>();
        for (double base : baseLrs) r.add(base * lrLambda.applyAsDouble(lastEpoch));
        return r;
    }
}
