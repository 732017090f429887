package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import org.junit.jupiter.api.Test;

/** Per-dim scale factors and recompute_scale_factor, which the fixture's argument kinds cannot express (values from PyTorch 1.13). */
class InterpolateScalesTest {
    private static Tensor input() {
        Tensor x = Torch.arange(12L).to(DType.FLOAT64).reshape(1, 1, 3, 4);
        return x.mul(x).div(7.0);
    }

    @Test
    void perDimScalesUseOneOverScale() {
        Tensor y = F.interpolate(input(), new double[] {1.5, 0.7}, "bilinear", false);
        assertArrayEquals(new long[] {1, 1, 4, 2}, y.shape());
        assertArrayEquals(new double[] {0.030612244897959183, 0.4183673469387755, 1.2959183673469385, 2.4999999999999996, 3.744897959183672,
            6.037414965986393, 8.479591836734693, 11.860544217687075}, y.flatten().toDoubleArray(), 1e-12);
    }

    @Test
    void recomputedScalesUseSizes() {
        Upsample up = new Upsample(null, new double[] {1.5, 0.7}, "bilinear", null, true);
        Tensor y = up.forward(input());
        assertArrayEquals(new double[] {0.07142857142857142, 0.9285714285714286, 1.8571428571428572, 4.142857142857143, 5.7142857142857135,
            9.714285714285714, 10.357142857142858, 15.785714285714285}, y.flatten().toDoubleArray(), 1e-12);
        assertEquals("Upsample(scale_factor=(1.5, 0.7), mode=bilinear)", up.toString());
    }
}
