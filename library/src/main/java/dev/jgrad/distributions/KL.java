package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.distributions.kl_divergence}: KL(p || q) in closed form for the pairs PyTorch 1.13 registers
 * among this package's distributions, with its formulas (and its infinities where q's support misses p's).
 */
public final class KL {
    private KL() {}

    /**
     * {@code torch.distributions.kl_divergence(p, q)}: KL(p || q) = E_p[log p(x) - log q(x)] in closed form, differentiable
     * in both distributions' parameters. The pairs, as PyTorch 1.13 registers them: two of the same class (every class
     * here but StudentT; two Independents when their bases have a pair and the same reinterpreted dims); Uniform to
     * Normal, Exponential or Gamma; Exponential to Normal or Gamma; Gamma to Exponential; Laplace to Normal and Normal to
     * Laplace; and the pairs whose divergence is infinite (Normal or Laplace to Exponential, Gamma or Uniform; Gamma or
     * Exponential to Uniform).
     *
     * @param p  the distribution the expectation is under
     * @param q  the other, with a batch shape broadcastable with p's
     * @return the divergence in nats, of the broadcast batch shape (+inf where q's support misses p's)
     * @throws UnsupportedOperationException for a pair PyTorch does not register: "No KL(p || q) is implemented for p type
     *     Normal and q type StudentT", or, between two different exponential families, PyTorch's "The cross
     *     KL-divergence between different exponential families cannot be computed using Bregman divergences"
     */
    public static Tensor klDivergence(Distribution p, Distribution q) {
        if (p instanceof Bernoulli a && q instanceof Bernoulli b) return bernoulli(a, b);
        if (p instanceof Categorical a && q instanceof Categorical b) return categorical(a, b);
        if (p instanceof OneHotCategorical a && q instanceof OneHotCategorical b) return categorical(a.categorical(), b.categorical());
        if (p instanceof Normal a && q instanceof Normal b) return normal(a, b);
        if (p instanceof LogNormal a && q instanceof LogNormal b) return normal(a.baseDist(), b.baseDist());
        if (p instanceof Uniform a && q instanceof Uniform b) return uniform(a, b);
        if (p instanceof Exponential a && q instanceof Exponential b) return exponential(a, b);
        if (p instanceof Laplace a && q instanceof Laplace b) return laplace(a, b);
        if (p instanceof Uniform a && q instanceof Normal b) return uniformNormal(a, b);
        if (p instanceof Uniform a && q instanceof Exponential b) return uniformExponential(a, b);
        if (p instanceof Exponential a && q instanceof Normal b) return exponentialNormal(a, b);
        if (p instanceof Laplace a && q instanceof Normal b) return laplaceNormal(a, b);
        if (p instanceof Normal a && q instanceof Laplace b) return normalLaplace(a, b);
        if (p instanceof Gamma a && q instanceof Gamma b) return gamma(a, b);
        if (p instanceof Gamma a && q instanceof Exponential b) return gammaExponential(a, b);
        if (p instanceof Exponential a && q instanceof Gamma b) return exponentialGamma(a, b);
        if (p instanceof Uniform a && q instanceof Gamma b) return uniformGamma(a, b);
        if (p instanceof Beta a && q instanceof Beta b) return beta(a, b);
        if (p instanceof Dirichlet a && q instanceof Dirichlet b) return dirichlet(a, b);
        if (p instanceof Geometric a && q instanceof Geometric b) return a.entropy().neg().sub(b.probs().neg().log1p().div(a.probs())).sub(b.logits());
        if (p instanceof Poisson a && q instanceof Poisson b) return poisson(a, b);
        if (p instanceof Binomial a && q instanceof Binomial b) return binomial(a, b);
        if (p instanceof Gumbel a && q instanceof Gumbel b) return gumbel(a, b);
        if (p instanceof HalfNormal a && q instanceof HalfNormal b) return normal(a.baseDist(), b.baseDist());
        if (p instanceof Cauchy a && q instanceof Cauchy b) return cauchy(a, b);
        if (p instanceof Independent a && q instanceof Independent b) return independent(a, b);
        if (p instanceof Gamma a && q instanceof Uniform) return infinite(a.concentration());
        if (p instanceof Exponential a && q instanceof Uniform) return infinite(a.rate());
        if (p instanceof Laplace a && (q instanceof Exponential || q instanceof Gamma || q instanceof Uniform)) return infinite(a.loc());
        if (p instanceof Normal a && (q instanceof Exponential || q instanceof Gamma || q instanceof Uniform)) return infinite(a.loc());
        if (exponentialFamily(p) && exponentialFamily(q)) {  // PyTorch's Bregman-divergence fallback refuses mixed families
            throw new UnsupportedOperationException("The cross KL-divergence between different exponential families cannot "
                    + "                            be computed using Bregman divergences");
        }
        throw new UnsupportedOperationException("No KL(p || q) is implemented for p type " + p.getClass().getSimpleName() + " and q type "
                + q.getClass().getSimpleName());
    }

    /** The classes PyTorch derives from ExponentialFamily. */
    private static boolean exponentialFamily(Distribution d) {
        return d instanceof Bernoulli || d instanceof Beta || d instanceof Dirichlet || d instanceof Exponential || d instanceof Gamma
                || d instanceof Normal || d instanceof Poisson;
    }

    private static Tensor infinite(Tensor like) { return Torch.fullLike(like, Double.POSITIVE_INFINITY); }

    private static Tensor bernoulli(Bernoulli p, Bernoulli q) {
        Tensor t1 = p.probs().mul(F.softplus(q.logits().neg()).sub(F.softplus(p.logits().neg())));
        t1.indexPut_(new Tensor[] {q.probs().eq(0L)}, Double.POSITIVE_INFINITY).indexPut_(new Tensor[] {p.probs().eq(0L)}, 0.0);
        Tensor t2 = p.probs().rsub(1L).mul(F.softplus(q.logits()).sub(F.softplus(p.logits())));
        t2.indexPut_(new Tensor[] {q.probs().eq(1L)}, Double.POSITIVE_INFINITY).indexPut_(new Tensor[] {p.probs().eq(1L)}, 0.0);
        return t1.add(t2);
    }

    private static Tensor categorical(Categorical p, Categorical q) {
        Tensor t = p.probs().mul(p.logits().sub(q.logits()));
        long[] shape = t.shape();
        t.indexPut_(new Tensor[] {q.probs().eq(0L).expand(shape)}, Double.POSITIVE_INFINITY).indexPut_(new Tensor[] {p.probs().eq(0L).expand(shape)}, 0.0);
        return t.sum(new int[] {-1}, false);
    }

    private static Tensor normal(Normal p, Normal q) {
        Tensor varRatio = p.scale().div(q.scale()).pow(2L);
        Tensor t1 = p.loc().sub(q.loc()).div(q.scale()).pow(2L);
        return varRatio.add(t1).sub(1L).sub(varRatio.log()).mul(0.5);
    }

    private static Tensor uniform(Uniform p, Uniform q) {
        Tensor r = q.high().sub(q.low()).div(p.high().sub(p.low())).log();
        return r.indexPut_(new Tensor[] {q.low().gt(p.low()).logicalOr(q.high().lt(p.high()))}, Double.POSITIVE_INFINITY);
    }

    private static Tensor exponential(Exponential p, Exponential q) {
        Tensor rateRatio = q.rate().div(p.rate());
        return rateRatio.log().neg().add(rateRatio).sub(1L);
    }

    private static Tensor laplace(Laplace p, Laplace q) {
        Tensor scaleRatio = p.scale().div(q.scale());
        Tensor locAbsDiff = p.loc().sub(q.loc()).abs();
        Tensor t1 = scaleRatio.log().neg(), t2 = locAbsDiff.div(q.scale());
        Tensor t3 = scaleRatio.mul(locAbsDiff.neg().div(p.scale()).exp());
        return t1.add(t2).add(t3).sub(1L);
    }

    private static Tensor uniformNormal(Uniform p, Normal q) {
        Tensor common = p.high().sub(p.low());
        Tensor t1 = q.scale().mul(Math.sqrt(Math.PI * 2)).div(common).log();
        Tensor t2 = common.pow(2L).div(12L);
        Tensor t3 = p.high().add(p.low()).sub(q.loc().mul(2L)).div(2L).pow(2L);
        return t1.add(t2.add(t3).mul(0.5).div(q.scale().pow(2L)));
    }

    private static Tensor uniformExponential(Uniform p, Exponential q) {
        Tensor r = q.rate().mul(p.high().add(p.low())).div(2L).sub(p.high().sub(p.low()).mul(q.rate()).log());
        return r.indexPut_(new Tensor[] {p.low().lt(0L)}, Double.POSITIVE_INFINITY);
    }

    private static Tensor exponentialNormal(Exponential p, Normal q) {
        Tensor varNormal = q.scale().pow(2L), rateSqr = p.rate().pow(2L);
        Tensor t1 = rateSqr.mul(varNormal).mul(2L).mul(Math.PI).log().mul(0.5);
        Tensor t2 = rateSqr.reciprocal(), t3 = q.loc().div(p.rate()), t4 = q.loc().pow(2L).mul(0.5);
        return t1.sub(1L).add(t2.sub(t3).add(t4).div(varNormal));
    }

    private static Tensor laplaceNormal(Laplace p, Normal q) {
        Tensor varNormal = q.scale().pow(2L);
        Tensor ratio = p.scale().pow(2L).div(varNormal);
        Tensor t1 = ratio.mul(2L).div(Math.PI).log().mul(0.5);
        Tensor t2 = p.loc().pow(2L).mul(0.5), t3 = p.loc().mul(q.loc()), t4 = q.loc().pow(2L).mul(0.5);
        return t1.neg().add(ratio).add(t2.sub(t3).add(t4).div(varNormal)).sub(1L);
    }

    private static Tensor normalLaplace(Normal p, Laplace q) {
        Tensor locDiff = p.loc().sub(q.loc());
        Tensor scaleRatio = p.scale().div(q.scale());
        Tensor ratio = locDiff.div(p.scale());
        Tensor t1 = scaleRatio.log();
        Tensor t2 = p.scale().mul(Math.sqrt(2 / Math.PI)).mul(ratio.pow(2L).mul(-0.5).exp());
        Tensor t3 = locDiff.mul(ratio.mul(Math.sqrt(0.5)).erf());
        return t1.neg().add(t2.add(t3).div(q.scale())).sub(0.5 * (1 + Math.log(0.5 * Math.PI)));
    }

    private static Tensor gamma(Gamma p, Gamma q) {
        Tensor t1 = q.concentration().mul(p.rate().div(q.rate()).log());
        Tensor t2 = q.concentration().lgamma().sub(p.concentration().lgamma());
        Tensor t3 = p.concentration().sub(q.concentration()).mul(p.concentration().digamma());
        Tensor t4 = q.rate().sub(p.rate()).mul(p.concentration().div(p.rate()));
        return t1.add(t2).add(t3).add(t4);
    }

    private static Tensor gammaExponential(Gamma p, Exponential q) {
        return p.entropy().neg().sub(q.rate().log()).add(q.rate().mul(p.concentration()).div(p.rate()));
    }

    private static final double EULER_GAMMA = 0.57721566490153286060;

    private static Tensor exponentialGamma(Exponential p, Gamma q) {
        Tensor ratio = q.rate().div(p.rate());
        Tensor t1 = q.concentration().neg().mul(ratio.log());
        return t1.add(ratio).add(q.concentration().lgamma()).add(q.concentration().mul(EULER_GAMMA)).sub(1 + EULER_GAMMA);
    }

    private static Tensor uniformGamma(Uniform p, Gamma q) {
        Tensor common = p.high().sub(p.low());
        Tensor t1 = common.log();
        Tensor t2 = q.concentration().lgamma().sub(q.concentration().mul(q.rate().log()));
        Tensor t3 = q.concentration().rsub(1L).mul(xLogX(p.high()).sub(xLogX(p.low())).sub(common)).div(common);
        Tensor t4 = q.rate().mul(p.high().add(p.low())).div(2L);
        Tensor r = t1.neg().add(t2).add(t3).add(t4);
        return r.indexPut_(new Tensor[] {p.low().lt(0L)}, Double.POSITIVE_INFINITY);
    }

    private static Tensor beta(Beta p, Beta q) {
        Tensor sumP = p.concentration1().add(p.concentration0()), sumQ = q.concentration1().add(q.concentration0());
        Tensor t1 = q.concentration1().lgamma().add(q.concentration0().lgamma()).add(sumP.lgamma());
        Tensor t2 = p.concentration1().lgamma().add(p.concentration0().lgamma()).add(sumQ.lgamma());
        Tensor t3 = p.concentration1().sub(q.concentration1()).mul(p.concentration1().digamma());
        Tensor t4 = p.concentration0().sub(q.concentration0()).mul(p.concentration0().digamma());
        Tensor t5 = sumQ.sub(sumP).mul(sumP.digamma());
        return t1.sub(t2).add(t3).add(t4).add(t5);
    }

    private static Tensor dirichlet(Dirichlet p, Dirichlet q) {
        Tensor sumP = p.concentration().sum(-1), sumQ = q.concentration().sum(-1);
        Tensor t1 = sumP.lgamma().sub(sumQ.lgamma());
        Tensor t2 = p.concentration().lgamma().sub(q.concentration().lgamma()).sum(-1);
        Tensor t3 = p.concentration().sub(q.concentration());
        Tensor t4 = p.concentration().digamma().sub(sumP.digamma().unsqueeze(-1));
        return t1.sub(t2).add(t3.mul(t4).sum(-1));
    }

    private static Tensor poisson(Poisson p, Poisson q) {
        return p.rate().mul(p.rate().log().sub(q.rate().log())).sub(p.rate().sub(q.rate()));
    }

    /** Infinite where p has more trials than q; q with more trials than p is PyTorch's NotImplementedError. */
    private static Tensor binomial(Binomial p, Binomial q) {
        if (p.totalCount().lt(q.totalCount()).any().itemBool()) {
            throw new UnsupportedOperationException("KL between Binomials where q.total_count > p.total_count is not implemented");
        }
        Tensor kl = p.totalCount().mul(p.probs().mul(p.logits().sub(q.logits())).add(p.probs().neg().log1p()).sub(q.probs().neg().log1p()));
        return kl.indexPut_(new Tensor[] {p.totalCount().gt(q.totalCount())}, Double.POSITIVE_INFINITY);
    }

    private static Tensor gumbel(Gumbel p, Gumbel q) {
        Tensor ct1 = p.scale().div(q.scale()), ct2 = q.loc().div(q.scale()), ct3 = p.loc().div(q.scale());
        Tensor t1 = ct1.log().neg().sub(ct2).add(ct3), t2 = ct1.mul(Gumbel.EULER_GAMMA);
        Tensor t3 = ct2.add(ct1.add(1L).lgamma()).sub(ct3).exp();
        return t1.add(t2).add(t3).sub(1 + Gumbel.EULER_GAMMA);
    }

    private static Tensor cauchy(Cauchy p, Cauchy q) {
        Tensor t1 = p.scale().add(q.scale()).pow(2L).add(p.loc().sub(q.loc()).pow(2L)).log();
        Tensor t2 = p.scale().mul(4L).mul(q.scale()).log();
        return t1.sub(t2);
    }

    /** The bases' KL summed over the reinterpreted dims; differing counts are PyTorch's bare NotImplementedError. */
    private static Tensor independent(Independent p, Independent q) {
        if (p.reinterpretedBatchNdims() != q.reinterpretedBatchNdims()) throw new UnsupportedOperationException("");
        return Independent.sumRightmost(klDivergence(p.baseDist(), q.baseDist()), p.reinterpretedBatchNdims());
    }

    private static Tensor xLogX(Tensor t) { return t.mul(t.log()); }
}
