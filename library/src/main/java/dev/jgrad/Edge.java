package dev.jgrad;

/** A (node, inputNr) pair of {@link Node#nextFunctions()}; node is null where PyTorch shows None. */
public record Edge(Node node, int inputNr) {
    @Override public String toString() { return "(" + (node == null ? "None" : node.toString()) + ", " + inputNr + ")"; }
}
