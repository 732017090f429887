package dev.jgrad.backend;

/** The elementwise binary primitives with a numeric result. */
public enum BinaryOp { ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, ATAN2, REMAINDER, FLOOR_DIVIDE,
    /** The Hurwitz zeta function zeta(a, b): computed in floating point. */
    ZETA }
