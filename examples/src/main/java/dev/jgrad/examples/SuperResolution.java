package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Conv2d;
import dev.jgrad.nn.MSELoss;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.PixelShuffle;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;
import dev.jgrad.optim.Adam;
import dev.jgrad.utils.data.DataLoader;
import dev.jgrad.utils.data.TensorDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * pytorch/examples' super_resolution: an efficient sub-pixel network (four convolutions with orthogonal
 * initialisation, PixelShuffle) learns to upscale by 2, trained with MSE and Adam (lr 0.01), seed 123. The
 * data are {@link Digits}: the 28x28 image is the target, its bilinear 14x14 reduction the input (the original
 * uses BSDS300's luminance, a download).
 */
public final class SuperResolution {
    private SuperResolution() {}

    static final class Net extends Module {
        final ReLU relu = register("relu", new ReLU());
        final Conv2d conv1, conv2, conv3, conv4;
        final PixelShuffle pixelShuffle;

        Net(int upscaleFactor) {
            conv1 = register("conv1", conv(1, 64, 5, 2));
            conv2 = register("conv2", conv(64, 64, 3, 1));
            conv3 = register("conv3", conv(64, 32, 3, 1));
            conv4 = register("conv4", conv(32, upscaleFactor * upscaleFactor, 3, 1));
            pixelShuffle = register("pixel_shuffle", new PixelShuffle(upscaleFactor));
            initializeWeights();
        }

        private static Conv2d conv(int in, int out, int k, int pad) {
            return new Conv2d(in, out, new int[] {k, k}, new int[] {1, 1}, new int[] {pad, pad}, new int[] {1, 1}, 1, true);
        }

        @Override public Tensor forward(Tensor x) {
            x = relu.forward(conv1.forward(x));
            x = relu.forward(conv2.forward(x));
            x = relu.forward(conv3.forward(x));
            return pixelShuffle.forward(conv4.forward(x));
        }

        private void initializeWeights() {
            Init.orthogonal_(conv1.weight, Init.calculateGain("relu"));
            Init.orthogonal_(conv2.weight, Init.calculateGain("relu"));
            Init.orthogonal_(conv3.weight, Init.calculateGain("relu"));
            Init.orthogonal_(conv4.weight);
        }
    }

    /** Every training batch's loss; the original's log lines go to log. maxIters null: whole epochs. */
    public static List<Double> run(int nEpochs, Integer maxIters, Consumer<String> log) {
        manualSeed(123);
        Tensor[] d = Digits.load(false);
        DataLoader trainingDataLoader = new DataLoader(new TensorDataset(reduce(d[0]), d[0]), 64, true);
        DataLoader testingDataLoader = new DataLoader(new TensorDataset(reduce(d[2]), d[2]), 10, false);
        Net model = new Net(2);
        MSELoss criterion = new MSELoss();
        Adam optimizer = new Adam(model.parameters(), 0.01);
        List<Double> losses = new ArrayList<>();
        for (int epoch = 1; epoch <= nEpochs; epoch++) {
            double epochLoss = 0;
            int iteration = 0;
            for (List<Tensor> batch : trainingDataLoader) {
                iteration++;
                optimizer.zeroGrad();
                Tensor loss = criterion.forward(model.forward(batch.get(0)), batch.get(1));
                epochLoss += loss.item();
                losses.add(loss.item());
                loss.backward();
                optimizer.step();
                log.accept("===> Epoch[" + epoch + "](" + iteration + "/" + trainingDataLoader.size() + "): Loss: " + Py.fixed(loss.item(), 4, false));
                if (maxIters != null && iteration >= maxIters) break;
            }
            log.accept("===> Epoch " + epoch + " Complete: Avg. Loss: " + Py.fixed(epochLoss / trainingDataLoader.size(), 4, false));
            double avgPsnr = 0;
            try (var g = noGrad()) {
                for (List<Tensor> batch : testingDataLoader) {
                    Tensor mse = criterion.forward(model.forward(batch.get(0)), batch.get(1));
                    avgPsnr += 10 * Math.log10(1 / mse.item());
                }
            }
            log.accept("===> Avg. PSNR: " + Py.fixed(avgPsnr / testingDataLoader.size(), 4, false) + " dB");
        }
        return losses;
    }

    /** The 14x14 input of a 28x28 target. */
    private static Tensor reduce(Tensor x) { return F.interpolate(x, new int[] {14, 14}, "bilinear", false); }

    public static void main(String[] args) { run(args.length > 0 ? Integer.parseInt(args[0]) : 2, null, System.out::println); }
}
