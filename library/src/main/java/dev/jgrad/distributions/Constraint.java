package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import java.util.function.UnaryOperator;

/**
 * A parameter or support constraint ({@code torch.distributions.constraints}): an elementwise check and PyTorch's
 * repr, which validation messages quote.
 *
 * @param repr   PyTorch's repr of the constraint ("GreaterThan(lower_bound=0.0)")
 * @param check  maps a tensor to a bool tensor that is true where an element (or, for the vector constraints, a
 *               row along the last dim) satisfies the constraint
 */
public record Constraint(String repr, UnaryOperator<Tensor> check) {
    /** {@code constraints.real}: any value but NaN. */
    public static final Constraint REAL = new Constraint("Real()", v -> v.eq(v));
    /** {@code constraints.positive}: greater than 0. */
    public static final Constraint POSITIVE = new Constraint("GreaterThan(lower_bound=0.0)", v -> v.gt(0.0));
    /** {@code constraints.nonnegative}: at least 0. */
    public static final Constraint NONNEGATIVE = new Constraint("GreaterThanEq(lower_bound=0.0)", v -> v.ge(0.0));
    /** {@code constraints.unit_interval}: in [0, 1]. */
    public static final Constraint UNIT_INTERVAL = new Constraint("Interval(lower_bound=0.0, upper_bound=1.0)", v -> v.ge(0.0).logicalAnd(v.le(1.0)));
    /** {@code constraints.boolean}: 0 or 1. */
    public static final Constraint BOOLEAN = new Constraint("Boolean()", v -> v.eq(0L).logicalOr(v.eq(1L)));
    /** {@code constraints.real_vector}: vectors (along the last dim) without NaN. */
    public static final Constraint REAL_VECTOR = new Constraint("IndependentConstraint(Real(), 1)", v -> v.eq(v).all(-1));
    /** {@code constraints.simplex}: non-negative and summing to 1 (within 1e-6) along the last dim. */
    public static final Constraint SIMPLEX = new Constraint("Simplex()", v -> v.ge(0.0).all(-1).logicalAnd(v.sum(-1).sub(1L).abs().lt(1e-6)));
    /** {@code constraints.one_hot}: 0/1 entries with exactly one 1 along the last dim. */
    public static final Constraint ONE_HOT = new Constraint("OneHot()", v -> v.eq(0L).logicalOr(v.eq(1L)).all(-1).logicalAnd(v.sum(-1).eq(1L)));

    /** {@code constraints.nonnegative_integer}: non-negative whole numbers. */
    public static final Constraint NONNEGATIVE_INTEGER = new Constraint("IntegerGreaterThan(lower_bound=0)", v -> v.remainder(1L).eq(0L).logicalAnd(v.ge(0L)));

    /**
     * {@code constraints.interval(lower_bound, upper_bound)}: lowerBound &lt;= value &lt;= upperBound (closed at both
     * ends, as PyTorch's Interval).
     *
     * @param lowerBound  the lower bounds, broadcastable with the values checked
     * @param upperBound  the upper bounds, likewise
     * @return the constraint
     */
    public static Constraint interval(Tensor lowerBound, Tensor upperBound) {
        return new Constraint("Interval(lower_bound=" + PyFormat.format(lowerBound) + ", upper_bound=" + PyFormat.format(upperBound) + ")",
                v -> v.ge(lowerBound).logicalAnd(v.le(upperBound)));
    }

    /**
     * {@code constraints.integer_interval(lower_bound, upper_bound)}: whole numbers in [lowerBound, upperBound].
     *
     * @param lowerBound  the least value
     * @param upperBound  the greatest value
     * @return the constraint
     */
    public static Constraint integerInterval(long lowerBound, long upperBound) {
        return new Constraint("IntegerInterval(lower_bound=" + lowerBound + ", upper_bound=" + upperBound + ")",
                v -> v.remainder(1L).eq(0L).logicalAnd(v.ge(lowerBound)).logicalAnd(v.le(upperBound)));
    }

    /**
     * Whole numbers in [lowerBound, upperBound] with a per-element upper bound (Binomial's support).
     *
     * @param lowerBound  the least value
     * @param upperBound  the greatest values, broadcastable with the values checked
     * @return the constraint
     */
    public static Constraint integerInterval(long lowerBound, Tensor upperBound) {
        return new Constraint("IntegerInterval(lower_bound=" + lowerBound + ", upper_bound=" + PyFormat.format(upperBound) + ")",
                v -> v.remainder(1L).eq(0L).logicalAnd(v.ge(lowerBound)).logicalAnd(v.le(upperBound)));
    }

    /**
     * {@code constraint.check(value).all()}: whether every element satisfies the constraint.
     *
     * @param value  the tensor checked (detached first: no graph is recorded)
     * @return true when the check holds everywhere
     */
    public boolean holds(Tensor value) { return check.apply(value.detach()).all().itemBool(); }

    @Override public String toString() { return repr; }
}
