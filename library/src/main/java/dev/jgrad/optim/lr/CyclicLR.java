package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Cyclical learning rates: each cycle the lr climbs from baseLr to maxLr over stepSizeUp steps and
 * falls back over stepSizeDown, the amplitude scaled per cycle ("triangular": 1, "triangular2": halved
 * each cycle) or per step ("exp_range": gamma^step), or by a custom scaleFn. With cycleMomentum the
 * optimizer's momentum moves the other way between maxMomentum and baseMomentum; as in PyTorch 1.13 that
 * needs a "momentum" option (SGD, RMSprop), not Adam's betas. Stepped once per batch.
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.CyclicLR}.
 */
public class CyclicLR extends LRScheduler {
    private final List<Double> maxLrs = new ArrayList<>(), baseMomentums = new ArrayList<>(), maxMomentums = new ArrayList<>();
    /** Steps per cycle (up plus down). */
    public double totalSize;
    /** The fraction of a cycle spent rising. */
    public double stepRatio;
    /** The per-step decay of the amplitude in "exp_range" mode. */
    public double gamma;
    /** "triangular", "triangular2" or "exp_range". */
    public String mode;
    /** The user's scale function, or null for mode's built-in one (which reads gamma when called, as PyTorch's). */
    private final DoubleUnaryOperator customScaleFn;
    private boolean scaleByCycle, cycleMomentum;

    /**
     * {@code torch.optim.lr_scheduler.CyclicLR(optimizer, base_lr, max_lr)}: triangular cycles of 2000 steps up and
     * 2000 down, momentum cycling between 0.8 and 0.9 on.
     *
     * @param optimizer the optimizer whose parameter groups' lrs (and momentum) this scheduler sets
     * @param baseLr the lowest lr of every group, where each cycle starts
     * @param maxLr the highest lr of every group, reached after stepSizeUp steps (before the amplitude's scaling)
     * @throws IllegalArgumentException if cycleMomentum is set and the optimizer has no "momentum" option (Adam's
     *     betas do not count, as in PyTorch 1.13: "optimizer must support momentum with `cycle_momentum` option
     *     enabled")
     */
    public CyclicLR(Optimizer optimizer, double baseLr, double maxLr) {
        this(optimizer, baseLr, maxLr, 2000, null, "triangular", 1.0, true);
    }

    /**
     * {@code torch.optim.lr_scheduler.CyclicLR(optimizer, base_lr, max_lr, step_size_up, step_size_down, mode, gamma,
     * cycle_momentum=cycle_momentum)} with momentum between 0.8 and 0.9.
     *
     * @param optimizer the optimizer whose parameter groups' lrs (and momentum) this scheduler sets
     * @param baseLr the lowest lr of every group, where each cycle starts
     * @param maxLr the highest lr of every group, reached after stepSizeUp steps (before the amplitude's scaling)
     * @param stepSizeUp the steps of a cycle's rising half
     * @param stepSizeDown the steps of its falling half, or null for stepSizeUp
     * @param mode "triangular" (constant amplitude), "triangular2" (halved each cycle) or "exp_range" (times
     *     gamma^step)
     * @param gamma the per-step decay of the amplitude in "exp_range" mode
     * @param cycleMomentum whether to cycle the optimizer's momentum inversely to the lr
     * @throws IllegalArgumentException if mode is another string ("mode is invalid and scale_fn is None"), or if
     *     cycleMomentum is set and the optimizer has no "momentum" option ("optimizer must support momentum with
     *     `cycle_momentum` option enabled")
     */
    public CyclicLR(Optimizer optimizer, double baseLr, double maxLr, int stepSizeUp, Integer stepSizeDown, String mode, double gamma,
                    boolean cycleMomentum) {
        this(optimizer, baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma, null, "cycle", cycleMomentum, 0.8, 0.9, -1);
    }

    /**
     * {@code torch.optim.lr_scheduler.CyclicLR(optimizer, base_lr, max_lr, step_size_up, step_size_down, mode, gamma,
     * scale_fn, scale_mode, cycle_momentum, base_momentum, max_momentum, last_epoch)}.
     *
     * @param optimizer the optimizer whose parameter groups' lrs (and momentum) this scheduler sets
     * @param baseLr the lowest lr of every group, where each cycle starts
     * @param maxLr the highest lr of every group, reached after stepSizeUp steps (before the amplitude's scaling)
     * @param stepSizeUp the steps of a cycle's rising half
     * @param stepSizeDown the steps of its falling half, or null for stepSizeUp
     * @param mode "triangular" (constant amplitude), "triangular2" (halved each cycle) or "exp_range" (times
     *     gamma^step); ignored when scaleFn is given
     * @param gamma the per-step decay of the amplitude in "exp_range" mode
     * @param scaleFn the amplitude's scale as a function of the cycle number or step count, or null for mode's
     * @param scaleMode what scaleFn is applied to: "cycle" (the cycle number, from 1) or "iterations" (the step
     *     count)
     * @param cycleMomentum whether to cycle the optimizer's momentum inversely to the lr
     * @param baseMomentum the lowest momentum, reached at the peak lr
     * @param maxMomentum the highest momentum, at the start of each cycle
     * @param lastEpoch the index of the last epoch: -1 starts afresh, another value resumes from the groups'
     *     {@code initial_lr}
     * @throws IllegalArgumentException if lastEpoch is not -1 and a group has no initial_lr ("param 'initial_lr' is
     *     not specified in param_groups[0] when resuming an optimizer")
     *     or if mode is another string and scaleFn is null ("mode is invalid and scale_fn is None"), or if
     *     cycleMomentum is set and the optimizer has no "momentum" option ("optimizer must support momentum with
     *     `cycle_momentum` option enabled")
     */
    public CyclicLR(Optimizer optimizer, double baseLr, double maxLr, int stepSizeUp, Integer stepSizeDown, String mode, double gamma,
                    DoubleUnaryOperator scaleFn, String scaleMode, boolean cycleMomentum, double baseMomentum, double maxMomentum,
                    int lastEpoch) {
        super(prepare(optimizer, baseLr, mode, scaleFn, cycleMomentum, baseMomentum, lastEpoch), lastEpoch);
        int groups = optimizer.paramGroups().size();
        for (int i = 0; i < groups; i++) maxLrs.add(maxLr);
        double up = stepSizeUp, down = stepSizeDown != null ? stepSizeDown : up;
        this.totalSize = up + down;
        this.stepRatio = up / totalSize;
        this.mode = mode;
        this.gamma = gamma;
        this.customScaleFn = scaleFn;
        this.scaleByCycle = scaleFn != null ? scaleMode.equals("cycle") : !mode.equals("exp_range");
        this.cycleMomentum = cycleMomentum;
        if (cycleMomentum) {
            for (Optimizer.ParamGroup g : optimizer.paramGroups()) baseMomentums.add(g.getDouble("momentum"));
            for (int i = 0; i < groups; i++) maxMomentums.add(maxMomentum);
        }
        initialStep();
        // PyTorch's constructor-time step used the groups' initial_lr; from here on the cycle starts at baseLr
        baseLrs.clear();
        for (int i = 0; i < groups; i++) baseLrs.add(baseLr);
    }

    private static Optimizer prepare(Optimizer optimizer, double baseLr, String mode, DoubleUnaryOperator scaleFn, boolean cycleMomentum,
                                     double baseMomentum, int lastEpoch) {
        if (lastEpoch == -1) for (Optimizer.ParamGroup g : optimizer.paramGroups()) g.setLr(baseLr);
        if (!List.of("triangular", "triangular2", "exp_range").contains(mode) && scaleFn == null) {
            throw new IllegalArgumentException("mode is invalid and scale_fn is None");
        }
        if (cycleMomentum) {
            if (!optimizer.defaults().containsKey("momentum")) {
                throw new IllegalArgumentException("optimizer must support momentum with `cycle_momentum` option enabled");
            }
            if (lastEpoch == -1) for (Optimizer.ParamGroup g : optimizer.paramGroups()) g.options().put("momentum", baseMomentum);
        }
        return optimizer;
    }

    private double scale(double x) {
        if (customScaleFn != null) return customScaleFn.applyAsDouble(x);
        return switch (mode) {
            case "triangular" -> 1.0;
            case "triangular2" -> 1 / Math.pow(2.0, x - 1);
            default -> Math.pow(gamma, x);
        };
    }

    /**
     * PyTorch 1.13's fields, less {@code _scale_fn_ref} (a weak method reference that makes 1.13's own
     * {@code torch.save} of this state dict fail); {@code _scale_fn_custom} is null (a Java function cannot be saved).
     */
    @Override protected void putOwnState(Map<String, Object> d) {
        d.put("max_lrs", new ArrayList<>(maxLrs));
        d.put("total_size", totalSize);
        d.put("step_ratio", stepRatio);
        d.put("mode", mode);
        d.put("gamma", gamma);
        d.put("_scale_fn_custom", null);
        d.put("scale_mode", scaleByCycle ? "cycle" : "iterations");
        d.put("cycle_momentum", cycleMomentum);
        if (cycleMomentum) {
            d.put("base_momentums", new ArrayList<>(baseMomentums));
            d.put("max_momentums", new ArrayList<>(maxMomentums));
        }
    }

    @Override protected void loadOwnState(Map<String, ?> d) {
        if (d.get("max_lrs") instanceof List<?> l) {
            maxLrs.clear();
            maxLrs.addAll(doubles(l));
        }
        totalSize = number(d, "total_size", totalSize);
        stepRatio = number(d, "step_ratio", stepRatio);
        if (d.get("mode") instanceof String m) mode = m;
        gamma = number(d, "gamma", gamma);
        if (d.get("scale_mode") instanceof String m) scaleByCycle = m.equals("cycle");
        if (d.get("cycle_momentum") instanceof Boolean b) cycleMomentum = b;
        if (d.get("base_momentums") instanceof List<?> l) {
            baseMomentums.clear();
            baseMomentums.addAll(doubles(l));
        }
        if (d.get("max_momentums") instanceof List<?> l) {
            maxMomentums.clear();
            maxMomentums.addAll(doubles(l));
        }
    }

    @Override protected List<Double> getLr() {
        double cycle = Math.floor(1 + lastEpoch / totalSize);
        double x = 1.0 + lastEpoch / totalSize - cycle;
        double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        double scale = scale(scaleByCycle ? cycle : lastEpoch);
        List<Double> lrs = new ArrayList<>();
        for (int i = 0; i < baseLrs.size(); i++) {
            double baseHeight = (maxLrs.get(i) - baseLrs.get(i)) * scaleFactor;
            lrs.add(baseLrs.get(i) + baseHeight * scale);
        }
        if (cycleMomentum) {
            List<Optimizer.ParamGroup> groups = optimizer.paramGroups();
            for (int i = 0; i < groups.size(); i++) {
                double baseHeight = (maxMomentums.get(i) - baseMomentums.get(i)) * scaleFactor;
                Map<String, Object> options = groups.get(i).options();
                options.put("momentum", maxMomentums.get(i) - baseHeight * scale);
            }
        }
        return lrs;
    }
}
