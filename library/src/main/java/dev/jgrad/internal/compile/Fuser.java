package dev.jgrad.internal.compile;

import dev.jgrad.DType;
import dev.jgrad.backend.View;
import dev.jgrad.internal.compile.KernelSpec.Mode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups each run of consecutive elementwise calls (unary, binary, activation, same-dtype copy) that share one
 * floating dtype and output shape into one {@link FusedKernel}. A call joins the run when it writes a fresh
 * contiguous buffer and reads, besides values of the run, only tensors whose elements line up with the output's
 * (same layout, a broadcast scalar, or a broadcast row). Values of the run that nothing after it reads are never
 * allocated: they live in registers or in one tile-sized buffer per thread.
 */
final class Fuser {
    private Fuser() {}

    static boolean enabled() { return !Boolean.getBoolean("jgrad.compile.nofuse"); }

    static List<Step> fuse(List<Step> steps, Set<Integer> neededLater, TraceBackend tb) {
        if (!enabled()) return steps;
        Map<Integer, Set<Integer>> readers = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Call c) {
                for (View r : c.reads) if (r != null && r.storage() instanceof TraceStorage ts) readers.computeIfAbsent(ts.slot, k -> new HashSet<>()).add(i);
            }
        }
        List<Step> out = new ArrayList<>();
        Map<Integer, Alloc> pending = new LinkedHashMap<>();
        Set<Integer> written = new HashSet<>();
        Group g = null;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s instanceof Alloc a) {
                pending.put(a.slot(), a);
                continue;
            }
            Call c = (Call) s;
            if (g == null || !g.tryAdd(c, i, written)) {
                if (g != null) g.flush(out, pending, readers, neededLater);
                g = new Group();
                if (!g.tryAdd(c, i, written)) {
                    g = null;
                    out.addAll(pending.values());
                    pending.clear();
                    out.add(c);
                }
            }
            for (View w : c.writes) if (w != null && w.storage() instanceof TraceStorage ts) written.add(ts.slot);
        }
        if (g != null) g.flush(out, pending, readers, neededLater);
        out.addAll(pending.values());
        return out;
    }

    /** A run being collected. */
    private static final class Group {
        KernelSpec spec;
        final List<Call> calls = new ArrayList<>();
        final List<Integer> indices = new ArrayList<>();
        final Map<Integer, Integer> nodeOfSlot = new HashMap<>();

        boolean tryAdd(Call c, int index, Set<Integer> written) {
            if (c.kind == Call.Kind.OTHER) return false;
            if (c.kind == Call.Kind.SUM) return tryAddSum(c, index, written);
            View out = c.out();
            if (!(out.storage() instanceof TraceStorage ts)) return false;
            DType t = out.dtype();
            if (t != DType.FLOAT32 && t != DType.FLOAT64) return false;
            if (!out.isContiguous() || out.offset() != 0 || out.numel() != ts.size() || out.numel() == 0) return false;
            // writing over a value of the run (relu's backward reuses its gradient's buffer) makes a new value; anything
            // written before the run may be read by what ran before, so it stays out
            Integer overwritten = nodeOfSlot.get(ts.slot);
            if (written.contains(ts.slot) && overwritten == null) return false;
            if (spec != null && (spec.dtype != t || !Arrays.equals(spec.shape, out.shape()))) return false;
            KernelSpec s = spec != null ? spec : new KernelSpec(t, out.shape().clone(), out.numel());
            int[] operands = new int[c.reads.length];
            List<KernelSpec.Leaf> newLeaves = new ArrayList<>();
            for (int r = 0; r < c.reads.length; r++) {
                View v = c.reads[r];
                if (v.dtype() != t) return false;
                Integer node = v.storage() instanceof TraceStorage rs ? nodeOfSlot.get(rs.slot) : null;
                if (node != null) {
                    if (!v.isContiguous() || v.offset() != 0 || !Arrays.equals(v.shape(), s.shape)) return false;
                    operands[r] = -1 - node;  // resolved below, once the leaf count is known
                    continue;
                }
                Mode m = mode(v, s.shape);
                if (m == null) return false;
                int leaf = findLeaf(s.leaves, v, m);
                if (leaf < 0) leaf = findLeaf(newLeaves, v, m) >= 0 ? s.leaves.size() + findLeaf(newLeaves, v, m) : -1;
                if (leaf < 0) {
                    newLeaves.add(new KernelSpec.Leaf(v, m));
                    leaf = s.leaves.size() + newLeaves.size() - 1;
                }
                operands[r] = leaf;
            }
            if (spec == null) spec = s;
            spec.leaves.addAll(newLeaves);
            // nodes are numbered after all leaves; operands are kept as "leaf index" or "-1 - node" until the spec is final
            spec.nodes.add(new KernelSpec.Node(c, operands, ts.slot));
            if (overwritten != null) spec.nodes.get(overwritten).superseded = true;
            nodeOfSlot.put(ts.slot, spec.nodes.size() - 1);
            calls.add(c);
            indices.add(index);
            return true;
        }

        /** A sum over all dims of a value of the run: each tile adds its part, the kernel adds the parts in tile order. */
        private boolean tryAddSum(Call c, int index, Set<Integer> written) {
            if (spec == null) return false;
            View in = c.reads[0], out = c.out();
            if (!(out.storage() instanceof TraceStorage ts) || written.contains(ts.slot) || out.dtype() != spec.dtype) return false;
            Integer node = in.storage() instanceof TraceStorage rs ? nodeOfSlot.get(rs.slot) : null;
            if (node == null || !in.isContiguous() || in.offset() != 0 || !Arrays.equals(in.shape(), spec.shape)) return false;
            KernelSpec.Node n = new KernelSpec.Node(c, new int[] {-1 - node}, ts.slot);
            n.reduction = spec.reductions++;
            spec.nodes.add(n);
            nodeOfSlot.put(ts.slot, spec.nodes.size() - 1);
            calls.add(c);
            indices.add(index);
            return true;
        }

        private static int findLeaf(List<KernelSpec.Leaf> leaves, View v, Mode m) {
            for (int i = 0; i < leaves.size(); i++) {
                View o = leaves.get(i).view();
                if (leaves.get(i).mode() == m && o.storage() == v.storage() && o.offset() == v.offset() && Arrays.equals(o.strides(), v.strides())) return i;
            }
            return -1;
        }

        void flush(List<Step> out, Map<Integer, Alloc> pending, Map<Integer, Set<Integer>> readers, Set<Integer> neededLater) {
            if (calls.size() < 2) {
                out.addAll(pending.values());
                pending.clear();
                out.addAll(calls);
                return;
            }
            Set<Integer> members = new HashSet<>(indices);
            int leafCount = spec.leaves.size();
            for (KernelSpec.Node n : spec.nodes) {
                for (int r = 0; r < n.operands.length; r++) if (n.operands[r] < 0) n.operands[r] = leafCount + (-1 - n.operands[r]);
                boolean outside = neededLater.contains(n.slot);
                for (int reader : readers.getOrDefault(n.slot, Set.of())) outside |= !members.contains(reader);
                // a superseded value: every later reader of its slot reads the value that replaced it
                n.materialized = !n.superseded && (outside || n.reduction >= 0);
            }
            for (var it = pending.entrySet().iterator(); it.hasNext();) {
                var e = it.next();
                Integer node = nodeOfSlot.get(e.getKey());
                if (node != null && !spec.nodes.get(node).materialized) it.remove();  // a value only the kernel reads: no buffer
            }
            out.addAll(pending.values());
            pending.clear();
            out.add(KernelGen.generate(spec));
        }
    }

    /**
     * How v's elements line up with an output of this shape, or null when no tile of the output can read them in order.
     * Kernels get operands broadcast by shape (fewer dims, or size 1 where the output is larger), so v's strides are
     * first aligned to the output's dims (0 where it broadcasts).
     */
    static Mode mode(View v, int[] shape) {
        int n = shape.length, lead = n - v.dim();
        if (lead < 0) return null;
        int[] eff = new int[n];
        for (int d = 0; d < v.dim(); d++) {
            int size = v.shape()[d];
            if (size != 1 && size != shape[lead + d]) return null;
            eff[lead + d] = size == 1 ? 0 : v.strides()[d];
        }
        boolean scalar = true, contig = true;
        int expected = 1;
        for (int d = n - 1; d >= 0; d--) {
            if (shape[d] != 1) {
                if (eff[d] != 0) scalar = false;
                if (eff[d] != expected) contig = false;
            }
            expected *= shape[d];
        }
        if (scalar) return Mode.SCALAR;
        if (contig) return Mode.CONTIG;
        int last = n - 1;
        if (last >= 1 && shape[last] >= 64 && eff[last] == 1) {
            for (int d = 0; d < last; d++) if (shape[d] != 1 && eff[d] != 0) return null;
            return Mode.ROW;
        }
        return null;
    }
}
