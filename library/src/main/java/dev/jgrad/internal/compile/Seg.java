package dev.jgrad.internal.compile;

import dev.jgrad.Device;
import dev.jgrad.backend.Storage;
import dev.jgrad.backend.View;

/**
 * One thread's state for running a fused kernel: for each operand (leaves, then nodes) its storage, array and base
 * index, and the current tile [start, start + len) of the output's elements. The generated code asks it for arrays
 * and tile indices; the kernel calls of {@link Tiles} ask it for views.
 */
final class Seg {
    static final int TILE = 4096;

    private static final int CONTIG = 0, SCALAR = 1, ROW = 2, OUT = 3, SCRATCH = 4;

    final Storage[] storages;
    final Object[] arrays;
    private final int[] base;
    private final int[] mode;
    private final int rowLength;
    int start, len;
    /** The current tile's number, and each sum's part per tile (filled in by {@link Tiles#sum}). */
    int index;
    double[][] partials;
    private Storage one;

    Seg(KernelSpec spec, Env env) {
        int n = spec.leaves.size() + spec.nodes.size();
        storages = new Storage[n];
        arrays = new Object[n];
        base = new int[n];
        mode = new int[n];
        rowLength = spec.rowLength;
        for (int i = 0; i < spec.leaves.size(); i++) {
            KernelSpec.Leaf leaf = spec.leaves.get(i);
            View v = env.real(leaf.view());
            storages[i] = v.storage();
            arrays[i] = Call.CPU.sharedArray(v.storage());
            base[i] = v.offset();
            mode[i] = switch (leaf.mode()) { case CONTIG -> CONTIG; case SCALAR -> SCALAR; case ROW -> ROW; };
        }
        for (int k = 0; k < spec.nodes.size(); k++) {
            KernelSpec.Node node = spec.nodes.get(k);
            int o = spec.leaves.size() + k;
            if (node.materialized) {
                storages[o] = env.slots[node.slot];
                mode[o] = OUT;
            } else if (node.stored) {
                Object scratch = spec.dtype == dev.jgrad.DType.FLOAT32 ? new float[TILE] : new double[TILE];
                storages[o] = Call.CPU.fromHost(scratch, Device.CPU);
                mode[o] = SCRATCH;
            } else {
                continue;
            }
            arrays[o] = Call.CPU.sharedArray(storages[o]);
        }
    }

    /** A one-element buffer for a tile's sum. */
    View oneElement(dev.jgrad.DType dtype) {
        if (one == null) one = Call.CPU.allocate(dtype, 1, Device.CPU);
        return new View(one, new int[0], new int[0], 0);
    }

    /** The array holding operand o's elements. */
    Object array(int o) { return arrays[o]; }

    /** The index of operand o's first element of the current tile (consecutive elements follow, except for a scalar). */
    int index(int o) {
        return switch (mode[o]) {
            case CONTIG -> base[o] + start;
            case ROW -> base[o] + start % rowLength;
            case SCALAR -> base[o];
            case OUT -> start;
            default -> 0;
        };
    }

    float scalarF(int o) { return ((float[]) arrays[o])[base[o]]; }

    double scalarD(int o) { return ((double[]) arrays[o])[base[o]]; }

    int len() { return len; }

    /** Operand o's elements of the current tile as a view, for a CPU kernel. */
    View view(int o) {
        return new View(storages[o], new int[] {len}, new int[] {mode[o] == SCALAR ? 0 : 1}, index(o));
    }
}
