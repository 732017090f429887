package dev.jgrad.backend;

/**
 * A plug-in that brings a {@link Backend} for one device type, found with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/dev.jgrad.backend.BackendProvider} entry, or {@code provides} in a
 * module descriptor). A separate Maven module on the class path is all a new device needs: the examples'
 * tests register {@code privateuseone} this way ({@code com.example.plugin.PluginBackendTest}).
 */
public interface BackendProvider {
    /**
     * The device type this provider serves, as {@code Device.type()} spells it.
     *
     * @return "cpu", "meta", "cuda", "privateuseone", ...; of two providers of one type the first found wins
     */
    String deviceType();

    /**
     * Whether the device can be used on this machine; the registry skips a provider that says no (no driver, no GPU).
     *
     * @return true by default
     */
    default boolean isAvailable() { return true; }

    /**
     * The backend, made once per JVM while the registry is being filled: it must not call {@link Backends}
     * here (look other backends up on first use instead).
     *
     * @return the backend serving {@link #deviceType()}
     */
    Backend create();
}
