package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.backend.View;

/**
 * cumsum and cumprod. Floating scans run over a float64 copy and round once per output element, as
 * PyTorch's CPU kernel accumulates float32 in double; integral scans wrap in int64 like PyTorch's.
 */
final class CpuScans {
    private CpuScans() {}

    static void scan(boolean prod, View x, int dim, View out) {
        int[] shape = x.shape();
        int n = shape.length == 0 ? 1 : shape[dim];
        int inner = 1;
        for (int d = dim + 1; d < shape.length; d++) inner *= shape[d];
        int outer = n * inner == 0 ? 0 : x.numel() / (n * inner);
        if (out.dtype().isFloatingPoint()) {
            double[] v = CpuBackend.doubles(x);  // a fresh copy: scanned in place
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    int base = o * n * inner + i;
                    double acc = v[base];
                    for (int k = 1; k < n; k++) {
                        int at = base + k * inner;
                        acc = prod ? acc * v[at] : acc + v[at];
                        v[at] = acc;
                    }
                }
            }
            CpuBackend.write(v, out);
            return;
        }
        long[] v = (long[]) CpuBackend.INSTANCE.toHost(x, DType.INT64);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                long acc = v[base];
                for (int k = 1; k < n; k++) {
                    int at = base + k * inner;
                    acc = prod ? acc * v[at] : acc + v[at];
                    v[at] = acc;
                }
            }
        }
        CpuBackend.INSTANCE.copy(CpuBackend.contiguous(ArrayStorage.wrap(v), shape), out);
    }
}
