package dev.jgrad.backend;

/**
 * A plug-in that brings a {@link Backend} for one device type, found with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/dev.jgrad.backend.BackendProvider} entry, or {@code provides} in a
 * module descriptor). A separate Maven module on the class path is all a new device needs: the examples'
 * tests register {@code privateuseone} this way ({@code com.example.plugin.PluginBackendTest}).
 */
public interface BackendProvider {
    /** The device type this provider serves, as {@code Device.type()}: "cpu", "meta", "cuda". */
    String deviceType();

    /** False when the device cannot be used on this machine (no driver, no GPU); the registry then skips it. */
    default boolean isAvailable() { return true; }

    /**
     * The backend, made once per JVM while the registry is being filled: it must not call {@link Backends}
     * here (look other backends up on first use instead).
     */
    Backend create();
}
