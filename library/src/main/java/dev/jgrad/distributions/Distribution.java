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
 */
public abstract class Distribution {
    private final long[] batchShape, eventShape;

    /** A distribution of the given batch and event shapes (the shapes sample() returns after the sample shape). */
    protected Distribution(long[] batchShape, long[] eventShape) {
        this.batchShape = batchShape.clone();
        this.eventShape = eventShape.clone();
    }

    /** {@code batch_shape}: the shape of independent, differently parameterised distributions. */
    public Size batchShape() { return new Size(batchShape); }

    /** {@code event_shape}: the shape of one draw (empty for scalar distributions). */
    public Size eventShape() { return new Size(eventShape); }

    /** Whether rsample keeps the gradient to the parameters (the reparameterisation trick). */
    public boolean hasRsample() { return false; }

    /** One draw of the batch (and event) shape. */
    public Tensor sample() { return sample(new long[0]); }

    /** A draw of sampleShape + batchShape + eventShape, without gradient. */
    public Tensor sample(long... sampleShape) {
        try (var g = Torch.noGrad()) {
            return rsample(sampleShape);
        }
    }

    /** A reparameterised draw (differentiable in the parameters); PyTorch raises NotImplementedError where there is none. */
    public Tensor rsample(long... sampleShape) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not implement rsample");
    }

    /**
     * {@code log_prob(value)}: the log density or mass at value, broadcast against batch_shape + event_shape; a value
     * outside the support raises PyTorch's "Expected value argument ... to be within the support"
     * (IllegalArgumentException).
     */
    public abstract Tensor logProb(Tensor value);

    /** {@code entropy()}, of shape batch_shape; where PyTorch has none, UnsupportedOperationException. */
    public Tensor entropy() { throw notImplemented("entropy"); }

    /** {@code mean}, of shape batch_shape + event_shape (nan or inf where PyTorch gives them). */
    public Tensor mean() { throw notImplemented("mean"); }

    /** {@code variance}, of shape batch_shape + event_shape. */
    public Tensor variance() { throw notImplemented("variance"); }

    /** The most likely value (PyTorch 1.13's mode property). */
    public Tensor mode() { throw notImplemented("mode"); }

    /** {@code stddev}: the square root of the variance. */
    public Tensor stddev() { return variance().sqrt(); }

    /**
     * {@code cdf(value)}: the cumulative distribution function; UnsupportedOperationException where PyTorch has none.
     */
    public Tensor cdf(Tensor value) { throw notImplemented("cdf"); }

    /**
     * {@code icdf(value)}: the inverse cumulative distribution function; UnsupportedOperationException where PyTorch
     * has none.
     */
    public Tensor icdf(Tensor value) { throw notImplemented("icdf"); }

    private UnsupportedOperationException notImplemented(String what) {
        return new UnsupportedOperationException(getClass().getSimpleName() + " does not implement " + what);
    }

    /** sampleShape + batchShape + eventShape (PyTorch's _extended_shape). */
    protected long[] extendedShape(long[] sampleShape) {
        long[] shape = new long[sampleShape.length + batchShape.length + eventShape.length];
        System.arraycopy(sampleShape, 0, shape, 0, sampleShape.length);
        System.arraycopy(batchShape, 0, shape, sampleShape.length, batchShape.length);
        System.arraycopy(eventShape, 0, shape, sampleShape.length + batchShape.length, eventShape.length);
        return shape;
    }

    /** The parameters PyTorch's repr lists (those set in __dict__), in arg_constraints order. */
    protected abstract Map<String, Tensor> reprParams();

    /** Raises PyTorch's ValueError text when a parameter breaks its constraint. */
    protected final void checkParam(String name, Tensor value, Constraint constraint) { checkParam(toString(), name, value, constraint); }

    /** The same check for a distribution PyTorch builds inside another (its repr given), which validates first. */
    static void checkParam(String owner, String name, Tensor value, Constraint constraint) {
        if (constraint.holds(value)) return;
        throw new IllegalArgumentException("Expected parameter " + name + " (Tensor of shape " + PyFormat.tuple(value.shape()) + ") of distribution "
                + owner + " to satisfy the constraint " + constraint + ", but found invalid values:\n" + PyFormat.format(value));
    }

    /** PyTorch's _validate_sample: the value's trailing dims match the event shape, broadcast with the batch shape and lie in the support. */
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

    /** t itself when it already has the shape (as broadcast_all leaves it), else its expansion. */
    protected static Tensor expandTo(Tensor t, long[] shape) { return java.util.Arrays.equals(t.shape(), shape) ? t : t.expand(shape); }

    /** An ordered map for reprParams. */
    protected static Map<String, Tensor> params(Object... nameValue) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put((String) nameValue[i], (Tensor) nameValue[i + 1]);
        return m;
    }
}
