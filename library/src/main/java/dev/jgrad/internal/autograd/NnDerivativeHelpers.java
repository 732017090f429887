package dev.jgrad.internal.autograd;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;

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
        return g.newZeros(DerivativeHelpers.toLong(inputShape)).scatterAdd(dim, idx, g);
    }

    /** Rows of g summed into the embedding rows they were read from; the padding row gets nothing. */
    public static Tensor embeddingBackward(Tensor g, int[] weightShape, Tensor indices, long paddingIdx) {
        int d = weightShape[1];
        Tensor flat = indices.reshape(-1, 1);
        Tensor rows = g.reshape(-1, d);
        if (paddingIdx >= 0) rows = Torch.where(flat.eq(paddingIdx), Torch.zerosLike(rows), rows);
        return g.newZeros(DerivativeHelpers.toLong(weightShape)).scatterAdd(0, flat.expand(-1, d), rows);
    }

    /** nll_loss: grad * coef placed at each position's target class. */
    public static Tensor nllLossBackward(Tensor g, int[] inputShape, int classDim, Tensor target, Tensor coef) {
        Tensor src = g.mul(coef).unsqueeze(classDim);
        return g.newZeros(DerivativeHelpers.toLong(inputShape)).scatterAdd(classDim, target.unsqueeze(classDim), src);
    }

    /** 2 * (input - target) * grad, over the number of elements for mean. */
    public static Tensor mseBackward(Tensor g, Tensor input, Tensor target, int reduction) {
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

    public static Tensor layerNormXhat(Tensor x, int normDims, double eps) {
        return standardize(x, lastDims(x.dim(), normDims), eps)[0];
    }

    public static Tensor layerNormInputGrad(Tensor g, Tensor x, Tensor weight, int normDims, double eps) {
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

    /** grad_input = col2im(W_g^T @ grad_g) per group: the transposed convolution of grad. */
    public static Tensor convInputGrad(Tensor g, Tensor weight, int[] inputShape, int[] geo, int groups) {
        long n = g.size(0), cout = weight.size(0), l = g.size(2) * g.size(3);
        long kg = weight.numel() / cout;
        Tensor w = weight.reshape(groups, cout / groups, kg);
        Tensor cols = w.transpose(1, 2).matmul(g.reshape(n, groups, cout / groups, l));
        return col2im(cols.reshape(n, groups * kg, l), new int[] {inputShape[2], inputShape[3]}, geo);
    }

    /** grad_weight = sum over images of grad_g @ cols_g^T per group. */
    public static Tensor convWeightGrad(Tensor g, Tensor input, int[] weightShape, int[] geo, int groups) {
        long n = g.size(0), cout = weightShape[0], l = g.size(2) * g.size(3);
        long kg = (long) weightShape[1] * weightShape[2] * weightShape[3];
        Tensor cols = im2col(input, geo).reshape(n, groups, kg, l);
        Tensor gw = g.reshape(n, groups, cout / groups, l).matmul(cols.transpose(2, 3)).sum(0);
        return gw.reshape(DerivativeHelpers.toLong(weightShape));
    }

    /** Each pooled gradient goes back to the position its maximum came from. */
    public static Tensor maxPoolBackward(Tensor g, Tensor indices, int[] inputShape) {
        int nd = inputShape.length;
        long[] flatShape = new long[nd - 1];
        for (int i = 0; i < nd - 2; i++) flatShape[i] = inputShape[i];
        flatShape[nd - 2] = (long) inputShape[nd - 2] * inputShape[nd - 1];
        Tensor flat = g.newZeros(flatShape).scatterAdd(nd - 2, indices.flatten(nd - 2, -1), g.flatten(nd - 2, -1));
        return flat.view(DerivativeHelpers.toLong(inputShape));
    }
}
