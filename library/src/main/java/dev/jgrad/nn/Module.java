package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The base of every layer and model ({@code torch.nn.Module}). A module owns named parameters,
 * buffers and child modules, each kept in registration order; that order gives PyTorch's dotted
 * names ({@code layer1.weight}) and the order of {@link #parameters()} and {@link #stateDict()}.
 *
 * <pre>{@code
 * class TinyModel extends Module {
 *     final Linear layer1 = register("layer1", new Linear(1000, 100));
 *     final ReLU relu = register("relu", new ReLU());
 *     @Override public Tensor forward(Tensor x) { return relu.forward(layer1.forward(x)); }
 * }
 * }</pre>
 *
 * <p>Java has no {@code __call__}: call {@link #forward} directly. Conversions ({@link #to(DType)})
 * change parameters in place ({@link Tensor#setData}), so fields and optimizers keep valid references.
 */
public abstract class Module {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> nonPersistent = new HashSet<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;
    private final Map<Integer, Consumer<Module>> forwardPreHooks = new LinkedHashMap<>();
    private int nextHookId;

    /** An empty module in training mode: subclasses register their parameters, buffers and children. */
    protected Module() {}

    /** The computation; modules without one (containers such as ModuleList) throw PyTorch's error. */
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("Module [" + moduleName() + "] is missing the required \"forward\" function");
    }

    /**
     * PyTorch's {@code module(input)}: runs the forward pre-hooks (weight_norm, spectral_norm recompute the weight
     * there), then {@link #forward}. Calling forward directly skips the hooks.
     */
    public Tensor call(Tensor input) {
        runForwardPreHooks();
        return forward(input);
    }

    /** Runs the forward pre-hooks in registration order; forward overloads with several inputs call it first. */
    public void runForwardPreHooks() {
        for (Consumer<Module> hook : new ArrayList<>(forwardPreHooks.values())) hook.accept(this);
    }

    /** Adds a hook run by {@link #call} before every forward; the handle removes it. */
    public dev.jgrad.RemovableHandle registerForwardPreHook(Consumer<Module> hook) {
        int id = nextHookId++;
        forwardPreHooks.put(id, hook);
        return () -> forwardPreHooks.remove(id);
    }

    /** Removes a forward pre-hook (the first registration of that object). */
    public void removeForwardPreHook(Consumer<Module> hook) { forwardPreHooks.values().remove(hook); }

    /** The forward pre-hooks, in order (what nn.utils inspects to refuse a second weight_norm on one parameter). */
    public List<Consumer<Module>> forwardPreHooks() { return List.copyOf(forwardPreHooks.values()); }

    // ---------------------------------------------------------------- registration

    private void checkName(String kind, String name) {
        if (name == null) throw new IllegalArgumentException(kind + " name should be a string. Got null");
        if (name.contains(".")) throw new IllegalArgumentException(kind + " name can't contain \".\", got: " + name);
        if (name.isEmpty()) throw new IllegalArgumentException(kind + " name can't be empty string \"\"");
    }

    private void checkFree(String name, Map<String, ?> own) {
        boolean taken = (parameters.containsKey(name) && own != parameters) || (buffers.containsKey(name) && own != buffers)
                || (children.containsKey(name) && own != children);
        if (taken) throw new IllegalArgumentException("attribute '" + name + "' already exists");
    }

    /** Adds a child module under name (PyTorch's {@code add_module}) and returns it, for field initialisers. */
    public <M extends Module> M register(String name, M module) {
        checkName("module", name);
        checkFree(name, children);
        children.put(name, module);
        return module;
    }

    /** Adds a parameter (null registers an absent one, like {@code bias=False}) and returns it. */
    public Parameter registerParameter(String name, Parameter parameter) {
        checkName("parameter", name);
        checkFree(name, parameters);
        parameters.put(name, parameter);
        return parameter;
    }

    /** Adds a persistent buffer: saved in the state dict, converted by {@link #to}, never trained. */
    public Tensor registerBuffer(String name, Tensor buffer) { return registerBuffer(name, buffer, true); }

    /**
     * {@code register_buffer(name, buffer, persistent)}: a tensor that is moved by {@link #to} but never trained; a
     * non-persistent buffer stays out of the state dict. A name already used by a parameter or submodule raises
     * PyTorch's "attribute 'x' already exists" (IllegalArgumentException).
     */
    public Tensor registerBuffer(String name, Tensor buffer, boolean persistent) {
        checkName("buffer", name);
        checkFree(name, buffers);
        buffers.put(name, buffer);
        if (persistent) nonPersistent.remove(name);
        else nonPersistent.add(name);
        return buffer;
    }

    /** {@code del module._parameters[name]}: the removed parameter (null when there was none). */
    public Parameter removeParameter(String name) { return parameters.remove(name); }

    /** {@code del module._buffers[name]}: the removed buffer (null when there was none). */
    public Tensor removeBuffer(String name) {
        nonPersistent.remove(name);
        return buffers.remove(name);
    }

    // ---------------------------------------------------------------- traversal

    /** Direct children by name, in registration order. */
    public Map<String, Module> namedChildren() { return Collections.unmodifiableMap(children); }

    /** {@code children()}: the direct submodules, in registration order. */
    public List<Module> children() { return new ArrayList<>(children.values()); }

    /** This module and every descendant, depth first, each once, with dotted names ("" for this one). */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules("", out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void collectModules(String prefix, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(this)) return;
        out.put(prefix, this);
        for (var e : children.entrySet()) {
            if (e.getValue() != null) e.getValue().collectModules(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out, seen);
        }
    }

    /** {@code modules()}: this module and every descendant, depth first, each once. */
    public List<Module> modules() { return new ArrayList<>(namedModules().values()); }

    /** Every parameter with its dotted name ({@code layer1.weight}); a parameter shared by two modules appears once. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (var m : namedModules().entrySet()) {
            for (var p : m.getValue().parameters.entrySet()) {
                if (p.getValue() != null && seen.add(p.getValue())) out.put(qualified(m.getKey(), p.getKey()), p.getValue());
            }
        }
        return out;
    }

    /** {@code parameters()}: every parameter of this module and its descendants, each once, in registration order. */
    public List<Parameter> parameters() { return new ArrayList<>(namedParameters().values()); }

    /** {@code named_buffers()}: every buffer by dotted name ("bn.running_mean"), descendants included. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (var m : namedModules().entrySet()) {
            for (var b : m.getValue().buffers.entrySet()) {
                if (b.getValue() != null && seen.add(b.getValue())) out.put(qualified(m.getKey(), b.getKey()), b.getValue());
            }
        }
        return out;
    }

    /** {@code buffers()}: every buffer of this module and its descendants. */
    public List<Tensor> buffers() { return new ArrayList<>(namedBuffers().values()); }

    private static String qualified(String prefix, String name) { return prefix.isEmpty() ? name : prefix + "." + name; }

    /** Runs fn on every descendant, children first, then on this module; returns this. */
    public Module apply(Consumer<Module> fn) {
        for (Module c : children.values()) if (c != null) c.apply(fn);
        fn.accept(this);
        return this;
    }

    // ---------------------------------------------------------------- modes and gradients

    /** {@code train()}: training mode here and in every descendant; returns this. */
    public Module train() { return train(true); }

    /** Sets training mode here and in every descendant (Dropout and BatchNorm behave differently in eval). */
    public Module train(boolean mode) {
        training = mode;
        for (Module c : children.values()) if (c != null) c.train(mode);
        return this;
    }

    /**
     * {@code eval()}: evaluation mode here and in every descendant (dropout off, batch norm on running statistics);
     * returns this.
     */
    public Module eval() { return train(false); }

    /** {@code module.training}: whether this module is in training mode. */
    public boolean isTraining() { return training; }

    /** Sets every parameter's gradient to null (PyTorch 2's default {@code set_to_none=True}). */
    public void zeroGrad() { zeroGrad(true); }

    /** With setToNone false, gradients are detached and zeroed in place instead. */
    public void zeroGrad(boolean setToNone) {
        for (Parameter p : parameters()) zeroGradOf(p, setToNone);
    }

    /** Shared with the optimizers: PyTorch's zero_grad on one tensor. */
    public static void zeroGradOf(Tensor p, boolean setToNone) {
        Tensor g = p.grad();
        if (g == null) return;
        if (setToNone) {
            p.setGrad(null);
        } else {
            if (g.gradFn() != null) g.detach_();
            else g.requiresGrad_(false);
            g.zero_();
        }
    }

    // ---------------------------------------------------------------- conversion

    /** Converts floating-point parameters, gradients and buffers to dtype, in place. */
    public Module to(DType dtype) { return convert(t -> t.isFloatingPoint() ? t.to(dtype) : t); }

    /** Converts floating-point parameters, gradients and buffers to float16, in place ({@code module.half()}). */
    public Module half() { return to(DType.FLOAT16); }

    /** Converts floating-point parameters, gradients and buffers to bfloat16, in place ({@code module.bfloat16()}). */
    public Module bfloat16() { return to(DType.BFLOAT16); }

    /** Moves parameters, gradients and buffers to device, in place. */
    public Module to(Device device) { return convert(t -> t.to(device)); }

    /**
     * {@code to(device, dtype)}: moves everything to device and casts floating parameters and buffers to dtype, in
     * place; returns this.
     */
    public Module to(Device device, DType dtype) { return convert(t -> t.isFloatingPoint() ? t.to(device, dtype) : t.to(device)); }

    private Module convert(java.util.function.UnaryOperator<Tensor> fn) {
        for (Module m : modules()) {
            try (var g = Torch.noGrad()) {
                for (Parameter p : m.parameters.values()) {
                    if (p == null) continue;
                    Tensor grad = p.grad();
                    if (grad != null) grad.setData(fn.apply(grad).detach());  // first, so setData on p keeps the grad
                    p.setData(fn.apply(p).detach());
                }
                for (Tensor b : m.buffers.values()) if (b != null) b.setData(fn.apply(b).detach());
            }
        }
        return this;
    }

    // ---------------------------------------------------------------- state dict

    /** Detached parameters then persistent buffers of each module, depth first, under dotted names. */
    public LinkedHashMap<String, Tensor> stateDict() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        saveTo(out, "");
        return out;
    }

    private void saveTo(Map<String, Tensor> out, String prefix) {
        for (var p : parameters.entrySet()) if (p.getValue() != null) out.put(prefix + p.getKey(), p.getValue().detach());
        for (var b : buffers.entrySet()) {
            if (b.getValue() != null && !nonPersistent.contains(b.getKey())) out.put(prefix + b.getKey(), b.getValue().detach());
        }
        for (var c : children.entrySet()) if (c.getValue() != null) c.getValue().saveTo(out, prefix + c.getKey() + ".");
    }

    /** What a non-strict load could not match ({@code _IncompatibleKeys}). */
    public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
        @Override public String toString() {
            if (missingKeys.isEmpty() && unexpectedKeys.isEmpty()) return "<All keys matched successfully>";
            return "_IncompatibleKeys(missing_keys=" + pyList(missingKeys) + ", unexpected_keys=" + pyList(unexpectedKeys) + ")";
        }

        private static String pyList(List<String> keys) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < keys.size(); i++) sb.append(i > 0 ? ", " : "").append('\'').append(keys.get(i)).append('\'');
            return sb.append(']').toString();
        }
    }

    /**
     * {@code load_state_dict(state_dict)} with strict key matching: missing or unexpected keys raise PyTorch's
     * message (IllegalArgumentException).
     */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict) { return loadStateDict(stateDict, true); }

    /**
     * Copies matching entries into the parameters and buffers (under no_grad). Size mismatches always
     * fail; missing and unexpected keys fail only when strict. The message is PyTorch's
     * {@code Error(s) in loading state_dict for Model:\n\t...}.
     */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict, boolean strict) {
        List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>(), errors = new ArrayList<>();
        loadFrom(stateDict, "", missing, unexpected, errors);
        if (strict) {
            if (!unexpected.isEmpty()) errors.add(0, "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
            if (!missing.isEmpty()) errors.add(0, "Missing key(s) in state_dict: " + quoted(missing) + ". ");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + moduleName() + ":\n\t" + String.join("\n\t", errors));
        }
        return new IncompatibleKeys(missing, unexpected);
    }

    private static String quoted(List<String> keys) {
        List<String> q = new ArrayList<>();
        for (String k : keys) q.add('"' + k + '"');
        return String.join(", ", q);
    }

    private void loadFrom(Map<String, Tensor> sd, String prefix, List<String> missing, List<String> unexpected, List<String> errors) {
        Map<String, Tensor> local = new LinkedHashMap<>();
        for (var p : parameters.entrySet()) if (p.getValue() != null) local.put(p.getKey(), p.getValue());
        for (var b : buffers.entrySet()) {
            if (b.getValue() != null && !nonPersistent.contains(b.getKey())) local.put(b.getKey(), b.getValue());
        }
        for (var e : local.entrySet()) {
            String key = prefix + e.getKey();
            Tensor target = e.getValue();
            if (!sd.containsKey(key)) {
                missing.add(key);
                continue;
            }
            Tensor src = sd.get(key);
            if (!java.util.Arrays.equals(src.shape(), target.shape())) {
                errors.add("size mismatch for " + key + ": copying a param with shape " + src.size()
                        + " from checkpoint, the shape in current model is " + target.size() + ".");
                continue;
            }
            try (var g = Torch.noGrad()) {
                target.copy_(src);
            }
        }
        for (String key : sd.keySet()) {
            if (!key.startsWith(prefix)) continue;
            String first = key.substring(prefix.length()).split("\\.", 2)[0];
            if (!children.containsKey(first) && !local.containsKey(first)) unexpected.add(key);
        }
        for (var c : children.entrySet()) {
            if (c.getValue() == null) continue;
            String childPrefix = prefix + c.getKey() + ".";
            Map<String, Tensor> childSd = new LinkedHashMap<>();
            for (var e : sd.entrySet()) if (e.getKey().startsWith(childPrefix)) childSd.put(e.getKey(), e.getValue());
            c.getValue().loadFrom(childSd, childPrefix, missing, unexpected, errors);
        }
    }

    // ---------------------------------------------------------------- printing

    /** The class name PyTorch prints; anonymous subclasses print their superclass's name. */
    protected String moduleName() {
        Class<?> c = getClass();
        while (c.getSimpleName().isEmpty()) c = c.getSuperclass();
        return c.getSimpleName();
    }

    /** The module's own settings, as {@code extra_repr}: "in_features=2, out_features=3, bias=True". */
    protected String extraRepr() { return ""; }

    /** PyTorch's module repr: the name, the extra repr, and the children indented as "(name): ...". */
    @Override public String toString() {
        List<String> lines = new ArrayList<>();
        String extra = extraRepr();
        List<String> extraLines = extra.isEmpty() ? List.of() : List.of(extra.split("\n", -1));
        lines.addAll(extraLines);
        for (var c : children.entrySet()) {
            String child = String.valueOf(c.getValue()).replace("\n", "\n  ");
            lines.add("(" + c.getKey() + "): " + child);
        }
        StringBuilder sb = new StringBuilder(moduleName()).append('(');
        if (!lines.isEmpty()) {
            if (extraLines.size() == 1 && children.isEmpty()) sb.append(extraLines.get(0));
            else sb.append("\n  ").append(String.join("\n  ", lines)).append('\n');
        }
        return sb.append(')').toString();
    }
}
