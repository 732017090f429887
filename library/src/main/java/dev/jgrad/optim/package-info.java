/**
 * {@code torch.optim}: {@link dev.jgrad.optim.SGD} (momentum, dampening, Nesterov, weight decay),
 * {@link dev.jgrad.optim.Adam} (amsgrad), {@link dev.jgrad.optim.AdamW}, {@link dev.jgrad.optim.RMSprop}
 * (momentum, centered), all subclasses of {@link dev.jgrad.optim.Optimizer}, and the schedulers in
 * {@code dev.jgrad.optim.lr} (StepLR, CosineAnnealingLR).
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
