package dev.jgrad.utils.data;

import dev.jgrad.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Samples are the i-th rows (along dim 0) of each tensor, as {@code torch.utils.data.TensorDataset}. */
public final class TensorDataset implements Dataset<List<Tensor>> {
    private final List<Tensor> tensors;

    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) throw new IllegalArgumentException("TensorDataset needs at least one tensor");
        for (Tensor t : tensors) {
            if (t.dim() == 0 || t.size(0) != tensors[0].size(0)) throw new IllegalArgumentException("Size mismatch between tensors");
        }
        this.tensors = List.of(tensors);
    }

    public List<Tensor> tensors() { return Collections.unmodifiableList(tensors); }

    @Override public List<Tensor> get(int index) {
        List<Tensor> sample = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) sample.add(t.get(index));
        return sample;
    }

    @Override public int size() { return (int) tensors.get(0).size(0); }
}
