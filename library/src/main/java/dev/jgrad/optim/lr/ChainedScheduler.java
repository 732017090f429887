package dev.jgrad.optim.lr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Steps several schedulers of one optimizer together, each applying its change to the lr the previous one left.
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.ChainedScheduler}.
 */
public class ChainedScheduler extends LRScheduler {
    private final List<LRScheduler> schedulers;

    /**
     * {@code torch.optim.lr_scheduler.ChainedScheduler(schedulers)}: each step steps every scheduler in order, so
     * their factors compound. Unlike the others, it makes no step when built.
     *
     * @param schedulers the schedulers to chain, all of the same optimizer, at least one
     * @throws IllegalArgumentException if two belong to different optimizers ("ChainedScheduler expects all
     *     schedulers to belong to the same optimizer, but got schedulers at index 0 and 1 to be different")
     * @throws IndexOutOfBoundsException if schedulers is empty
     */
    public ChainedScheduler(List<? extends LRScheduler> schedulers) {
        super(schedulers.get(0).optimizer);
        for (int i = 1; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizer != schedulers.get(0).optimizer) {
                throw new IllegalArgumentException("ChainedScheduler expects all schedulers to belong to the same optimizer, but got "
                        + "schedulers at index 0 and " + i + " to be different");
            }
        }
        this.schedulers = List.copyOf(schedulers);
        setLastLr(currentLrs());
    }

    /** Never called: the wrapped schedulers compute the lrs. */
    @Override protected List<Double> getLr() { return currentLrs(); }

    @Override public void step() {
        for (LRScheduler s : schedulers) s.step();
        setLastLr(currentLrs());
    }

    /** {@code {"_last_lr", "_schedulers": [each scheduler's state dict]}}, as PyTorch 1.13. */
    @Override public Map<String, Object> stateDict() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("_last_lr", new ArrayList<>(getLastLr()));
        d.put("_schedulers", SequentialLR.childStates(schedulers));
        return d;
    }

    /** Restores the last lrs, then each wrapped scheduler's state from {@code _schedulers}. */
    @Override public void loadStateDict(Map<String, ?> stateDict) {
        if (stateDict.get("_last_lr") instanceof List<?> l) setLastLr(doubles(l));
        SequentialLR.loadChildren(schedulers, stateDict);
    }

    /**
     * Not available: PyTorch's ChainedScheduler.step takes no epoch.
     *
     * @param epoch ignored
     * @throws UnsupportedOperationException always ("ChainedScheduler.step() takes no epoch")
     */
    @Override public void step(int epoch) { throw new UnsupportedOperationException("ChainedScheduler.step() takes no epoch"); }

    /**
     * {@code scheduler._schedulers}.
     *
     * @return the chained schedulers, in order, unmodifiable
     */
    public List<LRScheduler> schedulers() { return schedulers; }
}
