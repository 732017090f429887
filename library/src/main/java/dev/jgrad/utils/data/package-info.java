/**
 * {@code torch.utils.data}: {@link dev.jgrad.utils.data.Dataset}, {@link dev.jgrad.utils.data.TensorDataset},
 * {@link dev.jgrad.utils.data.Subset}, {@link dev.jgrad.utils.data.ConcatDataset},
 * {@link dev.jgrad.utils.data.Data#randomSplit} (PyTorch's splits for a seed), and the loaders:
 * {@link dev.jgrad.utils.data.DataLoader} for datasets of tensors and {@link dev.jgrad.utils.data.BatchLoader}
 * for samples of any type with a collate function of one's own. Both shuffle in PyTorch's order for the
 * same seed, drop the last short batch when asked, and load in background threads with {@code numWorkers}.
 *
 * <pre>{@code
 * var loader = new DataLoader(new TensorDataset(x, y), 64, true);
 * for (List<Tensor> batch : loader) { Tensor xb = batch.get(0), yb = batch.get(1); ... }
 * var parts = Data.randomSplit(dataset, new double[] {0.8, 0.2}, new Generator(42));
 * var fast = new DataLoader(parts.get(0), DataLoader.options().batchSize(64).shuffle(true).numWorkers(2));
 * }</pre>
 */
package dev.jgrad.utils.data;
