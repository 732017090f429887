package dev.jgrad.internal.autograd;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.internal.ops.Convolution;
import dev.jgrad.internal.ops.Gathering;

/**
 * The longer backward formulas of the nn rows in {@link Derivatives}. Every one is built from
 * differentiable ops (scatterAdd, matmul, im2col/col2im, reductions), so a gradient computed with
 * createGraph can be differentiated again. The normalisation formulas recompute the statistics from the
 * saved input instead of saving them, which is what makes their second derivatives come out right.
 */
public final class NnDerivativeHelpers {
    private NnDerivativeHelpers() {}

    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double GELU_BETA = Math.sqrt(2) * (2 / Math.sqrt(Math.PI)) * 0.5;
    private static final double GELU_KAPPA = 0.044715;

    /** gelu'(x) = Phi(x) + x * phi(x); the tanh form differentiates PyTorch's approximation exactly. */
    public static Tensor geluBackward(Tensor g, Tensor x, boolean tanh) {
        // PyTorch's gelu_backward kernel in one pass where no graph of the gradient is wanted (the usual backward);
        // with createGraph the formula below, whose ops are differentiable again
        if (!tanh && !Recorder.shouldRecord(g, x) && g.dtype() == x.dtype() && x.isFloatingPoint()
                && java.util.Arrays.equals(shape(g), shape(x))) {
            return Engine.mayOverwrite(g) && g.isContiguous() ? dev.jgrad.internal.ops.Activations.geluBackward_(g, x)
                    : dev.jgrad.internal.ops.Activations.geluBackward(g, x);
        }
        if (!tanh) {
            Tensor cdf = x.mul(SQRT_HALF).erf().add(1L).mul(0.5);
            Tensor pdf = x.mul(x).mul(-0.5).exp().mul(INV_SQRT_2PI);
            return g.mul(cdf.add(x.mul(pdf)));
        }
        Tensor xSq = x.mul(x);
        Tensor inner = x.add(x.mul(xSq).mul(GELU_KAPPA)).mul(GELU_BETA);
        Tensor t = inner.tanh();
        Tensor left = x.mul(0.5), right = t.add(1L);
        Tensor rightDerivative = left.mul(t.mul(t).rsub(1L)).mul(xSq.mul(3 * GELU_KAPPA).add(1L).mul(GELU_BETA));
        return g.mul(right.mul(0.5).add(rightDerivative));
    }

    /** Gradient of index_select: g's slices added at their source positions of a zero tensor of the input's shape. */
    public static Tensor indexAddInto(Tensor g, int[] inputShape, int dim, Tensor index) {
        long[] viewShape = new long[g.dim()];
        java.util.Arrays.fill(viewShape, 1);
        if (g.dim() == 0) return g.newZeros(DerivativeHelpers.toLong(inputShape)).add(g);
        viewShape[dim] = index.numel();
        Tensor idx = index.toLong().reshape(viewShape).expand(g.shape());
        return Gathering.scatterAddIntoZeros(g, DerivativeHelpers.toLong(inputShape), dim, idx, g);
    }

    /** Rows of g summed into the embedding rows they were read from; the padding row gets nothing. */
    public static Tensor embeddingBackward(Tensor g, int[] weightShape, Tensor indices, long paddingIdx, Tensor freq) {
        int d = weightShape[1];
        Tensor flat = indices.reshape(-1, 1);
        Tensor rows = g.reshape(-1, d);
        if (freq != null) rows = rows.mul(freq.reshape(-1, 1));
        if (paddingIdx >= 0) rows = Torch.where(flat.eq(paddingIdx), Torch.zerosLike(rows), rows);
        return Gathering.scatterAddIntoZeros(g, DerivativeHelpers.toLong(weightShape), 0, flat.expand(-1, d), rows);
    }

    /** nll_loss: grad * coef placed at each position's target class. */
    public static Tensor nllLossBackward(Tensor g, int[] inputShape, int classDim, Tensor target, Tensor coef) {
        Tensor src = g.mul(coef).unsqueeze(classDim);
        return Gathering.scatterAddIntoZeros(g, DerivativeHelpers.toLong(inputShape), classDim, target.unsqueeze(classDim), src);
    }

    /** 2 * (input - target) * grad, over the number of elements for mean. */
    public static Tensor mseBackward(Tensor g, Tensor input, Tensor target, int reduction) {
        if (input.dtype() == dev.jgrad.DType.FLOAT16 && input.device().isCpu()) {  // 1.13 has mse_loss's CPU kernel for float16, not its backward
            throw new IllegalArgumentException("\"mse_backward_cpu_out\" not implemented for 'Half'");
        }
        Tensor d = input.sub(target);
        double norm = reduction == 1 ? 2.0 / Math.max(1, d.numel()) : 2.0;
        return d.mul(g.mul(norm));
    }

    public static Tensor smoothL1Backward(Tensor g, Tensor input, Tensor target, int reduction, double beta, boolean huber) {
        Tensor d = input.sub(target);
        Tensor outside = huber ? d.sign().mul(beta) : d.sign();
        Tensor slope = !huber && beta == 0 ? d.sign() : Torch.where(d.abs().lt(beta), huber ? d : d.div(beta), outside);
        Tensor r = slope.mul(g);
        return reduction == 1 ? r.div((double) Math.max(1, d.numel())) : r;
    }

    private static final double BCE_EPS = 1e-12;

    public static Tensor bceBackward(Tensor g, Tensor input, Tensor target, Tensor weight, int reduction) {
        Tensor r = g.mul(input.sub(target)).div(input.rsub(1L).mul(input).clampMin(BCE_EPS));
        if (weight != null) r = r.mul(weight);
        return reduction == 1 ? r.div((double) Math.max(1, input.numel())) : r;
    }

    public static Tensor bceLogitsBackward(Tensor g, Tensor input, Tensor target, Tensor weight, Tensor posWeight, int reduction) {
        Tensor r;
        if (posWeight != null) {
            Tensor t = posWeight.mul(target);
            r = t.add(1L).sub(target).mul(input.sigmoid()).sub(t);
        } else {
            r = input.sigmoid().sub(target);
        }
        r = r.mul(g);
        if (weight != null) r = r.mul(weight);
        return reduction == 1 ? r.div((double) Math.max(1, input.numel())) : r;
    }

    /** The target's gradient: -input (no pos_weight) or log_sigmoid(-input) - pos_weight * log_sigmoid(input), times grad and weight. */
    public static Tensor bceLogitsTargetBackward(Tensor g, Tensor input, Tensor weight, Tensor posWeight, int reduction) {
        Tensor r = posWeight != null
                ? dev.jgrad.nn.functional.F.logsigmoid(input.neg()).sub(dev.jgrad.nn.functional.F.logsigmoid(input).mul(posWeight))
                : input.neg();
        r = r.mul(g);
        if (weight != null) r = r.mul(weight);
        return reduction == 1 ? r.div((double) Math.max(1, input.numel())) : r;
    }

    // ---------------------------------------------------------------- normalisation

    private static int[] lastDims(int ndim, int k) {
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) dims[i] = ndim - k + i;
        return dims;
    }

    public static int[] nonChannelDims(int ndim) {
        int[] dims = new int[ndim - 1];
        dims[0] = 0;
        for (int i = 2; i < ndim; i++) dims[i - 1] = i;
        return dims;
    }

    /** (x - mean) / sqrt(var + eps) over dims, and 1 / sqrt(var + eps), from differentiable ops. */
    private static Tensor[] standardize(Tensor x, int[] dims, double eps) {
        Tensor xc = x.sub(x.mean(dims, true));
        Tensor rstd = xc.mul(xc).mean(dims, true).add(eps).rsqrt();
        return new Tensor[] {xc.mul(rstd), rstd};
    }

    /** The input gradient of a normalisation whose statistics were taken over dims: rstd * (gh - mean(gh) - xhat * mean(gh * xhat)). */
    private static Tensor normalizedInputGrad(Tensor gh, Tensor xhat, Tensor rstd, int[] dims) {
        return gh.sub(gh.mean(dims, true)).sub(xhat.mul(gh.mul(xhat).mean(dims, true))).mul(rstd);
    }

    /** x seen as (N, G, rest): the statistics' dims of group norm are the last. */
    private static Tensor grouped(Tensor x, int groups) { return x.reshape(x.size(0), groups, -1); }

    /** group_norm's normalised input (N, G, C/G * spatial), standardised per (sample, group). */
    public static Tensor groupNormXhat(Tensor x, int groups, double eps) {
        return standardize(grouped(x, groups), new int[] {2}, eps)[0].reshape(x.shape());
    }

    /** group_norm's input gradient: the normalisation's, per (sample, group), of grad * weight. */
    public static Tensor groupNormInputGrad(Tensor g, Tensor x, Tensor weight, int groups, double eps) {
        Tensor[] s = standardize(grouped(x, groups), new int[] {2}, eps);
        Tensor gh = weight == null ? g : g.mul(channelView(weight, x.dim()));
        return normalizedInputGrad(grouped(gh, groups), s[0], s[1], new int[] {2}).reshape(x.shape());
    }

    public static Tensor layerNormXhat(Tensor x, int normDims, double eps) {
        // with no graph wanted, the forward kernel without weight and bias: one pass instead of six ops
        if (!Recorder.shouldRecord(x)) return dev.jgrad.internal.ops.Normalization.layerNormPlain(x, normDims, eps);
        return standardize(x, lastDims(x.dim(), normDims), eps)[0];
    }

    public static Tensor layerNormInputGrad(Tensor g, Tensor x, Tensor weight, int normDims, double eps) {
        // PyTorch's native_layer_norm_backward kernel in one pass where no graph of the gradient is wanted
        if (!Recorder.shouldRecord(new Tensor[] {g, x, weight}) && g.dtype() == x.dtype() && (weight == null || weight.dtype() == x.dtype())
                && java.util.Arrays.equals(shape(g), shape(x))) {
            return dev.jgrad.internal.ops.Normalization.layerNormInputGrad(g, x, weight, normDims, eps);
        }
        int[] dims = lastDims(x.dim(), normDims);
        Tensor[] s = standardize(x, dims, eps);
        return normalizedInputGrad(weight == null ? g : g.mul(weight), s[0], s[1], dims);
    }

    private static Tensor channelView(Tensor perChannel, int ndim) {
        long[] shape = new long[ndim];
        java.util.Arrays.fill(shape, 1);
        shape[1] = perChannel.numel();
        return perChannel.reshape(shape);
    }

    public static Tensor batchNormInputGrad(Tensor g, Tensor x, Tensor weight, boolean training, Tensor evalMean, Tensor evalInvstd, double eps) {
        int nd = x.dim();
        Tensor gh = weight == null ? g : g.mul(channelView(weight, nd));
        if (!training) return gh.mul(channelView(evalInvstd, nd));
        int[] dims = nonChannelDims(nd);
        Tensor[] s = standardize(x, dims, eps);
        return normalizedInputGrad(gh, s[0], s[1], dims);
    }

    public static Tensor batchNormWeightGrad(Tensor g, Tensor x, boolean training, Tensor evalMean, Tensor evalInvstd, double eps) {
        int nd = x.dim();
        int[] dims = nonChannelDims(nd);
        Tensor xhat = training ? standardize(x, dims, eps)[0]
                : x.sub(channelView(evalMean, nd)).mul(channelView(evalInvstd, nd));
        return g.mul(xhat).sum(dims, false);
    }

    // ---------------------------------------------------------------- convolution and pooling

    private static int[] kernel(int[] geo) { return new int[] {geo[0], geo[1]}; }

    private static int[] stride(int[] geo) { return new int[] {geo[2], geo[3]}; }

    private static int[] padding(int[] geo) { return new int[] {geo[4], geo[5]}; }

    private static int[] dilation(int[] geo) { return new int[] {geo[6], geo[7]}; }

    public static Tensor im2col(Tensor x, int[] geo) {
        return Torch.im2col(x, kernel(geo), dilation(geo), padding(geo), stride(geo));
    }

    public static Tensor col2im(Tensor cols, int[] size, int[] geo) {
        return Torch.col2im(cols, size, kernel(geo), dilation(geo), padding(geo), stride(geo));
    }

    /**
     * Whether a backward formula may run as one backend kernel rather than a chain of differentiable ops:
     * when no graph of the backward is being built (create_graph off), and for float32 and float64 (16-bit
     * floats keep the op chain, which rounds where PyTorch's does).
     */
    private static boolean kernelBackward(Tensor a, Tensor b) {
        return !dev.jgrad.autograd.GradMode.isEnabled() && a.dtype() == b.dtype()
                && (a.dtype() == dev.jgrad.DType.FLOAT32 || a.dtype() == dev.jgrad.DType.FLOAT64);
    }

    /** grad_input = col2im(W_g^T @ grad_g) per group: the transposed convolution of grad. */
    public static Tensor convInputGrad(Tensor g, Tensor weight, int[] inputShape, int[] geo, int groups) {
        if (kernelBackward(g, weight)) {
            return DerivativeHelpers.intoRecycled(g, inputShape, out -> Convolution.conv2dInputGrad(g, weight, inputShape, geo, groups, out));
        }
        long n = g.size(0), cout = weight.size(0), l = g.size(2) * g.size(3);
        long kg = weight.numel() / cout;
        Tensor w = weight.reshape(groups, cout / groups, kg);
        Tensor cols = w.transpose(1, 2).matmul(g.reshape(n, groups, cout / groups, l));
        return col2im(cols.reshape(n, groups * kg, l), new int[] {inputShape[2], inputShape[3]}, geo);
    }

    /** grad_weight = sum over images of grad_g @ cols_g^T per group. */
    public static Tensor convWeightGrad(Tensor g, Tensor input, int[] weightShape, int[] geo, int groups) {
        if (kernelBackward(g, input)) return Convolution.conv2dWeightGrad(g, input, weightShape, geo, groups);
        long n = g.size(0), cout = weightShape[0], l = g.size(2) * g.size(3);
        long kg = (long) weightShape[1] * weightShape[2] * weightShape[3];
        Tensor cols = im2col(input, geo).reshape(n, groups, kg, l);
        Tensor gw = g.reshape(n, groups, cout / groups, l).matmul(cols.transpose(2, 3)).sum(0);
        return gw.reshape(DerivativeHelpers.toLong(weightShape));
    }

    /** Each pooled gradient goes back to the position its maximum came from. */
    public static Tensor maxPoolBackward(Tensor g, Tensor indices, int[] inputShape) {
        if (kernelBackward(g, g)) return DerivativeHelpers.intoRecycled(g, inputShape, out -> Convolution.maxPoolBackward(g, indices, inputShape, out));
        int nd = inputShape.length;
        long[] flatShape = new long[nd - 1];
        for (int i = 0; i < nd - 2; i++) flatShape[i] = inputShape[i];
        flatShape[nd - 2] = (long) inputShape[nd - 2] * inputShape[nd - 1];
        Tensor flat = g.newZeros(flatShape).scatterAdd(nd - 2, indices.flatten(nd - 2, -1), g.flatten(nd - 2, -1));
        return flat.view(DerivativeHelpers.toLong(inputShape));
    }

    /**
     * avg_pool2d's adjoint: each output's gradient over its divisor, spread over its window of the padded
     * planes (col2im), the padding cropped. geo = {kh, kw, sh, sw, ph, pw}; padBottom/padRight the extra
     * zeros ceil_mode's last windows reach.
     */
    public static Tensor avgPoolBackward(Tensor g, int[] inputShape, int[] geo, int oh, int ow, int padBottom, int padRight, Tensor divisors) {
        int nd = inputShape.length, h = inputShape[nd - 2], w = inputShape[nd - 1];
        int ph = h + geo[4] + padBottom, pw = w + geo[5] + padRight;
        Tensor share = g.reshape(-1, 1, (long) oh * ow).div(divisors.reshape(1, 1, -1));
        Tensor cols = share.expand(share.size(0), (long) geo[0] * geo[1], (long) oh * ow);
        Tensor planes = Torch.col2im(cols, new int[] {ph, pw}, new int[] {geo[0], geo[1]}, new int[] {1, 1}, new int[] {0, 0},
                new int[] {geo[2], geo[3]});
        return planes.narrow(2, geo[4], h).narrow(3, geo[5], w).reshape(DerivativeHelpers.toLong(inputShape));
    }

    /** pixel_shuffle (toSpace: (.., C r^2, H, W) to (.., C, H r, W r)) or pixel_unshuffle, through a view, a permute and one copy. */
    public static Tensor pixelShuffle(Tensor x, int r, boolean toSpace) {
        int nd = x.dim();
        long[] lead = java.util.Arrays.copyOf(x.shape(), nd - 3);
        long c = x.size(-3), h = x.size(-2), w = x.size(-1);
        long[] split, result;
        int[] order = new int[nd + 2];
        for (int i = 0; i < nd - 3; i++) order[i] = i;
        int b = nd - 3;
        int[] tail;
        if (toSpace) {
            long oc = c / ((long) r * r);
            split = concat(lead, oc, r, r, h, w);
            tail = new int[] {0, 3, 1, 4, 2};  // (oc, r, r, h, w) -> (oc, h, r, w, r)
            result = concat(lead, oc, h * r, w * r);
        } else {
            long oh = h / r, ow = w / r;
            split = concat(lead, c, oh, r, ow, r);
            tail = new int[] {0, 2, 4, 1, 3};  // (c, oh, r, ow, r) -> (c, r, r, oh, ow)
            result = concat(lead, c * r * r, oh, ow);
        }
        for (int i = 0; i < 5; i++) order[b + i] = b + tail[i];
        return x.reshape(split).permute(order).contiguous().reshape(result);
    }

    private static long[] concat(long[] lead, long... rest) {
        long[] r = java.util.Arrays.copyOf(lead, lead.length + rest.length);
        System.arraycopy(rest, 0, r, lead.length, rest.length);
        return r;
    }

    /** pixel_shuffle (or unshuffle) of g computed without recording, then recorded as its own node. */
    public static Tensor pixelShuffleRecorded(Tensor g, int r, boolean toSpace) {
        Tensor out;
        try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
            out = pixelShuffle(g, r, toSpace);
        }
        return Derivatives.pixelShuffle(out, g, r, toSpace);
    }

    // ---------------------------------------------------------------- nn breadth: margin losses

    /** d/dx log1p(exp(-x t)) = -t z / (1 + z), z = exp(-t x); divided by numel for the mean (reduction 1). */
    public static Tensor softMarginBackward(Tensor g, Tensor x, Tensor t, int reduction) {
        double norm = reduction == 1 ? 1.0 / x.numel() : 1.0;
        Tensor z = t.neg().mul(x).exp();
        return t.mul(z).mul(-norm).div(z.add(1L)).mul(g);
    }

    /**
     * multi_margin_loss: for each sample and each class j other than its target y with z = margin - x[y] + x[j] > 0,
     * x[j] gets c = (1 or 2 z) * weight[y] / C (over the batch too for the mean) and x[y] gets -c.
     */
    public static Tensor multiMarginBackward(Tensor g, Tensor x, Tensor t, int p, double margin, Tensor w, int reduction) {
        long frames = x.dim() <= 1 ? 1 : x.size(0), classes = x.dim() == 0 ? 1 : x.size(x.dim() - 1);
        Tensor x2 = x.reshape(frames, classes), t2 = t.reshape(frames, 1);
        Tensor z = x2.gather(1, t2).rsub(margin).add(x2);
        Tensor other = Torch.onesLike(x2).scatter(1, t2, 0.0);
        Tensor active = z.gt(0L).to(x2.dtype()).mul(other);
        Tensor c = p == 1 ? active : z.mul(2L).mul(active);
        if (w != null) c = c.mul(w.reshape(-1).indexSelect(0, t2.reshape(-1)).unsqueeze(1));
        c = c.div((double) classes);
        if (reduction == 1) c = c.div((double) frames);
        Tensor cg = c.mul(reduction == 0 && g.dim() > 0 ? g.reshape(frames, 1) : g.reshape(new long[0]));
        Tensor onTarget = Torch.zerosLike(x2).scatter(1, t2, 1.0);
        return cg.sub(onTarget.mul(cg.sum(1, true))).reshape(x.shape());
    }
}
