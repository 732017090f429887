package dev.jgrad.autograd;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code torch.autograd.functional}: Jacobians, Hessians and vector products of whole functions.
 *
 * <p>PyTorch nests results by whether a tuple was passed; Java says it with the types: a function of one
 * tensor to one tensor gives a Tensor; a function of a List of tensors gives a List over the inputs;
 * {@code *Outputs} variants take functions returning a List and nest over outputs first.
 * Without createGraph every result is detached. In strict mode an output that does not depend on an
 * input is an error; otherwise its block is zeros.
 */
public final class Functional {
    private Functional() {}

    /**
     * (output, result) of {@link #vjp}, {@link #jvp}, {@link #vhp}, {@link #hvp}, as PyTorch's returned pair.
     *
     * @param <T> Tensor for the one-tensor forms, {@code List<Tensor>} for the forms over several tensors
     * @param output the function's output at the inputs (detached unless createGraph)
     * @param result the product: v^T J, J v, v^T H or H v
     */
    public record Result<T>(T output, T result) {}

    // ---------------------------------------------------------------- input preparation

    /** Fresh leaves that require grad (or, under createGraph, differentiable aliases of the inputs). */
    private static List<Tensor> prepare(List<Tensor> inputs, boolean createGraph) {
        List<Tensor> r = new ArrayList<>(inputs.size());
        for (Tensor t : inputs) {
            if (t == null) throw new IllegalArgumentException("The inputs given to the function must be Tensors, not null");
            if (createGraph && t.requiresGrad()) r.add(t.viewAs(t));
            else r.add(t.detach().requiresGrad_(t.isFloatingPoint()));
        }
        return r;
    }

    private static Tensor finish(Tensor t, boolean createGraph) {
        return t == null || createGraph ? t : t.detach();
    }

    private static List<Tensor> grads(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs, boolean createGraph) {
        List<Tensor> diff = new ArrayList<>(), gos = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).requiresGrad()) {
                diff.add(outputs.get(i));
                if (gradOutputs != null) gos.add(gradOutputs.get(i));
            }
        }
        if (diff.isEmpty()) {
            List<Tensor> none = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) none.add(null);
            return none;
        }
        return Autograd.grad(diff, inputs, gradOutputs == null ? null : gos, true, createGraph, true);
    }

    /**
     * jacobian/hessian refuse strict with vectorize, as PyTorch's (its vectorized path cannot tell an independent output
     * apart); jgrad computes both forms the same way, so vectorize changes nothing else.
     */
    private static void checkStrictVectorize(boolean strict, boolean vectorize) {
        if (strict && vectorize) {
            throw new IllegalStateException("torch.autograd.functional.jacobian: `strict=True` and `vectorized=True` are not supported "
                    + "together. Please either set `strict=False` or `vectorize=False`.");
        }
    }

    private static void checkStrictOutputs(List<Tensor> outputs, String what) {
        for (int i = 0; i < outputs.size(); i++) {
            if (!outputs.get(i).requiresGrad()) {
                throw new IllegalStateException("Output " + i + " of the user-provided function does not require gradients. The outputs "
                        + "must be computed in a differentiable manner from the input when running in strict mode.");
            }
        }
    }

    // ---------------------------------------------------------------- jacobian

    /**
     * Single tensor in and out: shape out.shape + in.shape.
     *
     * <p>PyTorch: {@code torch.autograd.functional.jacobian}.
     *
     * @param f the function of one tensor
     * @param input the point to differentiate at
     * @return the Jacobian, of shape output.shape + input.shape
     */
    public static Tensor jacobian(UnaryOperator<Tensor> f, Tensor input) {
        return jacobian(f, input, false, false, false);
    }

    /**
     * {@code torch.autograd.functional.jacobian(f, input, create_graph, strict, vectorize)}: shape out.shape +
     * input.shape; vectorize is accepted for PyTorch's signature and gives the same values.
     *
     * @param f the function of one tensor
     * @param input the point to differentiate at
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param strict whether an output or input the function does not connect is an error (else its block is zeros)
     * @param vectorize accepted for PyTorch's signature; the values are the same either way (it may not be combined
     *     with strict)
     * @return the Jacobian, of shape output.shape + input.shape
     * @throws IllegalStateException under strict when an output does not depend on an input ("Output 0 of the
     *     user-provided function is independent of input 0. This is not allowed in strict mode.")
     * @throws IllegalStateException if strict and vectorize are both true ("torch.autograd.functional.jacobian:
     *     `strict=True` and `vectorized=True` are not supported together. ...")
     */
    public static Tensor jacobian(UnaryOperator<Tensor> f, Tensor input, boolean createGraph, boolean strict, boolean vectorize) {
        checkStrictVectorize(strict, vectorize);
        return jacobianCore(in -> List.of(f.apply(in.get(0))), List.of(input), createGraph, strict).get(0).get(0);
    }

    /**
     * Several inputs, one output: one block per input.
     *
     * <p>PyTorch: {@code torch.autograd.functional.jacobian}.
     *
     * @param f the function of several tensors, giving one tensor
     * @param inputs the points to differentiate at, one tensor per argument of f
     * @return one block per input i, of shape output.shape + inputs[i].shape
     */
    public static List<Tensor> jacobian(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        return jacobian(f, inputs, false, false, false);
    }

    /**
     * {@code jacobian(f, inputs, create_graph, strict, vectorize)} for one output and several inputs: one block per
     * input, of shape out.shape + inputs[i].shape; strict raises PyTorch's "independent of input" errors instead of
     * returning zeros.
     *
     * @param f the function of several tensors, giving one tensor
     * @param inputs the points to differentiate at, one tensor per argument of f
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param strict whether an output or input the function does not connect is an error (else its block is zeros)
     * @param vectorize accepted for PyTorch's signature; the values are the same either way (it may not be combined
     *     with strict)
     * @return one block per input i, of shape output.shape + inputs[i].shape
     * @throws IllegalStateException under strict when an output does not depend on an input ("Output 0 of the
     *     user-provided function is independent of input 0. This is not allowed in strict mode.")
     * @throws IllegalStateException if strict and vectorize are both true ("torch.autograd.functional.jacobian:
     *     `strict=True` and `vectorized=True` are not supported together. ...")
     */
    public static List<Tensor> jacobian(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, boolean createGraph, boolean strict,
                                        boolean vectorize) {
        checkStrictVectorize(strict, vectorize);
        return jacobianCore(in -> List.of(f.apply(in)), inputs, createGraph, strict).get(0);
    }

    /**
     * Several inputs and outputs: J.get(i).get(j) is output i with respect to input j.
     *
     * <p>PyTorch: {@code torch.autograd.functional.jacobian}.
     *
     * @param f the function of several tensors, giving several tensors
     * @param inputs the points to differentiate at, one tensor per argument of f
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param strict whether an output or input the function does not connect is an error (else its block is zeros)
     * @return J.get(i).get(j): output i with respect to input j, of shape outputs[i].shape + inputs[j].shape
     * @throws IllegalStateException under strict when an output does not depend on an input ("Output 0 of the
     *     user-provided function is independent of input 0. This is not allowed in strict mode.")
     * @throws IllegalArgumentException if f returns a null output ("The outputs of the user-provided function given to
     *     jacobian must be Tensors")
     */
    public static List<List<Tensor>> jacobianOutputs(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, boolean createGraph,
                                                     boolean strict) {
        return jacobianCore(f, inputs, createGraph, strict);
    }

    private static List<List<Tensor>> jacobianCore(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs0, boolean createGraph,
                                                   boolean strict) {
        try (var g = GradMode.setEnabled(true)) {
            List<Tensor> inputs = prepare(inputs0, true);
            List<Tensor> outputs = f.apply(inputs);
            if (outputs == null || outputs.isEmpty() || outputs.stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalArgumentException("The outputs of the user-provided function given to jacobian must be Tensors");
            }
            List<List<Tensor>> jac = new ArrayList<>();
            if (strict) checkStrictOutputs(outputs, "jacobian");
            for (int i = 0; i < outputs.size(); i++) {
                Tensor out = outputs.get(i);
                int rows = (int) out.numel();
                List<Tensor> perInput = new ArrayList<>();
                List<List<Tensor>> rowsPerInput = new ArrayList<>();
                for (int j = 0; j < inputs.size(); j++) rowsPerInput.add(new ArrayList<>(rows));
                Tensor flat = out.reshape(-1);
                for (int r = 0; r < rows; r++) {
                    List<Tensor> gs = out.requiresGrad()
                            ? Autograd.grad(List.of(flat.select(0, r)), inputs, null, true, createGraph, true)
                            : java.util.Collections.nCopies(inputs.size(), null);
                    for (int j = 0; j < inputs.size(); j++) {
                        Tensor gj = gs.get(j);
                        if (gj != null && strict && createGraph && !gj.requiresGrad()) {
                            // PyTorch's message names the output index here
                            throw new IllegalStateException("The jacobian of the user-provided function is independent of input " + i
                                    + ". This is not allowed in strict mode when create_graph=True.");
                        }
                        if (gj == null) {
                            if (strict) {
                                throw new IllegalStateException("Output " + i + " of the user-provided function is independent of input "
                                        + j + ". This is not allowed in strict mode.");
                            }
                            gj = Torch.zerosLike(inputs.get(j));
                        }
                        rowsPerInput.get(j).add(gj);
                    }
                }
                for (int j = 0; j < inputs.size(); j++) {
                    Tensor in = inputs.get(j);
                    long[] shape = concat(out.shape(), in.shape());
                    Tensor block = rows == 0 ? Torch.zeros(in.dtype(), shape) : Torch.stack(rowsPerInput.get(j), 0).reshape(shape);
                    perInput.add(finish(block, createGraph));
                }
                jac.add(perInput);
            }
            return jac;
        }
    }

    private static long[] concat(long[] a, long[] b) {
        long[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    // ---------------------------------------------------------------- hessian

    /**
     * Second derivatives of a scalar function of one tensor: shape in.shape + in.shape.
     *
     * <p>PyTorch: {@code torch.autograd.functional.hessian}.
     *
     * @param f the scalar function of one tensor
     * @param input the point to differentiate at
     * @return the Hessian, of shape input.shape + input.shape
     * @throws IllegalArgumentException if f does not return a one-element tensor ("The Tensor returned by the function
     *     given to hessian should contain a single element")
     */
    public static Tensor hessian(UnaryOperator<Tensor> f, Tensor input) {
        return hessian(f, input, false, false, false);
    }

    /**
     * {@code torch.autograd.functional.hessian(f, input, create_graph, strict, vectorize)}: shape input.shape +
     * input.shape; vectorize is accepted for PyTorch's signature and gives the same values.
     *
     * @param f the scalar function of one tensor
     * @param input the point to differentiate at
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param strict whether an output or input the function does not connect is an error (else its block is zeros)
     * @param vectorize accepted for PyTorch's signature; the values are the same either way (it may not be combined
     *     with strict)
     * @return the Hessian, of shape input.shape + input.shape
     * @throws IllegalArgumentException if f does not return a one-element tensor ("The Tensor returned by the function
     *     given to hessian should contain a single element")
     * @throws IllegalStateException under strict when an output does not depend on an input ("Output 0 of the
     *     user-provided function is independent of input 0. This is not allowed in strict mode.")
     * @throws IllegalStateException if strict and vectorize are both true
     */
    public static Tensor hessian(UnaryOperator<Tensor> f, Tensor input, boolean createGraph, boolean strict, boolean vectorize) {
        checkStrictVectorize(strict, vectorize);
        return hessianCore(in -> f.apply(in.get(0)), List.of(input), createGraph, strict).get(0).get(0);
    }

    /**
     * Several inputs: H.get(i).get(j) has shape in_i.shape + in_j.shape.
     *
     * <p>PyTorch: {@code torch.autograd.functional.hessian}.
     *
     * @param f the scalar function of several tensors
     * @param inputs the points to differentiate at, one tensor per argument of f
     * @return H.get(i).get(j), of shape inputs[i].shape + inputs[j].shape
     * @throws IllegalArgumentException if f does not return a one-element tensor ("The Tensor returned by the function
     *     given to hessian should contain a single element")
     */
    public static List<List<Tensor>> hessian(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        return hessianCore(f, inputs, false, false);
    }

    /**
     * Hessian blocks of a scalar function of several inputs: block [i][j] has shape inputs[i].shape +
     * inputs[j].shape. createGraph keeps them differentiable; strict raises PyTorch's "independent of input" errors
     * instead of returning zeros.
     *
     * <p>PyTorch: {@code torch.autograd.functional.hessian}.
     *
     * @param f the scalar function of several tensors
     * @param inputs the points to differentiate at, one tensor per argument of f
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param strict whether an output or input the function does not connect is an error (else its block is zeros)
     * @return H.get(i).get(j), of shape inputs[i].shape + inputs[j].shape
     * @throws IllegalArgumentException if f does not return a one-element tensor ("The Tensor returned by the function
     *     given to hessian should contain a single element")
     * @throws IllegalStateException under strict when an output does not depend on an input ("Output 0 of the
     *     user-provided function is independent of input 0. This is not allowed in strict mode.")
     */
    public static List<List<Tensor>> hessian(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, boolean createGraph, boolean strict) {
        return hessianCore(f, inputs, createGraph, strict);
    }

    private static List<List<Tensor>> hessianCore(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, boolean createGraph,
                                                  boolean strict) {
        // as PyTorch: the outer (strict) jacobian of the inner, non-strict, differentiable jacobian
        Function<List<Tensor>, List<Tensor>> gradient = in -> {
            Tensor out = singleElement(f.apply(in), "hessian", strict);
            List<Tensor> jac = new ArrayList<>();
            List<Tensor> g = grads(List.of(out.reshape()), in, null, true);
            for (int i = 0; i < g.size(); i++) jac.add(g.get(i) == null ? Torch.zerosLike(in.get(i)) : g.get(i));
            checkRequiresGrad(jac, "jacobian", strict);
            return jac;
        };
        return jacobianCore(gradient, inputs, createGraph, strict);
    }

    /** The one-element output of a function given to hessian, vhp or hvp, with PyTorch's checks. */
    private static Tensor singleElement(Tensor out, String name, boolean strict) {
        if (out == null) throw new IllegalArgumentException("The function given to " + name + " should return a single Tensor");
        checkRequiresGrad(List.of(out), "outputs", strict);
        if (out.numel() != 1) {
            throw new IllegalArgumentException("The Tensor returned by the function given to " + name + " should contain a single element");
        }
        return out;
    }

    /** PyTorch's _check_requires_grad: in strict mode every tensor must exist and require grad. */
    private static void checkRequiresGrad(List<Tensor> ts, String kind, boolean strict) {
        if (!strict) return;
        for (int i = 0; i < ts.size(); i++) {
            Tensor t = ts.get(i);
            if (t == null) {
                throw new IllegalStateException("The output of the user-provided function is independent of input " + i
                        + ". This is not allowed in strict mode.");
            }
            if (t.requiresGrad()) continue;
            throw new IllegalStateException(switch (kind) {
                case "hessian" -> "The hessian of the user-provided function with respect to input " + i + " is independent of the input. "
                        + "This is not allowed in strict mode. You should ensure that your function is thrice differentiable and that the "
                        + "hessian depends on the inputs.";
                case "jacobian" -> "While computing the hessian, found that the jacobian of the user-provided function with respect to "
                        + "input " + i + " is independent of the input. This is not allowed in strict mode. You should ensure that your "
                        + "function is twice differentiable and that the jacobian depends on the inputs (this would be violated by a "
                        + "linear function for example).";
                case "grad_inputs" -> "The gradient with respect to input " + i + " is independent of the inputs of the user-provided "
                        + "function. This is not allowed in strict mode.";
                default -> "Output " + i + " of the user-provided function does not require gradients. The outputs must be computed in "
                        + "a differentiable manner from the input when running in strict mode.";
            });
        }
    }

    /** PyTorch's _fill_in_zeros for the "back" and "double_back" stages. */
    private static Tensor fillInZeros(Tensor g, Tensor ref, int i, boolean strict, boolean createGraph, boolean doubleBack) {
        if (g == null) {
            if (strict) {
                throw new IllegalStateException(doubleBack
                        ? "The jacobian of the user-provided function is independent of input " + i + ". This is not allowed in strict mode."
                        : "The output of the user-provided function is independent of input " + i + ". This is not allowed in strict mode.");
            }
            return Torch.zerosLike(ref);
        }
        if (strict && createGraph && !g.requiresGrad()) {
            throw new IllegalStateException((doubleBack ? "The hessian" : "The jacobian") + " of the user-provided function is independent of "
                    + "input " + i + ". This is not allowed in strict mode when create_graph=True.");
        }
        return g;
    }

    // ---------------------------------------------------------------- vector products

    /**
     * v^T J at the inputs; v may be null only for a one-element output.
     *
     * <p>PyTorch: {@code torch.autograd.functional.vjp}.
     *
     * @param f the function of one tensor
     * @param input the point to differentiate at
     * @param v the vector of the output's shape; null only for a one-element output
     * @return the output and v^T J (of the input's shape)
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     */
    public static Result<Tensor> vjp(UnaryOperator<Tensor> f, Tensor input, Tensor v) {
        return vjp(f, input, v, false, false);
    }

    /**
     * {@code vjp(f, input, v, create_graph, strict)}: the output and v^T J; createGraph keeps the result
     * differentiable, strict raises PyTorch's errors for an output or input the function does not connect.
     *
     * @param f the function of one tensor
     * @param input the point to differentiate at
     * @param v the vector of the output's shape; null only for a one-element output
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param strict whether an output or input the function does not connect is an error (else its block is zeros)
     * @return the output and v^T J (of the input's shape)
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     * @throws IllegalStateException under strict when an output does not depend on an input ("Output 0 of the
     *     user-provided function is independent of input 0. This is not allowed in strict mode.")
     */
    public static Result<Tensor> vjp(UnaryOperator<Tensor> f, Tensor input, Tensor v, boolean createGraph, boolean strict) {
        Result<List<Tensor>> r = vjpCore(in -> List.of(f.apply(in.get(0))), List.of(input), v == null ? null : List.of(v), createGraph, strict);
        return new Result<>(r.output().get(0), r.result().get(0));
    }

    /**
     * {@code vjp(f, inputs, v, create_graph, strict)}: the outputs and v^T J over several inputs and outputs, v one
     * tensor per output.
     *
     * @param f the function of several tensors, giving several tensors
     * @param inputs the points to differentiate at, one tensor per argument of f
     * @param v one vector per output, of its shape; null only for a single one-element output
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param strict whether an output or input the function does not connect is an error (else its block is zeros)
     * @return the outputs and v^T J, one tensor per input
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     * @throws IllegalStateException under strict when an output does not depend on an input ("Output 0 of the
     *     user-provided function is independent of input 0. This is not allowed in strict mode.")
     */
    public static Result<List<Tensor>> vjp(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, List<Tensor> v,
                                           boolean createGraph, boolean strict) {
        return vjpCore(f, inputs, v, createGraph, strict);
    }

    private static Result<List<Tensor>> vjpCore(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs0, List<Tensor> v,
                                                boolean createGraph, boolean strict) {
        try (var g = GradMode.setEnabled(true)) {
            List<Tensor> inputs = prepare(inputs0, createGraph);
            List<Tensor> outputs = f.apply(inputs);
            List<Tensor> vs = checkV(outputs, v, "outputs");
            if (strict) checkStrictOutputs(outputs, "vjp");
            List<Tensor> gs = grads(outputs, inputs, vs, createGraph);
            List<Tensor> res = new ArrayList<>();
            for (int i = 0; i < gs.size(); i++) {
                res.add(finish(fillInZeros(gs.get(i), inputs.get(i), i, strict, createGraph, false), createGraph));
            }
            List<Tensor> outs = new ArrayList<>();
            for (Tensor o : outputs) outs.add(finish(o, createGraph));
            return new Result<>(outs, res);
        }
    }

    /** Validates v against the tensors it multiplies; null only for one single-element tensor. */
    private static List<Tensor> checkV(List<Tensor> targets, List<Tensor> v, String what) {
        if (v == null) {
            if (targets.size() != 1 || targets.get(0).numel() != 1) {
                throw new IllegalArgumentException("The vector v can only be None if the user-provided function returns a single Tensor "
                        + "with a single element.");
            }
            return List.of(Torch.onesLike(targets.get(0)));
        }
        if (v.size() != targets.size()) {
            throw new IllegalArgumentException("v is a tuple of invalid length: should be " + targets.size() + " but got " + v.size() + ".");
        }
        for (int i = 0; i < v.size(); i++) {
            if (!java.util.Arrays.equals(v.get(i).shape(), targets.get(i).shape())) {
                throw new IllegalArgumentException("v has invalid size: should be " + targets.get(i).size() + " but got "
                        + v.get(i).size() + ".");
            }
        }
        return v;
    }

    /**
     * J v at the inputs (the double-backward trick: no forward mode needed).
     *
     * <p>PyTorch: {@code torch.autograd.functional.jvp}.
     *
     * @param f the function of one tensor
     * @param input the point to differentiate at
     * @param v the vector of the input's shape; null only for a one-element input
     * @return the output and J v (of the output's shape)
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     */
    public static Result<Tensor> jvp(UnaryOperator<Tensor> f, Tensor input, Tensor v) {
        return jvp(f, input, v, false, false);
    }

    /**
     * {@code jvp(f, input, v, create_graph, strict)}: the output and J v, v of the input's shape (computed by the
     * double-backward trick, as PyTorch does).
     *
     * @param f the function of one tensor
     * @param input the point to differentiate at
     * @param v the vector of the input's shape; null only for a one-element input
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param strict whether an output or input the function does not connect is an error (else its block is zeros)
     * @return the output and J v (of the output's shape)
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     * @throws IllegalStateException under strict when an output does not depend on an input ("Output 0 of the
     *     user-provided function is independent of input 0. This is not allowed in strict mode.")
     */
    public static Result<Tensor> jvp(UnaryOperator<Tensor> f, Tensor input, Tensor v, boolean createGraph, boolean strict) {
        Result<List<Tensor>> r = jvpCore(in -> List.of(f.apply(in.get(0))), List.of(input), v == null ? null : List.of(v), createGraph, strict);
        return new Result<>(r.output().get(0), r.result().get(0));
    }

    /**
     * {@code jvp(f, inputs, v, create_graph, strict)}: the outputs and J v over several inputs and outputs, v one
     * tensor per input.
     *
     * @param f the function of several tensors, giving several tensors
     * @param inputs the points to differentiate at, one tensor per argument of f
     * @param v one vector per input, of its shape; null only for a single one-element input
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param strict whether an output or input the function does not connect is an error (else its block is zeros)
     * @return the outputs and J v, one tensor per output
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     * @throws IllegalStateException under strict when an output does not depend on an input ("Output 0 of the
     *     user-provided function is independent of input 0. This is not allowed in strict mode.")
     */
    public static Result<List<Tensor>> jvp(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, List<Tensor> v,
                                           boolean createGraph, boolean strict) {
        return jvpCore(f, inputs, v, createGraph, strict);
    }

    private static Result<List<Tensor>> jvpCore(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs0, List<Tensor> v,
                                                boolean createGraph, boolean strict) {
        try (var g = GradMode.setEnabled(true)) {
            List<Tensor> inputs = prepare(inputs0, createGraph);
            List<Tensor> vs = checkVInputs(inputs, v);
            List<Tensor> outputs = f.apply(inputs);
            if (strict) checkStrictOutputs(outputs, "jvp");
            List<Tensor> gradOutputs = new ArrayList<>();
            for (Tensor o : outputs) gradOutputs.add(Torch.zerosLike(o).requiresGrad_(true));
            List<Tensor> gradInputs = grads(outputs, inputs, gradOutputs, true);
            List<Tensor> usedG = new ArrayList<>(), usedV = new ArrayList<>();
            for (int i = 0; i < gradInputs.size(); i++) {
                if (gradInputs.get(i) != null && gradInputs.get(i).requiresGrad()) {
                    usedG.add(gradInputs.get(i));
                    usedV.add(vs.get(i));
                }
            }
            List<Tensor> res = new ArrayList<>();
            List<Tensor> jv = usedG.isEmpty() ? null : Autograd.grad(usedG, gradOutputs, usedV, true, createGraph, true);
            for (int i = 0; i < outputs.size(); i++) {
                Tensor r = jv == null ? null : jv.get(i);
                if (r == null) {
                    if (strict) {
                        throw new IllegalStateException("The output of the user-provided function is independent of input " + i
                                + ". This is not allowed in strict mode.");
                    }
                    r = Torch.zerosLike(outputs.get(i));
                } else if (strict && createGraph && !r.requiresGrad()) {
                    // PyTorch's "back_trick" check: a J v that does not depend on the input cannot be differentiated further
                    throw new IllegalStateException("The jacobian of the user-provided function is independent of input " + i
                            + ". This is not allowed in strict mode when create_graph=True.");
                }
                res.add(finish(r, createGraph));
            }
            List<Tensor> outs = new ArrayList<>();
            for (Tensor o : outputs) outs.add(finish(o, createGraph));
            return new Result<>(outs, res);
        }
    }

    private static List<Tensor> checkVInputs(List<Tensor> inputs, List<Tensor> v) {
        if (v == null) {
            if (inputs.size() != 1 || inputs.get(0).numel() != 1) {
                throw new IllegalArgumentException("The vector v can only be None if the input to the user-provided function is a "
                        + "single Tensor with a single element.");
            }
            return List.of(Torch.onesLike(inputs.get(0)));
        }
        return checkV(inputs, v, "inputs");
    }

    /**
     * v^T H of a scalar function.
     *
     * <p>PyTorch: {@code torch.autograd.functional.vhp}.
     *
     * @param f the scalar function of one tensor
     * @param input the point to differentiate at
     * @param v the vector of the input's shape
     * @return the scalar output and v^T H (of the input's shape)
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     * @throws IllegalArgumentException if f does not return a one-element tensor ("The Tensor returned by the function
     *     given to hessian should contain a single element")
     */
    public static Result<Tensor> vhp(UnaryOperator<Tensor> f, Tensor input, Tensor v) {
        return vhp(f, input, v, false, false);
    }

    /**
     * {@code vhp(f, input, v, create_graph, strict)}: the scalar output and v^T H, v of the input's shape.
     *
     * @param f the scalar function of one tensor
     * @param input the point to differentiate at
     * @param v the vector of the input's shape
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param strict whether an output or input the function does not connect is an error (else its block is zeros)
     * @return the scalar output and v^T H (of the input's shape)
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     * @throws IllegalArgumentException if f does not return a one-element tensor ("The Tensor returned by the function
     *     given to hessian should contain a single element")
     * @throws IllegalStateException under strict when an output does not depend on an input ("Output 0 of the
     *     user-provided function is independent of input 0. This is not allowed in strict mode.")
     */
    public static Result<Tensor> vhp(UnaryOperator<Tensor> f, Tensor input, Tensor v, boolean createGraph, boolean strict) {
        Result<List<Tensor>> r = secondOrderProduct(in -> f.apply(in.get(0)), List.of(input), v == null ? null : List.of(v), createGraph,
                strict, false);
        return new Result<>(r.output().get(0), r.result().get(0));
    }

    /**
     * v^T H of a scalar function of several inputs: one result per input.
     *
     * <p>PyTorch: {@code torch.autograd.functional.vhp}.
     *
     * @param f the scalar function of several tensors
     * @param inputs the points to differentiate at, one tensor per argument of f
     * @param v one vector per input, of its shape
     * @return the scalar output and the product, one tensor per input
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     * @throws IllegalArgumentException if f does not return a one-element tensor ("The Tensor returned by the function
     *     given to hessian should contain a single element")
     */
    public static Result<List<Tensor>> vhp(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, List<Tensor> v) {
        return vhp(f, inputs, v, false, false);
    }

    /**
     * {@code vhp(f, inputs, v, create_graph, strict)}: the scalar output and v^T H over several inputs, v one tensor
     * per input.
     *
     * @param f the scalar function of several tensors
     * @param inputs the points to differentiate at, one tensor per argument of f
     * @param v one vector per input, of its shape
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param strict whether an output or input the function does not connect is an error (else its block is zeros)
     * @return the scalar output and the product, one tensor per input
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     * @throws IllegalArgumentException if f does not return a one-element tensor ("The Tensor returned by the function
     *     given to hessian should contain a single element")
     * @throws IllegalStateException under strict when an output does not depend on an input ("Output 0 of the
     *     user-provided function is independent of input 0. This is not allowed in strict mode.")
     */
    public static Result<List<Tensor>> vhp(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, List<Tensor> v, boolean createGraph,
                                           boolean strict) {
        return secondOrderProduct(f, inputs, v, createGraph, strict, false);
    }

    /**
     * H v of a scalar function.
     *
     * <p>PyTorch: {@code torch.autograd.functional.hvp}.
     *
     * @param f the scalar function of one tensor
     * @param input the point to differentiate at
     * @param v the vector of the input's shape
     * @return the scalar output and H v (of the input's shape)
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     * @throws IllegalArgumentException if f does not return a one-element tensor ("The Tensor returned by the function
     *     given to hessian should contain a single element")
     */
    public static Result<Tensor> hvp(UnaryOperator<Tensor> f, Tensor input, Tensor v) {
        return hvp(f, input, v, false, false);
    }

    /**
     * {@code hvp(f, input, v, create_graph, strict)}: the scalar output and H v, v of the input's shape.
     *
     * @param f the scalar function of one tensor
     * @param input the point to differentiate at
     * @param v the vector of the input's shape
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param strict whether an output or input the function does not connect is an error (else its block is zeros)
     * @return the scalar output and H v (of the input's shape)
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     * @throws IllegalArgumentException if f does not return a one-element tensor ("The Tensor returned by the function
     *     given to hessian should contain a single element")
     * @throws IllegalStateException under strict when an output does not depend on an input ("Output 0 of the
     *     user-provided function is independent of input 0. This is not allowed in strict mode.")
     */
    public static Result<Tensor> hvp(UnaryOperator<Tensor> f, Tensor input, Tensor v, boolean createGraph, boolean strict) {
        Result<List<Tensor>> r = secondOrderProduct(in -> f.apply(in.get(0)), List.of(input), v == null ? null : List.of(v), createGraph,
                strict, true);
        return new Result<>(r.output().get(0), r.result().get(0));
    }

    /**
     * H v of a scalar function of several inputs: one result per input.
     *
     * <p>PyTorch: {@code torch.autograd.functional.hvp}.
     *
     * @param f the scalar function of several tensors
     * @param inputs the points to differentiate at, one tensor per argument of f
     * @param v one vector per input, of its shape
     * @return the scalar output and the product, one tensor per input
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     * @throws IllegalArgumentException if f does not return a one-element tensor ("The Tensor returned by the function
     *     given to hessian should contain a single element")
     */
    public static Result<List<Tensor>> hvp(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, List<Tensor> v) {
        return hvp(f, inputs, v, false, false);
    }

    /**
     * {@code hvp(f, inputs, v, create_graph, strict)}: the scalar output and H v over several inputs, v one tensor
     * per input.
     *
     * @param f the scalar function of several tensors
     * @param inputs the points to differentiate at, one tensor per argument of f
     * @param v one vector per input, of its shape
     * @param createGraph whether the result is itself differentiable (else it is detached)
     * @param strict whether an output or input the function does not connect is an error (else its block is zeros)
     * @return the scalar output and the product, one tensor per input
     * @throws IllegalArgumentException if v has the wrong count or size ("v has invalid size: should be [..] but got
     *     [..].") or is null where it may not be
     * @throws IllegalArgumentException if f does not return a one-element tensor ("The Tensor returned by the function
     *     given to hessian should contain a single element")
     * @throws IllegalStateException under strict when an output does not depend on an input ("Output 0 of the
     *     user-provided function is independent of input 0. This is not allowed in strict mode.")
     */
    public static Result<List<Tensor>> hvp(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, List<Tensor> v, boolean createGraph,
                                           boolean strict) {
        return secondOrderProduct(f, inputs, v, createGraph, strict, true);
    }

    /** vhp and hvp as PyTorch computes them: hvp by the double-backward trick, through a zero grad_jacobian. */
    private static Result<List<Tensor>> secondOrderProduct(Function<List<Tensor>, Tensor> f, List<Tensor> inputs0, List<Tensor> v,
                                                           boolean createGraph, boolean strict, boolean hvp) {
        String name = hvp ? "hvp" : "vhp";
        boolean outerGrad = GradMode.isEnabled();
        try (var g = GradMode.setEnabled(true)) {
            List<Tensor> inputs = prepare(inputs0, createGraph);
            List<Tensor> vs = checkVInputs(inputs, v);
            Tensor out = singleElement(f.apply(inputs), name, strict);
            List<Tensor> jac = grads(List.of(out), inputs, null, true);
            checkRequiresGrad(jac, "jacobian", strict);
            List<Tensor> res = new ArrayList<>();
            if (!hvp) {
                try (var g2 = GradMode.setEnabled(createGraph || outerGrad)) {
                    List<Tensor> r = grads(present(jac), inputs, select(vs, jac), createGraph);
                    for (int i = 0; i < inputs.size(); i++) res.add(finish(fillInZeros(r.get(i), inputs.get(i), i, strict, createGraph, true), createGraph));
                }
            } else {
                List<Tensor> gradJac = new ArrayList<>();
                for (Tensor in : inputs) gradJac.add(Torch.zerosLike(in).requiresGrad_(true));
                List<Tensor> doubleBack = grads(present(jac), inputs, select(gradJac, jac), true);
                checkRequiresGrad(jac, "hessian", strict);
                try (var g2 = GradMode.setEnabled(createGraph || outerGrad)) {
                    List<Tensor> r = grads(present(doubleBack), gradJac, select(vs, doubleBack), createGraph);
                    for (int i = 0; i < inputs.size(); i++) {
                        Tensor ri = r.get(i);
                        if (ri == null && strict) {
                            throw new IllegalStateException("The hessian of the user-provided function is independent of entry " + i
                                    + " in the grad_jacobian. This is not allowed in strict mode as it prevents from using the double "
                                    + "backward trick to replace forward mode AD.");
                        }
                        res.add(finish(fillInZeros(ri, inputs.get(i), i, strict, createGraph, true), createGraph));
                    }
                }
            }
            return new Result<>(List.of(finish(out, createGraph)), res);
        }
    }

    /** The non-null tensors of ts (PyTorch's _autograd_grad skips None outputs). */
    private static List<Tensor> present(List<Tensor> ts) {
        List<Tensor> r = new ArrayList<>();
        for (Tensor t : ts) if (t != null) r.add(t);
        return r;
    }

    /** The entries of values where mask is non-null, in order. */
    private static List<Tensor> select(List<Tensor> values, List<Tensor> mask) {
        List<Tensor> r = new ArrayList<>();
        for (int i = 0; i < mask.size(); i++) if (mask.get(i) != null) r.add(values.get(i));
        return r;
    }
}
