package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;

/**
 * The normal distribution N(loc, scale^2), loc and scale broadcast together, as PyTorch's: sample draws
 * {@code normal_(0, 1)} and scales (so the draws equal PyTorch's), rsample keeps the gradient to loc and
 * scale (the reparameterisation trick), logProb and entropy are differentiable.
 */
public final class Normal {
    private final Tensor loc, scale;

    public Normal(Tensor loc, Tensor scale) {
        long[] shape = Torch.broadcastShapes(loc.shape(), scale.shape());
        this.loc = loc.expand(shape);
        this.scale = scale.expand(shape);
    }

    public Normal(double loc, double scale) { this(Torch.scalarTensor(loc), Torch.scalarTensor(scale)); }

    public Tensor loc() { return loc; }

    public Tensor scale() { return scale; }

    public Tensor mean() { return loc; }

    public Tensor stddev() { return scale; }

    /** A draw of sampleShape + the batch shape, without gradient. */
    public Tensor sample(long... sampleShape) {
        try (var g = Torch.noGrad()) {
            return rsample(sampleShape);
        }
    }

    /** loc + eps * scale with eps ~ N(0, 1): differentiable in loc and scale. */
    public Tensor rsample(long... sampleShape) {
        long[] shape = extended(sampleShape);
        Tensor eps;
        try (var g = Torch.noGrad()) {
            eps = Torch.empty(loc.dtype(), loc.device(), shape).normal_(0, 1);
        }
        return loc.add(eps.mul(scale));
    }

    /** -(value - loc)^2 / (2 scale^2) - log(scale) - log(sqrt(2 pi)). */
    public Tensor logProb(Tensor value) {
        Tensor var = scale.pow(2L);
        return value.sub(loc).pow(2L).neg().div(var.mul(2L)).sub(scale.log()).sub(Math.log(Math.sqrt(2 * Math.PI)));
    }

    /** 0.5 + 0.5 log(2 pi) + log(scale). */
    public Tensor entropy() { return scale.log().add(0.5 + 0.5 * Math.log(2 * Math.PI)); }

    private long[] extended(long[] sampleShape) {
        long[] batch = loc.shape();
        long[] shape = new long[sampleShape.length + batch.length];
        System.arraycopy(sampleShape, 0, shape, 0, sampleShape.length);
        System.arraycopy(batch, 0, shape, sampleShape.length, batch.length);
        return shape;
    }

    @Override public String toString() { return "Normal(loc: " + loc.size() + ", scale: " + scale.size() + ")"; }
}
