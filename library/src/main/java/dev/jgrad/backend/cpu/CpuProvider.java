package dev.jgrad.backend.cpu;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.BackendProvider;

/** Registers {@link CpuBackend} for device type "cpu". */
public final class CpuProvider implements BackendProvider {
    @Override public String deviceType() { return "cpu"; }

    @Override public Backend create() { return ReducedFloatBackend.INSTANCE; }
}
