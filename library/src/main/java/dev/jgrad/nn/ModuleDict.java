package dev.jgrad.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Modules registered under string keys, in insertion order; it has no forward of its own. */
public class ModuleDict extends Module {
    /** {@code nn.ModuleDict()}; the other arguments take PyTorch's defaults. */
    public ModuleDict() {}

    /** {@code nn.ModuleDict(modules)}. */
    public ModuleDict(Map<String, ? extends Module> modules) { modules.forEach(this::put); }

    /** {@code dict[key] = module}: adds or replaces a submodule; returns this. */
    public ModuleDict put(String key, Module module) {
        register(key, module);
        return this;
    }

    /** {@code dict[key]}; a missing key raises PyTorch's KeyError text (IllegalArgumentException). */
    public Module get(String key) {
        Module m = namedChildren().get(key);
        if (m == null) throw new IllegalArgumentException("KeyError: '" + key + "'");
        return m;
    }

    /** {@code key in dict}. */
    public boolean containsKey(String key) { return namedChildren().containsKey(key); }

    /** {@code dict.keys()}, in insertion order. */
    public Set<String> keySet() { return namedChildren().keySet(); }

    /** {@code len(dict)}. */
    public int size() { return namedChildren().size(); }

    /** The entries in insertion order. */
    public Map<String, Module> items() { return new LinkedHashMap<>(namedChildren()); }
}
