package dev.jgrad.nn;

/** Channel dropout over 3 spatial dims: see {@link DropoutNd}. */
public class Dropout3d extends DropoutNd {
    public Dropout3d() { this(0.5); }

    public Dropout3d(double p) { super(3, p); }
}
