package dev.jgrad.internal.compile;

/** One instruction of a compiled program. */
interface Step {
    void run(Env env);

    /** One line for {@code CompiledFunction.explain}. */
    String describe();
}
