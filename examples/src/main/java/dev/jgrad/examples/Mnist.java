package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Conv2d;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.Adadelta;
import dev.jgrad.optim.lr.StepLR;
import dev.jgrad.utils.data.DataLoader;
import dev.jgrad.utils.data.TensorDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * pytorch/examples' mnist: two convolutions, max pooling, dropout and two linear layers trained with
 * Adadelta (lr 1.0) and StepLR (gamma 0.7), batch 64, seed 1, on {@link Digits} (MNIST itself is a
 * download). The model, train and test functions are the original's, line for line.
 */
public final class Mnist {
    private Mnist() {}

    static class Net extends Module {
        private Conv2d conv1, conv2;
        private Dropout dropout1, dropout2;
        private Linear fc1, fc2;

        Net() { this(true); }

        /** layers false: a subclass brings its own (mnist_rnn reuses train and test). */
        Net(boolean layers) {
            if (!layers) return;
            conv1 = register("conv1", new Conv2d(1, 32, 3, 1, 0));
            conv2 = register("conv2", new Conv2d(32, 64, 3, 1, 0));
            dropout1 = register("dropout1", new Dropout(0.25));
            dropout2 = register("dropout2", new Dropout(0.5));
            fc1 = register("fc1", new Linear(9216, 128));
            fc2 = register("fc2", new Linear(128, 10));
        }

        @Override public Tensor forward(Tensor x) {
            x = conv1.forward(x);
            x = F.relu(x);
            x = conv2.forward(x);
            x = F.relu(x);
            x = F.maxPool2d(x, 2);
            x = dropout1.forward(x);
            x = flatten(x, 1);
            x = fc1.forward(x);
            x = F.relu(x);
            x = dropout2.forward(x);
            x = fc2.forward(x);
            return F.logSoftmax(x, 1);
        }
    }

    static void train(Net model, DataLoader trainLoader, Adadelta optimizer, int epoch, Consumer<String> log, List<Double> losses) {
        model.train();
        int batchIdx = 0, datasetSize = trainLoader.dataset().size();
        for (List<Tensor> batch : trainLoader) {
            Tensor data = batch.get(0), target = batch.get(1);
            optimizer.zeroGrad();
            Tensor output = model.forward(data);
            Tensor loss = F.nllLoss(output, target);
            loss.backward();
            optimizer.step();
            losses.add(loss.item());
            if (batchIdx % 10 == 0) {
                log.accept("Train Epoch: " + epoch + " [" + batchIdx * data.size(0) + "/" + datasetSize + " ("
                        + Py.fixed(100.0 * batchIdx / trainLoader.size(), 0, false) + "%)]\tLoss: " + Py.fixed(loss.item(), 6, false));
            }
            batchIdx++;
        }
    }

    static long test(Net model, DataLoader testLoader, Consumer<String> log) {
        model.eval();
        double testLoss = 0;
        long correct = 0;
        try (var g = noGrad()) {
            for (List<Tensor> batch : testLoader) {
                Tensor data = batch.get(0), target = batch.get(1);
                Tensor output = model.forward(data);
                testLoss += F.nllLoss(output, target, "sum").item();  // sum up batch loss
                Tensor pred = output.argmax(1, true);  // get the index of the max log-probability
                correct += pred.eq(target.viewAs(pred)).sum().itemLong();
            }
        }
        int n = testLoader.dataset().size();
        testLoss /= n;
        log.accept("\nTest set: Average loss: " + Py.fixed(testLoss, 4, false) + ", Accuracy: " + correct + "/" + n + " ("
                + Py.fixed(100.0 * correct / n, 0, false) + "%)\n");
        return correct;
    }

    /** Every training batch's loss; the original's log lines go to log. */
    public static List<Double> run(int epochs, Consumer<String> log) { return fit(epochs, Net::new, 1.0, log); }

    /** main(): seed 1, the digits in batches of 64 (test 1000), Adadelta at lr with StepLR(1, 0.7); mnist_rnn's main is the same. */
    static List<Double> fit(int epochs, java.util.function.Supplier<Net> makeModel, double lr, Consumer<String> log) {
        manualSeed(1);
        Tensor[] d = Digits.load(true);
        DataLoader trainLoader = new DataLoader(new TensorDataset(d[0], d[1]), 64, true);
        DataLoader testLoader = new DataLoader(new TensorDataset(d[2], d[3]), 1000);
        Net model = makeModel.get();
        Adadelta optimizer = new Adadelta(model.parameters(), lr);
        StepLR scheduler = new StepLR(optimizer, 1, 0.7);
        List<Double> losses = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            train(model, trainLoader, optimizer, epoch, log, losses);
            test(model, testLoader, log);
            scheduler.step();
        }
        return losses;
    }

    public static void main(String[] args) { run(args.length > 0 ? Integer.parseInt(args[0]) : 14, System.out::println); }
}
