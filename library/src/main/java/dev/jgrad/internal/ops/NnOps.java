package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.backend.ActivationOp;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.RandomOp;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Overlap;
import dev.jgrad.internal.core.Promotion;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;

/**
 * The nn primitives behind {@link Tensor}'s and {@link Torch}'s nn methods (softmax family, activations,
 * gathering, addmm, random fills, optimizer arithmetic; losses are in {@link NnLosses}, normalisation in
 * {@link NnNorms}, convolution and pooling in {@link ConvOps}). Each op checks its arguments with
 * PyTorch's messages, runs its backend kernel inside a profiler event, then records its row in
 * {@link Derivatives}. Ops PyTorch itself composes (cross_entropy, dropout,
 * l1_loss) are composed in {@code dev.jgrad.nn.functional.F} instead.
 */
public final class NnOps {
    private NnOps() {}

    // ---------------------------------------------------------------- helpers

    public static void requireFloat(Tensor t, String kernel) {
        if (!t.isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + t.dtype().scalarTypeName() + "'");
        }
    }

    public static int product(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= shape[i];
        return p;
    }

    public static int reductionCode(String reduction) {
        return switch (reduction) {
            case "none" -> 0;
            case "mean" -> 1;
            case "sum" -> 2;
            default -> throw new IllegalArgumentException(reduction + " is not a valid value for reduction");
        };
    }


    // ---------------------------------------------------------------- softmax family

    public static Tensor softmax(Tensor x, int dim, boolean log) {
        try (var ev = Profiler.isActive() ? Profiler.enter(log ? "aten::_log_softmax" : "aten::_softmax", x) : null) {
            requireFloat(x, log ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl");
            int nd = Math.max(1, x.dim()), d = Shapes.wrapDim(dim, nd);
            Tensor out = Dispatch.empty(x, shape(x), x.dtype());
            Dispatch.backend(x).softmax(Dispatch.view(x), d, log, Dispatch.view(out));
            return Derivatives.softmax(out, x, d, log);
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

    // ---------------------------------------------------------------- activations

    public static Tensor gelu(Tensor x, String approximate) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::gelu", x) : null) {
            boolean tanh = switch (approximate) {
                case "none" -> false;
                case "tanh" -> true;
                default -> throw new IllegalArgumentException("approximate argument must be either none or tanh.");
            };
            requireFloat(x, "GeluKernelImpl");
            return Derivatives.activation(tanh ? "gelu_tanh" : "gelu", activation(tanh ? ActivationOp.GELU_TANH : ActivationOp.GELU, x, 0), x, 0);
        }
    }

    public static Tensor silu(Tensor x) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::silu", x) : null) {
            requireFloat(x, "silu_cpu");
            return Derivatives.activation("silu", activation(ActivationOp.SILU, x, 0), x, 0);
        }
    }

    public static Tensor leakyRelu(Tensor x, double slope) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::leaky_relu", x) : null) {
            requireFloat(x, "leaky_relu_cpu");
            return Derivatives.activation("leaky_relu", activation(ActivationOp.LEAKY_RELU, x, slope), x, slope);
        }
    }

    private static Tensor activation(ActivationOp op, Tensor x, double param) {
        Tensor out = Dispatch.empty(x, shape(x), x.dtype());
        Dispatch.backend(x).activation(op, param, Dispatch.view(x), Dispatch.view(out));
        return out;
    }

    // ---------------------------------------------------------------- gathering

    public static Tensor indexSelect(Tensor self, int dim, Tensor index) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::index_select", self, index) : null) {
            Checks.tensor(index, "index_select", "index", 2);
            if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32) {
                throw new IllegalArgumentException("index_select(): Expected dtype int32 or int64 for index");
            }
            if (index.dim() > 1) throw new IllegalArgumentException("index_select(): Index is supposed to be a vector");
            int nd = Math.max(1, self.dim()), d = Shapes.wrapDim(dim, nd);
            int[] s = self.dim() == 0 ? new int[] {1} : shape(self);
            int count = numel(index);
            int[] outShape = s.clone();
            outShape[d] = count;
            if (self.dim() == 0) outShape = index.dim() == 0 ? new int[0] : new int[] {count};
            Tensor out = Dispatch.empty(self, outShape, self.dtype());
            Dispatch.backend(self, index).indexSelect(Dispatch.view(self), d, Dispatch.view(index), Dispatch.view(out));
            return Derivatives.indexSelect(out, self, d, index.dim() == 0 ? index.reshape(1) : index);
        }
    }

    public static Tensor embedding(Tensor weight, Tensor indices, long paddingIdx) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::embedding", weight, indices) : null) {
            if (indices.dtype() != DType.INT64 && indices.dtype() != DType.INT32) {
                throw new IllegalArgumentException("Expected tensor for argument #1 'indices' to have one of the following scalar types: "
                        + "Long, Int; but got " + indices.dtype().legacyTensorTypeName() + " instead (while checking arguments for embedding)");
            }
            if (weight.dim() != 2) throw new IllegalArgumentException("'weight' must be 2-D");
            int e = shape(weight)[1];
            int[] outShape = Arrays.copyOf(shape(indices), indices.dim() + 1);
            outShape[indices.dim()] = e;
            Tensor out = Dispatch.empty(weight, outShape, weight.dtype());
            Dispatch.backend(weight, indices).embedding(Dispatch.view(weight), Dispatch.view(indices), Dispatch.view(out));
            return Derivatives.embedding(out, weight, indices.toLong(), paddingIdx);
        }
    }

    // ---------------------------------------------------------------- linear

    /** bias + mat1 @ mat2 in one GEMM that starts from the broadcast bias. */
    public static Tensor addmm(Tensor self, Tensor m1, Tensor m2) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::addmm", self, m1, m2) : null) {
            Checks.tensor(m1, "addmm", "mat1", 1);
            Checks.tensor(m2, "addmm", "mat2", 2);
            if (m1.dim() != 2) throw new IllegalArgumentException("mat1 must be a matrix, got " + m1.dim() + "-D tensor");
            if (m2.dim() != 2) throw new IllegalArgumentException("mat2 must be a matrix, got " + m2.dim() + "-D tensor");
            if (shape(m1)[1] != shape(m2)[0]) {
                throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + shape(m1)[0] + "x" + shape(m1)[1]
                        + " and " + shape(m2)[0] + "x" + shape(m2)[1] + ")");
            }
            DType t = m1.dtype();
            if (m2.dtype() != t || self.dtype() != t) {
                throw new IllegalArgumentException("expected scalar type " + t.scalarTypeName() + " but found "
                        + (m2.dtype() != t ? m2.dtype() : self.dtype()).scalarTypeName());
            }
            if (!t.isFloatingPoint()) return m1.mm(m2).add(self);
            int n = shape(m1)[0], m = shape(m2)[1], k = shape(m1)[1];
            int[] shape = {n, m};
            int[] target = Shapes.broadcast(shape(self), shape);
            if (!Arrays.equals(target, shape)) {
                throw new IllegalArgumentException("The expanded size of the tensor (" + m + ") must match the existing size ("
                        + shape(self)[self.dim() - 1] + ") at non-singleton dimension 1.  Target sizes: [" + n + ", " + m
                        + "].  Tensor sizes: " + Shapes.format(shape(self)));
            }
            Backend be = Dispatch.backend(self, m1, m2);
            Tensor out = Dispatch.empty(be, shape, t, m1.device());
            Copying.copyElements(out, self);  // the bias broadcast into every row, then the product adds to it
            be.matmul(Dispatch.view(m1), Dispatch.view(m2), Dispatch.view(out), true);
            return Derivatives.addmm(out, self, m1, m2);
        }
    }

    // ---------------------------------------------------------------- random fills and optimizer arithmetic

    public static Tensor bernoulli_(Tensor self, double p, Generator gen) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::bernoulli_", self) : null) {
            if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + Checks.cppDouble(p));
            return fillRandom(self, RandomOp.BERNOULLI, gen, p, 0);
        }
    }

    public static Tensor uniform_(Tensor self, double from, double to, Generator gen) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::uniform_", self) : null) {
            requireFloat(self, "check_uniform_bounds");
            return fillRandom(self, RandomOp.UNIFORM, gen, from, to);
        }
    }

    public static Tensor normal_(Tensor self, double mean, double std, Generator gen) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::normal_", self) : null) {
            requireFloat(self, "normal_kernel_cpu");
            return fillRandom(self, RandomOp.NORMAL, gen, mean, std);
        }
    }

    private static Tensor fillRandom(Tensor self, RandomOp op, Generator gen, double a, double b) {
        if (numel(self) > 0) Dispatch.backend(self).random(op, gen, a, b, Dispatch.view(self));
        storage(self).bumpVersion();
        return self;
    }

    /** self += value * t1 * t2 (or / t2), computed in self's dtype in PyTorch's order. */
    public static Tensor addc_(Tensor self, Tensor t1, Tensor t2, double value, boolean mul) {
        try (var ev = Profiler.isActive() ? Profiler.enter(mul ? "aten::addcmul_" : "aten::addcdiv_", self, t1, t2) : null) {
            requireFloat(self, mul ? "addcmul_cpu_out" : "addcdiv_cpu_out");
            Overlap.checkWritable(self);
            long[] shape = self.shape();
            Tensor a = Views.expand(Copying.convert(t1, self.dtype()), shape);
            Tensor b = Views.expand(Copying.convert(t2, self.dtype()), shape);
            Dispatch.backend(self, a, b).fusedUpdate(mul, value, Dispatch.view(a), Dispatch.view(b), Dispatch.view(self));
            storage(self).bumpVersion();
            return self;
        }
    }

}
