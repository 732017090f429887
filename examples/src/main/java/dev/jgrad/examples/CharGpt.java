package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Embedding;
import dev.jgrad.nn.GELU;
import dev.jgrad.nn.LayerNorm;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ModuleList;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;
import dev.jgrad.nn.utils.ClipGrad;
import dev.jgrad.optim.AdamW;
import dev.jgrad.optim.Optimizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A nanoGPT-style character transformer: causal self-attention masked with tril + masked_fill, GELU MLP
 * blocks with pre-LayerNorm, token embedding tied to the output head, AdamW with weight-decay parameter
 * groups, warmup then cosine learning rate, gradient clipping, top-k sampling. Trained on the shipped
 * Shakespeare lines; its twin is tools/fixtures/examples/char_gpt.py (both written for this project after
 * the architecture of Karpathy's nanoGPT).
 */
public final class CharGpt {
    private CharGpt() {}

    static final class CausalSelfAttention extends Module {
        final int nHead, nEmbd;
        final Linear cAttn, cProj;
        final Dropout attnDropout, residDropout;

        CausalSelfAttention(int nEmbd, int nHead, int blockSize, double dropout) {
            this.nHead = nHead;
            this.nEmbd = nEmbd;
            cAttn = register("c_attn", new Linear(nEmbd, 3 * nEmbd));
            cProj = register("c_proj", new Linear(nEmbd, nEmbd));
            attnDropout = register("attn_dropout", new Dropout(dropout));
            residDropout = register("resid_dropout", new Dropout(dropout));
            registerBuffer("bias", tril(ones(blockSize, blockSize)).view(1, 1, blockSize, blockSize));
        }

        @Override public Tensor forward(Tensor x) {
            long b = x.size(0), t = x.size(1), c = x.size(2);
            List<Tensor> qkv = cAttn.forward(x).split(nEmbd, 2);
            Tensor k = qkv.get(1).view(b, t, nHead, c / nHead).transpose(1, 2);
            Tensor q = qkv.get(0).view(b, t, nHead, c / nHead).transpose(1, 2);
            Tensor v = qkv.get(2).view(b, t, nHead, c / nHead).transpose(1, 2);
            Tensor att = q.matmul(k.transpose(-2, -1)).mul(1.0 / Math.sqrt(k.size(-1)));
            Tensor mask = namedBuffers().get("bias").slice(2, 0, t).slice(3, 0, t);
            att = att.maskedFill(mask.eq(0L), Double.NEGATIVE_INFINITY);
            att = F.softmax(att, -1);
            att = attnDropout.forward(att);
            Tensor y = att.matmul(v);
            y = y.transpose(1, 2).contiguous().view(b, t, c);
            return residDropout.forward(cProj.forward(y));
        }
    }

    static final class Mlp extends Module {
        final Linear cFc, cProj;
        final GELU gelu = new GELU();
        final Dropout dropout;

        Mlp(int nEmbd, double p) {
            cFc = register("c_fc", new Linear(nEmbd, 4 * nEmbd));
            register("gelu", gelu);
            cProj = register("c_proj", new Linear(4 * nEmbd, nEmbd));
            dropout = register("dropout", new Dropout(p));
        }

        @Override public Tensor forward(Tensor x) { return dropout.forward(cProj.forward(gelu.forward(cFc.forward(x)))); }
    }

    static final class Block extends Module {
        final LayerNorm ln1, ln2;
        final CausalSelfAttention attn;
        final Mlp mlp;

        Block(int nEmbd, int nHead, int blockSize, double dropout) {
            ln1 = register("ln_1", new LayerNorm(nEmbd));
            attn = register("attn", new CausalSelfAttention(nEmbd, nHead, blockSize, dropout));
            ln2 = register("ln_2", new LayerNorm(nEmbd));
            mlp = register("mlp", new Mlp(nEmbd, dropout));
        }

        @Override public Tensor forward(Tensor x) {
            x = x.add(attn.forward(ln1.forward(x)));
            return x.add(mlp.forward(ln2.forward(x)));
        }
    }

    static final class Gpt extends Module {
        final int blockSize;
        final Embedding wte, wpe;
        final Dropout drop;
        final ModuleList h;
        final LayerNorm lnF;
        final Linear lmHead;

        Gpt(int vocabSize, int blockSize, int nLayer, int nHead, int nEmbd, double dropout) {
            this.blockSize = blockSize;
            wte = register("wte", new Embedding(vocabSize, nEmbd));
            wpe = register("wpe", new Embedding(blockSize, nEmbd));
            drop = register("drop", new Dropout(dropout));
            ModuleList blocks = new ModuleList();
            for (int i = 0; i < nLayer; i++) blocks.append(new Block(nEmbd, nHead, blockSize, dropout));
            h = register("h", blocks);
            lnF = register("ln_f", new LayerNorm(nEmbd));
            lmHead = register("lm_head", new Linear(nEmbd, vocabSize, false));
            lmHead.setWeight(wte.weight);  // tied
            apply(Gpt::initWeights);
            for (var e : namedParameters().entrySet()) {
                if (e.getKey().endsWith("c_proj.weight")) Init.normal_(e.getValue(), 0.0, 0.02 / Math.sqrt(2.0 * nLayer));
            }
        }

        private static void initWeights(Module module) {
            if (module instanceof Linear l) {
                Init.normal_(l.weight, 0.0, 0.02);
                if (l.bias != null) Init.zeros_(l.bias);
            } else if (module instanceof Embedding e) {
                Init.normal_(e.weight, 0.0, 0.02);
            }
        }

        /** (logits, loss or null). */
        Tensor[] run(Tensor idx, Tensor targets) {
            long t = idx.size(1);
            Tensor pos = arange(0L, t);
            Tensor x = drop.forward(wte.forward(idx).add(wpe.forward(pos)));
            for (Module block : h) x = block.forward(x);
            x = lnF.forward(x);
            Tensor logits = lmHead.forward(x);
            Tensor loss = targets == null ? null : F.crossEntropy(logits.view(-1, logits.size(-1)), targets.view(-1));
            return new Tensor[] {logits, loss};
        }

        @Override public Tensor forward(Tensor idx) { return run(idx, null)[0]; }

        /** AdamW over two groups: the matrices decay, the vectors (biases, norms) do not. */
        Optimizer configureOptimizers(double weightDecay, double learningRate, double beta1, double beta2) {
            List<Parameter> decay = new ArrayList<>(), nodecay = new ArrayList<>();
            for (Parameter p : parameters()) (p.dim() >= 2 ? decay : nodecay).add(p);
            AdamW opt = new AdamW(decay, learningRate, beta1, beta2, 1e-8, weightDecay, false);
            opt.addParamGroup(nodecay, Map.of("weight_decay", 0.0));
            return opt;
        }

        Tensor generate(Tensor idx, int maxNewTokens, double temperature, int topK) {
            try (var g = noGrad()) {
                for (int i = 0; i < maxNewTokens; i++) {
                    Tensor idxCond = idx.size(1) <= blockSize ? idx : idx.slice(1, idx.size(1) - blockSize, idx.size(1));
                    Tensor logits = run(idxCond, null)[0].select(1, -1).div(temperature);
                    int k = (int) Math.min(topK, logits.size(-1));
                    Tensor v = topk(logits, k).values();
                    logits.maskedFill_(logits.lt(v.narrow(1, k - 1, 1)), Double.NEGATIVE_INFINITY);
                    Tensor probs = F.softmax(logits, -1);
                    Tensor idxNext = multinomial(probs, 1);
                    idx = cat(List.of(idx, idxNext), 1);
                }
            }
            return idx;
        }
    }

    /** The options, with this example's defaults (a model small enough for a 2-core machine). */
    public record Options(int maxIters, long seed, int batchSize, int blockSize, int nLayer, int nHead, int nEmbd, double dropout,
                          double learningRate, double minLr, int warmupIters, double weightDecay, int evalInterval, int newTokens, int topK) {
        public static Options defaults() { return new Options(200, 1337, 16, 32, 2, 4, 64, 0.1, 1e-3, 1e-4, 10, 0.1, 50, 100, 10); }

        public Options withIters(int iters) {
            return new Options(iters, seed, batchSize, blockSize, nLayer, nHead, nEmbd, dropout, learningRate, minLr, warmupIters,
                    weightDecay, evalInterval, newTokens, topK);
        }
    }

    /** Every iteration's training loss; progress lines and the sampled text go to log. */
    public static List<Double> run(Options o, Consumer<String> log) {
        manualSeed(o.seed());
        String text = read();
        TreeSet<Integer> set = new TreeSet<>();
        text.codePoints().forEach(set::add);
        List<Integer> chars = new ArrayList<>(set);
        java.util.HashMap<Integer, Integer> stoi = new java.util.HashMap<>();
        for (int i = 0; i < chars.size(); i++) stoi.put(chars.get(i), i);
        Tensor data = tensor(text.codePoints().mapToLong(cp -> stoi.get(cp)).toArray());
        long n = (long) (0.9 * data.size(0));
        Tensor trainData = data.slice(0, 0, n), valData = data.slice(0, n, data.size(0));
        Gpt model = new Gpt(chars.size(), o.blockSize(), o.nLayer(), o.nHead(), o.nEmbd(), o.dropout());
        Optimizer optimizer = model.configureOptimizers(o.weightDecay(), o.learningRate(), 0.9, 0.95);
        List<Double> losses = new ArrayList<>();
        for (int it = 0; it < o.maxIters(); it++) {
            double lr = lrAt(it, o);
            for (Optimizer.ParamGroup group : optimizer.paramGroups()) group.setLr(lr);
            Tensor[] batch = getBatch(trainData, o);
            Tensor loss = model.run(batch[0], batch[1])[1];
            optimizer.zeroGrad();
            loss.backward();
            ClipGrad.clipGradNorm_(model.parameters(), 1.0);
            optimizer.step();
            losses.add(loss.item());
            if (it % o.evalInterval() == 0 || it == o.maxIters() - 1) {
                model.eval();
                Tensor valLoss;
                try (var g = noGrad()) {
                    Tensor[] vb = getBatch(valData, o);
                    valLoss = model.run(vb[0], vb[1])[1];
                }
                model.train();
                log.accept("iter " + it + ": train loss " + Py.fixed(loss.item(), 4, false) + ", val loss " + Py.fixed(valLoss.item(), 4, false));
            }
        }
        model.eval();
        Tensor out = model.generate(zeros(dev.jgrad.DType.INT64, 1, 1), o.newTokens(), 0.8, o.topK());
        StringBuilder sample = new StringBuilder();
        for (long i : out.get(0).toLongArray()) sample.appendCodePoint(chars.get((int) i));
        log.accept(sample.toString());
        return losses;
    }

    static Tensor[] getBatch(Tensor d, Options o) {
        Tensor ix = randint(0, d.size(0) - o.blockSize(), o.batchSize());
        List<Tensor> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (long i : ix.toLongArray()) {
            xs.add(d.slice(0, i, i + o.blockSize()));
            ys.add(d.slice(0, i + 1, i + 1 + o.blockSize()));
        }
        return new Tensor[] {stack(xs), stack(ys)};
    }

    /** Linear warmup, then cosine decay to minLr. */
    static double lrAt(int it, Options o) {
        if (it < o.warmupIters()) return o.learningRate() * it / o.warmupIters();
        double decayRatio = (double) (it - o.warmupIters()) / (o.maxIters() - o.warmupIters());
        double coeff = 0.5 * (1.0 + Math.cos(Math.PI * decayRatio));
        return o.minLr() + coeff * (o.learningRate() - o.minLr());
    }

    private static String read() {
        try (InputStream in = CharGpt.class.getResourceAsStream("/data/shakespeare/train.txt")) {
            if (in == null) throw new IllegalStateException("data/shakespeare/train.txt is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        run(Options.defaults().withIters(args.length > 0 ? Integer.parseInt(args[0]) : 200), System.out::println);
    }
}
