package dev.jgrad.nn;

/** Channel dropout over 1 spatial dim: see {@link DropoutNd}. */
public class Dropout1d extends DropoutNd {
    /** {@code nn.Dropout1d()}; the other arguments take PyTorch's defaults. */
    public Dropout1d() { this(0.5); }

    /** {@code nn.Dropout1d(p)}. */
    public Dropout1d(double p) { super(1, p); }
}
