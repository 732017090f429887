package dev.jgrad.examples;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.lr.CosineAnnealingLR;
import dev.jgrad.utils.data.DataLoader;
import dev.jgrad.utils.data.TensorDataset;
import dev.jgrad.utils.tensorboard.SummaryWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a small MLP to separate three interleaved spirals, the classic toy problem no linear model can
 * solve: nn layers, cross entropy, Adam with a cosine lr schedule, and a shuffling DataLoader.
 *
 * <pre>{@code ./jgrad example TrainClassifier}</pre>
 *
 * Each epoch prints the mean training loss, the accuracy on the whole set and the examples per second.
 * Given a checkpoint file as second argument ({@code TrainClassifier 60 run.pt}, run with {@code java}; the
 * launcher passes no arguments) it saves the whole training state there after every epoch and, when the file
 * exists, resumes from it: stop the run at any epoch, start it again, and it ends with the weights the
 * uninterrupted run ends with (TrainClassifierTest checks this bit for bit). The file is a PyTorch checkpoint:
 * {@code torch.load("run.pt")} reads it and {@code model.load_state_dict(ck["model"])},
 * {@code optimizer.load_state_dict(ck["optimizer"])} take its parts. The run logs to TensorBoard under
 * {@code runs/train_classifier} (loss, accuracy, lr, the first layer's weights, the hyperparameters).
 */
public final class TrainClassifier {
    private TrainClassifier() {}

    static final int CLASSES = 3, PER_CLASS = 300;

    /** Three spiral arms of PER_CLASS points each, with noise on the angle: x (n, 2) float32, y (n) int64. */
    static Tensor[] spirals(long seed) {
        Torch.manualSeed(seed);
        int n = CLASSES * PER_CLASS;
        float[] x = new float[2 * n];
        long[] y = new long[n];
        for (int c = 0; c < CLASSES; c++) {
            Tensor noise = Torch.randn(PER_CLASS).mul(0.2);
            float[] jitter = noise.toFloatArray();
            for (int i = 0; i < PER_CLASS; i++) {
                double r = (double) i / (PER_CLASS - 1);
                double t = c * 4.0 + 4.0 * r + jitter[i];
                int k = c * PER_CLASS + i;
                x[2 * k] = (float) (r * Math.sin(t));
                x[2 * k + 1] = (float) (r * Math.cos(t));
                y[k] = c;
            }
        }
        return new Tensor[] {Torch.fromArray(x, n, 2), Torch.fromArray(y, n)};
    }

    /** Trains for the given epochs and returns the final accuracy on the training set. */
    public static double train(int epochs, long seed, boolean verbose) { return train(epochs, seed, verbose, null, epochs); }

    /**
     * As {@link #train(int, long, boolean)}, with a checkpoint file (or null): resumes from it when it exists,
     * saves to it after every epoch, and stops after epoch stopAfter (an interruption, for the demo and its test).
     */
    public static double train(int epochs, long seed, boolean verbose, Path checkpoint, int stopAfter) {
        return train(epochs, seed, verbose, checkpoint, stopAfter, null);
    }

    /** As above, also logging each epoch's loss, accuracy and lr and the first layer's weights to TensorBoard (writer may be null). */
    public static double train(int epochs, long seed, boolean verbose, Path checkpoint, int stopAfter, SummaryWriter writer) {
        Tensor[] data = spirals(seed);
        Tensor x = data[0], y = data[1];
        Sequential model = new Sequential(new Linear(2, 64), new ReLU(), new Linear(64, 64), new ReLU(), new Linear(64, CLASSES));
        Adam optimizer = new Adam(model.parameters(), 0.01);
        CosineAnnealingLR schedule = new CosineAnnealingLR(optimizer, epochs, 1e-4);
        DataLoader loader = new DataLoader(new TensorDataset(x, y), 64, true);
        if (verbose) System.out.println(model);
        double accuracy = 0;
        int done = 0;
        if (checkpoint != null && Files.exists(checkpoint)) {  // resume: every part of the state, the generator's included
            @SuppressWarnings("unchecked")
            Map<String, Object> ck = (Map<String, Object>) Torch.load(checkpoint);
            @SuppressWarnings("unchecked")
            Map<String, Tensor> weights = (Map<String, Tensor>) ck.get("model");
            model.loadStateDict(weights);
            @SuppressWarnings("unchecked")
            Map<String, Object> optimizerState = (Map<String, Object>) ck.get("optimizer");
            optimizer.loadStateDict(optimizerState);
            @SuppressWarnings("unchecked")
            Map<String, Object> scheduleState = (Map<String, Object>) ck.get("scheduler");
            schedule.loadStateDict(scheduleState);
            Torch.setRngState((Tensor) ck.get("rng_state"));
            done = ((Number) ck.get("epoch")).intValue();
            if (verbose) System.out.println("resumed from " + checkpoint + " after epoch " + done);
        }
        for (int epoch = done + 1; epoch <= Math.min(epochs, stopAfter); epoch++) {
            long start = System.nanoTime();
            double lossSum = 0;
            int batches = 0;
            model.train();
            for (List<Tensor> batch : loader) {
                Tensor loss = F.crossEntropy(model.forward(batch.get(0)), batch.get(1));
                optimizer.zeroGrad();
                loss.backward();
                optimizer.step();
                lossSum += loss.item();
                batches++;
            }
            schedule.step();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (checkpoint != null) {  // what torch.save({"model": ..., "optimizer": ..., ...}, path) writes in PyTorch
                Map<String, Object> ck = new LinkedHashMap<>();
                ck.put("model", model.stateDict());
                ck.put("optimizer", optimizer.stateDict());
                ck.put("scheduler", schedule.stateDict());
                ck.put("epoch", epoch);
                ck.put("rng_state", Torch.getRngState());
                Torch.save(ck, checkpoint);
            }
            accuracy = accuracy(model, x, y);
            if (writer != null) {  // tensorboard --logdir runs
                writer.addScalar("Loss/train", lossSum / batches, epoch);
                writer.addScalar("Accuracy/train", accuracy, epoch);
                writer.addScalar("lr", schedule.getLastLr().get(0), epoch);
                writer.addHistogram("0.weight", model.get(0).parameters().get(0), epoch);
            }
            if (verbose) {
                System.out.printf("epoch %3d  loss %.4f  accuracy %5.1f%%  %,.0f examples/s%n", epoch, lossSum / batches, 100 * accuracy,
                        x.size(0) / seconds);
            }
        }
        return done >= Math.min(epochs, stopAfter) ? accuracy(model, x, y) : accuracy;  // a resumed run with nothing left to do
    }

    static double accuracy(Sequential model, Tensor x, Tensor y) {
        model.eval();
        try (var g = Torch.noGrad()) {
            Tensor predicted = model.forward(x).argmax(1);
            return predicted.eq(y).toDouble().mean().item();
        }
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path checkpoint = args.length > 1 ? Path.of(args[1]) : null;
        try (SummaryWriter writer = new SummaryWriter(Path.of("runs", "train_classifier"))) {
            double accuracy = train(epochs, 0, true, checkpoint, epochs, writer);
            writer.addHparams(Map.of("lr", 0.01, "batch_size", 64, "epochs", epochs), Map.of("hparam/accuracy", accuracy));
            System.out.printf("final accuracy %.1f%%%n", 100 * accuracy);
            System.out.println("# TensorBoard logs: " + writer.logDir() + " (tensorboard --logdir runs)");
        }
    }
}
