package dev.jgrad.autograd;

/**
 * Whether ops record history, per thread (a new thread starts with grad enabled), as
 * {@code torch.is_grad_enabled()}. Scopes nest: each guard restores what it found when closed.
 */
public final class GradMode {
    private static final class State {
        boolean enabled = true;
        boolean inference;
    }

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);
    /** How many inference-mode scopes are open on any thread: lets tensor creation skip the thread-local almost always. */
    private static final java.util.concurrent.atomic.AtomicInteger INFERENCE_SCOPES = new java.util.concurrent.atomic.AtomicInteger();

    private GradMode() {}

    /**
     * {@code torch.is_grad_enabled()}: whether ops on this thread record history now.
     *
     * @return whether ops on this thread record history
     */
    public static boolean isEnabled() { return STATE.get().enabled; }

    /**
     * True inside {@code inferenceMode()}: outputs are inference tensors that can't be saved for backward.
     *
     * <p>PyTorch: {@code torch.is_inference_mode_enabled}.
     *
     * @return whether this thread is in inference mode
     */
    public static boolean isInferenceMode() { return STATE.get().inference; }

    /**
     * Cheap check for new tensors: true only when this thread is in inference mode.
     *
     * @return whether this thread is in inference mode
     */
    public static boolean creatingInferenceTensors() {
        return INFERENCE_SCOPES.get() > 0 && STATE.get().inference;
    }

    /**
     * Sets grad mode for this thread until the returned guard is closed.
     *
     * <p>PyTorch: {@code torch.set_grad_enabled}.
     *
     * @param enabled true to record history, false not to
     * @return a guard that restores the previous mode when closed
     */
    public static Guard setEnabled(boolean enabled) {
        State s = STATE.get();
        Guard g = new Guard(s, s.enabled, s.inference);
        s.enabled = enabled;
        return g;
    }

    /**
     * Inference mode on: no recording, and outputs are marked as inference tensors. Off: back to normal recording
     * rules.
     *
     * <p>PyTorch: {@code torch.inference_mode}.
     *
     * @param on true to enter inference mode, false to leave it
     * @return a guard that restores the previous mode when closed
     */
    public static Guard setInferenceMode(boolean on) {
        State s = STATE.get();
        Guard g = new Guard(s, s.enabled, s.inference);
        s.inference = on;
        s.enabled = !on;  // as c10::InferenceMode: inference_mode(False) turns grad mode back on, even inside no_grad
        if (on) {
            INFERENCE_SCOPES.incrementAndGet();
            g.countsInference = true;
        }
        return g;
    }

    /** Restores the grad mode that was current when it was made; close() throws no checked exception. */
    public static final class Guard implements AutoCloseable {
        private final State state;
        private final boolean enabled;
        private final boolean inference;
        private boolean countsInference;

        private Guard(State state, boolean enabled, boolean inference) {
            this.state = state;
            this.enabled = enabled;
            this.inference = inference;
        }

        @Override public void close() {
            state.enabled = enabled;
            state.inference = inference;
            if (countsInference) {
                countsInference = false;
                INFERENCE_SCOPES.decrementAndGet();
            }
        }
    }
}
