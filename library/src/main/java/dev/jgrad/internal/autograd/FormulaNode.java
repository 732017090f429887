package dev.jgrad.internal.autograd;

import dev.jgrad.Node;
import dev.jgrad.Tensor;

/**
 * A node whose backward is a row of {@link Derivatives}: one formula per forward input, evaluated only
 * for inputs that need a gradient, over the saved tensors and attributes the row recorded.
 */
public final class FormulaNode extends Node {
    /** The gradient for one input, from the output gradient ({@code grad}) and what the row saved. */
    @FunctionalInterface
    public interface Formula {
        Tensor apply(Tensor grad, FormulaNode node);
    }

    private final String name;
    private final Formula[] formulas;
    private SavedTensor[] saved;
    private final Object[] attrs;
    private Tensor[] gradOutputs;

    FormulaNode(String name, Formula[] formulas, Object[] attrs) {
        this.name = name;
        this.formulas = formulas;
        this.attrs = attrs;
    }

    @Override public String name() { return name; }

    void save(SavedTensor[] saved) { this.saved = saved; }

    /** Saved tensor i, checked against in-place changes and release. */
    Tensor saved(int i) { return saved[i].unpack(); }

    Object attr(int i) { return attrs[i]; }

    int intAttr(int i) { return (Integer) attrs[i]; }

    double doubleAttr(int i) { return (Double) attrs[i]; }

    int[] shapeAttr(int i) { return (int[]) attrs[i]; }

    /** All output gradients (multi-output rows; missing ones are null). */
    Tensor[] gradOutputs() { return gradOutputs; }

    @Override public Tensor[] apply(Tensor[] grads) {
        gradOutputs = grads;
        Tensor g = grads.length > 0 ? grads[0] : null;
        Tensor[] out = new Tensor[formulas.length];
        try {
            for (int i = 0; i < formulas.length; i++) {
                if (next[i].node() != null && formulas[i] != null) out[i] = formulas[i].apply(g, this);
            }
        } finally {
            gradOutputs = null;
        }
        return out;
    }

    @Override public void releaseVariables() {
        if (saved != null) for (SavedTensor s : saved) if (s != null) s.release();
    }
}
