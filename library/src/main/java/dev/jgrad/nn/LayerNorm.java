package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;

/** Normalises over the last dims (normalizedShape) of each sample, then scales and shifts elementwise. */
public class LayerNorm extends Module {
    /** {@code normalized_shape}: the trailing shape normalised over. */
    public final long[] normalizedShape;
    /** {@code eps}: the value added to denominators for numerical stability. */
    public final double eps;
    /** {@code elementwise_affine}: whether the layer has learnable per-element affine parameters. */
    public final boolean elementwiseAffine;
    /** {@code weight}: the learnable weight. */
    public final Parameter weight;
    /** {@code bias}: the learnable bias (null without one). */
    public final Parameter bias;

    /** {@code nn.LayerNorm(normalized_shape)}; the other arguments take PyTorch's defaults. */
    public LayerNorm(long... normalizedShape) { this(normalizedShape, 1e-5, true); }

    /** {@code nn.LayerNorm(normalized_shape, eps, elementwise_affine)}. */
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
