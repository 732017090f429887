package dev.jgrad.internal.autograd;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Edge;
import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.TensorInternals;

/**
 * Attaches a {@link Derivatives} row to an op's outputs: builds the node with one edge per input,
 * makes the outputs non-leaves pointing at it, and saves what the formulas need.
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

    /** Records a one-output op; saved tensors may include {@code result} itself. */
    public static Tensor record(String name, Tensor result, Tensor[] inputs, FormulaNode.Formula[] formulas, Tensor[] saved, Object... attrs) {
        FormulaNode node = new FormulaNode(name, formulas, attrs);
        node.setEdges(edges(inputs));
        node.setOutputs(result);
        TensorInternals.setHistory(result, node, 0);
        node.save(save(saved, node));
        return result;
    }

    /** Records a multi-output op (unbind, split): output i becomes output i of one node. */
    public static void recordMulti(String name, Tensor[] results, Tensor[] inputs, FormulaNode.Formula[] formulas, Tensor[] saved, Object... attrs) {
        FormulaNode node = new FormulaNode(name, formulas, attrs);
        node.setEdges(edges(inputs));
        node.setOutputs(results);
        for (int i = 0; i < results.length; i++) TensorInternals.setHistory(results[i], node, i);
        node.save(save(saved, node));
    }

    public static Edge[] edges(Tensor[] inputs) {
        Edge[] e = new Edge[inputs.length];
        for (int i = 0; i < inputs.length; i++) e[i] = TensorInternals.gradientEdge(inputs[i]);
        return e;
    }

    private static SavedTensor[] save(Tensor[] saved, FormulaNode node) {
        if (saved == null || saved.length == 0) return null;
        SavedTensor[] s = new SavedTensor[saved.length];
        for (int i = 0; i < saved.length; i++) {
            Tensor t = saved[i];
            if (t != null) s[i] = new SavedTensor(t, t.gradFn() == node ? node : null);
        }
        return s;
    }
}
