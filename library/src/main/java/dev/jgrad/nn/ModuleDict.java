package dev.jgrad.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Modules registered under string keys, in insertion order; it has no forward of its own. */
public class ModuleDict extends Module {
    public ModuleDict() {}

    public ModuleDict(Map<String, ? extends Module> modules) { modules.forEach(this::put); }

    public ModuleDict put(String key, Module module) {
        register(key, module);
        return this;
    }

    public Module get(String key) {
        Module m = namedChildren().get(key);
        if (m == null) throw new IllegalArgumentException("KeyError: '" + key + "'");
        return m;
    }

    public boolean containsKey(String key) { return namedChildren().containsKey(key); }

    public Set<String> keySet() { return namedChildren().keySet(); }

    public int size() { return namedChildren().size(); }

    /** The entries in insertion order. */
    public Map<String, Module> items() { return new LinkedHashMap<>(namedChildren()); }
}
