package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;
import java.util.List;

/**
 * Multi-head attention as PyTorch 1.13's {@code F.multi_head_attention_forward} computes it: the packed
 * in-projection, heads folded into the batch, q / sqrt(head_dim), masks added to the scores, softmax,
 * dropout on the weights in training, the out-projection. Inputs are (L, N, E), (N, L, E) with
 * batchFirst, or unbatched (L, E). Parameters are PyTorch's (in_proj_weight/bias and out_proj), drawn in
 * PyTorch's order (out_proj's Linear init first, then xavier-uniform in_proj_weight; both biases zero).
 */
public class MultiheadAttention extends Module {
    /** The attended values and, when asked for, the attention weights (averaged over heads unless not). */
    public record Output(Tensor output, Tensor weights) {}

    /** {@code embed_dim}: the total dimension of the model. */
    public final int embedDim;
    /** {@code num_heads}: the number of attention heads. */
    public final int numHeads;
    /** {@code head_dim}: the size of each head (embed_dim / num_heads). */
    public final int headDim;
    /** {@code dropout}: the dropout probability. */
    public final double dropout;
    /** {@code batch_first}: whether inputs and outputs are (batch, seq, feature) instead of (seq, batch, feature). */
    public final boolean batchFirst;
    /** {@code in_proj_weight}: the packed input projection weight for query, key and value. */
    public final Parameter inProjWeight;
    /** {@code in_proj_bias}: the packed input projection bias (null without bias). */
    public final Parameter inProjBias;
    /** {@code out_proj}: the output projection. */
    public final Linear outProj;

    /** {@code nn.MultiheadAttention(embed_dim, num_heads)}; the other arguments take PyTorch's defaults. */
    public MultiheadAttention(int embedDim, int numHeads) { this(embedDim, numHeads, 0.0, true, false); }

    /** {@code nn.MultiheadAttention(embed_dim, num_heads, dropout, bias, batch_first)}. */
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

    /** Self-attention without masks; the output only. */
    @Override public Tensor forward(Tensor x) { return forward(x, x, x, null, false, null, true).output(); }

    /** PyTorch's defaults: no masks; the weights, averaged over heads, come back too. */
    public Output forward(Tensor query, Tensor key, Tensor value) { return forward(query, key, value, null, true, null, true); }

    /**
     * attnMask: (L, S) or (N * heads, L, S), bool (true = not allowed) or float (added to the scores);
     * keyPaddingMask: (N, S), true where a key is padding. needWeights: also return the weights, averaged over
     * heads when averageWeights.
     */
    public Output forward(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, boolean needWeights, Tensor attnMask,
                          boolean averageWeights) {
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

    private Output attend(Tensor query, Tensor key, Tensor value, boolean self, Tensor keyPaddingMask, boolean needWeights, Tensor attnMask,
                          boolean averageWeights) {
        long tgtLen = query.size(0), bsz = query.size(1), srcLen = key.size(0);
        if (query.size(2) != embedDim) {
            throw new IllegalArgumentException("was expecting embedding dimension of " + embedDim + ", but got " + query.size(2));
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
