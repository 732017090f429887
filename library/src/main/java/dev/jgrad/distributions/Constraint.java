package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import java.util.function.UnaryOperator;

/**
 * A parameter or support constraint (torch.distributions.constraints): an elementwise check and PyTorch's
 * repr, which validation messages quote.
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
    /** Non-negative and summing to 1 (within 1e-6) along the last dim. */
    public static final Constraint SIMPLEX = new Constraint("Simplex()", v -> v.ge(0.0).all(-1).logicalAnd(v.sum(-1).sub(1L).abs().lt(1e-6)));
    /** 0/1 entries with exactly one 1 along the last dim. */
    public static final Constraint ONE_HOT = new Constraint("OneHot()", v -> v.eq(0L).logicalOr(v.eq(1L)).all(-1).logicalAnd(v.sum(-1).eq(1L)));

    /** Non-negative whole numbers (PyTorch's nonnegative_integer). */
    public static final Constraint NONNEGATIVE_INTEGER = new Constraint("IntegerGreaterThan(lower_bound=0)", v -> v.remainder(1L).eq(0L).logicalAnd(v.ge(0L)));

    /** lowerBound &lt;= value &lt;= upperBound (closed at both ends, as PyTorch's Interval). */
    public static Constraint interval(Tensor lowerBound, Tensor upperBound) {
        return new Constraint("Interval(lower_bound=" + PyFormat.format(lowerBound) + ", upper_bound=" + PyFormat.format(upperBound) + ")",
                v -> v.ge(lowerBound).logicalAnd(v.le(upperBound)));
    }

    /** Integers in [lowerBound, upperBound] (PyTorch's IntegerInterval). */
    public static Constraint integerInterval(long lowerBound, long upperBound) {
        return new Constraint("IntegerInterval(lower_bound=" + lowerBound + ", upper_bound=" + upperBound + ")",
                v -> v.remainder(1L).eq(0L).logicalAnd(v.ge(lowerBound)).logicalAnd(v.le(upperBound)));
    }

    /** Integers in [lowerBound, upperBound] with a per-element upper bound (Binomial's support). */
    public static Constraint integerInterval(long lowerBound, Tensor upperBound) {
        return new Constraint("IntegerInterval(lower_bound=" + lowerBound + ", upper_bound=" + PyFormat.format(upperBound) + ")",
                v -> v.remainder(1L).eq(0L).logicalAnd(v.ge(lowerBound)).logicalAnd(v.le(upperBound)));
    }

    /** Whether every element satisfies the constraint. */
    public boolean holds(Tensor value) { return check.apply(value.detach()).all().itemBool(); }

    @Override public String toString() { return repr; }
}
