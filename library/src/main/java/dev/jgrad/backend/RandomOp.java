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
    EXPONENTIAL
}
