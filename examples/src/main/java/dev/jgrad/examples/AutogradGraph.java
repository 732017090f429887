package dev.jgrad.examples;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.functional.F;
import dev.jgrad.utils.GraphViz;
import java.util.List;
import java.util.Map;

/**
 * The autograd graph as a picture, as torchviz's {@code make_dot}: a two-layer classifier's loss, its
 * backward nodes ({@code AddmmBackward0}, {@code TBackward0}, {@code AccumulateGrad}, ...) and its
 * parameters by name. Prints the DOT text and writes {@code tour-output/autograd_graph.svg} when
 * Graphviz's dot is installed (the DOT file otherwise); a second picture also shows the tensors each
 * node saved for its backward ({@code show_saved=True}).
 *
 * <pre>{@code ./jgrad example AutogradGraph}</pre>
 */
public final class AutogradGraph {
    private AutogradGraph() {}

    public static void main(String[] args) {
        Torch.manualSeed(0);
        Sequential model = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
        Tensor x = Torch.randn(5, 4);
        Tensor y = Torch.tensor(0, 2, 1, 1, 0);
        Tensor loss = F.crossEntropy(model.forward(x), y);

        GraphViz.Dot dot = GraphViz.makeDot(loss, model.namedParameters());
        System.out.print(dot);
        System.out.println("# make_dot(loss, params=dict(model.named_parameters())) -> " + Plots.graph("autograd_graph", dot));
        GraphViz.Dot saved = GraphViz.makeDot(List.of(loss), Map.copyOf(model.namedParameters()), true);
        System.out.println("# make_dot(loss, params, show_saved=True) -> " + Plots.graph("autograd_graph_saved", saved));
        if (!GraphViz.dotAvailable()) System.out.println("# install Graphviz (apt-get install graphviz) to get SVG pictures");
        loss.backward();
    }
}
