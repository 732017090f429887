package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Interleaves the channels of groups groups (ShuffleNet's channel shuffle). */
public class ChannelShuffle extends Module {
    /** {@code groups}: the number of blocked connections from input to output channels. */
    public final int groups;

    /** {@code nn.ChannelShuffle(groups)}. */
    public ChannelShuffle(int groups) { this.groups = groups; }

    @Override public Tensor forward(Tensor input) { return F.channelShuffle(input, groups); }

    @Override protected String extraRepr() { return "groups=" + groups; }
}
