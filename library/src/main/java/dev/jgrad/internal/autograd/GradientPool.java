package dev.jgrad.internal.autograd;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.Backends;
import dev.jgrad.backend.Storage;
import dev.jgrad.internal.TensorInternals;
import java.lang.ref.SoftReference;

/**
 * Storages of intermediate gradients that a backward pass consumed, kept for the next gradient of the same size:
 * what the C allocator under PyTorch does for freed blocks, which a garbage-collected heap does not.
 *
 * <p>Only the engine gives storages back, and only those it provably owns once the node that read them has
 * returned (Note [Owned gradients] in {@link Engine}: nothing but the engine references them; not a leaf's
 * {@code .grad}, not retained, not seen by a hook, not saved by a node, not passed on). A storage taken out is the
 * taker's alone, so its old contents never show: takers overwrite every element (a GEMM with beta 0).
 *
 * <p>Per thread, so neither side locks; bounded in count and bytes (a sixteenth of the maximum heap), and held
 * through soft references, so the pool never keeps memory the program needs.
 */
public final class GradientPool {
    private GradientPool() {}

    private static final int SLOTS = 16;
    /**
     * Smaller gradients are not kept: a thread-local allocation of a few kilobytes costs less than the pool's lookup,
     * and the small-op backward passes (thousands of tiny nodes) should not pay for the pool.
     */
    private static final long MIN_BYTES = 1 << 14;
    private static final long MAX_BYTES = Math.max(1L << 20, Runtime.getRuntime().maxMemory() / 16);

    private static final class Slots {
        final Object[] refs = new Object[SLOTS];  // SoftReference<Storage>, oldest first
        final long[] bytes = new long[SLOTS];
        int count;
        long total;

        void remove(int i) {
            total -= bytes[i];
            System.arraycopy(refs, i + 1, refs, i, count - i - 1);
            System.arraycopy(bytes, i + 1, bytes, i, count - i - 1);
            refs[--count] = null;
        }
    }

    private static final Backend CPU = Backends.of(Device.CPU);

    private static final ThreadLocal<Slots> POOL = ThreadLocal.withInitial(Slots::new);

    /** Drops every storage kept for this thread (what a pass finds then is what it would find on a fresh thread). */
    public static void clear() {
        Slots p = POOL.get();
        while (p.count > 0) p.remove(p.count - 1);
    }

    /** Keeps g's storage for a later {@link #take}; the caller guarantees nothing else references it. */
    static void give(Tensor g) {
        Storage s = TensorInternals.storage(g);
        DType d = s.dtype();
        if (d != DType.FLOAT32 && d != DType.FLOAT64) return;
        // CPU arrays only: a tracing or meta backend's storages are not memory to reuse
        if (s.backend() != CPU || s.size() != TensorInternals.numel(g)) return;  // only gradients that are their whole storage
        long b = (long) s.size() * d.itemSize();
        if (b < MIN_BYTES || b > MAX_BYTES) return;
        Slots p = POOL.get();
        while (p.count > 0 && (p.count == SLOTS || p.total + b > MAX_BYTES)) p.remove(0);
        p.refs[p.count] = new SoftReference<>(s);
        p.bytes[p.count++] = b;
        p.total += b;
    }

    /**
     * A contiguous tensor of shape and dtype over a kept storage of exactly that size on like's backend, or null; its
     * elements hold whatever the last user left, so the caller must write all of them.
     */
    static Tensor take(Tensor like, int[] shape, DType dtype) {
        long n = 1;
        for (int d : shape) n *= d;
        if (n * dtype.itemSize() < MIN_BYTES) return null;
        Slots p = POOL.get();
        if (p.count == 0) return null;
        Storage mine = TensorInternals.storage(like);
        for (int i = p.count - 1; i >= 0; i--) {
            @SuppressWarnings("unchecked")
            Storage s = ((SoftReference<Storage>) p.refs[i]).get();
            if (s == null) {
                p.remove(i);
                continue;
            }
            if (s.size() == n && s.dtype() == dtype && s.backend() == mine.backend() && s.device().equals(mine.device())) {
                p.remove(i);
                return TensorInternals.contiguousOf(s, shape);
            }
        }
        return null;
    }
}
