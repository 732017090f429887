package dev.jgrad.backend;

/**
 * The numbers of one SGD update of one parameter, as {@link Backend#sgdStep} applies them. Per element, in
 * PyTorch's order (each arrow one rounding in the parameter's dtype): {@code d = maximize ? -grad : grad};
 * {@code d += weightDecay * p} (when weightDecay is not 0, one fused multiply-add); with a momentum, the buffer
 * becomes {@code d} on the first step and {@code buf * momentum -> + (1 - dampening) * d} after, and then
 * {@code d = nesterov ? d + momentum * buf : buf}; finally {@code p += -lr * d}.
 *
 * @param lr           the learning rate
 * @param momentum     the momentum factor (0: no buffer)
 * @param dampening    the dampening of the buffer's update
 * @param weightDecay  the decay factor (0: none)
 * @param nesterov     whether Nesterov momentum is used
 * @param maximize     whether the gradient is negated first
 * @param firstStep    whether the momentum buffer starts here (it is written, not read)
 */
public record SgdStep(double lr, double momentum, double dampening, double weightDecay, boolean nesterov, boolean maximize,
                      boolean firstStep) {}
