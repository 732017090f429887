package dev.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.NnFixtures;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.utils.ClipGrad;
import dev.jgrad.optim.lr.ChainedScheduler;
import dev.jgrad.optim.lr.ConstantLR;
import dev.jgrad.optim.lr.CosineAnnealingLR;
import dev.jgrad.optim.lr.CyclicLR;
import dev.jgrad.optim.lr.LRScheduler;
import dev.jgrad.optim.lr.MultiplicativeLR;
import dev.jgrad.optim.lr.PolynomialLR;
import dev.jgrad.optim.lr.ReduceLROnPlateau;
import dev.jgrad.optim.lr.SequentialLR;
import dev.jgrad.optim.lr.StepLR;
import dev.jgrad.testutil.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Optimizer trajectories, lr schedules and gradient clipping against PyTorch (fixtures/nn.json "optim").
 * With the same gradients fed in, the updates run the same float32 operations in the same order, so
 * trajectories are compared to one float32 rounding step per update.
 */
class OptimFixtureTest {
    private static Map<String, Object> fixture() { return NnFixtures.section("optim"); }

    private static int trajectories, exactTrajectories;
    private static final List<String> inexact = new ArrayList<>();

    private static double num(Map<String, Object> kw, String key, double dflt) {
        return kw.containsKey(key) ? Json.asDouble(kw.get(key)) : dflt;
    }

    private static boolean flag(Map<String, Object> kw, String key) { return Boolean.TRUE.equals(kw.get(key)); }

    static Optimizer build(String cls, List<Tensor> params, Map<String, Object> kw) {
        return switch (cls) {
            case "SGD" -> new SGD(params, num(kw, "lr", 0), num(kw, "momentum", 0), num(kw, "dampening", 0), num(kw, "weight_decay", 0),
                    flag(kw, "nesterov"), flag(kw, "maximize"));
            case "Adam", "AdamW" -> {
                double[] betas = kw.containsKey("betas") ? Json.asDoubleArray(kw.get("betas")) : new double[] {0.9, 0.999};
                double wd = num(kw, "weight_decay", cls.equals("Adam") ? 0 : 1e-2);
                yield cls.equals("Adam") ? new Adam(params, num(kw, "lr", 1e-3), betas[0], betas[1], num(kw, "eps", 1e-8), wd, flag(kw, "amsgrad"))
                        : new AdamW(params, num(kw, "lr", 1e-3), betas[0], betas[1], num(kw, "eps", 1e-8), wd, flag(kw, "amsgrad"));
            }
            case "RMSprop" -> new RMSprop(params, num(kw, "lr", 1e-2), num(kw, "alpha", 0.99), num(kw, "eps", 1e-8), num(kw, "weight_decay", 0),
                    num(kw, "momentum", 0), flag(kw, "centered"));
            case "Adadelta" -> new Adadelta(params, num(kw, "lr", 1.0), num(kw, "rho", 0.9), num(kw, "eps", 1e-6), num(kw, "weight_decay", 0));
            case "Adagrad" -> new Adagrad(params, num(kw, "lr", 1e-2), num(kw, "lr_decay", 0), num(kw, "weight_decay", 0),
                    num(kw, "initial_accumulator_value", 0), num(kw, "eps", 1e-10));
            case "Adamax" -> {
                double[] betas = pair(kw, "betas", 0.9, 0.999);
                yield new Adamax(params, num(kw, "lr", 2e-3), betas[0], betas[1], num(kw, "eps", 1e-8), num(kw, "weight_decay", 0),
                        flag(kw, "maximize"));
            }
            case "NAdam" -> {
                double[] betas = pair(kw, "betas", 0.9, 0.999);
                yield new NAdam(params, num(kw, "lr", 2e-3), betas[0], betas[1], num(kw, "eps", 1e-8), num(kw, "weight_decay", 0),
                        num(kw, "momentum_decay", 4e-3));
            }
            case "RAdam" -> {
                double[] betas = pair(kw, "betas", 0.9, 0.999);
                yield new RAdam(params, num(kw, "lr", 1e-3), betas[0], betas[1], num(kw, "eps", 1e-8), num(kw, "weight_decay", 0));
            }
            case "ASGD" -> new ASGD(params, num(kw, "lr", 1e-2), num(kw, "lambd", 1e-4), num(kw, "alpha", 0.75), num(kw, "t0", 1e6),
                    num(kw, "weight_decay", 0), flag(kw, "maximize"));
            case "Rprop" -> {
                double[] etas = pair(kw, "etas", 0.5, 1.2), sizes = pair(kw, "step_sizes", 1e-6, 50);
                yield new Rprop(params, num(kw, "lr", 1e-2), etas[0], etas[1], sizes[0], sizes[1], flag(kw, "maximize"));
            }
            default -> throw new IllegalArgumentException(cls);
        };
    }

    private static double[] pair(Map<String, Object> kw, String key, double first, double second) {
        return kw.containsKey(key) ? Json.asDoubleArray(kw.get(key)) : new double[] {first, second};
    }

    @TestFactory
    Stream<DynamicTest> trajectoriesWithFixedGradients() {
        Map<String, Object> f = fixture();
        List<Object> p0 = Json.asList(f.get("params0"));
        List<Object> grads = Json.asList(f.get("grads"));
        return Json.asList(f.get("fixed_grads")).stream().map(Json::asMap).map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
            List<Tensor> params = new ArrayList<>();
            for (Object s : p0) params.add(NnFixtures.tensor(s).requiresGrad_(true));
            Optimizer opt = build((String) c.get("optimizer"), params, Json.asMap(c.get("kwargs")));
            List<Object> traj = Json.asList(c.get("trajectory"));
            int exactBefore = NnFixtures.exact;
            // SGD, RMSprop and Rprop use no libm function, so their float32 steps must equal PyTorch's exactly
            String name = (String) c.get("name");
            boolean exact = name.startsWith("sgd") || name.startsWith("rmsprop") || name.startsWith("rprop");
            double rtol = exact ? 0 : 1e-6, atol = rtol == 0 ? 0 : 1e-7;
            for (int step = 0; step < traj.size(); step++) {
                List<Object> gs = Json.asList(grads.get(step % grads.size()));  // longer runs cycle through the gradients
                for (int i = 0; i < params.size(); i++) params.get(i).setGrad(NnFixtures.tensor(gs.get(i)));
                opt.step();
                List<Object> expected = Json.asList(traj.get(step));
                for (int i = 0; i < params.size(); i++) {
                    NnFixtures.assertTensor(expected.get(i), params.get(i), rtol, atol, "step " + (step + 1) + " param " + i);
                }
            }
            boolean exactTrajectory = NnFixtures.exact - exactBefore == traj.size() * params.size();
            if (c.containsKey("final_state")) {  // moments, averages, step sizes, float32 scalars (mu_product, eta, mu)
                for (var e : Json.asMap(c.get("final_state")).entrySet()) {
                    List<Object> expected = Json.asList(e.getValue());
                    for (int i = 0; i < params.size(); i++) {
                        Tensor actual = (Tensor) opt.state.get(params.get(i)).get(e.getKey());
                        NnFixtures.assertTensor(expected.get(i), actual, rtol, atol, "state " + e.getKey() + " param " + i);
                    }
                }
            }
            trajectories++;
            if (exactTrajectory) exactTrajectories++;
            else inexact.add((String) c.get("name"));
        }));
    }

    @AfterAll
    static void report() {
        System.out.println("[optim fixtures] " + exactTrajectories + " of " + trajectories
                + " optimizer trajectories equal PyTorch's bit for bit at every step; within rounding: " + inexact);
    }

    @Test
    void endToEndTrainingFollowsPyTorch() {
        Map<String, Object> e2e = Json.asMap(fixture().get("end_to_end"));
        Tensor x = NnFixtures.tensor(e2e.get("x")), y = NnFixtures.tensor(e2e.get("y"));
        for (Object o : Json.asList(e2e.get("runs"))) {
            Map<String, Object> run = Json.asMap(o);
            Torch.manualSeed(Json.asLong(run.get("seed")));
            Linear model = new Linear(3, 2);
            Optimizer opt = build((String) run.get("optimizer"), new ArrayList<>(model.parameters()), Json.asMap(run.get("kwargs")));
            double[] losses = Json.asDoubleArray(run.get("losses"));
            for (double expected : losses) {
                opt.zeroGrad();
                Tensor loss = F.mseLoss(model.forward(x), y);
                loss.backward();
                opt.step();
                assertEquals(expected, loss.item(), 1e-5 * Math.abs(expected), run.get("optimizer") + " loss");
            }
            Map<String, Object> fin = Json.asMap(run.get("final"));
            var sd = model.stateDict();
            for (var e : fin.entrySet()) NnFixtures.assertTensor(e.getValue(), sd.get(e.getKey()), 1e-5, 1e-6, e.getKey());
        }
    }

    /** LBFGS with a closure: losses, parameters and PyTorch's evaluation counts after each of three steps. */
    @Test
    void lbfgsFollowsPyTorch() {
        Map<String, Object> f = Json.asMap(fixture().get("lbfgs"));
        for (Object o : Json.asList(f.get("runs"))) {
            Map<String, Object> run = Json.asMap(o), kw = Json.asMap(run.get("kwargs"));
            DType dtype = "float64".equals(run.get("dtype")) ? DType.FLOAT64 : DType.FLOAT32;
            Tensor a = NnFixtures.tensor(f.get("A")).to(dtype), b = NnFixtures.tensor(f.get("b")).to(dtype);
            Tensor w = Torch.zeros(dtype, 4).requiresGrad_(true);
            int maxIter = kw.containsKey("max_iter") ? (int) Json.asLong(kw.get("max_iter")) : 20;
            int history = kw.containsKey("history_size") ? (int) Json.asLong(kw.get("history_size")) : 100;
            String lineSearch = (String) kw.get("line_search_fn");
            LBFGS opt = new LBFGS(List.of(w), num(kw, "lr", 1), maxIter, null, 1e-7, 1e-9, history, lineSearch);
            for (Object so : Json.asList(run.get("steps"))) {
                Map<String, Object> step = Json.asMap(so);
                Tensor loss = opt.step(() -> {
                    opt.zeroGrad();
                    Tensor l = a.mv(w).sub(b).pow(2L).sum().add(w.pow(4L).sum().mul(0.1));
                    l.backward();
                    return l;
                });
                double expected = Json.asDouble(step.get("loss"));
                assertEquals(expected, loss.item(), 1e-5 * Math.max(1, Math.abs(expected)), "LBFGS loss " + kw);
                NnFixtures.assertTensor(step.get("w"), w, 1e-5, 1e-6, "LBFGS w " + kw);
                assertEquals(Json.asLong(step.get("func_evals")), ((Number) opt.state().get("func_evals")).longValue(), "LBFGS evaluations " + kw);
            }
        }
    }

    private static final Map<String, Function<Optimizer, LRScheduler>> SCHEDULES = Map.ofEntries(
            Map.entry("step_lr_2_0.5", o -> new StepLR(o, 2, 0.5)),
            Map.entry("step_lr_3_default", o -> new StepLR(o, 3)),
            Map.entry("cosine_5_0.01", o -> new CosineAnnealingLR(o, 5, 0.01)),
            Map.entry("cosine_4_0", o -> new CosineAnnealingLR(o, 4)),
            Map.entry("multistep_2_5_5", o -> new dev.jgrad.optim.lr.MultiStepLR(o, List.of(2, 5, 5), 0.5, -1)),
            Map.entry("exponential_0.9", o -> new dev.jgrad.optim.lr.ExponentialLR(o, 0.9)),
            Map.entry("lambda_1_over_1_plus_e", o -> new dev.jgrad.optim.lr.LambdaLR(o, e -> 1.0 / (1 + e))),
            Map.entry("linear_default", o -> new dev.jgrad.optim.lr.LinearLR(o)),
            Map.entry("linear_0.5_0.9_3", o -> new dev.jgrad.optim.lr.LinearLR(o, 0.5, 0.9, 3, -1)),
            Map.entry("warm_restarts_3_2_0.01", o -> new dev.jgrad.optim.lr.CosineAnnealingWarmRestarts(o, 3, 2, 0.01, -1)),
            Map.entry("onecycle_1.0_10", o -> new dev.jgrad.optim.lr.OneCycleLR(o, 1.0, 10)),
            Map.entry("onecycle_linear_three_phase", o -> new dev.jgrad.optim.lr.OneCycleLR(o, 0.5, 12, 0.25, "linear", true, 0.85, 0.95, 25.0,
                    1e4, true)),
            Map.entry("constant_default", o -> new ConstantLR(o)),
            Map.entry("constant_0.5_3", o -> new ConstantLR(o, 0.5, 3)),
            Map.entry("polynomial_default", o -> new PolynomialLR(o)),
            Map.entry("polynomial_6_2", o -> new PolynomialLR(o, 6, 2.0)),
            Map.entry("multiplicative_0.9", o -> new MultiplicativeLR(o, e -> 0.9)),
            Map.entry("multiplicative_epoch", o -> new MultiplicativeLR(o, e -> 1.0 / (1 + 0.1 * e))),
            Map.entry("sequential_constant_exponential", o -> new SequentialLR(o,
                    List.of(new ConstantLR(o, 0.1, 2), new dev.jgrad.optim.lr.ExponentialLR(o, 0.9)), List.of(2))),
            Map.entry("sequential_linear_cosine_step", o -> new SequentialLR(o, List.of(new dev.jgrad.optim.lr.LinearLR(o, 0.25, 1.0, 3, -1),
                    new CosineAnnealingLR(o, 5, 0.01), new StepLR(o, 2, 0.5)), List.of(3, 8))),
            Map.entry("sequential_multiplicative_multistep", o -> new SequentialLR(o, List.of(new MultiplicativeLR(o, e -> 0.8),
                    new dev.jgrad.optim.lr.MultiStepLR(o, List.of(2, 4), 0.5, -1), new PolynomialLR(o, 4, 2.0)), List.of(3, 7))),
            Map.entry("sequential_exponential_warm_restarts", o -> new SequentialLR(o, List.of(new dev.jgrad.optim.lr.ExponentialLR(o, 0.5),
                    new dev.jgrad.optim.lr.CosineAnnealingWarmRestarts(o, 2, 2, 0.005, -1)), List.of(3))),
            Map.entry("chained_constant_exponential", o -> new ChainedScheduler(List.of(new ConstantLR(o, 0.1, 3),
                    new dev.jgrad.optim.lr.ExponentialLR(o, 0.9)))),
            Map.entry("chained_linear_multistep", o -> new ChainedScheduler(List.of(new dev.jgrad.optim.lr.LinearLR(o, 0.5, 1.0, 4, -1),
                    new dev.jgrad.optim.lr.MultiStepLR(o, List.of(3, 6), 0.5, -1)))),
            Map.entry("cyclic_triangular", o -> new CyclicLR(o, 0.01, 0.1, 3, null, "triangular", 1.0, true)),
            Map.entry("cyclic_triangular2", o -> new CyclicLR(o, 0.01, 0.1, 2, 4, "triangular2", 1.0, false)),
            Map.entry("cyclic_exp_range", o -> new CyclicLR(o, 0.02, 0.2, 3, null, "exp_range", 0.9, null, "cycle", true, 0.7, 0.95, -1)));

    @Test
    void schedulesMatchPyTorch() {
        for (Object o : Json.asList(fixture().get("schedules"))) {
            Map<String, Object> s = Json.asMap(o);
            String name = (String) s.get("name");
            Tensor p = Torch.zeros(1).requiresGrad_(true);
            Optimizer opt = new SGD(List.of(p), 0.1);
            LRScheduler sched = SCHEDULES.get(name).apply(opt);
            double[] lrs = Json.asDoubleArray(s.get("lrs"));
            double[] momentums = s.containsKey("momentums") ? Json.asDoubleArray(s.get("momentums")) : null;
            assertEquals(lrs[0], sched.getLastLr().get(0), 0, name + " epoch 0");
            for (int i = 1; i < lrs.length; i++) {
                opt.step();
                sched.step();
                // the recursive formulas use cos and pow; Java's and the C library's may differ in the last bit
                assertEquals(lrs[i], sched.getLastLr().get(0), 4 * Math.ulp(lrs[i]), name + " epoch " + i);
                assertEquals(sched.getLastLr().get(0), opt.paramGroups().get(0).lr(), 0);
                if (momentums != null) {
                    assertEquals(momentums[i], opt.paramGroups().get(0).getDouble("momentum"), 4 * Math.ulp(momentums[i]), name + " momentum " + i);
                }
            }
            schedules++;
        }
        assertEquals(SCHEDULES.size(), schedules, "every schedule has a fixture");
    }

    private static int schedules;

    /** ReduceLROnPlateau fed a fixed metric sequence: the lr after each step, for each option set. */
    @Test
    void reduceLrOnPlateauMatchesPyTorch() {
        Map<String, Object> f = Json.asMap(fixture().get("plateau"));
        double[] metrics = Json.asDoubleArray(f.get("metrics"));
        for (Object o : Json.asList(f.get("runs"))) {
            Map<String, Object> run = Json.asMap(o), kw = Json.asMap(run.get("kwargs"));
            Optimizer opt = new SGD(List.of(Torch.zeros(1).requiresGrad_(true)), 0.1);
            ReduceLROnPlateau sched = new ReduceLROnPlateau(opt, kw.containsKey("mode") ? (String) kw.get("mode") : "min",
                    num(kw, "factor", 0.1), (int) num(kw, "patience", 10), num(kw, "threshold", 1e-4),
                    kw.containsKey("threshold_mode") ? (String) kw.get("threshold_mode") : "rel", (int) num(kw, "cooldown", 0),
                    num(kw, "min_lr", 0), num(kw, "eps", 1e-8));
            double[] lrs = Json.asDoubleArray(run.get("lrs"));
            for (int i = 0; i < metrics.length; i++) {
                sched.step(metrics[i]);
                assertEquals(lrs[i], opt.paramGroups().get(0).lr(), 0, kw + " step " + (i + 1));
                assertEquals(lrs[i], sched.getLastLr().get(0), 0);
            }
        }
    }

    @Test
    void clipGradNormMatchesPyTorch() {
        List<Object> gs = Json.asList(fixture().get("clip_grads"));
        for (Object o : Json.asList(fixture().get("clip"))) {
            Map<String, Object> c = Json.asMap(o);
            List<Tensor> params = new ArrayList<>();
            for (Object g : gs) {
                Tensor grad = NnFixtures.tensor(g);
                Tensor p = Torch.zerosLike(grad).requiresGrad_(true);
                p.setGrad(grad);
                params.add(p);
            }
            double normType = Json.asDouble(c.get("norm_type"));
            Tensor total = ClipGrad.clipGradNorm_(params, Json.asDouble(c.get("max_norm")), normType, false);
            String what = "max_norm " + c.get("max_norm") + " norm " + normType;
            assertEquals(Json.asDouble(c.get("total")), total.item(), 1e-6 * Json.asDouble(c.get("total")), what);
            List<Object> expected = Json.asList(c.get("grads"));
            for (int i = 0; i < params.size(); i++) NnFixtures.assertTensor(expected.get(i), params.get(i).grad(), 2e-6, 1e-7, what);
        }
    }

    @Test
    void argumentChecksUsePyTorchsMessages() {
        List<Tensor> ps = List.of(Torch.zeros(1).requiresGrad_(true));
        assertEquals("Invalid learning rate: -0.1", assertThrows(IllegalArgumentException.class, () -> new SGD(ps, -0.1)).getMessage());
        assertEquals("Nesterov momentum requires a momentum and zero dampening",
                assertThrows(IllegalArgumentException.class, () -> new SGD(ps, 0.1, 0, 0, 0, true)).getMessage());
        assertEquals("Invalid beta parameter at index 1: 1.0",
                assertThrows(IllegalArgumentException.class, () -> new Adam(ps, 0.1, 0.9, 1.0, 1e-8, 0, false)).getMessage());
        assertEquals("Invalid epsilon value: -1e-08",
                assertThrows(IllegalArgumentException.class, () -> new Adam(ps, 0.1, 0.9, 0.99, -1e-8, 0, false)).getMessage());
        assertEquals("optimizer got an empty parameter list",
                assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(), 0.1)).getMessage());
        assertEquals("can't optimize a non-leaf Tensor",
                assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(ps.get(0).mul(2)), 0.1)).getMessage());
        SGD twoGroups = new SGD(ps, 0.1);
        assertEquals("some parameters appear in more than one parameter group",
                assertThrows(IllegalArgumentException.class, () -> twoGroups.addParamGroup(ps, Map.of())).getMessage());
        // where 1.13 only warns about a tensor repeated in one group and then updates it twice (the README's differences)
        assertEquals("some parameters appear in more than one parameter group",
                assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(ps.get(0), ps.get(0)), 0.1)).getMessage());
        assertEquals("Invalid learning rate: -1.0", assertThrows(IllegalArgumentException.class, () -> new Adamax(ps, -1.0)).getMessage());
        assertEquals("Invalid beta parameter at index 0: 1.5",
                assertThrows(IllegalArgumentException.class, () -> new Adamax(ps, 0.1, 1.5, 0.9, 1e-8, 0)).getMessage());
        assertEquals("Invalid momentum_decay value: -0.1",
                assertThrows(IllegalArgumentException.class, () -> new NAdam(ps, 0.1, 0.9, 0.999, 1e-8, 0, -0.1)).getMessage());
        assertEquals("Invalid weight_decay value: -0.5",
                assertThrows(IllegalArgumentException.class, () -> new RAdam(ps, 0.1, 0.9, 0.999, 1e-8, -0.5)).getMessage());
        assertEquals("Invalid epsilon value: -1.0",
                assertThrows(IllegalArgumentException.class, () -> new RAdam(ps, 0.1, 0.9, 0.999, -1, 0)).getMessage());
        assertEquals("Invalid weight_decay value: -0.1",
                assertThrows(IllegalArgumentException.class, () -> new ASGD(ps, 0.1, 1e-4, 0.75, 1e6, -0.1)).getMessage());
        assertEquals("Invalid eta values: 1.5, 2.0",
                assertThrows(IllegalArgumentException.class, () -> new Rprop(ps, 0.1, 1.5, 2.0, 1e-6, 50)).getMessage());
        assertEquals("Invalid eta values: 0.5, 1.0",
                assertThrows(IllegalArgumentException.class, () -> new Rprop(ps, 0.1, 0.5, 1.0, 1e-6, 50)).getMessage());
    }

    @Test
    void schedulerArgumentChecksUsePyTorchsMessages() {
        Optimizer sgd = new SGD(List.of(Torch.zeros(1).requiresGrad_(true)), 0.1);
        Optimizer other = new SGD(List.of(Torch.zeros(1).requiresGrad_(true)), 0.1);
        assertEquals("Constant multiplicative factor expected to be between 0 and 1.",
                assertThrows(IllegalArgumentException.class, () -> new ConstantLR(sgd, 1.5, 3)).getMessage());
        assertEquals("Expected 1 lr_lambdas, but got 2", assertThrows(IllegalArgumentException.class,
                () -> new MultiplicativeLR(sgd, List.<java.util.function.IntToDoubleFunction>of(e -> 1, e -> 1), -1)).getMessage());
        assertEquals("Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, "
                + "but got number of schedulers 2 and the number of milestones to be equal to 2", assertThrows(IllegalArgumentException.class,
                () -> new SequentialLR(sgd, List.of(new StepLR(sgd, 2), new StepLR(sgd, 3)), List.of(1, 2))).getMessage());
        assertEquals("Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index 1 to be "
                + "different than the optimizer passed in.", assertThrows(IllegalArgumentException.class,
                () -> new SequentialLR(sgd, List.of(new StepLR(sgd, 2), new StepLR(other, 3)), List.of(1))).getMessage());
        assertEquals("ChainedScheduler expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and 1 to be "
                + "different", assertThrows(IllegalArgumentException.class,
                () -> new ChainedScheduler(List.of(new StepLR(sgd, 2), new StepLR(other, 3)))).getMessage());
        assertEquals("mode is invalid and scale_fn is None", assertThrows(IllegalArgumentException.class,
                () -> new CyclicLR(sgd, 0.01, 0.1, 3, null, "sawtooth", 1.0, false)).getMessage());
        Optimizer adam = new Adam(List.of(Torch.zeros(1).requiresGrad_(true)), 0.1);
        assertEquals("optimizer must support momentum with `cycle_momentum` option enabled",
                assertThrows(IllegalArgumentException.class, () -> new CyclicLR(adam, 0.01, 0.1)).getMessage());
        assertEquals(0.01, new CyclicLR(adam, 0.01, 0.1, 3, null, "triangular", 1.0, false).getLastLr().get(0));
        assertEquals("Factor should be < 1.0.", assertThrows(IllegalArgumentException.class,
                () -> new ReduceLROnPlateau(sgd, "min", 1.0, 10, 1e-4, "rel", 0, 0.0, 1e-8)).getMessage());
        assertEquals("mode sideways is unknown!", assertThrows(IllegalArgumentException.class,
                () -> new ReduceLROnPlateau(sgd, "sideways", 0.1, 10, 1e-4, "rel", 0, 0.0, 1e-8)).getMessage());
        assertEquals("threshold mode both is unknown!", assertThrows(IllegalArgumentException.class,
                () -> new ReduceLROnPlateau(sgd, "min", 0.1, 10, 1e-4, "both", 0, 0.0, 1e-8)).getMessage());
        assertEquals("expected 1 min_lrs, got 2", assertThrows(IllegalArgumentException.class,
                () -> new ReduceLROnPlateau(sgd, "min", 0.1, 10, 1e-4, "rel", 0, List.of(0.0, 0.0), 1e-8)).getMessage());
    }

    /** step(epoch) uses each scheduler's closed form, as PyTorch's deprecated step(epoch) does. */
    @Test
    void steppingToAnEpochUsesTheClosedForm() {
        Optimizer sgd = new SGD(List.of(Torch.zeros(1).requiresGrad_(true)), 0.1);
        StepLR step = new StepLR(sgd, 2, 0.5);
        step.step(5);
        assertEquals(0.1 * 0.25, sgd.paramGroups().get(0).lr(), 1e-17);
        Optimizer sgd2 = new SGD(List.of(Torch.zeros(1).requiresGrad_(true)), 0.1);
        var warm = new dev.jgrad.optim.lr.CosineAnnealingWarmRestarts(sgd2, 3, 2, 0.0, -1);
        warm.step(10);  // periods 3, 6, 12: epoch 10 is 1 into the third
        assertEquals(0.1 * (1 + Math.cos(Math.PI / 12)) / 2, sgd2.paramGroups().get(0).lr(), 1e-17);
    }

    @Test
    void stepsDoNotRecordHistoryAndSkipMissingGradients() {
        Tensor a = Torch.ones(2).requiresGrad_(true), b = Torch.ones(2).requiresGrad_(true);
        Optimizer opt = new Adam(List.of(a, b), 0.1);
        a.mul(3L).sum().backward();
        opt.step();
        assertEquals(true, a.isLeaf());
        assertEquals(true, b.equal(Torch.ones(2)));
        assertEquals(1, a.version());
        opt.zeroGrad();
        assertEquals(null, a.grad());
    }

    @Test
    void stateDictRoundTrip() {
        Tensor a = Torch.ones(2).requiresGrad_(true);
        SGD opt = new SGD(List.of(a), 0.1, 0.9);
        a.mul(2L).sum().backward();
        opt.step();
        Map<String, Object> sd = opt.stateDict();
        Tensor b = Torch.ones(2).requiresGrad_(true);
        SGD other = new SGD(List.of(b), 0.5, 0.1);
        other.loadStateDict(sd);
        assertEquals(0.1, other.paramGroups().get(0).lr());
        assertEquals(0.9, other.paramGroups().get(0).getDouble("momentum"));
        b.detach().copy_(a.detach());  // same starting point: the restored momentum buffer must make the steps agree
        b.setGrad(Torch.full(new long[] {2}, 2.0));
        a.setGrad(Torch.full(new long[] {2}, 2.0));
        opt.step();
        other.step();
        assertEquals(true, a.equal(b));
        assertEquals(false, a.equal(Torch.ones(2)));
    }
}
