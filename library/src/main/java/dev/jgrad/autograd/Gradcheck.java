package dev.jgrad.autograd;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.internal.autograd.Engine;
import dev.jgrad.internal.ops.Copying;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code torch.autograd.gradcheck} / {@code gradgradcheck} in PyTorch's slow mode: compares the analytical
 * Jacobian (backward with one-hot output gradients, run twice to catch nondeterminism) with central
 * differences {@code (f(x+eps) - f(x-eps)) / (2 eps)}, within {@code atol + rtol * |numerical|}.
 *
 * <p>As in PyTorch, the inputs themselves are perturbed in place (without bumping their version), so a
 * function that reads an input through a closure sees the perturbation; only outputs that require grad
 * are compared, and a function with none must have a zero numerical Jacobian. After the Jacobians, the
 * backward must give zeros for zero output gradients and handle undefined (null) output gradients.
 */
public final class Gradcheck {
    /** gradcheck's default finite-difference step ({@code eps=1e-6}). */
    public static final double EPS = 1e-6;
    /** gradcheck's default absolute tolerance ({@code atol=1e-5}). */
    public static final double ATOL = 1e-5;
    /** gradcheck's default relative tolerance ({@code rtol=1e-3}). */
    public static final double RTOL = 1e-3;
    private static final System.Logger LOG = System.getLogger("dev.jgrad.autograd");

    private Gradcheck() {}

    /** gradcheck's keyword arguments, with PyTorch's defaults; chain the setters. */
    public static final class Options {
        private double eps = EPS, atol = ATOL, rtol = RTOL, nondetTol;
        private boolean raiseException = true, checkUndefinedGrad = true, checkGradDtypes;

        /** PyTorch's defaults, as {@link Gradcheck#options()} gives them. */
        public Options() {}

        /**
         * The finite-difference step ({@code eps}, default 1e-6).
         *
         * @param v the step
         * @return these options
         */
        public Options eps(double v) { eps = v; return this; }
        /**
         * The absolute tolerance ({@code atol}, default 1e-5).
         *
         * @param v the tolerance
         * @return these options
         */
        public Options atol(double v) { atol = v; return this; }
        /**
         * The relative tolerance ({@code rtol}, default 1e-3).
         *
         * @param v the tolerance
         * @return these options
         */
        public Options rtol(double v) { rtol = v; return this; }
        /**
         * How far two backward passes over the same inputs may differ ({@code nondet_tol}).
         *
         * @param v the tolerance (default 0)
         * @return these options
         */
        public Options nondetTol(double v) { nondetTol = v; return this; }
        /**
         * With false, a failed check returns false instead of throwing {@link GradcheckError}.
         *
         * <p>PyTorch: {@code gradcheck(..., raise_exception=)}.
         *
         * @param v whether a failure throws (default true)
         * @return these options
         */
        public Options raiseException(boolean v) { raiseException = v; return this; }
        /**
         * Whether backward must accept undefined (null) output gradients ({@code check_undefined_grad}, default
         * true).
         *
         * @param v whether to check (default true)
         * @return these options
         */
        public Options checkUndefinedGrad(boolean v) { checkUndefinedGrad = v; return this; }
        /**
         * Whether each gradient must have its input's dtype ({@code check_grad_dtypes}, default false).
         *
         * @param v whether to check (default false)
         * @return these options
         */
        public Options checkGradDtypes(boolean v) { checkGradDtypes = v; return this; }
    }

    /**
     * PyTorch's defaults: eps 1e-6, atol 1e-5, rtol 1e-3, nondet_tol 0, raising on failure.
     *
     * @return a new Options with the defaults
     */
    public static Options options() { return new Options(); }

    /**
     * {@code gradcheck(f, input)} with PyTorch's defaults: true, or a {@link GradcheckError} saying which Jacobian
     * entries differ.
     *
     * <p>PyTorch: {@code torch.autograd.gradcheck}.
     *
     * @param f the function to check (its inputs should be float64)
     * @param input the float64 input, requiring grad
     * @return true when the check passes (false on a failure when raiseException is off)
     * @throws GradcheckError if an analytical Jacobian differs from the numerical one ("Jacobian mismatch for output 0
     *     with respect to input 0, numerical: ... analytical: ...") or another check fails
     * @throws IllegalArgumentException if no input requires grad ("gradcheck expects at least one input tensor to
     *     require gradient, ...") or an input has a zero stride
     */
    public static boolean gradcheck(UnaryOperator<Tensor> f, Tensor input) {
        return gradcheck(in -> List.of(f.apply(in.get(0))), List.of(input), options());
    }

    /**
     * {@code gradcheck(f, input, **options)} for one input and one output.
     *
     * <p>PyTorch: {@code torch.autograd.gradcheck}.
     *
     * @param f the function to check (its inputs should be float64)
     * @param input the float64 input, requiring grad
     * @param options the tolerances and checks (see {@link #options()})
     * @return true when the check passes (false on a failure when raiseException is off)
     * @throws GradcheckError if an analytical Jacobian differs from the numerical one ("Jacobian mismatch for output 0
     *     with respect to input 0, numerical: ... analytical: ...") or another check fails, unless raiseException is off
     * @throws IllegalArgumentException if no input requires grad ("gradcheck expects at least one input tensor to
     *     require gradient, ...") or an input has a zero stride
     */
    public static boolean gradcheck(UnaryOperator<Tensor> f, Tensor input, Options options) {
        return gradcheck(in -> List.of(f.apply(in.get(0))), List.of(input), options);
    }

    /**
     * {@code gradcheck(f, inputs)} with PyTorch's defaults, for several inputs and outputs.
     *
     * <p>PyTorch: {@code torch.autograd.gradcheck}.
     *
     * @param f the function to check (its inputs should be float64)
     * @param inputs the inputs (float64 where they require grad)
     * @return true when the check passes (false on a failure when raiseException is off)
     * @throws GradcheckError if an analytical Jacobian differs from the numerical one ("Jacobian mismatch for output 0
     *     with respect to input 0, numerical: ... analytical: ...") or another check fails
     * @throws IllegalArgumentException if no input requires grad ("gradcheck expects at least one input tensor to
     *     require gradient, ...") or an input has a zero stride
     */
    public static boolean gradcheck(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs) {
        return gradcheck(f, inputs, options());
    }

    /**
     * With raiseException false, a mismatch returns false instead of throwing.
     *
     * <p>PyTorch: {@code torch.autograd.gradcheck}.
     *
     * @param f the function to check (its inputs should be float64)
     * @param inputs the inputs (float64 where they require grad)
     * @param eps the finite-difference step
     * @param atol the absolute tolerance
     * @param rtol the relative tolerance
     * @param raiseException whether a failed check throws (else it returns false)
     * @return true when the check passes (false on a failure when raiseException is off)
     * @throws GradcheckError if an analytical Jacobian differs from the numerical one ("Jacobian mismatch for output 0
     *     with respect to input 0, numerical: ... analytical: ...") or another check fails, unless raiseException is off
     * @throws IllegalArgumentException if no input requires grad ("gradcheck expects at least one input tensor to
     *     require gradient, ...") or an input has a zero stride
     */
    public static boolean gradcheck(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, double eps, double atol, double rtol,
                                    boolean raiseException) {
        return gradcheck(f, inputs, options().eps(eps).atol(atol).rtol(rtol).raiseException(raiseException));
    }

    /**
     * {@code gradcheck(f, inputs, **options)}: compares the analytical Jacobian of every output that requires grad
     * with central finite differences of float64 inputs (eps, atol, rtol), then checks nondeterminism, zero and
     * undefined output gradients; raises {@link GradcheckError} on a mismatch unless options say not to.
     *
     * <p>PyTorch: {@code torch.autograd.gradcheck}.
     *
     * @param f the function to check (its inputs should be float64)
     * @param inputs the inputs (float64 where they require grad)
     * @param o the tolerances and checks (see {@link #options()})
     * @return true when the check passes (false on a failure when raiseException is off)
     * @throws GradcheckError if an analytical Jacobian differs from the numerical one ("Jacobian mismatch for output 0
     *     with respect to input 0, numerical: ... analytical: ...") or another check fails, unless raiseException is off
     * @throws IllegalArgumentException if no input requires grad ("gradcheck expects at least one input tensor to
     *     require gradient, ...") or an input has a zero stride
     */
    public static boolean gradcheck(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, Options o) {
        try {
            return check(f, inputs, o);
        } catch (GradcheckError e) {
            if (o.raiseException) throw e;
            return false;
        }
    }

    private static boolean check(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, Options o) {
        List<Integer> diffInputs = checkInputs(inputs);
        List<Tensor> funcOut = f.apply(inputs);
        List<Integer> diffOutputs = new ArrayList<>();
        for (int k = 0; k < funcOut.size(); k++) if (funcOut.get(k) != null && funcOut.get(k).requiresGrad()) diffOutputs.add(k);

        // numerical[i][k]: (numel of input i) x (numel of output k), for every output
        Tensor[][] numerical = new Tensor[diffInputs.size()][];
        for (int j = 0; j < diffInputs.size(); j++) numerical[j] = numericalJacobians(f, inputs, diffInputs.get(j), funcOut, o.eps);
        if (diffOutputs.isEmpty()) {
            for (Tensor[] perInput : numerical) {
                for (Tensor jac : perInput) {
                    if (jac.ne(0).sum().itemLong() > 0) throw new GradcheckError("Numerical gradient for function expected to be zero");
                }
            }
            return true;
        }
        for (int oi = 0; oi < diffOutputs.size(); oi++) {
            Tensor out = funcOut.get(diffOutputs.get(oi));
            Tensor[] analytical = analyticalJacobians(inputs, diffInputs, out, o);
            for (int j = 0; j < diffInputs.size(); j++) {
                Tensor a = analytical[j], n = numerical[j][diffOutputs.get(oi)];
                if (!allclose(a, n, o.rtol, o.atol)) {
                    throw new GradcheckError("Jacobian mismatch for output " + oi + " with respect to input " + j + ",\nnumerical:" + n
                            + "\nanalytical:" + a + "\n");
                }
            }
        }
        List<Tensor> outputs = new ArrayList<>();
        for (int k : diffOutputs) outputs.add(funcOut.get(k));
        checkBackwardMultipliesByGradOutput(outputs, inputs, diffInputs);
        if (o.checkUndefinedGrad) checkUndefinedGrads(f, inputs, diffInputs);
        return true;
    }

    /** The indices of inputs that require grad, with PyTorch's input checks and warning. */
    private static List<Integer> checkInputs(List<Tensor> inputs) {
        List<Integer> diff = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            if (t == null || !t.requiresGrad()) continue;
            if (t.dtype() != DType.FLOAT64) {
                LOG.log(System.Logger.Level.WARNING, "Input #" + i + " requires gradient and is not a double precision floating point or "
                        + "complex. This check will likely fail if all the inputs are not of double precision floating point or complex. ");
            }
            long[] size = t.shape(), stride = t.stride();
            for (int d = 0; d < size.length; d++) {
                if (stride[d] <= 0 && size[d] > 1) {
                    throw new IllegalArgumentException("The " + i + "th input has a dimension with stride 0. gradcheck only supports inputs "
                            + "that are non-overlapping to be able to compute the numerical gradients correctly. You should call "
                            + ".contiguous on the input before passing it to gradcheck.");
                }
            }
            diff.add(i);
        }
        if (diff.isEmpty()) {
            throw new IllegalArgumentException("gradcheck expects at least one input tensor to require gradient, but none of the them have "
                    + "requires_grad=True.");
        }
        return diff;
    }

    private static boolean allclose(Tensor a, Tensor n, double rtol, double atol) {
        return a.to(DType.FLOAT64).allclose(n.to(DType.FLOAT64), rtol, atol);
    }

    // ---------------------------------------------------------------- numerical

    /**
     * Central differences for input i against every output: perturbs the input's own elements in place
     * (as PyTorch does through {@code .data}, so the version counter does not move) and restores them.
     */
    private static Tensor[] numericalJacobians(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, int i, List<Tensor> funcOut,
                                               double eps) {
        Tensor in = inputs.get(i);
        int n = Math.toIntExact(in.numel());
        double[][] jac = new double[funcOut.size()][];
        for (int k = 0; k < funcOut.size(); k++) jac[k] = new double[n * (int) (funcOut.get(k) == null ? 0 : funcOut.get(k).numel())];
        long[] shape = in.shape();
        Tensor data = in.detach();
        for (int e = 0; e < n; e++) {
            Tensor entry = element(data, shape, e);
            Tensor orig = entry.clone();
            write(entry, orig.sub(eps));
            List<Tensor> rawA = f.apply(inputs);
            List<double[]> outA = snapshot(rawA);
            write(entry, orig.add(eps));
            List<Tensor> rawB = f.apply(inputs);
            List<double[]> outB = snapshot(rawB);
            write(entry, orig);
            checkSameShapeAndDtype(rawA, rawB, eps);
            for (int k = 0; k < funcOut.size(); k++) {
                if (funcOut.get(k) == null) continue;
                double[] a = outA.get(k), b = outB.get(k);
                int m = a.length;
                for (int r = 0; r < m; r++) jac[k][e * m + r] = (b[r] - a[r]) / (2 * eps);
            }
        }
        Tensor[] result = new Tensor[funcOut.size()];
        for (int k = 0; k < funcOut.size(); k++) {
            Tensor out = funcOut.get(k);
            if (out == null) continue;
            DType dt = out.isFloatingPoint() ? out.dtype() : DType.FLOAT64;
            result[k] = Torch.tensor(jac[k], DType.FLOAT64).reshape(n, out.numel()).to(dt);
        }
        return result;
    }

    /** Outputs whose shape or dtype depends on the input's values can't have a numerical Jacobian (PyTorch's assertion). */
    private static void checkSameShapeAndDtype(List<Tensor> a, List<Tensor> b, double eps) {
        for (int k = 0; k < a.size(); k++) {
            Tensor x = a.get(k), y = b.get(k);
            if (x == null || y == null) continue;
            // "on index {idx} " is printed literally: PyTorch 1.13's message misses an f-string prefix
            if (!Arrays.equals(x.shape(), y.shape())) {
                throw new IllegalStateException("Expected `func` to return outputs with the same shape when inputs are perturbed on index "
                        + "{idx} by " + pyFloat(eps) + ", but got: shapes " + x.size() + " and " + y.size() + ".");
            }
            if (x.dtype() != y.dtype()) {
                throw new IllegalStateException("Expected `func` to return outputs with the same dtype when inputs are perturbed on index "
                        + "{idx} by " + pyFloat(eps) + ", but got: dtypes " + x.dtype() + " and " + y.dtype() + ".");
            }
        }
    }

    private static List<double[]> snapshot(List<Tensor> outs) {
        List<double[]> r = new ArrayList<>(outs.size());
        for (Tensor t : outs) r.add(t == null ? new double[0] : t.detach().toDoubleArray());
        return r;
    }

    /** A 0-dim view of element e (row-major) of t. */
    private static Tensor element(Tensor t, long[] shape, int e) {
        Tensor v = t;
        long rest = e;
        long[] idx = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = rest % shape[d];
            rest /= shape[d];
        }
        for (long ix : idx) v = v.select(0, ix);
        return v;
    }

    private static void write(Tensor entry, Tensor value) {
        Copying.copyElements(entry, value.to(entry.dtype()));
    }

    // ---------------------------------------------------------------- analytical

    /** One (input numel x output numel) Jacobian per differentiable input, from backward twice (nondeterminism check). */
    private static Tensor[] analyticalJacobians(List<Tensor> inputs, List<Integer> diffInputs, Tensor out, Options o) {
        Tensor[] first = jacobianRows(inputs, diffInputs, out, o);
        Tensor[] second = jacobianRows(inputs, diffInputs, out, o);
        for (int j = 0; j < first.length; j++) {
            if (first[j].numel() != 0 && first[j].sub(second[j]).abs().max().item() > o.nondetTol) {
                throw new GradcheckError("Backward is not reentrant, i.e., running backward with same input and grad_output multiple "
                        + "times gives different values, although analytical gradient matches numerical gradient.The tolerance for "
                        + "nondeterminism was " + pyFloat(o.nondetTol) + ".");
            }
        }
        return first;
    }

    private static Tensor[] jacobianRows(List<Tensor> inputs, List<Integer> diffInputs, Tensor out, Options o) {
        List<Tensor> diff = new ArrayList<>();
        for (int i : diffInputs) diff.add(inputs.get(i));
        int m = Math.toIntExact(out.numel());
        List<List<Tensor>> columns = new ArrayList<>();
        for (int j = 0; j < diff.size(); j++) columns.add(new ArrayList<>(m));
        boolean sizesOk = true, typesOk = true;
        for (int r = 0; r < m; r++) {
            Tensor gradOut = Torch.zerosLike(out);
            try (var g = GradMode.setEnabled(false)) {
                gradOut.reshape(-1).select(0, r).fill_(1.0);
            }
            List<Tensor> g = Autograd.grad(List.of(out), diff, List.of(gradOut), true, false, true);
            for (int j = 0; j < diff.size(); j++) {
                Tensor gj = g.get(j), in = diff.get(j);
                if (gj != null && !Arrays.equals(gj.shape(), in.shape())) sizesOk = false;
                else if (gj != null && gj.dtype() != in.dtype()) typesOk = false;
                columns.get(j).add(gj == null || !Arrays.equals(gj.shape(), in.shape()) ? Torch.zeros(in.dtype(), in.numel()) : gj.reshape(-1));
            }
        }
        if (!typesOk && o.checkGradDtypes) throw new GradcheckError("Gradient has dtype mismatch");
        if (!sizesOk) throw new GradcheckError("Analytical gradient has incorrect size");
        Tensor[] jac = new Tensor[diff.size()];
        for (int j = 0; j < diff.size(); j++) {
            Tensor in = diff.get(j);
            jac[j] = m == 0 ? Torch.zeros(in.dtype(), in.numel(), 0) : Torch.stack(columns.get(j), 1);
        }
        return jac;
    }

    /** Zero output gradients must give zero (or no) input gradients of the inputs' dtype and size. */
    private static void checkBackwardMultipliesByGradOutput(List<Tensor> outputs, List<Tensor> inputs, List<Integer> diffInputs) {
        List<Tensor> diff = new ArrayList<>();
        for (int i : diffInputs) diff.add(inputs.get(i));
        List<Tensor> zeros = new ArrayList<>();
        for (Tensor t : outputs) zeros.add(Torch.zerosLike(t));
        List<Tensor> g = Autograd.grad(outputs, diff, zeros, true, false, true);
        for (int j = 0; j < diff.size(); j++) {
            Tensor gi = g.get(j), di = diff.get(j);
            if (gi == null) continue;
            if (!gi.eq(0).all().itemBool()) throw new GradcheckError("backward not multiplied by grad_output");
            if (gi.dtype() != di.dtype() || !gi.device().equals(di.device())) throw new GradcheckError("grad is incorrect type");
            if (!Arrays.equals(gi.shape(), di.shape())) throw new GradcheckError("grad is incorrect size");
        }
    }

    /** Backward with undefined (null) output gradients, all at once and then one at a time, gives null or zeros. */
    private static void checkUndefinedGrads(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, List<Integer> diffInputs) {
        List<Tensor> diff = new ArrayList<>();
        for (int i : diffInputs) diff.add(inputs.get(i));
        List<Tensor> outs = differentiable(f.apply(inputs));
        checkUndefined(outs, diff, -1);
        if (outs.size() > 1) {
            for (int u = 0; u < outs.size(); u++) checkUndefined(differentiable(f.apply(inputs)), diff, u);
        }
    }

    private static List<Tensor> differentiable(List<Tensor> outs) {
        List<Tensor> r = new ArrayList<>();
        for (Tensor t : outs) if (t != null && t.requiresGrad()) r.add(t);
        return r;
    }

    /** undef = -1: every output gradient undefined; else only that one (the rest zeros). */
    private static void checkUndefined(List<Tensor> outs, List<Tensor> diff, int undef) {
        List<Tensor> grads = new ArrayList<>();
        for (int k = 0; k < outs.size(); k++) grads.add(undef == -1 || undef == k ? null : Torch.zerosLike(outs.get(k)));
        Tensor[] g;
        try {
            g = Engine.run(outs, grads, false, false, diff, false);
        } catch (RuntimeException e) {
            throw new GradcheckError("Expected backward function to handle undefined output grads. Please look at \"Notes about undefined "
                    + "output gradients\" in \"tools/autograd/derivatives.yaml\"");
        }
        for (Tensor gi : g) {
            if (gi != null && !gi.eq(0).all().itemBool()) {
                throw new GradcheckError("Expected all input grads to be undefined or zero when all output grads are undefined or zero. "
                        + "Please look at \"Notes about undefined output gradients\" in \"tools/autograd/derivatives.yaml\"");
            }
        }
    }

    /** Python's repr of a float, as PyTorch's message prints it ({@code 0.0}, {@code 1e-05}). */
    private static String pyFloat(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e16) return String.valueOf((long) v) + ".0";
        String s = Double.toString(v);
        if (s.contains("E")) {
            String[] parts = s.split("E");
            String mant = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
            int exp = Integer.parseInt(parts[1]);
            return mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        return s;
    }

    /** Thrown when a gradient check fails (PyTorch's GradcheckError). */
    public static final class GradcheckError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * A failed check with PyTorch's message text.
         *
         * @param message the failure, in PyTorch's words
         */
        public GradcheckError(String message) { super(message); }
    }

    // ---------------------------------------------------------------- second order

    /**
     * {@code gradgradcheck(f, input)}: gradcheck of the first backward pass (random output gradients), so second
     * derivatives are checked.
     *
     * <p>PyTorch: {@code torch.autograd.gradgradcheck}.
     *
     * @param f the function to check (its inputs should be float64)
     * @param input the float64 input, requiring grad
     * @return true when the check passes (false on a failure when raiseException is off)
     * @throws GradcheckError if an analytical Jacobian differs from the numerical one ("Jacobian mismatch for output 0
     *     with respect to input 0, numerical: ... analytical: ...") or another check fails
     * @throws IllegalArgumentException if no input requires grad ("gradcheck expects at least one input tensor to
     *     require gradient, ...") or an input has a zero stride
     */
    public static boolean gradgradcheck(UnaryOperator<Tensor> f, Tensor input) {
        return gradgradcheck(in -> List.of(f.apply(in.get(0))), List.of(input), null, options());
    }

    /**
     * {@code gradgradcheck(f, inputs)} for several inputs and outputs.
     *
     * <p>PyTorch: {@code torch.autograd.gradgradcheck}.
     *
     * @param f the function to check (its inputs should be float64)
     * @param inputs the inputs (float64 where they require grad)
     * @return true when the check passes (false on a failure when raiseException is off)
     * @throws GradcheckError if an analytical Jacobian differs from the numerical one ("Jacobian mismatch for output 0
     *     with respect to input 0, numerical: ... analytical: ...") or another check fails
     * @throws IllegalArgumentException if no input requires grad ("gradcheck expects at least one input tensor to
     *     require gradient, ...") or an input has a zero stride
     */
    public static boolean gradgradcheck(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs) {
        return gradgradcheck(f, inputs, null, options());
    }

    /**
     * {@code gradgradcheck(f, inputs, grad_outputs, raise_exception)}; gradOutputs null draws random ones as PyTorch
     * does.
     *
     * <p>PyTorch: {@code torch.autograd.gradgradcheck}.
     *
     * @param f the function to check (its inputs should be float64)
     * @param inputs the inputs (float64 where they require grad)
     * @param gradOutputs the output gradients to differentiate the first backward pass along, one per output; null
     *     draws random ones as PyTorch does
     * @param raiseException whether a failed check throws (else it returns false)
     * @return true when the check passes (false on a failure when raiseException is off)
     * @throws GradcheckError if an analytical Jacobian differs from the numerical one ("Jacobian mismatch for output 0
     *     with respect to input 0, numerical: ... analytical: ...") or another check fails, unless raiseException is off
     * @throws IllegalArgumentException if no input requires grad ("gradcheck expects at least one input tensor to
     *     require gradient, ...") or an input has a zero stride
     */
    public static boolean gradgradcheck(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, List<Tensor> gradOutputs,
                                        boolean raiseException) {
        return gradgradcheck(f, inputs, gradOutputs, options().raiseException(raiseException));
    }

    /**
     * gradcheck of {@code (inputs, gradOutputs) -> autograd.grad(f(inputs), inputs, gradOutputs, createGraph=true)};
     * gradOutputs default to random values in [-1, 1) for each output that requires grad.
     *
     * <p>PyTorch: {@code torch.autograd.gradgradcheck}.
     *
     * @param f the function to check (its inputs should be float64)
     * @param inputs the inputs (float64 where they require grad)
     * @param gradOutputs the output gradients to differentiate the first backward pass along, one per output; null
     *     draws random ones as PyTorch does
     * @param o the tolerances and checks (see {@link #options()})
     * @return true when the check passes (false on a failure when raiseException is off)
     * @throws GradcheckError if an analytical Jacobian differs from the numerical one ("Jacobian mismatch for output 0
     *     with respect to input 0, numerical: ... analytical: ...") or another check fails, unless raiseException is off
     * @throws IllegalArgumentException if no input requires grad ("gradcheck expects at least one input tensor to
     *     require gradient, ...") or an input has a zero stride
     */
    public static boolean gradgradcheck(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, List<Tensor> gradOutputs, Options o) {
        List<Tensor> gos = new ArrayList<>();
        if (gradOutputs == null) {
            for (Tensor out : differentiable(f.apply(inputs))) {  // with grad enabled: f may differentiate internally
                gos.add(Torch.randLike(out, DType.FLOAT64).mul(2L).sub(1L).to(out.isFloatingPoint() ? out.dtype() : DType.FLOAT64)
                        .requiresGrad_(true));
            }
        } else {
            gos.addAll(gradOutputs);
        }
        int nIn = inputs.size();
        Function<List<Tensor>, List<Tensor>> firstOrder = all -> {
            List<Tensor> ins = all.subList(0, nIn), go = all.subList(nIn, all.size());
            List<Tensor> outs = differentiable(f.apply(ins));
            List<Tensor> diffIns = new ArrayList<>();
            for (Tensor t : ins) if (t != null && t.requiresGrad()) diffIns.add(t);
            List<Tensor> g = Autograd.grad(outs, diffIns, go, true, true, true);
            List<Tensor> r = new ArrayList<>();
            for (Tensor gi : g) if (gi != null) r.add(gi);
            return r;
        };
        List<Tensor> all = new ArrayList<>(inputs);
        all.addAll(gos);
        return gradcheck(firstOrder, all, o);
    }
}
