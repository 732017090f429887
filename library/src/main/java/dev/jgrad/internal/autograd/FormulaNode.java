package dev.jgrad.internal.autograd;

import dev.jgrad.Node;
import dev.jgrad.Tensor;
import java.util.Arrays;

/**
 * A node whose backward is a row of {@link Derivatives}: one formula per forward input, evaluated only
 * for inputs that need a gradient. The formulas are closures made when the op was recorded: they hold
 * the op's arguments as typed values and its saved tensors as {@link SavedTensor} handles, which this
 * node also keeps so that a backward without retainGraph can free them.
 */
public final class FormulaNode extends Node implements Recorder.Row, InspectableNode {
    /** The gradient for one input, from the gradient of the (first) output. */
    @FunctionalInterface
    public interface Formula {
        Tensor apply(Tensor grad);
    }

    /** The gradient for one input, from the gradients of all outputs (missing ones are null): multi-output rows. */
    @FunctionalInterface
    public interface OutputsFormula {
        Tensor apply(Tensor[] grads);
    }

    private static final SavedTensor[] NONE_SAVED = new SavedTensor[0];

    private final String name;
    // exactly one of the two is set, by the Recorder, before the op returns its result
    private Formula[] formulas;
    private OutputsFormula[] outputsFormulas;
    private SavedTensor[] saved = NONE_SAVED;
    private int savedCount;
    Tensor pendingResult;  // between Recorder.start and formulas(): what formulas() returns

    FormulaNode(String name) { this.name = name; }

    @Override public String name() { return name; }

    @Override public Tensor formulas(Formula... f) {
        setFormulas(f);
        Tensor r = pendingResult;
        pendingResult = null;
        return r;
    }

    @Override public void outputsFormulas(OutputsFormula... f) { setOutputsFormulas(f); }

    void setFormulas(Formula[] f) {
        checkArity(f.length);
        formulas = f;
    }

    void setOutputsFormulas(OutputsFormula[] f) {
        checkArity(f.length);
        outputsFormulas = f;
    }

    // a row with a formula too few would silently drop a gradient; fail where the row is written instead
    private void checkArity(int n) {
        if (n != next.length) throw new IllegalStateException(name + ": " + n + " formulas for " + next.length + " inputs");
    }

    /** Saves t for the formulas; when t is this node's own output the error messages name this node as its producer. */
    @Override public SavedTensor save(Tensor t) {
        if (t == null) return null;
        SavedTensor s = new SavedTensor(t, t.gradFn() == this ? this : null);
        if (savedCount == saved.length) saved = Arrays.copyOf(saved, Math.max(2, savedCount * 2));
        saved[savedCount++] = s;
        return s;
    }

    @Override protected Tensor[] compute(Tensor[] grads) {
        Tensor[] out = new Tensor[next.length];
        if (formulas != null) {
            Tensor g = grads.length > 0 ? grads[0] : null;
            if (g == null) return out;  // an undefined output gradient gives undefined input gradients, as PyTorch's any_grad_defined
            for (int i = 0; i < out.length; i++) {
                if (next[i].node() != null && formulas[i] != null) out[i] = formulas[i].apply(g);
            }
        } else {
            boolean anyDefined = false;
            for (Tensor g : grads) anyDefined |= g != null;
            if (!anyDefined) return out;
            for (int i = 0; i < out.length; i++) {
                if (next[i].node() != null && outputsFormulas[i] != null) out[i] = outputsFormulas[i].apply(grads);
            }
        }
        return out;
    }

    /** The tensors saved for the formulas and not yet freed, in saving order (what torchviz shows as saved tensors). */
    @Override public java.util.List<Tensor> savedTensors() {
        java.util.List<Tensor> out = new java.util.ArrayList<>();
        for (int i = 0; i < savedCount; i++) if (saved[i].peek() != null) out.add(saved[i].peek());
        return out;
    }

    /** Whether t shares its storage with a tensor saved for the formulas and not yet freed (no list is made). */
    boolean savesStorageOf(Tensor t) {
        for (int i = 0; i < savedCount; i++) {
            Tensor s = saved[i].peek();
            if (s != null && t.sharesStorageWith(s)) return true;
        }
        return false;
    }

    @Override public void releaseVariables() {
        for (int i = 0; i < savedCount; i++) saved[i].release();
    }
}
