package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.backend.View;

/**
 * PyTorch 1.13's CPU product of small bfloat16 matrices. Products of more than 16^3 multiply-adds go to
 * oneDNN, which accumulates in float32 and rounds once (jgrad's float32 GEMM, then rounding, gives the same);
 * smaller ones run ATen's generic loop in bfloat16 arithmetic: every product a*b is rounded to bfloat16,
 * and so is the running sum after each addition, starting from the bias (addmm) or zero.
 *
 * <p>Measured on PyTorch 1.13.1 on an AVX-512 CPU (tools/fixtures/gen_half.py's matmul and bmm cases);
 * a CPU without AVX-512 sends every size to the generic loop, which jgrad does not copy.
 */
final class SmallBFloat16Gemm {
    private static final long ONEDNN_MIN = 16 * 16 * 16;

    private SmallBFloat16Gemm() {}

    /**
     * Whether the product of a (..., n, k) and b (..., k, m), as laid out in memory, takes the bfloat16 loop: a
     * small product, except a row-major a times a column-major b (linear's x @ W.t()), for which BLAS's
     * "transposed a" kernel sums the products in float32. Batched products (bmm) always take it when small.
     */
    static boolean applies(View a, View b) {
        int[] as = a.shape(), bs = b.shape();
        int nd = as.length;
        long n = as[nd - 2], k = as[nd - 1], m = bs[bs.length - 1];
        if (n * k * m > ONEDNN_MIN) return false;
        if (nd > 2) return true;
        boolean aRowMajor = a.strides()[1] == 1 || k == 1, bColumnMajor = b.strides()[0] == 1 && m > 1;
        return !(aRowMajor && bColumnMajor);
    }

    /** out (float32, holding the bias when accumulate) = the bfloat16-rounded product of float32 a and b (values exact bfloat16). */
    static void matmul(View a, View b, View out, boolean accumulate) {
        View da = CpuBackend.dense(a, DType.FLOAT32), db = CpuBackend.dense(b, DType.FLOAT32), dout = CpuBackend.dense(out, DType.FLOAT32);
        float[] x = (float[]) ArrayStorage.data(da), y = (float[]) ArrayStorage.data(db), c = (float[]) ArrayStorage.data(dout);
        int[] os = out.shape();
        int nd = os.length, n = os[nd - 2], m = os[nd - 1], k = a.shape()[a.dim() - 1];
        int batches = n * m == 0 ? 0 : out.numel() / (n * m);
        for (int p = 0; p < batches; p++) {
            int xa = p * n * k, yb = p * k * m, co = p * n * m;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    float s = accumulate ? c[co + i * m + j] : 0f;
                    for (int l = 0; l < k; l++) s = round(s + round(x[xa + i * k + l] * y[yb + l * m + j]));
                    c[co + i * m + j] = s;
                }
            }
        }
        if (dout != out) CpuBackend.INSTANCE.copy(dout, out);
    }

    private static float round(float f) { return ReducedFloats.bfloat16ToFloat(ReducedFloats.toBFloat16(f)); }
}
