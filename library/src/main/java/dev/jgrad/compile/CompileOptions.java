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

    /**
     * {@code torch.compile}'s defaults: fullgraph=false, disable=false, at most 64 traced signatures per function.
     *
     * @return the shared default options
     */
    public static CompileOptions defaults() { return DEFAULTS; }

    /**
     * {@code torch.compile(fn, fullgraph=value)}: with fullgraph set, a function that cannot be captured raises
     * {@link Unsupported} instead of running eagerly.
     *
     * @param value whether capture failures raise
     * @return new options with fullgraph set to value, the rest unchanged
     */
    public CompileOptions fullgraph(boolean value) { return new CompileOptions(value, disable, cacheSizeLimit); }

    /**
     * {@code torch.compile(fn, disable=value)}: with disable set, the function always runs eagerly.
     *
     * @param value whether to run eagerly
     * @return new options with disable set to value, the rest unchanged
     */
    public CompileOptions disable(boolean value) { return new CompileOptions(fullgraph, value, cacheSizeLimit); }

    /**
     * How many input signatures one compiled function traces (PyTorch's {@code cache_size_limit}); calls with a new
     * signature beyond it run eagerly (or raise {@link Unsupported} under fullgraph).
     *
     * @param value the most signatures traced, at least 1
     * @return new options with that limit, the rest unchanged
     * @throws IllegalArgumentException if value is below 1 ("cacheSizeLimit must be at least 1, got 0")
     */
    public CompileOptions cacheSizeLimit(int value) {
        if (value < 1) throw new IllegalArgumentException("cacheSizeLimit must be at least 1, got " + value);
        return new CompileOptions(fullgraph, disable, value);
    }

    /**
     * The fullgraph option.
     *
     * @return whether a function that cannot be captured raises instead of falling back to eager
     */
    public boolean fullgraph() { return fullgraph; }

    /**
     * The disable option (the property {@code jgrad.compile.disable} switches compiling off for all functions).
     *
     * @return whether compiling is switched off for this function
     */
    public boolean disable() { return disable; }

    /**
     * The cache size limit.
     *
     * @return the most input signatures traced per function
     */
    public int cacheSizeLimit() { return cacheSizeLimit; }

    @Override public String toString() {
        return "CompileOptions(fullgraph=" + fullgraph + ", disable=" + disable + ", cacheSizeLimit=" + cacheSizeLimit + ")";
    }
}
