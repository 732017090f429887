package dev.jgrad.bench;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Conv2d;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Embedding;
import dev.jgrad.nn.LSTM;
import dev.jgrad.nn.LayerNorm;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.utils.ClipGrad;
import dev.jgrad.optim.Adadelta;
import dev.jgrad.optim.AdamW;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peer's model training steps (workloads 8-10 of ../shared/bench/torch_peer.py), each the same model, sizes,
 * batch and optimizer as there: pytorch/examples' mnist CNN with Adadelta, word_language_model's 2-layer LSTM with
 * gradient clipping and a hand-written SGD update, and a 4-layer nanoGPT-style transformer with AdamW.
 * {@link #main} times them outside JMH the peer's way (median of 5 rounds of 3 steps) for quick checks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class ModelBenchmarks {

    /** pytorch/examples mnist's Net. */
    static final class MnistNet extends Module {
        final Conv2d conv1 = register("conv1", new Conv2d(1, 32, 3, 1, 0));
        final Conv2d conv2 = register("conv2", new Conv2d(32, 64, 3, 1, 0));
        final Dropout dropout1 = register("dropout1", new Dropout(0.25));
        final Dropout dropout2 = register("dropout2", new Dropout(0.5));
        final Linear fc1 = register("fc1", new Linear(9216, 128));
        final Linear fc2 = register("fc2", new Linear(128, 10));

        @Override public Tensor forward(Tensor x) {
            x = relu(conv1.forward(x));
            x = relu(conv2.forward(x));
            x = dropout1.forward(F.maxPool2d(x, 2));
            x = flatten(x, 1);
            x = dropout2.forward(relu(fc1.forward(x)));
            return F.logSoftmax(fc2.forward(x), 1);
        }
    }

    /** One mnist CNN training step, batch 64 of 1x28x28, Adadelta(lr=1.0). */
    @State(Scope.Thread)
    public static class Mnist {
        MnistNet net;
        Adadelta opt;
        Tensor x, y;

        @Setup(Level.Trial)
        public void setup() {
            manualSeed(0);
            net = new MnistNet();
            opt = new Adadelta(net.parameters(), 1.0);
            x = randn(64, 1, 28, 28);
            y = randint(0, 10, 64);
        }

        Tensor step() {
            opt.zeroGrad();
            Tensor loss = F.nllLoss(net.forward(x), y);
            loss.backward();
            opt.step();
            return loss;
        }
    }

    @Benchmark
    public Tensor mnistCnnStep(Mnist s) { return s.step(); }

    /** word_language_model's RNNModel: embedding 10000 x 200, 2-layer LSTM 200 with dropout 0.2, decoder to 10000. */
    static final class RnnModel extends Module {
        final Dropout drop = register("drop", new Dropout(0.2));
        final Embedding encoder = register("encoder", new Embedding(10000, 200));
        final LSTM rnn = register("rnn", new LSTM(200, 200, 2, true, false, 0.2, false));
        final Linear decoder = register("decoder", new Linear(200, 10000));

        Tensor forward(Tensor input, Tensor h0, Tensor c0) {
            Tensor emb = drop.forward(encoder.forward(input));
            LSTM.Output out = rnn.forward(emb, h0, c0);
            return F.logSoftmax(decoder.forward(drop.forward(out.output())).view(-1, 10000), 1);
        }

        @Override public Tensor forward(Tensor input) { return forward(input, null, null); }
    }

    /** One LSTM language-model step: bptt 35, batch 20, clip_grad_norm 0.25, p -= 20 * grad. */
    @State(Scope.Thread)
    public static class Lstm {
        RnnModel lm;
        List<Parameter> params;
        Tensor ids, tgt;

        @Setup(Level.Trial)
        public void setup() {
            manualSeed(0);
            lm = new RnnModel();
            params = lm.parameters();
            ids = randint(0, 10000, 35, 20);
            tgt = randint(0, 10000, 35 * 20);
        }

        Tensor step() {
            Tensor h = zeros(2, 20, 200), c = zeros(2, 20, 200);
            lm.zeroGrad();
            Tensor loss = F.nllLoss(lm.forward(ids, h, c), tgt);
            loss.backward();
            ClipGrad.clipGradNorm_(params, 0.25);
            try (var g = noGrad()) {
                for (Parameter p : params) p.add_(p.grad(), -20);
            }
            return loss;
        }
    }

    @Benchmark
    public Tensor lstmLmStep(Lstm s) { return s.step(); }

    /** A pre-LayerNorm transformer block with causal self-attention and a GELU MLP, as the peer writes it. */
    static final class Block extends Module {
        final int h;
        final LayerNorm ln1, ln2;
        final Linear qkv, proj, fc, fc2;
        final Tensor mask;

        Block(int d, int h, int t) {
            this.h = h;
            ln1 = register("ln1", new LayerNorm(d));
            ln2 = register("ln2", new LayerNorm(d));
            qkv = register("qkv", new Linear(d, 3 * d));
            proj = register("proj", new Linear(d, d));
            fc = register("fc", new Linear(d, 4 * d));
            fc2 = register("fc2", new Linear(4 * d, d));
            mask = tril(ones(t, t)).view(1, 1, t, t);
            registerBuffer("mask", mask);
        }

        @Override public Tensor forward(Tensor x) {
            long b = x.size(0), t = x.size(1), c = x.size(2);
            List<Tensor> parts = qkv.forward(ln1.forward(x)).split(c, 2);
            Tensor q = parts.get(0).view(b, t, h, c / h).transpose(1, 2);
            Tensor k = parts.get(1).view(b, t, h, c / h).transpose(1, 2);
            Tensor v = parts.get(2).view(b, t, h, c / h).transpose(1, 2);
            Tensor att = q.matmul(k.transpose(-2, -1)).mul(1.0 / Math.sqrt(c / h));
            att = att.maskedFill(mask.slice(2, 0, t).slice(3, 0, t).eq(0L), Double.NEGATIVE_INFINITY).softmax(-1);
            Tensor y = att.matmul(v).transpose(1, 2).contiguous().view(b, t, c);
            x = x.add(proj.forward(y));
            return x.add(fc2.forward(F.gelu(fc.forward(ln2.forward(x)))));
        }
    }

    /** The peer's GPT: vocab 65, d 128, block 64, 4 layers of 4 heads, untied head without bias. */
    static final class Gpt extends Module {
        final Embedding tok = register("tok", new Embedding(65, 128));
        final Embedding pos = register("pos", new Embedding(64, 128));
        final Block[] blocks = new Block[4];
        final LayerNorm ln;
        final Linear head;

        Gpt() {
            for (int i = 0; i < blocks.length; i++) blocks[i] = register("blocks_" + i, new Block(128, 4, 64));
            ln = register("ln", new LayerNorm(128));
            head = register("head", new Linear(128, 65, false));
        }

        @Override public Tensor forward(Tensor idx) {
            Tensor x = tok.forward(idx).add(pos.forward(arange(idx.size(1))));
            for (Block b : blocks) x = b.forward(x);
            return head.forward(ln.forward(x));
        }
    }

    /** One GPT step: batch 16 of 64 tokens, cross-entropy, AdamW(lr=3e-4). */
    @State(Scope.Thread)
    public static class Gpt4 {
        Gpt gpt;
        AdamW opt;
        Tensor x, y;

        @Setup(Level.Trial)
        public void setup() {
            manualSeed(0);
            gpt = new Gpt();
            opt = new AdamW(gpt.parameters(), 3e-4);
            x = randint(0, 65, 16, 64);
            y = randint(0, 65, 16, 64);
        }

        Tensor step() {
            opt.zeroGrad();
            Tensor logits = gpt.forward(x);
            Tensor loss = F.crossEntropy(logits.view(-1, 65), y.view(-1));
            loss.backward();
            opt.step();
            return loss;
        }
    }

    @Benchmark
    public Tensor gptStep(Gpt4 s) { return s.step(); }

    /**
     * Quick timing outside JMH, as the peer times: warm for a few seconds, then the median of 5 rounds of 3 steps.
     * Args: which of mnist, lstm, gpt (all when none), then optionally a warm-up in seconds. Under {@code -Dcpu=true}
     * it runs on one thread and reports that thread's CPU time, which other processes on a busy machine disturb less.
     */
    public static void main(String[] args) {
        boolean cpu = Boolean.getBoolean("cpu");
        if (cpu) setNumThreads(1);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        List<String> which = args.length > 0 ? List.of(args[0].split(",")) : List.of("mnist", "lstm", "gpt");
        double warmSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        for (String name : which) {
            Runnable step = switch (name) {
                case "mnist" -> { Mnist s = new Mnist(); s.setup(); yield s::step; }
                case "lstm" -> { Lstm s = new Lstm(); s.setup(); yield s::step; }
                case "gpt" -> { Gpt4 s = new Gpt4(); s.setup(); yield s::step; }
                default -> throw new IllegalArgumentException("unknown workload " + name);
            };
            long end = System.nanoTime() + (long) (warmSeconds * 1e9);
            while (System.nanoTime() < end) step.run();
            double[] rounds = new double[5];
            for (int r = 0; r < rounds.length; r++) {
                long t0 = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
                for (int i = 0; i < 3; i++) step.run();
                rounds[r] = ((cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime()) - t0) / 3e6;
            }
            java.util.Arrays.sort(rounds);
            System.out.printf("%s_step_ms\t%.3f\t(rounds %s)%n", name, rounds[2], java.util.Arrays.toString(rounds));
            if (Boolean.getBoolean("profile")) {  // where a step's time goes, by op and backward node
                try (var prof = dev.jgrad.profiler.Profiler.profile()) {
                    for (int i = 0; i < 3; i++) step.run();
                    System.out.println(prof.keyAverages().table("self_cpu_time_total", 25));
                }
            }
        }
    }
}
