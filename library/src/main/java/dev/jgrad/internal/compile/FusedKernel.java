package dev.jgrad.internal.compile;

/** A generated kernel that runs a chain of elementwise calls in one pass. */
abstract class FusedKernel implements Step {}
