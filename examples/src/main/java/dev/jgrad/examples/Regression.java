package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.functional.F;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * pytorch/examples' regression: fits a degree-4 polynomial with one Linear layer, smooth_l1_loss and
 * hand-written SGD on parameter data, until the loss is below 1e-3. Line for line the original (which
 * has no seed; this port seeds 1 so that its twin, tools/fixtures/examples/regression.py, prints the same).
 */
public final class Regression {
    static final int POLY_DEGREE = 4;

    private Regression() {}

    /** The losses of every batch; the three summary lines go to log. */
    public static List<Double> run(long seed, Consumer<String> log) {
        manualSeed(seed);
        Tensor wTarget = randn(POLY_DEGREE, 1).mul(5L);
        Tensor bTarget = randn(1).mul(5L);

        Linear fc = new Linear((int) wTarget.size(0), 1);
        List<Double> losses = new ArrayList<>();
        double loss;
        int batchIdx = 0;
        while (true) {
            batchIdx++;
            Tensor[] batch = getBatch(32, wTarget, bTarget);
            fc.zeroGrad();
            Tensor output = F.smoothL1Loss(fc.forward(batch[0]), batch[1]);
            loss = output.item();
            losses.add(loss);
            output.backward();
            for (Parameter param : fc.parameters()) param.data().add_(param.grad().mul(-0.1));
            if (loss < 1e-3) break;
        }
        log.accept("Loss: " + Py.fixed(loss, 6, false) + " after " + batchIdx + " batches");
        log.accept("==> Learned function:\t" + polyDesc(fc.weight.view(-1), fc.bias));
        log.accept("==> Actual function:\t" + polyDesc(wTarget.view(-1), bTarget));
        return losses;
    }

    /** Builds features, a matrix with columns [x, x^2, x^3, x^4]. */
    static Tensor makeFeatures(Tensor x) {
        Tensor u = x.unsqueeze(1);
        List<Tensor> powers = new ArrayList<>();
        for (int i = 1; i <= POLY_DEGREE; i++) powers.add(u.pow((long) i));
        return cat(powers, 1);
    }

    /** The approximated function. */
    static Tensor f(Tensor x, Tensor wTarget, Tensor bTarget) { return x.mm(wTarget).add(bTarget.item()); }

    /** A string description of a polynomial. */
    static String polyDesc(Tensor w, Tensor b) {
        StringBuilder result = new StringBuilder("y = ");
        for (int i = 0; i < w.size(0); i++) result.append(Py.fixed(w.get(i).item(), 2, true)).append(" x^").append(i + 1).append(' ');
        return result.append(Py.fixed(b.get(0).item(), 2, true)).toString();
    }

    /** A batch, the (x, f(x)) pair. */
    static Tensor[] getBatch(int batchSize, Tensor wTarget, Tensor bTarget) {
        Tensor random = randn(batchSize);
        Tensor x = makeFeatures(random);
        return new Tensor[] {x, f(x, wTarget, bTarget)};
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Long.parseLong(args[0]) : 1, System.out::println);
    }
}
