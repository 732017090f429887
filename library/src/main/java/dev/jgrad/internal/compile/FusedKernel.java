package dev.jgrad.internal.compile;

import dev.jgrad.backend.cpu.Parallel;
import java.lang.invoke.MethodHandle;

/**
 * A generated kernel running a chain of elementwise calls in one pass over the output: the output's elements go in
 * tiles of {@link Seg#TILE} (never across a row when a leaf repeats a row), split over threads; each tile is the
 * generated {@code segment} method. Elementwise, so the bits do not depend on the split; a sum over all dims adds
 * each tile's part (the CPU sum kernel's order within the tile) into one slot per tile, then the slots in tile order.
 */
final class FusedKernel implements Step {
    private final KernelSpec spec;
    private final MethodHandle segment;
    private final String description;
    private final boolean byRows;
    private final int tilesPerRow, segments;

    FusedKernel(KernelSpec spec, MethodHandle segment, String description) {
        this.spec = spec;
        this.segment = segment;
        this.description = description;
        this.byRows = spec.hasRowLeaf();
        this.tilesPerRow = byRows ? (spec.rowLength + Seg.TILE - 1) / Seg.TILE : 0;
        this.segments = byRows ? (spec.numel / spec.rowLength) * tilesPerRow : (spec.numel + Seg.TILE - 1) / Seg.TILE;
    }

    @Override public void run(Env env) {
        int grain = Math.max(1, Parallel.ELEMENTWISE_GRAIN / Seg.TILE);
        double[][] partials = new double[spec.reductions][segments];
        Parallel.forRange(segments, grain, (from, to) -> {
            Seg seg = new Seg(spec, env);
            seg.partials = partials;
            for (int s = from; s < to; s++) {
                seg.index = s;
                if (byRows) {
                    int row = s / tilesPerRow, q = s % tilesPerRow;
                    seg.start = row * spec.rowLength + q * Seg.TILE;
                    seg.len = Math.min(Seg.TILE, spec.rowLength - q * Seg.TILE);
                } else {
                    seg.start = s * Seg.TILE;
                    seg.len = Math.min(Seg.TILE, spec.numel - seg.start);
                }
                try {
                    segment.invokeExact(seg);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            }
        });
        // the parts in tile order, in double, rounded once: the same bits for any split over threads
        for (KernelSpec.Node n : spec.nodes) {
            if (n.reduction < 0) continue;
            double total = 0;
            for (double p : partials[n.reduction]) total += p;
            Call.CPU.fill(env.real(n.call.out()), total, (long) total);
        }
    }

    @Override public String describe() { return description; }
}
