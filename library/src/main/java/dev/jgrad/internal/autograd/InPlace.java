package dev.jgrad.internal.autograd;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Edge;
import dev.jgrad.Node;
import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.TensorInternals;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Recording in-place ops. The op runs out of place on a copy of the old value that carries the old
 * history (so nothing it saves is overwritten), its result is written into the tensor, and the tensor's
 * history moves to the op's node: {@code y = x * 2; y.add_(1)} leaves y with AddBackward0 whose input
 * is MulBackward0. When the tensor is a view of a base that requires grad, the base's history becomes
 * a CopySlices node instead and the view is re-derived from it, as in PyTorch.
 */
public final class InPlace {
    private InPlace() {}

    /** Whether an in-place op on self records (a view requires grad when its base does). */
    public static boolean recording(Tensor self) {
        return self.requiresGrad() && GradMode.isEnabled();
    }

    public static boolean recording(Tensor self, Tensor other) {
        return (self.requiresGrad() || other.requiresGrad()) && GradMode.isEnabled();
    }

    /** The checks every recorded in-place op starts with (PyTorch's check_inplace): see {@link ViewTracking#checkInplace}. */
    public static void checkLeaf(Tensor self) {
        ViewTracking.checkInplace(self);
        ViewTracking.checkInferenceInplace(self);
    }

    /** Runs op out of place on self's old value (with its history), writes the result into self and rebases self. */
    public static Tensor apply(Tensor self, UnaryOperator<Tensor> op) {
        checkLeaf(self);
        Tensor old = TensorInternals.cloneWithHistory(self);
        Tensor r = op.apply(old);
        checkFits(self, r);
        TensorInternals.copyData(self, r);
        rebase(self, r);
        return self;
    }

    /** An in-place op's out-of-place result r must have self's shape and a dtype self can hold, as PyTorch's out= rules. */
    public static void checkFits(Tensor self, Tensor r) {
        if (!Arrays.equals(TensorInternals.shape(r), TensorInternals.shape(self))) {
            throw new IllegalArgumentException("output with shape " + Arrays.toString(TensorInternals.shape(self))
                    + " doesn't match the broadcast shape " + Arrays.toString(TensorInternals.shape(r)));
        }
        if (r.dtype().category().ordinal() > self.dtype().category().ordinal()) {
            throw new IllegalArgumentException("result type " + r.dtype().scalarTypeName()
                    + " can't be cast to the desired output type " + self.dtype().scalarTypeName());
        }
    }

    /** Gives self the history of r (which now holds self's new value). */
    public static void rebase(Tensor self, Tensor r) {
        Node fn = r.gradFn();
        if (fn == null) return;
        rebase(self, fn, TensorInternals.outputNr(r));
    }

    /**
     * Gives self the history (fn, outputNr). A view's write goes into its base's history as a CopySlices
     * node instead, and the view's own grad_fn is derived again from the base on next use.
     */
    public static void rebase(Tensor self, Node fn, int outputNr) {
        Tensor base = TensorInternals.viewBase(self);
        if (base == null || !self.isFloatingPoint()) {
            Node old = TensorInternals.rawGradFn(self);
            TensorInternals.setHistory(self, fn, outputNr);
            moveRetainedGrad(self, old, fn, outputNr);
            return;
        }
        CopySlices copySlices = new CopySlices(base, self, fn);
        Node oldBase = TensorInternals.rawGradFn(base);
        TensorInternals.setHistory(base, copySlices, 0);
        moveRetainedGrad(base, oldBase, copySlices, 0);
        ViewTracking.invalidate(self);
    }

    /** A tensor that retains its gradient takes it from its new node from now on, as PyTorch moves the retains_grad hook. */
    static void moveRetainedGrad(Tensor self, Node old, Node fn, int outputNr) {
        if (!TensorInternals.retainsGrad(self)) return;
        if (old != null) old.removeRetainGrad(self);
        if (fn != null) fn.addRetainGrad(outputNr, self);
    }

    /** The geometry of a view inside its (contiguous) base, as strides and offset relative to the base's start. */
    public record Geometry(int[] shape, int[] stride, int offset) {
        static Geometry of(Tensor base, Tensor view) {
            if (!base.isContiguous()) {
                throw new UnsupportedOperationException("in-place operation on a view of a non-contiguous tensor that requires "
                        + "grad is not supported yet; clone() the base first");
            }
            return new Geometry(TensorInternals.shape(view).clone(), TensorInternals.strides(view).clone(),
                    TensorInternals.offset(view) - TensorInternals.offset(base));
        }

        Tensor in(Tensor dense) {
            return TensorInternals.asStrided(dense, shape, stride, TensorInternals.offset(dense) + offset);
        }
    }

    // Note [Differentiable view plumbing]: CopySlices and the re-derived view compute with as_strided and
    // its inverse (scatter into zeros), each recorded with the other as its derivative, so gradients that
    // pass through an in-place write on a view can be differentiated again.

    /** The view geometry of t (read as a contiguous tensor of the base's shape). */
    public static Tensor asStrided(Tensor t, Geometry geometry) {
        Tensor dense = t.contiguous();
        Tensor view = geometry.in(dense);
        if (!Recorder.shouldRecord(dense)) return view;
        int[] baseShape = TensorInternals.shape(dense).clone();
        return Recorder.row("AsStridedBackward0", view, dense, g -> asStridedScatter(g, baseShape, geometry));
    }

    /** Zeros of baseShape with g written into the geometry's region: as_strided's backward. */
    public static Tensor asStridedScatter(Tensor g, int[] baseShape, Geometry geometry) {
        Tensor out;
        try (var guard = GradMode.setEnabled(false)) {
            out = g.newZeros(DerivativeHelpers.toLong(baseShape));
            geometry.in(out).copy_(g);
        }
        if (!Recorder.shouldRecord(g)) return out;
        return Recorder.row("AsStridedScatterBackward0", out, g, grad -> asStrided(grad, geometry));
    }

    /**
     * The base's new history after an in-place op on one of its views: the base's gradient passes
     * through unchanged outside the view's region; inside it, the op's own backward decides.
     */
    public static final class CopySlices extends Node {
        private final Geometry geometry;
        private final int[] baseShape;
        private final Node fn;

        CopySlices(Tensor base, Tensor view, Node fn) {
            this.geometry = Geometry.of(base, view);
            this.baseShape = TensorInternals.shape(base).clone();
            this.fn = fn;
            Edge[] edges = new Edge[fn.numInputs()];
            edges[0] = TensorInternals.gradientEdge(base);
            for (int i = 1; i < edges.length; i++) edges[i] = fn.nextEdge(i);
            setEdges(edges);
            setOutputs(base);
        }

        @Override public String name() { return "torch::autograd::CopySlices"; }

        @Override protected Tensor[] compute(Tensor[] grads) {
            Tensor grad = grads[0];
            if (grad == null) return new Tensor[numInputs()];
            // as PyTorch: a copy of the base's gradient whose view region is overwritten with the op's input gradient;
            // under createGraph the copy_ into the region is itself recorded (CopySlices over CopyBackwards)
            Tensor result = grad.newZeros(DerivativeHelpers.toLong(baseShape)).copy_(grad);
            Tensor gradSlice = result.asStrided(DerivativeHelpers.toLong(geometry.shape()), DerivativeHelpers.toLong(geometry.stride()),
                    geometry.offset());
            Tensor[] res = fn.apply(new Tensor[] {gradSlice.clone()});
            if (res[0] == null) gradSlice.zero_();
            else gradSlice.copy_(res[0]);
            Tensor[] out = new Tensor[numInputs()];
            out[0] = result;
            for (int i = 1; i < out.length; i++) out[i] = res[i];
            return out;
        }

        @Override public void releaseVariables() { fn.releaseVariables(); }
    }

    /** A view re-derived from its base after an in-place op on it: the gradient lands in the view's region of zeros. */
    public static final class AsStridedBackward extends Node {
        private final Geometry geometry;
        private final int[] baseShape;

        AsStridedBackward(Tensor base, Tensor view) {
            this.geometry = Geometry.of(base, view);
            this.baseShape = TensorInternals.shape(base).clone();
            setEdges(new Edge[] {TensorInternals.gradientEdge(base)});
            setOutputs(view);
        }

        @Override public String name() { return "AsStridedBackward0"; }

        @Override protected Tensor[] compute(Tensor[] grads) {
            return new Tensor[] {grads[0] == null ? null : asStridedScatter(grads[0], baseShape, geometry)};
        }
    }
}
