package dev.jgrad.distributions;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.List;
import java.util.Map;

/**
 * The beta distribution on [0, 1], as PyTorch's: a Dirichlet over (concentration1, concentration0) whose
 * first component is the value, so its draws, validation (the Dirichlet's messages) and gradients are that
 * Dirichlet's.
 */
public final class Beta extends Distribution {
    private final Dirichlet dirichlet;

    /** concentration1 (alpha) and concentration0 (beta), broadcast together. */
    public Beta(Tensor concentration1, Tensor concentration0) { this(new Dirichlet(stacked(concentration1, concentration0))); }

    /** Scalar concentrations: a float32 Dirichlet over [c1, c0], batch shape (). */
    public Beta(double concentration1, double concentration0) {
        this(new Dirichlet(Torch.tensor(new double[] {concentration1, concentration0}, DType.FLOAT32)));
    }

    private Beta(Dirichlet dirichlet) {
        super(dirichlet.batchShape().toLongArray(), new long[0]);
        this.dirichlet = dirichlet;
    }

    private static Tensor stacked(Tensor c1, Tensor c0) {
        long[] shape = Torch.broadcastShapes(c1.shape(), c0.shape());
        return Torch.stack(List.of(expandTo(c1, shape), expandTo(c0, shape)), -1);
    }

    /** {@code concentration1}: alpha, the first shape parameter. */
    public Tensor concentration1() { return dirichlet.concentration().select(-1, 0); }

    /** {@code concentration0}: beta, the second shape parameter. */
    public Tensor concentration0() { return dirichlet.concentration().select(-1, 1); }

    @Override public boolean hasRsample() { return true; }

    /** c1 / (c1 + c0). */
    @Override public Tensor mean() { return concentration1().div(concentration1().add(concentration0())); }

    @Override public Tensor mode() { return dirichlet.mode().select(-1, 0); }

    /** c1 c0 / ((c1 + c0)^2 (c1 + c0 + 1)). */
    @Override public Tensor variance() {
        Tensor total = concentration1().add(concentration0());
        return concentration1().mul(concentration0()).div(total.pow(2L).mul(total.add(1L)));
    }

    /** The first component of the Dirichlet's draw. */
    @Override public Tensor rsample(long... sampleShape) { return dirichlet.rsample(sampleShape).select(-1, 0); }

    /** The Dirichlet's logProb at (value, 1 - value). */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.UNIT_INTERVAL);
        return dirichlet.logProb(Torch.stack(List.of(value, value.rsub(1.0)), -1));
    }

    @Override public Tensor entropy() { return dirichlet.entropy(); }

    /** None: PyTorch's repr of a Beta lists nothing (its concentrations live on the Dirichlet). */
    @Override protected Map<String, Tensor> reprParams() { return params(); }
}
