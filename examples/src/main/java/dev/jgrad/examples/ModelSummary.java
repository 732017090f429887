package dev.jgrad.examples;

import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.utils.Summary;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code torchinfo.summary} shows, with {@link Summary} (computed on the meta device): every
 * layer's output shape and parameter count, the totals and a memory estimate, without allocating a
 * single activation. The same call reports the tutorial's TinyModel and a 1-billion-parameter MLP whose
 * weights (built on the meta device) could not even be allocated for training on a 2-core, 24 GiB machine.
 *
 * <pre>{@code ./jgrad example ModelSummary}</pre>
 */
public final class ModelSummary {
    private ModelSummary() {}

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

    static String bytes(long n) {
        if (n >= 1L << 30) return String.format("%.2f GiB", n / (double) (1L << 30));
        if (n >= 1L << 20) return String.format("%.2f MiB", n / (double) (1L << 20));
        return String.format("%.2f KiB", n / 1024.0);
    }

    public static void main(String[] args) {
        System.out.println("TinyModel, batch of 8");
        System.out.println(Summary.summary(new TinyModel(), 8, 1000));
        System.out.println();
        Sequential big = billionParameterMlp();
        Summary s = Summary.summary(big, 512, 4096);
        System.out.println("1B-parameter MLP, batch of 512");
        System.out.println(s);
        System.out.printf("Weights alone (float32): %s; with gradients and Adam's two moments: %s%n", bytes(s.paramBytes()), bytes(4 * s.paramBytes()));
        System.out.printf("JVM max heap here: %s; nothing above was allocated.%n", bytes(Runtime.getRuntime().maxMemory()));
    }
}
