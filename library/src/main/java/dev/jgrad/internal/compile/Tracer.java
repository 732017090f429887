package dev.jgrad.internal.compile;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.Autograd;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.TensorInternals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Traces a function once for one input signature: runs it on tensors over {@link TraceStorage}s laid out as the real
 * inputs are, so every op runs its eager semantics and its kernel calls are recorded. When the signature needs
 * gradients, it also runs eager autograd's backward on the traced outputs ({@code Autograd.grad}), so the backward
 * program is made of the very derivative formulas eager mode uses. The recorded steps then go to the {@link Fuser}.
 */
final class Tracer {
    private Tracer() {}

    static Graph trace(Function<List<Tensor>, List<Tensor>> fn, Tensor[] inputs, boolean gradEnabled, boolean needsGrad) {
        TraceBackend tb = new TraceBackend();
        Tensor[] traced = new Tensor[inputs.length];
        int[] inputSlots = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor in = inputs[i];
            TraceStorage s = tb.inputStorage(in.dtype(), TensorInternals.storage(in).size());
            inputSlots[i] = s.slot;
            traced[i] = TensorInternals.newTensor(s, TensorInternals.shape(in).clone(), TensorInternals.strides(in).clone(),
                    TensorInternals.offset(in));
            if (needsGrad && in.requiresGrad()) traced[i].requiresGrad_(true);
        }
        List<Tensor> outs;
        try (var g = GradMode.setEnabled(gradEnabled)) {
            outs = fn.apply(List.of(traced));
        }
        if (outs == null || outs.isEmpty()) throw new CaptureException("the function returned no tensor");
        Layout[] outputs = new Layout[outs.size()];
        for (int i = 0; i < outputs.length; i++) {
            Tensor o = outs.get(i);
            if (o == null) throw new CaptureException("the function returned null as output " + i);
            if (!(TensorInternals.storage(o) instanceof TraceStorage ts) || ts.backend() != tb) {
                throw new CaptureException("output " + i + " is not computed from the inputs (a tensor made outside the function, or on another device)");
            }
            outputs[i] = Layout.of(o);
        }
        List<Step> forward = tb.takeSteps();
        List<Step> backward = null;
        int[] gradOutputSlots = new int[outputs.length];
        Layout[] gradInputs = new Layout[inputs.length];
        if (needsGrad) {
            tb.startPhase();
            List<Tensor> diffOuts = new ArrayList<>(), gradOuts = new ArrayList<>();
            for (int i = 0; i < outputs.length; i++) {
                Tensor o = outs.get(i);
                gradOutputSlots[i] = -1;
                if (!o.requiresGrad()) continue;
                TraceStorage gs = tb.inputStorage(o.dtype(), TensorInternals.numel(o));
                gradOutputSlots[i] = gs.slot;
                diffOuts.add(o);
                gradOuts.add(TensorInternals.contiguousOf(gs, TensorInternals.shape(o).clone()));
            }
            List<Tensor> wrt = new ArrayList<>();
            List<Integer> wrtIndex = new ArrayList<>();
            for (int i = 0; i < inputs.length; i++) {
                if (traced[i].requiresGrad()) {
                    wrt.add(traced[i]);
                    wrtIndex.add(i);
                }
            }
            if (!diffOuts.isEmpty() && !wrt.isEmpty()) {
                List<Tensor> grads;
                try (var g = GradMode.setEnabled(false)) {
                    grads = Autograd.grad(diffOuts, wrt, gradOuts, false, false, true);
                }
                for (int k = 0; k < grads.size(); k++) {
                    Tensor gr = grads.get(k);
                    if (gr == null) continue;
                    if (!(TensorInternals.storage(gr) instanceof TraceStorage)) throw new CaptureException("a gradient is not computed by the backward pass");
                    gradInputs[wrtIndex.get(k)] = Layout.of(gr);
                }
            }
            backward = tb.takeSteps();
        }
        Set<Integer> readByBackward = new HashSet<>();
        if (backward != null) {
            for (Step s : backward) if (s instanceof Call c) for (var v : c.reads) if (v != null && v.storage() instanceof TraceStorage ts) readByBackward.add(ts.slot);
        }
        Set<Integer> neededByBackward = new HashSet<>(readByBackward);
        for (Layout l : outputs) neededByBackward.add(l.slot());
        Set<Integer> neededAfterBackward = new HashSet<>();
        for (Layout l : gradInputs) if (l != null) neededAfterBackward.add(l.slot());
        forward = Fuser.fuse(forward, neededByBackward, tb);
        if (backward != null) backward = Fuser.fuse(backward, neededAfterBackward, tb);
        return new Graph(tb.slotCount(), inputSlots, forward, outputs, backward, gradOutputSlots, gradInputs, readByBackward);
    }
}
