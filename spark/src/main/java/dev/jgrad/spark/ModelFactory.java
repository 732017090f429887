package dev.jgrad.spark;

import dev.jgrad.nn.Module;
import java.io.Serializable;

/**
 * Builds the model's structure on a worker. Spark ships this object to every task; the weights travel
 * separately, as a state dict, so the factory may initialise them any way it likes.
 */
@FunctionalInterface
public interface ModelFactory extends Serializable {
    /** A fresh model of the trained architecture (its initial weights are replaced by the shipped state). */
    Module create();
}
