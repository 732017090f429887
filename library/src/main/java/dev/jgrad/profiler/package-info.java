/**
 * {@code torch.autograd.profiler}: {@link dev.jgrad.profiler.Profiler#profile()} opens a
 * {@link dev.jgrad.profiler.Profile} that records every op (and {@code recordFunction} block) with its
 * times, optionally input shapes and allocated bytes; {@code keyAverages().table(...)} prints PyTorch's
 * table, and {@code exportChromeTrace} writes a trace Perfetto and chrome://tracing open.
 */
package dev.jgrad.profiler;
