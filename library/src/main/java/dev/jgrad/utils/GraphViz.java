package dev.jgrad.utils;

import dev.jgrad.Edge;
import dev.jgrad.Node;
import dev.jgrad.Tensor;
import dev.jgrad.internal.autograd.AccumulateGrad;
import dev.jgrad.internal.autograd.InspectableNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The autograd graph as a picture, as torchviz's {@code make_dot}: the backward nodes that made a tensor
 * ({@code AddmmBackward0}, {@code AccumulateGrad}, ...) in grey boxes, the leaves that receive a
 * {@code .grad} in light blue (labelled with their parameter name and shape), the output in
 * {@code darkolivegreen1}, a view's base in {@code darkolivegreen3} (dotted edge) and, when asked, the
 * tensors each node saved for its backward in orange (a custom Function's saved tensors always, as
 * torchviz draws them). Edges point the way the forward ran: from a leaf to its {@code AccumulateGrad},
 * from a node to the node that consumes its output, from the output's node to the output.
 *
 * <pre>{@code
 * Tensor loss = model.forward(x).sum();
 * GraphViz.Dot dot = GraphViz.makeDot(loss, model.namedParameters());
 * System.out.println(dot);                       // DOT text
 * dot.render(Path.of("graph"), "svg");           // graph.svg, through Graphviz's dot program
 * }</pre>
 *
 * Node ids are small integers in the order torchviz visits the graph (torchviz uses Python's
 * {@code id()}), so the same graph always gives the same text.
 */
public final class GraphViz {
    private GraphViz() {}

    /**
     * {@code make_dot(var)}: the graph behind one output, leaves unnamed.
     *
     * @param output  the tensor whose history is drawn (a loss, a model's output)
     * @return the DOT text
     */
    public static Dot makeDot(Tensor output) { return makeDot(List.of(output), Map.of(), false); }

    /**
     * {@code make_dot(var, params=dict(model.named_parameters()))}: leaves found in params are labelled with their name.
     *
     * @param output  the tensor whose history is drawn
     * @param params  names of leaf tensors ({@code model.namedParameters()})
     * @return the DOT text
     * @throws IllegalArgumentException if a params value is null ("make_dot: params[w] is not a tensor")
     */
    public static Dot makeDot(Tensor output, Map<String, ? extends Tensor> params) { return makeDot(List.of(output), params, false); }

    /**
     * {@code make_dot(outputs, params, show_saved=showSaved)}: the graph behind several outputs (PyTorch's
     * tuple of outputs); with showSaved each node's saved tensors are drawn too, labelled
     * {@code saved[i]} (jgrad's nodes do not name them as PyTorch's {@code _saved_self} attributes do).
     *
     * @param outputs    the tensors whose history is drawn
     * @param params     names of leaf tensors (empty: unnamed)
     * @param showSaved  whether saved tensors are drawn
     * @return the DOT text
     * @throws IllegalArgumentException if a params value is null ("make_dot: params[w] is not a tensor")
     */
    public static Dot makeDot(List<Tensor> outputs, Map<String, ? extends Tensor> params, boolean showSaved) {
        Map<Tensor, String> names = new IdentityHashMap<>();
        for (Map.Entry<String, ? extends Tensor> e : params.entrySet()) {
            if (e.getValue() == null) throw new IllegalArgumentException("make_dot: params[" + e.getKey() + "] is not a tensor");
            names.put(e.getValue(), e.getKey());
        }
        Builder b = new Builder(names, showSaved);
        for (Tensor t : outputs) b.addOutput(t, "darkolivegreen1");
        return new Dot(b.render());
    }

    /** Collects statements in torchviz's order and writes them as the graphviz Python package does. */
    private static final class Builder {
        private final Map<Tensor, String> names;
        private final boolean showSaved;
        private final Map<Object, Integer> ids = new IdentityHashMap<>();
        private final Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private final List<String> body = new ArrayList<>();

        Builder(Map<Tensor, String> names, boolean showSaved) {
            this.names = names;
            this.showSaved = showSaved;
        }

        private int id(Object o) { return ids.computeIfAbsent(o, k -> ids.size()); }

        private void node(Object o, String label, String fill) {
            body.add("\t" + id(o) + " [label=" + quote(label) + (fill == null ? "" : " fillcolor=" + fill) + "]");
        }

        private void edge(Object from, Object to, String attrs) {
            body.add("\t" + id(from) + " -> " + id(to) + (attrs == null ? "" : " [" + attrs + "]"));
        }

        private String tensorLabel(Tensor t, String name) {
            if (name == null || name.isEmpty()) name = names.getOrDefault(t, "");
            StringBuilder s = new StringBuilder(name).append("\n (");
            long[] shape = t.shape();
            for (int i = 0; i < shape.length; i++) s.append(i > 0 ? ", " : "").append(shape[i]);
            return s.append(')').toString();
        }

        void addOutput(Tensor t, String color) {
            if (!seen.add(t)) return;
            node(t, tensorLabel(t, null), color);
            if (t.gradFn() != null) {
                addNode(t.gradFn());
                edge(t.gradFn(), t, null);
            }
            if (t.isView()) {
                addOutput(t.base(), "darkolivegreen3");
                edge(t.base(), t, "style=dotted");
            }
        }

        private void addNode(Node fn) {
            if (!seen.add(fn)) return;
            if (showSaved && fn instanceof InspectableNode f && !f.isCustomFunction()) {
                List<Tensor> saved = f.savedTensors();
                for (int i = 0; i < saved.size(); i++) {
                    Tensor s = saved.get(i);
                    seen.add(s);
                    edge(fn, s, "dir=none");
                    node(s, tensorLabel(s, "saved[" + i + "]"), "orange");
                }
            }
            if (fn instanceof AccumulateGrad acc) {
                Tensor leaf = acc.variable();
                seen.add(leaf);
                node(leaf, tensorLabel(leaf, null), "lightblue");
                edge(leaf, fn, null);
            }
            String name = fn.name();
            node(fn, name.substring(name.lastIndexOf(':') + 1), null);
            for (Edge e : fn.nextFunctions()) {
                if (e.node() == null) continue;
                edge(e.node(), fn, null);
                addNode(e.node());
            }
            // a custom Function's saved tensors are always drawn, as torchviz draws ctx.saved_tensors
            if (fn instanceof InspectableNode f && f.isCustomFunction()) {
                for (Tensor t : f.savedTensors()) {
                    seen.add(t);
                    edge(t, fn, "dir=none");
                    node(t, tensorLabel(t, null), "orange");
                }
            }
        }

        /** torchviz's resize_graph: 0.15 inch per statement, at least 12. */
        String render() {
            double size = Math.max(12, body.size() * 0.15);
            StringBuilder s = new StringBuilder("digraph {\n");
            s.append("\tgraph [size=\"").append(pyFloat(size)).append(',').append(pyFloat(size)).append("\"]\n");
            s.append("\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]\n");
            for (String line : body) s.append(line).append('\n');
            return s.append("}\n").toString();
        }
    }

    /** Python's str(float): 12 prints as 12.0 where torchviz passes max(12, ...) as an int it prints as 12. */
    private static String pyFloat(double v) {
        if (v == 12) return "12";
        String s = Double.toString(v);
        return s;
    }

    /** A DOT string literal: quotes and backslashes escaped, a newline as DOT's {@code \n} line break. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** DOT source text, as graphviz's {@code Digraph}: {@link #source()} and {@link #render(Path, String)}. */
    public static final class Dot {
        private final String source;

        Dot(String source) { this.source = source; }

        /**
         * The DOT text ({@code dot.source}); {@code toString()} gives it too.
         *
         * @return the graph in Graphviz's DOT language
         */
        public String source() { return source; }

        @Override public String toString() { return source; }

        /**
         * Writes the picture with Graphviz's {@code dot} program ({@code dot.render(path, format=...)}): the
         * DOT text goes to {@code path} and the picture to {@code path.format} (for example graph and
         * graph.svg); returns the picture's path.
         *
         * @param path    where the DOT text goes (parent directories are made)
         * @param format  "svg", "png" or another format dot supports
         * @return the picture's path, {@code path + "." + format}
         * @throws IllegalArgumentException for a format that is not lowercase letters, digits and colons
         *     ("Unknown format: 'SVG'")
         * @throws IllegalStateException if the dot program is not installed (on the PATH, or named by the
         *     {@code jgrad.dot} system property: "failed to execute 'dot', make sure the Graphviz executables are
         *     on your systems' PATH ..."), if it fails ("dot failed with exit status 1: ..."), or if it runs over 60 s
         * @throws IOException if a file cannot be written, or the wait for dot is interrupted
         */
        public Path render(Path path, String format) throws IOException {
            if (!format.matches("[a-z0-9:]+")) throw new IllegalArgumentException("Unknown format: '" + format + "'");
            String exe = dotExecutable();
            if (exe == null) {
                throw new IllegalStateException("failed to execute 'dot', make sure the Graphviz executables are on your systems' PATH"
                        + " (install Graphviz, e.g. apt-get install graphviz, or set -Djgrad.dot=/path/to/dot)");
            }
            Path abs = path.toAbsolutePath();
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
            Files.writeString(abs, source, StandardCharsets.UTF_8);
            Path out = Path.of(abs + "." + format);
            Process p = new ProcessBuilder(exe, "-T" + format, "-o", out.toString(), abs.toString()).redirectErrorStream(true).start();
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("dot did not finish within 60 s");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for dot", e);
            }
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) throw new IllegalStateException("dot failed with exit status " + p.exitValue() + ": " + log.strip());
            return out;
        }
    }

    /**
     * Whether Graphviz's dot program can be found (the {@code jgrad.dot} property, else the PATH), so that
     * {@link Dot#render} can run.
     *
     * @return true when an executable dot was found
     */
    public static boolean dotAvailable() { return dotExecutable() != null; }

    private static String dotExecutable() {
        String named = System.getProperty("jgrad.dot");
        if (named != null) return Files.isExecutable(Path.of(named)) ? named : null;
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path exe = Path.of(dir, "dot");
            if (Files.isExecutable(exe)) return exe.toString();
        }
        return null;
    }
}
