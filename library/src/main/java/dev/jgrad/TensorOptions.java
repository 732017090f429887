package dev.jgrad;

/**
 * A factory's keyword arguments ({@code dtype=, device=, requires_grad=}), as libtorch's
 * {@code torch::TensorOptions}: start from {@link Torch#options()} and chain,
 * {@code zeros(options().dtype(DType.FLOAT64).requiresGrad(true), 2, 3)}. Immutable: each setter returns a copy.
 * An unset dtype means the factory's own default (float32, or inferred from the data for {@code tensor}).
 */
public final class TensorOptions {
    static final TensorOptions DEFAULT = new TensorOptions(null, null, false);

    private final DType dtype;
    private final Device device;
    private final boolean requiresGrad;

    private TensorOptions(DType dtype, Device device, boolean requiresGrad) {
        this.dtype = dtype;
        this.device = device;
        this.requiresGrad = requiresGrad;
    }

    /**
     * {@return a copy of these options with the dtype set}
     *
     * @param value the factory's {@code dtype=}; null means the factory's default
     */
    public TensorOptions dtype(DType value) { return new TensorOptions(value, device, requiresGrad); }

    /**
     * {@return a copy of these options with the device set}
     *
     * @param value the factory's {@code device=}; null means the CPU
     */
    public TensorOptions device(Device value) { return new TensorOptions(dtype, value, requiresGrad); }

    /**
     * {@return a copy of these options with requires_grad set} A factory given {@code true} for a non-floating
     * dtype throws PyTorch's {@code Only Tensors of floating point and complex dtype can require gradients}.
     *
     * @param value the factory's {@code requires_grad=}
     */
    public TensorOptions requiresGrad(boolean value) { return new TensorOptions(dtype, device, value); }

    /** {@return the dtype, or null when unset} */
    public DType dtype() { return dtype; }

    /** {@return the device, or null when unset (the CPU)} */
    public Device device() { return device; }

    /** {@return whether the made tensor will require grad (default false)} */
    public boolean requiresGrad() { return requiresGrad; }

    DType dtypeOr(DType fallback) { return dtype == null ? fallback : dtype; }

    Device deviceOr() { return device == null ? Device.CPU : device; }

    /** Applies the placement and the requires_grad flag to a freshly made tensor, with PyTorch's check. */
    Tensor finish(Tensor t) {
        if (device != null && !t.device().equals(device)) t = t.to(device);
        if (requiresGrad) {
            if (!t.dtype().isFloatingPoint()) {
                throw new IllegalArgumentException("Only Tensors of floating point and complex dtype can require gradients");
            }
            t.requiresGrad_(true);
        }
        return t;
    }

    @Override public String toString() {
        return "TensorOptions(dtype=" + (dtype == null ? "default" : dtype.toString()) + ", device=" + deviceOr() + ", requires_grad="
                + (requiresGrad ? "True" : "False") + ")";
    }
}
