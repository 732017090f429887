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
 *
 * <p>The Vector API is an incubator module, which a JVM only loads when started with
 * {@code --add-modules jdk.incubator.vector}. Without it the kernels run as under {@code jgrad.fastpaths=false}
 * (no Vector API loops, no GEMM packing, no OpenBLAS), so every result has the bits of that run; only
 * thread splitting stays on, because it never changes a result (the split sum/max of
 * {@link FloatReduceKernels#reduce} does, so it counts as a vector path). The reference sums and norms then
 * run lane-by-lane scalar twins of their vector code, with the same bits. All Vector API code lives in
 * classes of its own ({@code *Vector}, {@link SgemmKernel}, {@link DgemmKernel}, {@link GemmDirect}) that are
 * only reached behind {@link #VECTOR} or {@link #VECTOR_API}: linking a class that mentions a vector type
 * can make the verifier load that type, which without the module fails with {@code NoClassDefFoundError}.
 */
public final class KernelConfig {
    /** False under {@code -Djgrad.fastpaths=false}; anything else keeps the fast paths on. */
    public static final boolean FAST_PATHS = !"false".equalsIgnoreCase(System.getProperty("jgrad.fastpaths", "true"));

    /** Whether the Vector API module is in this JVM, so that vector classes can be loaded at all. */
    public static final boolean VECTOR_API = vectorModulePresent();

    /** The Vector API fast paths: on unless switched off or the module is absent. */
    public static final boolean VECTOR = FAST_PATHS && VECTOR_API;

    static final String VECTOR_MODULE = "jdk.incubator.vector";

    static {
        // Without the module jgrad runs many times slower, and nothing else would tell the user why: say so
        // once, with the fix. Under jgrad.fastpaths=false the vector loops are off by request anyway.
        if (FAST_PATHS && !VECTOR_API) {
            note("the fast vector paths are off because the JVM was started without the Vector API module, so"
                    + " jgrad runs its slower scalar CPU kernels (and no OpenBLAS); to turn them on, run the JVM with --add-modules "
                    + VECTOR_MODULE + " --enable-native-access=ALL-UNNAMED");
        }
    }

    /**
     * Prints one line, "jgrad: " and the text, on standard error, unless {@code -Djgrad.warnings=false}.
     * Start-up notes are single lines on purpose: a user who left out a JVM flag sees at once what adding it
     * would bring, next to the JVM's own one-line warnings, without a logging framework to configure.
     */
    static void note(String text) {
        if (!"false".equalsIgnoreCase(System.getProperty("jgrad.warnings", "true"))) System.err.println("jgrad: " + text);
    }

    private KernelConfig() {}

    /**
     * Looks in jgrad's own module layer (and so in its parents, up to the boot layer): on the class path
     * that is the boot layer, where {@code --add-modules} puts the module; an application that loads jgrad
     * into a layer of its own may have resolved the module there instead.
     */
    private static boolean vectorModulePresent() {
        ModuleLayer layer = KernelConfig.class.getModule().getLayer();
        return (layer != null ? layer : ModuleLayer.boot()).findModule(VECTOR_MODULE).isPresent();
    }
}
