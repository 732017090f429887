/**
 * Files in the formats PyTorch users exchange: NumPy's {@code .npy}/{@code .npz} ({@link dev.jgrad.io.Npy})
 * and {@code .safetensors} ({@link dev.jgrad.io.SafeTensors}); PyTorch's own {@code .pt} format is
 * {@code Torch.save}/{@code Torch.load}. Readers check a file as the reference implementation does and
 * report a malformed one as an {@link java.lang.IllegalArgumentException}; a file that cannot be read or
 * written at all gives an {@link java.io.UncheckedIOException}. No method declares a checked exception.
 * Every save is atomic: a temp file beside the target, forced to disk, then renamed over it.
 */
package dev.jgrad.io;
