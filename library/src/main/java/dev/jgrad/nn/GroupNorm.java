package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;

/** Normalises each sample's channels in groups; an affine weight (ones) and bias (zeros) per channel. */
public class GroupNorm extends Module {
    /** {@code num_groups}: the number of groups the channels are separated into. */
    public final int numGroups;
    /** {@code num_channels}: the number of channels expected in the input. */
    public final int numChannels;
    /** {@code eps}: the value added to denominators for numerical stability. */
    public final double eps;
    /** {@code affine}: whether the layer has learnable affine parameters. */
    public final boolean affine;
    /** Null when not affine. */
    public final Parameter weight;
    /** {@code bias}: the learnable bias (null without one). */
    public final Parameter bias;

    /** {@code nn.GroupNorm(num_groups, num_channels)}; the other arguments take PyTorch's defaults. */
    public GroupNorm(int numGroups, int numChannels) { this(numGroups, numChannels, 1e-5, true); }

    /** {@code nn.GroupNorm(num_groups, num_channels, eps, affine)}. */
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
