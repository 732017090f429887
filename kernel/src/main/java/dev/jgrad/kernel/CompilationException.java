package dev.jgrad.kernel;

/** A cell that does not compile: the message holds javac's diagnostics, one per line. */
public final class CompilationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CompilationException(String message) {
        super(message);
    }
}
