package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * L-BFGS as PyTorch 1.13 runs it without a line search: each {@link #step(Supplier)} makes up to maxIter
 * quasi-Newton steps, re-evaluating the closure after each, with the two-loop recursion over the last
 * historySize curvature pairs. The arithmetic is PyTorch's, operation for operation: the scalars it keeps
 * as 0-dim tensors (ys, rho, H_diag, the step length) are 0-dim tensors here too, so float32 parameters
 * follow the same trajectory. lineSearchFn "strong_wolfe" runs PyTorch's bracketing and zoom line search
 * ({@link StrongWolfe}); its step lengths and curvature values are kept in double (PyTorch mixes 0-dim tensors
 * and Python floats there), which can differ from PyTorch's float32 runs in the last bits.
 *
 * <p>PyTorch: {@code torch.optim.LBFGS}.
 */
public class LBFGS extends Optimizer {
    private final List<Tensor> params;
    private final Map<String, Object> st = new LinkedHashMap<>();
    private final boolean lineSearch;

    /**
     * {@code torch.optim.LBFGS(params)}: lr 1, max_iter 20, max_eval 25, tolerance_grad 1e-7, tolerance_change 1e-9,
     * history_size 100, no line search.
     *
     * @param params the parameters to optimize, all in the one parameter group LBFGS allows
     * @throws IllegalArgumentException if params is empty ("optimizer got an empty parameter list"), holds a
     *     non-leaf tensor ("can't optimize a non-leaf Tensor") or the same tensor twice ("some parameters appear in
     *     more than one parameter group")
     */
    public LBFGS(Iterable<? extends Tensor> params) { this(params, 1.0); }

    /**
     * {@code torch.optim.LBFGS(params, lr)} with the other defaults.
     *
     * @param params the parameters to optimize
     * @param lr the learning rate (the step length without a line search; the first step length tried with one)
     * @throws IllegalArgumentException for the parameter list as {@link #LBFGS(Iterable)} says, or if lr is
     *     negative or NaN ("Invalid learning rate: -1.0")
     */
    public LBFGS(Iterable<? extends Tensor> params, double lr) { this(params, lr, 20, null, 1e-7, 1e-9, 100, null); }

    /**
     * {@code torch.optim.LBFGS(params, lr, max_iter, max_eval, tolerance_grad, tolerance_change, history_size,
     * line_search_fn)}.
     *
     * @param params the parameters to optimize
     * @param lr the learning rate (the step length without a line search; the first step length tried with one)
     * @param maxIter the most iterations one {@link #step(Supplier)} makes
     * @param maxEval the most closure evaluations one step makes, or null for {@code maxIter * 5 / 4}
     * @param toleranceGrad the step stops once the largest absolute gradient element is at most this
     * @param toleranceChange the step stops once the loss or the parameters change by less than this
     * @param historySize how many curvature pairs the two-loop recursion keeps
     * @param lineSearchFn null for a fixed step length, or "strong_wolfe"
     * @throws IllegalArgumentException for the parameter list as {@link #LBFGS(Iterable)} says, for a negative lr
     *     ("Invalid learning rate: -1.0"), or for another line search ("only 'strong_wolfe' is supported")
     */
    public LBFGS(Iterable<? extends Tensor> params, double lr, int maxIter, Integer maxEval, double toleranceGrad, double toleranceChange,
                 int historySize, String lineSearchFn) {
        super(params, defaults(lr, maxIter, maxEval == null ? maxIter * 5 / 4 : maxEval, toleranceGrad, toleranceChange, historySize,
                lineSearchFn));
        if (paramGroups.size() != 1) throw new IllegalArgumentException("LBFGS doesn't support per-parameter options (parameter groups)");
        if (lineSearchFn != null && !lineSearchFn.equals("strong_wolfe")) throw new IllegalArgumentException("only 'strong_wolfe' is supported");
        this.params = paramGroups.get(0).params();
        this.lineSearch = lineSearchFn != null;
    }

    private static Map<String, Object> defaults(double lr, int maxIter, int maxEval, double tolGrad, double tolChange, int history,
                                                String lineSearch) {
        checkNonNegative(lr, "learning rate");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("max_iter", maxIter);
        d.put("max_eval", maxEval);
        d.put("tolerance_grad", tolGrad);
        d.put("tolerance_change", tolChange);
        d.put("history_size", history);
        d.put("line_search_fn", lineSearch);
        return d;
    }

    /**
     * PyTorch's {@code optimizer.state[p]} for the first parameter, where LBFGS keeps all of its state.
     *
     * @return func_evals, n_iter, d, t, the history, ... by PyTorch's keys, read-only (empty before the first step)
     */
    public Map<String, Object> state() { return java.util.Collections.unmodifiableMap(st); }

    /** PyTorch keeps LBFGS's whole state under its first parameter. */
    @Override protected Map<String, Object> savedStateOf(Tensor p) {
        if (p != params.get(0) || st.isEmpty()) return null;
        Map<String, Object> saved = new LinkedHashMap<>(st);
        // after its first iteration PyTorch's t is the lr itself, the int 1 when lr is left at its default
        if (saved.get("t") instanceof Double t && t == 1 && paramGroups.get(0).lr() == 1) saved.put("t", 1L);
        return saved;
    }

    /** Counters back to Integer (a loaded file holds Longs), the number 1 for H_diag as PyTorch writes it. */
    @Override protected void restoreStateOf(Tensor p, Map<String, Object> s) {
        if (p != params.get(0)) return;
        st.clear();
        for (var e : s.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "func_evals", "n_iter" -> v = ((Number) v).intValue();
                case "t", "prev_loss" -> v = ((Number) v).doubleValue();
                default -> { }
            }
            st.put(e.getKey(), v);
        }
    }

    @Override protected void clearState() { st.clear(); }

    /**
     * Not available: LBFGS needs the closure, since it re-evaluates the loss several times per step.
     *
     * @throws IllegalStateException always ("LBFGS.step needs a closure that re-evaluates the model and returns the
     *     loss: step(closure)")
     */
    @Override public void step() {
        throw new IllegalStateException("LBFGS.step needs a closure that re-evaluates the model and returns the loss: step(closure)");
    }

    private Tensor flatGrad() {
        List<Tensor> views = new ArrayList<>(params.size());
        for (Tensor p : params) views.add(p.grad() == null ? Torch.zerosLike(p).reshape(-1) : p.grad().reshape(-1));
        return Torch.cat(views, 0);
    }

    private void addGrad(double stepSize, Tensor update) {
        long offset = 0;
        for (Tensor p : params) {
            long n = p.numel();
            p.add_(update.narrow(0, offset, n).viewAs(p), stepSize);
            offset += n;
        }
    }

    private List<Tensor> cloneParams() {
        List<Tensor> copy = new ArrayList<>(params.size());
        for (Tensor p : params) copy.add(p.clone());
        return copy;
    }

    private void setParams(List<Tensor> values) {
        for (int i = 0; i < params.size(); i++) params.get(i).copy_(values.get(i));
    }

    /** The loss and flat gradient at x + t d, leaving the parameters at x (PyTorch's _directional_evaluate). */
    private StrongWolfe.Point directionalEvaluate(Supplier<Tensor> closure, List<Tensor> x, double t, Tensor d) {
        addGrad(t, d);
        double loss = evaluate(closure);
        Tensor g = flatGrad();
        setParams(x);
        return new StrongWolfe.Point(loss, g);
    }

    private static double evaluate(Supplier<Tensor> closure) {
        try (var g = Torch.enableGrad()) {
            return closure.get().item();
        }
    }

    /**
     * {@code optimizer.step(closure)}: up to max_iter quasi-Newton iterations, stopping early on the tolerances or
     * max_eval closure evaluations; the closure runs with grad enabled and must zero the gradients, compute the
     * loss, call backward and return the loss.
     *
     * @param closure re-evaluates the model and returns the loss (a one-element tensor)
     * @return the loss of the closure's first evaluation in this step, as PyTorch returns {@code orig_loss}
     */
    @SuppressWarnings("unchecked")
    @Override public Tensor step(Supplier<Tensor> closure) {
        ParamGroup group = paramGroups.get(0);
        double lr = group.lr(), tolGrad = group.getDouble("tolerance_grad"), tolChange = group.getDouble("tolerance_change");
        int maxIter = ((Number) group.options().get("max_iter")).intValue(), maxEval = ((Number) group.options().get("max_eval")).intValue();
        int historySize = ((Number) group.options().get("history_size")).intValue();
        st.putIfAbsent("func_evals", 0);
        st.putIfAbsent("n_iter", 0);
        Tensor origLoss;
        try (var g = Torch.enableGrad()) {
            origLoss = closure.get();
        }
        try (var guard = Torch.noGrad()) {
            double loss = origLoss.item();
            int currentEvals = 1;
            st.put("func_evals", (Integer) st.get("func_evals") + 1);
            Tensor flatGrad = flatGrad();
            boolean optCond = flatGrad.abs().max().le(tolGrad).itemBool();
            if (optCond) return origLoss;
            Tensor d = (Tensor) st.get("d");
            double t = st.containsKey("t") ? (Double) st.get("t") : 0;
            List<Tensor> oldDirs = (List<Tensor>) st.get("old_dirs"), oldStps = (List<Tensor>) st.get("old_stps"),
                    ro = (List<Tensor>) st.get("ro");
            Tensor hDiag = st.get("H_diag") instanceof Tensor h ? h : null;  // null: PyTorch's number 1
            Tensor prevFlatGrad = (Tensor) st.get("prev_flat_grad");
            double prevLoss = st.containsKey("prev_loss") ? (Double) st.get("prev_loss") : 0;
            int nIter = 0;
            while (nIter < maxIter) {
                nIter++;
                int globalIter = (Integer) st.get("n_iter") + 1;
                st.put("n_iter", globalIter);
                if (globalIter == 1) {
                    d = flatGrad.neg();
                    oldDirs = new ArrayList<>();
                    oldStps = new ArrayList<>();
                    ro = new ArrayList<>();
                    hDiag = null;  // the number 1
                } else {
                    Tensor y = flatGrad.sub(prevFlatGrad), s = d.mul(t);
                    Tensor ys = y.dot(s);
                    if (ys.gt(1e-10).itemBool()) {
                        if (oldDirs.size() == historySize) {
                            oldDirs.remove(0);
                            oldStps.remove(0);
                            ro.remove(0);
                        }
                        oldDirs.add(y);
                        oldStps.add(s);
                        ro.add(ys.reciprocal().mul(1.0));
                        hDiag = ys.div(y.dot(y));
                    }
                    int numOld = oldDirs.size();
                    Tensor[] al = new Tensor[numOld];
                    // PyTorch keeps its al buffer (history_size slots) in the state; kept for state dicts only
                    List<Tensor> alSlots = (List<Tensor>) st.computeIfAbsent("al", k -> new ArrayList<>(java.util.Collections.nCopies(historySize, null)));
                    Tensor q = flatGrad.neg();
                    for (int i = numOld - 1; i >= 0; i--) {
                        al[i] = oldStps.get(i).dot(q).mul(ro.get(i));
                        if (i < alSlots.size()) alSlots.set(i, al[i]);
                        q.add_(oldDirs.get(i), -al[i].item());
                    }
                    Tensor r = hDiag == null ? q.mul(1L) : q.mul(hDiag);
                    d = r;
                    for (int i = 0; i < numOld; i++) {
                        Tensor be = oldDirs.get(i).dot(r).mul(ro.get(i));
                        r.add_(oldStps.get(i), al[i].sub(be).item());
                    }
                }
                if (prevFlatGrad == null) prevFlatGrad = flatGrad.clone();
                else prevFlatGrad.copy_(flatGrad);
                prevLoss = loss;
                if (globalIter == 1) {
                    Tensor inv = flatGrad.abs().sum().reciprocal().mul(1.0);
                    t = inv.lt(1.0).itemBool() ? inv.mul(lr).item() : lr;  // min(1., 1/|g|_1) * lr
                } else {
                    t = lr;
                }
                Tensor gtd = flatGrad.dot(d);
                if (gtd.gt(-tolChange).itemBool()) break;
                int lsEvals = 0;
                if (lineSearch) {
                    List<Tensor> x0 = cloneParams();
                    Tensor dir = d;
                    StrongWolfe.Result ls = StrongWolfe.search((tt, dd) -> directionalEvaluate(closure, x0, tt, dd), t, dir, loss,
                            flatGrad, gtd.item(), tolChange, 25);
                    loss = ls.loss();
                    flatGrad = ls.grad();
                    t = ls.t();
                    lsEvals = ls.evaluations();
                    addGrad(t, d);
                    optCond = flatGrad.abs().max().le(tolGrad).itemBool();
                } else {
                    addGrad(t, d);
                    if (nIter != maxIter) {
                        loss = evaluate(closure);
                        flatGrad = flatGrad();
                        optCond = flatGrad.abs().max().le(tolGrad).itemBool();
                        lsEvals = 1;
                    }
                }
                currentEvals += lsEvals;
                st.put("func_evals", (Integer) st.get("func_evals") + lsEvals);
                if (nIter == maxIter) break;
                if (currentEvals >= maxEval) break;
                if (optCond) break;
                if (d.mul(t).abs().max().le(tolChange).itemBool()) break;
                if (Math.abs(loss - prevLoss) < tolChange) break;
            }
            st.put("d", d);
            st.put("t", t);
            st.put("old_dirs", oldDirs);
            st.put("old_stps", oldStps);
            st.put("ro", ro);
            st.put("H_diag", hDiag != null ? hDiag : (Object) 1L);
            st.put("prev_flat_grad", prevFlatGrad);
            st.put("prev_loss", prevLoss);
        }
        return origLoss;
    }
}
