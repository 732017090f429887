package dev.jgrad.backend;

/** Reductions over one dim of an (outer, r, inner) block. MAX/MIN also give indices when asked. */
public enum ReduceOp { SUM, PROD, MAX, MIN, SUM_OF_SQUARES, ALL, ANY }
