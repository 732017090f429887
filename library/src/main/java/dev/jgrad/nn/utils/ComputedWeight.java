package dev.jgrad.nn.utils;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;

/**
 * How a reparametrised weight reaches a module whose forward reads a {@code Parameter} field: the field's tensor
 * object is kept and, before every forward, detached and overwritten in place with the weight computed from the
 * new parameters ({@code copy_} records the history, so gradients flow to them), where PyTorch rebinds the attribute.
 */
final class ComputedWeight {
    private ComputedWeight() {}

    /** The module's own parameter called name, or PyTorch's error for a missing one. */
    static Parameter own(Module module, String name) {
        Parameter p = module.namedParameters().get(name);
        if (p == null || name.contains(".")) {
            throw new IllegalArgumentException("'" + moduleName(module) + "' object has no attribute '" + name + "'");
        }
        return p;
    }

    static String moduleName(Module module) {
        Class<?> c = module.getClass();
        while (c.getSimpleName().isEmpty()) c = c.getSuperclass();
        return c.getSimpleName();
    }

    /** Makes target a fresh non-leaf equal to value (in the graph of value). */
    static void assign(Tensor target, Tensor value) {
        target.detach_();
        if (target.requiresGrad()) target.requiresGrad_(false);
        target.setData(value.detach().clone());  // its own storage: the old one may be the original parameter's
        // and its own version counter: PyTorch binds a new tensor each time, so nothing else sees this write
        dev.jgrad.internal.TensorInternals.newVersionCounter(target);
        if (value.requiresGrad()) {
            target.detach_();
            target.copy_(value);
        }
    }

    /** Turns target back into a trainable leaf holding its current value (what remove_* registers). */
    static Parameter release(Tensor target) {
        target.detach_();
        target.setData(target.detach().clone());
        if (target instanceof Parameter p) {
            p.requiresGrad_(true);
            return p;
        }
        return new Parameter(target);
    }
}
