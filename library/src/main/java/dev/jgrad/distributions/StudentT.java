package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * Student's t distribution with df degrees of freedom, location and scale, broadcast together, as
 * PyTorch's: rsample is loc + scale X / sqrt(Z / df) with X from {@code normal_()} and Z ~ Chi2(df) drawn
 * by the Gamma sampler, in PyTorch's order (so the draws equal its for the same seed), differentiable
 * in all three parameters.
 */
public final class StudentT extends Distribution {
    /** log Beta(1/2, .) pieces: Python's math.lgamma(0.5). */
    private static final double LGAMMA_HALF = 0.5723649429247004;

    private final Tensor df, loc, scale;
    private final Gamma chi2;

    /**
     * {@code torch.distributions.StudentT(df)}: loc 0 and scale 1 of df's dtype, batch shape df's.
     *
     * @param df  the degrees of freedom, positive
     * @throws IllegalArgumentException when df is not positive: PyTorch's "Expected parameter df (Tensor of shape ()) of
     *     distribution Chi2() to satisfy the constraint GreaterThan(lower_bound=0.0), but found invalid values: ..." (its
     *     Chi2 is built, and checked, first)
     */
    public StudentT(Tensor df) { this(df, Torch.scalarTensor(0.0, df.dtype()), Torch.scalarTensor(1.0, df.dtype())); }

    /**
     * {@code torch.distributions.StudentT(df, loc, scale)}: batch shape the broadcast of all three.
     *
     * @param df     the degrees of freedom, positive
     * @param loc    the location, any real
     * @param scale  the scale, positive
     * @throws IllegalArgumentException when a parameter breaks its constraint (df and scale positive, loc real; a bad df is reported for the Chi2 PyTorch builds first): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     * @throws IllegalArgumentException when the parameters do not broadcast ("The size of tensor a (2) must match the size of
     *     tensor b (3) at non-singleton dimension 0")
     */
    public StudentT(Tensor df, Tensor loc, Tensor scale) { this(df, loc, scale, Torch.broadcastShapes(df.shape(), loc.shape(), scale.shape())); }

    /**
     * {@code StudentT(df, loc, scale)} with float32 scalar parameters (batch shape ()).
     *
     * @param df     the degrees of freedom, positive
     * @param loc    the location
     * @param scale  the scale, positive
     * @throws IllegalArgumentException when a parameter breaks its constraint (df and scale positive, loc real): PyTorch's
     *     "Expected parameter scale (Tensor of shape ()) of distribution ... to satisfy the constraint
     *     GreaterThan(lower_bound=0.0), but found invalid values: ..."
     */
    public StudentT(double df, double loc, double scale) { this(Torch.scalarTensor(df), Torch.scalarTensor(loc), Torch.scalarTensor(scale)); }

    private StudentT(Tensor df, Tensor loc, Tensor scale, long[] shape) {
        super(shape, new long[0]);
        this.df = expandTo(df, shape);
        this.loc = expandTo(loc, shape);
        this.scale = expandTo(scale, shape);
        Tensor halfDf = this.df.mul(0.5);
        checkParam("Chi2()", "df", halfDf.mul(2L), Constraint.POSITIVE);  // PyTorch builds (and validates) its Chi2 first
        this.chi2 = new Gamma(halfDf, Torch.scalarTensor(0.5, this.df.dtype()));
        checkParam("df", this.df, Constraint.POSITIVE);
        checkParam("loc", this.loc, Constraint.REAL);
        checkParam("scale", this.scale, Constraint.POSITIVE);
    }

    /**
     * {@code df}: the degrees of freedom.
     *
     * @return df, expanded to the batch shape
     */
    public Tensor df() { return df; }

    /**
     * {@code loc}: the location (the mean where df &gt; 1).
     *
     * @return loc, expanded to the batch shape
     */
    public Tensor loc() { return loc; }

    /**
     * {@code scale}: the scale.
     *
     * @return scale, expanded to the batch shape
     */
    public Tensor scale() { return scale; }

    @Override public boolean hasRsample() { return true; }

    /** loc, or nan where df &lt;= 1. */
    @Override public Tensor mean() {
        Tensor m = loc.clone();
        Tensor flat = m.dim() == 0 ? m.reshape(1) : m;
        flat.indexPut_(new Tensor[] {flat(df).le(1L)}, Double.NaN);
        return m;
    }

    @Override public Tensor mode() { return loc; }

    /** scale^2 df / (df - 2) for df > 2, inf for 1 &lt; df &lt;= 2, nan for df &lt;= 1. */
    @Override public Tensor variance() {
        Tensor d = flat(df), s = flat(scale), m = d.clone();
        Tensor above2 = d.gt(2L);
        Tensor dAbove = d.index(above2);
        m.indexPut_(new Tensor[] {above2}, s.index(above2).pow(2L).mul(dAbove).div(dAbove.sub(2L)));
        m.indexPut_(new Tensor[] {d.le(2L).logicalAnd(d.gt(1L))}, Double.POSITIVE_INFINITY);
        m.indexPut_(new Tensor[] {d.le(1L)}, Double.NaN);
        return df.dim() == 0 ? m.reshape() : m;
    }

    /** A 0-d tensor as one element (PyTorch's boolean indexing of 0-d tensors, which jgrad writes as 1-d). */
    private static Tensor flat(Tensor t) { return t.dim() == 0 ? t.reshape(1) : t; }

    @Override public Tensor rsample(long... sampleShape) {
        Tensor x;
        try (var g = Torch.noGrad()) {
            x = Torch.empty(df.dtype(), df.device(), extendedShape(sampleShape)).normal_(0, 1);
        }
        Tensor z = chi2.rsample(sampleShape);
        return loc.add(scale.mul(x.mul(z.div(df).rsqrt())));
    }

    /** -(df + 1)/2 log1p(y^2 / df) - log(scale) - log(df)/2 - log(pi)/2 - lgamma(df/2) + lgamma((df + 1)/2), y = (value - loc) / scale. */
    @Override public Tensor logProb(Tensor value) {
        validateSample(value, Constraint.REAL);
        Tensor y = value.sub(loc).div(scale);
        Tensor z = scale.log().add(df.log().mul(0.5)).add(0.5 * Math.log(Math.PI)).add(df.mul(0.5).lgamma()).sub(df.add(1.0).mul(0.5).lgamma());
        return df.add(1.0).mul(-0.5).mul(y.pow(2.0).div(df).log1p()).sub(z);
    }

    @Override public Tensor entropy() {
        Tensor lbeta = df.mul(0.5).lgamma().add(LGAMMA_HALF).sub(df.add(1L).mul(0.5).lgamma());
        Tensor psi = df.add(1L).mul(0.5).digamma().sub(df.mul(0.5).digamma());
        return scale.log().add(df.add(1L).mul(0.5).mul(psi)).add(df.log().mul(0.5)).add(lbeta);
    }

    @Override protected Map<String, Tensor> reprParams() { return params("df", df, "loc", loc, "scale", scale); }
}
