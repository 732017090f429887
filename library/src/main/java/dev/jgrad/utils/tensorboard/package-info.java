/**
 * {@code torch.utils.tensorboard}: {@link dev.jgrad.utils.tensorboard.SummaryWriter} writes TensorBoard event
 * files (scalars, histograms, text, hyperparameters) byte for byte as PyTorch 1.13 does, with no protobuf
 * dependency.
 */
package dev.jgrad.utils.tensorboard;
