package dev.jgrad;

/**
 * What {@code max(dim)}, {@code min(dim)}, {@code sort}, {@code topk}, {@code mode}, {@code cummax}, the max
 * pools with indices and the other {@code torch.return_types} ops return: the values and the int64 indices where
 * they were found, both of the same shape.
 *
 * @param op the op's name, shown by {@code toString} as {@code torch.return_types.op(...)}
 * @param values the values
 * @param indices the int64 indices: positions along the reduced, sorted or scanned dim; for the pools, positions
 *     in the flattened input plane (or volume)
 */
public record ValuesIndices(String op, Tensor values, Tensor indices) {
    @Override public String toString() {
        return "torch.return_types." + op + "(\nvalues=" + values + ",\nindices=" + indices + ")";
    }
}
