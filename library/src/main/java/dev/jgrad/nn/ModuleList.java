package dev.jgrad.nn;

import java.util.Iterator;

/** A list of modules registered as children "0", "1", ...; it has no forward of its own. */
public class ModuleList extends Module implements Iterable<Module> {
    /** {@code nn.ModuleList(modules)}. */
    public ModuleList(Module... modules) {
        for (Module m : modules) append(m);
    }

    /** {@code append(module)}: adds a submodule at the end; returns this. */
    public ModuleList append(Module module) {
        register(String.valueOf(namedChildren().size()), module);
        return this;
    }

    /**
     * {@code modules[index]}; negative indices count from the end, out of range raises IndexOutOfBoundsException
     * ("index 5 is out of range", PyTorch's IndexError).
     */
    public Module get(int index) {
        int n = size(), i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) throw new IndexOutOfBoundsException("index " + index + " is out of range");
        return children().get(i);
    }

    /** {@code len(modules)}. */
    public int size() { return namedChildren().size(); }

    @Override public Iterator<Module> iterator() { return children().iterator(); }
}
