package dev.jgrad.internal.compile;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.compile.CompileOptions;
import dev.jgrad.compile.Unsupported;
import dev.jgrad.internal.TensorInternals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The cache behind a compiled function: one {@link Graph} (or the reason it fell back) per input signature, traced on
 * the signature's first call. Two threads meeting a new signature at once may both trace it; the first to finish wins.
 */
public final class Compiler {
    private final Function<List<Tensor>, List<Tensor>> fn;
    private final CompileOptions options;
    private final Map<Signature, Object> cache = new ConcurrentHashMap<>();
    private final AtomicInteger traces = new AtomicInteger(), fallbacks = new AtomicInteger();

    /** A compiler for fn; see {@code CompiledFunction}. */
    public Compiler(Function<List<Tensor>, List<Tensor>> fn, CompileOptions options) {
        this.fn = fn;
        this.options = options;
    }

    private static boolean disabledByProperty() { return Boolean.getBoolean("jgrad.compile.disable"); }

    /** Why a signature runs eagerly. */
    private record Fallback(String reason, Throwable cause) {}

    /** Runs fn's program for these inputs, or fn itself. */
    public List<Tensor> call(List<Tensor> inputs) {
        if (options.disable() || disabledByProperty()) return fn.apply(inputs);
        Tensor[] in = checked(inputs);
        Object entry = entry(in);
        if (entry instanceof Fallback) return fn.apply(inputs);
        Graph graph = (Graph) entry;
        if (graph.backward != null) return List.of(new CompiledFunction(graph).applyTuple(in));
        try (var g = GradMode.setEnabled(false)) {
            return List.of(graph.outputs(graph.runForward(in)));
        }
    }

    private static Tensor[] checked(List<Tensor> inputs) {
        Tensor[] in = inputs.toArray(new Tensor[0]);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == null) throw new IllegalArgumentException("Torch.compile: input " + i + " is null; compiled functions take tensors");
        }
        return in;
    }

    private Object entry(Tensor[] in) {
        boolean gradEnabled = GradMode.isEnabled();
        Signature key = Signature.of(in, gradEnabled);
        Object entry = cache.get(key);
        if (entry != null) return entry;
        if (cache.size() >= options.cacheSizeLimit()) {
            String reason = "cache size limit reached: " + options.cacheSizeLimit() + " signatures traced already";
            if (options.fullgraph()) throw new Unsupported("Torch.compile: " + reason, null);
            return new Fallback(reason, null);
        }
        entry = traceOrFallback(in, gradEnabled);
        Object won = cache.putIfAbsent(key, entry);
        if (won != null) return won;
        traces.incrementAndGet();
        if (entry instanceof Fallback) fallbacks.incrementAndGet();
        return entry;
    }

    private Object traceOrFallback(Tensor[] in, boolean gradEnabled) {
        String cannot = notOnCpu(in);
        if (cannot != null) return fallback(cannot, null);
        boolean needsGrad = false;
        if (gradEnabled) for (Tensor t : in) needsGrad |= t.requiresGrad();
        try {
            return Tracer.trace(fn, in, gradEnabled, needsGrad);
        } catch (CaptureException e) {
            return fallback(e.getMessage(), e);
        } catch (RuntimeException e) {
            // an op that failed on traced tensors (a device mismatch with a captured tensor, an op meta tensors lack):
            // eager mode gives the function's own result or error
            return fallback(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private Fallback fallback(String reason, Throwable cause) {
        if (options.fullgraph()) throw new Unsupported("Torch.compile(fullgraph=true) cannot capture the function: " + reason, cause);
        return new Fallback(reason, cause);
    }

    private static String notOnCpu(Tensor[] in) {
        for (int i = 0; i < in.length; i++) {
            if (!in[i].device().isCpu()) return "input " + i + " is on " + in[i].device() + "; compiled programs run on the CPU";
        }
        return null;
    }

    /** Signatures traced so far. */
    public int traceCount() { return traces.get(); }

    /** Traced signatures that run eagerly. */
    public int fallbackCount() { return fallbacks.get(); }

    /** The program of the inputs' signature as text, or the reason it runs eagerly. */
    public String explain(List<Tensor> inputs) {
        Object e = entry(checked(inputs));
        if (e instanceof Fallback f) return "runs eagerly: " + f.reason();
        return ((Graph) e).describe();
    }

    /** Generated kernels in the program of the inputs' signature. */
    public int fusedKernelCount(List<Tensor> inputs) {
        Object e = entry(checked(inputs));
        return e instanceof Graph g ? g.fusedKernels : 0;
    }

    /** What a traced program depends on in its inputs: layout, dtype, device, requires_grad, and the grad mode. */
    record Signature(int[] key) {
        static Signature of(Tensor[] in, boolean gradEnabled) {
            List<Integer> k = new ArrayList<>();
            k.add(gradEnabled ? 1 : 0);
            for (Tensor t : in) {
                int[] shape = TensorInternals.shape(t), strides = TensorInternals.strides(t);
                k.add(t.dtype().ordinal());
                k.add(t.device().hashCode());
                k.add(t.requiresGrad() ? 1 : 0);
                k.add(shape.length);
                for (int s : shape) k.add(s);
                for (int s : strides) k.add(s);
                k.add(TensorInternals.offset(t));
                k.add(TensorInternals.storage(t).size());
            }
            int[] a = new int[k.size()];
            for (int i = 0; i < a.length; i++) a[i] = k.get(i);
            return new Signature(a);
        }

        @Override public boolean equals(Object o) { return o instanceof Signature s && Arrays.equals(key, s.key); }

        @Override public int hashCode() { return Arrays.hashCode(key); }
    }
}
