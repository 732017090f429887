package dev.jgrad.nn;

/** Channel dropout over 1 spatial dim: see {@link DropoutNd}. */
public class Dropout1d extends DropoutNd {
    public Dropout1d() { this(0.5); }

    public Dropout1d(double p) { super(1, p); }
}
