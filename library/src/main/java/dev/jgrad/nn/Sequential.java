package dev.jgrad.nn;

import dev.jgrad.Tensor;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code torch.nn.Sequential}: children run in order, each on the previous one's output; unnamed children are
 * named "0", "1", ... The input and output shapes are those of the first and the last child.
 */
public class Sequential extends Module implements Iterable<Module> {
    /**
     * {@code nn.Sequential(*modules)}.
     *
     * @param modules the children in order, registered as "0", "1", ...
     */
    public Sequential(Module... modules) {
        for (Module m : modules) append(m);
    }

    /**
     * {@code nn.Sequential(OrderedDict(...))}: children with chosen names, in the map's order.
     *
     * @param modules the children by name (give a LinkedHashMap to fix the order)
     * @throws IllegalArgumentException if a name is empty or contains "." (the messages of {@link Module#register})
     */
    public Sequential(Map<String, ? extends Module> modules) {
        for (var e : modules.entrySet()) register(e.getKey(), e.getValue());
    }

    /**
     * {@code append(module)}: adds a module at the end, named by its position.
     *
     * @param module the child to add
     * @return this
     */
    public Sequential append(Module module) {
        register(String.valueOf(namedChildren().size()), module);
        return this;
    }

    /**
     * {@code seq[index]}; negative indices count from the end.
     *
     * @param index the position, from -size() to size() - 1
     * @return the child at index
     * @throws IndexOutOfBoundsException if index is out of range ("index 5 is out of range", PyTorch's IndexError)
     */
    public Module get(int index) {
        int n = size(), i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) throw new IndexOutOfBoundsException("index " + index + " is out of range");
        return children().get(i);
    }

    /**
     * {@code len(seq)}.
     *
     * @return the number of children
     */
    public int size() { return namedChildren().size(); }

    @Override public Iterator<Module> iterator() { return children().iterator(); }

    @Override public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : namedChildren().values()) x = m.forward(x);
        return x;
    }
}
