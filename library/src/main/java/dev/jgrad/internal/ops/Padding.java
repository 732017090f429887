package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.TensorInternals;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/**
 * F.pad: pad = (left, right) for the last dim, then (top, bottom) for the one before, and so on.
 * constant fills with a value (negative pads crop); reflect, replicate and circular read positions
 * of the input along each padded dim (an index_select per dim), so their gradient adds back along the
 * same positions.
 */
public final class Padding {
    private Padding() {}

    public static Tensor pad(Tensor x, long[] pad, String mode, double value) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::pad", x) : null) {
            if (pad.length % 2 != 0) throw new IllegalArgumentException("Padding length must be divisible by 2");
            if (pad.length / 2 > x.dim()) throw new IllegalArgumentException("Padding length too large");
            return switch (mode) {
                case "constant" -> constant(x, pad, value);
                case "reflect", "replicate", "circular" -> {
                    if (value != 0) {
                        throw new IllegalArgumentException("Padding mode \"" + mode
                                + "\" doesn't take in value argument");
                    }
                    yield indexed(x, pad, mode);
                }
                default -> throw new IllegalArgumentException("Unrecognised padding mode " + mode);
            };
        }
    }

    private static Tensor constant(Tensor x, long[] pad, double value) {
        int nd = x.dim(), k = pad.length / 2;
        long[] out = x.shape().clone();
        for (int i = 0; i < k; i++) {
            int d = nd - 1 - i;
            out[d] = x.size(d) + pad[2 * i] + pad[2 * i + 1];
            if (out[d] < 0) {
                throw new IllegalArgumentException("The input size " + x.size(d) + ", plus negative padding " + pad[2 * i] + " and "
                        + pad[2 * i + 1] + " resulted in a negative output size, which is invalid. Check dimension " + d
                        + " of your input.");
            }
        }
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            r = Torch.full(out, 0.0).to(x.device(), x.dtype());
            Copying.fill(r, Masking.valueOf(value, x.dtype()));
            Tensor src = x, dst = r;
            for (int i = 0; i < k; i++) {
                int d = nd - 1 - i;
                long lo = pad[2 * i], hi = pad[2 * i + 1];
                // a negative pad crops the input, a positive one leaves a margin in the output
                src = Views.narrowNoGrad(src, d, Math.max(0, -lo), x.size(d) - Math.max(0, -lo) - Math.max(0, -hi));
                dst = Views.narrowNoGrad(dst, d, Math.max(0, lo), src.size(d));
            }
            if (dst.numel() > 0) Copying.copyElements(dst, src);
        }
        return Derivatives.constantPad(r, x, pad.clone());
    }

    private static Tensor indexed(Tensor x, long[] pad, String mode) {
        int nd = x.dim(), k = pad.length / 2;
        if (nd < k + 1 || nd > k + 2) {
            throw new IllegalArgumentException("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
        }
        int[] dims = new int[k];
        Tensor[] positions = new Tensor[k];
        Tensor r = x;
        try (var guard = GradMode.setEnabled(false)) {
            for (int i = 0; i < k; i++) {
                int d = nd - 1 - i;
                dims[i] = d;
                positions[i] = positions(mode, x, pad[2 * i], pad[2 * i + 1], d).to(x.device());
                r = Gathering.indexSelectNoGrad(r, d, positions[i]);
            }
        }
        String name = switch (mode + k) {
            case "reflect1" -> "ReflectionPad1DBackward0";
            case "reflect2" -> "ReflectionPad2DBackward0";
            case "reflect3" -> "ReflectionPad3DBackward0";
            case "replicate1" -> "ReplicationPad1DBackward0";
            case "replicate2" -> "ReplicationPad2DBackward0";
            case "replicate3" -> "ReplicationPad3DBackward0";
            default -> "CopySlices";  // circular: PyTorch 1.13 builds it from slice copies, so that is the node it shows
        };
        return Derivatives.indexedPad(name, r, x, dims, positions);
    }

    /** The input position each output position along a dim of size n reads. */
    private static Tensor positions(String mode, Tensor x, long lo, long hi, int dim) {
        long n = x.size(dim);
        if (mode.equals("reflect") && (lo >= n || hi >= n)) {
            throw new IllegalArgumentException("Argument #4: Padding size should be less than the corresponding input dimension, but got: "
                    + "padding (" + lo + ", " + hi + ") at dimension " + dim + " of input " + Shapes.format(TensorInternals.shape(x)));
        }
        if (mode.equals("circular") && (lo > n || hi > n)) {
            throw new IllegalArgumentException("Padding value causes wrapping around more than once.");
        }
        long total = n + lo + hi;
        if (total < 0) throw new IllegalArgumentException("negative output size from padding");
        long[] p = new long[(int) total];
        for (int j = 0; j < total; j++) {
            long i = j - lo;
            p[j] = switch (mode) {
                case "reflect" -> i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i;
                case "replicate" -> Math.max(0, Math.min(n - 1, i));
                default -> Math.floorMod(i, n);
            };
        }
        return Torch.tensor(p);
    }

}
