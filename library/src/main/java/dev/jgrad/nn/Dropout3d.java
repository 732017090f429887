package dev.jgrad.nn;

/** Channel dropout over 3 spatial dims: see {@link DropoutNd}. */
public class Dropout3d extends DropoutNd {
    /** {@code nn.Dropout3d()}; the other arguments take PyTorch's defaults. */
    public Dropout3d() { this(0.5); }

    /** {@code nn.Dropout3d(p)}. */
    public Dropout3d(double p) { super(3, p); }
}
