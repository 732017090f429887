package dev.jgrad.autograd;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code torch.autograd.gradcheck} / {@code gradgradcheck}: compares the analytical Jacobian (backward
 * with one-hot output gradients, run twice to catch nondeterminism) with central differences
 * {@code (f(x+eps) - f(x-eps)) / (2 eps)}, within {@code atol + rtol * |numerical|}.
 */
public final class Gradcheck {
    public static final double EPS = 1e-6, ATOL = 1e-5, RTOL = 1e-3;
    private static final System.Logger LOG = System.getLogger("dev.jgrad.autograd");

    private Gradcheck() {}

    public static boolean gradcheck(UnaryOperator<Tensor> f, Tensor input) {
        return gradcheck(in -> List.of(f.apply(in.get(0))), List.of(input), EPS, ATOL, RTOL, true);
    }

    public static boolean gradcheck(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs) {
        return gradcheck(f, inputs, EPS, ATOL, RTOL, true);
    }

    /** With raiseException false, a mismatch returns false instead of throwing. */
    public static boolean gradcheck(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, double eps, double atol, double rtol,
                                    boolean raiseException) {
        for (Tensor t : inputs) {
            if (t.requiresGrad() && t.dtype() != DType.FLOAT64) {
                LOG.log(System.Logger.Level.WARNING, "Input #" + inputs.indexOf(t) + " requires gradient and is not a double precision "
                        + "floating point. This check will likely fail if all the inputs are not of double precision floating point.");
            }
        }
        List<Tensor> outputs = f.apply(inputs);
        for (int o = 0; o < outputs.size(); o++) {
            Tensor out = outputs.get(o);
            if (!out.isFloatingPoint()) continue;
            for (int i = 0; i < inputs.size(); i++) {
                Tensor in = inputs.get(i);
                if (!in.requiresGrad()) continue;
                Tensor numerical = numericalJacobian(f, inputs, i, o, eps);
                Tensor analytical = analyticalJacobian(f, inputs, i, o, false);
                Tensor again = analyticalJacobian(f, inputs, i, o, false);
                if (!again.equal(analytical)) {
                    return fail(raiseException, "Backward is not reentrant, i.e., running backward with same input and grad_output "
                            + "multiple times gives different values, although analytical gradient matches numerical gradient."
                            + "The tolerance for nondeterminism was 0.0.");
                }
                if (!analytical.allclose(numerical, rtol, atol)) {
                    return fail(raiseException, "Jacobian mismatch for output " + o + " with respect to input " + i + ",\nnumerical:"
                            + numerical + "\nanalytical:" + analytical + "\n");
                }
            }
        }
        return true;
    }

    private static boolean fail(boolean raise, String message) {
        if (raise) throw new GradcheckError(message);
        return false;
    }

    /** Thrown when a gradient check fails (PyTorch's GradcheckError). */
    public static final class GradcheckError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public GradcheckError(String message) { super(message); }
    }

    /** (in.numel x out.numel) matrix of central differences, perturbing a detached copy of input i. */
    private static Tensor numericalJacobian(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, int i, int o, double eps) {
        Tensor in = inputs.get(i);
        int n = (int) in.numel();
        double[] base = in.toDoubleArray();
        Tensor outRef = f.apply(inputs).get(o);
        int m = (int) outRef.numel();
        double[] jac = new double[n * m];
        for (int k = 0; k < n; k++) {
            double[] plus = evalWith(f, inputs, i, base, k, base[k] + eps, o);
            double[] minus = evalWith(f, inputs, i, base, k, base[k] - eps, o);
            for (int r = 0; r < m; r++) jac[k * m + r] = (plus[r] - minus[r]) / (2 * eps);
        }
        return Torch.tensor(jac, DType.FLOAT64).reshape(n, m).to(outRef.dtype());
    }

    private static double[] evalWith(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, int i, double[] base, int k, double value,
                                     int o) {
        double[] x = base.clone();
        x[k] = value;
        List<Tensor> in = new ArrayList<>(inputs);
        Tensor orig = inputs.get(i);
        // the perturbed copy keeps requires_grad: f may itself differentiate (gradgradcheck)
        in.set(i, Torch.tensor(x, DType.FLOAT64).to(orig.dtype()).reshape(orig.shape()).requiresGrad_(orig.requiresGrad()));
        return f.apply(in).get(o).toDoubleArray();
    }


    /** (in.numel x out.numel): column r is the gradient of output element r. */
    private static Tensor analyticalJacobian(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, int i, int o, boolean createGraph) {
        Tensor in = inputs.get(i);
        Tensor out;
        try (var g = GradMode.setEnabled(true)) {
            out = f.apply(inputs).get(o);
        }
        int m = (int) out.numel(), n = (int) in.numel();
        List<Tensor> columns = new ArrayList<>(m);
        for (int r = 0; r < m; r++) {
            Tensor gradOut = Torch.zerosLike(out);
            gradOut.reshape(-1).select(0, r).fill_(1.0);
            Tensor g = null;
            if (out.requiresGrad()) {
                g = Autograd.grad(List.of(out), List.of(in), List.of(gradOut), true, createGraph, true).get(0);
            }
            columns.add(g == null ? Torch.zeros(in.dtype(), n) : g.reshape(-1));
        }
        if (m == 0) return Torch.zeros(out.dtype(), n, 0);
        return Torch.stack(columns, 1);
    }

    // ---------------------------------------------------------------- second order

    public static boolean gradgradcheck(UnaryOperator<Tensor> f, Tensor input) {
        return gradgradcheck(in -> List.of(f.apply(in.get(0))), List.of(input), null, true);
    }

    public static boolean gradgradcheck(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs) {
        return gradgradcheck(f, inputs, null, true);
    }

    /**
     * gradcheck of {@code (inputs, gradOutputs) -> autograd.grad(f(inputs), inputs, gradOutputs, createGraph=true)};
     * gradOutputs default to random values in [-1, 1).
     */
    public static boolean gradgradcheck(Function<List<Tensor>, List<Tensor>> f, List<Tensor> inputs, List<Tensor> gradOutputs,
                                        boolean raiseException) {
        List<Tensor> outs = f.apply(inputs);  // with grad enabled: f may differentiate internally
        List<Tensor> gos = new ArrayList<>();
        for (int k = 0; k < outs.size(); k++) {
            Tensor go = gradOutputs != null ? gradOutputs.get(k)
                    : Torch.randLike(outs.get(k), DType.FLOAT64).mul(2L).sub(1L).to(outs.get(k).dtype());
            gos.add(go.detach().requiresGrad_(true));
        }
        int nIn = inputs.size();
        Function<List<Tensor>, List<Tensor>> firstOrder = all -> {
            List<Tensor> ins = all.subList(0, nIn), go = all.subList(nIn, all.size());
            List<Tensor> o = f.apply(ins);
            List<Tensor> diffIns = new ArrayList<>();
            for (Tensor t : ins) if (t.requiresGrad()) diffIns.add(t);
            List<Tensor> g = Autograd.grad(o, diffIns, go, true, true, true);
            List<Tensor> r = new ArrayList<>();
            for (int k = 0; k < g.size(); k++) r.add(g.get(k) == null ? Torch.zerosLike(diffIns.get(k)) : g.get(k));
            return r;
        };
        List<Tensor> all = new ArrayList<>(inputs);
        all.addAll(gos);
        return gradcheck(firstOrder, all, EPS, ATOL, RTOL, raiseException);
    }
}
