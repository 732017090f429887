package dev.jgrad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.backend.Backends;
import dev.jgrad.nn.BatchNorm2d;
import dev.jgrad.nn.Conv2d;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.functional.F;
import dev.jgrad.testutil.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The meta device against what real PyTorch 1.13 prints and raises for the same programs
 * (tools/fixtures/gen_meta.py writes fixtures/meta.json; each test here is the Java twin of the case of
 * the same name), plus checks where jgrad goes beyond PyTorch 1.13 (conv2d backward on meta).
 */
class MetaDeviceTest {
    private static final Device META = Device.of("meta");
    private static final Map<String, Object> CASES = Json.asMap(Json.asMap(Json.resource("fixtures/meta.json")).get("cases"));

    private static void reprs(String name, Supplier<List<?>> program) {
        Map<String, Object> c = Json.asMap(CASES.get(name));
        Object expected = c.get("repr");
        List<?> got = program.get();
        List<String> printed = got.stream().map(String::valueOf).toList();
        if (expected instanceof String s) assertEquals(List.of(s), printed, name);
        else assertEquals(Json.asList(expected), printed, name);
    }

    private static void error(String name, Class<? extends Throwable> type, Runnable program) {
        Map<String, Object> c = Json.asMap(CASES.get(name));
        Throwable e = assertThrows(type, program::run, name);
        String expected = (String) c.get("message");
        assertTrue(expected.startsWith(e.getMessage()), name + ": PyTorch says\n" + expected + "\njgrad says\n" + e.getMessage());
    }

    @Test
    void factoriesAndMovesPrintAsPyTorch() {
        reprs("zeros", () -> List.of(Torch.zeros(DType.FLOAT32, META, 2, 3)));
        reprs("zeros_int64", () -> List.of(Torch.zeros(DType.INT64, META, 5)));
        reprs("float64_to_meta", () -> List.of(Torch.ones(DType.FLOAT64, 2, 3).to(META)));
        reprs("scalar", () -> List.of(Torch.scalarTensor(1.0).to(META)));
        reprs("factories", () -> List.of(Torch.randn(DType.FLOAT32, META, 3, 4), Torch.ones(DType.FLOAT64, META, 2),
                Torch.full(new long[] {2, 2}, 7.0, DType.FLOAT32, META), Torch.zerosLike(Torch.zeros(DType.FLOAT32, META, 3))));
    }

    @Test
    void opsComputeShapesAndDtypes() {
        reprs("mm", () -> List.of(Torch.zeros(2, 3).to(META).mm(Torch.zeros(DType.FLOAT32, META, 3, 4))));
        reprs("index_and_view", () -> {
            Tensor z = Torch.zeros(DType.FLOAT32, META, 2, 3);
            return List.of(z.get(0), z.t(), z.reshape(3, 2).index("1:"), z.unsqueeze(0).expand(4, 2, 3));
        });
        reprs("promotion", () -> {
            Tensor a = Torch.zeros(DType.INT64, META, 2, 3);
            return List.of(a.add(1.5), a.mul(2), a.gt(0), Torch.zeros(DType.FLOAT32, META, 3).toDouble().add(a), a.sum(),
                    a.toFloat().mean(1));
        });
    }

    @Test
    void errorsArePyTorchs() {
        error("broadcast_error", IllegalArgumentException.class,
                () -> Torch.zeros(DType.FLOAT32, META, 2, 3).add(Torch.zeros(DType.FLOAT32, META, 4)));
        error("mixed_devices", IllegalArgumentException.class, () -> Torch.zeros(DType.FLOAT32, META, 2, 3).add(Torch.zeros(2, 3)));
        error("item", UnsupportedOperationException.class, () -> Torch.zeros(DType.FLOAT32, META, 1).item());
        error("to_cpu", UnsupportedOperationException.class, () -> Torch.zeros(DType.FLOAT32, META, 2).cpu());
        error("bad_device", IllegalArgumentException.class, () -> Device.of("foo"));
        assertThrows(UnsupportedOperationException.class, () -> Torch.zeros(DType.FLOAT32, META, 2).toFloatArray());
        assertThrows(IllegalStateException.class, () -> Torch.zeros(DType.FLOAT32, META, 2).asFloatArray());
        assertThrows(IllegalStateException.class, () -> Torch.zeros(2).to(Device.of("cuda")));
    }

    @Test
    void autogradGivesMetaGradientsOfTheRightShape() {
        reprs("autograd", () -> {
            Tensor w = Torch.zeros(DType.FLOAT32, META, 2, 3).requiresGrad_(true);
            Tensor x = Torch.zeros(DType.FLOAT32, META, 4, 3);
            Tensor y = x.mm(w.t()).relu().mul(2).sum();
            y.backward();
            return List.of(y, w.grad());
        });
        reprs("linear", () -> {
            Torch.manualSeed(0);
            Linear m = new Linear(3, 4);
            m.to(META);
            Tensor out = m.forward(Torch.zeros(DType.FLOAT32, META, 2, 3));
            out.sum().backward();
            return List.of(m.weight, out, m.weight.grad(), m.bias.grad());
        });
        reprs("nn_backward", () -> {
            Tensor x = Torch.zeros(DType.FLOAT32, META, 8, 384).requiresGrad_(true);
            Linear lin = new Linear(384, 10);
            lin.to(META);
            Tensor logits = lin.forward(F.layerNorm(x, new long[] {384}).tanh());
            Tensor loss = F.crossEntropy(logits, Torch.zeros(DType.INT64, META, 8));
            loss.backward();
            return List.of(loss, x.grad(), lin.weight.grad(), lin.bias.grad());
        });
    }

    @Test
    void nnLayersForward() {
        reprs("nn_forward", () -> {
            try (var g = Torch.noGrad()) {
                Tensor x = Torch.zeros(DType.FLOAT32, META, 8, 3, 16, 16);
                Conv2d conv = new Conv2d(3, 6, 3, 1, 1);
                conv.to(META);
                BatchNorm2d bn = new BatchNorm2d(6);
                bn.to(META);
                Tensor h = bn.forward(F.maxPool2d(F.relu(conv.forward(x)), 2));
                Tensor flat = h.flatten(1, -1);
                Linear lin = new Linear(6 * 8 * 8, 10);
                lin.to(META);
                Tensor logits = lin.forward(F.layerNorm(flat, new long[] {384}));
                Tensor loss = F.crossEntropy(logits, Torch.zeros(DType.INT64, META, 8));
                return List.of(h, flat, logits, F.logSoftmax(logits, 1), F.gelu(logits).logsumexp(1, false), loss);
            }
        });
    }

    /** PyTorch 1.13 has no meta kernel for convolution_backward; jgrad's ops are device-independent, so it does. */
    @Test
    void convolutionBackwardOnMetaMatchesCpuShapes() {
        for (Device d : List.of(Device.CPU, META)) {
            Tensor x = Torch.zeros(DType.FLOAT32, d, 2, 3, 9, 9).requiresGrad_(true);
            Conv2d conv = new Conv2d(3, 4, 3, 2, 1);
            conv.to(d);
            Tensor y = F.maxPool2d(conv.forward(x).relu(), 2).sum();
            y.backward();
            assertEquals(d, x.grad().device());
            assertArrayEquals(new long[] {2, 3, 9, 9}, x.grad().shape());
            assertArrayEquals(new long[] {4, 3, 3, 3}, conv.weight.grad().shape());
            assertEquals(d, conv.weight.grad().device());
        }
    }

    /** The 3-d convolutions and poolings are built from device-independent ops, so they run (and differentiate) on meta too. */
    @Test
    void volumeOpsOnMetaMatchCpuShapes() {
        for (Device d : List.of(Device.CPU, META)) {
            Tensor x = Torch.zeros(DType.FLOAT32, d, 1, 2, 5, 6, 6).requiresGrad_(true);
            dev.jgrad.nn.Conv3d conv = new dev.jgrad.nn.Conv3d(2, 3, 3, 1, 1);
            conv.to(d);
            Tensor h = conv.forward(x);
            Tensor y = F.maxPool3d(h, 2).sum().add(F.avgPool3d(h, 2).sum()).add(F.adaptiveAvgPool3d(h, 2, 3, 2).sum())
                    .add(F.adaptiveMaxPool3d(h, 2).sum())
                    .add(F.convTranspose3d(h, conv.weight, null, 2, 1).sum());
            y.backward();
            assertEquals(d, x.grad().device());
            assertArrayEquals(new long[] {1, 2, 5, 6, 6}, x.grad().shape());
            assertArrayEquals(new long[] {3, 2, 3, 3, 3}, conv.weight.grad().shape());
            var pooled = F.maxPool2dWithIndices(Torch.zeros(DType.FLOAT32, d, 1, 2, 4, 4), new int[] {2}, null, new int[] {0}, new int[] {1}, false);
            assertArrayEquals(new long[] {1, 2, 4, 4}, F.maxUnpool2d(pooled.values(), pooled.indices(), 2).shape());
        }
    }

    @Test
    void aBillionParametersCostNoMemory() {
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        Tensor w = Torch.empty(DType.FLOAT32, META, 40_000, 25_000);  // 1e9 floats: 4 GB if it were real
        Tensor y = Torch.zeros(DType.FLOAT32, META, 16, 25_000).matmul(w.t());
        assertArrayEquals(new long[] {16, 40_000}, y.shape());
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < 100_000_000L, "meta tensors allocated " + (after - before) + " bytes");
        assertTrue(Backends.available("meta"));
        assertTrue(Backends.available("cpu"));
    }
}
