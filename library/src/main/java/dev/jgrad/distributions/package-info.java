/**
 * {@code torch.distributions}: probability distributions with PyTorch's parameterisation, sampling
 * streams (the same draws for the same seed) and differentiable log-probabilities.
 */
package dev.jgrad.distributions;
