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

    /**
     * The computation ({@code Module.forward}); each layer documents its input and output shapes in its class
     * comment. Calling it directly skips the forward pre-hooks that {@link #call} runs.
     *
     * @param input the input tensor
     * @return the output tensor
     * @throws UnsupportedOperationException for a module without a computation of its own (containers such as
     *     {@link ModuleList}), with PyTorch's message "Module [ModuleList] is missing the required "forward" function"
     */
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("Module [" + moduleName() + "] is missing the required \"forward\" function");
    }

    /**
     * PyTorch's {@code module(input)}: runs the forward pre-hooks (weight_norm, spectral_norm recompute the weight
     * there), then {@link #forward}. Calling forward directly skips the hooks.
     *
     * @param input the input tensor
     * @return what {@link #forward} returns
     * @throws UnsupportedOperationException as {@link #forward}, for a module without a computation of its own
     */
    public Tensor call(Tensor input) {
        runForwardPreHooks();
        return forward(input);
    }

    /** Runs the forward pre-hooks in registration order; forward overloads with several inputs call it first. */
    public void runForwardPreHooks() {
        for (Consumer<Module> hook : new ArrayList<>(forwardPreHooks.values())) hook.accept(this);
    }

    /**
     * {@code register_forward_pre_hook(hook)}: adds a hook run by {@link #call} before every forward. Unlike
     * PyTorch's, the hook sees only the module, not the inputs, and cannot replace them.
     *
     * @param hook called with this module before each forward
     * @return a handle whose {@code remove()} takes the hook off again
     */
    public dev.jgrad.RemovableHandle registerForwardPreHook(Consumer<Module> hook) {
        int id = nextHookId++;
        forwardPreHooks.put(id, hook);
        return () -> forwardPreHooks.remove(id);
    }

    /**
     * Removes a forward pre-hook (the first registration of that object); nothing happens when it is not registered.
     *
     * @param hook the hook given to {@link #registerForwardPreHook}
     */
    public void removeForwardPreHook(Consumer<Module> hook) { forwardPreHooks.values().remove(hook); }

    /**
     * The forward pre-hooks, in order (what nn.utils inspects to refuse a second weight_norm on one parameter);
     * PyTorch's {@code module._forward_pre_hooks.values()}.
     *
     * @return an unmodifiable copy of the hooks in registration order
     */
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

    /**
     * Adds a child module under name (PyTorch's {@code add_module}, or assigning a module attribute) and returns it,
     * for field initialisers. Registering a name again replaces that child in place (its position is kept).
     *
     * @param <M> the child's type
     * @param name the child's name, the first part of its parameters' dotted names; not null, empty or dotted
     * @param module the child (null registers an absent child, skipped by traversal)
     * @return module, so that {@code final Linear fc = register("fc", new Linear(4, 2));} reads naturally
     * @throws IllegalArgumentException if name is null ("module name should be a string. Got null"), contains a dot
     *     ("module name can't contain ".", got: a.b"), is empty ("module name can't be empty string """) or is
     *     already a parameter or buffer ("attribute 'x' already exists")
     */
    public <M extends Module> M register(String name, M module) {
        checkName("module", name);
        checkFree(name, children);
        children.put(name, module);
        return module;
    }

    /**
     * {@code register_parameter(name, parameter)}: adds a parameter (null registers an absent one, like
     * {@code bias=False}) and returns it. Registering a name again replaces that parameter.
     *
     * @param name the parameter's name within this module; not null, empty or dotted
     * @param parameter the parameter, or null
     * @return parameter
     * @throws IllegalArgumentException if name is null ("parameter name should be a string. Got null"), contains a
     *     dot ("parameter name can't contain ".", got: ..."), is empty ("parameter name can't be empty string """)
     *     or is already a buffer or child ("attribute 'x' already exists")
     */
    public Parameter registerParameter(String name, Parameter parameter) {
        checkName("parameter", name);
        checkFree(name, parameters);
        parameters.put(name, parameter);
        return parameter;
    }

    /**
     * {@code register_buffer(name, buffer)}: adds a persistent buffer, saved in the state dict, converted by
     * {@link #to}, never trained.
     *
     * @param name the buffer's name within this module; not null, empty or dotted
     * @param buffer the tensor (null registers an absent buffer)
     * @return buffer
     * @throws IllegalArgumentException if name is null, dotted, empty or already a parameter or child, with the
     *     messages of {@link #registerBuffer(String, Tensor, boolean)}
     */
    public Tensor registerBuffer(String name, Tensor buffer) { return registerBuffer(name, buffer, true); }

    /**
     * {@code register_buffer(name, buffer, persistent)}: a tensor that is moved by {@link #to} but never trained; a
     * non-persistent buffer stays out of the state dict.
     *
     * @param name the buffer's name within this module; not null, empty or dotted
     * @param buffer the tensor (null registers an absent buffer)
     * @param persistent whether the buffer is saved in {@link #stateDict()} and loaded by {@link #loadStateDict}
     * @return buffer
     * @throws IllegalArgumentException if name is null ("buffer name should be a string. Got null"), contains a dot
     *     ("buffer name can't contain ".", got: ..."), is empty ("buffer name can't be empty string """) or is
     *     already a parameter or child ("attribute 'x' already exists")
     */
    public Tensor registerBuffer(String name, Tensor buffer, boolean persistent) {
        checkName("buffer", name);
        checkFree(name, buffers);
        buffers.put(name, buffer);
        if (persistent) nonPersistent.remove(name);
        else nonPersistent.add(name);
        return buffer;
    }

    /**
     * {@code del module._parameters[name]}: unregisters a parameter of this module (not of its children).
     *
     * @param name the parameter's name within this module
     * @return the removed parameter (null when there was none)
     */
    public Parameter removeParameter(String name) { return parameters.remove(name); }

    /**
     * {@code del module._buffers[name]}: unregisters a buffer of this module (not of its children).
     *
     * @param name the buffer's name within this module
     * @return the removed buffer (null when there was none)
     */
    public Tensor removeBuffer(String name) {
        nonPersistent.remove(name);
        return buffers.remove(name);
    }

    // ---------------------------------------------------------------- traversal

    /**
     * {@code named_children()}: the direct children by name, in registration order.
     *
     * @return an unmodifiable live view of the children (absent, null children included)
     */
    public Map<String, Module> namedChildren() { return Collections.unmodifiableMap(children); }

    /**
     * {@code children()}: the direct submodules, in registration order.
     *
     * @return a new list of the children
     */
    public List<Module> children() { return new ArrayList<>(children.values()); }

    /**
     * {@code named_modules()}: this module and every descendant, depth first, each once, with dotted names ("" for
     * this one).
     *
     * @return a new map from dotted name to module, in visiting order
     */
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

    /**
     * {@code modules()}: this module and every descendant, depth first, each once.
     *
     * @return a new list, this module first
     */
    public List<Module> modules() { return new ArrayList<>(namedModules().values()); }

    /**
     * {@code named_parameters()}: every parameter with its dotted name ({@code layer1.weight}); a parameter shared
     * by two modules appears once, under its first name.
     *
     * @return a new map from dotted name to parameter, in registration order
     */
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

    /**
     * {@code parameters()}: every parameter of this module and its descendants, each once, in registration order
     * (what an optimizer is given).
     *
     * @return a new list of the parameters
     */
    public List<Parameter> parameters() { return new ArrayList<>(namedParameters().values()); }

    /**
     * {@code named_buffers()}: every buffer by dotted name ("bn.running_mean"), descendants included, each once.
     *
     * @return a new map from dotted name to buffer, non-persistent buffers included
     */
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

    /**
     * {@code buffers()}: every buffer of this module and its descendants.
     *
     * @return a new list of the buffers, non-persistent ones included
     */
    public List<Tensor> buffers() { return new ArrayList<>(namedBuffers().values()); }

    private static String qualified(String prefix, String name) { return prefix.isEmpty() ? name : prefix + "." + name; }

    /**
     * {@code apply(fn)}: runs fn on every descendant, children first, then on this module (e.g. to initialise
     * weights).
     *
     * @param fn called once per module
     * @return this
     */
    public Module apply(Consumer<Module> fn) {
        for (Module c : children.values()) if (c != null) c.apply(fn);
        fn.accept(this);
        return this;
    }

    // ---------------------------------------------------------------- modes and gradients

    /**
     * {@code train()}: training mode here and in every descendant.
     *
     * @return this
     */
    public Module train() { return train(true); }

    /**
     * {@code train(mode)}: sets training mode here and in every descendant (Dropout and BatchNorm behave differently
     * in eval).
     *
     * @param mode true for training, false for evaluation
     * @return this
     */
    public Module train(boolean mode) {
        training = mode;
        for (Module c : children.values()) if (c != null) c.train(mode);
        return this;
    }

    /**
     * {@code eval()}: evaluation mode here and in every descendant (dropout off, batch norm on running statistics).
     *
     * @return this
     */
    public Module eval() { return train(false); }

    /**
     * {@code module.training}.
     *
     * @return whether this module is in training mode
     */
    public boolean isTraining() { return training; }

    /** Sets every parameter's gradient to null (PyTorch 2's default {@code set_to_none=True}). */
    public void zeroGrad() { zeroGrad(true); }

    /**
     * {@code zero_grad(set_to_none)}: clears every parameter's gradient.
     *
     * @param setToNone true sets the gradients to null; false detaches them and zeroes them in place
     */
    public void zeroGrad(boolean setToNone) {
        for (Parameter p : parameters()) zeroGradOf(p, setToNone);
    }

    /**
     * PyTorch's zero_grad on one tensor, shared with the optimizers; nothing happens when it has no gradient.
     *
     * @param p the tensor whose gradient is cleared
     * @param setToNone true sets the gradient to null; false detaches it and zeroes it in place
     */
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

    /**
     * {@code module.to(dtype)}: converts floating-point parameters, gradients and buffers to dtype, in place (the
     * Parameter objects stay the same, so optimizers keep them); integer buffers are left alone.
     *
     * @param dtype the floating-point type to convert to
     * @return this
     */
    public Module to(DType dtype) { return convert(t -> t.isFloatingPoint() ? t.to(dtype) : t); }

    /**
     * Converts floating-point parameters, gradients and buffers to float16, in place ({@code module.half()}).
     *
     * @return this
     */
    public Module half() { return to(DType.FLOAT16); }

    /**
     * Converts floating-point parameters, gradients and buffers to bfloat16, in place ({@code module.bfloat16()}).
     *
     * @return this
     */
    public Module bfloat16() { return to(DType.BFLOAT16); }

    /**
     * {@code module.to(device)}: moves parameters, gradients and buffers to device, in place.
     *
     * @param device the device to move to
     * @return this
     */
    public Module to(Device device) { return convert(t -> t.to(device)); }

    /**
     * {@code to(device, dtype)}: moves everything to device and casts floating parameters and buffers to dtype, in
     * place.
     *
     * @param device the device to move to
     * @param dtype the floating-point type to convert to
     * @return this
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

    /**
     * {@code state_dict()}: detached parameters then persistent buffers of each module, depth first, under dotted
     * names; the tensors share memory with the module's.
     *
     * @return a new ordered map from dotted name to tensor
     */
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

    /**
     * What a non-strict load could not match ({@code _IncompatibleKeys}); prints as PyTorch does.
     *
     * @param missingKeys the model's keys that the state dict lacked
     * @param unexpectedKeys the state dict's keys that the model lacks
     */
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
     * {@code load_state_dict(state_dict)} with strict key matching.
     *
     * @param stateDict tensors by dotted name, as {@link #stateDict()} gives them
     * @return the keys that did not match (both lists empty after a strict load)
     * @throws IllegalArgumentException if keys are missing or unexpected, or a shape differs, with PyTorch's message
     *     ("Error(s) in loading state_dict for Linear:\n\tMissing key(s) in state_dict: "bias". ")
     */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict) { return loadStateDict(stateDict, true); }

    /**
     * Copies matching entries into the parameters and buffers (under no_grad). Size mismatches always
     * fail; missing and unexpected keys fail only when strict.
     *
     * @param stateDict tensors by dotted name, as {@link #stateDict()} gives them
     * @param strict whether missing and unexpected keys are errors
     * @return the keys that did not match
     * @throws IllegalArgumentException with PyTorch's message {@code Error(s) in loading state_dict for Model:\n\t...}
     *     ("Missing key(s) in state_dict: ...", "Unexpected key(s) in state_dict: ...", "size mismatch for fc.weight:
     *     copying a param with shape [2, 3] from checkpoint, the shape in current model is [3, 2].")
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

    /**
     * The class name PyTorch prints; anonymous subclasses print their superclass's name.
     *
     * @return the simple class name
     */
    protected String moduleName() {
        Class<?> c = getClass();
        while (c.getSimpleName().isEmpty()) c = c.getSuperclass();
        return c.getSimpleName();
    }

    /**
     * The module's own settings, as {@code extra_repr}: "in_features=2, out_features=3, bias=True".
     *
     * @return the settings as PyTorch prints them, "" when there are none
     */
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
