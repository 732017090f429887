package dev.jgrad;

/**
 * A (node, inputNr) pair of {@link Node#nextFunctions()}, as PyTorch's {@code grad_fn.next_functions} tuples.
 *
 * @param node the node that receives the gradient, or null where PyTorch shows None (an input that needs none)
 * @param inputNr which of that node's inputs the gradient flows into (0 for AccumulateGrad)
 */
public record Edge(Node node, int inputNr) {
    @Override public String toString() { return "(" + (node == null ? "None" : node.toString()) + ", " + inputNr + ")"; }
}
