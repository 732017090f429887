package dev.jgrad.compile;

/**
 * Raised under {@code fullgraph=true} when a compiled function cannot be captured (PyTorch's
 * {@code torch._dynamo.exc.Unsupported}); the message says what the function did. Without fullgraph the same
 * function runs eagerly instead.
 */
public final class Unsupported extends RuntimeException {
    /**
     * An error with the reason the function could not be captured.
     *
     * @param message what the function did that cannot be captured
     * @param cause the error capture raised, or null
     */
    public Unsupported(String message, Throwable cause) { super(message, cause); }
}
