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

    /** These options with dtype set ({@code dtype=} of a factory). */
    public TensorOptions dtype(DType value) { return new TensorOptions(value, device, requiresGrad); }

    /** These options with device set ({@code device=} of a factory). */
    public TensorOptions device(Device value) { return new TensorOptions(dtype, value, requiresGrad); }

    /** These options with requires_grad set ({@code requires_grad=} of a factory). */
    public TensorOptions requiresGrad(boolean value) { return new TensorOptions(dtype, device, value); }

    /** The dtype, or null when unset. */
    public DType dtype() { return dtype; }

    /** The device, or null when unset (the CPU). */
    public Device device() { return device; }

    /** Whether the made tensor will require grad (default false). */
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
