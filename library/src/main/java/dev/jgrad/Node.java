package dev.jgrad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A step of recorded history: the function that made a tensor ({@code grad_fn}), named as PyTorch names
 * it ({@code AddBackward0}), with one {@link Edge} per forward input.
 *
 * <p>The engine contract: {@link #apply} maps the gradients of the forward outputs to the gradients of
 * the forward inputs (one per edge, null where none flows). Nodes made later run earlier in a backward
 * pass ({@link #sequenceNr()}), as in PyTorch's engine.
 */
public abstract class Node {
    private static final AtomicLong NEXT_SEQUENCE = new AtomicLong();
    private static final Edge[] NO_EDGES = new Edge[0];

    private final long sequenceNr = NEXT_SEQUENCE.getAndIncrement();
    /** Where the forward op ran, recorded only in anomaly mode (see {@link dev.jgrad.autograd.Autograd#detectAnomaly()}). */
    private final Throwable forwardTrace = dev.jgrad.internal.autograd.AnomalyMode.isEnabled()
            ? new dev.jgrad.internal.autograd.AnomalyMode.ForwardTrace(getClass().getSimpleName()) : null;
    /** One edge per forward input; node null where that input needs no gradient. */
    protected Edge[] next = NO_EDGES;
    /** Shapes and dtypes of the forward outputs: what incoming gradients must look like. */
    protected int[][] outputShapes = new int[0][];
    /** The dtypes of the forward outputs, one per output. */
    protected DType[] outputDtypes = new DType[0];
    /** The device of the forward outputs, where zero gradients for missing ones are made. */
    protected Device outputDevice = Device.CPU;

    /** A node with no edges yet; the recorder sets its edges and outputs. */
    protected Node() {}

    /**
     * PyTorch's node name, {@code grad_fn.name()}.
     *
     * @return the name, e.g. {@code MulBackward0}
     */
    public abstract String name();

    /**
     * Input gradients from output gradients (one per forward output, null where none flows), as calling a
     * {@code grad_fn} in PyTorch; runs with grad mode on only under createGraph.
     *
     * @param gradOutputs one gradient per forward output (at least one slot), null where none flows
     * @return one gradient per forward input, null where none flows
     * @throws IllegalArgumentException {@code expected N arguments, got M instead} for the wrong gradient count
     */
    public final Tensor[] apply(Tensor[] gradOutputs) {
        int expected = Math.max(1, numOutputs());
        if (gradOutputs.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " arguments, got " + gradOutputs.length + " instead");
        }
        return compute(gradOutputs);
    }

    /**
     * What {@link #apply} computes, once the gradient count is checked: each node kind's backward.
     *
     * @param gradOutputs one gradient per forward output, null where none flows
     * @return one gradient per forward input, null where none flows
     */
    protected abstract Tensor[] compute(Tensor[] gradOutputs);

    /** Drops saved tensors after a backward pass that doesn't retain the graph. */
    public void releaseVariables() {}

    /**
     * {@code grad_fn.next_functions}: one edge per forward input, in order.
     *
     * @return a fresh list of edges, {@code (null, 0)} for inputs that need no gradient
     */
    public List<Edge> nextFunctions() { return Arrays.asList(next.clone()); }

    /**
     * The number of forward inputs, so of next edges ({@code len(next_functions)}).
     *
     * @return the input count
     */
    public int numInputs() { return next.length; }

    /**
     * {@code next_functions[i]}: where the gradient of forward input i goes (its node null when that input needs
     * none).
     *
     * @param i the forward input, from 0
     * @return its edge
     * @throws ArrayIndexOutOfBoundsException when i is not below {@link #numInputs()}
     */
    public Edge nextEdge(int i) { return next[i]; }

    /**
     * The number of forward outputs, so of incoming gradients.
     *
     * @return the output count
     */
    public int numOutputs() { return outputShapes.length; }

    /**
     * The forward call that made this node, when anomaly mode was on at the time.
     *
     * @return a throwable whose stack trace is the forward call's, or null
     */
    public Throwable forwardTrace() { return forwardTrace; }

    /**
     * Creation order; the engine runs ready nodes latest-first.
     *
     * @return this node's sequence number, unique and increasing
     */
    public long sequenceNr() { return sequenceNr; }

    /**
     * The shape of forward output i, which the gradient for it must match (after broadcast reduction).
     *
     * @param i the forward output, from 0
     * @return its shape (not a copy: do not modify)
     */
    public int[] outputShape(int i) { return outputShapes[i]; }

    /**
     * The dtype of forward output i (and so of its gradient).
     *
     * @param i the forward output, from 0
     * @return its dtype
     */
    public DType outputDtype(int i) { return outputDtypes[i]; }

    /**
     * The device of the forward outputs.
     *
     * @return the device
     */
    public Device outputDevice() { return outputDevice; }

    /**
     * Called by the recorder: the forward inputs' edges.
     *
     * @param edges one edge per forward input (kept, not copied)
     */
    public void setEdges(Edge[] edges) { this.next = edges; }

    /**
     * Records the forward outputs' shapes, dtypes and device (called by the recorder).
     *
     * @param outputs the forward outputs, in order
     */
    public void setOutputs(Tensor... outputs) {
        outputShapes = new int[outputs.length][];
        outputDtypes = new DType[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            outputShapes[i] = outputs[i].shape;
            outputDtypes[i] = outputs[i].dtype();
        }
        if (outputs.length > 0) outputDevice = outputs[0].device();
    }

    // ---------------------------------------------------------------- hooks on incoming gradients

    /** A tensor hook (fn) of output slot, or, with fn null, the place where retain_grad reads that slot's gradient. */
    private record PreHook(int slot, Function<Tensor, Tensor> fn, Tensor retained) {}

    private List<PreHook> preHooks;

    /**
     * A tensor hook of output slot: sees (and may replace) that gradient before the node runs. A tensor's hooks run
     * together where its first one was registered, as PyTorch 1.13's per-tensor hook dict does: a retain_grad()
     * between two register_hook() calls sees both hooks, one before the first hook sees none.
     *
     * @param slot the forward output whose gradient the hook sees
     * @param hook called with the gradient (null when none flows); returns a replacement, or null to keep it
     * @return a handle whose {@code remove()} unregisters the hook
     */
    public RemovableHandle addPreHook(int slot, Function<Tensor, Tensor> hook) {
        if (preHooks == null) preHooks = new ArrayList<>(2);
        PreHook h = new PreHook(slot, hook, null);
        int at = preHooks.size();
        for (int i = preHooks.size() - 1; i >= 0; i--) {
            if (preHooks.get(i).fn != null && preHooks.get(i).slot == slot) {
                at = i + 1;
                break;
            }
        }
        preHooks.add(at, h);
        return () -> preHooks.remove(h);
    }

    /**
     * retain_grad(): the gradient of output slot is also accumulated into t.grad. As in PyTorch 1.13 it is read in
     * registration order among the tensor hooks: hooks registered before retain_grad() modify what t.grad sees,
     * hooks registered after do not.
     *
     * @param slot the forward output whose gradient t retains
     * @param t the tensor whose {@code grad} receives it
     */
    public void addRetainGrad(int slot, Tensor t) {
        if (preHooks == null) preHooks = new ArrayList<>(2);
        preHooks.add(new PreHook(slot, null, t));
    }

    /**
     * After an in-place op t's gradient comes from its new node: this one stops retaining it.
     *
     * @param t the tensor to stop retaining
     */
    public void removeRetainGrad(Tensor t) {
        if (preHooks != null) preHooks.removeIf(h -> h.retained == t);
    }

    /**
     * Whether tensor hooks or retain_grad readers are attached.
     *
     * @return true when there is at least one
     */
    public boolean hasPreHooks() { return preHooks != null && !preHooks.isEmpty(); }

    /**
     * Runs tensor hooks in registration order (what retain_grad reads is not collected).
     *
     * @param grads the incoming gradients, one per output slot; hooks' replacements are written into it
     */
    public void runPreHooks(Tensor[] grads) { runPreHooks(grads, null); }

    /**
     * Runs tensor hooks in registration order; each retain_grad reader on the way adds {tensor, gradient at that
     * point} to retained (when not null and the gradient is defined).
     *
     * @param grads the incoming gradients, one per output slot; hooks' replacements are written into it
     * @param retained where to add the retained pairs, or null
     */
    public void runPreHooks(Tensor[] grads, List<Tensor[]> retained) {
        if (preHooks == null) return;
        // a snapshot: a hook may remove itself (or others) while running; an undefined gradient reaches hooks as null, as in PyTorch
        for (PreHook h : preHooks.toArray(new PreHook[0])) {
            Tensor g = grads[h.slot];
            if (h.fn == null) {
                if (retained != null && g != null) retained.add(new Tensor[] {h.retained, g});
                continue;
            }
            Tensor r = h.fn.apply(g);
            if (r != null) grads[h.slot] = r;
        }
    }

    /**
     * The tensors that retain their gradient (retain_grad) and are outputs of this node.
     *
     * @return those tensors, in registration order
     */
    public List<Tensor> retainGradTargets() {
        if (preHooks == null) return List.of();
        List<Tensor> r = new ArrayList<>();
        for (PreHook h : preHooks) if (h.fn == null) r.add(h.retained);
        return r;
    }

    /** The name without a namespace, as Python prints the node: {@code <AccumulateGrad>}. */
    @Override public String toString() {
        String n = name();
        return "<" + n.substring(n.lastIndexOf(':') + 1) + ">";
    }
}
