package dev.jgrad;

import java.util.Objects;

/** Where a tensor's storage lives, as {@code torch.device}: {@code cpu}, {@code cuda:0}. */
public final class Device {
    /** {@code torch.device("cpu")}: where tensors are made unless told otherwise. */
    public static final Device CPU = new Device("cpu", -1);
    /** PyTorch's meta device: tensors with shapes and dtypes but no data (see {@code backend.meta.MetaBackend}). */
    public static final Device META = new Device("meta", -1);

    /** PyTorch 1.13's device types, in its message's order. */
    private static final java.util.List<String> KNOWN_TYPES = java.util.List.of("cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl",
            "opencl", "ideep", "hip", "ve", "fpga", "ort", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "privateuseone");

    private final String type;
    private final int index;

    private Device(String type, int index) {
        this.type = type;
        this.index = index;
    }

    /**
     * {@code torch.device("cuda", index)}. jgrad has no CUDA backend: the device can be named, but making a
     * tensor on it fails.
     *
     * @param index the device index, 0 or more
     * @return the device {@code cuda:index}
     * @throws IllegalArgumentException {@code Device index must not be negative} for a negative index
     */
    public static Device cuda(int index) {
        if (index < 0) throw new IllegalArgumentException("Device index must not be negative");
        return new Device("cuda", index);
    }

    /**
     * Parses {@code "cpu"}, {@code "meta"}, {@code "cuda"} or {@code "cuda:1"}, as {@code torch.device(str)}.
     * Every device type PyTorch 1.13 names parses; only cpu and meta have a backend.
     *
     * @param spec the device string, {@code type} or {@code type:index}; surrounding blanks are ignored
     * @return the device ({@link #CPU} for {@code "cpu"})
     * @throws NullPointerException for a null spec
     * @throws IllegalArgumentException {@code Invalid device string: '...'} for a bad or negative index, and
     *     PyTorch's {@code Expected one of cpu, cuda, ... device type at start of device string: ...} for an
     *     unknown type
     */
    public static Device of(String spec) {
        Objects.requireNonNull(spec, "device");
        String s = spec.trim();
        int colon = s.indexOf(':');
        String type = colon < 0 ? s : s.substring(0, colon);
        int index = -1;
        if (colon >= 0) {
            try {
                index = Integer.parseInt(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid device string: '" + spec + "'");
            }
            if (index < 0) throw new IllegalArgumentException("Invalid device string: '" + spec + "'");
        }
        return switch (type) {
            case "cpu" -> CPU;
            case "cuda" -> new Device("cuda", index);
            case "meta" -> index < 0 ? META : new Device("meta", index);
            default -> {
                // PyTorch's device types parse; using one without a backend fails where its storage would be made
                if (!KNOWN_TYPES.contains(type)) {
                    throw new IllegalArgumentException("Expected one of " + String.join(", ", KNOWN_TYPES)
                            + " device type at start of device string: " + spec);
                }
                yield new Device(type, index);
            }
        };
    }

    /** {@return the device type, {@code device.type}: "cpu", "cuda", "meta", ...} */
    public String type() { return type; }

    /** {@return the device index ({@code device.index}), or -1 when none was given (PyTorch's None)} */
    public int index() { return index; }

    /** {@return whether {@code device.type == "cpu"}} */
    public boolean isCpu() { return type.equals("cpu"); }

    /** {@return whether {@code device.type == "cuda"}} */
    public boolean isCuda() { return type.equals("cuda"); }

    /** {@return whether {@code device.type == "meta"} (shapes without data)} */
    public boolean isMeta() { return type.equals("meta"); }

    @Override public boolean equals(Object o) {
        return o instanceof Device d && d.type.equals(type) && d.index == index;
    }

    @Override public int hashCode() { return type.hashCode() * 31 + index; }

    @Override public String toString() { return index < 0 ? type : type + ":" + index; }
}
