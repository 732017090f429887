package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.nn.BatchNorm1d;
import dev.jgrad.nn.Dropout2d;
import dev.jgrad.nn.LSTM;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.functional.F;
import java.util.List;
import java.util.function.Consumer;

/**
 * pytorch/examples' mnist_rnn: an LSTM reads each 28x28 image row by row (batch first), its last output
 * goes through BatchNorm1d, Dropout2d and two linear layers; Adadelta (lr 0.1) with StepLR, seed 1, on
 * {@link Digits}. Train and test loops as in {@link Mnist}.
 */
public final class MnistRnn {
    private MnistRnn() {}

    static final class Net extends Mnist.Net {
        final LSTM rnn = register("rnn", new LSTM(28, 64, 1, true, true, 0, false));
        final BatchNorm1d batchnorm = register("batchnorm", new BatchNorm1d(64));
        final Dropout2d dropout1 = register("dropout1", new Dropout2d(0.25));
        final Dropout2d dropout2 = register("dropout2", new Dropout2d(0.5));
        final Linear fc1 = register("fc1", new Linear(64, 32));
        final Linear fc2 = register("fc2", new Linear(32, 10));

        Net() { super(false); }

        @Override public Tensor forward(Tensor input) {
            // Shape of input is (batch_size, 1, 28, 28); the LSTM wants (batch_size, 28, 28) with batch_first
            input = input.reshape(-1, 28, 28);
            Tensor output = rnn.forward(input, null, null).output();
            // the RNN's last output
            output = output.index(":, -1, :");
            output = batchnorm.forward(output);
            output = dropout1.forward(output);
            output = fc1.forward(output);
            output = F.relu(output);
            output = dropout2.forward(output);
            output = fc2.forward(output);
            return F.logSoftmax(output, 1);
        }
    }

    /** Every training batch's loss; the original's log lines go to log. */
    public static List<Double> run(int epochs, Consumer<String> log) { return Mnist.fit(epochs, Net::new, 0.1, log); }

    public static void main(String[] args) { run(args.length > 0 ? Integer.parseInt(args[0]) : 14, System.out::println); }
}
