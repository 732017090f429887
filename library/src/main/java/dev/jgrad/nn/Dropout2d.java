package dev.jgrad.nn;

/**
 * {@code torch.nn.Dropout2d}: channel dropout over 2 spatial dims (see {@link DropoutNd}).
 *
 * <p>Shape: input (N, C, H, W); output the same shape. Dim 1 is always the channel, so a 3-d input is taken as
 * (N, C, L), as PyTorch 1.13 does. Fewer than 2 dims raise IllegalArgumentException ("Feature dropout requires at
 * least 2 dimensions in the input").
 */
public class Dropout2d extends DropoutNd {
    /** {@code nn.Dropout2d()}: p = 0.5. */
    public Dropout2d() { this(0.5); }

    /**
     * {@code nn.Dropout2d(p)}.
     *
     * @param p the probability of a channel being zeroed, in [0, 1]
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but
     *     got 1.5")
     */
    public Dropout2d(double p) { super(2, p); }
}
