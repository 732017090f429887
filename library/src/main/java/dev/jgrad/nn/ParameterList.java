package dev.jgrad.nn;

import dev.jgrad.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Parameters registered as "0", "1", ... ({@code nn.ParameterList}): a plain tensor added to it becomes a
 * Parameter, as in PyTorch, so optimizers see it through {@link #parameters()}. It has no forward.
 */
public class ParameterList extends Module implements Iterable<Parameter> {
    /** The entries by index (a parameter added twice is listed twice, as PyTorch's _size counts it). */
    private final List<Parameter> items = new ArrayList<>();

    /** {@code nn.ParameterList()}; the other arguments take PyTorch's defaults. */
    public ParameterList() {}

    /**
     * {@code nn.ParameterList(values)}.
     *
     * @param values the initial entries in order; plain tensors are wrapped as Parameters (requiring grad)
     */
    public ParameterList(Iterable<? extends Tensor> values) { extend(values); }

    /**
     * {@code nn.ParameterList(values)}.
     *
     * @param values the initial entries in order; plain tensors are wrapped as Parameters (requiring grad)
     */
    public ParameterList(Tensor... values) { extend(List.of(values)); }

    /**
     * {@code append(value)}: adds a parameter at the end (a plain tensor is wrapped as a Parameter).
     *
     * @param value the parameter or tensor to add, registered under its index
     * @return this
     */
    public ParameterList append(Tensor value) {
        Parameter p = asParameter(value);
        registerParameter(String.valueOf(items.size()), p);
        items.add(p);
        return this;
    }

    /**
     * {@code extend(values)}: appends each value in order.
     *
     * @param values the parameters or tensors to add
     * @return this
     */
    public ParameterList extend(Iterable<? extends Tensor> values) {
        for (Tensor t : values) append(t);
        return this;
    }

    /**
     * {@code params[index]}; negative indices count from the end.
     *
     * @param index the position, from -size() to size() - 1
     * @return the parameter at index
     * @throws IndexOutOfBoundsException if index is out of range ("index 5 is out of range", PyTorch's IndexError)
     */
    public Parameter get(int index) { return items.get(absIndex(index)); }

    /**
     * {@code params[index] = value}: replaces the parameter at index (a plain tensor is wrapped in a Parameter).
     *
     * @param index the position, from -size() to size() - 1
     * @param value the new parameter or tensor
     * @return this
     * @throws IndexOutOfBoundsException if index is out of range ("index 5 is out of range", PyTorch's IndexError)
     */
    public ParameterList set(int index, Tensor value) {
        int i = absIndex(index);
        Parameter p = asParameter(value);
        registerParameter(String.valueOf(i), p);
        items.set(i, p);
        return this;
    }

    /**
     * {@code len(params)}.
     *
     * @return the number of entries (a parameter added twice counts twice)
     */
    public int size() { return items.size(); }

    @Override public Iterator<Parameter> iterator() { return List.copyOf(items).iterator(); }

    private int absIndex(int index) {
        int n = size(), i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) throw new IndexOutOfBoundsException("index " + index + " is out of range");
        return i;
    }

    static Parameter asParameter(Tensor t) { return t instanceof Parameter p ? p : new Parameter(t); }

    /** One line per entry: {@code (0): Parameter containing: [torch.float32 of size 2x3]}. */
    @Override protected String extraRepr() {
        List<String> lines = new ArrayList<>();
        int k = 0;
        for (Parameter p : this) lines.add("  (" + k++ + "): Parameter containing: [" + p.dtype() + " of size " + sizeText(p) + "]");
        return String.join("\n", lines);
    }

    /** PyTorch's 'x'.join of the sizes (empty for a 0-dim tensor). */
    static String sizeText(Tensor t) {
        List<String> parts = new ArrayList<>();
        for (long s : t.shape()) parts.add(Long.toString(s));
        return String.join("x", parts);
    }
}
