package dev.jgrad.backend.cpu;

import java.util.SplittableRandom;

/**
 * Whether each product of a float32 convolution (forward, input gradient, weight gradient) runs by Winograd
 * ({@link ConvWinograd}) or by im2col and GEMM ({@link ConvKernels}).
 *
 * <p>Winograd is considered for 3x3, stride-1, undilated, one-group layers with at least {@value #MIN_CHANNELS}
 * input and output channels and an output of at least 8x8, whose scratch fits ({@link ConvWinograd#fits}):
 * below that its transforms cost more than the multiplications they save, and small layers are where exact
 * comparisons with im2col's sums are most often made. For those layers the machine's {@link ConvPlan} decides, per
 * product.
 */
final class ConvChoice {
    private ConvChoice() {}

    /** The three products of a training step's convolution. */
    enum Product { FORWARD, INPUT_GRAD, WEIGHT_GRAD }

    static final int MIN_CHANNELS = 16;

    /** A plan that replaces this machine's (tests); null for {@link ConvPlan#current}. */
    static volatile ConvPlan override;

    /** Whether Winograd can compute product p of shape s at all. */
    static boolean handles(Product p, ConvAlgorithm.Shape s) {
        ConvKernels.Window k = s.window();
        return KernelConfig.VECTOR && s.groups() == 1 && s.n() > 0 && s.cin() > 0 && s.cout() > 0
                && ConvWinograd.handles(k)
                && k.outH(s.h()) > 0 && k.outW(s.w()) > 0;
    }

    /** Whether product p of shape s runs by Winograd: a layer it is considered for, and the plan says so. */
    static boolean winograd(Product p, ConvAlgorithm.Shape s) {
        if (!handles(p, s) || s.cin() < MIN_CHANNELS || s.cout() < MIN_CHANNELS) return false;
        int oh = s.window().outH(s.h()), ow = s.window().outW(s.w());
        if (oh < 8 || ow < 8 || !ConvWinograd.fits(s.n(), s.cin(), s.cout(), oh, ow)) return false;
        ConvPlan plan = override;
        return (plan != null ? plan : ConvPlan.current()).uses(p);
    }

    /** Product p of shape s on fixed pseudo-random data, by im2col ([0]) and by Winograd ([1]), for measuring. */
    static Runnable[] sample(Product p, ConvAlgorithm.Shape s) {
        ConvKernels.Window k = s.window();
        int n = s.n(), cin = s.cin(), cout = s.cout(), h = s.h(), w = s.w(), oh = k.outH(h), ow = k.outW(w);
        SplittableRandom rnd = new SplittableRandom(42);
        float[] x = random(rnd, n * cin * h * w), wt = random(rnd, cout * cin * 9), grad = random(rnd, n * cout * oh * ow);
        float[] out = new float[Math.max(n * Math.max(cin * h * w, cout * oh * ow), cout * cin * 9)];
        return switch (p) {
            case FORWARD -> new Runnable[] {
                () -> ConvKernels.conv2dFloat(ConvAlgorithm.GEMM, x, wt, null, out, n, cin, h, w, cout, 1, k, oh, ow),
                () -> ConvWinograd.forward(x, n, cin, h, w, k.ph(), k.pw(), wt, null, cout, out)};
            case INPUT_GRAD -> new Runnable[] {
                () -> ConvKernels.inputGradColumns(grad, wt, out, n, cin, h, w, cout, k, 1),
                () -> ConvWinograd.inputGrad(grad, wt, n, cin, h, w, k.ph(), k.pw(), cout, out)};
            case WEIGHT_GRAD -> new Runnable[] {
                () -> ConvKernels.weightGradColumns(grad, x, out, n, cin, h, w, cout, k, 1),
                () -> ConvWinograd.weightGrad(grad, x, n, cin, h, w, k.ph(), k.pw(), cout, out)};
        };
    }

    private static float[] random(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (rnd.nextDouble() * 2 - 1);
        return a;
    }
}
