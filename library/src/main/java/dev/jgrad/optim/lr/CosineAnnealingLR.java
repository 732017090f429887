package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cosine annealing from each base lr down to etaMin over tMax epochs, with PyTorch's recursive
 * formula (each lr computed from the previous one), so the sequence matches PyTorch's step by step.
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.CosineAnnealingLR}.
 */
public class CosineAnnealingLR extends LRScheduler {
    /** The half period: steps from the base lr down to etaMin ({@code T_max}). */
    public int tMax;
    /** The lowest lr ({@code eta_min}). */
    public double etaMin;

    /**
     * {@code torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max)}: cosine from the base lrs down to 0 over
     * tMax steps, then back up.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param tMax the half period in steps ({@code T_max}), at least 1
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) { this(optimizer, tMax, 0, -1); }

    /**
     * {@code torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max, eta_min)}: cosine from the base lrs down
     * to etaMin over tMax steps, then back up.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param tMax the half period in steps ({@code T_max}), at least 1
     * @param etaMin the lowest lr ({@code eta_min})
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) { this(optimizer, tMax, etaMin, -1); }

    /**
     * {@code torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max, eta_min, last_epoch)}, with PyTorch's
     * recursive update (the same lrs as its closed form up to rounding).
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param tMax the half period in steps ({@code T_max}), at least 1
     * @param etaMin the lowest lr ({@code eta_min})
     * @param lastEpoch the index of the last epoch: -1 starts afresh, another value resumes from the groups'
     *     {@code initial_lr}
     * @throws IllegalArgumentException if lastEpoch is not -1 and a group has no initial_lr ("param 'initial_lr' is
     *     not specified in param_groups[0] when resuming an optimizer")
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override protected void putOwnState(Map<String, Object> d) {
        d.put("T_max", tMax);
        d.put("eta_min", etaMin == 0 ? (Object) 0 : etaMin);  // PyTorch's default is the int 0
    }

    @Override protected void loadOwnState(Map<String, ?> d) {
        tMax = integer(d, "T_max", tMax);
        etaMin = number(d, "eta_min", etaMin);
    }

    @Override protected List<Double> getLr() {
        List<Double> lrs = currentLrs(), r = new ArrayList<>();
        if (lastEpoch == 0) return lrs;
        for (int i = 0; i < lrs.size(); i++) {
            double lr = lrs.get(i), base = baseLrs.get(i);
            if (stepCount == 1 && lastEpoch > 0) {
                r.add(etaMin + (base - etaMin) * (1 + Math.cos(lastEpoch * Math.PI / tMax)) / 2);
            } else if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
                r.add(lr + (base - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2);
            } else {
                r.add((1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax)) * (lr - etaMin) + etaMin);
            }
        }
        return r;
    }

    @Override protected List<Double> closedFormLr() {
        List<Double> r = new ArrayList<>();
        for (double base : baseLrs) r.add(etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * lastEpoch / tMax)) / 2);
        return r;
    }
}
