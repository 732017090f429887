package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Not a test itself: the program {@link DeterminismTest} runs in fresh JVMs, so that the first call of
 * every kernel really is a cold one (interpreted, before C1 and C2 compile it). Every case is computed
 * once in another thread, then {@code ROUNDS} times in turn on the main thread while the JIT warms up,
 * then again in another thread; each result must have the bits of the very first one. Prints one
 * {@code same NAME} or {@code changed NAME ...} line per case and {@code done} at the end.
 */
public final class DeterminismProbe {
    /** Calls per case: the JIT compiles the hot kernels with C2 after a few thousand. */
    static final int ROUNDS = 20_000;

    private DeterminismProbe() {}

    /** The exact bits of a result (of any dtype) as doubles' raw bits, NaN payloads included. */
    private static long[] bits(Tensor t) {
        double[] v = t.contiguous().toDoubleArray();
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) b[i] = Double.doubleToRawLongBits(v[i]);
        return b;
    }

    /** The kernel families, on small fixed inputs (each call takes microseconds once compiled). */
    static Map<String, Supplier<Tensor>> cases() {
        Torch.manualSeed(0);
        Map<String, Supplier<Tensor>> c = new LinkedHashMap<>();
        Tensor m32x16 = Torch.randn(32, 16), v16 = Torch.randn(1, 16);
        Tensor a = Torch.randn(8, 40), b = Torch.randn(40, 24), s5x7 = Torch.randn(5, 7), s7x3 = Torch.randn(7, 3);
        Tensor a3 = Torch.randn(3, 64), b64 = Torch.randn(64, 64), u = Torch.randn(64), w = Torch.randn(64);
        Tensor ba = Torch.randn(2, 8, 16), bb = Torch.randn(2, 16, 8);
        Tensor md = Torch.randn(DType.FLOAT64, 24, 40), vd = Torch.randn(DType.FLOAT64, 40);
        c.put("matmul matrix-vector 32x16 @ 16", () -> m32x16.matmul(v16.t()));
        c.put("matmul 8x40 @ 40x24", () -> a.matmul(b));
        c.put("matmul 5x7 @ 7x3", () -> s5x7.matmul(s7x3));
        c.put("matmul 3x64 @ 64x64", () -> a3.matmul(b64));
        c.put("matmul vector-matrix 64 @ 64x64", () -> u.matmul(b64));
        c.put("dot 64", () -> u.dot(w));
        c.put("bmm 2x8x16 @ 2x16x8", () -> ba.bmm(bb));
        c.put("matmul float64 24x40 @ 40", () -> md.matmul(vd));

        Tensor r = Torch.randn(8, 300), rd = r.to(DType.FLOAT64), col = Torch.randn(300, 40);
        Tensor nan = r.clone();
        nan.view(-1).narrow(0, 77, 1).fill_(Double.NaN);
        c.put("sum", () -> r.sum());
        c.put("sum dim 1", () -> r.sum(1));
        c.put("sum dim 0 (columns)", () -> col.sum(0));
        c.put("sum float64 dim 1", () -> rd.sum(1));
        c.put("mean dim 1", () -> r.mean(1));
        c.put("norm", () -> r.norm());
        c.put("norm dim 1", () -> r.norm(2, 1, false));
        c.put("norm 1 float64 dim 1", () -> rd.norm(1, 1, false));
        c.put("var dim 1", () -> r.var(1));
        c.put("std", () -> r.std());
        c.put("amax dim 1 (with a NaN)", () -> nan.amax(1, false));
        c.put("amin dim 1", () -> r.amin(1, false));

        Tensor logits = Torch.randn(8, 37).mul(3);
        c.put("softmax", () -> logits.softmax(1));
        c.put("log_softmax", () -> logits.logSoftmax(1));
        c.put("log_softmax dim 0", () -> logits.logSoftmax(0));
        c.put("cumsum", () -> r.cumsum(1));

        Tensor img = Torch.randn(1, 2, 8, 8), kernel = Torch.randn(3, 2, 3, 3), bias = Torch.randn(3);
        c.put("conv2d", () -> F.conv2d(img, kernel, bias, 1, 1));
        Tensor imgG = Torch.randn(3, 2, 8, 8).requiresGrad_(), kernelG = Torch.randn(4, 2, 3, 3).requiresGrad_();
        c.put("conv2d and max_pool2d backward", () -> {
            imgG.setGrad(null);
            kernelG.setGrad(null);
            F.maxPool2d(F.conv2d(imgG, kernelG, null, 1, 1), 2).square().sum().backward();
            return Torch.cat(List.of(imgG.grad().flatten(), kernelG.grad().flatten()), 0);
        });

        Tensor e = Torch.randn(4, 64).mul(3), ed = e.to(DType.FLOAT64), pos = e.abs(), e2 = Torch.randn(4, 64);
        c.put("exp", e::exp);
        c.put("log", pos::log);
        c.put("sin", e::sin);
        c.put("cos", e::cos);
        c.put("tanh", e::tanh);
        c.put("sigmoid", e::sigmoid);
        c.put("gelu", e::gelu);
        c.put("erf", e::erf);
        Tensor eg = Torch.randn(4, 67).mul(3).requiresGrad_(), gg = Torch.randn(4, 67);
        Tensor ln = Torch.randn(6, 37).mul(2).add(1).requiresGrad_(), lnW = Torch.randn(37).requiresGrad_(), lnB = Torch.randn(37);
        c.put("layer_norm and its backward (37-wide rows)", () -> {
            ln.setGrad(null);
            lnW.setGrad(null);
            Tensor y = F.layerNorm(ln, new long[] {37}, lnW, lnB, 1e-5);
            y.backward(gg.narrow(1, 0, 37).narrow(0, 0, 4).repeat(2, 1).narrow(0, 0, 6));
            return Torch.cat(List.of(y.detach().flatten(), ln.grad().flatten(), lnW.grad()), 0);
        });
        c.put("gelu backward (67-wide rows: a scalar tail)", () -> {
            eg.setGrad(null);
            F.gelu(eg).backward(gg);
            return eg.grad();
        });
        c.put("sqrt", pos::sqrt);
        c.put("add mul", () -> e.add(e2).mul(e2));
        c.put("exp float64", ed::exp);
        c.put("log float64", () -> ed.abs().log());
        c.put("tanh float64", ed::tanh);
        c.put("sin float64", ed::sin);
        c.put("cos float64", ed::cos);
        c.put("sigmoid float64", ed::sigmoid);

        Tensor x = Torch.randn(16, 10), w1 = Torch.randn(32, 10).mul(0.3).requiresGrad_(),
                w2 = Torch.randn(4, 32).mul(0.3).requiresGrad_();
        Tensor target = Torch.tensor(0L, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3);
        c.put("MLP backward", () -> {
            w1.setGrad(null);
            w2.setGrad(null);
            Tensor loss = F.crossEntropy(F.linear(F.linear(x, w1).tanh(), w2), target);
            loss.backward();
            return Torch.cat(List.of(loss.reshape(1), w1.grad().flatten(), w2.grad().flatten()), 0);
        });
        // Torch.compile: generated kernels (inline loops, per-tile CPU kernels, a whole sum from per-tile parts)
        var compiled = Torch.compile((Tensor p, Tensor q) -> p.mul(q).add(p.sin()).sub(q, 0.5).exp().sum());
        c.put("compiled (a*b + sin(a) - 0.5 b).exp().sum()", () -> compiled.apply(r, rd.mul(0.5).to(DType.FLOAT32)));
        return c;
    }

    private static List<long[]> inAnotherThread(List<Supplier<Tensor>> work) throws InterruptedException {
        List<long[]> out = new ArrayList<>();
        Throwable[] failed = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                for (Supplier<Tensor> s : work) out.add(bits(s.get()));
            } catch (Throwable e) {
                failed[0] = e;
            }
        });
        t.start();
        t.join();
        if (failed[0] != null) throw new RuntimeException(failed[0]);
        return out;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Supplier<Tensor>> cases = cases();
        List<String> names = new ArrayList<>(cases.keySet());
        List<Supplier<Tensor>> work = new ArrayList<>(cases.values());
        int n = names.size();
        List<long[]> before = inAnotherThread(work);
        long[][] first = new long[n][];
        String[] changed = new String[n];
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < n; i++) {
                long[] got = bits(work.get(i).get());
                if (first[i] == null) {
                    first[i] = got;
                    if (!java.util.Arrays.equals(got, before.get(i))) changed[i] = "differs from another thread's cold call";
                } else if (changed[i] == null && !java.util.Arrays.equals(got, first[i])) {
                    changed[i] = "at call " + (round + 1);
                }
            }
        }
        List<long[]> after = inAnotherThread(work);
        for (int i = 0; i < n; i++) {
            if (changed[i] == null && !java.util.Arrays.equals(after.get(i), first[i])) changed[i] = "in another thread after warm-up";
            System.out.println((changed[i] == null ? "same " + names.get(i) : "changed " + names.get(i) + ": " + changed[i]));
        }
        System.out.println("done");
    }
}
