package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * F.interpolate for 3-d, 4-d and 5-d input: nearest, nearest-exact, (bi/tri)linear, bicubic and area. Each
 * spatial dim gets PyTorch's source indices and weights (computed in the input's opmath precision), and
 * the output is the separable sum of index_selects times weights, last dim first, as PyTorch's kernels nest
 * them; the derivatives follow from those differentiable ops, under PyTorch's node name.
 */
public final class Interpolation {
    private Interpolation() {}

    private static final String MODES = "nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact";

    /** PyTorch's interpolate: exactly one of size and scales; alignCorners null is None; recompute as recompute_scale_factor. */
    public static Tensor interpolate(Tensor input, int[] size, double[] scales, String mode, Boolean alignCorners, Boolean recompute) {
        boolean nearestLike = mode.equals("nearest") || mode.equals("area") || mode.equals("nearest-exact");
        if (nearestLike && alignCorners != null) {
            throw new IllegalArgumentException("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear");
        }
        boolean align = alignCorners != null && alignCorners;
        int dims = input.dim() - 2;
        int[] spatial = dims > 0 ? Arrays.copyOfRange(shape(input), 2, input.dim()) : new int[0];
        if (size != null && scales != null) throw new IllegalArgumentException("only one of size or scale_factor should be defined");
        int[] out;
        double[] sc = null;
        if (size != null) {
            if (size.length != 1 && size.length != dims) {
                throw new IllegalArgumentException("Input and output must have the same number of spatial dimensions, but got input with spatial "
                        + "dimensions of " + Arrays.toString(spatial) + " and output size of " + tuple(Arrays.stream(size).mapToObj(String::valueOf).toArray(String[]::new))
                        + ". Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.");
            }
            out = new int[Math.max(dims, 0)];
            for (int i = 0; i < out.length; i++) out[i] = size.length == 1 ? size[0] : size[i];
        } else if (scales != null) {
            if (scales.length != 1 && scales.length != dims) {
                throw new IllegalArgumentException("Input and scale_factor must have the same number of spatial dimensions, but got input with spatial "
                        + "dimensions of " + Arrays.toString(spatial) + " and scale_factor of shape "
                        + tuple(Arrays.stream(scales).mapToObj(dev.jgrad.nn.Repr::pyFloat).toArray(String[]::new))
                        + ". Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.");
            }
            sc = new double[Math.max(dims, 0)];
            out = new int[sc.length];
            for (int i = 0; i < sc.length; i++) {
                sc[i] = scales.length == 1 ? scales[0] : scales[i];
                out[i] = (int) Math.floor(spatial[i] * sc[i]);
            }
        } else {
            throw new IllegalArgumentException("either size or scale_factor should be defined");
        }
        if (recompute != null && recompute && size != null) {
            throw new IllegalArgumentException("recompute_scale_factor is not meaningful with an explicit size.");
        }
        if ((recompute != null && recompute) || mode.equals("area")) sc = null;
        return dispatch(input, out, sc, mode, align, dims);
    }

    private static Tensor dispatch(Tensor input, int[] out, double[] sc, String mode, boolean align, int dims) {
        String name = switch (mode + dims) {
            case "nearest1" -> "UpsampleNearest1DBackward1";
            case "nearest2" -> "UpsampleNearest2DBackward1";
            case "nearest3" -> "UpsampleNearest3DBackward1";
            case "nearest-exact1" -> "UpsampleNearestExact1DBackward1";
            case "nearest-exact2" -> "UpsampleNearestExact2DBackward1";
            case "nearest-exact3" -> "UpsampleNearestExact3DBackward1";
            case "linear1" -> "UpsampleLinear1DBackward1";
            case "bilinear2" -> "UpsampleBilinear2DBackward1";
            case "trilinear3" -> "UpsampleTrilinear3DBackward1";
            case "bicubic2" -> "UpsampleBicubic2DBackward1";
            case "area1", "area2", "area3" -> "area";
            default -> null;
        };
        if (name == null) {
            String need = switch (mode) {
                case "linear" -> "3D";
                case "bilinear" -> "4D";
                case "trilinear" -> "5D";
                default -> null;
            };
            if (need != null && dims >= 1 && dims <= 3) {
                throw new IllegalArgumentException("Got " + (dims + 2) + "D input, but " + mode + " mode needs " + need + " input");
            }
            throw new IllegalArgumentException("Input Error: Only 3D, 4D and 5D input Tensors supported (got " + input.dim()
                    + "D) for the modes: " + MODES + " (got " + mode + ")");
        }
        if (name.equals("area")) {
            return switch (dims) {
                case 1 -> dev.jgrad.nn.functional.F.adaptiveAvgPool1d(input, out[0]);
                case 2 -> Pooling.adaptiveAvgPool2d(input, out[0], out[1]);
                default -> AdaptivePool3d.adaptiveAvgPool3d(input, out);
            };
        }
        checkSizes(input, out);
        String aten = (mode.equals("nearest-exact") ? "aten::_upsample_nearest_exact" : "aten::upsample_" + mode) + dims + "d";
        try (var ev = Profiler.isActive() ? Profiler.enter(aten, input) : null) {
            boolean single = input.dtype() != DType.FLOAT64;
            // PyTorch runs a 4-d/5-d input with one channel through its channels-last kernel, whose nearest indices keep the old shortcuts
            boolean legacy = dims >= 2 && shape(input)[1] == 1;
            Tensor x = input;
            for (int d = dims - 1; d >= 0; d--) {
                Double s = sc == null ? null : sc[d];
                int in = shape(input)[d + 2];
                Taps taps = switch (mode) {
                    case "nearest" -> legacy ? Taps.nearestIdx(in, out[d], s) : Taps.nearest(in, out[d], s, single, false);
                    case "nearest-exact" -> Taps.nearest(in, out[d], s, single, true);
                    case "bicubic" -> Taps.cubic(in, out[d], s, align, single);
                    default -> Taps.linear(in, out[d], s, align, single);
                };
                x = taps.apply(x, d + 2, input);
            }
            return Derivatives.renamed(name, x);
        }
    }

    private static void checkSizes(Tensor input, int[] out) {
        boolean bad = false;
        for (int i = 0; i < out.length; i++) bad |= out[i] <= 0 || shape(input)[i + 2] <= 0;
        if (!bad) return;
        String[] labels = out.length == 1 ? new String[] {"W"} : out.length == 2 ? new String[] {"H", "W"} : new String[] {"D", "H", "W"};
        StringBuilder in = new StringBuilder(), o = new StringBuilder();
        for (int i = 0; i < out.length; i++) {
            String sep = i == 0 ? "" : ", ";
            in.append(sep).append(labels[i]).append(": ").append(shape(input)[i + 2]);
            o.append(sep).append(labels[i]).append(": ").append(out[i]);
        }
        throw new IllegalArgumentException("Input and output sizes should be greater than 0, but got input (" + in + ")" + (out.length == 1 ? " and" : "") + " output (" + o + ")");
    }

    private static String tuple(String[] parts) {
        return "(" + String.join(", ", parts) + (parts.length == 1 ? ",)" : ")");
    }

    /** Source indices along one dim and their weights (null weights: a plain pick, as nearest). */
    record Taps(long[][] index, double[][] weight) {
        /** sum_k index_select(x, dim, index_k) * weight_k, in PyTorch's order (weight per output position along dim). */
        Tensor apply(Tensor x, int dim, Tensor like) {
            Tensor sum = null;
            for (int k = 0; k < index.length; k++) {
                Tensor picked = x.indexSelect(dim, Torch.tensor(index[k]).to(like.device()));
                if (weight != null) {
                    long[] wshape = new long[x.dim() - dim];
                    Arrays.fill(wshape, 1);
                    wshape[0] = weight[k].length;
                    picked = picked.mul(Torch.tensor(weight[k], DType.FLOAT64).to(like.device(), like.dtype()).reshape(wshape));
                }
                sum = sum == null ? picked : sum.add(picked);
            }
            return sum;
        }

        /** Rounding to the opmath type: float for float32 inputs, double for float64 (each op rounded as C++ would). */
        static DoubleUnaryOperator rounding(boolean single) {
            return single ? v -> (float) v : v -> v;
        }

        /** compute_scales_value / area_pixel_compute_scale. */
        static double scale(int in, int out, Double s, boolean align, DoubleUnaryOperator r) {
            if (align) return out > 1 ? r.applyAsDouble((double) (in - 1) / (out - 1)) : 0;
            return s != null && s > 0 ? r.applyAsDouble(1.0 / s) : r.applyAsDouble((double) in / out);
        }

        /** area_pixel_compute_source_index. */
        static double source(double scale, int i, boolean align, boolean cubic, DoubleUnaryOperator r) {
            if (align) return r.applyAsDouble(scale * i);
            double src = r.applyAsDouble(r.applyAsDouble(scale * (i + 0.5)) - 0.5);
            return !cubic && src < 0 ? 0 : src;
        }

        /** nearest: floor(scale * i); nearest-exact: floor(source + 0.5), both capped at in - 1. */
        static Taps nearest(int in, int out, Double s, boolean single, boolean exact) {
            DoubleUnaryOperator r = rounding(single);
            double scale = scale(in, out, s, false, r);
            long[] idx = new long[out];
            for (int i = 0; i < out; i++) {
                double src = exact ? Math.floor((float) (source(scale, i, false, false, r) + 0.5)) : Math.floor(r.applyAsDouble(scale * i));
                idx[i] = Math.min((long) src, in - 1);
            }
            return new Taps(new long[][] {idx}, null);
        }

        /** nearest_idx (PyTorch's channels-last nearest): a copy for equal sizes, halving for 2x, else floor(i * scale) in float. */
        static Taps nearestIdx(int in, int out, Double s) {
            float scale = s != null && s > 0 ? (float) (1.0 / s) : (float) in / out;
            long[] idx = new long[out];
            for (int i = 0; i < out; i++) idx[i] = out == in ? i : out == 2 * in ? i >> 1 : Math.min((long) Math.floor(i * scale), in - 1);
            return new Taps(new long[][] {idx}, null);
        }

        /** compute_source_index_and_lambda: a copy when sizes match, else the two neighbours with clamped lambdas. */
        static Taps linear(int in, int out, Double s, boolean align, boolean single) {
            DoubleUnaryOperator r = rounding(single);
            double scale = scale(in, out, s, align, r);
            long[] i0 = new long[out], i1 = new long[out];
            double[] l0 = new double[out], l1 = new double[out];
            for (int i = 0; i < out; i++) {
                if (in == out) {
                    i0[i] = i1[i] = i;
                    l0[i] = 1;
                    continue;
                }
                double real = source(scale, i, align, false, r);
                i0[i] = (long) real;
                i1[i] = i0[i] + (i0[i] < in - 1 ? 1 : 0);
                l1[i] = Math.min(Math.max(r.applyAsDouble(real - i0[i]), 0), 1);
                l0[i] = r.applyAsDouble(1 - l1[i]);
            }
            return new Taps(new long[][] {i0, i1}, new double[][] {l0, l1});
        }

        /** Keys' cubic convolution (A = -0.75) over the four neighbours floor(x) - 1 .. floor(x) + 2, clamped to the border. */
        static Taps cubic(int in, int out, Double s, boolean align, boolean single) {
            DoubleUnaryOperator r = rounding(single);
            double scale = scale(in, out, s, align, r);
            long[][] idx = new long[4][out];
            double[][] w = new double[4][out];
            for (int i = 0; i < out; i++) {
                double real = source(scale, i, align, true, r);
                long i0 = (long) Math.floor(real);
                double t = r.applyAsDouble(real - i0), t2 = r.applyAsDouble(1 - t);
                double[] c = {conv2(r.applyAsDouble(t + 1), r), conv1(t, r), conv1(t2, r), conv2(r.applyAsDouble(t2 + 1), r)};
                for (int j = 0; j < 4; j++) {
                    idx[j][i] = Math.min(Math.max(i0 - 1 + j, 0), in - 1);
                    w[j][i] = c[j];
                }
            }
            return new Taps(idx, w);
        }

        private static final double A = -0.75;

        /** ((A + 2) x - (A + 3)) x x + 1, for |x| <= 1. */
        private static double conv1(double x, DoubleUnaryOperator r) {
            return r.applyAsDouble(r.applyAsDouble(r.applyAsDouble(r.applyAsDouble(r.applyAsDouble((A + 2) * x) - (A + 3)) * x) * x) + 1);
        }

        /** ((A x - 5A) x + 8A) x - 4A, for 1 < |x| < 2. */
        private static double conv2(double x, DoubleUnaryOperator r) {
            return r.applyAsDouble(r.applyAsDouble(r.applyAsDouble(r.applyAsDouble(r.applyAsDouble(r.applyAsDouble(A * x) - 5 * A) * x) + 8 * A) * x) - 4 * A);
        }
    }
}
