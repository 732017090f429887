/**
 * {@code torch.nn.init}: in-place initialisers ({@code uniform_}, {@code normal_}, {@code xavierUniform_},
 * {@code kaimingUniform_}, {@code orthogonal_}, {@code truncNormal_}, ...) in {@link dev.jgrad.nn.init.Init},
 * drawing from jgrad's generator exactly as PyTorch draws, so a seeded initialisation gives PyTorch's
 * numbers. Each returns the tensor it filled and records no autograd history.
 */
package dev.jgrad.nn.init;
