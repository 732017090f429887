/**
 * {@code torch.nn.functional}: the class {@link dev.jgrad.nn.functional.F} holds every functional form
 * (activations, convolutions, pooling, normalisation, dropout, interpolation, embeddings and losses) as
 * static methods, named as in PyTorch in camelCase ({@code F.crossEntropy} is {@code F.cross_entropy});
 * keyword arguments become positional, in PyTorch's order, with shorter overloads for the defaults.
 */
package dev.jgrad.nn.functional;
