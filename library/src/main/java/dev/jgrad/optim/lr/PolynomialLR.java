package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decays each group's lr to zero over totalIters epochs as {@code (1 - t / totalIters)^power} (PyTorch's recursive form). */
public class PolynomialLR extends LRScheduler {
    /** The steps over which the lrs decay to 0. */
    public int totalIters;
    /** The polynomial's power (1: linear decay). */
    public double power;

    /** {@code PolynomialLR(optimizer)}: linear decay to 0 over 5 steps. */
    public PolynomialLR(Optimizer optimizer) { this(optimizer, 5, 1.0, -1); }

    /** {@code PolynomialLR(optimizer, total_iters, power)}: the lrs times (1 - step / totalIters)^power, then 0. */
    public PolynomialLR(Optimizer optimizer, int totalIters, double power) { this(optimizer, totalIters, power, -1); }

    /** {@code PolynomialLR(optimizer, total_iters, power, last_epoch)}. */
    public PolynomialLR(Optimizer optimizer, int totalIters, double power, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.totalIters = totalIters;
        this.power = power;
        initialStep();
    }

    @Override protected void putOwnState(Map<String, Object> d) {
        d.put("total_iters", totalIters);
        d.put("power", power);
    }

    @Override protected void loadOwnState(Map<String, ?> d) {
        totalIters = integer(d, "total_iters", totalIters);
        power = number(d, "power", power);
    }

    @Override protected List<Double> getLr() {
        List<Double> lrs = currentLrs();
        if (lastEpoch == 0 || lastEpoch > totalIters) return lrs;
        double decay = Math.pow((1.0 - (double) lastEpoch / totalIters) / (1.0 - (double) (lastEpoch - 1) / totalIters), power);
        List<Double> r = new ArrayList<>();
        for (double lr : lrs) r.add(lr * decay);
        return r;
    }

    @Override protected List<Double> closedFormLr() {
        List<Double> r = new ArrayList<>();
        for (double base : baseLrs) r.add(base * Math.pow(1.0 - (double) Math.min(totalIters, lastEpoch) / totalIters, power));
        return r;
    }
}
