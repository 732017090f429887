package dev.jgrad.backend;

/** Reductions over one dim of an (outer, r, inner) block. MAX/MIN also give indices when asked. */
public enum ReduceOp {
    /** The sum ({@code torch.sum}). */
    SUM,
    /** The product ({@code torch.prod}). */
    PROD,
    /** The maximum ({@code torch.amax}; with indices, {@code torch.max(dim)}). */
    MAX,
    /** The minimum ({@code torch.amin}; with indices, {@code torch.min(dim)}). */
    MIN,
    /** The sum of squares (for norms and variances). */
    SUM_OF_SQUARES,
    /** Whether every element is non-zero ({@code torch.all}). */
    ALL,
    /** Whether any element is non-zero ({@code torch.any}). */
    ANY
}
