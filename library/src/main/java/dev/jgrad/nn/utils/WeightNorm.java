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

    /** {@code weight_norm(module)}: on "weight", the norm over every dim but 0. */
    public static <M extends Module> M weightNorm(M module) { return weightNorm(module, "weight", 0); }

    /** dim null normalises over the whole tensor (PyTorch's dim=None, kept as -1). */
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

    /** {@code remove_weight_norm(module)} for the parameter "weight". */
    public static <M extends Module> M removeWeightNorm(M module) { return removeWeightNorm(module, "weight"); }

    /** Folds g and v back into one parameter {@code name} holding the current w. */
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

    /** {@code torch._weight_norm}: v * (g / norm_except_dim(v, 2, dim)). */
    public static Tensor weightNormOf(Tensor v, Tensor g, int dim) { return v.mul(g.div(normExceptDim(v, dim))); }

    /** {@code torch.norm_except_dim(v, 2, dim)}: the 2-norm over every dim but dim, kept as size-1 dims (dim -1: the whole norm). */
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
