/**
 * {@code torch.compile} for jgrad: {@link dev.jgrad.compile.CompiledFunction} traces a function of tensors once per
 * input signature, fuses its chains of elementwise kernels into generated classes, and replays the program on later
 * calls; {@code Torch.compile} is the short form. See the README's section "Torch.compile" for what is captured.
 */
package dev.jgrad.compile;
