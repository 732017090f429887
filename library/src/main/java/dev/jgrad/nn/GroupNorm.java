package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;

/** Normalises each sample's channels in groups; an affine weight (ones) and bias (zeros) per channel. */
public class GroupNorm extends Module {
    public final int numGroups, numChannels;
    public final double eps;
    public final boolean affine;
    /** Null when not affine. */
    public final Parameter weight, bias;

    public GroupNorm(int numGroups, int numChannels) { this(numGroups, numChannels, 1e-5, true); }

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
