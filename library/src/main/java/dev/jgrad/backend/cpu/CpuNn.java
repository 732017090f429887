package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.backend.ActivationOp;
import dev.jgrad.backend.View;

/**
 * CPU kernels behind the nn ops and the index ops. The nn math runs over double copies (every float32
 * value converts to double exactly, accumulators are double, one rounding happens at the end); see
 * {@link NnKernels}.
 */
final class CpuNn {
    private CpuNn() {}

    static void activation(ActivationOp op, double param, View x, View out) {
        if (op == ActivationOp.GELU && x.dtype() == DType.FLOAT32 && out.dtype() == DType.FLOAT32) {
            geluFloat(x, out);
            return;
        }
        double[] v = CpuBackend.doubles(x);
        switch (op) {
            case GELU -> NnKernels.gelu(v, false);
            case GELU_TANH -> NnKernels.gelu(v, true);
            case SILU -> NnKernels.silu(v);
            // float32: the slope rounded to float, as PyTorch's kernel multiplies (the double product of two floats is exact)
            case LEAKY_RELU -> NnKernels.leakyRelu(v, x.dtype() == DType.FLOAT32 ? (float) param : param);
        }
        CpuBackend.write(v, out);
    }

    /** float32 gelu without a double copy of the tensor: contiguous runs split over threads ({@link ErfMath}'s bits). */
    private static void geluFloat(View x, View out) {
        int n = out.numel();
        if (n == 0) return;
        View xd = x.isContiguous() ? x : CpuBackend.dense(x, DType.FLOAT32);
        View od = out.isContiguous() ? out : CpuBackend.dense(out, DType.FLOAT32);
        float[] a = (float[]) ArrayStorage.data(xd), c = (float[]) ArrayStorage.data(od);
        int ao = xd.offset(), co = od.offset();
        Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN / 8, (from, to) -> NnKernels.geluFloat(a, ao + from, c, co + from, to - from));
        if (od != out) CpuBackend.INSTANCE.copy(od, out);
    }

    /**
     * gelu's backward (the exact form) in one pass: out = grad (Phi(self) + self phi(self)); grad, self and out
     * have one shape and one floating dtype.
     */
    static void geluBackward(View grad, View self, View out) {
        int n = out.numel();
        if (n == 0) return;
        if (out.dtype() == DType.FLOAT32) {
            View gd = grad.isContiguous() ? grad : CpuBackend.dense(grad, DType.FLOAT32);
            View xd = self.isContiguous() ? self : CpuBackend.dense(self, DType.FLOAT32);
            View od = out.isContiguous() ? out : CpuBackend.dense(out, DType.FLOAT32);
            float[] g = (float[]) ArrayStorage.data(gd), x = (float[]) ArrayStorage.data(xd), o = (float[]) ArrayStorage.data(od);
            int go = gd.offset(), xo = xd.offset(), oo = od.offset();
            Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN / 8, (from, to) ->
                    NnKernels.geluBackwardFloat(g, go + from, x, xo + from, o, oo + from, to - from));
            if (od != out) CpuBackend.INSTANCE.copy(od, out);
        } else {
            double[] g = CpuBackend.doubles(grad);
            NnKernels.geluBackward(g, CpuBackend.doubles(self));
            CpuBackend.write(g, out);
        }
    }

    static void fusedUpdate(boolean mul, double value, View t1, View t2, View self) {
        View s = self.isContiguous() ? self : CpuBackend.dense(self, self.dtype());
        View a = CpuBackend.dense(t1, self.dtype()), b = CpuBackend.dense(t2, self.dtype());
        int n = self.numel();
        if (self.dtype() == DType.FLOAT32) {
            float[] sd = (float[]) ArrayStorage.data(s), ad = (float[]) ArrayStorage.data(a), bd = (float[]) ArrayStorage.data(b);
            int so = s.offset();
            Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN, (from, to) ->
                    NnKernels.addcFloat(sd, so + from, ad, from, bd, from, to - from, (float) value, mul));
        } else {
            NnKernels.addcDouble((double[]) ArrayStorage.data(s), s.offset(), (double[]) ArrayStorage.data(a), 0,
                    (double[]) ArrayStorage.data(b), 0, n, value, mul);
        }
        if (s != self) CpuBackend.INSTANCE.copy(s, self);
    }

    /** out = self &lt;= threshold ? 0 : grad (a NaN in self lets grad through, as in PyTorch); float32 or float64. */
    static void thresholdBackward(double threshold, View grad, View self, View out) {
        int n = out.numel();
        if (n == 0) return;
        boolean flat = grad.isContiguous() && self.isContiguous() && out.isContiguous();
        if (out.dtype() == DType.FLOAT32) {
            float[] g = (float[]) ArrayStorage.data(grad), x = (float[]) ArrayStorage.data(self), o = (float[]) ArrayStorage.data(out);
            float t = (float) threshold;
            if (flat) {
                int go = grad.offset(), xo = self.offset(), oo = out.offset();
                Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN, (from, to) ->
                        NnKernels.thresholdBackwardFloat(t, g, go + from, x, xo + from, o, oo + from, to - from));
            } else {
                StridedIter it = new StridedIter(out.shape(), grad.strides(), self.strides(), out.strides());
                int gs = it.innerStride(0), xs = it.innerStride(1), os = it.innerStride(2);
                it.forAllRows(new int[] {grad.offset(), self.offset(), out.offset()}, (offs, len) -> {
                    for (int i = 0; i < len; i++) o[offs[2] + i * os] = x[offs[1] + i * xs] <= t ? 0f : g[offs[0] + i * gs];
                });
            }
        } else {
            double[] g = (double[]) ArrayStorage.data(grad), x = (double[]) ArrayStorage.data(self), o = (double[]) ArrayStorage.data(out);
            StridedIter it = new StridedIter(out.shape(), grad.strides(), self.strides(), out.strides());
            int gs = it.innerStride(0), xs = it.innerStride(1), os = it.innerStride(2);
            it.forAllRows(new int[] {grad.offset(), self.offset(), out.offset()}, (offs, len) -> {
                for (int i = 0; i < len; i++) o[offs[2] + i * os] = x[offs[1] + i * xs] <= threshold ? 0.0 : g[offs[0] + i * gs];
            });
        }
    }

    static void binaryCrossEntropy(View input, View target, View out) {
        double[] p = CpuBackend.doubles(input), y = CpuBackend.doubles(target);
        double[] loss = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) throw new IllegalArgumentException("all elements of input should be between 0 and 1");
            loss[i] = (y[i] - 1) * Math.max(Math.log1p(-p[i]), -100) - y[i] * Math.max(Math.log(p[i]), -100);
        }
        CpuBackend.write(loss, out);
    }

    // ---------------------------------------------------------------- indexing

    static void indexSelect(View self, int d, View index, View out) {
        int[] s = self.dim() == 0 ? new int[] {1} : self.shape();
        long[] idx = (long[]) CpuBackend.INSTANCE.toHost(index, DType.INT64);
        View src = CpuBackend.dense(self, self.dtype());
        NnKernels.indexSelect(ArrayStorage.data(src), ArrayStorage.data(out), self.dtype(), idx,
                CpuReductions.product(s, 0, d), s[d], CpuReductions.product(s, d + 1, s.length), 0, self.dim() > 1 && d == 1);
    }

    static void embedding(View weight, View indices, View out) {
        long[] idx = (long[]) CpuBackend.INSTANCE.toHost(indices, DType.INT64);
        int v = weight.shape()[0], e = weight.shape()[1];
        for (long k : idx) if (k < 0 || k >= v) throw new IllegalArgumentException("index out of range in self");
        View src = CpuBackend.dense(weight, weight.dtype());
        NnKernels.indexSelect(ArrayStorage.data(src), ArrayStorage.data(out), weight.dtype(), idx, 1, v, e, 0, false);
    }

    static void gather(View self, int dim, View index, View out) {
        Object src = ArrayStorage.data(self), dst = ArrayStorage.data(out);
        DType t = self.dtype();
        walk(self, dim, index, (pos, srcOff) -> copyElement(src, srcOff, dst, pos, t));
    }

    static void scatterAdd(View out, int dim, View index, View src) {
        View s = CpuBackend.dense(src, out.dtype());
        Object sd = ArrayStorage.data(s), dst = ArrayStorage.data(out);
        DType t = out.dtype();
        walk(out, dim, index, (pos, dstOff) -> addElement(sd, pos, dst, dstOff, t));
    }

    static void scatter(View out, int dim, View index, View src) {
        View s = CpuBackend.dense(src, out.dtype());
        Object sd = ArrayStorage.data(s), dst = ArrayStorage.data(out);
        DType t = out.dtype();
        walk(out, dim, index, (pos, dstOff) -> copyElement(sd, pos, dst, dstOff, t));
    }

    static void scatterReduce(dev.jgrad.backend.ReduceOp op, View out, int dim, View index, View src) {
        View s = CpuBackend.dense(src, out.dtype());
        Object sd = ArrayStorage.data(s), dst = ArrayStorage.data(out);
        DType t = out.dtype();
        walk(out, dim, index, (pos, dstOff) -> ScatterCombine.combine(op, sd, pos, dst, dstOff, t));
    }

    @FunctionalInterface
    private interface Visit { void at(int indexPos, int selfOffset); }

    /** For every position of the index (row-major), the offset in self it points at. */
    private static void walk(View self, int dim, View index, Visit visit) {
        View idx = CpuBackend.dense(index, DType.INT64);
        long[] ind = (long[]) ArrayStorage.data(idx);
        int[] ishape = idx.shape(), sshape = self.shape(), sstride = self.strides();
        int n = idx.numel(), nd = ishape.length;
        int size = self.dim() == 0 ? 1 : sshape[dim];
        int[] coord = new int[nd];
        for (int pos = 0; pos < n; pos++) {
            long k = ind[pos];
            if (k < 0 || k >= size) {  // PyTorch 1.13's gather and scatter take no negative index
                throw new IllegalArgumentException("index " + k + " is out of bounds for dimension " + dim + " with size " + size);
            }
            int off = self.offset();
            for (int j = 0; j < nd; j++) {
                int c = j == dim ? (int) k : coord[j];
                if (j != dim && c >= sshape[j]) {
                    throw new IllegalArgumentException("Size does not match at dimension " + j + " expected index " + format(ishape)
                            + " to be smaller than self " + format(sshape) + " apart from dimension " + dim);
                }
                off += c * (self.dim() == 0 ? 0 : sstride[j]);
            }
            visit.at(pos, off);
            for (int j = nd - 1; j >= 0; j--) {
                if (++coord[j] < ishape[j]) break;
                coord[j] = 0;
            }
        }
    }

    private static String format(int[] shape) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) b.append(i == 0 ? "" : ", ").append(shape[i]);
        return b.append(']').toString();
    }

    private static void copyElement(Object src, int si, Object dst, int di, DType t) {
        switch (t) {
            case FLOAT32 -> ((float[]) dst)[di] = ((float[]) src)[si];
            case FLOAT64 -> ((double[]) dst)[di] = ((double[]) src)[si];
            case INT64 -> ((long[]) dst)[di] = ((long[]) src)[si];
            case INT32 -> ((int[]) dst)[di] = ((int[]) src)[si];
            case BOOL -> ((boolean[]) dst)[di] = ((boolean[]) src)[si];
        }
    }

    private static void addElement(Object src, int si, Object dst, int di, DType t) {
        switch (t) {
            case FLOAT32 -> ((float[]) dst)[di] += ((float[]) src)[si];
            case FLOAT64 -> ((double[]) dst)[di] += ((double[]) src)[si];
            case INT64 -> ((long[]) dst)[di] += ((long[]) src)[si];
            case INT32 -> ((int[]) dst)[di] += ((int[]) src)[si];
            case BOOL -> ((boolean[]) dst)[di] |= ((boolean[]) src)[si];
        }
    }

    // ---------------------------------------------------------------- normalisation and losses

    static void layerNorm(View input, View weight, View bias, int n, double eps, View out) {
        int rows = n == 0 || input.numel() == 0 ? 0 : input.numel() / n;
        if (KernelConfig.VECTOR && input.dtype() == DType.FLOAT32 && out.dtype() == DType.FLOAT32 && out.isContiguous() && rows > 0) {
            View xd = input.isContiguous() ? input : CpuBackend.dense(input, DType.FLOAT32);
            LayerNormRows.forward((float[]) ArrayStorage.data(xd), xd.offset(), floats(weight), floats(bias),
                    (float[]) ArrayStorage.data(out), out.offset(), rows, n, eps);
            return;
        }
        double[] x = CpuBackend.doubles(input);
        double[][] m = NnKernels.rowMoments(x, rows, n, eps);
        NnKernels.normalizeRows(x, rows, n, m[0], m[1], CpuBackend.doubles(weight), CpuBackend.doubles(bias));
        CpuBackend.write(x, out);
    }

    /** A small float32 operand (weight, bias) as a compact array of its own, or null. */
    private static float[] floats(View v) { return v == null ? null : (float[]) CpuBackend.INSTANCE.toHost(v, DType.FLOAT32); }

    /**
     * layer_norm's input gradient over rows of length n: rstd (gh - mean(gh) - xhat mean(gh xhat)), gh = grad weight,
     * the statistics recomputed from input; weight may be null.
     */
    static void layerNormBackward(View grad, View input, View weight, int n, double eps, View out) {
        int rows = n == 0 || input.numel() == 0 ? 0 : input.numel() / n;
        if (rows == 0) return;
        if (KernelConfig.VECTOR && out.dtype() == DType.FLOAT32 && out.isContiguous()) {
            View gd = grad.isContiguous() ? grad : CpuBackend.dense(grad, DType.FLOAT32);
            View xd = input.isContiguous() ? input : CpuBackend.dense(input, DType.FLOAT32);
            LayerNormRows.inputGrad((float[]) ArrayStorage.data(gd), gd.offset(), (float[]) ArrayStorage.data(xd), xd.offset(),
                    floats(weight), (float[]) ArrayStorage.data(out), out.offset(), rows, n, eps);
            return;
        }
        double[] g = CpuBackend.doubles(grad), x = CpuBackend.doubles(input), w = CpuBackend.doubles(weight);
        double[][] m = NnKernels.rowMoments(x, rows, n, eps);
        for (int r = 0; r < rows; r++) {
            int off = r * n;
            double sumG = 0, sumGx = 0;
            for (int k = 0; k < n; k++) {
                double gh = w == null ? g[off + k] : g[off + k] * w[k];
                sumG += gh;
                sumGx += gh * ((x[off + k] - m[0][r]) * m[1][r]);
            }
            double meanG = sumG / n, meanGx = sumGx / n;
            for (int k = 0; k < n; k++) {
                double gh = w == null ? g[off + k] : g[off + k] * w[k];
                g[off + k] = (gh - meanG - (x[off + k] - m[0][r]) * m[1][r] * meanGx) * m[1][r];
            }
        }
        CpuBackend.write(g, out);
    }

    static void batchNorm(View input, View runningMean, View runningVar, View weight, View bias, boolean training, double momentum,
                          double eps, View out, View evalMean, View evalInvstd) {
        int[] s = input.shape();
        int n = s[0], c = s[1], inner = CpuReductions.product(s, 2, s.length);
        double[] x = CpuBackend.doubles(input), mean, invstd;
        if (training) {
            double[][] mv = NnKernels.channelMoments(x, n, c, inner);
            mean = mv[0];
            invstd = new double[c];
            for (int i = 0; i < c; i++) invstd[i] = 1 / Math.sqrt(mv[1][i] + eps);
            if (runningMean != null) updateRunning(runningMean, mean, momentum, 1);
            if (runningVar != null) updateRunning(runningVar, mv[1], momentum, (double) n * inner / ((double) n * inner - 1));
        } else {
            mean = CpuBackend.doubles(runningMean);
            double[] var = CpuBackend.doubles(runningVar);
            invstd = new double[c];
            for (int i = 0; i < c; i++) invstd[i] = 1 / Math.sqrt(var[i] + eps);
            CpuBackend.write(mean, evalMean);
            CpuBackend.write(invstd, evalInvstd);
        }
        NnKernels.normalizeChannels(x, n, c, inner, mean, invstd, CpuBackend.doubles(weight), CpuBackend.doubles(bias));
        CpuBackend.write(x, out);
    }

    private static void updateRunning(View running, double[] batch, double momentum, double correction) {
        double[] r = CpuBackend.doubles(running);
        for (int i = 0; i < r.length; i++) r[i] = momentum * batch[i] * correction + (1 - momentum) * r[i];
        CpuBackend.write(r, running);
    }

    static void nllLoss(View input, View target, View weight, long ignoreIndex, int red, View out, View coefOut, View safeTargetOut) {
        int[] s = input.shape();
        int n = s.length == 1 ? 1 : s[0], c = s.length == 1 ? s[0] : s[1];
        int inner = CpuReductions.product(s, Math.min(2, s.length), s.length);
        long[] tgt = (long[]) CpuBackend.INSTANCE.toHost(target, DType.INT64);
        NnKernels.NllResult r = NnKernels.nll(CpuBackend.doubles(input), tgt, CpuBackend.doubles(weight), n, c, inner, ignoreIndex);
        double[] coef = new double[r.losses().length];
        if (red == 0) {
            for (int i = 0; i < coef.length; i++) coef[i] = -r.weights()[i];
            CpuBackend.write(r.losses(), out);
        } else {
            double total = 0, totalWeight = 0;
            for (int i = 0; i < coef.length; i++) {
                total += r.losses()[i];
                totalWeight += r.weights()[i];
            }
            double scale = red == 1 ? totalWeight : 1;
            for (int i = 0; i < coef.length; i++) coef[i] = -r.weights()[i] / scale;
            CpuBackend.write(new double[] {red == 1 ? total / totalWeight : total}, out);
        }
        CpuBackend.write(coef, coefOut);
        for (int i = 0; i < tgt.length; i++) if (tgt[i] == ignoreIndex) tgt[i] = 0;
        CpuBackend.INSTANCE.copy(CpuBackend.contiguous(ArrayStorage.wrap(tgt), safeTargetOut.shape()), safeTargetOut);
    }
}
