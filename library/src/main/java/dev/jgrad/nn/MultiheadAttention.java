package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;
import java.util.List;

/**
 * {@code torch.nn.MultiheadAttention}, as PyTorch 1.13's {@code F.multi_head_attention_forward} computes it: the
 * packed in-projection, heads folded into the batch, q / sqrt(head_dim), masks added to the scores, softmax,
 * dropout on the weights in training, the out-projection. Key and value have the query's embedding size (no
 * kdim/vdim).
 *
 * <p>Shape, with L the target length, S the source length, N the batch, E = embed_dim: query (L, N, E), (N, L, E)
 * with batch_first, or unbatched (L, E); key and value (S, N, E), (N, S, E) or (S, E); key_padding_mask (N, S) or
 * (S), bool (true = padding, ignored) or float (added); attn_mask (L, S) or (N num_heads, L, S), bool (true = not
 * allowed) or float (added to the scores); output the query's shape; weights (N, L, S) averaged over heads,
 * (N, num_heads, L, S) otherwise, without N when unbatched.
 *
 * <p>Learnable parameters: in_proj_weight (3 E, E), xavier-uniform; in_proj_bias (3 E), zeros; out_proj, a Linear
 * (E, E) with PyTorch's Linear init and a zero bias; drawn in PyTorch's order (out_proj's Linear init first, then
 * in_proj_weight), so seeded weights equal PyTorch's.
 *
 * <p>Errors on forward (IllegalArgumentException, PyTorch's texts): a query that is not 2-d or 3-d ("query should
 * be unbatched 2D or batched 3D tensor but received 4-D query tensor"), key, value or masks of another rank ("For
 * batched (3-D) `query`, expected `key` and `value` to be 3-D but found 2-D and 2-D tensors respectively"), another
 * embedding size ("was expecting embedding dimension of 8, but got 6"), key and value shapes that differ ("key shape
 * torch.Size([7, 2, 8]) does not match value shape torch.Size([6, 2, 8])"), masks of another shape ("The shape of the
 * 2D attn_mask is torch.Size([5, 5]), but should be (5, 7).", "expecting key_padding_mask shape of (2, 7), but got
 * torch.Size([2, 5])") or an integer attn_mask ("Only float, byte, and bool types are supported for attn_mask, not
 * torch.int64").
 */
public class MultiheadAttention extends Module {
    /**
     * What attention returns, PyTorch's {@code (attn_output, attn_output_weights)}.
     *
     * @param output the attended values, the query's shape
     * @param weights the attention weights, (N, L, S) averaged over heads or (N, num_heads, L, S); null when not
     *     asked for
     */
    public record Output(Tensor output, Tensor weights) {}

    /** {@code embed_dim}: the total dimension of the model. */
    public final int embedDim;
    /** {@code num_heads}: the number of attention heads. */
    public final int numHeads;
    /** {@code head_dim}: the size of each head (embed_dim / num_heads). */
    public final int headDim;
    /** {@code dropout}: the dropout probability on the attention weights, in training mode. */
    public final double dropout;
    /** {@code batch_first}: whether inputs and outputs are (batch, seq, feature) instead of (seq, batch, feature). */
    public final boolean batchFirst;
    /** {@code in_proj_weight}: the packed input projection weight (3 E, E) for query, key and value. */
    public final Parameter inProjWeight;
    /** {@code in_proj_bias}: the packed input projection bias (3 E) (null without bias). */
    public final Parameter inProjBias;
    /** {@code out_proj}: the output projection, a Linear (E, E) that prints as NonDynamicallyQuantizableLinear. */
    public final Linear outProj;

    /**
     * {@code nn.MultiheadAttention(embed_dim, num_heads)}: no dropout, with biases, (L, N, E) layout.
     *
     * @param embedDim E, the model's dimension
     * @param numHeads the number of heads, dividing embedDim
     * @throws IllegalArgumentException if numHeads does not divide embedDim ("embed_dim must be divisible by
     *     num_heads")
     */
    public MultiheadAttention(int embedDim, int numHeads) { this(embedDim, numHeads, 0.0, true, false); }

    /**
     * {@code nn.MultiheadAttention(embed_dim, num_heads, dropout, bias, batch_first=...)}.
     *
     * @param embedDim E, the model's dimension
     * @param numHeads the number of heads, dividing embedDim
     * @param dropout the dropout probability on the attention weights, in training mode
     * @param bias whether the in- and out-projections have biases
     * @param batchFirst whether query, key, value and output are (N, L, E) instead of (L, N, E)
     * @throws IllegalArgumentException if numHeads does not divide embedDim ("embed_dim must be divisible by
     *     num_heads")
     */
    public MultiheadAttention(int embedDim, int numHeads, double dropout, boolean bias, boolean batchFirst) {
        if (embedDim % numHeads != 0) throw new IllegalArgumentException("embed_dim must be divisible by num_heads");
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.headDim = embedDim / numHeads;
        this.dropout = dropout;
        this.batchFirst = batchFirst;
        inProjWeight = registerParameter("in_proj_weight", new Parameter(Torch.empty(DType.FLOAT32, 3L * embedDim, embedDim)));
        inProjBias = registerParameter("in_proj_bias", bias ? new Parameter(Torch.empty(DType.FLOAT32, 3L * embedDim)) : null);
        outProj = register("out_proj", new OutProjection(embedDim, bias));
        Init.xavierUniform_(inProjWeight);
        if (inProjBias != null) {
            Init.constant_(inProjBias, 0);
            Init.constant_(outProj.bias, 0);
        }
    }

    /** PyTorch's NonDynamicallyQuantizableLinear: a Linear under its own name. */
    static final class OutProjection extends Linear {
        OutProjection(int features, boolean bias) { super(features, features, bias); }

        @Override protected String moduleName() { return "NonDynamicallyQuantizableLinear"; }
    }

    /**
     * Self-attention without masks; the output only.
     *
     * @param x the query, key and value: (L, N, E), (N, L, E) with batch_first, or (L, E)
     * @return the attended values, x's shape
     * @throws IllegalArgumentException if x's rank or embedding size does not fit (see the class comment)
     */
    @Override public Tensor forward(Tensor x) { return forward(x, x, x, null, false, null, true).output(); }

    /**
     * {@code mha(query, key, value)}: PyTorch's defaults, no masks; the weights, averaged over heads, come back too.
     *
     * @param query (L, N, E), (N, L, E) with batch_first, or (L, E)
     * @param key (S, N, E), (N, S, E) or (S, E)
     * @param value key's shape
     * @return the attended values (query's shape) and the head-averaged weights (N, L, S) or (L, S)
     * @throws IllegalArgumentException if the shapes do not fit (see the class comment)
     */
    public Output forward(Tensor query, Tensor key, Tensor value) { return forward(query, key, value, null, true, null, true); }

    /**
     * {@code mha(query, key, value, key_padding_mask, need_weights, attn_mask, average_attn_weights)}, PyTorch's
     * argument order.
     *
     * @param query (L, N, E), (N, L, E) with batch_first, or (L, E)
     * @param key (S, N, E), (N, S, E) or (S, E)
     * @param value key's shape
     * @param keyPaddingMask (N, S), or (S) unbatched: bool, true where a key is padding, or float, added to the
     *     scores; or null
     * @param needWeights whether to return the attention weights too
     * @param attnMask (L, S) or (N num_heads, L, S): bool, true where attention is not allowed, or float, added to the
     *     scores; or null
     * @param averageWeights whether the returned weights are averaged over the heads
     * @return the attended values (query's shape) and, when needWeights, the weights
     * @throws IllegalArgumentException if the shapes, ranks or mask dtype do not fit (see the class comment)
     */
    public Output forward(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, boolean needWeights, Tensor attnMask,
                          boolean averageWeights) {
        checkRanks(query, key, value, keyPaddingMask, attnMask);
        boolean batched = query.dim() == 3;
        boolean self = query == key && key == value;
        Tensor q = query, k = key, v = value;
        if (batchFirst && batched) {
            if (self) {
                q = query.transpose(1, 0);
                k = q;
                v = q;
            } else {
                q = query.transpose(1, 0);
                k = key.transpose(1, 0);
                v = value.transpose(1, 0);
            }
        }
        if (!batched) {
            q = q.unsqueeze(1);
            k = self ? q : k.unsqueeze(1);
            v = self ? q : v.unsqueeze(1);
            if (keyPaddingMask != null) keyPaddingMask = keyPaddingMask.unsqueeze(0);
        }
        Output r = attend(q, k, v, self, keyPaddingMask, needWeights, attnMask, averageWeights);
        Tensor out = r.output();
        Tensor weights = r.weights();
        if (!batched) {
            out = out.squeeze(1);
            if (weights != null) weights = weights.squeeze(0);
        } else if (batchFirst) {
            out = out.transpose(1, 0);
        }
        return new Output(out, weights);
    }

    /** PyTorch 1.13's _mha_shape_check, with its texts. */
    private void checkRanks(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask) {
        String which;
        if (query.dim() == 3) which = "For batched (3-D) `query`, expected ";
        else if (query.dim() == 2) which = "For unbatched (2-D) `query`, expected ";
        else throw new IllegalArgumentException("query should be unbatched 2D or batched 3D tensor but received " + query.dim() + "-D query tensor");
        int rank = query.dim();
        if (key.dim() != rank || value.dim() != rank) {
            throw new IllegalArgumentException(which + "`key` and `value` to be " + rank + "-D but found " + key.dim() + "-D and " + value.dim()
                    + "-D tensors respectively");
        }
        if (keyPaddingMask != null && keyPaddingMask.dim() != rank - 1) {
            throw new IllegalArgumentException(which + "`key_padding_mask` to be `None` or " + (rank - 1) + "-D but found " + keyPaddingMask.dim()
                    + "-D tensor instead");
        }
        if (attnMask != null) {
            if (attnMask.dim() != 2 && attnMask.dim() != 3) {
                throw new IllegalArgumentException(which + "`attn_mask` to be `None`, 2-D or 3-D but found " + attnMask.dim() + "-D tensor instead");
            }
            if (rank == 2 && attnMask.dim() == 3 && !java.util.Arrays.equals(attnMask.shape(), new long[] {numHeads, query.size(0), key.size(0)})) {
                throw new IllegalArgumentException("Expected `attn_mask` shape to be " + Repr.tuple(numHeads, query.size(0), key.size(0)) + " but got "
                        + attnMask.size());
            }
            if (attnMask.dtype() != DType.BOOL && !attnMask.isFloatingPoint()) {
                throw new IllegalArgumentException("Only float, byte, and bool types are supported for attn_mask, not " + attnMask.dtype());
            }
        }
    }

    private Output attend(Tensor query, Tensor key, Tensor value, boolean self, Tensor keyPaddingMask, boolean needWeights, Tensor attnMask,
                          boolean averageWeights) {
        long tgtLen = query.size(0), bsz = query.size(1), srcLen = key.size(0);
        if (query.size(2) != embedDim) {
            throw new IllegalArgumentException("was expecting embedding dimension of " + embedDim + ", but got " + query.size(2));
        }
        if (!java.util.Arrays.equals(key.shape(), value.shape())) {
            throw new IllegalArgumentException("key shape " + key.size() + " does not match value shape " + value.size());
        }
        if (attnMask != null) {
            long[] expected = attnMask.dim() == 2 ? new long[] {tgtLen, srcLen} : new long[] {bsz * numHeads, tgtLen, srcLen};
            if (!java.util.Arrays.equals(attnMask.shape(), expected)) {
                throw new IllegalArgumentException("The shape of the " + attnMask.dim() + "D attn_mask is " + attnMask.size() + ", but should be "
                        + Repr.tuple(expected) + ".");
            }
        }
        if (keyPaddingMask != null && !java.util.Arrays.equals(keyPaddingMask.shape(), new long[] {bsz, srcLen})) {
            throw new IllegalArgumentException("expecting key_padding_mask shape of " + Repr.tuple(bsz, srcLen) + ", but got " + keyPaddingMask.size());
        }
        Tensor q, k, v;
        if (self) {  // one projection, split in three (PyTorch's _in_projection_packed)
            Tensor proj = F.linear(query, inProjWeight, inProjBias);
            List<Tensor> qkv = proj.unflatten(-1, 3, embedDim).unsqueeze(0).transpose(0, -2).squeeze(-2).contiguous().unbind(0);
            q = qkv.get(0);
            k = qkv.get(1);
            v = qkv.get(2);
        } else {
            List<Tensor> w = inProjWeight.chunk(3, 0);
            List<Tensor> b = inProjBias == null ? null : inProjBias.chunk(3, 0);
            q = F.linear(query, w.get(0), b == null ? null : b.get(0));
            k = F.linear(key, w.get(1), b == null ? null : b.get(1));
            v = F.linear(value, w.get(2), b == null ? null : b.get(2));
        }
        Tensor mask = attnMask;
        if (mask != null && mask.dim() == 2) mask = mask.unsqueeze(0);
        q = q.contiguous().view(tgtLen, bsz * numHeads, headDim).transpose(0, 1);
        k = k.contiguous().view(k.size(0), bsz * numHeads, headDim).transpose(0, 1);
        v = v.contiguous().view(v.size(0), bsz * numHeads, headDim).transpose(0, 1);
        if (keyPaddingMask != null) {
            Tensor kpm = keyPaddingMask.view(bsz, 1, 1, srcLen).expand(-1, numHeads, -1, -1).reshape(bsz * numHeads, 1, srcLen);
            if (mask == null) mask = kpm;
            else if (mask.dtype() == DType.BOOL) mask = mask.logicalOr(kpm);
            else mask = mask.add(kpm.dtype() == DType.BOOL ? Torch.zerosLike(kpm, q.dtype()).maskedFill(kpm, Double.NEGATIVE_INFINITY) : kpm);
        }
        if (mask != null && mask.dtype() == DType.BOOL) mask = Torch.zerosLike(mask, q.dtype()).maskedFill_(mask, Double.NEGATIVE_INFINITY);
        double p = isTraining() ? dropout : 0.0;
        Tensor scaled = q.div(Math.sqrt(headDim));
        Tensor scores = scaled.bmm(k.transpose(-2, -1));
        if (mask != null) scores = mask.add(scores);  // baddbmm(mask, q, k^T)
        Tensor weights = scores.softmax(-1);
        if (p > 0) weights = F.dropout(weights, p, true);
        Tensor out = weights.bmm(v);
        out = out.transpose(0, 1).contiguous().view(tgtLen * bsz, embedDim);
        out = F.linear(out, outProj.weight, outProj.bias).view(tgtLen, bsz, out.size(1));
        if (!needWeights) return new Output(out, null);
        Tensor w = weights.view(bsz, numHeads, tgtLen, srcLen);
        if (averageWeights) w = w.sum(1).div((double) numHeads);
        return new Output(out, w);
    }
}
