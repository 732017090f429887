package dev.jgrad.internal.autograd;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Edge;
import dev.jgrad.Node;
import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.TensorInternals;
import dev.jgrad.profiler.Profiler;
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
 *
 * <p>Note [Owned gradients]: PyTorch's AccumulateGrad makes a leaf's first gradient its {@code .grad} without a copy
 * when nothing else references it (use count 1). Java has no use counts, so the engine tracks the same fact: a
 * gradient is owned when the engine holds the only reference to its whole storage. What a built-in formula node
 * ({@link FormulaNode}) returns is owned unless its storage is also that of another of its results, of one of its
 * saved tensors, or of an incoming gradient that was not owned (a pass-through of an owned gradient, such as
 * TBackward's transpose, stays owned); a sum the engine makes is owned; root gradients, gradients a hook or a
 * retain_grad saw, captured gradients and whatever other nodes return are not. AccumulateGrad adopts an owned,
 * dense gradient with the leaf's strides instead of cloning it, and a formula node with one gradient in and one
 * out may overwrite an owned incoming gradient ({@link #mayOverwrite}: relu's backward masks it in place). An owned
 * incoming gradient that a formula node read and did not pass on is referenced by nothing once the node returns: its
 * storage goes to {@link GradientPool}, where the next matrix product of its size in a backward formula is written
 * (what PyTorch's allocator does with a freed block).
 */
public final class Engine {
    private Engine() {}

    /** The incoming gradient that the node now running on this thread may overwrite: Note [Owned gradients]. */
    private static final ThreadLocal<Tensor> DONATED = new ThreadLocal<>();

    /**
     * Whether g is the gradient handed to the formula node running now on this thread, owned by the engine and read by
     * no other formula of the node, so that the formula may write its result into g (Note [Owned gradients]).
     */
    public static boolean mayOverwrite(Tensor g) { return g != null && DONATED.get() == g; }

    /** Whether the running backward pass accumulates into every leaf (no inputs given): what checkpointing needs. */
    private static final ThreadLocal<Boolean> ALL_LEAVES = ThreadLocal.withInitial(() -> Boolean.TRUE);

    /** {@code torch._C._autograd._is_checkpoint_valid()}: false inside grad() or backward(inputs=...). */
    public static boolean checkpointValid() { return ALL_LEAVES.get(); }

    /** Where a wanted input's gradient is read: the buffer slot of (task, slot). */
    private record Capture(Task task, int slot, int index) {}

    /** One node's state during one pass; children are resolved once so the pass needs no map lookups. */
    private static final class Task {
        final Node node;
        Task[] children;
        int deps;
        boolean runs;
        boolean target;
        boolean leads;
        boolean queued;
        Tensor[] buffer;
        int owned;  // bit s: buffer slot s (below 32) holds an owned gradient, Note [Owned gradients]
        int nextChild;  // the walk in postOrder: the next edge to follow

        Task(Node node) { this.node = node; }

        void add(int slot, Tensor g, boolean gOwned) {
            if (g == null) return;  // an undefined gradient adds nothing
            if (buffer == null) buffer = new Tensor[Math.max(1, node.numOutputs())];
            boolean sum = buffer[slot] != null;
            buffer[slot] = sum ? buffer[slot].add(g) : g;
            if (slot < 32) owned = (sum || gOwned) ? owned | (1 << slot) : owned & ~(1 << slot);
        }
    }

    /** A leaf's gradient, accumulated once the pass succeeds; owned: Note [Owned gradients]. */
    private record LeafUpdate(Tensor leaf, Tensor grad, boolean owned) {}

    /**
     * @param roots        tensors to differentiate, each requiring grad
     * @param rootGrads    their gradients, same shapes
     * @param inputs       null: accumulate into every leaf; else only these tensors
     * @param accumulate   true: add into .grad (backward); false: return the gradients (gradField(autograd))
     * @return for accumulate=false, one gradient (or null) per input
     */
    public static Tensor[] run(List<Tensor> roots, List<Tensor> rootGrads, boolean keepGraph, boolean createGraph,
                        List<Tensor> inputs, boolean accumulate) {
        int[] depth = REENTRANT_DEPTH.get();
        if (depth[0] >= MAX_REENTRANT_DEPTH) return runOnFreshThread(roots, rootGrads, keepGraph, createGraph, inputs, accumulate);
        depth[0]++;
        try {
            return runHere(roots, rootGrads, keepGraph, createGraph, inputs, accumulate);
        } finally {
            depth[0]--;
        }
    }

    /** How many backward passes are running nested (reentrant backward from a custom Function or hook) on this thread. */
    private static final ThreadLocal<int[]> REENTRANT_DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    /**
     * Deeper nested passes continue on a fresh thread, as PyTorch's engine hands them to a worker (its "stack overflow
     * escape"): thousands of reentrant passes (test_deep_reentrant) then never overflow one thread's stack.
     */
    private static final int MAX_REENTRANT_DEPTH = 32;

    private static Tensor[] runOnFreshThread(List<Tensor> roots, List<Tensor> rootGrads, boolean keepGraph, boolean createGraph,
                                             List<Tensor> inputs, boolean accumulate) {
        boolean gradEnabled = GradMode.isEnabled(), inference = GradMode.isInferenceMode();
        Tensor[][] result = new Tensor[1][];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            // the caller's grad mode travels with the pass (it is per thread)
            try (var i = GradMode.setInferenceMode(inference); var g = GradMode.setEnabled(gradEnabled)) {
                result[0] = run(roots, rootGrads, keepGraph, createGraph, inputs, accumulate);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "jgrad-reentrant-backward");
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure[0] instanceof RuntimeException r) throw r;
        if (failure[0] instanceof Error e) throw e;
        if (failure[0] != null) throw new IllegalStateException(failure[0]);
        return result[0];
    }

    private static Tensor[] runHere(List<Tensor> roots, List<Tensor> rootGrads, boolean keepGraph, boolean createGraph,
                                    List<Tensor> inputs, boolean accumulate) {
        Edge[] rootEdges = new Edge[roots.size()];
        for (int i = 0; i < rootEdges.length; i++) rootEdges[i] = TensorInternals.gradientEdge(roots.get(i));

        // 1. reachable nodes, children before parents
        Map<Node, Task> tasks = new IdentityHashMap<>();
        List<Task> postOrder = postOrder(rootEdges, tasks);

        // 2. which nodes run (all, or those leading to a wanted input), and where gradients are captured
        List<Capture> captures = new ArrayList<>();
        if (inputs == null) {
            for (Task t : postOrder) t.runs = true;
        } else {
            for (int i = 0; i < inputs.size(); i++) {
                Edge e = TensorInternals.gradientEdge(inputs.get(i));
                Task t = e.node() == null ? null : tasks.get(e.node());
                if (t == null) continue;  // not reached from the roots: unused
                captures.add(new Capture(t, e.inputNr(), i));
                t.target = true;
                // backward(inputs=[leaf]) accumulates through the leaf's own node (hooks included)
                if (accumulate && t.node instanceof AccumulateGrad) t.runs = true;
            }
            // a node runs when it leads to a target; a target itself only runs when it leads to another one
            for (Task t : postOrder) {
                for (Task c : t.children) {
                    if (c != null && (c.leads || c.target)) {
                        t.leads = true;
                        t.runs = true;
                        break;
                    }
                }
            }
        }
        for (Task t : postOrder) {
            if (!t.runs) continue;
            for (Task c : t.children) if (c != null) c.deps++;
        }

        // 3. execute
        for (int i = 0; i < rootEdges.length; i++) {
            Edge e = rootEdges[i];
            if (e.node() != null) tasks.get(e.node()).add(e.inputNr(), rootGrads.get(i), false);
        }
        PriorityQueue<Task> ready = new PriorityQueue<>((a, b) -> Long.compare(b.node.sequenceNr(), a.node.sequenceNr()));
        for (Edge e : rootEdges) {
            Task t = e.node() == null ? null : tasks.get(e.node());
            if (t != null && t.deps == 0 && !t.queued) {
                t.queued = true;
                ready.add(t);
            }
        }
        Tensor[] captured = new Tensor[inputs == null ? 0 : inputs.size()];
        List<Node> executed = new ArrayList<>();
        List<LeafUpdate> leafUpdates = new ArrayList<>();
        List<Tensor[]> retainUpdates = new ArrayList<>();  // {non-leaf, grad}

        Boolean allLeavesBefore = ALL_LEAVES.get();
        ALL_LEAVES.set(inputs == null);
        try (var mode = GradMode.setEnabled(createGraph)) {
            while (!ready.isEmpty()) {
                Task t = ready.poll();
                Node n = t.node;
                Tensor[] grads = t.buffer != null ? t.buffer : new Tensor[Math.max(1, n.numOutputs())];
                int owned = t.buffer != null && !t.target && !n.hasPreHooks() && !createGraph ? t.owned : 0;
                t.buffer = null;
                t.owned = 0;
                if (n.hasPreHooks()) n.runPreHooks(grads, retainUpdates);
                if (t.target) for (Capture c : captures) if (c.task == t && grads[c.slot] != null) captured[c.index] = grads[c.slot];
                if (!t.runs) continue;
                Tensor ownedLeafGrad = (owned & 1) != 0 && n instanceof AccumulateGrad acc
                        && TensorInternals.hooks(acc.variable()).isEmpty() ? grads[0] : null;
                executed.add(n);
                Tensor[] out;
                Tensor donated = (owned & 1) != 0 && grads.length == 1 && n instanceof FormulaNode && oneEdge(n) ? grads[0] : null;
                try (var ev = Profiler.isActive() ? Profiler.enter("autograd::engine::evaluate_function: " + n.name()) : null) {
                    if (donated != null) DONATED.set(donated);
                    out = n.apply(grads);
                    if (AnomalyMode.isEnabled()) AnomalyMode.checkResults(n, out);
                } catch (RuntimeException e) {
                    throw AnomalyMode.isEnabled() ? AnomalyMode.annotate(n, e) : e;
                } finally {
                    if (donated != null) DONATED.set(null);  // not remove(): the next set would allocate a map entry
                }
                if (n instanceof AccumulateGrad acc) {
                    if (out[0] != null) leafUpdates.add(new LeafUpdate(acc.variable(), out[0], out[0] == ownedLeafGrad));
                    continue;
                }
                if (out.length != n.numInputs()) {
                    throw new IllegalStateException("function " + n.name() + " returned an incorrect number of gradients (expected "
                            + n.numInputs() + ", got " + out.length + ")");
                }
                for (int i = 0; i < out.length; i++) {
                    Task c = t.children[i];
                    if (c == null || (!c.runs && !c.target)) continue;
                    Edge e = n.nextEdge(i);
                    if (out[i] != null) {
                        Tensor g = validate(n, i, out[i], c.node, e.inputNr());
                        // a sum or a cast made here is the engine's own; otherwise the node's result decides
                        boolean gOwned = !createGraph && (g.sharesStorageWith(out[i]) ? owns(n, out, i, grads, owned) : true);
                        if (owned != 0) owned = passedOn(g, grads, owned);
                        c.add(e.inputNr(), g, gOwned);
                    }
                    if (--c.deps == 0 && !c.queued) {
                        c.queued = true;
                        ready.add(c);
                    }
                }
                if (owned != 0 && n instanceof FormulaNode) recycle(grads, owned);
            }
        } finally {
            ALL_LEAVES.set(allLeavesBefore);
        }

        // success: now make the pass's effects visible (Note [Failure atomicity])
        for (Tensor[] u : retainUpdates) AccumulateGrad.accumulate(u[0], u[1], createGraph);
        if (accumulate) {
            for (LeafUpdate u : leafUpdates) AccumulateGrad.accumulate(u.leaf(), u.grad(), createGraph, u.owned());
        }
        if (!keepGraph) for (Node n : executed) n.releaseVariables();
        return captured;
    }

    /**
     * Note [Owned gradients]: whether out[i], a result of node n given grads (owned: bit j set when grads[j] is
     * owned), is referenced only by the engine once n has returned.
     */
    private static boolean owns(Node n, Tensor[] out, int i, Tensor[] grads, int owned) {
        if (!(n instanceof FormulaNode f)) return false;  // other nodes (custom Functions) may keep what they return
        Tensor r = out[i];
        for (int j = 0; j < out.length; j++) if (j != i && r.sharesStorageWith(out[j])) return false;
        for (int j = 0; j < grads.length; j++) {
            if (r.sharesStorageWith(grads[j]) && !owns(owned, j)) return false;
        }
        return !f.savesStorageOf(r);
    }

    /** g goes on to another node: an owned incoming gradient whose storage it shares is no longer the engine's alone. */
    private static int passedOn(Tensor g, Tensor[] grads, int owned) {
        for (int j = 0; j < grads.length; j++) if (owns(owned, j) && g.sharesStorageWith(grads[j])) owned &= ~(1 << j);
        return owned;
    }

    /** Whether bit slot of an owned mask is set (slots from 32 on are never owned). */
    private static boolean owns(int owned, int slot) { return slot < 32 && (owned & (1 << slot)) != 0; }

    /**
     * A formula node has read its owned incoming gradients and passed none of them on (Note [Owned gradients]): nothing
     * references their storages any more, so the next gradient of the same size may be written there.
     */
    private static void recycle(Tensor[] grads, int owned) {
        for (int j = 0; j < grads.length; j++) if (owns(owned, j) && grads[j] != null) GradientPool.give(grads[j]);
    }

    /** Whether exactly one of n's edges leads to a node (so one formula reads the incoming gradient). */
    private static boolean oneEdge(Node n) {
        int count = 0;
        for (int i = 0; i < n.numInputs(); i++) if (n.nextEdge(i).node() != null) count++;
        return count == 1;
    }

    /** Every node reachable from the roots as a task, each after all nodes it leads to (iterative: deep graphs are fine). */
    private static List<Task> postOrder(Edge[] rootEdges, Map<Node, Task> tasks) {
        List<Task> out = new ArrayList<>();
        ArrayDeque<Task> stack = new ArrayDeque<>();
        for (Edge root : rootEdges) {
            if (root.node() == null || tasks.containsKey(root.node())) continue;
            Task rt = new Task(root.node());
            tasks.put(root.node(), rt);
            stack.push(rt);
            while (!stack.isEmpty()) {
                Task t = stack.peek();
                Node n = t.node;
                if (t.children == null) t.children = new Task[n.numInputs()];
                if (t.nextChild < n.numInputs()) {
                    int i = t.nextChild++;
                    Node m = n.nextEdge(i).node();
                    if (m == null) continue;
                    Task c = tasks.get(m);
                    if (c == null) {
                        c = new Task(m);
                        tasks.put(m, c);
                        stack.push(c);
                    }
                    t.children[i] = c;
                } else {
                    out.add(t);
                    stack.pop();
                }
            }
        }
        return out;
    }

    /** Note [Broadcast grads]: reduce to the input's shape, cast to its dtype, or fail with PyTorch's message. */
    private static Tensor validate(Node producer, int index, Tensor g, Node consumer, int slot) {
        int[] want = consumer.outputShape(slot);
        int[] have = TensorInternals.shape(g);
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
