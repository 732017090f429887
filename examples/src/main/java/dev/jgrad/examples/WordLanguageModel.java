package dev.jgrad.examples;

import static dev.jgrad.Torch.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Embedding;
import dev.jgrad.nn.GRU;
import dev.jgrad.nn.LSTM;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.NLLLoss;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.RNN;
import dev.jgrad.nn.RNNBase;
import dev.jgrad.nn.TransformerEncoder;
import dev.jgrad.nn.TransformerEncoderLayer;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;
import dev.jgrad.nn.utils.ClipGrad;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * pytorch/examples' word_language_model (data.py, model.py, main.py, generate.py): an LSTM, GRU or
 * Elman RNN language model (optionally with tied input and output weights), or the Transformer variant, on
 * a word-level corpus (the shipped Shakespeare lines), trained by hand-written SGD with gradient clipping
 * and learning-rate annealing, then sampling words by multinomial draws. The best model is kept in memory
 * (the original writes it to a file).
 */
public final class WordLanguageModel {
    private WordLanguageModel() {}

    // ---------------------------------------------------------------- data.py

    static final class Dictionary {
        final Map<String, Integer> word2idx = new HashMap<>();
        final List<String> idx2word = new ArrayList<>();

        int addWord(String word) {
            return word2idx.computeIfAbsent(word, w -> {
                idx2word.add(w);
                return idx2word.size() - 1;
            });
        }

        int size() { return idx2word.size(); }
    }

    static final class Corpus {
        final Dictionary dictionary = new Dictionary();
        final Tensor train = tokenize("train.txt"), valid = tokenize("valid.txt"), test = tokenize("test.txt");

        /** Python's line.split() plus '<eos>', every word added to the dictionary, then the ids. */
        private Tensor tokenize(String name) {
            List<String> lines = read(name);
            List<Long> ids = new ArrayList<>();
            for (String line : lines) for (String w : words(line)) dictionary.addWord(w);
            for (String line : lines) for (String w : words(line)) ids.add((long) dictionary.word2idx.get(w));
            return tensor(ids.stream().mapToLong(Long::longValue).toArray());
        }

        private static List<String> words(String line) {
            List<String> out = new ArrayList<>();
            for (String w : line.strip().split("\\s+")) if (!w.isEmpty()) out.add(w);
            out.add("<eos>");
            return out;
        }

        private static List<String> read(String name) {
            try (InputStream in = WordLanguageModel.class.getResourceAsStream("/data/shakespeare/" + name)) {
                if (in == null) throw new IllegalStateException("data/shakespeare/" + name + " is missing");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                return r.lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---------------------------------------------------------------- model.py

    /** Container module with an encoder, a recurrent module, and a decoder. */
    static final class RNNModel extends Module {
        final int ntoken, nhid, nlayers;
        final String rnnType;
        final Dropout drop;
        final Embedding encoder;
        final RNNBase rnn;
        final Linear decoder;

        RNNModel(String rnnType, int ntoken, int ninp, int nhid, int nlayers, double dropout, boolean tieWeights) {
            this.ntoken = ntoken;
            drop = register("drop", new Dropout(dropout));
            encoder = register("encoder", new Embedding(ntoken, ninp));
            rnn = register("rnn", switch (rnnType) {
                case "LSTM" -> new LSTM(ninp, nhid, nlayers, true, false, dropout, false);
                case "GRU" -> new GRU(ninp, nhid, nlayers, true, false, dropout, false);
                case "RNN_TANH" -> new RNN(ninp, nhid, nlayers, "tanh", true, false, dropout, false);
                case "RNN_RELU" -> new RNN(ninp, nhid, nlayers, "relu", true, false, dropout, false);
                default -> throw new IllegalArgumentException(
                        "An invalid option for `--model` was supplied, options are ['LSTM', 'GRU', 'RNN_TANH' or 'RNN_RELU']");
            });
            decoder = register("decoder", new Linear(nhid, ntoken));
            if (tieWeights) {
                if (nhid != ninp) throw new IllegalArgumentException("When using the tied flag, nhid must be equal to emsize");
                decoder.setWeight(encoder.weight);
            }
            initWeights();
            this.rnnType = rnnType;
            this.nhid = nhid;
            this.nlayers = nlayers;
        }

        void initWeights() {
            double initrange = 0.1;
            Init.uniform_(encoder.weight, -initrange, initrange);
            Init.zeros_(decoder.bias);
            Init.uniform_(decoder.weight, -initrange, initrange);
        }

        /** (log-probabilities (L*N, ntoken), the new hidden state). */
        Object[] forward(Tensor input, Tensor[] hidden) {
            Tensor emb = drop.forward(encoder.forward(input));
            RNNBase.Output out = rnn instanceof LSTM lstm ? lstm.forward(emb, hidden[0], hidden[1])
                    : rnn instanceof GRU gru ? gru.forward(emb, hidden[0]) : ((RNN) rnn).forward(emb, hidden[0]);
            Tensor output = drop.forward(out.output());
            Tensor decoded = decoder.forward(output).view(-1, ntoken);
            return new Object[] {F.logSoftmax(decoded, 1), out.c() == null ? new Tensor[] {out.h()} : new Tensor[] {out.h(), out.c()}};
        }

        Tensor[] initHidden(int bsz) {
            Tensor weight = parameters().get(0);
            if (rnnType.equals("LSTM")) return new Tensor[] {weight.newZeros(nlayers, bsz, nhid), weight.newZeros(nlayers, bsz, nhid)};
            return new Tensor[] {weight.newZeros(nlayers, bsz, nhid)};
        }
    }

    static final class PositionalEncoding extends Module {
        final Dropout dropout;

        PositionalEncoding(int dModel, double dropout, int maxLen) {
            this.dropout = register("dropout", new Dropout(dropout));
            Tensor pe = zeros(maxLen, dModel);
            Tensor position = arange(0.0, maxLen, 1.0, DType.FLOAT32).unsqueeze(1);
            Tensor divTerm = exp(arange(0L, dModel, 2L).toFloat().mul(-Math.log(10000.0) / dModel));
            pe.index(":, 0::2").copy_(sin(position.mul(divTerm)));
            pe.index(":, 1::2").copy_(cos(position.mul(divTerm)));
            pe = pe.unsqueeze(0).transpose(0, 1);
            registerBuffer("pe", pe);
        }

        @Override public Tensor forward(Tensor x) {
            Tensor pe = namedBuffers().get("pe");
            return dropout.forward(x.add(pe.slice(0, 0, x.size(0))));
        }
    }

    static final class TransformerModel extends Module {
        final PositionalEncoding posEncoder;
        final TransformerEncoder transformerEncoder;
        final Embedding encoder;
        final Linear decoder;
        final int ninp;
        Tensor srcMask;

        TransformerModel(int ntoken, int ninp, int nhead, int nhid, int nlayers, double dropout) {
            posEncoder = register("pos_encoder", new PositionalEncoding(ninp, dropout, 5000));
            TransformerEncoderLayer encoderLayers = new TransformerEncoderLayer(ninp, nhead, nhid, dropout, "relu", 1e-5, false, false);
            transformerEncoder = register("transformer_encoder", new TransformerEncoder(encoderLayers, nlayers));
            encoder = register("encoder", new Embedding(ntoken, ninp));
            this.ninp = ninp;
            decoder = register("decoder", new Linear(ninp, ntoken));
            initWeights();
        }

        static Tensor generateSquareSubsequentMask(long sz) {
            Tensor mask = triu(ones(sz, sz)).eq(1L).transpose(0, 1);
            return mask.toFloat().maskedFill(mask.eq(0L), Double.NEGATIVE_INFINITY).maskedFill(mask.eq(1L), 0.0);
        }

        void initWeights() {
            double initrange = 0.1;
            Init.uniform_(encoder.weight, -initrange, initrange);
            Init.zeros_(decoder.bias);
            Init.uniform_(decoder.weight, -initrange, initrange);
        }

        Tensor forward(Tensor src, boolean hasMask) {
            if (hasMask) {
                if (srcMask == null || srcMask.size(0) != src.size(0)) srcMask = generateSquareSubsequentMask(src.size(0));
            } else {
                srcMask = null;
            }
            Tensor s = encoder.forward(src).mul(Math.sqrt(ninp));
            s = posEncoder.forward(s);
            Tensor output = transformerEncoder.forward(s, srcMask, null);
            output = decoder.forward(output);
            return F.logSoftmax(output, -1);
        }

        @Override public Tensor forward(Tensor src) { return forward(src, true); }
    }

    // ---------------------------------------------------------------- main.py and generate.py

    /** The options main.py takes (its defaults). */
    public record Options(String model, int emsize, int nhid, int nlayers, double lr, double clip, int epochs, int batchSize, int bptt,
                          double dropout, boolean tied, long seed, int logInterval, int nhead, int words, double temperature) {
        public static Options defaults() { return new Options("LSTM", 200, 200, 2, 20, 0.25, 40, 20, 35, 0.2, false, 1111, 200, 2, 30, 1.0); }

        public Options with(String model, int epochs, double lr) {
            return new Options(model, emsize, nhid, nlayers, lr, clip, epochs, batchSize, bptt, dropout, tied, seed, logInterval, nhead, words,
                    temperature);
        }
    }

    static Tensor batchify(Tensor data, int bsz) {
        long nbatch = data.size(0) / bsz;
        data = data.narrow(0, 0, nbatch * bsz);
        return data.view(bsz, -1).t().contiguous();
    }

    static Tensor[] repackageHidden(Tensor[] h) {
        Tensor[] r = new Tensor[h.length];
        for (int i = 0; i < h.length; i++) r[i] = h[i].detach();
        return r;
    }

    static Tensor[] getBatch(Tensor source, long i, int bptt) {
        long seqLen = Math.min(bptt, source.size(0) - 1 - i);
        return new Tensor[] {source.slice(0, i, i + seqLen), source.slice(0, i + 1, i + 1 + seqLen).view(-1)};
    }

    /** Every training batch's loss; main.py's and generate.py's output go to log. */
    public static List<Double> run(Options o, Consumer<String> log) {
        manualSeed(o.seed());
        Corpus corpus = new Corpus();
        int evalBatchSize = 10;
        Tensor trainData = batchify(corpus.train, o.batchSize()), valData = batchify(corpus.valid, evalBatchSize);
        Tensor testData = batchify(corpus.test, evalBatchSize);
        int ntokens = corpus.dictionary.size();
        boolean transformer = o.model().equals("Transformer");
        Module model = transformer ? new TransformerModel(ntokens, o.emsize(), o.nhead(), o.nhid(), o.nlayers(), o.dropout())
                : new RNNModel(o.model(), ntokens, o.emsize(), o.nhid(), o.nlayers(), o.dropout(), o.tied());
        NLLLoss criterion = new NLLLoss();
        List<Double> losses = new ArrayList<>();
        double lr = o.lr();
        Double bestValLoss = null;
        Map<String, Tensor> best = null;
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            train(model, transformer, trainData, ntokens, o, lr, epoch, criterion, losses, log);
            double valLoss = evaluate(model, transformer, valData, ntokens, o, evalBatchSize, criterion);
            log.accept("-".repeat(89));
            log.accept("| end of epoch " + pad(String.valueOf(epoch), 3) + " | time: " + pad(Py.fixed((System.nanoTime() - epochStart) / 1e9, 2, false), 5)
                    + "s | valid loss " + pad(Py.fixed(valLoss, 2, false), 5) + " | valid ppl " + pad(Py.fixed(Math.exp(valLoss), 2, false), 8));
            log.accept("-".repeat(89));
            if (bestValLoss == null || valLoss < bestValLoss) {
                best = new LinkedHashMap<>();
                for (var e : model.stateDict().entrySet()) best.put(e.getKey(), e.getValue().clone());
                bestValLoss = valLoss;
            } else {
                lr /= 4.0;
            }
        }
        model.loadStateDict(best);
        double testLoss = evaluate(model, transformer, testData, ntokens, o, evalBatchSize, criterion);
        log.accept("=".repeat(89));
        log.accept("| End of training | test loss " + pad(Py.fixed(testLoss, 2, false), 5) + " | test ppl "
                + pad(Py.fixed(Math.exp(testLoss), 2, false), 8));
        log.accept("=".repeat(89));
        log.accept(generate(model, transformer, corpus, ntokens, o));
        return losses;
    }

    private static String pad(String s, int width) { return s.length() >= width ? s : " ".repeat(width - s.length()) + s; }

    private static void train(Module model, boolean transformer, Tensor trainData, int ntokens, Options o, double lr, int epoch,
                              NLLLoss criterion, List<Double> losses, Consumer<String> log) {
        model.train();
        double totalLoss = 0;
        long start = System.nanoTime();
        Tensor[] hidden = transformer ? null : ((RNNModel) model).initHidden(o.batchSize());
        int batch = 0;
        for (long i = 0; i < trainData.size(0) - 1; i += o.bptt(), batch++) {
            Tensor[] dt = getBatch(trainData, i, o.bptt());
            model.zeroGrad();
            Tensor output;
            if (transformer) {
                output = ((TransformerModel) model).forward(dt[0], true).view(-1, ntokens);
            } else {
                hidden = repackageHidden(hidden);
                Object[] r = ((RNNModel) model).forward(dt[0], hidden);
                output = (Tensor) r[0];
                hidden = (Tensor[]) r[1];
            }
            Tensor loss = criterion.forward(output, dt[1]);
            loss.backward();
            ClipGrad.clipGradNorm_(model.parameters(), o.clip());
            for (Parameter p : model.parameters()) p.data().add_(p.grad(), -lr);
            totalLoss += loss.item();
            losses.add(loss.item());
            if (batch % o.logInterval() == 0 && batch > 0) {
                double curLoss = totalLoss / o.logInterval();
                double elapsed = (System.nanoTime() - start) / 1e9;
                log.accept("| epoch " + pad(String.valueOf(epoch), 3) + " | " + pad(String.valueOf(batch), 5) + "/"
                        + pad(String.valueOf(trainData.size(0) / o.bptt()), 5) + " batches | lr " + pad(Py.fixed(lr, 2, false), 2)
                        + " | ms/batch " + pad(Py.fixed(elapsed * 1000 / o.logInterval(), 2, false), 5) + " | loss "
                        + pad(Py.fixed(curLoss, 2, false), 5) + " | ppl " + pad(Py.fixed(Math.exp(curLoss), 2, false), 8));
                totalLoss = 0;
                start = System.nanoTime();
            }
        }
    }

    private static double evaluate(Module model, boolean transformer, Tensor dataSource, int ntokens, Options o, int evalBatchSize,
                                   NLLLoss criterion) {
        model.eval();
        double totalLoss = 0;
        Tensor[] hidden = transformer ? null : ((RNNModel) model).initHidden(evalBatchSize);
        try (var g = noGrad()) {
            for (long i = 0; i < dataSource.size(0) - 1; i += o.bptt()) {
                Tensor[] dt = getBatch(dataSource, i, o.bptt());
                Tensor output;
                if (transformer) {
                    output = ((TransformerModel) model).forward(dt[0], true).view(-1, ntokens);
                } else {
                    Object[] r = ((RNNModel) model).forward(dt[0], hidden);
                    output = (Tensor) r[0];
                    hidden = repackageHidden((Tensor[]) r[1]);
                }
                totalLoss += dt[0].size(0) * criterion.forward(output, dt[1]).item();
            }
        }
        return totalLoss / (dataSource.size(0) - 1);
    }

    /** generate.py: words sampled one by one with multinomial draws from exp(output / temperature). */
    private static String generate(Module model, boolean transformer, Corpus corpus, int ntokens, Options o) {
        model.eval();
        Tensor[] hidden = transformer ? null : ((RNNModel) model).initHidden(1);
        Tensor input = randint(0, ntokens, 1, 1);
        StringBuilder text = new StringBuilder();
        try (var g = noGrad()) {
            for (int i = 0; i < o.words(); i++) {
                Tensor wordIdx;
                if (transformer) {
                    Tensor output = ((TransformerModel) model).forward(input, false);
                    Tensor wordWeights = output.get(-1).squeeze().div(o.temperature()).exp();
                    wordIdx = wordWeights.multinomial(1).get(0);
                    Tensor wordTensor = tensor(new double[][] {{wordIdx.item()}}).toLong();
                    input = cat(List.of(input, wordTensor), 0);
                } else {
                    Object[] r = ((RNNModel) model).forward(input, hidden);
                    hidden = (Tensor[]) r[1];
                    Tensor wordWeights = ((Tensor) r[0]).squeeze().div(o.temperature()).exp();
                    wordIdx = wordWeights.multinomial(1).get(0);
                    input.fill_(wordIdx.itemLong());
                }
                text.append(corpus.dictionary.idx2word.get((int) wordIdx.itemLong())).append(i % 20 == 19 ? "\n" : " ");
            }
        }
        return text.toString();
    }

    public static void main(String[] args) {
        Options o = Options.defaults();
        if (args.length > 0) o = o.with(args[0], args.length > 1 ? Integer.parseInt(args[1]) : o.epochs(), o.lr());
        run(o, System.out::println);
    }
}
