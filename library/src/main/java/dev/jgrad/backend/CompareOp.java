package dev.jgrad.backend;

/** The elementwise comparisons (and logical ops), all with a bool result. */
public enum CompareOp {
    /** {@code torch.eq}: a == b. */
    EQ,
    /** {@code torch.ne}: a != b. */
    NE,
    /** {@code torch.lt}: a &lt; b. */
    LT,
    /** {@code torch.le}: a &lt;= b. */
    LE,
    /** {@code torch.gt}: a &gt; b. */
    GT,
    /** {@code torch.ge}: a &gt;= b. */
    GE,
    /** {@code torch.logical_and}: both non-zero. */
    LOGICAL_AND,
    /** {@code torch.logical_or}: either non-zero. */
    LOGICAL_OR,
    /** {@code torch.logical_xor}: exactly one non-zero. */
    LOGICAL_XOR
}
