package dev.jgrad.backend.cpu;

// One thread, best of 60 calls, the median of 8 such bests, for the kernels the fourth round-2 run changed: float32
// GELU and its backward on 524288 normal inputs, a [512, 1024] x [1024, 128] product whose A is column-major (a
// linear layer's weight gradient), and the two strided copies of causal attention (a head split's transpose(1, 2)
// and the keys' transpose(-2, -1)), and dropout's draws (2^20 mt19937 words; a bernoulli mask of mnist's first dropout,
// 589824 elements). It sits in the kernels' package, so it is compiled against the classes (or a jar):
//   javac --add-modules jdk.incubator.vector -d /tmp/ks -cp library/target/classes tools/bench/java/KernelSpeeds.java
//   java --add-modules jdk.incubator.vector -cp /tmp/ks:library/target/classes dev.jgrad.backend.cpu.KernelSpeeds
public class KernelSpeeds {
    public static void main(String[] args) {
        Parallel.setNumThreads(1);
        java.util.Random r = new java.util.Random(0);
        int n = 524288;
        float[] x = new float[n], g = new float[n], out = new float[n];
        for (int i = 0; i < n; i++) { x[i] = (float) r.nextGaussian(); g[i] = (float) r.nextGaussian(); }
        int m = 512, k = 1024, cols = 128;
        float[] a = new float[m * k], b = new float[k * cols], c = new float[m * cols];
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat();
        for (int i = 0; i < b.length; i++) b[i] = r.nextFloat();
        float[] heads = new float[16 * 64 * 4 * 32], copy = new float[heads.length];
        dev.jgrad.random.Mt19937 engine = new dev.jgrad.random.Mt19937(1);
        dev.jgrad.random.CpuRng rng = new dev.jgrad.random.CpuRng(1);
        int[] words = new int[1 << 20];
        float[] mask = new float[589824];
        Runnable[] runs = {
            () -> FloatVectorMath.gelu(x, 0, out, 0, n),
            () -> FloatVectorMath.geluBackward(g, 0, x, 0, out, 0, n),
            () -> Gemm.sgemmJava(m, cols, k, a, 0, 1, m, b, 0, cols, 1, c, 0, cols, false),
            () -> Gemm.sgemmJava(m, cols, k, a, 0, k, 1, b, 0, cols, 1, c, 0, cols, false),
            () -> CpuBackend.INSTANCE.copy(view(heads, new int[] {16, 4, 64, 32}, new int[] {8192, 32, 128, 1}),
                    view(copy, new int[] {16, 4, 64, 32}, new int[] {8192, 2048, 32, 1})),
            () -> CpuBackend.INSTANCE.copy(view(heads, new int[] {16, 4, 32, 64}, new int[] {8192, 32, 1, 128}),
                    view(copy, new int[] {16, 4, 32, 64}, new int[] {8192, 2048, 64, 1})),
            () -> engine.nextInts(words, 0, words.length),
            () -> rng.bernoulli(mask, 0, mask.length, 0.75)};
        String[] names = {"gelu", "gelu backward", "sgemm A column-major", "sgemm A row-major", "copy heads", "copy keys^T",
            "mt19937 2^20 words", "bernoulli 589824"};
        double[][] best = new double[runs.length][8];
        for (int rep = 0; rep < 8; rep++) {
            for (int i = 0; i < runs.length; i++) {
                long min = Long.MAX_VALUE;
                for (int call = 0; call < 60; call++) {
                    long t = System.nanoTime();
                    runs[i].run();
                    min = Math.min(min, System.nanoTime() - t);
                }
                best[i][rep] = min / 1e3;
            }
        }
        for (int i = 0; i < runs.length; i++) {
            java.util.Arrays.sort(best[i]);
            System.out.printf("%-22s %8.1f us%n", names[i], best[i][4]);
        }
    }

    private static dev.jgrad.backend.View view(float[] data, int[] shape, int[] strides) {
        return new dev.jgrad.backend.View(ArrayStorage.wrap(data), shape, strides, 0);
    }
}
