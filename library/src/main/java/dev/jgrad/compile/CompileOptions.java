package dev.jgrad.compile;

/**
 * The options of {@code Torch.compile}, as {@code torch.compile}'s keyword arguments: {@code fullgraph} (raise
 * {@link Unsupported} instead of falling back to eager when the function cannot be captured) and {@code disable}
 * (run eagerly, as if not compiled). Immutable: {@code CompileOptions.defaults().fullgraph(true)}.
 *
 * <p>The system property {@code jgrad.compile.disable=true} disables every compiled function, as PyTorch's
 * {@code TORCHDYNAMO_DISABLE=1}.
 */
public final class CompileOptions {
    private static final CompileOptions DEFAULTS = new CompileOptions(false, false, 64);

    private final boolean fullgraph;
    private final boolean disable;
    private final int cacheSizeLimit;

    private CompileOptions(boolean fullgraph, boolean disable, int cacheSizeLimit) {
        this.fullgraph = fullgraph;
        this.disable = disable;
        this.cacheSizeLimit = cacheSizeLimit;
    }

    /** fullgraph=false, disable=false, at most 64 traced signatures per function. */
    public static CompileOptions defaults() { return DEFAULTS; }

    /** With fullgraph set: a function that cannot be captured raises {@link Unsupported} instead of running eagerly. */
    public CompileOptions fullgraph(boolean value) { return new CompileOptions(value, disable, cacheSizeLimit); }

    /** With disable set: the function always runs eagerly. */
    public CompileOptions disable(boolean value) { return new CompileOptions(fullgraph, value, cacheSizeLimit); }

    /**
     * How many input signatures one compiled function traces (PyTorch's {@code cache_size_limit}); calls with a new
     * signature beyond it run eagerly (or raise {@link Unsupported} under fullgraph).
     */
    public CompileOptions cacheSizeLimit(int value) {
        if (value < 1) throw new IllegalArgumentException("cacheSizeLimit must be at least 1, got " + value);
        return new CompileOptions(fullgraph, disable, value);
    }

    /** Whether a function that cannot be captured raises instead of falling back to eager. */
    public boolean fullgraph() { return fullgraph; }

    /** Whether compiling is switched off for this function (the property {@code jgrad.compile.disable} switches it off for all). */
    public boolean disable() { return disable; }

    /** The most input signatures traced per function. */
    public int cacheSizeLimit() { return cacheSizeLimit; }

    @Override public String toString() {
        return "CompileOptions(fullgraph=" + fullgraph + ", disable=" + disable + ", cacheSizeLimit=" + cacheSizeLimit + ")";
    }
}
