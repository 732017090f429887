package dev.jgrad.internal.autograd;

import dev.jgrad.Tensor;
import java.util.List;

/** What graph tools (GraphViz) may read from a node without running it: the tensors it saved for backward. */
public interface InspectableNode {
    /** The saved tensors not yet freed, in saving order (nulls left out). */
    List<Tensor> savedTensors();

    /** Whether the node is a custom Function's (torchviz always draws those nodes' saved tensors). */
    default boolean isCustomFunction() { return false; }
}
