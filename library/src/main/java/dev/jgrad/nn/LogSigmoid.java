package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.logsigmoid}: log(sigmoid(x)). */
public class LogSigmoid extends Module {
    /** {@code nn.LogSigmoid()}. */
    public LogSigmoid() {}

    @Override public Tensor forward(Tensor input) { return F.logsigmoid(input); }
}
