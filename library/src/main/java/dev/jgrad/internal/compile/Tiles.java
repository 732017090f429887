package dev.jgrad.internal.compile;

import dev.jgrad.backend.ActivationOp;
import dev.jgrad.backend.BinaryOp;
import dev.jgrad.backend.UnaryOp;

/**
 * The calls a generated kernel makes for the ops it does not inline: the CPU backend's own kernel on one tile, so the
 * values (transcendentals included) are bit for bit eager's, computed while the tile is in cache.
 */
final class Tiles {
    private Tiles() {}

    private static final UnaryOp[] UNARY = UnaryOp.values();
    private static final BinaryOp[] BINARY = BinaryOp.values();
    private static final ActivationOp[] ACTIVATION = ActivationOp.values();

    static void unary(Seg s, int op, int in, int out) { Call.CPU.unary(UNARY[op], s.view(in), s.view(out)); }

    static void binary(Seg s, int op, double alpha, int a, int b, int out) {
        Call.CPU.binary(BINARY[op], alpha, s.view(a), s.view(b), s.view(out));
    }

    /** relu's backward: grad where self is above the threshold, else 0. */
    static void thresholdBackward(Seg s, double threshold, int grad, int self, int out) {
        Call.CPU.thresholdBackward(threshold, s.view(grad), s.view(self), s.view(out));
    }

    private static final boolean[] ALL = {true};

    /** This tile's part of sum number r over operand in, by the CPU's sum kernel (its order within the tile). */
    static void sum(Seg s, int in, int r) {
        dev.jgrad.backend.View v = s.view(in), one = s.oneElement(v.dtype());
        Call.CPU.fill(one, 0, 0);  // the kernel adds into its output, which eager always allocates zeroed
        Call.CPU.sum(v, ALL, one);
        s.partials[r][s.index] = Call.CPU.readDouble(one.storage(), 0);
    }

    static void activation(Seg s, int op, double param, int in, int out) {
        Call.CPU.activation(ACTIVATION[op], param, s.view(in), s.view(out));
    }
}
