package dev.jgrad.nn.utils;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.ConvTranspose1d;
import dev.jgrad.nn.ConvTranspose2d;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.functional.F;
import java.util.function.Consumer;

/**
 * {@code torch.nn.utils.spectral_norm}: w = w_orig / sigma, sigma the largest singular value of w_orig (as a matrix
 * with {@code dim} first) estimated by power iteration. The parameter becomes {@code name_orig}, the singular
 * vectors the buffers {@code name_u} and {@code name_v}; a forward pre-hook (run by {@link Module#call}) advances the
 * iteration in training mode and recomputes w. u and v start as normalised normal draws, u first, as PyTorch's.
 */
public final class SpectralNorm implements Consumer<Module> {
    /** The parameter's name ({@code "weight"}). */
    public final String name;
    /** Power-iteration steps per training-mode forward. */
    public final int nPowerIterations;
    /** The dim moved first before w is seen as a matrix. */
    public final int dim;
    /** Added to norms before dividing, for numerical stability. */
    public final double eps;
    private final Tensor target;

    private SpectralNorm(String name, int nPowerIterations, int dim, double eps, Tensor target) {
        if (nPowerIterations <= 0) {
            throw new IllegalArgumentException("Expected n_power_iterations to be positive, but got n_power_iterations=" + nPowerIterations);
        }
        this.name = name;
        this.nPowerIterations = nPowerIterations;
        this.dim = dim;
        this.eps = eps;
        this.target = target;
    }

    /**
     * {@code torch.nn.utils.spectral_norm(module)}: on "weight", one power iteration per forward, eps 1e-12, dim 0 (1
     * for transposed convolutions).
     *
     * @param <M> the module's type
     * @param module the module to reparametrise, in place
     * @return module, with parameter weight_orig and buffers weight_u and weight_v instead of the parameter weight
     * @throws IllegalArgumentException if the module has no parameter "weight" ("'Linear' object has no attribute
     *     'weight'")
     * @throws IllegalStateException if weight is already spectrally normalised ("Cannot register two spectral_norm
     *     hooks on the same parameter weight")
     */
    public static <M extends Module> M spectralNorm(M module) { return spectralNorm(module, "weight", 1, 1e-12, null); }

    /**
     * {@code torch.nn.utils.spectral_norm(module, name, n_power_iterations, eps, dim)}. Draws u and v from the
     * global generator.
     *
     * @param <M> the module's type
     * @param module the module to reparametrise, in place
     * @param name the parameter to reparametrise, one of module's own (not a submodule's)
     * @param nPowerIterations the power-iteration steps per training-mode forward, at least 1
     * @param eps added to norms before dividing, for numerical stability
     * @param dim the dim moved first before the weight is seen as a matrix, or null for 1 on the transposed
     *     convolutions and 0 elsewhere
     * @return module, with parameter name_orig and buffers name_u and name_v instead of the parameter name
     * @throws IllegalArgumentException if the module has no parameter name ("'Linear' object has no attribute
     *     'foo'") or nPowerIterations is below 1 ("Expected n_power_iterations to be positive, but got
     *     n_power_iterations=0")
     * @throws IllegalStateException if name is already spectrally normalised ("Cannot register two spectral_norm
     *     hooks on the same parameter weight")
     */
    public static <M extends Module> M spectralNorm(M module, String name, int nPowerIterations, double eps, Integer dim) {
        int d = dim != null ? dim : module instanceof ConvTranspose1d || module instanceof ConvTranspose2d ? 1 : 0;
        for (Consumer<Module> hook : module.forwardPreHooks()) {
            if (hook instanceof SpectralNorm s && s.name.equals(name)) {
                throw new IllegalStateException("Cannot register two spectral_norm hooks on the same parameter " + name);
            }
        }
        Parameter weight = ComputedWeight.own(module, name);
        SpectralNorm fn = new SpectralNorm(name, nPowerIterations, d, eps, weight);
        Tensor u, v;
        try (var g = Torch.noGrad()) {
            Tensor mat = fn.matrix(weight);
            u = F.normalize(Torch.empty(weight.dtype(), weight.device(), mat.size(0)).normal_(0, 1), 2.0, 0, eps);
            v = F.normalize(Torch.empty(weight.dtype(), weight.device(), mat.size(1)).normal_(0, 1), 2.0, 0, eps);
        }
        Parameter orig = new Parameter(weight);  // the trained tensor; the field's object becomes the computed weight
        module.removeParameter(name);
        module.registerParameter(name + "_orig", orig);
        ComputedWeight.assign(weight, orig.detach());  // PyTorch sets weight.data until the first forward
        module.registerBuffer(name + "_u", u);
        module.registerBuffer(name + "_v", v);
        module.registerForwardPreHook(fn);
        return module;
    }

    /**
     * {@code torch.nn.utils.remove_spectral_norm(module)} for the parameter "weight".
     *
     * @param <M> the module's type
     * @param module a module that {@link #spectralNorm} reparametrised
     * @return module, with weight a plain parameter again
     * @throws IllegalArgumentException if weight is not spectrally normalised ("spectral_norm of 'weight' not found
     *     in Linear(in_features=2, out_features=2, bias=True)")
     */
    public static <M extends Module> M removeSpectralNorm(M module) { return removeSpectralNorm(module, "weight"); }

    /**
     * {@code torch.nn.utils.remove_spectral_norm(module, name)}: keeps the current w (without a further power
     * iteration) as the plain parameter {@code name}.
     *
     * @param <M> the module's type
     * @param module a module that {@link #spectralNorm} reparametrised
     * @param name the reparametrised parameter's name
     * @return module, with name a plain parameter again and the buffers name_u and name_v removed
     * @throws IllegalArgumentException if name is not spectrally normalised ("spectral_norm of 'weight' not found
     *     in Linear(in_features=2, out_features=2, bias=True)")
     */
    public static <M extends Module> M removeSpectralNorm(M module, String name) {
        for (Consumer<Module> hook : module.forwardPreHooks()) {
            if (hook instanceof SpectralNorm s && s.name.equals(name)) {
                try (var g = Torch.noGrad()) {
                    ComputedWeight.assign(s.target, s.compute(module, false));
                }
                module.removeForwardPreHook(hook);
                module.removeBuffer(name + "_u");
                module.removeBuffer(name + "_v");
                module.removeParameter(name + "_orig");
                module.registerParameter(name, ComputedWeight.release(s.target));
                return module;
            }
        }
        throw new IllegalArgumentException("spectral_norm of '" + name + "' not found in " + module);
    }

    /** The hook: one more power iteration when training, then w = w_orig / sigma. */
    @Override public void accept(Module module) { ComputedWeight.assign(target, compute(module, module.isTraining())); }

    private Tensor matrix(Tensor weight) {
        Tensor mat = weight;
        if (dim != 0) {
            int[] order = new int[weight.dim()];
            order[0] = dim;
            for (int i = 0, k = 1; i < weight.dim(); i++) if (i != dim) order[k++] = i;
            mat = mat.permute(order);
        }
        return mat.reshape(mat.size(0), -1);
    }

    private Tensor compute(Module module, boolean powerIteration) {
        Tensor orig = module.namedParameters().get(name + "_orig");
        var buffers = module.namedBuffers();
        Tensor u = buffers.get(name + "_u"), v = buffers.get(name + "_v");
        Tensor mat = matrix(orig);
        if (powerIteration) {
            try (var g = Torch.noGrad()) {
                for (int i = 0; i < nPowerIterations; i++) {
                    v.copy_(F.normalize(mat.t().mv(u), 2.0, 0, eps));
                    u.copy_(F.normalize(mat.mv(v), 2.0, 0, eps));
                }
                u = u.clone();
                v = v.clone();
            }
        }
        Tensor sigma = u.dot(mat.mv(v));
        return orig.div(sigma);
    }
}
