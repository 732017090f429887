package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.ChannelShuffle}: splits the channels into groups and interleaves them (ShuffleNet's channel
 * shuffle): (N, g, C/g, *) transposed to (N, C/g, g, *).
 *
 * <p>Shape: input (N, C, *), at least 3 dims, C divisible by groups; output the same shape. Errors on forward
 * (IllegalArgumentException): fewer than 3 dims ("channel_shuffle expects input to have at least 3 dimensions, but
 * got input with sizes [2, 4]"), C not divisible ("Number of channels must be divisible by groups. Got 3 channels
 * and 2 groups.").
 */
public class ChannelShuffle extends Module {
    /** {@code groups}: the number of groups the channels are split into. */
    public final int groups;

    /**
     * {@code nn.ChannelShuffle(groups)}.
     *
     * @param groups the number of groups, dividing the channel count
     */
    public ChannelShuffle(int groups) { this.groups = groups; }

    @Override public Tensor forward(Tensor input) { return F.channelShuffle(input, groups); }

    @Override protected String extraRepr() { return "groups=" + groups; }
}
