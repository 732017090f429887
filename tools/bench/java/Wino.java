package dev.jgrad.backend.cpu;

// Times the three products of mnist's second convolution (64 images, 32 to 64 channels, 26x26, 3x3) by Winograd and
// by im2col, 10 calls each, four repetitions (the first includes the JIT's warm-up), on N threads. It sits in the
// kernels' package, so it is compiled against the classes:
//   javac --add-modules jdk.incubator.vector -d /tmp/wino -cp library/target/classes tools/bench/java/Wino.java
//   java --add-modules jdk.incubator.vector -cp /tmp/wino:library/target/classes dev.jgrad.backend.cpu.Wino 1
public class Wino {
    public static void main(String[] args) {
        int n = 64, cin = 32, h = 26, w = 26, cout = 64;
        java.util.Random r = new java.util.Random(0);
        float[] x = gaussian(r, n * cin * h * w), wt = gaussian(r, cout * cin * 9), g = gaussian(r, n * cout * 24 * 24);
        float[] out = new float[n * cout * 24 * 24], gw = new float[cout * cin * 9], gi = new float[n * cin * h * w];
        Parallel.setNumThreads(Integer.parseInt(args[0]));
        ConvKernels.Window k = new ConvKernels.Window(3, 3, 1, 1, 0, 0, 1, 1);
        Runnable[] runs = {
            () -> ConvWinograd.forward(x, n, cin, h, w, 0, 0, wt, null, cout, out),
            () -> ConvWinograd.inputGrad(g, wt, n, cin, h, w, 0, 0, cout, gi),
            () -> ConvWinograd.weightGrad(g, x, n, cin, h, w, 0, 0, cout, gw),
            () -> ConvKernels.conv2dFloat(ConvAlgorithm.GEMM, x, wt, null, out, n, cin, h, w, cout, 1, k, 24, 24),
            () -> ConvKernels.inputGradColumns(g, wt, gi, n, cin, h, w, cout, k, 1),
            () -> ConvKernels.weightGradColumns(g, x, gw, n, cin, h, w, cout, k, 1)};
        for (int rep = 0; rep < 4; rep++) {
            double[] ms = new double[runs.length];
            for (int i = 0; i < runs.length; i++) {
                long t = System.nanoTime();
                for (int c = 0; c < 10; c++) runs[i].run();
                ms[i] = (System.nanoTime() - t) / 1e7;
            }
            System.out.printf("winograd fwd %.2f igrad %.2f wgrad %.2f | im2col fwd %.2f igrad %.2f wgrad %.2f ms%n",
                    ms[0], ms[1], ms[2], ms[3], ms[4], ms[5]);
        }
    }

    private static float[] gaussian(java.util.Random r, int size) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) a[i] = (float) r.nextGaussian();
        return a;
    }
}
