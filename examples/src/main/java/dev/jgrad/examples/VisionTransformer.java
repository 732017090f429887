package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.nn.CrossEntropyLoss;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.GELU;
import dev.jgrad.nn.LayerNorm;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ModuleList;
import dev.jgrad.nn.MultiheadAttention;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.Sequential;
import dev.jgrad.optim.Adam;
import dev.jgrad.utils.data.DataLoader;
import dev.jgrad.utils.data.TensorDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * pytorch/examples' vision_transformer: patches by unfold, a linear projection with class token and
 * position embedding, encoder blocks (one LayerNorm used twice, MultiheadAttention, a GELU MLP), an MLP head
 * on the class token; Adam with weight decay, cross-entropy. Its quirks are kept (the class token and
 * position embedding have the batch size baked in; the attention reads dim 0 as the sequence). On
 * {@link Digits} (one channel, 28x28, patch 7) instead of CIFAR-10; the best weights stay in memory.
 */
public final class VisionTransformer {
    private VisionTransformer() {}

    /** The arguments the original's parser takes, with this port's sizes. */
    public record Args(int patchSize, int latentSize, int nChannels, int numHeads, int numEncoders, double dropout, int numClasses,
                       int batchSize, double lr, double weightDecay) {
        public static Args defaults() { return new Args(7, 32, 1, 4, 2, 0.1, 10, 4, 1e-2, 3e-2); }
    }

    static Tensor patchify(Tensor input, int patchSize) {
        long b = input.size(0), h = input.size(2), w = input.size(3);
        long numPatches = (h / patchSize) * (w / patchSize);
        return input.unfold(2, patchSize, patchSize).unfold(3, patchSize, patchSize).permute(0, 2, 3, 1, 4, 5).contiguous()
                .view(b, numPatches, -1);
    }

    static final class InputEmbedding extends Module {
        final int patchSize;
        final Linear linearProjection;
        final Parameter classToken, posEmbedding;

        InputEmbedding(Args a) {
            patchSize = a.patchSize();
            linearProjection = register("LinearProjection", new Linear(a.patchSize() * a.patchSize() * a.nChannels(), a.latentSize()));
            classToken = registerParameter("class_token", new Parameter(randn(a.batchSize(), 1, a.latentSize())));
            posEmbedding = registerParameter("pos_embedding", new Parameter(randn(a.batchSize(), 1, a.latentSize())));
        }

        @Override public Tensor forward(Tensor inputData) {
            Tensor patches = patchify(inputData, patchSize);
            Tensor projection = linearProjection.forward(patches);
            long n = projection.size(1);
            projection = cat(List.of(classToken, projection), 1);
            Tensor posEmbed = posEmbedding.slice(1, 0, n + 1);
            return projection.add_(posEmbed);
        }
    }

    static final class EncoderBlock extends Module {
        final LayerNorm norm;
        final MultiheadAttention attention;
        final Sequential encMlp;

        EncoderBlock(Args a) {
            norm = register("norm", new LayerNorm(a.latentSize()));
            attention = register("attention", new MultiheadAttention(a.latentSize(), a.numHeads(), a.dropout(), true, false));
            encMlp = register("enc_MLP", new Sequential(new Linear(a.latentSize(), a.latentSize() * 4), new GELU(), new Dropout(a.dropout()),
                    new Linear(a.latentSize() * 4, a.latentSize()), new Dropout(a.dropout())));
        }

        @Override public Tensor forward(Tensor embPatches) {
            Tensor firstNorm = norm.forward(embPatches);
            Tensor attentionOut = attention.forward(firstNorm, firstNorm, firstNorm).output();
            Tensor firstAdded = attentionOut.add(embPatches);
            Tensor secondNorm = norm.forward(firstAdded);
            return encMlp.forward(secondNorm).add(firstAdded);
        }
    }

    static final class ViT extends Module {
        final InputEmbedding embedding;
        final ModuleList encoders;
        final Sequential mlpHead;

        ViT(Args a) {
            embedding = register("embedding", new InputEmbedding(a));
            ModuleList list = new ModuleList();
            for (int i = 0; i < a.numEncoders(); i++) list.append(new EncoderBlock(a));
            encoders = register("encoders", list);
            mlpHead = register("MLPHead", new Sequential(new LayerNorm(a.latentSize()), new Linear(a.latentSize(), a.latentSize()),
                    new Linear(a.latentSize(), a.numClasses())));
        }

        @Override public Tensor forward(Tensor testInput) {
            Tensor encOutput = embedding.forward(testInput);
            for (Module layer : encoders) encOutput = layer.forward(encOutput);
            return mlpHead.forward(encOutput.select(1, 0));
        }
    }

    /** Every training batch's loss; the original's summary lines go to log. maxBatches null: whole epochs. */
    public static List<Double> run(int epochs, Integer maxBatches, Args a, Consumer<String> log) {
        manualSeed(1);
        Tensor[] d = Digits.load(false);
        long n = d[0].size(0) / a.batchSize() * a.batchSize();  // the class token has the batch size baked in
        DataLoader trainLoader = new DataLoader(new TensorDataset(d[0].narrow(0, 0, n), d[1].narrow(0, 0, n)), a.batchSize(), true);
        DataLoader validLoader = new DataLoader(new TensorDataset(d[2], d[3]), a.batchSize(), true);
        ViT model = new ViT(a);
        Adam optimizer = new Adam(model.parameters(), a.lr(), 0.9, 0.999, 1e-8, a.weightDecay(), false);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        List<Double> losses = new ArrayList<>();
        double bestValidLoss = Double.POSITIVE_INFINITY, bestTrainLoss = Double.POSITIVE_INFINITY;
        for (int i = 0; i < epochs; i++) {
            model.train();
            double total = 0;
            int t = 0;
            for (List<Tensor> batch : trainLoader) {
                optimizer.zeroGrad();
                Tensor loss = criterion.forward(model.forward(batch.get(0)), batch.get(1));
                loss.backward();
                optimizer.step();
                total += loss.item();
                losses.add(loss.item());
                if (maxBatches != null && ++t >= maxBatches) break;
            }
            double trainLoss = total / trainLoader.size();
            model.eval();
            total = 0;
            t = 0;
            for (List<Tensor> batch : validLoader) {
                total += criterion.forward(model.forward(batch.get(0)), batch.get(1)).item();
                if (maxBatches != null && ++t >= maxBatches) break;
            }
            double valLoss = total / validLoader.size();
            if (valLoss < bestValidLoss) {
                log.accept("Saved Best Weights");
                bestValidLoss = valLoss;
                bestTrainLoss = trainLoss;
            }
        }
        log.accept("Training Loss : " + Py.repr(bestTrainLoss));
        log.accept("Valid Loss : " + Py.repr(bestValidLoss));
        return losses;
    }

    public static void main(String[] args) { run(args.length > 0 ? Integer.parseInt(args[0]) : 2, null, Args.defaults(), System.out::println); }
}
