package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.interpolate} as a layer: to a fixed size, or by a scale factor; any of interpolate's modes (nearest, linear, bilinear, bicubic, trilinear, area, nearest-exact). */
public class Upsample extends Module {
    /** Null when a scale factor is given. */
    public final int[] size;
    /** 0 when a size is given. */
    public final double scaleFactor;
    public final String mode;
    public final boolean alignCorners;

    /** Scaled by scaleFactor with nearest neighbours. */
    public Upsample(double scaleFactor) { this(null, scaleFactor, "nearest", false); }

    public Upsample(double scaleFactor, String mode) { this(null, scaleFactor, mode, false); }

    /** size (one value for every spatial dim, or one per dim) or scaleFactor (then size is null). */
    public Upsample(int[] size, double scaleFactor, String mode, boolean alignCorners) {
        this.size = size == null ? null : size.clone();
        this.scaleFactor = scaleFactor;
        this.mode = mode;
        this.alignCorners = alignCorners;
    }

    @Override public Tensor forward(Tensor input) {
        return size != null ? F.interpolate(input, size, mode, alignCorners) : F.interpolate(input, new double[] {scaleFactor}, mode, alignCorners);
    }

    @Override protected String extraRepr() {
        String what = size != null ? "size=" + (size.length == 1 ? String.valueOf(size[0]) : Repr.tuple(size)) : "scale_factor=" + Repr.pyFloat(scaleFactor);
        return what + ", mode=" + mode;
    }
}
