package dev.jgrad.internal.compile;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.Function;
import dev.jgrad.autograd.GradMode;

/**
 * The autograd side of a compiled program (named so that its node prints as PyTorch's
 * {@code CompiledFunctionBackward}): one node for the whole program, whose backward runs the program's backward steps
 * on the buffers of this call's forward.
 */
final class CompiledFunction extends Function {
    private final Graph graph;
    private Env env;

    CompiledFunction(Graph graph) { this.graph = graph; }

    @Override protected Tensor[] forwardTuple(Context ctx, Tensor... inputs) {
        env = graph.runForward(inputs);
        Tensor[] outputs = graph.outputs(env);
        graph.keepOnlySaved(env);
        return outputs;
    }

    @Override protected Tensor[] backward(Context ctx, Tensor... gradOutputs) {
        if (GradMode.isEnabled()) {
            throw new UnsupportedOperationException("Torch.compile: a compiled function's backward cannot be differentiated "
                    + "(create_graph=True, double backward); run the function eagerly (CompileOptions.disable(true)) for higher derivatives");
        }
        if (env == null) {
            throw new IllegalStateException("Trying to backward through the graph a second time (or directly access saved tensors "
                    + "after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() "
                    + "or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if "
                    + "you need to access saved tensors after calling backward.");
        }
        Tensor[] grads = graph.runBackward(env, gradOutputs);
        return grads;
    }
}
