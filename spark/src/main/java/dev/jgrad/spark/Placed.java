package dev.jgrad.spark;

import java.io.Serializable;

/** One example on its way to its worker: the global step that uses it and its slot in the worker's shard. */
record Placed<T>(long step, int slot, T example) implements Serializable {}
