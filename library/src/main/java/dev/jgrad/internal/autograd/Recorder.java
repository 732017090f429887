package dev.jgrad.internal.autograd;

import dev.jgrad.Edge;
import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.TensorInternals;
import dev.jgrad.internal.autograd.FormulaNode.Formula;
import dev.jgrad.internal.autograd.FormulaNode.OutputsFormula;

/**
 * Attaches a {@link Derivatives} row to an op's outputs: builds the node with one edge per input and
 * makes the outputs non-leaves pointing at it.
 *
 * <p>A row that saves nothing is one call, {@link #row}. A row that saves tensors is {@link #start}, then
 * {@link Row#save} for each tensor (the outputs already point at the node, so saving the result is
 * recognised as saving the node's own output), then {@link Row#formulas} with closures over the handles.
 */
public final class Recorder {
    private Recorder() {}

    /** Cheap field reads first; the thread-local grad mode only when some input requires grad. */
    public static boolean shouldRecord(Tensor a) {
        return a.requiresGrad() && GradMode.isEnabled();
    }

    public static boolean shouldRecord(Tensor a, Tensor b) {
        return (a.requiresGrad() || b.requiresGrad()) && GradMode.isEnabled();
    }

    public static boolean shouldRecord(Tensor[] inputs) {
        for (Tensor t : inputs) if (t != null && t.requiresGrad()) return GradMode.isEnabled();
        return false;
    }

    /** A one-input row that saves no tensor. */
    public static Tensor row(String name, Tensor result, Tensor self, Formula formula) {
        FormulaNode node = node(name, result, new Edge[] {TensorInternals.gradientEdge(self)});
        node.setFormulas(new Formula[] {formula});
        return result;
    }

    /** A row that saves no tensor: one formula per input. */
    public static Tensor row(String name, Tensor result, Tensor[] inputs, Formula... formulas) {
        FormulaNode node = node(name, result, edges(inputs));
        node.setFormulas(formulas);
        return result;
    }

    /** Starts a one-output row; finish it with {@link Row#formulas}. */
    public static Row start(String name, Tensor result, Tensor... inputs) {
        FormulaNode node = node(name, result, edges(inputs));
        node.pendingResult = result;
        return node;
    }

    /** Starts a multi-output row (unbind, split): output i becomes output i of one node. Finish it with {@link Row#outputsFormulas}. */
    public static Row startMulti(String name, Tensor[] results, Tensor... inputs) {
        FormulaNode node = new FormulaNode(name);
        node.setEdges(edges(inputs));
        node.setOutputs(results);
        for (int i = 0; i < results.length; i++) if (!TensorInternals.isInference(results[i])) TensorInternals.setHistory(results[i], node, i);
        return node;
    }

    private static FormulaNode node(String name, Tensor result, Edge[] edges) {
        FormulaNode node = new FormulaNode(name);
        node.setEdges(edges);
        node.setOutputs(result);
        // a view of an inference tensor is an inference leaf that records nothing, even outside inference mode
        if (!TensorInternals.isInference(result)) TensorInternals.setHistory(result, node, 0);
        return node;
    }

    public static Edge[] edges(Tensor[] inputs) {
        Edge[] e = new Edge[inputs.length];
        for (int i = 0; i < inputs.length; i++) e[i] = TensorInternals.gradientEdge(inputs[i]);
        return e;
    }

    /**
     * A row being recorded: its node already has its edges and outputs, and waits for its formulas. The
     * node itself is the handle (one object less per recorded op).
     */
    public interface Row {
        /**
         * Saves t (checked against in-place changes and freed by a backward that does not retain the graph);
         * null saves nothing, for a tensor only the formula of an input that needs no gradient would read.
         */
        SavedTensor save(Tensor t);

        /** One formula per input (null for an input that never gets a gradient); returns the result. */
        Tensor formulas(Formula... formulas);

        /** One formula per input over all output gradients, for multi-output rows. */
        void outputsFormulas(OutputsFormula... formulas);
    }
}
