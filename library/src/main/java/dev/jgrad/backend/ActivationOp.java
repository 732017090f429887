package dev.jgrad.backend;

/** The float-only activations with their own kernels (their derivatives need the input, not just the result). */
public enum ActivationOp {
    GELU, GELU_TANH, SILU,
    /** param: the negative slope. */
    LEAKY_RELU
}
