package dev.jgrad.internal.ops;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import java.util.List;

/**
 * embedding's max_norm renormalisation and scale_grad_by_freq factors, and embedding_bag: each bag is laid out as
 * a row of a dense (bags, longest bag) index matrix (empty slots and padding_idx masked out), looked up with
 * embedding and reduced by sum, mean or max, so the gradients for weight and per_sample_weights follow.
 */
public final class Embeddings {
    private Embeddings() {}

    /** Per index, 1 / (its count among counted): the factor scale_grad_by_freq applies to its gradient. */
    static Tensor inverseFrequency(Tensor counted, Tensor at, Tensor weight) {
        Tensor counts = Torch.bincount(counted.flatten(), null, weight.size(0)).clampMin(1.0);
        return counts.indexSelect(0, at.flatten().clampMin(0.0).toLong()).to(weight.dtype()).reciprocal().reshape(at.shape());
    }

    /** embedding_renorm_: each row that indices name with a norm above maxNorm is scaled in place by maxNorm / (norm + 1e-7). */
    public static void renorm_(Tensor weight, Tensor indices, double maxNorm, double normType) {
        try (var guard = GradMode.setEnabled(false)) {
            Tensor rows = Torch.unique(indices.flatten(), true, false, false).get(0);
            Tensor picked = weight.indexSelect(0, rows);
            Tensor norms = picked.norm(normType, 1, true).to(DType.FLOAT64);
            Tensor scale = Torch.where(norms.gt(maxNorm), norms.add(1e-7).reciprocal().mul(maxNorm), Torch.onesLike(norms));
            weight.indexCopy_(0, rows, picked.mul(scale.to(weight.dtype())));
        }
    }

    /** torch.embedding with PyTorch's renormalisation first (maxNorm null: none) and scale_grad_by_freq. */
    public static Tensor embedding(Tensor input, Tensor weight, Long paddingIdx, Double maxNorm, double normType, boolean scaleGradByFreq,
                                   boolean sparse) {
        if (sparse) throw new IllegalArgumentException("jgrad: sparse embedding gradients are not supported");
        long rows = weight.size(0);
        long pad = -1;
        if (paddingIdx != null) {
            if (paddingIdx >= rows || paddingIdx < -rows) throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
            pad = paddingIdx < 0 ? paddingIdx + rows : paddingIdx;
        }
        if (maxNorm != null) renorm_(weight, input, maxNorm, normType);
        return Gathering.embedding(weight, input, pad, scaleGradByFreq);
    }

    /** F.embedding_bag; offsets null for 2-d input; perSampleWeights only with sum; paddingIdx entries leave their bag. */
    public static Tensor embeddingBag(Tensor input, Tensor weight, Tensor offsets, Double maxNorm, double normType, boolean scaleGradByFreq,
                                      String mode, boolean sparse, Tensor perSampleWeights, boolean includeLastOffset, Long paddingIdx) {
        long rows = weight.size(0);
        long pad = -1;
        if (paddingIdx != null) {
            if (paddingIdx >= rows || paddingIdx < -rows) throw new IllegalArgumentException("padding_idx must be within the number of embeddings");
            pad = paddingIdx < 0 ? paddingIdx + rows : paddingIdx;
        }
        if (perSampleWeights != null && !java.util.Arrays.equals(perSampleWeights.shape(), input.shape())) {
            throw new IllegalArgumentException("embedding_bag: If per_sample_weights (" + perSampleWeights.size() + ") is not None, then it must have "
                    + "the same shape as the input (" + input.size() + ")");
        }
        if (input.dim() == 2) {
            if (offsets != null) {
                throw new IllegalArgumentException("if input is 2D, then offsets has to be None, as input is treated is a mini-batch of fixed length "
                        + "sequences. However, found offsets of type <class 'torch.Tensor'>");
            }
            offsets = Torch.arange(0, input.numel(), Math.max(1, input.size(1))).to(input.device(), input.dtype());
            input = input.reshape(-1);
            if (perSampleWeights != null) perSampleWeights = perSampleWeights.reshape(-1);
        } else if (input.dim() == 1) {
            if (offsets == null) throw new IllegalArgumentException("offsets has to be a 1D Tensor but got None");
            if (offsets.dim() != 1) throw new IllegalArgumentException("offsets has to be a 1D Tensor");
        } else {
            throw new IllegalArgumentException("input has to be 1D or 2D Tensor, but got Tensor of dimension " + input.dim());
        }
        switch (mode) {
            case "sum", "mean" -> { }
            case "max" -> {
                if (scaleGradByFreq) throw new IllegalArgumentException("max mode does not support scaling the gradient by the frequency");
                if (sparse) throw new IllegalArgumentException("max mode does not support sparse weights");
            }
            default -> throw new IllegalArgumentException("mode has to be one of sum, mean or max");
        }
        if (sparse) throw new IllegalArgumentException("jgrad: sparse embedding gradients are not supported");
        if (maxNorm != null) renorm_(weight, input, maxNorm, normType);
        if (perSampleWeights != null && !mode.equals("sum")) {
            throw new IllegalArgumentException("embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for mode='sum' "
                    + "(got mode='" + mode + "'). Please open a feature request on GitHub.");
        }
        if (offsets.numel() > 0 && offsets.get(0).itemLong() != 0) {
            throw new IllegalArgumentException("offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from position 0. "
                    + "However, got " + offsets.get(0).itemLong() + "\n[ torch." + (offsets.dtype() == DType.INT32 ? "Int" : "Long") + "Tensor{} ]");
        }
        checkBagIndices(input, weight, mode, pad);
        Bags bags = Bags.of(input.toLong(), offsets.toLong(), includeLastOffset, pad);
        Tensor freq = scaleGradByFreq ? inverseFrequency(input.toLong(), bags.index(), weight) : null;
        Tensor looked = Gathering.embedding(weight, bags.index().clampMin(0.0).toLong(), -1, freq);  // (B, L, D)
        Tensor valid = bags.valid();
        Tensor count = valid.sum(1).to(weight.dtype()).unsqueeze(1);
        Tensor out = switch (mode) {
            case "max" -> looked.maskedFill(valid.logicalNot().unsqueeze(2), Double.NEGATIVE_INFINITY).amax(1, false)
                    .where(count.gt(0.0), 0.0);
            default -> {
                Tensor w = valid.to(weight.dtype());
                if (perSampleWeights != null) w = bags.spread(perSampleWeights).mul(w);
                Tensor sum = looked.mul(w.unsqueeze(2)).sum(1);
                yield mode.equals("mean") ? sum.div(count.clampMin(1.0)) : sum;
            }
        };
        return Derivatives.renamed("EmbeddingBagBackward0", out);
    }

    /**
     * Every index must name a row of weight (negative ones too are errors, as in PyTorch 1.13). The
     * message is the one of the kernel PyTorch would run: its fbgemm-style lookup for float32 sum and mean
     * without padding_idx (whose source line differs for int32 and int64 indices), its generic loop otherwise.
     */
    private static void checkBagIndices(Tensor input, Tensor weight, String mode, long pad) {
        if (input.device().isMeta()) return;
        long rows = weight.size(0);
        long[] idx = (long[]) Copying.toArray(input.toLong(), DType.INT64);
        boolean lookup = !mode.equals("max") && pad < 0 && weight.dtype() == DType.FLOAT32
                && weight.stride(1) == 1;
        for (int i = 0; i < idx.length; i++) {
            long k = idx[i];
            if (k >= 0 && k < rows) continue;
            if (!lookup) throw new IllegalArgumentException("embedding_bag: Expected idx >= 0 && idx < num_embeddings but found idx to be " + k);
            int line = input.dtype() == DType.INT64 ? 214 : 213;
            throw new IllegalArgumentException("[enforce fail at embedding_lookup_idx.cc:" + line + "] 0 <= idx && idx < data_size. Index " + i
                    + " is out of bounds: " + k + ", range 0 to " + rows);
        }
    }

    /** Bags as rows: slot (b, j) holds position offsets[b] + j of the input, or n (no entry). */
    private record Bags(Tensor slots, Tensor index, Tensor valid) {
        static Bags of(Tensor input, Tensor offsets, boolean includeLast, long pad) {
            long n = input.numel();
            long bags = includeLast ? Math.max(0, offsets.numel() - 1) : offsets.numel();
            long end = includeLast && offsets.numel() > 0 ? Math.min(n, offsets.get(offsets.numel() - 1).itemLong()) : n;
            Tensor starts = offsets.narrow(0, 0, bags);
            Tensor ends = Torch.cat(List.of(starts.narrow(0, 1, Math.max(0, bags - 1)), Torch.tensor(new long[] {end}).to(input.device())), 0);
            long longest = bags == 0 ? 1 : Math.max(1, ends.sub(starts).max().itemLong());
            Tensor pos = starts.unsqueeze(1).add(Torch.arange(longest).to(input.device()).unsqueeze(0));  // (B, L)
            Tensor inside = pos.lt(ends.unsqueeze(1));
            Tensor slots = pos.where(inside, (double) n).toLong();
            Tensor extended = Torch.cat(List.of(input.narrow(0, 0, n), Torch.tensor(new long[] {-1}).to(input.device())), 0);
            Tensor index = extended.indexSelect(0, slots.flatten()).reshape(Shapes.toLong(new int[] {(int) bags, (int) longest}));
            Tensor valid = index.ge(0L).logicalAnd(index.ne(pad));
            return new Bags(slots, index, valid);
        }

        /** A per-entry tensor (n) laid out as the bags (B, L), zero in empty slots; differentiable. */
        Tensor spread(Tensor perEntry) {
            Tensor extended = Torch.cat(List.of(perEntry, perEntry.newZeros(1)), 0);
            return extended.indexSelect(0, slots.flatten()).reshape(slots.shape());
        }
    }
}
