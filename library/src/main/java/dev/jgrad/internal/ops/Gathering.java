package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Shapes;

/**
 * gather and scatter_add: reading or accumulating along one dim at positions given by an int64 index
 * tensor. Checks and shapes here; the backend walks the index (and checks each position against self).
 */
public final class Gathering {
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
    public static Tensor gather(Tensor self, int dim, Tensor index) {
        int d = checkIndex("gather", self, dim, index);
        Tensor out = Dispatch.empty(self, shape(index), self.dtype());
        Dispatch.backend(self, index).gather(Dispatch.view(self), d, Dispatch.view(index), Dispatch.view(out));
        return out;
    }

    /** A copy of self with src[..i..] added at self[..index[..i..]..] along dim. */
    public static Tensor scatterAdd(Tensor self, int dim, Tensor index, Tensor src) {
        int d = checkIndex("scatter_add", self, dim, index);
        Checks.tensor(src, "scatter_add", "src", 3);
        Tensor out = Copying.clone(self);
        Tensor s = src;
        for (int j = 0; j < shape(index).length && shape(s).length == shape(index).length; j++) {
            if (shape(s)[j] != shape(index)[j]) s = Views.narrow(s, j, 0, shape(index)[j]);  // src may be larger than index
        }
        Dispatch.backend(self, index, src).scatterAdd(Dispatch.view(out), d, Dispatch.view(index), Dispatch.view(s));
        return out;
    }
}
