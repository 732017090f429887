package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.backend.View;

/**
 * torch.mode on the CPU. PyTorch sorts each line's (value, position) pairs by value with std::sort (introsort, not
 * stable) and reports the position of the last pair of the longest run, so the index on ties depends on libstdc++'s
 * exact sort; {@link StdSort} replays it so that indices match, NaN lines included.
 */
final class CpuMode {
    private CpuMode() {}

    /** values and indices are contiguous with x's shape but 1 at dim. */
    static void mode(View x, int dim, View values, View indices) {
        int[] s = x.shape();
        int n = s.length == 0 ? 1 : s[dim];
        int outer = CpuReductions.product(s, 0, Math.max(0, dim)), inner = s.length == 0 ? 1 : CpuReductions.product(s, dim + 1, s.length);
        boolean integral = !x.dtype().isFloatingPoint();
        double[] xd = integral ? null : CpuBackend.doubles(x);
        long[] xl = integral ? (long[]) CpuBackend.INSTANCE.toHost(x, DType.INT64) : null;
        double[] vd = new double[outer * inner];
        long[] vl = new long[outer * inner], idx = new long[outer * inner];
        int[] pos = new int[n];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                for (int k = 0; k < n; k++) pos[k] = k;
                StdSort.Less less = integral ? (p, q) -> xl[base + p * inner] < xl[base + q * inner]
                        : (p, q) -> xd[base + p * inner] < xd[base + q * inner];
                StdSort.sort(pos, less);
                int best = 0, bestAt = 0, run = 0;
                for (int k = 0; k < n; k++) {
                    run++;
                    boolean end = k == n - 1 || (integral ? xl[base + pos[k] * inner] != xl[base + pos[k + 1] * inner]
                            : xd[base + pos[k] * inner] != xd[base + pos[k + 1] * inner]);
                    if (end) {
                        if (run > best) {
                            best = run;
                            bestAt = pos[k];
                        }
                        run = 0;
                    }
                }
                int out = o * inner + i;
                idx[out] = bestAt;
                if (integral) vl[out] = xl[base + bestAt * inner];
                else vd[out] = xd[base + bestAt * inner];
            }
        }
        CpuBackend.INSTANCE.copy(CpuBackend.contiguous(ArrayStorage.wrap(integral ? vl : vd), values.shape()), values);
        CpuBackend.INSTANCE.copy(CpuBackend.contiguous(ArrayStorage.wrap(idx), indices.shape()), indices);
    }

    /**
     * nanmedian along dim as PyTorch's CPU kernel: std::nth_element of (value, position) pairs at (non-NaN count - 1) / 2,
     * equal values by position, NaN last and unordered among themselves, so ties and all-NaN lines report PyTorch's index. values and indices as for {@link #mode}.
     */
    static void nanmedian(View x, int dim, View values, View indices) {
        int[] s = x.shape();
        int n = s.length == 0 ? 1 : s[dim];
        int outer = CpuReductions.product(s, 0, Math.max(0, dim)), inner = s.length == 0 ? 1 : CpuReductions.product(s, dim + 1, s.length);
        double[] xd = CpuBackend.doubles(x);
        double[] vd = new double[outer * inner];
        long[] idx = new long[outer * inner];
        int[] pos = new int[n];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i, nan = 0;
                for (int k = 0; k < n; k++) {
                    pos[k] = k;
                    if (Double.isNaN(xd[base + k * inner])) nan++;
                }
                StdSort.nthElement(pos, (n - nan - 1) / 2, (p, q) -> {
                    double a = xd[base + p * inner], b = xd[base + q * inner];
                    return a < b || (a == b && p < q) || (Double.isNaN(b) && !Double.isNaN(a));  // NaN pairs stay unordered
                });
                int at = pos[(n - nan - 1) / 2];
                idx[o * inner + i] = at;
                vd[o * inner + i] = xd[base + at * inner];
            }
        }
        CpuBackend.INSTANCE.copy(CpuBackend.contiguous(ArrayStorage.wrap(vd), values.shape()), values);
        CpuBackend.INSTANCE.copy(CpuBackend.contiguous(ArrayStorage.wrap(idx), indices.shape()), indices);
    }
}
