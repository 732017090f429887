package dev.jgrad.backend;

/** The elementwise binary primitives with a numeric result. */
public enum BinaryOp { ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, ATAN2, REMAINDER, FLOOR_DIVIDE,
    /** The Hurwitz zeta function zeta(a, b): computed in floating point. */
    ZETA,
    /** C's fmod: the remainder of truncated division, with the dividend's sign. */
    FMOD,
    /** The next representable value after a towards b; the regularized lower (IGAMMA) and upper (IGAMMAC) incomplete gamma functions. */
    NEXTAFTER, IGAMMA, IGAMMAC,
    /** Integer-only bitwise ops (bool ones are the logical ops). */
    BITWISE_AND, BITWISE_OR, BITWISE_XOR, LEFT_SHIFT, RIGHT_SHIFT }
