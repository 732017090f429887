/**
 * {@code torch.nn.utils}: gradient clipping ({@link dev.jgrad.nn.utils.ClipGrad}), packed sequences for
 * the recurrent layers ({@link dev.jgrad.nn.utils.Rnn}, {@link dev.jgrad.nn.utils.PackedSequence}),
 * {@link dev.jgrad.nn.utils.WeightNorm} and {@link dev.jgrad.nn.utils.SpectralNorm} reparametrisations,
 * and {@code parameters_to_vector}/{@code vector_to_parameters} ({@link dev.jgrad.nn.utils.ConvertParameters}).
 */
package dev.jgrad.nn.utils;
