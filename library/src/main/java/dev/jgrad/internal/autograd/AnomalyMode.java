package dev.jgrad.internal.autograd;

import dev.jgrad.Node;
import dev.jgrad.Tensor;

/**
 * PyTorch's anomaly mode: while on, every node remembers the forward call that made it, and the engine
 * checks each backward result for NaN. A failing backward step names its node and carries the forward
 * call's stack as a suppressed exception (PyTorch prints it as a warning).
 */
public final class AnomalyMode {
    private static volatile boolean enabled;
    private static volatile boolean checkNan = true;
    private static final System.Logger LOG = System.getLogger("dev.jgrad.autograd");

    private AnomalyMode() {}

    public static boolean isEnabled() { return enabled; }

    public static boolean checkNan() { return checkNan; }

    /** Sets the mode; returns the previous {enabled, checkNan}. Global, as in PyTorch (not per thread). */
    public static boolean[] set(boolean on, boolean nanCheck) {
        boolean[] prev = {enabled, checkNan};
        enabled = on;
        checkNan = nanCheck;
        return prev;
    }

    /** The stack of the forward call that recorded a node. */
    public static final class ForwardTrace extends Throwable {
        private static final long serialVersionUID = 1L;

        public ForwardTrace(String node) { super("Traceback of forward call that caused the error (node created by " + node + ")"); }
    }

    /** PyTorch's NaN check on one node's results. */
    public static void checkResults(Node n, Tensor[] out) {
        if (!checkNan) return;
        for (int i = 0; i < out.length; i++) {
            Tensor t = out[i];
            if (t != null && t.isFloatingPoint() && t.isnan().any().itemBool()) {
                throw new IllegalStateException("Function '" + n.name() + "' returned nan values in its " + i + "th output.");
            }
        }
    }

    /** Attaches the node's forward trace to an error raised while running its backward, and logs it as PyTorch warns. */
    public static RuntimeException annotate(Node n, RuntimeException e) {
        Throwable trace = n.forwardTrace();
        if (trace != null) {
            LOG.log(System.Logger.Level.WARNING, "Error detected in " + n.name() + ". Traceback of forward call that caused the error:", trace);
            e.addSuppressed(trace);
        }
        return e;
    }
}
