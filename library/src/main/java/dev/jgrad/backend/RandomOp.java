package dev.jgrad.backend;

/** Random fills from a {@link dev.jgrad.Generator}, each drawing PyTorch's CPU stream for the same seed. */
public enum RandomOp {
    /** a = from, b = to. */
    UNIFORM,
    /** a = mean, b = std. */
    NORMAL,
    /** a = p. */
    BERNOULLI,
    /** a = low, b = high (exclusive). */
    RANDINT,
    /** a = lambda: -log(1 - u) / lambda from one uniform double u per element. */
    EXPONENTIAL,
    /** a = median, b = sigma: median + sigma tan(pi (u - 0.5)), u one uniform double per element. */
    CAUCHY,
    /** a = mean, b = std: exp of one per-element normal double (the cached-pair draw). */
    LOG_NORMAL,
    /** a = p: ceil(log(u) / log1p(-p)), u one uniform double per element. */
    GEOMETRIC
}
