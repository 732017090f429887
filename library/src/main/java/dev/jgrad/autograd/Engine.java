package dev.jgrad.autograd;

import dev.jgrad.Edge;
import dev.jgrad.Node;
import dev.jgrad.Tensor;
import dev.jgrad.TensorAccess;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs a backward pass: PyTorch's engine algorithm on the calling thread, without recursion.
 *
 * <ol>
 *   <li>Walk the graph once from the roots, iteratively, collecting nodes and counting each node's
 *       incoming edges (its dependencies).</li>
 *   <li>When only some inputs are wanted ({@code grad()} or {@code backward(inputs=...)}), mark the nodes
 *       that lie on a path to one of them; the rest never run.</li>
 *   <li>Run ready nodes latest-created first; each output gradient is reduced to its input's shape
 *       (Note [Broadcast grads]) and summed into the next node's input buffer.</li>
 * </ol>
 *
 * <p>Note [Failure atomicity]: leaf gradients are accumulated, and saved tensors released, only after
 * every node has run, so a pass that throws leaves every {@code .grad} and the graph as they were.
 *
 * <p>Note [Broadcast grads]: a node may return a gradient with the broadcast shape of its output; it is
 * summed down to the input's shape here, in one place, so formulas need not care.
 */
public final class Engine {
    private Engine() {}

    /** Where a wanted input's gradient is read: the buffer slot of (node, slot). */
    private record Capture(Node node, int slot, int index) {}

    /**
     * @param roots        tensors to differentiate, each requiring grad
     * @param rootGrads    their gradients, same shapes
     * @param inputs       null: accumulate into every leaf; else only these tensors
     * @param accumulate   true: add into .grad (backward); false: return the gradients (autograd.grad)
     * @return for accumulate=false, one gradient (or null) per input
     */
    static Tensor[] run(List<Tensor> roots, List<Tensor> rootGrads, boolean keepGraph, boolean createGraph,
                        List<Tensor> inputs, boolean accumulate) {
        Edge[] rootEdges = new Edge[roots.size()];
        for (int i = 0; i < rootEdges.length; i++) rootEdges[i] = TensorAccess.gradientEdge(roots.get(i));

        // 1. reachable nodes, children before parents
        List<Node> postOrder = postOrder(rootEdges);

        // 2. which nodes run, and where wanted gradients are captured
        Map<Node, Boolean> runs = new IdentityHashMap<>();
        List<Capture> captures = new ArrayList<>();
        if (inputs == null) {
            for (Node n : postOrder) runs.put(n, Boolean.TRUE);
        } else {
            Map<Node, Boolean> target = new IdentityHashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                Edge e = TensorAccess.gradientEdge(inputs.get(i));
                if (e.node() == null) continue;
                captures.add(new Capture(e.node(), e.inputNr(), i));
                target.put(e.node(), Boolean.TRUE);
            }
            // a node runs when it leads to a target; a target itself only runs when it leads to another one
            Map<Node, Boolean> leads = new IdentityHashMap<>();
            for (Node n : postOrder) {
                for (int i = 0; i < n.numInputs(); i++) {
                    Node m = n.nextEdge(i).node();
                    if (m != null && (leads.containsKey(m) || target.containsKey(m))) {
                        leads.put(n, Boolean.TRUE);
                        runs.put(n, Boolean.TRUE);
                        break;
                    }
                }
            }
        }
        Map<Node, int[]> deps = new IdentityHashMap<>();
        for (Node n : postOrder) {
            deps.putIfAbsent(n, new int[1]);
            if (!runs.containsKey(n)) continue;
            for (int i = 0; i < n.numInputs(); i++) {
                Node m = n.nextEdge(i).node();
                if (m != null) deps.computeIfAbsent(m, k -> new int[1])[0]++;
            }
        }

        // 3. execute
        Map<Node, Tensor[]> buffers = new IdentityHashMap<>();
        for (int i = 0; i < rootEdges.length; i++) {
            Edge e = rootEdges[i];
            if (e.node() == null) continue;
            addInto(buffers, e.node(), e.inputNr(), rootGrads.get(i));
        }
        PriorityQueue<Node> ready = new PriorityQueue<>((a, b) -> Long.compare(b.sequenceNr(), a.sequenceNr()));
        for (Edge e : rootEdges) {
            if (e.node() != null && deps.get(e.node())[0] == 0 && !ready.contains(e.node())) ready.add(e.node());
        }
        Tensor[] captured = new Tensor[inputs == null ? 0 : inputs.size()];
        List<Node> executed = new ArrayList<>();
        List<Tensor[]> leafUpdates = new ArrayList<>();  // {leaf, grad}
        List<Tensor[]> retainUpdates = new ArrayList<>();  // {non-leaf, grad}

        try (var mode = GradMode.setEnabled(createGraph)) {
            while (!ready.isEmpty()) {
                Node n = ready.poll();
                Tensor[] grads = buffers.remove(n);
                if (grads == null) grads = new Tensor[Math.max(1, n.numOutputs())];
                if (n.hasPreHooks()) {
                    n.runPreHooks(grads);
                    for (Tensor t : n.retainGradTargets()) {
                        Tensor g = grads[TensorAccess.outputNr(t)];
                        if (g != null) retainUpdates.add(new Tensor[] {t, g});
                    }
                }
                for (Capture c : captures) if (c.node == n && grads[c.slot] != null) captured[c.index] = grads[c.slot];
                if (!runs.containsKey(n)) continue;
                executed.add(n);
                Tensor[] out = n.apply(grads);
                if (n instanceof AccumulateGrad acc) {
                    if (out[0] != null) leafUpdates.add(new Tensor[] {acc.variable(), out[0]});
                    continue;
                }
                if (out.length != n.numInputs()) {
                    throw new IllegalStateException("function " + n.name() + " returned an incorrect number of gradients (expected "
                            + n.numInputs() + ", got " + out.length + ")");
                }
                for (int i = 0; i < out.length; i++) {
                    Edge e = n.nextEdge(i);
                    Node m = e.node();
                    if (m == null) continue;
                    if (!runs.containsKey(m) && !isCaptured(captures, m)) {
                        continue;
                    }
                    if (out[i] != null) addInto(buffers, m, e.inputNr(), validate(n, i, out[i], m, e.inputNr()));
                    if (--deps.get(m)[0] == 0) ready.add(m);
                }
            }
        }

        // success: now make the pass's effects visible (Note [Failure atomicity])
        for (Tensor[] u : retainUpdates) AccumulateGrad.accumulate(u[0], u[1], createGraph);
        if (accumulate) {
            for (Tensor[] u : leafUpdates) AccumulateGrad.accumulate(u[0], u[1], createGraph);
            if (inputs != null) {
                for (int i = 0; i < captured.length; i++) {
                    Tensor in = inputs.get(i);
                    if (captured[i] != null && !in.isLeaf()) AccumulateGrad.accumulate(in, captured[i], createGraph);
                }
            }
        }
        if (!keepGraph) for (Node n : executed) n.releaseVariables();
        return captured;
    }

    /** Every node reachable from the roots, each after all nodes it leads to (iterative: deep graphs are fine). */
    private static List<Node> postOrder(Edge[] rootEdges) {
        List<Node> out = new ArrayList<>();
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Node> nodes = new ArrayDeque<>();
        ArrayDeque<int[]> childIndex = new ArrayDeque<>();
        for (Edge root : rootEdges) {
            if (root.node() == null || seen.put(root.node(), Boolean.TRUE) != null) continue;
            nodes.push(root.node());
            childIndex.push(new int[1]);
            while (!nodes.isEmpty()) {
                Node n = nodes.peek();
                int[] ci = childIndex.peek();
                if (ci[0] < n.numInputs()) {
                    Node m = n.nextEdge(ci[0]++).node();
                    if (m != null && seen.put(m, Boolean.TRUE) == null) {
                        nodes.push(m);
                        childIndex.push(new int[1]);
                    }
                } else {
                    out.add(n);
                    nodes.pop();
                    childIndex.pop();
                }
            }
        }
        return out;
    }

    private static boolean isCaptured(List<Capture> captures, Node m) {
        for (Capture c : captures) if (c.node == m) return true;
        return false;
    }

    private static void addInto(Map<Node, Tensor[]> buffers, Node n, int slot, Tensor g) {
        Tensor[] buf = buffers.get(n);
        if (buf == null) buffers.put(n, buf = new Tensor[Math.max(1, n.numOutputs())]);
        buf[slot] = buf[slot] == null ? g : buf[slot].add(g);
    }

    /** Note [Broadcast grads]: reduce to the input's shape, cast to its dtype, or fail with PyTorch's message. */
    private static Tensor validate(Node producer, int index, Tensor g, Node consumer, int slot) {
        int[] want = consumer.outputShape(slot);
        int[] have = TensorAccess.shape(g);
        if (!Arrays.equals(want, have)) {
            if (!expandable(want, have)) {
                throw new IllegalStateException("Function " + producer.name() + " returned an invalid gradient at index " + index
                        + " - got " + Arrays.toString(have) + " but expected shape compatible with " + Arrays.toString(want));
            }
            g = DerivativeHelpers.sumTo(g, want);
        }
        if (g.dtype() != consumer.outputDtype(slot)) g = g.to(consumer.outputDtype(slot));
        return g;
    }

    /** True when a tensor of shape want could be broadcast to shape have. */
    private static boolean expandable(int[] want, int[] have) {
        if (want.length > have.length) return false;
        for (int i = 0; i < want.length; i++) {
            int w = want[want.length - 1 - i], h = have[have.length - 1 - i];
            if (w != h && w != 1) return false;
        }
        return true;
    }
}
