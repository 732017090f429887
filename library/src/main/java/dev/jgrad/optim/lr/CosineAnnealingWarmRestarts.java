package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cosine annealing from each group's initial lr to etaMin over t0 epochs, restarting, each period tMult times the last.
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts}.
 */
public class CosineAnnealingWarmRestarts extends LRScheduler {
    /** Steps until the first restart ({@code T_0}). */
    public int t0;
    /** The factor by which each period grows after a restart ({@code T_mult}). */
    public int tMult;
    /** The lowest lr ({@code eta_min}). */
    public double etaMin;
    private int tI, tCur;

    /**
     * {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0)}: cosine annealing to 0 restarted
     * every t0 steps.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param t0 the steps until the first restart ({@code T_0}), at least 1
     * @throws IllegalArgumentException if t0 is not positive ("Expected positive integer T_0, but got 0")
     */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0) { this(optimizer, t0, 1, 0.0, -1); }

    /**
     * {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0, T_mult, eta_min, last_epoch)}:
     * periods t0, t0 * tMult, ....
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param t0 the steps until the first restart ({@code T_0}), at least 1
     * @param tMult the factor by which each period grows after a restart ({@code T_mult}), at least 1
     * @param etaMin the lowest lr ({@code eta_min})
     * @param lastEpoch the index of the last epoch: -1 starts afresh, another value resumes from the groups'
     *     {@code initial_lr}
     * @throws IllegalArgumentException if lastEpoch is not -1 and a group has no initial_lr ("param 'initial_lr' is
     *     not specified in param_groups[0] when resuming an optimizer")
     *     or if t0 is not positive ("Expected positive integer T_0, but got 0") or tMult is below 1 ("Expected integer
     *     T_mult &gt;= 1, but got 0")
     */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0, int tMult, double etaMin, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (t0 <= 0) throw new IllegalArgumentException("Expected positive integer T_0, but got " + t0);
        if (tMult < 1) throw new IllegalArgumentException("Expected integer T_mult >= 1, but got " + tMult);
        this.t0 = t0;
        this.tI = t0;
        this.tMult = tMult;
        this.etaMin = etaMin;
        this.tCur = lastEpoch;
        initialStep();
    }

    @Override protected void putOwnState(Map<String, Object> d) {
        d.put("T_0", t0);
        d.put("T_i", tI);
        d.put("T_mult", tMult);
        d.put("eta_min", etaMin == 0 ? (Object) 0 : etaMin);  // PyTorch's default is the int 0
        d.put("T_cur", tCur);
    }

    @Override protected void loadOwnState(Map<String, ?> d) {
        t0 = integer(d, "T_0", t0);
        tI = integer(d, "T_i", tI);
        tMult = integer(d, "T_mult", tMult);
        etaMin = number(d, "eta_min", etaMin);
        tCur = integer(d, "T_cur", tCur);
    }

    /** PyTorch 1.13's step here bypasses the base step that counts, so its {@code _step_count} stays 0. */
    @Override public Map<String, Object> stateDict() {
        Map<String, Object> d = super.stateDict();
        d.put("_step_count", 0);
        return d;
    }

    @Override protected List<Double> getLr() {
        List<Double> r = new ArrayList<>();
        for (double base : baseLrs) r.add(etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2);
        return r;
    }

    /** The next epoch: the period restarts when it is used up. */
    @Override public void step() {
        if (lastEpoch < 0) {  // construction: epoch 0
            tI = t0;
            tCur = 0;
            lastEpoch = -1;
        } else {
            tCur++;
            if (tCur >= tI) {
                tCur -= tI;
                tI *= tMult;
            }
        }
        super.step();
    }

    /** Jumps to the given epoch: the period it falls in and the position within it are computed from t0 and tMult. */
    @Override public void step(int epoch) {
        if (epoch < 0) throw new IllegalArgumentException("Expected non-negative epoch, but got " + epoch);
        if (epoch >= t0) {
            if (tMult == 1) {
                tCur = epoch % t0;
            } else {
                int n = (int) (Math.log(epoch / (double) t0 * (tMult - 1) + 1) / Math.log(tMult));
                long done = t0 * ((long) Math.pow(tMult, n) - 1) / (tMult - 1);
                tCur = (int) (epoch - done);
                tI = (int) (t0 * (long) Math.pow(tMult, n));
            }
        } else {
            tI = t0;
            tCur = epoch;
        }
        lastEpoch = epoch;
        apply(getLr());
    }
}
