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
    /** The optimizer whose groups' lrs this scheduler sets. */
    protected final Optimizer optimizer;
    /** Each group's initial_lr, the start of every closed form ({@code base_lrs}). */
    protected final List<Double> baseLrs = new ArrayList<>();
    /** The current step count ({@code last_epoch}), -1 before construction's first step. */
    protected int lastEpoch;
    /** Steps taken, construction's included (PyTorch's {@code _step_count}). */
    protected int stepCount;
    private List<Double> lastLr = List.of();

    /**
     * Attaches to the optimizer: with lastEpoch -1 each group's lr becomes its initial_lr; another lastEpoch resumes
     * and needs initial_lr in every group (PyTorch's "param 'initial_lr' is not specified" otherwise,
     * IllegalArgumentException).
     */
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

    /** For schedulers that wrap others (SequentialLR, ChainedScheduler): attaches the optimizer, leaves its groups alone. */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        this.lastEpoch = -1;
    }

    /** Subclasses call this at the end of their constructor (PyTorch's constructor-time step); SequentialLR calls it again. */
    protected final void initialStep() {
        stepCount = 0;
        step();
    }

    /** The lrs for the current epoch, from the groups' current lrs (recursive form). */
    protected abstract List<Double> getLr();

    /**
     * The lrs for the current epoch from the base lrs alone (PyTorch's {@code _get_closed_form_lr}), used when
     * stepping to a given epoch; schedulers without a closed form fall back to {@link #getLr()}.
     */
    protected List<Double> closedFormLr() { return getLr(); }

    /**
     * {@code scheduler.step()}: advances one step (call it after {@code optimizer.step()}) and writes the new lrs
     * into the groups.
     */
    public void step() {
        stepCount++;
        lastEpoch++;
        apply(getLr());
    }

    /**
     * Jumps to the given epoch (PyTorch's deprecated {@code step(epoch)}, which SequentialLR uses at its
     * milestones): the lrs come from the closed form where the scheduler has one.
     */
    public void step(int epoch) {
        stepCount++;
        lastEpoch = epoch;
        apply(closedFormLr());
    }

    /** Writes the lrs into the groups and records them as the last lrs. */
    protected final void apply(List<Double> values) {
        List<Optimizer.ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) groups.get(i).setLr(values.get(i));
        lastLr = currentLrs();
    }

    /** Records lrs as the last lrs without writing them (for schedulers that step others). */
    protected final void setLastLr(List<Double> lrs) { lastLr = List.copyOf(lrs); }

    /** The lrs the last step set ({@code get_last_lr()}). */
    public List<Double> getLastLr() { return lastLr; }

    /** {@code scheduler.last_epoch}: the number of steps taken, construction's first step counting as 0. */
    public int lastEpoch() { return lastEpoch; }

    /** Every group's lr as it is now, in group order. */
    protected List<Double> currentLrs() {
        List<Double> r = new ArrayList<>();
        for (Optimizer.ParamGroup g : optimizer.paramGroups()) r.add(g.lr());
        return r;
    }
}
