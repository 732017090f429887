package dev.jgrad.internal.compile;

import java.util.List;
import java.util.Set;

/** Groups runs of elementwise calls into generated kernels. */
final class Fuser {
    private Fuser() {}

    static List<Step> fuse(List<Step> steps, Set<Integer> neededLater, TraceBackend tb) { return steps; }
}
