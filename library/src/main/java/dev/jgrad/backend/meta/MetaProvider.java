package dev.jgrad.backend.meta;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.BackendProvider;

/** Registers {@link MetaBackend} for device type "meta". */
public final class MetaProvider implements BackendProvider {
    @Override public String deviceType() { return "meta"; }

    @Override public Backend create() { return MetaBackend.INSTANCE; }
}
