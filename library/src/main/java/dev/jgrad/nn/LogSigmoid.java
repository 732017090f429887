package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.LogSigmoid} ({@code F.logsigmoid}): log(sigmoid(x)), elementwise, computed stably for large |x|.
 *
 * <p>Shape: input (*), any shape, floating; output (*), the same shape.
 */
public class LogSigmoid extends Module {
    /** {@code nn.LogSigmoid()}: no settings. */
    public LogSigmoid() {}

    @Override public Tensor forward(Tensor input) { return F.logsigmoid(input); }
}
