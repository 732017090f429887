package dev.jgrad.backend.cpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Optional OpenBLAS {@code cblas_sgemm/cblas_dgemm}, called through the FFM API (no JNI, nothing bundled).
 *
 * <p>The library is looked up once, when this class loads: the file named by {@code -Djgrad.blas.path}, else
 * {@code libopenblas.so.0} on the system's library path (Debian/Ubuntu: {@code libopenblas0-pthread}).
 * When it is absent, unloadable or lacks the symbols, or under {@code -Djgrad.blas=false} or
 * {@code -Djgrad.fastpaths=false}, {@link #AVAILABLE} is false and jgrad stays pure Java, silently.
 * When jgrad's module lacks native access ({@code --enable-native-access}), no restricted method is
 * called at all (each would make the JVM print four lines of warnings): one line says what the flag
 * would add, and jgrad stays pure Java.
 *
 * <p>Small products pass Java arrays in place: their downcalls are {@linkplain Linker.Option#critical(boolean)
 * critical with heap access}, so nothing is copied (a copy would cost about as much as the product). A
 * critical call holds off safepoints, and so garbage collection in every thread, for its whole length; so
 * products of more than {@link #COPY_MACS} multiply-adds (about 0.7 ms of work on one core) copy A and B
 * into native memory and make an ordinary downcall, during which the JVM may collect: the copies are O(n^2)
 * against the product's O(n^3) (a 1024 x 1024 product copies 12 MB in about 1 ms against about 10 ms of
 * arithmetic). The native buffers are kept per thread for the next large call.
 */
final class OpenBlas {
    /** CBLAS enum values (cblas.h). */
    private static final int ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112;

    /**
     * The bound entry points: sgemm and dgemm critical over heap arrays, sgemmNative and dgemmNative ordinary
     * calls over native memory; setNumThreads is null when the library has no such function.
     */
    record Binding(MethodHandle sgemm, MethodHandle dgemm, MethodHandle sgemmNative, MethodHandle dgemmNative,
                   MethodHandle setNumThreads) {}

    /** Products of more multiply-adds than this run over native copies, not holding off garbage collection. */
    static final long COPY_MACS = Long.getLong("jgrad.blas.copyMacs", 1L << 26);

    /** Per-thread native scratch for the copied operands, grown as needed and freed with its thread. */
    private static final ThreadLocal<MemorySegment[]> SCRATCH = ThreadLocal.withInitial(() -> new MemorySegment[1]);

    private static final Binding BLAS = enabled() && nativeAccess() ? bind(System.getProperty("jgrad.blas.path")) : null;
    /** True when cblas_sgemm/cblas_dgemm were bound and may be used. */
    static final boolean AVAILABLE = BLAS != null;
    /** The thread count last handed to OpenBLAS, so it follows {@link Parallel#setNumThreads}. */
    private static volatile int threadsSet = -1;

    private static boolean enabled() {
        return KernelConfig.FAST_PATHS && !"false".equalsIgnoreCase(System.getProperty("jgrad.blas", "true"));
    }

    /** Whether jgrad may call restricted FFM methods; if not, says once what the flag would add. */
    private static boolean nativeAccess() {
        Module module = OpenBlas.class.getModule();
        if (module.isNativeAccessEnabled()) return true;
        KernelConfig.note("native access is not enabled, so matrix products stay in pure Java and never try OpenBLAS;"
                + " to let jgrad use an installed OpenBLAS, run the JVM with --enable-native-access="
                + (module.isNamed() ? module.getName() : "ALL-UNNAMED"));
        return false;
    }

    /**
     * Binds the library at path (null: libopenblas.so.0 from the system's library path), or returns null
     * when it is missing, unloadable, lacks cblas_sgemm/cblas_dgemm, or native access is denied.
     */
    static Binding bind(String path) {
        // HotSpot warns about a disabled stack guard when asked to load a Linux file that is no ELF object
        if (path != null && isLinux() && !isElf(Path.of(path))) return null;
        try {
            SymbolLookup lib = path != null
                    ? SymbolLookup.libraryLookup(Path.of(path), Arena.global())
                    : SymbolLookup.libraryLookup("libopenblas.so.0", Arena.global());
            Linker linker = Linker.nativeLinker();
            Linker.Option heapAccess = Linker.Option.critical(true);
            // void cblas_?gemm(order, transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc)
            MemorySegment sAddr = lib.find("cblas_sgemm").orElseThrow(), dAddr = lib.find("cblas_dgemm").orElseThrow();
            FunctionDescriptor sDesc = FunctionDescriptor.ofVoid(
                    JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT,
                    ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT);
            FunctionDescriptor dDesc = FunctionDescriptor.ofVoid(
                    JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT,
                    ADDRESS, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT);
            MethodHandle s = linker.downcallHandle(sAddr, sDesc, heapAccess);
            MethodHandle d = linker.downcallHandle(dAddr, dDesc, heapAccess);
            MethodHandle sn = linker.downcallHandle(sAddr, sDesc);
            MethodHandle dn = linker.downcallHandle(dAddr, dDesc);
            MethodHandle t = lib.find("openblas_set_num_threads")
                    .map(a -> linker.downcallHandle(a, FunctionDescriptor.ofVoid(JAVA_INT)))
                    .orElse(null);
            return new Binding(s, d, sn, dn, t);
        } catch (RuntimeException | LinkageError e) {
            return null;  // no library, a different ABI, or native access denied: pure Java it is
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").startsWith("Linux");
    }

    /** Whether the file starts with the ELF magic number (0x7f 'E' 'L' 'F'); false when it can't be read. */
    private static boolean isElf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private OpenBlas() {}

    /**
     * Whether BLAS can read a rows x cols operand with these element strides in place: as row-major or as
     * column-major (the transpose of a row-major matrix) with a leading dimension BLAS accepts. A stride
     * along a dimension of length 1 is never used, so it doesn't matter. Gapped or expanded layouts can't.
     */
    static boolean describable(int rows, int cols, int rowStride, int colStride) {
        return trans(rows, cols, rowStride, colStride) != 0;
    }

    /** NO_TRANS for a row-major operand, TRANS for a column-major one, 0 for neither. */
    private static int trans(int rows, int cols, int rowStride, int colStride) {
        if ((cols == 1 || colStride == 1) && (rows == 1 || rowStride >= Math.max(1, cols))) return NO_TRANS;
        if ((rows == 1 || rowStride == 1) && (cols == 1 || colStride >= Math.max(1, rows))) return TRANS;
        return 0;
    }

    /** The leading dimension of a describable operand: the stride between rows (row-major) or columns. */
    private static int lead(int rows, int cols, int rowStride, int colStride) {
        return trans(rows, cols, rowStride, colStride) == NO_TRANS
                ? (rows == 1 ? Math.max(1, cols) : rowStride)
                : (cols == 1 ? Math.max(1, rows) : colStride);
    }

    /** C[m x n] (+)= A[m x k] * B[k x n] by cblas_sgemm; every operand must be {@link #describable}. */
    static void sgemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                      float[] c, int cOff, int ldc, boolean accumulate) {
        syncThreads();
        if ((long) m * n * k > COPY_MACS) {
            sgemmCopied(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
            return;
        }
        try {
            BLAS.sgemm().invokeExact(ROW_MAJOR, trans(m, k, ars, acs), trans(k, n, brs, bcs), m, n, k, 1f,
                    MemorySegment.ofArray(a).asSlice(4L * aOff), lead(m, k, ars, acs),
                    MemorySegment.ofArray(b).asSlice(4L * bOff), lead(k, n, brs, bcs),
                    accumulate ? 1f : 0f, MemorySegment.ofArray(c).asSlice(4L * cOff), ldc);
        } catch (Throwable e) {
            throw new IllegalStateException("cblas_sgemm failed", e);
        }
    }

    /** C[m x n] (+)= A[m x k] * B[k x n] by cblas_dgemm; every operand must be {@link #describable}. */
    static void dgemm(int m, int n, int k, double[] a, int aOff, int ars, int acs, double[] b, int bOff, int brs, int bcs,
                      double[] c, int cOff, int ldc, boolean accumulate) {
        syncThreads();
        if ((long) m * n * k > COPY_MACS) {
            dgemmCopied(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
            return;
        }
        try {
            BLAS.dgemm().invokeExact(ROW_MAJOR, trans(m, k, ars, acs), trans(k, n, brs, bcs), m, n, k, 1.0,
                    MemorySegment.ofArray(a).asSlice(8L * aOff), lead(m, k, ars, acs),
                    MemorySegment.ofArray(b).asSlice(8L * bOff), lead(k, n, brs, bcs),
                    accumulate ? 1.0 : 0.0, MemorySegment.ofArray(c).asSlice(8L * cOff), ldc);
        } catch (Throwable e) {
            throw new IllegalStateException("cblas_dgemm failed", e);
        }
    }

    /** {@link #sgemm} over native copies of A, B and C (C dense, n wide), by an ordinary downcall. */
    private static void sgemmCopied(int m, int n, int k, float[] a, int aOff, int ars, int acs,
                                    float[] b, int bOff, int brs, int bcs, float[] c, int cOff, int ldc, boolean accumulate) {
        Staged s = Staged.copyIn(JAVA_FLOAT, m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
        try {
            BLAS.sgemmNative().invokeExact(ROW_MAJOR, trans(m, k, ars, acs), trans(k, n, brs, bcs), m, n, k, 1f,
                    s.a(), lead(m, k, ars, acs), s.b(), lead(k, n, brs, bcs), accumulate ? 1f : 0f, s.c(), n);
        } catch (Throwable e) {
            throw new IllegalStateException("cblas_sgemm failed", e);
        }
        s.copyOut(JAVA_FLOAT, m, n, c, cOff, ldc);
    }

    /** {@link #dgemm} over native copies of A, B and C (C dense, n wide), by an ordinary downcall. */
    private static void dgemmCopied(int m, int n, int k, double[] a, int aOff, int ars, int acs,
                                    double[] b, int bOff, int brs, int bcs, double[] c, int cOff, int ldc, boolean accumulate) {
        Staged s = Staged.copyIn(JAVA_DOUBLE, m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
        try {
            BLAS.dgemmNative().invokeExact(ROW_MAJOR, trans(m, k, ars, acs), trans(k, n, brs, bcs), m, n, k, 1.0,
                    s.a(), lead(m, k, ars, acs), s.b(), lead(k, n, brs, bcs), accumulate ? 1.0 : 0.0, s.c(), n);
        } catch (Throwable e) {
            throw new IllegalStateException("cblas_dgemm failed", e);
        }
        s.copyOut(JAVA_DOUBLE, m, n, c, cOff, ldc);
    }

    /** A, B and C of a copied product in this thread's native scratch buffer; C dense, n wide. */
    private record Staged(MemorySegment a, MemorySegment b, MemorySegment c) {
        /** Copies A and B (each from its first to its last element) and, when accumulating, C's rows. */
        static Staged copyIn(ValueLayout el, int m, int n, int k, Object a, int aOff, int ars, int acs,
                             Object b, int bOff, int brs, int bcs, Object c, int cOff, int ldc, boolean accumulate) {
            long size = el.byteSize();
            long aLen = span(m, k, ars, acs), bLen = span(k, n, brs, bcs), cLen = (long) m * n;
            MemorySegment buf = scratch(size * (aLen + bLen + cLen) + 128);
            MemorySegment na = buf.asSlice(0, size * aLen);
            MemorySegment nb = buf.asSlice(align(size * aLen), size * bLen);
            MemorySegment nc = buf.asSlice(align(size * aLen) + align(size * bLen), size * cLen);
            MemorySegment.copy(a, aOff, na, el, 0, (int) aLen);
            MemorySegment.copy(b, bOff, nb, el, 0, (int) bLen);
            if (accumulate) {
                for (int i = 0; i < m; i++) MemorySegment.copy(c, cOff + i * ldc, nc, el, size * i * n, n);
            }
            return new Staged(na, nb, nc);
        }

        /** The product's rows back into c. */
        void copyOut(ValueLayout el, int m, int n, Object c, int cOff, int ldc) {
            for (int i = 0; i < m; i++) MemorySegment.copy(this.c, el, el.byteSize() * i * n, c, cOff + i * ldc, n);
        }
    }

    /** Elements from a describable operand's first element to its last, inclusive. */
    private static long span(int rows, int cols, int rowStride, int colStride) {
        if (rows == 0 || cols == 0) return 0;
        return (long) (rows - 1) * (rows == 1 ? 0 : rowStride) + (long) (cols - 1) * (cols == 1 ? 0 : colStride) + 1;
    }

    /** Rounds a byte offset up to a cache line. */
    private static long align(long bytes) {
        return (bytes + 63) & ~63L;
    }

    /** This thread's native scratch of at least the given bytes. */
    private static MemorySegment scratch(long bytes) {
        MemorySegment[] slot = SCRATCH.get();
        if (slot[0] == null || slot[0].byteSize() < bytes) {
            slot[0] = null;  // let the old buffer go before the new one is allocated
            slot[0] = Arena.ofAuto().allocate(Math.max(bytes, 1 << 20), 64);
        }
        return slot[0];
    }

    /** OpenBLAS runs its own threads; keep their number at jgrad's ({@code torch.set_num_threads}). */
    private static void syncThreads() {
        int want = Parallel.numThreads();
        if (want != threadsSet && BLAS.setNumThreads() != null) {
            synchronized (OpenBlas.class) {
                try {
                    BLAS.setNumThreads().invokeExact(want);
                } catch (Throwable e) {
                    throw new IllegalStateException("openblas_set_num_threads failed", e);
                }
                threadsSet = want;
            }
        }
    }
}
