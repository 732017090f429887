package dev.jgrad.utils.data;

import dev.jgrad.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Samples are the i-th rows (along dim 0) of each tensor, as {@code torch.utils.data.TensorDataset}. */
public final class TensorDataset implements Dataset<List<Tensor>> {
    private final List<Tensor> tensors;

    /**
     * {@code TensorDataset(*tensors)}: sample i is {@code [t.get(i) for t in tensors]}.
     *
     * @param tensors  the fields, at least one, each with the same size along dim 0 (inputs, targets, ...)
     * @throws IllegalArgumentException "TensorDataset needs at least one tensor" for none, or PyTorch's "Size
     *         mismatch between tensors" when the sizes along dim 0 differ (or a tensor is 0-d)
     */
    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) throw new IllegalArgumentException("TensorDataset needs at least one tensor");
        for (Tensor t : tensors) {
            if (t.dim() == 0 || t.size(0) != tensors[0].size(0)) throw new IllegalArgumentException("Size mismatch between tensors");
        }
        this.tensors = List.of(tensors);
    }

    /**
     * {@code dataset.tensors}: the tensors.
     *
     * @return the tensors in the constructor's order, unmodifiable
     */
    public List<Tensor> tensors() { return Collections.unmodifiableList(tensors); }

    @Override public List<Tensor> get(int index) {
        List<Tensor> sample = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) sample.add(t.get(index));
        return sample;
    }

    @Override public int size() { return (int) tensors.get(0).size(0); }
}
