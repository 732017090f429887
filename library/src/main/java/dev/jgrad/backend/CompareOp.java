package dev.jgrad.backend;

/** The elementwise comparisons (and logical ops), all with a bool result. */
public enum CompareOp { EQ, NE, LT, LE, GT, GE, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR }
