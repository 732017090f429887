package dev.jgrad.bench;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.Adam;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Heap used by the MLP training step of the benchmarks (784-512-512-10, batch 128, cross-entropy, Adam),
 * against what the step needs: parameters, their gradients, Adam's two moment buffers, and the activations
 * (the input and every layer's output). Run: {@code ./jgrad mvn -q -pl benchmarks -am package -DskipTests
 * exec:exec -Dbench.main=dev.jgrad.bench.MemoryCheck}, or with a small {@code -Xmx} to prove the step fits.
 *
 * <p>A garbage-collected heap holds garbage until the next collection, so "peak heap" is reported three
 * ways: the live set (after a full GC) at each phase boundary of a step (what reference counting, as in
 * PyTorch, would hold), the bytes every thread allocates per step (the churn the GC must clear), and the
 * heap pools' peak usage over many steps (which mostly shows how large the GC lets the young generation grow).
 */
public final class MemoryCheck {
    private static final double MB = 1 << 20;

    private MemoryCheck() {}

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long base = liveAfterGc();

        manualSeed(0);
        Sequential mlp = new Sequential(new Linear(784, 512), new ReLU(), new Linear(512, 512), new ReLU(), new Linear(512, 10));
        Adam opt = new Adam(mlp.parameters(), 1e-3);
        Tensor x = randn(128, 784);
        Tensor y = randint(0, 10, 128);

        long params = 0;
        for (Parameter p : mlp.parameters()) params += p.numel() * 4;
        long activations = 4L * (128 * 784 + 4 * 128 * 512 + 2 * 128 * 10);  // x, 2 x (linear, relu), logits, log-softmax
        long grads = params, adam = 2 * params;
        long budget = params + grads + adam + activations;
        System.out.printf("budget: parameters %.2f MB + gradients %.2f + Adam moments %.2f + activations %.2f = %.2f MB%n",
                params / MB, grads / MB, adam / MB, activations / MB, budget / MB);

        // Adam's state exists after the first step; the rest of the warm-up lets the JIT compile the kernels (the Vector
        // API allocates a box per vector operation until C2 has compiled the loop), so what follows is the steady state
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; i < 20 || System.nanoTime() < warmUntil; i++) step(mlp, opt, x, y);

        // live set at each phase boundary of one step
        opt.zeroGrad();
        long afterZero = liveAfterGc() - base;
        Tensor loss = F.crossEntropy(mlp.forward(x), y);
        long afterForward = liveAfterGc() - base;
        loss.backward();
        long afterBackward = liveAfterGc() - base;
        opt.step();
        long afterStep = liveAfterGc() - base;
        long peakLive = Math.max(Math.max(afterZero, afterForward), Math.max(afterBackward, afterStep));
        System.out.printf("live after zeroGrad %.2f MB, after forward %.2f, after backward %.2f, after step %.2f%n",
                afterZero / MB, afterForward / MB, afterBackward / MB, afterStep / MB);
        System.out.printf("peak live at a phase boundary: %.2f MB = %.2fx the budget%n", peakLive / MB, (double) peakLive / budget);

        // churn: bytes allocated by all threads (the caller and the kernel pool) per step, the median of 5 blocks of
        // steps (a block that meets a JIT recompilation allocates the interpreter's Vector API boxes, up to +1 MB a step)
        long[] blocks = new long[5];
        int perBlock = Math.max(1, steps / blocks.length);
        for (int b = 0; b < blocks.length; b++) {
            long before = allocatedByAllThreads();
            for (int i = 0; i < perBlock; i++) step(mlp, opt, x, y);
            blocks[b] = (allocatedByAllThreads() - before) / perBlock;
        }
        java.util.Arrays.sort(blocks);
        long perStep = blocks[blocks.length / 2];
        System.out.printf("allocated per step (all threads, median of %d blocks of %d steps; %.2f to %.2f): %.2f MB = %.2fx the budget%n",
                blocks.length, perBlock, blocks[0] / MB, blocks[blocks.length - 1] / MB, perStep / MB, (double) perStep / budget);

        // the same churn split by phase, to show where it comes from
        long[] phase = new long[4];
        for (int i = 0; i < steps; i++) {
            long t0 = allocatedByAllThreads();
            opt.zeroGrad();
            long t1 = allocatedByAllThreads();
            Tensor l = F.crossEntropy(mlp.forward(x), y);
            long t2 = allocatedByAllThreads();
            l.backward();
            long t3 = allocatedByAllThreads();
            opt.step();
            long t4 = allocatedByAllThreads();
            phase[0] += t1 - t0;
            phase[1] += t2 - t1;
            phase[2] += t3 - t2;
            phase[3] += t4 - t3;
        }
        System.out.printf("allocated per step by phase: zeroGrad %.3f MB, forward %.3f, backward %.3f, step %.3f%n",
                phase[0] / MB / steps, phase[1] / MB / steps, phase[2] / MB / steps, phase[3] / MB / steps);

        // the heap pools' peak, garbage included, over the same number of steps
        for (MemoryPoolMXBean p : heapPools()) p.resetPeakUsage();
        for (int i = 0; i < steps; i++) step(mlp, opt, x, y);
        long peak = 0;
        for (MemoryPoolMXBean p : heapPools()) peak += p.getPeakUsage().getUsed();
        System.out.printf("heap pools' peak over %d steps (garbage included): %.2f MB above the %.2f MB baseline, max heap %.0f MB%n",
                steps, (peak - base) / MB, base / MB, Runtime.getRuntime().maxMemory() / MB);
    }

    private static void step(Sequential mlp, Adam opt, Tensor x, Tensor y) {
        opt.zeroGrad();
        F.crossEntropy(mlp.forward(x), y).backward();
        opt.step();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    /** Heap in use right after a full collection: the live set. */
    private static long liveAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        long used = 0;
        for (MemoryPoolMXBean p : heapPools()) used += p.getUsage().getUsed();
        return used;
    }

    /** Bytes allocated so far by every live thread (HotSpot's per-thread counters). */
    private static long allocatedByAllThreads() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long a : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) sum += Math.max(0, a);
        return sum;
    }
}
