package dev.jgrad.nn;

import java.util.Iterator;

/**
 * {@code torch.nn.ModuleList}: a list of modules registered as children "0", "1", ..., so that their parameters
 * belong to the owner; it has no forward of its own ({@link #forward} throws).
 */
public class ModuleList extends Module implements Iterable<Module> {
    /**
     * {@code nn.ModuleList(modules)}.
     *
     * @param modules the children in order, registered as "0", "1", ...
     */
    public ModuleList(Module... modules) {
        for (Module m : modules) append(m);
    }

    /**
     * {@code append(module)}: adds a submodule at the end, named by its position.
     *
     * @param module the child to add
     * @return this
     */
    public ModuleList append(Module module) {
        register(String.valueOf(namedChildren().size()), module);
        return this;
    }

    /**
     * {@code modules[index]}; negative indices count from the end.
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
     * {@code len(modules)}.
     *
     * @return the number of children
     */
    public int size() { return namedChildren().size(); }

    @Override public Iterator<Module> iterator() { return children().iterator(); }
}
