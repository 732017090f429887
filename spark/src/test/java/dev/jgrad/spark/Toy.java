package dev.jgrad.spark;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.Optimizer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tests' small problem: a 4-16-3 MLP (with dropout) classifying a fixed synthetic dataset, trained with Adam. */
final class Toy {
    private Toy() {}

    /** One example: its index in the dataset, 4 features and a class. */
    record Example(int index, float[] x, long y) implements Serializable {}

    static List<Example> dataset(int n) {
        Torch.manualSeed(3);
        float[] x = Torch.randn(n, 4).toFloatArray();
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] xi = {x[4 * i], x[4 * i + 1], x[4 * i + 2], x[4 * i + 3]};
            long y = xi[0] + xi[1] > 0 ? (xi[2] > 0 ? 0 : 1) : 2;
            out.add(new Example(i, xi, y));
        }
        return out;
    }

    /** With dropout only where each rank has a JVM of its own: jgrad's default generator is one per JVM. */
    static Module model(boolean dropout) {
        return dropout ? new Sequential(new Linear(4, 16), new Tanh(), new Dropout(0.1), new Linear(16, 3))
                : new Sequential(new Linear(4, 16), new Tanh(), new Linear(16, 3));
    }

    static Module initialModel(boolean dropout) {
        Torch.manualSeed(7);
        return model(dropout);
    }

    static Optimizer adam(List<Parameter> params) { return new Adam(params, 0.01); }

    static Tensor loss(Module model, List<Example> shard) {
        int b = shard.size();
        float[] x = new float[4 * b];
        long[] y = new long[b];
        for (int i = 0; i < b; i++) {
            System.arraycopy(shard.get(i).x(), 0, x, 4 * i, 4);
            y[i] = shard.get(i).y();
        }
        return F.crossEntropy(model.forward(Torch.fromArray(x, b, 4)), Torch.fromArray(y, b));
    }

    /**
     * The one-process reference: the same global batches (DistributedSampler's rank shards, written out here from
     * its definition), each rank's gradients computed in turn, divided by W and added in rank order with tensor
     * ops, then one optimizer step. Generator seeded as the workers seed it.
     */
    static Map<String, Tensor> trainInOneProcess(boolean dropout, List<Example> data, int globalBatch, int workers, boolean shuffle, long seed, long steps) {
        Module model = initialModel(dropout);
        Optimizer optimizer = adam(model.parameters());
        List<Parameter> params = model.parameters();
        int n = data.size(), perEpoch = n / globalBatch, shard = globalBatch / workers;
        for (long step = 0; step < steps; step++) {
            int epoch = (int) (step / perEpoch), batch = (int) (step % perEpoch);
            long[] order = shuffle ? new dev.jgrad.Generator(seed + epoch).randperm(n) : identity(n);
            Tensor[] sum = new Tensor[params.size()];
            for (int rank = 0; rank < workers; rank++) {
                // DistributedSampler: rank's indices are order[rank::W]; its DataLoader's batch j is [j*b, (j+1)*b)
                List<Example> mine = new ArrayList<>();
                for (int k = 0; k < shard; k++) mine.add(data.get((int) order[(batch * shard + k) * workers + rank]));
                Torch.manualSeed(seed + step * workers + rank);
                optimizer.zeroGrad();
                loss(model, mine).backward();
                for (int i = 0; i < params.size(); i++) {
                    Tensor g = params.get(i).grad().div(workers);
                    sum[i] = sum[i] == null ? g : sum[i].add(g);
                }
            }
            for (int i = 0; i < params.size(); i++) params.get(i).setGrad(sum[i]);
            optimizer.step();
        }
        return model.stateDict();
    }

    private static long[] identity(int n) {
        long[] o = new long[n];
        for (int i = 0; i < n; i++) o[i] = i;
        return o;
    }
}
