package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;

/**
 * Copies that rearrange or repeat elements: flip, repeat (tiling) and repeat_interleave (each element
 * repeated in place). Built from views and index_select, so they need no kernel of their own.
 */
public final class Rearranging {
    private Rearranging() {}

    /** Reverses the order along each of dims. */
    public static Tensor flip(Tensor self, int[] dims) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::flip", self) : null) {
            int nd = self.dim();
            int[] d = new int[dims.length];
            boolean[] seen = new boolean[Math.max(1, nd)];
            for (int i = 0; i < dims.length; i++) {
                d[i] = Shapes.wrapDim(dims[i], Math.max(1, nd));
                if (seen[d[i]]) throw new IllegalArgumentException("dim " + d[i] + " appears multiple times in the list of dims");
                seen[d[i]] = true;
            }
            Tensor r = self;
            try (var guard = GradMode.setEnabled(false)) {
                if (nd == 0) {
                    r = Copying.cloneNoGrad(self);
                } else {
                    for (int k : d) r = Gathering.indexSelectNoGrad(r, k, Torch.arange(shape(self)[k] - 1, -1, -1).to(self.device()));
                    if (d.length == 0) r = Copying.cloneNoGrad(self);
                }
            }
            return Derivatives.flip(r, self, d);
        }
    }

    public static Tensor fliplr(Tensor self) {
        if (self.dim() < 2) throw new IllegalArgumentException("Input must be >= 2-d.");
        return flip(self, new int[] {1});
    }

    public static Tensor flipud(Tensor self) {
        if (self.dim() < 1) throw new IllegalArgumentException("Input must be >= 1-d.");
        return flip(self, new int[] {0});
    }

    /** Elements shifted by shifts[i] along dims[i], wrapping around; no dims: the flattened tensor, shape kept. */
    public static Tensor roll(Tensor self, long[] shifts, int[] dims) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::roll", self) : null) {
            if (dims.length == 0) {
                if (shifts.length != 1) throw new IllegalArgumentException("shifts and dimensions must align. shifts: " + shifts.length + ", dims:0");
                Tensor r;
                try (var guard = GradMode.setEnabled(false)) {
                    r = Views.reshapeNoGrad(rollNoGrad(Views.reshapeNoGrad(self, new long[] {-1}), shifts[0], 0), self.shape());
                }
                return Derivatives.roll(r, self, shifts.clone(), dims.clone());
            }
            if (shifts.length != dims.length) {
                throw new IllegalArgumentException("shifts and dimensions must align. shifts: " + shifts.length + ", dims:" + dims.length);
            }
            Tensor r = self;
            try (var guard = GradMode.setEnabled(false)) {
                for (int i = 0; i < dims.length; i++) r = rollNoGrad(r, shifts[i], Shapes.wrapDim(dims[i], Math.max(1, self.dim())));
                if (r == self) r = Copying.cloneNoGrad(self);
            }
            return Derivatives.roll(r, self, shifts.clone(), dims.clone());
        }
    }

    private static Tensor rollNoGrad(Tensor x, long shift, int d) {
        long n = x.dim() == 0 ? 1 : shape(x)[d];
        if (n == 0) return Copying.cloneNoGrad(x);
        long[] idx = new long[(int) n];
        for (int i = 0; i < n; i++) idx[i] = Math.floorMod(i - shift, n);
        return Gathering.indexSelectNoGrad(x, d, Torch.tensor(idx).to(x.device()));
    }

    /** repeat with the counts right-aligned to the dims (missing leading counts are 1), as torch.tile. */
    public static Tensor tile(Tensor self, long[] dims) {
        if (dims.length >= self.dim()) return self.repeat(dims);
        long[] full = new long[self.dim()];
        Arrays.fill(full, 1);
        System.arraycopy(dims, 0, full, self.dim() - dims.length, dims.length);
        return self.repeat(full);
    }

    /** Tiles self repeats[i] times along dim i; repeats may name more dims than self has (leading ones are added). */
    public static Tensor repeat(Tensor self, long[] repeats) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::repeat", self) : null) {
            int nd = self.dim(), m = repeats.length;
            if (m < nd) {
                throw new IllegalArgumentException("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
            }
            long[] padded = new long[m], target = new long[m], tiles = new long[2 * m], expanded = new long[2 * m];
            for (int i = 0; i < m; i++) {
                padded[i] = i < m - nd ? 1 : shape(self)[i - (m - nd)];
                target[i] = padded[i] * repeats[i];
                tiles[2 * i] = 1;
                tiles[2 * i + 1] = padded[i];
                expanded[2 * i] = repeats[i];
                expanded[2 * i + 1] = padded[i];
            }
            for (long t : target) {
                if (t < 0) {
                    throw new IllegalArgumentException("Trying to create tensor with negative dimension " + t + ": " + Shapes.format(target));
                }
            }
            Tensor r;
            try (var guard = GradMode.setEnabled(false)) {
                Tensor x = Views.reshapeNoGrad(self, tiles);
                r = Copying.cloneNoGrad(Views.expandNoGrad(x, expanded));
                r = Views.reshapeNoGrad(r, target);
            }
            return Derivatives.repeat(r, self, repeats.clone());
        }
    }

    /** Each element (or each slice along dim) repeated `repeats` times in place; dim null flattens first. */
    public static Tensor repeatInterleave(Tensor self, long repeats, Integer dim) {
        if (repeats < 0) throw new IllegalArgumentException("repeats can not be negative");
        Tensor x = dim == null ? self.flatten() : self;
        int d = dim == null ? 0 : Shapes.wrapDim(dim, Math.max(1, x.dim()));
        long n = x.dim() == 0 ? 1 : x.size(d);
        Tensor counts = Torch.full(new long[] {n}, repeats);
        return x.indexSelect(d, positions(counts).to(self.device()));
    }

    /** repeats holds one count per slice along dim (or one for all). */
    public static Tensor repeatInterleave(Tensor self, Tensor repeats, Integer dim) {
        Tensor x = dim == null ? self.flatten() : self;
        int d = dim == null ? 0 : Shapes.wrapDim(dim, Math.max(1, x.dim()));
        long n = x.dim() == 0 ? 1 : x.size(d);
        Tensor counts = repeats.dim() == 0 || repeats.numel() == 1 ? Torch.full(new long[] {n}, repeats.itemLong()) : repeats;
        if (counts.dim() != 1) throw new IllegalArgumentException("repeat_interleave only accept 1D vector as repeat");
        if (counts.size(0) != n) throw new IllegalArgumentException("repeats must have the same size as input along dim");
        return x.indexSelect(d, positions(counts).to(self.device()));
    }

    /** torch.repeat_interleave(counts): position i repeated counts[i] times. */
    public static Tensor positions(Tensor counts) {
        if (counts.dim() != 1) throw new IllegalArgumentException("repeat_interleave only accept 1D vector as repeat");
        if (counts.dtype() != DType.INT64 && counts.dtype() != DType.INT32) {
            throw new IllegalArgumentException("repeats has to be Long or Int tensor");
        }
        long[] c = counts.toLongArray();
        long total = 0;
        for (long k : c) {
            if (k < 0) throw new IllegalArgumentException("repeats can not be negative");
            total += k;
        }
        long[] out = new long[Math.toIntExact(total)];
        int at = 0;
        for (int i = 0; i < c.length; i++) Arrays.fill(out, at, at += (int) c[i], i);
        return Torch.tensor(out);
    }
}
