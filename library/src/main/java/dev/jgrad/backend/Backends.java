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

    /** True when a backend for this device type is installed and usable. */
    public static boolean available(String deviceType) { return LOADED.containsKey(deviceType); }

    /** The backend for a device; the error text is PyTorch's when the device type has no backend here. */
    public static Backend of(Device device) {
        Backend b = LOADED.get(device.type());
        if (b == null) {
            if (device.isCuda()) throw new IllegalStateException("Torch not compiled with CUDA enabled");
            throw new UnsupportedOperationException("jgrad has no backend for device type " + device.type());
        }
        return b;
    }
}
