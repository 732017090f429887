package dev.jgrad.nn;

import dev.jgrad.Tensor;
import java.util.Iterator;
import java.util.Map;

/** Children run in order, each on the previous one's output; unnamed children are named "0", "1", ... */
public class Sequential extends Module implements Iterable<Module> {
    /** {@code nn.Sequential(modules)}. */
    public Sequential(Module... modules) {
        for (Module m : modules) append(m);
    }

    /** Children with chosen names, in the map's order (PyTorch's OrderedDict form). */
    public Sequential(Map<String, ? extends Module> modules) {
        for (var e : modules.entrySet()) register(e.getKey(), e.getValue());
    }

    /** {@code append(module)}: adds a module at the end; returns this. */
    public Sequential append(Module module) {
        register(String.valueOf(namedChildren().size()), module);
        return this;
    }

    /**
     * {@code seq[index]}; negative indices count from the end, out of range raises IndexOutOfBoundsException ("index
     * 5 is out of range", PyTorch's IndexError).
     */
    public Module get(int index) {
        int n = size(), i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) throw new IndexOutOfBoundsException("index " + index + " is out of range");
        return children().get(i);
    }

    /** {@code len(seq)}. */
    public int size() { return namedChildren().size(); }

    @Override public Iterator<Module> iterator() { return children().iterator(); }

    @Override public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : namedChildren().values()) x = m.forward(x);
        return x;
    }
}
