package dev.jgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Torch.setPrintoptions against what real PyTorch 1.13 printed after the same torch.set_printoptions call. */
@Isolated("print options are global")
class PrintOptionsTest {
    @AfterEach
    void reset() { Torch.setPrintoptions("default"); }

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("precision 2", (Runnable) () -> Torch.setPrintoptions(2, null, null, null, null, null), (Supplier<Tensor>) () -> Torch.tensor(new float[] {1.23456f, -2.5f, 3.0f}),
                    "tensor([ 1.23, -2.50,  3.00])"),
            Arguments.of("precision 0", (Runnable) () -> Torch.setPrintoptions(0, null, null, null, null, null), (Supplier<Tensor>) () -> Torch.tensor(new float[] {1.5f, -2.25f, 3.75f}),
                    "tensor([ 2, -2,  4])"),
            Arguments.of("precision 0 sci", (Runnable) () -> Torch.setPrintoptions(0, null, null, null, null, null), (Supplier<Tensor>) () -> Torch.tensor(new float[] {1.5e-6f, 2.5e3f}),
                    "tensor([2e-06, 2e+03])"),
            Arguments.of("precision 8 float64", (Runnable) () -> Torch.setPrintoptions(8, null, null, null, null, null), (Supplier<Tensor>) () -> Torch.tensor(new double[] {1.0 / 3, 2.0 / 3}, DType.FLOAT64),
                    "tensor([0.33333333, 0.66666667], dtype=torch.float64)"),
            Arguments.of("sci_mode True", (Runnable) () -> Torch.setPrintoptions(null, null, null, null, null, true), (Supplier<Tensor>) () -> Torch.tensor(new float[] {1.5f, 2.25f, 100f}),
                    "tensor([1.5000e+00, 2.2500e+00, 1.0000e+02])"),
            Arguments.of("sci_mode True ints", (Runnable) () -> Torch.setPrintoptions(null, null, null, null, null, true), (Supplier<Tensor>) () -> Torch.tensor(new float[] {1f, 2f, 300f}),
                    "tensor([1.0000e+00, 2.0000e+00, 3.0000e+02])"),
            Arguments.of("sci_mode False", (Runnable) () -> Torch.setPrintoptions(null, null, null, null, null, false), (Supplier<Tensor>) () -> Torch.tensor(new float[] {1.5e-6f, 2.5e3f}),
                    "tensor([    0.0000,  2500.0000])"),
            Arguments.of("sci_mode True zeros", (Runnable) () -> Torch.setPrintoptions(null, null, null, null, null, true), (Supplier<Tensor>) () -> Torch.zeros(3),
                    "tensor([0., 0., 0.])"),
            Arguments.of("threshold 5", (Runnable) () -> Torch.setPrintoptions(null, 5L, null, null, null, null), (Supplier<Tensor>) () -> Torch.arange(10).to(DType.FLOAT32),
                    "tensor([0., 1., 2.,  ..., 7., 8., 9.])"),
            Arguments.of("threshold 5 edgeitems 1", (Runnable) () -> Torch.setPrintoptions(null, 5L, 1, null, null, null), (Supplier<Tensor>) () -> Torch.arange(20).reshape(4, 5),
                    "tensor([[ 0,  ...,  4],\n        ...,\n        [15,  ..., 19]])"),
            Arguments.of("linewidth 20", (Runnable) () -> Torch.setPrintoptions(null, null, null, 20, null, null), (Supplier<Tensor>) () -> Torch.arange(12).to(DType.FLOAT32),
                    "tensor([ 0.,  1.,\n         2.,  3.,\n         4.,  5.,\n         6.,  7.,\n         8.,  9.,\n        10., 11.])"),
            Arguments.of("linewidth 30 grad", (Runnable) () -> Torch.setPrintoptions(null, null, null, 30, null, null), (Supplier<Tensor>) () -> Torch.arange(4).to(DType.FLOAT32).requiresGrad_(true),
                    "tensor([0., 1., 2., 3.],\n       requires_grad=True)"),
            Arguments.of("short profile", (Runnable) () -> Torch.setPrintoptions(null, null, null, null, "short", null), (Supplier<Tensor>) () -> Torch.tensor(new float[] {1.23456f, 2.5f}),
                    "tensor([1.23, 2.50])"),
            Arguments.of("full profile", (Runnable) () -> Torch.setPrintoptions(null, null, null, null, "full", null), (Supplier<Tensor>) () -> Torch.arange(1002).slice(0, 997, 1002, 1),
                    "tensor([ 997,  998,  999, 1000, 1001])"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, Runnable set, Supplier<Tensor> tensor, String expected) {
        set.run();
        assertEquals(expected, tensor.get().toString());
    }

    @Test
    void defaultProfileRestoresTodaysOutput() {
        Tensor t = Torch.tensor(new float[] {1.23456f, 1e-5f});
        String before = t.toString();
        Torch.setPrintoptions(2, 5L, 1, 40, null, false);
        Torch.setPrintoptions("default");
        assertEquals(before, t.toString());
    }
}
