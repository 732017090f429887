package dev.jgrad.internal.compile;

import dev.jgrad.Tensor;
import dev.jgrad.backend.View;
import dev.jgrad.internal.TensorInternals;

/** Where a traced tensor lives: its slot and its sizes, strides and offset over the slot's buffer. */
record Layout(int slot, int[] shape, int[] strides, int offset) {
    static Layout of(Tensor traced) {
        View v = TensorInternals.view(traced);
        return new Layout(((TraceStorage) v.storage()).slot, v.shape().clone(), v.strides().clone(), v.offset());
    }

    /** The run's tensor for this layout. */
    Tensor tensor(Env env) { return TensorInternals.newTensor(env.slots[slot], shape, strides, offset); }
}
