/**
 * {@code torch.autograd}: {@link dev.jgrad.autograd.Autograd} ({@code grad}, anomaly detection),
 * {@link dev.jgrad.autograd.Functional} ({@code torch.autograd.functional}: jacobian, hessian, vjp, jvp,
 * vhp, hvp), custom differentiable operations by extending {@link dev.jgrad.autograd.Function},
 * {@link dev.jgrad.autograd.GradMode} (no_grad, enable_grad, inference mode, per thread) and
 * {@link dev.jgrad.autograd.Gradcheck} (gradcheck and gradgradcheck with PyTorch's tolerances).
 * {@code Tensor.backward()} and the tape itself are in {@code dev.jgrad}.
 */
package dev.jgrad.autograd;
