package dev.jgrad.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code torch.nn.ModuleDict}: modules registered as children under string keys, in insertion order; it has no
 * forward of its own ({@link #forward} throws).
 */
public class ModuleDict extends Module {
    /** {@code nn.ModuleDict()}; the other arguments take PyTorch's defaults. */
    public ModuleDict() {}

    /**
     * {@code nn.ModuleDict(modules)}.
     *
     * @param modules the children by key, added in the map's iteration order
     * @throws IllegalArgumentException if a key is empty or contains "." (the messages of {@link Module#register})
     */
    public ModuleDict(Map<String, ? extends Module> modules) { modules.forEach(this::put); }

    /**
     * {@code dict[key] = module}: adds or replaces a submodule (a replaced one keeps its position).
     *
     * @param key the child's name
     * @param module the child
     * @return this
     * @throws IllegalArgumentException if key is empty or contains "." ("module name can't contain ".", got: a.b")
     */
    public ModuleDict put(String key, Module module) {
        register(key, module);
        return this;
    }

    /**
     * {@code dict[key]}.
     *
     * @param key the child's name
     * @return the child under key
     * @throws IllegalArgumentException if there is no such key, with PyTorch's KeyError text ("KeyError: 'fc'")
     */
    public Module get(String key) {
        Module m = namedChildren().get(key);
        if (m == null) throw new IllegalArgumentException("KeyError: '" + key + "'");
        return m;
    }

    /**
     * {@code key in dict}.
     *
     * @param key the child's name
     * @return whether there is a child under key
     */
    public boolean containsKey(String key) { return namedChildren().containsKey(key); }

    /**
     * {@code dict.keys()}.
     *
     * @return an unmodifiable view of the keys, in insertion order
     */
    public Set<String> keySet() { return namedChildren().keySet(); }

    /**
     * {@code len(dict)}.
     *
     * @return the number of children
     */
    public int size() { return namedChildren().size(); }

    /**
     * {@code dict.items()}.
     *
     * @return a new map of the children, in insertion order
     */
    public Map<String, Module> items() { return new LinkedHashMap<>(namedChildren()); }
}
