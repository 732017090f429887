package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.GroupNorm}: splits each sample's channels into num_groups groups and normalises each group over
 * its channels and spatial positions, {@code y = (x - mean) / sqrt(var + eps) * weight + bias}, the affine per
 * channel.
 *
 * <p>Shape: input (N, C, *) with C = num_channels; output the same shape. Another C raises IllegalArgumentException
 * ("Expected weight to be a vector of size equal to the number of channels in input, but got weight of shape
 * torch.Size([4]) and input of shape torch.Size([2, 6, 3])").
 *
 * <p>Learnable parameters (when affine): weight (C), ones at first, and bias (C), zeros.
 */
public class GroupNorm extends Module {
    /** {@code num_groups}: the number of groups the channels are separated into. */
    public final int numGroups;
    /** {@code num_channels}: the number of channels expected in the input. */
    public final int numChannels;
    /** {@code eps}: added to the variance for numerical stability. */
    public final double eps;
    /** {@code affine}: whether the layer has learnable affine parameters. */
    public final boolean affine;
    /** {@code weight}: the learnable scale per channel, (C), ones at first (null when not affine). */
    public final Parameter weight;
    /** {@code bias}: the learnable shift per channel, (C), zeros at first (null when not affine). */
    public final Parameter bias;

    /**
     * {@code nn.GroupNorm(num_groups, num_channels)}: eps 1e-5, affine.
     *
     * @param numGroups the number of groups the channels are split into
     * @param numChannels C, the number of channels, divisible by numGroups
     * @throws IllegalArgumentException if numChannels is not divisible by numGroups ("num_channels must be divisible
     *     by num_groups")
     */
    public GroupNorm(int numGroups, int numChannels) { this(numGroups, numChannels, 1e-5, true); }

    /**
     * {@code nn.GroupNorm(num_groups, num_channels, eps, affine)}.
     *
     * @param numGroups the number of groups the channels are split into
     * @param numChannels C, the number of channels, divisible by numGroups
     * @param eps added to the variance for numerical stability
     * @param affine whether to learn a weight and bias per channel
     * @throws IllegalArgumentException if numChannels is not divisible by numGroups ("num_channels must be divisible
     *     by num_groups")
     */
    public GroupNorm(int numGroups, int numChannels, double eps, boolean affine) {
        if (numChannels % numGroups != 0) throw new IllegalArgumentException("num_channels must be divisible by num_groups");
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;
        this.affine = affine;
        weight = registerParameter("weight", affine ? new Parameter(Torch.ones(numChannels)) : null);
        bias = registerParameter("bias", affine ? new Parameter(Torch.zeros(numChannels)) : null);
    }

    @Override public Tensor forward(Tensor input) { return F.groupNorm(input, numGroups, weight, bias, eps); }

    @Override protected String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + Repr.pyFloat(eps) + ", affine=" + Repr.pyBool(affine);
    }
}
