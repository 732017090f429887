package dev.jgrad;

import dev.jgrad.nn.functional.F;

/**
 * {@code torch.special}: the special functions under their SciPy-style names. Most are the Tensor ops under
 * another name (expit is sigmoid, gammaln is lgamma, psi is digamma); the rest are composed from them.
 */
public final class Special {
    private Special() {}

    /**
     * {@code torch.special.expit(x)}: the logistic sigmoid.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor expit(Tensor x) { return x.sigmoid(); }

    /**
     * {@code torch.special.logit(x)}: log(x / (1 - x)).
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor logit(Tensor x) { return x.logit(); }

    /**
     * log(x / (1 - x)) with x clamped to [eps, 1 - eps] first.
     *
     * <p>PyTorch: {@code torch.special.logit}.
     *
     * @param x the input tensor, any shape
     * @param eps the clamp bound (x is clamped to [eps, 1 - eps] first)
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor logit(Tensor x, double eps) { return x.logit(eps); }

    /**
     * {@code torch.special.erf(x)}: the error function.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor erf(Tensor x) { return x.erf(); }

    /**
     * {@code torch.special.erfc(x)}: 1 - erf(x), computed without cancellation.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor erfc(Tensor x) { return x.erfc(); }

    /**
     * {@code torch.special.erfinv(x)}: the inverse error function on (-1, 1).
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor erfinv(Tensor x) { return x.erfinv(); }

    /**
     * {@code torch.special.gammaln(x)}: log |Gamma(x)| ({@code torch.lgamma}).
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor gammaln(Tensor x) { return x.lgamma(); }

    /**
     * {@code torch.special.digamma(x)}: the derivative of lgamma.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor digamma(Tensor x) { return x.digamma(); }

    /**
     * {@code torch.special.psi(x)}: an alias of digamma.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor psi(Tensor x) { return x.digamma(); }

    /**
     * {@code torch.special.polygamma(n, x)}: the n-th derivative of digamma.
     *
     * @param n the order of the derivative, at least 0
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     * @throws IllegalArgumentException if n is negative ("polygamma(n, x) does not support negative n.")
     */
    public static Tensor polygamma(int n, Tensor x) { return x.polygamma(n); }

    /**
     * {@code torch.special.multigammaln(x, p)}: the multivariate log-gamma of dimension p.
     *
     * @param x the input tensor, any shape
     * @param p the dimension, at least 1
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     * @throws IllegalArgumentException if p is below 1 ("p has to be greater than or equal to 1")
     */
    public static Tensor multigammaln(Tensor x, int p) { return x.mvlgamma(p); }

    /**
     * {@code torch.special.xlogy(x, y)}: x log(y), 0 where x is 0 unless y is NaN.
     *
     * @param x the input tensor, any shape
     * @param y the second tensor, broadcastable with x
     * @return a new tensor of the broadcast shape and promoted floating dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor xlogy(Tensor x, Tensor y) { return x.xlogy(y); }

    /**
     * x log1p(y), 0 where x is 0 unless y is NaN.
     *
     * <p>PyTorch: {@code torch.special.xlog1py}.
     *
     * @param x the input tensor, any shape
     * @param y the second tensor, broadcastable with x
     * @return a new tensor of the broadcast shape and promoted floating dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor xlog1py(Tensor x, Tensor y) {
        Tensor v = x.mul(y.log1p());
        return Torch.where(x.eq(0L).logicalAnd(y.isnan().logicalNot()), Torch.zerosLike(v), v);
    }

    /**
     * -x log(x): 0 at 0, -inf below 0.
     *
     * <p>PyTorch: {@code torch.special.entr}.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor entr(Tensor x) {
        Tensor safe = Torch.where(x.gt(0L), x, Torch.onesLike(x));
        Tensor v = safe.mul(safe.log()).neg();
        v = Torch.where(x.eq(0L), Torch.zerosLike(v), v);
        return Torch.where(x.lt(0L), Torch.fullLike(v, Double.NEGATIVE_INFINITY), v);
    }

    /**
     * {@code torch.special.logsumexp(x, dims, keepdim)}: log(sum(exp(x))) over dims, computed stably.
     *
     * @param x the input tensor, any shape
     * @param dims the dimensions reduced over (negative counts from the end)
     * @param keepdim whether the reduced dims are kept with size 1
     * @return a new tensor: x's shape without dims (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if a dim is out of range ("Dimension out of range (expected to be in range of
     *     [-n, n-1], but got d)")
     */
    public static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) { return x.logsumexp(dims, keepdim); }

    /**
     * {@code torch.special.softmax(x, dim)}.
     *
     * @param x the input tensor, any shape
     * @param dim the dimension normalised over (negative counts from the end)
     * @return a new tensor of x's shape
     * @throws IllegalArgumentException if dim is out of range ("Dimension out of range (expected to be in range of [-n,
     *     n-1], but got d)")
     */
    public static Tensor softmax(Tensor x, int dim) { return F.softmax(x, dim); }

    /**
     * {@code torch.special.log_softmax(x, dim)}.
     *
     * @param x the input tensor, any shape
     * @param dim the dimension normalised over (negative counts from the end)
     * @return a new tensor of x's shape
     * @throws IllegalArgumentException if dim is out of range ("Dimension out of range (expected to be in range of [-n,
     *     n-1], but got d)")
     */
    public static Tensor logSoftmax(Tensor x, int dim) { return F.logSoftmax(x, dim); }

    /**
     * The standard normal CDF, as PyTorch writes it: erfc(-x / sqrt 2) / 2.
     *
     * <p>PyTorch: {@code torch.special.ndtr}.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor ndtr(Tensor x) { return x.mul(-1 / Math.sqrt(2)).erfc().mul(0.5); }

    /**
     * The standard normal quantile function: sqrt(2) erfinv(2p - 1).
     *
     * <p>PyTorch: {@code torch.special.ndtri}.
     *
     * @param p the probabilities, any shape
     * @return a new tensor of p's shape (integer and bool inputs give float32)
     */
    public static Tensor ndtri(Tensor p) { return p.mul(2L).sub(1L).erfinv().mul(Math.sqrt(2)); }

    /**
     * {@code torch.special.log_ndtr(x)}: the log of the standard normal CDF.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor logNdtr(Tensor x) { return ndtr(x).log(); }

    /**
     * {@code torch.special.sinc(x)}: sin(pi x) / (pi x), 1 at 0.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor sinc(Tensor x) { return x.sinc(); }

    /**
     * {@code torch.special.round(x)}: round half to even.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor round(Tensor x) { return x.round(); }

    /**
     * {@code torch.special.exp2(x)}: 2^x.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor exp2(Tensor x) { return x.exp2(); }

    /**
     * {@code torch.special.expm1(x)}: exp(x) - 1, accurate near 0.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor expm1(Tensor x) { return x.expm1(); }

    /**
     * {@code torch.special.log1p(x)}: log(1 + x), accurate near 0.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor log1p(Tensor x) { return x.log1p(); }

    /**
     * The Hurwitz zeta function sum over k of (k + q)^-x.
     *
     * <p>PyTorch: {@code torch.special.zeta}.
     *
     * @param x the exponent
     * @param q the shift, broadcastable with x
     * @return a new tensor of the broadcast shape and promoted floating dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor zeta(Tensor x, Tensor q) { return dev.jgrad.internal.ops.Elementwise.zeta(x, q); }

    /**
     * The modified Bessel function of the first kind of order 0.
     *
     * <p>PyTorch: {@code torch.special.i0}.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor i0(Tensor x) { return x.i0(); }

    /**
     * exp(-|x|) i0(x), finite where i0 overflows.
     *
     * <p>PyTorch: {@code torch.special.i0e}.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor i0e(Tensor x) { return dev.jgrad.internal.ops.Elementwise.unary(dev.jgrad.backend.UnaryOp.I0E, x); }

    /**
     * The modified Bessel function of the first kind of order 1.
     *
     * <p>PyTorch: {@code torch.special.i1}.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor i1(Tensor x) { return dev.jgrad.internal.ops.Elementwise.unary(dev.jgrad.backend.UnaryOp.I1, x); }

    /**
     * exp(-|x|) i1(x).
     *
     * <p>PyTorch: {@code torch.special.i1e}.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor i1e(Tensor x) { return dev.jgrad.internal.ops.Elementwise.unary(dev.jgrad.backend.UnaryOp.I1E, x); }

    /**
     * exp(x^2) erfc(x), finite where erfc underflows.
     *
     * <p>PyTorch: {@code torch.special.erfcx}.
     *
     * @param x the input tensor, any shape
     * @return a new tensor of x's shape (floating dtypes kept; integer and bool inputs give float32)
     */
    public static Tensor erfcx(Tensor x) { return dev.jgrad.internal.ops.Elementwise.unary(dev.jgrad.backend.UnaryOp.ERFCX, x); }

    /**
     * The regularized lower incomplete gamma function P(a, x).
     *
     * <p>PyTorch: {@code torch.special.gammainc}.
     *
     * @param a the shape parameter (positive)
     * @param x the integration limit (non-negative), broadcastable with a
     * @return a new tensor of the broadcast shape and promoted floating dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor gammainc(Tensor a, Tensor x) { return a.igamma(x); }

    /**
     * The regularized upper incomplete gamma function Q(a, x).
     *
     * <p>PyTorch: {@code torch.special.gammaincc}.
     *
     * @param a the shape parameter (positive)
     * @param x the integration limit (non-negative), broadcastable with a
     * @return a new tensor of the broadcast shape and promoted floating dtype
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size of
     *     tensor b (n) at non-singleton dimension d")
     */
    public static Tensor gammaincc(Tensor a, Tensor x) { return a.igammac(x); }
}
