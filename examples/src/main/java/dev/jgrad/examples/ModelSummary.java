package dev.jgrad.examples;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code torchinfo.summary} shows, computed on the meta device: every layer's output shape and
 * parameter count, and the model's total, without allocating a single weight or activation. The same
 * code reports the tutorial's TinyModel and a 1-billion-parameter MLP that could not even be
 * allocated for training on a 2-core, 24 GiB machine.
 *
 * <pre>{@code ./jgrad example ModelSummary}</pre>
 *
 * The walk applies a model's children in registration order, which is what TinyModel's and
 * Sequential's forward do (jgrad's Module has no forward hooks to observe an arbitrary forward).
 */
public final class ModelSummary {
    private ModelSummary() {}

    /** One row of the table: a layer's name, type, output shape and parameter count. */
    record Row(String name, String type, long[] outputShape, long params) {}

    /** Runs x through model's children in order on the meta device and records each output's shape. */
    static List<Row> summarize(Module model, long... inputShape) {
        List<Row> rows = new ArrayList<>();
        Tensor x = Torch.empty(DType.FLOAT32, Device.META, inputShape);
        try (var g = Torch.noGrad()) {
            for (Map.Entry<String, Module> child : model.namedChildren().entrySet()) {
                Module layer = child.getValue();
                x = layer.forward(x);
                rows.add(new Row(child.getKey(), layer.getClass().getSimpleName(), x.shape(), countParams(layer)));
            }
        }
        return rows;
    }

    static long countParams(Module m) {
        long n = 0;
        for (Parameter p : m.parameters()) n += p.numel();
        return n;
    }

    static String table(String title, Module model, long... inputShape) {
        List<Row> rows = summarize(model, inputShape);
        StringBuilder b = new StringBuilder();
        String rule = "=".repeat(72) + "\n";
        b.append(title).append('\n').append(rule);
        b.append(String.format("%-28s %-24s %18s%n", "Layer (type)", "Output Shape", "Param #"));
        b.append(rule);
        for (Row r : rows) {
            b.append(String.format("%-28s %-24s %,18d%n", r.name() + " (" + r.type() + ")", shape(r.outputShape()), r.params()));
        }
        long total = countParams(model);
        b.append(rule);
        b.append(String.format("Total params: %,d%n", total));
        b.append(String.format("Weights alone (float32): %s; with gradients and Adam's two moments: %s%n",
                bytes(4 * total), bytes(16 * total)));
        b.append(rule);
        return b.toString();
    }

    static String shape(long[] s) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) b.append(i == 0 ? "" : ", ").append(s[i]);
        return b.append(']').toString();
    }

    static String bytes(long n) {
        if (n >= 1L << 30) return String.format("%.2f GiB", n / (double) (1L << 30));
        if (n >= 1L << 20) return String.format("%.2f MiB", n / (double) (1L << 20));
        return String.format("%.2f KiB", n / 1024.0);
    }

    /** The tutorial's TinyModel (1000 -> 100 -> 10), built on the meta device. */
    static final class TinyModel extends Module {
        final Linear layer1 = register("layer1", new Linear(1000, 100, true, Device.META));
        final ReLU relu = register("relu", new ReLU());
        final Linear layer2 = register("layer2", new Linear(100, 10, true, Device.META));

        @Override public Tensor forward(Tensor x) { return layer2.forward(relu.forward(layer1.forward(x))); }
    }

    /** 4096 -> 16384 -> 16384 -> 16384 -> 16384 -> 8192 -> 1000: about 1.0e9 parameters. */
    static Sequential billionParameterMlp() {
        int[] widths = {4096, 16384, 16384, 16384, 16384, 8192, 1000};
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            layers.add(new Linear(widths[i], widths[i + 1], true, Device.META));
            if (i + 2 < widths.length) layers.add(new ReLU());
        }
        return new Sequential(layers.toArray(Module[]::new));
    }

    public static void main(String[] args) {
        System.out.print(table("TinyModel, batch of 8", new TinyModel(), 8, 1000));
        System.out.println();
        Sequential big = billionParameterMlp();
        System.out.print(table("1B-parameter MLP, batch of 512", big, 512, 4096));
        System.out.printf("JVM max heap here: %s; nothing above was allocated.%n", bytes(Runtime.getRuntime().maxMemory()));
    }
}
