package dev.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.io.PtFiles;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.lr.ChainedScheduler;
import dev.jgrad.optim.lr.ConstantLR;
import dev.jgrad.optim.lr.CosineAnnealingLR;
import dev.jgrad.optim.lr.CosineAnnealingWarmRestarts;
import dev.jgrad.optim.lr.CyclicLR;
import dev.jgrad.optim.lr.ExponentialLR;
import dev.jgrad.optim.lr.LRScheduler;
import dev.jgrad.optim.lr.LambdaLR;
import dev.jgrad.optim.lr.LinearLR;
import dev.jgrad.optim.lr.MultiStepLR;
import dev.jgrad.optim.lr.MultiplicativeLR;
import dev.jgrad.optim.lr.OneCycleLR;
import dev.jgrad.optim.lr.PolynomialLR;
import dev.jgrad.optim.lr.ReduceLROnPlateau;
import dev.jgrad.optim.lr.SequentialLR;
import dev.jgrad.optim.lr.StepLR;
import dev.jgrad.utils.data.DataLoader;
import dev.jgrad.utils.data.TensorDataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full training state against PyTorch 1.13 (fixtures/training_state, written by tools/fixtures/gen_training_state.py):
 * optimizer and scheduler state dicts with PyTorch's layout, keys, Python types and values; PyTorch-written ones
 * load and resume to PyTorch's next steps; a training run stopped after epoch 3 (model, optimizer, scheduler and
 * RNG state saved with Torch.save, everything rebuilt and loaded) ends bit for bit where the uninterrupted run
 * does; PyTorch's checkpoint of the same run resumes in jgrad to PyTorch's weights. The jgrad_*.pt files committed
 * beside the fixtures are what this test writes (rewrite them with -Dtraining.regenerate=true); the generator
 * script checks that PyTorch loads them, that their layout and types are its own, and that they resume there.
 */
class TrainingStateTest {
    private static final String DIR = "fixtures/training_state/";
    private static final List<String> TRAININGS = List.of("sgd_steplr", "adam_cosine", "dropout_shuffle");
    private static final int EPOCHS = 6, STOP = 3;
    private static final double[] METRICS = {1.0, 0.9, 0.95, 0.97, 0.99, 0.5, 0.6};

    @TempDir Path dir;

    /** Largest difference from PyTorch's resumed weights, per training case, for the summary line. */
    private static final Map<String, Double> RESUME_DIFF = new java.util.TreeMap<>();
    /** Cases whose resumed optimizer steps equal PyTorch's bit for bit, and the others. */
    private static final List<String> BIT_EXACT = new ArrayList<>(), WITHIN_ROUNDING = new ArrayList<>();

    @AfterAll
    static void summary() {
        System.out.println("[training state] optimizers resumed from PyTorch's state dicts equal to PyTorch bit for bit: " + BIT_EXACT
                + "; within rounding: " + WITHIN_ROUNDING + "; PyTorch checkpoints resumed in jgrad, largest weight difference: " + RESUME_DIFF);
    }

    private Path resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + DIR + name);
            Path f = dir.resolve("res-" + name);
            Files.write(f, in.readAllBytes());
            return f;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> load(String name) throws IOException { return (Map<String, Object>) Torch.load(resource(name)); }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) { return (T) o; }

    // ---------------------------------------------------------------- the optimizer cases (OPTIMIZERS in the script)

    static Optimizer optimizer(String name, List<Tensor> ps) {
        return switch (name) {
            case "SGD" -> new SGD(ps, 0.1, 0.9, 0.0, 0.01, true);
            case "SGD_plain" -> new SGD(ps, 0.1, 0.0, 0.0, 0.0, false);
            case "Adam" -> new Adam(ps, 0.01, 0.9, 0.999, 1e-8, 0.0, true);
            case "AdamW" -> new AdamW(ps, 0.01, 0.9, 0.999, 1e-8, 0.01, false);
            case "Adamax" -> new Adamax(ps, 0.02, 0.9, 0.999, 1e-8, 0.001);
            case "NAdam" -> new NAdam(ps, 0.02, 0.9, 0.999, 1e-8, 0.0, 0.004);
            case "RAdam" -> new RAdam(ps, 0.01, 0.9, 0.999, 1e-8, 0.0);
            case "Adagrad" -> new Adagrad(ps, 0.1, 0.01, 0.0, 0.1, 1e-10);
            case "Adadelta" -> new Adadelta(ps, 1.0, 0.9, 1e-6, 0.0);
            case "RMSprop" -> new RMSprop(ps, 0.01, 0.99, 1e-8, 0.0, 0.5, true);
            case "Rprop" -> new Rprop(ps, 0.01, 0.5, 1.2, 1e-6, 50.0);
            case "ASGD" -> new ASGD(ps, 0.01, 1e-4, 0.75, 1e6, 0.0);
            case "LBFGS" -> new LBFGS(ps, 1.0, 2, null, 1e-7, 1e-9, 3, null);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Relative tolerance for state values: float32 rounding, except LBFGS, whose rho = 1 / (y . s) divides by a small
     * curvature near the quartic's flat minimum and so magnifies the last bit of a dot product (about 2e-6 relative).
     */
    private static double tolerance(String optimizer) { return optimizer.equals("LBFGS") ? 1e-4 : 1e-6; }

    private static Tensor quartic(Tensor p, Tensor q) { return p.mul(p).sum().add(q.mul(q).mul(q).mul(q).sum()); }

    private static void optStep(Optimizer opt, Tensor p, Tensor q) {
        Supplier<Tensor> closure = () -> {
            opt.zeroGrad();
            Tensor loss = quartic(p, q);
            loss.backward();
            return loss;
        };
        if (opt instanceof LBFGS) {
            opt.step(closure);
        } else {
            closure.get();
            opt.step();
        }
    }

    private static List<Tensor> leaves(List<?> values) {
        List<Tensor> r = new ArrayList<>();
        for (Object v : values) r.add(((Tensor) v).detach().clone().requiresGrad_(true));
        return r;
    }

    /** jgrad's optimizer after the same 3 steps PyTorch took from the same start. */
    private static Optimizer threeSteps(String name, Map<String, Object> pytorchCase, List<Tensor> ps) {
        ps.addAll(leaves((List<?>) pytorchCase.get("initial")));
        Optimizer opt = optimizer(name, ps);
        for (int i = 0; i < 3; i++) optStep(opt, ps.get(0), ps.get(1));
        return opt;
    }

    @TestFactory
    Stream<DynamicTest> optimizerStateDictsHavePytorchsLayoutTypesAndValues() throws IOException {
        Map<String, Object> cases = load("optimizers.pt");
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Map<String, Object> pt = cast(e.getValue());
            Optimizer opt = threeSteps(e.getKey(), pt, new ArrayList<>());
            sameLayout(opt.stateDict(), pt.get("optimizer"), e.getKey(), tolerance(e.getKey()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> pytorchOptimizerStateDictsLoadAndResumeToPytorchsSteps() throws IOException {
        Map<String, Object> cases = load("optimizers.pt");
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Map<String, Object> pt = cast(e.getValue());
            List<Tensor> ps = leaves((List<?>) pt.get("params"));
            Optimizer opt = optimizer(e.getKey(), ps);
            opt.loadStateDict(cast(pt.get("optimizer")));
            boolean exact = true;
            for (Object expected : (List<?>) pt.get("expected")) {
                optStep(opt, ps.get(0), ps.get(1));
                for (int i = 0; i < 2; i++) {
                    Tensor want = (Tensor) ((List<?>) expected).get(i), got = ps.get(i).detach();
                    exact &= got.equal(want);
                    assertTrue(got.allclose(want, tolerance(e.getKey()), 1e-6), e.getKey() + ": " + got + " vs PyTorch's " + want + ", largest difference " + got.sub(want).abs().max().item());
                }
            }
            synchronized (BIT_EXACT) {
                (exact ? BIT_EXACT : WITHIN_ROUNDING).add(e.getKey());
            }
        }));
    }

    @Test
    void loadValidatesAsPytorchDoesAndCastsStateToTheParamDtype() {
        Tensor a = Torch.ones(2).requiresGrad_(true), b = Torch.ones(3).requiresGrad_(true);
        Adam adam = new Adam(List.of(a, b), 0.1);
        a.sum().add(b.sum()).backward();
        adam.step();
        Map<String, Object> sd = adam.stateDict();

        Adam fewer = new Adam(List.of(Torch.ones(2).requiresGrad_(true)), 0.1);
        var e = assertThrows(IllegalArgumentException.class, () -> fewer.loadStateDict(sd));
        assertEquals("loaded state dict contains a parameter group that doesn't match the size of optimizer's group", e.getMessage());
        Adam twoGroups = new Adam(List.of(Torch.ones(2).requiresGrad_(true)), 0.1);
        twoGroups.addParamGroup(List.of(Torch.ones(3).requiresGrad_(true)), Map.of());
        e = assertThrows(IllegalArgumentException.class, () -> twoGroups.loadStateDict(sd));
        assertEquals("loaded state dict has a different number of parameter groups", e.getMessage());

        // float64 parameters: moments become float64, step stays a float32 0-dim tensor (PyTorch never casts "step")
        Tensor a64 = Torch.ones(DType.FLOAT64, 2).requiresGrad_(true), b64 = Torch.ones(DType.FLOAT64, 3).requiresGrad_(true);
        Adam adam64 = new Adam(List.of(a64, b64), 0.1);
        adam64.loadStateDict(sd);
        Map<?, ?> state0 = (Map<?, ?>) ((Map<?, ?>) adam64.stateDict().get("state")).get(0);
        assertEquals(DType.FLOAT64, ((Tensor) state0.get("exp_avg")).dtype());
        assertEquals(DType.FLOAT32, ((Tensor) state0.get("step")).dtype());
        assertEquals(0, ((Tensor) state0.get("step")).dim());
        // the loaded state is a copy: stepping the new optimizer leaves the dict alone
        Tensor savedAvg = ((Tensor) ((Map<?, ?>) ((Map<?, ?>) sd.get("state")).get(0)).get("exp_avg")).clone();
        a64.sum().add(b64.sum()).backward();
        adam64.step();
        assertTrue(savedAvg.equal((Tensor) ((Map<?, ?>) ((Map<?, ?>) sd.get("state")).get(0)).get("exp_avg")));
    }

    // ---------------------------------------------------------------- the scheduler cases (SCHEDULERS in the script)

    static Object scheduler(String name, Optimizer o) {
        return switch (name) {
            case "StepLR" -> new StepLR(o, 2, 0.5);
            case "MultiStepLR" -> new MultiStepLR(o, List.of(2, 4, 4), 0.5, -1);
            case "ExponentialLR" -> new ExponentialLR(o, 0.9);
            case "LambdaLR" -> new LambdaLR(o, e -> Math.pow(0.9, e));
            case "MultiplicativeLR" -> new MultiplicativeLR(o, e -> 0.95);
            case "LinearLR" -> new LinearLR(o, 0.25, 1.0, 4, -1);
            case "ConstantLR" -> new ConstantLR(o, 0.5, 4);
            case "PolynomialLR" -> new PolynomialLR(o, 5, 2.0);
            case "CosineAnnealingLR" -> new CosineAnnealingLR(o, 5, 0.001);
            case "CosineAnnealingWarmRestarts" -> new CosineAnnealingWarmRestarts(o, 2, 2, 0.001, -1);
            case "CyclicLR" -> new CyclicLR(o, 0.01, 0.1, 2, null, "triangular2", 1.0, true);
            case "OneCycleLR" -> new OneCycleLR(o, 0.1, 10);
            case "SequentialLR" -> new SequentialLR(o, List.of(new ConstantLR(o, 0.5, 2), new ExponentialLR(o, 0.9)), List.of(2));
            case "ChainedScheduler" -> new ChainedScheduler(List.of(new ConstantLR(o, 0.5, 2), new ExponentialLR(o, 0.9)));
            case "ReduceLROnPlateau" -> new ReduceLROnPlateau(o, "min", 0.5, 1, 1e-4, "rel", 1, 0.0, 1e-8);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Optimizer sgdForSchedules() { return new SGD(List.of(Torch.zeros(2).requiresGrad_(true)), 0.1, 0.9); }

    private static void scheduleStep(Optimizer o, Object s, int epoch) {
        o.step();
        if (s instanceof ReduceLROnPlateau plateau) plateau.step(METRICS[epoch]);
        else ((LRScheduler) s).step();
    }

    private static Map<String, Object> stateDictOf(Object s) {
        return s instanceof ReduceLROnPlateau p ? p.stateDict() : ((LRScheduler) s).stateDict();
    }

    private static void loadInto(Object s, Map<String, ?> sd) {
        if (s instanceof ReduceLROnPlateau p) p.loadStateDict(sd);
        else ((LRScheduler) s).loadStateDict(sd);
    }

    @TestFactory
    Stream<DynamicTest> schedulerStateDictsHavePytorchsKeysTypesAndValues() throws IOException {
        Map<String, Object> cases = load("schedulers.pt");
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Optimizer o = sgdForSchedules();
            Object s = scheduler(e.getKey(), o);
            for (int epoch = 0; epoch < 3; epoch++) scheduleStep(o, s, epoch);
            sameLayout(stateDictOf(s), ((Map<?, ?>) e.getValue()).get("scheduler"), e.getKey(), 1e-12);
        }));
    }

    @TestFactory
    Stream<DynamicTest> pytorchSchedulerStateDictsResumeToPytorchsLrs() throws IOException {
        Map<String, Object> cases = load("schedulers.pt");
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Map<String, Object> pt = cast(e.getValue());
            Optimizer o = sgdForSchedules();
            Object s = scheduler(e.getKey(), o);
            o.loadStateDict(cast(pt.get("optimizer")));
            loadInto(s, cast(pt.get("scheduler")));
            List<?> lrs = (List<?>) pt.get("expected_lrs"), momentum = (List<?>) pt.get("expected_momentum");
            for (int i = 0; i < lrs.size(); i++) {
                scheduleStep(o, s, 3 + i);
                assertEquals((Double) lrs.get(i), o.paramGroups().get(0).lr(), 1e-15, e.getKey() + " lr at epoch " + (4 + i));
                assertEquals(((Number) momentum.get(i)).doubleValue(), o.paramGroups().get(0).getDouble("momentum"), 1e-15,
                        e.getKey() + " momentum at epoch " + (4 + i));
            }
        }));
    }

    // ---------------------------------------------------------------- the files jgrad writes, which the script checks

    /** {name: {"params": [p, q], "optimizer": state dict}} after jgrad's own 3 steps of every optimizer case. */
    private Map<String, Object> jgradOptimizers() throws IOException {
        Map<String, Object> files = new LinkedHashMap<>();
        for (var e : load("optimizers.pt").entrySet()) {
            List<Tensor> ps = new ArrayList<>();
            Optimizer opt = threeSteps(e.getKey(), cast(e.getValue()), ps);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("params", new ArrayList<>(List.of(ps.get(0).detach(), ps.get(1).detach())));
            entry.put("optimizer", opt.stateDict());
            files.put(e.getKey(), entry);
        }
        return files;
    }

    /** {name: {"scheduler": state dict, "optimizer": state dict}} after jgrad's own 3 epochs of every scheduler case. */
    private Map<String, Object> jgradSchedulers() throws IOException {
        Map<String, Object> files = new LinkedHashMap<>();
        for (String name : load("schedulers.pt").keySet()) {
            Optimizer o = sgdForSchedules();
            Object s = scheduler(name, o);
            for (int epoch = 0; epoch < 3; epoch++) scheduleStep(o, s, epoch);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("scheduler", stateDictOf(s));
            entry.put("optimizer", o.stateDict());
            files.put(name, entry);
        }
        return files;
    }

    /**
     * Each file jgrad writes now matches the committed one in layout and values (float32 rounding allowed, so the
     * test holds with and without the vector fast paths); -Dtraining.regenerate=true rewrites the committed files.
     */
    private void checkCommitted(String name, Map<String, Object> value) throws IOException {
        Path f = dir.resolve(name);
        Torch.save(value, f);
        if (Boolean.getBoolean("training.regenerate")) {
            Files.copy(f, Path.of("src/test/resources", DIR, name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        sameLayout(Torch.load(f), Torch.load(resource(name)), name, 1e-5);
    }

    @Test
    void optimizerAndSchedulerFilesMatchTheOnesPytorchWasCheckedToRead() throws IOException {
        checkCommitted("jgrad_optimizers.pt", jgradOptimizers());
        checkCommitted("jgrad_schedulers.pt", jgradSchedulers());
    }

    @Test
    void savedOptimizerAndSchedulerStateRoundTripsThroughPtFiles() throws IOException {
        Map<String, Object> opts = jgradOptimizers(), scheds = jgradSchedulers();
        Path f = dir.resolve("all.pt");
        Torch.save(List.of(opts, scheds), f);
        List<?> back = (List<?>) Torch.load(f);
        sameLayout(back.get(0), opts, "optimizers", 0);
        sameLayout(back.get(1), scheds, "schedulers", 0);
        Map<?, ?> multiStep = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) back.get(1)).get("MultiStepLR")).get("scheduler");
        assertEquals(PtFiles.Counter.class, multiStep.get("milestones").getClass());
    }

    // ---------------------------------------------------------------- whole training runs (TRAININGS in the script)

    /** A training case built as the script's build(): data, model, optimizer, scheduler and batches, in draw order. */
    private record Run(Sequential model, Optimizer opt, LRScheduler sched, Supplier<Iterable<List<Tensor>>> batches) {}

    private static Run build(String c) {
        Torch.manualSeed(0);
        Tensor x = Torch.randn(16, 4), y = Torch.randint(0, 3, 16);
        Sequential model = c.equals("dropout_shuffle")
                ? new Sequential(new Linear(4, 8), new ReLU(), new Dropout(0.25), new Linear(8, 3))
                : new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
        Optimizer opt;
        LRScheduler sched;
        if (c.equals("adam_cosine")) {
            opt = new Adam(model.parameters(), 0.01);
            sched = new CosineAnnealingLR(opt, EPOCHS);
        } else {
            opt = new SGD(model.parameters(), 0.1, 0.9);
            sched = new StepLR(opt, 2, 0.5);
        }
        Supplier<Iterable<List<Tensor>>> batches;
        if (c.equals("dropout_shuffle")) {
            DataLoader loader = new DataLoader(new TensorDataset(x, y), 4, true);
            batches = () -> loader;
        } else {
            batches = () -> {
                List<List<Tensor>> list = new ArrayList<>();
                for (int i = 0; i < 16; i += 4) list.add(List.of(x.slice(0, i, i + 4, 1), y.slice(0, i, i + 4, 1)));
                return list;
            };
        }
        return new Run(model, opt, sched, batches);
    }

    private static void epoch(Run r) {
        r.model.train();
        for (List<Tensor> batch : r.batches.get()) {
            r.opt.zeroGrad();
            Tensor loss = F.crossEntropy(r.model.forward(batch.get(0)), batch.get(1));
            loss.backward();
            r.opt.step();
        }
        r.sched.step();
    }

    private static Map<String, Object> checkpoint(Run r, int epoch) {
        Map<String, Object> ck = new LinkedHashMap<>();
        ck.put("model", r.model.stateDict());
        ck.put("optimizer", r.opt.stateDict());
        ck.put("scheduler", r.sched.stateDict());
        ck.put("epoch", epoch);
        ck.put("rng_state", Torch.getRngState());
        return ck;
    }

    /** Rebuilds the case from scratch, scrambles the generator, loads a checkpoint and trains to the last epoch. */
    private static Run resume(String c, Map<String, Object> ck, List<Map<String, Tensor>> afterEach) {
        Run r = build(c);
        Torch.manualSeed(12345);  // whatever the generator holds now, the checkpoint's state replaces it
        r.model.loadStateDict(cast(ck.get("model")));
        r.opt.loadStateDict(cast(ck.get("optimizer")));
        r.sched.loadStateDict(cast(ck.get("scheduler")));
        Torch.setRngState((Tensor) ck.get("rng_state"));
        for (int e = ((Number) ck.get("epoch")).intValue(); e < EPOCHS; e++) {
            epoch(r);
            if (afterEach != null) {  // stateDict() holds the live parameters: keep copies
                Map<String, Tensor> copy = new LinkedHashMap<>();
                r.model.stateDict().forEach((k, v) -> copy.put(k, v.detach().clone()));
                afterEach.add(copy);
            }
        }
        return r;
    }

    @TestFactory
    Stream<DynamicTest> aRunStoppedAfterEpoch3AndResumedFromItsCheckpointEqualsTheUninterruptedRun() {
        return TRAININGS.stream().map(c -> DynamicTest.dynamicTest(c, () -> {
            Run straight = build(c);
            for (int e = 0; e < EPOCHS; e++) epoch(straight);

            Run first = build(c);
            for (int e = 0; e < STOP; e++) epoch(first);
            Path f = dir.resolve(c + ".pt");
            Torch.save(checkpoint(first, STOP), f);
            Run resumed = resume(c, cast(Torch.load(f)), null);

            for (var w : straight.model.stateDict().entrySet()) {
                assertTrue(w.getValue().equal(resumed.model.stateDict().get(w.getKey())), c + ": " + w.getKey() + " differs after resuming");
            }
            assertTrue(Torch.getRngState().equal(straightRngAfter(c)), c + ": the generator is not where the uninterrupted run left it");
        }));
    }

    /** The generator's state at the end of an uninterrupted run of the case. */
    private static Tensor straightRngAfter(String c) {
        Run r = build(c);
        for (int e = 0; e < EPOCHS; e++) epoch(r);
        return Torch.getRngState();
    }

    @TestFactory
    Stream<DynamicTest> pytorchsCheckpointResumesInJgradToPytorchsWeights() {
        return TRAININGS.stream().map(c -> DynamicTest.dynamicTest(c, () -> {
            Map<String, Object> ck = load(c + ".pt");
            assertEquals(DType.INT32, ((Tensor) ck.get("rng_state")).dtype(), "PyTorch's uint8 rng state loads widened to int32");
            // jgrad's own first three epochs draw the same random numbers: the generator states agree exactly
            Run first = build(c);
            for (int e = 0; e < STOP; e++) epoch(first);
            assertTrue(Torch.getRngState().equal((Tensor) ck.get("rng_state")), c + ": rng state after epoch 3 differs from PyTorch's");

            List<Map<String, Tensor>> mine = new ArrayList<>();
            resume(c, ck, mine);
            List<?> expected = (List<?>) Torch.load(resource(c + "_expected.pt"));
            double worst = 0;
            for (int i = 0; i < expected.size(); i++) {
                for (var w : ((Map<?, ?>) expected.get(i)).entrySet()) {
                    Tensor want = (Tensor) w.getValue(), got = mine.get(i).get((String) w.getKey());
                    worst = Math.max(worst, got.sub(want).abs().max().item());
                }
            }
            synchronized (RESUME_DIFF) {
                RESUME_DIFF.put(c, worst);
            }
            assertTrue(worst < 1e-5, c + ": resumed weights differ from PyTorch's by " + worst);
        }));
    }

    @Test
    void trainingCheckpointsMatchTheOnesPytorchWasCheckedToRead() throws IOException {
        for (String c : TRAININGS) {
            Run r = build(c);
            for (int e = 0; e < STOP; e++) epoch(r);
            checkCommitted("jgrad_" + c + ".pt", checkpoint(r, STOP));
        }
    }

    // ---------------------------------------------------------------- RNG state

    @Test
    void rngStateIsPytorchsBytesAndRestoresTheStream() {
        Torch.manualSeed(7);
        Tensor state = Torch.getRngState();
        assertEquals(DType.INT32, state.dtype());
        assertArrayEquals(new long[] {5056}, state.shape());
        assertEquals(7, state.slice(0, 0, 8, 1).toLongArray()[0]);  // the seed, little endian, as PyTorch lays it out
        Tensor a = Torch.rand(5), d = F.dropout(Torch.ones(8), 0.5, true);
        Torch.setRngState(state);
        assertTrue(a.equal(Torch.rand(5)));
        assertTrue(d.equal(F.dropout(Torch.ones(8), 0.5, true)));
        var e = assertThrows(IllegalArgumentException.class, () -> Torch.setRngState(Torch.zeros(5056)));
        assertEquals("RNG state must be a torch.ByteTensor", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Torch.setRngState(Torch.zeros(DType.INT32, 10)));
        assertTrue(e.getMessage().contains("found the input RNG state size to be 10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Torch.setRngState(state.mul(300L)));
        assertEquals("RNG state must be a torch.ByteTensor", e.getMessage());
        // PyTorch also takes its older 5048-byte layout (no float normal cache): the same stream follows
        Torch.manualSeed(9);
        Torch.setRngState(state.slice(0, 0, 5048, 1).toLong());
        assertTrue(a.equal(Torch.rand(5)));
    }

    // ---------------------------------------------------------------- comparing with PyTorch's objects

    /** Python's name for the type a value has once saved ({@code type(v).__name__}). */
    private static String pyType(Object v) {
        return switch (v) {
            case null -> "NoneType";
            case Integer i -> "int";
            case Long l -> "int";
            case Double d -> "float";
            case Boolean b -> "bool";
            case String s -> "str";
            case Object[] a -> "tuple";
            case List<?> l -> "list";
            case PtFiles.Counter c -> "Counter";
            case Map<?, ?> m -> "dict";
            case Tensor t -> "Tensor";
            default -> v.getClass().getName();
        };
    }

    /**
     * The same nesting, keys in the same order with the same types, the same Python types, tensors of the same
     * dtype and shape, and the same values (floats within rtol, ints exactly).
     */
    static void sameLayout(Object ours, Object theirs, String where, double rtol) {
        assertEquals(pyType(theirs), pyType(ours), where + ": type");
        switch (theirs) {
            case Tensor t -> {
                Tensor o = (Tensor) ours;
                assertEquals(t.dtype(), o.dtype(), where + ": dtype");
                assertArrayEquals(t.shape(), o.shape(), where + ": shape");
                if (rtol == 0 || !t.isFloatingPoint()) assertTrue(o.equal(t), where + ": " + o + " vs " + t);
                else assertTrue(o.allclose(t, rtol, rtol), where + ": " + o + " vs " + t);
            }
            case Map<?, ?> m -> {
                List<Object> keys = new ArrayList<>(m.keySet()), ourKeys = new ArrayList<>(((Map<?, ?>) ours).keySet());
                assertEquals(keys.stream().map(TrainingStateTest::pyType).toList(), ourKeys.stream().map(TrainingStateTest::pyType).toList(),
                        where + ": key types");
                assertEquals(keys.stream().map(String::valueOf).toList(), ourKeys.stream().map(String::valueOf).toList(), where + ": keys");
                for (int i = 0; i < keys.size(); i++) {
                    sameLayout(((Map<?, ?>) ours).get(ourKeys.get(i)), m.get(keys.get(i)), where + "." + keys.get(i), rtol);
                }
            }
            case List<?> l -> {
                List<?> o = (List<?>) ours;
                assertEquals(l.size(), o.size(), where + ": length");
                for (int i = 0; i < l.size(); i++) sameLayout(o.get(i), l.get(i), where + "[" + i + "]", rtol);
            }
            case Object[] a -> {
                Object[] o = (Object[]) ours;
                assertEquals(a.length, o.length, where + ": length");
                for (int i = 0; i < a.length; i++) sameLayout(o[i], a[i], where + "[" + i + "]", rtol);
            }
            case Double d -> {
                double o = (Double) ours;
                if (!(d.equals(o) || Math.abs(o - d) <= rtol * Math.abs(d))) fail(where + ": " + o + " vs " + d);
            }
            case Number n -> assertEquals(n.longValue(), ((Number) ours).longValue(), where);
            case null -> { }
            default -> assertEquals(theirs, ours, where);
        }
    }
}
