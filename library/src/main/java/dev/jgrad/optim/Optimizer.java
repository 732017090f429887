package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Module;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The base of every optimizer ({@code torch.optim.Optimizer}): parameter groups with their options
 * (lr, momentum, ...), per-parameter state, and {@link #step()} implemented by subclasses with
 * PyTorch's single-tensor update formulas, in place and under no_grad.
 */
public abstract class Optimizer {
    /** A list of parameters with their own option values ({@code param_groups[i]}). */
    public static final class ParamGroup {
        private final List<Tensor> params;
        private final Map<String, Object> options;

        ParamGroup(List<Tensor> params, Map<String, Object> options) {
            this.params = params;
            this.options = options;
        }

        /**
         * {@code group["params"]}: this group's parameters.
         *
         * @return the parameters in the order they were given, unmodifiable
         */
        public List<Tensor> params() { return Collections.unmodifiableList(params); }

        /**
         * Every option of this group by PyTorch's key ("lr", "momentum", "betas", ...): {@code group[key]}.
         *
         * @return the options, modifiable as in PyTorch (the next step reads the new values): numeric options are
         *     Numbers, flags Booleans, pairs such as betas {@code double[]}
         */
        public Map<String, Object> options() { return options; }

        /**
         * {@code group["lr"]}: this group's learning rate.
         *
         * @return the learning rate
         */
        public double lr() { return getDouble("lr"); }

        /**
         * {@code group["lr"] = lr}, as schedulers do.
         *
         * @param lr the new learning rate
         */
        public void setLr(double lr) { options.put("lr", lr); }

        /**
         * The numeric option under key as a double ({@code group["momentum"]}).
         *
         * @param key the option's PyTorch name
         * @return its value
         * @throws NullPointerException if the group has no such option
         * @throws ClassCastException if the option is not a number
         */
        public double getDouble(String key) { return ((Number) options.get(key)).doubleValue(); }

        /**
         * The boolean option under key ({@code group["amsgrad"]}).
         *
         * @param key the option's PyTorch name
         * @return its value
         * @throws NullPointerException if the group has no such option
         * @throws ClassCastException if the option is not a Boolean
         */
        public boolean getBoolean(String key) { return (Boolean) options.get(key); }
    }

    private final Map<String, Object> defaults;
    /** The parameter groups, in order ({@code param_groups}); subclasses read options and parameters from them. */
    protected final List<ParamGroup> paramGroups = new ArrayList<>();
    /** Per-parameter state (momentum buffers, moments, step counts), by identity. */
    protected final Map<Tensor, Map<String, Object>> state = new IdentityHashMap<>();

    /**
     * Puts every parameter in group 0 with the defaults ({@code Optimizer.__init__(params, defaults)}).
     *
     * @param params the parameters to optimize
     * @param defaults every option by PyTorch's key, in PyTorch's order (copied); groups added later take these
     *     values for the options they do not set
     * @throws IllegalArgumentException if params is empty ("optimizer got an empty parameter list"), holds a
     *     non-leaf tensor ("can't optimize a non-leaf Tensor") or the same tensor twice ("some parameters appear in
     *     more than one parameter group")
     */
    protected Optimizer(Iterable<? extends Tensor> params, Map<String, Object> defaults) {
        this.defaults = new LinkedHashMap<>(defaults);
        List<Tensor> list = new ArrayList<>();
        for (Tensor t : params) list.add(t);
        if (list.isEmpty()) throw new IllegalArgumentException("optimizer got an empty parameter list");
        addParamGroup(list, Map.of());
    }

    /**
     * {@code optimizer.add_param_group({"params": params, **options})}: a new group whose options are the
     * constructor's defaults overridden by options. Unlike PyTorch 1.13, which only warns, a tensor repeated within
     * params is an error too (the README's table of differences).
     *
     * @param params the group's parameters (leaf tensors, none already in a group)
     * @param options option values by PyTorch's key ({@code Map.of("lr", 1e-4)}); the rest come from the defaults
     * @throws IllegalArgumentException if a tensor is not a leaf ("can't optimize a non-leaf Tensor") or is already
     *     in a group or repeated in params ("some parameters appear in more than one parameter group")
     */
    public void addParamGroup(List<? extends Tensor> params, Map<String, Object> options) {
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ParamGroup g : paramGroups) seen.addAll(g.params);
        for (Tensor p : params) {
            if (!p.isLeaf()) throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
            if (!seen.add(p)) throw new IllegalArgumentException("some parameters appear in more than one parameter group");
        }
        Map<String, Object> opts = new LinkedHashMap<>(defaults);
        opts.putAll(options);
        paramGroups.add(new ParamGroup(new ArrayList<>(params), opts));
    }

    /**
     * {@code optimizer.param_groups}: the groups, in the order they were added.
     *
     * @return the groups, unmodifiable (each group's options are modifiable, as in PyTorch)
     */
    public List<ParamGroup> paramGroups() { return Collections.unmodifiableList(paramGroups); }

    /**
     * {@code optimizer.defaults}: the constructor's options; schedulers such as CyclicLR check which options exist.
     *
     * @return the options by PyTorch's key, unmodifiable
     */
    public Map<String, Object> defaults() { return Collections.unmodifiableMap(defaults); }

    /**
     * The state of one parameter ({@code optimizer.state[p]}), created empty on first use.
     *
     * @param p a parameter of this optimizer
     * @return its state by PyTorch's keys ("step", "exp_avg", "momentum_buffer", ...), modifiable
     */
    protected Map<String, Object> stateOf(Tensor p) { return state.computeIfAbsent(p, k -> new LinkedHashMap<>()); }

    /**
     * {@code optimizer.step()}: one update of every parameter that has a gradient, in place and under no_grad;
     * parameters whose gradient is null are skipped. LBFGS needs {@link #step(Supplier)} instead.
     */
    public abstract void step();

    /**
     * {@code optimizer.step(closure)}: evaluates the closure once with grad enabled, then makes one {@link #step()}.
     *
     * @param closure re-evaluates the model: zeroes the gradients, computes the loss, calls backward, returns the loss
     * @return the closure's loss
     */
    public Tensor step(Supplier<Tensor> closure) {
        Tensor loss;
        try (var g = Torch.enableGrad()) {
            loss = closure.get();
        }
        step();
        return loss;
    }

    /**
     * {@code optimizer.zero_grad(set_to_none=True)}: sets every parameter's gradient to null. PyTorch 1.13's
     * default is {@code set_to_none=False}; jgrad takes PyTorch 2's (the README's table of differences).
     */
    public void zeroGrad() { zeroGrad(true); }

    /**
     * {@code optimizer.zero_grad(set_to_none)}: clears the gradient of every parameter of every group.
     *
     * @param setToNone true to set each gradient to null, false to zero it in place (detached from any graph)
     */
    public void zeroGrad(boolean setToNone) {
        for (ParamGroup g : paramGroups) for (Tensor p : g.params) Module.zeroGradOf(p, setToNone);
    }

    /**
     * The optimizer's state as PyTorch 1.13's {@code optimizer.state_dict()} lays it out:
     * {@code {"state": {index: {name: value}}, "param_groups": [{option: value, ..., "params": [indices]}]}}.
     * Parameters are numbered across groups in order (Integer keys, which a {@code .pt} file keeps as Python
     * ints); each group holds every option under PyTorch's key ({@code "foreach": null} included), with pairs
     * such as {@code betas} as {@code Object[]} (Python tuples). State tensors are copies; {@code "step"} is a
     * float32 0-dim tensor or a Python int (Long), whichever this optimizer keeps in 1.13. Save it with
     * {@link Torch#save} and PyTorch's {@code optimizer.load_state_dict(torch.load(path))} takes it.
     *
     * @return a new map holding "state" and "param_groups"
     */
    public Map<String, Object> stateDict() {
        Map<Tensor, Integer> index = new IdentityHashMap<>();
        List<Tensor> ordered = new ArrayList<>();
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ParamGroup g : paramGroups) {
            Map<String, Object> packed = new LinkedHashMap<>();
            for (var o : g.options.entrySet()) packed.put(o.getKey(), packOption(o.getKey(), o.getValue()));
            List<Integer> ids = new ArrayList<>();
            for (Tensor p : g.params) {
                if (!index.containsKey(p)) {
                    index.put(p, index.size());
                    ordered.add(p);
                }
                ids.add(index.get(p));
            }
            packed.put("params", ids);
            groups.add(packed);
        }
        Map<Integer, Map<String, Object>> packedState = new LinkedHashMap<>();
        for (Tensor p : ordered) {
            Map<String, Object> s = savedStateOf(p);
            if (s == null) continue;
            Map<String, Object> copy = new LinkedHashMap<>();
            for (var v : s.entrySet()) {
                copy.put(v.getKey(), v.getKey().equals("step") && v.getValue() instanceof Number step ? packStep(step.doubleValue()) : copyOf(v.getValue()));
            }
            packedState.put(index.get(p), copy);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", packedState);
        out.put("param_groups", groups);
        return out;
    }

    /**
     * Restores a state dict from {@link #stateDict()} or from PyTorch's {@code optimizer.state_dict()} (as
     * {@link Torch#load} reads it), as {@code load_state_dict} does: the groups must match in number and size,
     * each group's options are replaced by the saved ones (parameters kept), and every state tensor except
     * {@code "step"} is copied and cast to its parameter's dtype when the parameter is floating point.
     *
     * @param stateDict a map holding "state" and "param_groups" as {@link #stateDict()} lays them out
     * @throws IllegalArgumentException when the groups differ in number ("loaded state dict has a different number
     *     of parameter groups") or a group in size ("loaded state dict contains a parameter group that doesn't match
     *     the size of optimizer's group")
     */
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> stateDict) {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) stateDict.get("param_groups");
        if (groups.size() != paramGroups.size()) {
            throw new IllegalArgumentException("loaded state dict has a different number of parameter groups");
        }
        for (int i = 0; i < groups.size(); i++) {
            if (((List<?>) groups.get(i).get("params")).size() != paramGroups.get(i).params.size()) {
                throw new IllegalArgumentException("loaded state dict contains a parameter group that doesn't match the size of "
                        + "optimizer's group");
            }
        }
        Map<Long, Tensor> byIndex = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            List<?> ids = (List<?>) groups.get(i).get("params");
            for (int j = 0; j < ids.size(); j++) byIndex.put(((Number) ids.get(j)).longValue(), paramGroups.get(i).params.get(j));
        }
        clearState();
        Map<?, Map<String, Object>> saved = (Map<?, Map<String, Object>>) stateDict.get("state");
        for (var e : saved.entrySet()) {
            Tensor p = e.getKey() instanceof Number n ? byIndex.get(n.longValue()) : null;
            if (p == null) continue;  // PyTorch keeps state under unknown keys as is; nothing here would read it
            Map<String, Object> s = new LinkedHashMap<>();
            for (var v : e.getValue().entrySet()) {
                s.put(v.getKey(), v.getKey().equals("step") ? unpackStep(v.getValue()) : castTo(p, v.getValue()));
            }
            restoreStateOf(p, s);
        }
        for (int i = 0; i < groups.size(); i++) {
            Map<String, Object> opts = new LinkedHashMap<>();
            for (var o : groups.get(i).entrySet()) {
                if (!o.getKey().equals("params")) opts.put(o.getKey(), o.getValue() instanceof Object[] tuple ? pairOf(tuple) : o.getValue());
            }
            paramGroups.get(i).options.clear();
            paramGroups.get(i).options.putAll(opts);
        }
    }

    /**
     * Whether PyTorch 1.13 keeps this optimizer's {@code state["step"]} as a float32 0-dim tensor (the Adam
     * family, Adagrad, ASGD) rather than a Python int (Adadelta, RMSprop, Rprop). jgrad counts in a Double either way.
     *
     * @return true for a 0-dim tensor in {@link #stateDict()}, false for a Long
     */
    protected boolean stepIsTensor() { return true; }

    /**
     * The state {@link #stateDict()} saves for p (LBFGS keeps all of its state under its first parameter).
     *
     * @param p a parameter of this optimizer
     * @return its state, or null when it has none to save
     */
    protected Map<String, Object> savedStateOf(Tensor p) { return state.get(p); }

    /**
     * Installs loaded state for p, as {@link #loadStateDict} found it.
     *
     * @param p a parameter of this optimizer
     * @param s its state: values already copied and cast, {@code "step"} as a Double
     */
    protected void restoreStateOf(Tensor p, Map<String, Object> s) { state.put(p, s); }

    /** Forgets all per-parameter state, before a load. */
    protected void clearState() { state.clear(); }

    private Object packStep(double step) {
        return stepIsTensor() ? Torch.scalarTensor(step) : (Object) (long) step;
    }

    private static Object unpackStep(Object step) {
        if (step instanceof Tensor t) return t.item();
        if (step instanceof Number n) return n.doubleValue();
        return step;
    }

    /**
     * A deep copy of a state value: tensors detached and cloned, lists copied element by element.
     *
     * @param value a state value (tensor, list, number, ...)
     * @return the copy; other values as they are
     */
    protected static Object copyOf(Object value) {
        if (value instanceof Tensor t) return t.detach().clone();
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            for (Object x : l) copy.add(copyOf(x));
            return copy;
        }
        return value;
    }

    /**
     * PyTorch's cast in load_state_dict: tensors copied to p's device, and to p's dtype when p is floating point
     * (any tensor, as PyTorch); lists element by element.
     *
     * @param p the parameter the state belongs to
     * @param value a loaded state value
     * @return the cast copy; other values as they are
     */
    protected static Object castTo(Tensor p, Object value) {
        if (value instanceof Tensor t) {
            Tensor c = t.detach();
            if (p.isFloatingPoint()) c = c.to(p.dtype());
            return c.to(p.device()).clone();  // a copy even when no cast was needed (PyTorch deep-copies the dict first)
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            for (Object x : l) copy.add(castTo(p, x));
            return copy;
        }
        return value;
    }

    /** An option as PyTorch holds it: pairs as tuples, and an int (Long) where its default is an int that the value equals. */
    private Object packOption(String key, Object value) {
        if (value instanceof Double d) return isIntDefault(key, d) ? (Object) (long) (double) d : d;
        if (value instanceof double[] pair) {
            Object[] t = new Object[pair.length];
            for (int i = 0; i < pair.length; i++) t[i] = isIntDefault(key, pair[i]) ? (Object) (long) pair[i] : (Object) pair[i];
            return t;
        }
        return value;
    }

    /** A loaded tuple of numbers (betas, etas, step_sizes) back to the double[] the update reads; other tuples as they are. */
    private static Object pairOf(Object[] tuple) {
        double[] d = new double[tuple.length];
        for (int i = 0; i < tuple.length; i++) {
            if (!(tuple[i] instanceof Number n)) return tuple;
            d[i] = n.doubleValue();
        }
        return d;
    }

    // ---------------------------------------------------------------- printing

    /**
     * {@code repr(optimizer)}, as PyTorch prints it: the class name, then each group's options sorted by key
     * ({@code "Adam (\nParameter Group 0\n    amsgrad: False\n    betas: (0.9, 0.999)\n ...)"}). Values are
     * Python's text; a Java double prints as a Python float, except where PyTorch's default is an int and
     * the value equals it ({@code weight_decay: 0}).
     */
    @Override public String toString() {
        StringBuilder b = new StringBuilder(getClass().getSimpleName()).append(" (");
        for (int i = 0; i < paramGroups.size(); i++) {
            Map<String, String> lines = new java.util.TreeMap<>();
            for (var e : paramGroups.get(i).options.entrySet()) lines.put(e.getKey(), pyText(e.getKey(), e.getValue()));
            b.append("\nParameter Group ").append(i).append('\n');
            for (var e : lines.entrySet()) b.append("    ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        return b.append(')').toString();
    }

    /** An option's value as Python's {@code str()} prints it in PyTorch's repr. */
    private String pyText(String key, Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean v -> dev.jgrad.nn.Repr.pyBool(v);
            case Double v -> pyNumber(key, v);
            case Float v -> pyNumber(key, v);
            case double[] v -> {
                StringBuilder t = new StringBuilder("(");
                for (int j = 0; j < v.length; j++) t.append(j > 0 ? ", " : "").append(pyNumber(key, v[j]));
                yield t.append(v.length == 1 ? ",)" : ")").toString();
            }
            default -> String.valueOf(value);  // ints, strings, tensors and lists print as Java prints them
        };
    }

    /** A float option, or an int where PyTorch's default for the key is an int and v equals it. */
    private String pyNumber(String key, double v) {
        return isIntDefault(key, v) ? String.valueOf((long) v) : dev.jgrad.nn.Repr.pyFloat(v);
    }

    /**
     * Whether PyTorch 1.13's default for the option is an int that v equals ({@code weight_decay=0},
     * LBFGS's {@code lr=1}, Rprop's largest step size 50): Java cannot tell {@code 0} from {@code 0.0}, so such a
     * value is printed and saved as the int a default-built PyTorch optimizer holds.
     */
    private boolean isIntDefault(String key, double v) {
        boolean intDefault = switch (key) {
            case "weight_decay", "momentum", "dampening", "lr_decay", "initial_accumulator_value" -> v == 0;
            case "lr" -> this instanceof LBFGS && v == 1;
            case "step_sizes" -> this instanceof Rprop && v == 50;
            default -> false;
        };
        return intDefault && Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(-0.0);
    }

    // ---------------------------------------------------------------- shared argument checks

    /**
     * Checks an option as PyTorch's constructors do ({@code if not 0.0 <= value: raise ValueError(...)}).
     *
     * @param value the option's value
     * @param what the option's name in the message ("learning rate", "weight_decay value")
     * @throws IllegalArgumentException unless value &gt;= 0 (NaN included): "Invalid {what}: {value}", the value as
     *     Python prints a float ("Invalid learning rate: -1.0")
     */
    protected static void checkNonNegative(double value, String what) {
        if (!(value >= 0)) throw new IllegalArgumentException("Invalid " + what + ": " + dev.jgrad.nn.Repr.pyFloat(value));
    }

    /**
     * Checks one of the betas as the Adam family's constructors do.
     *
     * @param beta the value
     * @param index its index in betas (0 or 1), named in the message
     * @throws IllegalArgumentException unless {@code 0 <= beta < 1} ("Invalid beta parameter at index 0: 1.0")
     */
    protected static void checkBeta(double beta, int index) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("Invalid beta parameter at index " + index + ": " + dev.jgrad.nn.Repr.pyFloat(beta));
        }
    }

    /**
     * The Adam family's defaults: lr, betas, eps and weight_decay, checked in PyTorch's order (lr, eps, betas,
     * weight_decay) and kept in its key order; each optimizer adds its own keys after them.
     *
     * @param lr the learning rate, at least 0
     * @param beta1 the first beta, in [0, 1)
     * @param beta2 the second beta, in [0, 1)
     * @param eps the denominator's epsilon, at least 0
     * @param weightDecay the weight decay, at least 0
     * @return a new modifiable map: "lr", "betas" (a {@code double[]}), "eps", "weight_decay"
     * @throws IllegalArgumentException for the first value out of range, with PyTorch's message ("Invalid learning
     *     rate: -1.0", "Invalid epsilon value: -1.0", "Invalid beta parameter at index 1: 1.0", "Invalid
     *     weight_decay value: -1.0")
     */
    protected static Map<String, Object> adamDefaults(double lr, double beta1, double beta2, double eps, double weightDecay) {
        checkNonNegative(lr, "learning rate");
        checkNonNegative(eps, "epsilon value");
        checkBeta(beta1, 0);
        checkBeta(beta2, 1);
        checkNonNegative(weightDecay, "weight_decay value");
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("lr", lr);
        d.put("betas", new double[] {beta1, beta2});
        d.put("eps", eps);
        d.put("weight_decay", weightDecay);
        return d;
    }

    /**
     * One optimizer step without grad: update(group, p) for every parameter that has a gradient.
     *
     * @param update the update of one parameter, given its group
     */
    protected void forEachParamWithGrad(java.util.function.BiConsumer<ParamGroup, Tensor> update) {
        try (var guard = dev.jgrad.Torch.noGrad()) {
            for (ParamGroup group : paramGroups) {
                for (Tensor p : group.params()) {
                    if (p.grad() != null) update.accept(group, p);
                }
            }
        }
    }

    /**
     * The {@code betas} option of a group, checked for shape.
     *
     * @param group a parameter group of an Adam-family optimizer
     * @return its {@code {beta1, beta2}}
     * @throws IllegalArgumentException if betas is not a {@code double[]} of two ("betas must be a double[] {beta1,
     *     beta2}")
     */
    protected static double[] betasOf(ParamGroup group) {
        if (!(group.options().get("betas") instanceof double[] betas) || betas.length != 2) {
            throw new IllegalArgumentException("betas must be a double[] {beta1, beta2}");
        }
        return betas;
    }
}
