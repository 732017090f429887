package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.backend.RandomOp;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.profiler.Profiler;

/** The in-place random fills (bernoulli_, uniform_, normal_): the generator draws in PyTorch's order, the backend writes. */
public final class RandomFills {
    private RandomFills() {}

    /** Fills with 1 with probability p, else 0 (PyTorch's draw order); recorded as BernoulliBackward1. */
    public static Tensor bernoulli_(Tensor self, double p, Generator gen) {
        return Copying.overwrite(self, t -> {
            try (var ev = Profiler.isActive() ? Profiler.enter("aten::bernoulli_", t) : null) {
                if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + Checks.cppDouble(p));
                return fill(t, RandomOp.BERNOULLI, gen, p, 0);
            }
        }, Derivatives::bernoulli);
    }

    public static Tensor uniform_(Tensor self, double from, double to, Generator gen) {
        return Copying.overwrite(self, t -> {
            try (var ev = Profiler.isActive() ? Profiler.enter("aten::uniform_", t) : null) {
                Checks.requireFloat(t, "check_uniform_bounds");
                return fill(t, RandomOp.UNIFORM, gen, from, to);
            }
        }, Derivatives::uniform);
    }

    public static Tensor normal_(Tensor self, double mean, double std, Generator gen) {
        return Copying.overwrite(self, t -> {
            try (var ev = Profiler.isActive() ? Profiler.enter("aten::normal_", t) : null) {
                Checks.requireFloat(t, "normal_kernel_cpu");
                return fill(t, RandomOp.NORMAL, gen, mean, std);
            }
        }, Derivatives::normal);
    }

    private static Tensor fill(Tensor self, RandomOp op, Generator gen, double a, double b) {
        if (numel(self) > 0) Dispatch.backend(self).random(op, gen, a, b, Dispatch.view(self));
        storage(self).bumpVersion();
        return self;
    }
}
