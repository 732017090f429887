package dev.jgrad.compile;

import dev.jgrad.Tensor;
import dev.jgrad.internal.compile.Compiler;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A function of tensors compiled as {@code torch.compile} does: the first call with a new input signature (shapes,
 * strides, dtypes, devices, requires_grad, grad mode) traces it into a program whose chains of elementwise kernels
 * are fused into generated classes; later calls with that signature run the program. A function that cannot be
 * captured (it reads tensor values, writes into its inputs, uses an op that is not captured...) runs eagerly for that
 * signature, or raises {@link Unsupported} under {@code fullgraph}. Safe to call from several threads.
 *
 * <pre>{@code
 * CompiledFunction f = CompiledFunction.of(in -> List.of(in.get(0).mul(in.get(1)).add(in.get(0).sin())));
 * Tensor y = f.call(a, b);
 * }</pre>
 */
public final class CompiledFunction implements Function<List<Tensor>, List<Tensor>> {
    private final Compiler compiler;

    private CompiledFunction(Function<List<Tensor>, List<Tensor>> fn, CompileOptions options) {
        this.compiler = new Compiler(Objects.requireNonNull(fn, "fn"), Objects.requireNonNull(options, "options"));
    }

    /** Compiles a function from a list of tensors to a list of tensors with the default options. */
    public static CompiledFunction of(Function<List<Tensor>, List<Tensor>> fn) { return of(fn, CompileOptions.defaults()); }

    /** Compiles a function from a list of tensors to a list of tensors. */
    public static CompiledFunction of(Function<List<Tensor>, List<Tensor>> fn, CompileOptions options) {
        return new CompiledFunction(fn, options);
    }

    /** A compiled one-tensor function ({@code Torch.compile(x -> ...)}). */
    public static UnaryOperator<Tensor> unary(UnaryOperator<Tensor> fn, CompileOptions options) {
        Objects.requireNonNull(fn, "fn");
        CompiledFunction c = of(in -> List.of(fn.apply(in.get(0))), options);
        return x -> c.call(x);
    }

    /** A compiled two-tensor function ({@code Torch.compile((Tensor a, Tensor b) -> ...)}). */
    public static BinaryOperator<Tensor> binary(BinaryOperator<Tensor> fn, CompileOptions options) {
        Objects.requireNonNull(fn, "fn");
        CompiledFunction c = of(in -> List.of(fn.apply(in.get(0), in.get(1))), options);
        return (a, b) -> c.call(a, b);
    }

    /** Runs the function on inputs: the compiled program of their signature, or eagerly where it cannot be captured. */
    @Override public List<Tensor> apply(List<Tensor> inputs) { return compiler.call(inputs); }

    /** Runs a function with one output. */
    public Tensor call(Tensor... inputs) {
        List<Tensor> out = apply(java.util.Arrays.asList(inputs));
        if (out.size() != 1) throw new IllegalStateException("the function returns " + out.size() + " tensors; call apply");
        return out.get(0);
    }

    /** How many input signatures have been traced so far (each is traced once, whether it compiled or fell back). */
    public int traceCount() { return compiler.traceCount(); }

    /** How many of the traced signatures run eagerly because the function could not be captured for them. */
    public int fallbackCount() { return compiler.fallbackCount(); }

    /**
     * What the compiled program for these inputs' signature does, one step per line (fused kernels with the calls
     * they replace), or why it runs eagerly; traces the signature if it is new.
     */
    public String explain(Tensor... inputs) { return compiler.explain(java.util.Arrays.asList(inputs)); }

    /** How many generated kernels the program for these inputs' signature runs (forward and backward); 0 when it runs eagerly. */
    public int fusedKernelCount(Tensor... inputs) { return compiler.fusedKernelCount(java.util.Arrays.asList(inputs)); }
}
