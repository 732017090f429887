package dev.jgrad.internal.autograd;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Node;
import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.TensorInternals;

/**
 * A tensor a node keeps for its backward formula, with the version it had when saved: unpacking a tensor
 * modified in place since, or one freed by an earlier backward, fails with PyTorch's messages.
 */
public final class SavedTensor {
    public static final String FREED = "Trying to backward through the graph a second time (or directly access saved tensors after "
            + "they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or "
            + "autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need "
            + "to access saved tensors after calling backward.";

    private Tensor data;
    private final int version;
    /** For a saved output, the node that saved it; for a saved input, null (its current grad_fn is named). */
    private final String producer;
    private final int outputNr;

    /** producer: the saving node when t is that node's own output, else null. */
    public SavedTensor(Tensor t, Node producer) {
        if (TensorInternals.isInference(t) && !GradMode.isInferenceMode()) {
            throw new IllegalStateException("Inference tensors cannot be saved for backward. To work around you can make a clone "
                    + "to get a normal tensor and use it in autograd.");
        }
        this.data = t;
        this.version = TensorInternals.version(t);
        this.producer = producer == null ? null : producer.name();
        this.outputNr = TensorInternals.outputNr(t);
    }

    public Tensor unpack() {
        Tensor t = data;
        if (t == null) throw new IllegalStateException(FREED);
        if (TensorInternals.version(t) != version) {
            // PyTorch names the node that saved an output, but an input's grad_fn as it is now
            String fn = producer != null ? producer : t.gradFn() == null ? null : t.gradFn().name();
            int nr = producer != null ? outputNr : TensorInternals.outputNr(t);
            throw new IllegalStateException("one of the variables needed for gradient computation has been modified by an inplace "
                    + "operation: [" + t.dtype().legacyTensorTypeName() + " " + shape(t) + "]"
                    + (fn == null ? "" : ", which is output " + nr + " of " + fn + ",")
                    + " is at version " + TensorInternals.version(t) + "; expected version " + version + " instead. Hint: enable anomaly detection "
                    + "to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).");
        }
        return t;
    }

    private static String shape(Tensor t) {
        StringBuilder sb = new StringBuilder("[");
        long[] s = t.shape();
        for (int i = 0; i < s.length; i++) sb.append(i > 0 ? ", " : "").append(s[i]);
        return sb.append(']').toString();
    }

    public void release() { data = null; }

    /** The saved tensor without the version check, or null once freed: for inspecting a graph, never for a backward. */
    public Tensor peek() { return data; }
}
