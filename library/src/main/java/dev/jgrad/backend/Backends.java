package dev.jgrad.backend;

import dev.jgrad.Device;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/** The registry of backends: device type to {@link Backend}, filled from the service-loaded {@link BackendProvider}s. */
public final class Backends {
    private Backends() {}

    private static final Map<String, Backend> LOADED = load();

    private static Map<String, Backend> load() {
        Map<String, Backend> m = new ConcurrentHashMap<>();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader())) {
            if (p.isAvailable()) m.putIfAbsent(p.deviceType(), p.create());
        }
        return m;
    }

    /**
     * Whether a backend for this device type is installed and usable ({@code torch.cuda.is_available()} is
     * {@code available("cuda")}).
     *
     * @param deviceType  a device type: "cpu", "meta", "cuda", ...
     * @return true when a provider for it was found and reported itself available
     */
    public static boolean available(String deviceType) { return LOADED.containsKey(deviceType); }

    /**
     * The backend for a device.
     *
     * @param device  the device
     * @return the backend registered for its type
     * @throws IllegalStateException for a CUDA device when no CUDA backend is installed ("Torch not compiled with
     *         CUDA enabled", PyTorch's text)
     * @throws UnsupportedOperationException for any other device type without a backend ("jgrad has no backend for
     *         device type xla")
     */
    public static Backend of(Device device) {
        Backend b = LOADED.get(device.type());
        if (b == null) {
            if (device.isCuda()) throw new IllegalStateException("Torch not compiled with CUDA enabled");
            throw new UnsupportedOperationException("jgrad has no backend for device type " + device.type());
        }
        return b;
    }
}
