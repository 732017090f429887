package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Advanced indexing, PyTorch's {@code x[idx]}, {@code x[mask]} and {@code x[idx] = v}: each leading dim gets
 * null (all of it), an int64 tensor of positions, or a bool mask that covers as many dims as it has.
 * The index tensors broadcast together to a shape B; the result has B in place of the indexed dims when
 * they are adjacent, and in front otherwise, as in NumPy.
 *
 * <p>Every access reduces to one dim ({@link Plan}): the indexed dims are permuted to the front and
 * flattened, and the positions become one linear index into them. Reading is then an index_select and
 * writing a scatter (scatter_add to accumulate), so the backward formulas are those differentiable ops.
 */
public final class Indexing {
    private Indexing() {}

    /**
     * One access, reduced to one flattened dim: dims are the indexed dims, rest the others (both in order),
     * lin (int64, shape b) each result element's linear position within the indexed dims (flatSize in all).
     */
    public static final class Plan {
        final int[] shape, dims, rest, b;
        final long flatSize;
        final Tensor lin;
        final boolean adjacent;
        /** The indices with masks replaced by their positions: what the backward formulas index with. */
        final Tensor[] positions;

        Plan(Tensor[] positions, int[] shape, int[] dims, int[] rest, int[] b, long flatSize, Tensor lin) {
            this.positions = positions;
            this.shape = shape;
            this.dims = dims;
            this.rest = rest;
            this.b = b;
            this.flatSize = flatSize;
            this.lin = lin;
            boolean adj = true;
            for (int i = 1; i < dims.length; i++) adj &= dims[i] == dims[i - 1] + 1;
            this.adjacent = adj;
        }

        /** Indexed dims first, then the rest. */
        int[] perm() {
            int[] p = Arrays.copyOf(dims, dims.length + rest.length);
            System.arraycopy(rest, 0, p, dims.length, rest.length);
            return p;
        }

        long[] restSizes() {
            long[] r = new long[rest.length];
            for (int i = 0; i < rest.length; i++) r[i] = shape[rest[i]];
            return r;
        }

        /** Where B sits in the result: at the first indexed dim when the indexed dims are adjacent, else in front. */
        int at() { return adjacent ? dims[0] : 0; }

        int[] resultShape() {
            long[] rs = restSizes();
            int at = at();
            int[] out = new int[b.length + rs.length];
            for (int i = 0; i < at; i++) out[i] = (int) rs[i];
            System.arraycopy(b, 0, out, at, b.length);
            for (int i = at; i < rs.length; i++) out[b.length + i] = (int) rs[i];
            return out;
        }

        /** (numel(B), rest...): the flattened shape of an access's values. */
        long[] flatValuesShape(long count) {
            long[] s = new long[1 + rest.length];
            s[0] = count;
            System.arraycopy(restSizes(), 0, s, 1, rest.length);
            return s;
        }
    }

    // ---------------------------------------------------------------- the recorded ops

    /** {@code self[indices]}: a new tensor (never a view), recorded as IndexBackward0. */
    public static Tensor index(Tensor self, Tensor[] indices) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::index", self) : null) {
            Plan p = plan(self, indices);
            return Derivatives.index(read(self, p), self, p.positions);
        }
    }

    /** {@code self.masked_select(mask)}: the elements where mask (broadcast with self) is true, as a vector. */
    public static Tensor maskedSelect(Tensor self, Tensor mask) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::masked_select", self, mask) : null) {
            if (mask.dtype() != DType.BOOL) {
                throw new IllegalArgumentException("masked_select: expected BoolTensor or ByteTensor for mask");
            }
            int[] shape = Shapes.broadcast(shape(mask), shape(self));
            Tensor s, m;
            try (var guard = GradMode.setEnabled(false)) {
                s = Views.expandNoGrad(self, Shapes.toLong(shape));
                m = Views.expandNoGrad(mask, Shapes.toLong(shape));
            }
            Plan p = plan(s, new Tensor[] {m});
            return Derivatives.maskedSelect(read(s, p), self, m);
        }
    }

    /** A copy of self with values written (or added, with accumulate) at the indexed positions. */
    public static Tensor indexPut(Tensor self, Tensor[] indices, Tensor values, boolean accumulate) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::index_put", self, values) : null) {
            if (!isWrappedNumber(values) && values.dtype() != self.dtype()) {
                throw new IllegalArgumentException("Index put requires the source and destination dtypes match, got "
                        + self.dtype().scalarTypeName() + " for the destination and " + values.dtype().scalarTypeName() + " for the source.");
            }
            Plan p = plan(self, indices);
            int[] target = p.resultShape();
            int[] got = shape(values);
            if (!Arrays.equals(Shapes.broadcastOrNull(target, got), target)) {
                throw new IllegalArgumentException("shape mismatch: value tensor of shape " + Shapes.format(got)
                        + " cannot be broadcast to indexing result of shape " + Shapes.format(target));
            }
            Tensor r;
            try (var guard = GradMode.setEnabled(false)) {
                r = write(self, p, Copying.convert(values, self.dtype()), accumulate);
            }
            return Derivatives.indexPut(r, self, values, p.positions, accumulate);
        }
    }

    public static Tensor indexPut_(Tensor self, Tensor[] indices, Tensor values, boolean accumulate) {
        return Copying.writeBack(self, old -> indexPut(old, indices, values, accumulate), values);
    }

    /** The positions of the non-zero elements, one row of coordinates each: (count, dim) int64. */
    public static Tensor nonzero(Tensor self) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::nonzero", self) : null) {
            boolean[] nz;
            try (var guard = GradMode.setEnabled(false)) {
                nz = (self.dtype() == DType.BOOL ? self : self.ne(0L)).toBooleanArray();
            }
            int nd = self.dim();
            int[] shape = shape(self);
            int count = 0;
            for (boolean z : nz) if (z) count++;
            long[] coords = new long[count * nd];
            int[] c = new int[nd];
            int row = 0;
            for (boolean z : nz) {
                if (z) {
                    for (int j = 0; j < nd; j++) coords[row * nd + j] = c[j];
                    row++;
                }
                for (int j = nd - 1; j >= 0 && ++c[j] == shape[j]; j--) c[j] = 0;
            }
            return Torch.tensor(coords).reshape(count, nd).to(self.device());
        }
    }

    /** nonzero as one vector of positions per dim. */
    public static List<Tensor> nonzeroTuple(Tensor self) {
        Tensor nz = nonzero(self);
        List<Tensor> out = new ArrayList<>();
        if (self.dim() == 0) {
            out.add(Views.reshapeNoGrad(nz, new long[] {-1}));
            return out;
        }
        for (int j = 0; j < self.dim(); j++) out.add(Copying.cloneNoGrad(Views.selectNoGrad(nz, 1, j)));
        return out;
    }

    // ---------------------------------------------------------------- the access itself (no autograd)

    /** The elements the plan names, in the result's shape. */
    static Tensor read(Tensor self, Plan p) {
        try (var guard = GradMode.setEnabled(false)) {
            Tensor flat = Views.reshapeNoGrad(Views.permuteNoGrad(self, p.perm()), p.flatValuesShape(p.flatSize));
            Tensor picked = Gathering.indexSelectNoGrad(flat, 0, Views.reshapeNoGrad(p.lin, new long[] {-1}));
            return toResultLayout(picked, p);
        }
    }

    /** (numel(B), rest...) to the result's shape and dims order, contiguous. */
    private static Tensor toResultLayout(Tensor flatValues, Plan p) {
        long[] bRest = new long[p.b.length + p.rest.length];
        for (int i = 0; i < p.b.length; i++) bRest[i] = p.b[i];
        long[] rs = p.restSizes();
        System.arraycopy(rs, 0, bRest, p.b.length, rs.length);
        Tensor r = Views.reshapeNoGrad(flatValues, bRest);
        int at = p.at();
        if (at == 0) return r;
        int[] order = new int[bRest.length];
        int k = 0;
        for (int i = 0; i < at; i++) order[k++] = p.b.length + i;
        for (int i = 0; i < p.b.length; i++) order[k++] = i;
        for (int i = at; i < rs.length; i++) order[k++] = p.b.length + i;
        return Copying.cloneNoGrad(Views.permuteNoGrad(r, order));
    }

    /**
     * self with values (broadcast to the result's shape) written or added at the plan's positions, through
     * differentiable ops only, so it serves the backward formulas as well as the forward.
     */
    public static Tensor write(Tensor self, Plan p, Tensor values, boolean accumulate) {
        int[] result = p.resultShape();
        Tensor v = values.expand(Shapes.toLong(result));
        int at = p.at();
        if (at > 0) {  // B back to the front: (B..., rest...)
            int[] order = new int[result.length];
            int k = 0;
            for (int i = 0; i < p.b.length; i++) order[k++] = at + i;
            for (int i = 0; i < at; i++) order[k++] = i;
            for (int i = at + p.b.length; i < result.length; i++) order[k++] = i;
            v = v.permute(order);
        }
        long count = p.lin.numel();
        v = v.reshape(p.flatValuesShape(count));
        int[] perm = p.perm();
        long[] permutedShape = new long[perm.length];
        for (int i = 0; i < perm.length; i++) permutedShape[i] = p.shape[perm[i]];
        Tensor flat = self.permute(perm).reshape(p.flatValuesShape(p.flatSize));
        long[] idxShape = new long[v.dim()];
        Arrays.fill(idxShape, 1);
        idxShape[0] = count;
        Tensor idx = p.lin.reshape(idxShape).expand(v.shape());
        Tensor written = accumulate ? flat.scatterAdd(0, idx, v) : flat.scatter(0, idx, v);
        int[] inverse = new int[perm.length];
        for (int i = 0; i < perm.length; i++) inverse[perm[i]] = i;
        return written.reshape(permutedShape).permute(inverse).contiguous();
    }

    // ---------------------------------------------------------------- planning

    static Plan plan(Tensor self, Tensor[] indices) {
        int nd = self.dim();
        int[] shape = shape(self);
        List<Tensor> perDim = new ArrayList<>();
        for (Tensor t : indices) {
            if (t == null) {
                perDim.add(null);
            } else if (t.dtype() == DType.BOOL) {
                int at = perDim.size();
                if (at + t.dim() > nd) throw tooMany(nd);
                for (int j = 0; j < t.dim(); j++) {
                    if (shape(t)[j] != shape[at + j]) {
                        throw new IllegalArgumentException("The shape of the mask " + Shapes.format(shape(t)) + " at index " + j
                                + " does not match the shape of the indexed tensor " + Shapes.format(shape) + " at index " + (at + j));
                    }
                }
                if (t.dim() == 0) throw new IllegalArgumentException("jgrad: a 0-dim bool index (x[True]) is not supported");
                Tensor nz = nonzero(t);
                for (int j = 0; j < t.dim(); j++) perDim.add(Views.selectNoGrad(nz, 1, j));
            } else if (t.dtype() == DType.INT64) {  // int32 indices are rejected by PyTorch 1.13 too
                perDim.add(t);
            } else {
                throw new IllegalArgumentException("tensors used as indices must be long, byte or bool tensors");
            }
        }
        if (perDim.size() > nd) throw tooMany(nd);
        List<Integer> dims = new ArrayList<>();
        int[] b = null;
        for (int d = 0; d < perDim.size(); d++) {
            Tensor t = perDim.get(d);
            if (t == null) continue;
            Checks.sameDevice(self, t);
            dims.add(d);
            b = b == null ? shape(t) : Shapes.broadcastOrNull(b, shape(t));
            if (b == null) throw broadcastMismatch(perDim);
        }
        if (dims.isEmpty()) throw new IllegalArgumentException("jgrad: index() needs at least one index tensor; use index(\":\") for a plain view");
        int[] dimArr = dims.stream().mapToInt(Integer::intValue).toArray();
        int[] rest = new int[nd - dimArr.length];
        for (int d = 0, k = 0; d < nd; d++) if (!dims.contains(d)) rest[k++] = d;
        // the linear position of each result element within the indexed dims, row-major over them
        int n = Shapes.numel(b);
        long[] lin = new long[n];
        long flatSize = 1;
        for (int j = dimArr.length - 1; j >= 0; j--) {
            int d = dimArr[j];
            long size = shape[d];
            long[] pos = positions(perDim.get(d), b);
            for (int i = 0; i < n; i++) {
                long k = pos[i];
                if (k < -size || k >= size) {
                    throw new IllegalArgumentException("index " + k + " is out of bounds for dimension " + d + " with size " + size);
                }
                lin[i] += (k < 0 ? k + size : k) * flatSize;
            }
            flatSize *= size;
        }
        Tensor linT = Views.reshapeNoGrad(Torch.tensor(lin), Shapes.toLong(b)).to(self.device());
        return new Plan(perDim.toArray(new Tensor[0]), shape, dimArr, rest, b, flatSize, linT);
    }

    /** The index tensor's values broadcast to shape b, row-major. */
    private static long[] positions(Tensor index, int[] b) {
        try (var guard = GradMode.setEnabled(false)) {
            return Views.expandNoGrad(index, Shapes.toLong(b)).toLongArray();
        }
    }

    private static IllegalArgumentException tooMany(int nd) {
        return new IllegalArgumentException("too many indices for tensor of dimension " + nd);
    }

    private static IllegalArgumentException broadcastMismatch(List<Tensor> perDim) {
        List<String> shapes = new ArrayList<>();
        for (Tensor t : perDim) if (t != null) shapes.add(Shapes.format(shape(t)));
        return new IllegalArgumentException("shape mismatch: indexing tensors could not be broadcast together with shapes "
                + String.join(", ", shapes));
    }
}
