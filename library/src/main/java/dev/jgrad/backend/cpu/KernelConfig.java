package dev.jgrad.backend.cpu;

/**
 * Start-up switches of the CPU kernels, read once from system properties into constants (so the JIT
 * folds the checks away).
 *
 * <p>{@code -Djgrad.fastpaths=false} makes every kernel take its plain reference loop, so the test suite
 * can run once with the fast paths and once without and catch a fast path that disagrees. It turns off:
 * <ul>
 *   <li>thread splitting: {@link Parallel#forRange} runs the whole range on the calling thread;</li>
 *   <li>the Vector API loops of the elementwise unary, binary and optimizer ({@code addcmul/addcdiv})
 *       kernels, and of max/min/sum-of-blocks/norm-tile reductions: scalar loops run instead;</li>
 *   <li>GEMM packing, blocking and the unpacked vector loops: {@link Gemm} runs a dot product per element
 *       of C; and the optional OpenBLAS path.</li>
 * </ul>
 * It does not turn off the PyTorch-mirroring summation of {@code torch.sum/mean} and the vector norm
 * ({@link FloatReduceKernels#cascadeSum}, {@link FloatReduceKernels#vectorNorm}'s 2-norm row): those
 * are the reference algorithm itself (the only order that reproduces PyTorch's last bits), not an
 * optimisation of something slower. Their partition into per-thread slices follows PyTorch's thread
 * count even when the slices then run one after another, so the results are the same either way.
 */
public final class KernelConfig {
    /** False under {@code -Djgrad.fastpaths=false}; anything else keeps the fast paths on. */
    public static final boolean FAST_PATHS = !"false".equalsIgnoreCase(System.getProperty("jgrad.fastpaths", "true"));

    private KernelConfig() {}
}
