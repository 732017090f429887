package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 1cycle policy: lr rises from maxLr / divFactor to maxLr over pctStart of totalSteps, then falls to
 * initial / finalDivFactor (cosine or linear), while the momentum (SGD's momentum, Adam's beta1) moves the
 * other way between maxMomentum and baseMomentum. Stepped once per batch.
 */
public class OneCycleLR extends LRScheduler {
    /** The length of the whole cycle in steps; stepping past it raises PyTorch's error. */
    public final int totalSteps;
    private final boolean cosine, cycleMomentum, useBeta1;
    private final double[][] phases;  // {end_step, start lr key, end lr key, start momentum key, end momentum key} as indices below
    private static final String[] KEYS = {"initial_lr", "max_lr", "min_lr", "max_momentum", "base_momentum"};

    /**
     * {@code OneCycleLR(optimizer, max_lr, total_steps)}: 30% warm-up to maxLr then cosine annealing, momentum
     * cycling between 0.85 and 0.95, initial lr maxLr / 25, final lr initial / 1e4.
     */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps) {
        this(optimizer, maxLr, totalSteps, 0.3, "cos", true, 0.85, 0.95, 25.0, 1e4, false);
    }

    /**
     * {@code OneCycleLR(optimizer, max_lr, total_steps, pct_start, anneal_strategy, cycle_momentum, base_momentum,
     * max_momentum, div_factor, final_div_factor, three_phase)}; annealStrategy is "cos" or "linear".
     */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps, double pctStart, String annealStrategy, boolean cycleMomentum,
                      double baseMomentum, double maxMomentum, double divFactor, double finalDivFactor, boolean threePhase) {
        super(prepare(optimizer, maxLr, divFactor, finalDivFactor, cycleMomentum, baseMomentum, maxMomentum), -1);
        if (totalSteps <= 0) throw new IllegalArgumentException("Expected positive integer total_steps, but got " + totalSteps);
        if (pctStart < 0 || pctStart > 1) throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got " + pctStart);
        if (!annealStrategy.equals("cos") && !annealStrategy.equals("linear")) {
            throw new IllegalArgumentException("anneal_strategy must by one of 'cos' or 'linear', instead got " + annealStrategy);
        }
        this.totalSteps = totalSteps;
        this.cosine = annealStrategy.equals("cos");
        this.cycleMomentum = cycleMomentum;
        this.useBeta1 = optimizer.paramGroups().get(0).options().containsKey("betas");
        double p = pctStart * totalSteps;
        phases = threePhase
                ? new double[][] {{p - 1, 0, 1, 3, 4}, {2 * p - 2, 1, 0, 4, 3}, {totalSteps - 1, 0, 2, 3, 3}}
                : new double[][] {{p - 1, 0, 1, 3, 4}, {totalSteps - 1, 1, 2, 4, 3}};
        initialStep();
    }

    private static Optimizer prepare(Optimizer optimizer, double maxLr, double divFactor, double finalDivFactor, boolean cycleMomentum,
                                     double baseMomentum, double maxMomentum) {
        for (Optimizer.ParamGroup g : optimizer.paramGroups()) {
            Map<String, Object> o = g.options();
            o.put("initial_lr", maxLr / divFactor);
            o.put("max_lr", maxLr);
            o.put("min_lr", maxLr / divFactor / finalDivFactor);
            if (cycleMomentum) {
                if (!o.containsKey("momentum") && !o.containsKey("betas")) {
                    throw new IllegalArgumentException("optimizer must support momentum with `cycle_momentum` option enabled");
                }
                if (o.get("betas") instanceof double[] betas) o.put("betas", new double[] {maxMomentum, betas[1]});
                else o.put("momentum", maxMomentum);
                o.put("max_momentum", maxMomentum);
                o.put("base_momentum", baseMomentum);
            }
        }
        return optimizer;
    }

    private double anneal(double start, double end, double pct) {
        return cosine ? end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1) : (end - start) * pct + start;
    }

    @Override protected List<Double> getLr() {
        int stepNum = lastEpoch;
        if (stepNum > totalSteps) {
            throw new IllegalArgumentException("Tried to step " + stepNum + " times. The specified number of total steps is " + totalSteps);
        }
        List<Double> lrs = new ArrayList<>();
        for (Optimizer.ParamGroup g : optimizer.paramGroups()) {
            double start = 0, lr = 0, momentum = 0;
            for (int i = 0; i < phases.length; i++) {
                double end = phases[i][0];
                if (stepNum <= end || i == phases.length - 1) {
                    double pct = (stepNum - start) / (end - start);
                    lr = anneal(g.getDouble(KEYS[(int) phases[i][1]]), g.getDouble(KEYS[(int) phases[i][2]]), pct);
                    if (cycleMomentum) momentum = anneal(g.getDouble(KEYS[(int) phases[i][3]]), g.getDouble(KEYS[(int) phases[i][4]]), pct);
                    break;
                }
                start = end;
            }
            lrs.add(lr);
            if (cycleMomentum) {
                if (useBeta1) g.options().put("betas", new double[] {momentum, ((double[]) g.options().get("betas"))[1]});
                else g.options().put("momentum", momentum);
            }
        }
        return lrs;
    }
}
