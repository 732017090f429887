package dev.jgrad.utils;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model summary as {@code torchinfo.summary(model, input_size)} (torchinfo 1.7, the release of
 * PyTorch 1.13's time) prints it: every layer with its depth and index, output shape and parameter
 * count, then the totals (trainable and not), the mult-adds and a memory estimate in MB (input,
 * forward/backward activations, parameters).
 *
 * <pre>{@code
 * System.out.println(Summary.summary(model, 8, 1000));
 * // ==========================================================================================
 * // Layer (type:depth-idx)                   Output Shape              Param #
 * // ==========================================================================================
 * // TinyModel                                [8, 10]                   --
 * // ├─Linear: 1-1                            [8, 100]                  100,100
 * // ...
 * }</pre>
 *
 * <p>The forward pass runs on the {@code meta} device: the input is a meta tensor and the model's
 * parameters and buffers are swapped for meta tensors during the pass (and put back after), so not
 * one activation is allocated, even for models whose activations would not fit in memory.
 *
 * <p>torchinfo sees every submodule's call through forward hooks. Java cannot intercept a
 * {@code layer.forward(x)} call, so the layers' output shapes come from applying each module's
 * children one after another to its input: what {@code Sequential}, and models whose forward calls
 * their layers in registration order, do. The module's own forward runs too, and when the chain's
 * result does not have its shape (a forward with branches, skips or reused inputs), its layers are
 * listed with their parameters and {@code --} for the shape.
 */
public final class Summary {
    private static final int COL_WIDTH = 25, MAX_DEPTH = 3;

    private final List<Layer> layers;
    private final long totalInputBytes;
    private final long totalParams, trainableParams, totalParamBytes, totalOutputBytes, totalMultAdds;
    private final int layerNameWidth;

    /** One row of the table (torchinfo's LayerInfo). */
    private static final class Layer {
        final Module module;
        final String className;
        final int depth;
        final List<Layer> children = new ArrayList<>();
        final boolean leaf;
        boolean recursive;
        int depthIndex;
        long[] outputShape;  // null: not known
        long outputBytes, numParams, trainableParams, paramBytes, macs;

        Layer(Module module, int depth) {
            this.module = module;
            this.className = module.getClass().getSimpleName();
            this.depth = depth;
            this.leaf = module.namedChildren().isEmpty();
            for (Map.Entry<String, Parameter> e : module.namedParameters().entrySet()) {
                Parameter p = e.getValue();
                numParams += p.numel();
                paramBytes += p.numel() * p.elementSize();
                if (p.requiresGrad()) trainableParams += p.numel();
            }
        }

        /** torchinfo's calculate_macs: weights and biases times the output's batch (and, for convolutions, spatial) size. */
        void computeMacs() {
            if (outputShape == null || outputShape.length == 0) return;
            for (Map.Entry<String, Parameter> e : module.namedParameters().entrySet()) {
                String name = e.getKey();
                long n = e.getValue().numel();
                if (name.equals("weight") || name.equals("bias")) {
                    if (className.contains("Conv")) {
                        long spatial = outputShape[0];
                        for (int i = 2; i < outputShape.length; i++) spatial *= outputShape[i];
                        macs += n * spatial;
                    } else {
                        macs += outputShape[0] * n;
                    }
                } else if (name.contains("weight") || name.contains("bias")) {
                    macs += outputShape[0] * (outputShape.length > 1 ? outputShape[1] : 1) * n;
                }
            }
        }

        long leftoverParams() {
            long n = numParams;
            for (Layer c : children) if (!c.recursive) n -= c.leaf ? c.numParams : c.leftoverParams();
            return n;
        }

        long leftoverTrainableParams() {
            long n = trainableParams;
            for (Layer c : children) if (!c.recursive) n -= c.leaf ? c.trainableParams : c.leftoverTrainableParams();
            return n;
        }

        String name() { return depth > 0 ? className + ": " + depth + "-" + depthIndex : className; }
    }

    private Summary(List<Layer> layers, long totalInputBytes) {
        this.layers = layers;
        this.totalInputBytes = totalInputBytes;
        long params = 0, trainable = 0, paramBytes = 0, outputBytes = 0, macs = 0;
        for (Layer l : layers) {
            if (l.leaf) {
                macs += l.macs;
                if (l.numParams > 0) outputBytes += l.outputBytes * 2;  // x2 for gradients
                if (l.recursive) continue;
                params += Math.max(l.numParams, 0);
                paramBytes += l.paramBytes;
                trainable += Math.max(l.trainableParams, 0);
            } else if (!l.recursive) {
                params += Math.max(l.leftoverParams(), 0);
                trainable += Math.max(l.leftoverTrainableParams(), 0);
            }
        }
        totalParams = params;
        trainableParams = trainable;
        totalParamBytes = paramBytes;
        totalOutputBytes = outputBytes;
        totalMultAdds = macs;
        int maxLength = 0;
        for (Layer l : layers) maxLength = Math.max(maxLength, l.name().length() + l.depth * 5 + 1);
        layerNameWidth = maxLength >= 40 ? (maxLength + 4) / 5 * 5 : 40;
    }

    /**
     * {@code torchinfo.summary(model, input_size)} for a float32 input of the given shape (batch included). The model
     * runs once in eval mode on the meta device; its parameters, buffers and train/eval modes are restored after.
     *
     * @param model      the model; its {@code forward(Tensor)} is called with one input
     * @param inputSize  the input's shape, batch dim first, every size positive
     * @return the summary; {@code toString()} gives torchinfo's table
     * @throws IllegalArgumentException "Input_data is invalid, or negative size found in input_data." for
     *     an empty or non-positive size
     * @throws IllegalStateException when the model's forward fails on meta tensors ("Failed to run the summary on the
     *     meta device (...): " and the model's own message), the model's parameters, buffers and modes restored
     */
    public static Summary summary(Module model, long... inputSize) { return summary(model, DType.FLOAT32, inputSize); }

    /**
     * {@code torchinfo.summary(model, input_size, dtypes=[dtype])}: for models whose input is not float32
     * (int64 token ids for an Embedding).
     *
     * @param model      the model; its {@code forward(Tensor)} is called with one input
     * @param dtype      the input's dtype
     * @param inputSize  the input's shape, batch dim first, every size positive
     * @return the summary; {@code toString()} gives torchinfo's table
     * @throws IllegalArgumentException "Input_data is invalid, or negative size found in input_data." for
     *     an empty or non-positive size
     * @throws IllegalStateException when the model's forward fails on meta tensors ("Failed to run the summary on the
     *     meta device (...): " and the model's own message), the model's parameters, buffers and modes restored
     */
    public static Summary summary(Module model, DType dtype, long... inputSize) {
        if (inputSize.length == 0 || Arrays.stream(inputSize).anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("Input_data is invalid, or negative size found in input_data.");
        }
        Tensor x = Torch.empty(dtype, Device.META, inputSize);
        long inputBytes = x.numel() * x.elementSize() + STORAGE_OVERHEAD;
        Map<Tensor, Tensor> saved = new IdentityHashMap<>();
        Map<Module, Boolean> modes = new IdentityHashMap<>();
        List<Layer> layers = new ArrayList<>();
        try (var g = Torch.noGrad()) {
            for (Module m : model.modules()) {
                modes.put(m, m.isTraining());
                for (Tensor t : m.parameters()) toMeta(t, saved);
                for (Tensor t : m.namedBuffers().values()) toMeta(t, saved);
            }
            model.eval();  // torchinfo's default mode
            try {
                new Walk(layers).run(model, 0, x);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Failed to run the summary on the meta device (the model's parameters and buffers are "
                        + "moved there for the pass; a tensor the model keeps elsewhere stays on its device): " + e.getMessage(), e);
            }
        } finally {
            for (Map.Entry<Tensor, Tensor> e : saved.entrySet()) {
                try (var g = Torch.noGrad()) {
                    e.getKey().setData(e.getValue());
                }
            }
            for (Map.Entry<Module, Boolean> e : modes.entrySet()) e.getKey().train(e.getValue());
        }
        // depth indices count rows per depth over the whole table
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            l.depthIndex = index.merge(l.depth, 1, Integer::sum);
            // torchinfo's "children" are all the rows below, up to the next row no deeper than this one
            for (int j = i + 1; j < layers.size() && layers.get(j).depth > l.depth; j++) l.children.add(layers.get(j));
        }
        return new Summary(layers, inputBytes);
    }

    /** PyTorch 1.13's sys.getsizeof(tensor.storage()) is the data plus a 56-byte object: torchinfo's input size. */
    private static final long STORAGE_OVERHEAD = 56;

    private static void toMeta(Tensor t, Map<Tensor, Tensor> saved) {
        if (t == null || saved.containsKey(t) || t.device().equals(Device.META)) return;
        saved.put(t, t.detach());  // keeps the data; setData puts it back
        t.setData(t.to(Device.META));
    }

    /** Runs modules on meta tensors, making a row per module call in call order. */
    private static final class Walk {
        private final List<Layer> rows;
        private final Set<Module> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Walk(List<Layer> rows) { this.rows = rows; }

        /** The row of module m called on x, then its children's rows: applied in order when that gives m's output. */
        Tensor run(Module m, int depth, Tensor x) {
            Layer row = add(m, depth);
            Tensor out = m.forward(x);
            setOutput(row, out);
            if (row.leaf) return out;
            int mark = rows.size();
            Set<Module> seenBefore = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            seenBefore.addAll(seen);
            boolean chained;
            try {
                Tensor y = x;
                for (Module child : m.namedChildren().values()) y = run(child, depth + 1, y);
                chained = Arrays.equals(y.shape(), out.shape());
            } catch (RuntimeException e) {
                chained = false;
            }
            if (!chained) {
                rows.subList(mark, rows.size()).clear();
                seen.clear();
                seen.addAll(seenBefore);
                for (Module child : m.namedChildren().values()) listWithoutShapes(child, depth + 1);
            }
            return out;
        }

        private void listWithoutShapes(Module m, int depth) {
            add(m, depth);
            for (Module child : m.namedChildren().values()) listWithoutShapes(child, depth + 1);
        }

        private Layer add(Module m, int depth) {
            Layer row = new Layer(m, depth);
            row.recursive = !seen.add(m);
            rows.add(row);
            return row;
        }

        private static void setOutput(Layer row, Tensor out) {
            row.outputShape = out.shape();
            row.outputBytes = out.numel() * out.elementSize();
            row.computeMacs();
        }
    }

    /**
     * Total parameters (torchinfo's {@code total_params}; a module shared by several layers counts once).
     *
     * @return the number of parameter elements
     */
    public long totalParams() { return totalParams; }

    /**
     * Parameters that require grad (torchinfo's {@code trainable_params}).
     *
     * @return the number of trainable parameter elements
     */
    public long trainableParams() { return trainableParams; }

    /**
     * Total mult-adds of the leaf layers, torchinfo's way (weight and bias elements times the output's batch size, and
     * for convolutions its spatial size).
     *
     * @return the mult-add count (the table prints it in millions or billions)
     */
    public long totalMultAdds() { return totalMultAdds; }

    /**
     * Bytes of the leaf layers' outputs that hold parameters, doubled for their gradients (torchinfo's
     * "Forward/backward pass size").
     *
     * @return the activation estimate in bytes
     */
    public long forwardBackwardBytes() { return totalOutputBytes; }

    /**
     * Bytes of the parameters (torchinfo's "Params size").
     *
     * @return the parameters' size in bytes
     */
    public long paramBytes() { return totalParamBytes; }

    /**
     * The output shape of each row, in table order.
     *
     * @return one shape per row (copies), null where not known (a layer whose parent's forward does not chain its
     *     children)
     */
    public List<long[]> outputShapes() {
        List<long[]> out = new ArrayList<>();
        for (Layer l : layers) out.add(l.outputShape == null ? null : l.outputShape.clone());
        return out;
    }

    /** The table, as torchinfo prints it. */
    @Override public String toString() {
        String divider = "=".repeat(2 * COL_WIDTH + layerNameWidth);
        StringBuilder s = new StringBuilder();
        s.append(divider).append('\n');
        s.append(row("Layer (type:depth-idx)", "Output Shape", "Param #")).append(divider).append('\n');
        for (Layer l : layers) {
            if (l.depth > MAX_DEPTH) continue;
            s.append(row(startString(l.depth) + l.name(), l.outputShape == null || l.outputShape.length == 0 ? "--" : shape(l.outputShape),
                    paramsCell(l, l.depth == MAX_DEPTH)));
        }
        s.append(divider).append('\n');
        s.append("Total params").append(formatNum(totalParams, false)).append('\n');
        s.append("Trainable params").append(formatNum(trainableParams, false)).append('\n');
        s.append("Non-trainable params").append(formatNum(totalParams - trainableParams, false)).append('\n');
        s.append("Total mult-adds").append(formatNum(totalMultAdds, true)).append('\n').append(divider).append('\n');
        s.append("Input size (MB): ").append(fixed2(totalInputBytes / 1e6)).append('\n');
        s.append("Forward/backward pass size (MB): ").append(fixed2(totalOutputBytes / 1e6)).append('\n');
        s.append("Params size (MB): ").append(fixed2(totalParamBytes / 1e6)).append('\n');
        s.append("Estimated Total Size (MB): ").append(fixed2((totalInputBytes + totalOutputBytes + totalParamBytes) / 1e6)).append('\n');
        return s.append(divider).toString();
    }

    private String row(String name, String... cells) {
        StringBuilder line = new StringBuilder(pad(name, layerNameWidth)).append(' ');
        for (String c : cells) line.append(pad(c, COL_WIDTH)).append(' ');
        return line.toString().stripTrailing() + "\n";
    }

    private static String pad(String s, int width) { return s.length() >= width ? s : s + " ".repeat(width - s.length()); }

    private static String startString(int depth) {
        if (depth == 0) return "";
        if (depth == 1) return "├─";
        return "│    ".repeat(depth - 1) + "└─";
    }

    private static String paramsCell(Layer l, boolean reachedMaxDepth) {
        if (l.numParams == 0) return "--";
        if (l.recursive) return "(recursive)";
        if (reachedMaxDepth || l.leaf) {
            String count = String.format(java.util.Locale.ROOT, "%,d", l.numParams);
            return l.trainableParams != 0 ? count : "(" + count + ")";
        }
        long leftover = l.leftoverParams();
        return leftover > 0 ? String.format(java.util.Locale.ROOT, "%,d", leftover) : "--";
    }

    private static String shape(long[] s) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) b.append(i == 0 ? "" : ", ").append(s[i]);
        return b.append(']').toString();
    }

    /** torchinfo's format_output_num: plain counts, or mult-adds in M (G, T from 1e9, 1e12), integers without decimals. */
    private static String formatNum(long num, boolean auto) {
        String units = "";
        double converted = num;
        if (auto) {
            if (num >= 1e12) {
                units = " (T)";
                converted = num / 1e12;
            } else if (num >= 1e9) {
                units = " (G)";
                converted = num / 1e9;
            } else {
                units = " (M)";
                converted = num / 1e6;
            }
        }
        if (converted == Math.rint(converted)) return units + ": " + String.format(java.util.Locale.ROOT, "%,d", (long) converted);
        BigDecimal d = new BigDecimal(converted).setScale(2, RoundingMode.HALF_EVEN);
        return units + ": " + String.format(java.util.Locale.ROOT, "%,.2f", d);
    }

    /** Python's '{:0.2f}': rounded on the exact binary value, ties to even. */
    private static String fixed2(double v) { return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString(); }
}
