/**
 * jgrad's core, PyTorch's {@code torch} namespace: {@link dev.jgrad.Tensor} (every tensor method),
 * {@link dev.jgrad.Torch} (the {@code torch.*} functions: creation, math, random numbers, grad modes,
 * {@code save}/{@code load}), {@link dev.jgrad.Linalg} ({@code torch.linalg}), {@link dev.jgrad.Special}
 * ({@code torch.special}), and the value types {@link dev.jgrad.DType}, {@link dev.jgrad.Device},
 * {@link dev.jgrad.Size}, {@link dev.jgrad.Generator} and the autograd graph's {@link dev.jgrad.Node} and
 * {@link dev.jgrad.Edge}. Use it as {@code import dev.jgrad.*; import static dev.jgrad.Torch.*;}.
 * Bad arguments throw {@link java.lang.IllegalArgumentException} and bad state
 * {@link java.lang.IllegalStateException}, with PyTorch's message text.
 */
package dev.jgrad;
