package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Multiplies each group's lr by gamma every epoch. */
public class ExponentialLR extends LRScheduler {
    /** The factor the lrs are multiplied by every step. */
    public double gamma;

    /** {@code ExponentialLR(optimizer, gamma)}: the lrs times gamma every step. */
    public ExponentialLR(Optimizer optimizer, double gamma) { this(optimizer, gamma, -1); }

    /** {@code ExponentialLR(optimizer, gamma, last_epoch)}. */
    public ExponentialLR(Optimizer optimizer, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.gamma = gamma;
        initialStep();
    }

    @Override protected void putOwnState(Map<String, Object> d) { d.put("gamma", gamma); }

    @Override protected void loadOwnState(Map<String, ?> d) { gamma = number(d, "gamma", gamma); }

    @Override protected List<Double> getLr() {
        List<Double> r = new ArrayList<>();
        for (double lr : currentLrs()) r.add(lastEpoch == 0 ? lr : lr * gamma);
        return r;
    }

    @Override protected List<Double> closedFormLr() {
        List<Double> r = new ArrayList<>();
        for (double base : baseLrs) r.add(base * Math.pow(gamma, lastEpoch));
        return r;
    }
}
