package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;

/** nll_loss, mse_loss and the binary cross entropies: checks, kernels, derivative rows (the pattern every op family follows). */
public final class Losses {
    private Losses() {}

    // ---------------------------------------------------------------- losses

    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, String reduction, long ignoreIndex) {
        try (var ev = Profiler.isActive() ? Profiler.enter(input.dim() <= 2 ? "aten::nll_loss_forward" : "aten::nll_loss2d_forward", input, target, weight) : null) {
            int red = reductionCode(reduction);
            Checks.requireFloat(input, "nll_loss_out_frame");
            if (input.dim() < 1) throw new IllegalArgumentException("Expected 1 or more dimensions (got " + input.dim() + ")");
            if (target.dtype() != DType.INT64) {
                throw new IllegalArgumentException("expected scalar type Long but found " + target.dtype().scalarTypeName());
            }
            int n = input.dim() == 1 ? 1 : shape(input)[0], c = input.dim() == 1 ? shape(input)[0] : shape(input)[1];
            int inner = Shapes.product(shape(input), Math.min(2, input.dim()), input.dim());
            if (input.dim() >= 2 && (target.dim() == 0 || shape(target)[0] != n)) {
                throw new IllegalArgumentException("Expected input batch_size (" + n + ") to match target batch_size ("
                        + (target.dim() == 0 ? 0 : shape(target)[0]) + ").");
            }
            int[] expectTarget = input.dim() == 1 ? new int[0] : new int[input.dim() - 1];
            if (input.dim() >= 2) {
                expectTarget[0] = n;
                System.arraycopy(shape(input), 2, expectTarget, 1, input.dim() - 2);
            }
            if (input.dim() == 1 ? target.dim() > 1 : !Arrays.equals(shape(target), expectTarget)) {
                throw new IllegalArgumentException("Expected target size " + Shapes.format(expectTarget) + ", got "
                        + Shapes.format(shape(target)));
            }
            if (weight != null && weight.numel() != c) {
                throw new IllegalArgumentException("weight tensor should be defined either for all " + c
                        + " classes or no classes but got weight tensor of shape: " + Shapes.format(shape(weight)));
            }
            Tensor result = Dispatch.empty(input, red == 0 ? shape(target) : new int[0], input.dtype());
            Tensor coef = Dispatch.empty(input, shape(target), input.dtype());
            Tensor tgt = Dispatch.empty(target, shape(target), DType.INT64);
            Dispatch.backend(input, target, weight).nllLoss(Dispatch.view(input), Dispatch.view(target), Dispatch.view(weight), ignoreIndex,
                    red, Dispatch.view(result), Dispatch.view(coef), Dispatch.view(tgt));
            return Derivatives.nllLoss(result, input, tgt, coef, input.dim() == 1 ? 0 : 1);
        }
    }

    public static Tensor mseLoss(Tensor input, Tensor target, String reduction) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::mse_loss", input, target) : null) {
            if (input.dtype() == DType.BFLOAT16 && input.device().isCpu()) {  // 1.13's CPU kernel has float16 but not bfloat16
                throw new IllegalArgumentException("\"mse_cpu\" not implemented for 'BFloat16'");
            }
            int red = reductionCode(reduction);
            Tensor loss;
            try (var g = Torch.noGrad()) {
                Tensor d = input.sub(target);
                loss = d.mul(d);
                if (red == 1) loss = loss.mean();
                else if (red == 2) loss = loss.sum();
            }
            return Derivatives.mseLoss(loss, input, target, red);
        }
    }

    /**
     * smooth_l1_loss (huber false): 0.5 d^2 / beta where |d| < beta, |d| - 0.5 beta elsewhere; huber_loss:
     * 0.5 d^2 where |d| < delta, delta (|d| - 0.5 delta) elsewhere; d = input - target.
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, String reduction, double beta, boolean huber) {
        try (var ev = Profiler.isActive() ? Profiler.enter(huber ? "aten::huber_loss" : "aten::smooth_l1_loss", input, target) : null) {
            int red = reductionCode(reduction);
            if (beta < 0) {
                throw new IllegalArgumentException(huber ? "huber_loss does not support negative values for delta."
                        : "smooth_l1_loss does not support negative values for beta.");
            }
            Tensor loss;
            try (var g = Torch.noGrad()) {
                Tensor z = input.sub(target).abs();
                Tensor quadratic = huber ? z.mul(z).mul(0.5) : z.mul(z).mul(0.5).div(beta);
                Tensor linear = huber ? z.sub(0.5 * beta).mul(beta) : z.sub(0.5 * beta);
                loss = beta == 0 && !huber ? z : Torch.where(z.lt(beta), quadratic, linear);
                if (red == 1) loss = loss.mean();
                else if (red == 2) loss = loss.sum();
            }
            return Derivatives.smoothL1Loss(loss, input, target, red, beta, huber);
        }
    }

    private static void checkSameSize(Tensor input, Tensor target) {
        if (!Arrays.equals(shape(input), shape(target))) {
            throw new IllegalArgumentException("Using a target size (" + target.size() + ") that is different to the input size ("
                    + input.size() + ") is deprecated. Please ensure they have the same size.");
        }
    }

    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, String reduction) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::binary_cross_entropy", input, target, weight) : null) {
            int red = reductionCode(reduction);
            checkSameSize(input, target);
            Checks.requireFloat(input, "binary_cross_entropy");
            Tensor l = Dispatch.empty(input, shape(input), input.dtype());
            Dispatch.backend(input, target).binaryCrossEntropy(Dispatch.view(input), Dispatch.view(target), Dispatch.view(l));
            try (var g = Torch.noGrad()) {
                if (weight != null) l = l.mul(weight);
                if (red == 1) l = l.mean();
                else if (red == 2) l = l.sum();
            }
            return Derivatives.binaryCrossEntropy(l, input, target, weight, red);
        }
    }

    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight, String reduction) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::binary_cross_entropy_with_logits", input, target, weight, posWeight) : null) {
            int red = reductionCode(reduction);
            checkSameSize(input, target);
            Tensor l;
            try (var g = Torch.noGrad()) {
                // log(1 + exp(-x)) written so neither exp can overflow, as PyTorch writes it
                Tensor maxVal = input.neg().clampMin(0);
                Tensor softplus = maxVal.neg().exp().add(input.neg().sub(maxVal).exp()).log().add(maxVal);
                Tensor logWeight = posWeight == null ? null : posWeight.sub(1L).mul(target).add(1L);
                l = target.rsub(1L).mul(input).add(logWeight == null ? softplus : logWeight.mul(softplus));
                if (weight != null) l = l.mul(weight);
                if (red == 1) l = l.mean();
                else if (red == 2) l = l.sum();
            }
            return Derivatives.binaryCrossEntropyWithLogits(l, input, target, weight, posWeight, red);
        }
    }

    static int reductionCode(String reduction) {
        return switch (reduction) {
            case "none" -> 0;
            case "mean" -> 1;
            case "sum" -> 2;
            default -> throw new IllegalArgumentException(reduction + " is not a valid value for reduction");
        };
    }
}
