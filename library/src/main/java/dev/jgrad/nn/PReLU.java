package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;

/** {@code F.prelu} with a learned slope: one for all channels or one per channel (dim 1), initialised to init. */
public class PReLU extends Module {
    public final int numParameters;
    public final Parameter weight;

    public PReLU() { this(1, 0.25); }

    public PReLU(int numParameters, double init) {
        this.numParameters = numParameters;
        weight = registerParameter("weight", new Parameter(Torch.full(new long[] {numParameters}, init).to(DType.FLOAT32)));
    }

    @Override public Tensor forward(Tensor input) { return F.prelu(input, weight); }

    @Override protected String extraRepr() { return "num_parameters=" + numParameters; }
}
