package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.Adam;
import dev.jgrad.utils.data.DataLoader;
import dev.jgrad.utils.data.TensorDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * pytorch/examples' vae: a variational autoencoder (784-400-20 encoder, the reparameterisation trick, a
 * 20-400-784 decoder) trained with Adam on reconstruction BCE plus the KL divergence, batch 128, seed 1,
 * on {@link Digits} in [0, 1]. The original's sample and reconstruction images are not written.
 */
public final class Vae {
    private Vae() {}

    static final class VAE extends Module {
        final Linear fc1 = register("fc1", new Linear(784, 400));
        final Linear fc21 = register("fc21", new Linear(400, 20));
        final Linear fc22 = register("fc22", new Linear(400, 20));
        final Linear fc3 = register("fc3", new Linear(20, 400));
        final Linear fc4 = register("fc4", new Linear(400, 784));

        Tensor[] encode(Tensor x) {
            Tensor h1 = F.relu(fc1.forward(x));
            return new Tensor[] {fc21.forward(h1), fc22.forward(h1)};
        }

        Tensor reparameterize(Tensor mu, Tensor logvar) {
            Tensor std = exp(logvar.mul(0.5));
            Tensor eps = randnLike(std);
            return mu.add(eps.mul(std));
        }

        Tensor decode(Tensor z) {
            Tensor h3 = F.relu(fc3.forward(z));
            return sigmoid(fc4.forward(h3));
        }

        /** (reconstruction, mu, logvar). */
        Tensor[] run(Tensor x) {
            Tensor[] ml = encode(x.view(-1, 784));
            Tensor z = reparameterize(ml[0], ml[1]);
            return new Tensor[] {decode(z), ml[0], ml[1]};
        }

        @Override public Tensor forward(Tensor x) { return run(x)[0]; }
    }

    /** Reconstruction + KL divergence losses summed over all elements and batch. */
    static Tensor lossFunction(Tensor reconX, Tensor x, Tensor mu, Tensor logvar) {
        Tensor bce = F.binaryCrossEntropy(reconX, x.view(-1, 784), null, "sum");
        Tensor kld = sum(logvar.add(1L).sub(mu.pow(2L)).sub(logvar.exp())).mul(-0.5);
        return bce.add(kld);
    }

    /** Every training batch's loss; the original's log lines go to log. */
    public static List<Double> run(int epochs, Consumer<String> log) {
        manualSeed(1);
        Tensor[] d = Digits.load(false);
        DataLoader trainLoader = new DataLoader(new TensorDataset(d[0], d[1]), 128, true);
        DataLoader testLoader = new DataLoader(new TensorDataset(d[2], d[3]), 128, false);
        VAE model = new VAE();
        Adam optimizer = new Adam(model.parameters(), 1e-3);
        List<Double> losses = new ArrayList<>();
        int trainSize = trainLoader.dataset().size(), testSize = testLoader.dataset().size();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            model.train();
            double trainLoss = 0;
            int batchIdx = 0;
            for (List<Tensor> batch : trainLoader) {
                Tensor data = batch.get(0);
                optimizer.zeroGrad();
                Tensor[] out = model.run(data);
                Tensor loss = lossFunction(out[0], data, out[1], out[2]);
                loss.backward();
                trainLoss += loss.item();
                losses.add(loss.item());
                optimizer.step();
                if (batchIdx % 10 == 0) {
                    log.accept("Train Epoch: " + epoch + " [" + batchIdx * data.size(0) + "/" + trainSize + " ("
                            + Py.fixed(100.0 * batchIdx / trainLoader.size(), 0, false) + "%)]\tLoss: "
                            + Py.fixed(loss.item() / data.size(0), 6, false));
                }
                batchIdx++;
            }
            log.accept("====> Epoch: " + epoch + " Average loss: " + Py.fixed(trainLoss / trainSize, 4, false));
            model.eval();
            double testLoss = 0;
            try (var g = noGrad()) {
                for (List<Tensor> batch : testLoader) {
                    Tensor data = batch.get(0);
                    Tensor[] out = model.run(data);
                    testLoss += lossFunction(out[0], data, out[1], out[2]).item();
                }
                log.accept("====> Test set loss: " + Py.fixed(testLoss / testSize, 4, false));
                model.decode(randn(64, 20));  // the original saves these samples as an image
            }
        }
        return losses;
    }

    public static void main(String[] args) { run(args.length > 0 ? Integer.parseInt(args[0]) : 10, System.out::println); }
}
