package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.Adam;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Not a test itself: the program {@link VectorFallbackTest} runs in fresh JVMs, with and without the
 * jdk.incubator.vector module. A few ops from every kernel family, at sizes that reach the paths the
 * module switches (vector rows, thread splits, packed GEMM, PyTorch's cascade sums and norms); each
 * result is printed as one {@code result} line carrying a digest of its exact bits, so two runs agree
 * bit for bit exactly when their result lines are equal.
 */
public final class VectorFallbackProbe {
    private VectorFallbackProbe() {}

    public static void main(String[] args) throws Exception {
        System.out.println("config vectorApi=" + KernelConfig.VECTOR_API + " vector=" + KernelConfig.VECTOR
                + " fastPaths=" + KernelConfig.FAST_PATHS);
        Torch.manualSeed(0);
        print("randn3", Torch.randn(3));

        // Longer than Parallel.ELEMENTWISE_GRAIN, so rows are split over threads where fast paths are on.
        Tensor a = Torch.randn(100_000), b = Torch.randn(100_000);
        print("add", a.add(b));
        print("add_alpha", a.add(b, 0.5));
        print("mul", a.mul(b));
        print("mul_scalar", a.mul(2.5));
        print("exp", a.exp());
        print("tanh", a.tanh());
        print("sigmoid", a.sigmoid());
        print("relu", a.relu());
        print("sum", a.sum());
        print("mean", a.mean());
        print("norm", a.norm());
        // Long enough for the split max of FloatReduceKernels.reduce.
        print("max", Torch.randn(300_000).max());

        Tensor m = Torch.randn(300, 257);
        print("sum_dim0", m.sum(0));
        print("sum_dim1", m.sum(1));
        print("norm_dim0", m.norm(2, 0, false));
        print("amax_dim1", m.amax(1, false));

        print("matmul_small", Torch.arange(6.0).reshape(2, 3).matmul(Torch.arange(6.0).reshape(3, 2)));
        Tensor p = Torch.randn(256, 256), q = Torch.randn(256, 256);
        print("matmul_256", p.matmul(q));
        print("matmul_row", Torch.randn(1, 256).matmul(q));
        print("matmul_40x60x50", Torch.randn(40, 60).matmul(Torch.randn(60, 50)));

        Tensor a64 = a.to(DType.FLOAT64);
        print("f64_add", a64.add(b.to(DType.FLOAT64)));
        print("f64_exp", a64.exp());
        print("f64_sum", a64.sum());
        print("f64_matmul", p.to(DType.FLOAT64).matmul(q.to(DType.FLOAT64)));

        Tensor logits = Torch.randn(64, 100);
        print("softmax", logits.softmax(1));
        print("log_softmax", logits.logSoftmax(1));
        print("conv2d", F.conv2d(Torch.randn(2, 3, 16, 16), Torch.randn(4, 3, 3, 3), Torch.randn(4), 1, 1));
        print("layer_norm", F.layerNorm(Torch.randn(8, 64), new long[] {64}));

        Tensor w = Torch.randn(256, 10).requiresGrad_();
        Tensor loss = p.matmul(w).tanh().logSoftmax(1).mean();
        loss.backward();
        print("loss", loss.detach());
        print("grad", w.grad());
        Adam adam = new Adam(List.of(w), 1e-2);
        adam.step();
        print("adam_step", w.detach());
    }

    /** One line: name, shape, the sum of the values (for tolerance checks) and a digest of their bits. */
    private static void print(String name, Tensor t) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        double sum = 0;
        String first;
        if (t.dtype() == DType.FLOAT64) {
            double[] v = t.detach().toDoubleArray();
            for (double x : v) {
                sha.update(longBytes(Double.doubleToRawLongBits(x)));
                sum += x;
            }
            first = v.length == 0 ? "-" : Double.toString(v[0]);
        } else {
            float[] v = t.detach().toFloatArray();
            for (float x : v) {
                sha.update(longBytes(Float.floatToRawIntBits(x)));
                sum += x;
            }
            first = v.length == 0 ? "-" : Float.toString(v[0]);
        }
        String digest = HexFormat.of().formatHex(sha.digest(), 0, 12);
        System.out.println("result " + name + " " + t.dtype() + " " + Arrays.toString(t.shape())
                + " sum=" + sum + " first=" + first + " bits=" + digest);
    }

    private static byte[] longBytes(long x) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (x >>> (8 * i));
        return b;
    }
}
