package dev.jgrad.backend;

/** The float-only activations with their own kernels (their derivatives need the input, not just the result). */
public enum ActivationOp {
    /** {@code F.gelu(x)}: x * Phi(x), the exact (erf) form. */
    GELU,
    /** {@code F.gelu(x, approximate="tanh")}. */
    GELU_TANH,
    /** {@code F.silu(x)}: x * sigmoid(x). */
    SILU,
    /** param: the negative slope. */
    LEAKY_RELU
}
