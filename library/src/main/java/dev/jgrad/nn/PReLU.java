package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;

/** {@code F.prelu} with a learned slope: one for all channels or one per channel (dim 1), initialised to init. */
public class PReLU extends Module {
    /** {@code num_parameters}: the number of learnable slopes (1 or the number of channels). */
    public final int numParameters;
    /** {@code weight}: the learnable weight. */
    public final Parameter weight;

    /** {@code nn.PReLU()}; the other arguments take PyTorch's defaults. */
    public PReLU() { this(1, 0.25); }

    /** {@code nn.PReLU(num_parameters, init)}. */
    public PReLU(int numParameters, double init) {
        this.numParameters = numParameters;
        weight = registerParameter("weight", new Parameter(Torch.full(new long[] {numParameters}, init).to(DType.FLOAT32)));
    }

    @Override public Tensor forward(Tensor input) { return F.prelu(input, weight); }

    @Override protected String extraRepr() { return "num_parameters=" + numParameters; }
}
