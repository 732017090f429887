package dev.jgrad;

/** What {@code max(dim)} / {@code min(dim)} return: the values and the indices where they were found. */
public record ValuesIndices(String op, Tensor values, Tensor indices) {
    @Override public String toString() {
        return "torch.return_types." + op + "(\nvalues=" + values + ",\nindices=" + indices + ")";
    }
}
