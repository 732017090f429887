package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.interpolate} as a layer: to a fixed size, or by scale factors; any of interpolate's modes (nearest, linear, bilinear, bicubic, trilinear, area, nearest-exact). */
public class Upsample extends Module {
    /** Null when a scale factor is given. */
    public final int[] size;
    /** 0 when a size is given (the first factor when there are several). */
    public final double scaleFactor;
    /** Null when a size is given; one factor for every spatial dim, or one per dim. */
    public final double[] scaleFactors;
    /** {@code mode}: the mode of the layer. */
    public final String mode;
    /** {@code align_corners}: whether corner pixels are aligned (null: None). */
    public final boolean alignCorners;
    /** PyTorch's align_corners and recompute_scale_factor: null is None. */
    private final Boolean alignCornersOption, recomputeScaleFactor;

    /** Scaled by scaleFactor with nearest neighbours. */
    public Upsample(double scaleFactor) { this(null, scaleFactor, "nearest", false); }

    /** {@code nn.Upsample(scale_factor, mode)}. */
    public Upsample(double scaleFactor, String mode) { this(null, scaleFactor, mode, false); }

    /** size (one value for every spatial dim, or one per dim) or scaleFactor (then size is null); alignCorners false is None for nearest and area. */
    public Upsample(int[] size, double scaleFactor, String mode, boolean alignCorners) {
        this(size, size == null ? new double[] {scaleFactor} : null, mode, nearestLike(mode) && !alignCorners ? null : alignCorners, null);
    }

    /** PyTorch's constructor: exactly one of size and scaleFactor; alignCorners and recomputeScaleFactor null for None. */
    public Upsample(int[] size, double[] scaleFactor, String mode, Boolean alignCorners, Boolean recomputeScaleFactor) {
        this.size = size == null ? null : size.clone();
        this.scaleFactors = scaleFactor == null ? null : scaleFactor.clone();
        this.scaleFactor = scaleFactor == null ? 0 : scaleFactor[0];
        this.mode = mode;
        this.alignCornersOption = alignCorners;
        this.alignCorners = alignCorners != null && alignCorners;
        this.recomputeScaleFactor = recomputeScaleFactor;
    }

    private static boolean nearestLike(String mode) {
        return mode.equals("nearest") || mode.equals("area") || mode.equals("nearest-exact");
    }

    @Override public Tensor forward(Tensor input) {
        return F.interpolate(input, size, scaleFactors, mode, alignCornersOption, recomputeScaleFactor);
    }

    @Override protected String extraRepr() {
        String what;
        if (size != null) {
            what = "size=" + (size.length == 1 ? String.valueOf(size[0]) : Repr.tuple(size));
        } else if (scaleFactors.length == 1) {
            what = "scale_factor=" + Repr.pyFloat(scaleFactors[0]);
        } else {
            String[] parts = new String[scaleFactors.length];
            for (int i = 0; i < parts.length; i++) parts[i] = Repr.pyFloat(scaleFactors[i]);
            what = "scale_factor=(" + String.join(", ", parts) + ")";
        }
        return what + ", mode=" + mode;
    }
}
