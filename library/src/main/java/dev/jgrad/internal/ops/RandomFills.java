package dev.jgrad.internal.ops;

import dev.jgrad.internal.TensorInternals;
import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.backend.RandomOp;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.profiler.Profiler;

/** The in-place random fills (bernoulli_, uniform_, normal_): the generator draws in PyTorch's order, the backend writes. */
public final class RandomFills {
    private RandomFills() {}

    /** Fills with 1 with probability p, else 0 (PyTorch's draw order); recorded as BernoulliBackward1. */
    public static Tensor bernoulli_(Tensor self, double p, Generator gen) {
        return Copying.overwrite(self, t -> {
            try (var ev = Profiler.isActive() ? Profiler.enter("aten::bernoulli_", t) : null) {
                if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + Checks.cppDouble(p));
                return fill(t, RandomOp.BERNOULLI, gen, p, 0);
            }
        }, Derivatives::bernoulli);
    }

    public static Tensor uniform_(Tensor self, double from, double to, Generator gen) {
        return Copying.overwrite(self, t -> {
            try (var ev = Profiler.isActive() ? Profiler.enter("aten::uniform_", t) : null) {
                Checks.requireFloat(t, "check_uniform_bounds");
                return fill(t, RandomOp.UNIFORM, gen, from, to);
            }
        }, Derivatives::uniform);
    }

    public static Tensor normal_(Tensor self, double mean, double std, Generator gen) {
        return Copying.overwrite(self, t -> {
            try (var ev = Profiler.isActive() ? Profiler.enter("aten::normal_", t) : null) {
                Checks.requireFloat(t, "normal_kernel_cpu");
                return fill(t, RandomOp.NORMAL, gen, mean, std);
            }
        }, Derivatives::normal);
    }

    /** Exponential draws with rate lambd: -log(1 - u) / lambd, u one uniform double per element (PyTorch's CPU stream). */
    public static Tensor exponential_(Tensor self, double lambd, Generator gen) {
        return Copying.overwrite(self, t -> {
            try (var ev = Profiler.isActive() ? Profiler.enter("aten::exponential_", t) : null) {
                Checks.requireFloat(t, "exponential_cpu");
                if (!(lambd >= 0.0)) {
                    throw new IllegalArgumentException("exponential_ expects lambda >= 0.0, but found lambda=" + Checks.cppDouble(lambd));
                }
                return fill(t, RandomOp.EXPONENTIAL, gen, lambd, 0);
            }
        }, Derivatives::exponential);
    }

    /** Cauchy draws median + sigma tan(pi (u - 1/2)), u one uniform double per element. */
    public static Tensor cauchy_(Tensor self, double median, double sigma, Generator gen) {
        return serial(self, "cauchy_", RandomOp.CAUCHY, median, sigma, gen, "CauchyBackward0", () -> { }, true);  // 1.13 checks no sigma
    }

    /** exp of a normal draw with the given mean and std (the per-element normal, which caches the pair's second value). */
    public static Tensor logNormal_(Tensor self, double mean, double std, Generator gen) {
        return serial(self, "log_normal_", RandomOp.LOG_NORMAL, mean, std, gen, "LogNormalBackward0", () -> {
            if (!(std > 0.0)) throw new IllegalArgumentException("log_normal_ expects std > 0.0, but found std=" + Checks.cppDouble(std));
        }, true);
    }

    /** The number of Bernoulli(p) trials up to the first success: ceil(log(u) / log1p(-p)). */
    public static Tensor geometric_(Tensor self, double p, Generator gen) {
        return serial(self, "geometric_", RandomOp.GEOMETRIC, p, 0, gen, "GeometricBackward0", () -> {
            if (!(p > 0 && p < 1)) throw new IllegalArgumentException("geometric_ expects p to be in (0, 1), but got p=" + Checks.cppDouble(p));
        }, false);
    }

    private static Tensor serial(Tensor self, String name, RandomOp op, double a, double b, Generator gen, String node, Runnable check,
                                 boolean floatOnly) {
        return Copying.overwrite(self, t -> {
            try (var ev = Profiler.isActive() ? Profiler.enter("aten::" + name, t) : null) {
                check.run();
                if (floatOnly && !t.isFloatingPoint()) {
                    throw new IllegalArgumentException("\"" + name.substring(0, name.length() - 1) + "_cpu\" not implemented for '" + t.dtype().scalarTypeName() + "'");
                }
                return fill(t, op, gen, a, b);
            }
        }, (r, old) -> Derivatives.random(node, r, old));
    }

    /** bernoulli_(p): 1 where a uniform draw (float for float32 p, double for float64 p) falls below p, broadcast to self. */
    public static Tensor bernoulli_(Tensor self, Tensor p, Generator gen) {
        return Copying.overwrite(self, t -> {
            try (var ev = Profiler.isActive() ? Profiler.enter("aten::bernoulli_", t, p) : null) {
                if (!p.isFloatingPoint()) {
                    throw new IllegalArgumentException("\"bernoulli_tensor_cpu_p_\" not implemented for '" + p.dtype().scalarTypeName() + "'");
                }
                Tensor pb = Views.expandNoGrad(p.detach(), dev.jgrad.internal.core.Shapes.toLong(shape(t)));
                if (numel(t) > 0) Dispatch.backend(t, p).bernoulli(gen, Dispatch.view(pb), Dispatch.view(t));
                TensorInternals.bumpVersion(t);
                return t;
            }
        }, (r, old) -> Derivatives.random("BernoulliBackward1", r, old));
    }

    /** torch.bernoulli(probs): a fresh 0/1 sample of probs' dtype and shape. */
    public static Tensor bernoulli(Tensor probs, Generator gen) {
        Tensor r;
        try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
            r = bernoulli_(dev.jgrad.Torch.emptyLike(probs), probs, gen);
        }
        return Derivatives.sampledFrom("BernoulliBackward0", r, probs);
    }

    /** random_(from, to): uniform integers in [from, to) as torch.randint draws them (it is empty().random_()). */
    public static Tensor random_(Tensor self, long from, long to, Generator gen, String node) {
        return Copying.overwrite(self, t -> {
            try (var ev = Profiler.isActive() ? Profiler.enter("aten::random_", t) : null) {
                if (from >= to) {
                    throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from=" + from + " >= to=" + to);
                }
                if (t.dtype() == DType.BOOL) {
                    if (from < 0 || to > 2) throw new IllegalArgumentException("random_ expects 'from' and 'to' to be within [0, 1] for bool");
                    return fullRange(t, to - from, false, gen, from);
                }
                return fill(t, RandomOp.RANDINT, gen, from, to);
            }
        }, (r, old) -> Derivatives.random(node, r, old));
    }

    /**
     * random_() without bounds: every value the dtype holds exactly, from 0 (PyTorch's uniform_int: a 32-bit
     * draw mod 2^24 + 1 for float32, a 64-bit draw mod 2^53 + 1 for float64, mod max + 1 for the integer types).
     */
    public static Tensor random_(Tensor self, Generator gen) {
        return Copying.overwrite(self, t -> {
            try (var ev = Profiler.isActive() ? Profiler.enter("aten::random_", t) : null) {
                return switch (t.dtype()) {
                    case FLOAT32 -> fullRange(t, (1L << 24) + 1, false, gen, 0);
                    case FLOAT64 -> fullRange(t, (1L << 53) + 1, true, gen, 0);
                    case INT64 -> fullRange(t, Long.MIN_VALUE, true, gen, 0);  // 2^63 as an unsigned modulus
                    case INT32 -> fullRange(t, 1L << 31, false, gen, 0);
                    case BOOL -> fullRange(t, 2, false, gen, 0);
                    default -> throw new IllegalArgumentException("\"random_\" not implemented for '" + t.dtype().scalarTypeName() + "'");
                };
            }
        }, (r, old) -> Derivatives.random("RandomBackward0", r, old));
    }

    /** The draws go through the array bridge: the generator fills host longs, copied into self in one pass. */
    private static Tensor fullRange(Tensor self, long modulus, boolean wide, Generator gen, long from) {
        int n = Math.toIntExact(numel(self));
        long[] v = new long[n];
        gen.random(v, 0, n, modulus, wide);
        if (from != 0) for (int i = 0; i < n; i++) v[i] += from;
        return Copying.copyInto(self, dev.jgrad.Torch.fromArray(v).reshape(self.shape()));
    }

    /**
     * numSamples category indices per row of probs (1-d or 2-d, any non-negative weights), drawn as PyTorch
     * 1.13 draws them on the CPU: without replacement the largest probs / q with q
     * exponential (Gumbel's trick), with replacement a binary search of the normalised cumulative weights
     * for each uniform double.
     */
    public static Tensor multinomial(Tensor probs, long numSamples, boolean replacement, Generator gen) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::multinomial", probs) : null) {
            int nd = probs.dim();
            if (nd != 1 && nd != 2) throw new IllegalArgumentException("prob_dist must be 1 or 2 dim");
            if (!probs.isFloatingPoint()) {
                throw new IllegalArgumentException("multinomial only supports floating-point dtypes for input, got: " + probs.dtype().scalarTypeName());
            }
            if (numSamples <= 0) throw new IllegalArgumentException("cannot sample n_sample <= 0 samples");
            long categories = probs.size(-1);
            if (!replacement && numSamples > categories) {
                throw new IllegalArgumentException("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
            }
            if (categories > (1 << 24)) throw new IllegalArgumentException("number of categories cannot exceed 2^24");
            try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
                Tensor p = probs.detach();
                if (!replacement) {  // 1.13 takes this path only without replacement (later versions also for one sample)
                    boolean valid = p.max().lt(Double.POSITIVE_INFINITY).logicalAnd(p.min().ge(0L)).itemBool();
                    if (!valid) throw new IllegalArgumentException("probability tensor contains either `inf`, `nan` or element < 0");
                    boolean zeroRow = nd == 1 ? p.sum().eq(0L).itemBool() : p.sum(1).eq(0L).any().itemBool();
                    if (zeroRow) throw new IllegalArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
                    Tensor q = exponential_(dev.jgrad.Torch.emptyLike(p), 1.0, gen);
                    Tensor ratio = p.div(q);
                    return numSamples == 1 ? ratio.argmax(-1, true) : ratio.topk(numSamples).indices();
                }
                return withReplacement(p, (int) numSamples, gen);
            }
        }
    }

    private static Tensor withReplacement(Tensor p, int samples, Generator gen) {
        boolean single = p.dim() == 1;
        int rows = single ? 1 : (int) p.size(0), cats = (int) p.size(-1);
        boolean f32 = p.dtype() == dev.jgrad.DType.FLOAT32;
        double[] w = p.contiguous().toDoubleArray();
        long[] out = new long[rows * samples];
        double[] cum = new double[cats];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < cats; j++) {
                double v = w[r * cats + j];
                if (!(v >= 0)) throw new IllegalArgumentException("invalid multinomial distribution (encountering probability entry < 0)");
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("invalid multinomial distribution (encountering probability entry = infinity or NaN)");
                }
                sum = f32 ? (float) (sum + v) : sum + v;  // the running sum in the input's precision, as the kernel's scalar_t
                cum[j] = sum;
            }
            if (!(sum > 0)) throw new IllegalArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
            for (int j = 0; j < cats; j++) cum[j] = f32 ? (float) (cum[j] / sum) : cum[j] / sum;
            for (int s = 0; s < samples; s++) {
                double u = gen.nextUniformDouble();
                int lo = 0, hi = cats;
                while (hi - lo > 0) {
                    int mid = lo + (hi - lo) / 2;
                    if (cum[mid] < u) lo = mid + 1;
                    else hi = mid;
                }
                out[r * samples + s] = lo;
            }
        }
        Tensor t = dev.jgrad.Torch.tensor(out);
        return (single ? t : t.reshape(rows, samples)).to(p.device());
    }

    private static Tensor fill(Tensor self, RandomOp op, Generator gen, double a, double b) {
        if (numel(self) > 0) Dispatch.backend(self).random(op, gen, a, b, Dispatch.view(self));
        TensorInternals.bumpVersion(self);
        return self;
    }
}
