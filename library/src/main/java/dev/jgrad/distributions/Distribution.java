package dev.jgrad.distributions;

import dev.jgrad.Size;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every distribution shares, as {@code torch.distributions.Distribution}: batch and event shapes,
 * sample/rsample over sampleShape + batchShape + eventShape, and PyTorch 1.13's default argument
 * validation (parameters checked against their constraints at construction, values against the support
 * in logProb/cdf), with PyTorch's messages.
 *
 * <pre>{@code
 * var d = new Normal(Torch.zeros(3), Torch.ones(3));   // batch_shape (3), event_shape ()
 * Tensor x = d.sample(10);                              // (10, 3)
 * Tensor lp = d.logProb(x);                             // (10, 3)
 * }</pre>
 *
 * <p>Errors: a parameter outside its constraint fails at construction with IllegalArgumentException
 * ("Expected parameter scale (Tensor of shape ()) of distribution Normal(loc: 0.0, scale: -1.0) to satisfy the
 * constraint GreaterThan(lower_bound=0.0), but found invalid values:\n-1.0"); a method PyTorch's class does not
 * implement throws UnsupportedOperationException ("Bernoulli does not implement rsample").
 */
public abstract class Distribution {
    private final long[] batchShape, eventShape;

    /**
     * A distribution of the given batch and event shapes (the shapes sample() returns after the sample shape).
     *
     * @param batchShape  the shape of independent, differently parameterised distributions (copied)
     * @param eventShape  the shape of one draw (copied; empty for scalar distributions)
     */
    protected Distribution(long[] batchShape, long[] eventShape) {
        this.batchShape = batchShape.clone();
        this.eventShape = eventShape.clone();
    }

    /**
     * {@code batch_shape}: the shape of independent, differently parameterised distributions.
     *
     * @return the batch shape (the parameters' broadcast shape, less the event dims)
     */
    public Size batchShape() { return new Size(batchShape); }

    /**
     * {@code event_shape}: the shape of one draw.
     *
     * @return the event shape: empty for scalar distributions, (k) for a Dirichlet or OneHotCategorical over k
     */
    public Size eventShape() { return new Size(eventShape); }

    /**
     * {@code has_rsample}: whether {@link #rsample} exists and keeps the gradient to the parameters (the
     * reparameterisation trick).
     *
     * @return false unless the distribution overrides it
     */
    public boolean hasRsample() { return false; }

    /**
     * {@code sample()}: one draw of batch_shape + event_shape, without gradient.
     *
     * @return a tensor of the parameters' dtype (int64 for Categorical), drawn from the default generator
     */
    public Tensor sample() { return sample(new long[0]); }

    /**
     * {@code sample(sample_shape)}: draws of sampleShape + batchShape + eventShape, without gradient, from the default
     * generator in PyTorch's order, so the same seed gives PyTorch's values.
     *
     * @param sampleShape  the leading dims (none: one draw)
     * @return the draws, of the parameters' dtype (int64 for Categorical)
     */
    public Tensor sample(long... sampleShape) {
        try (var g = Torch.noGrad()) {
            return rsample(sampleShape);
        }
    }

    /**
     * {@code rsample(sample_shape)}: a reparameterised draw of sampleShape + batchShape + eventShape, differentiable in
     * the parameters (see {@link #hasRsample()}).
     *
     * @param sampleShape  the leading dims (none: one draw)
     * @return the draws, which carry gradient to the parameters that require it
     * @throws UnsupportedOperationException where PyTorch raises NotImplementedError ("Bernoulli does not implement
     *     rsample")
     */
    public Tensor rsample(long... sampleShape) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not implement rsample");
    }

    /**
     * {@code log_prob(value)}: the log density (or mass) at value, differentiable in the parameters and in value.
     *
     * @param value  values whose trailing dims are event_shape and whose shape broadcasts with batch_shape +
     *               event_shape
     * @return the log-probabilities, of the broadcast shape less event_shape
     * @throws IllegalArgumentException with PyTorch's validation texts: "The right-most size of value must match
     *     event_shape: ...", "Value is not broadcastable with batch_shape+event_shape: ...", or "Expected value
     *     argument (Tensor of shape (1,)) to be within the support (Real()) of the distribution Normal(loc: 0.0, scale:
     *     1.0), but found invalid values: ..."
     */
    public abstract Tensor logProb(Tensor value);

    /**
     * {@code entropy()}: the differential (or discrete) entropy in nats.
     *
     * @return a tensor of batch_shape
     * @throws UnsupportedOperationException where PyTorch raises NotImplementedError ("Poisson does not implement entropy")
     */
    public Tensor entropy() { throw notImplemented("entropy"); }

    /**
     * {@code mean}: the expected value.
     *
     * @return a tensor of batch_shape + event_shape (nan or inf where PyTorch gives them: a Cauchy's is nan)
     * @throws UnsupportedOperationException where PyTorch raises NotImplementedError ("Poisson does not implement mean")
     */
    public Tensor mean() { throw notImplemented("mean"); }

    /**
     * {@code variance}.
     *
     * @return a tensor of batch_shape + event_shape (inf or nan where PyTorch gives them)
     * @throws UnsupportedOperationException where PyTorch raises NotImplementedError ("Poisson does not implement variance")
     */
    public Tensor variance() { throw notImplemented("variance"); }

    /**
     * {@code mode}: the most likely value (PyTorch 1.13's mode property).
     *
     * @return a tensor of batch_shape + event_shape (nan where there is none)
     * @throws UnsupportedOperationException from a subclass without one ("... does not implement mode"); every
     *     distribution of this package has one, as in PyTorch 1.13
     */
    public Tensor mode() { throw notImplemented("mode"); }

    /**
     * {@code stddev}: the standard deviation.
     *
     * @return the square root of {@link #variance()}, of batch_shape + event_shape
     * @throws UnsupportedOperationException when variance() does
     */
    public Tensor stddev() { return variance().sqrt(); }

    /**
     * {@code cdf(value)}: the cumulative distribution function P(X &lt;= value).
     *
     * @param value  values broadcastable with batch_shape, in the support
     * @return the probabilities, of the broadcast shape
     * @throws IllegalArgumentException for a value outside the support, as {@link #logProb}
     * @throws UnsupportedOperationException where PyTorch raises NotImplementedError ("Poisson does not implement cdf")
     */
    public Tensor cdf(Tensor value) { throw notImplemented("cdf"); }

    /**
     * {@code icdf(value)}: the inverse cumulative distribution function (the quantile).
     *
     * @param value  probabilities in [0, 1], broadcastable with batch_shape
     * @return the quantiles, of the broadcast shape
     * @throws UnsupportedOperationException where PyTorch raises NotImplementedError ("Poisson does not implement icdf")
     */
    public Tensor icdf(Tensor value) { throw notImplemented("icdf"); }

    private UnsupportedOperationException notImplemented(String what) {
        return new UnsupportedOperationException(getClass().getSimpleName() + " does not implement " + what);
    }

    /**
     * sampleShape + batchShape + eventShape (PyTorch's {@code _extended_shape}): the shape a subclass's sample makes.
     *
     * @param sampleShape  the leading dims
     * @return the concatenated shape
     */
    protected long[] extendedShape(long[] sampleShape) {
        long[] shape = new long[sampleShape.length + batchShape.length + eventShape.length];
        System.arraycopy(sampleShape, 0, shape, 0, sampleShape.length);
        System.arraycopy(batchShape, 0, shape, sampleShape.length, batchShape.length);
        System.arraycopy(eventShape, 0, shape, sampleShape.length + batchShape.length, eventShape.length);
        return shape;
    }

    /**
     * The parameters PyTorch's repr lists (those set in __dict__), in arg_constraints order: what
     * {@link #toString()} prints.
     *
     * @return the parameters by name, in order
     */
    protected abstract Map<String, Tensor> reprParams();

    /**
     * Checks a parameter against its constraint, as PyTorch's validate_args does at construction.
     *
     * @param name        the parameter's name in the message ("scale")
     * @param value       its value
     * @param constraint  what every element must satisfy
     * @throws IllegalArgumentException PyTorch's ValueError text when an element breaks the constraint ("Expected
     *     parameter scale (Tensor of shape ()) of distribution Normal(...) to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ...")
     */
    protected final void checkParam(String name, Tensor value, Constraint constraint) { checkParam(toString(), name, value, constraint); }

    /** The same check for a distribution PyTorch builds inside another (its repr given), which validates first. */
    static void checkParam(String owner, String name, Tensor value, Constraint constraint) {
        if (constraint.holds(value)) return;
        throw new IllegalArgumentException("Expected parameter " + name + " (Tensor of shape " + PyFormat.tuple(value.shape()) + ") of distribution "
                + owner + " to satisfy the constraint " + constraint + ", but found invalid values:\n" + PyFormat.format(value));
    }

    /**
     * PyTorch's {@code _validate_sample}: the value's trailing dims match the event shape, its shape broadcasts with
     * the batch shape, and its elements lie in the support.
     *
     * @param value    the value logProb or cdf was given
     * @param support  the distribution's support
     * @throws IllegalArgumentException with the texts {@link #logProb} lists
     */
    protected final void validateSample(Tensor value, Constraint support) {
        long[] vs = value.shape();
        int start = vs.length - eventShape.length;
        boolean eventOk = start >= 0;
        for (int i = 0; eventOk && i < eventShape.length; i++) eventOk = vs[start + i] == eventShape[i];
        if (!eventOk) {
            long[] tail = java.util.Arrays.copyOfRange(vs, Math.max(start, 0), vs.length);
            throw new IllegalArgumentException("The right-most size of value must match event_shape: " + new Size(tail) + " vs " + new Size(eventShape) + ".");
        }
        long[] expected = extendedShape(new long[0]);
        for (int i = vs.length - 1, j = expected.length - 1; i >= 0 && j >= 0; i--, j--) {
            if (vs[i] != 1 && expected[j] != 1 && vs[i] != expected[j]) {
                throw new IllegalArgumentException("Value is not broadcastable with batch_shape+event_shape: " + new Size(vs) + " vs " + new Size(expected) + ".");
            }
        }
        if (!support.holds(value)) {
            throw new IllegalArgumentException("Expected value argument (Tensor of shape " + PyFormat.tuple(vs) + ") to be within the support (" + support
                    + ") of the distribution " + this + ", but found invalid values:\n" + PyFormat.format(value));
        }
    }

    /** Name(param: value-or-size, ...): a one-element parameter prints its value, a larger one its size. */
    @Override public String toString() {
        List<String> parts = new ArrayList<>();
        for (var e : reprParams().entrySet()) {
            Tensor t = e.getValue();
            parts.add(e.getKey() + ": " + (t.numel() == 1 ? PyFormat.format(t) : t.size().toString()));
        }
        return getClass().getSimpleName() + "(" + String.join(", ", parts) + ")";
    }

    /**
     * t itself when it already has the shape (as broadcast_all leaves it), else its expansion.
     *
     * @param t      a parameter
     * @param shape  the batch shape, which t broadcasts to
     * @return t, or a view of t of that shape
     */
    protected static Tensor expandTo(Tensor t, long[] shape) { return java.util.Arrays.equals(t.shape(), shape) ? t : t.expand(shape); }

    /**
     * An ordered map for reprParams.
     *
     * @param nameValue  name, tensor, name, tensor, ...
     * @return the pairs in order
     */
    protected static Map<String, Tensor> params(Object... nameValue) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put((String) nameValue[i], (Tensor) nameValue[i + 1]);
        return m;
    }
}
