package dev.jgrad.nn;

import java.util.Iterator;

/** A list of modules registered as children "0", "1", ...; it has no forward of its own. */
public class ModuleList extends Module implements Iterable<Module> {
    public ModuleList(Module... modules) {
        for (Module m : modules) append(m);
    }

    public ModuleList append(Module module) {
        register(String.valueOf(namedChildren().size()), module);
        return this;
    }

    public Module get(int index) {
        int n = size(), i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) throw new IndexOutOfBoundsException("index " + index + " is out of range");
        return children().get(i);
    }

    public int size() { return namedChildren().size(); }

    @Override public Iterator<Module> iterator() { return children().iterator(); }
}
