package dev.jgrad.nn;

/**
 * {@code torch.nn.Dropout1d}: channel dropout over 1 spatial dim (see {@link DropoutNd}).
 *
 * <p>Shape: input (N, C, L) or unbatched (C, L); output the same shape. Other ranks raise
 * IllegalArgumentException ("dropout1d: Expected 2D or 3D input, but received a 4D input. ...").
 */
public class Dropout1d extends DropoutNd {
    /** {@code nn.Dropout1d()}: p = 0.5. */
    public Dropout1d() { this(0.5); }

    /**
     * {@code nn.Dropout1d(p)}.
     *
     * @param p the probability of a channel being zeroed, in [0, 1]
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but
     *     got 1.5")
     */
    public Dropout1d(double p) { super(1, p); }
}
