package dev.jgrad.nn.utils;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import java.util.function.Consumer;

/**
 * {@code torch.nn.utils.weight_norm}: w = g * v / ||v||, the norm over every dim but {@code dim}; the parameter
 * {@code name} is replaced by {@code name_g} (the magnitude) and {@code name_v} (the direction), and w is recomputed
 * by a forward pre-hook, so run the module with {@link Module#call} (PyTorch's {@code module(x)}) after updating them.
 */
public final class WeightNorm implements Consumer<Module> {
    /** The parameter's name ({@code "weight"}). */
    public final String name;
    /** The dim kept by the norm (-1: the norm over the whole tensor). */
    public final int dim;
    private final Tensor target;

    private WeightNorm(String name, int dim, Tensor target) {
        this.name = name;
        this.dim = dim;
        this.target = target;
    }

    /**
     * {@code torch.nn.utils.weight_norm(module)}: on "weight", the norm over every dim but 0 (one magnitude per
     * output feature or channel). {@code weight_g} starts as that norm (shape (out, 1, ...)), {@code weight_v} as the
     * weight itself.
     *
     * @param <M> the module's type
     * @param module the module to reparametrise, in place
     * @return module, with parameters weight_g and weight_v instead of weight
     * @throws IllegalArgumentException if the module has no parameter "weight" ("'Linear' object has no attribute
     *     'weight'")
     * @throws IllegalStateException if weight is already weight-normalised ("Cannot register two weight_norm hooks on
     *     the same parameter weight")
     */
    public static <M extends Module> M weightNorm(M module) { return weightNorm(module, "weight", 0); }

    /**
     * {@code torch.nn.utils.weight_norm(module, name, dim)}: w = g * v / ||v||, the norm over every dim but dim.
     *
     * @param <M> the module's type
     * @param module the module to reparametrise, in place
     * @param name the parameter to reparametrise, one of module's own (not a submodule's)
     * @param dim the dim kept by the norm (g has v's size there and 1 elsewhere), in [0, v.dim()), or null for the
     *     norm over the whole tensor (PyTorch's dim=None, kept as -1; g is then 0-dim)
     * @return module, with parameters name_g and name_v instead of name
     * @throws IllegalArgumentException if the module has no parameter name ("'Linear' object has no attribute
     *     'foo'")
     * @throws IllegalStateException if name is already weight-normalised ("Cannot register two weight_norm hooks on
     *     the same parameter weight")
     */
    public static <M extends Module> M weightNorm(M module, String name, Integer dim) {
        for (Consumer<Module> hook : module.forwardPreHooks()) {
            if (hook instanceof WeightNorm w && w.name.equals(name)) {
                throw new IllegalStateException("Cannot register two weight_norm hooks on the same parameter " + name);
            }
        }
        int d = dim == null ? -1 : dim;
        Parameter weight = ComputedWeight.own(module, name);
        WeightNorm fn = new WeightNorm(name, d, weight);
        module.removeParameter(name);
        module.registerParameter(name + "_g", new Parameter(normExceptDim(weight.detach(), d).detach()));
        module.registerParameter(name + "_v", new Parameter(weight.detach()));
        fn.accept(module);
        module.registerForwardPreHook(fn);
        return module;
    }

    /**
     * {@code torch.nn.utils.remove_weight_norm(module)} for the parameter "weight".
     *
     * @param <M> the module's type
     * @param module a module that {@link #weightNorm} reparametrised
     * @return module, with weight a plain parameter again holding the current g * v / ||v||
     * @throws IllegalArgumentException if weight is not weight-normalised ("weight_norm of 'weight' not found in
     *     Linear(in_features=2, out_features=2, bias=True)")
     */
    public static <M extends Module> M removeWeightNorm(M module) { return removeWeightNorm(module, "weight"); }

    /**
     * {@code torch.nn.utils.remove_weight_norm(module, name)}: folds g and v back into one parameter {@code name}
     * holding the current w.
     *
     * @param <M> the module's type
     * @param module a module that {@link #weightNorm} reparametrised
     * @param name the reparametrised parameter's name
     * @return module, with name a plain parameter again
     * @throws IllegalArgumentException if name is not weight-normalised ("weight_norm of 'weight' not found in
     *     Linear(in_features=2, out_features=2, bias=True)")
     */
    public static <M extends Module> M removeWeightNorm(M module, String name) {
        for (Consumer<Module> hook : module.forwardPreHooks()) {
            if (hook instanceof WeightNorm w && w.name.equals(name)) {
                w.accept(module);
                module.removeParameter(name + "_g");
                module.removeParameter(name + "_v");
                module.registerParameter(name, ComputedWeight.release(w.target));
                module.removeForwardPreHook(hook);
                return module;
            }
        }
        throw new IllegalArgumentException("weight_norm of '" + name + "' not found in " + module);
    }

    /** The hook: w from the current g and v. */
    @Override public void accept(Module module) {
        var params = module.namedParameters();
        ComputedWeight.assign(target, weightNormOf(params.get(name + "_v"), params.get(name + "_g"), dim));
    }

    /**
     * {@code torch._weight_norm(v, g, dim)}: {@code v * (g / norm_except_dim(v, 2, dim))}, differentiable in v and g.
     *
     * @param v the direction, any shape
     * @param g the magnitude, broadcastable to v (as {@link #normExceptDim} shapes it)
     * @param dim the dim kept by the norm, or -1 for the norm over the whole tensor
     * @return the weight, of v's shape
     */
    public static Tensor weightNormOf(Tensor v, Tensor g, int dim) { return v.mul(g.div(normExceptDim(v, dim))); }

    /**
     * {@code torch.norm_except_dim(v, 2, dim)}: the 2-norm over every dim but dim.
     *
     * @param v the tensor, at least 1-D unless dim is -1
     * @param dim the dim kept, in [0, v.dim()), or -1 for the norm over the whole tensor
     * @return the norms with v's rank, size 1 in every dim but dim (a 0-dim tensor for dim -1)
     */
    public static Tensor normExceptDim(Tensor v, int dim) {
        if (dim == -1) return v.norm(2);
        int last = v.dim() - 1;
        if (dim == 0 || dim == last) {
            long[] shape = new long[v.dim()];
            java.util.Arrays.fill(shape, 1);
            shape[dim] = v.size(dim);
            Tensor flat = dim == 0 ? v.contiguous().view(v.size(0), -1) : v.contiguous().view(-1, v.size(last));
            return flat.norm(2, dim == 0 ? 1 : 0, false).view(shape);
        }
        return normExceptDim(v.transpose(0, dim), 0).transpose(0, dim);
    }

}
