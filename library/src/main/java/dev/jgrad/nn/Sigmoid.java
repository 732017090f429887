package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** 1 / (1 + exp(-x)), elementwise. */
public class Sigmoid extends Module {
    /** {@code nn.Sigmoid()}: 1 / (1 + exp(-x)) elementwise. */
    public Sigmoid() {}

    @Override public Tensor forward(Tensor input) { return input.sigmoid(); }
}
