/**
 * {@code torch.optim.lr_scheduler}: learning-rate schedules that set each parameter group's lr of an
 * {@link dev.jgrad.optim.Optimizer}. Every scheduler but {@link dev.jgrad.optim.lr.ReduceLROnPlateau}
 * extends {@link dev.jgrad.optim.lr.LRScheduler}: build it after the optimizer (it records each group's
 * {@code initial_lr}, as PyTorch does) and call {@code step()} once per epoch after {@code optimizer.step()};
 * the lrs then equal PyTorch's for the same arguments, closed forms and chained updates alike.
 */
package dev.jgrad.optim.lr;
