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

    /**
     * {@code torch.distributions.Beta(concentration1, concentration0)}: density proportional to x^(alpha - 1) (1 - x)^(beta - 1)
     * on [0, 1], batch shape the broadcast of both.
     *
     * @param concentration1  alpha, positive
     * @param concentration0  beta, positive, broadcastable with concentration1
     * @throws IllegalArgumentException when a concentration is not positive, in the words of the Dirichlet PyTorch builds:
     *     "Expected parameter concentration (Tensor of shape (2,)) of distribution Dirichlet(...) to satisfy the
     *     constraint IndependentConstraint(GreaterThan(lower_bound=0.0), 1), but found invalid values: ..."
     * @throws IllegalArgumentException when the parameters do not broadcast ("The size of tensor a (2) must match the size of
     *     tensor b (3) at non-singleton dimension 0")
     */
    public Beta(Tensor concentration1, Tensor concentration0) { this(new Dirichlet(stacked(concentration1, concentration0))); }

    /**
     * {@code Beta(concentration1, concentration0)} with float32 scalar concentrations (batch shape ()).
     *
     * @param concentration1  alpha, positive
     * @param concentration0  beta, positive
     * @throws IllegalArgumentException when a concentration is not positive (the Dirichlet's message, as above)
     */
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

    /**
     * {@code concentration1}: alpha, the first shape parameter.
     *
     * @return alpha, of the batch shape
     */
    public Tensor concentration1() { return dirichlet.concentration().select(-1, 0); }

    /**
     * {@code concentration0}: beta, the second shape parameter.
     *
     * @return beta, of the batch shape
     */
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
