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
     * Attaches to the optimizer ({@code _LRScheduler.__init__(optimizer, last_epoch)}): with lastEpoch -1 each group
     * records its lr as {@code initial_lr} (kept if already there); another lastEpoch resumes from the groups'
     * {@code initial_lr}. Subclasses then call {@link #initialStep()}.
     *
     * @param optimizer the optimizer whose groups' lrs this scheduler sets
     * @param lastEpoch the index of the last epoch, -1 to start afresh
     * @throws IllegalArgumentException if lastEpoch is not -1 and a group has no initial_lr ("param 'initial_lr' is
     *     not specified in param_groups[0] when resuming an optimizer")
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

    /**
     * For schedulers that wrap others (SequentialLR, ChainedScheduler): attaches the optimizer, leaves its groups
     * alone, lastEpoch -1.
     *
     * @param optimizer the optimizer the wrapped schedulers share
     */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        this.lastEpoch = -1;
    }

    /** Subclasses call this at the end of their constructor (PyTorch's constructor-time step); SequentialLR calls it again. */
    protected final void initialStep() {
        stepCount = 0;
        step();
    }

    /**
     * {@code get_lr()}: the lrs for the current epoch, from the groups' current lrs (recursive form).
     *
     * @return one lr per parameter group, in group order
     */
    protected abstract List<Double> getLr();

    /**
     * The lrs for the current epoch from the base lrs alone (PyTorch's {@code _get_closed_form_lr}), used when
     * stepping to a given epoch; schedulers without a closed form fall back to {@link #getLr()}.
     *
     * @return one lr per parameter group, in group order
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
     *
     * @param epoch the epoch to set as {@code last_epoch}
     */
    public void step(int epoch) {
        stepCount++;
        lastEpoch = epoch;
        apply(closedFormLr());
    }

    /**
     * Writes the lrs into the groups and records them as the last lrs.
     *
     * @param values one lr per parameter group, in group order
     */
    protected final void apply(List<Double> values) {
        List<Optimizer.ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) groups.get(i).setLr(values.get(i));
        lastLr = currentLrs();
    }

    /**
     * Records lrs as the last lrs without writing them (for schedulers that step others).
     *
     * @param lrs one lr per parameter group, copied
     */
    protected final void setLastLr(List<Double> lrs) { lastLr = List.copyOf(lrs); }

    /**
     * {@code scheduler.get_last_lr()}: the lrs the last step set.
     *
     * @return one lr per parameter group, in group order, unmodifiable
     */
    public List<Double> getLastLr() { return lastLr; }

    /**
     * {@code scheduler.last_epoch}.
     *
     * @return the number of steps taken, construction's first step counting as 0 (or the epoch a
     *     {@link #step(int)} set)
     */
    public int lastEpoch() { return lastEpoch; }

    /**
     * The scheduler's state as PyTorch 1.13's {@code scheduler.state_dict()} writes it (the scheduler's fields
     * without the optimizer): first its own fields under PyTorch's names ({@code step_size}, {@code gamma},
     * {@code T_max}, ...), then {@code base_lrs}, {@code last_epoch}, {@code verbose}, {@code _step_count},
     * {@code _get_lr_called_within_step} and {@code _last_lr}. Numbers are Integer or Double, lists ArrayLists,
     * so {@link dev.jgrad.Torch#save} writes Python ints, floats and lists and PyTorch's
     * {@code scheduler.load_state_dict} takes the result.
     *
     * @return a new map of the fields by PyTorch's names
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
     *
     * @param stateDict the fields by PyTorch's names, numbers as Number, lists as List
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

    /**
     * Adds the subclass's fields under PyTorch's names, before the common ones (PyTorch sets them first).
     *
     * @param stateDict the map {@link #stateDict()} is filling
     */
    protected void putOwnState(Map<String, Object> stateDict) { }

    /**
     * Reads back what {@link #putOwnState} wrote; keys that are absent leave their field alone.
     *
     * @param stateDict the map given to {@link #loadStateDict}
     */
    protected void loadOwnState(Map<String, ?> stateDict) { }

    /**
     * A list of Python numbers (loaded Longs or Doubles) as doubles.
     *
     * @param values Numbers
     * @return a new list of their double values
     * @throws ClassCastException if an element is not a Number
     */
    protected static List<Double> doubles(List<?> values) {
        List<Double> r = new ArrayList<>(values.size());
        for (Object v : values) r.add(((Number) v).doubleValue());
        return r;
    }

    /**
     * The number under key as a double, or the fallback when the key is absent.
     *
     * @param d a state dict
     * @param key the field's PyTorch name
     * @param fallback the value when d holds no Number under key
     * @return the value
     */
    protected static double number(Map<String, ?> d, String key, double fallback) {
        return d.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    /**
     * The number under key as an int, or the fallback when the key is absent.
     *
     * @param d a state dict
     * @param key the field's PyTorch name
     * @param fallback the value when d holds no Number under key
     * @return the value
     */
    protected static int integer(Map<String, ?> d, String key, int fallback) {
        return d.get(key) instanceof Number n ? n.intValue() : fallback;
    }

    /**
     * Every group's lr as it is now.
     *
     * @return one lr per parameter group, in group order
     */
    protected List<Double> currentLrs() {
        List<Double> r = new ArrayList<>();
        for (Optimizer.ParamGroup g : optimizer.paramGroups()) r.add(g.lr());
        return r;
    }
}
