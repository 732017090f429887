package dev.jgrad.internal.compile;

import dev.jgrad.backend.Storage;
import dev.jgrad.backend.View;

/** One run of a program: the real storage bound to each slot of the trace. */
final class Env {
    final Storage[] slots;

    Env(int slotCount) { slots = new Storage[slotCount]; }

    /** The real layout a traced view stands for (views over constants, which are real already, stay as they are). */
    View real(View traced) {
        if (traced == null) return null;
        if (traced.storage() instanceof TraceStorage ts) {
            return new View(slots[ts.slot], traced.shape(), traced.strides(), traced.offset());
        }
        return traced;
    }
}
