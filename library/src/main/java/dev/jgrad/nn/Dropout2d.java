package dev.jgrad.nn;

/** Channel dropout over 2 spatial dims: see {@link DropoutNd}. */
public class Dropout2d extends DropoutNd {
    public Dropout2d() { this(0.5); }

    public Dropout2d(double p) { super(2, p); }
}
