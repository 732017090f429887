package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.PReLU} ({@code F.prelu}): x for x &gt;= 0, a * x otherwise, with a learned slope a: one for all
 * channels or one per channel (dim 1; a 1-d input has one channel).
 *
 * <p>Shape: input (*), any shape; output (*), the same shape. With num_parameters other than 1 the channel size
 * must equal it, else IllegalArgumentException ("Mismatch of parameter numbers and input channel size. Found
 * parameter numbers = 3 and channel size = 4.").
 *
 * <p>Learnable parameter: weight (num_parameters), float32, every entry set to init.
 */
public class PReLU extends Module {
    /** {@code num_parameters}: the number of learnable slopes (1 or the number of channels). */
    public final int numParameters;
    /** {@code weight}: the learnable weight. */
    public final Parameter weight;

    /** {@code nn.PReLU()}: one slope, 0.25. */
    public PReLU() { this(1, 0.25); }

    /**
     * {@code nn.PReLU(num_parameters, init)}.
     *
     * @param numParameters the number of slopes: 1, or the number of input channels
     * @param init the initial value of every slope
     */
    public PReLU(int numParameters, double init) {
        this.numParameters = numParameters;
        weight = registerParameter("weight", new Parameter(Torch.full(new long[] {numParameters}, init).to(DType.FLOAT32)));
    }

    @Override public Tensor forward(Tensor input) { return F.prelu(input, weight); }

    @Override protected String extraRepr() { return "num_parameters=" + numParameters; }
}
