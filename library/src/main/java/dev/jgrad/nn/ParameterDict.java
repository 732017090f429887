package dev.jgrad.nn;

import dev.jgrad.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Parameters registered under string keys, in insertion order ({@code nn.ParameterDict}); plain tensors are
 * wrapped in Parameters. It has no forward.
 */
public class ParameterDict extends Module {
    /** The entries (a parameter under two keys is listed twice, unlike namedParameters()). */
    private final Map<String, Parameter> entries = new LinkedHashMap<>();

    /** {@code nn.ParameterDict()}; the other arguments take PyTorch's defaults. */
    public ParameterDict() {}

    /**
     * {@code nn.ParameterDict(parameters)}, put in the order {@link #update} gives.
     *
     * @param parameters the initial entries; plain tensors are wrapped as Parameters (requiring grad)
     * @throws IllegalArgumentException if a key is empty or contains "." (the messages of
     *     {@link Module#registerParameter})
     */
    public ParameterDict(Map<String, ? extends Tensor> parameters) { update(parameters); }

    /**
     * {@code params[key] = value}: adds or replaces the entry under key (a plain tensor is wrapped in a Parameter).
     *
     * @param key the entry's name, also its parameter name
     * @param value the parameter or tensor
     * @return this
     * @throws IllegalArgumentException if key is empty or contains "." ("parameter name can't contain ".", got:
     *     a.b"), as register_parameter says
     */
    public ParameterDict put(String key, Tensor value) {
        Parameter p = ParameterList.asParameter(value);
        registerParameter(key, p);
        entries.put(key, p);
        return this;
    }

    /**
     * Puts every entry: in the map's order for a LinkedHashMap or SortedMap (PyTorch's OrderedDict), otherwise
     * sorted by key, as PyTorch does for a plain dict.
     *
     * @param parameters the entries to add or replace
     * @return this
     * @throws IllegalArgumentException if a key is empty or contains "." (the messages of
     *     {@link Module#registerParameter})
     */
    public ParameterDict update(Map<String, ? extends Tensor> parameters) {
        Map<String, ? extends Tensor> ordered = parameters instanceof LinkedHashMap || parameters instanceof SortedMap
                ? parameters : new TreeMap<>(parameters);
        ordered.forEach(this::put);
        return this;
    }

    /**
     * {@code params[key]}.
     *
     * @param key the entry's name
     * @return the parameter under key
     * @throws IllegalArgumentException if there is no such key, with PyTorch's text (its lookup goes through
     *     getattr): "'ParameterDict' object has no attribute 'w'"
     */
    public Parameter get(String key) {
        if (!containsKey(key)) throw new IllegalArgumentException("'ParameterDict' object has no attribute '" + key + "'");
        return own().get(key);
    }

    /**
     * {@code key in params}.
     *
     * @param key the entry's name
     * @return whether there is an entry under key
     */
    public boolean containsKey(String key) { return own().containsKey(key); }

    /**
     * {@code params.keys()}.
     *
     * @return an unmodifiable view of the keys, in insertion order
     */
    public Set<String> keySet() { return own().keySet(); }

    /**
     * {@code len(params)}.
     *
     * @return the number of entries
     */
    public int size() { return own().size(); }

    /**
     * {@code params.items()}.
     *
     * @return a new map of the entries, in insertion order
     */
    public Map<String, Parameter> items() { return new LinkedHashMap<>(entries); }

    private Map<String, Parameter> own() { return java.util.Collections.unmodifiableMap(entries); }

    /** One line per entry: {@code (a): Parameter containing: [torch.FloatTensor of size 2x3]}. */
    @Override protected String extraRepr() {
        List<String> lines = new ArrayList<>();
        for (var e : own().entrySet()) {
            lines.add("  (" + e.getKey() + "): Parameter containing: [" + e.getValue().dtype().legacyTensorTypeName() + " of size "
                    + ParameterList.sizeText(e.getValue()) + "]");
        }
        return String.join("\n", lines);
    }
}
