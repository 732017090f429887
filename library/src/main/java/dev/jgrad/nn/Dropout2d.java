package dev.jgrad.nn;

/** Channel dropout over 2 spatial dims: see {@link DropoutNd}. */
public class Dropout2d extends DropoutNd {
    /** {@code nn.Dropout2d()}; the other arguments take PyTorch's defaults. */
    public Dropout2d() { this(0.5); }

    /** {@code nn.Dropout2d(p)}. */
    public Dropout2d(double p) { super(2, p); }
}
