package dev.jgrad.nn;

/**
 * {@code torch.nn.Dropout3d}: channel dropout over 3 spatial dims (see {@link DropoutNd}).
 *
 * <p>Shape: input (N, C, D, H, W); output the same shape (dim 1 is the channel). Fewer than 2 dims raise
 * IllegalArgumentException ("Feature dropout requires at least 2 dimensions in the input").
 */
public class Dropout3d extends DropoutNd {
    /** {@code nn.Dropout3d()}: p = 0.5. */
    public Dropout3d() { this(0.5); }

    /**
     * {@code nn.Dropout3d(p)}.
     *
     * @param p the probability of a channel being zeroed, in [0, 1]
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but
     *     got 1.5")
     */
    public Dropout3d(double p) { super(3, p); }
}
