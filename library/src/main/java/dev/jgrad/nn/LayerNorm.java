package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;

/**
 * {@code torch.nn.LayerNorm}: normalises over the last dims (normalized_shape) of each sample,
 * {@code y = (x - mean) / sqrt(var + eps) * weight + bias} with the biased variance, then scales and shifts
 * elementwise.
 *
 * <p>Shape: input (N, *) whose trailing dims equal normalized_shape; output the same shape. Other trailing dims
 * raise IllegalArgumentException ("Given normalized_shape=[4], expected input with shape [*, 4], but got input of
 * size[2, 3]").
 *
 * <p>Learnable parameters (when elementwise_affine): weight of shape normalized_shape, ones at first, and bias of
 * that shape, zeros.
 */
public class LayerNorm extends Module {
    /** {@code normalized_shape}: the trailing shape normalised over. */
    public final long[] normalizedShape;
    /** {@code eps}: added to the variance for numerical stability. */
    public final double eps;
    /** {@code elementwise_affine}: whether the layer has learnable per-element affine parameters. */
    public final boolean elementwiseAffine;
    /** {@code weight}: the learnable scale, of shape normalized_shape, ones at first (null without affine). */
    public final Parameter weight;
    /** {@code bias}: the learnable shift, of shape normalized_shape, zeros at first (null without affine). */
    public final Parameter bias;

    /**
     * {@code nn.LayerNorm(normalized_shape)}: eps 1e-5, with elementwise affine.
     *
     * @param normalizedShape the trailing shape normalised over (one size for the last dim)
     */
    public LayerNorm(long... normalizedShape) { this(normalizedShape, 1e-5, true); }

    /**
     * {@code nn.LayerNorm(normalized_shape, eps, elementwise_affine)}.
     *
     * @param normalizedShape the trailing shape normalised over
     * @param eps added to the variance for numerical stability
     * @param elementwiseAffine whether to learn a weight and bias of shape normalizedShape
     */
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
