package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 1cycle policy: lr rises from maxLr / divFactor to maxLr over pctStart of totalSteps, then falls to
 * initial / finalDivFactor (cosine or linear), while the momentum (SGD's momentum, Adam's beta1) moves the
 * other way between maxMomentum and baseMomentum. Stepped once per batch.
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.OneCycleLR}.
 */
public class OneCycleLR extends LRScheduler {
    /** The length of the whole cycle in steps; stepping past it raises PyTorch's error. */
    public int totalSteps;
    private final boolean cosine;
    private boolean cycleMomentum, useBeta1;
    private double[][] phases;  // {end_step, start lr key, end lr key, start momentum key, end momentum key} as indices below
    private static final String[] KEYS = {"initial_lr", "max_lr", "min_lr", "max_momentum", "base_momentum"};

    /**
     * {@code torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr, total_steps)}: 30% warm-up to maxLr then cosine
     * annealing, momentum cycling between 0.85 and 0.95, initial lr maxLr / 25, final lr initial / 1e4.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets (and whose momentum, or Adam's beta1, it cycles)
     * @param maxLr the peak lr of every group
     * @param totalSteps the length of the cycle in steps, at least 1
     * @throws IllegalArgumentException if the optimizer has neither a momentum nor betas option ("optimizer must
     *     support momentum with `cycle_momentum` option enabled") or totalSteps is not positive ("Expected positive
     *     integer total_steps, but got 0")
     */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps) {
        this(optimizer, maxLr, totalSteps, 0.3, "cos", true, 0.85, 0.95, 25.0, 1e4, false);
    }

    /**
     * {@code torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr, total_steps, pct_start=pct_start,
     * anneal_strategy, cycle_momentum, base_momentum, max_momentum, div_factor, final_div_factor, three_phase)}
     * (PyTorch's {@code epochs} and {@code steps_per_epoch} are given as their product, totalSteps).
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param maxLr the peak lr of every group
     * @param totalSteps the length of the cycle in steps, at least 1
     * @param pctStart the fraction of the cycle spent raising the lr, in [0, 1]
     * @param annealStrategy "cos" for cosine annealing, "linear" for linear
     * @param cycleMomentum whether to cycle the momentum (or Adam's beta1) inversely to the lr
     * @param baseMomentum the lowest momentum, reached at the peak lr
     * @param maxMomentum the highest momentum, at the start and end of the cycle
     * @param divFactor the initial lr is maxLr / divFactor
     * @param finalDivFactor the final lr is the initial lr / finalDivFactor
     * @param threePhase false: the lr rises to maxLr, then anneals to the final lr; true: it rises to maxLr, falls
     *     back to the initial lr over as many steps, then anneals to the final lr
     * @throws IllegalArgumentException if cycleMomentum is set and the optimizer has neither a momentum nor betas
     *     option ("optimizer must support momentum with `cycle_momentum` option enabled"), totalSteps is not
     *     positive ("Expected positive integer total_steps, but got 0"), pctStart is outside [0, 1] ("Expected float
     *     between 0 and 1 pct_start, but got 1.5") or annealStrategy is another string ("anneal_strategy must by one
     *     of 'cos' or 'linear', instead got cosine")
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

    /**
     * PyTorch 1.13's fields less {@code anneal_func}: 1.13 pickles that bound method together with the whole
     * scheduler and optimizer, which no allow-list loader reads; the anneal strategy stays the constructor's.
     */
    @Override protected void putOwnState(Map<String, Object> d) {
        d.put("total_steps", totalSteps);
        List<Map<String, Object>> list = new ArrayList<>();
        String[] names = {"start_lr", "end_lr", "start_momentum", "end_momentum"};
        for (int i = 0; i < phases.length; i++) {
            Map<String, Object> phase = new LinkedHashMap<>();
            // PyTorch computes the last phase's end as total_steps - 1 (an int), the others from pct_start (floats)
            phase.put("end_step", i == phases.length - 1 ? (Object) (int) phases[i][0] : (Object) phases[i][0]);
            for (int k = 0; k < 4; k++) phase.put(names[k], KEYS[(int) phases[i][k + 1]]);
            list.add(phase);
        }
        d.put("_schedule_phases", list);
        d.put("cycle_momentum", cycleMomentum);
        d.put("use_beta1", useBeta1);
    }

    @Override protected void loadOwnState(Map<String, ?> d) {
        totalSteps = integer(d, "total_steps", totalSteps);
        if (d.get("_schedule_phases") instanceof List<?> list) {
            String[] names = {"start_lr", "end_lr", "start_momentum", "end_momentum"};
            double[][] loaded = new double[list.size()][5];
            for (int i = 0; i < list.size(); i++) {
                Map<?, ?> phase = (Map<?, ?>) list.get(i);
                loaded[i][0] = ((Number) phase.get("end_step")).doubleValue();
                for (int k = 0; k < 4; k++) loaded[i][k + 1] = List.of(KEYS).indexOf((String) phase.get(names[k]));
            }
            phases = loaded;
        }
        if (d.get("cycle_momentum") instanceof Boolean b) cycleMomentum = b;
        if (d.get("use_beta1") instanceof Boolean b) useBeta1 = b;
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
