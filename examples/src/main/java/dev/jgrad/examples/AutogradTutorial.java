package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.Functional;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.optim.SGD;
import dev.jgrad.profiler.Profile;
import dev.jgrad.profiler.Profiler;
import dev.jgrad.utils.GraphViz;
import dev.jgrad.utils.tensorboard.SummaryWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * "The Fundamentals of Autograd" tutorial and the autograd part of the PyTorch introduction, cell by
 * cell. Where Python prints {@code <AddBackward0 object at 0x...>}, Java prints {@code <AddBackward0>}.
 */
public final class AutogradTutorial {
    private AutogradTutorial() {}

    public static void main(String[] args) {
        manualSeed(0);
        TensorsTutorial.section("A simple example");
        Tensor a = linspace(0., 2. * Math.PI, 25).requiresGrad_(true);
        System.out.println(a);
        Tensor b = sin(a);
        System.out.println("# plt.plot(a.detach(), b.detach()) -> " + Plots.line("sin_a", "b = sin(a)", a.detach(), b.detach()));
        System.out.println(b);
        Tensor c = b.mul(2);  // 2 * b
        System.out.println(c);
        Tensor d = c.add(1);
        System.out.println(d);
        Tensor out = d.sum();
        System.out.println(out);

        System.out.println("d:");
        System.out.println(d.gradFn());
        // next_functions is a tuple of (node, input number) pairs in Python
        System.out.println(Py.tuple(d.gradFn().nextFunctions()));
        System.out.println(Py.tuple(d.gradFn().nextFunctions().get(0).node().nextFunctions()));
        System.out.println(Py.tuple(d.gradFn().nextFunctions().get(0).node().nextFunctions().get(0).node().nextFunctions()));
        System.out.println(Py.tuple(d.gradFn().nextFunctions().get(0).node().nextFunctions().get(0).node().nextFunctions().get(0)
                .node().nextFunctions()));
        System.out.println("\nc:");
        System.out.println(c.gradFn());
        System.out.println("\nb:");
        System.out.println(b.gradFn());
        System.out.println("\na:");
        System.out.println(Py.str(a.gradFn()));  // None

        out.backward();
        System.out.println(a.grad());  // 2 * cos(a)
        System.out.println("# plt.plot(a.detach(), a.grad.detach()) -> " + Plots.line("grad_a", "a.grad = 2 cos(a)", a.detach(), a.grad().detach()));

        TensorsTutorial.section("Autograd in training: TinyModel");
        Tensor someInput = randn(BATCH_SIZE, DIM_IN);
        Tensor idealOutput = randn(BATCH_SIZE, DIM_OUT);
        TinyModel model = new TinyModel();
        System.out.println(model.layer2.weight.get(0).slice(0, 0, 10));  // just a small slice
        System.out.println(Py.str(model.layer2.weight.grad()));  // None
        SGD optimizer = new SGD(model.parameters(), 0.001);
        Tensor prediction = model.forward(someInput);
        Tensor loss = idealOutput.sub(prediction).pow(2).sum();
        System.out.println(loss);
        System.out.println("# torchviz.make_dot(loss, params=dict(model.named_parameters())).render(...) -> "
                + Plots.graph("tinymodel_graph", GraphViz.makeDot(loss, model.namedParameters())));
        loss.backward();
        System.out.println(model.layer2.weight.get(0).slice(0, 0, 10));
        System.out.println(model.layer2.weight.grad().get(0).slice(0, 0, 10));
        optimizer.step();
        System.out.println(model.layer2.weight.get(0).slice(0, 0, 10));
        System.out.println(model.layer2.weight.grad().get(0).slice(0, 0, 10));
        System.out.println(model.layer2.weight.grad().get(0).slice(0, 0, 10));
        for (int i = 0; i < 5; i++) {
            prediction = model.forward(someInput);
            loss = idealOutput.sub(prediction).pow(2).sum();
            loss.backward();
        }
        System.out.println(model.layer2.weight.grad().get(0).slice(0, 0, 10));
        optimizer.zeroGrad();
        System.out.println(Py.str(model.layer2.weight.grad()));  // None: zero_grad() sets grads to None, as PyTorch 2.x does
        resumeFromCheckpoint(model, optimizer, someInput, idealOutput);

        TensorsTutorial.section("Turning autograd off and on");
        a = ones(2, 3).requiresGrad_(true);
        System.out.println(a);
        Tensor b1 = a.mul(2);
        System.out.println(b1);
        a.setRequiresGrad(false);
        Tensor b2 = a.mul(2);
        System.out.println(b2);

        a = ones(2, 3).requiresGrad_(true).mul(2);
        b = ones(2, 3).requiresGrad_(true).mul(3);
        Tensor c1 = a.add(b);
        System.out.println(c1);
        Tensor c2;
        try (var g = noGrad()) {
            c2 = a.add(b);
        }
        System.out.println(c2);
        Tensor c3 = a.mul(b);
        System.out.println(c3);

        BinaryOperator<Tensor> addTensors1 = (x, y) -> x.add(y);
        BinaryOperator<Tensor> addTensors2 = noGrad((x, y) -> x.add(y));  // @torch.no_grad() as a wrapper
        a = ones(2, 3).requiresGrad_(true).mul(2);
        b = ones(2, 3).requiresGrad_(true).mul(3);
        System.out.println(addTensors1.apply(a, b));
        System.out.println(addTensors2.apply(a, b));

        Tensor x = rand(5).requiresGrad_(true);
        Tensor y = x.detach();
        System.out.println(x);
        System.out.println(y);

        TensorsTutorial.section("Autograd and in-place operations");
        Tensor leaf = linspace(0., 2. * Math.PI, 25).requiresGrad_(true);
        try {
            sin_(leaf);
        } catch (IllegalStateException e) {
            System.out.println("RuntimeError: " + e.getMessage());
        }

        TensorsTutorial.section("Autograd profiler");
        System.out.println("# cudaIsAvailable() = " + cudaIsAvailable() + ": profiling on " + dev.jgrad.Device.CPU);
        Tensor px = randn(2, 3).requiresGrad_(true);
        Tensor py = rand(2, 3).requiresGrad_(true);
        Tensor pz = ones(2, 3).requiresGrad_(true);
        Profile prf;
        try (var p = Profiler.profile()) {
            prf = p;
            for (int i = 0; i < 1000; i++) pz = pz.div(px).mul(py);
        }
        System.out.println(prf.keyAverages().table("self_cpu_time_total"));

        TensorsTutorial.section("The vector-Jacobian product");
        x = randn(3).requiresGrad_(true);
        y = x.mul(2);
        while (y.detach().norm().item() < 1000) y = y.mul(2);
        System.out.println(y);
        Tensor v = tensor(0.1, 1.0, 0.0001);  // stand-in for gradients
        y.backward(v);
        System.out.println(x.grad());

        TensorsTutorial.section("The high-level API");
        List<Tensor> inputs = List.of(rand(1), rand(1));
        System.out.println(Py.tuple(inputs));  // a tuple in Python
        System.out.println(Py.tuple(Functional.jacobian(in -> in.get(0).exp().mul(2).add(in.get(1).mul(3)), inputs)));  // exp_adder
        inputs = List.of(rand(3), rand(3));
        System.out.println(Py.tuple(inputs));
        System.out.println(Py.tuple(Functional.jacobian(in -> in.get(0).exp().mul(2).add(in.get(1).mul(3)), inputs)));
        Tensor doublingInput = randn(3);
        Tensor myGradients = tensor(0.1, 1.0, 0.0001);
        Functional.Result<Tensor> vjp = Functional.vjp(AutogradTutorial::doSomeDoubling, doublingInput, myGradients);
        System.out.println(Py.tuple(vjp.output(), vjp.result()));  // (output, vjp)
        System.out.println(Functional.hessian(t -> t.pow(3).sum(), tensor(1.0, 2.0)));

        TensorsTutorial.section("Autograd in the introduction: gradients of a mean");
        a = ones(2, 2).requiresGrad_(true);
        System.out.println(a);
        b = a.add(2);
        System.out.println(b);
        System.out.println(b.gradFn());
        c = b.mul(b).mul(3);
        out = c.mean();
        System.out.println(c + " " + out);
        Tensor p = randn(3, 3);
        p = p.mul(3).div(p.sub(1));
        System.out.println(Py.str(p.requiresGrad()));  // False
        p.requiresGrad_(true);
        System.out.println(Py.str(p.requiresGrad()));
        Tensor q = p.mul(p).sum();
        System.out.println(q.gradFn());
        out.backward();
        System.out.println(a.grad());  // 4.5 everywhere

        x = ones(3).requiresGrad_(true);
        y = x.mul(2);
        System.out.println(x);
        System.out.println(y);
        y.backward(tensor(1.0, 1.0, 1.0));
        System.out.println(x.grad());
        System.out.println(Py.str(x.requiresGrad()));
        System.out.println(Py.str(x.pow(2).requiresGrad()));
        try (var g = noGrad()) {
            System.out.println(Py.str(x.pow(2).requiresGrad()));
        }
        System.out.println(Py.str(x.requiresGrad()));
        y = x.detach();
        System.out.println(Py.str(y.requiresGrad()));
        System.out.println(x.eq(y).all());
    }

    static final int BATCH_SIZE = 16, DIM_IN = 1000, HIDDEN_SIZE = 100, DIM_OUT = 10;

    /** The tutorial's model: 1000 -> 100 -> ReLU -> 10. */
    static final class TinyModel extends Module {
        final Linear layer1 = register("layer1", new Linear(DIM_IN, HIDDEN_SIZE));
        final ReLU relu = register("relu", new ReLU());
        final Linear layer2 = register("layer2", new Linear(HIDDEN_SIZE, DIM_OUT));

        @Override public Tensor forward(Tensor x) {
            x = layer1.forward(x);
            x = relu.forward(x);
            return layer2.forward(x);
        }
    }

    /**
     * What a long run does with this model (Java-only narrative lines): saves model and optimizer to a .pt
     * checkpoint, trains on while logging the loss to TensorBoard, then rebuilds a fresh TinyModel from the
     * checkpoint and trains it the same steps. The resumed run must end with the same weights, bit for bit.
     */
    static void resumeFromCheckpoint(TinyModel model, SGD optimizer, Tensor input, Tensor target) {
        Path dir = Plots.directory();
        Path checkpoint = dir.resolve("tinymodel_checkpoint.pt");
        Torch.save(Map.of("model", model.stateDict(), "optimizer", optimizer.stateDict(), "step", 6L), checkpoint);
        Path logDir = dir.resolve("runs").resolve("tinymodel");
        try (SummaryWriter writer = new SummaryWriter(logDir)) {
            trainSteps(model, optimizer, input, target, writer);
        }
        Tensor rng = Torch.getRngState();  // a fresh model draws initial weights; the tutorial's later draws stay PyTorch's
        TinyModel resumed = new TinyModel();
        SGD resumedOptimizer = new SGD(resumed.parameters(), 0.1);
        Torch.setRngState(rng);
        @SuppressWarnings("unchecked")
        Map<String, Object> saved = (Map<String, Object>) Torch.load(checkpoint);
        @SuppressWarnings("unchecked")
        Map<String, Tensor> weights = (Map<String, Tensor>) saved.get("model");
        resumed.loadStateDict(weights);
        @SuppressWarnings("unchecked")
        Map<String, Object> optimizerState = (Map<String, Object>) saved.get("optimizer");
        resumedOptimizer.loadStateDict(optimizerState);  // lr 0.001 comes back from the checkpoint
        trainSteps(resumed, resumedOptimizer, input, target, null);
        boolean same = model.layer1.weight.equal(resumed.layer1.weight) && model.layer2.weight.equal(resumed.layer2.weight)
                && model.layer1.bias.equal(resumed.layer1.bias) && model.layer2.bias.equal(resumed.layer2.bias);
        if (!same) throw new IllegalStateException("the run resumed from " + checkpoint + " differs from the uninterrupted one");
        System.out.println("# checkpoint " + checkpoint + " (torch.save of model and optimizer state dicts); 3 more SGD steps"
                + " from it in a fresh TinyModel give the uninterrupted run's weights bit for bit; losses logged for"
                + " TensorBoard in " + logDir + " (tensorboard --logdir " + logDir.getParent() + ")");
    }

    private static void trainSteps(TinyModel model, SGD optimizer, Tensor input, Tensor target, SummaryWriter writer) {
        for (int step = 6; step < 9; step++) {
            optimizer.zeroGrad();
            Tensor loss = target.sub(model.forward(input)).pow(2).sum();
            loss.backward();
            optimizer.step();
            if (writer != null) writer.addScalar("tinymodel/loss", loss.item(), step);
        }
    }

    static Tensor doSomeDoubling(Tensor x) {
        Tensor y = x.mul(2);
        while (y.detach().norm().item() < 1000) y = y.mul(2);
        return y;
    }
}
