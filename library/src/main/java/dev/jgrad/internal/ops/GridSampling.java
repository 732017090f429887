package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import java.util.Arrays;
import java.util.List;

/**
 * F.affine_grid and F.grid_sample (4-d input; 5-d with bilinear or nearest) composed of differentiable ops with the arithmetic of PyTorch's
 * CPU grid sampler (unnormalise, pad by clipping or reflecting, then bilinear weights, nearest rounding or the
 * cubic convolution over 4x4 taps); gradients reach the input through gather and the grid through the
 * weights, and the result carries PyTorch's node name.
 */
public final class GridSampling {
    private GridSampling() {}

    // ---------------------------------------------------------------- affine_grid

    /** theta (N, 2, 3) with size (N, C, H, W), or (N, 3, 4) with (N, C, D, H, W): base grid (x, y[, z], 1) times theta^T. */
    public static Tensor affineGrid(Tensor theta, int[] size, boolean alignCorners) {
        if (!theta.isFloatingPoint()) throw new IllegalArgumentException("Expected theta to have floating point type, but got " + theta.dtype());
        if (size.length == 4 || size.length == 5) {
            int rows = size.length - 2;
            if (theta.dim() != 3 || theta.size(-2) != rows || theta.size(-1) != rows + 1) {
                throw new IllegalArgumentException("Expected a batch of " + rows + "D affine matrices of shape Nx" + rows + "x" + (rows + 1)
                        + " for size " + Arrays.toString(size) + ". Got " + theta.size() + ".");
            }
        } else {
            throw new IllegalArgumentException("affine_grid only supports 4D and 5D sizes, for 2D and 3D affine transforms, respectively. Got size "
                    + Arrays.toString(size) + ".");
        }
        if (Arrays.stream(size).min().getAsInt() <= 0) {
            throw new IllegalArgumentException("Expected non-zero, positive output size. Got " + Arrays.toString(size));
        }
        int n = size[0], sp = size.length - 2;
        int[] spatial = Arrays.copyOfRange(size, 2, size.length);
        long cells = 1;
        for (int s : spatial) cells *= s;
        Tensor base;
        try (var guard = GradMode.setEnabled(false)) {
            base = baseGrid(theta, spatial, alignCorners).reshape(1, cells, sp + 1).expand(n, cells, sp + 1);
        }
        long[] outShape = new long[sp + 2];
        outShape[0] = n;
        for (int i = 0; i < sp; i++) outShape[i + 1] = spatial[i];
        outShape[sp + 1] = sp;
        Tensor grid = base.bmm(theta.transpose(1, 2)).reshape(outShape);
        return Derivatives.renamed("AffineGridGeneratorBackward0", grid);
    }

    /** (spatial..., sp + 1): the last spatial dim's coordinate first (x), then y (and z), then 1. */
    private static Tensor baseGrid(Tensor like, int[] spatial, boolean alignCorners) {
        int sp = spatial.length;
        long[] full = new long[sp];
        for (int i = 0; i < sp; i++) full[i] = spatial[i];
        Tensor[] parts = new Tensor[sp + 1];
        for (int c = 0; c < sp; c++) {
            int dim = sp - 1 - c;  // x runs along the last dim
            long[] view = new long[sp];
            Arrays.fill(view, 1);
            view[dim] = spatial[dim];
            parts[c] = linspaceFromNegOne(like, spatial[dim], alignCorners).reshape(view).expand(full);
        }
        parts[sp] = Torch.ones(like.dtype(), full).to(like.device());
        return Torch.stack(List.of(parts), sp);
    }

    /** linspace(-1, 1, n), times (n - 1) / n without align_corners; 0 for a single step. */
    private static Tensor linspaceFromNegOne(Tensor like, int steps, boolean alignCorners) {
        if (steps <= 1) return Torch.zeros(like.dtype(), 1).to(like.device());
        Tensor range = Torch.linspace(-1, 1, steps, like.dtype()).to(like.device());
        return alignCorners ? range : range.mul((long) (steps - 1)).div((long) steps);
    }

    // ---------------------------------------------------------------- grid_sample

    /** input (N, C, H, W) sampled at grid (N, Ho, Wo, 2) of (x, y) in [-1, 1] (or 5-d with (x, y, z)); mode bilinear, nearest or bicubic (4-d only); padding zeros, border or reflection. */
    public static Tensor gridSample(Tensor input, Tensor grid, String mode, String paddingMode, boolean alignCorners) {
        if (!mode.equals("bilinear") && !mode.equals("nearest") && !mode.equals("bicubic")) {
            throw new IllegalArgumentException("nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or 'bicubic', but got: '" + mode + "'");
        }
        if (!paddingMode.equals("zeros") && !paddingMode.equals("border") && !paddingMode.equals("reflection")) {
            throw new IllegalArgumentException("nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or 'reflection', but got: '"
                    + paddingMode + "'");
        }
        check(input, grid, mode);
        Sampler s = Sampler.of(input, grid);
        if (input.dim() == 5) return gridSample3d(s, input, grid, mode, paddingMode, alignCorners);
        int h = shape(input)[2], w = shape(input)[3];
        Axis ax = new Axis(w, paddingMode, alignCorners, false), ay = new Axis(h, paddingMode, alignCorners, false);
        Tensor gx = grid.select(3, 0), gy = grid.select(3, 1);
        Tensor out = switch (mode) {
            case "nearest" -> s.at(ax.source(gx).round(), ay.source(gy).round(), paddingMode);  // round: a zero gradient for the grid, as PyTorch
            case "bilinear" -> bilinear(s, ax.source(gx), ay.source(gy), paddingMode);
            default -> bicubic(s, ax, ay, gx, gy, paddingMode);
        };
        return mode.equals("nearest") ? Derivatives.renamed("GridSampler2DBackward0", out, grid) : Derivatives.renamed("GridSampler2DBackward0", out);
    }

    private static void check(Tensor input, Tensor grid, String mode) {
        String sizes = "input with sizes " + Shapes.format(shape(input)) + " and grid with sizes " + Shapes.format(shape(grid));
        if (input.dim() != grid.dim()) {
            throw new IllegalArgumentException("grid_sampler(): expected " + input.dim() + "D input and grid with same number of dimensions, but got " + sizes);
        }
        if (input.dim() != 4 && input.dim() != 5) {
            throw new IllegalArgumentException("grid_sampler(): expected 4D or 5D input and grid with same number of dimensions, but got " + sizes);
        }
        if (input.size(0) != grid.size(0)) {
            throw new IllegalArgumentException("grid_sampler(): expected grid and input to have same batch size, but got " + sizes);
        }
        if (grid.size(-1) != input.dim() - 2) {
            throw new IllegalArgumentException("grid_sampler(): expected grid to have size " + (input.dim() - 2) + " in last dimension, but got grid with sizes "
                    + Shapes.format(shape(grid)));
        }
        if (input.dim() == 5 && mode.equals("bicubic")) throw new IllegalArgumentException("grid_sampler(): bicubic interpolation only supports 4D input");
        for (int d = 2; d < input.dim(); d++) {
            if (input.size(d) <= 0) {
                throw new IllegalArgumentException("grid_sampler(): expected input to have non-empty spatial dimensions, but input has sizes "
                        + Shapes.format(shape(input)) + " with dimension " + d + " being empty");
            }
        }
        // the kernel, after the shape checks, finds the grid in another dtype
        if (input.dtype() != grid.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + scalarType(input.dtype()) + " but found " + scalarType(grid.dtype()));
        }
    }

    /** c10's ScalarType name, as its dtype-mismatch message prints it. */
    private static String scalarType(DType t) {
        return switch (t) {
            case FLOAT64 -> "Double";
            case FLOAT32 -> "Float";
            default -> t.toString();
        };
    }

    /** 5-d input (N, C, D, H, W) at grid (N, Do, Ho, Wo, 3) of (x, y, z): trilinear or nearest, with the scalar 3-d kernel's arithmetic. */
    private static Tensor gridSample3d(Sampler s, Tensor input, Tensor grid, String mode, String padding, boolean align) {
        Tensor[] src = new Tensor[3];
        for (int i = 0; i < 3; i++) src[i] = new Axis(shape(input)[4 - i], padding, align, true).source(grid.select(4, i));
        if (mode.equals("nearest")) {
            return Derivatives.renamed("GridSampler3DBackward0", s.at(new Tensor[] {src[0].round(), src[1].round(), src[2].round()}, padding), grid);
        }
        Tensor[] lo = new Tensor[3], hi = new Tensor[3];
        for (int i = 0; i < 3; i++) {
            lo[i] = src[i].floor().detach();
            hi[i] = lo[i].add(1L);
        }
        Tensor out = null;
        // tnw, tne, tsw, tse, bnw, bne, bsw, bse: corner bit 0 is x, 1 is y, 2 is z; the weight takes the opposite corner's distances
        for (int corner = 0; corner < 8; corner++) {
            Tensor weight = null;
            Tensor[] at = new Tensor[3];
            for (int i = 0; i < 3; i++) {
                boolean high = (corner >> i & 1) == 1;
                at[i] = high ? hi[i] : lo[i];
                Tensor f = high ? src[i].sub(lo[i]) : hi[i].sub(src[i]);
                weight = weight == null ? f : weight.mul(f);
            }
            Tensor term = s.at(at, padding).mul(weight.unsqueeze(1));
            out = out == null ? term : out.add(term);
        }
        return Derivatives.renamed("GridSampler3DBackward0", out);
    }

    /** bilinear: the four neighbours of (x, y), weighted (1 - dx)(1 - dy) ... as PyTorch's CPU kernel forms them. */
    private static Tensor bilinear(Sampler s, Tensor x, Tensor y, String padding) {
        Tensor xw = x.floor().detach(), yn = y.floor().detach();
        Tensor we = x.sub(xw), e = we.neg().add(1L), ns = y.sub(yn), so = ns.neg().add(1L);
        Tensor nw = so.mul(e), ne = so.mul(we), sw = ns.mul(e), se = ns.mul(we);
        Tensor xe = xw.add(1L), ys = yn.add(1L);
        return s.at(xw, yn, padding).mul(nw.unsqueeze(1)).add(s.at(xe, yn, padding).mul(ne.unsqueeze(1)))
                .add(s.at(xw, ys, padding).mul(sw.unsqueeze(1))).add(s.at(xe, ys, padding).mul(se.unsqueeze(1)));
    }

    /** bicubic: cubic convolution (A = -0.75) over the 4x4 taps around the unpadded source, each tap padded on its own. */
    private static Tensor bicubic(Sampler s, Axis ax, Axis ay, Tensor gx, Tensor gy, String padding) {
        Tensor x = ax.unnormalize(gx), y = ay.unnormalize(gy);
        Tensor fx = x.floor().detach(), fy = y.floor().detach();
        Tensor[] cx = coefficients(x.sub(fx)), cy = coefficients(y.sub(fy));
        Tensor out = null;
        for (int j = 0; j < 4; j++) {
            Tensor row = null, ty = ay.pad(fy.add((long) (j - 1)));
            for (int i = 0; i < 4; i++) {
                Tensor v = s.at(ax.pad(fx.add((long) (i - 1))), ty, padding).mul(cx[i].unsqueeze(1));
                row = row == null ? v : row.add(v);
            }
            Tensor term = row.mul(cy[j].unsqueeze(1));
            out = out == null ? term : out.add(term);
        }
        return out;
    }

    private static final double A = -0.75;

    /** The four cubic-convolution weights of offset t in [0, 1): taps at -1, 0, 1, 2. */
    private static Tensor[] coefficients(Tensor t) {
        return new Tensor[] {far(t.add(1L)), near(t), near(t.neg().add(1L)), far(t.neg().add(2L))};
    }

    /** ((A + 2) x - (A + 3)) x x + 1. */
    private static Tensor near(Tensor x) {
        return x.mul(A + 2).sub(A + 3).mul(x).mul(x).add(1L);
    }

    /** ((A x - 5 A) x + 8 A) x - 4 A. */
    private static Tensor far(Tensor x) {
        return x.mul(A).sub(5 * A).mul(x).add(8 * A).mul(x).sub(4 * A);
    }

    /** One spatial axis of the input: unnormalising a grid coordinate and applying the padding mode. */
    private record Axis(int size, String padding, boolean align, boolean scalar) {
        /** align_corners: (c + 1) (size - 1) / 2; else ((c + 1) size - 1) / 2 (scalar: the 3-d kernel's order of operations; else the vectorised 2-d kernel's). */
        Tensor unnormalize(Tensor c) {
            if (scalar) return align ? c.add(1L).div(2L).mul((long) (size - 1)) : c.add(1L).mul((long) size).sub(1L).div(2L);
            return align ? c.add(1L).mul((size - 1) / 2.0) : c.add(1L).mul(size / 2.0).sub(0.5);
        }

        /** compute_source_index: unnormalised, then padded. */
        Tensor source(Tensor c) {
            return pad(unnormalize(c));
        }

        /** border clips to [0, size - 1]; reflection reflects about the border (pixel edges without align_corners), then clips. */
        Tensor pad(Tensor x) {
            if (padding.equals("zeros")) return x;
            if (padding.equals("reflection")) x = reflect(x);
            return x.clamp(0.0, size - 1.0);
        }

        private Tensor reflect(Tensor x) {
            double low = align ? 0 : -0.5, twiceSpan = align ? 2.0 * (size - 1) : 2.0 * size;
            if (twiceSpan == 0) return x.mul(0L);
            Tensor abs = x.sub(low).abs();
            Tensor flips = abs.div(twiceSpan).trunc().detach();
            Tensor extra = abs.sub(flips.mul(twiceSpan));
            return extra.minimum(extra.neg().add(twiceSpan)).add(low);
        }
    }

    /** Reads input values at integer-valued coordinates (x, y[, z]), zero outside the input. */
    private record Sampler(Tensor flat, int n, int c, int[] sizes, long cells) {
        /** sizes: the input's spatial sizes in (W, H[, D]) order, matching the coordinates. */
        static Sampler of(Tensor input, Tensor grid) {
            int nd = input.dim();
            int[] sizes = new int[nd - 2];
            for (int i = 0; i < sizes.length; i++) sizes[i] = shape(input)[nd - 1 - i];
            long cells = 1;
            for (int d = 1; d < grid.dim() - 1; d++) cells *= shape(grid)[d];
            return new Sampler(input.reshape(shape(input)[0], shape(input)[1], -1), shape(input)[0], shape(input)[1], sizes, cells);
        }

        /** (N, C, out...): input at the coordinates where inside, 0 elsewhere (zeros padding; the other modes never leave). */
        Tensor at(Tensor[] coords, String padding) {
            Tensor inside = null, index = null;
            long stride = 1;
            for (int i = 0; i < coords.length; i++) {
                Tensor in = coords[i].ge(0L).logicalAnd(coords[i].lt((long) sizes[i]));
                inside = inside == null ? in : inside.logicalAnd(in);
                Tensor part = coords[i].clamp(0.0, sizes[i] - 1.0).mul(stride);
                index = index == null ? part : index.add(part);
                stride *= sizes[i];
            }
            long[] outShape = new long[coords[0].dim() + 1];
            outShape[0] = n;
            outShape[1] = c;
            for (int d = 1; d < coords[0].dim(); d++) outShape[d + 1] = coords[0].size(d);
            Tensor picked = flat.gather(2, index.to(DType.INT64).reshape(n, 1, cells).expand(n, c, cells)).reshape(outShape);
            return padding.equals("zeros") ? picked.where(inside.unsqueeze(1), 0.0) : picked;
        }

        Tensor at(Tensor x, Tensor y, String padding) { return at(new Tensor[] {x, y}, padding); }
    }
}
