package com.example.plugin;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.BackendProvider;

/** Registered in META-INF/services, as a backend in its own jar would be. */
public final class ForwardingProvider implements BackendProvider {
    @Override public String deviceType() { return ForwardingBackend.TYPE; }

    @Override public Backend create() { return ForwardingBackend.create(); }
}
