package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.nn.LSTMCell;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.MSELoss;
import dev.jgrad.nn.Module;
import dev.jgrad.optim.LBFGS;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * pytorch/examples' time_sequence_prediction: two stacked LSTMCells and a Linear learn sine waves in
 * float64 with L-BFGS and a closure, then predict 1000 steps into the future. The waves come from
 * jgrad's generator (seed 2), as in the Python twin tools/fixtures/examples/time_sequence_prediction.py;
 * the original draws them with numpy. The original's plots are left out.
 */
public final class TimeSequencePrediction {
    private TimeSequencePrediction() {}

    /** N waves of length L: sin((t + offset) / T), offsets uniform in [-4T, 4T). */
    static Tensor sineWaves(int t, int l, int n) {
        manualSeed(2);
        Tensor x = arange(l).reshape(1, l).add(randint(-4L * t, 4L * t, n, 1));
        return x.toDouble().div(1.0).div((long) t).sin();
    }

    static final class Sequence extends Module {
        final LSTMCell lstm1 = register("lstm1", new LSTMCell(1, 51));
        final LSTMCell lstm2 = register("lstm2", new LSTMCell(51, 51));
        final Linear linear = register("linear", new Linear(51, 1));

        @Override public Tensor forward(Tensor input) { return forward(input, 0); }

        Tensor forward(Tensor input, int future) {
            List<Tensor> outputs = new ArrayList<>();
            Tensor hT = zeros(DType.FLOAT64, input.size(0), 51), cT = zeros(DType.FLOAT64, input.size(0), 51);
            Tensor hT2 = zeros(DType.FLOAT64, input.size(0), 51), cT2 = zeros(DType.FLOAT64, input.size(0), 51);
            Tensor output = null;
            for (Tensor inputT : input.split(1, 1)) {
                var s1 = lstm1.forward(inputT, hT, cT);
                hT = s1.h();
                cT = s1.c();
                var s2 = lstm2.forward(hT, hT2, cT2);
                hT2 = s2.h();
                cT2 = s2.c();
                output = linear.forward(hT2);
                outputs.add(output);
            }
            for (int i = 0; i < future; i++) {  // if we should predict the future
                var s1 = lstm1.forward(output, hT, cT);
                hT = s1.h();
                cT = s1.c();
                var s2 = lstm2.forward(hT, hT2, cT2);
                hT2 = s2.h();
                cT2 = s2.c();
                output = linear.forward(hT2);
                outputs.add(output);
            }
            return cat(outputs, 1);
        }
    }

    /** The losses of every closure evaluation; the original's lines go to log. */
    public static List<Double> run(int steps, int length, int future, Consumer<String> log) {
        Tensor data = sineWaves(20, length, 100);
        manualSeed(0);
        Tensor input = data.index("3:, :-1"), target = data.index("3:, 1:");
        Tensor testInput = data.index(":3, :-1"), testTarget = data.index(":3, 1:");
        Sequence seq = new Sequence();
        seq.to(DType.FLOAT64);
        MSELoss criterion = new MSELoss();
        LBFGS optimizer = new LBFGS(seq.parameters(), 0.8);
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            log.accept("STEP: " + i);
            optimizer.step(() -> {
                optimizer.zeroGrad();
                Tensor out = seq.forward(input);
                Tensor loss = criterion.forward(out, target);
                log.accept("loss: " + Py.repr(loss.item()));
                losses.add(loss.item());
                loss.backward();
                return loss;
            });
            try (var g = noGrad()) {
                Tensor pred = seq.forward(testInput, future);
                Tensor loss = criterion.forward(pred.narrow(1, 0, pred.size(1) - future), testTarget);
                log.accept("test loss: " + Py.repr(loss.item()));
            }
        }
        return losses;
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 15, 1000, 1000, System.out::println);
    }
}
