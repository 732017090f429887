package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;

/** Normalises over the last dims (normalizedShape) of each sample, then scales and shifts elementwise. */
public class LayerNorm extends Module {
    public final long[] normalizedShape;
    public final double eps;
    public final boolean elementwiseAffine;
    public final Parameter weight, bias;

    public LayerNorm(long... normalizedShape) { this(normalizedShape, 1e-5, true); }

    public LayerNorm(long[] normalizedShape, double eps, boolean elementwiseAffine) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        weight = registerParameter("weight", elementwiseAffine ? new Parameter(Torch.ones(normalizedShape)) : null);
        bias = registerParameter("bias", elementwiseAffine ? new Parameter(Torch.zeros(normalizedShape)) : null);
    }

    @Override public Tensor forward(Tensor input) { return Torch.layerNorm(input, normalizedShape, weight, bias, eps); }

    @Override protected String extraRepr() {
        return Repr.tuple(normalizedShape) + ", eps=" + Repr.pyFloat(eps) + ", elementwise_affine=" + Repr.pyBool(elementwiseAffine);
    }
}
