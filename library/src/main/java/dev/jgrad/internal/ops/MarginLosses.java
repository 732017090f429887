package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/**
 * The ranking, embedding and margin losses of torch.nn.functional. Those ATen composes (margin_ranking,
 * hinge_embedding, cosine_embedding, triplet_margin, kl_div, poisson_nll) are composed the same way, so their
 * grad_fn and rounding are PyTorch's; soft_margin_loss and multi_margin_loss are ATen kernels, so they record
 * their own nodes.
 */
public final class MarginLosses {
    private MarginLosses() {}

    /** ATen's apply_loss_reduction (reduction code 0 none, 1 mean, 2 sum). */
    static Tensor reduce(Tensor loss, int reduction) {
        return reduction == 1 ? loss.mean() : reduction == 2 ? loss.sum() : loss;
    }

    /** clamp_min: its own node (ClampMinBackward0), as in PyTorch, where clamp(min=) records ClampBackward1. */
    public static Tensor clampMin(Tensor self, double min) {
        Tensor r;
        try (var g = GradMode.setEnabled(false)) {
            r = self.clampMin(min);
        }
        return Derivatives.clampMin(r, self, min);
    }

    /** kl_div: target (log target) times the log ratio, pointwise; batchmean is the sum over the batch size. */
    public static Tensor klDiv(Tensor input, Tensor target, String reduction, boolean logTarget) {
        boolean batchmean = reduction.equals("batchmean");
        int red = batchmean ? 2 : Losses.reductionCode(reduction);
        if (!input.isFloatingPoint() || !target.isFloatingPoint()) throw new IllegalArgumentException("kl_div: Integral inputs not supported.");
        Tensor out = logTarget ? target.exp().mul(target.sub(input)) : target.xlogy(target).sub(target.mul(input));
        Tensor reduced = reduce(out, red);
        return batchmean && input.dim() != 0 ? reduced.div(input.size(0)) : reduced;
    }

    /** max(0, -target (x1 - x2) + margin). */
    public static Tensor marginRanking(Tensor x1, Tensor x2, Tensor target, double margin, String reduction) {
        int red = Losses.reductionCode(reduction);
        if (x1.dim() != x2.dim() || x1.dim() != target.dim()) {
            throw new IllegalArgumentException("margin_ranking_loss : All input tensors should have same dimension but got sizes: input1: "
                    + x1.size() + ", input2: " + x2.size() + ", target: " + target.size() + " ");
        }
        return reduce(clampMin(target.neg().mul(x1.sub(x2)).add(margin), 0), red);
    }

    /** x where target is not -1, plus max(0, margin - x) where target is not 1. */
    public static Tensor hingeEmbedding(Tensor input, Tensor target, double margin, String reduction) {
        int red = Losses.reductionCode(reduction);
        Tensor zeros = Torch.zerosLike(input);
        Tensor marginClamp = clampMin(input.rsub(margin), 0);
        Tensor outMargin = Torch.where(target.ne(1L), marginClamp, zeros);
        Tensor outSelf = Torch.where(target.ne(-1L), input, zeros);
        return reduce(outMargin.add(outSelf), red);
    }

    /** 1 - cos where target is 1, max(0, cos - margin) where it is -1; cos from squared norms each raised by 1e-12. */
    public static Tensor cosineEmbedding(Tensor x1, Tensor x2, Tensor target, double margin, String reduction) {
        int red = Losses.reductionCode(reduction);
        int td = target.dim();
        if (td != 0 && td != 1) throw new IllegalArgumentException("0D or 1D target tensor expected, multi-target not supported");
        if (td == 1 && (x1.dim() != 2 || x2.dim() != 2)) {
            throw new IllegalArgumentException("1D target tensor expects 2D input tensors, but found inputs with sizes "
                    + Shapes.format(shape(x1)) + " and " + Shapes.format(shape(x2)) + ".");
        }
        if (td == 0 && (x1.dim() != 1 || x2.dim() != 1)) {
            throw new IllegalArgumentException("0D target tensor expects 1D input tensors, but found inputs with sizes "
                    + Shapes.format(shape(x1)) + " and " + Shapes.format(shape(x2)) + ".");
        }
        double epsilon = 1e-12;
        Tensor prodSum = x1.mul(x2).sum(td);
        Tensor mag1 = x1.mul(x1).sum(td).add(epsilon), mag2 = x2.mul(x2).sum(td).add(epsilon);
        Tensor cos = prodSum.div(mag1.mul(mag2).sqrt());
        Tensor zeros = Torch.zerosLike(cos);
        Tensor pos = cos.rsub(1L), neg = clampMin(cos.sub(margin), 0);
        Tensor out = Torch.where(target.eq(1L), pos, zeros).add(Torch.where(target.eq(-1L), neg, zeros));
        return reduce(out, red);
    }

    /** ||x1 - x2 + eps||_p over the last dim of the broadcast inputs. */
    public static Tensor pairwiseDistance(Tensor x1, Tensor x2, double p, double eps, boolean keepdim) {
        int inner = Math.max(x1.dim(), x2.dim()) - 1;
        return x1.sub(x2).add(eps).norm(p, inner, keepdim);
    }

    /** max(0, margin + d(a, p) - d(a, n)), d(a, n) replaced by d(p, n) where that is smaller when swap is on. */
    public static Tensor tripletMargin(Tensor anchor, Tensor positive, Tensor negative, double margin, double p, double eps, boolean swap,
                                       String reduction) {
        int red = Losses.reductionCode(reduction);
        int ad = anchor.dim(), pd = positive.dim(), nd = negative.dim();
        if (ad != pd || pd != nd) {
            throw new IllegalArgumentException("All inputs should have same dimension but got " + ad + "D, " + pd + "D and " + nd + "D inputs.");
        }
        Tensor distPos = pairwiseDistance(anchor, positive, p, eps, false);
        Tensor distNeg = pairwiseDistance(anchor, negative, p, eps, false);
        if (swap) distNeg = distNeg.min(pairwiseDistance(positive, negative, p, eps, false));
        return reduce(clampMin(distPos.add(margin).sub(distNeg), 0), red);
    }

    /** exp(x) - t x for log inputs, x - t log(x + eps) otherwise; full adds Stirling's term where t > 1. */
    public static Tensor poissonNll(Tensor input, Tensor target, boolean logInput, boolean full, double eps, String reduction) {
        if (!reduction.equals("none") && !reduction.equals("mean") && !reduction.equals("sum")) {
            throw new IllegalArgumentException(reduction + " is not valid");
        }
        Tensor loss = logInput ? input.exp().sub(target.mul(input)) : input.sub(target.mul(input.add(eps).log()));
        if (full) {
            Tensor stirling = target.mul(target.log()).sub(target).add(target.mul(2 * Math.PI).log().mul(0.5));
            loss = loss.add(stirling.maskedFill(target.le(1L), 0.0));
        }
        return reduce(loss, Losses.reductionCode(reduction));
    }

    /** 0.5 (log var + (x - t)^2 / var) with var clamped below at eps without blocking its gradient; full adds 0.5 log(2 pi). */
    public static Tensor gaussianNll(Tensor input, Tensor target, Tensor var, boolean full, double eps, String reduction) {
        if (!java.util.Arrays.equals(var.shape(), input.shape())) {
            long[] in = input.shape(), v = var.shape();
            long[] lead = java.util.Arrays.copyOf(in, Math.max(0, in.length - 1));
            if (in.length > 0 && java.util.Arrays.equals(lead, v)) {
                var = var.unsqueeze(-1);
            } else if (!(in.length > 0 && v.length > 0 && java.util.Arrays.equals(lead, java.util.Arrays.copyOf(v, v.length - 1))
                    && v[v.length - 1] == 1)) {
                throw new IllegalArgumentException("var is of incorrect size");
            }
        }
        if (!reduction.equals("none") && !reduction.equals("mean") && !reduction.equals("sum")) {
            throw new IllegalArgumentException(reduction + " is not valid");
        }
        if (var.lt(0L).any().itemBool()) throw new IllegalArgumentException("var has negative entry/entries");
        Tensor v = var.clone();
        try (var g = GradMode.setEnabled(false)) {
            v.clampMin_(eps);
        }
        Tensor d = input.sub(target);
        Tensor loss = v.log().add(d.pow(2L).div(v)).mul(0.5);
        if (full) loss = loss.add(0.5 * Math.log(2 * Math.PI));
        return reduce(loss, Losses.reductionCode(reduction));
    }

    /** The mean over classes (the last dim) of the binary logistic losses, optionally weighted per class. */
    public static Tensor multilabelSoftMargin(Tensor input, Tensor target, Tensor weight, String reduction) {
        Tensor loss = target.mul(Activations.logsigmoid(input)).add(target.rsub(1L).mul(Activations.logsigmoid(input.neg()))).neg();
        if (weight != null) loss = loss.mul(weight);
        int classDim = input.dim() - 1;
        loss = loss.sum(classDim).div(input.size(classDim));
        return switch (reduction) {
            case "none" -> loss;
            case "mean" -> loss.mean();
            case "sum" -> loss.sum();
            default -> throw new IllegalArgumentException(reduction + " is not valid");
        };
    }

    /** log(1 + exp(-x t)): an ATen kernel, so it records SoftMarginLossBackward0 and refuses a target that requires grad. */
    public static Tensor softMargin(Tensor input, Tensor target, String reduction) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::soft_margin_loss", input, target) : null) {
            int red = Losses.reductionCode(reduction);
            notDifferentiable("soft_margin_loss", "target", target);
            Tensor loss;
            try (var g = GradMode.setEnabled(false)) {
                loss = reduce(input.neg().mul(target).exp().log1p(), red);
            }
            return Derivatives.softMarginLoss(loss, input, target, red);
        }
    }

    /**
     * Per sample, the sum over classes j other than the target y of max(0, margin - x[y] + x[j])^p (times weight[y]),
     * over the number of classes: an ATen kernel, so it records MultiMarginLossBackward0.
     */
    public static Tensor multiMargin(Tensor input, Tensor target, int p, double margin, Tensor weight, String reduction) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::multi_margin_loss", input, target, weight) : null) {
            int red = Losses.reductionCode(reduction);
            if (p != 1 && p != 2) throw new IllegalArgumentException("only p == 1 and p == 2 supported");
            if (weight != null && weight.dim() != 1) throw new IllegalArgumentException("weight must be one-dimensional");
            int nd = input.dim();
            if (!((nd == 2 && input.size(1) != 0) || (nd == 1 && input.size(0) != 0) || nd == 0)) {
                throw new IllegalArgumentException("Expected non-empty vector or matrix with optional 0-dim batch size, but got: "
                        + Shapes.format(shape(input)));
            }
            long frames = nd <= 1 ? 1 : input.size(0), classes = nd == 0 ? 1 : input.size(nd - 1);
            if (target.dim() > 1 || target.numel() != frames) {
                throw new IllegalArgumentException("inconsistent target size, got: " + Shapes.format(shape(target)));
            }
            if (weight != null && weight.numel() < classes) {  // 1.13 reads past a short weight; later versions refuse it so
                throw new IllegalArgumentException("inconsistent weight size, expected " + classes + " but got " + Shapes.format(shape(weight)));
            }
            for (long t : target.toLongArray()) if (t < 0 || t >= classes) throw new IllegalArgumentException("target out of range");
            if (weight != null) notDifferentiable("multi_margin_loss", "weight", weight);
            Tensor loss;
            try (var g = GradMode.setEnabled(false)) {
                Tensor x = input.reshape(frames, classes), t = target.reshape(frames, 1);
                Tensor z = x.gather(1, t).rsub(margin).add(x);
                Tensor h = p == 1 ? z : z.mul(z);
                h = h.maskedFill(z.le(0L), 0.0).scatter(1, t, 0.0);
                if (weight != null) h = h.mul(weight.indexSelect(0, t.reshape(-1)).unsqueeze(1));
                Tensor perSample = h.sum(1).div((double) classes);
                loss = red == 0 ? (target.dim() > 0 ? perSample : perSample.reshape(new long[0])) : reduce(perSample, red);
            }
            return Derivatives.multiMarginLoss(loss, input, target, p, margin, weight, red);
        }
    }

    private static void notDifferentiable(String fn, String arg, Tensor t) {
        if (t.requiresGrad() && GradMode.isEnabled()) {
            throw new IllegalArgumentException("The function '" + fn + "' is not differentiable with respect to argument '" + arg
                    + "'. This input cannot have requires_grad True.");
        }
    }
}
