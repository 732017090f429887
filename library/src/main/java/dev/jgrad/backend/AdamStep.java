package dev.jgrad.backend;

/**
 * The numbers of one Adam or AdamW update of one parameter, as {@link Backend#adamStep} applies them. Per element,
 * in PyTorch's single-tensor order (each arrow one rounding in the parameter's dtype):
 * {@code g = maximize ? -grad : grad}; AdamW: {@code p *= 1 - lr * weightDecay}, Adam: {@code g += weightDecay * p}
 * (when weightDecay is not 0); {@code m = m * beta1 -> + (1 - beta1) * g} (one fused multiply-add);
 * {@code v = v * beta2 -> + (1 - beta2) * g * g} (the product {@code (1 - beta2) * g} rounded, then one fused
 * multiply-add); with amsgrad {@code vmax = max(vmax, v)} and vmax replaces v below;
 * {@code d = sqrt(v) -> / biasCorrection2Sqrt -> + eps}; {@code p = p + (-stepSize * m -> / d)}.
 *
 * @param beta1                the first moment's decay
 * @param beta2                the second moment's decay
 * @param eps                  added to the denominator
 * @param weightDecay          the decay factor (0: none)
 * @param decoupled            true for AdamW's decay of the parameter, false for Adam's decay added to the gradient
 * @param lr                   the learning rate (AdamW's decay uses it)
 * @param stepSize             {@code lr / (1 - beta1^step)}
 * @param biasCorrection2Sqrt  {@code sqrt(1 - beta2^step)}
 * @param amsgrad              whether the running maximum of v is kept and used
 * @param maximize             whether the gradient is negated first
 */
public record AdamStep(double beta1, double beta2, double eps, double weightDecay, boolean decoupled, double lr, double stepSize,
                       double biasCorrection2Sqrt, boolean amsgrad, boolean maximize) {}
