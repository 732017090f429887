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

    /**
     * {@code torch.compile(fn)}: compiles a function from a list of tensors to a list of tensors with the default
     * options. Nothing is traced until the first call.
     *
     * @param fn the function: it reads its inputs from the list and returns its outputs; it must not keep state
     *     between calls that changes what it computes, as it is traced once per input signature
     * @return the compiled function
     * @throws NullPointerException if fn is null
     */
    public static CompiledFunction of(Function<List<Tensor>, List<Tensor>> fn) { return of(fn, CompileOptions.defaults()); }

    /**
     * {@code torch.compile(fn, fullgraph=..., disable=...)}: compiles a function from a list of tensors to a list
     * of tensors. Nothing is traced until the first call.
     *
     * @param fn the function: it reads its inputs from the list and returns its outputs; it must not keep state
     *     between calls that changes what it computes, as it is traced once per input signature
     * @param options fullgraph, disable and the cache size limit
     * @return the compiled function
     * @throws NullPointerException if fn or options is null
     */
    public static CompiledFunction of(Function<List<Tensor>, List<Tensor>> fn, CompileOptions options) {
        return new CompiledFunction(fn, options);
    }

    /**
     * A compiled one-tensor function ({@code Torch.compile(x -> ...)}).
     *
     * @param fn the function of one tensor
     * @param options fullgraph, disable and the cache size limit
     * @return a function that runs fn's compiled program
     * @throws NullPointerException if fn or options is null
     */
    public static UnaryOperator<Tensor> unary(UnaryOperator<Tensor> fn, CompileOptions options) {
        Objects.requireNonNull(fn, "fn");
        CompiledFunction c = of(in -> List.of(fn.apply(in.get(0))), options);
        return x -> c.call(x);
    }

    /**
     * A compiled two-tensor function ({@code Torch.compile((Tensor a, Tensor b) -> ...)}).
     *
     * @param fn the function of two tensors
     * @param options fullgraph, disable and the cache size limit
     * @return a function that runs fn's compiled program
     * @throws NullPointerException if fn or options is null
     */
    public static BinaryOperator<Tensor> binary(BinaryOperator<Tensor> fn, CompileOptions options) {
        Objects.requireNonNull(fn, "fn");
        CompiledFunction c = of(in -> List.of(fn.apply(in.get(0), in.get(1))), options);
        return (a, b) -> c.call(a, b);
    }

    /** Runs the function on inputs: the compiled program of their signature, or eagerly where it cannot be captured. */
    @Override public List<Tensor> apply(List<Tensor> inputs) { return compiler.call(inputs); }

    /**
     * Runs a function with one output: the compiled program of the inputs' signature, or eagerly where it cannot be
     * captured.
     *
     * @param inputs the function's input tensors, in order
     * @return its one output
     * @throws IllegalStateException if the function returns another number of tensors ("the function returns 2
     *     tensors; call apply")
     * @throws IllegalArgumentException if an input is null ("Torch.compile: input 0 is null; compiled functions take
     *     tensors")
     * @throws Unsupported under fullgraph, when the function cannot be captured for the inputs' signature
     *     ("Torch.compile(fullgraph=true) cannot capture the function: ...") or the signature is beyond the cache size
     *     limit ("Torch.compile: cache size limit reached: 64 signatures traced already")
     */
    public Tensor call(Tensor... inputs) {
        List<Tensor> out = apply(java.util.Arrays.asList(inputs));
        if (out.size() != 1) throw new IllegalStateException("the function returns " + out.size() + " tensors; call apply");
        return out.get(0);
    }

    /**
     * How many input signatures have been traced so far.
     *
     * @return the count; each signature is traced once, whether it compiled or fell back
     */
    public int traceCount() { return compiler.traceCount(); }

    /**
     * How many of the traced signatures run eagerly because the function could not be captured for them.
     *
     * @return the count, at most {@link #traceCount()}
     */
    public int fallbackCount() { return compiler.fallbackCount(); }

    /**
     * What the compiled program for these inputs' signature does, one step per line (fused kernels with the calls
     * they replace), or why it runs eagerly; traces the signature if it is new.
     *
     * @param inputs example inputs whose signature (shapes, strides, dtypes, devices, requires_grad) is explained
     * @return the program's text
     * @throws IllegalArgumentException if an input is null ("Torch.compile: input 0 is null; compiled functions take
     *     tensors")
     * @throws Unsupported under fullgraph, when the function cannot be captured for the inputs' signature
     *     ("Torch.compile(fullgraph=true) cannot capture the function: ...") or the signature is beyond the cache size
     *     limit ("Torch.compile: cache size limit reached: 64 signatures traced already")
     */
    public String explain(Tensor... inputs) { return compiler.explain(java.util.Arrays.asList(inputs)); }

    /**
     * How many generated kernels the program for these inputs' signature runs (forward and backward); traces the
     * signature if it is new.
     *
     * @param inputs example inputs whose signature is looked up
     * @return the count, 0 when the signature runs eagerly
     * @throws IllegalArgumentException if an input is null ("Torch.compile: input 0 is null; compiled functions take
     *     tensors")
     * @throws Unsupported under fullgraph, when the function cannot be captured for the inputs' signature
     *     ("Torch.compile(fullgraph=true) cannot capture the function: ...") or the signature is beyond the cache size
     *     limit ("Torch.compile: cache size limit reached: 64 signatures traced already")
     */
    public int fusedKernelCount(Tensor... inputs) { return compiler.fusedKernelCount(java.util.Arrays.asList(inputs)); }
}
