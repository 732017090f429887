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

    static void activation(Seg s, int op, double param, int in, int out) {
        Call.CPU.activation(ACTIVATION[op], param, s.view(in), s.view(out));
    }
}
