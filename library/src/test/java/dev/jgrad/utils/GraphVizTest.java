package dev.jgrad.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Conv2d;
import dev.jgrad.nn.Flatten;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.MaxPool2d;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.functional.F;
import dev.jgrad.testutil.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * makeDot against the DOT text torchviz's walk writes for the same graphs built by real PyTorch 1.13
 * (fixtures/graphviz.json from tools/fixtures/gen_graphviz.py): the same nodes (backward-node names,
 * leaf names and shapes, colours), the same edges, in the same visiting order, and the same size.
 */
class GraphVizTest {
    private static final Map<String, Object> FIXTURE = Json.asMap(Json.resource("fixtures/graphviz.json"));

    static final class TinyModel extends Module {
        final Linear layer1 = register("layer1", new Linear(1000, 100));
        final ReLU relu = register("relu", new ReLU());
        final Linear layer2 = register("layer2", new Linear(100, 10));

        @Override public Tensor forward(Tensor x) { return layer2.forward(relu.forward(layer1.forward(x))); }
    }

    private static void assertDot(String key, GraphViz.Dot dot) {
        assertEquals(FIXTURE.get(key), dot.source(), key);
    }

    @Test
    void tinyModelLossAsTorchviz() {
        TinyModel model = new TinyModel();
        Tensor x = Torch.rand(1, 1000), ideal = Torch.rand(1, 10);
        Tensor loss = ideal.sub(model.forward(x)).pow(2).sum();
        assertDot("tiny_model_loss", GraphViz.makeDot(loss, model.namedParameters()));
    }

    @Test
    void viewOutputDrawsItsBase() {
        Tensor a = Torch.rand(3, 4).requiresGrad_(), b = Torch.rand(4).requiresGrad_();
        Tensor y = a.mul(2).add(b).exp();
        assertDot("view_output", GraphViz.makeDot(y.get(0), Map.of("a", a, "b", b)));
    }

    @Test
    void twoOutputsShareHistory() {
        Tensor a = Torch.rand(3, 4).requiresGrad_(), b = Torch.rand(4).requiresGrad_();
        Tensor h = a.matmul(b).tanh();
        assertDot("two_outputs", GraphViz.makeDot(List.of(h.sum(), h.mean()), Map.of("a", a), false));
    }

    @Test
    void convNet() {
        Sequential net = new Sequential(new Conv2d(1, 2, 3), new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(2 * 3 * 3, 3));
        Tensor nll = F.crossEntropy(net.forward(Torch.rand(2, 1, 8, 8)), Torch.tensor(0, 2));
        // jgrad records reshape of a contiguous tensor as ViewBackward0; PyTorch 1.13 as ReshapeAliasBackward0
        // (its _reshape_alias). The node's place, edges and gradient are the same.
        String want = ((String) FIXTURE.get("conv_net")).replace("ReshapeAliasBackward0", "ViewBackward0");
        assertEquals(want, GraphViz.makeDot(nll, net.namedParameters()).source());
    }

    /** r = exp(x) * w, saving x, w and r: torchviz draws a custom Function's saved tensors always. */
    static final class Exp extends dev.jgrad.autograd.Function {
        @Override protected Tensor forward(Context ctx, Tensor... in) {
            Tensor r = in[0].exp().mul(in[1]);
            ctx.saveForBackward(in[0], in[1], r);
            return r;
        }

        @Override protected Tensor[] backward(Context ctx, Tensor... grad) {
            var s = ctx.savedTensors();
            return new Tensor[] {grad[0].mul(s.get(2)), grad[0].mul(s.get(0).exp())};
        }
    }

    @Test
    void customFunctionSavedTensors() {
        Tensor a = Torch.rand(3, 4).requiresGrad_(), w = Torch.rand(4).requiresGrad_();
        Tensor y = new Exp().apply(a.mul(2), w).sum();
        Map<String, Tensor> params = new java.util.LinkedHashMap<>();
        params.put("a", a);
        params.put("w", w);
        assertDot("custom_function", GraphViz.makeDot(y, params));
    }

    @Test
    void longChainGrowsTheSize() {
        Tensor c = Torch.rand(2).requiresGrad_();
        Tensor z = c;
        for (int i = 0; i < 40; i++) z = z.sin();
        assertDot("long_chain", GraphViz.makeDot(z.mul(1.5), Map.of("c", c)));
    }

    private static final Pattern NODE = Pattern.compile("\t(\\d+) \\[label=\"([^\"]*)\"(?: fillcolor=(\\w+))?]");
    private static final Pattern EDGE = Pattern.compile("\t(\\d+) -> (\\d+)(?: \\[(.*)])?");

    @Test
    void savedTensorsAreOrangeAndUndirected() {
        Tensor a = Torch.rand(3, 4).requiresGrad_(), b = Torch.rand(4, 5).requiresGrad_();
        Tensor y = a.mm(b);  // MmBackward0 saves both operands
        String dot = GraphViz.makeDot(List.of(y), Map.of("a", a, "b", b), true).source();
        List<String> saved = new ArrayList<>(), savedIds = new ArrayList<>(), leafIds = new ArrayList<>();
        for (String line : dot.split("\n")) {
            Matcher m = NODE.matcher(line);
            if (m.matches() && "orange".equals(m.group(3))) {
                saved.add(m.group(2));
                savedIds.add(m.group(1));
            }
            if (m.matches() && "lightblue".equals(m.group(3))) leafIds.add(m.group(1));
        }
        assertEquals(List.of("saved[0]\\n (3, 4)", "saved[1]\\n (4, 5)"), saved);
        long undirected = dot.lines().filter(l -> EDGE.matcher(l).matches() && l.endsWith("[dir=none]")).count();
        assertEquals(2, undirected);
        // the saved operands are the leaves themselves: one node each (one id per tensor, as torchviz's id())
        assertEquals(java.util.Set.copyOf(savedIds), java.util.Set.copyOf(leafIds));
    }

    @Test
    void everyEdgeJoinsDrawnNodes() {
        TinyModel model = new TinyModel();
        String dot = GraphViz.makeDot(model.forward(Torch.rand(2, 1000)).sum(), model.namedParameters()).source();
        java.util.Set<String> nodes = new java.util.HashSet<>();
        List<String[]> edges = new ArrayList<>();
        for (String line : dot.split("\n")) {
            Matcher n = NODE.matcher(line), e = EDGE.matcher(line);
            if (n.matches()) nodes.add(n.group(1));
            else if (e.matches()) edges.add(new String[] {e.group(1), e.group(2)});
        }
        for (String[] e : edges) assertTrue(nodes.contains(e[0]) && nodes.contains(e[1]), e[0] + " -> " + e[1]);
        assertEquals(4, dot.lines().filter(l -> l.contains("fillcolor=lightblue")).count(), "the four parameters");
    }

    @Test
    void quotesLabels() {
        assertEquals("\"a\\\"b\\\\c\\nd\"", GraphViz.quote("a\"b\\c\nd"));
    }

    @Test
    void rendersSvgAndPngWithDot(@TempDir Path dir) throws Exception {
        assumeTrue(GraphViz.dotAvailable(), "Graphviz's dot is not installed");
        TinyModel model = new TinyModel();
        GraphViz.Dot dot = GraphViz.makeDot(model.forward(Torch.rand(1, 1000)).sum(), model.namedParameters());
        Path svg = dot.render(dir.resolve("graph"), "svg");
        assertEquals(dir.resolve("graph.svg"), svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.contains("AddmmBackward0") && text.contains("layer1.weight"), text);
        Path png = dot.render(dir.resolve("graph"), "png");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertEquals("\u0089PNG", new String(head, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void missingDotIsAClearError(@TempDir Path dir) {
        String old = System.getProperty("jgrad.dot");
        System.setProperty("jgrad.dot", dir.resolve("no-such-dot").toString());
        try {
            GraphViz.Dot dot = GraphViz.makeDot(Torch.rand(2).requiresGrad_().sum());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> dot.render(dir.resolve("g"), "svg"));
            assertTrue(e.getMessage().startsWith("failed to execute 'dot', make sure the Graphviz executables are on your systems' PATH"),
                    e.getMessage());
        } finally {
            if (old == null) System.clearProperty("jgrad.dot");
            else System.setProperty("jgrad.dot", old);
        }
    }
}
