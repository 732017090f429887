package dev.jgrad.internal.compile;

/** Thrown while tracing when the function does something a compiled program cannot replay; the caller falls back to eager. */
final class CaptureException extends RuntimeException {
    CaptureException(String message) { super(message, null, false, false); }
}
