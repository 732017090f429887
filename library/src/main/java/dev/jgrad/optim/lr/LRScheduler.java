package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The scheduler's state as PyTorch 1.13's {@code scheduler.state_dict()} writes it (the scheduler's fields
     * without the optimizer): first its own fields under PyTorch's names ({@code step_size}, {@code gamma},
     * {@code T_max}, ...), then {@code base_lrs}, {@code last_epoch}, {@code verbose}, {@code _step_count},
     * {@code _get_lr_called_within_step} and {@code _last_lr}. Numbers are Integer or Double, lists ArrayLists,
     * so {@link dev.jgrad.Torch#save} writes Python ints, floats and lists and PyTorch's
     * {@code scheduler.load_state_dict} takes the result.
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> d = new LinkedHashMap<>();
        putOwnState(d);
        d.put("base_lrs", new ArrayList<>(baseLrs));
        d.put("last_epoch", lastEpoch);
        d.put("verbose", false);
        d.put("_step_count", stepCount);
        d.put("_get_lr_called_within_step", false);
        d.put("_last_lr", new ArrayList<>(lastLr));
        return d;
    }

    /**
     * Restores a state dict from {@link #stateDict()} or PyTorch's {@code scheduler.state_dict()}
     * ({@code load_state_dict}): every field present in the dict is replaced, the others are left as they are.
     * The optimizer's lrs are not touched (they come back with the optimizer's own state dict).
     */
    public void loadStateDict(Map<String, ?> stateDict) {
        if (stateDict.get("base_lrs") instanceof List<?> l) {
            baseLrs.clear();
            baseLrs.addAll(doubles(l));
        }
        if (stateDict.get("last_epoch") instanceof Number n) lastEpoch = n.intValue();
        if (stateDict.get("_step_count") instanceof Number n) stepCount = n.intValue();
        if (stateDict.get("_last_lr") instanceof List<?> l) lastLr = List.copyOf(doubles(l));
        loadOwnState(stateDict);
    }

    /** Adds the subclass's fields under PyTorch's names, before the common ones (PyTorch sets them first). */
    protected void putOwnState(Map<String, Object> stateDict) { }

    /** Reads back what {@link #putOwnState} wrote; keys that are absent leave their field alone. */
    protected void loadOwnState(Map<String, ?> stateDict) { }

    /** A list of Python numbers (loaded Longs or Doubles) as doubles. */
    protected static List<Double> doubles(List<?> values) {
        List<Double> r = new ArrayList<>(values.size());
        for (Object v : values) r.add(((Number) v).doubleValue());
        return r;
    }

    /** The number under key as a double, or the fallback when the key is absent. */
    protected static double number(Map<String, ?> d, String key, double fallback) {
        return d.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    /** The number under key as an int, or the fallback when the key is absent. */
    protected static int integer(Map<String, ?> d, String key, int fallback) {
        return d.get(key) instanceof Number n ? n.intValue() : fallback;
    }

    /** Every group's lr as it is now, in group order. */
    protected List<Double> currentLrs() {
        List<Double> r = new ArrayList<>();
        for (Optimizer.ParamGroup g : optimizer.paramGroups()) r.add(g.lr());
        return r;
    }
}
