package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Promotion;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;

/** softmax, log_softmax and logsumexp: one backend kernel each, computed without overflow for large logits. */
public final class Softmax {
    private Softmax() {}

    public static Tensor softmax(Tensor x, int dim, boolean log) {
        try (var ev = Profiler.isActive() ? Profiler.enter(log ? "aten::_log_softmax" : "aten::_softmax", x) : null) {
            Checks.requireFloat(x, log ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl");
            int nd = Math.max(1, x.dim()), d = Shapes.wrapDim(dim, nd);
            Tensor out = Dispatch.empty(x, shape(x), x.dtype());
            Dispatch.backend(x).softmax(Dispatch.view(x), d, log, Dispatch.view(out));
            return Derivatives.softmax(out, x, d, log);
        }
    }

    /** softmax's (log_softmax's) backward from its result y along dim, no recording (_softmax_backward_data). */
    public static Tensor softmaxBackward(Tensor g, Tensor y, int dim, boolean log) {
        String name = log ? "aten::_log_softmax_backward_data" : "aten::_softmax_backward_data";
        try (var ev = Profiler.isActive() ? Profiler.enter(name, g, y) : null) {
            int d = Shapes.wrapDim(dim, Math.max(1, y.dim()));
            Tensor out = Dispatch.empty(y, shape(y), y.dtype());
            Dispatch.backend(g, y).softmaxBackward(Dispatch.view(g), Dispatch.view(y), d, log, Dispatch.view(out));
            return out;
        }
    }

    public static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::logsumexp", x) : null) {
            int nd = x.dim();
            if (!x.isFloatingPoint()) x = x.to(Promotion.DEFAULT_FLOAT);  // PyTorch promotes integral inputs
            boolean[] reduced = new boolean[Math.max(nd, 1)];
            for (int d : dims) reduced[Shapes.wrapDim(d, Math.max(nd, 1))] = true;
            if (dims.length == 0) Arrays.fill(reduced, true);
            int[] resultShape = Reductions.keptShape(shape(x), reduced.length == nd ? reduced : new boolean[0], keepdim);
            Tensor out = Dispatch.empty(x, resultShape, x.dtype());
            Dispatch.backend(x).logsumexp(Dispatch.view(x), reduced.length == nd ? reduced : new boolean[] {true}, Dispatch.view(out));
            int[] wrapped = new int[dims.length == 0 ? nd : dims.length];
            for (int i = 0, j = 0; i < nd; i++) if (reduced[i]) wrapped[j++] = i;
            return Derivatives.logsumexp(out, x, wrapped, keepdim);
        }
    }

}
