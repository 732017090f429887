package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The base of the learning-rate schedulers ({@code torch.optim.lr_scheduler._LRScheduler}): records
 * each group's initial lr, then every {@link #step()} advances the epoch and writes {@link #getLr()}
 * into the groups. Construction performs the first step, as in PyTorch.
 */
public abstract class LRScheduler {
    protected final Optimizer optimizer;
    protected final List<Double> baseLrs = new ArrayList<>();
    protected int lastEpoch;
    /** Steps taken, construction's included (PyTorch's {@code _step_count}). */
    protected int stepCount;
    private List<Double> lastLr = List.of();

    protected LRScheduler(Optimizer optimizer, int lastEpoch) {
        this.optimizer = optimizer;
        List<Optimizer.ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            var opts = groups.get(i).options();
            if (lastEpoch == -1) {
                opts.putIfAbsent("initial_lr", opts.get("lr"));
            } else if (!opts.containsKey("initial_lr")) {
                throw new IllegalArgumentException("param 'initial_lr' is not specified in param_groups[" + i
                        + "] when resuming an optimizer");
            }
            baseLrs.add(((Number) opts.get("initial_lr")).doubleValue());
        }
        this.lastEpoch = lastEpoch;
    }

    /** Subclasses call this at the end of their constructor (PyTorch's constructor-time step). */
    protected final void initialStep() { step(); }

    /** The lrs for the current epoch, from the groups' current lrs (recursive form). */
    protected abstract List<Double> getLr();

    public void step() {
        stepCount++;
        lastEpoch++;
        List<Double> values = getLr();
        List<Optimizer.ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) groups.get(i).setLr(values.get(i));
        List<Double> now = new ArrayList<>();
        for (Optimizer.ParamGroup g : groups) now.add(g.lr());
        lastLr = now;
    }

    /** The lrs the last step set ({@code get_last_lr()}). */
    public List<Double> getLastLr() { return lastLr; }

    public int lastEpoch() { return lastEpoch; }

    protected List<Double> currentLrs() {
        List<Double> r = new ArrayList<>();
        for (Optimizer.ParamGroup g : optimizer.paramGroups()) r.add(g.lr());
        return r;
    }
}
