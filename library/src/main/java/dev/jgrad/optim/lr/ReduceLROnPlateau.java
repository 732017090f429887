package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the lrs by factor when a metric has stopped improving for more than patience epochs, then waits
 * cooldown epochs before counting again. Improvement means beating the best value by threshold,
 * relative ("rel") or absolute ("abs"), downwards (mode "min") or upwards ("max"). Not an
 * {@link LRScheduler}, as in PyTorch: {@link #step(double)} takes the metric.
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.ReduceLROnPlateau}.
 */
public class ReduceLROnPlateau {
    private final Optimizer optimizer;
    /** "min" (a lower metric is better) or "max". */
    public String mode;
    /** "rel" (improvement relative to the best) or "abs". */
    public String thresholdMode;
    /** The factor the lrs are multiplied by on a plateau. */
    public double factor;
    /** The least improvement that counts. */
    public double threshold;
    /** A change of lr smaller than this is skipped. */
    public double eps;
    /** Epochs without improvement tolerated before cutting the lrs. */
    public int patience;
    /** Epochs to wait after a cut before counting bad epochs again. */
    public int cooldown;
    private List<Double> minLrs;
    private double best;
    private int numBadEpochs, cooldownCounter, lastEpoch;
    private List<Double> lastLr;

    /**
     * {@code torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer)}: mode "min", factor 0.1, patience 10, threshold
     * 1e-4 relative, no cooldown, no minimum lr, eps 1e-8.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     */
    public ReduceLROnPlateau(Optimizer optimizer) { this(optimizer, "min", 0.1, 10, 1e-4, "rel", 0, 0.0, 1e-8); }

    /**
     * {@code torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode, factor, patience, threshold, threshold_mode,
     * cooldown, min_lr, eps)} with one minLr for every group.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param mode "min" (a lower metric is better) or "max"
     * @param factor the factor the lrs are multiplied by on a plateau, below 1
     * @param patience the epochs without improvement tolerated before cutting the lrs
     * @param threshold the least improvement that counts
     * @param thresholdMode "rel" (improvement relative to the best value) or "abs"
     * @param cooldown the epochs to wait after a cut before counting bad epochs again
     * @param minLr the lowest lr a cut may set, for every group
     * @param eps a cut that changes an lr by no more than this is skipped
     * @throws IllegalArgumentException if factor is not below 1 ("Factor should be &lt; 1.0."), or mode ("mode avg is
     *     unknown!") or thresholdMode ("threshold mode relative is unknown!") is another string
     */
    public ReduceLROnPlateau(Optimizer optimizer, String mode, double factor, int patience, double threshold, String thresholdMode,
                             int cooldown, double minLr, double eps) {
        this(optimizer, mode, factor, patience, threshold, thresholdMode, cooldown,
                Collections.nCopies(optimizer.paramGroups().size(), minLr), eps);
    }

    /**
     * {@code torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode, factor, patience, threshold, threshold_mode,
     * cooldown, min_lr=[...], eps)}: one minimum lr per parameter group.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param mode "min" (a lower metric is better) or "max"
     * @param factor the factor the lrs are multiplied by on a plateau, below 1
     * @param patience the epochs without improvement tolerated before cutting the lrs
     * @param threshold the least improvement that counts
     * @param thresholdMode "rel" (improvement relative to the best value) or "abs"
     * @param cooldown the epochs to wait after a cut before counting bad epochs again
     * @param minLrs each group's lowest lr, in group order
     * @param eps a cut that changes an lr by no more than this is skipped
     * @throws IllegalArgumentException if factor is not below 1 ("Factor should be &lt; 1.0."), minLrs does not
     *     have one value per group ("expected 2 min_lrs, got 1"), or mode ("mode avg is unknown!") or thresholdMode
     *     ("threshold mode relative is unknown!") is another string
     */
    public ReduceLROnPlateau(Optimizer optimizer, String mode, double factor, int patience, double threshold, String thresholdMode,
                             int cooldown, List<Double> minLrs, double eps) {
        if (factor >= 1.0) throw new IllegalArgumentException("Factor should be < 1.0.");
        int groups = optimizer.paramGroups().size();
        if (minLrs.size() != groups) throw new IllegalArgumentException("expected " + groups + " min_lrs, got " + minLrs.size());
        if (!mode.equals("min") && !mode.equals("max")) throw new IllegalArgumentException("mode " + mode + " is unknown!");
        if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
            throw new IllegalArgumentException("threshold mode " + thresholdMode + " is unknown!");
        }
        this.optimizer = optimizer;
        this.factor = factor;
        this.minLrs = List.copyOf(minLrs);
        this.patience = patience;
        this.cooldown = cooldown;
        this.mode = mode;
        this.threshold = threshold;
        this.thresholdMode = thresholdMode;
        this.eps = eps;
        reset();
    }

    /** Forgets the best value and the counters. */
    private void reset() {
        best = mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        cooldownCounter = 0;
        numBadEpochs = 0;
    }

    /**
     * {@code scheduler.step(metric)}: records one epoch's metric and cuts the lrs when the plateau has lasted more
     * than patience epochs.
     *
     * @param metric the epoch's value of the watched quantity (a validation loss, an accuracy, ...)
     */
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric, best)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (inCooldown()) {
            cooldownCounter--;
            numBadEpochs = 0;  // bad epochs in cooldown do not count
        }
        if (numBadEpochs > patience) {
            reduceLr();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        List<Double> now = new ArrayList<>();
        for (Optimizer.ParamGroup g : optimizer.paramGroups()) now.add(g.lr());
        lastLr = now;
    }

    /**
     * {@code scheduler.step(metric)} with the metric as a tensor, as PyTorch accepts one.
     *
     * @param metric a one-element tensor
     * @throws IllegalArgumentException unless metric has one element ("only one element tensors can be converted to
     *     Java scalars", from {@link dev.jgrad.Tensor#item()})
     */
    public void step(dev.jgrad.Tensor metric) { step(metric.item()); }

    private void reduceLr() {
        List<Optimizer.ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            double oldLr = groups.get(i).lr(), newLr = Math.max(oldLr * factor, minLrs.get(i));
            if (oldLr - newLr > eps) groups.get(i).setLr(newLr);
        }
    }

    private boolean isBetter(double a, double best) {
        boolean min = mode.equals("min");
        if (thresholdMode.equals("rel")) return min ? a < best * (1.0 - threshold) : a > best * (threshold + 1.0);
        return min ? a < best - threshold : a > best + threshold;
    }

    /**
     * {@code scheduler.in_cooldown}.
     *
     * @return whether the scheduler is waiting out a cooldown after a cut
     */
    public boolean inCooldown() { return cooldownCounter > 0; }

    /**
     * PyTorch 1.13's {@code state_dict()}: factor, min_lrs, patience, verbose, cooldown, cooldown_counter, mode,
     * threshold, threshold_mode, best, num_bad_epochs, mode_worse, eps, last_epoch and, after the first step, _last_lr.
     *
     * @return a new map of the fields by PyTorch's names
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("factor", factor);
        List<Object> mins = new ArrayList<>();
        for (double m : minLrs) mins.add(m == 0 ? (Object) 0 : m);  // PyTorch's default min_lr is the int 0
        d.put("min_lrs", mins);
        d.put("patience", patience);
        d.put("verbose", false);
        d.put("cooldown", cooldown);
        d.put("cooldown_counter", cooldownCounter);
        d.put("mode", mode);
        d.put("threshold", threshold);
        d.put("threshold_mode", thresholdMode);
        d.put("best", best);
        d.put("num_bad_epochs", numBadEpochs);
        d.put("mode_worse", mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        d.put("eps", eps);
        d.put("last_epoch", lastEpoch);
        if (lastLr != null) d.put("_last_lr", new ArrayList<>(lastLr));
        return d;
    }

    /**
     * {@code scheduler.load_state_dict(d)}: restores the fields present in a state dict from {@link #stateDict()} or
     * PyTorch's; absent fields are left as they are.
     *
     * @param d the fields by PyTorch's names, numbers as Number, lists as List
     */
    public void loadStateDict(Map<String, ?> d) {
        if (d.get("factor") instanceof Number n) factor = n.doubleValue();
        if (d.get("min_lrs") instanceof List<?> l) minLrs = List.copyOf(numbers(l));
        if (d.get("patience") instanceof Number n) patience = n.intValue();
        if (d.get("cooldown") instanceof Number n) cooldown = n.intValue();
        if (d.get("cooldown_counter") instanceof Number n) cooldownCounter = n.intValue();
        if (d.get("mode") instanceof String s) mode = s;
        if (d.get("threshold") instanceof Number n) threshold = n.doubleValue();
        if (d.get("threshold_mode") instanceof String s) thresholdMode = s;
        if (d.get("best") instanceof Number n) best = n.doubleValue();
        if (d.get("num_bad_epochs") instanceof Number n) numBadEpochs = n.intValue();
        if (d.get("eps") instanceof Number n) eps = n.doubleValue();
        if (d.get("last_epoch") instanceof Number n) lastEpoch = n.intValue();
        if (d.get("_last_lr") instanceof List<?> l) lastLr = numbers(l);
    }

    private static List<Double> numbers(List<?> values) {
        List<Double> r = new ArrayList<>();
        for (Object v : values) r.add(((Number) v).doubleValue());
        return r;
    }

    /**
     * {@code scheduler._last_lr}: the lrs after the last step; like PyTorch's attribute, it does not exist before
     * the first step.
     *
     * @return one lr per parameter group, in group order
     * @throws IllegalStateException before the first step ("ReduceLROnPlateau has no last lr before its first step")
     */
    public List<Double> getLastLr() {
        if (lastLr == null) throw new IllegalStateException("ReduceLROnPlateau has no last lr before its first step");
        return lastLr;
    }

    /**
     * {@code scheduler.best}.
     *
     * @return the best metric seen so far (infinity in the wrong direction before the first step)
     */
    public double best() { return best; }

    /**
     * {@code scheduler.num_bad_epochs}.
     *
     * @return the epochs since the last improvement (reset by a cut and during a cooldown)
     */
    public int numBadEpochs() { return numBadEpochs; }

    /**
     * {@code scheduler.last_epoch}.
     *
     * @return the number of steps taken
     */
    public int lastEpoch() { return lastEpoch; }
}
