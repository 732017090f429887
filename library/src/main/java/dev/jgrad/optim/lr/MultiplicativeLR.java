package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** Multiplies each group's current lr by lrLambda(epoch) every epoch after the first (one lambda, or one per group). */
public class MultiplicativeLR extends LRScheduler {
    private final List<IntToDoubleFunction> lrLambdas;

    /** {@code MultiplicativeLR(optimizer, lr_lambda)}: each step multiplies each lr by lrLambda(step). */
    public MultiplicativeLR(Optimizer optimizer, IntToDoubleFunction lrLambda) { this(optimizer, lrLambda, -1); }

    /** {@code MultiplicativeLR(optimizer, lr_lambda, last_epoch)}. */
    public MultiplicativeLR(Optimizer optimizer, IntToDoubleFunction lrLambda, int lastEpoch) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda), lastEpoch);
    }

    /** One lambda per parameter group, in order. */
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
