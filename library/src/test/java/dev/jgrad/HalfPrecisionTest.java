package dev.jgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.internal.ops.Copying;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.functional.F;
import dev.jgrad.testutil.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * float16 and bfloat16 against real PyTorch 1.13 (fixtures/half.json, written by tools/fixtures/gen_half.py):
 * conversions bit for bit, type promotion, printed reprs, op results (bit for bit, or within one unit in the
 * last place where PyTorch's float32 transcendental or summation order may round differently) or PyTorch's
 * "not implemented for 'Half'" errors, gradients, and a bfloat16 Linear.
 */
class HalfPrecisionTest {
    private static final Map<String, Object> FIXTURE = Json.asMap(Json.resource("fixtures/half.json"));

    private static DType dtype(String name) {
        return switch (name) {
            case "float16" -> DType.FLOAT16;
            case "bfloat16" -> DType.BFLOAT16;
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            case "int64" -> DType.INT64;
            case "int32" -> DType.INT32;
            case "bool" -> DType.BOOL;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The 16-bit patterns of a float16/bfloat16 tensor, row-major, as unsigned ints. */
    static int[] bits(Tensor t) {
        short[] s = (short[]) Copying.toArray(t, t.dtype());
        int[] r = new int[s.length];
        for (int i = 0; i < s.length; i++) r[i] = s[i] & 0xFFFF;
        return r;
    }

    /** A tensor of a fixture spec: 16-bit types from their bit patterns (exact through float32), others from values. */
    static Tensor tensor(Map<String, Object> spec) {
        DType t = dtype((String) spec.get("dtype"));
        long[] shape = Json.asLongArray(spec.get("shape"));
        if (spec.containsKey("bits")) {
            long[] b = Json.asLongArray(spec.get("bits"));
            double[] v = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                v[i] = t == DType.FLOAT16 ? Float.float16ToFloat((short) b[i]) : Float.intBitsToFloat((int) b[i] << 16);
            }
            return Torch.tensor(v, DType.FLOAT32).to(t).reshape(shape);
        }
        return Torch.tensor(Json.asDoubleArray(spec.get("values")), DType.FLOAT64).to(t).reshape(shape);
    }

    /** Problems comparing got against a spec: bit for bit, or within maxUlps units of the 16-bit type. */
    private static void compare(List<String> problems, String what, Map<String, Object> spec, Tensor got, int maxUlps) {
        DType t = dtype((String) spec.get("dtype"));
        if (got.dtype() != t) { problems.add(what + ": dtype " + got.dtype() + ", expected " + t); return; }
        if (!Arrays.equals(got.shape(), Json.asLongArray(spec.get("shape")))) {
            problems.add(what + ": shape " + Arrays.toString(got.shape()) + ", expected " + spec.get("shape"));
            return;
        }
        if (!spec.containsKey("bits")) {
            if (!Arrays.equals(got.toDoubleArray(), Json.asDoubleArray(spec.get("values")))) {
                problems.add(what + ": " + Arrays.toString(got.toDoubleArray()) + ", expected " + spec.get("values"));
            }
            return;
        }
        long[] want = Json.asLongArray(spec.get("bits"));
        int[] have = bits(got);
        for (int i = 0; i < want.length; i++) {
            if (ulps((int) want[i], have[i]) > maxUlps) {
                problems.add(what + "[" + i + "]: bits " + Integer.toHexString(have[i]) + ", expected " + Long.toHexString(want[i]));
                return;
            }
        }
    }

    /** Distance in units of the last place between two 16-bit patterns of one sign-magnitude format. */
    private static int ulps(int a, int b) {
        int oa = (a & 0x8000) != 0 ? -(a & 0x7FFF) : a, ob = (b & 0x8000) != 0 ? -(b & 0x7FFF) : b;
        return Math.abs(oa - ob);
    }

    // ---------------------------------------------------------------- conversions

    @Test
    void conversionsMatchPyTorchBitForBit() {
        List<String> problems = new ArrayList<>();
        for (Object o : Json.asList(FIXTURE.get("conversions"))) {
            Map<String, Object> c = Json.asMap(o);
            DType t = dtype((String) c.get("dtype"));
            List<Object> values = Json.asList(c.get("values")).stream().map(v -> (Object) ((String) v).replace("inf", "Infinity").replace("nan", "NaN")).toList();
            long[] b = Json.asLongArray(c.get("bits"));
            if (c.containsKey("from")) {
                DType from = dtype((String) c.get("from"));
                Tensor src = switch (from) {
                    case INT64, INT32 -> Torch.tensor(values.stream().mapToLong(v -> Long.parseLong((String) v)).toArray()).to(from);
                    case BOOL -> Torch.tensor(values.stream().map(v -> v.equals("True")).toList()).to(DType.BOOL);
                    default -> Torch.tensor(values.stream().mapToDouble(v -> Double.parseDouble((String) v)).toArray(), from);
                };
                int[] got = bits(src.to(t));
                for (int i = 0; i < b.length; i++) {
                    if (got[i] != b[i]) problems.add(from + " " + values.get(i) + " to " + t + ": " + Integer.toHexString(got[i])
                            + ", expected " + Long.toHexString(b[i]));
                }
                if (from == DType.FLOAT64) {  // Torch.tensor(doubles, dtype) converts as .to does
                    int[] direct = bits(Torch.tensor(values.stream().mapToDouble(v -> Double.parseDouble((String) v)).toArray(), t));
                    if (!Arrays.equals(direct, got)) problems.add("tensor(doubles, " + t + ") differs from to(" + t + ")");
                }
            } else {
                Tensor src = tensor(Map.of("dtype", c.get("dtype"), "shape", List.of(b.length), "bits", c.get("bits")));
                String to = (String) c.get("to");
                Tensor r = src.to(dtype(to));
                String got = switch (to) {
                    case "float16", "bfloat16" -> Arrays.toString(bits(r));
                    case "int64", "int32" -> Arrays.toString(r.toLongArray());
                    case "float64" -> Arrays.toString(r.toDoubleArray());
                    case "bool" -> Arrays.toString(r.toBooleanArray()).replace("true", "True").replace("false", "False");
                    default -> Arrays.toString(r.toFloatArray());
                };
                String want = values.stream().map(v -> switch (to) {
                    case "float32" -> String.valueOf(Float.parseFloat((String) v));
                    case "float64" -> String.valueOf(Double.parseDouble((String) v));
                    default -> (String) v;
                }).toList().toString();
                if (!got.equals(want)) problems.add(t + " to " + to + ": " + got + ", expected " + want);
            }
        }
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    @Test
    void storageTakesTwoBytesAnElement() {
        Tensor h = Torch.zeros(DType.FLOAT16, 1000, 1000), b = Torch.zeros(DType.BFLOAT16, 1000, 1000);
        assertEquals(2, h.elementSize());
        assertEquals(2, b.elementSize());
        assertEquals(2, DType.HALF.itemSize());
        // the CPU storage is a short[] of bit patterns: 2,000,000 bytes, half of float32's 4,000,000
        assertEquals(1_000_000, ((short[]) Copying.backingArray(h, DType.FLOAT16)).length);
        assertEquals(1_000_000, ((short[]) Copying.backingArray(b, DType.BFLOAT16)).length);
        Tensor f = Torch.ones(1000, 1000).bfloat16();
        assertEquals(DType.BFLOAT16, f.dtype());
        assertTrue(Copying.backingArray(f, DType.BFLOAT16) instanceof short[]);
    }

    // ---------------------------------------------------------------- promotion and printing

    @Test
    void promotionMatchesPyTorch() {
        List<String> problems = new ArrayList<>();
        for (Object o : Json.asList(FIXTURE.get("promotion"))) {
            Map<String, Object> c = Json.asMap(o);
            DType a = dtype((String) c.get("a"));
            Tensor x = Torch.ones(a, 2);
            String b = (String) c.get("b"), kind = (String) c.get("kind");
            DType got = switch (kind) {
                case "tensor" -> Torch.resultType(x, Torch.ones(dtype(b), 2));
                case "zerodim" -> Torch.resultType(x, Torch.ones(dtype(b)));
                default -> b.equals("float") ? x.mul(2.5).dtype() : x.mul(2).dtype();
            };
            if (!got.shortName().equals(c.get("result"))) problems.add(a + " with " + kind + " " + b + ": " + got + ", expected " + c.get("result"));
        }
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    @Test
    void reprsMatchPyTorch() {
        List<String> problems = new ArrayList<>();
        for (Object o : Json.asList(FIXTURE.get("reprs"))) {
            Map<String, Object> c = Json.asMap(o);
            Tensor t = tensor(Json.asMap(c.get("spec")));
            if (Boolean.TRUE.equals(c.get("requires_grad"))) t.requiresGrad_(true);
            if (Boolean.TRUE.equals(c.get("mul2"))) t = t.div(2).requiresGrad_(true).mul(2);
            if (!t.toString().equals(c.get("repr"))) problems.add(c.get("dtype") + " " + c.get("name") + ":\n" + t + "\nexpected\n" + c.get("repr"));
        }
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    // ---------------------------------------------------------------- ops

    private static final Tensor IDX = Torch.tensor(0L, 2L, 1L, 0L), CLASS = Torch.tensor(0L, 2L, 1L, 3L);

    /** The fixture's ops, as jgrad spells them (same names as OPS in gen_half.py). */
    private static Function<List<Tensor>, Tensor> op(String name) {
        return switch (name) {
            case "neg" -> in -> in.get(0).neg();
            case "abs" -> in -> in.get(0).abs();
            case "reciprocal" -> in -> in.get(0).reciprocal();
            case "sign" -> in -> in.get(0).sign();
            case "frac" -> in -> in.get(0).frac();
            case "exp2" -> in -> in.get(0).exp2();
            case "exp" -> in -> in.get(0).exp();
            case "log" -> in -> in.get(0).log();
            case "sqrt" -> in -> in.get(0).sqrt();
            case "rsqrt" -> in -> in.get(0).rsqrt();
            case "sin" -> in -> in.get(0).sin();
            case "cos" -> in -> in.get(0).cos();
            case "tanh" -> in -> in.get(0).tanh();
            case "sigmoid" -> in -> in.get(0).sigmoid();
            case "relu" -> in -> in.get(0).relu();
            case "floor" -> in -> in.get(0).floor();
            case "round" -> in -> in.get(0).round();
            case "erf" -> in -> in.get(0).erf();
            case "i1" -> in -> Special.i1(in.get(0));
            case "gelu" -> in -> F.gelu(in.get(0));
            case "silu" -> in -> F.silu(in.get(0));
            case "leakyRelu" -> in -> F.leakyRelu(in.get(0), 0.1);
            case "add", "addBroadcast" -> in -> in.get(0).add(in.get(1));
            case "addAlpha" -> in -> in.get(0).add(in.get(1), 0.3);
            case "sub" -> in -> in.get(0).sub(in.get(1));
            case "mul" -> in -> in.get(0).mul(in.get(1));
            case "div" -> in -> in.get(0).div(in.get(1));
            case "mulScalar" -> in -> in.get(0).mul(0.1);
            case "addScalar" -> in -> in.get(0).add(1.7);
            case "divScalar" -> in -> in.get(0).div(3);
            case "powScalar" -> in -> in.get(0).pow(2);
            case "pow" -> in -> in.get(0).pow(in.get(1));
            case "maximum" -> in -> in.get(0).maximum(in.get(1));
            case "atan2" -> in -> in.get(0).atan2(in.get(1));
            case "where" -> in -> Torch.where(in.get(0).gt(in.get(1)), in.get(0), in.get(1));
            case "gt" -> in -> in.get(0).gt(in.get(1));
            case "sum" -> in -> in.get(0).sum();
            case "sumDim" -> in -> in.get(0).sum(1);
            case "mean" -> in -> in.get(0).mean(0);
            case "prod" -> in -> in.get(0).prod();
            case "max" -> in -> in.get(0).max(1, false).values();
            case "argmax" -> in -> in.get(0).argmax(1);
            case "norm" -> in -> in.get(0).norm();
            case "var" -> in -> in.get(0).var(1);
            case "softmax" -> in -> in.get(0).softmax(1);
            case "softmax0" -> in -> in.get(0).softmax(0);
            case "logSoftmax" -> in -> in.get(0).logSoftmax(1);
            case "logsumexp" -> in -> in.get(0).logsumexp(1, false);
            case "cumsum" -> in -> in.get(0).cumsum(1);
            case "sort" -> in -> in.get(0).sort(1).values();
            case "matmul" -> in -> in.get(0).matmul(in.get(1));
            case "bmm" -> in -> in.get(0).bmm(in.get(1));
            case "linear" -> in -> F.linear(in.get(0), in.get(1));
            case "conv2d" -> in -> F.conv2d(in.get(0), in.get(1), null, 1, 1);
            case "maxPool2d" -> in -> F.maxPool2d(in.get(0), 2);
            case "layerNorm" -> in -> F.layerNorm(in.get(0), new long[] {7});
            case "mseLoss" -> in -> F.mseLoss(in.get(0), in.get(1));
            case "crossEntropy" -> in -> F.crossEntropy(in.get(0), CLASS);
            case "indexSelect" -> in -> in.get(0).indexSelect(0, IDX);
            case "cat" -> in -> Torch.cat(List.of(in.get(0), in.get(1)), 0);
            case "transposeContiguous" -> in -> in.get(0).t().contiguous();
            case "clamp" -> in -> in.get(0).clamp(-1, 1.5);
            case "hardtanh" -> in -> F.hardtanh(in.get(0));
            case "elu" -> in -> F.elu(in.get(0));
            case "softplus" -> in -> F.softplus(in.get(0));
            case "hardswish" -> in -> F.hardswish(in.get(0));
            case "hardsigmoid" -> in -> F.hardsigmoid(in.get(0));
            case "mish" -> in -> F.mish(in.get(0));
            case "logsigmoid" -> in -> F.logsigmoid(in.get(0));
            case "threshold" -> in -> F.threshold(in.get(0), 0.5, -1.0);
            case "hardshrink" -> in -> F.hardshrink(in.get(0));
            case "lerp" -> in -> in.get(0).lerp(in.get(1), 0.3);
            case "logaddexp" -> in -> in.get(0).logaddexp(in.get(1));
            case "hypot" -> in -> in.get(0).hypot(in.get(1));
            case "logit" -> in -> in.get(0).logit();
            case "sinc" -> in -> in.get(0).sinc();
            case "dot" -> in -> in.get(0).dot(in.get(1));
            case "mv" -> in -> in.get(0).mv(in.get(1));
            case "cdist" -> in -> Torch.cdist(in.get(0), in.get(1));
            case "trace" -> in -> in.get(0).trace();
            case "topk" -> in -> in.get(0).topk(3).values();
            case "median" -> in -> in.get(0).median();
            case "kthvalue" -> in -> in.get(0).kthvalue(2).values();
            case "avgPool2d" -> in -> F.avgPool2d(in.get(0), 2);
            case "adaptiveAvgPool2d" -> in -> F.adaptiveAvgPool2d(in.get(0), 2);
            case "embedding" -> in -> F.embedding(IDX, in.get(0));
            case "dropoutEval" -> in -> F.dropout(in.get(0), 0.5, false);
            case "conv1d" -> in -> F.conv1d(in.get(0), in.get(1), null);
            case "groupNorm" -> in -> F.groupNorm(in.get(0), 2, null, null, 1e-5);
            case "nllLoss" -> in -> F.nllLoss(in.get(0), CLASS);
            case "l1Loss" -> in -> F.l1Loss(in.get(0), in.get(1));
            case "mulSum" -> in -> in.get(0).mul(in.get(1)).sum();
            case "matmulSum" -> in -> in.get(0).matmul(in.get(1).t()).sum();
            case "divMean" -> in -> in.get(0).div(in.get(1).abs().add(1)).mean();
            case "tanhSum" -> in -> in.get(0).tanh().mul(in.get(1)).sum();
            case "softmaxDot" -> in -> in.get(0).softmax(1).mul(in.get(1)).sum();
            default -> throw new IllegalArgumentException("no jgrad form for fixture op " + name);
        };
    }

    /**
     * Results jgrad does not reproduce bit for bit, with the largest absolute difference allowed: 1.13's bfloat16
     * layer_norm and group_norm round their statistics (or the scale and shift made of them) to bfloat16 in a way
     * jgrad does not copy; jgrad normalizes in float32 (float64 for group_norm) and rounds once. The bound scales with
     * the value past 1 (2^-6 is two bfloat16 units in the last place at 1).
     */
    private static final Map<String, Double> KNOWN_ABS = Map.of("layerNorm bfloat16", 0x1p-6, "groupNorm bfloat16", 0x1p-6);

    /** Gradients may differ by this many units (each currently matches bit for bit; one unit leaves room for a forward op's libm rounding). */
    private static final int GRAD_ULPS = 1;

    /** Ops match bit for bit, or within one unit where marked approx (transcendentals, sums in another order). */
    @Test
    void opsMatchPyTorch() {
        List<String> problems = new ArrayList<>();
        int exact = 0, computed = 0;
        List<String> inexact = new ArrayList<>();
        for (Object o : Json.asList(FIXTURE.get("ops"))) {
            Map<String, Object> c = Json.asMap(o);
            String what = c.get("op") + " " + c.get("dtype");
            List<Tensor> in = Json.asList(c.get("inputs")).stream().map(s -> tensor(Json.asMap(s))).toList();
            if (c.containsKey("error")) {
                try {
                    Tensor r = op((String) c.get("op")).apply(in);
                    problems.add(what + ": expected error " + c.get("error") + " but got " + r);
                } catch (RuntimeException e) {
                    if (!c.get("error").equals(e.getMessage())) problems.add(what + ": error " + e.getMessage() + ", expected " + c.get("error"));
                }
                continue;
            }
            Tensor r;
            try {
                r = op((String) c.get("op")).apply(in);
            } catch (RuntimeException e) {
                problems.add(what + ": " + e);
                continue;
            }
            computed++;
            List<String> strict = new ArrayList<>();
            compare(strict, what, Json.asMap(c.get("result")), r, 0);
            if (strict.isEmpty()) exact++;
            else inexact.add(what);
            if (strict.isEmpty()) continue;
            if (KNOWN_ABS.containsKey(what)) {
                double[] want = tensor(Json.asMap(c.get("result"))).toDoubleArray(), have = r.toDoubleArray();
                for (int i = 0; i < want.length; i++) {
                    if (!(Math.abs(want[i] - have[i]) <= KNOWN_ABS.get(what) * Math.max(1, Math.abs(want[i])))) { problems.add(what + "[" + i + "]: " + have[i] + ", expected " + want[i]); break; }
                }
            } else {
                compare(problems, what, Json.asMap(c.get("result")), r, Boolean.TRUE.equals(c.get("approx")) ? 1 : 0);
            }
        }
        System.out.println("HalfPrecisionTest: " + exact + " of " + computed + " op results bit for bit equal to PyTorch's; within "
                + "their tolerance: " + inexact);
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    // ---------------------------------------------------------------- autograd and modules

    @Test
    void gradientsMatchPyTorch() {
        List<String> problems = new ArrayList<>();
        int exact = 0, checked = 0;
        List<String> inexact = new ArrayList<>();
        for (Object o : Json.asList(FIXTURE.get("grads"))) {
            Map<String, Object> c = Json.asMap(o);
            String what = c.get("op") + " " + c.get("dtype");
            List<Tensor> in = Json.asList(c.get("inputs")).stream().map(s -> tensor(Json.asMap(s)).requiresGrad_(true)).toList();
            if (c.containsKey("error")) {
                try {
                    Tensor y = op((String) c.get("op")).apply(in);
                    y.backward();
                    problems.add(what + ": expected error " + c.get("error"));
                } catch (RuntimeException e) {
                    if (!c.get("error").equals(e.getMessage())) problems.add(what + ": error " + e.getMessage() + ", expected " + c.get("error"));
                }
                continue;
            }
            Tensor y = op((String) c.get("op")).apply(in);
            if (!y.gradFn().name().equals(c.get("grad_fn"))) problems.add(what + ": grad_fn " + y.gradFn().name());
            y.backward();
            compare(problems, what + " result", Json.asMap(c.get("result")), y.detach(), 1);
            List<Object> grads = Json.asList(c.get("grads"));
            for (int i = 0; i < grads.size(); i++) {
                assertEquals(in.get(i).dtype(), in.get(i).grad().dtype(), what + ": a gradient in the input's dtype");
                List<String> strict = new ArrayList<>();
                compare(strict, what, Json.asMap(grads.get(i)), in.get(i).grad(), 0);
                if (strict.isEmpty()) exact++;
                else inexact.add(what + " grad " + i);
                checked++;
                compare(problems, what + " grad " + i, Json.asMap(grads.get(i)), in.get(i).grad(), GRAD_ULPS);
            }
        }
        System.out.println("HalfPrecisionTest: " + exact + " of " + checked + " gradients bit for bit equal to PyTorch's; within "
                + GRAD_ULPS + " ulps: " + inexact);
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    @Test
    void bfloat16LinearMatchesPyTorch() {
        Map<String, Object> c = Json.asMap(FIXTURE.get("linear"));
        Torch.manualSeed(0);
        Linear m = new Linear(4, 3);
        m.to(DType.BFLOAT16);
        Tensor x = Torch.rand(2, 4).bfloat16();
        List<String> problems = new ArrayList<>();
        compare(problems, "input", Json.asMap(c.get("input")), x, 0);
        compare(problems, "weight", Json.asMap(c.get("weight")), m.weight.detach(), 0);
        compare(problems, "bias", Json.asMap(c.get("bias")), m.bias.detach(), 0);
        Tensor y = m.forward(x);
        y.sum().backward();
        compare(problems, "output", Json.asMap(c.get("output")), y.detach(), 0);
        compare(problems, "weight grad", Json.asMap(c.get("weight_grad")), m.weight.grad(), 0);
        compare(problems, "bias grad", Json.asMap(c.get("bias_grad")), m.bias.grad(), 0);
        assertEquals(c.get("output_repr"), y.toString());
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    @Test
    void modulesConvertParametersAndBuffers() {
        var bn = new dev.jgrad.nn.BatchNorm1d(3);
        bn.bfloat16();
        assertEquals(DType.BFLOAT16, bn.weight.dtype());
        assertEquals(DType.BFLOAT16, bn.namedBuffers().get("running_mean").dtype());
        assertEquals(DType.INT64, bn.namedBuffers().get("num_batches_tracked").dtype());  // integral buffers stay, as in PyTorch
        Tensor y = bn.forward(Torch.randn(4, 3).bfloat16());
        assertEquals(DType.BFLOAT16, y.dtype());
        Linear lin = new Linear(300, 200);
        long before = bits(lin.weight.detach().half()).length;
        lin.half();
        assertEquals(DType.FLOAT16, lin.weight.dtype());
        assertTrue(lin.weight.requiresGrad() && lin.weight.isLeaf());
        // 60,000 weights in a short[]: 120,000 bytes instead of float32's 240,000
        assertEquals(60_000, ((short[]) Copying.backingArray(lin.weight.detach(), DType.FLOAT16)).length);
        assertEquals(60_000, before);
        assertEquals(2, lin.weight.elementSize());
        var e = assertThrows(IllegalArgumentException.class, () -> lin.forward(Torch.randn(2, 300).half()));
        assertEquals("\"addmm_impl_cpu_\" not implemented for 'Half'", e.getMessage());
    }

    @Test
    void optimizerStepsBfloat16Parameters() {
        Torch.manualSeed(0);
        Linear lin = new Linear(4, 2);
        lin.bfloat16();
        var opt = new dev.jgrad.optim.Adam(lin.parameters(), 0.01);
        Tensor before = lin.weight.detach().clone();
        lin.forward(Torch.ones(3, 4).bfloat16()).sum().backward();
        assertEquals(DType.BFLOAT16, lin.weight.grad().dtype());
        opt.step();
        assertEquals(DType.BFLOAT16, lin.weight.dtype());
        assertTrue(!lin.weight.detach().equal(before));
    }

    /** Three SGD steps (momentum 0.9) of a bfloat16 MLP: losses and final parameters against PyTorch's. */
    @Test
    void bfloat16TrainingMatchesPyTorch() {
        Map<String, Object> c = Json.asMap(FIXTURE.get("training"));
        Torch.manualSeed(0);
        var m = new dev.jgrad.nn.Sequential(new Linear(4, 8), new dev.jgrad.nn.ReLU(), new Linear(8, 2));
        m.bfloat16();
        Tensor x = Torch.rand(5, 4).bfloat16(), t = Torch.rand(5, 2).bfloat16();
        var opt = new dev.jgrad.optim.SGD(m.parameters(), 0.1, 0.9);
        List<String> problems = new ArrayList<>();
        List<Object> losses = Json.asList(c.get("losses"));
        for (int step = 0; step < 3; step++) {
            opt.zeroGrad();
            Tensor loss = m.forward(x).sub(t).pow(2).mean();
            loss.backward();
            opt.step();
            compare(problems, "loss " + step, Json.asMap(losses.get(step)), loss.detach(), 0);
        }
        Map<String, Object> params = Json.asMap(c.get("params"));
        // the losses are PyTorch's bit for bit; a parameter may end one unit in the last place away (a gradient's
        // product ran through the other of 1.13's two bfloat16 GEMM loops), as an element of 0.weight does
        List<String> inexact = new ArrayList<>();
        for (var e : m.namedParameters().entrySet()) {
            Map<String, Object> want = Json.asMap(params.get(e.getKey()));
            compare(inexact, e.getKey(), want, e.getValue().detach(), 0);
            compare(problems, e.getKey(), want, e.getValue().detach(), 1);
        }
        System.out.println("HalfPrecisionTest: bfloat16 training, parameters not bit for bit equal to PyTorch's: " + inexact);
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    @Test
    void randomDrawsMatchPyTorch() {
        List<String> problems = new ArrayList<>();
        for (Object o : Json.asList(FIXTURE.get("random"))) {
            Map<String, Object> c = Json.asMap(o);
            DType t = dtype((String) c.get("dtype"));
            Torch.manualSeed(3);
            compare(problems, t + " rand", Json.asMap(c.get("rand")), Torch.rand(t, 20), 0);
            Torch.manualSeed(3);
            compare(problems, t + " randn", Json.asMap(c.get("randn")), Torch.randn(t, 20), 0);
            Torch.manualSeed(3);
            compare(problems, t + " randn4", Json.asMap(c.get("randn4")), Torch.randn(t, 4), 0);
            Tensor x = tensor(Json.asMap(c.get("dropout_input")));
            Map<String, Object> d = Json.asMap(c.get("dropout"));
            Torch.manualSeed(3);
            if (d.containsKey("error")) {
                var e = assertThrows(IllegalArgumentException.class, () -> F.dropout(x, 0.3));
                if (!d.get("error").equals(e.getMessage())) problems.add(t + " dropout: " + e.getMessage() + ", expected " + d.get("error"));
            } else {
                compare(problems, t + " dropout", d, F.dropout(x, 0.3), 0);
            }
        }
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    @Test
    void creationMatchesPyTorch() {
        List<String> problems = new ArrayList<>();
        for (Object o : Json.asList(FIXTURE.get("creation"))) {
            Map<String, Object> c = Json.asMap(o);
            DType t = dtype((String) c.get("dtype"));
            String what = c.get("op") + " " + t;
            java.util.function.Supplier<Tensor> make = switch ((String) c.get("op")) {
                case "eye" -> () -> Torch.eye(3, Torch.options().dtype(t));
                case "arange" -> () -> Torch.arange(0, 3, 0.3, t);
                case "linspace" -> () -> Torch.linspace(-1, 2.2, 7, t);
                case "full" -> () -> Torch.full(new long[] {2, 2}, 0.1, t);
                case "tensorOfDoubles" -> () -> Torch.tensor(new double[] {0.1, 1e-6, 70000.0, -3.3e38}, t);
                default -> throw new IllegalArgumentException(what);
            };
            if (c.containsKey("error")) {
                try {
                    problems.add(what + ": expected error " + c.get("error") + " but got " + make.get());
                } catch (RuntimeException e) {
                    if (!c.get("error").equals(e.getMessage())) problems.add(what + ": error " + e.getMessage() + ", expected " + c.get("error"));
                }
            } else {
                compare(problems, what, Json.asMap(c.get("result")), make.get(), 0);
            }
        }
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    @Test
    void metaDeviceTakesTheHalfTypes() {
        // reprs printed by PyTorch 1.13 for torch.zeros(2, 3, dtype=torch.half, device="meta") and a bfloat16 Linear on meta
        assertEquals("tensor(..., device='meta', size=(2, 3), dtype=torch.float16)", Torch.zeros(DType.FLOAT16, Device.META, 2, 3).toString());
        Linear m = new Linear(4, 3, true, Device.META);
        m.bfloat16();
        assertEquals("tensor(..., device='meta', size=(2, 3), dtype=torch.bfloat16,\n       grad_fn=<AddmmBackward0>)",
                m.forward(Torch.zeros(DType.BFLOAT16, Device.META, 2, 4)).toString());
        assertEquals(DType.FLOAT16, Torch.zeros(DType.FLOAT16, 2).to(Device.META).dtype());
    }

    @Test
    void typeNamesAndItems() {
        assertEquals("torch.HalfTensor", Torch.zeros(DType.FLOAT16, 2).type());
        assertEquals("torch.BFloat16Tensor", Torch.zeros(DType.BFLOAT16, 2).type());
        assertEquals(2.5, Torch.tensor(new double[] {2.5}, DType.BFLOAT16).item());
        assertEquals(List.of(1.0, 2.0), Torch.tensor(new double[] {1, 2}, DType.HALF).toList());
        assertEquals("torch.float16", DType.HALF.toString());
    }

    @Test
    void finfoOfTheHalfTypes() {
        assertEquals(65504.0, Torch.finfo(DType.FLOAT16).max());
        assertEquals(0x1p-10, Torch.finfo(DType.FLOAT16).eps());
        assertEquals(0x1p-7, Torch.finfo(DType.BFLOAT16).eps());
        assertEquals(3.3895313892515355e38, Torch.finfo(DType.BFLOAT16).max());
        assertThrows(IllegalArgumentException.class, () -> Torch.iinfo(DType.HALF));
    }
}
