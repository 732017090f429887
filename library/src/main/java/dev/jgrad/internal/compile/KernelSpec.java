package dev.jgrad.internal.compile;

import dev.jgrad.DType;
import dev.jgrad.backend.BinaryOp;
import dev.jgrad.backend.UnaryOp;
import dev.jgrad.backend.View;
import java.util.ArrayList;
import java.util.List;

/**
 * What one fused kernel computes: its leaves (tensors read from outside the chain, each with how a tile of the output
 * finds its elements), its nodes (the chain's calls, in order, each reading operands that are leaves or earlier
 * nodes), and which nodes are materialized into their buffers because something after the kernel reads them. All
 * values have one floating dtype and the output shape of the chain.
 */
final class KernelSpec {
    /** How a leaf's elements line up with the output's: same order, one value for all, or one row repeated. */
    enum Mode { CONTIG, SCALAR, ROW }

    record Leaf(View view, Mode mode) {}

    static final class Node {
        final Call call;
        final int[] operands;      // leaf i is operand i, node k is operand leaves.size() + k
        final int slot;
        boolean materialized;      // written to its slot's buffer: read after the kernel
        boolean stored;            // has a tile buffer (materialized or scratch): read by a later phase
        boolean superseded;        // its slot is written again later in the kernel (in place): the buffer holds the later value
        int reduction = -1;        // for a sum over all dims: its index among the kernel's sums

        Node(Call call, int[] operands, int slot) {
            this.call = call;
            this.operands = operands;
            this.slot = slot;
        }

        /** Whether the generated loop computes it inline (bit for bit what the CPU kernel computes) rather than calling the kernel. */
        boolean inline() {
            return switch (call.kind) {
                case COPY -> true;
                case UNARY -> call.op == UnaryOp.NEG || call.op == UnaryOp.SQRT || call.op == UnaryOp.ABS;
                case BINARY -> call.op == BinaryOp.MUL || call.op == BinaryOp.DIV || call.op == BinaryOp.ADD || call.op == BinaryOp.SUB;
                default -> false;
            };
        }
    }

    final DType dtype;
    final int[] shape;
    final int numel;
    final int rowLength;
    final List<Leaf> leaves = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();
    int reductions;

    KernelSpec(DType dtype, int[] shape, int numel) {
        this.dtype = dtype;
        this.shape = shape;
        this.numel = numel;
        this.rowLength = shape.length == 0 ? 1 : shape[shape.length - 1];
    }

    boolean hasRowLeaf() {
        for (Leaf l : leaves) if (l.mode == Mode.ROW) return true;
        return false;
    }

    int operandOfNode(int k) { return leaves.size() + k; }

    boolean isNode(int operand) { return operand >= leaves.size(); }

    Node node(int operand) { return nodes.get(operand - leaves.size()); }
}
