package dev.jgrad.backend;

/**
 * The numbers of one Adadelta update of one parameter, as {@link Backend#adadeltaStep} applies them. Per element, in
 * PyTorch 1.13's single-tensor order (each arrow one rounding in the parameter's dtype):
 * {@code g = maximize ? -grad : grad}; {@code g += weightDecay * p} (when weightDecay is not 0, one fused multiply-add);
 * {@code s = s * rho -> + (1 - rho) * g * g} (the product {@code (1 - rho) * g} rounded, then one fused multiply-add);
 * {@code std = s + eps -> sqrt}; {@code delta = a + eps -> sqrt -> / std -> * g};
 * {@code a = a * rho -> + (1 - rho) * delta * delta} (as for s); {@code p += -lr * delta} (one fused multiply-add).
 *
 * @param lr           the learning rate
 * @param rho          the running averages' decay
 * @param eps          added inside both square roots
 * @param weightDecay  the decay factor (0: none)
 * @param maximize     whether the gradient is negated first
 */
public record AdadeltaStep(double lr, double rho, double eps, double weightDecay, boolean maximize) {}
