package dev.jgrad;

import dev.jgrad.autograd.Derivatives;
import dev.jgrad.backend.cpu.Gemm;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;

/**
 * The nn primitives behind {@link Tensor}'s and {@link Torch}'s nn methods (softmax family, activations,
 * gathering, addmm, random fills, optimizer arithmetic; losses are in {@link NnLosses}, normalisation in
 * {@link NnNorms}, convolution and pooling in {@link ConvOps}). Each op checks its arguments with
 * PyTorch's messages, runs its kernel ({@link NnKernels}, {@link Convolution}) inside a profiler event,
 * then records its row in {@link Derivatives}. Ops PyTorch itself composes (cross_entropy, dropout,
 * l1_loss) are composed in {@code dev.jgrad.nn.functional.F} instead.
 */
final class NnOps {
    private NnOps() {}

    // ---------------------------------------------------------------- helpers

    static Tensor fromDoubles(double[] v, int[] shape, DType dtype) {
        Storage s = Storage.allocate(dtype, v.length);
        if (dtype == DType.FLOAT32) {
            float[] f = (float[]) s.data;
            for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        } else {
            System.arraycopy(v, 0, s.data, 0, v.length);
        }
        return Tensor.contiguousOf(s, shape);
    }

    static void requireFloat(Tensor t, String kernel) {
        if (!t.isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + t.dtype().scalarTypeName() + "'");
        }
    }

    static int product(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= shape[i];
        return p;
    }

    static double[] doubles(Tensor t) { return t == null ? null : t.toDoubleArray(); }

    static int reductionCode(String reduction) {
        return switch (reduction) {
            case "none" -> 0;
            case "mean" -> 1;
            case "sum" -> 2;
            default -> throw new IllegalArgumentException(reduction + " is not a valid value for reduction");
        };
    }


    // ---------------------------------------------------------------- softmax family

    static Tensor softmax(Tensor x, int dim, boolean log) {
        try (var ev = Profiler.isActive() ? Profiler.enter(log ? "aten::_log_softmax" : "aten::_softmax", x) : null) {
            requireFloat(x, log ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl");
            int nd = Math.max(1, x.dim()), d = Shapes.wrapDim(dim, nd);
            int[] s = x.dim() == 0 ? new int[] {1} : x.shape;
            double[] v = x.toDoubleArray();
            NnKernels.softmax(v, product(s, 0, d), s[d], product(s, d + 1, s.length), log);
            return Derivatives.softmax(fromDoubles(v, x.shape, x.dtype()), x, d, log);
        }
    }

    static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::logsumexp", x) : null) {
            int nd = x.dim();
            if (!x.isFloatingPoint()) x = x.to(Promotion.DEFAULT_FLOAT);  // PyTorch promotes integral inputs
            boolean[] reduced = new boolean[Math.max(nd, 1)];
            for (int d : dims) reduced[Shapes.wrapDim(d, Math.max(nd, 1))] = true;
            if (dims.length == 0) Arrays.fill(reduced, true);
            // move the reduced dims last so the kernel sees (outer, size, 1)
            int[] perm = new int[nd];
            int p = 0, size = 1, outer = 1;
            int[] keptShape = new int[nd], resultShape;
            int kept = 0;
            for (int i = 0; i < nd; i++) if (!reduced[i]) { perm[p++] = i; outer *= x.shape[i]; keptShape[kept++] = x.shape[i]; }
            for (int i = 0; i < nd; i++) if (reduced[i]) { perm[p++] = i; size *= x.shape[i]; }
            if (keepdim) {
                resultShape = x.shape.clone();
                for (int i = 0; i < nd; i++) if (reduced[i]) resultShape[i] = 1;
            } else {
                resultShape = Arrays.copyOf(keptShape, kept);
            }
            double[] v = Copying.clone(Views.permute(x, perm)).toDoubleArray();
            double[] r = NnKernels.logsumexp(v, outer, size, 1);
            int[] wrapped = new int[dims.length == 0 ? nd : dims.length];
            for (int i = 0, j = 0; i < nd; i++) if (reduced[i]) wrapped[j++] = i;
            return Derivatives.logsumexp(fromDoubles(r, resultShape, x.dtype()), x, wrapped, keepdim);
        }
    }

    // ---------------------------------------------------------------- activations

    static Tensor gelu(Tensor x, String approximate) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::gelu", x) : null) {
            boolean tanh = switch (approximate) {
                case "none" -> false;
                case "tanh" -> true;
                default -> throw new IllegalArgumentException("approximate argument must be either none or tanh.");
            };
            requireFloat(x, "GeluKernelImpl");
            double[] v = x.toDoubleArray();
            NnKernels.gelu(v, tanh);
            return Derivatives.activation(tanh ? "gelu_tanh" : "gelu", fromDoubles(v, x.shape, x.dtype()), x, 0);
        }
    }

    static Tensor silu(Tensor x) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::silu", x) : null) {
            requireFloat(x, "silu_cpu");
            double[] v = x.toDoubleArray();
            NnKernels.silu(v);
            return Derivatives.activation("silu", fromDoubles(v, x.shape, x.dtype()), x, 0);
        }
    }

    static Tensor leakyRelu(Tensor x, double slope) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::leaky_relu", x) : null) {
            requireFloat(x, "leaky_relu_cpu");
            double[] v = x.toDoubleArray();
            NnKernels.leakyRelu(v, slope);
            return Derivatives.activation("leaky_relu", fromDoubles(v, x.shape, x.dtype()), x, slope);
        }
    }

    // ---------------------------------------------------------------- gathering

    static Tensor indexSelect(Tensor self, int dim, Tensor index) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::index_select", self, index) : null) {
            Checks.tensor(index, "index_select", "index", 2);
            if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32) {
                throw new IllegalArgumentException("index_select(): Expected dtype int32 or int64 for index");
            }
            if (index.dim() > 1) throw new IllegalArgumentException("index_select(): Index is supposed to be a vector");
            int nd = Math.max(1, self.dim()), d = Shapes.wrapDim(dim, nd);
            int[] s = self.dim() == 0 ? new int[] {1} : self.shape;
            long[] idx = index.toLongArray();
            int[] outShape = s.clone();
            outShape[d] = idx.length;
            if (self.dim() == 0) outShape = index.dim() == 0 ? new int[0] : new int[] {idx.length};
            Tensor src = Copying.dense(self, self.dtype());
            Tensor out = Tensor.contiguousOf(Storage.allocate(self.dtype(), Shapes.numel(outShape)), outShape);
            NnKernels.indexSelect(src.storage.data, out.storage.data, self.dtype(), idx, product(s, 0, d), s[d], product(s, d + 1, s.length), 0);
            return Derivatives.indexSelect(out, self, d, index.dim() == 0 ? index.reshape(1) : index);
        }
    }

    static Tensor embedding(Tensor weight, Tensor indices, long paddingIdx) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::embedding", weight, indices) : null) {
            if (indices.dtype() != DType.INT64 && indices.dtype() != DType.INT32) {
                throw new IllegalArgumentException("Expected tensor for argument #1 'indices' to have one of the following scalar types: "
                        + "Long, Int; but got " + indices.dtype().legacyTensorTypeName() + " instead (while checking arguments for embedding)");
            }
            if (weight.dim() != 2) throw new IllegalArgumentException("'weight' must be 2-D");
            long[] idx = indices.toLongArray();
            int v = weight.shape[0], e = weight.shape[1];
            int[] outShape = Arrays.copyOf(indices.shape, indices.dim() + 1);
            outShape[indices.dim()] = e;
            Tensor src = Copying.dense(weight, weight.dtype());
            Tensor out = Tensor.contiguousOf(Storage.allocate(weight.dtype(), Shapes.numel(outShape)), outShape);
            for (long k : idx) if (k < 0 || k >= v) throw new IllegalArgumentException("index out of range in self");
            NnKernels.indexSelect(src.storage.data, out.storage.data, weight.dtype(), idx, 1, v, e, 0);
            return Derivatives.embedding(out, weight, indices.toLong(), paddingIdx);
        }
    }

    // ---------------------------------------------------------------- linear

    /** bias + mat1 @ mat2 in one GEMM that starts from the broadcast bias. */
    static Tensor addmm(Tensor self, Tensor m1, Tensor m2) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::addmm", self, m1, m2) : null) {
            Checks.tensor(m1, "addmm", "mat1", 1);
            Checks.tensor(m2, "addmm", "mat2", 2);
            if (m1.dim() != 2) throw new IllegalArgumentException("mat1 must be a matrix, got " + m1.dim() + "-D tensor");
            if (m2.dim() != 2) throw new IllegalArgumentException("mat2 must be a matrix, got " + m2.dim() + "-D tensor");
            if (m1.shape[1] != m2.shape[0]) {
                throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + m1.shape[0] + "x" + m1.shape[1]
                        + " and " + m2.shape[0] + "x" + m2.shape[1] + ")");
            }
            DType t = m1.dtype();
            if (m2.dtype() != t || self.dtype() != t) {
                throw new IllegalArgumentException("expected scalar type " + t.scalarTypeName() + " but found "
                        + (m2.dtype() != t ? m2.dtype() : self.dtype()).scalarTypeName());
            }
            if (!t.isFloatingPoint()) return m1.mm(m2).add(self);
            int n = m1.shape[0], m = m2.shape[1], k = m1.shape[1];
            int[] shape = {n, m};
            int[] target = Shapes.broadcast(self.shape, shape);
            if (!Arrays.equals(target, shape)) {
                throw new IllegalArgumentException("The expanded size of the tensor (" + m + ") must match the existing size ("
                        + self.shape[self.dim() - 1] + ") at non-singleton dimension 1.  Target sizes: [" + n + ", " + m
                        + "].  Tensor sizes: " + Shapes.format(self.shape));
            }
            Tensor out = Tensor.contiguousOf(Storage.allocate(t, n * m), shape);
            if (self.numel() == m && self.isContiguous() && self.shape[self.dim() - 1] == m) {  // a bias row copied into each output row
                for (int i = 0; i < n; i++) System.arraycopy(self.storage.data, self.offset, out.storage.data, i * m, m);
            } else {
                Copying.copyElements(out, self);
            }
            if (t == DType.FLOAT32) {
                Gemm.sgemm(n, m, k, (float[]) m1.storage.data, m1.offset, m1.stride[0], m1.stride[1], (float[]) m2.storage.data, m2.offset,
                        m2.stride[0], m2.stride[1], (float[]) out.storage.data, 0, m, true);
            } else {
                Gemm.dgemm(n, m, k, (double[]) m1.storage.data, m1.offset, m1.stride[0], m1.stride[1], (double[]) m2.storage.data, m2.offset,
                        m2.stride[0], m2.stride[1], (double[]) out.storage.data, 0, m, true);
            }
            return Derivatives.addmm(out, self, m1, m2);
        }
    }

    // ---------------------------------------------------------------- random fills and optimizer arithmetic

    static Tensor bernoulli_(Tensor self, double p, Generator gen) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::bernoulli_", self) : null) {
            if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + Generator.cppDouble(p));
            int n = self.storage.size == 0 ? 0 : Shapes.numel(self.shape);
            double[] v = new double[n];
            synchronized (gen) {  // one lock for the whole fill; each draw re-enters it cheaply
                for (int i = 0; i < n; i++) v[i] = gen.nextUniformDouble() < p ? 1 : 0;
            }
            return writeRandom(self, v);
        }
    }

    static Tensor uniform_(Tensor self, double from, double to, Generator gen) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::uniform_", self) : null) {
            requireFloat(self, "check_uniform_bounds");
            Tensor t = self.isContiguous() ? self : Copying.clone(self);
            int n = Shapes.numel(self.shape);
            if (t.dtype() == DType.FLOAT32) gen.uniform((float[]) t.storage.data, t.offset, n, from, to);
            else gen.uniform((double[]) t.storage.data, t.offset, n, from, to);
            return finishRandom(self, t);
        }
    }

    static Tensor normal_(Tensor self, double mean, double std, Generator gen) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::normal_", self) : null) {
            requireFloat(self, "normal_kernel_cpu");
            Tensor t = self.isContiguous() ? self : Copying.clone(self);
            int n = Shapes.numel(self.shape);
            if (t.dtype() == DType.FLOAT32) gen.normal((float[]) t.storage.data, t.offset, n, mean, std);
            else gen.normal((double[]) t.storage.data, t.offset, n, mean, std);
            return finishRandom(self, t);
        }
    }

    private static Tensor finishRandom(Tensor self, Tensor filled) {
        if (filled != self) Copying.copyElements(self, filled);
        self.storage.version++;
        return self;
    }

    private static Tensor writeRandom(Tensor self, double[] v) {
        Copying.copyElements(self, Tensor.contiguousOf(Storage.wrap(v), self.shape));
        self.storage.version++;
        return self;
    }

    /** self += value * t1 * t2 (or / t2), computed in self's dtype in PyTorch's order. */
    static Tensor addc_(Tensor self, Tensor t1, Tensor t2, double value, boolean mul) {
        try (var ev = Profiler.isActive() ? Profiler.enter(mul ? "aten::addcmul_" : "aten::addcdiv_", self, t1, t2) : null) {
            requireFloat(self, mul ? "addcmul_cpu_out" : "addcdiv_cpu_out");
            Overlap.checkWritable(self);
            long[] shape = self.shape();
            Tensor a = Copying.dense(Views.expand(Copying.convert(t1, self.dtype()), shape), self.dtype());
            Tensor b = Copying.dense(Views.expand(Copying.convert(t2, self.dtype()), shape), self.dtype());
            Tensor s = self.isContiguous() ? self : Copying.clone(self);
            int n = Shapes.numel(self.shape);
            if (self.dtype() == DType.FLOAT32) {
                float[] sd = (float[]) s.storage.data, ad = (float[]) a.storage.data, bd = (float[]) b.storage.data;
                int so = s.offset;
                dev.jgrad.backend.cpu.Parallel.forRange(n, dev.jgrad.backend.cpu.Parallel.ELEMENTWISE_GRAIN, (from, to) ->
                        NnKernels.addcFloat(sd, so + from, ad, from, bd, from, to - from, (float) value, mul));
            } else {
                NnKernels.addcDouble((double[]) s.storage.data, s.offset, (double[]) a.storage.data, 0, (double[]) b.storage.data, 0, n, value, mul);
            }
            return finishRandom(self, s);
        }
    }

}
