package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.ValuesIndices;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/**
 * adaptive_max_pool2d over the last two dims of (N, C, H, W) or (C, H, W): output cell (i, j) is the maximum of
 * rows floor(i H / oh) to ceil((i + 1) H / oh) and the matching columns, with the flat index (h W + w) of the
 * first maximum in row-major order, as PyTorch's kernel. Built from index_select, max(dim) and gather: windows
 * shorter than the longest repeat their last row or column, which changes neither the maximum nor its index.
 */
public final class AdaptiveMaxPooling {
    private AdaptiveMaxPooling() {}

    public static ValuesIndices adaptiveMaxPool2d(Tensor input, int oh, int ow) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::adaptive_max_pool2d", input) : null) {
            int nd = input.dim();
            if (nd != 3 && nd != 4) {
                throw new IllegalArgumentException("adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: " + Shapes.format(shape(input)));
            }
            for (int i = 1; i < nd; i++) {
                if (input.size(i) == 0) {
                    throw new IllegalArgumentException("adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, "
                            + "but input has sizes " + Shapes.format(shape(input)) + " with dimension " + i + " being empty");
                }
            }
            int h = (int) input.size(nd - 2), w = (int) input.size(nd - 1);
            int kh = longestWindow(h, oh), kw = longestWindow(w, ow);
            long[] rows = windowIndices(h, oh, kh), cols = windowIndices(w, ow, kw);
            Tensor values, indices;
            try (var g = GradMode.setEnabled(false)) {
                Tensor x = input.indexSelect(nd - 2, Torch.fromArray(rows, rows.length).to(input.device()))
                        .indexSelect(nd - 1, Torch.fromArray(cols, cols.length).to(input.device()));
                long[] lead = java.util.Arrays.copyOf(input.shape(), nd - 2);
                x = x.reshape(concat(lead, oh, kh, ow, kw)).transpose(nd - 1, nd).reshape(concat(lead, oh, ow, (long) kh * kw));
                ValuesIndices m = x.max(-1);
                long[] flat = new long[oh * ow * kh * kw];
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        for (int a = 0; a < kh; a++) {
                            for (int b = 0; b < kw; b++) flat[((i * ow + j) * kh + a) * kw + b] = rows[i * kh + a] * w + cols[j * kw + b];
                        }
                    }
                }
                Tensor map = Torch.fromArray(flat, oh, ow, (long) kh * kw).to(input.device()).expand(concat(lead, oh, ow, (long) kh * kw));
                indices = map.gather(nd, m.indices().unsqueeze(-1)).squeeze(-1);
                values = m.values();
            }
            return new ValuesIndices("adaptive_max_pool2d", Derivatives.adaptiveMaxPool2d(values, indices, input), indices);
        }
    }

    static int longestWindow(int in, int out) {
        int k = 0;
        for (int i = 0; i < out; i++) k = Math.max(k, end(i, in, out) - start(i, in, out));
        return k;
    }

    static int start(int i, int in, int out) { return (int) ((long) i * in / out); }

    static int end(int i, int in, int out) { return (int) (((long) (i + 1) * in + out - 1) / out); }

    /** (out, k): the input positions of each window, the last repeated to length k. */
    static long[] windowIndices(int in, int out, int k) {
        long[] idx = new long[out * k];
        for (int i = 0; i < out; i++) {
            int s = start(i, in, out), e = end(i, in, out);
            for (int a = 0; a < k; a++) idx[i * k + a] = Math.min(s + a, e - 1);
        }
        return idx;
    }

    private static long[] concat(long[] lead, long... tail) {
        long[] r = java.util.Arrays.copyOf(lead, lead.length + tail.length);
        System.arraycopy(tail, 0, r, lead.length, tail.length);
        return r;
    }
}
