package dev.jgrad.internal.compile;

import dev.jgrad.DType;
import dev.jgrad.Device;

/** Allocates a slot's buffer on the CPU (zero-filled, as eager allocations are). */
record Alloc(int slot, DType dtype, int size) implements Step {
    @Override public void run(Env env) { env.slots[slot] = Call.CPU.allocate(dtype, size, Device.CPU); }

    @Override public String describe() { return "alloc %" + slot + " " + dtype + "[" + size + "]"; }
}
