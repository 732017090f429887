/**
 * {@code torch.utils.data}: {@link dev.jgrad.utils.data.Dataset}, {@link dev.jgrad.utils.data.TensorDataset}
 * and a single-process {@link dev.jgrad.utils.data.DataLoader} (batch size, shuffle, generator, drop last)
 * whose shuffled orders equal PyTorch's for the same seed.
 *
 * <pre>{@code
 * var loader = new DataLoader(new TensorDataset(x, y), 64, true);
 * for (List<Tensor> batch : loader) { Tensor xb = batch.get(0), yb = batch.get(1); ... }
 * }</pre>
 */
package dev.jgrad.utils.data;
