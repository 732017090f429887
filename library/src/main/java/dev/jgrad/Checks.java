package dev.jgrad;

/** Argument checks whose messages follow PyTorch's. */
final class Checks {
    private Checks() {}

    /** PyTorch's text for a missing tensor argument, e.g. {@code add(): argument 'other' (position 1) must be Tensor, not null}. */
    static Tensor tensor(Tensor t, String op, String arg, int position) {
        if (t == null) {
            throw new IllegalArgumentException(op + "(): argument '" + arg + "' (position " + position
                    + ") must be Tensor, not null");
        }
        return t;
    }

    static void sameDevice(Tensor a, Tensor b) {
        if (!a.wrappedNumber && !b.wrappedNumber && !a.device().equals(b.device())) {
            throw new IllegalArgumentException("Expected all tensors to be on the same device, but found at least two devices, "
                    + a.device() + " and " + b.device() + "!");
        }
    }

    static void cpuOnly(Tensor t) {
        if (!t.device().isCpu()) {
            throw new UnsupportedOperationException("jgrad has no kernels for device " + t.device() + " yet");
        }
    }
}
