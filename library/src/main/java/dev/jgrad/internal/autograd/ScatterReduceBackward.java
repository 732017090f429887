package dev.jgrad.internal.autograd;

import dev.jgrad.Edge;
import dev.jgrad.Node;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.TensorInternals;

/**
 * PyTorch's scatter_reduce_backward (FunctionsManual.cpp), also index_reduce's with its index spread over source:
 * prod divides by the other factors without dividing by zero, mean by the number of contributions, amax/amin share
 * the gradient evenly between the tied extremes. Differentiable throughout, so it gives second derivatives.
 */
final class ScatterReduceBackward {
    private ScatterReduceBackward() {}

    static Tensor[] grads(String nodeName, Tensor grad, Tensor self, int dim, Tensor index, Tensor src, String reduce, boolean includeSelf,
                          Tensor result) {
        Tensor gradSelf, gradSrc;
        switch (reduce) {
            case "sum" -> {
                gradSelf = grad;
                gradSrc = grad.gather(dim, index);
            }
            case "prod" -> {
                Tensor maskedSelf = self.maskedFill(self.eq(0L), 1L);
                Tensor maskedSelfResult = maskedSelf.scatterReduce(dim, index, src, reduce, includeSelf);
                gradSelf = grad.mul(maskedSelfResult).div(maskedSelf);
                Tensor srcZero = src.eq(0L);
                Tensor srcNumZeros = Torch.zerosLike(self).scatterAdd(dim, index, srcZero.to(self.dtype())).gather(dim, index);
                Tensor srcSingleZero = srcZero.logicalAnd(srcNumZeros.eq(1L));
                Tensor maskedSrc = src.maskedFill(srcSingleZero, 1L);
                Tensor maskedSrcResult = self.scatterReduce(dim, index, maskedSrc, reduce, includeSelf);
                gradSrc = Torch.where(srcSingleZero, grad.mul(maskedSrcResult).gather(dim, index),
                        grad.mul(result).gather(dim, index).div(src.maskedFill(srcZero, 1L)));
                // as PyTorch: this formula is wrong to differentiate when two zeros meet in one position, so under create_graph
                // the src gradient then carries a node that raises if a double backward reaches it
                if (GradMode.isEnabled() && srcNumZeros.gt(1L).any().itemBool()) gradSrc = delayedError(gradSrc, nodeName);
            }
            case "mean" -> {
                Tensor n = includeSelf ? Torch.onesLike(grad) : Torch.zerosLike(grad);
                n = n.scatterAdd(dim, index, Torch.onesLike(src));
                n = n.maskedFill(n.eq(0L), 1L);
                gradSelf = grad.div(n);
                gradSrc = grad.gather(dim, index).div(n.gather(dim, index));
            }
            default -> {  // amax, amin
                Tensor value = result.gather(dim, index);
                Tensor selfIsResult = self.eq(result).to(self.dtype());
                Tensor srcIsResult = src.eq(value).to(self.dtype());
                Tensor spread = selfIsResult.scatterAdd(dim, index, srcIsResult);
                Tensor distributed = grad.div(spread);
                gradSelf = self.eq(result).mul(distributed);
                gradSrc = src.eq(value).mul(distributed.gather(dim, index));
            }
        }
        if (!includeSelf) gradSelf = gradSelf.scatter(dim, index, 0.0);
        return new Tensor[] {gradSelf, padTo(gradSrc, src)};
    }

    private static Tensor delayedError(Tensor g, String nodeName) {
        String msg = nodeName.startsWith("Index")
                ? "index_reduce(): Double backward is unsupported for source when >1 zeros in source are scattered to the same position in self"
                : "scatter_reduce(): Double backward is unsupported for src when >1 zeros in src are scattered to the same position in self";
        Node node = new Node() {
            @Override public String name() { return "torch::autograd::DelayedError"; }

            @Override protected Tensor[] compute(Tensor[] gradOutputs) { throw new IllegalStateException(msg); }
        };
        node.setEdges(new Edge[] {TensorInternals.gradientEdge(g)});
        node.setOutputs(g);
        Tensor out = g.detach();
        TensorInternals.setHistory(out, node, 0);
        return out;
    }

    /** src may be larger than index (only index's corner is read): its gradient is zero-padded to src's shape. */
    private static Tensor padTo(Tensor g, Tensor src) {
        if (g.dim() != src.dim()) return g;
        for (int j = 0; j < src.dim(); j++) {
            long missing = src.size(j) - g.size(j);
            if (missing <= 0) continue;
            long[] zeros = g.shape();
            zeros[j] = missing;
            g = Torch.cat(java.util.List.of(g, g.newZeros(zeros)), j);
        }
        return g;
    }
}
