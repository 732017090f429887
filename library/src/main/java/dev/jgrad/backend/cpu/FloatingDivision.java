package dev.jgrad.backend.cpu;

/** Python-style floor division and remainder (sign follows the divisor), as PyTorch defines them. */
final class FloatingDivision {
    private FloatingDivision() {}

    static double remainder(double a, double b) {
        double mod = a % b;  // Java's % on doubles is C's fmod
        if (mod != 0 && (b < 0) != (mod < 0)) mod += b;
        return mod;
    }

    static double floorDivide(double a, double b) {
        if (b == 0) return a / b;
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) div -= 1;
        if (div == 0) return Math.copySign(0.0, a / b);
        double floored = Math.floor(div);
        if (div - floored > 0.5) floored += 1;
        return floored;
    }

    static long remainder(long a, long b) {
        if (b == 0) throw new IllegalArgumentException("ZeroDivisionError");
        long r = a % b;
        if (r != 0 && (r < 0) != (b < 0)) r += b;
        return r;
    }

    static long floorDivide(long a, long b) {
        if (b == 0) throw new IllegalArgumentException("ZeroDivisionError");
        return Math.floorDiv(a, b);
    }
}
