package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Multiplies each group's current lr by lrLambda(epoch) every epoch after the first (one lambda, or one per group).
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.MultiplicativeLR}.
 */
public class MultiplicativeLR extends LRScheduler {
    private final List<IntToDoubleFunction> lrLambdas;

    /**
     * {@code torch.optim.lr_scheduler.MultiplicativeLR(optimizer, lr_lambda)}: each step after the first multiplies
     * each lr by lrLambda(step).
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param lrLambda the factor for a step count ({@code last_epoch}), the same for every group
     */
    public MultiplicativeLR(Optimizer optimizer, IntToDoubleFunction lrLambda) { this(optimizer, lrLambda, -1); }

    /**
     * {@code torch.optim.lr_scheduler.MultiplicativeLR(optimizer, lr_lambda, last_epoch)}.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param lrLambda the factor for a step count ({@code last_epoch}), the same for every group
     * @param lastEpoch the index of the last epoch: -1 starts afresh, another value resumes from the groups'
     *     {@code initial_lr}
     * @throws IllegalArgumentException if lastEpoch is not -1 and a group has no initial_lr ("param 'initial_lr' is
     *     not specified in param_groups[0] when resuming an optimizer")
     */
    public MultiplicativeLR(Optimizer optimizer, IntToDoubleFunction lrLambda, int lastEpoch) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda), lastEpoch);
    }

    /**
     * {@code torch.optim.lr_scheduler.MultiplicativeLR(optimizer, lr_lambda=[...], last_epoch)}: one lambda per
     * parameter group.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param lrLambdas each group's factor for a step count, in group order
     * @param lastEpoch the index of the last epoch: -1 starts afresh, another value resumes from the groups'
     *     {@code initial_lr}
     * @throws IllegalArgumentException if there are not as many lambdas as groups ("Expected 2 lr_lambdas, but got
     *     1"), or if lastEpoch is not -1 and a group has no initial_lr ("param 'initial_lr' is not specified in
     *     param_groups[0] when resuming an optimizer")
     */
    public MultiplicativeLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas, int lastEpoch) {
        super(checkCount(optimizer, lrLambdas), lastEpoch);
        this.lrLambdas = List.copyOf(lrLambdas);
        initialStep();
    }

    private static Optimizer checkCount(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas) {
        int groups = optimizer.paramGroups().size();
        if (lrLambdas.size() != groups) throw new IllegalArgumentException("Expected " + groups + " lr_lambdas, but got " + lrLambdas.size());
        return optimizer;
    }

    /**
     * Adds {@code lr_lambdas} last, as PyTorch does: one entry per group, null for each (PyTorch saves a callable
     * object's fields and None for a function; a Java lambda has no fields to save). Loading ignores them.
     */
    @Override public Map<String, Object> stateDict() {
        Map<String, Object> d = super.stateDict();
        d.put("lr_lambdas", new ArrayList<>(Collections.nCopies(lrLambdas.size(), null)));
        return d;
    }

    @Override protected List<Double> getLr() {
        List<Double> lrs = currentLrs();
        if (lastEpoch <= 0) return lrs;
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < lrs.size(); i++) r.add(lrs.get(i) * lrLambdas.get(i).applyAsDouble(lastEpoch));
        return r;
    }
}
