package dev.jgrad;

/**
 * gather and scatter_add: reading or accumulating along one dim at positions given by an int64 index
 * tensor. The index is walked with a coordinate counter; the value loops are typed per dtype.
 */
final class Gathering {
    private Gathering() {}

    private static int checkIndex(String op, Tensor self, int dim, Tensor index) {
        Checks.tensor(index, op, "index", 2);
        if (index.dtype() != DType.INT64) throw new IllegalArgumentException(op + "(): Expected dtype int64 for index");
        int d = Shapes.wrapDim(dim, self.dim());
        if (index.dim() != Math.max(self.dim(), 0) && !(self.dim() == 0 && index.dim() <= 1)) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as "
                    + (op.equals("gather") ? "input" : "self") + " tensor");
        }
        return d;
    }

    /** out[..i..] = self[..index[..i..]..] along dim; out has index's shape. */
    static Tensor gather(Tensor self, int dim, Tensor index) {
        int d = checkIndex("gather", self, dim, index);
        Tensor idx = Copying.dense(index, DType.INT64);
        Tensor out = Tensor.contiguousOf(Storage.allocate(self.dtype(), index.numel), index.shape);
        walk(self, d, idx, (pos, srcOff) -> copyElement(self.storage.data, srcOff, out.storage.data, pos, self.dtype()));
        return out;
    }

    /** A copy of self with src[..i..] added at self[..index[..i..]..] along dim. */
    static Tensor scatterAdd(Tensor self, int dim, Tensor index, Tensor src) {
        int d = checkIndex("scatter_add", self, dim, index);
        Checks.tensor(src, "scatter_add", "src", 3);
        Tensor out = Copying.clone(self);
        Tensor idx = Copying.dense(index, DType.INT64);
        Tensor s = src;
        for (int j = 0; j < idx.shape.length && s.shape.length == idx.shape.length; j++) {
            if (s.shape[j] != idx.shape[j]) s = Views.narrow(s, j, 0, idx.shape[j]);  // src may be larger than index
        }
        Tensor srcDense = Copying.dense(s, self.dtype());
        walk(out, d, idx, (pos, dstOff) -> addElement(srcDense.storage.data, pos, out.storage.data, dstOff, self.dtype()));
        return out;
    }

    @FunctionalInterface
    private interface Visit { void at(int indexPos, int selfOffset); }

    /** For every position of the (dense) index, the offset in self it points at. */
    private static void walk(Tensor self, int dim, Tensor idx, Visit visit) {
        long[] ind = (long[]) idx.storage.data;
        int n = idx.numel, nd = idx.shape.length;
        int size = self.dim() == 0 ? 1 : self.shape[dim];
        int[] coord = new int[nd];
        for (int pos = 0; pos < n; pos++) {
            long k = ind[pos];
            if (k < -size || k >= size) {
                throw new IllegalArgumentException("index " + k + " is out of bounds for dimension " + dim + " with size " + size);
            }
            if (k < 0) k += size;
            int off = self.offset;
            for (int j = 0; j < nd; j++) {
                int c = j == dim ? (int) k : coord[j];
                if (j != dim && c >= self.shape[j]) {
                    throw new IllegalArgumentException("Size does not match at dimension " + j + " expected index " + Shapes.format(idx.shape)
                            + " to be smaller than self " + Shapes.format(self.shape) + " apart from dimension " + dim);
                }
                off += c * (self.dim() == 0 ? 0 : self.stride[j]);
            }
            visit.at(pos, off);
            for (int j = nd - 1; j >= 0; j--) {
                if (++coord[j] < idx.shape[j]) break;
                coord[j] = 0;
            }
        }
    }

    private static void copyElement(Object src, int si, Object dst, int di, DType t) {
        switch (t) {
            case FLOAT32 -> ((float[]) dst)[di] = ((float[]) src)[si];
            case FLOAT64 -> ((double[]) dst)[di] = ((double[]) src)[si];
            case INT64 -> ((long[]) dst)[di] = ((long[]) src)[si];
            case INT32 -> ((int[]) dst)[di] = ((int[]) src)[si];
            case BOOL -> ((boolean[]) dst)[di] = ((boolean[]) src)[si];
        }
    }

    private static void addElement(Object src, int si, Object dst, int di, DType t) {
        switch (t) {
            case FLOAT32 -> ((float[]) dst)[di] += ((float[]) src)[si];
            case FLOAT64 -> ((double[]) dst)[di] += ((double[]) src)[si];
            case INT64 -> ((long[]) dst)[di] += ((long[]) src)[si];
            case INT32 -> ((int[]) dst)[di] += ((int[]) src)[si];
            case BOOL -> ((boolean[]) dst)[di] |= ((boolean[]) src)[si];
        }
    }
}
