/**
 * {@code torch.optim}: {@link dev.jgrad.optim.SGD} (momentum, dampening, Nesterov, weight decay),
 * {@link dev.jgrad.optim.Adam} (amsgrad), {@link dev.jgrad.optim.AdamW}, {@link dev.jgrad.optim.RMSprop}
 * (momentum, centered), {@link dev.jgrad.optim.Adagrad}, {@link dev.jgrad.optim.Adadelta},
 * {@link dev.jgrad.optim.Adamax}, {@link dev.jgrad.optim.NAdam}, {@link dev.jgrad.optim.RAdam},
 * {@link dev.jgrad.optim.ASGD}, {@link dev.jgrad.optim.Rprop} and {@link dev.jgrad.optim.LBFGS}, all subclasses of
 * {@link dev.jgrad.optim.Optimizer}, and the schedulers in {@code dev.jgrad.optim.lr} (StepLR, MultiStepLR,
 * ConstantLR, LinearLR, ExponentialLR, PolynomialLR, LambdaLR, MultiplicativeLR, CosineAnnealingLR,
 * CosineAnnealingWarmRestarts, CyclicLR, OneCycleLR, SequentialLR, ChainedScheduler, and ReduceLROnPlateau,
 * which is stepped with a metric).
 *
 * <pre>{@code
 * var optimizer = new Adam(model.parameters(), 1e-3);
 * var schedule = new CosineAnnealingLR(optimizer, epochs);
 * loss.backward(); optimizer.step(); optimizer.zeroGrad();   // zeroGrad sets gradients to null, as PyTorch 2
 * schedule.step();
 * }</pre>
 *
 * <p>Updates follow PyTorch's single-tensor implementations op for op, in place and under no_grad, so
 * given the same gradients the parameters after each step equal PyTorch's bit for bit (checked by the
 * fixtures for every optimizer configuration). Keyword arguments become positional, in PyTorch's order.
 */
package dev.jgrad.optim;
