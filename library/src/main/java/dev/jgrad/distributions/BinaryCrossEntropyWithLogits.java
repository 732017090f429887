package dev.jgrad.distributions;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.Function;
import dev.jgrad.nn.functional.F;

/**
 * Elementwise binary_cross_entropy_with_logits(input, target) differentiable in the target too (PyTorch's
 * gradient -input): F's op gives the input's gradient only, and Bernoulli's entropy needs the target's
 * (its target is probs). Used only when the target requires grad; its node prints as
 * BinaryCrossEntropyWithLogitsBackward (PyTorch's: BinaryCrossEntropyWithLogitsBackward0).
 */
final class BinaryCrossEntropyWithLogits extends Function {
    /** The loss with reduction "none": F's values, PyTorch's gradients to both arguments. */
    static Tensor of(Tensor input, Tensor target) {
        if (!target.requiresGrad()) return F.binaryCrossEntropyWithLogits(input, target, null, null, "none");
        return new BinaryCrossEntropyWithLogits().apply(input, target);
    }

    @Override protected Tensor forward(Context ctx, Tensor... in) {
        ctx.saveForBackward(in[0], in[1]);
        return F.binaryCrossEntropyWithLogits(in[0], in[1], null, null, "none");
    }

    /** (sigmoid(input) - target) g for the input, -input g for the target. */
    @Override protected Tensor[] backward(Context ctx, Tensor... grad) {
        Tensor x = ctx.savedTensors().get(0), t = ctx.savedTensors().get(1);
        return new Tensor[] {x.sigmoid().sub(t).mul(grad[0]), x.neg().mul(grad[0])};
    }
}
