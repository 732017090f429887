package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.ValuesIndices;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/**
 * max_pool3d, avg_pool3d and the adaptive 3-d poolings over (N, C, D, H, W) or (C, D, H, W). The fixed-window
 * ones run the 2-d kernels on the depth slices each kernel plane meets and combine the planes (first maximum
 * wins, sums add); the adaptive ones use PyTorch's window arithmetic with matmul and max(dim).
 */
public final class Pooling3d {
    private Pooling3d() {}

    /** Checked pooling geometry: kernel, stride and padding (and dilation) per dim (d, h, w), with the output sizes. */
    private record Plan(int[] k, int[] s, int[] p, int[] dil, int[] out) {}

    private static Plan plan(Tensor input, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode, String op) {
        boolean max = op.equals("max_pool3d");
        int[] k = tripleOf(kernel, op + ": kernel_size must " + (max ? "either " : "") + "be a single int, or a tuple of three ints");
        int[] s = stride == null || stride.length == 0 ? k
                : tripleOf(stride, op + ": stride must " + (max ? "either " : "") + "be omitted, a single int, or a tuple of three ints");
        int[] p = tripleOf(padding, op + ": padding must " + (max ? "be either " : "") + "be a single int, or a tuple of three ints");
        int[] d = tripleOf(dilation, op + ": dilation must be either a single int, or a tuple of three ints");
        int nd = input.dim();
        if (nd != 4 && nd != 5) throw new IllegalArgumentException("non-empty 4D or 5D (batch mode) tensor expected for input");
        Checks.requireFloat(input, max ? "max_pool3d_with_indices_cpu" : "avg_pool3d_out_frame");
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {  // PyTorch's pooling_output_shape, dim by dim
            if (s[i] == 0) throw new IllegalArgumentException("stride should not be zero");
            if (p[i] < 0) throw new IllegalArgumentException("pad must be non-negative, but got pad: " + p[i]);
            if (p[i] > k[i] / 2) {
                throw new IllegalArgumentException("pad should be at most half of kernel size, but got pad=" + p[i] + " and kernel_size=" + k[i]);
            }
            out[i] = Convolution.poolOutSize((int) input.size(nd - 3 + i), k[i], p[i], s[i], d[i], ceilMode);
        }
        if (k[0] <= 0 || k[1] <= 0 || k[2] <= 0) {
            throw new IllegalArgumentException("kernel size should be greater than zero, but got kT: " + k[0] + " kH: " + k[1] + " kW: " + k[2]);
        }
        if (s[0] <= 0 || s[1] <= 0 || s[2] <= 0) {
            throw new IllegalArgumentException("stride should be greater than zero, but got dT: " + s[0] + " dH: " + s[1] + " dW: " + s[2]);
        }
        if (d[0] <= 0 || d[1] <= 0 || d[2] <= 0) {
            throw new IllegalArgumentException("dilation should be greater than zero, but got dilationT: " + d[0] + " dilationH: " + d[1]
                    + " dilationW: " + d[2]);
        }
        return new Plan(k, s, p, d, out);
    }

    /** One value for all three dims, or (d, h, w); else the op's own message. */
    private static int[] tripleOf(int[] v, String message) {
        if (v.length != 1 && v.length != 3) throw new IllegalArgumentException(message);
        return v.length == 1 ? new int[] {v[0], v[0], v[0]} : v.clone();
    }

    private static void checkOutput(Tensor input, Plan plan) {
        int nd = input.dim();
        int[] o = plan.out();
        if (o[0] < 1 || o[1] < 1 || o[2] < 1) {
            long c = input.size(nd - 4), t = input.size(nd - 3), h = input.size(nd - 2), w = input.size(nd - 1);
            throw new IllegalArgumentException("Given input size: (" + c + "x" + t + "x" + h + "x" + w + "). Calculated output size: (" + c + "x"
                    + o[0] + "x" + o[1] + "x" + o[2] + "). Output size is too small");
        }
    }

    /** The input seen as (N, C, D, H, W). */
    private static Tensor batched(Tensor x) { return x.dim() == 4 ? x.unsqueeze(0) : x; }

    /** The depth slices at positions (N, C, V, H, W) folded to (N, C V, H, W) for a 2-d kernel. */
    private static Tensor slices(Tensor x5, long[] depths) {
        return x5.indexSelect(2, Convolution3d.index(depths, x5)).reshape(x5.size(0), x5.size(1) * depths.length, x5.size(3), x5.size(4));
    }

    // ---------------------------------------------------------------- max_pool3d

    public static ValuesIndices maxPool3d(Tensor input, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::max_pool3d_with_indices", input) : null) {
            Plan plan = plan(input, kernel, stride, padding, dilation, ceilMode, "max_pool3d");
            checkOutput(input, plan);
            Tensor values, indices;
            try (var guard = GradMode.setEnabled(false)) {
                Tensor[] r = maxForward(batched(input), plan, ceilMode);
                values = input.dim() == 4 ? r[0].squeeze(0) : r[0];
                indices = input.dim() == 4 ? r[1].squeeze(0) : r[1];
            }
            return new ValuesIndices("max_pool3d_with_indices", Derivatives.maxPool3d(values, indices, input), indices);
        }
    }

    /** Per kernel plane kd: the 2-d max pool of the depth slices it meets; a later plane wins only with a larger value (or NaN). */
    private static Tensor[] maxForward(Tensor x, Plan plan, boolean ceilMode) {
        long n = x.size(0), c = x.size(1), h = x.size(3), w = x.size(4);
        int[] o = plan.out();
        int[] k2 = {plan.k()[1], plan.k()[2]}, s2 = {plan.s()[1], plan.s()[2]}, p2 = {plan.p()[1], plan.p()[2]};
        int[] d2 = {plan.dil()[1], plan.dil()[2]};
        Tensor best = null, bestIdx = null;
        for (int kd = 0; kd < plan.k()[0]; kd++) {
            long[][] pos = Convolution3d.depthPairs(o[0], (int) x.size(2), plan.s()[0], plan.p()[0], plan.dil()[0], kd, true);
            if (pos[0].length == 0) continue;
            ValuesIndices m = Convolution.maxPool2d(slices(x, pos[1]), k2, s2, p2, d2, ceilMode);
            int v = pos[0].length;
            Tensor depthOffset = Convolution3d.index(pos[1], x).mul(h * w).reshape(1, 1, v, 1, 1);
            Tensor vals = m.values().reshape(n, c, v, o[1], o[2]), idx = m.indices().reshape(n, c, v, o[1], o[2]).add(depthOffset);
            Tensor planeVals = x.newFull(new long[] {n, c, o[0], o[1], o[2]}, Double.NEGATIVE_INFINITY);
            Tensor planeIdx = x.newZeros(DType.INT64, n, c, o[0], o[1], o[2]).sub(1L);
            Tensor at = Convolution3d.index(pos[0], x);
            planeVals = planeVals.indexCopy(2, at, vals);
            planeIdx = planeIdx.indexCopy(2, at, idx);
            if (best == null) {
                best = planeVals;
                bestIdx = planeIdx;
            } else {
                Tensor take = planeVals.gt(best).logicalOr(planeVals.isnan()).logicalOr(bestIdx.lt(0L).logicalAnd(planeIdx.ge(0L)));
                best = Torch.where(take, planeVals, best);
                bestIdx = Torch.where(take, planeIdx, bestIdx);
            }
        }
        return new Tensor[] {best, bestIdx};
    }

    /** Each pooled gradient goes back to the position (flat over D, H, W) its maximum came from. */
    public static Tensor scatterBack(Tensor g, Tensor indices, int[] inputShape) {
        int nd = inputShape.length;
        long[] flatShape = new long[nd - 2];
        for (int i = 0; i < nd - 3; i++) flatShape[i] = inputShape[i];
        flatShape[nd - 3] = (long) inputShape[nd - 3] * inputShape[nd - 2] * inputShape[nd - 1];
        Tensor flat = g.newZeros(flatShape).scatterAdd(nd - 3, indices.flatten(nd - 3, -1), g.flatten(nd - 3, -1));
        return flat.view(Shapes.toLong(inputShape));
    }

    // ---------------------------------------------------------------- avg_pool3d

    /** What avg_pool3d's backward needs: the window, ceil mode, the output size and each output's divisor (OD, OH, OW). */
    public record AvgPlan(int[] k, int[] s, int[] p, boolean ceilMode, int[] out, Tensor divisors) {}

    public static Tensor avgPool3d(Tensor input, int[] kernel, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad,
                                   Integer divisorOverride) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::avg_pool3d", input) : null) {
            Plan plan = plan(input, kernel, stride, padding, new int[] {1}, ceilMode, "avg_pool3d");
            if (divisorOverride != null && divisorOverride == 0) throw new IllegalArgumentException("divisor must be not zero");
            int nd = input.dim();
            long t = input.size(nd - 3), h = input.size(nd - 2), w = input.size(nd - 1);
            int[] k = plan.k();
            if (t < k[0] || h < k[1] || w < k[2]) {
                throw new IllegalArgumentException("input image (T: " + t + " H: " + h + " W: " + w + ") smaller than kernel size (kT: " + k[0]
                        + " kH: " + k[1] + " kW: " + k[2] + ")");
            }
            checkOutput(input, plan);
            AvgPlan avg = new AvgPlan(k, plan.s(), plan.p(), ceilMode, plan.out(),
                    divisors(input, plan, countIncludePad, divisorOverride));
            Tensor out;
            try (var guard = GradMode.setEnabled(false)) {
                Tensor r = windowSums(batched(input), avg).div(avg.divisors());
                out = nd == 4 ? r.squeeze(0) : r;
            }
            return Derivatives.avgPool3d(out, input, avg);
        }
    }

    /** PyTorch's divide factor per output, as the product of a per-dim count (window clipped to input plus padding, or to the input). */
    private static Tensor divisors(Tensor input, Plan plan, boolean countIncludePad, Integer override) {
        if (override != null) return Torch.scalarTensor(override.doubleValue(), input.dtype()).to(input.device());
        Tensor r = null;
        for (int i = 0; i < 3; i++) {
            int in = (int) input.size(input.dim() - 3 + i), o = plan.out()[i], k = plan.k()[i], s = plan.s()[i], p = plan.p()[i];
            long[] count = new long[o];
            for (int j = 0; j < o; j++) {
                int start = j * s - p, end = Math.min(start + k, in + p);
                int poolSize = end - start;
                count[j] = countIncludePad ? poolSize : Math.min(end, in) - Math.max(start, 0);
            }
            long[] viewShape = {1, 1, 1};
            viewShape[i] = o;
            Tensor dim = Torch.fromArray(count, viewShape).to(input.device(), input.dtype());
            r = r == null ? dim : r.mul(dim);
        }
        return r;
    }

    /** Window sums (N, C, OD, OH, OW): per kernel plane, the 2-d window sums of the slices it meets, added at their output depths. */
    private static Tensor windowSums(Tensor x, AvgPlan a) {
        long n = x.size(0), c = x.size(1);
        int[] o = a.out();
        int[] k2 = {a.k()[1], a.k()[2]}, s2 = {a.s()[1], a.s()[2]}, p2 = {a.p()[1], a.p()[2]};
        Tensor acc = x.newZeros(n, c, o[0], o[1], o[2]);
        for (int kd = 0; kd < a.k()[0]; kd++) {
            long[][] pos = Convolution3d.depthPairs(o[0], (int) x.size(2), a.s()[0], a.p()[0], 1, kd, true);
            if (pos[0].length == 0) continue;
            Tensor sums = Pooling.avgPool2d(slices(x, pos[1]), k2, s2, p2, a.ceilMode(), true, 1);
            acc = acc.indexAdd(2, Convolution3d.index(pos[0], x), sums.reshape(n, c, pos[0].length, o[1], o[2]));
        }
        return acc;
    }

    /** avg_pool3d's adjoint: grad over the divisors, each plane's share spread over its 2-d windows and added back at its input depths. */
    public static Tensor avgPool3dBackward(Tensor g, int[] inputShape, AvgPlan a) {
        int nd = inputShape.length;
        int t = inputShape[nd - 3], h = inputShape[nd - 2], w = inputShape[nd - 1];
        int[] o = a.out();
        Tensor share = g.div(a.divisors());
        Tensor g5 = nd == 4 ? share.unsqueeze(0) : share;
        long n = g5.size(0), c = g5.size(1);
        int padBottom = Math.max(0, (o[1] - 1) * a.s()[1] + a.k()[1] - h - a.p()[1]);
        int padRight = Math.max(0, (o[2] - 1) * a.s()[2] + a.k()[2] - w - a.p()[2]);
        int[] geo = {a.k()[1], a.k()[2], a.s()[1], a.s()[2], a.p()[1], a.p()[2]};
        Tensor one = g.newOnes(1);
        int[] full = {(int) n, (int) c, t, h, w};
        Tensor acc = null;
        for (int kd = 0; kd < a.k()[0]; kd++) {
            long[][] pos = Convolution3d.depthPairs(o[0], t, a.s()[0], a.p()[0], 1, kd, true);
            if (pos[0].length == 0) continue;
            int v = pos[0].length;
            Tensor part = g5.indexSelect(2, Convolution3d.index(pos[0], g5)).reshape(n, c * v, o[1], o[2]);
            Tensor spread = dev.jgrad.internal.autograd.NnDerivativeHelpers.avgPoolBackward(part, new int[] {(int) n, (int) c * v, h, w}, geo,
                    o[1], o[2], padBottom, padRight, one).reshape(n, c, v, h, w);
            Tensor placed = dev.jgrad.internal.autograd.NnDerivativeHelpers.indexAddInto(spread, full, 2, Convolution3d.index(pos[1], g5));
            acc = acc == null ? placed : acc.add(placed);
        }
        if (acc == null) acc = g5.newZeros(n, c, t, h, w);
        return acc.reshape(Shapes.toLong(inputShape));
    }

    // ---------------------------------------------------------------- adaptive pooling

    private static int[] adaptiveSizes(Tensor input, Integer[] size) {
        int nd = input.dim();
        int[] r = new int[3];
        for (int i = 0; i < 3; i++) r[i] = size[i] == null ? (int) input.size(nd - 3 + i) : size[i];
        return r;
    }

    /** Output cell i averages inputs floor(i in / out) to ceil((i + 1) in / out); a 1x1x1 output is the mean, as PyTorch records it. */
    public static Tensor adaptiveAvgPool3d(Tensor input, Integer[] outputSize) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::adaptive_avg_pool3d", input) : null) {
            int nd = input.dim();
            if (nd != 4 && nd != 5) {
                throw new IllegalArgumentException("adaptive_avg_pool3d(): Expected 4D or 5D tensor, but got " + Shapes.format(shape(input)));
            }
            Checks.requireFloat(input, "adaptive_avg_pool3d_cpu");
            int[] o = adaptiveSizes(input, outputSize);
            if (o[0] == 1 && o[1] == 1 && o[2] == 1) return input.mean(new int[] {-1, -2, -3}, true);
            Tensor[] m = new Tensor[3];
            for (int i = 0; i < 3; i++) m[i] = averaging((int) input.size(nd - 3 + i), o[i], input);
            Tensor out;
            try (var guard = GradMode.setEnabled(false)) {
                out = applyAveraging(input, m[0], m[1], m[2]);
            }
            return Derivatives.adaptiveAvgPool3d(out, input, m);
        }
    }

    /** rows over H, cols over W, then depth: (.., D, H, W) to (.., OD, OH, OW); with transposed matrices it is the adjoint. */
    public static Tensor applyAveraging(Tensor x, Tensor depth, Tensor rows, Tensor cols) {
        Tensor y = rows.matmul(x).matmul(cols.t());
        return y.transpose(-3, -1).matmul(depth.t()).transpose(-3, -1).contiguous();
    }

    /** (out, in): row i is the indicator of adaptive window i over its length. */
    private static Tensor averaging(int in, int out, Tensor like) {
        long[] member = new long[out * in];
        for (int i = 0; i < out; i++) {
            for (int k = AdaptiveMaxPooling.start(i, in, out); k < AdaptiveMaxPooling.end(i, in, out); k++) member[i * in + k] = 1;
        }
        Tensor m = Torch.fromArray(member, out, in).to(like.device(), like.dtype());
        return m.div(m.sum(new int[] {1}, true));
    }

    /** adaptive_max_pool3d: the maximum of each adaptive window and its flat index d H W + h W + w (the first maximum, row-major). */
    public static ValuesIndices adaptiveMaxPool3d(Tensor input, Integer[] outputSize) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::adaptive_max_pool3d", input) : null) {
            int nd = input.dim();
            if (nd != 4 && nd != 5) {
                throw new IllegalArgumentException("adaptive_max_pool3d(): Expected 4D or 5D tensor, but got: " + Shapes.format(shape(input)));
            }
            Checks.requireFloat(input, "adaptive_max_pool3d_cpu");
            for (int i = 1; i < nd; i++) {
                if (input.size(i) == 0) {
                    throw new IllegalArgumentException("adaptive_max_pool3d(): Expected input to have non-zero size for non-batch dimensions, "
                            + "but input has sizes " + Shapes.format(shape(input)) + " with dimension " + i + " being empty");
                }
            }
            int[] o = adaptiveSizes(input, outputSize), in = new int[3], k = new int[3];
            long[][] idx = new long[3][];
            for (int i = 0; i < 3; i++) {
                in[i] = (int) input.size(nd - 3 + i);
                k[i] = AdaptiveMaxPooling.longestWindow(in[i], o[i]);
                idx[i] = AdaptiveMaxPooling.windowIndices(in[i], o[i], k[i]);
            }
            Tensor values, indices;
            try (var g = GradMode.setEnabled(false)) {
                Tensor x = input;
                for (int i = 0; i < 3; i++) x = x.indexSelect(nd - 3 + i, Convolution3d.index(idx[i], input));
                long[] lead = java.util.Arrays.copyOf(input.shape(), nd - 3);
                int b = nd - 3;
                x = x.reshape(concat(lead, o[0], k[0], o[1], k[1], o[2], k[2]));
                int[] order = new int[nd + 3];
                for (int i = 0; i < b; i++) order[i] = i;
                int[] tail = {0, 2, 4, 1, 3, 5};
                for (int i = 0; i < 6; i++) order[b + i] = b + tail[i];
                long kk = (long) k[0] * k[1] * k[2];
                x = x.permute(order).reshape(concat(lead, o[0], o[1], o[2], kk));
                ValuesIndices m = x.max(-1);
                long[] flat = new long[o[0] * o[1] * o[2] * (int) kk];
                int f = 0;
                for (int a = 0; a < o[0]; a++) {
                    for (int bb = 0; bb < o[1]; bb++) {
                        for (int cc = 0; cc < o[2]; cc++) {
                            for (int i = 0; i < k[0]; i++) {
                                for (int j = 0; j < k[1]; j++) {
                                    for (int l = 0; l < k[2]; l++) {
                                        flat[f++] = (idx[0][a * k[0] + i] * in[1] + idx[1][bb * k[1] + j]) * in[2] + idx[2][cc * k[2] + l];
                                    }
                                }
                            }
                        }
                    }
                }
                Tensor map = Torch.fromArray(flat, o[0], o[1], o[2], kk).to(input.device()).expand(concat(lead, o[0], o[1], o[2], kk));
                indices = map.gather(nd, m.indices().unsqueeze(-1)).squeeze(-1);
                values = m.values();
            }
            return new ValuesIndices("adaptive_max_pool3d", Derivatives.adaptiveMaxPool3d(values, indices, input), indices);
        }
    }

    private static long[] concat(long[] lead, long... tail) {
        long[] r = java.util.Arrays.copyOf(lead, lead.length + tail.length);
        System.arraycopy(tail, 0, r, lead.length, tail.length);
        return r;
    }
}
