package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** 1 / (1 + exp(-x)), elementwise. */
public class Sigmoid extends Module {
    @Override public Tensor forward(Tensor input) { return input.sigmoid(); }
}
