package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Upsample} ({@code F.interpolate} as a layer): resizes the spatial dims to a fixed size, or by scale
 * factors, with any of interpolate's modes (nearest, linear, bilinear, bicubic, trilinear, area, nearest-exact).
 *
 * <p>Shape: input (N, C, W_in), (N, C, H_in, W_in) or (N, C, D_in, H_in, W_in) (linear needs 3-d, bilinear and
 * bicubic 4-d, trilinear 5-d input); output (N, C, D_out, H_out, W_out) with each size the given one, or
 * floor(in scale_factor). Errors on forward (IllegalArgumentException): another rank or an unknown mode ("Input
 * Error: Only 3D, 4D and 5D input Tensors supported (got 2D) for the modes: nearest | linear | bilinear | bicubic |
 * trilinear | area | nearest-exact (got nearest)"), a mode that does not fit the rank ("Got 4D input, but linear mode
 * needs 3D input"), both or neither of size and scale_factor ("only one of size or scale_factor should be defined",
 * "either size or scale_factor should be defined"), align_corners with a nearest or area mode ("align_corners option
 * can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear").
 */
public class Upsample extends Module {
    /** {@code size}: the output's spatial sizes; null when a scale factor is given. */
    public final int[] size;
    /** The first scale factor; 0 when a size is given. */
    public final double scaleFactor;
    /** {@code scale_factor}: one factor for every spatial dim, or one per dim; null when a size is given. */
    public final double[] scaleFactors;
    /** {@code mode}: the interpolation, "nearest", "linear", "bilinear", "bicubic", "trilinear", "area" or "nearest-exact". */
    public final String mode;
    /** {@code align_corners}: whether corner pixels are aligned (false also when PyTorch's is None). */
    public final boolean alignCorners;
    /** PyTorch's align_corners and recompute_scale_factor: null is None. */
    private final Boolean alignCornersOption, recomputeScaleFactor;

    /**
     * {@code nn.Upsample(scale_factor=s)}: every spatial dim scaled by s with nearest neighbours.
     *
     * @param scaleFactor the factor of every spatial dim
     */
    public Upsample(double scaleFactor) { this(null, scaleFactor, "nearest", false); }

    /**
     * {@code nn.Upsample(scale_factor=s, mode=mode)}, align_corners None.
     *
     * @param scaleFactor the factor of every spatial dim
     * @param mode the interpolation (checked on forward)
     */
    public Upsample(double scaleFactor, String mode) { this(null, scaleFactor, mode, false); }

    /**
     * {@code nn.Upsample(size, scale_factor, mode, align_corners)}: size, or scaleFactor when size is null; alignCorners
     * false is None for the nearest and area modes.
     *
     * @param size the output's spatial sizes (one value for every spatial dim, or one per dim), or null
     * @param scaleFactor the factor of every spatial dim, used when size is null
     * @param mode the interpolation (checked on forward)
     * @param alignCorners whether corner pixels are aligned (linear family and bicubic)
     */
    public Upsample(int[] size, double scaleFactor, String mode, boolean alignCorners) {
        this(size, size == null ? new double[] {scaleFactor} : null, mode, nearestLike(mode) && !alignCorners ? null : alignCorners, null);
    }

    /**
     * PyTorch's constructor {@code nn.Upsample(size, scale_factor, mode, align_corners, recompute_scale_factor)}:
     * exactly one of size and scaleFactor (checked on forward).
     *
     * @param size the output's spatial sizes (one value for every spatial dim, or one per dim), or null
     * @param scaleFactor one factor for every spatial dim, or one per dim, or null
     * @param mode the interpolation (checked on forward)
     * @param alignCorners whether corner pixels are aligned, or null for None
     * @param recomputeScaleFactor whether the source index uses the output size rather than 1 / scale, or null for
     *     None
     */
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
