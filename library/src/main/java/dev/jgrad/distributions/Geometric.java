package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import java.util.Map;

/**
 * The number of failures before the first success of Bernoulli(probs) trials, from probs or logits, as
 * PyTorch's: sample draws {@code uniform_(tiny, 1)} in the probs' dtype and inverts the cdf (PyTorch's draws
 * for the same seed); probs must be positive, with PyTorch's extra message.
 */
public final class Geometric extends Distribution {
    private Tensor probs, logits;  // the one not given is computed on first use (PyTorch's lazy_property)

    private Geometric(Tensor probs, Tensor logits) {
        super((probs != null ? probs : logits).shape(), new long[0]);
        this.probs = probs;
        this.logits = logits;
        if (probs != null) {
            checkParam("probs", probs, Constraint.UNIT_INTERVAL);
            Tensor valid = probs.detach().gt(0L);
            if (!valid.all().itemBool()) {
                throw new IllegalArgumentException("Expected parameter probs (Tensor of shape " + PyFormat.tuple(probs.shape()) + ") of distribution "
                        + this + " to be positive but found invalid values:\n" + probs.detach().reshape(-1).maskedSelect(valid.logicalNot().reshape(-1)));
            }
        } else {
            checkParam("logits", logits, Constraint.REAL);
        }
    }

    /**
     * {@code torch.distributions.Geometric(probs=probs)}: the number of failures before the first success, batch shape probs'.
     *
     * @param probs  the success probability per trial, in (0, 1]
     * @return the distribution
     * @throws IllegalArgumentException when a probability is outside [0, 1]: PyTorch's "Expected parameter probs (Tensor of
     *     shape ()) of distribution Geometric(probs: 1.5) to satisfy the constraint Interval(lower_bound=0.0,
     *     upper_bound=1.0), but found invalid values: ...", or PyTorch's extra check for 0: "Expected
     *     parameter probs (Tensor of shape ()) of distribution Geometric(probs: 0.0) to be positive but found invalid
     *     values: ..."
     */
    public static Geometric ofProbs(Tensor probs) { return new Geometric(probs, null); }

    /**
     * {@code Geometric(probs=p)} with a float32 scalar probability (batch shape ()).
     *
     * @param probs  the success probability per trial, in (0, 1]
     * @return the distribution
     * @throws IllegalArgumentException as {@link #ofProbs(Tensor)}
     */
    public static Geometric ofProbs(double probs) { return ofProbs(Torch.scalarTensor(probs)); }

    /**
     * {@code torch.distributions.Geometric(logits=logits)}: success probability sigmoid(logits), batch shape logits'.
     *
     * @param logits  the log-odds of success per trial
     * @return the distribution
     * @throws IllegalArgumentException for a NaN logit (constraint Real(), PyTorch's "Expected parameter logits ..." text)
     */
    public static Geometric ofLogits(Tensor logits) { return new Geometric(null, logits); }

    /**
     * {@code Geometric(logits=logit)} with a float32 scalar logit (batch shape ()).
     *
     * @param logits  the log-odds of success per trial
     * @return the distribution
     * @throws IllegalArgumentException for a NaN logit (constraint Real(), PyTorch's "Expected parameter logits ..." text)
     */
    public static Geometric ofLogits(double logits) { return ofLogits(Torch.scalarTensor(logits)); }

    /**
     * {@code probs}: the success probability per trial.
     *
     * @return probs as given, or sigmoid(logits) computed on first use (and kept, with its graph to logits)
     */
    public Tensor probs() {
        if (probs == null) {
            try (var g = Torch.enableGrad()) {
                probs = logits.sigmoid();
            }
        }
        return probs;
    }

    /**
     * {@code logits}: the log-odds of success.
     *
     * @return logits as given, or log(p) - log1p(-p) of probs clamped into [eps, 1 - eps] (eps of the dtype), computed on first use
     */
    public Tensor logits() {
        if (logits == null) {
            try (var g = Torch.enableGrad()) {
                double eps = Torch.finfo(probs.dtype()).eps();
                Tensor p = probs.clamp(eps, 1 - eps);
                logits = p.log().sub(p.neg().log1p());
            }
        }
        return logits;
    }

    /** 1 / p - 1. */
    @Override public Tensor mean() { return probs().reciprocal().sub(1.0); }

    @Override public Tensor mode() { return Torch.zerosLike(probs()); }

    /** (1 / p - 1) / p. */
    @Override public Tensor variance() { return probs().reciprocal().sub(1.0).div(probs()); }

    /** floor(log(u) / log1p(-p)) with u ~ U(tiny, 1) in the probs' dtype. */
    @Override public Tensor sample(long... sampleShape) {
        try (var g = Torch.noGrad()) {
            Tensor p = probs();
            Tensor u = Torch.empty(p.dtype(), p.device(), extendedShape(sampleShape)).uniform_(Torch.finfo(p.dtype()).tiny(), 1);
            return u.log().div(p.neg().log1p()).floor();
        }
    }

    /** value log1p(-p) + log p, with 0 log(0) taken as 0 where p is 1. */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.NONNEGATIVE_INTEGER);
        long[] shape = Torch.broadcastShapes(value.shape(), probs().shape());
        Tensor v = expandTo(value, shape), p = expandTo(probs(), shape).clone();
        p.indexPut_(new Tensor[] {p.eq(1L).logicalAnd(v.eq(0L))}, 0.0);
        return v.mul(p.neg().log1p()).add(probs().log());
    }

    /** BCEWithLogits(logits, probs) / probs. */
    @Override public Tensor entropy() { return F.binaryCrossEntropyWithLogits(logits(), probs(), null, null, "none").div(probs()); }

    /** probs and logits, each once it exists (as PyTorch's __dict__ holds them). */
    @Override protected Map<String, Tensor> reprParams() {
        Map<String, Tensor> m = params();
        if (probs != null) m.put("probs", probs);
        if (logits != null) m.put("logits", logits);
        return m;
    }
}
