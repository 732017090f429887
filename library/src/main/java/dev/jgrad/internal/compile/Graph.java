package dev.jgrad.internal.compile;

import dev.jgrad.Tensor;
import dev.jgrad.internal.TensorInternals;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiled program of one input signature: the forward steps, and when the signature needs gradients the
 * backward steps, which read the forward's buffers (the run's {@link Env} stays alive between the two, as saved
 * tensors do in eager mode) and the output gradients bound to their own slots.
 */
final class Graph {
    final int slotCount;
    final int[] inputSlots;
    final List<Step> forward;
    final Layout[] outputs;
    /** Null when the signature needs no gradients. */
    final List<Step> backward;
    /** The slot of each differentiable output's gradient (-1 for outputs that get none). */
    final int[] gradOutputSlots;
    /** The gradient of each input (null where the input needs none or the outputs do not depend on it). */
    final Layout[] gradInputs;
    final int fusedKernels;

    /** The forward's buffers the backward steps read (the rest are let go once the outputs exist). */
    private final boolean[] savedForBackward;

    Graph(int slotCount, int[] inputSlots, List<Step> forward, Layout[] outputs, List<Step> backward, int[] gradOutputSlots,
          Layout[] gradInputs, java.util.Set<Integer> readByBackward) {
        this.savedForBackward = new boolean[slotCount];
        for (int slot : readByBackward) savedForBackward[slot] = true;
        this.slotCount = slotCount;
        this.inputSlots = inputSlots;
        this.forward = forward;
        this.outputs = outputs;
        this.backward = backward;
        this.gradOutputSlots = gradOutputSlots;
        this.gradInputs = gradInputs;
        int fused = 0;
        for (Step s : forward) if (s instanceof FusedKernel) fused++;
        if (backward != null) for (Step s : backward) if (s instanceof FusedKernel) fused++;
        this.fusedKernels = fused;
    }

    /** Runs the forward steps on real inputs; the returned env holds every buffer the backward steps may read. */
    Env runForward(Tensor[] inputs) {
        Env env = new Env(slotCount);
        for (int i = 0; i < inputs.length; i++) env.slots[inputSlots[i]] = TensorInternals.storage(inputs[i]);
        for (Step s : forward) s.run(env);
        return env;
    }

    Tensor[] outputs(Env env) {
        Tensor[] out = new Tensor[outputs.length];
        for (int i = 0; i < out.length; i++) out[i] = outputs[i].tensor(env);
        return out;
    }

    /** Lets go of the forward's buffers the backward does not read, as eager frees what no node saved. */
    void keepOnlySaved(Env env) {
        for (int i = 0; i < env.slots.length; i++) if (!savedForBackward[i]) env.slots[i] = null;
    }

    /** Runs the backward steps; grads are the outputs' gradients (null: zeros), one per output. */
    Tensor[] runBackward(Env env, Tensor[] grads) {
        for (int i = 0; i < gradOutputSlots.length; i++) {
            if (gradOutputSlots[i] < 0) continue;
            // the backward was traced with contiguous gradients at offset 0 (Function materializes missing ones as zeros)
            Tensor g = grads[i].contiguous();
            if (TensorInternals.offset(g) != 0) g = g.clone();
            env.slots[gradOutputSlots[i]] = TensorInternals.storage(g);
        }
        for (Step s : backward) s.run(env);
        Tensor[] out = new Tensor[gradInputs.length];
        for (int i = 0; i < out.length; i++) out[i] = gradInputs[i] == null ? null : gradInputs[i].tensor(env);
        return out;
    }

    /** The program as text: one line per step. */
    String describe() {
        List<String> lines = new ArrayList<>();
        lines.add("forward:");
        for (Step s : forward) lines.add("  " + s.describe());
        if (backward != null) {
            lines.add("backward:");
            for (Step s : backward) lines.add("  " + s.describe());
        }
        return String.join("\n", lines);
    }
}
